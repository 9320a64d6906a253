import { closeSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../../../shared/domain/errors';
import { readFileIfExists, sweepLeftoverTemps, writeFileDurable } from './durableFile';
import { CHANGE_RESERVE_BYTES, freeBytes, isDiskFull } from './storageErrors';

/**
 * The version of the data directory's layout; raised with a migration whenever the layout changes.
 * 1: plain JSON files. 2: every file the store writes is encrypted (issue 3, see encryption.ts).
 * 3: records sealed for their path and version, with an integrity manifest (issue 16, manifest.ts).
 */
export const SCHEMA_VERSION = 3;
const FORMAT = 'pusiaukele-data';

/** What the descriptor says about how the files are written. */
export interface Layout {
  schemaVersion: number;
  encryption?: 'aes-256-gcm';
  /** Set while a migration rewrites the files: they may be in either form until it is done. */
  migrating?: 'encryption';
}

interface Meta extends Layout {
  format: typeof FORMAT;
  createdAt: string;
}

/**
 * What pusiaukele.lock says about its owner (issue 16): which computer and which OS user, which
 * process, since when, its last sign of life (refreshed about every minute while it runs), and a
 * random nonce naming this one ownership (the claims of a takeover are named by it, see takeOver).
 * A lock written before issue 16 has only pid, host and since.
 */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly user: string;
  readonly since: string;
  readonly heartbeatAt: string;
  readonly nonce: string;
}

export interface DataDirectory {
  readonly root: string;
  readonly schemaVersion: number;
  readonly layout: Readonly<Layout>;
  path(...parts: string[]): string;
  /** Record a new layout in the descriptor (an atomic, durable replace). */
  setLayout(layout: Layout): void;
  /**
   * Whether this process still owns the directory (true until release()). False from the start when
   * the directory was opened read-only because its lock could not be written (see readOnly).
   */
  readonly held: boolean;
  /** Issue 16: whether the lock was found removed or replaced by someone else while open (then held is false and nothing more is written). */
  readonly lockLost: boolean;
  /**
   * Issue 16: 'diskFull' while the directory takes no change: opened without its lock because the
   * disk had no room for it (until it is opened again), or its disk has under CHANGE_RESERVE_BYTES
   * free now (asked of the system at each look). The back end opens it read-only and refuses
   * changes with DISK_FULL; reads go on.
   */
  readonly readOnly?: 'diskFull' | undefined;
  /**
   * This process's lock as pusiaukele.lock holds it (its last sign of life included); undefined when
   * opened without it. (The free space for the low-space warning: storageErrors.freeBytes(root).)
   */
  readonly lock?: Readonly<LockInfo> | undefined;
  /** Release the lock (if still ours) and stop its heartbeat. Never throws: a failure is logged. */
  release(): void;
}

export interface OpenOptions {
  /** How often the owner refreshes its lock's sign of life; HEARTBEAT_MS unless a test says otherwise. */
  heartbeatMs?: number;
}

/** Whether process `pid` runs on this computer (EPERM: it does, as another user). Also the archive's stale uploads (issue 15). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/*
 * The lock: one process owns a data directory at a time.
 *
 * The lock file naming its owner appears whole or not at all: it is written beside (a draft) and
 * hard-linked into place, which fails if a lock is already there. A lock whose process no longer
 * runs on this computer is stale and is taken over.
 *
 * Issue 16: the takeover is atomic. Before, a process read a stale lock, judged it stale and
 * removed it; a second process that had judged the same lock stale could remove the FRESH lock the
 * first one had just linked in its place, and both went on as owners (12 of 30 races with 8
 * processes in the attack of issue 16; lockRace.test.ts's race run against that code: two owners in
 * 7 and in 4 of 300 trials, two runs on 2 cores; against this code, in none of 1,200). Now the
 * lock may be removed only by the holder of its claim: `pusiaukele.lock.claim-<id>`, where <id> is
 * the lock's nonce (or, for a lock without one, a hash of its bytes and time), itself a file placed
 * exclusively. The claim's holder reads the lock again and removes it only if it is the very lock
 * it claimed (same id) and still stale, then links its own. Nothing else removes a lock but its live
 * owner at release (nobody claims a live owner's lock), and the owner only replaces it with the
 * same nonce (the heartbeat), so between that second reading and the removal the lock cannot change. A claim is a lock of its own: one left by a claimant that died is
 * taken over by the same rule (a claim of the claim, recursively); one whose lock is gone is
 * garbage, since an id never comes back (nonces are random), and the next owner removes it.
 *
 * Several workstations, one at a time: on a network share the lock names the computer and the OS
 * user that hold the directory, since when, and their last sign of life, refreshed every minute.
 * A lock of another computer is never taken over automatically: its process cannot be asked from
 * here, and a computer that is merely slow or asleep must not lose the directory under its feet.
 * An administrator who finds the directory locked by a computer that crashed makes sure the app is
 * not running there (the last sign of life in the message helps: older than a few minutes, it has
 * stopped), then deletes pusiaukele.lock; the next workstation to open the directory takes it.
 */

