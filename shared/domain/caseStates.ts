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
  'dossier_sent', // p. 6–8: our convict asks for another institution's halfway house: the dossier went to its director, whose commission decides
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
  'left', // p. 4: left the halfway house on parole, at the end of the sentence or by a transfer elsewhere; the place frees
  'withdrawn', // the convict withdrew the request
] as const;

export type CaseState = (typeof CASE_STATES)[number];

export const ALLOWED_PREDECESSORS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  request_received: [],
  dossier_collecting: ['request_received'],
  dossier_received: ['request_received', 'dossier_collecting'],
  dossier_sent: ['request_received', 'dossier_collecting'],
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
    // p. 47: our convict's circumstances change while another institution decides on the dossier we sent.
    'dossier_sent',
    'ready_for_commission',
    'scheduled',
    'decided',
    'listed',
    'submitted_to_department',
    'transfer_ordered',
  ],
  returned: ['transferred'],
  left: ['transferred'],
  // The convict may withdraw the request until the transfer (issue 14: a withdrawal takes them off
  // the list), also while another institution decides on the dossier we sent.
  withdrawn: [
    'request_received',
    'dossier_collecting',
    'dossier_received',
    'dossier_sent',
    'ready_for_commission',
    'scheduled',
    'decided',
    'listed',
    'submitted_to_department',
    'transfer_ordered',
  ],
};

/** Steps that end or refuse a request need a written reason (V-77 p. 15, 16, 18: motivated decisions). */
export const REASON_REQUIRED_STATES: readonly CaseState[] = ['refused', 'ineligible', 'returned', 'withdrawn'];

/**
 * Which commission decides a request (V-77 p. 5–8, 10): ours, for a convict serving here
 * ('own': 10.1/10.2) or elsewhere ('other': 10.3/10.4) who asks for our halfway house; or the other
 * institution's, for our convict who asks for its halfway house ('sends': we collect and send the
 * dossier, p. 6–7, and our commission does not decide, p. 8).
 */
export type CaseRoute = 'own' | 'other' | 'sends';

export function routeOf(servesHere: boolean, asksForOurHalfwayHouse: boolean): CaseRoute {
  if (!asksForOurHalfwayHouse) return 'sends';
  return servesHere ? 'own' : 'other';
}

/** The id by which a case refers to the institution the app is set up for. */
export const OWN_INSTITUTION_ID = 'own';

/** What a route needs of a request: where the convict serves and whose halfway house they ask for. */
export interface RoutedRequest {
  readonly servingInstitution: { readonly id: string };
  readonly halfwayHouse: { readonly id: string };
}

export function caseRouteOf(request: RoutedRequest): CaseRoute {
  return routeOf(request.servingInstitution.id === OWN_INSTITUTION_ID, request.halfwayHouse.id === OWN_INSTITUTION_ID);
}

/** The steps only one route has: our commission's dossier is received (p. 7–8), another's is sent (p. 7). */
const ROUTE_GATES: readonly { to: CaseState; routes: readonly CaseRoute[] }[] = [
  { to: 'dossier_received', routes: ['own', 'other'] },
  { to: 'dossier_sent', routes: ['sends'] },
];

/**
 * How a step is taken. By hand ('hand', the step form); by a commission meeting ('meeting', p. 9–10);
 * by the system as a consequence ('system': the list after 10.1/10.3, p. 12); by signing the
 * director's act ('document': p. 13, 14, 15, 16, 46); by recording a received act ('received': the
 * Prison Department director's resolution or refusal, p. 17–18); by recording the arrival with its
 * checks (p. 24–25) or the departure from the halfway house.
 */
export type StepMeans = 'hand' | 'meeting' | 'system' | 'document' | 'received' | 'arrival' | 'departure';

/** The director's acts that move a case when fully signed, with the step each one takes. */
export const DOCUMENT_STEPS: readonly { kind: 'order' | 'declineDecision' | 'submission' | 'letter' | 'returnDecision'; from: CaseState; to: CaseState; point: string }[] = [
  { kind: 'order', from: 'listed', to: 'transfer_ordered', point: '13' },
  { kind: 'declineDecision', from: 'listed', to: 'refused', point: '15' },
  { kind: 'submission', from: 'listed', to: 'submitted_to_department', point: '14' },
  { kind: 'letter', from: 'decided', to: 'refused', point: '16' },
  { kind: 'returnDecision', from: 'transferred', to: 'returned', point: '46' },
];

