// Certificate revocation lists (RFC 5280 §5) imported offline by the administrator (issue 12,
// "Revocation"): a CRL is read, its signature checked against its issuer's key, and its dates
// checked before it is kept; a signature check then asks whether a certificate was revoked, and when.
// The app never fetches anything: a CRL that is not imported is "not checked", never "good".
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { DomainError } from '../../../shared/domain/errors';
import type { UnusableCrlReason } from '../../../shared/domain/errorTexts/longTerm';
import { chainsToTrusted } from './certificatePaths';
import { parseCertificate } from './certificates';
import { algorithmOf, bitStringBytesOf, childAt, childrenOf, encodingOf, integerBytesOf, isContextTag, octetsOf, oidOf, parseAsn1, sameBytes } from './der';
import { formatName } from './distinguishedNames';
import { pemCertificates } from './pemCertificates';
import { verifySignatureValue } from './signatureAlgorithms';

/** The most CRL bytes accepted in one file (national CAs publish CRLs of a few megabytes). */
export const MAX_CRL_BYTES = 20 * 1024 * 1024;

/** RFC 5280 §5.2, §5.3, §4.2.1.9, §4.2.1.13: the extensions a list and a certificate are read for. */
const EXTENSION = {
  authorityKeyIdentifier: '2.5.29.35',
  issuerAltName: '2.5.29.18',
  crlNumber: '2.5.29.20',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  freshestCrl: '2.5.29.46',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  expiredCertsOnCrl: '2.5.29.60',
  reasonCode: '2.5.29.21',
  holdInstructionCode: '2.5.29.23',
  invalidityDate: '2.5.29.24',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
} as const;

/** The list extensions this reader understands (RFC 5280 §5.2); an unknown critical one makes the list unusable. */
const KNOWN_LIST_EXTENSIONS: ReadonlySet<string> = new Set([
  EXTENSION.authorityKeyIdentifier,
  EXTENSION.issuerAltName,
  EXTENSION.crlNumber,
  EXTENSION.deltaCrlIndicator,
  EXTENSION.issuingDistributionPoint,
  EXTENSION.freshestCrl,
  EXTENSION.authorityInfoAccess,
  EXTENSION.expiredCertsOnCrl,
]);

/** The entry extensions understood (RFC 5280 §5.3). certificateIssuer is not: it belongs to indirect lists, which are not used. */
const KNOWN_ENTRY_EXTENSIONS: ReadonlySet<string> = new Set([EXTENSION.reasonCode, EXTENSION.holdInstructionCode, EXTENSION.invalidityDate]);

/** What the list's issuing distribution point (RFC 5280 §5.2.5) says it covers; all false and null without one. */
export interface CrlScope {
  /** The list has an issuing distribution point (it may cover only some certificates). */
  present: boolean;
  /** The distribution point's full names (GeneralName DER each); [] for a name relative to the issuer; null when none is named. */
  distributionPoint: Uint8Array[] | null;
  onlyUserCerts: boolean;
  onlyCaCerts: boolean;
  /** onlySomeReasons: the list is one partition by revocation reason. */
  onlySomeReasons: boolean;
  indirect: boolean;
  onlyAttributeCerts: boolean;
}