const LOCK_FILE = 'pusiaukele.lock';
const CLAIM = '.claim-';
/** A lock's nonce: random, and safe in a file name (a claim is named by it). */
const NONCE = /^[0-9a-f]{24}$/;
/** The drafts and heartbeat files (`pusiaukele.lock.<pid>.<hex>`): removed by the owner once clearly abandoned. */
const DRAFT = /^pusiaukele\.lock\.\d+\.[0-9a-f]+$/;
const ABANDONED_DRAFT_MS = 60 * 60_000;
/** A lock whose owner cannot be read is left alone for a while: its writer may be mid-way. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;
/** How long opening waits for another process's takeover under way (a claim held) to finish. */
const TAKEOVER_PATIENCE_MS = 3_000;
/** Claims of claims: each level is one claimant that died mid-takeover. Deeper, an administrator looks. */
const MAX_CLAIM_DEPTH = 6;
/** How often the owner refreshes its sign of life. */
export const HEARTBEAT_MS = 60_000;
/** Where a file system has no hard links (some network shares), the lock is created exclusively instead. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** A lock or claim as found on disk: what names it (its id), its owner if readable, and whether it may be taken over. */
interface Holder {
  readonly id: string;
  readonly owner: Partial<LockInfo> & Pick<LockInfo, 'pid' | 'host' | 'since'> | undefined;
  readonly stale: boolean;
}

/** Read a lock or claim in one opening (its bytes and their time agree); undefined when there is none. */
function readHolder(path: string): Holder | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let raw: Buffer;
  let mtimeMs: number;
  try {
    mtimeMs = fstatSync(fd).mtimeMs;
    raw = readFileSync(fd);
  } catch {
    // Not a file we can read (a folder of that name, no permission): never taken over; the message names the file.
    return { id: 'unreadable', owner: undefined, stale: false };
  } finally {
    closeSync(fd);
  }
  const owner = parseOwner(raw);
  const id =
    owner?.nonce !== undefined && NONCE.test(owner.nonce)
      ? owner.nonce
      : // A lock of an older version or an unreadable one: named by what it is, which no later lock repeats.
        `x${createHash('sha256').update(raw).update(String(mtimeMs)).digest('hex').slice(0, 24)}`;
  const stale = owner === undefined ? Date.now() - mtimeMs > UNREADABLE_LOCK_GRACE_MS : owner.host === hostname() && !processAlive(owner.pid);
  return { id, owner, stale };
}

function parseOwner(raw: Buffer): Holder['owner'] {
  try {
    const owner = JSON.parse(raw.toString('utf8')) as Partial<Record<keyof LockInfo, unknown>>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.since === 'string') {
      return {
        pid: owner.pid,
        host: owner.host,
        since: owner.since,
        ...(typeof owner.user === 'string' ? { user: owner.user } : {}),
        ...(typeof owner.heartbeatAt === 'string' ? { heartbeatAt: owner.heartbeatAt } : {}),
        ...(typeof owner.nonce === 'string' ? { nonce: owner.nonce } : {}),
      };
    }
  } catch {
    // unreadable: judged by its age
  }
  return undefined;
}

