import { describe, it, expect } from 'vitest';
import {
  ALLOWED_PREDECESSORS,
  CASE_STATES,
  CASE_STATE_LABELS,
  DOCUMENT_STEPS,
  FINAL_STATES,
  OWN_INSTITUTION_ID,
  P47_STATES,
  RECEIVED_STEPS,
  REQUEST_EDITABLE_STATES,
  applyCaseStep,
  assertTransition,
  canTransition,
  caseRouteOf,
  isRequestEditable,
  nextStates,
  routeOf,
  stepMeans,
  type CaseRoute,
  type CaseState,
  type StepMeans,
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
  ['dossier_sent', undefined, ['ineligible', 'withdrawn'], 'p. 7–8: the other institution’s commission decides (its outcome is a received act); p. 47: our convict’s circumstances, or a withdrawal, end it here'],
  ['dossier_collecting', undefined, ['dossier_received', ...BEFORE_DECISION_EXITS], 'p. 7: the dossier reaches the director'],
  ['dossier_received', undefined, ['ready_for_commission', ...BEFORE_DECISION_EXITS], 'p. 8: handed to the commission'],
  ['ready_for_commission', undefined, ['scheduled', ...BEFORE_DECISION_EXITS], 'p. 9: put on a meeting'],
  ['scheduled', undefined, ['ready_for_commission', 'decided', ...BEFORE_DECISION_EXITS], 'p. 9–10: decided at the meeting, or taken off the agenda'],
  ['decided', '10.1', ['listed', 'ineligible', 'withdrawn'], 'p. 12: 10.1 puts the convict on the list; p. 47 circumstances or a withdrawal end it'],
  ['decided', '10.3', ['listed', 'ineligible', 'withdrawn'], 'p. 12: 10.3 puts the convict on the list; p. 47 circumstances or a withdrawal end it'],
  ['decided', '10.2', ['refused', 'ineligible', 'withdrawn'], 'p. 19: 10.2 ends in a refusal; p. 47 circumstances or a withdrawal end it'],
  ['decided', '10.4', ['refused', 'ineligible', 'withdrawn'], 'p. 16: 10.4 ends in the motivated letter; p. 47 circumstances or a withdrawal end it'],
  ['listed', '10.1', ['transfer_ordered', 'refused', 'ineligible', 'withdrawn'], 'p. 13: the director’s order, or p. 15: a motivated refusal'],
  ['listed', '10.3', ['submitted_to_department', 'ineligible', 'withdrawn'], 'p. 14: the submission to the Prison Department'],
  ['submitted_to_department', '10.3', ['transfer_ordered', 'refused', 'ineligible', 'withdrawn'], 'p. 17: resolution to transfer; p. 18: motivated refusal; p. 47; a withdrawal takes the convict off the list'],
  ['transfer_ordered', '10.1', ['transferred', 'ineligible', 'withdrawn'], 'p. 22–25: departure and arrival; p. 47; a withdrawal before the transfer'],
  ['transferred', '10.1', ['returned', 'left'], 'p. 44–46: return to the correctional home; p. 4: parole, end of sentence or a transfer elsewhere'],
  ['left', '10.1', [], 'p. 4: final; the place frees'],
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

  it('final states have no successors, but a dossier sent may still end here by p. 47 or a withdrawal', () => {
    expect(FINAL_STATES).toEqual(['refused', 'ineligible', 'returned', 'withdrawn', 'dossier_sent', 'left']);
    for (const s of FINAL_STATES) {
      for (const d of ['10.1', '10.2', '10.3', '10.4', undefined] as const) expect(nextStates(s, d), s).toEqual(s === 'dossier_sent' ? ['ineligible', 'withdrawn'] : []);
    }
  });

  it('V-77 p. 47 (route sends) and issue 14 (withdrawal): a withdrawal after the decision, the submission or the order, and the p. 47 circumstances of our convict whose dossier went elsewhere, are steps by hand', () => {
    for (const from of ['decided', 'submitted_to_department', 'transfer_ordered', 'dossier_sent'] as const) {
      expect(canTransition(from, 'withdrawn', from === 'decided' ? '10.1' : '10.3', from === 'dossier_sent' ? 'sends' : undefined), from).toBe(true);
      expect(stepMeans(from, 'withdrawn'), from).toBe('hand');
    }
    expect(canTransition('dossier_sent', 'ineligible', undefined, 'sends')).toBe(true);
    expect(stepMeans('dossier_sent', 'ineligible')).toBe('hand');
    // Once in the halfway house, the convict is returned or leaves; a withdrawal is no step.
    expect(canTransition('transferred', 'withdrawn', '10.1')).toBe(false);
  });

  it('V-77 p. 47: the notice of another institution applies in the states the back end and the case page share (P47_STATES)', () => {
    expect(P47_STATES).toEqual(['decided', 'listed', 'submitted_to_department', 'transfer_ordered']);
    for (const s of P47_STATES) expect(ALLOWED_PREDECESSORS.ineligible, s).toContain(s);
  });

  it('V-77 p. 10, 12, 51: the request is editable before the decision, and never again once a decision was taken, even back at the commission', () => {
    const entries = (...to: CaseState[]) => to.map((t) => ({ kind: 'state', to: t }));
    expect(isRequestEditable({ state: 'dossier_received', timeline: entries('dossier_received') })).toBe(true);
    expect(isRequestEditable({ state: 'scheduled', timeline: entries('dossier_received', 'ready_for_commission', 'scheduled') })).toBe(true);
    expect(isRequestEditable({ state: 'listed', timeline: entries('decided', 'listed') })).toBe(false);
    // Reopened to the commission by an upheld appeal against the p. 16 letter: the decision existed.
    const reopened = { state: 'ready_for_commission' as const, timeline: [...entries('scheduled', 'decided', 'refused'), { kind: 'reopened', to: 'ready_for_commission' }] };
    expect(REQUEST_EDITABLE_STATES).toContain(reopened.state);
    expect(isRequestEditable(reopened)).toBe(false);
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

describe('which commission decides: the route (V-77 p. 5–8)', () => {
  it('V-77 p. 5–8, 10: own (serves here, our halfway house: 10.1/10.2), other (serves elsewhere: 10.3/10.4), sends (our convict, another halfway house)', () => {
    expect(routeOf(true, true)).toBe('own');
    expect(routeOf(false, true)).toBe('other');
    expect(routeOf(true, false)).toBe('sends');
    const inst = (id: string) => ({ id });
    expect(caseRouteOf({ servingInstitution: inst(OWN_INSTITUTION_ID), halfwayHouse: inst(OWN_INSTITUTION_ID) })).toBe('own');
    expect(caseRouteOf({ servingInstitution: inst('marijampole'), halfwayHouse: inst(OWN_INSTITUTION_ID) })).toBe('other');
    expect(caseRouteOf({ servingInstitution: inst(OWN_INSTITUTION_ID), halfwayHouse: inst('marijampole') })).toBe('sends');
  });

  it('V-77 p. 7–8: the dossier is received for our commission (own, other), and sent to the other institution only when its commission decides (sends)', () => {
    expect(nextStates('request_received', undefined, 'own')).toEqual(['dossier_collecting', 'dossier_received', 'ineligible', 'withdrawn']);
    expect(nextStates('request_received', undefined, 'other')).toEqual(['dossier_collecting', 'dossier_received', 'ineligible', 'withdrawn']);
    expect(nextStates('request_received', undefined, 'sends')).toEqual(['dossier_collecting', 'dossier_sent', 'ineligible', 'withdrawn']);
    expect(nextStates('dossier_collecting', undefined, 'sends')).toEqual(['dossier_sent', 'ineligible', 'withdrawn']);
    expect(nextStates('dossier_collecting', undefined, 'other')).toEqual(['dossier_received', 'ineligible', 'withdrawn']);
    // A caller that does not name the route is ours.
    expect(canTransition('dossier_collecting', 'dossier_sent')).toBe(false);
    expect(canTransition('dossier_collecting', 'dossier_received')).toBe(true);
  });

  it('V-77 p. 8: a dossier sent to another institution never reaches our commission (no meeting on the sends route)', () => {
    const reached = new Set<CaseState>(['request_received']);
    const decisions = [undefined, '10.1', '10.2', '10.3', '10.4'] as const;
    for (let grew = true; grew; ) {
      grew = false;
      for (const from of [...reached]) {
        for (const d of decisions) {
          for (const to of nextStates(from, d, 'sends')) {
            if (!reached.has(to)) {
              reached.add(to);
              grew = true;
            }
          }
        }
      }
    }
    expect([...reached].sort()).toEqual(['dossier_collecting', 'dossier_sent', 'ineligible', 'request_received', 'withdrawn']);
  });

  it('V-77 p. 7–8: the wrong route is refused with WRONG_COMMISSION naming the step and the route', () => {
    const wrong = (from: CaseState, to: CaseState, route?: CaseRoute) => {
      try {
        assertTransition(from, to, undefined, route);
      } catch (e) {
        return e as DomainError;
      }
      return undefined;
    };
    const sent = wrong('request_received', 'dossier_received', 'sends');
    expect(sent?.code).toBe('WRONG_COMMISSION');
    expect(sent?.params).toEqual({ to: 'dossier_received', route: 'sends' });
    expect(sent?.message).toContain('sprendžia jos komisija (V-77 7–8 p.)');
    expect(wrong('dossier_collecting', 'dossier_sent', 'other')?.params).toEqual({ to: 'dossier_sent', route: 'other' });
    expect(wrong('dossier_collecting', 'dossier_sent')?.params).toEqual({ to: 'dossier_sent', route: 'own' });
    // A step the table lacks altogether stays an ILLEGAL_TRANSITION, whatever the route.
    expect(wrong('request_received', 'ready_for_commission', 'sends')?.code).toBe('ILLEGAL_TRANSITION');
    expect(wrong('dossier_collecting', 'dossier_sent', 'sends')).toBeUndefined();
  });

  it('V-77 p. 7–8: the door reads the route from the case’s request', () => {
    const at = { at: '2026-03-02T08:00:00Z', by: 'u1' };
    const ours = { state: 'dossier_collecting' as CaseState, facts: {}, timeline: [], updatedAt: 'x' };
    const sends = { ...ours, request: { servingInstitution: { id: OWN_INSTITUTION_ID }, halfwayHouse: { id: 'marijampole' } } };
    const other = { ...ours, request: { servingInstitution: { id: 'marijampole' }, halfwayHouse: { id: OWN_INSTITUTION_ID } } };
    expect(applyCaseStep(sends, { to: 'dossier_sent', on: '2026-03-02' }, at).state).toBe('dossier_sent');
    expect(() => applyCaseStep(sends, { to: 'dossier_received', on: '2026-03-02' }, at)).toThrow(expect.objectContaining({ code: 'WRONG_COMMISSION' }));
    expect(applyCaseStep(other, { to: 'dossier_received', on: '2026-03-02' }, at).state).toBe('dossier_received');
    expect(() => applyCaseStep(other, { to: 'dossier_sent', on: '2026-03-02' }, at)).toThrow(expect.objectContaining({ code: 'WRONG_COMMISSION' }));
  });

  it('V-77 p. 17–18: the Prison Department’s resolution and refusal follow only a 10.3 submission', () => {
    for (const to of ['transfer_ordered', 'refused'] as const) {
      expect(canTransition('submitted_to_department', to, '10.3'), to).toBe(true);
      for (const d of ['10.1', '10.2', '10.4', undefined] as const) expect(canTransition('submitted_to_department', to, d), `${to} ${d}`).toBe(false);
    }
    expect(refusal('submitted_to_department', 'transfer_ordered', '10.1')?.params).toMatchObject({ gate: { decisions: ['10.3'], point: '17' } });
    expect(refusal('submitted_to_department', 'refused', '10.1')?.params).toMatchObject({ gate: { decisions: ['10.3'], point: '18' } });
    expect(refusal('submitted_to_department', 'refused', '10.1')?.message).toContain('10.3 (V-77 18 p.)');
  });
});

describe('how each step is taken: stepMeans (V-77 p. 9–25, 44–46)', () => {
  const TABLE: [CaseState, CaseState, StepMeans, string][] = [
    ['request_received', 'dossier_collecting', 'hand', 'p. 6: the dossier is being collected'],
    ['dossier_collecting', 'dossier_received', 'hand', 'p. 7: the dossier reached the director'],
    ['dossier_collecting', 'dossier_sent', 'hand', 'p. 7: the dossier sent to the other director'],
    ['dossier_received', 'ready_for_commission', 'hand', 'p. 8: handed to the commission'],
    ['listed', 'withdrawn', 'hand', 'the convict withdrew'],
    ['transfer_ordered', 'withdrawn', 'hand', 'the convict withdrew before the transfer'],
    ['dossier_sent', 'ineligible', 'hand', 'p. 47: our convict’s circumstances, the other institution told'],
    ['transfer_ordered', 'ineligible', 'hand', 'p. 47: circumstances of p. 3'],
    ['ready_for_commission', 'scheduled', 'meeting', 'p. 9: on a meeting’s agenda'],
    ['scheduled', 'ready_for_commission', 'meeting', 'p. 9: taken off the agenda'],
    ['scheduled', 'decided', 'meeting', 'p. 10: the vote'],
    ['decided', 'listed', 'system', 'p. 12: 10.1 or 10.3 puts the convict on the list'],
    ['listed', 'transfer_ordered', 'document', 'p. 13: the director’s order'],
    ['listed', 'submitted_to_department', 'document', 'p. 14: the submission'],
    ['listed', 'refused', 'document', 'p. 15: the motivated decision not to transfer'],
    ['decided', 'refused', 'document', 'p. 16: the motivated letter'],
    ['transferred', 'returned', 'document', 'p. 46: the director’s decision to return'],
    ['submitted_to_department', 'transfer_ordered', 'received', 'p. 17: the Prison Department director’s resolution'],
    ['submitted_to_department', 'refused', 'received', 'p. 18: the Prison Department director’s refusal'],
    ['transfer_ordered', 'transferred', 'arrival', 'p. 24–25: the arrival with its checks'],
    ['transferred', 'left', 'departure', 'p. 4: parole, end of sentence, transfer elsewhere'],
  ];

  it.each(TABLE)('V-77: %s → %s is taken by %s (%s)', (from, to, means) => {
    expect(stepMeans(from, to)).toBe(means);
  });

  it('V-77 p. 13–16, 46: each signed act takes a step the procedure has for the decision it implements', () => {
    const decisionOf = { order: '10.1', declineDecision: '10.1', submission: '10.3', letter: '10.4', returnDecision: '10.1' } as const;
    expect(DOCUMENT_STEPS.map((d) => [d.kind, d.point])).toEqual([
      ['order', '13'],
      ['declineDecision', '15'],
      ['submission', '14'],
      ['letter', '16'],
      ['returnDecision', '46'],
    ]);
    for (const d of DOCUMENT_STEPS) expect(canTransition(d.from, d.to, decisionOf[d.kind]), d.kind).toBe(true);
    // The letter implements 10.2 by the same form (p. 16, 19).
    expect(canTransition('decided', 'refused', '10.2')).toBe(true);
  });

  it('V-77 p. 17–18: each received act takes a step of a 10.3 submission', () => {
    expect(RECEIVED_STEPS.map((d) => [d.kind, d.from, d.to, d.point])).toEqual([
      ['departmentResolution', 'submitted_to_department', 'transfer_ordered', '17'],
      ['departmentRefusal', 'submitted_to_department', 'refused', '18'],
    ]);
    for (const d of RECEIVED_STEPS) expect(canTransition(d.from, d.to, '10.3'), d.kind).toBe(true);
  });

  it('no step of the procedure is taken by two means: the hand steps are exactly those left to the step form', () => {
    const hand: string[] = [];
    for (const to of CASE_STATES) for (const from of ALLOWED_PREDECESSORS[to]) if (stepMeans(from, to) === 'hand') hand.push(`${from}→${to}`);
    for (const d of [...DOCUMENT_STEPS, ...RECEIVED_STEPS]) expect(hand).not.toContain(`${d.from}→${d.to}`);
    expect(hand).not.toContain('transfer_ordered→transferred');
    expect(hand).not.toContain('decided→listed');
    expect(hand).toContain('dossier_received→ready_for_commission');
    expect(hand).toContain('listed→ineligible');
  });
});
