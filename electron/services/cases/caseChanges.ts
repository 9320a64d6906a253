import type { Caller } from '../../../shared/contract/methods';
import type { CaseRecord, CaseView } from '../../../shared/contract/schemas';
import { DOCUMENT_STEPS, FINAL_STATES, RECEIVED_STEPS, stepMeans, type CaseState, type ChangeStamp } from '../../../shared/domain/caseStates';
import { DomainError } from '../../../shared/domain/errors';
import type { StorageSubject } from '../../../shared/domain/errorTexts';
import type { Call, ServiceContext, Stores } from '../context';
import { appealableActs } from './appeals';
import { toCaseView } from './views';

/** When and by whom a change is made, for the timeline (the system has no user). */
export function stampOf(caller: Caller, at: string): ChangeStamp {
  return { at, ...(caller.user ? { by: caller.user.id } : {}) };
}

/**
 * Refuse a step the step form may not take (issue 14): the meetings take the agenda and the
 * decision (V-77 p. 9–10), a signed act of the director takes the steps of p. 13–16 and 46, a
 * received act of the Prison Department those of p. 17–18, the arrival and the departure are
 * recorded with their own data, and the list follows a 10.1/10.3 decision by itself (p. 12).
 */
export function refuseUnlessByHand(from: CaseState, to: CaseState): void {
  const means = stepMeans(from, to);
  switch (means) {
    case 'hand':
      return;
    case 'meeting':
      throw new DomainError('STEP_BY_MEETING', { from, to });
    case 'document': {
      const d = DOCUMENT_STEPS.find((s) => s.from === from && s.to === to)!;
      throw new DomainError('STEP_BY_DOCUMENT', { to, kind: d.kind, point: d.point });
    }
    case 'received': {
      const r = RECEIVED_STEPS.find((s) => s.from === from && s.to === to)!;
      throw new DomainError('STEP_BY_RECEIVED_ACT', { to, kind: r.kind, point: r.point });
    }
    case 'system':
      // The list (p. 12) follows a 10.1/10.3 decision in the meeting's own write, so a case still
      // "decided" with one was decided before the app did so: its listing may be recorded by hand.
      return;
    case 'arrival':
    case 'departure':
      throw new DomainError('STEP_BY_RECORD', { to, means });
  }
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

/**
 * An open case of the same convict besides `exceptId` (not in a final state): a second request
 * waits for the first to end (registration), and an upheld appeal does not reopen a case while
 * another request of the convict is open (V-77 p. 19, 51).
 */
export function otherOpenCase(ctx: Pick<ServiceContext, 'cases'>, personalFileNo: string, exceptId?: string) {
  return ctx.cases.ofConvict(personalFileNo).find((c) => c.id !== exceptId && !FINAL_STATES.includes(c.state));
}

/** A generated document as the appeals read it, or undefined when it cannot be read. */
export function generatedDocumentOf(ctx: Pick<ServiceContext, 'generated'>, id: string) {
  try {
    return ctx.generated.get(id);
  } catch {
    return undefined; // a damaged document is not offered for an appeal; the case still shows
  }
}

/** The acts on the case an appeal may contest now (V-77 p. 51), as the case view offers them. */
/** The display names of the users the case's timeline names (who made each change); an unknown id is left out. */
function peopleOf(ctx: Pick<ServiceContext, 'users'>, record: CaseRecord): Record<string, string> {
  const people: Record<string, string> = {};
  for (const e of record.timeline) {
    if (e.by === undefined || e.by in people) continue;
    const user = ctx.users.byId(e.by);
    if (user) people[e.by] = user.displayName;
  }
  return people;
}

export function appealableOf(ctx: Pick<ServiceContext, 'generated' | 'settings'>, record: CaseRecord): CaseView['appealable'] {
  return appealableActs(record, ctx.settings.get(), (id) => generatedDocumentOf(ctx, id));
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
    view: (record) => ({ ...toCaseView(record, ctx.cases.ofConvict(record.convict.personalFileNo), ctx.today(), ctx.maxDocumentBytes(), appealableOf(ctx, record)), people: peopleOf(ctx, record) }),
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
