import type { QualificationView } from '../../../shared/contract/verificationSchemas';
import type { ParsedCertificate } from '../signing/certificates';
import type { PdfSignatureCheck } from '../signing/pdfVerify';
import { certificateClaims, QC_OID, sameCertificateKey, type CertificateClaims } from './certificateClaims';
import { CA_QC, isEuTrustedList, STATUS, SVC_INFO_EXT, type CriteriaList, type ServiceInstance, type TrustedList } from './trustedList';

/**
 * Whether a signature is a qualified electronic signature (issue 18; eIDAS art. 3(12), 25(2), 28),
 * decided as the EU's DSS validator decides a signature's qualification (ETSI TS 119 615, EN 319
 * 412-5), simplified: the signer's certificate is judged under the CA/QC service of an EU trusted
 * list its path reaches, with that service's status and qualifiers when the certificate was issued
 * and when it signed (a proven time, else the time of the check).
 */

/** A CA/QC service of an imported trusted list (ETSI TS 119 612 §5.5), as a signature check uses it. */
export interface TrustedService {
  /** The service's current name in the list. */
  name: string;
  provider: string;
  /** The list's territory and sequence number, e.g. 'LT #42'. */
  list: string;
  /** The list is past its next update: it proves nothing any more. */
  listExpired: boolean;
  /** The list is an EU or EEA state's (isEuTrustedList): only such a list can make a signature a QES. */
  euList: boolean;
  /** The certificates of its current digital identity (DER): trust anchors while it is granted. */
  certificates: Uint8Array[];
  /** Its current information, then its history, newest first (§5.5, §5.6). */
  instances: ServiceInstance[];
}

/** eIDAS applies from 2016-07-01 (art. 52(2)); TS 119 612 v2 statuses start then. */
export const EIDAS_DATE = new Date('2016-07-01T00:00:00Z');

/**
 * TS 119 612 §5.5.4: granted, and the statuses before eIDAS that meant the same for a CA/QC; these
 * count only for a status that started before eIDAS applied (as DSS reads them).
 */
const GRANTED = `${STATUS}granted`;
const GRANTED_BEFORE_EIDAS: ReadonlySet<string> = new Set(['undersupervision', 'supervisionincessation', 'accredited'].map((s) => `${STATUS}${s}`));

const isGranted = (instance: ServiceInstance | undefined): boolean =>
  instance !== undefined &&
  instance.type === CA_QC &&
  (instance.status === GRANTED || (GRANTED_BEFORE_EIDAS.has(instance.status) && instance.from.getTime() < EIDAS_DATE.getTime()));

/** The service as it stood at `at`: the newest information that had started by then (§5.5.5, §5.6). */
const instanceAt = (service: Pick<TrustedService, 'instances'>, at: Date): ServiceInstance | undefined =>
  service.instances.find((i) => i.from.getTime() <= at.getTime());

/** A CA/QC service granted at `at`: its certificates are trust anchors then. */
export const grantedAt = (service: Pick<TrustedService, 'instances'>, at: Date): boolean => isGranted(instanceAt(service, at));

/** The CA/QC services of a list (any service that ever was one), judged current or not at `now`. */
export function caQcServices(list: TrustedList, now: Date): TrustedService[] {
  const label = `${list.territory} #${list.sequenceNumber}`;
  const expired = list.nextUpdate === null || list.nextUpdate.getTime() < now.getTime();
  return list.services
    .filter((s) => s.instances.some((i) => i.type === CA_QC))
    .map((s) => ({
      name: s.instances[0]?.name ?? '',
      provider: s.provider,
      list: label,
      listExpired: expired,
      euList: isEuTrustedList(list),
      certificates: s.instances[0]?.certificates ?? [],
      instances: s.instances,
    }));
}

const q = (name: string) => `${SVC_INFO_EXT}${name}`;

