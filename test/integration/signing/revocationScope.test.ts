import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendDss } from '../../../electron/services/signing/pdfLtv';
import { verifyPdf, type VerifyOptions } from '../../../electron/services/signing/pdfVerify';
import { certificateRefOf, checkCrlForImport, parsedCrls, parseCrl, revocationOf } from '../../../electron/services/signing/revocation';
import { DomainError } from '../../../shared/domain/errors';
import { testPki, workDir, type TestIdentity, type TestPki } from '../../helpers/pki';
import { startTsa, type TestTsa } from '../../helpers/tsa';
import { fileSigner, issueCertificate, makeCrl, signedOrder } from '../../helpers/verificationPki';

/**
 * Issue 18 (review): which revocation lists may say what of a certificate (RFC 5280 §5.2, §5.3,
 * §6.3.3). A list proves a certificate "not revoked" only when it covers it whole: not a delta list,
 * no critical extension the app does not understand, not indirect, and an issuing distribution point
 * that takes it in (a list of CA certificates says nothing of a signer's; a partition by reasons
 * says nothing whole; a list for one distribution point only of the certificates that name it). And
 * only a CA whose key usage allows it (cRLSign, RFC 5280 §4.2.1.3) signs lists. A document's store is
 * the attacker's to fill: each case is a list an attacker could put there to make a revoked signer
 * look good. The administrator's import keeps complete lists only (CRL_UNUSABLE with the reason).
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

let pki: TestPki;
let tsa: TestTsa;
let signed: Buffer;
let T: Date;

beforeAll(async () => {
  pki = testPki();
  tsa = await startTsa();
  signed = await signedOrder({ timestampUrl: tsa.url });
  T = new Date();
});

afterAll(() => tsa.close());

/** A list by the test CA issued after the signature, with the CRL extension lines given, listing `revoked`. */
const list = (extensions: string | undefined, revoked: { certPath: string; at: Date; reason?: string }[] = []) =>
  makeCrl({ issuer: 'ca', revoked, lastUpdate: at(T, 60_000), nextUpdate: at(T, 7 * DAY), ...(extensions ? { extensions } : {}) });

/** The signature's finding with `crl` as the store's only list, the policy requiring revocation data. */
function withOnly(crl: Uint8Array, document: Buffer = signed, certificates: Uint8Array[] = [pki.rsa.certificate, pki.ca.certificate, pki.tsa.certificate]) {
  return withLists([crl], document, certificates);
}

/** The same with `crls` in the store. */
function withLists(crls: Uint8Array[], document: Buffer = signed, certificates: Uint8Array[] = [pki.rsa.certificate, pki.ca.certificate, pki.tsa.certificate]) {
  const options: VerifyOptions = { trusted: [pki.ca.certificate], now: at(T, 2 * 60_000), revocationRequired: true };
  const [s] = verifyPdf(appendDss(document, { certificates, crls }), options).signatures;
  return [s!.indication, s!.subIndication, s!.revocation.status];
}

const idp = (lines: string) => `issuingDistributionPoint = critical, @idp\n[idp]\n${lines}`;
const UNCOVERED = ['INDETERMINATE', 'TRY_LATER', 'notChecked'];
const GOOD = ['TOTAL_PASSED', null, 'good'];

