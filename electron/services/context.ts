import type { Caller } from '../../shared/contract/methods';
import type { AppEvent } from '../../shared/contract/result';
import type { AuditLog, AuditSubject } from './audit/auditLog';
import type { IsoDate } from '../../shared/domain/calendar';
import type { DataDirectory } from './store/dataDirectory';
import type { CaseStore } from './store/caseStore';
import type { SettingsStore } from './store/settingsStore';
import type { UsersStore } from './store/usersStore';
import type { Sessions } from './users/sessions';
import type { DocumentStore } from './store/documentStore';
import type { Staging } from './dossier/staging';
import type { CommissionStore } from './store/commissionStore';
import type { MeetingStore } from './store/meetingStore';
import type { GeneratedStore, RegisterStore } from './store/generatedStore';
import type { RevocationStore } from './store/revocationStore';

/** What every feature of the back end is given: the stores, the clock and the event channel. */
export interface ServiceContext {
  readonly dir: DataDirectory;
  readonly cases: CaseStore;
  readonly settings: SettingsStore;
  readonly users: UsersStore;
  readonly sessions: Sessions;
  /** The dossier's documents at rest (V-77 p. 6), and the files awaiting the user's review. */
  readonly documents: DocumentStore;
  readonly staging: Staging;
  /** The disciplinary commission and its meetings (V-77 p. 9–11). */
  readonly commission: CommissionStore;
  readonly meetings: MeetingStore;
  /** The documents the app generated and their signatures, and the register that numbers them. */
  readonly generated: GeneratedStore;
  readonly registerStore: RegisterStore;
  /** Revocation lists imported for checking signatures offline, and the revocation policy. */
  readonly revocation: RevocationStore;
  /** The largest document accepted, in bytes (settings, default 50 MB). */
  maxDocumentBytes(): number;
  /** Minutes of inactivity after which a session locks (settings, default 10). */
  idleMinutes(): number;
  /** Today's date in the institution (PUSIAUKELE_TODAY can fix it for demonstrations and tests). */
  today(): IsoDate;
  now(): Date;
  emit(event: AppEvent): void;
  readonly audit: AuditLog;
  /**
   * Make a change through the audit trail: first record who (the caller), which method, what (the
   * subject) and a digest of the record before and after, then `write` it. Should the write fail,
   * the trail records that too. Every change to a case, a user or the settings goes this way, so no
   * change can be on disk without its entry (a crash in between leaves an entry whose `after` the
   * record never reached, which the digests show).
   */
  change(caller: Caller, method: string, subject: AuditSubject, before: unknown, after: unknown, summary: string, write: () => void): void;
}
