import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, read as readFd, readdirSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { fileExists, finishBatchedWrites, fsyncDir, readFileIfExists, removeFile, TEMP_FILE, writeFileDurable } from './durableFile';
import { storageError } from './storageErrors';
import { BLOB_HEAD_BYTES, BLOB_TAG_BYTES, type BlobSealer } from './encryption';

export const DOCUMENTS_DIR = 'documents';

/** Add the SHA-256 of every version of every document of a case to `into`. */
export function referencedDocuments(record: CaseRecord, into: Set<string>): void {
  for (const item of Object.values(record.dossier?.items ?? {})) for (const d of item.documents) for (const v of d.versions) into.add(v.sha256);
  // Issue 14: the copies of the documents received from elsewhere (V-77 p. 8, 17, 18, 47, 51).
  for (const act of record.acts ?? []) into.add(act.file.sha256);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What putStream stored: the content's SHA-256 and size, and whether it wrote it (false: stored already). */
export interface StoredDocument {
  sha256: string;
  size: number;
  stored: boolean;
}

export interface PutStreamOptions {
  /** Refuse content longer than this (FILE_TOO_LARGE, `limit` in bytes), leaving no file behind. */
  maxBytes?: number;
  /** The document's name as its user knows it, for FILE_TOO_LARGE (putFile gives the file's name). */
  name?: string;
}

/** The pieces a document is read, sealed and written in when it streams (in or out). */
const STREAM_CHUNK = 1024 * 1024;

/** A document stored while it streams in: its temporary name in documents/ (removeLeftovers' pattern). */
const incomingName = () => `.incoming.${randomBytes(6).toString('hex')}.tmp`;

const notAuthentic = (sha256: string) => new DomainError('DOCUMENT_NOT_AUTHENTIC', { sha256 });

/** Read `length` bytes at `position` into the start of `into` (fewer only at the end of the file). */
function readAt(fd: number, into: Buffer, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => readFd(fd, into, 0, length, position, (e, n) => (e ? reject(e) : resolve(n))));
}

/** Write all of `bytes` at the file's current position. */
async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length; ) done += (await file.write(bytes, done, bytes.length - done)).bytesWritten;
}

