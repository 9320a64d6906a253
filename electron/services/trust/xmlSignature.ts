// The XML signature of a trusted list (ETSI TS 119 612 §5.7.1: an enveloped XAdES/XMLDSig signature
// over the whole list by the scheme operator), checked with the operator's certificate that the
// administrator gives, never with one the file names. Only what the signature covers is returned:
// the list is read from that canonical text, never from the DOM it came in (signature wrapping).
import { constants, createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { SignedXml, type HashAlgorithm, type SignatureAlgorithm } from 'xml-crypto';
import { DomainError } from '../../../shared/domain/errors';

export const DS = 'http://www.w3.org/2000/09/xmldsig#';

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
/** The canonicalizations xml-crypto implements (inclusive and exclusive, with and without comments). */
const CANONICALIZATIONS: ReadonlySet<string> = new Set([
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
]);

/** Digests of SHA-256 or stronger (RFC 6931 names); SHA-1 is refused. */
const DIGESTS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

interface SignatureScheme {
  hash: string;
  kind: 'rsa' | 'rsaPss' | 'ecdsa';
}

/** Signature methods of SHA-256 or stronger (RFC 6931 names; ECDSA values are r‖s, RFC 4050). */
const SIGNATURE_METHODS: Readonly<Record<string, SignatureScheme>> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { hash: 'sha256', kind: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { hash: 'sha384', kind: 'rsa' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { hash: 'sha512', kind: 'rsa' },
  'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': { hash: 'sha256', kind: 'rsaPss' },
  'http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1': { hash: 'sha384', kind: 'rsaPss' },
  'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1': { hash: 'sha512', kind: 'rsaPss' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { hash: 'sha256', kind: 'ecdsa' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { hash: 'sha384', kind: 'ecdsa' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { hash: 'sha512', kind: 'ecdsa' },
};

function hashAlgorithm(uri: string, hash: string): new () => HashAlgorithm {
  return class {
    getAlgorithmName = () => uri;
    getHash = (xml: string) => createHash(hash).update(xml, 'utf8').digest('base64');
  };
}

function signatureAlgorithm(uri: string, scheme: SignatureScheme): new () => SignatureAlgorithm {
  const options =
    scheme.kind === 'rsaPss'
      ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
      : scheme.kind === 'ecdsa'
        ? { dsaEncoding: 'ieee-p1363' as const }
        : {};
  return class {
    getAlgorithmName = () => uri;
    getSignature = (): string => {
      throw new Error('verification only');
    };
    verifySignature = (material: string, key: KeyObject, signatureValue: string): boolean =>
      verify(scheme.hash, Buffer.from(material, 'utf8'), { key, ...options }, Buffer.from(signatureValue, 'base64'));
  } as unknown as new () => SignatureAlgorithm;
}

const HASH_ALGORITHMS = Object.fromEntries(Object.entries(DIGESTS).map(([uri, hash]) => [uri, hashAlgorithm(uri, hash)]));
const SIGNATURE_ALGORITHMS = Object.fromEntries(Object.entries(SIGNATURE_METHODS).map(([uri, scheme]) => [uri, signatureAlgorithm(uri, scheme)]));

const childrenNamed = (parent: Element, ns: string, name: string): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name);

const algorithmOf = (parent: Element, name: string): string => childrenNamed(parent, DS, name)[0]?.getAttribute('Algorithm') ?? '';

/** Refuses a signature whose algorithms are weaker than SHA-256 or unknown, before any is run. */
function checkAlgorithms(signedInfo: Element): void {
  const method = algorithmOf(signedInfo, 'SignatureMethod');
  if (!(method in SIGNATURE_METHODS)) throw new DomainError('TRUSTED_LIST_ALGORITHM', { algorithm: method || '–' });
  const canonicalization = algorithmOf(signedInfo, 'CanonicalizationMethod');
  if (!CANONICALIZATIONS.has(canonicalization)) throw new DomainError('TRUSTED_LIST_ALGORITHM', { algorithm: canonicalization || '–' });
  for (const reference of childrenNamed(signedInfo, DS, 'Reference')) {
    const digest = algorithmOf(reference, 'DigestMethod');
    if (!(digest in DIGESTS)) throw new DomainError('TRUSTED_LIST_ALGORITHM', { algorithm: digest || '–' });
  }
}

const transformsOf = (reference: Element): string[] =>
  childrenNamed(reference, DS, 'Transforms').flatMap((t) => childrenNamed(t, DS, 'Transform').map((x) => x.getAttribute('Algorithm') ?? ''));

/**
 * The one reference that covers the whole list: to the document ("") or to the root by its Id, with
 * the enveloped-signature transform and canonicalization only. Other references (XAdES's signed
 * properties) are checked by their digests but nothing is read from them.
 */
function wholeListReference(signedInfo: Element, root: Element): string {
  const rootId = root.getAttribute('Id');
  const whole = childrenNamed(signedInfo, DS, 'Reference').filter((r) => {
    const uri = r.getAttribute('URI');
    return uri === '' || (rootId !== null && rootId !== '' && uri === `#${rootId}`);
  });
  const reference = whole[0];
  if (whole.length !== 1 || !reference) throw new DomainError('TRUSTED_LIST_SIGNATURE_SCOPE');
  const transforms = transformsOf(reference);
  if (!transforms.includes(ENVELOPED) || transforms.some((t) => t !== ENVELOPED && !CANONICALIZATIONS.has(t))) {
    throw new DomainError('TRUSTED_LIST_SIGNATURE_SCOPE');
  }
  return reference.getAttribute('URI') ?? '';
}

/** The certificates the signature's KeyInfo carries (DER), if any. */
function keyInfoCertificates(signature: Element): Uint8Array[] {
  return childrenNamed(signature, DS, 'KeyInfo')
    .flatMap((k) => childrenNamed(k, DS, 'X509Data'))
    .flatMap((d) => childrenNamed(d, DS, 'X509Certificate'))
    .map((c) => new Uint8Array(Buffer.from((c.textContent ?? '').replace(/\s+/g, ''), 'base64')));
}

function subjectOf(der: Uint8Array): string {
  try {
    return new X509Certificate(der).subject.split('\n').reverse().join(', ');
  } catch {
    return '–';
  }
}

/**
 * Checks the list's signature (TS 119 612 §5.7.1, XMLDSig core validation) and returns the canonical
 * text of what it signs: the whole list without its signature. `root` and `signature` are of the
 * document parsed from `xml`; the signature must be the root's only ds:Signature child (the caller
 * has checked there is no other anywhere). Throws the reason as a DomainError.
 */
export function signedListContent(xml: string, root: Element, signature: Element, operator: X509Certificate): string {
  const signedInfo = childrenNamed(signature, DS, 'SignedInfo')[0];
  if (!signedInfo) throw new DomainError('TRUSTED_LIST_SIGNATURE_SCOPE');
  checkAlgorithms(signedInfo);
  const uri = wholeListReference(signedInfo, root);
  const named = keyInfoCertificates(signature);
  const other = named.length > 0 && !named.some((c) => Buffer.from(c).equals(operator.raw)) ? named[0] : undefined;

  const verifier = new SignedXml({ publicCert: operator.publicKey, getCertFromKeyInfo: () => null });
  verifier.HashAlgorithms = HASH_ALGORITHMS;
  verifier.SignatureAlgorithms = SIGNATURE_ALGORITHMS;
  let valid = false;
  try {
    verifier.loadSignature(signature);
    valid = verifier.checkSignature(xml);
  } catch {
    valid = false;
  }
  if (other) throw new DomainError('TRUSTED_LIST_SIGNED_BY_OTHER', { signer: subjectOf(other) });
  const signed = valid ? verifier.getReferences().find((r) => r.uri === uri)?.signedReference : undefined;
  if (signed === undefined) throw new DomainError('TRUSTED_LIST_SIGNATURE_INVALID');
  return signed;
}
