import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { Services } from '../../electron/services/index';
import { signPdf } from '../../electron/services/signing/pdfSignature';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { testPki } from '../helpers/pki';
import { storeFiles } from '../helpers/storeFiles';
import { startTsa } from '../helpers/tsa';
import {
  bytesOf,
  qualifiedCa,
  qualifiedCaCrl,
  nestedNamespaces,
  qualifiedSigner,
  signTrustedList,
  STATUS,
  testOperator,
  trustedListXml,
  type ListSpec,
  type QcOptions,
  type ServiceSpec,
} from '../helpers/trustedLists';
import { as, openAsStaff, signedIn } from '../helpers/users';
import { fileSigner, renderedOrder, signedOrder } from '../helpers/verificationPki';

/**
 * Issue 18, "Trust from the trusted lists", "Bad input" and "Proof": the administrator imports an
 * ETSI TS 119 612 list signed by its operator; its granted CA/QC services become trust anchors, and
 * a signature by a qualified certificate under one is reported as a QES by documents.verify (eIDAS
 * art. 25(2), as DSS qualifies a signature: EN 319 412-5 QC statements, TS 119 612 §5.5.9.2
 * qualifiers, the service's status at the signing time). Every refusal leaves the stored lists as
 * they were, to the byte.
 */

const TODAY = '2026-12-05';
const day = 86400_000;
const opened: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const operator = testOperator();
const qualifiedService = (extra: Partial<ServiceSpec> = {}): ServiceSpec => ({ name: 'Bandomoji kvalifikuotų sertifikatų tarnyba', certificate: qualifiedCa().certificate, ...extra });
const signedList = (spec: ListSpec = {}) => bytesOf(signTrustedList(trustedListXml({ services: [qualifiedService()], ...spec }), operator));
const operatorPem = () => new Uint8Array(readFileSync(operator.certPath));

async function admin(options: { now?: () => Date; dataDir?: string; roots?: string } = {}) {
  const dataDir = options.dataDir ?? tempDataDir();
  const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false, ...(options.now ? { now: options.now } : {}) });
  opened.push(services);
  if (options.roots !== undefined) {
    await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0, signing: { pkcs11Module: '', timestampUrl: '', trustedRoots: options.roots } });
  }
  return { services, dataDir };
}

async function signedBy(name: string, qc: QcOptions = {}, timestampUrl?: string): Promise<Uint8Array> {
  return signedOrder({ signer: fileSigner(qualifiedSigner(name, qc)), ...(timestampUrl ? { timestampUrl } : {}) });
}

/** An order signed by a qualified signer whose software wrote `claimed` as the signing time (/M). */
async function signedClaiming(name: string, claimed: Date): Promise<Uint8Array> {
  const { bytes, slot } = await renderedOrder();
  const signer = fileSigner(qualifiedSigner(name));
  try {
    return await signPdf(bytes, { signer, slot, signerName: name, position: 'Direktorius', at: claimed, fontsDir: join(process.cwd(), 'build', 'fonts') });
  } finally {
    await signer.close();
  }
}

async function verdict(services: Services, pdf: Uint8Array) {
  const [s] = (await ok(services.dispatch, 'documents.verify', { name: 'V-1.pdf', bytes: pdf })).signatures;
  return { indication: s!.indication, trusted: s!.trusted, qualification: s!.qualification };
}

