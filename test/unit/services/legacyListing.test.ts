// Issue 14: a 10.1/10.3 decision puts the convict on the p. 12 list in the meeting's own write. A case
// left "decided" with such a decision was decided before the app did that; its listing may still be
// recorded by hand, and nothing else the system, a document or a record takes is offered by hand.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';
import { refuseUnlessByHand } from '../../../electron/services/cases/caseChanges';
import { toCaseView } from '../../../electron/services/cases/views';

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
