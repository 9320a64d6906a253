import type { DecisionId } from './decisions';
import { DomainError } from './errors';

/**
 * The life of a request for transfer to a halfway house, V-77 ch. II–V.
 * Each state lists the states it may be reached from (its allowed predecessors); anything else is
 * refused, so a case can never skip a step of the procedure.
 */
export const CASE_STATES = [
  'request_received', // V-77 p. 5: the convict's request is registered
  'dossier_collecting', // p. 6–7: the documentary material is being prepared
  'dossier_received', // p. 7: the material reached the halfway-house institution's director
  'ready_for_commission', // p. 8: the dossier is complete and handed to the disciplinary commission
  'scheduled', // p. 9: on the agenda of a commission meeting
  'decided', // p. 10: the commission adopted one of the decisions 10.1–10.4
  'listed', // p. 12: on the list of convicts proposed for transfer (after 10.1 or 10.3)
  'submitted_to_department', // p. 14: the director's submission to the Prison Department director
  'transfer_ordered', // p. 13 (director's order) or p. 17 (Prison Department resolution)
  'transferred', // p. 22–25: the convict arrived at the halfway house
  'refused', // p. 15, 16, 18 (or 10.2 adopted): the request was not satisfied; p. 19 runs from here
  'ineligible', // p. 6, 47: the conditions of p. 3 (BVK art. 69 part 2) are not or no longer met
  'returned', // p. 44–46: returned from the halfway house to the correctional home
  'withdrawn', // the convict withdrew the request
] as const;

export type CaseState = (typeof CASE_STATES)[number];

export const ALLOWED_PREDECESSORS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  request_received: [],
  dossier_collecting: ['request_received'],
  dossier_received: ['request_received', 'dossier_collecting'],
  ready_for_commission: ['dossier_received', 'scheduled'],
  scheduled: ['ready_for_commission'],
  decided: ['scheduled'],
  listed: ['decided'],
  submitted_to_department: ['listed'],
  transfer_ordered: ['listed', 'submitted_to_department'],
  transferred: ['transfer_ordered'],
  refused: ['decided', 'listed', 'submitted_to_department'],
  ineligible: [
    'request_received',
    'dossier_collecting',
    'dossier_received',
    'ready_for_commission',
    'scheduled',
    'listed',
    'submitted_to_department',
    'transfer_ordered',
  ],
  returned: ['transferred'],
  withdrawn: [
    'request_received',
    'dossier_collecting',
    'dossier_received',
    'ready_for_commission',
    'scheduled',
    'listed',
  ],
};

/** Steps that end or refuse a request need a written reason (V-77 p. 15, 16, 18: motivated decisions). */
export const REASON_REQUIRED_STATES: readonly CaseState[] = ['refused', 'ineligible', 'returned', 'withdrawn'];

/** The request's data may be corrected until the commission has decided on it (V-77 p. 10). */
export const REQUEST_EDITABLE_STATES: readonly CaseState[] = [
  'request_received',
  'dossier_collecting',
  'dossier_received',
  'ready_for_commission',
  'scheduled',
];

/** V-77 p. 6–10: the dossier is loaded until the commission decides; afterwards it is what was decided on. */
export const DOSSIER_EDITABLE_STATES: readonly CaseState[] = REQUEST_EDITABLE_STATES;

/** V-77 p. 7: the dossier term can be extended while the dossier is still on its way. */
export const DOSSIER_EXTENDABLE_STATES: readonly CaseState[] = ['request_received', 'dossier_collecting'];

/**
 * V-77 p. 9–10: the steps a commission meeting takes, never the step form: putting a case on a
 * meeting's agenda, taking it off again, and the decision, which only a vote at a meeting adopts.
 */
export function isMeetingStep(from: CaseState, to: CaseState): boolean {
  return to === 'scheduled' || to === 'decided' || (from === 'scheduled' && to === 'ready_for_commission');
}

/** States in which the case is finished: no further step of the procedure is expected. */
export const FINAL_STATES: readonly CaseState[] = ['refused', 'ineligible', 'returned', 'withdrawn'];

export { CASE_STATE_LABELS } from './stateLabels';

/**
 * After the commission's decision the road forks by which decision it was (V-77 p. 12–16): the
 * decisions that allow each step out of `from` into `to`. Steps not listed do not depend on it.
 */
