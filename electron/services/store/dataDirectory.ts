import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../../../shared/domain/errors';
import { readFileIfExists, writeFileDurable } from './durableFile';

/** The version of the data directory's layout; raised with a migration whenever the layout changes. */
export const SCHEMA_VERSION = 1;
const FORMAT = 'pusiaukele-data';

interface Meta {
  format: typeof FORMAT;
  schemaVersion: number;
  createdAt: string;
}

export interface DataDirectory {
  readonly root: string;
  readonly schemaVersion: number;
  path(...parts: string[]): string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(owner: LockOwner | undefined): DomainError {
  const who = owner ? `${owner.host}, procesas ${owner.pid}, nuo ${owner.since}` : 'kita programa';
  return new DomainError(
    'DATA_DIR_LOCKED',
    `Šį duomenų katalogą jau naudoja kita atidaryta programa (${who}). Uždarykite ją arba pasirinkite kitą katalogą.`,
    `This data directory is already in use by another running instance (${owner ? `${owner.host}, process ${owner.pid}` : 'another program'}). Close it or choose another directory.`,
    owner ? { ...owner } : undefined,
  );
}

/** One process owns a data directory at a time: an exclusive lock file naming its owner. */
function acquireLock(lockPath: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner: LockOwner | undefined;
    try {
      owner = JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
    } catch {
      owner = undefined; // an empty or torn lock file: its writer died before finishing it
    }
    const stale = owner === undefined || (owner.host === hostname() && !processAlive(owner.pid));
    if (!stale) throw lockedError(owner);
    unlinkSync(lockPath);
  }
  throw lockedError(undefined);
}

/**
 * Open (creating if needed) a data directory: check its format and schema version, then take the
 * lock. A directory written by a newer version of the app is refused rather than misread.
 */
export function openDataDirectory(root: string): DataDirectory {
  try {
    mkdirSync(root, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new DomainError(
      'DATA_DIR_UNAVAILABLE',
      `Nepavyko sukurti ar atidaryti duomenų katalogo ${root} (${(e as NodeJS.ErrnoException).code}).`,
      `Could not create or open the data directory ${root} (${(e as NodeJS.ErrnoException).code}).`,
    );
  }
  const metaPath = join(root, 'pusiaukele.json');
  const lockPath = join(root, 'pusiaukele.lock');
  acquireLock(lockPath);
  try {
    const raw = readFileIfExists(metaPath);
    let meta: Meta;
    if (raw === undefined) {
      // Never adopt a folder that already holds something else (a home folder picked by mistake).
      if (readdirSync(root).some((name) => name !== 'pusiaukele.lock')) throw foreignError(root);
      meta = { format: FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString() };
      writeFileDurable(metaPath, JSON.stringify(meta, null, 2));
    } else {
      meta = parseMeta(raw, root);
    }
    if (meta.schemaVersion > SCHEMA_VERSION) {
      throw new DomainError(
        'DATA_DIR_NEWER',
        `Duomenų katalogą sukūrė naujesnė programos versija (schema ${meta.schemaVersion}, ši versija supranta ${SCHEMA_VERSION}). Atnaujinkite programą; duomenys nepakeisti.`,
        `The data directory was written by a newer version of the app (schema ${meta.schemaVersion}, this version understands ${SCHEMA_VERSION}). Update the app; nothing was changed.`,
      );
    }
    return {
      root,
      schemaVersion: meta.schemaVersion,
      path: (...parts) => join(root, ...parts),
      release: () => unlinkSync(lockPath),
    };
  } catch (e) {
    unlinkSync(lockPath);
    throw e;
  }
}

function parseMeta(raw: Buffer, root: string): Meta {
  try {
    const meta = JSON.parse(raw.toString('utf8')) as Partial<Meta>;
    if (meta.format === FORMAT && typeof meta.schemaVersion === 'number') return meta as Meta;
  } catch {
    // fall through to the refusal below
  }
  throw foreignError(root);
}

function foreignError(root: string): DomainError {
  return new DomainError(
    'DATA_DIR_FOREIGN',
    `Katalogas ${root} nėra Pusiaukelės duomenų katalogas arba jo aprašas sugadintas (pusiaukele.json). Niekas nepakeista.`,
    `${root} is not a Pusiaukelė data directory or its descriptor is damaged (pusiaukele.json). Nothing was changed.`,
  );
}