/** Read exactly `into.length` bytes at `position`, synchronously (the few bytes of a header or tag). */
function readExactly(fd: number, into: Buffer, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/**
 * The dossier's documents (V-77 p. 6) at rest: one sealed file per distinct content, named by a
 * keyed hash of its SHA-256, so the same scan attached twice is stored once. Writes are atomic and
 * durable like every other file of the data directory; a case refers to documents by SHA-256.
 *
 * Large documents (issue 15: packages exported and imported, a 50 MB scan) go in and out as streams
 * with bounded memory: putStream / putFile read the content once, hashing and sealing each piece as it
 * passes (the sealed format v3, encryption.ts), and openStream gives the plain bytes piece by piece.
 */
export class DocumentStore {
  /** Contents a change stored or found stored since the current check began (see sweep). */
  private touched: Set<string> | null = null;
  /**
   * Contents putStream stored or found stored since this store was opened. Unlike put's, which its
   * change names in a case in the same synchronous step, these may be named by a case much later (an
   * import verifies a whole package before it writes the case), possibly after a check began and
   * swept: sweep keeps them all. The check runs once per start, so one left unused (an import
   * cancelled) is removed by the next start's check.
   */
  private readonly streamed = new Set<string>();
  /** The temporary files of putStream writes under way (removeLeftovers must not take them). */
  private readonly incoming = new Set<string>();
  /** The background removal of leftover temporary files, while it runs. */
  private leftovers: Promise<number> | undefined;

  constructor(
    private readonly dir: DataDirectory,
    private readonly sealer: BlobSealer,
  ) {
    // The temporary files a crash left are removed in the background (beginCheck), not here: the
    // folder holds every document of every case, and listing it would slow every start.
    mkdirSync(dir.path(DOCUMENTS_DIR), { recursive: true });
  }

  private pathOf(sha256: string): string {
    const name = this.sealer.blobName(sha256);
    return this.dir.path(DOCUMENTS_DIR, name.slice(0, 2), `${name}.bin`);
  }

  has(sha256: string): boolean {
    return fileExists(this.pathOf(sha256));
  }

  /**
   * Store `bytes` (whose SHA-256 the caller computed) unless the same content is stored already.
   * Returns whether it wrote. For bytes already in memory; a file or a stream goes through putFile or
   * putStream, which do not hold the document whole.
   */
  put(sha256: string, bytes: Uint8Array): boolean {
    this.touched?.add(sha256);
    const path = this.pathOf(sha256);
    if (fileExists(path)) return false;
    try {
      this.makeFolderOf(path);
      writeFileDurable(path, this.sealer.seal(bytes));
    } catch (e) {
      throw storageError(e, 'document');
    }
    return true;
  }

  /**
   * Store a document as it streams in, reading it once: each piece updates the SHA-256 and the cipher
   * and is written to a temporary file in documents/, while the next piece is read and the one before
   * is being written. At the end the file name follows from the hash: when that content is stored
   * already the temporary file is removed (`stored: false`), else it is fsynced, renamed into place
   * and its folder fsynced, as writeFileDurable does. Content over `maxBytes` is refused
   * (FILE_TOO_LARGE, `size` then counts what was read until the refusal) and nothing stays behind;
   * so it is when the source fails (its error is passed on as it is) or the disk does (DISK_FULL,
   * STORAGE_…). The caller then names the content in a case by the returned SHA-256; until the next
   * start, sweep keeps it even if no case names it yet (see `streamed`). A Readable source is
   * destroyed when the store fails.
   */
  async putStream(source: Readable | AsyncIterable<Uint8Array>, options: PutStreamOptions = {}): Promise<StoredDocument> {
    const name = incomingName();
    const temp = this.dir.path(DOCUMENTS_DIR, name);
    this.incoming.add(name);
    let file: FileHandle | undefined;
    try {
      try {
        file = await open(temp, 'wx', 0o600);
      } catch (e) {
        throw storageError(e, 'document');
      }
      const out = file;
      /** The write under way and how it failed: written while the next piece is hashed and sealed. */
      let writing: Promise<void> = Promise.resolve();
      let failed: { error: unknown } | undefined;
      const write = async (bytes: Uint8Array) => {
        await writing;
        if (failed) throw storageError(failed.error, 'document');
        writing = writeAll(out, bytes).catch((error: unknown) => {
          failed = { error };
        });
      };
      const hash = createHash('sha256');
      const sealing = this.sealer.sealing();
      let size = 0;
      await write(sealing.head);
      for await (const chunk of source as AsyncIterable<unknown>) {
        if (!(chunk instanceof Uint8Array)) throw new TypeError('putStream takes bytes, not text');
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) {
          throw new DomainError('FILE_TOO_LARGE', { file: options.name ?? '', size, limit: options.maxBytes });
        }
        hash.update(chunk);
        await write(sealing.update(chunk));
      }
      await write(sealing.final());
      await writing;
      if (failed) throw storageError(failed.error, 'document');
      try {
        await out.sync();
        file = undefined;
        await out.close();
      } catch (e) {
        throw storageError(e, 'document');
      }
      const sha256 = hash.digest('hex');
      return { sha256, size, stored: this.commit(temp, sha256) };
    } catch (e) {
      if (source instanceof Readable) source.destroy(); // a file stream read no further closes its file
      await file?.close().catch(() => undefined);
      try {
        removeFile(temp);
      } catch {
        // left for removeLeftovers at the next check
      }
      throw e;
    } finally {
      this.incoming.delete(name);
    }
  }

  /**
   * putStream from a file on disk (the file's name for FILE_TOO_LARGE). A file larger than `maxBytes`
   * is refused before anything is read or written; the file's own errors (ENOENT…) are passed on.
   */
  async putFile(path: string, options: { maxBytes?: number } = {}): Promise<StoredDocument> {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (options.maxBytes !== undefined && size > options.maxBytes) {
        throw new DomainError('FILE_TOO_LARGE', { file: basename(path), size, limit: options.maxBytes });
      }
    } catch (e) {
      await file.close();
      throw e;
    }
    // The stream closes the file when it ends or fails.
    return this.putStream(file.createReadStream({ highWaterMark: STREAM_CHUNK }), { ...options, name: basename(path) });
  }

  /** Put a fully written temporary file in its place (synchronously: no other write comes between). Returns whether it did. */
  private commit(temp: string, sha256: string): boolean {
    this.touched?.add(sha256);
    this.streamed.add(sha256);
    const path = this.pathOf(sha256);
    if (fileExists(path)) {
      removeFile(temp);
      return false;
    }
    try {
      this.makeFolderOf(path);
      finishBatchedWrites(); // what a batch wrote in the background comes first, as in writeFileDurable
      renameSync(temp, path);
      fsyncDir(dirname(path));
    } catch (e) {
      throw storageError(e, 'document');
    }
    return true;
  }

  private makeFolderOf(path: string): void {
    const folder = dirname(path);
    if (existsSync(folder)) return;
    mkdirSync(folder, { recursive: true });
    fsyncDir(this.dir.path(DOCUMENTS_DIR));
  }

  /** The document's bytes, checked against its SHA-256 (a file swapped or altered is refused: DOCUMENT_NOT_AUTHENTIC). Whole, in memory: for small documents. */
  read(sha256: string): Buffer {
    const sealed = readFileIfExists(this.pathOf(sha256));
    if (sealed === undefined) {
      throw new DomainError('DOCUMENT_MISSING', { sha256 });
    }
    return this.opened(sealed, sha256);
  }

  private opened(sealed: Buffer, sha256: string): Buffer {
    let plain: Buffer;
    try {
      plain = this.sealer.open(sealed, sha256);
    } catch {
      throw notAuthentic(sha256);
    }
    if (sha256Hex(plain) !== sha256) throw notAuthentic(sha256);
    return plain;
  }

  /**
   * The document's plain bytes as a stream, a piece at a time (memory stays bounded whatever its
   * size), for either sealed format. Throws DOCUMENT_MISSING at once when there is no such document.
   *
   * The contract: the pieces are delivered before they are proven. AES-GCM's tag and the SHA-256 of
   * the content can only be checked once the last byte is read, so an altered or swapped file shows
   * as the stream failing at the end with DOCUMENT_NOT_AUTHENTIC (DOCUMENT_MISSING if the file went
   * away meanwhile). A consumer therefore writes what it receives somewhere provisional (a temporary
   * file, a package being written under a temporary name) and keeps or shows it only after the stream
   * ended without an error; `stream.pipeline` rejects in that case, which is what to wait for.
   */
  openStream(sha256: string): Readable {
    const path = this.pathOf(sha256);
    finishBatchedWrites(); // a batch's writer thread may still be writing it
    if (!fileExists(path)) throw new DomainError('DOCUMENT_MISSING', { sha256 });
    if (!existsSync(path)) {
      // Only in a batch of writes (bulk loading), where it is written at the flush: it is in memory.
      const sealed = readFileIfExists(path);
      if (sealed === undefined) throw new DomainError('DOCUMENT_MISSING', { sha256 });
      return Readable.from([this.opened(sealed, sha256)]);
    }
    return Readable.from(this.plainPieces(path, sha256), { objectMode: false, highWaterMark: STREAM_CHUNK });
  }

  /** The pieces of openStream: the file is opened when the stream is first read and closed when it ends or is destroyed. */
  private async *plainPieces(path: string, sha256: string): AsyncGenerator<Buffer> {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('DOCUMENT_MISSING', { sha256 });
      throw e;
    }
    try {
      const size = fstatSync(fd).size;
      const head = Buffer.alloc(BLOB_HEAD_BYTES);
      const tag = Buffer.alloc(BLOB_TAG_BYTES);
      if (size < head.length + tag.length || !readExactly(fd, head, 0) || !readExactly(fd, tag, size - tag.length)) throw notAuthentic(sha256);
      let opening;
      try {
        opening = this.sealer.opening(head, tag, sha256);
      } catch {
        throw notAuthentic(sha256);
      }
      const hash = createHash('sha256');
      const buffer = Buffer.allocUnsafe(STREAM_CHUNK); // reused: each piece given out is a fresh buffer from the decipher
      const end = size - tag.length;
      for (let at = head.length; at < end; ) {
        const n = await readAt(fd, buffer, Math.min(buffer.length, end - at), at);
        if (n === 0) throw notAuthentic(sha256); // cut short while being read
        at += n;
        const plain = opening.update(buffer.subarray(0, n));
        hash.update(plain);
        yield plain;
      }
      try {
        opening.final();
      } catch {
        throw notAuthentic(sha256);
      }
      if (hash.digest('hex') !== sha256) throw notAuthentic(sha256);
    } finally {
      closeSync(fd);
    }
  }

  /** Remove content written by a change that then failed (never content a case refers to). */
  remove(sha256: string): void {
    removeFile(this.pathOf(sha256));
  }

  /**
   * Start remembering the contents changes store (or find stored) while the case files are read,
   * and remove, in the background, the temporary files of writes a crash cut short.
   */
  beginCheck(): void {
    this.touched = new Set();
    this.leftovers ??= this.removeLeftovers().finally(() => {
      this.leftovers = undefined;
    });
  }

  /**
   * Remove contents no case refers to any more: a document removed from its case, or one written by
   * a change that a crash cut short. `referenced` must come from every case file, read since
   * beginCheck(); whatever a change stored or re-used meanwhile is kept too (it may be on its way into
   * a case), so is whatever putStream stored since this store was opened (see `streamed`), and so is
   * any file modified since `startedAt`. Returns how many were removed.
   */
  sweep(referenced: ReadonlySet<string>, startedAt: number): number {
    const touched = this.touched ?? new Set<string>();
    this.touched = null;
    const keep = new Set([...referenced, ...touched, ...this.streamed].map((sha) => `${this.sealer.blobName(sha)}.bin`));
    const root = this.dir.path(DOCUMENTS_DIR);
    let removed = 0;
    for (const folder of readdirSync(root, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const name of readdirSync(join(root, folder.name))) {
        const path = join(root, folder.name, name);
        if (!name.endsWith('.bin') || keep.has(name) || statSync(path).mtimeMs >= startedAt) continue;
        unlinkSync(path);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Remove the temporary files a crash left half-written, one folder at a time without blocking:
   * those of put (in the content folders) and those of putStream (in documents/ itself). Only while
   * this process owns the data directory: a put of its own is never caught half-way, since it runs
   * from start to rename without yielding, and the putStream writes under way are skipped by name.
   * Resolves with how many it removed.
   */
  async removeLeftovers(): Promise<number> {
    const root = this.dir.path(DOCUMENTS_DIR);
    let removed = 0;
    try {
      for (const entry of await readdir(root, { withFileTypes: true })) {
        if (!this.dir.held) return removed; // closed meanwhile: the next owner removes them
        if (entry.isFile() && TEMP_FILE.test(entry.name) && !this.incoming.has(entry.name)) {
          removeFile(join(root, entry.name));
          removed++;
        }
        if (!entry.isDirectory()) continue;
        const names = await readdir(join(root, entry.name)).catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return [];
          throw e;
        });
        for (const name of names) {
          if (!this.dir.held) return removed;
          if (TEMP_FILE.test(name)) {
            finishBatchedWrites(); // a batch's writer thread leaves none behind
            removeFile(join(root, entry.name, name));
            removed++;
          }
        }
      }
    } catch (e) {
      if (this.dir.held) console.error('Removing leftover temporary files of documents failed (they stay until the next check):', e);
    }
    return removed;
  }
}
