// Issue 6, "Signatures": the app shows who a certificate names (Lithuanian letters intact in
// UTF8String and BMPString) and refuses a certificate that cannot sign now, saying why.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkSigningCertificate, describeCertificate } from '../../../electron/services/signing/certificates';
import { SIGNING_ERROR_CODES, SigningError, signingErrors } from '../../../electron/services/signing/signingErrors';
import { opensslAsn1parse, testPki } from '../../helpers/pki';

function openssl509(certPath: string, ...args: string[]): string {
  return execFileSync('openssl', ['x509', '-in', certPath, '-noout', ...args], { encoding: 'utf8' }).trim();
}

function refusal(run: () => void): SigningError {
  try {
    run();
  } catch (e) {
    if (e instanceof SigningError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('describeCertificate', () => {
  const pki = testPki();

  it('decodes a UTF8String name and agrees with openssl on serial, dates and fingerprint', () => {
    const info = describeCertificate(pki.rsa.certificate);
    expect(info).toMatchObject({
      subject: 'CN=Ąžuolas Žėkas, O=Pusiaukelė, C=LT',
      commonName: 'Ąžuolas Žėkas',
      issuer: 'CN=Pusiaukelės bandomoji CA, O=Pusiaukelė, C=LT',
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    });
    expect(`serial=${info.serialNumber}`).toBe(openssl509(pki.rsa.certPath, '-serial'));
    expect(openssl509(pki.rsa.certPath, '-fingerprint', '-sha256')).toBe(
      `sha256 Fingerprint=${info.sha256.toUpperCase().match(/../g)!.join(':')}`,
    );
    const [, notBefore] = /notBefore=(.*)/.exec(openssl509(pki.rsa.certPath, '-startdate'))!;
    const [, notAfter] = /notAfter=(.*)/.exec(openssl509(pki.rsa.certPath, '-enddate'))!;
    expect(info.notBefore).toBe(new Date(notBefore!).toISOString());
    expect(info.notAfter).toBe(new Date(notAfter!).toISOString());
  });

  it('decodes a BMPString name', () => {
    expect(opensslAsn1parse(pki.ecdsa.certificate)).toContain('BMPSTRING');
    expect(describeCertificate(pki.ecdsa.certificate).commonName).toBe('Eglė Šimkutė');
  });

  it('refuses what is not a certificate with CERT_UNREADABLE', () => {
    expect(refusal(() => describeCertificate(new TextEncoder().encode('ne sertifikatas'))).code).toBe('CERT_UNREADABLE');
  });
});

describe('checkSigningCertificate', () => {
  const pki = testPki();
  const now = new Date();

  it('accepts signing certificates: keyUsage nonRepudiation; extendedKeyUsage emailProtection + documentSigning', () => {
    expect(() => checkSigningCertificate(pki.rsa.certificate, now)).not.toThrow();
    expect(() => checkSigningCertificate(pki.ecdsa.certificate, now)).not.toThrow();
  });

  it('refuses an expired certificate with CERT_EXPIRED, saying until when', () => {
    const error = refusal(() => checkSigningCertificate(pki.expired.certificate, now));
    expect(error.code).toBe('CERT_EXPIRED');
    expect(error.message).toContain('2021-01-01');
    expect(error.details).toEqual({ notAfter: '2021-01-01T00:00:00.000Z' });
  });

  it('judges validity at the given time', () => {
    expect(() => checkSigningCertificate(pki.expired.certificate, new Date('2020-06-01T00:00:00Z'))).not.toThrow();
  });

  it('refuses a certificate not valid yet with CERT_NOT_YET_VALID, saying from when', () => {
    const error = refusal(() => checkSigningCertificate(pki.notYetValid.certificate, now));
    expect(error.code).toBe('CERT_NOT_YET_VALID');
    expect(error.message).toContain('2099-01-01');
  });

  it.each([
    ['keyUsage keyEncipherment only', () => pki.keyEnciphermentOnly.certificate, 'elektroninio parašo'],
    ['extendedKeyUsage serverAuth only', () => pki.serverAuthOnly.certificate, 'serverio tapatybės nustatymas'],
    ['a timestamp authority', () => pki.tsa.certificate, 'laiko žymų sudarymas'],
    ['a CA (keyCertSign, cRLSign)', () => pki.ca.certificate, 'elektroninio parašo'],
  ])('refuses %s with CERT_NOT_FOR_SIGNING', (_name, certificate, reason) => {
    const error = refusal(() => checkSigningCertificate(certificate(), now));
    expect(error.code).toBe('CERT_NOT_FOR_SIGNING');
    expect(error.message).toContain(reason);
  });
});

describe('signing errors', () => {
  it('carry a listed code, a Lithuanian and an English message', () => {
    const reason = { lt: 'priežastis', en: 'reason' };
    const errors = [
      signingErrors.p12WrongPassword(),
      signingErrors.p12Unreadable(reason),
      signingErrors.p12NoKey(),
      signingErrors.p12NoCertificate(),
      signingErrors.keyUnsupported('ed25519'),
      signingErrors.certUnreadable(),
      signingErrors.certExpired(new Date()),
      signingErrors.certNotYetValid(new Date()),
      signingErrors.certNotForSigning(reason),
      signingErrors.pkcs11ModuleMissing('/nėra.so', reason),
      signingErrors.tokenMissing(),
      signingErrors.pinIncorrect(true),
      signingErrors.pinLocked(),
      signingErrors.pinExpired(),
      signingErrors.keyNotFound('parašas'),
      signingErrors.tsaUnreachable('http://tsa.example', reason),
      signingErrors.tsaRefused('http://tsa.example', reason),
      signingErrors.signingFailed(reason),
    ];
    expect(errors.map((e) => e.code).sort()).toEqual([...SIGNING_ERROR_CODES].sort());
    for (const error of errors) {
      expect(error.message).not.toBe(error.messageEn);
      expect(error.message.length).toBeGreaterThan(10);
      expect(error.messageEn.length).toBeGreaterThan(10);
    }
  });
});