/** The acts received from the Prison Department that move a case (p. 17–18). */
export const RECEIVED_STEPS: readonly { kind: 'departmentResolution' | 'departmentRefusal'; from: CaseState; to: CaseState; point: string }[] = [
  { kind: 'departmentResolution', from: 'submitted_to_department', to: 'transfer_ordered', point: '17' },
  { kind: 'departmentRefusal', from: 'submitted_to_department', to: 'refused', point: '18' },
];

/** How the procedure takes the step from `from` to `to` (the step must exist: canTransition). */
export function stepMeans(from: CaseState, to: CaseState): StepMeans {
  if (isMeetingStep(from, to)) return 'meeting';
  if (from === 'decided' && to === 'listed') return 'system';
  if (DOCUMENT_STEPS.some((d) => d.from === from && d.to === to)) return 'document';
  if (RECEIVED_STEPS.some((d) => d.from === from && d.to === to)) return 'received';
  if (to === 'transferred') return 'arrival';
  if (to === 'left') return 'departure';
  return 'hand';
}

/** The request's data may be corrected until the commission has decided on it (V-77 p. 10). */
export const REQUEST_EDITABLE_STATES: readonly CaseState[] = [
  'request_received',
  'dossier_collecting',
  'dossier_received',
  'ready_for_commission',
  'scheduled',
];

/**
 * Whether the request's data may be corrected now (V-77 p. 10, 12): in a state before the decision,
 * and only if no decision was ever taken on the case. A case an upheld appeal sent back to the
 * commission (p. 51) keeps its request as decided on: a corrected request date would move the
 * convict on the p. 12 list.
 */
export function isRequestEditable(record: { readonly state: CaseState; readonly timeline: readonly object[] }): boolean {
  if (!REQUEST_EDITABLE_STATES.includes(record.state)) return false;
  return !(record.timeline as readonly StepEntry[]).some((e) => e.kind === 'state' && e.to === 'decided');
}

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

/**
 * States in which the case is finished here: no further step of the procedure is expected (an appeal
 * may still reopen a refused, ineligible or returned case, p. 50–51). A case whose dossier was sent
 * to another institution is decided there (p. 8); its outcome is recorded as a received act. Only
 * the convict's withdrawal or the p. 47 circumstances may still end it here.
 */
export const FINAL_STATES: readonly CaseState[] = ['refused', 'ineligible', 'returned', 'withdrawn', 'dossier_sent', 'left'];

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
  { from: 'submitted_to_department', to: 'transfer_ordered', decisions: ['10.3'], point: '17' },
  { from: 'submitted_to_department', to: 'refused', decisions: ['10.3'], point: '18' },
];

function gate(from: CaseState, to: CaseState) {
  return DECISION_GATES.find((g) => g.from === from && g.to === to);
}

function routeAllows(to: CaseState, route: CaseRoute | undefined): boolean {
  const g = ROUTE_GATES.find((r) => r.to === to);
  // A case of unknown route (a caller that does not say) is one our commission decides.
  return g === undefined || g.routes.includes(route ?? 'own');
}

/**
 * Whether the procedure has a step from `from` to `to` for a case with the commission's `decision`
 * (recorded once the case is decided) on its `route` (which commission decides, p. 5–8).
 */
export function canTransition(from: CaseState, to: CaseState, decision?: DecisionId, route?: CaseRoute): boolean {
  if (!ALLOWED_PREDECESSORS[to].includes(from)) return false;
  if (!routeAllows(to, route)) return false;
  const g = gate(from, to);
  return g === undefined || (decision !== undefined && g.decisions.includes(decision));
}

/** The states a case in `from` may move to next, in procedure order. */
export function nextStates(from: CaseState, decision?: DecisionId, route?: CaseRoute): CaseState[] {
  return CASE_STATES.filter((to) => canTransition(from, to, decision, route));
}

export function assertTransition(from: CaseState, to: CaseState, decision?: DecisionId, route?: CaseRoute): void {
  if (canTransition(from, to, decision, route)) return;
  const g = gate(from, to);
  if (ALLOWED_PREDECESSORS[to].includes(from) && !routeAllows(to, route)) {
    throw new DomainError('WRONG_COMMISSION', { to, route: route ?? 'own' });
  }
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
  /** The signed act (a generated document's id) that took the step (p. 13–16, 46). */
  documentId?: string;
  /** The received act (its id on the case) that took the step (p. 17–18, 47). */
  actId?: string;
}

