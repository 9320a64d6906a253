import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { renderPdf } from '../../electron/services/documents/pdf/pdfWriter';
import { signPdf } from '../../electron/services/signing/pdfSignature';
import { openPkcs12 } from '../../electron/services/signing/pkcs12';
import { buildDocument } from '../../shared/domain/documents/templates';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { P12_PASSWORD, testPki } from '../helpers/pki';
import { as, openAsStaff, signedIn } from '../helpers/users';
import { makeCrl } from '../helpers/verificationPki';
import { caseHere, institution } from '../unit/domain/documents/fixtures';

/**
 * Issue 12, "Revocation" and "Bad input": the administrator imports CRL files offline; a list that is
 * malformed, expired or not signed by its issuer is refused with the reason and changes nothing; the
 * documents.verify report then uses the lists and the policy.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
const TODAY = '2026-12-04';
const opened: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function adminWithTrust() {
  const services = await openAsStaff({ dataDir: tempDataDir(), today: TODAY, verifyOnOpen: false });
  opened.push(services);
  const caPem = readFileSync(testPki().ca.certPath, 'utf8');
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, signing: { pkcs11Module: '', timestampUrl: '', trustedRoots: caPem } });
  return services;
}

async function signedOrder(): Promise<Uint8Array> {
  const pki = testPki();
  const model = buildDocument({ kind: 'order', sources: { institution, case: caseHere, proposal: { date: '2026-11-20', number: 'DKS-1' }, minutes: { date: '2026-11-20', number: 'DK-1' } } }, 'V-1', '2026-11-23');
  const pdf = await renderPdf(model, { createdAt: new Date(), id: 'revocation', producer: 'Pusiaukelė' }, FONTS);
  const signer = openPkcs12(pki.rsa.p12, P12_PASSWORD);
  try {
    return await signPdf(pdf.bytes, { signer, slot: pdf.slots[0]!, signerName: 'Ąžuolas Žėkas', position: 'Direktorius', at: new Date(), fontsDir: FONTS });
  } finally {
    await signer.close();
  }
}

describe('revocation lists in the settings (issue 12)', () => {
  it('bad lists are refused with the reason and change nothing', async () => {
    const services = await adminWithTrust();
    const admin = services.dispatch;
    const before = await ok(admin, 'trust.revocation', {});
    expect(before).toEqual({ required: false, lists: [] });
    const cases: [Uint8Array, string][] = [
      [new TextEncoder().encode('ne sąrašas'), 'CRL_UNREADABLE'],
      [makeCrl({ issuer: 'ca', lastUpdate: new Date('2024-01-01T00:00:00Z'), nextUpdate: new Date('2024-02-01T00:00:00Z') }), 'CRL_EXPIRED'],
      [makeCrl({ issuer: 'otherCa' }), 'CRL_SIGNATURE_INVALID'],
    ];
    for (const [bytes, code] of cases) {
      const error = await refused(admin, 'trust.importCrl', { name: 'sąrašas.crl', bytes });
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(20);
    }
    expect(await ok(admin, 'trust.revocation', {})).toEqual(before);
  });

  it('an imported list and the policy change what documents.verify says; only administrators manage them', async () => {
    const services = await adminWithTrust();
    const admin = services.dispatch;
    const pdf = await signedOrder();
    const reader = as(services, await signedIn(services, services.session, 'archyvare', ['archivist']));
    const verdict = async () => (await ok(reader, 'documents.verify', { name: 'V-1.pdf', bytes: pdf })).signatures.map((s) => [s.indication, s.subIndication, s.revocation.status]);

    expect(await verdict()).toEqual([['TOTAL_PASSED', null, 'notChecked']]);
    await ok(admin, 'trust.setRevocationPolicy', { required: true });
    expect(await verdict()).toEqual([['INDETERMINATE', 'TRY_LATER', 'notChecked']]);

    const good = await ok(admin, 'trust.importCrl', { name: 'ca.crl', bytes: makeCrl({ issuer: 'ca' }) });
    expect(good.lists).toEqual([expect.objectContaining({ issuer: 'CN=Pusiaukelės bandomoji CA, O=Pusiaukelė, C=LT', revokedCount: 0, stale: false })]);
    expect(await verdict()).toEqual([['TOTAL_PASSED', null, 'good']]);

    // A newer list from the same CA, naming the certificate, replaces the older one.
    const revoked = await ok(admin, 'trust.importCrl', { name: 'ca-2.crl', bytes: makeCrl({ issuer: 'ca', revoked: [{ certPath: testPki().rsa.certPath, at: new Date(Date.now() - 60_000) }] }) });
    expect(revoked.lists.map((l) => l.revokedCount)).toEqual([1]);
    expect(await verdict()).toEqual([['INDETERMINATE', 'REVOKED_NO_POE', 'revoked']]);

    expect((await refused(reader, 'trust.importCrl', { name: 'x.crl', bytes: makeCrl({ issuer: 'ca' }) })).code).toBe('FORBIDDEN');
    await ok(admin, 'trust.removeCrl', { id: revoked.lists[0]!.id });
    expect(await verdict()).toEqual([['INDETERMINATE', 'TRY_LATER', 'notChecked']]);
  });
});
