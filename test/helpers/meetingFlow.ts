import type { Dispatch } from '../../shared/contract/dispatch';
import type { MeetingView } from '../../shared/contract/meetingSchemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { DECISIONS, type DecisionId } from '../../shared/domain/decisions';
import { rationaleRequired } from '../../shared/domain/evaluation';
import { ok } from './calls';
import { COMMISSION, evaluateAll } from './meetings';

// No vitest import here: benchmarks and the end-to-end tests run these helpers too.

type Dispatchish = Dispatch | ((method: string, input: unknown) => ReturnType<Dispatch>);

/** The commission of test/helpers/meetings.ts, saved unless the data directory already has one. */
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
  const d = dispatch as Dispatch;
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
