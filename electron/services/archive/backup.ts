/**
 * Backing up the whole data directory to one file, and restoring it (issue 15).
 *
 * A backup is a package of the same shape as the case packages: a BagIt 1.0 bag (RFC 8493) in a zip
 * (bagit.ts), whose payload is the data directory's files exactly as they are on disk. Every file
 * the store writes is sealed under the data key (encryption.ts), so the backup is too: no key is
 * needed to make or restore one, nothing is decrypted, and whoever holds the file without the
 * directory's passphrase reads nothing of the cases. `unzip` plus `sha256sum -c manifest-sha256.txt`
 * check it with no software of ours; keys.json travels with it, so the restored directory opens
 * with the same passphrase.
 *
 * Consistency while the app runs. The process that holds the directory writes it only
 * synchronously, each change within one turn of the event loop (a case file, its index journal
 * lines and its audit entry together), except the batched writes of bulk loading, done by a thread
 * of their own. So a backup first waits for those (finishBatchedWrites), then in ONE synchronous
 * step lists the directory and snapshots every mutable file: the small files' bytes are read into
 * memory (a case file is a few kB: 10,000 cases are some 60 MB, read in well under a second, with
 * nothing to clean up after a crash, unlike copies in a temporary folder), and the audit log,
 * which is only ever appended to and may be large, is recorded by its length and copied later up
 * to that length only. What the snapshot holds is the directory as it was between two changes. The
 * document contents (documents/) are immutable once written and named by their content, so they
 * are streamed into the bag afterwards, read from the directory itself; one removed meanwhile (the
 * check after start removes contents no case refers to) is left out. Nothing outside the store is
 * copied: not the lock, not the temporary files of writes under way, not a stray file (reported).
 *
 * Restoring verifies the whole package first (every checksum, Payload-Oxum, the tag manifest, and
 * that it is a backup of ours: a data directory's descriptor in it, and nothing that is not a file
 * of a data directory) and only then writes: into a temporary folder beside the target, each file
 * fsynced and checked again against the hash that was verified, renamed onto the target when whole.
 * Any failure removes the temporary folder and leaves the target as it was.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, type Dirent } from 'node:fs';
import { mkdir, open, stat, statfs } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../../../shared/domain/errors';
import { SCHEMA_VERSION, type DataDirectory } from '../store/dataDirectory';
import { finishBatchedWrites, TEMP_FILE } from '../store/durableFile';
import { DEFAULT_PACKAGE_LIMITS, openBag, writeBag } from './bagit';
import type { BagFileSource, BagInfo, BagProblem, BagReport, OpenedBag, PackageLimits, WrittenBag } from './bagTypes';

/** The value of bag-info.txt's `Pusiaukele-Backup` label: the version of this backup format. */
export const BACKUP_FORMAT_VERSION = '1';

/** bag-info.txt labels of a backup, besides the reserved ones (Source-Organization, External-Description). */
export const BACKUP_LABELS = {
  backup: 'Pusiaukele-Backup',
  schemaVersion: 'Pusiaukele-Schema-Version',
  createdAt: 'Pusiaukele-Created-At',
  createdBy: 'Pusiaukele-Created-By',
  /** Lines of audit/audit.log copied: one per entry (a torn write's fragment, after a crash, counts as one too). */
  auditLines: 'Pusiaukele-Audit-Lines',
} as const;

/** The data directory's descriptor (dataDirectory.ts) and key file (encryption.ts), as payload paths. */
const DESCRIPTOR = 'pusiaukele.json';
const KEYS = 'keys.json';
const AUDIT_LOG = 'audit/audit.log';

/**
 * How each file of the store is copied. `replaced`: only ever replaced whole by a rename (or, the
 * index journal, appended to and replaced at compaction), small: read into memory by the snapshot.
 * `appended`: only ever appended to (the audit log): its length is recorded by the snapshot and
 * that much copied afterwards. `content`: a document content, immutable once written: copied
 * afterwards, left out if removed meanwhile.
 */
type Kind = 'replaced' | 'appended' | 'content';