/** What the door needs of a case: its state, the decision that gates later steps, and its timeline. */
interface SteppedCase {
  readonly state: CaseState;
  readonly facts: { readonly decision?: DecisionId };
  /** Which commission decides (absent in tests of the table alone: then ours). */
  readonly request?: RoutedRequest;
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
  assertTransition(record.state, step.to, step.decision ?? record.facts.decision, record.request ? caseRouteOf(record.request) : undefined);
  const entry = {
    at: stamp.at,
    ...(stamp.by !== undefined ? { by: stamp.by } : {}),
    kind: 'state' as const,
    on: step.on,
    from: record.state,
    to: step.to,
    ...(step.note ? { note: step.note } : {}),
    ...(step.decision ? { decision: step.decision } : {}),
    ...(step.documentId ? { documentId: step.documentId } : {}),
    ...(step.actId ? { actId: step.actId } : {}),
  };
  let facts: object = step.decision ? { ...record.facts, decision: step.decision } : record.facts;
  const implied = IMPLIED_FACTS[step.to];
  if (implied !== undefined && (facts as Record<string, unknown>)[implied] === undefined) facts = { ...facts, [implied]: step.on };
  return { ...record, state: step.to, facts, updatedAt: stamp.at, timeline: [...record.timeline, entry] } as C;
}

/**
 * The day a state's term runs from, which the step into it sets (one rule for every caller): p. 9
 * from the dossier's receipt, p. 12 the day entered on the list, p. 19 from the refusal. A caller
 * that knows the act's own date (a signed refusal dated before the step could be recorded) sets the
 * fact itself, and the door keeps it; undoing the step (a correction, a reopening) removes it.
 */
const IMPLIED_FACTS: Partial<Record<CaseState, 'dossierReceivedOn' | 'listedOn' | 'refusedOn'>> = {
  dossier_received: 'dossierReceivedOn',
  listed: 'listedOn',
  refused: 'refusedOn',
};

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

/**
 * V-77 p. 50–51: an upheld appeal reopens the case at the step the contested act took, never by
 * editing history. Each contested act's state, and the state the case goes back to.
 */
export const REOPENINGS: readonly { from: CaseState; to: CaseState; act: string; point: string }[] = [
  // The director's motivated decision not to transfer (p. 15): back on the list.
  { from: 'refused', to: 'listed', act: 'declineDecision', point: '15, 51' },
  // The director's letter implementing 10.2 or 10.4 (p. 16): the commission considers the request again.
  { from: 'refused', to: 'ready_for_commission', act: 'letter', point: '16, 51' },
  // The Prison Department director's refusal (p. 18), annulled by the court: the submission stands again.
  { from: 'refused', to: 'submitted_to_department', act: 'departmentRefusal', point: '18, 51' },
  // The director's decision to return (p. 46): the convict is in the halfway house again.
  { from: 'returned', to: 'transferred', act: 'returnDecision', point: '46, 51' },
  // The director's order to transfer (p. 13), annulled before the arrival: back on the list.
  { from: 'transfer_ordered', to: 'listed', act: 'order', point: '13, 51' },
  // The Prison Department director's resolution (p. 17), annulled by the court: the submission stands again.
  { from: 'transfer_ordered', to: 'submitted_to_department', act: 'departmentResolution', point: '17, 51' },
];

/**
 * V-77 p. 47: the states in which another institution's notice of circumstances (route 'other')
 * takes its convict off our list: decided on, listed, submitted or ordered, not yet arrived. The
 * back end (cases.recordAct) and the case page (the p. 47 action) read this one list.
 */
export const P47_STATES: readonly CaseState[] = ['decided', 'listed', 'submitted_to_department', 'transfer_ordered'];

/** Which body hears an appeal against an act (V-77 p. 51): our director's acts go to the Prison Department director (BVK art. 183), the Department director's to the regional administrative court. */
export function appealBodyOf(act: string): 'department' | 'court' {
  return act === 'departmentResolution' || act === 'departmentRefusal' ? 'court' : 'department';
}

/** The facts a state sets; undoing the step (a correction, a reopening) removes them. */
const STATE_FACTS: Partial<Record<CaseState, readonly string[]>> = {
  dossier_received: ['dossierReceivedOn'],
  dossier_sent: ['dossierSent', 'transferOut'],
  refused: ['refusedOn'],
  listed: ['listedOn'],
  // The arrival, and what life in the halfway house recorded from it (p. 28–32, seed 001).
  transferred: ['arrival', 'intensivePlanOn', 'lastReviewOn', 'socialWorkerFrom', 'municipalityNoticeOn', 'probationListOn'],
  returned: ['departure', 'placeReportedOn'],
  transfer_ordered: [],
  left: ['departure', 'placeReportedOn'],
};

