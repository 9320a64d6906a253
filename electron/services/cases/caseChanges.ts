import type { Caller, MethodName } from '../../../shared/contract/methods';
import type { CaseRecord, CaseView } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';
import type { ServiceContext } from '../context';
import { toCaseView } from './views';

/** How every feature that changes a case loads it, writes it and shows it. */
export interface CaseChanges {
  view(record: CaseRecord): CaseView;
  /** Load a case for a change, refusing if someone changed it since the user loaded it. */
  forChange(id: string, revision: number): CaseRecord;
  /**
   * Write a case and add the change to the audit trail (the entry first). `around` may write what
   * the case refers to before it (documents) and undo that if writing the case fails.
   */
  save(record: CaseRecord, what: { lt: string; en: string }, change: { caller: Caller; method: MethodName; before?: CaseRecord; summary: string }, around?: (put: () => void) => void): CaseRecord;
}

export function caseChanges(ctx: ServiceContext): CaseChanges {
  return {
    view: (record) => toCaseView(record, ctx.cases.ofConvict(record.convict.personalFileNo), ctx.today(), ctx.maxDocumentBytes()),
    forChange(id, revision) {
      const record = ctx.cases.get(id);
      if (record.revision !== revision) {
        throw new DomainError(
          'CASE_CHANGED',
          'Byla ką tik pakeista kitame lange ar kito naudotojo. Atnaujinkite bylą ir pakartokite veiksmą.',
          'The case was just changed in another window or by another user. Reload it and try again.',
          { id, revision: record.revision },
        );
      }
      return record;
    },
    save(record, what, change, around) {
      const put = () => ctx.cases.put(record, what);
      ctx.change(change.caller, change.method, { kind: 'case', id: record.id }, change.before, record, change.summary, () => (around ? around(put) : put()));
      ctx.emit({ type: 'cases.changed', payload: { id: record.id } });
      return record;
    },
  };
}
