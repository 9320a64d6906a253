// Certificate revocation lists (RFC 5280 §5) imported offline by the administrator (issue 12,
// "Revocation"): a CRL is read, its signature checked against its issuer's key, and its dates
// checked before it is kept; a signature check then asks whether a certificate was revoked, and when.
// The app never fetches anything: a CRL that is not imported is "not checked", never "good".
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { DomainError } from '../../../shared/domain/errors';
import { chainsToTrusted } from './certificatePaths';
import { algorithmOf, bitStringBytesOf, childAt, childrenOf, encodingOf, integerBytesOf, isContextTag, parseAsn1, sameBytes } from './der';
import { formatName } from './distinguishedNames';
import { pemCertificates } from './pemCertificates';
import { verifySignatureValue } from './signatureAlgorithms';

/** The most CRL bytes accepted in one file (national CAs publish CRLs of a few megabytes). */
export const MAX_CRL_BYTES = 20 * 1024 * 1024;

export interface ParsedCrl {
  der: Uint8Array;
  issuerDer: Uint8Array;
  issuer: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** Revoked serial numbers (INTEGER content octets as hex, sign octet removed) and when. */
  revoked: Map<string, Date>;
  tbs: Uint8Array;
  signatureAlgorithm: ReturnType<typeof algorithmOf>;
  signature: Uint8Array;
}

const unreadable = () => new DomainError('CRL_UNREADABLE');

function timeOf(node: asn1js.AsnType | undefined): Date | null {
  if (node instanceof asn1js.UTCTime || node instanceof asn1js.GeneralizedTime) return node.toDate();
  return null;
}

/** The serial number as a map key: hex of the INTEGER content without a leading sign octet. */
export function serialKey(serial: Uint8Array): string {
  const unsigned = serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
  return Buffer.from(unsigned).toString('hex');
}

/** DER, or PEM "X509 CRL" armour, to DER. */
function crlDer(bytes: Uint8Array): Uint8Array {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  if (!head.includes('-----BEGIN')) return bytes;
  const m = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/.exec(Buffer.from(bytes).toString('latin1'));
  if (!m) throw unreadable();
  return new Uint8Array(Buffer.from((m[1] as string).replace(/\s+/g, ''), 'base64'));
}

/** RFC 5280 §5.1: CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }. */
export function parseCrl(bytes: Uint8Array): ParsedCrl {
  if (bytes.length > MAX_CRL_BYTES) {
    throw new DomainError('CRL_TOO_LARGE', { maxMegabytes: MAX_CRL_BYTES / 1024 / 1024 });
  }
  try {
    const der = crlDer(bytes);
    const [tbs, algorithm, signatureValue] = childrenOf(parseAsn1(der, 'CertificateList'), 'CertificateList');
    const fields = childrenOf(tbs, 'TBSCertList');
    // version is optional (v2 when present); then signature, issuer, thisUpdate, nextUpdate?, revokedCertificates?, [0] extensions?
    let i = fields[0] instanceof asn1js.Integer ? 1 : 0;
    i += 1; // signature AlgorithmIdentifier (must equal the outer one; checked by the signature)
    const issuerDer = encodingOf(childAt(tbs, i, 'issuer'));
    const thisUpdate = timeOf(fields[i + 1]);
    if (!thisUpdate) throw new Error('thisUpdate');
    const maybeNext = timeOf(fields[i + 2]);
    let rest = fields.slice(maybeNext ? i + 3 : i + 2);
    const revoked = new Map<string, Date>();
    if (rest[0] instanceof asn1js.Sequence) {
      for (const entry of childrenOf(rest[0], 'revokedCertificates')) {
        const serial = integerBytesOf(childAt(entry, 0, 'userCertificate'), 'userCertificate');
        const when = timeOf(childAt(entry, 1, 'revocationDate'));
        if (!when) throw new Error('revocationDate');
        revoked.set(serialKey(serial), when);
      }
      rest = rest.slice(1);
    }
    if (rest.length > 0 && !isContextTag(rest[0], 0)) throw new Error('TBSCertList');
    return {
      der,
      issuerDer,
      issuer: formatName(issuerDer),
      thisUpdate,
      nextUpdate: maybeNext,
      revoked,
      tbs: encodingOf(tbs as asn1js.AsnType),
      signatureAlgorithm: algorithmOf(algorithm, 'signatureAlgorithm'),
      signature: bitStringBytesOf(signatureValue, 'signatureValue'),
    };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw unreadable();
  }
}