export interface ParsedCrl {
  der: Uint8Array;
  issuerDer: Uint8Array;
  issuer: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /**
   * Revoked serial numbers (INTEGER content octets as hex, sign octet removed) and when. An entry
   * whose reasonCode is removeFromCRL (a delta list's "no longer revoked", RFC 5280 §5.3.1) is not one.
   */
  revoked: Map<string, Date>;
  tbs: Uint8Array;
  signatureAlgorithm: ReturnType<typeof algorithmOf>;
  signature: Uint8Array;
  /** A delta list (deltaCRLIndicator, RFC 5280 §5.2.4): only the changes since a base list. */
  delta: boolean;
  scope: CrlScope;
  /** A critical list or entry extension this reader does not understand (its OID), else null. */
  unknownCritical: string | null;
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

interface Extension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

/** Extensions ::= SEQUENCE OF Extension { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
function extensionsOf(node: asn1js.AsnType): Extension[] {
  return childrenOf(node, 'Extensions').map((extension) => {
    const [id, second, third] = childrenOf(extension, 'Extension');
    const critical = second instanceof asn1js.Boolean && second.getValue();
    return { oid: oidOf(id, 'extnID'), critical, value: octetsOf(second instanceof asn1js.Boolean ? third : second, 'extnValue') };
  });
}

/** The value of an implicitly tagged primitive (BOOLEAN, BIT STRING) in a context tag. */
const contentOf = (node: asn1js.AsnType): Uint8Array => new Uint8Array((node.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView);

/** DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] } → the full names' GeneralName DER ([] for a relative name). */
function distributionPointNames(name: asn1js.AsnType): Uint8Array[] {
  const choice = childAt(name, 0, 'DistributionPointName');
  return isContextTag(choice, 0) ? childrenOf(choice, 'fullName').map(encodingOf) : [];
}

const NO_SCOPE: CrlScope = { present: false, distributionPoint: null, onlyUserCerts: false, onlyCaCerts: false, onlySomeReasons: false, indirect: false, onlyAttributeCerts: false };

/** IssuingDistributionPoint (RFC 5280 §5.2.5), its BOOLEANs DEFAULT FALSE. */
function scopeOf(value: Uint8Array): CrlScope {
  const scope = { ...NO_SCOPE, present: true };
  const flag = (node: asn1js.AsnType) => contentOf(node).some((b) => b !== 0);
  for (const node of childrenOf(parseAsn1(value, 'IssuingDistributionPoint'), 'IssuingDistributionPoint')) {
    if (isContextTag(node, 0)) scope.distributionPoint = distributionPointNames(node);
    else if (isContextTag(node, 1)) scope.onlyUserCerts = flag(node);
    else if (isContextTag(node, 2)) scope.onlyCaCerts = flag(node);
    else if (isContextTag(node, 3)) scope.onlySomeReasons = true;
    else if (isContextTag(node, 4)) scope.indirect = flag(node);
    else if (isContextTag(node, 5)) scope.onlyAttributeCerts = flag(node);
  }
  return scope;
}

/** CRLReason removeFromCRL (RFC 5280 §5.3.1): in a delta list, the certificate is no longer revoked. */
const REMOVE_FROM_CRL = 8;

/** The entry's CRLReason (an ENUMERATED in the reasonCode extension), or null when it has none. */
function reasonOf(extensions: readonly Extension[]): number | null {
  const reason = extensions.find((e) => e.oid === EXTENSION.reasonCode);
  if (!reason) return null;
  const value = parseAsn1(reason.value, 'CRLReason');
  if (!(value instanceof asn1js.Enumerated)) throw new Error('CRLReason');
  return value.valueBlock.valueDec;
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
    let unknownCritical: string | null = null;
    const unknown = (extensions: readonly Extension[], known: ReadonlySet<string>) => extensions.find((e) => e.critical && !known.has(e.oid))?.oid ?? null;
    if (rest[0] instanceof asn1js.Sequence) {
      for (const entry of childrenOf(rest[0], 'revokedCertificates')) {
        const serial = integerBytesOf(childAt(entry, 0, 'userCertificate'), 'userCertificate');
        const when = timeOf(childAt(entry, 1, 'revocationDate'));
        if (!when) throw new Error('revocationDate');
        const entryNode = childrenOf(entry, 'revokedCertificate')[2];
        const entryExtensions = entryNode ? extensionsOf(entryNode) : [];
        unknownCritical ??= unknown(entryExtensions, KNOWN_ENTRY_EXTENSIONS);
        if (reasonOf(entryExtensions) !== REMOVE_FROM_CRL) revoked.set(serialKey(serial), when);
      }
      rest = rest.slice(1);
    }
    if (rest.length > 1 || (rest.length === 1 && !isContextTag(rest[0], 0))) throw new Error('TBSCertList');
    const extensions = rest[0] ? extensionsOf(childAt(rest[0], 0, 'crlExtensions')) : [];
    const idp = extensions.find((e) => e.oid === EXTENSION.issuingDistributionPoint);
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
      delta: extensions.some((e) => e.oid === EXTENSION.deltaCrlIndicator),
      scope: idp ? scopeOf(idp.value) : NO_SCOPE,
      unknownCritical: unknown(extensions, KNOWN_LIST_EXTENSIONS) ?? unknownCritical,
    };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw unreadable();
  }
}