const DECISION_GATES: readonly { from: CaseState; to: CaseState; decisions: readonly DecisionId[]; point: string }[] = [
  { from: 'decided', to: 'listed', decisions: ['10.1', '10.3'], point: '12' },
  { from: 'decided', to: 'refused', decisions: ['10.2', '10.4'], point: '16, 19' },
  { from: 'listed', to: 'transfer_ordered', decisions: ['10.1'], point: '13' },
  { from: 'listed', to: 'refused', decisions: ['10.1'], point: '15' },
  { from: 'listed', to: 'submitted_to_department', decisions: ['10.3'], point: '14' },
];

function gate(from: CaseState, to: CaseState) {
  return DECISION_GATES.find((g) => g.from === from && g.to === to);
}

/**
 * Whether the procedure has a step from `from` to `to` for a case with the commission's `decision`
 * (recorded once the case is decided).
 */
export function canTransition(from: CaseState, to: CaseState, decision?: DecisionId): boolean {
  if (!ALLOWED_PREDECESSORS[to].includes(from)) return false;
  const g = gate(from, to);
  return g === undefined || (decision !== undefined && g.decisions.includes(decision));
}

/** The states a case in `from` may move to next, in procedure order. */
export function nextStates(from: CaseState, decision?: DecisionId): CaseState[] {
  return CASE_STATES.filter((to) => canTransition(from, to, decision));
}

export function assertTransition(from: CaseState, to: CaseState, decision?: DecisionId): void {
  if (canTransition(from, to, decision)) return;
  const g = gate(from, to);
  if (ALLOWED_PREDECESSORS[to].includes(from) && g) {
    throw new DomainError('ILLEGAL_TRANSITION', { from, to, decision, gate: { decisions: g.decisions, point: g.point } });
  }
  throw new DomainError('ILLEGAL_TRANSITION', { from, to });
}

/** When a change happened and who made it (the signed-in user's id; absent for the system). */
export interface ChangeStamp {
  at: string;
  by?: string;
}

/** One step of the procedure: the state it reaches, the day it happened, and its record. */
export interface CaseStep {
  to: CaseState;
  /** The day the step happened (it may be recorded after the fact). */
  on: string;
  note?: string;
  /** The commission's decision, for the step to `decided` (V-77 p. 10). */
  decision?: DecisionId;
}

/** What the door needs of a case: its state, the decision that gates later steps, and its timeline. */
interface SteppedCase {
  readonly state: CaseState;
  readonly facts: { readonly decision?: DecisionId };
  readonly timeline: readonly object[];
  readonly updatedAt: string;
}

/**
 * The one door through which a case changes its state (V-77 ch. II–V): asserts that the
 * procedure has this step for the case (with the decision it carries or already has), appends
 * the timeline entry and stamps who and when. No other code sets a case's state; the
 * architecture test (stateDoor) holds every other file to that.
 */
export function applyCaseStep<C extends SteppedCase>(record: C, step: CaseStep, stamp: ChangeStamp): C {
  assertTransition(record.state, step.to, step.decision ?? record.facts.decision);
  const entry = {
    at: stamp.at,
    ...(stamp.by !== undefined ? { by: stamp.by } : {}),
    kind: 'state' as const,
    on: step.on,
    from: record.state,
    to: step.to,
    ...(step.note ? { note: step.note } : {}),
    ...(step.decision ? { decision: step.decision } : {}),
  };
  const facts = step.decision ? { ...record.facts, decision: step.decision } : record.facts;
  return { ...record, state: step.to, facts, updatedAt: stamp.at, timeline: [...record.timeline, entry] } as C;
}

/** The timeline entry of a registration. */
export interface RegisteredEntry {
  at: string;
  by?: string;
  kind: 'registered';
  on: string;
  to: 'request_received';
}

/** A newly registered request (V-77 p. 5): the first state, dated by the request. */
export function registeredCase<C extends object>(fields: C, requestDate: string, stamp: ChangeStamp): C & { state: 'request_received'; timeline: RegisteredEntry[] } {
  const entry: RegisteredEntry = { at: stamp.at, ...(stamp.by !== undefined ? { by: stamp.by } : {}), kind: 'registered', on: requestDate, to: 'request_received' };
  return { ...fields, state: 'request_received', timeline: [entry] };
}
