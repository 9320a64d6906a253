import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readRevision } from '../../electron/services/pdf/pdfSyntax';
import { openPkcs12 } from '../../electron/services/signing/pkcs12';
import { verifyPdf, type VerifyOptions } from '../../electron/services/signing/pdfVerify';
import { checkCrlForImport, type ParsedCrlWithSigner } from '../../electron/services/signing/revocation';
import type { Signer } from '../../electron/services/signing/signer';
import { nssDatabase, pdfsig } from '../helpers/pdfTools';
import { cmsView, P12_PASSWORD, testPki, workDir, type TestIdentity, type TestPki } from '../helpers/pki';
import { startTsa, type TestTsa } from '../helpers/tsa';
import { crlWithoutNextUpdate, fileSigner, flipped, issueCertificate, makeCrl, renderedOrder, signedOrder, startClockTsa, withDocumentTimestamp } from '../helpers/verificationPki';

/**
 * Issue 12: what the verifier says about a PDF is a legal statement, so every attack the issue names
 * is built here and the verdict checked in ETSI EN 319 102-1 terms: broken byte ranges and contents,
 * changed bytes, forged signature values, unsigned changes, timestamps from authorities nobody
 * trusts (which must not make an expired certificate look valid), revocation, and no trust at all.
 */

let pki: TestPki;
let order: Awaited<ReturnType<typeof renderedOrder>>;
let signed: Buffer;

const sign = (signer: Signer, options: { timestampUrl?: string } = {}) => signedOrder({ signer, pdf: order, ...options });

/** Signs with a certificate as if on `at` (the signer refuses certificates not valid at the moment of signing). */
async function signAsOf(at: Date, signer: Signer, timestampUrl?: string): Promise<Buffer> {
  vi.useFakeTimers({ toFake: ['Date'], now: at });
  try {
    return await sign(signer, timestampUrl ? { timestampUrl } : {});
  } finally {
    vi.useRealTimers();
  }
}

const trustCa = (extra: VerifyOptions = {}): VerifyOptions => ({ trusted: [pki.ca.certificate], ...extra });
/** What poppler's pdfsig says of each signature, with the test CA trusted in its NSS database. */
const popplerSays = (bytes: Uint8Array) => [...pdfsig(bytes, nssDatabase(readFileSync(pki.ca.certPath, 'utf8'))).out.matchAll(/Signature Validation: (.*)/g)].map((m) => (m[1] as string).trim());
const verdict = (bytes: Uint8Array, options: VerifyOptions) => verifyPdf(bytes, options).signatures.map((s) => [s.indication, s.subIndication]);

