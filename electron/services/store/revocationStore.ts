import { LowSync } from 'lowdb';
import { revocationRecord, type RevocationRecord } from '../../../shared/contract/verificationSchemas';
import { DomainError } from '../../../shared/domain/errors';
import { parsedCrls, type ParsedCrlWithSigner } from '../signing/revocation';
import type { DataDirectory } from './dataDirectory';
import { DurableFile, readRecord, type Codec } from './jsonFile';
import { storageError } from './storageErrors';

const EMPTY: RevocationRecord = { required: false, lists: [] };

/**
 * The revocation lists the administrator imported and the revocation policy (revocation.json, issue 12).
 * The lists are parsed once and kept parsed until the file changes, so a check does not read megabytes.
 */
export class RevocationStore {
  private readonly file: DurableFile;
  private cache: { record: RevocationRecord; parsed: ParsedCrlWithSigner[] } | null = null;

  constructor(dir: DataDirectory, codec: Codec) {
    this.file = new DurableFile(dir.path('revocation.json'), codec);
  }

  get(): RevocationRecord {
    return this.cache?.record ?? this.load().record;
  }

  /** The stored lists, parsed (each was checked against its issuer when imported). */
  parsed(): ParsedCrlWithSigner[] {
    return this.cache?.parsed ?? this.load().parsed;
  }

  put(value: RevocationRecord): void {
    try {
      new LowSync(this.file, value).write();
    } catch (e) {
      this.cache = null;
      throw storageError(e, 'revocationLists');
    }
    this.cache = null;
  }

  private load(): { record: RevocationRecord; parsed: ParsedCrlWithSigner[] } {
    const record = readRecord(this.file, revocationRecord, damaged) ?? EMPTY;
    const parsed = parsedCrls(record.lists.map((l) => ({ der: Buffer.from(l.der, 'base64'), issuerCertificate: Buffer.from(l.issuerCertificate, 'base64') })));
    this.cache = { record, parsed };
    return this.cache;
  }
}

function damaged(): DomainError {
  return new DomainError('REVOCATION_DAMAGED');
}
