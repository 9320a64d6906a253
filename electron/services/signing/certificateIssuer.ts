// A small certification authority made with node:crypto (issue 12, "Demo"): a root CA, signer
// certificates for named people (the personal code in the subject's serialNumber as Lithuanian
// qualified certificates carry it, "PNOLT-<code>", ETSI EN 319 412-1), and PKCS#12 files as OpenSSL 3
// writes them (the key under PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, an HMAC-SHA256 MAC), so
// that the demo's officials can sign and a newcomer sees a valid signature. For demonstrations and
// tests only: a real institution signs with qualified certificates.
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { contextConstructed, DER_NULL, DER_TRUE, objectIdentifier, octetString, sequence, setOf, smallInteger, tagged, unsignedInteger } from './der';
import { OID } from './oids';
import { passwordForms, pkcs12Mac, type PasswordForm } from './passwordEncryption';

export interface IssuedCertificate {
  /** The certificate, DER. */
  der: Uint8Array;
  /** The certificate, PEM. */
  pem: string;
  privateKey: KeyObject;
  subject: CertificateSubject;
}

export interface CertificateSubject {
  /** The commonName: "Rūta Žemaitienė", "Pusiaukelės demonstracinė CA". */
  commonName: string;
  /** Written as givenName and surname too (a person's certificate). */
  givenName?: string;
  surname?: string;
  /** A Lithuanian personal code, written as serialNumber "PNOLT-<code>". */
  personalCode?: string;
  organization?: string;
  /** Two letters, default "LT". */
  country?: string;
}

export interface Validity {
  from: Date;
  until: Date;
}

const ATTRIBUTE = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  serialNumber: '2.5.4.5',
  givenName: '2.5.4.42',
  surname: '2.5.4.4',
  commonName: '2.5.4.3',
} as const;

const EXTENSION = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

const FRIENDLY_NAME = '1.2.840.113549.1.9.20';

const utf8String = (value: string) => tagged(0x0c, new Uint8Array(Buffer.from(value, 'utf8')));
const printableString = (value: string) => tagged(0x13, new Uint8Array(Buffer.from(value, 'latin1')));

/** An X.501 Name: the country first, the commonName last (the order people read reversed, as CAs write it). */
function nameOf(subject: CertificateSubject): Uint8Array {
  const rdn = (oid: string, value: Uint8Array) => setOf(sequence(objectIdentifier(oid), value));
  const parts: Uint8Array[] = [rdn(ATTRIBUTE.country, printableString(subject.country ?? 'LT'))];
  if (subject.organization) parts.push(rdn(ATTRIBUTE.organization, utf8String(subject.organization)));
  if (subject.personalCode) parts.push(rdn(ATTRIBUTE.serialNumber, printableString(`PNOLT-${subject.personalCode}`)));
  if (subject.givenName) parts.push(rdn(ATTRIBUTE.givenName, utf8String(subject.givenName)));
  if (subject.surname) parts.push(rdn(ATTRIBUTE.surname, utf8String(subject.surname)));
  parts.push(rdn(ATTRIBUTE.commonName, utf8String(subject.commonName)));
  return sequence(...parts);
}

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function timeOf(at: Date): Uint8Array {
  const iso = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return at.getUTCFullYear() < 2050 ? tagged(0x17, new Uint8Array(Buffer.from(`${iso.slice(2)}Z`, 'latin1'))) : tagged(0x18, new Uint8Array(Buffer.from(`${iso}Z`, 'latin1')));
}

function bitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
  return tagged(0x03, new Uint8Array([unusedBits, ...bytes]));
}

function extension(oid: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? sequence(objectIdentifier(oid), DER_TRUE, octetString(value)) : sequence(objectIdentifier(oid), octetString(value));
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
function keyIdentifier(publicKey: KeyObject): Uint8Array {
  const spki = asn1js.fromBER(new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })));
  const bits = (spki.result as asn1js.Sequence).valueBlock.value[1] as asn1js.BitString;
  return new Uint8Array(createHash('sha1').update(bits.valueBlock.valueHexView).digest());
}

interface Issue {
  subject: CertificateSubject;
  publicKey: KeyObject;
  issuer: { subject: CertificateSubject; privateKey: KeyObject; publicKey: KeyObject };
  validity: Validity;
  ca: boolean;
}