/**
 * Every file a data directory holds, by its path relative to the directory (POSIX). What is not
 * here is not part of the store: not copied by a backup, refused in a backup being restored. A
 * store that writes a file of a new name adds it here (a test checks that a backup copies every
 * file a real directory holds).
 */
const STORE_FILES: readonly { pattern: RegExp; kind: Kind }[] = [
  { pattern: /^pusiaukele\.json$/, kind: 'replaced' },
  { pattern: /^keys\.json$/, kind: 'replaced' },
  { pattern: /^(?:users|settings|commission|register|revocation|trustedLists)\.json$/, kind: 'replaced' },
  { pattern: /^(?:cases|meetings|generated)\/[0-9a-f-]{36}\.json$/, kind: 'replaced' },
  { pattern: /^index\/(?:snapshot\.json|journal\.log)$/, kind: 'replaced' },
  // Issue 16: the integrity manifest, taken in the same snapshot as the records it lists.
  { pattern: /^integrity\/(?:manifest\.json|journal\.log)$/, kind: 'replaced' },
  { pattern: /^audit\/audit\.log$/, kind: 'appended' },
  { pattern: /^documents\/([0-9a-f]{2})\/\1[0-9a-f]{62}\.bin$/, kind: 'content' },
];

function kindOf(path: string): Kind | undefined {
  return STORE_FILES.find((f) => f.pattern.test(path))?.kind;
}

/** The lock (dataDirectory.ts) and the drafts it is written from: the running process's, never copied. */
const LOCK_FILE = /^pusiaukele\.lock(?:\..*)?$/;

/** Limits a backup is read within: far larger than a case's (a whole directory), the zip-bomb ratio as for any package. */
export const BACKUP_PACKAGE_LIMITS: PackageLimits = {
  ...DEFAULT_PACKAGE_LIMITS,
  maxPackageBytes: Math.max(DEFAULT_PACKAGE_LIMITS.maxPackageBytes, 1024 ** 4),
  maxTotalBytes: Math.max(DEFAULT_PACKAGE_LIMITS.maxTotalBytes, 1024 ** 4),
  maxEntries: Math.max(DEFAULT_PACKAGE_LIMITS.maxEntries, 10_000_000),
};

/** What a cancel rejects with, as writeBag and verify do. */
function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DomainError('PACKAGE_CANCELLED');
}

/** How many times a backup starts again when a document content it listed was removed before it was read. */
const ATTEMPTS = 3;

/**
 * What keeps the store's writes out while the snapshot is taken. The services need none: they
 * write only synchronously, and the snapshot is one synchronous step. A host whose writes span
 * several turns of the event loop passes one that waits for them and holds new ones back while
 * `take` runs.
 */
export interface BackupHold {
  run<T>(take: () => T): T | Promise<T>;
}

export interface BackupOptions {
  /** Who makes the backup (bag-info.txt). */
  createdBy: string;
  /** The institution (bag-info.txt's Source-Organization). */
  institution?: string;
  /** Aborting stops the writing and removes the partial file (PACKAGE_CANCELLED). */
  signal?: AbortSignal;
  /** Bytes of the payload written so far, and the total. */
  onProgress?(done: number, total: number | undefined): void;
  hold?: BackupHold;
}

export interface WrittenBackup extends WrittenBag {
  /** Files of the data directory in the backup. */
  files: number;
  /** Files found in the data directory that are not the store's (relative paths): not copied. */
  skipped: string[];
}

/** What a backup says it is (bag-info.txt and the data directory's descriptor in it). */
export interface BackupDescription {
  /** The backup format (BACKUP_FORMAT_VERSION). */
  version: string;
  /** The data directory's schema version (dataDirectory.ts). */
  schemaVersion: number;
  createdAt?: string;
  createdBy?: string;
  institution?: string;
  /** Files and bytes of the data directory in it (Payload-Oxum). */
  files: number;
  bytes: number;
  auditLines?: number;
  /** SHA-256 of the package file. */
  sha256: string;
}

/**
 * The package's check (BagReport), and what it is. When it is not a backup of ours `backup` is
 * absent and `problems` say why (codes in errorTexts/backup.ts), and `valid` is false.
 */
