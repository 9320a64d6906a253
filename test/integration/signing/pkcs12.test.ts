// Issue 6, "Signatures": the director signs with a PKCS#12 file as OpenSSL 3, Windows and older
// OpenSSL write it; a wrong password is told apart from a damaged file; Lithuanian names survive.
import { execFileSync } from 'node:child_process';
import { verify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCertificate } from '../../../electron/services/signing/certificates';
import { openPkcs12 } from '../../../electron/services/signing/pkcs12';
import { P12_PASSWORD, testPki, workDir } from '../../helpers/pki';

const DATA = new TextEncoder().encode('signed attributes');

/** A PKCS#12 file made by `openssl pkcs12 -export` with `args`. */
function exportP12(name: string, args: readonly string[]): Uint8Array {
  const out = join(workDir(name), `${name}.p12`);
  execFileSync('openssl', ['pkcs12', '-export', ...args, '-passout', `pass:${P12_PASSWORD}`, '-out', out], { stdio: 'pipe' });
  return readFileSync(out);
}

describe('openPkcs12', () => {
  const pki = testPki();
  const files = [
    { name: 'RSA, OpenSSL 3 default (PBES2, AES-256, HMAC-SHA256)', p12: pki.rsa.p12, who: pki.rsa, keyType: 'RSA' },
    { name: 'RSA, Windows-style 3DES', p12: pki.rsa.p12TripleDes, who: pki.rsa, keyType: 'RSA' },
    { name: 'RSA, openssl -legacy (RC2-40 certificates)', p12: pki.rsa.p12Legacy, who: pki.rsa, keyType: 'RSA' },
    { name: 'ECDSA, OpenSSL 3 default', p12: pki.ecdsa.p12, who: pki.ecdsa, keyType: 'ECDSA' },
    { name: 'ECDSA, Windows-style 3DES', p12: pki.ecdsa.p12TripleDes, who: pki.ecdsa, keyType: 'ECDSA' },
    { name: 'ECDSA, openssl -legacy', p12: pki.ecdsa.p12Legacy, who: pki.ecdsa, keyType: 'ECDSA' },
  ] as const;

  it.each(files)('opens $name: its certificate, the CA as chain, a key that signs with SHA-256', async ({ p12, who, keyType }) => {
    const signer = openPkcs12(p12, P12_PASSWORD);
    expect(signer.keyType).toBe(keyType);
    expect(signer.certificate).toEqual(who.certificate);
    expect(signer.chain).toEqual([pki.ca.certificate]);
    const signature = await signer.sign(DATA);
    expect(verify('sha256', DATA, new X509Certificate(who.certificate).publicKey, signature)).toBe(true);
    await signer.close();
  });

  it('keeps the holder’s Lithuanian name intact (node-forge would not: DESIGN §3)', () => {
    const signer = openPkcs12(pki.rsa.p12Legacy, P12_PASSWORD);
    expect(describeCertificate(signer.certificate).subject).toBe('CN=Ąžuolas Žėkas, O=Pusiaukelė, C=LT');
  });

  it.each(files)('refuses a wrong password for $name with P12_WRONG_PASSWORD', ({ p12 }) => {
    expect(() => openPkcs12(p12, 'Azuolas-2026')).toThrow(expect.objectContaining({
      code: 'P12_WRONG_PASSWORD',
      message: 'Neteisingas sertifikato failo slaptažodis.',
    }));
  });

  it('refuses what is not a PKCS#12 file with P12_UNREADABLE', () => {
    expect(() => openPkcs12(pki.rsa.certificate, P12_PASSWORD)).toThrow(expect.objectContaining({ code: 'P12_UNREADABLE' }));
    expect(() => openPkcs12(new Uint8Array([1, 2, 3]), P12_PASSWORD)).toThrow(expect.objectContaining({ code: 'P12_UNREADABLE' }));
  });

  it('opens a file without integrity MAC, and tells a wrong password by failing to decrypt', () => {
    const p12 = exportP12('nomac', ['-inkey', pki.rsa.keyPath, '-in', pki.rsa.certPath, '-nomac']);
    expect(openPkcs12(p12, P12_PASSWORD).certificate).toEqual(pki.rsa.certificate);
    expect(() => openPkcs12(p12, 'Azuolas-2026')).toThrow(expect.objectContaining({ code: 'P12_WRONG_PASSWORD' }));
    // A wrong password decrypts to valid padding now and then (5000 tries found it on the code before): those too are a wrong
    // password, never "the private key cannot be read" (seen once in CI before this was checked).
    const codes = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      try {
        openPkcs12(p12, `Neteisingas-${i}`);
        codes.add('opened');
      } catch (e) {
        codes.add((e as { code: string }).code);
      }
    }
    expect([...codes]).toEqual(['P12_WRONG_PASSWORD']);
  });

  it('refuses a file with certificates but no private key with P12_NO_KEY', () => {
    const p12 = exportP12('nokey', ['-nokeys', '-in', pki.rsa.certPath]);
    expect(() => openPkcs12(p12, P12_PASSWORD)).toThrow(expect.objectContaining({ code: 'P12_NO_KEY' }));
  });

  it('refuses a key without its certificate with P12_NO_CERTIFICATE', () => {
    const p12 = exportP12('nocert', ['-inkey', pki.rsa.keyPath, '-nocerts']);
    expect(() => openPkcs12(p12, P12_PASSWORD)).toThrow(expect.objectContaining({ code: 'P12_NO_CERTIFICATE' }));
  });

  it('no longer signs once closed', async () => {
    const signer = openPkcs12(pki.ecdsa.p12, P12_PASSWORD);
    await signer.close();
    await expect(signer.sign(DATA)).rejects.toMatchObject({ code: 'SIGNING_FAILED' });
  });
});