beforeAll(async () => {
  pki = testPki();
  order = await renderedOrder();
  signed = await sign(openPkcs12(pki.rsa.p12, P12_PASSWORD));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the app’s own signed document', () => {
  it('with no trusted roots is INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND: intact, never "invalid"', () => {
    const check = verifyPdf(signed, {});
    expect(check.signatures.map((s) => [s.indication, s.subIndication, s.cms.intact])).toEqual([['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND', true]]);
    expect(check).toMatchObject({ indication: 'INDETERMINATE', changedOtherwise: false, trustConfigured: false });
  });

  it('with its CA trusted is TOTAL_PASSED, and the revocation is reported as not checked without a list', () => {
    const check = verifyPdf(signed, trustCa());
    expect(check.indication).toBe('TOTAL_PASSED');
    expect(check.signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED', subIndication: null, valid: true, revocation: { status: 'notChecked', reason: 'noList' } });
    expect(popplerSays(signed)).toEqual(['Signature is Valid.']);
  });

  it('with another CA trusted is INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND', () => {
    expect(verdict(signed, { trusted: [pki.otherCa.certificate] })).toEqual([['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']]);
  });
});

describe('broken signatures are listed as FAILED with the reason, never dropped', () => {
  const rangeOf = (pdf: Buffer) => /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'))!;

  it('a byte range past the end of the file (the file cut short)', () => {
    const cut = signed.subarray(0, signed.length - 40);
    const [s] = verifyPdf(cut, trustCa()).signatures;
    expect(s).toMatchObject({ indication: 'FAILED', subIndication: 'FORMAT_FAILURE', cms: { problems: ['BYTE_RANGE_INVALID'] } });
    expect(verifyPdf(cut, trustCa()).indication).toBe('FAILED');
  });

  it('a byte range whose gap is not the signature’s /Contents', () => {
    const m = rangeOf(signed);
    const shifted = `${Number(m[3]) + 1}`.padStart(m[3]!.length, '0').slice(-m[3]!.length);
    const text = signed.toString('latin1');
    const at = m.index + m[0].indexOf(m[3]!, m[0].indexOf(m[2]!) + m[2]!.length);
    const tampered = Buffer.from(text.slice(0, at) + shifted + text.slice(at + m[3]!.length), 'latin1');
    expect(verdict(tampered, trustCa())).toEqual([['FAILED', 'FORMAT_FAILURE']]);
  });

  it('unparsable /Contents', () => {
    const m = rangeOf(signed);
    const tampered = Buffer.from(signed);
    tampered[Number(m[2]) + 5] = 0x7a; // 'z' in the hex string
    const [s] = verifyPdf(tampered, trustCa()).signatures;
    expect(s).toMatchObject({ indication: 'FAILED', subIndication: 'FORMAT_FAILURE', cms: { problems: ['CONTENTS_UNREADABLE'] } });
  });

  it('a changed byte of the signed document is FAILED / HASH_FAILURE', () => {
    const tampered = flipped(signed, signed.indexOf('/Producer', 0, 'latin1') + 12);
    expect(verdict(tampered, trustCa())).toEqual([['FAILED', 'HASH_FAILURE']]);
    expect(popplerSays(tampered)).toEqual(['Digest Mismatch.']);
  });

  it('a forged signature value is FAILED / SIG_CRYPTO_FAILURE', () => {
    const m = rangeOf(signed);
    const hex = signed.subarray(Number(m[2]) + 1, Number(m[3]) - 1).toString('latin1');
    const original = Buffer.from(hex, 'hex');
    const cms = flipped(original, original.indexOf(Buffer.from(cmsView(new Uint8Array(original)).signature)) + 10, 0xff);
    const tampered = Buffer.from(signed);
    tampered.write(cms.toString('hex'), Number(m[2]) + 1, 'latin1');
    expect(verdict(tampered, trustCa())).toEqual([['FAILED', 'SIG_CRYPTO_FAILURE']]);
    expect(popplerSays(tampered)).not.toEqual(['Signature is Valid.']);
  });
});

describe('changes after the signature', () => {
  /** An unsigned incremental update replacing object `num`. */
  function appendObject(pdf: Buffer, num: number, body: string): Buffer {
    const rev = readRevision(pdf);
    const at = pdf.length + 1;
    const object = Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1');
    const xref = at + object.length;
    const root = rev.trailer.get('Root') as { num: number };
    return Buffer.concat([
      pdf,
      Buffer.from('\n'),
      object,
      Buffer.from(`xref\n${num} 1\n${String(at).padStart(10, '0')} 00000 n\r\ntrailer\n<</Size ${rev.trailer.get('Size') as number} /Root ${root.num} 0 R /Prev ${rev.startxref}>>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'),
    ]);
  }

  it('a later signature whose stamp paints over the signed page: the earlier signature FAILED, the document changed otherwise', async () => {
    // The second signer's stamp is placed over the order's text on page 1 (an attacker's appearance).
    const overText = { ...order.slot, page: 0, rect: [85, 500, 510, 600] as [number, number, number, number] };
    const overlaid = await signedOrder({ pdf: { bytes: signed, slot: overText }, signer: openPkcs12(pki.ecdsa.p12, P12_PASSWORD) });
    const check = verifyPdf(overlaid, trustCa());
    expect(check.signatures.map((s) => [s.indication, s.subIndication])).toEqual([
      ['FAILED', 'FORMAT_FAILURE'],
      ['TOTAL_PASSED', null],
    ]);
    expect(check.signatures[0]!.overlaidPages).toEqual([0]);
    expect(check.signatures[0]!.changes.map((c) => c.kind)).toEqual(['signature']);
    expect(check).toMatchObject({ indication: 'FAILED', changedOtherwise: true });
  });

  it('a later signature in its own place: both TOTAL_PASSED; a later one that cannot be confirmed leaves the earlier INDETERMINATE / GENERIC', async () => {
    const second = { ...order.slot, page: order.slot.page, rect: [order.slot.rect[0], order.slot.rect[1] - 90, order.slot.rect[2], order.slot.rect[3] - 90] as [number, number, number, number] };
    const twice = await signedOrder({ pdf: { bytes: signed, slot: second }, signer: openPkcs12(pki.ecdsa.p12, P12_PASSWORD) });
    const check = verifyPdf(twice, trustCa());
    expect(check.signatures.map((s) => [s.indication, s.after, s.overlaidPages])).toEqual([
      ['TOTAL_PASSED', 'signedLater', []],
      ['TOTAL_PASSED', 'unchanged', []],
    ]);
    expect(check).toMatchObject({ indication: 'TOTAL_PASSED', changedOtherwise: false });
    // A second signer whose certificate does not chain to the trusted root: the first cannot be confirmed either.
    const stranger = issueCertificate({ subject: '/C=LT/CN=Nežinomas Pasirašantysis', issuer: 'otherCa', profile: 'signer', from: new Date(Date.now() - 3600_000), until: new Date(Date.now() + 365 * 24 * 3600_000) });
    const foreign = await signedOrder({ pdf: { bytes: signed, slot: second }, signer: fileSigner(stranger) });
    expect(verdict(foreign, trustCa())).toEqual([
      ['INDETERMINATE', 'GENERIC'],
      ['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND'],
    ]);
  });

  it('a page’s content rewritten in an unsigned update: the signature is FAILED and the document changed otherwise', () => {
    const stream = 'BT /F1 12 Tf 100 700 Td <0001> Tj ET';
    const tampered = appendObject(signed, 20, `<</Length ${stream.length}>>\nstream\n${stream}\nendstream`);
    const check = verifyPdf(tampered, trustCa());
    expect(check.signatures.map((s) => [s.indication, s.subIndication, s.cms.intact])).toEqual([['FAILED', 'FORMAT_FAILURE', true]]);
    expect(check.signatures[0]!.changes.map((c) => c.kind)).toContain('undefined');
    expect(check).toMatchObject({ indication: 'FAILED', changedOtherwise: true });
  });
});

describe('timestamps prove time only from a trusted authority (issue 12)', () => {
  const year = 365 * 24 * 3600 * 1000;
  let expiredSigner: TestIdentity;
  let trustedTsa: TestIdentity;
  let rogueTsa: TestIdentity;
  let lateTsa: TestIdentity;

  beforeAll(() => {
    // A signer whose certificate expired years ago, and authorities valid since before it was issued.
    expiredSigner = issueCertificate({ subject: '/C=LT/CN=Ąžuolas Žėkas', issuer: 'ca', profile: 'signer', from: new Date('2020-01-01T00:00:00Z'), until: new Date('2021-01-01T00:00:00Z') });
    const long = { from: new Date('2019-01-01T00:00:00Z'), until: new Date(Date.now() + 5 * year) };
    trustedTsa = issueCertificate({ subject: '/C=LT/CN=Patikima laiko žymų tarnyba', issuer: 'ca', profile: 'tsa', ...long });
    rogueTsa = issueCertificate({ subject: '/C=LT/CN=Nepatikima laiko žymų tarnyba', issuer: 'otherCa', profile: 'tsa', ...long });
    lateTsa = issueCertificate({ subject: '/C=LT/CN=Vėlesnė laiko žymų tarnyba', issuer: 'ca', profile: 'tsa', from: new Date('2023-01-01T00:00:00Z'), until: long.until });
  });

  async function expiredSignedWith(tsa: TestIdentity, chainPath: string, tsaTime: Date): Promise<Buffer> {
    const server = await startClockTsa(tsa, chainPath, tsaTime);
    try {
      return await signAsOf(new Date('2020-06-01T12:00:00Z'), fileSigner(expiredSigner, [pki.ca.certificate]), server.url);
    } finally {
      await server.close();
    }
  }

  it('an expired certificate with a timestamp from an authority nobody trusts is judged now: INDETERMINATE / OUT_OF_BOUNDS_NO_POE', async () => {
    const pdf = await expiredSignedWith(rogueTsa, pki.otherCa.certPath, new Date('2020-06-01T12:00:00Z'));
    const [s] = verifyPdf(pdf, trustCa()).signatures;
    expect(s).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' });
    expect(s!.cms.timestamp).toMatchObject({ intact: true, trusted: false });
    expect(s!.cms.problems).toContain('TIMESTAMP_UNTRUSTED');
    expect(s!.cms.certificateValid).toBe('expired');
  });

  it('a timestamp from a trusted authority whose own certificate was not valid at the time it states proves nothing', async () => {
    const pdf = await expiredSignedWith(lateTsa, pki.ca.certPath, new Date('2020-06-01T12:00:00Z'));
    const [s] = verifyPdf(pdf, trustCa()).signatures;
    expect([s!.indication, s!.subIndication, s!.cms.timestamp?.trusted]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', false]);
  });

  it('a trusted timestamp from while the certificate was valid: TOTAL_PASSED although it expired since', async () => {
    const pdf = await expiredSignedWith(trustedTsa, pki.ca.certPath, new Date('2020-06-01T12:00:00Z'));
    const [s] = verifyPdf(pdf, trustCa()).signatures;
    expect([s!.indication, s!.cms.timestamp?.trusted, s!.cms.certificateValid]).toEqual(['TOTAL_PASSED', true, 'valid']);
  });

  it('a trusted timestamp after the certificate expired: FAILED / EXPIRED', async () => {
    const pdf = await expiredSignedWith(trustedTsa, pki.ca.certPath, new Date('2022-03-01T12:00:00Z'));
    expect(verdict(pdf, trustCa())).toEqual([['FAILED', 'EXPIRED']]);
  });
});

describe('document timestamps (PAdES, long-term validation tools add them)', () => {
  it('a document timestamp from a trusted authority passes and leaves the signature before it TOTAL_PASSED; from another authority it is INDETERMINATE', () => {
    const stamped = withDocumentTimestamp(signed, pki.tsa, pki.ca.certPath, new Date());
    const check = verifyPdf(stamped, trustCa());
    expect(check.signatures.map((s) => [s.type, s.indication, s.subIndication])).toEqual([
      ['signature', 'TOTAL_PASSED', null],
      ['documentTimestamp', 'TOTAL_PASSED', null],
    ]);
    expect(check.signatures[0]!.changes.map((c) => c.kind)).toEqual(['documentTimestamp']);
    expect(check.signatures[1]!.cms.timestamp).toMatchObject({ intact: true, trusted: true, authority: 'Bandomoji laiko žymų tarnyba' });
    expect(check.indication).toBe('TOTAL_PASSED');

    const rogue = issueCertificate({ subject: '/C=LT/CN=Svetima laiko žymų tarnyba', issuer: 'otherCa', profile: 'tsa', from: new Date(Date.now() - 3600_000), until: new Date(Date.now() + 3600_000 * 24 * 365) });
    const foreign = verifyPdf(withDocumentTimestamp(signed, rogue, pki.otherCa.certPath, new Date()), trustCa());
    expect(foreign.signatures.map((s) => [s.type, s.indication, s.subIndication])).toEqual([
      ['signature', 'INDETERMINATE', 'GENERIC'],
      ['documentTimestamp', 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND'],
    ]);
  });

  it('a document timestamp over other bytes is FAILED', () => {
    const stamped = withDocumentTimestamp(signed, pki.tsa, pki.ca.certPath, new Date());
    const at = stamped.indexOf('(Laiko zyma)', signed.length, 'latin1');
    expect(at).toBeGreaterThan(signed.length);
    const check = verifyPdf(flipped(stamped, at + 1), trustCa());
    expect(check.signatures[1]).toMatchObject({ type: 'documentTimestamp', indication: 'FAILED', subIndication: 'HASH_FAILURE' });
    expect(check.signatures[1]!.cms.problems).toContain('TIMESTAMP_IMPRINT_MISMATCH');
  });
});

describe('revocation from imported lists (issue 12)', () => {
  let tsa: TestTsa;
  const crlsOf = (...lists: Uint8Array[]): ParsedCrlWithSigner[] => lists.map((l) => checkCrlForImport(l, { trustedRootsPem: readFileSync(pki.ca.certPath, 'utf8'), now: new Date() }));
  const hourAgo = () => new Date(Date.now() - 3600_000);

  beforeAll(async () => {
    tsa = await startTsa();
  });

  it('a list that does not name the certificate: good; no list with the policy requiring one: INDETERMINATE / TRY_LATER', () => {
    const crls = crlsOf(makeCrl({ issuer: 'ca' }));
    const [s] = verifyPdf(signed, trustCa({ crls })).signatures;
    expect(s).toMatchObject({ indication: 'TOTAL_PASSED', revocation: { status: 'good' } });
    expect(verdict(signed, trustCa({ revocationRequired: true }))).toEqual([['INDETERMINATE', 'TRY_LATER']]);
    expect(verdict(signed, trustCa({ crls, revocationRequired: true }))).toEqual([['TOTAL_PASSED', null]]);
  });

  it('revoked, with nothing proving an earlier signing: INDETERMINATE / REVOKED_NO_POE', () => {
    const crls = crlsOf(makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: hourAgo() }] }));
    const [s] = verifyPdf(signed, trustCa({ crls })).signatures;
    expect(s).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE', revocation: { status: 'revoked' } });
  });

  it('revoked before the time a trusted timestamp proves: FAILED / REVOKED', async () => {
    const pdf = await sign(openPkcs12(pki.rsa.p12, P12_PASSWORD), { timestampUrl: tsa.url });
    const crls = crlsOf(makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: hourAgo() }] }));
    expect(verdict(pdf, trustCa({ crls }))).toEqual([['FAILED', 'REVOKED']]);
    await tsa.close();
  });

  it('revoked after the time a trusted timestamp proves: TOTAL_PASSED', async () => {
    const early = await startClockTsa(pki.tsa, pki.ca.certPath, new Date(Date.now() - 2 * 3600_000));
    try {
      const pdf = await sign(openPkcs12(pki.rsa.p12, P12_PASSWORD), { timestampUrl: early.url });
      const crls = crlsOf(makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: hourAgo() }] }));
      const [s] = verifyPdf(pdf, trustCa({ crls })).signatures;
      expect(s).toMatchObject({ indication: 'TOTAL_PASSED', revocation: { status: 'revoked' } });
    } finally {
      await early.close();
    }
  });

  it('a list that is malformed, expired or not signed by its issuer is refused with the reason', () => {
    const roots = readFileSync(pki.ca.certPath, 'utf8');
    const refuse = (bytes: Uint8Array) => {
      try {
        checkCrlForImport(bytes, { trustedRootsPem: roots, now: new Date() });
        return 'accepted';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(refuse(new TextEncoder().encode('ne sąrašas'))).toBe('CRL_UNREADABLE');
    expect(refuse(makeCrl({ issuer: 'ca' }).subarray(0, 100))).toBe('CRL_UNREADABLE');
    expect(refuse(makeCrl({ issuer: 'ca', lastUpdate: new Date('2024-01-01T00:00:00Z'), nextUpdate: new Date('2024-02-01T00:00:00Z') }))).toBe('CRL_EXPIRED');
    expect(refuse(makeCrl({ issuer: 'otherCa' }))).toBe('CRL_SIGNATURE_INVALID');
    // Without nextUpdate a list would count as current forever.
    expect(refuse(crlWithoutNextUpdate())).toBe('CRL_NO_NEXT_UPDATE');
    // A list claiming the trusted CA's name but signed by another key.
    const list = makeCrl({ issuer: 'ca' });
    const forged = flipped(list, list.length - 5, 0xff);
    expect(refuse(forged)).toBe('CRL_SIGNATURE_INVALID');
  });
});

describe('bad input gets a clear answer, never a hang', () => {
  const codeOf = (bytes: Uint8Array) => {
    try {
      verifyPdf(bytes, trustCa());
      return 'report';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it('not a PDF', () => {
    expect(codeOf(new TextEncoder().encode('Tai ne PDF dokumentas'))).toBe('PDF_UNREADABLE');
  });

  it('an encrypted PDF', () => {
    const dir = workDir('verify-encrypted');
    writeFileSync(join(dir, 'in.pdf'), order.bytes);
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    expect(codeOf(readFileSync(join(dir, 'out.pdf')))).toBe('PDF_ENCRYPTED');
  });

  it('fake byte ranges scattered through a file are not signatures; a flood of them is refused, not searched', () => {
    const fakes = (n: number) => Buffer.concat([signed, Buffer.from('\n% '), Buffer.from('/ByteRange [0 10 20 30] '.repeat(n))]);
    const some = verifyPdf(fakes(900), trustCa());
    expect(some.signatures).toHaveLength(1);
    expect(codeOf(fakes(5000))).toBe('PDF_TOO_COMPLEX');
  });

  it('a truncated file is a report with its broken signature', () => {
    const check = verifyPdf(signed.subarray(0, Math.floor(signed.length / 2) + 4000), trustCa());
    expect(check.indication).not.toBe('TOTAL_PASSED');
  });
});