describe('a list in the store proves "not revoked" only for what it covers (RFC 5280 §6.3.3)', () => {
  it('a complete list after the signature proves the signer good, and one that revokes it makes the signature FAILED / REVOKED', () => {
    expect(withOnly(list(undefined))).toEqual(GOOD);
    expect(withOnly(list(undefined, [{ certPath: pki.rsa.certPath, at: at(T, -HOUR) }]))).toEqual(['FAILED', 'REVOKED', 'revoked']);
  });

  it('a list of CA certificates only (an ARL) says nothing of the signer: no revocation data (TRY_LATER)', () => {
    expect(withOnly(list(idp('fullname = URI:http://ca.example/arl.crl\nonlyCA = TRUE')))).toEqual(UNCOVERED);
  });

  it('a list of end-entity certificates only covers the signer', () => {
    expect(withOnly(list(idp('onlyuser = TRUE')))).toEqual(GOOD);
  });

  it('a partition by reasons (onlySomeReasons), an indirect list, a delta list, a list with an unknown critical extension: none proves the signer good', () => {
    expect(withOnly(list(idp('onlysomereasons = keyCompromise')))).toEqual(UNCOVERED);
    expect(withOnly(list(idp('indirectCRL = TRUE')))).toEqual(UNCOVERED);
    expect(withOnly(list('deltaCRL = critical, DER:02:01:01'))).toEqual(UNCOVERED);
    expect(withOnly(list('1.3.6.1.4.1.55555.1 = critical, ASN1:NULL'))).toEqual(UNCOVERED);
    // The same unknown extension, not critical, may be ignored (RFC 5280 §5.2).
    expect(withOnly(list('1.3.6.1.4.1.55555.1 = ASN1:NULL'))).toEqual(GOOD);
  });

  it('a delta list or a list with an unknown critical extension that names the signer revoked is heeded, beside a complete list that leaves it out: FAILED / REVOKED, never good (RFC 5280 §5.2.4, §5.3)', () => {
    const revokedSigner = [{ certPath: pki.rsa.certPath, at: at(T, -HOUR) }];
    const base = list(undefined);
    expect(withLists([base, list('deltaCRL = critical, DER:02:01:01', revokedSigner)])).toEqual(['FAILED', 'REVOKED', 'revoked']);
    expect(withLists([base, list('1.3.6.1.4.1.55555.1 = critical, ASN1:NULL', revokedSigner)])).toEqual(['FAILED', 'REVOKED', 'revoked']);
    // An indirect list's entries may be other issuers' certificates: its serials say nothing of this one.
    expect(withLists([base, list(idp('indirectCRL = TRUE'), revokedSigner)])).toEqual(GOOD);
  });

  it('a delta entry with the reason removeFromCRL says the certificate is no longer revoked, not that it is (RFC 5280 §5.3.1)', () => {
    const removed = list('deltaCRL = critical, DER:02:01:01', [{ certPath: pki.rsa.certPath, at: at(T, -HOUR), reason: 'removeFromCRL' }]);
    expect(withLists([list(undefined), removed])).toEqual(GOOD);
  });

  it('a list for one distribution point covers the certificates that name it, not the others', async () => {
    const who = issueCertificate({ subject: '/C=LT/CN=Ąžuolas Žėkas', issuer: 'ca', profile: 'signer', from: at(T, -DAY), until: at(T, 30 * DAY), crlDistributionPoint: 'http://ca.example/a.crl' });
    const pointed = await signedOrder({ signer: fileSigner(who, [pki.ca.certificate]), timestampUrl: tsa.url });
    const certificates = [who.certificate, pki.ca.certificate, pki.tsa.certificate];
    expect(withOnly(list(idp('fullname = URI:http://ca.example/a.crl')), pointed, certificates)).toEqual(GOOD);
    expect(withOnly(list(idp('fullname = URI:http://ca.example/b.crl')), pointed, certificates)).toEqual(UNCOVERED);
    // The test PKI's signer names no distribution point: a list for one does not cover it.
    expect(withOnly(list(idp('fullname = URI:http://ca.example/a.crl')))).toEqual(UNCOVERED);
  });
});

