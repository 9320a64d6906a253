import type { Dispatch } from '../../shared/contract/dispatch';
import type { Commission } from '../../shared/contract/meetingSchemas';
import type { CaseView, RequestInput } from '../../shared/contract/schemas';
import { CRITERIA } from '../../shared/domain/criteria';
import type { IsoDate } from '../../shared/domain/calendar';
import { ok } from './calls';
import { loadCompleteDossier } from './dossier';

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

/** Evaluate all nine criteria of V-77 p. 11 (11.8: not on the register). */
export async function evaluateAll(dispatch: Dispatchish, meetingId: string, caseId: string, assessment: 'favourable' | 'unfavourable' | 'neutral' = 'favourable') {
  for (const c of CRITERIA) {
    await ok(dispatch as Dispatch, 'meetings.saveCriterion', {
      id: meetingId,
      caseId,
      criterion: c.id,
      findings: `${c.id}: išvados`,
      assessment,
      ...(c.id === '11.8' ? { onRegister: false } : {}),
    });
  }
}
