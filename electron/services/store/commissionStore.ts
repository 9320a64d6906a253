import { LowSync } from 'lowdb';
import { commissionRecord, type CommissionRecord } from '../../../shared/contract/meetingSchemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { CachedRecord, DurableFile, type Codec } from './jsonFile';
import { storageError } from './storageErrors';

/** The disciplinary commission: its membership over time and its voting rules (commission.json). */
export class CommissionStore {
  private readonly file: DurableFile;
  private readonly record: CachedRecord<typeof commissionRecord>;

  constructor(dir: DataDirectory, codec: Codec) {
    this.file = new DurableFile(dir.path('commission.json'), codec);
    this.record = new CachedRecord(this.file, commissionRecord, damaged);
  }

  /** null until the commission has been set up. */
  get(): CommissionRecord | null {
    return this.record.read();
  }

  put(value: CommissionRecord): void {
    try {
      new LowSync(this.file, value).write();
    } catch (e) {
      throw storageError(e, 'commission');
    }
  }
}

function damaged(): DomainError {
  return new DomainError('COMMISSION_DAMAGED');
}