/** True when `issuer` (DER certificate) is named as the CRL's issuer, may sign CRLs, and its key verifies the CRL. */
export function crlSignedBy(crl: ParsedCrl, issuer: Uint8Array): boolean {
  try {
    const x509 = new X509Certificate(issuer);
    if (!sameBytes(subjectOf(issuer), crl.issuerDer) || !x509.ca) return false;
    return verifySignatureValue({ signatureAlgorithm: crl.signatureAlgorithm, digestAlgorithm: '', data: crl.tbs, signature: crl.signature, publicKey: x509.publicKey }) === 'valid';
  } catch {
    return false;
  }
}

/** The subject's index in a TBSCertificate: after [0] version (if present), serial, signature, issuer, validity. */
function subjectIndex(certificate: Uint8Array): number {
  const first = childAt(childAt(parseAsn1(certificate, 'Certificate'), 0, 'tbsCertificate'), 0, 'version');
  return isContextTag(first, 0) ? 5 : 4;
}

/** The subject Name DER of a certificate. */
export function subjectOf(certificate: Uint8Array): Uint8Array {
  return encodingOf(childAt(childAt(parseAsn1(certificate, 'Certificate'), 0, 'tbsCertificate'), subjectIndex(certificate), 'subject'));
}

/** A CRL as kept in the data directory: the list and the certificate of the CA that signed it. */
export interface StoredCrl {
  id: string;
  name: string;
  der: Uint8Array;
  issuerCertificate: Uint8Array;
  importedAt: string;
}

/**
 * Checks a CRL before it is kept (issue 12, "Bad input"): readable, not expired at `now`, and signed
 * by a CA certificate that is one of the trusted roots or chains to one (`issuerCandidates` may add
 * the issuing CA's certificate, PEM or DER, when it is not a root). Returns it parsed with its signer.
 */
export function checkCrlForImport(
  bytes: Uint8Array,
  options: { trustedRootsPem: string; issuerCandidates?: Uint8Array; now: Date },
): { crl: ParsedCrl; issuerCertificate: Uint8Array } {
  const crl = parseCrl(bytes);
  if (crl.nextUpdate === null) {
    // RFC 5280 §5.1.2.5: a conforming CA always says when its next list is due; without that date a
    // list would count as current forever and vouch for certificates revoked long after it.
    throw new DomainError('CRL_NO_NEXT_UPDATE', { issuer: crl.issuer });
  }
  if (crl.nextUpdate.getTime() < options.now.getTime()) {
    throw new DomainError('CRL_EXPIRED', { issuer: crl.issuer, nextUpdate: crl.nextUpdate.toISOString() });
  }
  if (crl.thisUpdate.getTime() > options.now.getTime() + 5 * 60_000) {
    throw new DomainError('CRL_NOT_YET_VALID');
  }
  const roots = pemCertificates(options.trustedRootsPem);
  const extra = options.issuerCandidates ? certificatesIn(options.issuerCandidates) : [];
  const signer = [...roots, ...extra].find((candidate) => crlSignedBy(crl, candidate));
  if (!signer) {
    throw new DomainError('CRL_SIGNATURE_INVALID', { issuer: crl.issuer });
  }
  if (!roots.some((root) => sameBytes(root, signer)) && !chainsToTrusted(signer, extra, roots)) {
    throw new DomainError('CRL_ISSUER_UNTRUSTED', { issuer: crl.issuer });
  }
  return { crl, issuerCertificate: signer };
}

/** The certificates in a PEM bundle or one DER certificate. */
function certificatesIn(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  return text.includes('-----BEGIN CERTIFICATE-----') ? pemCertificates(text) : [bytes];
}

export type RevocationStatus =
  | { status: 'good'; checkedAt: string; source: string }
  | { status: 'revoked'; revokedAt: string; source: string }
  | { status: 'notChecked'; reason: 'noList' | 'stale'; source?: string };

/** A list the check may use: read, and signed by `issuerCertificate` (checked before it is given here). */
export interface ParsedCrlWithSigner {
  crl: ParsedCrl;
  issuerCertificate: Uint8Array;
  /**
   * Issue 18: the time a believed document timestamp proves the list existed at (it was in the
   * document security store the timestamp covers). Such a list also counts as current at that time.
   */
  existedAt?: Date;
}

/** The certificate whose status is asked: its serial and issuer, and its end of validity (lists issued after it may leave it out). */
export interface CertificateRef {
  serial: Uint8Array;
  issuerDer: Uint8Array;
  notAfter?: Date;
}

