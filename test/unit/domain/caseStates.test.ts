import { describe, it, expect } from 'vitest';
import {
  ALLOWED_PREDECESSORS,
  CASE_STATES,
  CASE_STATE_LABELS,
  FINAL_STATES,
  assertTransition,
  canTransition,
  nextStates,
  type CaseState,
} from '../../../shared/domain/caseStates';
import { DomainError } from '../../../shared/domain/errors';

function refusal(from: CaseState, to: CaseState): DomainError | undefined {
  try {
    assertTransition(from, to);
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

const allowed: [CaseState, CaseState][] = CASE_STATES.flatMap((to) =>
  ALLOWED_PREDECESSORS[to].map((from): [CaseState, CaseState] => [from, to]),
);

describe('case states', () => {
  it.each(allowed)('accepts %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(refusal(from, to)).toBeUndefined();
  });

  it.each<[CaseState, CaseState, string]>([
    ['request_received', 'scheduled', 'V-77 p. 7–8: no meeting before the dossier is received'],
    ['request_received', 'decided', 'V-77 p. 9–10: no decision without a meeting'],
    ['dossier_received', 'scheduled', 'V-77 p. 8: the dossier is handed to the commission first'],
    ['scheduled', 'listed', 'V-77 p. 12: only a decision puts a convict on the list'],
    ['decided', 'transfer_ordered', 'V-77 p. 12–13: the order follows the list'],
    ['decided', 'transferred', 'V-77 p. 13, 22: no transfer without an order'],
    ['decided', 'withdrawn', 'once decided, the request is no longer withdrawn'],
    ['transferred', 'refused', 'V-77 p. 44–46: a transferred convict is returned, not refused'],
    ['refused', 'listed', 'V-77 p. 19: a refused request is final; a new request starts over'],
    ['refused', 'request_received', 'V-77 p. 19: a new request is a new case'],
    ['withdrawn', 'dossier_collecting', 'a withdrawn request is final'],
    ['returned', 'transferred', 'V-77 p. 44–46: a return is final'],
    ['scheduled', 'scheduled', 'no step to the same state'],
  ])('refuses %s → %s (%s) with ILLEGAL_TRANSITION and a Lithuanian message', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const error = refusal(from, to);
    expect(error?.code).toBe('ILLEGAL_TRANSITION');
    expect(error?.message).toBe(
      `Negalima pereiti iš būsenos „${CASE_STATE_LABELS[from].lt}“ į „${CASE_STATE_LABELS[to].lt}“: tokio žingsnio tvarkos apraše nėra.`,
    );
    expect(error?.messageEn).toMatch(/^A case cannot move from/);
    expect(error?.details).toEqual({ from, to });
  });

  it('refuses exactly the transitions canTransition refuses', () => {
    for (const from of CASE_STATES) {
      for (const to of CASE_STATES) {
        expect(refusal(from, to) === undefined, `${from} → ${to}`).toBe(canTransition(from, to));
      }
    }
  });

  it('V-77 p. 5: request_received is the only initial state', () => {
    expect(CASE_STATES.filter((s) => ALLOWED_PREDECESSORS[s].length === 0)).toEqual(['request_received']);
  });

  it('final states have no successors; every other state has one', () => {
    expect(FINAL_STATES).toEqual(['refused', 'ineligible', 'returned', 'withdrawn']);
    for (const s of FINAL_STATES) expect(nextStates(s), s).toEqual([]);
    for (const s of CASE_STATES.filter((s) => !FINAL_STATES.includes(s))) {
      expect(nextStates(s).length, s).toBeGreaterThan(0);
    }
  });

  it('every state can be reached from request_received', () => {
    const reached = new Set<CaseState>(['request_received']);
    const queue: CaseState[] = ['request_received'];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const next of nextStates(s).filter((n) => !reached.has(n))) {
        reached.add(next);
        queue.push(next);
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
  });

  it('V-77 p. 10, 12: lists the next steps in procedure order', () => {
    expect(nextStates('request_received')).toEqual(['dossier_collecting', 'dossier_received', 'withdrawn']);
    expect(nextStates('decided')).toEqual(['listed', 'refused']);
    expect(nextStates('listed')).toEqual([
      'submitted_to_department',
      'transfer_ordered',
      'refused',
      'ineligible',
      'withdrawn',
    ]);
    expect(nextStates('transferred')).toEqual(['returned']);
  });

  it('labels every state in Lithuanian and English with its V-77 point', () => {
    for (const s of CASE_STATES) {
      const label = CASE_STATE_LABELS[s];
      expect(label.lt, s).toMatch(/\S/);
      expect(label.en, s).toMatch(/\S/);
      expect(label.point, s).toMatch(/\S/);
    }
    expect(CASE_STATE_LABELS.refused.lt).toBe('Prašymas netenkintas');
  });
});
