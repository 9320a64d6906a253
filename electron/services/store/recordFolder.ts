import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { DomainError } from '../../../shared/domain/errors';
import type { StorageSubject } from '../../../shared/domain/errorTexts';
import type { DataDirectory } from './dataDirectory';
import { readFileIfExists, writeFileDurable } from './durableFile';
import type { Codec } from './jsonFile';
import { storageError } from './storageErrors';

const FILE_NAME = /^([0-9a-f-]{36})\.json$/;

export interface RecordFolderSpec<T> {
  /** The folder in the data directory, e.g. 'meetings'. */
  folder: string;
  schema: z.ZodType<T>;
  /** What a failed write names ("the meeting"). */
  what: StorageSubject;
  damaged(id: string): DomainError;
  notFound(id: string): DomainError;
}

/**
 * Records kept one sealed file each (`<folder>/<uuid>.json`): small, a few hundred a year, so all
 * are read at the first use (not at start: opening the app and listing the cases do not wait for
 * them) and kept in memory; a write replaces the one file atomically and durably. A file that
 * cannot be read stays on disk untouched and is reported by its id.
 */
export class RecordFolder<T extends { id: string }> {
  private readonly folder: string;
  private readonly records = new Map<string, T>();
  private readonly damaged = new Set<string>();
  private loaded = false;

  constructor(
    dir: DataDirectory,
    private readonly codec: Codec,
    private readonly spec: RecordFolderSpec<T>,
  ) {
    this.folder = dir.path(spec.folder);
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
  }

  /** The codec of one record's file: bound to its path and version (issue 16). */
  private codecOf(path: string): Codec {
    return this.codec.at?.(path) ?? this.codec;
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const name of readdirSync(this.folder)) {
      const id = FILE_NAME.exec(name)?.[1];
      if (id === undefined) continue;
      try {
        const path = join(this.folder, name);
        const parsed = this.spec.schema.safeParse(this.codecOf(path).decode(readFileIfExists(path) ?? Buffer.alloc(0)));
        if (parsed.success && parsed.data.id === id) this.records.set(id, parsed.data);
        else this.damaged.add(id);
      } catch {
        this.damaged.add(id);
      }
    }
  }

  list(): T[] {
    this.load();
    return [...this.records.values()];
  }

  /** Ids of files that could not be read. */
  damagedIds(): string[] {
    this.load();
    return [...this.damaged];
  }

  get(id: string): T {
    this.load();
    const record = this.records.get(id);
    if (record) return record;
    throw this.damaged.has(id) ? this.spec.damaged(id) : this.spec.notFound(id);
  }

  put(record: T): void {
    this.load();
    if (!FILE_NAME.test(`${record.id}.json`)) throw new Error(`Invalid record id ${record.id}`);
    try {
      const path = join(this.folder, `${record.id}.json`);
      writeFileDurable(path, this.codecOf(path).encode(record));
    } catch (e) {
      throw storageError(e, this.spec.what);
    }
    this.records.set(record.id, record);
    this.damaged.delete(record.id);
  }
}