function certificate({ subject, publicKey, issuer, validity, ca }: Issue): Uint8Array {
  // sha256WithRSAEncryption for an RSA issuer key, ecdsa-with-SHA256 for an EC one.
  const rsa = issuer.privateKey.asymmetricKeyType === 'rsa';
  const algorithm = rsa ? sequence(objectIdentifier(OID.sha256WithRsa), DER_NULL) : sequence(objectIdentifier(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const extensions = ca
    ? [
        extension(EXTENSION.basicConstraints, true, sequence(DER_TRUE)),
        // keyCertSign (bit 5) and cRLSign (bit 6).
        extension(EXTENSION.keyUsage, true, bitString(new Uint8Array([0x06]), 1)),
        extension(EXTENSION.subjectKeyIdentifier, false, octetString(keyIdentifier(publicKey))),
      ]
    : [
        extension(EXTENSION.basicConstraints, true, sequence()),
        // digitalSignature (bit 0) and nonRepudiation (bit 1): a certificate for signing documents.
        extension(EXTENSION.keyUsage, true, bitString(new Uint8Array([0xc0]), 6)),
        extension(EXTENSION.subjectKeyIdentifier, false, octetString(keyIdentifier(publicKey))),
        extension(EXTENSION.authorityKeyIdentifier, false, sequence(tagged(0x80, keyIdentifier(issuer.publicKey)))),
      ];
  const tbs = sequence(
    contextConstructed(0, smallInteger(2)),
    unsignedInteger(serial),
    algorithm,
    nameOf(issuer.subject),
    sequence(timeOf(validity.from), timeOf(validity.until)),
    nameOf(subject),
    new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
    contextConstructed(3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, issuer.privateKey);
  return sequence(tbs, algorithm, bitString(new Uint8Array(signature)));
}

function pemOf(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

function rsaKeys(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** A self-signed root CA (RSA 2048, SHA-256), for `validity`. */
export function issueCertificateAuthority(subject: CertificateSubject, validity: Validity): IssuedCertificate {
  const { privateKey, publicKey } = rsaKeys();
  const der = certificate({ subject, publicKey, issuer: { subject, privateKey, publicKey }, validity, ca: true });
  return { der, pem: pemOf(der), privateKey, subject };
}

/** A signer's certificate from `ca` (RSA 2048, keyUsage digitalSignature + nonRepudiation). */
export function issueSignerCertificate(ca: IssuedCertificate, subject: CertificateSubject, validity: Validity): IssuedCertificate {
  const { privateKey, publicKey } = rsaKeys();
  const issuer = { subject: ca.subject, privateKey: ca.privateKey, publicKey: createPublicKey(ca.privateKey) };
  const der = certificate({ subject, publicKey, issuer, validity, ca: false });
  return { der, pem: pemOf(der), privateKey, subject };
}

/**
 * A PKCS#12 file (RFC 7292) with the key and its certificate chain, under `password`: the key as a
 * pkcs8ShroudedKeyBag (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, as Node and OpenSSL 3 write it), the
 * certificates in a plain SafeContents, an HMAC-SHA256 MAC over the whole.
 */
export function pkcs12Of(holder: IssuedCertificate, chain: readonly Uint8Array[], password: string, friendlyName: string): Uint8Array {
  const localKeyId = new Uint8Array(createHash('sha1').update(holder.der).digest());
  const attributes = setOf(
    sequence(objectIdentifier(FRIENDLY_NAME), setOf(tagged(0x1e, new Uint8Array(Buffer.from(friendlyName, 'utf16le').swap16())))),
    sequence(objectIdentifier(OID.localKeyId), setOf(octetString(localKeyId))),
  );
  const shrouded = new Uint8Array(holder.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: password }));
  const keyBag = sequence(objectIdentifier(OID.pkcs8ShroudedKeyBag), contextConstructed(0, shrouded), attributes);
  const certBag = (der: Uint8Array, withAttributes: boolean) =>
    sequence(
      objectIdentifier(OID.certBag),
      contextConstructed(0, sequence(objectIdentifier(OID.x509Certificate), contextConstructed(0, octetString(der)))),
      ...(withAttributes ? [attributes] : []),
    );
  const data = (content: Uint8Array) => sequence(objectIdentifier(OID.data), contextConstructed(0, octetString(content)));
  const authenticatedSafe = sequence(data(sequence(certBag(holder.der, true), ...chain.map((c) => certBag(c, false)))), data(sequence(keyBag)));
  const salt = randomBytes(16);
  const iterations = 2048;
  const [form] = passwordForms(password);
  const mac = pkcs12Mac('sha256', form as PasswordForm, salt, iterations, authenticatedSafe);
  const macData = sequence(sequence(sequence(objectIdentifier(OID.sha256), DER_NULL), octetString(new Uint8Array(mac))), octetString(new Uint8Array(salt)), smallInteger(iterations));
  return sequence(smallInteger(3), data(authenticatedSafe), macData);
}