describe('a certificate whose extensions cannot be read (RFC 5280 §4.2.1.13)', () => {
  it('is covered by no list with an issuing distribution point: an end-entity-only list does not prove it good; a complete list does', () => {
    // cRLDistributionPoints holding an INTEGER where DistributionPoints belong: the reader cannot read its extensions.
    const who = issueCertificate({ subject: '/C=LT/CN=Ąžuolas Žėkas', issuer: 'ca', profile: 'signer', from: at(T, -DAY), until: at(T, 30 * DAY), extensions: 'crlDistributionPoints = DER:30:03:02:01:01' });
    const ref = certificateRefOf(who.certificate);
    expect([ref.extensionsRead, ref.isCa]).toEqual([false, false]);
    const statusWith = (crl: Uint8Array) => revocationOf(ref, pki.ca.certificate, [{ crl: parseCrl(crl), issuerCertificate: pki.ca.certificate }], null, T).status;
    expect(statusWith(list(idp('onlyuser = TRUE')))).toBe('notChecked');
    expect(statusWith(list(undefined))).toBe('good');
    // A CA certificate is known as one from OpenSSL's reading, whatever else its extensions hold.
    expect(certificateRefOf(pki.ca.certificate).isCa).toBe(true);
  });
});

describe('lists imported under older rules (issue 12) are read under today’s (issue 18)', () => {
  const stored = (der: Uint8Array, issuerCertificate: Uint8Array = pki.ca.certificate) => parsedCrls([{ der, issuerCertificate }]);
  const verdict = (document: Buffer, options: VerifyOptions) => {
    const [s] = verifyPdf(document, { now: at(T, 2 * 60_000), revocationRequired: true, ...options }).signatures;
    return [s!.indication, s!.subIndication, s!.revocation.status];
  };

  it('a stored partial list proves nothing good, but the certificates it names revoked stay revoked', () => {
    expect(verdict(signed, { trusted: [pki.ca.certificate], crls: stored(list(idp('onlyuser = TRUE'))) })).toEqual(UNCOVERED);
    expect(verdict(signed, { trusted: [pki.ca.certificate], crls: stored(list(idp('onlyuser = TRUE'), [{ certPath: pki.rsa.certPath, at: at(T, -HOUR) }])) })).toEqual(['FAILED', 'REVOKED', 'revoked']);
    expect(verdict(signed, { trusted: [pki.ca.certificate], crls: stored(list(undefined)) })).toEqual(GOOD);
  });

  it('a stored list signed by a CA that may not sign lists (no cRLSign) proves nothing good', async () => {
    const { root, signer, crl } = rootWithKeyUsage('keyCertSign');
    const document = await signedOrder({ signer: fileSigner(signer, [root.certificate]) });
    expect(verdict(document, { trusted: [root.certificate], crls: stored(crl, root.certificate) })[2]).toBe('notChecked');
  });
});

/** A root of its own whose key usage is `keyUsage`, a signer under it, and a list it signed (listing nothing, current). */
function rootWithKeyUsage(keyUsage: string): { root: TestIdentity; signer: TestIdentity; crl: Uint8Array } {
  const dir = workDir(`revocation-scope-${keyUsage.replace(/\W/g, '')}`);
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const der = (file: string) => new Uint8Array(Buffer.from(readFileSync(join(dir, file), 'utf8').replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, ''), 'base64'));
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'ca.cnf'), '[ca]\ndefault_ca = c\n[c]\ndatabase = index.txt\nnew_certs_dir = .\nrand_serial = yes\ndefault_md = sha256\npolicy = p\nunique_subject = no\ndefault_crl_days = 7\n[p]\ncommonName = supplied\n[ee]\nbasicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature, nonRepudiation\n');
  run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'root.key');
  run('req', '-x509', '-new', '-key', 'root.key', '-subj', '/CN=Be sąrašų teisės', '-utf8', '-days', '365', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', `keyUsage=critical,${keyUsage}`, '-out', 'root.pem');
  run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'signer.key');
  run('req', '-new', '-key', 'signer.key', '-subj', '/CN=Ąžuolas Žėkas', '-utf8', '-out', 'signer.csr');
  run('ca', '-config', 'ca.cnf', '-batch', '-notext', '-utf8', '-cert', 'root.pem', '-keyfile', 'root.key', '-in', 'signer.csr', '-out', 'signer.pem', '-extensions', 'ee', '-days', '300');
  run('ca', '-config', 'ca.cnf', '-gencrl', '-cert', 'root.pem', '-keyfile', 'root.key', '-out', 'list.pem');
  const root = { keyPath: join(dir, 'root.key'), certPath: join(dir, 'root.pem'), certificate: der('root.pem') };
  const signer = { keyPath: join(dir, 'signer.key'), certPath: join(dir, 'signer.pem'), certificate: der('signer.pem') };
  return { root, signer, crl: der('list.pem') };
}

