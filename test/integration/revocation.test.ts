import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { testPki } from '../helpers/pki';
import { as, openAsStaff, signedIn } from '../helpers/users';
import { makeCrl, signedOrder } from '../helpers/verificationPki';

/**
 * Issue 12, "Revocation" and "Bad input": the administrator imports CRL files offline; a list that is
 * malformed, expired or not signed by its issuer is refused with the reason and changes nothing; the
 * documents.verify report then uses the lists and the policy.
 */

const TODAY = '2026-12-04';
const opened: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function adminWithTrust() {
  const services = await openAsStaff({ dataDir: tempDataDir(), today: TODAY, verifyOnOpen: false });
  opened.push(services);
  const caPem = readFileSync(testPki().ca.certPath, 'utf8');
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0, signing: { pkcs11Module: '', timestampUrl: '', trustedRoots: caPem } });
  return services;
}

describe('revocation lists in the settings (issue 12)', () => {
  it('issue 18: a newer list replaces the same CA\'s list for the same distribution point only; another point\'s list stays', async () => {
    const admin = (await adminWithTrust()).dispatch;
    const now = Date.now();
    const forPoint = (point: string, minutesAgo: number) =>
      makeCrl({
        issuer: 'ca',
        lastUpdate: new Date(now - minutesAgo * 60_000),
        nextUpdate: new Date(now + 7 * 86400_000),
        extensions: `issuingDistributionPoint = critical, @idp\n[idp]\nfullname = URI:http://ca.example/${point}.crl`,
      });
    await ok(admin, 'trust.importCrl', { name: 'a-old.crl', bytes: forPoint('a', 30) });
    await ok(admin, 'trust.importCrl', { name: 'b.crl', bytes: forPoint('b', 20) });
    const view = await ok(admin, 'trust.importCrl', { name: 'a-new.crl', bytes: forPoint('a', 10) });
    expect(view.lists.map((l) => l.name).sort()).toEqual(['a-new.crl', 'b.crl']);
  });

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
