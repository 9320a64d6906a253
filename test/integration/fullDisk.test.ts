/**
 * Issue 16, "Full disk": a successful sign-in writes nothing that can fail it; a change on a full
 * disk is refused with DISK_FULL and leaves the data directory byte-for-byte as it was, while reading
 * goes on; the app warns under 500 MB free; closing never throws.
 *
 * The disk is a real small filesystem (a 4 MB tmpfs) when this machine lets the test mount one (as
 * root, outside a locked-down container). Where it cannot (CI), the same tests run with ENOSPC
 * injected at the file system's write calls (node:fs itself, as every store reaches it), never
 * skipped. Every write point of a sign-in and of a change is also tried one by one, injected.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openServices, type Services } from '../../electron/services/index';
import { CHANGE_RESERVE_BYTES, LOW_SPACE_BYTES } from '../../electron/services/store/storageErrors';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { ADMIN, as, firstAdministrator, signedIn } from '../helpers/users';

// ---- the disk ----

const nodeFs = createRequire(import.meta.url)('node:fs') as Record<string, unknown>;

/** The write calls a full disk refuses (ENOSPC); reads, renames, removals and opening files still work there. */
const WRITE_CALLS = ['writeSync', 'writeFileSync', 'appendFileSync'] as const;

/**
 * ENOSPC from the `from`-th write call on (1: every write), as a disk that fills up at that moment
 * and stays full. `count()`: the write calls made since. The ESM bindings of node:fs follow.
 */