describe('only a CA that may sign lists signs one (RFC 5280 §4.2.1.3, keyUsage cRLSign)', () => {
  it('a list signed by a CA whose key usage is keyCertSign only proves nothing: no revocation data; with cRLSign it does', async () => {
    for (const [keyUsage, expected] of [
      ['keyCertSign', ['INDETERMINATE', 'TRY_LATER', 'notChecked']],
      ['keyCertSign,cRLSign', ['TOTAL_PASSED', null, 'good']],
    ] as const) {
      const { root, signer, crl } = rootWithKeyUsage(keyUsage);
      const document = await signedOrder({ signer: fileSigner(signer, [root.certificate]) });
      const withList = appendDss(document, { certificates: [signer.certificate, root.certificate], crls: [crl] });
      const [s] = verifyPdf(withList, { trusted: [root.certificate], revocationRequired: true }).signatures;
      expect([s!.indication, s!.subIndication, s!.revocation.status], keyUsage).toEqual(expected);
    }
  });
});

describe('the administrator imports complete lists only (issue 12 import, issue 18)', () => {
  const refusal = (bytes: Uint8Array, roots: string = readFileSync(pki.ca.certPath, 'utf8')) => {
    try {
      checkCrlForImport(bytes, { trustedRootsPem: roots, now: new Date() });
    } catch (e) {
      if (e instanceof DomainError) return [e.code, (e.params as { reason?: string }).reason];
      throw e;
    }
    return null;
  };

  it('a delta list, a partial one, an indirect one, one with an unknown critical extension: CRL_UNUSABLE with the reason', () => {
    const now = new Date();
    const current = (extensions: string) => makeCrl({ issuer: 'ca', lastUpdate: now, nextUpdate: at(now, 7 * DAY), extensions });
    expect(refusal(current('deltaCRL = critical, DER:02:01:01'))).toEqual(['CRL_UNUSABLE', 'delta']);
    expect(refusal(current('1.3.6.1.4.1.55555.1 = critical, ASN1:NULL'))).toEqual(['CRL_UNUSABLE', 'criticalExtension']);
    expect(refusal(current(idp('indirectCRL = TRUE')))).toEqual(['CRL_UNUSABLE', 'indirect']);
    expect(refusal(current(idp('onlyCA = TRUE')))).toEqual(['CRL_UNUSABLE', 'partial']);
    expect(refusal(current(idp('onlyuser = TRUE')))).toEqual(['CRL_UNUSABLE', 'partial']);
    expect(refusal(current(idp('onlysomereasons = keyCompromise')))).toEqual(['CRL_UNUSABLE', 'partial']);
    // A list for one distribution point is complete for the certificates that name it: kept.
    expect(refusal(current(idp('fullname = URI:http://ca.example/a.crl')))).toBeNull();
    expect(refusal(current('1.3.6.1.4.1.55555.1 = ASN1:NULL'))).toBeNull();
  });

  it('a list signed by a CA that may not sign lists: CRL_UNUSABLE / notForCrls, and its text says why', () => {
    const { root, crl } = rootWithKeyUsage('keyCertSign');
    expect(refusal(crl, readFileSync(root.certPath, 'utf8'))).toEqual(['CRL_UNUSABLE', 'notForCrls']);
    const e = (() => {
      try {
        checkCrlForImport(crl, { trustedRootsPem: readFileSync(root.certPath, 'utf8'), now: new Date() });
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('imported');
    })();
    expect(e.message).toContain('cRLSign');
    expect(parseCrl(crl).issuer).toContain('Be sąrašų teisės');
  });
});
