import type { AppEvent } from '../../shared/contract/result';
import type { IsoDate } from '../../shared/domain/calendar';
import type { DataDirectory } from './store/dataDirectory';
import type { CaseStore } from './store/caseStore';
import type { SettingsStore } from './store/settingsStore';

/** What every feature of the back end is given: the stores, the clock and the event channel. */
export interface ServiceContext {
  readonly dir: DataDirectory;
  readonly cases: CaseStore;
  readonly settings: SettingsStore;
  /** Today's date in the institution (PUSIAUKELE_TODAY can fix it for demonstrations and tests). */
  today(): IsoDate;
  now(): Date;
  emit(event: AppEvent): void;
}