function lockedError(holder: Holder | undefined, lockPath: string): DomainError {
  const owner = holder?.owner;
  if (!owner) return new DomainError('DATA_DIR_LOCKED', { lockPath });
  return new DomainError('DATA_DIR_LOCKED', {
    lockPath,
    host: owner.host,
    pid: owner.pid,
    since: owner.since,
    ...(owner.user !== undefined ? { user: owner.user } : {}),
    ...(owner.heartbeatAt !== undefined ? { heartbeatAt: owner.heartbeatAt } : {}),
    ...(owner.host !== hostname() ? { otherComputer: true } : {}),
  });
}

/** Held by a live owner (or too deep to tell): the caller's attempt ends here. */
class Held extends Error {}

/** This process's lock, written once in a draft: linked as the lock and as each claim it holds on the way. */
interface Draft {
  readonly path: string;
  readonly bytes: Buffer;
  readonly nonce: string;
}

function draftPath(lockPath: string): string {
  return `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
}

/** The OS user running the app, as the lock names it; '' where the system cannot tell (no account entry). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

/** Put our lock at `target` unless something is there (false then). */
function place(draft: Draft, target: string): boolean {
  try {
    linkSync(draft.path, target);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw e;
  }
  // Created exclusively and then written: until it is, others find it unreadable and wait (UNREADABLE_LOCK_GRACE_MS).
  let fd: number;
  try {
    fd = openSync(target, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    for (let off = 0; off < draft.bytes.length; ) off += writeSync(fd, draft.bytes, off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    removeIfThere(target);
    throw e;
  }
  closeSync(fd);
  return true;
}

function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/** Remove a claim we placed; if it has gone meanwhile (removed as garbage, see above), nothing to do. */
function dropClaim(claim: string, nonce: string): void {
  try {
    if (readHolder(claim)?.id === nonce) removeIfThere(claim);
  } catch {
    // left behind: garbage the next owner removes
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Place our lock at `target` (the lock itself at depth 0, a claim deeper), taking over a stale one
 * as described above. Throws Held while a live process holds it.
 */
function takeOver(target: string, draft: Draft, depth: number, deadline: number): void {
  for (;;) {
    if (place(draft, target)) return;
    const current = readHolder(target);
    if (current === undefined && Date.now() <= deadline) continue; // released meanwhile: try again
    if (current === undefined) throw new Held();
    if (!current.stale || depth >= MAX_CLAIM_DEPTH) throw new Held();
    const claim = `${target}${CLAIM}${current.id}`;
    try {
      takeOver(claim, draft, depth + 1, deadline);
    } catch (e) {
      // Another live process is taking this very lock over: let it finish, then look again.
      if (!(e instanceof Held) || Date.now() > deadline) throw e;
      pause(2 + Math.random() * 8);
      continue;
    }
    try {
      const again = readHolder(target);
      if (again !== undefined && again.id === current.id && again.stale) removeIfThere(target);
      if (place(draft, target)) return;
    } finally {
      dropClaim(claim, draft.nonce);
    }
  }
}

/**
 * Take the directory's lock, or throw DATA_DIR_LOCKED naming its owner. A failure to write it (a
 * full disk: ENOSPC) propagates, with nothing of ours left behind.
 */
function acquireLock(lockPath: string): LockInfo {
  const now = new Date().toISOString();
  const info: LockInfo = { pid: process.pid, host: hostname(), user: osUser(), since: now, heartbeatAt: now, nonce: randomBytes(12).toString('hex') };
  const draft: Draft = { path: draftPath(lockPath), bytes: Buffer.from(JSON.stringify(info)), nonce: info.nonce };
  try {
    writeFileSync(draft.path, draft.bytes, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    removeIfThere(draft.path); // created, then the disk refused its bytes
    throw e;
  }
  try {
    takeOver(lockPath, draft, 0, Date.now() + TAKEOVER_PATIENCE_MS);
  } catch (e) {
    if (e instanceof Held) throw lockedError(readHolder(lockPath), lockPath);
    throw e;
  } finally {
    removeIfThere(draft.path);
  }
  removeGarbage(lockPath);
  return info;
}

/**
 * Once we own the lock, every claim beside it is garbage (a claim is for a lock that is gone: ours
 * is fresh and nobody claims it), and so is a draft nobody has touched for an hour.
 */
function removeGarbage(lockPath: string): void {
  const root = join(lockPath, '..');
  try {
    for (const name of readdirSync(root)) {
      if (!name.startsWith(LOCK_FILE + '.')) continue;
      const path = join(root, name);
      if (name.startsWith(LOCK_FILE + CLAIM)) removeIfThere(path);
      else if (DRAFT.test(name) && Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > ABANDONED_DRAFT_MS) removeIfThere(path);
    }
  } catch (e) {
    console.error(`The data directory's lock: leftover claims not removed (${(e as NodeJS.ErrnoException).code ?? 'error'}); they are removed at the next open.`);
  }
}