export interface BackupReport extends BagReport {
  backup?: BackupDescription;
}

export type RestorePhase = 'verifying' | 'writing';

export interface RestoreOptions {
  signal?: AbortSignal;
  /** `verifying`: bytes of the package read and hashed; `writing`: bytes of the data directory written. */
  onProgress?(phase: RestorePhase, done: number, total: number): void;
}

// ---- Backing up ---------------------------------------------------------------------------------

/** A file as the snapshot took it. */
type Taken =
  | { path: string; kind: 'replaced'; bytes: Buffer }
  | { path: string; kind: 'appended'; length: number }
  | { path: string; kind: 'content' };

interface Snapshot {
  files: Taken[];
  skipped: string[];
  createdAt: Date;
  schemaVersion: number;
}

/** Relative POSIX path → its path on this system. */
const onDisk = (root: string, path: string) => join(root, ...path.split('/'));

/**
 * The one synchronous step: list the directory and take every mutable file. Nothing here may
 * yield, or a change could come between two files.
 */
function takeSnapshot(dir: DataDirectory): Snapshot {
  if (!dir.held) throw new DomainError('BACKUP_DIRECTORY_NOT_HELD', { root: dir.root });
  finishBatchedWrites();
  const files: Taken[] = [];
  const skipped: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }) as Dirent[]) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        walk(join(folder, entry.name), `${path}/`);
        continue;
      }
      if (TEMP_FILE.test(entry.name) || (prefix === '' && LOCK_FILE.test(entry.name))) continue;
      const kind = entry.isFile() ? kindOf(path) : undefined;
      if (kind === undefined) skipped.push(path);
      else if (kind === 'replaced') files.push({ path, kind, bytes: readFileSync(join(folder, entry.name)) });
      else if (kind === 'appended') files.push({ path, kind, length: statSync(join(folder, entry.name)).size });
      else files.push({ path, kind });
    }
  };
  walk(dir.root, '');
  return { files, skipped, createdAt: new Date(), schemaVersion: dir.schemaVersion };
}

