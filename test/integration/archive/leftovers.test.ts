// Issue 15: what a crash leaves outside the encrypted data directory holds personal data in clear —
// a package cut short in the exports folder, a package uploaded for checking in the OS temp folder.
// The next start removes them once they are surely abandoned.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/index';
import { tempDataDir } from '../../helpers/dataDir';

describe('leftovers of a crash outside the data directory (issue 15)', () => {
  it('a package cut short over an hour ago and the uploads of a process that is gone are removed at the next start; fresh ones stay', async () => {
    const exportDir = mkdtempSync(join(tmpdir(), 'pusiaukele-exports-'));
    const old = join(exportDir, 'byla-x.zip.0123456789ab.part');
    const fresh = join(exportDir, 'byla-y.zip.ba9876543210.part');
    const finished = join(exportDir, 'byla-z.zip');
    for (const path of [old, fresh, finished]) writeFileSync(path, 'asmens duomenys');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    utimesSync(finished, twoHoursAgo, twoHoursAgo);
    // The staging folder of a process that has ended (its pid no longer runs).
    const ended = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    const stale = join(tmpdir(), `pusiaukele-staged-${ended}-deadbeef`);
    const mine = join(tmpdir(), `pusiaukele-staged-${process.pid}-cafebabe`);
    for (const folder of [stale, mine]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'paketas.zip'), 'asmens duomenys');
    }
    const services = await openServices({ dataDir: tempDataDir(), verifyOnOpen: false, exportDir });
    try {
      expect(existsSync(old)).toBe(false);
      expect(existsSync(fresh)).toBe(true); // may still be being written by another export
      expect(existsSync(finished)).toBe(true); // a whole package is the user's
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(mine)).toBe(true); // a running process's
    } finally {
      await services.close();
      rmSync(exportDir, { recursive: true, force: true });
      rmSync(mine, { recursive: true, force: true });
    }
  });
});