/**
 * Refresh the owner's sign of life: the lock is replaced atomically (a new file renamed over it)
 * with the same nonce, so a takeover under way can never mistake it for another lock. Only while
 * the lock is still ours: one removed or replaced by hand is left alone, and said so in the log.
 * Never throws (it runs in a timer); a failed refresh is tried again at the next beat.
 */
function startHeartbeat(lockPath: string, lock: { info: LockInfo }, everyMs: number, onLost: () => void): () => void {
  let warned = false;
  const beat = (): void => {
    const tmp = draftPath(lockPath);
    try {
      if (readHolder(lockPath)?.id !== lock.info.nonce) {
        if (!warned) console.error("The data directory's lock is no longer this process's (removed or replaced by hand); it writes nothing more.");
        warned = true;
        // Issue 16's review: another workstation may own the directory now; writing on would fork
        // the audit chain and the records. The back end refuses every change from here on.
        onLost();
        return;
      }
      const next: LockInfo = { ...lock.info, heartbeatAt: new Date().toISOString() };
      writeFileSync(tmp, JSON.stringify(next), { mode: 0o600, flag: 'wx' });
      renameSync(tmp, lockPath);
      lock.info = next;
    } catch (e) {
      try {
        removeIfThere(tmp);
      } catch {
        // an hour from now, garbage
      }
      console.error(`The data directory's lock: its sign of life was not refreshed (${(e as NodeJS.ErrnoException).code ?? 'error'}); tried again at the next beat.`);
    }
  };
  const timer = setInterval(beat, everyMs);
  timer.unref(); // the lock never keeps the process alive
  return () => clearInterval(timer);
}

/** Remove the lock only if it is still ours. */
function releaseLock(lockPath: string, nonce: string): void {
  if (readHolder(lockPath)?.id === nonce) removeIfThere(lockPath);
}

/** The top folders that sweep their own leftovers in the background (caseStore.verifyAll, documentStore.removeLeftovers). */
const SWEPT_BY_THEIR_STORES = ['cases', 'documents'];

/**
 * Open (creating if needed) a data directory: take the lock, check its format and schema version,
 * then remove the temporary files interrupted writes left (issue 16: in every folder). A directory
 * written by a newer version of the app is refused rather than misread. On a full disk (no room for
 * the lock) an existing directory opens read-only without its lock (`readOnly`), unless another
 * process holds it.
 */
