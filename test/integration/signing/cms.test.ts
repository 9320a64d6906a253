// Issue 6, "Signatures": PAdES CMS (ETSI.CAdES.detached) from a PKCS#12 file, verifiable by an
// independent tool (openssl cms), with signingCertificateV2 and no signing-time attribute.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPadesCms, checkCms } from '../../../electron/services/signing/cms';
import { openPkcs12 } from '../../../electron/services/signing/pkcs12';
import type { Signer } from '../../../electron/services/signing/signer';
import { cmsView, opensslAsn1parse, opensslVerifyCms, P12_PASSWORD, testPki, workDir } from '../../helpers/pki';

const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

const CONTENT = new TextEncoder().encode('%PDF-1.7 Įsakymas dėl perkėlimo į pusiaukelės namus (V-77 p. 13)\n');
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

async function signedWith(signer: Signer, content = CONTENT): Promise<Uint8Array> {
  try {
    return await buildPadesCms({ digest: sha256(content), signer });
  } finally {
    await signer.close();
  }
}

describe('PAdES CMS from a PKCS#12 file', () => {
  const pki = testPki();
  const cases = [
    { name: 'RSA, OpenSSL 3 default PKCS#12 (PBES2/AES)', p12: pki.rsa.p12, cert: pki.rsa.certificate, signer: 'Ąžuolas Žėkas' },
    { name: 'RSA, legacy 3DES PKCS#12', p12: pki.rsa.p12TripleDes, cert: pki.rsa.certificate, signer: 'Ąžuolas Žėkas' },
    { name: 'ECDSA P-256, OpenSSL 3 default PKCS#12', p12: pki.ecdsa.p12, cert: pki.ecdsa.certificate, signer: 'Eglė Šimkutė' },
  ];

  describe.each(cases)('$name', ({ p12, cert, signer }) => {
    it('is accepted by openssl cms -verify against the test CA', async () => {
      const cms = await signedWith(openPkcs12(p12, P12_PASSWORD));
      const verified = opensslVerifyCms(cms, CONTENT, pki.ca.certPath);
      expect(verified.output).toContain('Verification successful');
      expect(verified.ok).toBe(true);
    });

    it('signs exactly contentType, messageDigest and signingCertificateV2: no signing-time (PAdES; issue 6)', async () => {
      const cms = await signedWith(openPkcs12(p12, P12_PASSWORD));
      const view = cmsView(cms);
      expect([...view.signedAttributeTypes].sort()).toEqual([OID_CONTENT_TYPE, OID_MESSAGE_DIGEST, OID_SIGNING_CERTIFICATE_V2].sort());
      expect(view.signingCertificateV2Hash).toEqual(sha256(cert));
      expect(view.certificateCount).toBe(2);
      const parsed = opensslAsn1parse(cms);
      expect(parsed).toContain('id-smime-aa-signingCertificateV2');
      expect(parsed).not.toContain('signingTime');
    });

    it('checkCms finds it intact, trusted with the CA, and names the signer in Lithuanian', async () => {
      const cms = await signedWith(openPkcs12(p12, P12_PASSWORD));
      const check = checkCms(cms, sha256(CONTENT), { trusted: [pki.ca.certificate] });
      expect(check).toMatchObject({
        intact: true,
        problems: [],
        trusted: true,
        certificateValid: 'valid',
        hasSigningTimeAttribute: false,
        timestamp: null,
      });
      expect(check.signer?.commonName).toBe(signer);
      expect(check.chain.map((c) => c.commonName)).toEqual(['Pusiaukelės bandomoji CA']);
    });

    it('reports a changed document as DIGEST_MISMATCH, not intact', async () => {
      const cms = await signedWith(openPkcs12(p12, P12_PASSWORD));
      const changed = flipped(CONTENT, 20);
      const check = checkCms(cms, sha256(changed), { trusted: [pki.ca.certificate] });
      expect(check.intact).toBe(false);
      expect(check.problems).toContain('DIGEST_MISMATCH');
      expect(opensslVerifyCms(cms, changed, pki.ca.certPath).ok).toBe(false);
    });
  });

  it('reports a damaged signature value as BAD_SIGNATURE', async () => {
    const cms = await signedWith(openPkcs12(pki.rsa.p12, P12_PASSWORD));
    const signature = cmsView(cms).signature;
    const at = indexOf(cms, signature) + 10;
    const check = checkCms(flipped(cms, at), sha256(CONTENT));
    expect(check.intact).toBe(false);
    expect(check.problems).toEqual(['BAD_SIGNATURE']);
  });

  it('trusts only a path to a given root', async () => {
    const cms = await signedWith(openPkcs12(pki.ecdsa.p12, P12_PASSWORD));
    expect(checkCms(cms, sha256(CONTENT)).trusted).toBe(false);
    expect(checkCms(cms, sha256(CONTENT), { trusted: [pki.otherCa.certificate] }).trusted).toBe(false);
    expect(checkCms(cms, sha256(CONTENT), { trusted: [pki.otherCa.certificate, pki.ca.certificate] }).trusted).toBe(true);
  });

  it('tells the certificate validity at the given time when there is no timestamp', async () => {
    const cms = await signedWith(openPkcs12(pki.rsa.p12, P12_PASSWORD));
    expect(checkCms(cms, sha256(CONTENT), { now: new Date('2100-01-01T00:00:00Z') }).certificateValid).toBe('expired');
    expect(checkCms(cms, sha256(CONTENT), { now: new Date('2000-01-01T00:00:00Z') }).certificateValid).toBe('notYetValid');
  });

  it('reads a signature another tool made: openssl cms -sign -cades (with signing-time, as PAdES forbids)', () => {
    const dir = workDir('openssl-cms');
    writeFileSync(join(dir, 'content.bin'), CONTENT);
    execFileSync('openssl', [
      'cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-in', 'content.bin', '-signer', pki.ecdsa.certPath,
      '-inkey', pki.ecdsa.keyPath, '-certfile', pki.ca.certPath, '-outform', 'DER', '-out', 'cms.der',
    ], { cwd: dir, stdio: 'pipe' });
    const check = checkCms(readFileSync(join(dir, 'cms.der')), sha256(CONTENT), { trusted: [pki.ca.certificate] });
    expect(check).toMatchObject({ intact: true, trusted: true, hasSigningTimeAttribute: true, problems: [] });
    expect(check.signer?.commonName).toBe('Eglė Šimkutė');
  });

  it('reports what is not a CMS at all, without throwing', () => {
    const check = checkCms(CONTENT, sha256(CONTENT));
    expect(check).toMatchObject({ intact: false, problems: ['CMS_UNREADABLE'], signer: null, trusted: false });
  });

  it('ignores the zero padding a PDF leaves after the CMS in /Contents', async () => {
    const cms = await signedWith(openPkcs12(pki.rsa.p12, P12_PASSWORD));
    const padded = new Uint8Array(cms.length + 4096);
    padded.set(cms);
    expect(checkCms(padded, sha256(CONTENT)).intact).toBe(true);
  });

  it('refuses to sign with an expired certificate (CERT_EXPIRED)', async () => {
    const signer = openPkcs12(pki.rsa.p12, P12_PASSWORD);
    await expect(buildPadesCms({ digest: sha256(CONTENT), signer: { ...signer, certificate: pki.expired.certificate } })).rejects.toMatchObject({
      code: 'CERT_EXPIRED',
    });
    await signer.close();
  });

  it('refuses a key that does not belong to the certificate (SIGNING_FAILED)', async () => {
    const rsa = openPkcs12(pki.rsa.p12, P12_PASSWORD);
    const ecdsa = openPkcs12(pki.ecdsa.p12, P12_PASSWORD);
    const mismatched: Signer = { ...rsa, certificate: ecdsa.certificate, keyType: 'ECDSA' };
    await expect(buildPadesCms({ digest: sha256(CONTENT), signer: mismatched })).rejects.toMatchObject({ code: 'SIGNING_FAILED' });
    await Promise.all([rsa.close(), ecdsa.close()]);
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}
