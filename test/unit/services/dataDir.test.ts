import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { homedir, hostname, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../electron/services/dataDir';
import { openDataDirectory } from '../../../electron/services/store/dataDirectory';
import { TEMP_FILE } from '../../../electron/services/store/durableFile';
import { CHANGE_RESERVE_BYTES, freeBytes } from '../../../electron/services/store/storageErrors';
import { DomainError } from '../../../shared/domain/errors';
import { tempDataDir } from '../../helpers/dataDir';

const SLOW_WRITER = fileURLToPath(new URL('../../fixtures/slowWriter.ts', import.meta.url));

describe('where the data lives', () => {
  it('takes --data DIR first, then --data=DIR, then PUSIAUKELE_DATA', () => {
    const env = { PUSIAUKELE_DATA: '/srv/env-data' };
    expect(resolveDataDir(['electron', '.', '--', '--data', 'demo'], env)).toBe(resolve('demo'));
    expect(resolveDataDir(['--data=/srv/x'], env)).toBe('/srv/x');
    expect(resolveDataDir(['--other'], env)).toBe('/srv/env-data');
  });

  it('refuses --data without a directory instead of silently using another folder', () => {
    for (const argv of [['--data'], ['--data', '--port', '1'], ['--data=']]) {
      expect(() => resolveDataDir(argv, {})).toThrow(expect.objectContaining({ code: 'DATA_DIR_MISSING' }));
    }
  });

  it("falls back to the OS's per-user application data folder", () => {
    expect(resolveDataDir([], { APPDATA: 'C:\\Users\\ona\\AppData\\Roaming' })).toBe(defaultDataDir({ APPDATA: 'C:\\Users\\ona\\AppData\\Roaming' }));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ona\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\ona\\AppData\\Roaming', 'Pusiaukele', 'data'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Pusiaukele', 'data'));
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.local', 'share', 'Pusiaukele', 'data'));
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/Pusiaukele/data');
  });
});

