import type { Caller } from '../../../shared/contract/methods';
import type { CaseRecord, CaseView } from '../../../shared/contract/schemas';
import type { ChangeStamp } from '../../../shared/domain/caseStates';
import { DomainError } from '../../../shared/domain/errors';
import type { StorageSubject } from '../../../shared/domain/errorTexts';
import type { Call, ServiceContext, Stores } from '../context';
import { appealableActs } from './appeals';
import { toCaseView } from './views';

/** When and by whom a change is made, for the timeline (the system has no user). */
export function stampOf(caller: Caller, at: string): ChangeStamp {
  return { at, ...(caller.user ? { by: caller.user.id } : {}) };
}

/** How every feature that changes a case loads it, writes it and shows it. */
export interface CaseChanges {
  view(record: CaseRecord): CaseView;
  /** Load a case for a change, refusing if someone changed it since the user loaded it. */
  forChange(id: string, revision: number): CaseRecord;
  /**
   * Load a case for a change to its request or dossier: also refused while the commission is in
   * session on it, so that what the members evaluate and vote on does not change under them.
   */
  forEdit(id: string, revision: number): CaseRecord;
  /**
   * Write a case through the call's door (the audit entry first, the event after). `around` may
   * write what the case refers to before it (documents) and undo that if writing the case fails.
   * The summary names the case by id only (the audit trail is read by administrators, who see no
   * case contents).
   */
  save(record: CaseRecord, what: StorageSubject, call: Call, change: { before?: CaseRecord; summary: string }, around?: (put: () => void, stores: Stores) => void): CaseRecord;
}

export function caseChanges(ctx: ServiceContext): CaseChanges {
  const forChange = (id: string, revision: number): CaseRecord => {
    const record = ctx.cases.get(id);
    if (record.revision !== revision) {
      throw new DomainError('CASE_CHANGED', { id, revision: record.revision });
    }
    return record;
  };
  return {
    forChange,
    forEdit(id, revision) {
      const record = forChange(id, revision);
      const meetingId = record.state === 'scheduled' ? record.facts.meetingId : undefined;
      if (meetingId !== undefined && ctx.meetings.list().some((m) => m.id === meetingId && m.state === 'open' && m.agenda.some((i) => i.caseId === id && i.postponed === undefined))) {
        throw new DomainError('CASE_IN_MEETING', { meetingId });
      }
      return record;
    },
    view: (record) =>
      toCaseView(
        record,
        ctx.cases.ofConvict(record.convict.personalFileNo),
        ctx.today(),
        ctx.maxDocumentBytes(),
        appealableActs(record, ctx.settings.get(), (id) => {
          try {
            return ctx.generated.get(id);
          } catch {
            return undefined; // a damaged document is not offered for an appeal; the case still shows
          }
        }),
      ),
    save(record, what, call, change, around) {
      call.record({ kind: 'case', id: record.id }, change.before, record, change.summary, (stores) => {
        const put = () => stores.cases.put(record, what);
        if (around) around(put, stores);
        else put();
      });
      return record;
    },
  };
}
