import { describe, it, expect } from 'vitest';
import {
  CASE_STATES,
  CASE_STATE_LABELS,
  FINAL_STATES,
  assertTransition,
  canTransition,
  nextStates,
  type CaseState,
} from '../../../shared/domain/caseStates';
import type { DecisionId } from '../../../shared/domain/decisions';
import { DomainError } from '../../../shared/domain/errors';

function refusal(from: CaseState, to: CaseState, decision?: DecisionId): DomainError | undefined {
  try {
    assertTransition(from, to, decision);
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

/**
 * The procedure written out by hand from the order, state by state: the steps that may follow,
 * for each decision where the road forks (V-77 p. 12–16). The code's tables must agree with it.
 */
const BEFORE_DECISION_EXITS: CaseState[] = ['ineligible', 'withdrawn'];
const EXPECTED: [CaseState, DecisionId | undefined, CaseState[], string][] = [
  ['request_received', undefined, ['dossier_collecting', 'dossier_received', ...BEFORE_DECISION_EXITS], 'p. 5–7: the dossier is prepared; p. 6: the conditions are checked first'],
  ['dossier_collecting', undefined, ['dossier_received', ...BEFORE_DECISION_EXITS], 'p. 7: the dossier reaches the director'],
  ['dossier_received', undefined, ['ready_for_commission', ...BEFORE_DECISION_EXITS], 'p. 8: handed to the commission'],
  ['ready_for_commission', undefined, ['scheduled', ...BEFORE_DECISION_EXITS], 'p. 9: put on a meeting'],
  ['scheduled', undefined, ['ready_for_commission', 'decided', ...BEFORE_DECISION_EXITS], 'p. 9–10: decided at the meeting, or taken off the agenda'],
  ['decided', '10.1', ['listed'], 'p. 12: 10.1 puts the convict on the list'],
  ['decided', '10.3', ['listed'], 'p. 12: 10.3 puts the convict on the list'],
  ['decided', '10.2', ['refused'], 'p. 19: 10.2 ends in a refusal'],
  ['decided', '10.4', ['refused'], 'p. 16: 10.4 ends in the motivated letter'],
  ['listed', '10.1', ['transfer_ordered', 'refused', 'ineligible', 'withdrawn'], 'p. 13: the director’s order, or p. 15: a motivated refusal'],
  ['listed', '10.3', ['submitted_to_department', 'ineligible', 'withdrawn'], 'p. 14: the submission to the Prison Department'],
  ['submitted_to_department', '10.3', ['transfer_ordered', 'refused', 'ineligible'], 'p. 17: resolution to transfer; p. 18: motivated refusal'],
  ['transfer_ordered', '10.1', ['transferred', 'ineligible'], 'p. 22–25: departure and arrival; p. 47'],
  ['transferred', '10.1', ['returned'], 'p. 44–46: return to the correctional home'],
  ['refused', '10.2', [], 'p. 19: a new request is a new case'],
  ['ineligible', undefined, [], 'final'],
  ['returned', '10.1', [], 'final'],
  ['withdrawn', undefined, [], 'final'],
];

describe('case states (V-77 ch. II–V)', () => {
  it.each(EXPECTED)('from %s with decision %s the procedure allows %j (%s)', (from, decision, expected) => {
    expect(nextStates(from, decision)).toEqual(expected);
    for (const to of CASE_STATES) expect(canTransition(from, to, decision), `${from} → ${to}`).toBe(expected.includes(to));
  });

  it('covers every state in the hand-written table', () => {
    expect(new Set(EXPECTED.map(([from]) => from))).toEqual(new Set(CASE_STATES));
  });

  it.each<[CaseState, CaseState, string]>([
    ['request_received', 'scheduled', 'V-77 p. 7–8: no meeting before the dossier is received'],
    ['request_received', 'decided', 'V-77 p. 9–10: no decision without a meeting'],
    ['decided', 'transfer_ordered', 'V-77 p. 12–13: the order follows the list'],
    ['transferred', 'refused', 'V-77 p. 44–46: a transferred convict is returned, not refused'],
    ['refused', 'request_received', 'V-77 p. 19: a new request is a new case'],
    ['scheduled', 'scheduled', 'no step to the same state'],
  ])('refuses %s → %s (%s) with ILLEGAL_TRANSITION and a Lithuanian message', (from, to) => {
    const error = refusal(from, to, '10.1');
    expect(error?.code).toBe('ILLEGAL_TRANSITION');
    expect(error?.message).toBe(
      `Negalima pereiti iš būsenos „${CASE_STATE_LABELS[from].lt}“ į „${CASE_STATE_LABELS[to].lt}“: tokio žingsnio tvarkos apraše nėra.`,
    );
    expect(error?.messageEn).toMatch(/^A case cannot move from/);
  });

  it('V-77 p. 12, 14: a step that depends on the decision names the decisions it needs', () => {
    const error = refusal('decided', 'listed', '10.2');
    expect(error?.code).toBe('ILLEGAL_TRANSITION');
    expect(error?.message).toContain('10.1 arba 10.3 (V-77 12 p.)');
    expect(error?.message).toContain('sprendimas 10.2');
    expect(refusal('listed', 'submitted_to_department', '10.1')?.message).toContain('10.3 (V-77 14 p.)');
    expect(refusal('decided', 'listed')?.message).toContain('sprendimas —');
  });

  it('final states have no successors', () => {
    expect(FINAL_STATES).toEqual(['refused', 'ineligible', 'returned', 'withdrawn']);
    for (const s of FINAL_STATES) for (const d of ['10.1', '10.2', '10.3', '10.4', undefined] as const) expect(nextStates(s, d), s).toEqual([]);
  });

  it('labels every state in Lithuanian and English, with its V-77 point where the order has one', () => {
    for (const s of CASE_STATES) {
      expect(CASE_STATE_LABELS[s].lt, s).toMatch(/\S/);
      expect(CASE_STATE_LABELS[s].en, s).toMatch(/\S/);
    }
    expect(CASE_STATE_LABELS.refused).toEqual({ lt: 'Prašymas netenkintas', en: 'Refused', point: '15, 16, 18' });
    expect(CASE_STATE_LABELS.listed.point).toBe('12');
    expect(CASE_STATE_LABELS.withdrawn.point).toBe('');
  });
});