function withoutFactsOf<F extends object>(facts: F, state: CaseState): F {
  const keys = STATE_FACTS[state] ?? [];
  return Object.fromEntries(Object.entries(facts).filter(([k]) => !keys.includes(k))) as F;
}

export interface Reopening {
  to: CaseState;
  on: string;
  /** The appeal whose upholding reopens the case, and its outcome's reason. */
  appealId: string;
  note: string;
}

/**
 * V-77 p. 50–51: reopen a case at the step the contested act took. The facts of the state it leaves
 * go (p. 19 no longer runs from an annulled refusal); a return to the commission also clears the
 * decision and the meeting, which a new meeting gives again. The timeline keeps everything.
 */
export function reopenCase<C extends SteppedCase & { readonly facts: object }>(record: C, reopening: Reopening, stamp: ChangeStamp): C {
  if (!REOPENINGS.some((r) => r.from === record.state && r.to === reopening.to)) {
    throw new DomainError('ILLEGAL_TRANSITION', { from: record.state, to: reopening.to });
  }
  let facts: Record<string, unknown> = withoutFactsOf(record.facts as Record<string, unknown>, record.state);
  if (reopening.to === 'ready_for_commission') {
    const { decision: _d, meetingId: _m, listedOn: _l, ...rest } = facts;
    // The commission takes the request up again: the p. 9 term runs from the reopening (the day the
    // dossier first came stays on the timeline).
    facts = { ...rest, dossierReceivedOn: reopening.on };
  }
  const entry = {
    at: stamp.at,
    ...(stamp.by !== undefined ? { by: stamp.by } : {}),
    kind: 'reopened' as const,
    on: reopening.on,
    from: record.state,
    to: reopening.to,
    note: reopening.note,
    appealId: reopening.appealId,
  };
  return { ...record, state: reopening.to, facts, updatedAt: stamp.at, timeline: [...record.timeline, entry] } as C;
}

/** The steps a user records by hand, which a correction may undo (the others have their own records). */
const CORRECTABLE_MEANS: readonly StepMeans[] = ['hand', 'arrival', 'departure'];

/** A timeline entry as the correction reads it. */
interface StepEntry {
  readonly kind: string;
  readonly from?: CaseState;
  readonly to?: CaseState;
  readonly actId?: string;
  readonly documentId?: string;
}

/**
 * Records made on the state a step reached, which would be left without their state if the step
 * were undone: a received act, an appeal or its outcome, a record of life in the halfway house.
 */
const RECORDS_ON_STATE: readonly string[] = ['act', 'appeal', 'life'];

/**
 * The step a correction would undo: the latest state change, if it was taken by hand (the step
 * form, or the handing over to the commission that completing the dossier took), the arrival or the
 * departure. Meetings' steps and the steps of signed and received acts (an entry naming its act) are
 * corrected by their own records. Nothing is correctable once a received act, an appeal or a record
 * of life in the halfway house was recorded on the state the step reached: those records would be orphaned.
 */
export function correctableStep(record: SteppedCase): { from: CaseState; to: CaseState } | undefined {
  const entries = record.timeline as readonly StepEntry[];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.kind === 'corrected' || e.kind === 'reopened') return undefined;
    if (e.kind === 'registered') return undefined;
    if (RECORDS_ON_STATE.includes(e.kind)) return undefined;
    if (e.kind !== 'state' || e.from === undefined || e.to === undefined) continue;
    if (e.to !== record.state) return undefined;
    if (e.actId !== undefined || e.documentId !== undefined) return undefined;
    return CORRECTABLE_MEANS.includes(stepMeans(e.from, e.to)) ? { from: e.from, to: e.to } : undefined;
  }
  return undefined;
}

/**
 * A step recorded by mistake is undone by a recorded correction (who, when, why), never a silent
 * edit: the case goes back to the state before the step, the facts the step set go, and the
 * timeline keeps both the step and its correction.
 */
export function correctLastStep<C extends SteppedCase & { readonly facts: object }>(record: C, correction: { on: string; note: string }, stamp: ChangeStamp): C {
  const step = correctableStep(record);
  if (!step) throw new DomainError('NOTHING_TO_CORRECT', { state: record.state });
  const entry = {
    at: stamp.at,
    ...(stamp.by !== undefined ? { by: stamp.by } : {}),
    kind: 'corrected' as const,
    on: correction.on,
    from: step.to,
    to: step.from,
    note: correction.note,
  };
  const facts = withoutFactsOf(record.facts as Record<string, unknown>, step.to);
  return { ...record, state: step.from, facts, updatedAt: stamp.at, timeline: [...record.timeline, entry] } as C;
}
