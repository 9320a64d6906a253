// Layering, enforced rather than hoped for (DESIGN §2, §4):
// - renderer/ and shared/ never reach into electron/ and never use a Node built-in;
// - only electron/main/ and electron/preload/ import 'electron'.
// Imports are read with TypeScript's own pre-processor (static, type-only, re-exports, dynamic
// import() and require()), so comments and strings that merely look like imports do not count.
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'release', 'coverage', '.git', '.tmp']);
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const NODE_BUILTINS = new Set(builtinModules);

interface SourceFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  text: string;
}

interface LayeringViolation {
  file: string;
  specifier: string;
  rule: string;
}

const isUnder = (path: string, folder: string): boolean => path.startsWith(`${folder}/`);

function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  const [first = ''] = specifier.split('/');
  return NODE_BUILTINS.has(first);
}

function isElectronPackage(specifier: string): boolean {
  return specifier === 'electron' || specifier.startsWith('electron/');
}

/** True when a relative or absolute specifier written in `file` lands inside electron/. */
function reachesElectronFolder(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.') && !isAbsolute(specifier)) return false;
  const target = isAbsolute(specifier)
    ? relative(ROOT, specifier).split(sep).join('/')
    : posix.normalize(posix.join(posix.dirname(file), specifier));
  return target === 'electron' || isUnder(target, 'electron');
}

function findLayeringViolations(files: readonly SourceFile[]): LayeringViolation[] {
  const violations: LayeringViolation[] = [];
  for (const { path, text } of files) {
    const pure = isUnder(path, 'renderer') || isUnder(path, 'shared');
    const shell = isUnder(path, 'electron/main') || isUnder(path, 'electron/preload');
    for (const specifier of importsOf(text)) {
      const found = (rule: string) => violations.push({ file: path, specifier, rule });
      if (pure && reachesElectronFolder(path, specifier)) found('renderer/ and shared/ must not import from electron/');
      if (pure && isNodeBuiltin(specifier)) found('renderer/ and shared/ must not use Node built-ins');
      if (!shell && isElectronPackage(specifier)) found("only electron/main/ and electron/preload/ may import 'electron'");
    }
  }
  return violations;
}

async function repositorySources(dir = ROOT): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...(await repositorySources(full)));
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
      files.push({ path: relative(ROOT, full).split(sep).join('/'), text: await readFile(full, 'utf8') });
    }
  }
  return files;
}

const lines = (...source: string[]): string => source.join('\n');

describe('architecture', () => {
  it('the repository respects the layering', async () => {
    const files = await repositorySources();
    expect(files.some((f) => isUnder(f.path, 'shared'))).toBe(true);
    expect(findLayeringViolations(files)).toEqual([]);
  });

  it('the scan sees real imports: the shell does import electron, and nothing else does', async () => {
    const files = await repositorySources();
    const electronImporters = files
      .filter((f) => importsOf(f.text).some(isElectronPackage))
      .map((f) => f.path)
      .sort();
    expect(electronImporters).toContain('electron/main/lifecycle.ts');
    expect(electronImporters).toContain('electron/preload/index.ts');
    expect(electronImporters.every((p) => isUnder(p, 'electron/main') || isUnder(p, 'electron/preload'))).toBe(true);
  });

  it('the checker finds each kind of offence (it can fail)', () => {
    const offending: SourceFile[] = [
      { path: 'renderer/App.tsx', text: "import { readFile } from 'node:fs';" },
      { path: 'renderer/paths.ts', text: "import path from 'path';\nexport const p = path.sep;" },
      { path: 'renderer/crypto.ts', text: "const { randomUUID } = require('crypto');" },
      { path: 'shared/domain/spawn.ts', text: "export * from 'child_process';" },
      { path: 'shared/domain/types.ts', text: "import type { Services } from '../../electron/services/index';" },
      { path: 'renderer/lazy.ts', text: "export const load = () => import('../electron/main/ipc');" },
      { path: 'renderer/deep/fs.ts', text: "import { x } from '../../electron';" },
      { path: 'electron/services/window.ts', text: "import { BrowserWindow } from 'electron';" },
      { path: 'test/helper.ts', text: "const { app } = require('electron/main');" },
    ];
    const found = findLayeringViolations(offending).map((v) => `${v.file} ${v.specifier}`);
    expect(found).toEqual([
      'renderer/App.tsx node:fs',
      'renderer/paths.ts path',
      'renderer/crypto.ts crypto',
      'shared/domain/spawn.ts child_process',
      'shared/domain/types.ts ../../electron/services/index',
      'renderer/lazy.ts ../electron/main/ipc',
      'renderer/deep/fs.ts ../../electron',
      'electron/services/window.ts electron',
      'test/helper.ts electron/main',
    ]);
  });

  it('the checker lets allowed code through', () => {
    const allowed: SourceFile[] = [
      { path: 'electron/main/window.ts', text: "import { BrowserWindow } from 'electron';\nimport { join } from 'node:path';" },
      { path: 'electron/preload/index.ts', text: "import { contextBridge } from 'electron';" },
      { path: 'electron/services/store.ts', text: "import { writeFile } from 'node:fs/promises';" },
      {
        path: 'renderer/App.tsx',
        text: lines(
          "import { useState } from 'react';",
          "import type { InvokeResult } from '../shared/contract/result';",
          "import { electronLike } from './electron-like';",
          "// import fs from 'fs' is only a comment",
          "const hint = \"import os from 'os'\";",
        ),
      },
      { path: 'shared/domain/calendar.ts', text: "import { z } from 'zod';\nimport { x } from './electronics';" },
    ];
    expect(findLayeringViolations(allowed)).toEqual([]);
  });
});