function injectNoSpace(from = 1) {
  const originals = new Map(WRITE_CALLS.map((name) => [name, nodeFs[name] as (...args: unknown[]) => unknown]));
  let calls = 0;
  for (const [name, original] of originals) {
    nodeFs[name] = (...args: unknown[]) => {
      calls++;
      if (calls >= from) throw Object.assign(new Error(`ENOSPC: no space left on device, ${name}`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      return original(...args);
    };
  }
  syncBuiltinESMExports();
  return {
    count: () => calls,
    restore: () => {
      for (const [name, original] of originals) nodeFs[name] = original;
      syncBuiltinESMExports();
    },
  };
}

/** A 4 MB filesystem of its own, if this machine lets the test mount one. */
function mountSmallDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'pusiaukele-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

interface Disk {
  readonly kind: 'tmpfs' | 'injected';
  readonly dataDir: string;
  /** Fill the disk to the last byte (or make every write fail). */
  fill(): void;
  /** Give the space back. */
  free(): void;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** The disk the data directory lives on: a small real one when it can be mounted, else injected failures. */
function disk(): Disk {
  // PUSIAUKELE_TEST_NO_MOUNT=1 runs the injected way here too, as CI would.
  const mount = process.env.PUSIAUKELE_TEST_NO_MOUNT === '1' ? null : mountSmallDisk();
  if (mount) {
    const filler = join(mount, 'filler');
    cleanups.push(() => {
      execFileSync('umount', ['-l', mount]);
      rmSync(mount, { recursive: true, force: true });
    });
    return {
      kind: 'tmpfs',
      dataDir: join(mount, 'data'),
      fill: () => {
        const fd = openSync(filler, 'a');
        try {
          for (const size of [1024 * 1024, 64 * 1024, 4096, 1]) {
            const chunk = Buffer.alloc(size, 0x5a);
            try {
              for (;;) writeSync(fd, chunk);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
            }
          }
        } finally {
          closeSync(fd);
        }
      },
      free: () => rmSync(filler, { force: true }),
    };
  }
  let injected: ReturnType<typeof injectNoSpace> | undefined;
  const free = () => {
    injected?.restore();
    injected = undefined;
  };
  cleanups.push(free);
  return {
    kind: 'injected',
    dataDir: tempDataDir(),
    fill: () => {
      injected ??= injectNoSpace();
    },
    free,
  };
}

/** Every file of the data directory with a hash of its bytes: equal snapshots, an unchanged directory. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return files;
}

/** What the back end logged meanwhile (console.error), as one text. */
function logged() {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  cleanups.push(() => spy.mockRestore());
  return {
    text: () => spy.mock.calls.map((c) => c.map(String).join(' ')).join('\n'),
    stacks: () => spy.mock.calls.map((c) => c.map((x) => (x instanceof Error ? x.stack : String(x))).join(' ')).join('\n'),
    count: () => spy.mock.calls.length,
  };
}

/** A clock the test moves by hand. */
function clock(start = '2026-11-23T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advanceMinutes: (m: number) => (t += m * 60_000) };
}

const SECRETARY_PASSWORD = 'Naujas-sekretore-2';

/** Services on `dataDir` with the administrator and a secretary set up, and the hand-moved clock. */
async function setUp(dataDir: string) {
  const c = clock();
  const services = await openServices({ dataDir, today: '2026-11-23', verifyOnOpen: false, now: c.now });
  cleanups.push(() => services.close());
  const admin = await firstAdministrator(services);
  await signedIn(services, admin, 'sekretore', ['secretary']);
  return { services, admin, clock: c };
}

/** Lock the secretary's account (5 wrong passwords), written while there is space, then let the lockout end. */
async function lockedThenOpen(services: Services, c: ReturnType<typeof clock>) {
  for (let i = 0; i < 5; i++) await refused(services.dispatch, 'auth.login', { username: 'sekretore', password: 'neteisingas' });
  await new Promise((r) => setImmediate(r)); // the lockout is written after the answer
  c.advanceMinutes(16);
}

const NEW_MEMBER = { username: 'narys', displayName: 'Naujas narys', roles: ['member'], password: 'Slaptazodis-123' };

// ---- the tests ----

describe('a full disk (issue 16)', () => {
  it('issue 16 "a successful sign-in writes nothing that can fail it": on a full disk everyone signs in, the reset of an ended lockout included, and nothing is written', async () => {
    const d = disk();
    const { services, clock: c } = await setUp(d.dataDir);
    await lockedThenOpen(services, c);
    const log = logged();
    d.fill();
    const before = snapshot(d.dataDir);

    const admin = await ok(services.dispatch, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(admin.user.username).toBe('admin');
    // The secretary's ended lockout is bookkeeping to reset: the disk refuses it, the sign-in goes on.
    const secretary = await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: SECRETARY_PASSWORD });
    await ok(as(services, secretary.session), 'cases.list', {});
    // And again: the second refusal is not logged again.
    await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: SECRETARY_PASSWORD });

    expect(snapshot(d.dataDir)).toEqual(before);
    expect(log.count()).toBe(1);
    expect(log.text()).toMatch(/Sign-in bookkeeping .* not written \(DISK_FULL\)/);
    expect(log.text()).not.toContain('sekretore'); // no personal data in the log
    d.free();
  });

  it('issue 16 "failed attempts on a full disk": the lockout still holds in memory, and the administrator sees it', async () => {
    const d = disk();
    const { services, admin } = await setUp(d.dataDir);
    logged();
    d.fill();
    const before = snapshot(d.dataDir);
    for (let i = 1; i <= 4; i++) expect((await refused(services.dispatch, 'auth.login', { username: 'sekretore', password: 'neteisingas' })).code).toBe('WRONG_CREDENTIALS');
    expect((await refused(services.dispatch, 'auth.login', { username: 'sekretore', password: 'neteisingas' })).code).toBe('ACCOUNT_LOCKED');
    await new Promise((r) => setImmediate(r)); // the lockout's write is tried, and refused
    // The right password does not open it either: the safe side.
    const locked = await refused(services.dispatch, 'auth.login', { username: 'sekretore', password: SECRETARY_PASSWORD });
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    expect(locked.params).toMatchObject({ lockedUntil: '2026-11-23T08:15:00.000Z' });
    const view = (await ok(as(services, admin), 'users.list', {})).find((u) => u.username === 'sekretore');
    expect(view?.lockedUntil).toBe('2026-11-23T08:15:00.000Z');
    expect(snapshot(d.dataDir)).toEqual(before);
    d.free();
  });

  it('issue 16 "full disk": a change is refused with DISK_FULL in plain Lithuanian, the data directory stays byte-for-byte the same, reading goes on; with space again the change goes through', async () => {
    const d = disk();
    const { services, admin } = await setUp(d.dataDir);
    const secretary = (await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: SECRETARY_PASSWORD })).session;
    d.fill();
    const before = snapshot(d.dataDir);

    const error = await refused(as(services, admin), 'users.create', NEW_MEMBER);
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toMatch(/^Diske nebėra vietos, todėl neįrašyta: .+\. Ankstesni duomenys nepakeisti\. Atlaisvinkite vietos ir pakartokite\.$/);
    expect(snapshot(d.dataDir)).toEqual(before);

    // Reading goes on.
    expect((await ok(as(services, admin), 'users.list', {})).map((u) => u.username).sort()).toEqual(['admin', 'sekretore']);
    await ok(as(services, secretary), 'cases.list', {});
    expect((await ok(as(services, admin), 'audit.list', {})).length).toBeGreaterThan(0);

    d.free();
    await ok(as(services, admin), 'users.create', NEW_MEMBER);
    expect((await ok(as(services, admin), 'users.list', {})).map((u) => u.username)).toContain('narys');
  });

  it('issue 16 "a full directory opens read-only with a clear DISK_FULL message": opened on a full disk, users sign in and read; every change is refused with DISK_FULL, nothing written', async () => {
    const d = disk();
    const first = await setUp(d.dataDir);
    await first.services.close();
    const log = logged();
    d.fill();
    const before = snapshot(d.dataDir);
    const services = await openServices({ dataDir: d.dataDir, today: '2026-11-23', verifyOnOpen: false });
    cleanups.push(() => services.close());
    const admin = (await ok(services.dispatch, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).session;
    const secretary = (await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: SECRETARY_PASSWORD })).session;
    await ok(as(services, secretary), 'cases.list', {});
    expect((await ok(as(services, admin), 'users.list', {})).length).toBe(2);
    const error = await refused(as(services, admin), 'users.create', NEW_MEMBER);
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toContain('Ankstesni duomenys nepakeisti. Atlaisvinkite vietos ir pakartokite.');
    await services.close();
    expect(snapshot(d.dataDir)).toEqual(before);
    expect(log.text()).not.toMatch(/\n\s+at /);
  });

  it('issue 16 "full disk": ENOSPC at each write point of a sign-in leaves the user signed in', async () => {
    // How many writes a sign-in with bookkeeping to reset makes, with space.
    const dry = await setUp(tempDataDir());
    await lockedThenOpen(dry.services, dry.clock);
    const counting = injectNoSpace(Number.POSITIVE_INFINITY);
    await ok(dry.services.dispatch, 'auth.login', { username: 'sekretore', password: SECRETARY_PASSWORD });
    const points = counting.count();
    counting.restore();
    expect(points).toBeGreaterThan(0); // the reset is written when there is space

    logged();
    for (let k = 1; k <= points; k++) {
      const { services, clock: c } = await setUp(tempDataDir());
      await lockedThenOpen(services, c);
      const fault = injectNoSpace(k);
      try {
        const { session } = await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: SECRETARY_PASSWORD });
        await ok(as(services, session), 'cases.list', {});
      } finally {
        fault.restore();
      }
      await services.close();
    }
  });

  it('issue 16 "full disk": a disk that fills at any write point of a change either refuses it with DISK_FULL, the records as they were, or — once the record itself is on disk — keeps it as acknowledged; the directory always opens again', async () => {
    const dry = await setUp(tempDataDir());
    const counting = injectNoSpace(Number.POSITIVE_INFINITY);
    await ok(as(dry.services, dry.admin), 'users.create', NEW_MEMBER);
    const points = counting.count();
    counting.restore();
    expect(points).toBeGreaterThanOrEqual(2); // the audit entry, then the users file

    const log = logged();
    const outcomes: string[] = [];
    for (let k = 1; k <= points; k++) {
      const dataDir = tempDataDir();
      const { services, admin } = await setUp(dataDir);
      const before = snapshot(dataDir);
      const fault = injectNoSpace(k);
      let result;
      try {
        result = await as(services, admin)('users.create', NEW_MEMBER);
      } finally {
        fault.restore();
      }
      const after = snapshot(dataDir);
      // The records (users, keys, settings) are untouched; the trail and the manifest may tell of the attempt.
      const records = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([p]) => !p.startsWith('audit') && !p.startsWith('integrity')));
      if (!result.ok) {
        expect(result.error.code, `write point ${k}: ${log.stacks()}`).toBe('DISK_FULL');
        expect(records(after), `write point ${k}`).toEqual(records(before));
        if (k === 1) expect(after, 'the first write refused: nothing at all changed').toEqual(before);
      }
      outcomes.push(result.ok ? 'kept' : 'refused');
      const created = (await ok(as(services, admin), 'users.list', {})).map((u) => u.username).includes('narys');
      expect(created, `write point ${k}`).toBe(result.ok);
      await services.close();
      // Nothing torn, nothing acknowledged lost: the directory opens, the administrator signs in, the trail verifies, nothing is reported.
      const again = await openServices({ dataDir, verifyOnOpen: false });
      const session = (await ok(again.dispatch, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).session;
      expect((await ok(as(again, session), 'users.list', {})).map((u) => u.username).includes('narys'), `write point ${k}`).toBe(result.ok);
      expect((await ok(as(again, session), 'audit.verify', {})).ok, `write point ${k}`).toBe(true);
      expect((await ok(as(again, session), 'audit.integrity', {})).problems, `write point ${k}`).toEqual([]);
      await again.close();
    }
    // Refused while the record was not yet on disk; kept only after (the manifest's line comes after the write it records).
    expect(outcomes[0]).toBe('refused');
    expect(outcomes.indexOf('kept') === -1 || outcomes.slice(outcomes.indexOf('kept')).every((o) => o === 'kept')).toBe(true);
  });

  it('issue 16 "the app warns when free space drops under 500 MB": app.info tells a signed-in user the free space and the level; nobody else', async () => {
    const d = disk();
    const { services, admin } = await setUp(d.dataDir);
    const info = await ok(as(services, admin), 'app.info', {});
    expect(info.disk?.warnBelowBytes).toBe(LOW_SPACE_BYTES);
    expect(LOW_SPACE_BYTES).toBe(500 * 1024 * 1024);
    expect(info.disk?.freeBytes).toEqual(expect.any(Number));
    if (d.kind === 'tmpfs') expect(info.disk!.freeBytes!).toBeLessThan(info.disk!.warnBelowBytes); // 4 MB: a real low disk
    expect((await ok(services.dispatch, 'app.info', {})).disk).toBeUndefined(); // not signed in: not told

    // The level injected: above the free space the warning is due, under it not.
    const free = info.disk!.freeBytes!;
    try {
      process.env.PUSIAUKELE_LOW_SPACE_MB = String(Math.ceil(free / (1024 * 1024)) + 1);
      const low = (await ok(as(services, admin), 'app.info', {})).disk!;
      expect(low.freeBytes!).toBeLessThan(low.warnBelowBytes);
      process.env.PUSIAUKELE_LOW_SPACE_MB = '0';
      const plenty = (await ok(as(services, admin), 'app.info', {})).disk!;
      expect(plenty.freeBytes!).toBeGreaterThanOrEqual(plenty.warnBelowBytes);
    } finally {
      delete process.env.PUSIAUKELE_LOW_SPACE_MB;
    }
  });

  it('issue 16 "full disk": under the reserve a change is refused before its audit entry, on a real nearly full disk', async () => {
    const d = disk();
    const { services, admin } = await setUp(d.dataDir);
    if (d.kind === 'injected') {
      // No small disk here: the reserve is checked against this disk's real free space instead.
      const info = await ok(as(services, admin), 'app.info', {});
      expect(info.disk!.freeBytes!).toBeGreaterThan(CHANGE_RESERVE_BYTES);
      await ok(as(services, admin), 'users.create', NEW_MEMBER);
      return;
    }
    // Leave less than the reserve free, more than the change needs: it is refused all the same.
    d.fill();
    rmSync(join(d.dataDir, '..', 'filler'));
    const fd = openSync(join(d.dataDir, '..', 'filler'), 'w');
    const free = (await ok(as(services, admin), 'app.info', {})).disk!.freeBytes!;
    writeSync(fd, Buffer.alloc(free - CHANGE_RESERVE_BYTES / 2));
    closeSync(fd);
    const before = snapshot(d.dataDir);
    expect((await refused(as(services, admin), 'users.create', NEW_MEMBER)).code).toBe('DISK_FULL');
    expect(snapshot(d.dataDir)).toEqual(before);
  });
});

