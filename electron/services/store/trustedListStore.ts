import { LowSync } from 'lowdb';
import { trustedListsRecord, type TrustedListsRecord } from '../../../shared/contract/trustedListSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { DurableFile, readRecord, type Codec } from './jsonFile';
import { storageError } from './storageErrors';

const EMPTY: TrustedListsRecord = { lists: [] };

/**
 * The trusted lists the administrator imported (trustedLists.json, issue 18): each list's file and
 * its operator's certificate, kept as imported so that it is read again, signature and all. The
 * record is kept in memory until the file changes; the same object is returned until then, so what
 * is read from it can be remembered by it.
 */
export class TrustedListStore {
  private readonly file: DurableFile;
  private cache: TrustedListsRecord | null = null;

  constructor(dir: DataDirectory, codec: Codec) {
    this.file = new DurableFile(dir.path('trustedLists.json'), codec);
  }

  get(): TrustedListsRecord {
    this.cache ??= readRecord(this.file, trustedListsRecord, damaged) ?? EMPTY;
    return this.cache;
  }

  put(value: TrustedListsRecord): void {
    try {
      new LowSync(this.file, value).write();
    } catch (e) {
      throw storageError(e, 'trustedLists');
    } finally {
      this.cache = null;
    }
  }
}

function damaged(): DomainError {
  return new DomainError('TRUSTED_LISTS_DAMAGED');
}
