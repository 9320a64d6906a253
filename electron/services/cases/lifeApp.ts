import { randomUUID } from 'node:crypto';
import type { CaseRecord, LifeEntry } from '../../../shared/contract/schemas';
import { compareIso } from '../../../shared/domain/calendar';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import { stepDateProblem } from '../../../shared/domain/stepRules';
import type { ServiceContext, ServiceHandlers } from '../context';
import { caseChanges, stampOf } from './caseChanges';

type LifeHandlers = Pick<ServiceHandlers, 'cases.recordLife'>;

/** The case's fact each kind of record keeps up to date (the terms of p. 32 and seed 001 read them). */
const FACT_OF: Partial<Record<LifeEntry['kind'], 'intensivePlanOn' | 'lastReviewOn' | 'socialWorkerFrom' | 'municipalityNoticeOn' | 'probationListOn'>> = {
  intensivePlan: 'intensivePlanOn',
  socialWorker: 'socialWorkerFrom',
  review: 'lastReviewOn',
  municipalityNotice: 'municipalityNoticeOn',
  probationList: 'probationListOn',
};

/**
 * Life in the halfway house (V-77 p. 28–35) and the release preparation (seed 001): the plans, the
 * monthly reviews, the non-compliance notes and the notices, each dated, recorded on the case while
 * the convict lives there.
 */
export function lifeHandlers(ctx: ServiceContext): LifeHandlers {
  const { view, forChange, save } = caseChanges(ctx);
  return {
    'cases.recordLife': async ({ id, revision, kind, on, approvedOn, note }, caller) => {
      const record = forChange(id, revision);
      const arrival = record.facts.arrival;
      if (record.state !== 'transferred' || arrival === undefined) throw new DomainError('NOT_IN_HALFWAY_HOUSE', { state: record.state });
      const today = ctx.today();
      const problem = stepDateProblem(on, today, arrival.on);
      if (problem) throw fieldError('on', problem, { why: 'stepDate', notBefore: arrival.on });
      if (approvedOn !== undefined) {
        // V-77 p. 31: the director approves the plan once it is drawn up.
        const approvedProblem = stepDateProblem(approvedOn, today, on);
        if (approvedProblem) throw fieldError('approvedOn', approvedProblem, { why: 'stepDate', notBefore: on });
      }
      const at = ctx.now().toISOString();
      const stamp = stampOf(caller, at);
      const entry: LifeEntry = { id: randomUUID(), kind, on, ...(approvedOn !== undefined ? { approvedOn } : {}), note, at, ...(stamp.by !== undefined ? { by: stamp.by } : {}) };
      const facts = { ...record.facts };
      const fact = FACT_OF[kind];
      // A record dated earlier than the one kept (entered after the fact) does not move the term back.
      if (fact !== undefined && (facts[fact] === undefined || compareIso(on, facts[fact]) > 0)) facts[fact] = on;
      const next: CaseRecord = {
        ...record,
        revision: record.revision + 1,
        updatedAt: at,
        facts,
        life: [...(record.life ?? []), entry],
        timeline: [...record.timeline, { at, ...(stamp.by !== undefined ? { by: stamp.by } : {}), kind: 'life', on, lifeId: entry.id, ...(note ? { note } : {}) }],
      };
      return view(save(next, 'caseStep', caller, { before: record, summary: `Pusiaukelės namai: įrašas ${kind} (${on})` }));
    },
  };
}