/**
 * Why a list can give no certificate's status at all (RFC 5280 §5.2, §6.3.3), or null: a delta
 * list (only the changes since a base list: a certificate it leaves out may be on the base), a
 * critical extension this reader does not understand (§5.2: such a list must not be used), an
 * indirect list (its entries may be other issuers' certificates), a list of attribute certificates.
 */
function unusable(crl: ParsedCrl): UnusableCrlReason | null {
  if (crl.delta) return 'delta';
  if (crl.unknownCritical !== null) return 'criticalExtension';
  if (crl.scope.indirect) return 'indirect';
  if (crl.scope.onlyAttributeCerts) return 'partial';
  return null;
}

/**
 * Whether a usable list covers `certificate` whole, so that leaving it out says it was not revoked
 * (RFC 5280 §6.3.3 (b)): a list of CA certificates only or of end-entity ones only covers only
 * those; a partition by reasons covers no certificate whole; a list for one distribution point
 * covers only the certificates that name it among theirs.
 */
function covers(crl: ParsedCrl, certificate: CertificateRef): boolean {
  const { scope } = crl;
  // Whose distribution points and kind are unknown may be outside any list that limits its scope.
  if (!certificate.extensionsRead && scope.present) return false;
  if (scope.onlySomeReasons || (scope.onlyCaCerts && !certificate.isCa) || (scope.onlyUserCerts && certificate.isCa)) return false;
  const named = scope.distributionPoint;
  return named === null || named.some((n) => certificate.distributionPoints.some((d) => sameBytes(n, d)));
}

type SignatureBy = 'valid' | 'notForCrls' | 'invalid';

/** Whether `issuer` (DER certificate) is named as the CRL's issuer, is a CA whose key verifies the CRL, and may sign CRLs (keyUsage cRLSign, RFC 5280 §4.2.1.3). */
function crlSignature(crl: ParsedCrl, issuer: Uint8Array): SignatureBy {
  try {
    const x509 = new X509Certificate(issuer);
    if (!sameBytes(subjectOf(issuer), crl.issuerDer) || !x509.ca) return 'invalid';
    const verified = verifySignatureValue({ signatureAlgorithm: crl.signatureAlgorithm, digestAlgorithm: '', data: crl.tbs, signature: crl.signature, publicKey: x509.publicKey }) === 'valid';
    if (!verified) return 'invalid';
    const keyUsage = parseCertificate(issuer).keyUsage;
    return keyUsage === null || keyUsage.includes('cRLSign') ? 'valid' : 'notForCrls';
  } catch {
    return 'invalid';
  }
}

