import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../../../shared/domain/errors';
import { readFileIfExists, writeFileDurable } from './durableFile';

/**
 * The version of the data directory's layout; raised with a migration whenever the layout changes.
 * 1: plain JSON files. 2: every file the store writes is encrypted (issue 3, see encryption.ts).
 */
export const SCHEMA_VERSION = 2;
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

export interface DataDirectory {
  readonly root: string;
  readonly schemaVersion: number;
  readonly layout: Readonly<Layout>;
  path(...parts: string[]): string;
  /** Record a new layout in the descriptor (an atomic, durable replace). */
  setLayout(layout: Layout): void;
  /** Whether this process still owns the directory (true until release()). */
  readonly held: boolean;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
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

function lockedError(owner: LockOwner | undefined, lockPath: string): DomainError {
  return new DomainError('DATA_DIR_LOCKED', owner ? { pid: owner.pid, host: owner.host, since: owner.since, lockPath } : { lockPath });
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.since === 'string') return owner as LockOwner;
  } catch {
    // unreadable: judged by its age below
  }
  return undefined;
}

/** A lock whose owner cannot be read is left alone for a while: its writer may be mid-way. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

function isStale(lockPath: string, owner: LockOwner | undefined): boolean {
  if (owner === undefined) {
    try {
      return Date.now() - statSync(lockPath).mtimeMs > UNREADABLE_LOCK_GRACE_MS;
    } catch {
      return true; // gone meanwhile
    }
  }
  return owner.host === hostname() && !processAlive(owner.pid);
}

/**
 * One process owns a data directory at a time. The lock file naming its owner appears whole or not
 * at all: it is written beside and hard-linked into place, which fails if a lock is already there.
 * A lock of a process that no longer runs on this computer is taken over.
 */
function acquireLock(lockPath: string): LockOwner {
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const draft = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, JSON.stringify(owner), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(draft, lockPath);
        return owner;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const current = readOwner(lockPath);
      if (!isStale(lockPath, current)) throw lockedError(current, lockPath);
      rmSync(lockPath, { force: true });
    }
    throw lockedError(readOwner(lockPath), lockPath);
  } finally {
    unlinkSync(draft);
  }
}

/** Remove the lock only if it is still ours. */
function releaseLock(lockPath: string, owner: LockOwner): void {
  const current = readOwner(lockPath);
  if (current && current.pid === owner.pid && current.host === owner.host && current.since === owner.since) unlinkSync(lockPath);
}

/**
 * Open (creating if needed) a data directory: check its format and schema version, then take the
 * lock. A directory written by a newer version of the app is refused rather than misread.
 */
export function openDataDirectory(root: string): DataDirectory {
  try {
    mkdirSync(root, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new DomainError('DATA_DIR_UNAVAILABLE', { root, code: String((e as NodeJS.ErrnoException).code) });
  }
  const metaPath = join(root, 'pusiaukele.json');
  const lockPath = join(root, 'pusiaukele.lock');
  const owner = acquireLock(lockPath);
  let held = true;
  try {
    const raw = readFileIfExists(metaPath);
    let meta: Meta;
    if (raw === undefined) {
      // Never adopt a folder that already holds something else (a home folder picked by mistake).
      if (readdirSync(root).some((name) => !name.startsWith('pusiaukele.lock'))) throw foreignError(root);
      meta = { format: FORMAT, schemaVersion: SCHEMA_VERSION, encryption: 'aes-256-gcm', createdAt: new Date().toISOString() };
      writeFileDurable(metaPath, JSON.stringify(meta, null, 2));
    } else {
      meta = parseMeta(raw, root);
    }
    if (meta.schemaVersion > SCHEMA_VERSION) {
      throw new DomainError('DATA_DIR_NEWER', { schemaVersion: meta.schemaVersion, supported: SCHEMA_VERSION });
    }
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
        const next: Meta = { format: FORMAT, createdAt: meta.createdAt, ...layout };
        writeFileDurable(metaPath, JSON.stringify(next, null, 2));
        meta = next;
      },
      get held() {
        return held;
      },
      release: () => {
        held = false;
        releaseLock(lockPath, owner);
      },
    };
  } catch (e) {
    releaseLock(lockPath, owner);
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