/** §5.5.9.2.3 qualifiers, as DSS groups them. */
const QUALIFIERS = {
  qualified: [q('QCStatement')],
  notQualified: [q('NotQualified')],
  withQscd: [q('QCWithSSCD'), q('QCWithQSCD'), q('QCQSCDManagedOnBehalf')],
  noQscd: [q('QCNoSSCD'), q('QCNoQSCD')],
  esign: [q('QCForESig')],
  eseal: [q('QCForESeal')],
  web: [q('QCForWSA')],
  /** Issued to a legal person (before eIDAS): a legal person seals (eIDAS art. 3(24)–(25)). */
  legalPerson: [q('QCForLegalPerson')],
  /** "As in the certificate": the certificate's own QcSSCD statement decides, as without a qualifier. */
  asInCertificate: [q('QCSSCDStatusAsInCert'), q('QCQSCDStatusAsInCert')],
};

/** Every qualifier this module reads; another that applies to a certificate leaves it not determined. */
const KNOWN_QUALIFIERS: ReadonlySet<string> = new Set(Object.values(QUALIFIERS).flat());

/** §5.5.9.4: what the service issues certificates for. */
const FOR = { esign: q('ForeSignatures'), eseal: q('ForeSeals'), web: q('ForWebSiteAuthentication') };

type Truth = boolean | 'unknown';

/** TS 119 612 names the key usage bits as RFC 5280 does, but writes crlSign; contentCommitment is nonRepudiation's later name. */
const BIT_NAMES: Readonly<Record<string, string>> = {
  digitalSignature: 'digitalSignature',
  nonRepudiation: 'nonRepudiation',
  contentCommitment: 'nonRepudiation',
  keyEncipherment: 'keyEncipherment',
  dataEncipherment: 'dataEncipherment',
  keyAgreement: 'keyAgreement',
  keyCertSign: 'keyCertSign',
  crlSign: 'cRLSign',
  encipherOnly: 'encipherOnly',
  decipherOnly: 'decipherOnly',
};

function keyUsageMatches(bits: Record<string, boolean>, claims: CertificateClaims): Truth {
  let result: Truth = true;
  for (const [name, value] of Object.entries(bits)) {
    const bit = BIT_NAMES[name];
    if (bit === undefined) result = 'unknown';
    else if (claims.keyUsage.includes(bit) !== value) return false;
  }
  return result;
}

/** §5.5.9.2.2: whether the certificate meets a criteria list; 'unknown' when a criterion that decides cannot be evaluated. */
export function criteriaMet(criteria: CriteriaList, claims: CertificateClaims): Truth {
  const all = (required: string[], present: string[]) => required.every((x) => present.includes(x));
  const results: Truth[] = [
    ...criteria.keyUsage.map((bits) => keyUsageMatches(bits, claims)),
    ...criteria.policySets.map((set) => all(set, claims.policies)),
    ...criteria.extendedKeyUsage.map((set) => all(set, claims.extendedKeyUsage)),
    ...criteria.subjectAttributes.map((set) => all(set, claims.subjectAttributes)),
    ...criteria.lists.map((list) => criteriaMet(list, claims)),
    ...criteria.unknown.map((): Truth => 'unknown'),
  ];
  const unknown = results.includes('unknown');
  switch (criteria.assert) {
    case 'all':
      return results.includes(false) ? false : unknown ? 'unknown' : true;
    case 'atLeastOne':
      return results.includes(true) ? true : unknown ? 'unknown' : false;
    case 'none':
      return results.includes(true) ? false : unknown ? 'unknown' : true;
  }
}

/** The first CA/QC service whose identity is one of the issuers on the signer's trusted path. */
function serviceOf(path: readonly Uint8Array[], services: readonly TrustedService[]): TrustedService | undefined {
  for (const issuer of path.slice(1)) {
    const found = services.find((s) => s.instances.some((i) => i.certificates.some((c) => sameCertificateKey(c, issuer))));
    if (found) return found;
  }
  return undefined;
}

type Outcome = Pick<QualificationView, 'kind' | 'reasons'>;

const outcome = (kind: QualificationView['kind'], ...reasons: string[]): Outcome => ({ kind, reasons });