describe('trusted lists as trust anchors, and QES (issue 18)', () => {
  it('an imported list shows its facts, makes its granted CA a trust anchor, and a qualified certificate on a QSCD under it signs a QES', async () => {
    const { services } = await admin();
    const pdf = await signedBy('Rūta Kvalifikuotienė');
    expect(await verdict(services, pdf)).toMatchObject({ indication: 'INDETERMINATE', trusted: false, qualification: { kind: 'NOT_DETERMINED', reasons: ['notPassed'] } });

    const view = await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT-TSL.xml', bytes: signedList(), operator: operatorPem() });
    expect(view.lists).toEqual([
      expect.objectContaining({
        name: 'LT-TSL.xml',
        territory: 'LT',
        operator: 'Ryšių reguliavimo tarnyba',
        sequenceNumber: 42,
        expired: false,
        readable: true,
        services: [{ name: 'Bandomoji kvalifikuotų sertifikatų tarnyba', provider: 'Bandomasis kvalifikuotas paslaugų teikėjas' }],
      }),
    ]);
    expect(new Date(view.lists[0]!.nextUpdate).getTime()).toBeGreaterThan(Date.now());

    expect(await verdict(services, pdf)).toEqual({
      indication: 'TOTAL_PASSED',
      trusted: true,
      // No trusted timestamp: the service's status is taken at the time of the check, and the report says so.
      qualification: { kind: 'QES', reasons: ['signingTimeNotProven'], service: 'Bandomoji kvalifikuotų sertifikatų tarnyba', list: 'LT #42' },
    });
    const [entry] = await ok(services.dispatch, 'audit.list', { limit: 1 });
    expect(entry).toMatchObject({ method: 'trust.importTrustedList', summary: 'Importuotas patikimų sąrašas (LT Nr. 42)' });

    // The granted CA vouches for its revocation list as a pasted root would (issue 12's CRL import).
    const crls = await ok(services.dispatch, 'trust.importCrl', { name: 'qca.crl', bytes: qualifiedCaCrl() });
    expect(crls.lists).toEqual([expect.objectContaining({ issuer: 'CN=Bandomasis kvalifikuotų sertifikatų centras, O=Bandomasis QTSP, C=LT' })]);
    const [checked] = (await ok(services.dispatch, 'documents.verify', { name: 'V-1.pdf', bytes: pdf })).signatures;
    expect(checked).toMatchObject({ indication: 'TOTAL_PASSED', revocation: { status: 'good' } });
  });

  it('with a trusted timestamp the signing time is proven; without QcSSCD it is ADES_QC, a seal certificate is not a signature, a certificate without QcCompliance is ADES', async () => {
    const tsa = await startTsa();
    try {
      // The timestamp authority chains to the test PKI's root, pasted as before.
      const { services } = await admin({ roots: readFileSync(testPki().ca.certPath, 'utf8') });
      await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT-TSL.xml', bytes: signedList(), operator: operatorPem() });
      expect((await verdict(services, await signedBy('Jonas Laikažymis', {}, tsa.url))).qualification).toEqual({ kind: 'QES', reasons: [], service: 'Bandomoji kvalifikuotų sertifikatų tarnyba', list: 'LT #42' });
      expect((await verdict(services, await signedBy('Be Įrenginio', { qscd: false }))).qualification).toMatchObject({ kind: 'ADES_QC', reasons: ['noQscd', 'signingTimeNotProven'] });
      // The service issues for e-signatures only (AdditionalServiceInformation ForeSignatures): a seal's certificate is not qualified under it.
      expect((await verdict(services, await signedBy('Įstaigos Spaudas', { type: 'eseal' }))).qualification).toMatchObject({ kind: 'ADES', reasons: ['qcTypeSeal', 'signingTimeNotProven'] });
      expect((await verdict(services, await signedBy('Nekvalifikuotas', { compliance: false }))).qualification).toMatchObject({ kind: 'ADES', reasons: ['noQcCompliance', 'signingTimeNotProven'] });
      // A signer of the pasted root only: trusted, but under no qualified service.
      expect((await verdict(services, await signedOrder())).qualification).toMatchObject({ kind: 'ADES', reasons: ['notUnderQualifiedService'] });
    } finally {
      await tsa.close();
    }
  });

  it("the list's qualifiers and service information override the certificate (TS 119 612 §5.5.9.2, §5.5.9.4): QCWithQSCD makes a QES, QCNoQSCD an ADES_QC, NotQualified an ADES; a criterion it cannot evaluate decides nothing", async () => {
    const pdf = await signedBy('Rūta Kvalifikuotienė', { qscd: false });
    const noQscd = await signedBy('Petras Įrenginys');
    const seal = await signedBy('Įstaigos Spaudas', { type: 'eseal' });
    const cases: [Partial<ServiceSpec>, Uint8Array, string, string[]][] = [
      [{ qualifications: [{ qualifiers: ['QCWithQSCD'] }] }, pdf, 'QES', ['signingTimeNotProven']],
      [{ qualifications: [{ qualifiers: ['QCNoQSCD'] }] }, noQscd, 'ADES_QC', ['noQscd', 'signingTimeNotProven']],
      [{ qualifications: [{ qualifiers: ['NotQualified'] }] }, noQscd, 'ADES', ['notQualifiedByList', 'signingTimeNotProven']],
      // The criteria do not match (the policy is not the certificate's): the qualifier does not apply.
      [{ qualifications: [{ qualifiers: ['NotQualified'], criteria: '<ecc:CriteriaList assert="all"><ecc:PolicySet><ecc:PolicyIdentifier><xades:Identifier>1.2.3.4</xades:Identifier></ecc:PolicyIdentifier></ecc:PolicySet></ecc:CriteriaList>' }] }, noQscd, 'QES', ['signingTimeNotProven']],
      [{ qualifications: [{ qualifiers: ['QCWithQSCD'], criteria: '<ecc:CriteriaList assert="all"><ecc:otherCriteriaList><ecc:Unheard/></ecc:otherCriteriaList></ecc:CriteriaList>' }] }, pdf, 'NOT_DETERMINED', ['qualifierNotEvaluated', 'signingTimeNotProven']],
      // QCForESig makes the seal's certificate one for signatures (the list settles the type).
      [{ qualifications: [{ qualifiers: ['QCForESig'] }] }, seal, 'QES', ['signingTimeNotProven']],
      // Under a service that issues for seals too, a qualified seal is at most an advanced signature with a qualified certificate.
      [{ additional: ['ForeSignatures', 'ForeSeals'] }, seal, 'ADES_QC', ['qcTypeSeal', 'signingTimeNotProven']],
      [{ additional: ['ForeSeals'] }, pdf, 'ADES', ['serviceNotForSignatures', 'signingTimeNotProven']],
    ];
    let sequenceNumber = 1;
    const { services } = await admin();
    for (const [service, signed, kind, reasons] of cases) {
      await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: signedList({ sequenceNumber: sequenceNumber++, services: [qualifiedService(service)] }), operator: operatorPem() });
      expect((await verdict(services, signed)).qualification, JSON.stringify(service)).toMatchObject({ kind, reasons });
    }
  });

  it('the signing time the signer\'s software writes (/M) proves nothing: without a trusted timestamp the service is judged at the check, so a backdated /M cannot pick an earlier, better status (ETSI EN 319 142-1: /M is the signer\'s claim; EN 319 102-1 best signature time)', async () => {
    const { services } = await admin();
    // Until yesterday the service's certificates were qualified on a QSCD; since then the list says they are not qualified.
    const list = signedList({
      services: [
        qualifiedService({
          from: new Date(Date.now() - day),
          qualifications: [{ qualifiers: ['NotQualified'] }],
          history: [{ status: STATUS.granted, from: new Date('2016-07-01T00:00:00Z'), qualifications: [{ qualifiers: ['QCWithQSCD'] }] }],
        }),
      ],
    });
    await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: list, operator: operatorPem() });
    const backdated = await signedClaiming('Atgalinė Data', new Date(Date.now() - 2 * day));
    expect(await verdict(services, backdated)).toMatchObject({ indication: 'TOTAL_PASSED', qualification: { kind: 'ADES', reasons: ['notQualifiedByList', 'signingTimeNotProven'] } });
  });

  it('the certificate must have been qualified when it was issued too (eIDAS art. 32(1)(a)–(b), as DSS checks at notBefore): issued while the service was withdrawn it makes no QES; issued before the list knows the service, the kind is not determined', async () => {
    // The signer's certificate is valid from an hour ago.
    const pdf = await signedBy('Išduota Atšaukus');
    const { services } = await admin();
    const withdrawnWhenIssued = signedList({
      services: [
        qualifiedService({
          from: new Date(Date.now() - 1800_000),
          history: [
            { status: STATUS.withdrawn, from: new Date(Date.now() - 2 * day) },
            { status: STATUS.granted, from: new Date('2016-07-01T00:00:00Z') },
          ],
        }),
      ],
    });
    await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: withdrawnWhenIssued, operator: operatorPem() });
    expect(await verdict(services, pdf)).toMatchObject({ indication: 'TOTAL_PASSED', qualification: { kind: 'ADES', reasons: ['notQualifiedAtIssuance', 'signingTimeNotProven'] } });

    const unknownWhenIssued = signedList({ sequenceNumber: 43, services: [qualifiedService({ from: new Date(Date.now() - 1800_000) })] });
    await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: unknownWhenIssued, operator: operatorPem() });
    expect((await verdict(services, pdf)).qualification).toMatchObject({ kind: 'NOT_DETERMINED', reasons: ['serviceUnknownAtIssuance', 'signingTimeNotProven'] });
  });

  it('a status from before eIDAS (accredited, under supervision) counts as granted only if it started before 2016-07-01; "set by national law" never does (TS 119 612 §5.5.4, as DSS reads them)', async () => {
    const pdf = await signedBy('Rūta Kvalifikuotienė');
    const status = (name: string) => `http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/${name}`;
    const cases: [Partial<ServiceSpec>, string, string[]][] = [
      [{ status: status('accredited'), from: new Date('2010-01-01T00:00:00Z') }, 'QES', ['signingTimeNotProven']],
      [{ status: status('accredited'), from: new Date('2020-01-01T00:00:00Z') }, 'ADES', ['serviceNotGranted', 'signingTimeNotProven']],
      [{ status: status('undersupervision'), from: new Date('2016-07-01T00:00:00Z') }, 'ADES', ['serviceNotGranted', 'signingTimeNotProven']],
      [{ status: status('setbynationallaw'), from: new Date('2020-01-01T00:00:00Z') }, 'ADES', ['serviceNotGranted', 'signingTimeNotProven']],
    ];
    // The CA is pasted as a root too, so that the signature passes whatever the list says of it.
    const { services } = await admin({ roots: readFileSync(qualifiedCa().certPath, 'utf8') });
    let sequenceNumber = 1;
    for (const [service, kind, reasons] of cases) {
      await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: signedList({ sequenceNumber: sequenceNumber++, services: [qualifiedService(service)] }), operator: operatorPem() });
      expect(await verdict(services, pdf), JSON.stringify(service)).toMatchObject({ indication: 'TOTAL_PASSED', qualification: { kind, reasons } });
    }
  });

  it("a legal person's certificate seals, it does not sign (QCForLegalPerson); a qualifier or a critical extension the app does not know leaves the kind not determined, never silently passed over (TS 119 612 §5.5.9, §5.5.9.2.3)", async () => {
    const qscd = await signedBy('Rūta Kvalifikuotienė');
    const noQscd = await signedBy('Petras Be Įrenginio', { qscd: false });
    const unheard = (critical: boolean) => `<tsl:Extension Critical="${critical}"><x:Unheard xmlns:x="urn:example:future"/></tsl:Extension>`;
    const otherPolicy = '<ecc:CriteriaList assert="all"><ecc:PolicySet><ecc:PolicyIdentifier><xades:Identifier>1.2.3.4</xades:Identifier></ecc:PolicyIdentifier></ecc:PolicySet></ecc:CriteriaList>';
    const cases: [Partial<ServiceSpec>, Uint8Array, string, string[]][] = [
      // The service issues for e-signatures only: a legal person's certificate is not qualified under it.
      [{ qualifications: [{ qualifiers: ['QCForLegalPerson'] }] }, qscd, 'ADES', ['qcForLegalPerson', 'signingTimeNotProven']],
      [{ qualifications: [{ qualifiers: ['QCForLegalPerson'] }], additional: ['ForeSignatures', 'ForeSeals'] }, qscd, 'ADES_QC', ['qcForLegalPerson', 'signingTimeNotProven']],
      [{ qualifications: [{ qualifiers: ['QCForLegalPerson', 'QCForESig'] }] }, qscd, 'NOT_DETERMINED', ['qualifiersConflict', 'signingTimeNotProven']],
      [{ qualifications: [{ qualifiers: ['QCForFuturePurposes'] }] }, qscd, 'NOT_DETERMINED', ['qualifierUnknown', 'signingTimeNotProven']],
      // An unknown qualifier whose criteria the certificate does not meet does not apply to it.
      [{ qualifications: [{ qualifiers: ['QCForFuturePurposes'], criteria: otherPolicy }] }, qscd, 'QES', ['signingTimeNotProven']],
      // "QSCD status as in the certificate": the certificate's QcSSCD decides.
      [{ qualifications: [{ qualifiers: ['QCQSCDStatusAsInCert'] }] }, qscd, 'QES', ['signingTimeNotProven']],
      [{ qualifications: [{ qualifiers: ['QCQSCDStatusAsInCert'] }] }, noQscd, 'ADES_QC', ['noQscd', 'signingTimeNotProven']],
      [{ extensions: [unheard(true)] }, qscd, 'NOT_DETERMINED', ['criticalExtensionUnknown', 'signingTimeNotProven']],
      [{ extensions: [unheard(false)] }, qscd, 'QES', ['signingTimeNotProven']],
    ];
    const { services } = await admin();
    let sequenceNumber = 1;
    for (const [service, signed, kind, reasons] of cases) {
      await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: signedList({ sequenceNumber: sequenceNumber++, services: [qualifiedService(service)] }), operator: operatorPem() });
      expect(await verdict(services, signed), JSON.stringify(service)).toMatchObject({ indication: 'TOTAL_PASSED', qualification: { kind, reasons } });
    }
  });

  it("a list that is not an EU or EEA state's (TSLType, territory) makes its granted services trust anchors but no signature a QES (eIDAS art. 22)", async () => {
    const pdf = await signedBy('Rūta Kvalifikuotienė');
    const { services } = await admin();
    const cases: [ListSpec, string][] = [
      [{ type: 'http://uri.etsi.org/TrstSvc/TrustedList/TSLType/CClist' }, 'LT #42'],
      [{ territory: 'CH' }, 'CH #42'],
    ];
    for (const [spec, label] of cases) {
      const view = await ok(services.dispatch, 'trust.importTrustedList', { name: 'TSL.xml', bytes: signedList(spec), operator: operatorPem() });
      expect(await verdict(services, pdf), label).toMatchObject({ indication: 'TOTAL_PASSED', trusted: true, qualification: { kind: 'NOT_DETERMINED', reasons: ['listNotEu'], list: label } });
      await ok(services.dispatch, 'trust.removeTrustedList', { id: view.lists[0]!.id });
    }
  });

  it("a withdrawn service qualifies nothing signed after its withdrawal; its status history still names it; a list past its next update proves nothing", async () => {
    const withdrawnAt = new Date(Date.now() - day);
    const { services } = await admin({ roots: readFileSync(qualifiedCa().certPath, 'utf8') });
    const withdrawn = signedList({ services: [qualifiedService({ status: STATUS.withdrawn, from: withdrawnAt, history: [{ status: STATUS.granted, from: new Date('2016-07-01T00:00:00Z') }] })] });
    const view = await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: withdrawn, operator: operatorPem() });
    expect(view.lists[0]!.services).toEqual([]);
    const pdf = await signedBy('Rūta Kvalifikuotienė');
    expect(await verdict(services, pdf)).toMatchObject({ indication: 'TOTAL_PASSED', qualification: { kind: 'ADES', reasons: ['serviceNotGranted', 'signingTimeNotProven'], service: 'Bandomoji kvalifikuotų sertifikatų tarnyba', list: 'LT #42' } });

    // A service whose history starts after the signing time: its status then is unknown.
    const late = signedList({ sequenceNumber: 43, services: [qualifiedService({ from: new Date(Date.now() + day) })] });
    await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: late, operator: operatorPem() });
    expect((await verdict(services, pdf)).qualification).toMatchObject({ kind: 'NOT_DETERMINED', reasons: ['serviceUnknownAtTime', 'signingTimeNotProven'] });

    // The clock moved past the list's next update: the settings say so, and no signature is qualified by it.
    let clock = new Date();
    const dataDir = tempDataDir();
    const fresh = await admin({ dataDir, now: () => clock });
    await ok(fresh.services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: signedList({ nextUpdate: new Date(Date.now() + 30 * day) }), operator: operatorPem() });
    await fresh.services.close();
    opened.splice(opened.indexOf(fresh.services), 1);
    clock = new Date(Date.now() + 31 * day);
    const later = await admin({ dataDir, now: () => clock });
    expect((await ok(later.services.dispatch, 'trust.trustedLists', {})).lists[0]).toMatchObject({ expired: true, readable: true });
    expect((await verdict(later.services, pdf)).qualification).toMatchObject({ kind: 'NOT_DETERMINED', reasons: ['listExpired'], list: 'LT #42' });
  });

  it('each bad list is refused with its reason and leaves the stored lists unchanged to the byte; an older or equal sequence number is refused; only administrators manage the lists', async () => {
    const { services, dataDir } = await admin();
    await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: signedList(), operator: operatorPem() });
    const file = join(dataDir, 'trustedLists.json');
    const before = readFileSync(file);
    const view = await ok(services.dispatch, 'trust.trustedLists', {});

    const genuine = signTrustedList(trustedListXml({ sequenceNumber: 50, services: [qualifiedService()] }), operator);
    const provider = /<tsl:TrustServiceProvider>[\s\S]*<\/tsl:TrustServiceProvider>/.exec(genuine)![0];
    const bad: [string, Uint8Array, string][] = [
      ['malformed', bytesOf('<tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#">'), 'TRUSTED_LIST_MALFORMED'],
      ['unsigned', bytesOf(trustedListXml({ sequenceNumber: 50, services: [qualifiedService()] })), 'TRUSTED_LIST_UNSIGNED'],
      ['signed by another key', bytesOf(signTrustedList(trustedListXml({ sequenceNumber: 50 }), testOperator('Kitas tvarkytojas'))), 'TRUSTED_LIST_SIGNED_BY_OTHER'],
      ['tampered content', bytesOf(genuine.replace('Bandomoji kvalifikuotų', 'Pakeista kvalifikuotų')), 'TRUSTED_LIST_SIGNATURE_INVALID'],
      ['wrapped: a provider added', bytesOf(genuine.replace('</tsl:TrustServiceProviderList>', `${provider.replace(Buffer.from(qualifiedCa().certificate).toString('base64'), Buffer.from(testPki().otherCa.certificate).toString('base64'))}</tsl:TrustServiceProviderList>`)), 'TRUSTED_LIST_SIGNATURE_INVALID'],
      ['signature over a part', bytesOf(signTrustedList(trustedListXml({ sequenceNumber: 50 }), operator, { reference: { xpath: "//*[local-name(.)='SchemeInformation']" } })), 'TRUSTED_LIST_SIGNATURE_SCOPE'],
      ['past its next update', signedList({ sequenceNumber: 50, issued: new Date(Date.now() - 200 * day), nextUpdate: new Date(Date.now() - day) }), 'TRUSTED_LIST_EXPIRED'],
      ['an older list', signedList({ sequenceNumber: 41 }), 'TRUSTED_LIST_NOT_NEWER'],
      ['the same list again', signedList({ sequenceNumber: 42 }), 'TRUSTED_LIST_NOT_NEWER'],
      ["issued before its operator's certificate was valid", signedList({ sequenceNumber: 50, issued: new Date(Date.now() - 3 * 365 * day) }), 'TRUSTED_LIST_OPERATOR_NOT_VALID'],
      ['nested 32,000 levels deep, a namespace declared on each', nestedNamespaces(32_000), 'TRUSTED_LIST_TOO_COMPLEX'],
    ];
    for (const [what, bytes, code] of bad) {
      const error = await refused(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes, operator: operatorPem() });
      expect(error.code, what).toBe(code);
      expect(error.message, what).toContain('Nustatymai nepakeisti.');
      expect(readFileSync(file).equals(before), what).toBe(true);
    }
    expect((await refused(services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: signedList({ sequenceNumber: 50 }), operator: bytesOf('ne sertifikatas') })).code).toBe('TRUSTED_LIST_OPERATOR_UNREADABLE');
    expect(await ok(services.dispatch, 'trust.trustedLists', {})).toEqual(view);

    const reader = as(services, await signedIn(services, services.session, 'archyvare', ['archivist']));
    expect((await refused(reader, 'trust.importTrustedList', { name: 'LT.xml', bytes: signedList({ sequenceNumber: 50 }), operator: operatorPem() })).code).toBe('FORBIDDEN');
    expect((await refused(reader, 'trust.trustedLists', {})).code).toBe('FORBIDDEN');

    // A newer list of the territory replaces the older one; removing it takes its anchors away.
    const newer = await ok(services.dispatch, 'trust.importTrustedList', { name: 'LT-43.xml', bytes: signedList({ sequenceNumber: 43 }), operator: operatorPem() });
    expect(newer.lists.map((l) => [l.territory, l.sequenceNumber, l.name])).toEqual([['LT', 43, 'LT-43.xml']]);
    const pdf = await signedBy('Rūta Kvalifikuotienė');
    expect((await verdict(services, pdf)).indication).toBe('TOTAL_PASSED');
    expect((await ok(services.dispatch, 'trust.removeTrustedList', { id: newer.lists[0]!.id })).lists).toEqual([]);
    expect(await verdict(services, pdf)).toMatchObject({ indication: 'INDETERMINATE', qualification: { kind: 'NOT_DETERMINED', reasons: ['notPassed'] } });
    expect((await refused(services.dispatch, 'trust.removeTrustedList', { id: newer.lists[0]!.id })).code).toBe('TRUSTED_LIST_NOT_FOUND');
  });

  it('a stored list that no longer reads with its operator certificate is shown unreadable and anchors nothing, and can be removed', async () => {
    const dataDir = tempDataDir();
    const first = await admin({ dataDir });
    await ok(first.services.dispatch, 'trust.importTrustedList', { name: 'LT.xml', bytes: signedList(), operator: operatorPem() });
    await first.services.close();
    opened.splice(opened.indexOf(first.services), 1);
    const files = await storeFiles(dataDir);
    const record = files.read('trustedLists.json') as { lists: { operatorCertificate: string }[] };
    record.lists[0]!.operatorCertificate = Buffer.from(testOperator('Kitas tvarkytojas').certificate).toString('base64');
    files.write(['trustedLists.json'], record);

    const { services } = await admin({ dataDir });
    const [list] = (await ok(services.dispatch, 'trust.trustedLists', {})).lists;
    expect(list).toMatchObject({ territory: 'LT', sequenceNumber: 42, readable: false, services: [] });
    expect((await verdict(services, await signedBy('Rūta Kvalifikuotienė'))).trusted).toBe(false);
    expect((await ok(services.dispatch, 'trust.removeTrustedList', { id: list!.id })).lists).toEqual([]);
  });
});
