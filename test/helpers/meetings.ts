import { ballotBase, criterionBase, decisionBase, postponementBase, recusalBase } from '../../shared/domain/meetingRules';
import type { CriterionId } from '../../shared/domain/criteria';
import type { Dispatch } from '../../shared/contract/dispatch';
import type { Commission, MeetingView } from '../../shared/contract/meetingSchemas';
import type { CaseView, RequestInput } from '../../shared/contract/schemas';
import { CRITERIA } from '../../shared/domain/criteria';
import { DECISIONS, type DecisionId } from '../../shared/domain/decisions';
import { rationaleRequired } from '../../shared/domain/evaluation';
import type { IsoDate } from '../../shared/domain/calendar';
import { ok } from './calls';
import { loadCompleteDossier } from './dossier';

// No vitest import here: benchmarks and the end-to-end tests run these helpers too.

type Dispatchish = Dispatch | ((method: string, input: unknown) => ReturnType<Dispatch>);

/**
 * A commission of five voting members (the secretary among them) with the default rules of
 * DESIGN §1: quorum more than half (3 of 5), simple majority of those present, the chair decides a tie.
 */
export const COMMISSION: Commission = {
  members: [
    { id: 'chair', name: 'Rasa Vaitkienė', position: 'Direktoriaus pavaduotoja', role: 'chair', votes: true, from: '2026-01-01' },
    { id: 'secretary', name: 'Inga Kairienė', position: 'Vyriausioji specialistė', role: 'secretary', votes: true, from: '2026-01-01' },
    { id: 'm1', name: 'Tomas Jurgaitis', position: 'Socialinis darbuotojas', role: 'member', votes: true, from: '2026-01-01' },
    { id: 'm2', name: 'Lina Petraitienė', position: 'Psichologė', role: 'member', votes: true, from: '2026-01-01' },
    { id: 'm3', name: 'Darius Mockus', position: 'Apsaugos skyriaus viršininkas', role: 'member', votes: true, from: '2026-01-01' },
  ],
  rules: { quorum: 'more_than_half', majority: 'more_than_half_present', chairDecidesTie: true },
};

/** Register a request and bring it to "ready for the commission" through the real methods (V-77 p. 5–8). */
export async function readyCase(dispatch: Dispatchish, request: RequestInput, receivedOn: IsoDate): Promise<CaseView> {
  const d = dispatch as Dispatch;
  const registered = await ok(d, 'cases.register', request);
  const complete = await loadCompleteDossier(d, registered);
  return ok(d, 'cases.transition', { id: complete.record.id, revision: complete.record.revision, to: 'dossier_received', on: receivedOn });
}

const BASED_METHODS = new Set(['meetings.saveCriterion', 'meetings.saveDecision', 'meetings.vote', 'meetings.recuse', 'meetings.postpone']);

/**
 * A dispatch for tests that write a meeting's fields as a user who sees the latest values: a
 * saveCriterion, saveDecision, vote, recuse or postpone without `basedOn` gets the values stored now (read with
 * meetings.get just before). Tests of the stale case (STALE_REVISION) pass `basedOn` themselves.
 */
export function seeingLatest(dispatch: Dispatchish): Dispatch {
  const d = dispatch as Dispatch;
  return async (method, input, session) => {
    const given = input as { id?: string; caseId?: string; criterion?: CriterionId; memberId?: string; basedOn?: unknown } | undefined;
    if (!BASED_METHODS.has(method) || given?.basedOn !== undefined || !given?.id) return d(method, input, session);
    const current = await d('meetings.get', { id: given.id }, session);
    const item = current.ok ? (current.value as MeetingView).items.find((i) => i.item.caseId === given.caseId)?.item : undefined;
    if (!item) return d(method, input, session);
    const basedOn =
      method === 'meetings.saveCriterion'
        ? criterionBase(item, given.criterion!)
        : method === 'meetings.saveDecision'
          ? decisionBase(item)
          : method === 'meetings.recuse'
            ? recusalBase(item, given.memberId!)
            : method === 'meetings.postpone'
              ? postponementBase(item)
              : ballotBase(item, given.memberId!);
    return d(method, { ...given, basedOn }, session);
  };
}

/** Evaluate all nine criteria of V-77 p. 11 (11.8: not on the register). */
export async function evaluateAll(dispatch: Dispatchish, meetingId: string, caseId: string, assessment: 'favourable' | 'unfavourable' | 'neutral' = 'favourable') {
  for (const c of CRITERIA) {
    await ok(seeingLatest(dispatch), 'meetings.saveCriterion', {
      id: meetingId,
      caseId,
      criterion: c.id,
      findings: `${c.id}: išvados`,
      assessment,
      ...(c.id === '11.8' ? { onRegister: false } : {}),
    });
  }
}

/** COMMISSION, saved unless the data directory already has one. */
export async function ensureCommission(dispatch: Dispatchish): Promise<void> {
  const d = dispatch as Dispatch;
  if ((await ok(d, 'commission.get', {})) === null) await ok(d, 'commission.save', { revision: 0, ...COMMISSION });
}

/**
 * The only road to "decided" (V-77 p. 9–11): the cases (each "ready for the commission") go on the
 * agenda of a meeting on `date` (not after today), which opens, has all five members present,
 * evaluates the nine criteria (favourable for a positive decision, unfavourable otherwise), puts
 * `decisions[caseId]` to the vote (10.2 and 10.4 with their reasons), adopts it unanimously and
 * closes: each case is "decided", dated `date`. Sets up the commission first if there is none.
 */
export async function decideByMeeting(
  dispatch: Dispatchish,
  caseIds: readonly string[],
  decisions: Readonly<Record<string, DecisionId>>,
  date: IsoDate,
): Promise<MeetingView> {
  const d = seeingLatest(dispatch);
  await ensureCommission(d);
  const planned = await ok(d, 'meetings.schedule', { date, time: '10:00', place: 'Posėdžių salė', caseIds });
  let view = await ok(d, 'meetings.open', { id: planned.record.id, revision: planned.record.revision });
  const id = view.record.id;
  for (const m of view.members) view = await ok(d, 'meetings.setAttendance', { id, memberId: m.id, present: true });
  for (const caseId of caseIds) {
    const decision = decisions[caseId];
    if (decision === undefined) throw new Error(`decideByMeeting: no decision given for case ${caseId}`);
    const positive = DECISIONS.find((x) => x.id === decision)!.positive;
    await evaluateAll(d, id, caseId, positive ? 'favourable' : 'unfavourable');
    const rationale = rationaleRequired(decision) ? 'Galioja drausminė nuobauda; elgesys nepakankamai pozityvus.' : '';
    view = await ok(d, 'meetings.saveDecision', { id, caseId, decision, rationale });
    for (const memberId of view.items.find((i) => i.item.caseId === caseId)!.eligible) {
      view = await ok(d, 'meetings.vote', { id, caseId, memberId, ballot: 'for' });
    }
  }
  return ok(d, 'meetings.close', { id, revision: view.record.revision });
}
