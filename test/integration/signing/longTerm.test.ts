import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfLt } from '../../../electron/services/pdf/pdfLtCheck';
import { FIXED } from '../../../electron/services/pdf/pdfWriter';
import { ParsedName, ParsedRef, readObject, readRevision, ref, reserialize, serialize, type ParsedDict, type PdfValue } from '../../../electron/services/pdf/pdfSyntax';
import { DSS_LIMITS, readDss } from '../../../electron/services/signing/pdfDss';
import { appendDss, extendToLongTerm, type LongTermOptions } from '../../../electron/services/signing/pdfLtv';
import { verifyPdf, type VerifyOptions } from '../../../electron/services/signing/pdfVerify';
import { parseCrl, type ParsedCrlWithSigner } from '../../../electron/services/signing/revocation';
import { DomainError } from '../../../shared/domain/errors';
import { mutoolVerify, nssDatabase, pdfsig, preflightPartTwo, qpdfCheck } from '../../helpers/pdfTools';
import { testPki, type TestIdentity, type TestPki } from '../../helpers/pki';
import { appendUpdate } from '../../helpers/popplerSigner';
import { startTsa, unreachableUrl, type TestTsa } from '../../helpers/tsa';
import { fileSigner, forgedCrl, issueCertificate, makeCrl, renderedOrder, signedOrder, startClockTsa, withDocumentTimestamp } from '../../helpers/verificationPki';

/**
 * Issue 18, "Long-term signatures": a signed document extended to PAdES B-LT (the document security
 * store with the chains and the revocation lists, ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3)
 * and B-LTA (a document timestamp over it, §5.4.3) in incremental updates that keep every signature
 * valid; the verifier uses that material after the certificates expired (EN 319 102-1 §5.6.2, proof
 * of existence newest first) and reports each signature's level (EN 319 142-1 §6). Real certificates
 * from the test CA, real RFC 3161 authorities (openssl ts, clocks set with libfaketime), real pdfsig,
 * mutool and qpdf.
 */

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

let pki: TestPki;
let tsa: TestTsa;
const trust = (extra: VerifyOptions = {}): VerifyOptions => ({ trusted: [pki.ca.certificate], ...extra });
/** A list the administrator imported: checked against the test CA (as trust.importCrl does). */
const imported = (der: Uint8Array): ParsedCrlWithSigner => ({ crl: parseCrl(der), issuerCertificate: pki.ca.certificate });
/** The test CA's list current at `when` (issued a day before it). */
const currentAt = (when: Date) => makeCrl({ issuer: 'ca', lastUpdate: at(when, -DAY), nextUpdate: at(when, 6 * DAY) });
const verdicts = (bytes: Uint8Array, options: VerifyOptions) => verifyPdf(bytes, options).signatures.map((s) => [s.type, s.indication, s.subIndication, s.level]);
/** What poppler's pdfsig says of each signature, with the test CA trusted in its NSS database. */
const popplerSays = (bytes: Uint8Array) => pdfsig(bytes, nssDatabase(readFileSync(pki.ca.certPath, 'utf8'))).out;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const e = await work.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

beforeAll(async () => {
  pki = testPki();
  tsa = await startTsa();
});

afterAll(() => tsa.close());

