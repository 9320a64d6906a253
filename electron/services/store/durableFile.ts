import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { finishBackgroundWrites, writeInBackground } from './batchWriter';

/**
 * Batched writes, for loading data in bulk (the store benchmark prepares 10,000 cases through the
 * app's own code): between beginBatchedWrites() and flushBatchedWrites(), every write goes through
 * the same stores, encrypted and audited as always, but a file replaced many times is kept in memory
 * and written once, with its last content, at the flush; appended files (the audit trail, the case
 * index journal) are written at once and fsynced at the flush. Reads see the pending content. Until
 * the flush nothing is durable and a crash loses the batch, so the app itself never batches.
 */
interface Batch {
  /** Files to write at the flush, each with its last content. */
  files: Map<string, readonly Uint8Array[]>;
  /** Directories and appended files to fsync at the flush. */
  dirs: Set<string>;
  fds: Set<number>;
}

/** A flushed batch the writer thread is writing (batchWriter.ts): read from here until it is done. */
interface Writing extends Batch {
  /** Files removed meanwhile: gone, whatever the thread writes. */
  removed: Set<string>;
}

let batch: Batch | undefined;
let writing: Writing | undefined;

/**
 * Issue 16: who is told of every whole-file write and removal under a data directory (its integrity
 * manifest, manifest.ts), by root. Told once the write is done (in a batch: once it is collected,
 * readable from then on), with the file's first bytes, never before: a write that fails is not one.
 */
export interface WriteWatcher {
  written(path: string, head: Uint8Array): void;
  removed(path: string): void;
}
const watchers = new Map<string, WriteWatcher>();

/** Tell `watcher` of the writes under `root` until the returned function is called. */
export function watchWrites(root: string, watcher: WriteWatcher): () => void {
  watchers.set(root, watcher);
  return () => {
    if (watchers.get(root) === watcher) watchers.delete(root);
  };
}

function watcherOf(path: string): WriteWatcher | undefined {
  if (watchers.size === 0) return undefined;
  for (let dir = dirname(path), i = 0; i < 4; i++, dir = dirname(dir)) {
    const watcher = watchers.get(dir);
    if (watcher) return watcher;
  }
  return undefined;
}

function told(path: string, chunks: readonly Uint8Array[]): void {
  const watcher = watcherOf(path);
  if (watcher === undefined) return;
  const first = chunks.find((c) => c.length > 0) ?? new Uint8Array(0);
  watcher.written(path, first.subarray(0, 16));
}

/** Whether writes are being batched now (the integrity manifest leaves its journal whole meanwhile: manifest.ts). */
export function batching(): boolean {
  return batch !== undefined || writing !== undefined;
}

/** Start batching writes (see Batch); refused while a batch is open. */
export function beginBatchedWrites(): void {
  if (batch) throw new Error('Batched writes are already on');
  batch = { files: new Map(), dirs: new Set(), fds: new Set() };
}

/**
 * Write what the batch holds, each file atomically (a temporary file renamed over it), then fsync
 * the directories and the appended files; the files' contents reach the disk as the system writes
 * them back (`sync` waits for that), not one fsync each: a batch holds tens of thousands of files.
 * Ends the batch. `background`: the files are written by a thread of their own while this one goes
 * on (reads still see them); finishBatchedWrites() waits for it, as does the next flush and any
 * write outside a batch. Returns how many files the batch held.
 */
export function flushBatchedWrites(options: { background?: boolean } = {}): number {
  finishBatchedWrites();
  const current = batch;
  if (!current) return 0;
  batch = undefined;
  for (const path of current.files.keys()) current.dirs.add(dirname(path));
  if (options.background) {
    writing = { ...current, removed: new Set() };
    writeInBackground(current.files);
    return current.files.size;
  }
  for (const [path, chunks] of current.files) {
    const tmp = tempPathOf(path);
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      writeChunks(fd, chunks);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  }
  syncAll(current);
  return current.files.size;
}

/** Wait for a batch being written in the background, then make it durable as a flush does. */
export function finishBatchedWrites(): void {
  const done = writing;
  if (!done) return;
  writing = undefined;
  finishBackgroundWrites();
  for (const path of done.removed) if (!batch?.files.has(path)) removeFile(path);
  syncAll(done);
}

function syncAll({ fds, dirs }: Batch): void {
  for (const fd of fds) fsyncSync(fd);
  for (const dir of dirs) fsyncDir(dir);
}

/** fsync an open file now, or at the flush while writes are batched. */
export function syncFd(fd: number): void {
  if (batch) batch.fds.add(fd);
  else fsyncSync(fd);
}

