import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { fileExists, finishBatchedWrites, fsyncDir, readFileIfExists, removeFile, TEMP_FILE, writeFileDurable } from './durableFile';
import { storageError } from './storageErrors';
import type { BlobSealer } from './encryption';

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

/**
 * The dossier's documents (V-77 p. 6) at rest: one sealed file per distinct content, named by a
 * keyed hash of its SHA-256, so the same scan attached twice is stored once. Writes are atomic and
 * durable like every other file of the data directory; a case refers to documents by SHA-256.
 */
export class DocumentStore {
  /** Contents a change stored or found stored since the current check began (see sweep). */
  private touched: Set<string> | null = null;
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

  /** Store `bytes` (whose SHA-256 the caller computed) unless the same content is stored already. Returns whether it wrote. */
  put(sha256: string, bytes: Uint8Array): boolean {
    this.touched?.add(sha256);
    const path = this.pathOf(sha256);
    if (fileExists(path)) return false;
    const folder = dirname(path);
    if (!existsSync(folder)) {
      mkdirSync(folder, { recursive: true });
      fsyncDir(this.dir.path(DOCUMENTS_DIR));
    }
    try {
      writeFileDurable(path, this.sealer.seal(bytes, sha256));
    } catch (e) {
      throw storageError(e, 'document');
    }
    return true;
  }

  /** The document's bytes, checked against its SHA-256 (a file swapped or altered is refused). */
  read(sha256: string): Buffer {
    const sealed = readFileIfExists(this.pathOf(sha256));
    if (sealed === undefined) {
      throw new DomainError('DOCUMENT_MISSING', { sha256 });
    }
    const plain = this.sealer.open(sealed, sha256);
    if (sha256Hex(plain) !== sha256) {
      throw new DomainError('DOCUMENT_NOT_AUTHENTIC', { sha256 });
    }
    return plain;
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
   * a case), and so is any file modified since `startedAt`. Returns how many were removed.
   */
  sweep(referenced: ReadonlySet<string>, startedAt: number): number {
    const touched = this.touched ?? new Set<string>();
    this.touched = null;
    const keep = new Set([...referenced, ...touched].map((sha) => `${this.sealer.blobName(sha)}.bin`));
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
   * Remove the temporary files a crash left half-written, one folder at a time without blocking.
   * Only while this process owns the data directory: a write of its own is never caught half-way,
   * since a write runs from start to rename without yielding. Resolves with how many it removed.
   */
  async removeLeftovers(): Promise<number> {
    const root = this.dir.path(DOCUMENTS_DIR);
    let removed = 0;
    try {
      for (const folder of await readdir(root, { withFileTypes: true })) {
        if (!folder.isDirectory() || !this.dir.held) continue;
        const names = await readdir(join(root, folder.name)).catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return [];
          throw e;
        });
        for (const name of names) {
          if (!this.dir.held) return removed; // closed meanwhile: the next owner removes them
          if (TEMP_FILE.test(name)) {
            finishBatchedWrites(); // a batch's writer thread leaves none behind
            removeFile(join(root, folder.name, name));
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
