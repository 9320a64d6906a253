// A signer from a PKCS#12 (.p12, .pfx) file (RFC 7292), read with asn1js and decrypted with Node's
// crypto, not node-forge, which corrupts non-ASCII names (DESIGN §3). Both the files OpenSSL 3
// writes by default (PBES2, PBKDF2, AES) and the legacy ones of Windows and `openssl -legacy`
// (pbeWithSHAAnd3-KeyTripleDES-CBC, 40-bit RC2 for certificates) open.
import { createPrivateKey, createPublicKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import type * as asn1js from 'asn1js';
import { orderChain } from './certificatePaths';
import { algorithmOf, childAt, childrenOf, encodingOf, isContextTag, octetsOf, oidOf, parseAsn1, sameBytes, smallIntegerOf } from './der';
import { OID } from './oids';
import {
  decryptWithPassword,
  macMatches,
  passwordForms,
  readMacData,
  UnsupportedAlgorithmError,
  type MacData,
  type PasswordForm,
} from './passwordEncryption';
import type { Signer, SignerKeyType } from './signer';
import { signingErrors, SigningError } from './signingErrors';

interface Pfx {
  /** The DER SEQUENCE OF ContentInfo that the MAC covers. */
  authSafe: Uint8Array;
  mac: MacData | null;
}

interface KeyEntry {
  pkcs8: Uint8Array;
  localKeyId: Uint8Array | null;
}

interface CertificateEntry {
  der: Uint8Array;
  localKeyId: Uint8Array | null;
}

interface Contents {
  keys: KeyEntry[];
  certificates: CertificateEntry[];
}

const notPkcs12 = () => signingErrors.p12Unreadable({ why: 'notPkcs12' });

const unsupported = (oid: string) => signingErrors.p12Unreadable({ why: 'encryption', oid });

function readPfx(bytes: Uint8Array): Pfx {
  const [version, authSafe, macData] = childrenOf(parseAsn1(bytes, 'PFX'), 'PFX');
  if (smallIntegerOf(version, 'PFX version') !== 3) throw notPkcs12();
  const [contentType, content] = childrenOf(authSafe, 'authSafe');
  const type = oidOf(contentType, 'authSafe content type');
  // Public-key integrity mode (a signed authSafe) is not used for personal certificates.
  if (type !== OID.data) throw unsupported(type);
  return {
    authSafe: octetsOf(childAt(content, 0, 'authSafe content'), 'authSafe content'),
    mac: macData ? readMacData(macData) : null,
  };
}

/** The bag attribute localKeyId, which pairs a key with its certificate. */
function localKeyIdOf(attributes: asn1js.AsnType | undefined): Uint8Array | null {
  if (!attributes) return null;
  for (const attribute of childrenOf(attributes, 'bagAttributes')) {
    const [type, values] = childrenOf(attribute, 'bag attribute');
    if (oidOf(type, 'bag attribute type') === OID.localKeyId) return octetsOf(childAt(values, 0, 'localKeyId'), 'localKeyId');
  }
  return null;
}

/** RFC 7292 §4.2: the keys and certificates of a SafeContents, nested ones included. */
function readSafeContents(der: Uint8Array, password: PasswordForm, into: Contents): void {
  for (const bag of childrenOf(parseAsn1(der, 'SafeContents'), 'SafeContents')) {
    const [bagId, wrappedValue, attributes] = childrenOf(bag, 'SafeBag');
    const value = childAt(wrappedValue, 0, 'bagValue');
    const localKeyId = localKeyIdOf(attributes);
    switch (oidOf(bagId, 'bagId')) {
      case OID.keyBag:
        into.keys.push({ pkcs8: encodingOf(value), localKeyId });
        break;
      case OID.pkcs8ShroudedKeyBag: {
        const [algorithm, encrypted] = childrenOf(value, 'EncryptedPrivateKeyInfo');
        const pkcs8 = decryptWithPassword(algorithmOf(algorithm, 'key encryption'), octetsOf(encrypted, 'encrypted key'), password);
        into.keys.push({ pkcs8, localKeyId });
        break;
      }
      case OID.certBag: {
        const [certId, certValue] = childrenOf(value, 'CertBag');
        if (oidOf(certId, 'certId') === OID.x509Certificate) {
          into.certificates.push({ der: octetsOf(childAt(certValue, 0, 'certValue'), 'certValue'), localKeyId });
        }
        break;
      }
      case OID.safeContentsBag:
        readSafeContents(encodingOf(value), password, into);
        break;
      // CRLs and secrets have no part in signing.
    }
  }
}

/** Every key and certificate of the authSafe, decrypting what is encrypted. */
function readContents(authSafe: Uint8Array, password: PasswordForm): Contents {
  const contents: Contents = { keys: [], certificates: [] };
  for (const contentInfo of childrenOf(parseAsn1(authSafe, 'AuthenticatedSafe'), 'AuthenticatedSafe')) {
    const [contentType, wrapped] = childrenOf(contentInfo, 'ContentInfo');
    const content = childAt(wrapped, 0, 'ContentInfo content');
    const type = oidOf(contentType, 'content type');
    if (type === OID.data) {
      readSafeContents(octetsOf(content, 'SafeContents'), password, contents);
    } else if (type === OID.encryptedData) {
      // EncryptedData: version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT content }.
      const [, encryptedContentInfo] = childrenOf(content, 'EncryptedData');
      const [, algorithm, encrypted] = childrenOf(encryptedContentInfo, 'EncryptedContentInfo');
      if (!isContextTag(encrypted, 0)) continue;
      const plain = decryptWithPassword(algorithmOf(algorithm, 'content encryption'), octetsOf(encrypted, 'encrypted content'), password);
      readSafeContents(plain, password, contents);
    } else {
      // Public-key privacy mode (envelopedData): encrypted to a key we do not have.
      throw new UnsupportedAlgorithmError(type);
    }
  }
  return contents;
}

/**
 * The contents, decrypted with the password form the MAC confirms. A file without a MAC can only
 * tell a wrong password by failing to decrypt, so each form is tried in turn.
 */
function openContents(pfx: Pfx, password: string): Contents {
  const forms = passwordForms(password);
  const candidates = pfx.mac ? forms.filter((form) => macMatches(pfx.mac!, form, pfx.authSafe)).slice(0, 1) : forms;
  for (const form of candidates) {
    try {
      const contents = readContents(pfx.authSafe, form);
      // Without a MAC a wrong password can decrypt to valid padding by chance (about 1 in 256 per
      // encrypted part): a key that does not then read as PKCS#8 was decrypted with the wrong password.
      if (!pfx.mac && !contents.keys.every((k) => readsAsPkcs8(k.pkcs8))) continue;
      return contents;
    } catch (e) {
      if (e instanceof UnsupportedAlgorithmError) throw unsupported(e.oid);
      if (pfx.mac) throw notPkcs12();
    }
  }
  throw signingErrors.p12WrongPassword();
}

function readsAsPkcs8(der: Uint8Array): boolean {
  try {
    createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    return true;
  } catch {
    return false;
  }
}

function spkiOf(key: KeyObject): Buffer {
  return createPublicKey(key).export({ type: 'spki', format: 'der' });
}

/** The certificate's public key (SPKI DER), or null for a certificate that cannot be read. */
function certificateSpkiOf(der: Uint8Array): Buffer | null {
  try {
    return new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  } catch {
    return null;
  }
}

function keyTypeOf(key: KeyObject): SignerKeyType {
  if (key.asymmetricKeyType === 'rsa') return 'RSA';
  if (key.asymmetricKeyType === 'ec') return 'ECDSA';
  throw signingErrors.keyUnsupported(key.asymmetricKeyType ?? 'unknown');
}

function privateKeyOf(entry: KeyEntry): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(entry.pkcs8), format: 'der', type: 'pkcs8' });
  } catch {
    throw signingErrors.p12Unreadable({ why: 'privateKey' });
  }
}

