// What a certificate says about its holder, and whether it may sign a document now (issue 6,
// "Signatures": the director signs with a certificate meant for signing, valid at signing time).
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bitStringBytesOf, childrenOf, octetsOf, oidOf, parseAsn1, toHex } from './der';
import { commonNameOf, formatName } from './distinguishedNames';
import { OID } from './oids';
import { signingErrors } from './signingErrors';

/** Who the certificate names, decoded correctly ("Ąžuolas Žėkas" survives). */
export interface CertificateInfo {
  /** RFC 4514: "CN=Ąžuolas Žėkas, O=Pusiaukelė, C=LT". */
  subject: string;
  commonName: string;
  issuer: string;
  /** Upper-case hex, as openssl and Windows show it. */
  serialNumber: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  /** RFC 5280 names of the keyUsage bits set ('digitalSignature', …); empty without the extension. */
  keyUsage: string[];
  /** SHA-256 of the DER certificate, lower-case hex (the fingerprint people compare). */
  sha256: string;
}

/** RFC 5280 §4.2.1.3, in bit order. */
const KEY_USAGE_NAMES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** Extended key usages that allow signing a document (an absent extension allows it too). */
const DOCUMENT_SIGNING_PURPOSES: ReadonlySet<string> = new Set([
  OID.anyExtendedKeyUsage,
  OID.emailProtection,
  OID.documentSigning,
  OID.adobeAuthenticDocumentsTrust,
  OID.microsoftDocumentSigning,
]);

/** The parts of a certificate the signing code reads. */
export interface ParsedCertificate {
  readonly der: Uint8Array;
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
  /** The serial number's INTEGER content octets. */
  readonly serial: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** keyUsage bit names, or null without the extension. */
  readonly keyUsage: string[] | null;
  /** extendedKeyUsage purposes (OIDs), or null without the extension. */
  readonly extendedKeyUsage: string[] | null;
  readonly subjectKeyIdentifier: Uint8Array | null;
}

/** Parsed certificates by their bytes (a check meets the same ones many times); bounded. */
const parsedCertificates = new Map<string, ParsedCertificate>();
const PARSED_MAX = 512;

/** Parses a DER certificate; throws CERT_UNREADABLE. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const known = parsedCertificates.get(key);
  if (known) return known;
  const cert = parseCertificateOnce(der);
  if (parsedCertificates.size >= PARSED_MAX) parsedCertificates.delete(parsedCertificates.keys().next().value as string);
  parsedCertificates.set(key, cert);
  return cert;
}

function parseCertificateOnce(der: Uint8Array): ParsedCertificate {
  try {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
    const extension = (oid: string) => cert.extensions?.find((e) => e.extnID === oid);
    const keyUsage = extension(OID.keyUsage);
    const extendedKeyUsage = extension(OID.extKeyUsage);
    const subjectKeyIdentifier = extension(OID.subjectKeyIdentifier);
    return {
      der: new Uint8Array(der),
      subjectDer: new Uint8Array(cert.subject.valueBeforeDecode),
      issuerDer: new Uint8Array(cert.issuer.valueBeforeDecode),
      serial: new Uint8Array(cert.serialNumber.valueBlock.valueHexView),
      notBefore: cert.notBefore.value,
      notAfter: cert.notAfter.value,
      keyUsage: keyUsage ? keyUsageNames(extensionValue(keyUsage)) : null,
      extendedKeyUsage: extendedKeyUsage ? purposesOf(extensionValue(extendedKeyUsage)) : null,
      subjectKeyIdentifier: subjectKeyIdentifier ? octetsOf(extensionValue(subjectKeyIdentifier), 'subjectKeyIdentifier') : null,
    };
  } catch {
    // pkijs and asn1js throw plain errors on anything that is not a certificate.
    throw signingErrors.certUnreadable();
  }
}

function extensionValue(extension: pkijs.Extension): asn1js.AsnType {
  return parseAsn1(new Uint8Array(extension.extnValue.valueBlock.valueHexView), extension.extnID);
}

function keyUsageNames(value: asn1js.AsnType): string[] {
  const bits = bitStringBytesOf(value, 'keyUsage');
  return KEY_USAGE_NAMES.filter((_name, bit) => ((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function purposesOf(value: asn1js.AsnType): string[] {
  return childrenOf(value, 'extKeyUsage').map((purpose) => oidOf(purpose, 'key purpose'));
}

/** Who the certificate names, decoded correctly; throws CERT_UNREADABLE. */
export function describeCertificate(der: Uint8Array): CertificateInfo {
  const cert = parseCertificate(der);
  return describeParsed(cert);
}

export function describeParsed(cert: ParsedCertificate): CertificateInfo {
  return {
    subject: formatName(cert.subjectDer),
    commonName: commonNameOf(cert.subjectDer),
    issuer: formatName(cert.issuerDer),
    serialNumber: serialHex(cert.serial),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    keyUsage: cert.keyUsage ?? [],
    sha256: createHash('sha256').update(cert.der).digest('hex'),
  };
}

/** The serial number without the sign octet DER adds, upper-case hex. */
function serialHex(serial: Uint8Array): string {
  const unsigned = serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
  return toHex(unsigned).toUpperCase();
}

export type Validity = 'valid' | 'expired' | 'notYetValid';

export function validityAt(cert: ParsedCertificate, at: Date): Validity {
  if (at.getTime() > cert.notAfter.getTime()) return 'expired';
  if (at.getTime() < cert.notBefore.getTime()) return 'notYetValid';
  return 'valid';
}

/**
 * Refuses a certificate that cannot sign at `at`: expired, not yet valid, a keyUsage without
 * digitalSignature and nonRepudiation, or an extendedKeyUsage that excludes document signing.
 * Throws SigningError (CERT_UNREADABLE, CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_NOT_FOR_SIGNING).
 */
export function checkSigningCertificate(der: Uint8Array, at: Date): void {
  const cert = parseCertificate(der);
  const validity = validityAt(cert, at);
  if (validity === 'expired') throw signingErrors.certExpired(cert.notAfter);
  if (validity === 'notYetValid') throw signingErrors.certNotYetValid(cert.notBefore);
  if (cert.keyUsage && !cert.keyUsage.includes('digitalSignature') && !cert.keyUsage.includes('nonRepudiation')) {
    throw signingErrors.certNotForSigning({ why: 'keyUsage' });
  }
  const purposes = cert.extendedKeyUsage;
  if (purposes && !purposes.some((purpose) => DOCUMENT_SIGNING_PURPOSES.has(purpose))) {
    throw signingErrors.certNotForSigning({ why: 'purposes', purposes });
  }
}