const within = (crl: ParsedCrl, at: Date): boolean => crl.thisUpdate.getTime() <= at.getTime() && crl.nextUpdate !== null && crl.nextUpdate.getTime() >= at.getTime();

/**
 * Whether a list that does not name the certificate proves it was not revoked (issue 12, 18). The
 * freshness rule (ETSI EN 319 102-1 §5.2.5, simplified): a list issued at or after the proven signing
 * time says the certificate was not revoked then; a list issued before that time says nothing about
 * it, except that the list current at the moment of a validation is the issuer's word at that moment
 * — at `now` (as issue 12 has it), or at the time a believed document timestamp proves the list was
 * at hand (`existedAt`, the long-term counterpart of "now"). A list issued after the certificate
 * expired proves nothing (RFC 5280 §3.3: a CA may drop expired certificates from its lists).
 */
function provesGood(c: ParsedCrlWithSigner, certificate: CertificateRef, now: Date, provenTime: Date | null): boolean {
  if (certificate.notAfter !== undefined && c.crl.thisUpdate.getTime() > certificate.notAfter.getTime()) return false;
  const afterSigning = provenTime !== null && c.crl.thisUpdate.getTime() >= provenTime.getTime();
  return afterSigning || within(c.crl, now) || (c.existedAt !== undefined && within(c.crl, c.existedAt));
}

/** The status and the list that gives it (the long-term writer embeds that list, issue 18). */
export interface RevocationEvidence {
  status: RevocationStatus;
  list: ParsedCrlWithSigner | null;
}

/**
 * Whether `certificate` issued by `issuerCertificate` is revoked according to `crls` (only lists that
 * CA signed count), and the list that says so. A list that does not name it proves it good only as
 * `provesGood` says; otherwise it is "not checked" (stale), never "good".
 */
export function revocationEvidence(
  certificate: CertificateRef,
  issuerCertificate: Uint8Array | null,
  crls: readonly ParsedCrlWithSigner[],
  now: Date,
  provenTime: Date | null,
): RevocationEvidence {
  const key = serialKey(certificate.serial);
  const relevant = crls.filter(
    (c) => sameBytes(c.crl.issuerDer, certificate.issuerDer) && (issuerCertificate === null || samePublicKey(c.issuerCertificate, issuerCertificate)),
  );
  if (relevant.length === 0) return { status: { status: 'notChecked', reason: 'noList' }, list: null };
  const revokedIn = relevant.find((c) => c.crl.revoked.has(key));
  if (revokedIn) {
    return { status: { status: 'revoked', revokedAt: (revokedIn.crl.revoked.get(key) as Date).toISOString(), source: sourceOf(revokedIn.crl) }, list: revokedIn };
  }
  const newest = (lists: readonly ParsedCrlWithSigner[]) => lists.reduce((a, b) => (b.crl.thisUpdate > a.crl.thisUpdate ? b : a));
  const proving = relevant.filter((c) => provesGood(c, certificate, now, provenTime));
  if (proving.length > 0) {
    const best = newest(proving);
    return { status: { status: 'good', checkedAt: best.crl.thisUpdate.toISOString(), source: sourceOf(best.crl) }, list: best };
  }
  return { status: { status: 'notChecked', reason: 'stale', source: sourceOf(newest(relevant).crl) }, list: null };
}

/** The revocation status alone (see revocationEvidence). */
export function revocationOf(
  certificate: CertificateRef,
  issuerCertificate: Uint8Array | null,
  crls: readonly ParsedCrlWithSigner[],
  now: Date,
  provenTime: Date | null,
): RevocationStatus {
  return revocationEvidence(certificate, issuerCertificate, crls, now, provenTime).status;
}

function sourceOf(crl: ParsedCrl): string {
  return `${crl.issuer}, ${crl.thisUpdate.toISOString()}`;
}

function samePublicKey(a: Uint8Array, b: Uint8Array): boolean {
  try {
    const ka = new X509Certificate(a).publicKey.export({ format: 'der', type: 'spki' });
    const kb = new X509Certificate(b).publicKey.export({ format: 'der', type: 'spki' });
    return ka.equals(kb);
  } catch {
    return false;
  }
}

/** The stored lists, parsed once per call site; a list that no longer parses is left out. */
export function parsedCrls(stored: readonly Pick<StoredCrl, 'der' | 'issuerCertificate'>[]): ParsedCrlWithSigner[] {
  return stored.flatMap((s) => {
    try {
      return [{ crl: parseCrl(s.der), issuerCertificate: s.issuerCertificate }];
    } catch {
      return [];
    }
  });
}