export function openDataDirectory(root: string, options: OpenOptions = {}): DataDirectory {
  try {
    mkdirSync(root, { recursive: true, mode: 0o700 });
  } catch (e) {
    if (isDiskFull(e)) throw new DomainError('DATA_DIR_NO_SPACE', { root, why: 'create' });
    throw new DomainError('DATA_DIR_UNAVAILABLE', { root, code: String((e as NodeJS.ErrnoException).code) });
  }
  const metaPath = join(root, 'pusiaukele.json');
  const lockPath = join(root, LOCK_FILE);
  let lock: { info: LockInfo } | undefined;
  try {
    lock = { info: acquireLock(lockPath) };
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    // No room for our lock. Someone else's that is alive still refuses us; otherwise we open read-only.
    const current = readHolder(lockPath);
    if (current !== undefined && !current.stale) throw lockedError(current, lockPath);
    console.error('The data directory opens read-only: its disk has no room for the lock (ENOSPC).');
  }
  let held = lock !== undefined;
  /** The lock was found removed or replaced by someone else while open (see startHeartbeat). */
  let lost = false;
  let stopHeartbeat = (): void => {};
  const release = (): void => {
    held = false;
    stopHeartbeat();
    if (!lock) return;
    try {
      releaseLock(lockPath, lock.info.nonce);
    } catch (e) {
      // Closing never throws (issue 16): the lock left behind is stale as soon as this process ends.
      console.error(`The data directory's lock was not removed (${(e as NodeJS.ErrnoException).code ?? 'error'}); the next start takes it over.`);
    }
  };
  try {
    const raw = readFileIfExists(metaPath);
    let meta: Meta;
    if (raw === undefined) {
      // Never adopt a folder that already holds something else (a home folder picked by mistake).
      if (readdirSync(root).some((name) => !name.startsWith(LOCK_FILE))) throw foreignError(root);
      if (!lock) throw new DomainError('DATA_DIR_NO_SPACE', { root, why: 'create' });
      meta = { format: FORMAT, schemaVersion: SCHEMA_VERSION, encryption: 'aes-256-gcm', createdAt: new Date().toISOString() };
      try {
        writeFileDurable(metaPath, JSON.stringify(meta, null, 2));
      } catch (e) {
        if (isDiskFull(e)) throw new DomainError('DATA_DIR_NO_SPACE', { root, why: 'create' });
        throw e;
      }
    } else {
      meta = parseMeta(raw, root);
    }
    if (meta.schemaVersion > SCHEMA_VERSION) {
      throw new DomainError('DATA_DIR_NEWER', { schemaVersion: meta.schemaVersion, supported: SCHEMA_VERSION });
    }
    if (lock) {
      // Only now: the folder is known to be a data directory (never sweep a folder picked by mistake).
      sweepLeftoverTemps(root, SWEPT_BY_THEIR_STORES);
      stopHeartbeat = startHeartbeat(lockPath, lock, options.heartbeatMs ?? HEARTBEAT_MS, () => {
        lost = true;
        held = false;
      });
    }
    const owned = lock;
    return {
      root,
      get schemaVersion() {
        return meta.schemaVersion;
      },
      get layout() {
        const { schemaVersion, encryption, migrating } = meta;
        return { schemaVersion, ...(encryption ? { encryption } : {}), ...(migrating ? { migrating } : {}) };
      },
      path: (...parts) => join(root, ...parts),
      setLayout: (layout) => {
        if (!owned) throw new DomainError('DATA_DIR_NO_SPACE', { root, why: 'upgrade' });
        const next: Meta = { format: FORMAT, createdAt: meta.createdAt, ...layout };
        try {
          writeFileDurable(metaPath, JSON.stringify(next, null, 2));
        } catch (e) {
          if (isDiskFull(e)) throw new DomainError('DATA_DIR_NO_SPACE', { root, why: 'upgrade' });
          throw e;
        }
        meta = next;
      },
      get held() {
        return held;
      },
      get lockLost() {
        return lost;
      },
      get readOnly() {
        if (!owned) return 'diskFull';
        const free = freeBytes(root);
        return free !== null && free < CHANGE_RESERVE_BYTES ? 'diskFull' : undefined;
      },
      get lock() {
        return owned?.info;
      },
      release,
    };
  } catch (e) {
    release();
    throw e;
  }
}

function parseMeta(raw: Buffer, root: string): Meta {
  try {
    const meta = JSON.parse(raw.toString('utf8')) as Partial<Meta>;
    if (
      meta.format === FORMAT &&
      typeof meta.schemaVersion === 'number' &&
      (meta.encryption === undefined || meta.encryption === 'aes-256-gcm') &&
      (meta.migrating === undefined || meta.migrating === 'encryption')
    ) {
      return meta as Meta;
    }
  } catch {
    // fall through to the refusal below
  }
  throw foreignError(root);
}

function foreignError(root: string): DomainError {
  return new DomainError('DATA_DIR_FOREIGN', { root });
}