/** Before closing a file given to syncFd: fsync it now if a batch still owes it one. */
export function syncBeforeClose(fd: number): void {
  const owed = batch?.fds.delete(fd) === true;
  if (writing?.fds.delete(fd) === true || owed) fsyncSync(fd);
}

/** fsync a directory so that a rename or a new file in it survives a power cut. */
export function fsyncDir(dir: string): void {
  if (batch) {
    batch.dirs.add(dir);
    return;
  }
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform !== 'win32') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tempPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

function chunksOf(data: string | Uint8Array | readonly Uint8Array[]): readonly Uint8Array[] {
  return typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
}

function writeChunks(fd: number, chunks: readonly Uint8Array[]): void {
  // Large content (a 50 MB document) comes in chunks, written one after another without a copy.
  for (const buf of chunks) {
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
  }
}

/**
 * Replace `path` atomically and durably: write a temporary file beside it, fsync it, rename it over
 * the target, fsync the directory. A crash at any moment leaves either the old or the new content.
 */
export function writeFileDurable(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  if (batch) {
    const chunks = [...chunksOf(data)];
    batch.files.set(path, chunks);
    told(path, chunks);
    return;
  }
  finishBatchedWrites(); // what a batch wrote in the background comes first
  const tmp = tempPathOf(path);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeChunks(fd, chunksOf(data));
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
  fsyncDir(dirname(path));
  told(path, chunksOf(data));
}

/** What writeFileDurable leaves behind when a write is cut short before its rename. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Remove the temporary files a crash left behind in `dir` (never read as data; only the owner of
 * the data directory's lock may call this, so nobody is writing them meanwhile).
 */
export function removeLeftoverTemps(dir: string): number {
  finishBatchedWrites(); // the writer thread's temporary files are not leftovers
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (TEMP_FILE.test(name)) {
      unlinkSync(join(dir, name));
      removed++;
    }
  }
  return removed;
}

/**
 * Issue 16: remove the temporary files interrupted writes left in every folder under `root`
 * (meetings/, generated/, index/, audit/, …; before, only the root and index/ were swept), without
 * following links: a link out of the data directory leads to files that are not its own. The top
 * folders named in `skip` keep their own rule (one file per case or document: swept in the
 * background, so that opening does not grow with them). As removeLeftoverTemps, only for the owner
 * of the data directory's lock. A folder or file that cannot be looked at is left for the next
 * open rather than failing this one. Returns how many it removed.
 */
export function sweepLeftoverTemps(root: string, skip: readonly string[] = []): number {
  finishBatchedWrites(); // the writer thread's temporary files are not leftovers
  let removed = 0;
  const sweep = (dir: string, top: boolean): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      console.error(`Leftover temporary files: a folder could not be listed (${(e as NodeJS.ErrnoException).code ?? 'error'}); they stay until the next open.`);
      return;
    }
    for (const entry of entries) {
      // A Dirent tells a link as a link (lstat), never as the folder or file it points to.
      if (entry.isDirectory()) {
        if (!(top && skip.includes(entry.name))) sweep(join(dir, entry.name), false);
      } else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
        try {
          unlinkSync(join(dir, entry.name));
          removed++;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
            console.error(`Leftover temporary files: one could not be removed (${(e as NodeJS.ErrnoException).code ?? 'error'}); it stays until the next open.`);
          }
        }
      }
    }
  };
  sweep(root, true);
  return removed;
}

/** The file's bytes, or undefined if it does not exist. Other errors propagate. */
export function readFileIfExists(path: string): Buffer | undefined {
  const pending = pendingContent(path);
  if (pending === null) return undefined;
  if (pending) return Buffer.concat(pending);
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Whether the file exists (or is about to, in a batch); as existsSync, false also when it cannot be looked at. */
export function fileExists(path: string): boolean {
  const pending = pendingContent(path);
  return pending === undefined ? existsSync(path) : pending !== null;
}

/** What a batch will write to `path` (or is writing), null when a batch removed it, undefined when neither. */
function pendingContent(path: string): readonly Uint8Array[] | null | undefined {
  const collected = batch?.files.get(path);
  if (collected) return collected;
  if (!writing) return undefined;
  if (writing.removed.has(path)) return null;
  return writing.files.get(path);
}

/** Remove a file (and what a batch would write there); a file already gone is no error. */
export function removeFile(path: string): void {
  batch?.files.delete(path);
  if (writing?.files.has(path)) writing.removed.add(path); // removed again once the thread has written it
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  watcherOf(path)?.removed(path);
}
