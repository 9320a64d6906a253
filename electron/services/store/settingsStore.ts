import { renameSync } from 'node:fs';
import { LowSync } from 'lowdb';
import { settings as settingsSchema, type Settings } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { DurableFile, readRecord, type Codec } from './jsonFile';
import { storageError } from './storageErrors';

/** The institution's configuration (settings.json). */
export class SettingsStore {
  private readonly file: DurableFile;

  constructor(
    dir: DataDirectory,
    codec: Codec,
    private readonly now: () => Date,
  ) {
    this.file = new DurableFile(dir.path('settings.json'), codec);
  }

  /** null until the institution has been set up. */
  get(): Settings | null {
    return readRecord(this.file, settingsSchema, () => this.damaged());
  }

  save(value: Settings): Settings {
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
      throw storageError(e, { lt: 'įstaigos nustatymai', en: 'the institution settings' });
    }
    return value;
  }

  private damaged(): DomainError {
    return new DomainError(
      'SETTINGS_DAMAGED',
      'Įstaigos nustatymų failas (settings.json) sugadintas. Bylos nepaliestos; įveskite nustatymus iš naujo – senas failas bus išsaugotas šalia.',
      'The institution settings file (settings.json) is damaged. Cases are untouched; enter the settings again – the old file will be kept beside it.',
    );
  }
}
