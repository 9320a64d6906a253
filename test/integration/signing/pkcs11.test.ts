// Issue 6, "Signatures": the director signs with a smart card (PKCS#11), here a real SoftHSM2
// token; the card's errors (wrong PIN, no card, no driver) reach the user as clear refusals.
import { createHash, verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPadesCms, checkCms } from '../../../electron/services/signing/cms';
import { openPkcs11 } from '../../../electron/services/signing/pkcs11';
import { cmsView, opensslVerifyCms, testPki } from '../../helpers/pki';
import { emptySoftHsm, softHsmToken, useSoftHsm, type TestToken } from '../../helpers/softhsm';

const CONTENT = new TextEncoder().encode('%PDF-1.7 Teikimas Kalėjimų departamento direktoriui (V-77 p. 14)\n');
const DIGEST = new Uint8Array(createHash('sha256').update(CONTENT).digest());
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

describe('PAdES CMS from a PKCS#11 token', () => {
  const pki = testPki();
  let token: TestToken;
  let previousConf: string | undefined;

  beforeAll(() => {
    previousConf = process.env.SOFTHSM2_CONF;
    token = softHsmToken();
  });
  afterAll(() => {
    if (previousConf === undefined) delete process.env.SOFTHSM2_CONF;
    else process.env.SOFTHSM2_CONF = previousConf;
  });

  it.each([
    { keyLabel: 'rsa', keyType: 'RSA', certificate: () => pki.rsa.certificate, holder: 'Ąžuolas Žėkas' },
    { keyLabel: 'ec', keyType: 'ECDSA', certificate: () => pki.ecdsa.certificate, holder: 'Eglė Šimkutė' },
    // A qualified signature key asks for the PIN at every signature (CKA_ALWAYS_AUTHENTICATE).
    { keyLabel: 'qualified', keyType: 'ECDSA', certificate: () => pki.ecdsa.certificate, holder: 'Eglė Šimkutė' },
  ])('signs with the "$keyLabel" $keyType key: openssl cms -verify accepts it, checkCms finds it intact and trusted', async ({ keyLabel, keyType, certificate, holder }) => {
    const signer = await openPkcs11({ modulePath: token.modulePath, pin: token.pin, tokenLabel: token.tokenLabel, keyLabel });
    let cms: Uint8Array;
    try {
      expect(signer.keyType).toBe(keyType);
      expect(signer.certificate).toEqual(certificate());
      // The CA certificate on the card is the chain.
      expect(signer.chain).toEqual([pki.ca.certificate]);
      cms = await buildPadesCms({ digest: DIGEST, signer });
    } finally {
      await signer.close();
    }
    const verified = opensslVerifyCms(cms, CONTENT, pki.ca.certPath);
    expect(verified.output).toContain('Verification successful');
    // PAdES: no signing-time; issue 6.
    expect(cmsView(cms).signedAttributeTypes).not.toContain(OID_SIGNING_TIME);
    const check = checkCms(cms, DIGEST, { trusted: [pki.ca.certificate] });
    expect(check).toMatchObject({ intact: true, trusted: true, problems: [], hasSigningTimeAttribute: false });
    expect(check.signer?.commonName).toBe(holder);
    const changed = checkCms(cms, new Uint8Array(createHash('sha256').update('kitas turinys').digest()));
    expect(changed.intact).toBe(false);
    expect(changed.problems).toContain('DIGEST_MISMATCH');
  });

  it('asks a qualified key for the PIN again at each signature, so it signs more than once', async () => {
    const signer = await openPkcs11({ modulePath: token.modulePath, pin: token.pin, keyLabel: token.qualifiedKeyLabel });
    try {
      const signatures = [await signer.sign(CONTENT), await signer.sign(CONTENT)];
      const key = new X509Certificate(pki.ecdsa.certificate).publicKey;
      expect(signatures.map((signature) => verify('sha256', CONTENT, key, signature))).toEqual([true, true]);
    } finally {
      await signer.close();
    }
  });

  it('keeps two signers on one card apart: closing one leaves the other signing', async () => {
    const options = { modulePath: token.modulePath, pin: token.pin, tokenLabel: token.tokenLabel };
    const rsa = await openPkcs11({ ...options, keyLabel: 'rsa' });
    const ec = await openPkcs11({ ...options, keyLabel: 'ec' }).catch(async (e: unknown) => {
      await rsa.close();
      throw e;
    });
    try {
      // The card's login is shared: a second opening with another PIN is still refused.
      await expect(openPkcs11({ ...options, pin: '0000' })).rejects.toMatchObject({ code: 'PIN_INCORRECT' });
      await rsa.close();
      const cms = await buildPadesCms({ digest: DIGEST, signer: ec });
      expect(checkCms(cms, DIGEST).intact).toBe(true);
    } finally {
      await Promise.all([rsa.close(), ec.close()]);
    }
    await expect(ec.sign(DIGEST)).rejects.toMatchObject({ code: 'SIGNING_FAILED' });
  });

  it('refuses a wrong PIN with PIN_INCORRECT, and the right one still opens afterwards', async () => {
    await expect(openPkcs11({ modulePath: token.modulePath, pin: '0000', keyLabel: 'rsa' })).rejects.toMatchObject({
      code: 'PIN_INCORRECT',
      message: expect.stringContaining('Neteisingas PIN kodas'),
    });
    const signer = await openPkcs11({ modulePath: token.modulePath, pin: token.pin, keyLabel: 'rsa' });
    await signer.close();
  });

  it('refuses a key label the card does not have with KEY_NOT_FOUND', async () => {
    await expect(openPkcs11({ modulePath: token.modulePath, pin: token.pin, keyLabel: 'nėra' })).rejects.toMatchObject({
      code: 'KEY_NOT_FOUND',
    });
  });

  it('refuses another card’s label with TOKEN_MISSING', async () => {
    await expect(openPkcs11({ modulePath: token.modulePath, pin: token.pin, tokenLabel: 'Kita kortelė' })).rejects.toMatchObject({
      code: 'TOKEN_MISSING',
      message: expect.stringContaining('Kita kortelė'),
    });
  });

  it('refuses a reader without a card (no initialised token) with TOKEN_MISSING', async () => {
    useSoftHsm(emptySoftHsm());
    try {
      await expect(openPkcs11({ modulePath: token.modulePath, pin: token.pin })).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
    } finally {
      useSoftHsm(token.confPath);
    }
  });

  it('refuses a missing or unloadable driver with PKCS11_MODULE_MISSING', async () => {
    await expect(openPkcs11({ modulePath: '/usr/lib/nera/libpkcs11.so', pin: token.pin })).rejects.toMatchObject({
      code: 'PKCS11_MODULE_MISSING',
      message: expect.stringContaining('/usr/lib/nera/libpkcs11.so'),
    });
    await expect(openPkcs11({ modulePath: pki.ca.certPath, pin: token.pin })).rejects.toMatchObject({ code: 'PKCS11_MODULE_MISSING' });
  });
});
