// Packages the built app with the real electron-builder configuration (linux, --dir) and checks what
// ends up in app.asar. Electron itself cannot be downloaded here, so electron-builder is given a
// stand-in unpacked Electron (electronDist): the files it renames and moves, nothing more.
// Needs `npm run build` first.
import { listPackage, extractFile } from '@electron/asar';
import { execFile } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** @electron/fuses' marker of the fuse wire in an Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const BUILT = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
const TIMEOUT = 180_000;
const run = promisify(execFile);

let work: string;
let unpacked: string;
let entries: string[];

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** What electron-builder needs of an unpacked Electron for linux: the binary it renames, and the rest it copies. */
async function standInElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  // The stand-in carries Electron's fuse wire as the real binary does (sentinel, version 1, eight
  // fuses in their shipped state), so that electron-builder can flip the fuses the config asks for.
  await writeFile(join(dir, 'electron'), `#!/bin/sh\necho "stand-in Electron: cannot run" >&2\nexit 1\n# ${FUSE_SENTINEL}\x01\x0810110001\n`);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for the Electron license.\n');
  // electronLanguages (lt, en-US) prunes locales/: keep one file per wanted language, plus one it removes
  for (const locale of ['lt', 'en-US', 'de']) await writeFile(join(dir, 'locales', `${locale}.pak`), '');
}

beforeAll(async () => {
  const missing = [];
  for (const file of BUILT) if (!(await exists(join(ROOT, file)))) missing.push(file);
  if (missing.length > 0) {
    throw new Error(`The packaging test packages the built app: run \`npm run build\` first (missing ${missing.join(', ')}).`);
  }
  work = await mkdtemp(join(tmpdir(), 'pusiaukele-packaging-'));
  const electronDist = join(work, 'electron-dist');
  const output = join(work, 'out');
  await standInElectron(electronDist);
  const unreachable = 'http://127.0.0.1:9/'; // any download attempt fails at once instead of waiting
  await run(
    join(ROOT, 'node_modules', '.bin', 'electron-builder'),
    [
      '-c',
      'build/electron-builder.yml',
      '--linux',
      '--dir',
      `-c.electronDist=${electronDist}`,
      // Rebuilding pkcs11js for Electron downloads Electron's headers, which this network refuses;
      // a release build does it (npmRebuild: true in the configuration).
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    {
      cwd: ROOT,
      timeout: TIMEOUT,
      maxBuffer: 16 * 1024 * 1024,
      env: {
        ...process.env,
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        ELECTRON_MIRROR: unreachable,
        ELECTRON_BUILDER_BINARIES_MIRROR: unreachable,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      },
    },
  );
  unpacked = join(output, 'linux-unpacked');
  entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((entry) =>
    entry.replaceAll('\\', '/').replace(/^\//, ''),
  );
}, TIMEOUT);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

describe('packaging (electron-builder, linux --dir)', () => {
  it('produces the renamed executable next to app.asar, with the Electron license and only lt/en-US locales', async () => {
    expect(await exists(join(unpacked, 'pusiaukele'))).toBe(true);
    expect(await exists(join(unpacked, 'LICENSE.electron.txt'))).toBe(true);
    expect((await readdir(join(unpacked, 'locales'))).sort()).toEqual(['en-US.pak', 'lt.pak']);
  });

  it('app.asar holds the bundled main process, the preload, the renderer, the documents\' fonts and package.json', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'dist/electron/main.cjs',
        'dist/electron/preload.cjs',
        'dist/renderer/index.html',
        'dist/electron/fonts/LiberationSerif-Regular.ttf',
        'dist/electron/fonts/LiberationSerif-Bold.ttf',
        'package.json',
      ]),
    );
  });

  it('flips the Electron fuses: no running as Node, no NODE_OPTIONS or --inspect, app only from app.asar', async () => {
    const binary = await readFile(join(unpacked, 'pusiaukele'), 'latin1');
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const wire = binary.slice(at + 2, at + 2 + 8);
    // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolPrivileges
    expect(wire).toBe('01000100');
  });

  it('the packaged package.json starts dist/electron/main.cjs, and the bundles are the built ones', async () => {
    const asar = join(unpacked, 'resources', 'app.asar');
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main?: string };
    expect(manifest.main).toBe('dist/electron/main.cjs');
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      expect(extractFile(asar, file).equals(await readFile(join(ROOT, file))), file).toBe(true);
    }
  });

  it('the packaged preload requires nothing but electron (a sandboxed preload can require no more)', () => {
    const preload = extractFile(join(unpacked, 'resources', 'app.asar'), 'dist/electron/preload.cjs').toString('utf8');
    const required = [...preload.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => m[1]?.trim());
    expect(required).toEqual(['"electron"']);
  });

  it('holds no devDependencies, and of node_modules only the native smart-card module: the bundles are self-contained', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const devDependencies = Object.keys(manifest.devDependencies);
    expect(devDependencies).toContain('electron');
    for (const name of devDependencies) {
      expect(entries.filter((e) => e === `node_modules/${name}` || e.startsWith(`node_modules/${name}/`)), name).toEqual([]);
    }
    // pkcs11js is native (a .node file esbuild cannot bundle); nothing else is shipped as a module.
    const modules = new Set(entries.filter((e) => e.startsWith('node_modules/')).map((e) => e.split('/')[1]));
    expect([...modules]).toEqual(['pkcs11js']);
    expect(entries).toContain('node_modules/pkcs11js/build/Release/pkcs11.node');
  });

  it('holds no sources and no tests', () => {
    expect(entries.filter((e) => /\.(?:tsx?|mts|cts)$/.test(e))).toEqual([]);
    // only dist/, package.json and the native module: no test/, electron/, renderer/, shared/, build/ or docs/
    expect([...new Set(entries.map((e) => e.split('/')[0]))].sort()).toEqual(['dist', 'node_modules', 'package.json']);
  });
});
