import type { Caller, Handlers, MethodName, MethodOutput, ParsedInput } from '../../shared/contract/methods';
import type { AppEvent } from '../../shared/contract/result';
import type { AuditLog, AuditSubject } from './audit/auditLog';
import type { IsoDate } from '../../shared/domain/calendar';
import type { DataDirectory } from './store/dataDirectory';
import type { CaseStore } from './store/caseStore';
import type { SettingsStore } from './store/settingsStore';
import type { UsersStore, StoredUser } from './store/usersStore';
import type { Sessions } from './users/sessions';
import type { DocumentStore } from './store/documentStore';
import type { Staging } from './dossier/staging';
import type { CommissionStore } from './store/commissionStore';
import type { MeetingStore } from './store/meetingStore';
import type { GeneratedStore, RegisterStore } from './store/generatedStore';
import type { RevocationStore } from './store/revocationStore';
import type { TrustedListStore } from './store/trustedListStore';
import type { IntegrityReport } from '../../shared/contract/audit';

/**
 * The stores with their write side. A handler never holds these: it reaches them only inside
 * `Call.record`, whose callback receives them after the audit entry is written (the door).
 */
export interface Stores {
  readonly cases: CaseStore;
  readonly settings: SettingsStore;
  readonly users: UsersStore;
  /** The dossier's and generated documents' contents, named by hash. */
  readonly documents: DocumentStore;
  readonly commission: CommissionStore;
  readonly meetings: MeetingStore;
  readonly generated: GeneratedStore;
  /** The registration register that numbers the generated documents. */
  readonly register: RegisterStore;
  readonly revocation: RevocationStore;
  /** Issue 18: the imported trusted lists (ETSI TS 119 612). */
  readonly trustedLists: TrustedListStore;
}

/** What every feature of the back end is given: the stores' read side, the clock and the settings. */
export interface ServiceContext {
  readonly dir: Pick<DataDirectory, 'root' | 'schemaVersion'>;
  /** Issue 16: what the integrity manifest found, and the administrator's acceptance of the present state. */
  readonly integrity: {
    report(): IntegrityReport;
    /** Take the directory as it is now as current (inside the audited change of audit.acceptIntegrity). */
    accept(): void;
  };
  readonly cases: Pick<CaseStore, 'list' | 'ofConvict' | 'get'>;
  readonly settings: Pick<SettingsStore, 'get'>;
  readonly users: Pick<UsersStore, 'all' | 'byId' | 'byUsername'>;
  /**
   * The sign-in bookkeeping (failed attempts, the lockout's end): the one write outside the audit
   * trail, limited to those fields (the lockout itself is audited). Refuses any other change.
   */
  readonly signInAttempts: { put(user: StoredUser): void };
  readonly sessions: Sessions;
  /** The dossier's documents at rest (V-77 p. 6), and the files awaiting the user's review. */
  readonly documents: Pick<DocumentStore, 'has' | 'read'>;
  readonly staging: Staging;
  /** The disciplinary commission and its meetings (V-77 p. 9–11). */
  readonly commission: Pick<CommissionStore, 'get'>;
  readonly meetings: Pick<MeetingStore, 'list' | 'get' | 'damagedIds'>;
  /** The documents the app generated and their signatures. */
  readonly generated: Pick<GeneratedStore, 'list' | 'get' | 'damagedIds'>;
  /** Revocation lists imported for checking signatures offline, and the revocation policy. */
  readonly revocation: Pick<RevocationStore, 'get' | 'parsed'>;
  /** Issue 18: the trusted lists imported as trust anchors (ETSI TS 119 612), as kept. */
  readonly trustedLists: Pick<TrustedListStore, 'get'>;
  /** The largest document accepted, in bytes (settings, default 50 MB). */
  maxDocumentBytes(): number;
  /** Minutes of inactivity after which a session locks (settings, default 10). */
  idleMinutes(): number;
  /** Today's date in the institution (PUSIAUKELE_TODAY can fix it for demonstrations and tests). */
  today(): IsoDate;
  now(): Date;
  readonly audit: Pick<AuditLog, 'list' | 'verify'>;
}

/** What a change is about: the audit subject, and for a document the case it belongs to (for its event). */
/**
 * `quiet` (issue 16): recorded and written as any change, but no event is sent. For a change whose
 * event would tell more than its caller may know: a lockout written after a failed sign-in would tell
 * an event stream opened without a session that the name exists.
 */
export type ChangeSubject = AuditSubject & { caseId?: string; quiet?: boolean };

/**
 * A call as a mutating handler sees it: the caller, and the change context the dispatcher bound
 * to this caller and this method. `record` is the door of every change: it writes the audit entry
 * (who, which method, the subject, digests of before and after, a summary that names subjects by
 * id only), then runs `write` with the stores' write side, then emits the subject's event. Should
 * the write fail, the trail records that too, and no event is sent.
 */
export interface Call extends Caller {
  readonly method: MethodName;
  record<T = void>(subject: ChangeSubject, before: unknown, after: unknown, summary: string, write: (stores: Stores) => T): T;
}

/** What a feature implements: a handler per method, given validated input and the bound call. */
export type ServiceHandlers = { [M in MethodName]: (input: ParsedInput<M>, call: Call) => Promise<MethodOutput<M>> };

/** The event a change of `subject` sends to every window (ids only); none for the register's numbers. */
export function eventOf(subject: ChangeSubject): AppEvent | null {
  const id = subject.id;
  switch (subject.kind) {
    case 'case':
      return { type: 'cases.changed', payload: id !== undefined ? { id } : {} };
    case 'meeting':
      return id === undefined ? null : { type: 'meetings.changed', payload: { id } };
    case 'document':
      return id === undefined ? null : { type: 'documents.changed', payload: { id, ...(subject.caseId !== undefined ? { caseId: subject.caseId } : {}) } };
    case 'user':
      return id === undefined ? null : { type: 'users.changed', payload: { id } };
    case 'commission':
      return { type: 'commission.changed', payload: {} };
    case 'settings':
      return { type: 'settings.changed', payload: {} };
    case 'package':
      return null; // a package exported, imported or refused changes no record the windows show
    case 'directory':
      return null; // issue 16: the administrator's decision on the directory's integrity
    case 'keys':
      return null; // issue 16: a key slot added or removed changes no record the windows show
  }
}

export type { Handlers };