describe('issue 18 proof: B-LTA verifies after the signer’s certificate expired', () => {
  const T0 = new Date();
  let signer: TestIdentity;
  let signatureTsa: TestIdentity;
  let signed: Buffer;
  let crl: Uint8Array;
  let extended: Buffer;

  beforeAll(async () => {
    // The signer's certificate is valid for twelve days around T0; the authority that timestamps the
    // signature for fifteen: both have expired a month later.
    signer = issueCertificate({ subject: '/C=LT/CN=Ąžuolas Žėkas', issuer: 'ca', profile: 'signer', from: at(T0, -10 * DAY), until: at(T0, 2 * DAY) });
    signatureTsa = issueCertificate({ subject: '/C=LT/CN=Trumpalaikė laiko žymų tarnyba', issuer: 'ca', profile: 'tsa', from: at(T0, -10 * DAY), until: at(T0, 5 * DAY) });
    const clock = await startClockTsa(signatureTsa, pki.ca.certPath, T0);
    try {
      signed = await signedOrder({ signer: fileSigner(signer, [pki.ca.certificate]), timestampUrl: clock.url });
    } finally {
      await clock.close();
    }
    // The CA's list issued after the signing time: it shows the certificates were not revoked then.
    crl = makeCrl({ issuer: 'ca', lastUpdate: at(T0, 5 * 60_000), nextUpdate: at(T0, 7 * DAY) });
    const archive = await startClockTsa(pki.tsa, pki.ca.certPath, at(T0, HOUR));
    try {
      extended = await extendToLongTerm(signed, { trusted: [pki.ca.certificate], crls: [imported(crl)], timestampUrl: archive.url, now: at(T0, HOUR) });
    } finally {
      await archive.close();
    }
  }, 60_000);

  it('TOTAL_PASSED, level B-LTA, at T0 + 30 days with the embedded revocation data, and for the archive timestamp’s authority the list current then (ETSI EN 319 102-1 §5.6.2, EN 319 142-1 §6)', () => {
    const later = trust({ now: at(T0, 30 * DAY), revocationRequired: true, crls: [imported(currentAt(at(T0, 30 * DAY)))] });
    const check = verifyPdf(extended, later);
    expect(check.indication).toBe('TOTAL_PASSED');
    expect(check.signatures.map((s) => [s.type, s.indication, s.level])).toEqual([
      ['signature', 'TOTAL_PASSED', 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null],
    ]);
    const [signature] = check.signatures;
    // Judged at the time the signature's timestamp proves; its authority is believed because the archive timestamp came before it expired.
    expect(signature!.cms.timestamp).toMatchObject({ intact: true, trusted: true });
    expect(Math.abs(Date.parse(signature!.cms.timestamp!.time) - T0.getTime())).toBeLessThan(5000);
    expect(signature!.cms.certificateValid).toBe('valid');
    expect(signature!.revocation).toMatchObject({ status: 'good', checkedAt: at(T0, 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, '.000Z') });
    expect(signature!.changes.map((c) => c.kind).sort()).toEqual(['documentTimestamp', 'dss']);
    // The store's list, issued before the archive timestamp, proves nothing of its authority then:
    // without a list current at the check, the policy's revocation data is missing for it (ADR 0012).
    expect(verdicts(extended, trust({ now: at(T0, 30 * DAY), revocationRequired: true }))).toEqual([
      ['signature', 'INDETERMINATE', 'GENERIC', 'B-LTA'],
      ['documentTimestamp', 'INDETERMINATE', 'TRY_LATER', null],
    ]);
  });

  it('the same document without the extension is INDETERMINATE / OUT_OF_BOUNDS_NO_POE then: the expired authority’s timestamp proves nothing', () => {
    const later = trust({ now: at(T0, 30 * DAY), crls: [imported(crl)] });
    expect(verdicts(signed, later)).toEqual([['signature', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', 'B-B']]);
    const [s] = verifyPdf(signed, later).signatures;
    expect(s!.cms.timestamp).toMatchObject({ intact: true, trusted: false });
    // Before the authority expired the same file was B-T and passed.
    expect(verdicts(signed, trust({ now: at(T0, HOUR) }))).toEqual([['signature', 'TOTAL_PASSED', null, 'B-T']]);
  });

  it('the store holds the chains (signer, signature timestamp authority, CA) and the list; the catalog keeps every entry it had', () => {
    const store = readDss(extended);
    const keys = (ders: readonly Uint8Array[]) => ders.map(sha).sort();
    expect(keys(store.certificates)).toEqual(keys([signer.certificate, signatureTsa.certificate, pki.ca.certificate]));
    expect(keys(store.crls)).toEqual(keys([crl]));
    const catalogOf = (bytes: Buffer) => readObject(bytes, readRevision(bytes), FIXED.catalog) as ParsedDict;
    const before = catalogOf(signed);
    const after = catalogOf(extended);
    expect([...after.keys()].sort()).toEqual([...before.keys(), 'DSS'].sort());
    for (const key of before.keys()) if (key !== 'AcroForm') expect(serialize(reserialize(after.get(key)!)), key).toBe(serialize(reserialize(before.get(key)!)));
    // The document timestamp: an invisible field of the form (ISO 32000-2 §12.8.5, EN 319 142-1 §5.4.3).
    const form = after.get('AcroForm') as ParsedDict;
    expect(form.get('SigFlags')).toBe(3);
    const rev = readRevision(extended);
    const widget = readObject(extended, rev, ((form.get('Fields') as ParsedRef[]).at(-1) as ParsedRef).num) as ParsedDict;
    expect(widget.get('Rect')).toEqual([0, 0, 0, 0]);
    const value = readObject(extended, rev, (widget.get('V') as ParsedRef).num) as ParsedDict;
    expect(['Type', 'Filter', 'SubFilter'].map((k) => (value.get(k) as ParsedName).value)).toEqual(['DocTimeStamp', 'Adobe.PPKLite', 'ETSI.RFC3161']);
    // The signed bytes are kept: the extension only appends.
    expect(extended.subarray(0, signed.length).equals(signed)).toBe(true);
  });

  it('pdfsig still reports the signature valid and leaves the document timestamp unverified, as it does any RFC 3161 one; mutool and qpdf pass', () => {
    const out = popplerSays(extended);
    expect([...out.matchAll(/Signature Validation: (.*)/g)].map((m) => m[1]!.trim())).toEqual(['Signature is Valid.', 'Signature has not yet been verified.']);
    expect(out).toContain('Signer Certificate Common Name: Bandomoji laiko žymų tarnyba');
    expect(out).toContain('Unable to validate this type of signature');
    expect(pdfsig(signed, nssDatabase(readFileSync(pki.ca.certPath, 'utf8'))).out).toContain('Signature is Valid.');
    const mutool = mutoolVerify(extended).out;
    expect(mutool).toContain('The signature is valid but there have been edits since signing.');
    expect(qpdfCheck(extended).out).toMatch(/No syntax or stream encoding errors/);
  });

  it('stays PDF-LT-V1.0 level A and PDF/A-2b (part-1 preflight copy): the store and the document timestamp are the PAdES-LTV parts PDF-LT allows', () => {
    expect(checkPdfLt(extended)).toMatchObject({ level: 'A', claimed: true, unmet: [] });
    expect(preflightPartTwo(extended).out).toContain('is a valid PDF/A-1b file');
  });

  it('renewed after the signer’s certificate expired, with only a list issued since: a second document timestamp, still TOTAL_PASSED (EN 319 142-1 §5.4.3)', async () => {
    // The list imported then was issued after the signer's certificate expired: it proves nothing of
    // it, and is not needed — the store has what the first extension put there.
    const fresh = makeCrl({ issuer: 'ca', lastUpdate: at(T0, 20 * DAY), nextUpdate: at(T0, 27 * DAY) });
    const renewal = await startClockTsa(pki.tsa, pki.ca.certPath, at(T0, 20 * DAY));
    let renewed: Buffer;
    try {
      renewed = await extendToLongTerm(extended, { trusted: [pki.ca.certificate], crls: [imported(fresh)], timestampUrl: renewal.url, now: at(T0, 20 * DAY) });
    } finally {
      await renewal.close();
    }
    expect(verdicts(renewed, trust({ now: at(T0, 30 * DAY), revocationRequired: true, crls: [imported(currentAt(at(T0, 30 * DAY)))] }))).toEqual([
      ['signature', 'TOTAL_PASSED', null, 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
    // The first document timestamp's authority got its list before the second one was added.
    expect(readDss(renewed).crls.map(sha).sort()).toEqual([crl, fresh].map(sha).sort());
  });

  it('an archive timestamp that claims a time before the signature’s own timestamp is not believed as proof, and is itself INDETERMINATE / TIMESTAMP_ORDER_FAILURE (EN 319 102-1 §5.6.2.4): the signature INDETERMINATE / OUT_OF_BOUNDS_NO_POE then', () => {
    const archiveTsa = issueCertificate({ subject: '/C=LT/CN=Archyvo laiko žymų tarnyba', issuer: 'ca', profile: 'tsa', from: at(T0, -10 * DAY), until: at(T0, 400 * DAY) });
    const stored = appendDss(signed, { certificates: [signer.certificate, signatureTsa.certificate, pki.ca.certificate], crls: [crl] });
    const later = trust({ now: at(T0, 30 * DAY) });
    // In order: the archive timestamp an hour after the signature's proves it in time.
    expect(verdicts(withDocumentTimestamp(stored, archiveTsa, pki.ca.certPath, at(T0, HOUR)), later)).toEqual([
      ['signature', 'TOTAL_PASSED', null, 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
    // Two hours before the signature timestamp it covers: a time that cannot be true proves nothing.
    expect(verdicts(withDocumentTimestamp(stored, archiveTsa, pki.ca.certPath, at(T0, -2 * HOUR)), later)).toEqual([
      ['signature', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', 'B-B'],
      ['documentTimestamp', 'INDETERMINATE', 'TIMESTAMP_ORDER_FAILURE', null],
    ]);
  });

  it('an archive timestamp made after the signature timestamp’s authority expired proves nothing for it: INDETERMINATE / OUT_OF_BOUNDS_NO_POE', () => {
    const stored = appendDss(signed, { certificates: [signer.certificate, signatureTsa.certificate, pki.ca.certificate], crls: [crl] });
    const tooLate = withDocumentTimestamp(stored, pki.tsa, pki.ca.certPath, at(T0, 6 * DAY));
    expect(verdicts(tooLate, trust({ now: at(T0, 30 * DAY) }))).toEqual([
      ['signature', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', 'B-B'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
  });
});

describe('a list issued before the signing time proves nothing of it for the long term (ETSI EN 319 102-1 §5.6.2.1)', () => {
  // The signer's CA is the other test CA; the timestamp authorities' is the test CA.
  const T1 = new Date();
  let signer: TestIdentity;
  let signatureTsa: TestIdentity;
  let signed: Buffer;
  /** A store another tool made with the lists current at the signing but issued an hour before it, under an archive timestamp an hour after. */
  let early: Buffer;
  const byOther = (der: Uint8Array): ParsedCrlWithSigner => ({ crl: parseCrl(der), issuerCertificate: pki.otherCa.certificate });
  const trustBoth = (extra: VerifyOptions = {}): VerifyOptions => ({ trusted: [pki.ca.certificate, pki.otherCa.certificate], ...extra });
  const earlyLists = () => [makeCrl({ issuer: 'otherCa', lastUpdate: at(T1, -HOUR), nextUpdate: at(T1, 7 * DAY) }), makeCrl({ issuer: 'ca', lastUpdate: at(T1, -HOUR), nextUpdate: at(T1, 7 * DAY) })];

  beforeAll(async () => {
    signer = issueCertificate({ subject: '/C=LT/CN=Ąžuolas Žėkas', issuer: 'otherCa', profile: 'signer', from: at(T1, -10 * DAY), until: at(T1, 2 * DAY) });
    signatureTsa = issueCertificate({ subject: '/C=LT/CN=Trumpalaikė laiko žymų tarnyba', issuer: 'ca', profile: 'tsa', from: at(T1, -10 * DAY), until: at(T1, 5 * DAY) });
    const clock = await startClockTsa(signatureTsa, pki.ca.certPath, T1);
    try {
      signed = await signedOrder({ signer: fileSigner(signer, [pki.otherCa.certificate]), timestampUrl: clock.url });
    } finally {
      await clock.close();
    }
    const store = appendDss(signed, { certificates: [signer.certificate, signatureTsa.certificate, pki.ca.certificate, pki.otherCa.certificate], crls: earlyLists() });
    early = withDocumentTimestamp(store, pki.tsa, pki.ca.certPath, at(T1, HOUR));
  }, 60_000);

  it('the extension right after the signing, with only the lists issued before it, is refused (they are current, but will prove nothing once they are not)', async () => {
    const [other, ca] = earlyLists();
    const e = await refusal(extendToLongTerm(signed, { trusted: [pki.ca.certificate, pki.otherCa.certificate], crls: [byOther(other!), imported(ca!)], timestampUrl: tsa.url, now: at(T1, HOUR) }));
    expect([e.code, e.params]).toEqual(['LONG_TERM_NO_REVOCATION_DATA', { certificate: 'Ąžuolas Žėkas', issuer: 'Kita bandomoji CA', reason: 'issuedBeforeSigning' }]);
  });

  it('such a store under an archive timestamp is not B-LT: a month later the signer’s status at the signing is unknown (INDETERMINATE / TRY_LATER)', () => {
    const later = trustBoth({ now: at(T1, 30 * DAY), revocationRequired: true, crls: [imported(currentAt(at(T1, 30 * DAY)))] });
    const check = verifyPdf(early, later);
    expect(check.signatures.map((s) => [s.type, s.indication, s.subIndication, s.level])).toEqual([
      ['signature', 'INDETERMINATE', 'TRY_LATER', 'B-T'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
    expect(check.signatures[0]!.revocation.status).toBe('notChecked');
  });

  it('renewed with lists issued after the signing, the extension adds them for the signature too (it is not taken as covered): B-LTA, TOTAL_PASSED a month later', async () => {
    const lists = [makeCrl({ issuer: 'otherCa', lastUpdate: at(T1, 3 * HOUR), nextUpdate: at(T1, 10 * DAY) }), makeCrl({ issuer: 'ca', lastUpdate: at(T1, 3 * HOUR), nextUpdate: at(T1, 10 * DAY) })];
    const renewal = await startClockTsa(pki.tsa, pki.ca.certPath, at(T1, 4 * HOUR));
    let renewed: Buffer;
    try {
      renewed = await extendToLongTerm(early, { trusted: [pki.ca.certificate, pki.otherCa.certificate], crls: [byOther(lists[0]!), imported(lists[1]!)], timestampUrl: renewal.url, now: at(T1, 4 * HOUR) });
    } finally {
      await renewal.close();
    }
    expect(readDss(renewed).crls.map(sha)).toEqual(expect.arrayContaining(lists.map(sha)));
    const later = trustBoth({ now: at(T1, 30 * DAY), revocationRequired: true, crls: [imported(currentAt(at(T1, 30 * DAY)))] });
    expect(verdicts(renewed, later)).toEqual([
      ['signature', 'TOTAL_PASSED', null, 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
  });
});

describe('the level of each signature (ETSI EN 319 142-1 §6)', () => {
  let plain: Buffer;
  let timestamped: Buffer;
  let crl: Uint8Array;

  beforeAll(async () => {
    plain = await signedOrder();
    timestamped = await signedOrder({ timestampUrl: tsa.url });
    crl = makeCrl({ issuer: 'ca' });
  });

  it('B-B without a timestamp, B-T with one, B-LT with the store, B-LTA with a document timestamp over it', async () => {
    expect(verdicts(plain, trust())).toEqual([['signature', 'TOTAL_PASSED', null, 'B-B']]);
    expect(verdicts(timestamped, trust())).toEqual([['signature', 'TOTAL_PASSED', null, 'B-T']]);
    const material = { certificates: [pki.rsa.certificate, pki.ca.certificate, pki.tsa.certificate], crls: [crl] };
    const lt = appendDss(timestamped, material);
    expect(verdicts(lt, trust())).toEqual([['signature', 'TOTAL_PASSED', null, 'B-LT']]);
    const lta = await extendToLongTerm(timestamped, { trusted: [pki.ca.certificate], crls: [imported(crl)], timestampUrl: tsa.url, now: new Date() });
    expect(verdicts(lta, trust())).toEqual([
      ['signature', 'TOTAL_PASSED', null, 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
    // A store without a list for the certificates, or without the authority's certificate, is not B-LT.
    expect(verdicts(appendDss(timestamped, { ...material, crls: [] }), trust())).toEqual([['signature', 'TOTAL_PASSED', null, 'B-T']]);
    expect(verdicts(appendDss(timestamped, { ...material, certificates: [pki.rsa.certificate, pki.ca.certificate] }), trust())).toEqual([['signature', 'TOTAL_PASSED', null, 'B-T']]);
    // Not intact: no level.
    const broken = Buffer.from(lta);
    broken[100] = (broken[100] as number) ^ 1;
    expect(verifyPdf(broken, trust()).signatures.map((s) => s.level)).toEqual([null, null]);
  });

  it('a signature without a timestamp of its own has no time a list could follow: the extension is refused; a document timestamp gives it one, and a list issued after that makes it B-LTA (EN 319 142-1 §6.3, EN 319 102-1 §5.6.2.1)', async () => {
    const refused = await refusal(extendToLongTerm(plain, { trusted: [pki.ca.certificate], crls: [imported(crl)], timestampUrl: tsa.url, now: new Date() }));
    expect([refused.code, refused.params]).toEqual(['LONG_TERM_NO_REVOCATION_DATA', { certificate: 'Ąžuolas Žėkas', issuer: 'Pusiaukelės bandomoji CA', reason: 'noSigningTime' }]);
    // Another tool's document timestamp first: the signature is B-T by it.
    const stamped = withDocumentTimestamp(plain, pki.tsa, pki.ca.certPath, new Date());
    expect(verdicts(stamped, trust())).toEqual([
      ['signature', 'TOTAL_PASSED', null, 'B-T'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
    const later = makeCrl({ issuer: 'ca', lastUpdate: at(new Date(), 60_000) });
    const lta = await extendToLongTerm(stamped, { trusted: [pki.ca.certificate], crls: [imported(later)], timestampUrl: tsa.url, now: new Date() });
    expect(verdicts(lta, trust())).toEqual([
      ['signature', 'TOTAL_PASSED', null, 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
  });

  it('a B-LTA document renewed (EN 319 142-1 §5.4.3) needs a list issued after its archive timestamp for that timestamp’s authority; with one, every signature and both timestamps stay valid', async () => {
    const now = new Date();
    /** An extension with the archive timestamp's clock at `when`. */
    const extendAt = async (pdf: Buffer, when: Date, lists: Uint8Array[]) => {
      const clock = await startClockTsa(pki.tsa, pki.ca.certPath, when);
      try {
        return await extendToLongTerm(pdf, { trusted: [pki.ca.certificate], crls: lists.map(imported), timestampUrl: clock.url, now: when });
      } finally {
        await clock.close();
      }
    };
    const once = await extendAt(timestamped, at(now, HOUR), [crl]);
    const again = await refusal(extendAt(once, at(now, 3 * HOUR), [crl]));
    expect([again.code, again.params]).toEqual(['LONG_TERM_NO_REVOCATION_DATA', { certificate: 'Bandomoji laiko žymų tarnyba', issuer: 'Pusiaukelės bandomoji CA', reason: 'issuedBeforeSigning' }]);
    const twice = await extendAt(once, at(now, 3 * HOUR), [makeCrl({ issuer: 'ca', lastUpdate: at(now, 2 * HOUR) })]);
    expect(verdicts(twice, trust({ now: at(now, 4 * HOUR) }))).toEqual([
      ['signature', 'TOTAL_PASSED', null, 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
    expect(qpdfCheck(twice).out).toMatch(/No syntax or stream encoding errors/);
  });

  it('after a cross-reference stream, the extension writes cross-reference streams (ISO 32000-1 §7.5.8.4)', async () => {
    const rev = readRevision(timestamped);
    const catalog = serialize(reserialize(readObject(timestamped, rev, FIXED.catalog)));
    const streamed = appendUpdate(timestamped, { [FIXED.catalog]: catalog }, { xrefStream: true });
    const lta = await extendToLongTerm(streamed, { trusted: [pki.ca.certificate], crls: [imported(crl)], timestampUrl: tsa.url, now: new Date() });
    expect(readRevision(lta).xrefStream).toBe(true);
    // The store's revision, before the document timestamp's.
    const storeEnd = lta.lastIndexOf('%%EOF', lta.lastIndexOf('/Type /DocTimeStamp', undefined, 'latin1'), 'latin1') + '%%EOF\n'.length;
    expect(readDss(lta, storeEnd).crls).toHaveLength(1);
    expect(readRevision(lta.subarray(0, storeEnd)).xrefStream).toBe(true);
    expect(verdicts(lta, trust())).toEqual([
      ['signature', 'TOTAL_PASSED', null, 'B-LTA'],
      ['documentTimestamp', 'TOTAL_PASSED', null, null],
    ]);
    expect(qpdfCheck(lta).out).toMatch(/No syntax or stream encoding errors/);
  });
});

describe('what a document’s store cannot do (issue 12’s attacks, issue 18)', () => {
  let signed: Buffer;

  beforeAll(async () => {
    signed = await signedOrder({ timestampUrl: tsa.url });
  });

  it('a forged list in the store (the CA’s name, another key) proves nothing: no revocation data, not B-LT; a genuine one does', () => {
    const certificates = [pki.rsa.certificate, pki.ca.certificate, pki.tsa.certificate];
    const forged = forgedCrl({ lastUpdate: new Date(), nextUpdate: at(new Date(), 7 * DAY) });
    const withForged = appendDss(signed, { certificates, crls: [forged] });
    const [s] = verifyPdf(withForged, trust({ revocationRequired: true })).signatures;
    expect([s!.indication, s!.subIndication, s!.revocation.status, s!.level]).toEqual(['INDETERMINATE', 'TRY_LATER', 'notChecked', 'B-T']);
    const withGenuine = appendDss(signed, { certificates, crls: [makeCrl({ issuer: 'ca' })] });
    expect(verdicts(withGenuine, trust({ revocationRequired: true }))).toEqual([['signature', 'TOTAL_PASSED', null, 'B-LT']]);
  });

  it('a forged clean list cannot hide a genuine list that revokes the signer: FAILED / REVOKED', () => {
    const revoked = makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: at(new Date(), -HOUR) }], lastUpdate: at(new Date(), -HOUR) });
    const forged = forgedCrl({ lastUpdate: new Date(), nextUpdate: at(new Date(), 7 * DAY) });
    // A signature whose timestamp proves it was made after the revocation. (Not B-LT: the genuine
    // list, issued before the timestamp, proves nothing of the timestamp authority then.)
    const stored = appendDss(signed, { certificates: [pki.rsa.certificate, pki.ca.certificate, pki.tsa.certificate], crls: [revoked, forged] });
    expect(verdicts(stored, trust())).toEqual([['signature', 'FAILED', 'REVOKED', 'B-T']]);
  });

  it('an unsigned later revision that rewrites the store cannot take away a list that revokes the signer: still FAILED / REVOKED', () => {
    const revoked = makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: at(new Date(), -HOUR) }], lastUpdate: at(new Date(), -HOUR) });
    const certificates = [pki.rsa.certificate, pki.ca.certificate, pki.tsa.certificate];
    const stored = appendDss(signed, { certificates, crls: [revoked] });
    expect(verdicts(stored, trust())).toEqual([['signature', 'FAILED', 'REVOKED', 'B-T']]);
    // The next revision's store holds the certificates only (a store change, harmless to the signature by itself).
    const rev = readRevision(stored);
    const size = rev.trailer.get('Size') as number;
    const catalog = reserialize(readObject(stored, rev, FIXED.catalog)) as Record<string, PdfValue>;
    const cert = Buffer.from(pki.ca.certificate).toString('latin1');
    const rewritten = appendUpdate(stored, {
      [FIXED.catalog]: serialize({ ...catalog, DSS: ref(size) }),
      [size]: `<</Certs [${size + 1} 0 R]>>`,
      [size + 1]: `<</Length ${cert.length}>>\nstream\n${cert}\nendstream`,
    });
    expect(readDss(rewritten).crls).toEqual([]);
    const check = verifyPdf(rewritten, trust());
    expect(check.signatures.map((s) => [s.indication, s.subIndication, s.after])).toEqual([['FAILED', 'REVOKED', 'signedLater']]);
    expect(check.signatures[0]!.revocation.status).toBe('revoked');
  });

  it('a store added after the signature in an update that also changes the page: still FAILED / FORMAT_FAILURE', () => {
    const rev = readRevision(signed);
    const size = rev.trailer.get('Size') as number;
    const catalog = reserialize(readObject(signed, rev, FIXED.catalog)) as Record<string, PdfValue>;
    const page = readObject(signed, rev, FIXED.firstPage) as ParsedDict;
    const contents = page.get('Contents') as ParsedRef;
    const cert = Buffer.from(pki.ca.certificate).toString('latin1');
    const painted = 'BT /F1 12 Tf 72 720 Td (Pakeista tvarka) Tj ET';
    const forged = appendUpdate(signed, {
      [FIXED.catalog]: serialize({ ...catalog, DSS: ref(size) }),
      [size]: `<</Certs [${size + 1} 0 R]>>`,
      [size + 1]: `<</Length ${cert.length}>>\nstream\n${cert}\nendstream`,
      [contents.num]: `<</Length ${painted.length}>>\nstream\n${painted}\nendstream`,
    });
    const check = verifyPdf(forged, trust());
    expect(check.signatures.map((s) => [s.indication, s.subIndication])).toEqual([['FAILED', 'FORMAT_FAILURE']]);
    expect(check.signatures[0]!.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['dss', 'undefined']));
    expect(check.changedOtherwise).toBe(true);
  });
});

describe('a hostile store is read within bounds (issue 18, "Bad input")', () => {
  let signed: Buffer;

  beforeAll(async () => {
    signed = await signedOrder({ timestampUrl: tsa.url });
  });

  /** `signed` with a store whose /Certs and /CRLs name the objects given. */
  const withStore = (certs: string, crls: string, objects: Record<number, string>) => {
    const rev = readRevision(signed);
    const size = rev.trailer.get('Size') as number;
    const catalog = reserialize(readObject(signed, rev, FIXED.catalog)) as Record<string, PdfValue>;
    return appendUpdate(signed, { [FIXED.catalog]: serialize({ ...catalog, DSS: ref(size) }), [size]: `<</Certs [${certs}] /CRLs [${crls}]>>`, ...objects });
  };

  it('more certificates than the bound is refused with DSS_TOO_LARGE, not read', () => {
    const size = readRevision(signed).trailer.get('Size') as number;
    const cert = Buffer.from(pki.ca.certificate).toString('latin1');
    const pdf = withStore(Array.from({ length: 1001 }, () => `${size + 1} 0 R`).join(' '), '', { [size + 1]: `<</Length ${cert.length}>>\nstream\n${cert}\nendstream` });
    const e = (() => {
      try {
        verifyPdf(pdf, trust());
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(DomainError);
    expect([(e as DomainError).code, (e as DomainError).params]).toEqual(['DSS_TOO_LARGE', { limit: 1000, counted: 'certificates' }]);
  });

  it('"%%EOF" in a later unsigned revision (a comment, a stream’s bytes) is no revision: the check still reads the earlier store’s list that revokes the signer, FAILED / REVOKED, no DSS_TOO_LARGE', () => {
    const revoked = makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: at(new Date(), -HOUR) }], lastUpdate: at(new Date(), -HOUR) });
    const stored = appendDss(signed, { certificates: [pki.rsa.certificate, pki.ca.certificate, pki.tsa.certificate], crls: [revoked] });
    const rev = readRevision(stored);
    const size = rev.trailer.get('Size') as number;
    const catalog = reserialize(readObject(stored, rev, FIXED.catalog)) as Record<string, PdfValue>;
    const flood = '%%EOF\n'.repeat(DSS_LIMITS.revisions + 100);
    const rewritten = appendUpdate(stored, {
      [FIXED.catalog]: serialize({ ...catalog, DSS: ref(size) }),
      [size]: `<</CRLs [${size + 1} 0 R]>>`,
      [size + 1]: `<</Length ${flood.length}>>\nstream\n${flood}\nendstream`,
    });
    const started = performance.now();
    const check = verifyPdf(rewritten, trust());
    expect(performance.now() - started).toBeLessThan(2000);
    expect(check.signatures.map((s) => [s.indication, s.subIndication, s.revocation.status])).toEqual([['FAILED', 'REVOKED', 'revoked']]);
  });

  it('a first cross-reference section of nearly a million entries under forty small updates is read once for the earlier stores, not once per update (ISO 32000-1 §7.5.6, §7.5.8)', () => {
    // The reviewer's construction: each earlier revision is read with every older section.
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
    const length = () => parts.reduce((n, p) => n + p.length, 0);
    const offsets = [0, length()];
    parts.push(Buffer.from('1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n', 'latin1'));
    offsets.push(length());
    parts.push(Buffer.from('2 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\n', 'latin1'));
    const row = (type: number, offset: number) => Buffer.from([type, (offset >>> 24) & 0xff, (offset >>> 16) & 0xff, (offset >>> 8) & 0xff, offset & 0xff, 0]);
    const entries = 999_000;
    let previous = length();
    const table = Buffer.alloc(entries * 6);
    row(1, offsets[1]!).copy(table, 6);
    row(1, offsets[2]!).copy(table, 12);
    row(1, previous).copy(table, 18);
    const data = deflateSync(table);
    parts.push(Buffer.from(`3 0 obj\n<</Type /XRef /Size ${entries} /W [1 4 1] /Root 1 0 R /Filter /FlateDecode /Length ${data.length}>>\nstream\n`, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${previous}\n%%EOF\n`, 'latin1'));
    for (let k = 0; k < 40; k++) {
      const at = length();
      const own = row(1, at);
      parts.push(Buffer.from(`${entries + k} 0 obj\n<</Type /XRef /Size ${entries + k + 1} /Index [${entries + k} 1] /W [1 4 1] /Root 1 0 R /Prev ${previous} /Length ${own.length}>>\nstream\n`, 'latin1'), own, Buffer.from(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
      previous = at;
    }
    const pdf = Buffer.concat(parts);
    expect(readRevision(pdf).trailer.get('Size')).toBe(entries + 40);
    const started = performance.now();
    expect(verifyPdf(pdf, trust()).signatures).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a list that inflates past its bound is left out: the signature is checked without it', () => {
    const size = readRevision(signed).trailer.get('Size') as number;
    const bomb = deflateSync(Buffer.alloc(30 * 1024 * 1024)).toString('latin1');
    const pdf = withStore('', `${size + 1} 0 R`, { [size + 1]: `<</Filter /FlateDecode /Length ${bomb.length}>>\nstream\n${bomb}\nendstream` });
    expect(verdicts(pdf, trust({ revocationRequired: true }))).toEqual([['signature', 'INDETERMINATE', 'TRY_LATER', 'B-T']]);
  });
});

describe('the extension refuses, and writes nothing, when it cannot be made', () => {
  let signed: Buffer;
  let options: LongTermOptions;

  beforeAll(async () => {
    signed = await signedOrder({ timestampUrl: tsa.url });
    options = { trusted: [pki.ca.certificate], crls: [imported(makeCrl({ issuer: 'ca' }))], timestampUrl: tsa.url, now: new Date() };
  });

  it('no timestamp service; no signature; a signature that does not verify now', async () => {
    const before = sha(signed);
    expect((await refusal(extendToLongTerm(signed, { ...options, timestampUrl: '' }))).code).toBe('LONG_TERM_NO_TIMESTAMP_SERVICE');
    expect((await refusal(extendToLongTerm((await renderedOrder()).bytes, options))).code).toBe('LONG_TERM_NO_SIGNATURE');
    const untrusted = await refusal(extendToLongTerm(signed, { ...options, trusted: [pki.otherCa.certificate] }));
    expect([untrusted.code, untrusted.params]).toEqual(['LONG_TERM_SIGNATURE_INVALID', { signer: 'Ąžuolas Žėkas', indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }]);
    expect(sha(signed)).toBe(before);
  });

  it('a certificate no imported list covers is named: none for its CA, or one issued before the signing (EN 319 102-1 §5.6.2.1)', async () => {
    const none = await refusal(extendToLongTerm(signed, { ...options, crls: [] }));
    expect([none.code, none.params]).toEqual(['LONG_TERM_NO_REVOCATION_DATA', { certificate: 'Ąžuolas Žėkas', issuer: 'Pusiaukelės bandomoji CA', reason: 'noList' }]);
    expect(none.message).toContain('Ąžuolas Žėkas');
    const old = imported(makeCrl({ issuer: 'ca', lastUpdate: at(new Date(), -3 * DAY), nextUpdate: at(new Date(), -DAY) }));
    const stale = await refusal(extendToLongTerm(signed, { ...options, crls: [old] }));
    expect([stale.code, stale.params]).toEqual(['LONG_TERM_NO_REVOCATION_DATA', { certificate: 'Ąžuolas Žėkas', issuer: 'Pusiaukelės bandomoji CA', reason: 'issuedBeforeSigning' }]);
    expect(stale.message).toContain('išleistas anksčiau, nei įrodytas parašo laikas');
  });

  it('the timestamp service failing: LONG_TERM_TIMESTAMP_FAILED with the reason', async () => {
    const url = await unreachableUrl();
    const e = await refusal(extendToLongTerm(signed, { ...options, timestampUrl: url }));
    expect([e.code, e.params]).toEqual(['LONG_TERM_TIMESTAMP_FAILED', { url, failure: { code: 'TSA_UNREACHABLE', reason: { why: 'connectionRefused' } } }]);
    expect(e.message).toContain('Dokumentas nepakeistas');
  });
});