// Issue 16: the data directory's lock (several workstations, one at a time), the temporary files of
// interrupted writes, and a full disk at open. Real directories, real processes, a real small file
// system where this machine lets the test mount one.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LOCK = 'pusiaukele.lock';
type LockFile = { pid: number; host: string; user: string; since: string; heartbeatAt: string; nonce: string };
const readLock = (root: string) => JSON.parse(readFileSync(join(root, LOCK), 'utf8')) as LockFile;
const lockFiles = (root: string) => readdirSync(root).filter((name) => name.startsWith(LOCK));

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('issue 16: several workstations, one at a time', () => {
  it('the lock names the computer, the OS user, the process and since when, and the owner refreshes its sign of life until it closes', async () => {
    const root = tempDataDir();
    const dir = openDataDirectory(root, { heartbeatMs: 40 });
    const first = readLock(root);
    expect(first).toMatchObject({ pid: process.pid, host: hostname(), user: userInfo().username, since: first.heartbeatAt });
    expect(dir.lock).toEqual(first);
    await sleep(150);
    const later = readLock(root);
    // The same ownership (nonce, since), a newer sign of life, replaced whole (never seen half-written).
    expect(later).toMatchObject({ nonce: first.nonce, since: first.since, pid: process.pid });
    expect(Date.parse(later.heartbeatAt)).toBeGreaterThan(Date.parse(first.heartbeatAt));
    expect(dir.lock?.heartbeatAt).toBe(later.heartbeatAt);
    dir.release();
    await sleep(120); // the heartbeat stopped: nothing comes back
    expect(lockFiles(root)).toEqual([]);
  });

  it("never takes over another computer's lock, however old its sign of life, and says who holds it since when", () => {
    const root = tempDataDir();
    openDataDirectory(root).release();
    // Workstation PC-KITAS crashed a week ago: its process cannot be asked from here.
    const theirs = JSON.stringify({ pid: 4242, host: 'PC-KITAS', user: 'ona', since: '2026-11-16T07:58:00.000Z', heartbeatAt: '2026-11-16T11:03:00.000Z', nonce: 'a'.repeat(24) });
    writeFileSync(join(root, LOCK), theirs);
    const error = refusal(() => openDataDirectory(root));
    expect(error.code).toBe('DATA_DIR_LOCKED');
    expect(error.params).toMatchObject({ host: 'PC-KITAS', user: 'ona', otherComputer: true, heartbeatAt: '2026-11-16T11:03:00.000Z' });
    expect(error.message).toContain(
      'Šį duomenų katalogą dabar naudoja kitas kompiuteris: PC-KITAS, naudotojas ona, atidarė 2026-11-16T07:58:00.000Z, paskutinis gyvybės ženklas 2026-11-16T11:03:00.000Z.',
    );
    expect(error.message).toContain(`ištrinkite failą ${join(root, LOCK)}`);
    expect(readFileSync(join(root, LOCK), 'utf8')).toBe(theirs);
    expect(lockFiles(root)).toEqual([LOCK]); // no claim, no draft left behind
    // What the administrator does once sure the app no longer runs there: delete the lock.
    rmSync(join(root, LOCK));
    const dir = openDataDirectory(root);
    expect(readLock(root).host).toBe(hostname());
    dir.release();
  });

  it('a live process on this computer keeps its lock; the refusal names its user and last sign of life', () => {
    const root = tempDataDir();
    const dir = openDataDirectory(root);
    const error = refusal(() => openDataDirectory(root));
    expect(error.code).toBe('DATA_DIR_LOCKED');
    expect(error.message).toContain(`(${hostname()}, procesas ${process.pid}, nuo ${dir.lock!.since}, naudotojas ${userInfo().username}, paskutinis gyvybės ženklas ${dir.lock!.heartbeatAt})`);
    expect(error.params).not.toHaveProperty('otherComputer');
    dir.release();
  });

  it('the heartbeat and closing leave alone a lock that is no longer ours (replaced by hand), and closing never throws', async () => {
    const root = tempDataDir();
    const dir = openDataDirectory(root, { heartbeatMs: 30 });
    const theirs = JSON.stringify({ pid: 7, host: 'PC-KITAS', user: 'jonas', since: '2026-11-23T08:00:00.000Z', heartbeatAt: '2026-11-23T08:00:00.000Z', nonce: 'b'.repeat(24) });
    writeFileSync(join(root, LOCK), theirs);
    await sleep(120);
    expect(readFileSync(join(root, LOCK), 'utf8')).toBe(theirs);
    dir.release();
    expect(readFileSync(join(root, LOCK), 'utf8')).toBe(theirs);
    expect(dir.held).toBe(false);

    // The directory vanished under a running app (a network share gone): closing still does not throw.
    const gone = tempDataDir();
    const open = openDataDirectory(gone);
    rmSync(gone, { recursive: true });
    writeFileSync(gone, 'not a folder');
    expect(() => open.release()).not.toThrow();
    expect(open.held).toBe(false);
  });
});

