import { describe, expect, it } from 'vitest';
import { itemStatus, missingFromDossier, type DossierContext, type DossierItems, type FactsByItem } from '../../../shared/domain/dossier';
import { DOSSIER_ITEMS, type DossierItemId } from '../../../shared/domain/dossierItems';
import { shortfallOf, shortfallText } from '../../../renderer/dossier/dossierSummary';

const CONTEXT: DossierContext = { requestDate: '2026-11-02', possibleTransferDate: '2026-12-15', possibleParoleDate: '2027-06-01', sentenceEnd: '2028-03-01', today: '2026-11-23' };

const FACTS: { [I in DossierItemId]: FactsByItem[I] } = {
  '6.1': { instrument: 'OASys', assessedOn: '2026-10-01', level: 'low' },
  '6.2': { concludedOn: '2026-10-02', summary: 'Išvada' },
  '6.3': { requestDate: '2026-11-02', halfwayHouse: 'Pusiaukelės namai', consent: true },
  '6.4': { kind: 'halfway_house_work', organisation: 'UAB „Darbas“' },
  '6.5': { totalEur: 0, creditors: '' },
  '6.6': { convictions: [], sentenceStart: '2024-03-01', sentenceEnd: '2028-03-01', possibleTransferDate: '2026-12-15', possibleParoleDate: '2027-06-01' },
  '6.7': { personalFileAccessible: true },
  '6.8': { entries: [] },
  '6.9': { restrictions: [] },
  '6.10': { documentType: 'id_card', number: '12345678', validUntil: '2030-01-01' },
  '6.11': { description: 'Charakteristika' },
};

/** The dossier with a document received for `received` and facts recorded for `withFacts` (facts may be overridden). */
function dossier(received: readonly DossierItemId[], withFacts: readonly DossierItemId[], facts: Partial<typeof FACTS> = {}) {
  const items: DossierItems = {};
  for (const id of new Set([...received, ...withFacts])) {
    items[id] = {
      ...(received.includes(id)
        ? { receivedOn: '2026-11-10', documents: [{ id: `d-${id}`, versions: [{ sha256: 'a'.repeat(64), name: `${id}.pdf`, kind: 'pdf', size: 1000, addedAt: '2026-11-10T10:00:00Z', addedBy: 'sekretore' }] }] }
        : { documents: [] }),
      ...(withFacts.includes(id) ? { facts: { ...FACTS, ...facts }[id] } : {}),
    };
  }
  const missing = missingFromDossier(items, CONTEXT);
  return { items: DOSSIER_ITEMS.map(({ id }) => ({ id, status: itemStatus(items, id) })), missing };
}

const ALL = DOSSIER_ITEMS.map((i) => i.id);
const except = (...ids: DossierItemId[]) => ALL.filter((id) => !ids.includes(id));

describe('issue 17: the dossier says what is missing, documents apart from facts (V-77 p. 6–8)', () => {
  it('all eleven documents received, two items without their facts: "Gauti visi 11 dokumentų; trūksta 2 punktų duomenų: 6.5, 6.8"', () => {
    const shortfall = shortfallOf(dossier(ALL, except('6.5', '6.8')));
    expect(shortfall).toEqual({ documents: [], facts: ['6.5', '6.8'], received: 11 });
    expect(shortfallText(shortfall, 'lt')).toBe('Gauti visi 11 dokumentų; trūksta 2 punktų duomenų: 6.5, 6.8');
    expect(shortfallText(shortfall, 'en')).toBe('All 11 documents received; facts missing for 2 items: 6.5, 6.8');
  });

  it('two documents still to come from the convict’s institution: "Trūksta 2 dokumentų: 6.2, 6.10"', () => {
    const shortfall = shortfallOf(dossier(except('6.2', '6.10', '6.11'), except('6.2', '6.10', '6.11')));
    expect(shortfall).toEqual({ documents: ['6.2', '6.10'], facts: [], received: 8 });
    expect(shortfallText(shortfall, 'lt')).toBe('Trūksta 2 dokumentų: 6.2, 6.10');
    expect(shortfallText(shortfall, 'en')).toBe('Missing 2 documents: 6.2, 6.10');
  });

  it('a fresh dossier: nine documents to ask for; the p. 6.7 question is the secretary’s to answer', () => {
    const shortfall = shortfallOf(dossier([], []));
    expect(shortfall.documents).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.8', '6.9', '6.10']);
    expect(shortfallText(shortfall, 'lt')).toBe('Trūksta 9 dokumentų: 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.8, 6.9, 6.10; trūksta 1 punkto duomenų: 6.7');
    expect(shortfallText(shortfall, 'en')).toBe('Missing 9 documents: 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.8, 6.9, 6.10; facts missing for 1 item: 6.7');
  });

  it('V-77 p. 3.2, 6.3: a received document that does not do (no consent, an expired identity document) is one to ask for again', () => {
    const received = except('6.7', '6.11');
    const shortfall = shortfallOf(dossier(received, [...received, '6.7'], { '6.3': { ...FACTS['6.3'], consent: false }, '6.10': { ...FACTS['6.10'], validUntil: '2026-01-01' } }));
    expect(shortfall).toEqual({ documents: ['6.3', '6.10'], facts: [], received: 9 });
    expect(shortfallText(shortfall, 'lt')).toBe('Trūksta 2 dokumentų: 6.3, 6.10');
  });

  it('a complete dossier says all its documents are in, counted the Lithuanian way (9 dokumentai, 10 dokumentų, 21 dokumentas)', () => {
    const complete = dossier(except('6.7', '6.11'), ALL);
    expect(complete.missing).toEqual([]);
    expect(shortfallText(shortfallOf(complete), 'lt')).toBe('Gauti visi 9 dokumentai');
    expect(shortfallText({ documents: [], facts: [], received: 10 }, 'lt')).toBe('Gauti visi 10 dokumentų');
    expect(shortfallText({ documents: [], facts: [], received: 21 }, 'lt')).toBe('Gauti visi 21 dokumentas');
    expect(shortfallText({ documents: ['6.1'], facts: [], received: 8 }, 'lt')).toBe('Trūksta 1 dokumento: 6.1');
  });

  it('the counts agree with missingFromDossier: documents are its toRequest items, facts the rest', () => {
    for (const d of [dossier([], []), dossier(ALL, except('6.5', '6.8')), dossier(except('6.1'), except('6.2', '6.7'))]) {
      const shortfall = shortfallOf(d);
      expect(shortfall.documents).toEqual([...new Set(d.missing.filter((m) => m.toRequest).map((m) => m.item))]);
      expect(shortfall.facts).toEqual([...new Set(d.missing.filter((m) => !m.toRequest).map((m) => m.item))]);
    }
  });
});
