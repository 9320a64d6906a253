import { renameSync } from 'node:fs';
import { LowSync } from 'lowdb';
import { z } from 'zod';
import { savedSettings, type SavedSettings } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { CachedRecord, DurableFile, type Codec } from './jsonFile';
import { storageError } from './storageErrors';

/** settings.json; a file written before the settings had revisions (issue 13) is at revision 0. */
const storedSettings = z.preprocess(
  (raw) => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('revision' in raw) ? { ...raw, revision: 0 } : raw),
  savedSettings,
);

/** The institution's configuration (settings.json). */
export class SettingsStore {
  private readonly file: DurableFile;
  /** Asked for at every call (the idle lock, the document size limit): read again only when the file changes. */
  private readonly record: CachedRecord<typeof storedSettings>;

  constructor(
    dir: DataDirectory,
    codec: Codec,
    private readonly now: () => Date,
  ) {
    this.file = new DurableFile(dir.path('settings.json'), codec);
    this.record = new CachedRecord(this.file, storedSettings, () => this.damaged());
  }

  /** null until the institution has been set up. */
  get(): SavedSettings | null {
    return this.record.read();
  }

  /** Writes the value as given: the settings service sets its revision. */
  save(value: SavedSettings): SavedSettings {
    let damaged = false;
    try {
      this.get();
    } catch {
      damaged = true;
    }
    try {
      // A damaged settings file is kept aside, never overwritten, so it can still be examined.
      if (damaged) renameSync(this.file.path, `${this.file.path}.damaged-${this.now().getTime()}`);
      new LowSync(this.file, value).write();
    } catch (e) {
      throw storageError(e, 'settings');
    }
    return value;
  }

  private damaged(): DomainError {
    return new DomainError('SETTINGS_DAMAGED');
  }
}