/** The first key with its certificate: matched by public key, else by localKeyId. */
function pairKeyWithCertificate(contents: Contents): { key: KeyObject; certificate: Uint8Array } {
  if (contents.keys.length === 0) throw signingErrors.p12NoKey();
  const certificates = contents.certificates.flatMap((entry) => {
    const spki = certificateSpkiOf(entry.der);
    return spki ? [{ ...entry, spki }] : [];
  });
  for (const entry of contents.keys) {
    const key = privateKeyOf(entry);
    const spki = spkiOf(key);
    const match =
      certificates.find((cert) => cert.spki.equals(spki)) ??
      certificates.find((cert) => entry.localKeyId && cert.localKeyId && sameBytes(entry.localKeyId, cert.localKeyId));
    if (match) return { key, certificate: match.der };
  }
  throw signingErrors.p12NoCertificate();
}

function signWithKey(key: KeyObject, data: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // RSA: PKCS#1 v1.5; ECDSA: a DER Ecdsa-Sig-Value (Node's default encoding).
    sign('sha256', data, key, (error, signature) => {
      if (error) reject(signingErrors.signingFailed({ why: 'error', detail: error.message }));
      else resolve(new Uint8Array(signature));
    });
  });
}

/**
 * Opens a PKCS#12 file. Throws SigningError: P12_UNREADABLE, P12_WRONG_PASSWORD, P12_NO_KEY,
 * P12_NO_CERTIFICATE, KEY_UNSUPPORTED, CERT_UNREADABLE.
 */
export function openPkcs12(bytes: Uint8Array, password: string): Signer {
  let contents: Contents;
  try {
    contents = openContents(readPfx(bytes), password);
  } catch (e) {
    if (e instanceof SigningError) throw e;
    if (e instanceof UnsupportedAlgorithmError) throw unsupported(e.oid);
    throw notPkcs12();
  }
  const { key, certificate } = pairKeyWithCertificate(contents);
  const keyType = keyTypeOf(key);
  const others = contents.certificates.map((entry) => entry.der).filter((der) => !sameBytes(der, certificate));
  let closed = false;
  return {
    certificate,
    chain: orderChain(certificate, others),
    keyType,
    sign(data) {
      if (closed) {
        return Promise.reject(
          signingErrors.signingFailed({ why: 'fileClosed' }),
        );
      }
      return signWithKey(key, data);
    },
    async close() {
      closed = true;
    },
  };
}