describe('issue 16: temp files are removed in every folder at open', () => {
  it('removes what a killed write left in meetings/ and every other folder, keeps the earlier content, follows no link', async () => {
    const root = tempDataDir();
    openDataDirectory(root).release();
    mkdirSync(join(root, 'meetings'));
    writeFileSync(join(root, 'meetings', 'm1.json'), '{"id":"m1","before":true}');
    // A real write, killed half-way: the app's process dies while replacing meetings/m1.json.
    const child = spawn(process.execPath, ['--import', 'tsx', SLOW_WRITER, root, 'm1.json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => b.toString().includes('WRITING') && resolve());
      child.once('exit', (code) => reject(new Error(`the writer exited (${code})`)));
    });
    await sleep(100);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const cut = readdirSync(join(root, 'meetings')).filter((n) => TEMP_FILE.test(n));
    expect(cut).toHaveLength(1);
    expect(statSync(join(root, 'meetings', cut[0]!)).size).toBeGreaterThan(0);
    expect(readLock(root).pid).toBe(child.pid); // its lock too: stale now

    // Leftovers of the same kind elsewhere, nested ones too.
    const tmp = (folder: string, name = 'x.json') => {
      mkdirSync(join(root, folder), { recursive: true });
      const path = join(root, folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      writeFileSync(path, 'half');
      return path;
    };
    const swept = [tmp('.', 'users.json'), tmp('generated'), tmp('index', 'snapshot.json'), tmp('audit'), tmp('integrity'), tmp('meetings/archive/2026')];
    // The cases and documents folders remove their own in the background (one file per case or
    // document: opening must not grow with them).
    const theirs = [tmp('cases', 'c1.json'), tmp('documents/ab', 'ab12.bin')];
    // A link out of the data directory is not followed; a file that only looks like a leftover is kept.
    const outside = join(root, '..', 'outside');
    mkdirSync(outside);
    const notOurs = join(outside, `.notes.txt.${'0'.repeat(12)}.tmp`);
    writeFileSync(notOurs, 'someone else’s');
    symlinkSync(outside, join(root, 'generated', 'link-out'));
    writeFileSync(join(root, 'meetings', '.m2.json.tmp'), 'not a temp name');

    const dir = openDataDirectory(root);
    expect(readLock(root).pid).toBe(process.pid);
    expect(readdirSync(join(root, 'meetings')).sort()).toEqual(['.m2.json.tmp', 'archive', 'm1.json']);
    expect(readFileSync(join(root, 'meetings', 'm1.json'), 'utf8')).toBe('{"id":"m1","before":true}');
    for (const path of swept) expect(existsSync(path), path).toBe(false);
    for (const path of [...theirs, notOurs]) expect(existsSync(path), path).toBe(true);
    dir.release();
  });

  it('never sweeps a folder that is not a data directory', () => {
    const root = tempDataDir();
    mkdirSync(root, { recursive: true });
    const stray = join(root, `.thesis.docx.${'a'.repeat(12)}.tmp`);
    writeFileSync(stray, 'a user’s file');
    expect(refusal(() => openDataDirectory(root)).code).toBe('DATA_DIR_FOREIGN');
    expect(existsSync(stray)).toBe(true);
  });
});

/**
 * A small disk: a 4 MiB tmpfs mounted for the test where this machine allows it (root, or a
 * container with the right to mount; CI may not allow it). Otherwise the same test runs on an
 * injected full disk: the file-system calls that create or write files under it fail with ENOSPC
 * and statfs reports what is "free", as a full disk does. Never skipped.
 */
interface SmallDisk {
  readonly kind: 'tmpfs' | 'injected';
  readonly mount: string;
  /** Fill the disk, leaving about `leave` bytes free. */
  fill(leave: number): void;
  /** Free what fill() took. */
  empty(): void;
  close(): void;
}

const INJECTED_ONLY = process.env.PUSIAUKELE_TEST_INJECTED_DISK === '1';

function smallDisk(): SmallDisk {
  const mount = mkdtempSync(join(tmpdir(), 'pusiaukele-small-'));
  // PUSIAUKELE_TEST_INJECTED_DISK=1 runs the injected disk here too (to check CI's way locally).
  const mounted = !INJECTED_ONLY && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mount], { stdio: 'ignore' }).status === 0;
  if (mounted) {
    const filler = join(mount, 'filler');
    return {
      kind: 'tmpfs',
      mount,
      fill(leave) {
        const free = freeBytes(mount)!;
        const fd = openSync(filler, 'w');
        try {
          const chunk = Buffer.alloc(64 * 1024);
          let room = free - leave;
          while (room > 0) room -= writeSync(fd, chunk, 0, Math.min(chunk.length, room));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        } finally {
          closeSync(fd);
        }
      },
      empty: () => rmSync(filler, { force: true }),
      close() {
        spawnSync('umount', ['-l', mount], { stdio: 'ignore' });
        rmSync(mount, { recursive: true, force: true });
      },
    };
  }
  const fs = createRequire(import.meta.url)('node:fs') as Record<string, unknown>;
  const original = { openSync: fs.openSync, writeFileSync: fs.writeFileSync, statfsSync: fs.statfsSync } as Record<string, (...args: unknown[]) => unknown>;
  let free: number | undefined;
  const under = (path: unknown) => typeof path === 'string' && (path === mount || path.startsWith(mount + '/'));
  const full = (path: unknown) => under(path) && free !== undefined && free < 4096;
  const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
  fs.openSync = (path: unknown, flags: unknown, ...rest: unknown[]) => {
    if (full(path) && typeof flags === 'string' && /[wa]/.test(flags)) throw noSpace();
    return original.openSync!(path, flags, ...rest);
  };
  fs.writeFileSync = (path: unknown, ...rest: unknown[]) => {
    if (full(path)) throw noSpace();
    return original.writeFileSync!(path, ...rest);
  };
  fs.statfsSync = (path: unknown, ...rest: unknown[]) => {
    const real = original.statfsSync!(path, ...rest) as { bavail: number; bsize: number };
    return under(path) && free !== undefined ? { ...real, bavail: Math.floor(free / real.bsize) } : real;
  };
  syncBuiltinESMExports();
  return {
    kind: 'injected',
    mount,
    fill: (leave) => {
      free = leave;
    },
    empty: () => {
      free = undefined;
    },
    close() {
      Object.assign(fs, original);
      syncBuiltinESMExports();
      rmSync(mount, { recursive: true, force: true });
    },
  };
}

