// Issue 14: a 10.1/10.3 decision puts the convict on the p. 12 list in the meeting's own write. A case
// left "decided" with such a decision was decided before the app did that; its listing may still be
// recorded by hand, and nothing else the system, a document or a record takes is offered by hand.
import { describe, expect, it } from 'vitest';
import type { CaseRecord, Settings } from '../../../shared/contract/schemas';
import type { CaseState } from '../../../shared/domain/caseStates';
import { DomainError } from '../../../shared/domain/errors';
import { appealableActs } from '../../../electron/services/cases/appeals';
import { refuseUnlessByHand } from '../../../electron/services/cases/caseChanges';
import { lastStepOn, refusalDates, refusedByConvict, toCaseView } from '../../../electron/services/cases/views';
import type { CaseSummary } from '../../../electron/services/store/caseStore';

function decided(decision: '10.1' | '10.2'): CaseRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    revision: 5,
    createdAt: '2026-01-02T08:00:00.000Z',
    updatedAt: '2026-02-10T08:00:00.000Z',
    convict: { firstName: 'Jonas', lastName: 'Jonaitis', personalFileNo: 'P-1', birthDate: '1980-01-01' },
    request: {
      requestDate: '2026-01-02',
      servingInstitution: { id: 'own', name: 'Pataisos namai' },
      halfwayHouse: { id: 'own', name: 'Pusiaukelės namai' },
      possibleTransferDate: '2026-03-01',
      possibleParoleDate: '2026-10-01',
      sentenceEnd: '2027-01-01',
    },
    state: 'decided',
    facts: { decision, meetingId: 'm1', dossierReceivedOn: '2026-01-20' },
    timeline: [{ at: '2026-01-02T08:00:00.000Z', kind: 'registered', on: '2026-01-02', to: 'request_received' }],
  };
}

const codeOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return undefined;
};

describe('a case decided before the app listed cases itself (V-77 p. 12)', () => {
  it('V-77 p. 12: a case still "decided" with 10.1 is offered its listing by hand', () => {
    expect(toCaseView(decided('10.1'), [], '2026-02-11', 50_000_000).nextStates).toContain('listed');
    expect(codeOf(() => refuseUnlessByHand('decided', 'listed'))).toBeUndefined();
  });

  it('V-77 p. 16: a 10.2 case is refused by the signed letter, never by hand, and is not listed', () => {
    const steps = toCaseView(decided('10.2'), [], '2026-02-11', 50_000_000).nextStates;
    expect(steps).not.toContain('listed');
    expect(steps).not.toContain('refused');
    expect(codeOf(() => refuseUnlessByHand('decided', 'refused'))).toBe('STEP_BY_DOCUMENT');
  });

  it('V-77 p. 13, 24: the order and the arrival are not hand steps', () => {
    expect(codeOf(() => refuseUnlessByHand('listed', 'transfer_ordered'))).toBe('STEP_BY_DOCUMENT');
    expect(codeOf(() => refuseUnlessByHand('transfer_ordered', 'transferred'))).toBe('STEP_BY_RECORD');
    expect(codeOf(() => refuseUnlessByHand('submitted_to_department', 'transfer_ordered'))).toBe('STEP_BY_RECEIVED_ACT');
  });
});

// Issue 14 review: the rules of the case view that read the case alone (electron/services/cases).
describe('the appeal term counts from the day the act was served (V-77 p. 51)', () => {
  const refusedBy = (step: { documentId?: string; actId?: string }): CaseRecord => {
    const base = decided('10.1');
    return {
      ...base,
      state: 'refused',
      facts: { ...base.facts, refusedOn: '2026-02-10' },
      acts: [
        {
          id: 'act1',
          kind: 'departmentRefusal',
          number: '1V-9',
          date: '2026-02-10',
          receivedOn: '2026-02-16',
          issuer: 'Kalėjimų departamentas',
          file: { name: 'a.pdf', sha256: 'x', size: 1, mediaType: 'application/pdf' },
          at: '2026-02-16T08:00:00.000Z',
        },
      ],
      timeline: [...base.timeline, { at: '2026-02-16T08:00:00.000Z', kind: 'state', on: '2026-02-16', from: 'submitted_to_department', to: 'refused', ...step }],
    };
  };
  const decline = { id: 'doc1', kind: 'declineDecision', registrationNumber: 'SN-1', date: '2026-02-10' };
  const courtMonth = { appealTerms: { court: { months: 1, citation: 'ABTĮ 29 str. 1 d.' }, department: { days: 14, citation: 'BVK 183 str.' } } } as unknown as Settings;

  it('V-77 p. 51, ABTĮ 29 str. 1 d.: a received act’s term runs from the day it was received here, and the view says so', () => {
    const [act] = appealableActs(refusedBy({ actId: 'act1' }), courtMonth, () => undefined);
    expect(act).toMatchObject({ ref: 'act1', date: '2026-02-10', body: 'court', dueBy: '2026-03-16' });
    expect(act!.citation).toBe('ABTĮ 29 str. 1 d.; skaičiuojama nuo akto gavimo dienos 2026-02-16');
  });

  it('V-77 p. 51, BVK 183 str.: our director’s act is served on its date: the term runs from it, and the view says so', () => {
    const record = { ...refusedBy({ documentId: 'doc1' }), timeline: refusedBy({ documentId: 'doc1' }).timeline.map((e) => (e.kind === 'state' ? { ...e, from: 'listed' as const } : e)) };
    const [act] = appealableActs(record, courtMonth, (id) => (id === 'doc1' ? decline : undefined));
    expect(act).toMatchObject({ ref: 'doc1', kind: 'declineDecision', body: 'department', dueBy: '2026-02-24' });
    expect(act!.citation).toBe('BVK 183 str.; skaičiuojama nuo akto datos 2026-02-10 (įteiktas tą pačią dieną)');
  });

  it('V-77 p. 51: an act an upheld appeal annulled is not appealed again', () => {
    const record = refusedBy({ documentId: 'doc1' });
    expect(appealableActs(record, courtMonth, () => ({ ...decline, annulledBy: 'ap1' }))).toEqual([]);
  });
});