/** Lines (newlines) in the first `length` bytes of a file. */
async function countLines(path: string, length: number): Promise<number> {
  if (length === 0) return 0;
  let lines = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: length - 1, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

/** One line of bag-info.txt: no line breaks (RFC 8493 §2.2.2 would read them as a continuation). */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

function bagNameOf(at: Date): string {
  return `pusiaukele-atsargine-kopija-${at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;
}

function isInside(path: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Back up a data directory this process holds (`dir.held`) to `outPath`: a quiesced snapshot (see
 * the file's comment), written as a zipped bag under a temporary name and renamed when whole.
 */
export async function writeBackup(dir: DataDirectory, outPath: string, options: BackupOptions): Promise<WrittenBackup> {
  if (isInside(outPath, dir.root)) throw new DomainError('BACKUP_OUT_INSIDE_DATA', { out: outPath, root: dir.root });
  for (let attempt = 1; ; attempt++) {
    throwIfCancelled(options.signal);
    const snapshot = options.hold ? await options.hold.run(() => takeSnapshot(dir)) : takeSnapshot(dir);
    const vanished = { any: false };
    try {
      return await writeSnapshot(dir, snapshot, outPath, options, vanished);
    } catch (e) {
      // A content listed by the snapshot was removed before it was read (the check after start
      // removes contents no case refers to): take the snapshot again, without it.
      if (!vanished.any || options.signal?.aborted) throw e;
      if (attempt === ATTEMPTS) throw new DomainError('BACKUP_SOURCE_CHANGED', { root: dir.root, attempts: attempt });
    }
  }
}

async function writeSnapshot(dir: DataDirectory, snapshot: Snapshot, outPath: string, options: BackupOptions, vanished: { any: boolean }): Promise<WrittenBackup> {
  const root = dir.root;
  const payload: BagFileSource[] = [];
  let auditLines: number | undefined;
  // The contents' sizes (for the progress), a few at a time; one gone already is left out.
  const contents = snapshot.files.filter((f) => f.kind === 'content');
  const sizes = new Map<string, number>();
  for (let i = 0; i < contents.length; i += 64) {
    throwIfCancelled(options.signal);
    await Promise.all(
      contents.slice(i, i + 64).map(async ({ path }) => {
        try {
          sizes.set(path, (await stat(onDisk(root, path))).size);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
      }),
    );
  }
  // The descriptor and the key first: whoever lists the package sees what it is at the top.
  const order = (path: string) => (path === DESCRIPTOR ? 0 : path === KEYS ? 1 : 2);
  const files = [...snapshot.files].sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of files) {
    const path = `data/${file.path}`;
    if (file.kind === 'replaced') {
      payload.push({ path, size: file.bytes.length, open: () => file.bytes });
    } else if (file.kind === 'appended') {
      const length = file.length;
      if (file.path === AUDIT_LOG) auditLines = await countLines(onDisk(root, file.path), length);
      payload.push({ path, size: length, open: () => (length === 0 ? Buffer.alloc(0) : createReadStream(onDisk(root, file.path), { start: 0, end: length - 1, highWaterMark: 1024 * 1024 })) });
    } else {
      const size = sizes.get(file.path);
      if (size === undefined) continue;
      payload.push({
        path,
        size,
        open: (): Readable => {
          let fd: number;
          try {
            fd = openSync(onDisk(root, file.path), 'r');
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ENOENT') vanished.any = true;
            throw e;
          }
          return createReadStream('', { fd, highWaterMark: 1024 * 1024 });
        },
      });
    }
  }
  const info: [string, string][] = [];
  if (options.institution) info.push(['Source-Organization', oneLine(options.institution)]);
  info.push(
    ['External-Description', 'Pusiaukelės duomenų katalogo atsarginė kopija: failai tokie, kokie yra diske (užšifruoti duomenų raktu).'],
    [BACKUP_LABELS.backup, BACKUP_FORMAT_VERSION],
    [BACKUP_LABELS.schemaVersion, String(snapshot.schemaVersion)],
    [BACKUP_LABELS.createdAt, snapshot.createdAt.toISOString()],
    [BACKUP_LABELS.createdBy, oneLine(options.createdBy)],
  );
  if (auditLines !== undefined) info.push([BACKUP_LABELS.auditLines, String(auditLines)]);
  const written = await writeBag(outPath, {
    bagName: bagNameOf(snapshot.createdAt),
    date: snapshot.createdAt,
    payload,
    info,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { ...written, files: written.payloadFiles, skipped: snapshot.skipped };
}

// ---- Verifying ----------------------------------------------------------------------------------

const infoValue = (info: BagInfo, label: string): string | undefined => info.find(([l]) => l.toLowerCase() === label.toLowerCase())?.[1];

/** The descriptor's fields a restore needs (dataDirectory.ts's Meta). */
interface Descriptor {
  schemaVersion: number;
  encryption?: string;
}

async function readDescriptor(bag: OpenedBag): Promise<Descriptor | undefined> {
  try {
    const meta = JSON.parse((await bag.read(`data/${DESCRIPTOR}`, 64 * 1024)).toString('utf8')) as Partial<{ format: unknown; schemaVersion: unknown; encryption: unknown }>;
    if (meta.format !== 'pusiaukele-data' || typeof meta.schemaVersion !== 'number' || !Number.isInteger(meta.schemaVersion)) return undefined;
    return { schemaVersion: meta.schemaVersion, ...(typeof meta.encryption === 'string' ? { encryption: meta.encryption } : {}) };
  } catch {
    return undefined;
  }
}

/** Whether the package is a backup of ours: the problems if not, else what it says it is. */
async function identify(bag: OpenedBag, report: BagReport): Promise<{ problems: BagProblem[]; backup?: BackupDescription }> {
  const problems: BagProblem[] = [];
  const version = infoValue(report.info, BACKUP_LABELS.backup);
  if (version === undefined) problems.push({ code: 'BACKUP_NOT_LABELLED', path: 'bag-info.txt' });
  else if (version !== BACKUP_FORMAT_VERSION) problems.push({ code: 'BACKUP_VERSION_UNKNOWN', path: 'bag-info.txt', expected: BACKUP_FORMAT_VERSION, found: version });
  const payloadPaths = new Set([...report.payload.keys(), ...bag.paths.filter((p) => p.startsWith('data/'))]);
  for (const path of [...payloadPaths].sort()) {
    if (kindOf(path.slice('data/'.length)) === undefined) problems.push({ code: 'BACKUP_FOREIGN_FILE', path });
  }
  const descriptor = payloadPaths.has(`data/${DESCRIPTOR}`) ? await readDescriptor(bag) : undefined;
  if (descriptor === undefined) {
    problems.push({ code: 'BACKUP_DESCRIPTOR_MISSING', path: `data/${DESCRIPTOR}` });
  } else {
    if (descriptor.schemaVersion > SCHEMA_VERSION) problems.push({ code: 'BACKUP_SCHEMA_NEWER', path: `data/${DESCRIPTOR}`, expected: String(SCHEMA_VERSION), found: String(descriptor.schemaVersion) });
    if (descriptor.encryption !== undefined && !payloadPaths.has(`data/${KEYS}`)) problems.push({ code: 'BACKUP_KEYS_MISSING', path: `data/${KEYS}` });
  }
  if (problems.length > 0 || descriptor === undefined) return { problems };
  const number = (label: string) => {
    const value = infoValue(report.info, label);
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const createdAt = infoValue(report.info, BACKUP_LABELS.createdAt);
  const createdBy = infoValue(report.info, BACKUP_LABELS.createdBy);
  const institution = infoValue(report.info, 'Source-Organization');
  const auditLines = number(BACKUP_LABELS.auditLines);
  return {
    problems,
    backup: {
      version: version!,
      schemaVersion: descriptor.schemaVersion,
      ...(createdAt !== undefined ? { createdAt } : {}),
      ...(createdBy !== undefined ? { createdBy } : {}),
      ...(institution !== undefined ? { institution } : {}),
      files: report.payloadFiles,
      bytes: report.payloadBytes,
      ...(auditLines !== undefined ? { auditLines } : {}),
      sha256: bag.sha256,
    },
  };
}

async function check(bag: OpenedBag, options: RestoreOptions): Promise<BackupReport> {
  const report = await bag.verify({
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: (done: number, total: number) => options.onProgress!('verifying', done, total) } : {}),
  });
  const { problems, backup } = await identify(bag, report);
  return { ...report, valid: report.valid && problems.length === 0, problems: [...report.problems, ...problems], ...(backup ? { backup } : {}) };
}

/**
 * Check a backup without restoring it: the package in full (as bagit.py --validate would), and
 * that it is a backup of a data directory of ours, which this version of the program can open.
 * A file that is no zip at all, or breaks the limits, is refused by openBag as it is.
 */
export async function verifyBackup(path: string, options: RestoreOptions = {}): Promise<BackupReport> {
  const bag = await openBag(path, BACKUP_PACKAGE_LIMITS);
  try {
    return await check(bag, options);
  } finally {
    await bag.close();
  }
}

// ---- Restoring ----------------------------------------------------------------------------------

/** Whether `target` may be restored into: absent, or an empty folder. Returns whether it exists. */
function checkTarget(target: string): boolean {
  let isFolder: boolean;
  try {
    isFolder = statSync(target).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (!isFolder) throw new DomainError('BACKUP_TARGET_NOT_FOLDER', { target });
  if (readdirSync(target).length > 0) throw new DomainError('BACKUP_TARGET_NOT_EMPTY', { target });
  return true;
}

/** fsync a folder, so that the names written in it survive a power cut (Windows cannot open one; NTFS journals its renames). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch (e) {
    if (process.platform !== 'win32') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A failure of the disk while restoring, as the user reads it (a refusal or a cancel passes as it is). */
function writeFailed(e: unknown, target: string): unknown {
  if (e instanceof DomainError || !(e instanceof Error)) return e;
  const code = (e as NodeJS.ErrnoException).code;
  return code === undefined ? e : new DomainError('BACKUP_WRITE_FAILED', { target, code });
}

/** Free bytes where `folder` is, or undefined where the system cannot say. */
async function freeBytes(folder: string): Promise<number | undefined> {
  try {
    const fs = await statfs(folder);
    return fs.bavail * fs.bsize;
  } catch {
    return undefined;
  }
}

/**
 * Restore a backup into `target`, which must not exist or be an empty folder. The package is
 * verified in full before anything is written; then the files are written into
 * `<target>.restoring-<random>` (each fsynced, each checked against the hash verified), which is
 * renamed onto the target when whole. On any failure (a refusal, a cancel, a full disk) the
 * temporary folder is removed and the target is as it was.
 */
export async function restoreBackup(path: string, target: string, options: RestoreOptions = {}): Promise<{ files: number; bytes: number }> {
  target = resolve(target);
  const existed = checkTarget(target);
  const bag = await openBag(path, BACKUP_PACKAGE_LIMITS);
  try {
    const report = await check(bag, options);
    if (!report.valid) {
      const { code, path: where, expected, found } = report.problems[0] ?? { code: 'PACKAGE_CORRUPT' };
      throw new DomainError('BACKUP_INVALID', {
        file: path,
        count: report.problems.length,
        code,
        ...(where !== undefined ? { path: where } : {}),
        ...(expected !== undefined ? { expected } : {}),
        ...(found !== undefined ? { found } : {}),
      });
    }
    const parent = dirname(target);
    await mkdir(parent, { recursive: true }).catch((e: unknown) => {
      throw writeFailed(e, target);
    });
    const free = await freeBytes(parent);
    if (free !== undefined && free < report.payloadBytes) throw new DomainError('BACKUP_NO_SPACE', { target, needed: report.payloadBytes, available: free });
    const temp = `${target}.restoring-${randomBytes(6).toString('hex')}`;
    try {
      mkdirSync(temp, { mode: 0o700 });
    } catch (e) {
      throw writeFailed(e, target);
    }
    try {
      await extract(bag, report, temp, path, options);
      checkTarget(target); // nobody put anything there meanwhile
      if (existed) rmdirSync(target);
      try {
        renameSync(temp, target);
      } catch (e) {
        if (existed) mkdirSync(target, { recursive: true });
        throw e;
      }
      syncFolder(parent);
    } catch (e) {
      rmSync(temp, { recursive: true, force: true });
      throw writeFailed(e, target);
    }
    return { files: report.payloadFiles, bytes: report.payloadBytes };
  } finally {
    await bag.close();
  }
}

/** Write every payload file into `into`, each fsynced and checked against its verified hash, then fsync the folders. */
async function extract(bag: OpenedBag, report: BagReport, into: string, file: string, options: RestoreOptions): Promise<void> {
  const folders = new Set<string>([into]);
  let done = 0;
  for (const [bagPath, sha256] of [...report.payload].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    throwIfCancelled(options.signal);
    const path = bagPath.slice('data/'.length);
    const to = onDisk(into, path);
    const folder = dirname(to);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      for (let f = folder; f !== into && !folders.has(f); f = dirname(f)) folders.add(f);
    }
    const hash = createHash('sha256');
    const out = await open(to, 'wx', 0o600);
    try {
      // Piece by piece (a for-await loop destroys the entry's stream when it stops early).
      for await (const chunk of bag.stream(bagPath) as AsyncIterable<Buffer>) {
        throwIfCancelled(options.signal);
        hash.update(chunk);
        for (let at = 0; at < chunk.length; ) at += (await out.write(chunk, at, chunk.length - at)).bytesWritten;
        done += chunk.length;
        options.onProgress?.('writing', done, report.payloadBytes);
      }
      await out.sync();
    } finally {
      await out.close();
    }
    if (hash.digest('hex') !== sha256) throw new DomainError('BACKUP_CHANGED_WHILE_RESTORING', { file, path: bagPath });
  }
  // Deepest first, so that each folder's entry in its parent is synced after its own content.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) syncFolder(folder);
}
