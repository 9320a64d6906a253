// Reading a CMS SignedData (RFC 5652 §5) and checking one SignerInfo against the certificates it
// carries: the signature over the signed attributes, and the message digest they state. Used for a
// document's signature and for the RFC 3161 timestamp token inside it.
import { X509Certificate, type KeyObject } from 'node:crypto';
import type * as asn1js from 'asn1js';
import { parseCertificate, type ParsedCertificate } from './certificates';
import {
  Asn1Error,
  algorithmOf,
  childAt,
  childrenOf,
  encodingOf,
  integerBytesOf,
  isContextTag,
  octetsOf,
  oidOf,
  parseAsn1,
  sameBytes,
  type AlgorithmIdentifier,
} from './der';
import { OID } from './oids';
import { verifySignatureValue } from './signatureAlgorithms';

export interface CmsAttribute {
  type: string;
  values: asn1js.AsnType[];
}

export type SignerIdentifier =
  | { kind: 'issuerAndSerialNumber'; issuer: Uint8Array; serial: Uint8Array }
  | { kind: 'subjectKeyIdentifier'; keyId: Uint8Array };

export interface SignerInfo {
  sid: SignerIdentifier;
  digestAlgorithm: string;
  /** Null when the signer signed the content itself rather than attributes. */
  signedAttributes: CmsAttribute[] | null;
  /** The signed attributes exactly as signed: their encoding with the [0] tag read as SET (RFC 5652 §5.4). */
  signedAttributesDer: Uint8Array | null;
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  unsignedAttributes: CmsAttribute[];
}

export interface SignedData {
  contentType: string;
  /** The encapsulated content, or null when detached. */
  content: Uint8Array | null;
  /** The embedded certificates, DER as embedded. */
  certificates: Uint8Array[];
  signerInfos: SignerInfo[];
}

function attributesOf(node: asn1js.AsnType): CmsAttribute[] {
  return childrenOf(node, 'attributes').map((attribute) => {
    const [type, values] = childrenOf(attribute, 'Attribute');
    return { type: oidOf(type, 'attribute type'), values: childrenOf(values, 'attribute values') };
  });
}

function signerIdentifierOf(node: asn1js.AsnType): SignerIdentifier {
  if (isContextTag(node, 0)) return { kind: 'subjectKeyIdentifier', keyId: octetsOf(node, 'subjectKeyIdentifier') };
  const [issuer, serial] = childrenOf(node, 'IssuerAndSerialNumber');
  return { kind: 'issuerAndSerialNumber', issuer: encodingOf(issuer!), serial: integerBytesOf(serial, 'serialNumber') };
}

function signerInfoOf(node: asn1js.AsnType): SignerInfo {
  const [, sid, digestAlgorithm, ...rest] = childrenOf(node, 'SignerInfo');
  const signed = rest[0] && isContextTag(rest[0], 0) ? rest.shift() : undefined;
  const [signatureAlgorithm, signature, unsigned] = rest;
  let signedAttributesDer: Uint8Array | null = null;
  if (signed) {
    signedAttributesDer = encodingOf(signed).slice();
    signedAttributesDer[0] = 0x31;
  }
  return {
    sid: signerIdentifierOf(sid!),
    digestAlgorithm: algorithmOf(digestAlgorithm, 'digestAlgorithm').oid,
    signedAttributes: signed ? attributesOf(signed) : null,
    signedAttributesDer,
    signatureAlgorithm: algorithmOf(signatureAlgorithm, 'signatureAlgorithm'),
    signature: octetsOf(signature, 'signature'),
    unsignedAttributes: unsigned && isContextTag(unsigned, 1) ? attributesOf(unsigned) : [],
  };
}

/** Parses a ContentInfo holding SignedData; throws Asn1Error for anything else. */
export function parseSignedData(contentInfo: Uint8Array): SignedData {
  const [contentType, wrapped] = childrenOf(parseAsn1(contentInfo, 'ContentInfo'), 'ContentInfo');
  if (oidOf(contentType, 'content type') !== OID.signedData) throw new Asn1Error('the ContentInfo holds no SignedData');
  const [, , encapsulated, ...rest] = childrenOf(childAt(wrapped, 0, 'SignedData'), 'SignedData');
  const [eContentType, eContent] = childrenOf(encapsulated, 'EncapsulatedContentInfo');
  const certificates = rest.find((node) => isContextTag(node, 0));
  const signerInfos = rest.at(-1);
  return {
    contentType: oidOf(eContentType, 'eContentType'),
    content: eContent ? octetsOf(childAt(eContent, 0, 'eContent'), 'eContent') : null,
    // CertificateChoices other than a plain certificate (attribute certificates …) are left out.
    certificates: certificates
      ? childrenOf(certificates, 'certificates')
          .filter((node) => node.idBlock.tagClass === 1)
          .map(encodingOf)
      : [],
    signerInfos: childrenOf(signerInfos, 'signerInfos').map(signerInfoOf),
  };
}

export function attributeValue(attributes: readonly CmsAttribute[] | null, type: string): asn1js.AsnType | undefined {
  return attributes?.find((attribute) => attribute.type === type)?.values[0];
}

function readableCertificate(der: Uint8Array): ParsedCertificate | null {
  try {
    return parseCertificate(der);
  } catch {
    return null;
  }
}

/** The embedded certificate that `sid` names, or null. */
export function signerCertificateOf(sid: SignerIdentifier, certificates: readonly Uint8Array[]): ParsedCertificate | null {
  for (const cert of certificates.map(readableCertificate)) {
    if (!cert) continue;
    const named =
      sid.kind === 'issuerAndSerialNumber'
        ? sameBytes(sid.issuer, cert.issuerDer) && sameBytes(sid.serial, cert.serial)
        : cert.subjectKeyIdentifier !== null && sameBytes(sid.keyId, cert.subjectKeyIdentifier);
    if (named) return cert;
  }
  return null;
}

export interface SignerInfoCheck {
  /** The messageDigest attribute equals the digest of what was signed. */
  digestMatches: boolean;
  /** The signature over the signed attributes, checked with the certificate's key. */
  signature: 'valid' | 'invalid' | 'unsupported';
}

/**
 * Checks a SignerInfo with signed attributes against the digest of its content, computed with the
 * SignerInfo's digest algorithm, and the signer's certificate.
 */
export function checkSignerInfo(signerInfo: SignerInfo, certificate: ParsedCertificate, contentDigest: Uint8Array): SignerInfoCheck {
  const messageDigest = attributeValue(signerInfo.signedAttributes, OID.messageDigest);
  const digestMatches = messageDigest !== undefined && sameBytes(octetsOf(messageDigest, 'messageDigest'), contentDigest);
  const publicKey = publicKeyOf(certificate);
  if (!signerInfo.signedAttributesDer || !publicKey) return { digestMatches, signature: 'unsupported' };
  const signature = verifySignatureValue({
    signatureAlgorithm: signerInfo.signatureAlgorithm,
    digestAlgorithm: signerInfo.digestAlgorithm,
    data: signerInfo.signedAttributesDer,
    signature: signerInfo.signature,
    publicKey,
  });
  return { digestMatches, signature };
}

/** The certificate's public key, or null when OpenSSL cannot use it. */
function publicKeyOf(certificate: ParsedCertificate): KeyObject | null {
  try {
    return new X509Certificate(certificate.der).publicKey;
  } catch {
    return null;
  }
}
