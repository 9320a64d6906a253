// The signing-certificate attribute (RFC 5035 ESS signingCertificateV2; RFC 2634 v1 when reading):
// it binds the signature to one certificate, so that no other certificate for the same key can be
// substituted. PAdES baseline requires it (ETSI EN 319 142-1 §6.3).
import { createHash } from 'node:crypto';
import type * as asn1js from 'asn1js';
import type { ParsedCertificate } from './certificates';
import {
  algorithmOf,
  childAt,
  childrenOf,
  contextConstructed,
  encodingOf,
  integerBytesOf,
  isContextTag,
  octetsOf,
  octetString,
  sameBytes,
  sequence,
  tagged,
} from './der';
import { hashOfOid, OID, type HashName } from './oids';
import { attributeValue, type CmsAttribute } from './signedData';

/**
 * SigningCertificateV2 with one ESSCertIDv2: the certificate's SHA-256 hash (the default
 * algorithm, so left out as DER requires) and issuerSerial (the issuer as a directoryName).
 */
export function signingCertificateV2(certificate: ParsedCertificate): Uint8Array {
  const certHash = createHash('sha256').update(certificate.der).digest();
  const issuerSerial = sequence(sequence(contextConstructed(4, certificate.issuerDer)), tagged(0x02, certificate.serial));
  return sequence(sequence(sequence(octetString(certHash), issuerSerial)));
}

/** IssuerSerial: does it name `certificate`'s issuer (as a directoryName) and serial number? */
function issuerSerialNames(issuerSerial: asn1js.AsnType, certificate: ParsedCertificate): boolean {
  const [generalNames, serial] = childrenOf(issuerSerial, 'IssuerSerial');
  const directoryNames = childrenOf(generalNames, 'GeneralNames').filter((name) => isContextTag(name, 4));
  const issuerMatches = directoryNames.some((name) => sameBytes(encodingOf(childAt(name, 0, 'directoryName')), certificate.issuerDer));
  return issuerMatches && sameBytes(integerBytesOf(serial, 'serialNumber'), certificate.serial);
}

/** ESSCertID or ESSCertIDv2: [hashAlgorithm,] certHash [, issuerSerial]. */
function certIdNames(certId: asn1js.AsnType, defaultHash: HashName, certificate: ParsedCertificate): boolean {
  const fields = childrenOf(certId, 'ESSCertID');
  const algorithm = fields[0] && fields[0].idBlock.tagNumber === 16 ? fields.shift() : undefined;
  const hash = algorithm ? hashOfOid(algorithmOf(algorithm, 'ESSCertID hash').oid) : defaultHash;
  const [certHash, issuerSerial] = fields;
  if (!hash) return false;
  const hashMatches = sameBytes(octetsOf(certHash, 'certHash'), createHash(hash).update(certificate.der).digest());
  return hashMatches && (!issuerSerial || issuerSerialNames(issuerSerial, certificate));
}

/**
 * Whether the signed attributes bind the signature to `certificate`: 'absent' without either
 * attribute; otherwise the first ESSCertID (the signer's, RFC 5035 §5.4) must match it.
 */
export function signingCertificateMatch(
  signedAttributes: readonly CmsAttribute[] | null,
  certificate: ParsedCertificate,
): 'match' | 'mismatch' | 'absent' {
  const v2 = attributeValue(signedAttributes, OID.signingCertificateV2);
  const v1 = attributeValue(signedAttributes, OID.signingCertificate);
  const value = v2 ?? v1;
  if (!value) return 'absent';
  const [certs] = childrenOf(value, 'SigningCertificate');
  const first = childrenOf(certs, 'SigningCertificate certs')[0];
  return first && certIdNames(first, v2 ? 'sha256' : 'sha1', certificate) ? 'match' : 'mismatch';
}
