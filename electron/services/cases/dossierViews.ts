import type { DossierView } from '../../../shared/contract/dossierSchemas';
import type { CaseRecord } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/calendar';
import { dossierFindings, itemStatus, missingFromDossier, type DossierContext, type DossierItems } from '../../../shared/domain/dossier';
import { DOSSIER_ITEMS } from '../../../shared/domain/dossierItems';

export function dossierItemsOf(record: CaseRecord): DossierItems {
  return record.dossier?.items ?? {};
}

export function dossierContextOf(record: CaseRecord, today: IsoDate): DossierContext {
  const { requestDate, possibleTransferDate, possibleParoleDate, sentenceEnd } = record.request;
  return { requestDate, possibleTransferDate, possibleParoleDate, sentenceEnd, today };
}

/** V-77 p. 6–7: the checklist of the eleven items, what is missing and the term's extension. */
export function dossierViewOf(record: CaseRecord, today: IsoDate, maxDocumentBytes: number): DossierView {
  const items = dossierItemsOf(record);
  const context = dossierContextOf(record, today);
  const findings = dossierFindings(items, context);
  const missing = missingFromDossier(items, context);
  const { dossierExtensionDays: days, dossierExtensionReason: reason } = record.facts;
  return {
    items: DOSSIER_ITEMS.map(({ id }) => {
      const stored = items[id];
      return {
        id,
        status: itemStatus(items, id),
        ...(stored?.receivedOn !== undefined ? { receivedOn: stored.receivedOn } : {}),
        ...(stored?.facts !== undefined ? { facts: stored.facts } : {}),
        documents: stored?.documents ?? [],
        findings: findings.filter((f) => f.item === id),
      };
    }),
    missing,
    complete: missing.length === 0,
    ...(days !== undefined && days > 0 ? { extension: { days, reason: reason ?? '' } } : {}),
    maxDocumentBytes,
  };
}
