import type { DossierView } from '../../shared/contract/dossierSchemas';
import type { DossierItemId } from '../../shared/domain/dossierItems';
import { countLabel } from '../i18n/plural';
import type { Lang } from '../i18n/translate';

/**
 * Issue 17: what keeps the dossier from being complete, said as what it is (V-77 p. 6–8): documents
 * the convict's institution must still send, facts and answers the secretary must still record. The
 * split is shared/domain/dossier.ts missingFromDossier's own (`toRequest`), so the counts agree with
 * the list of missing documents.
 */
export interface DossierShortfall {
  /** Items the convict's institution must send (or send again), in the order of V-77 p. 6. */
  documents: DossierItemId[];
  /** Items whose facts (or the p. 6.7 question) the secretary must record, in the same order. */
  facts: DossierItemId[];
  /** Items received. */
  received: number;
}

/** What the summary reads of the dossier's view: each item's status, and what missingFromDossier found. */
export interface DossierCounts {
  items: readonly Pick<DossierView['items'][number], 'status'>[];
  missing: readonly Pick<DossierView['missing'][number], 'item' | 'toRequest'>[];
}

const itemsOf = (entries: DossierCounts['missing']): DossierItemId[] => [...new Set(entries.map((m) => m.item))];

export function shortfallOf(dossier: DossierCounts): DossierShortfall {
  return {
    documents: itemsOf(dossier.missing.filter((m) => m.toRequest)),
    facts: itemsOf(dossier.missing.filter((m) => !m.toRequest)),
    received: dossier.items.filter((i) => i.status === 'received').length,
  };
}

/** "Gauti visi 11 dokumentų; trūksta 2 punktų duomenų: 6.5, 6.8" or "Trūksta 2 dokumentų: 6.2, 6.10". */
export function shortfallText(shortfall: DossierShortfall, lang: Lang): string {
  const { documents, facts, received } = shortfall;
  const parts = [
    documents.length === 0
      ? countLabel(lang, 'dossier.summary.allReceived', received)
      : countLabel(lang, 'dossier.summary.documentsMissing', documents.length, { items: documents.join(', ') }),
  ];
  if (facts.length > 0) parts.push(countLabel(lang, 'dossier.summary.factsMissing', facts.length, { items: facts.join(', ') }));
  return parts.join('; ');
}
