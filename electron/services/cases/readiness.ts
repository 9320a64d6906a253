import type { CaseRecord } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/calendar';
import { missingFromDossier, type MissingEntry } from '../../../shared/domain/dossier';
import { dossierContextOf, dossierItemsOf } from './dossierViews';
import { applyCaseStep, caseRouteOf, type ChangeStamp } from '../../../shared/domain/caseStates';

/** What keeps the case's dossier from being complete (V-77 p. 6); empty when it is. */
export function missingOf(record: CaseRecord, today: IsoDate): MissingEntry[] {
  return missingFromDossier(dossierItemsOf(record), dossierContextOf(record, today));
}

export function isDossierComplete(record: CaseRecord, today: IsoDate): boolean {
  return missingOf(record, today).length === 0;
}

/**
 * V-77 p. 8: a received dossier that is complete is handed to the commission. The step is dated
 * `on`: the day the dossier was marked received when that completes it (a step recorded after the
 * fact keeps its date), or today when a change of the dossier completes it. A dossier another
 * institution's commission decides (route 'sends', p. 8) never goes to ours.
 */
export function advanceIfComplete(record: CaseRecord, today: IsoDate, stamp: ChangeStamp, on: IsoDate = today): CaseRecord {
  if (record.state !== 'dossier_received' || caseRouteOf(record.request) === 'sends' || !isDossierComplete(record, today)) return record;
  return applyCaseStep(record, { to: 'ready_for_commission', on }, stamp);
}
