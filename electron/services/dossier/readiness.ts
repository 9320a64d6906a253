import type { CaseRecord } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/calendar';
import { dossierComplete } from '../../../shared/domain/dossier';
import { dossierContextOf, dossierItemsOf } from './views';

export function isDossierComplete(record: CaseRecord, today: IsoDate): boolean {
  return dossierComplete(dossierItemsOf(record), dossierContextOf(record, today));
}

/** V-77 p. 8: a received dossier that is complete is handed to the commission, dated today. */
export function advanceIfComplete(record: CaseRecord, today: IsoDate, at: string): CaseRecord {
  if (record.state !== 'dossier_received' || !isDossierComplete(record, today)) return record;
  return {
    ...record,
    state: 'ready_for_commission',
    timeline: [...record.timeline, { at, kind: 'state', on: today, from: 'dossier_received', to: 'ready_for_commission' }],
  };
}