type CertificateType = 'esign' | 'eseal' | 'web';

/**
 * The signer's certificate under the service as it stood at one time (DSS's certificate
 * qualification at a time): not determined, not a qualified certificate, or qualified — for what,
 * whether the service issued qualified certificates for that, and whether on a QSCD.
 */
type Standing =
  | { known: false; reason: string }
  | { known: true; qualified: false; reason: string }
  | { known: true; qualified: true; type: CertificateType; legalPerson: boolean; issuesForType: boolean; qscd: boolean };

const unknownBecause = (reason: string): Standing => ({ known: false, reason });
const notQualifiedBecause = (reason: string): Standing => ({ known: true, qualified: false, reason });

/**
 * The certificate's standing under `instance` (the service at that time; undefined: unknown then):
 * each fact from the certificate's QC statements as the service's matching qualifiers override them
 * (TS 119 615 §4.3, TS 119 612 §5.5.9.2, §5.5.9.4). `claims` is null when they cannot be read.
 */
function standingUnder(instance: ServiceInstance | undefined, claims: CertificateClaims | null): Standing {
  if (!instance) return unknownBecause('serviceUnknownAtTime');
  if (instance.type !== CA_QC) return notQualifiedBecause('notUnderQualifiedService');
  if (!isGranted(instance)) return notQualifiedBecause('serviceNotGranted');
  // §5.5.9: an extension marked critical that is not understood cannot be passed over.
  if (instance.unknownCriticalExtensions.length > 0) return unknownBecause('criticalExtensionUnknown');
  if (!claims) return unknownBecause('qcStatementsUnreadable');

  const applied = new Set<string>();
  for (const element of instance.qualifications) {
    const met = criteriaMet(element.criteria, claims);
    if (met === 'unknown') return unknownBecause('qualifierNotEvaluated');
    if (met) element.qualifiers.forEach((x) => applied.add(x));
  }
  if ([...applied].some((x) => !KNOWN_QUALIFIERS.has(x))) return unknownBecause('qualifierUnknown');
  const has = (group: readonly string[]) => group.some((x) => applied.has(x));

  if (has(QUALIFIERS.qualified) && has(QUALIFIERS.notQualified)) return unknownBecause('qualifiersConflict');
  if (has(QUALIFIERS.notQualified)) return notQualifiedBecause('notQualifiedByList');
  if (!claims.qcCompliance && !has(QUALIFIERS.qualified)) return notQualifiedBecause('noQcCompliance');

  // EN 319 412-5 §4.2.3, as DSS reads it: no QcType means for signatures; several are a mistake the list must settle.
  const legalPerson = has(QUALIFIERS.legalPerson);
  const overrides = (['esign', 'eseal', 'web'] as const).filter((t) => has(QUALIFIERS[t]) || (t === 'eseal' && legalPerson));
  if (overrides.length > 1) return unknownBecause('qualifiersConflict');
  const claimed = (['esign', 'eseal', 'web'] as const).filter((t) => claims.qcTypes.includes(QC_OID[t]));
  const type = overrides[0] ?? (claimed.length === 0 ? 'esign' : claimed.length === 1 ? claimed[0] : undefined);
  if (type === undefined) return unknownBecause('qcTypeUnknown');

  if (has(QUALIFIERS.withQscd) && has(QUALIFIERS.noQscd)) return unknownBecause('qualifiersConflict');
  const declared = Object.values(FOR).filter((uri) => instance.additionalInformation.includes(uri));
  return {
    known: true,
    qualified: true,
    type,
    legalPerson,
    issuesForType: declared.length === 0 || declared.includes(FOR[type]),
    qscd: has(QUALIFIERS.withQscd) ? true : has(QUALIFIERS.noQscd) ? false : claims.qcSscd,
  };
}

/**
 * The signature's kind from the certificate's standing when it was issued and when it was used
 * (eIDAS art. 32(1)(a)–(b), (f); DSS's qualification at issuance and at the best signature time):
 * qualified only if qualified at both, of the same type; the type and the QSCD as at signing.
 */
