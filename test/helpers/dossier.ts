import type { Dispatch } from '../../shared/contract/dispatch';
import type { CaseView, RequestInput } from '../../shared/contract/schemas';
import type { FactsByItem } from '../../shared/domain/dossier';
import type { DossierItemId } from '../../shared/domain/dossierItems';
import { ok } from './calls';
import { pdfDocument } from './documents';

type Dispatchish = Dispatch | ((method: string, input: unknown) => ReturnType<Dispatch>);


/**
 * Facts of every item (V-77 p. 6) for a case whose request is `view`'s: consistent with it, the
 * consent given (6.3), an identity document valid past the transfer (p. 3.2), the personal file
 * accessible (so 6.7 is not needed).
 */
export function completeFacts(view: CaseView): { [I in DossierItemId]: FactsByItem[I] } {
  const r = view.record.request;
  return {
    '6.1': { instrument: 'OASys', assessedOn: r.requestDate, level: 'low', previousLevel: 'medium' },
    '6.2': { concludedOn: r.requestDate, summary: 'Socialiniai ryšiai palaikomi, būstas yra.' },
    '6.3': { requestDate: r.requestDate, halfwayHouse: r.halfwayHouse.name, consent: true },
    '6.4': { kind: 'halfway_house_work', organisation: 'UAB „Darbas“' },
    '6.5': { totalEur: 120.5, creditors: 'VMI' },
    '6.6': {
      convictions: [{ date: '2019-03-04', court: 'Kauno apylinkės teismas', description: 'BK 178 str. 2 d.' }],
      sentenceStart: '2019-03-04',
      sentenceEnd: r.sentenceEnd,
      possibleTransferDate: r.possibleTransferDate,
      possibleParoleDate: r.possibleParoleDate,
    },
    '6.7': { personalFileAccessible: true },
    '6.8': { entries: [{ kind: 'reward', date: '2025-06-01', description: 'Padėka' }] },
    '6.9': { restrictions: [] },
    '6.10': { documentType: 'id_card', number: '12345678', validUntil: '2030-01-01' },
    '6.11': { description: 'Charakteristika' },
  };
}

/**
 * The request of the dossier tests and benchmarks: filed Mon 2026-11-02 (Vėlinės) by a convict of
 * another institution (Vilnius, in both the demo and the e2e settings) for this halfway house.
 */
export const DOSSIER_CASE_REQUEST: RequestInput = {
  firstName: 'Žydrūnas',
  lastName: 'Čepulis',
  personalFileNo: 'A-1001',
  birthDate: '1984-05-17',
  servingInstitutionId: 'vilnius',
  halfwayHouseInstitutionId: 'own',
  requestDate: '2026-11-02',
  possibleTransferDate: '2026-12-15',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2028-03-01',
};

/** Items the commission needs on paper when the personal file is accessible (6.7 not needed, 6.11 optional). */
export const REQUIRED_ITEMS: readonly DossierItemId[] = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.8', '6.9', '6.10'];

/** Attach one document to `item` through the real stage-and-attach path; returns the case after it. */
export async function attachDocument(dispatch: Dispatchish, view: CaseView, item: DossierItemId, bytes?: Uint8Array, name = `${item} dokumentas.pdf`): Promise<CaseView> {
  const content = bytes ?? (await pdfDocument({ text: `V-77 item ${item} of case ${view.record.id.slice(0, 8)}` }));
  const staged = await ok(dispatch as Dispatch, 'dossier.stage', { caseId: view.record.id, name, bytes: content });
  return ok(dispatch as Dispatch, 'dossier.attach', { caseId: view.record.id, revision: view.record.revision, files: [{ stagedId: staged.stagedId, item }] });
}

/** A complete dossier loaded on the case: a document and the facts of every required item. */
export async function loadCompleteDossier(dispatch: Dispatchish, view: CaseView): Promise<CaseView> {
  const facts = completeFacts(view);
  let current = view;
  for (const item of REQUIRED_ITEMS) {
    current = await attachDocument(dispatch, current, item);
    current = await ok(dispatch as Dispatch, 'dossier.saveItem', { caseId: current.record.id, revision: current.record.revision, item, facts: facts[item] });
  }
  return ok(dispatch as Dispatch, 'dossier.saveItem', { caseId: current.record.id, revision: current.record.revision, item: '6.7', facts: facts['6.7'] });
}