describe('issue 16: a full disk at open', () => {
  let disk: SmallDisk;
  beforeAll(() => {
    disk = smallDisk();
  });
  afterAll(() => disk.close());

  it('opens a directory whose disk has no room for the lock read-only, without a raw ENOSPC; reads go on; closing does not throw', () => {
    const root = join(disk.mount, `data-${randomBytes(3).toString('hex')}`);
    openDataDirectory(root).release();
    mkdirSync(join(root, 'meetings'));
    writeFileSync(join(root, 'meetings', 'm1.json'), '{"id":"m1"}');
    disk.fill(0);
    try {
      const dir = openDataDirectory(root);
      expect(dir.readOnly).toBe('diskFull');
      expect(dir.held).toBe(false); // not the owner: nothing of it may be written
      expect(dir.lock).toBeUndefined();
      expect(lockFiles(root)).toEqual([]); // no half-written lock or draft left on the full disk
      expect(readFileSync(dir.path('meetings', 'm1.json'), 'utf8')).toBe('{"id":"m1"}');
      const upgrade = refusal(() => dir.setLayout({ ...dir.layout }));
      expect(upgrade.code).toBe('DATA_DIR_NO_SPACE');
      expect(upgrade.message).toContain('nebėra laisvos vietos');
      expect(() => dir.release()).not.toThrow();
    } finally {
      disk.empty();
    }
    // Space freed: the next open owns the directory again.
    const dir = openDataDirectory(root);
    expect(dir.held).toBe(true);
    expect(dir.readOnly).toBeUndefined();
    dir.release();
  });

  it("still refuses a directory another live process holds on a full disk, and that owner's closing removes its lock", async () => {
    const root = join(disk.mount, `data-${randomBytes(3).toString('hex')}`);
    const owner = openDataDirectory(root, { heartbeatMs: 20 });
    disk.fill(0);
    try {
      expect(refusal(() => openDataDirectory(root)).code).toBe('DATA_DIR_LOCKED');
      await sleep(80); // heartbeats on a full disk fail quietly: the lock stays whole and ours
      expect(readLock(root).nonce).toBe(owner.lock!.nonce);
      expect(() => owner.release()).not.toThrow();
      expect(lockFiles(root)).toEqual([]);
      // A new directory cannot be made on it: told so, nothing left inside.
      const fresh = join(disk.mount, 'fresh');
      const error = refusal(() => openDataDirectory(fresh));
      expect(error.code).toBe('DATA_DIR_NO_SPACE');
      expect(existsSync(fresh) ? readdirSync(fresh) : []).toEqual([]);
    } finally {
      disk.empty();
    }
  });

  it('holds the lock but is read-only while free space is near zero, reports the free bytes, and takes changes again once space is freed', () => {
    const root = join(disk.mount, `data-${randomBytes(3).toString('hex')}`);
    openDataDirectory(root).release();
    disk.fill(256 * 1024);
    try {
      const dir = openDataDirectory(root);
      expect(dir.held).toBe(true);
      expect(readLock(root).pid).toBe(process.pid);
      const low = freeBytes(root)!;
      expect(low).toBeLessThan(CHANGE_RESERVE_BYTES);
      expect(dir.readOnly).toBe('diskFull');
      disk.empty();
      expect(freeBytes(root)!).toBeGreaterThan(low + 2 * 1024 * 1024); // the filler's megabytes back
      expect(dir.readOnly).toBeUndefined();
      dir.release();
    } finally {
      disk.empty();
    }
  });
});