/** True when `issuer` (DER certificate) is named as the CRL's issuer, may sign CRLs, and its key verifies the CRL. */
export function crlSignedBy(crl: ParsedCrl, issuer: Uint8Array): boolean {
  return crlSignature(crl, issuer) === 'valid';
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
 * the issuing CA's certificate, PEM or DER, when it is not a root). Issue 18: only a complete list
 * is kept (CRL_UNUSABLE otherwise): not a delta, nothing critical the app does not understand, not
 * indirect, not limited to some certificates or reasons (a list for one distribution point is
 * complete for the certificates that name it, and is kept), signed by a certificate that may sign
 * lists. Returns it parsed with its signer.
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
  const reason = unusable(crl) ?? (crl.scope.onlyCaCerts || crl.scope.onlyUserCerts || crl.scope.onlySomeReasons ? 'partial' : null);
  if (reason !== null) throw new DomainError('CRL_UNUSABLE', { issuer: crl.issuer, reason });
  if (crl.nextUpdate.getTime() < options.now.getTime()) {
    throw new DomainError('CRL_EXPIRED', { issuer: crl.issuer, nextUpdate: crl.nextUpdate.toISOString() });
  }
  if (crl.thisUpdate.getTime() > options.now.getTime() + 5 * 60_000) {
    throw new DomainError('CRL_NOT_YET_VALID');
  }
  const roots = pemCertificates(options.trustedRootsPem);
  const extra = options.issuerCandidates ? certificatesIn(options.issuerCandidates) : [];
  const candidates = [...roots, ...extra];
  const signer = candidates.find((candidate) => crlSignature(crl, candidate) === 'valid');
  if (!signer) {
    if (candidates.some((candidate) => crlSignature(crl, candidate) === 'notForCrls')) throw new DomainError('CRL_UNUSABLE', { issuer: crl.issuer, reason: 'notForCrls' });
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
   * The list would not be accepted now (a stored list imported under older rules, issue 18): the
   * certificates it names revoked still count, but leaving one out proves nothing.
   */
  revokedOnly?: boolean;
}

/**
 * The certificate whose status is asked: its serial and issuer; its end of validity (lists issued
 * after it may leave it out); whether it is a CA's and the distribution points it names (which lists cover it).
 */
export interface CertificateRef {
  serial: Uint8Array;
  issuerDer: Uint8Array;
  notAfter: Date;
  isCa: boolean;
  /** The full names (GeneralName DER) of its cRLDistributionPoints. */
  distributionPoints: readonly Uint8Array[];
  /** Its extensions could be read: false makes every list with an issuing distribution point say nothing of it. */
  extensionsRead: boolean;
}

const refs = new Map<string, CertificateRef>();
const REFS_MAX = 512;

/** What the revocation check needs of a certificate (DER); throws CERT_UNREADABLE. */
export function certificateRefOf(der: Uint8Array): CertificateRef {
  const id = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const known = refs.get(id);
  if (known) return known;
  const cert = parseCertificate(der);
  // OpenSSL's reading of basicConstraints: the same answer the path search gets.
  let isCa = false;
  let distributionPoints: Uint8Array[] = [];
  let extensionsRead = true;
  try {
    isCa = new X509Certificate(der).ca;
    const tbs = childAt(parseAsn1(der, 'Certificate'), 0, 'tbsCertificate');
    const tagged = childrenOf(tbs, 'tbsCertificate').find((node) => isContextTag(node, 3));
    for (const e of tagged ? extensionsOf(childAt(tagged, 0, 'extensions')) : []) {
      if (e.oid === EXTENSION.crlDistributionPoints) {
        distributionPoints = childrenOf(parseAsn1(e.value, 'cRLDistributionPoints'), 'cRLDistributionPoints').flatMap((point) => {
          const name = childrenOf(point, 'DistributionPoint').find((node) => isContextTag(node, 0));
          return name ? distributionPointNames(name) : [];
        });
      }
    }
  } catch {
    // Extensions that cannot be read say nothing of its kind or distribution points (covers()).
    extensionsRead = false;
  }
  const ref = { serial: cert.serial, issuerDer: cert.issuerDer, notAfter: cert.notAfter, isCa, distributionPoints, extensionsRead };
  if (refs.size >= REFS_MAX) refs.delete(refs.keys().next().value as string);
  refs.set(id, ref);
  return ref;
}

const within = (crl: ParsedCrl, at: Date): boolean => crl.thisUpdate.getTime() <= at.getTime() && crl.nextUpdate !== null && crl.nextUpdate.getTime() >= at.getTime();

/**
 * Whether a list that does not name the certificate proves it was not revoked (issue 12, 18; ETSI
 * EN 319 102-1 §5.6.2.1, as the EU's DSS validator applies it): a list that covers it (`covers`)
 * and was issued at or after the proven signing time says it was not revoked then; a list issued
 * before that time says nothing about it (the certificate may have been revoked in between), except
 * that the list current at `now` is the issuer's word now (issue 12) — `now` null: a long-term
 * proof, which only a list issued after the signing time gives. A list issued after the certificate
 * expired proves nothing (RFC 5280 §3.3: a CA may drop expired certificates from its lists).
 */
function provesGood(c: ParsedCrlWithSigner, certificate: CertificateRef, now: Date | null, provenTime: Date | null): boolean {
  if (c.crl.thisUpdate.getTime() > certificate.notAfter.getTime() || !covers(c.crl, certificate)) return false;
  const afterSigning = provenTime !== null && c.crl.thisUpdate.getTime() >= provenTime.getTime();
  return afterSigning || (now !== null && within(c.crl, now));
}

/** The status and the list that gives it (the long-term writer embeds that list, issue 18), and the newest usable list of the issuer. */
export interface RevocationEvidence {
  status: RevocationStatus;
  list: ParsedCrlWithSigner | null;
  newest: ParsedCrl | null;
}

/**
 * Whether `certificate` issued by `issuerCertificate` is revoked according to `crls`, and the list
 * that says so. Every list that CA signed is searched for it (issue 18, RFC 5280 §5.2.4: a delta
 * list's entries are revocations too, and a list with an unknown critical extension still says what
 * it names), except an indirect list or one of attribute certificates, whose entries may be other
 * issuers' or other kinds of certificates. A list that does not name it proves it good only as
 * `provesGood` says (a usable, complete list); otherwise it is "not checked" (stale), never "good".
 */
export function revocationEvidence(
  certificate: CertificateRef,
  issuerCertificate: Uint8Array | null,
  crls: readonly ParsedCrlWithSigner[],
  now: Date | null,
  provenTime: Date | null,
): RevocationEvidence {
  const key = serialKey(certificate.serial);
  const signed = crls.filter(
    (c) => sameBytes(c.crl.issuerDer, certificate.issuerDer) && (issuerCertificate === null || samePublicKey(c.issuerCertificate, issuerCertificate)),
  );
  const naming = signed.filter((c) => !c.crl.scope.indirect && !c.crl.scope.onlyAttributeCerts);
  const revokedIn = naming.find((c) => c.crl.revoked.has(key));
  const relevant = signed.filter((c) => c.revokedOnly !== true && unusable(c.crl) === null);
  const newest = (lists: readonly ParsedCrlWithSigner[]) => lists.reduce((a, b) => (b.crl.thisUpdate > a.crl.thisUpdate ? b : a));
  const latest = relevant.length > 0 ? newest(relevant).crl : null;
  if (revokedIn) {
    return { status: { status: 'revoked', revokedAt: (revokedIn.crl.revoked.get(key) as Date).toISOString(), source: sourceOf(revokedIn.crl) }, list: revokedIn, newest: latest };
  }
  if (latest === null) return { status: { status: 'notChecked', reason: 'noList' }, list: null, newest: null };
  const proving = relevant.filter((c) => provesGood(c, certificate, now, provenTime));
  if (proving.length > 0) {
    const best = newest(proving);
    return { status: { status: 'good', checkedAt: best.crl.thisUpdate.toISOString(), source: sourceOf(best.crl) }, list: best, newest: latest };
  }
  return { status: { status: 'notChecked', reason: 'stale', source: sourceOf(latest) }, list: null, newest: latest };
}

/** The revocation status alone (see revocationEvidence). */
export function revocationOf(
  certificate: CertificateRef,
  issuerCertificate: Uint8Array | null,
  crls: readonly ParsedCrlWithSigner[],
  now: Date | null,
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

/**
 * Why an imported list would be refused now, whatever the date (checkCrlForImport's rules): no
 * nextUpdate, not complete, or its issuer's certificate does not verify it or may not sign lists.
 */
function refusedNow(crl: ParsedCrl, issuerCertificate: Uint8Array): boolean {
  const partial = crl.scope.onlyCaCerts || crl.scope.onlyUserCerts || crl.scope.onlySomeReasons;
  return crl.nextUpdate === null || unusable(crl) !== null || partial || crlSignature(crl, issuerCertificate) !== 'valid';
}

/**
 * The stored lists, parsed once per call site; a list that no longer parses is left out. A list
 * imported under older rules that would now be refused (issue 18) keeps its revocations but proves
 * no certificate good (`revokedOnly`).
 */
export function parsedCrls(stored: readonly Pick<StoredCrl, 'der' | 'issuerCertificate'>[]): ParsedCrlWithSigner[] {
  return stored.flatMap((s) => {
    try {
      const crl = parseCrl(s.der);
      return [{ crl, issuerCertificate: s.issuerCertificate, ...(refusedNow(crl, s.issuerCertificate) ? { revokedOnly: true } : {}) }];
    } catch {
      return [];
    }
  });
}
