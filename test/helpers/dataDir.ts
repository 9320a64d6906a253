import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh, real data directory under the OS temp folder, removed after the test. */
export function tempDataDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'pusiaukele-test-')), 'data');
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(join(dir, '..'), { recursive: true, force: true });
});

export { ok, refused } from './calls';
