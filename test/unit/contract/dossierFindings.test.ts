// The dossier's findings and what is missing travel in every case view (cases.get and the steps),
// and the dispatcher validates the output: each finding the domain can make must pass the contract,
// or the case would not open at all. V-77 p. 3.1 (6.4) and 3.2 (6.10), 6.3, 6.6, 6.8.
import { describe, expect, it } from 'vitest';
import { finding, missingEntry } from '../../../shared/contract/dossierSchemas';
import { dossierFindings, missingFromDossier, type DossierContext, type DossierItems } from '../../../shared/domain/dossier';

const context: DossierContext = { requestDate: '2026-09-01', possibleTransferDate: '2026-11-02', possibleParoleDate: '2027-05-03', sentenceEnd: '2028-01-10', today: '2026-09-20' };
const doc = { id: 'd', versions: [{ sha256: 'a'.repeat(64), name: 'x.pdf', kind: 'pdf' as const, size: 10, addedAt: 't', addedBy: 'u' }] };

/** Items whose facts make every finding the domain knows. */
const items: DossierItems = {
  '6.3': { receivedOn: '2026-09-02', documents: [doc], facts: { requestDate: '2026-09-01', halfwayHouse: 'PN', consent: false } },
  '6.4': { receivedOn: '2026-09-02', documents: [doc], facts: { kind: 'none', organisation: '' } },
  '6.6': { receivedOn: '2026-09-02', documents: [doc], facts: { convictions: [], sentenceStart: '2022-01-01', sentenceEnd: '2028-01-11', possibleTransferDate: '2026-11-02', possibleParoleDate: '2027-05-03' } },
  '6.8': { receivedOn: '2026-09-02', documents: [doc], facts: { entries: [{ kind: 'violation', date: '2026-05-01', description: 'x', penaltyUntil: '2026-12-01' }] } },
  '6.10': { receivedOn: '2026-09-02', documents: [doc], facts: { documentType: 'passport', number: 'P', validUntil: '2026-10-01' } },
};

describe('the dossier findings pass the case view contract', () => {
  it('V-77 p. 3.1, 3.2, 6.3, 6.6, 6.8: every finding code, and every reason of what is missing', () => {
    const found = dossierFindings(items, context);
    expect(found.map((f) => f.code).sort()).toEqual(['active_penalty', 'consent_missing', 'differs_from_request', 'id_expires_before_transfer', 'no_work_or_study']);
    const expired = dossierFindings({ '6.10': { ...items['6.10']!, facts: { documentType: 'passport', number: 'P', validUntil: '2026-09-01' } } }, context);
    for (const f of [...found, ...expired]) expect(finding.safeParse(f).success, f.code).toBe(true);
    for (const m of missingFromDossier(items, context)) expect(missingEntry.safeParse(m).success, m.reason).toBe(true);
  });
});
