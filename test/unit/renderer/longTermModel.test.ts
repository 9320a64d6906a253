import { describe, expect, it } from 'vitest';
import type { DocumentItem, SignatureRecord } from '../../../shared/contract/documentSchemas';
import { offersLongTerm, versionsOf } from '../../../renderer/documents/documentsModel';

/**
 * Issue 18: a document's versions as the table lists them (issued, one per signature, then one per
 * long-term extension, ETSI EN 319 142-1 §5.4) and when "Užtikrinti ilgalaikį galiojimą" is offered.
 */

const signature = (role: SignatureRecord['role'], at: string): SignatureRecord => ({
  role,
  signerName: role === 'chair' ? 'Rasa Vaitkienė' : 'Inga Kairienė',
  certificate: { subject: 'CN=x', issuer: 'CN=CA', serialNumber: '01', notAfter: '2028-01-01T00:00:00.000Z' },
  by: { userId: 'u', name: 'u' },
  at,
  method: 'pkcs12',
  timestamp: at,
});

const minutes: Pick<DocumentItem, 'createdAt' | 'signatures' | 'extensions' | 'replacedBy' | 'annulledBy' | 'awaiting' | 'level'> = {
  createdAt: '2026-11-23T08:00:00.000Z',
  signatures: [signature('chair', '2026-11-23T09:00:00.000Z'), signature('secretary', '2026-11-23T10:00:00.000Z')],
  extensions: [],
  awaiting: [],
  level: 'B-T',
};

describe('long-term versions and the offer (issue 18)', () => {
  it('the extension is a version of its own after the signatures', () => {
    const extended = { ...minutes, level: 'B-LTA' as const, extensions: [{ version: 4, level: 'B-LTA' as const, at: '2026-11-23T10:00:05.000Z', timestamp: '2026-11-23T10:00:04.000Z' }] };
    expect(versionsOf(extended).map((v) => [v.version, v.signature?.role ?? v.extension?.level ?? 'issued'])).toEqual([
      [1, 'issued'],
      [2, 'chair'],
      [3, 'secretary'],
      [4, 'B-LTA'],
    ]);
    expect(versionsOf({ ...minutes, extensions: undefined }).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('offered on a document in force, signed by every line, not yet B-LTA', () => {
    expect(offersLongTerm(minutes)).toBe(true);
    expect(offersLongTerm({ ...minutes, level: 'B-B' })).toBe(true);
    expect(offersLongTerm({ ...minutes, level: 'B-LTA' })).toBe(false);
    expect(offersLongTerm({ ...minutes, awaiting: ['secretary'] })).toBe(false);
    expect(offersLongTerm({ ...minutes, level: undefined })).toBe(false);
    expect(offersLongTerm({ ...minutes, replacedBy: 'other' })).toBe(false);
    expect(offersLongTerm({ ...minutes, annulledBy: 'appeal-1' })).toBe(false);
  });
});
