import type { DossierItemId } from '../../shared/domain/dossierItems';

/**
 * Issue 17: the spots on the case page where a dossier change's outcome is said (NoticeSpot in
 * components/ErrorNotice.tsx), next to the control that caused it.
 */

/** Under the dossier's buttons: a folder loaded through the review, the p. 7 extension. */
export const DOSSIER_SPOT = 'dossier';

/** In an item's panel: its documents (added, replaced, removed), its date received, its facts. */
export type ItemPart = 'documents' | 'received' | 'facts';

export function itemSpot(item: DossierItemId, part: ItemPart): string {
  return `dossier-${item}-${part}`;
}