function kindOf(issuance: Standing, signing: Standing): Outcome {
  if (!signing.known) return outcome('NOT_DETERMINED', signing.reason);
  if (!signing.qualified) return outcome('ADES', signing.reason);
  if (!issuance.known) return outcome('NOT_DETERMINED', issuance.reason === 'serviceUnknownAtTime' ? 'serviceUnknownAtIssuance' : issuance.reason);
  if (!issuance.qualified) return outcome('ADES', 'notQualifiedAtIssuance');
  if (issuance.type !== signing.type) return outcome('NOT_DETERMINED', 'qcTypeUnknown');

  if (signing.type === 'web') return outcome('ADES', 'qcTypeWeb');
  // A qualified seal is a legal person's, not a handwritten signature's equivalent (eIDAS art. 35):
  // at most an advanced signature with a qualified certificate.
  if (signing.type === 'eseal') return outcome(signing.issuesForType ? 'ADES_QC' : 'ADES', signing.legalPerson ? 'qcForLegalPerson' : 'qcTypeSeal');
  if (!signing.issuesForType) return outcome('ADES', 'serviceNotForSignatures');
  return signing.qscd ? outcome('QES') : outcome('ADES_QC', 'noQscd');
}

function claimsOf(certificate: ParsedCertificate): CertificateClaims | null {
  try {
    return certificateClaims(certificate);
  } catch {
    return null;
  }
}

/**
 * When the service is judged for the signature (DSS's best signature time): the time a trusted
 * timestamp proves, else the time of the check. The time the signer's own software wrote (/M) is
 * never used: backdating it would pick an earlier status of the service.
 */
function signingTime(signature: PdfSignatureCheck): { at: Date; proven: boolean } {
  if (signature.cms.provenTime) return { at: signature.cms.provenTime, proven: true };
  return { at: new Date(signature.checkedAt), proven: false };
}

/**
 * Whether a signature is a QES (null for a document timestamp). Reasons (codes the report's texts
 * explain): notPassed, noTrustedList, notUnderQualifiedService, listNotEu, listExpired,
 * serviceUnknownAtTime, serviceUnknownAtIssuance, serviceNotGranted, notQualifiedAtIssuance,
 * signingTimeNotProven, criticalExtensionUnknown, qcStatementsUnreadable, qualifierNotEvaluated,
 * qualifierUnknown, qualifiersConflict, notQualifiedByList, noQcCompliance, qcTypeUnknown,
 * qcTypeWeb, qcTypeSeal, qcForLegalPerson, serviceNotForSignatures, noQscd.
 */
export function qualificationOf(signature: PdfSignatureCheck, services: readonly TrustedService[]): QualificationView | null {
  if (signature.type === 'documentTimestamp') return null;
  const none = { service: null, list: null };
  const certificate = signature.cms.signerCertificate;
  if (signature.indication !== 'TOTAL_PASSED' || !certificate) return { kind: 'NOT_DETERMINED', reasons: ['notPassed'], ...none };
  if (services.length === 0) return { kind: 'NOT_DETERMINED', reasons: ['noTrustedList'], ...none };
  const service = serviceOf(signature.cms.trustedPath, services);
  if (!service) return { kind: 'ADES', reasons: ['notUnderQualifiedService'], ...none };
  const named = { service: service.name, list: service.list };
  if (!service.euList) return { kind: 'NOT_DETERMINED', reasons: ['listNotEu'], ...named };
  if (service.listExpired) return { kind: 'NOT_DETERMINED', reasons: ['listExpired'], ...named };
  const time = signingTime(signature);
  const claims = claimsOf(certificate);
  const judged = kindOf(standingUnder(instanceAt(service, certificate.notBefore), claims), standingUnder(instanceAt(service, time.at), claims));
  return { kind: judged.kind, reasons: [...judged.reasons, ...(time.proven ? [] : ['signingTimeNotProven'])], ...named };
}
