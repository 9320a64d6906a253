// V-77 p. 3: the dossier's findings on the conditions of a transfer (shared/domain/dossier). An
// identity document that expires before the transfer (p. 3.2) and a convict who neither agrees to
// work, nor will find work, nor studies full-time (p. 3.1, item 6.4) both make the finding negative:
// the item does not count until it is put right, and the dossier is not complete.
import { describe, expect, it } from 'vitest';
import { dossierFindings, missingFromDossier, missingDocumentsText, type DossierContext, type DossierItems, type FactsByItem, type WorkKind } from '../../../shared/domain/dossier';
import type { DossierItemId } from '../../../shared/domain/dossierItems';

const context: DossierContext = {
  requestDate: '2026-09-01',
  possibleTransferDate: '2026-11-02',
  possibleParoleDate: '2027-05-03',
  sentenceEnd: '2028-01-10',
  today: '2026-09-20',
};

const doc = { id: 'd', versions: [{ sha256: 'a'.repeat(64), name: 'x.pdf', kind: 'pdf' as const, size: 10, addedAt: '2026-09-02T08:00:00Z', addedBy: 'u' }] };

/** A complete dossier: every item received with its facts, the conditions of p. 3 met. */
function complete(overrides: Partial<{ [I in DossierItemId]: FactsByItem[I] }> = {}): DossierItems {
  const facts: { [I in DossierItemId]: FactsByItem[I] } = {
    '6.1': { instrument: 'OASys', assessedOn: '2026-08-01', level: 'low' },
    '6.2': { concludedOn: '2026-08-10', summary: 'Teigiama' },
    '6.3': { requestDate: '2026-09-01', halfwayHouse: 'Pravieniškių PN', consent: true },
    '6.4': { kind: 'halfway_house_work', organisation: 'Pravieniškių PN' },
    '6.5': { totalEur: 0, creditors: '' },
    '6.6': { convictions: [{ date: '2022-01-10', court: 'Vilniaus apylinkės teismas', description: 'BK 178 str.' }], sentenceStart: '2022-02-01', sentenceEnd: '2028-01-10', possibleTransferDate: '2026-11-02', possibleParoleDate: '2027-05-03' },
    '6.7': { personalFileAccessible: true },
    '6.8': { entries: [] },
    '6.9': { restrictions: [] },
    '6.10': { documentType: 'id_card', number: '12345678', validUntil: '2030-01-01' },
    '6.11': { description: '' },
    ...overrides,
  };
  const items: DossierItems = {};
  for (const id of Object.keys(facts) as DossierItemId[]) items[id] = { receivedOn: '2026-09-02', facts: facts[id], documents: [doc] };
  return items;
}

describe('V-77 p. 3.1: work or study (item 6.4)', () => {
  it('V-77 p. 3.1, 6.4: the complete dossier of a convict who will work has no finding and nothing missing', () => {
    expect(dossierFindings(complete(), context)).toEqual([]);
    expect(missingFromDossier(complete(), context)).toEqual([]);
  });

  it.each<[WorkKind]>([['halfway_house_work'], ['other_work'], ['study']])('V-77 p. 3.1: %s meets the condition', (kind) => {
    expect(dossierFindings(complete({ '6.4': { kind, organisation: 'X' } }), context)).toEqual([]);
  });

  it('V-77 p. 3.1, 6.4: neither work nor study is a blocking finding citing p. 3.1 and 6.4, in Lithuanian and English', () => {
    const findings = dossierFindings(complete({ '6.4': { kind: 'none', organisation: '' } }), context);
    expect(findings).toEqual([
      {
        item: '6.4',
        code: 'no_work_or_study',
        severity: 'blocking',
        point: '3.1',
        lt: 'Nuteistasis nesutinka dirbti pasiūlyto darbo, neįsipareigoja savarankiškai susirasti darbo ir nestudijuoja nuolatinėse studijose: perkelti į pusiaukelės namus negalima (V-77 3.1, 6.4 p.).',
        en: 'The convict neither agrees to the work offered, nor undertakes to find work, nor studies full-time: a transfer to the halfway house is not possible (V-77 p. 3.1, 6.4).',
      },
    ]);
  });

  it('V-77 p. 3.1, 8: the dossier is then not complete, as with an identity document expiring before the transfer (p. 3.2)', () => {
    const noWork = missingFromDossier(complete({ '6.4': { kind: 'none', organisation: '' } }), context);
    expect(noWork.map((m) => [m.item, m.reason, m.toRequest])).toEqual([['6.4', 'no_work_or_study', true]]);
    const idLapses = missingFromDossier(complete({ '6.10': { documentType: 'passport', number: 'P1', validUntil: '2026-10-30' } }), context);
    expect(idLapses.map((m) => [m.item, m.reason, m.toRequest])).toEqual([['6.10', 'id_expires_before_transfer', true]]);
    // Both conditions of p. 3 unmet: both are named, in the order of the items.
    const both = missingFromDossier(complete({ '6.4': { kind: 'none', organisation: '' }, '6.10': { documentType: 'passport', number: 'P1', validUntil: '2026-10-30' } }), context);
    expect(both.map((m) => m.reason)).toEqual(['no_work_or_study', 'id_expires_before_transfer']);
  });

  it('V-77 p. 3.1: the request for missing documents names the 6.4 item with the reason', () => {
    const text = missingDocumentsText(missingFromDossier(complete({ '6.4': { kind: 'none', organisation: '' } }), context), { name: 'Jonas Jonaitis', personalFileNo: 'A-1' }, 'lt');
    expect(text.split('\n')[1]).toMatch(/^6\.4\. Sutikimas dirbti .* – Nuteistasis nesutinka dirbti .*\(V-77 3\.1, 6\.4 p\.\)\.$/);
  });

  it('V-77 p. 3.1: without 6.4 facts there is no finding (the item is still waiting or its facts are missing)', () => {
    const items = complete();
    delete items['6.4'];
    expect(dossierFindings(items, context)).toEqual([]);
    expect(missingFromDossier(items, context).map((m) => [m.item, m.reason])).toEqual([['6.4', 'not_received']]);
  });
});