describe('closing (issue 16)', () => {
  it('issue 16 "closing never throws": a full disk at close is logged in one line, the lock is released, the directory opens again', async () => {
    const d = disk();
    const { services } = await setUp(d.dataDir);
    const log = logged();
    d.fill();
    await expect(services.close()).resolves.toBeUndefined();
    d.free();
    expect(log.text()).not.toMatch(/\n\s+at /); // no stack traces
    expect(existsSync(join(d.dataDir, 'pusiaukele.lock'))).toBe(false);
    const again = await openServices({ dataDir: d.dataDir, verifyOnOpen: false });
    await ok(again.dispatch, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await again.close();
  });

  it('issue 16 "closing never throws": EIO from closing the case index and the audit trail is logged in one line each, the lock is released, the directory opens again', async () => {
    // The files the app keeps open to append to (the case index journal, the audit trail) fail
    // their close with EIO, as a network share or a failing disk can; every other file closes well.
    const open = nodeFs.openSync as (path: string, flags?: string, mode?: number) => number;
    const close = nodeFs.closeSync as (fd: number) => void;
    const appended = new Set<number>();
    let failing = false;
    nodeFs.openSync = (path: string, flags?: string, mode?: number) => {
      const fd = open(path, flags, mode);
      if (typeof flags === 'string' && flags.startsWith('a')) appended.add(fd);
      return fd;
    };
    nodeFs.closeSync = (fd: number) => {
      close(fd);
      // The number is free again once closed: a file opened later may get it.
      if (appended.delete(fd) && failing) throw Object.assign(new Error('EIO: i/o error, close'), { code: 'EIO', errno: -5, syscall: 'close' });
    };
    syncBuiltinESMExports();
    cleanups.push(() => {
      nodeFs.openSync = open;
      nodeFs.closeSync = close;
      syncBuiltinESMExports();
    });
    const dataDir = tempDataDir();
    const { services } = await setUp(dataDir);
    const log = logged();
    failing = true;
    await expect(services.close()).resolves.toBeUndefined();
    failing = false;
    expect(log.text()).toMatch(/the case index failed \(EIO/);
    expect(log.text()).toMatch(/the audit trail failed \(EIO/);
    expect(log.text()).not.toMatch(/\n\s+at /); // no stack traces
    expect(existsSync(join(dataDir, 'pusiaukele.lock'))).toBe(false);
    const again = await openServices({ dataDir, verifyOnOpen: false });
    await ok(again.dispatch, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await again.close();
  });

  it('issue 16 "closing never throws": the data directory removed under the running app', async () => {
    const dataDir = tempDataDir();
    const { services } = await setUp(dataDir);
    logged();
    rmSync(dataDir, { recursive: true, force: true });
    await expect(services.close()).resolves.toBeUndefined();
    await expect(services.close()).resolves.toBeUndefined(); // and twice
    mkdirSync(dataDir); // the test's clean-up finds its folder
  });
});