describe('the date floor after a correction (issue 14: a recorded correction)', () => {
  it('V-77 p. 7: after a correction the next step may be dated from the step before the undone one, not from the day of the correction', () => {
    const base = decided('10.1');
    const record: CaseRecord = {
      ...base,
      state: 'dossier_collecting',
      facts: {},
      timeline: [
        ...base.timeline,
        { at: '2026-01-05T08:00:00.000Z', kind: 'state', on: '2026-01-05', from: 'request_received', to: 'dossier_collecting' },
        { at: '2026-01-20T08:00:00.000Z', kind: 'state', on: '2026-01-20', from: 'dossier_collecting', to: 'dossier_received' },
        { at: '2026-01-20T09:00:00.000Z', kind: 'dossier', item: '6.2' },
        { at: '2026-02-10T08:00:00.000Z', kind: 'corrected', on: '2026-02-10', from: 'dossier_received', to: 'dossier_collecting', note: 'Klaida' },
      ],
    };
    expect(lastStepOn(record)).toBe('2026-01-05');
    expect(toCaseView(record, [], '2026-02-11', 50_000_000).lastStepOn).toBe('2026-01-05');
    // The true step, recorded at its day, raises the floor again; a reopening is a step of its own day.
    const again = { ...record, timeline: [...record.timeline, { at: '2026-02-11T08:00:00.000Z', kind: 'state' as const, on: '2026-01-28', from: 'dossier_collecting' as const, to: 'dossier_received' as const }] };
    expect(lastStepOn(again)).toBe('2026-01-28');
    const reopened = { ...again, timeline: [...again.timeline, { at: '2026-03-02T08:00:00.000Z', kind: 'reopened' as const, on: '2026-03-01', from: 'refused' as const, to: 'listed' as const }] };
    expect(lastStepOn(reopened)).toBe('2026-03-01');
  });

  it('a correction of the first step brings the floor back to the request date', () => {
    const base = decided('10.1');
    const record: CaseRecord = {
      ...base,
      state: 'request_received',
      facts: {},
      timeline: [
        ...base.timeline,
        { at: '2026-01-05T08:00:00.000Z', kind: 'state', on: '2026-01-05', from: 'request_received', to: 'dossier_collecting' },
        { at: '2026-02-10T08:00:00.000Z', kind: 'corrected', on: '2026-02-10', from: 'dossier_collecting', to: 'request_received', note: 'Klaida' },
      ],
    };
    expect(lastStepOn(record)).toBe('2026-01-02');
  });
});

describe('the p. 19 refusals across a convict’s cases', () => {
  const summary = (id: string, state: CaseState, refusedOn?: string): CaseSummary => ({
    id,
    revision: 1,
    updatedAt: 'x',
    convict: { firstName: 'Jonas', lastName: 'Jonaitis', personalFileNo: 'P-1' },
    request: { requestDate: '2026-01-02', possibleTransferDate: '2026-03-01', servingInstitution: { name: 'Pataisos namai' } },
    state,
    facts: refusedOn ? { refusedOn } : {},
    progress: { steps: [], dossier: { documents: 0, facts: 0, asOf: '2026-01-02' } },
  });

  it('V-77 p. 8, 19: a refusal by the institution that decided on the dossier we sent counts, though our case stays “dossier sent”', () => {
    const cases = [summary('a', 'dossier_sent', '2026-03-10'), summary('b', 'refused', '2026-02-01'), summary('c', 'dossier_sent'), summary('d', 'listed')];
    expect(refusalDates(cases, '2026-04-01')).toEqual(['2026-03-10', '2026-02-01']);
    expect(refusalDates(cases, '2026-04-01', 'a')).toEqual(['2026-02-01']);
    // A refusal later than the request is not "before" it.
    expect(refusalDates(cases, '2026-03-01')).toEqual(['2026-02-01']);
    const index = refusedByConvict(cases.map((s) => ({ id: s.id, summary: s })));
    expect([...index.values()].flat().map((s) => s.id)).toEqual(['a', 'b']);
  });
});
