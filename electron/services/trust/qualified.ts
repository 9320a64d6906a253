import type { QualificationView } from '../../../shared/contract/verificationSchemas';
import type { ParsedCertificate } from '../signing/certificates';
import type { PdfSignatureCheck } from '../signing/pdfVerify';
import { certificateClaims, QC_OID, sameCertificateKey, type CertificateClaims } from './certificateClaims';
import { CA_QC, STATUS, SVC_INFO_EXT, type CriteriaList, type ServiceInstance, type TrustedList } from './trustedList';

/**
 * Whether a signature is a qualified electronic signature (issue 18; eIDAS art. 3(12), 25(2), 28),
 * decided as the EU's DSS validator decides a signature's qualification (ETSI TS 119 615, EN 319
 * 412-5), simplified: the signer's certificate is judged under the CA/QC service of an imported
 * trusted list its path reaches, with that service's status and qualifiers at the signing time.
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
  /** The certificates of its current digital identity (DER): trust anchors while it is granted. */
  certificates: Uint8Array[];
  /** Its current information, then its history, newest first (§5.5, §5.6). */
  instances: ServiceInstance[];
}

/**
 * TS 119 612 §5.5.4: granted, and the statuses before eIDAS (2016-07-01) that meant the same for a
 * CA/QC (DSS reads them so too).
 */
const GRANTED: ReadonlySet<string> = new Set(['granted', 'undersupervision', 'supervisionincessation', 'accredited', 'setbynationallaw'].map((s) => `${STATUS}${s}`));

const isGranted = (instance: ServiceInstance | undefined): boolean => instance !== undefined && instance.type === CA_QC && GRANTED.has(instance.status);

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
};

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

/**
 * The certificate's qualification under the service as it stood then (`instance`): qualified or not,
 * for what, on a QSCD or not — each from the certificate's QC statements as the service's matching
 * qualifiers override them (TS 119 615 §4.3; DSS's qualification at signing time).
 */
function certificateQualification(certificate: ParsedCertificate, instance: ServiceInstance): Outcome {
  let claims: CertificateClaims;
  try {
    claims = certificateClaims(certificate);
  } catch {
    return outcome('NOT_DETERMINED', 'qcStatementsUnreadable');
  }
  const applied = new Set<string>();
  for (const element of instance.qualifications) {
    const met = criteriaMet(element.criteria, claims);
    if (met === 'unknown') return outcome('NOT_DETERMINED', 'qualifierNotEvaluated');
    if (met) element.qualifiers.forEach((x) => applied.add(x));
  }
  const has = (group: readonly string[]) => group.some((x) => applied.has(x));

  if (has(QUALIFIERS.qualified) && has(QUALIFIERS.notQualified)) return outcome('NOT_DETERMINED', 'qualifiersConflict');
  if (has(QUALIFIERS.notQualified)) return outcome('ADES', 'notQualifiedByList');
  if (!claims.qcCompliance && !has(QUALIFIERS.qualified)) return outcome('ADES', 'noQcCompliance');

  // EN 319 412-5 §4.2.3, as DSS reads it: no QcType means for signatures; several are a mistake the list must settle.
  const overrides = (['esign', 'eseal', 'web'] as const).filter((t) => has(QUALIFIERS[t]));
  if (overrides.length > 1) return outcome('NOT_DETERMINED', 'qualifiersConflict');
  const claimed = (['esign', 'eseal', 'web'] as const).filter((t) => claims.qcTypes.includes(QC_OID[t]));
  const type = overrides[0] ?? (claimed.length === 0 ? 'esign' : claimed.length === 1 ? claimed[0] : undefined);
  if (type === undefined) return outcome('NOT_DETERMINED', 'qcTypeUnknown');

  const declared = Object.values(FOR).filter((uri) => instance.additionalInformation.includes(uri));
  const issuesFor = (t: keyof typeof FOR) => declared.length === 0 || declared.includes(FOR[t]);
  if (type === 'web') return outcome('ADES', 'qcTypeWeb');
  // A qualified seal is a legal person's, not a handwritten signature's equivalent (eIDAS art. 35):
  // at most an advanced signature with a qualified certificate.
  if (type === 'eseal') return issuesFor('eseal') ? outcome('ADES_QC', 'qcTypeSeal') : outcome('ADES', 'qcTypeSeal');
  if (!issuesFor('esign')) return outcome('ADES', 'serviceNotForSignatures');

  if (has(QUALIFIERS.withQscd) && has(QUALIFIERS.noQscd)) return outcome('NOT_DETERMINED', 'qualifiersConflict');
  const qscd = has(QUALIFIERS.withQscd) ? true : has(QUALIFIERS.noQscd) ? false : claims.qcSscd;
  return qscd ? outcome('QES') : outcome('ADES_QC', 'noQscd');
}

/** When the signature was made: the proven time, else the time the signer's software claimed, else the check's. */
function signingTime(signature: PdfSignatureCheck): { at: Date; proven: boolean } {
  if (signature.cms.provenTime) return { at: signature.cms.provenTime, proven: true };
  const claimed = signature.claimedTime ? new Date(signature.claimedTime) : null;
  return { at: claimed && !Number.isNaN(claimed.getTime()) ? claimed : new Date(signature.checkedAt), proven: false };
}

/**
 * Whether a signature is a QES (null for a document timestamp). Reasons (codes the report's texts
 * explain): notPassed, noTrustedList, notUnderQualifiedService, listExpired, serviceUnknownAtTime,
 * serviceNotGranted, signingTimeNotProven, qcStatementsUnreadable, qualifierNotEvaluated, qualifiersConflict,
 * notQualifiedByList, noQcCompliance, qcTypeUnknown, qcTypeWeb, qcTypeSeal, serviceNotForSignatures,
 * noQscd.
 */
export function qualificationOf(signature: PdfSignatureCheck, services: readonly TrustedService[]): QualificationView | null {
  if (signature.type === 'documentTimestamp') return null;
  const none = { service: null, list: null };
  if (signature.indication !== 'TOTAL_PASSED' || !signature.cms.signerCertificate) return { kind: 'NOT_DETERMINED', reasons: ['notPassed'], ...none };
  if (services.length === 0) return { kind: 'NOT_DETERMINED', reasons: ['noTrustedList'], ...none };
  const service = serviceOf(signature.cms.trustedPath, services);
  if (!service) return { kind: 'ADES', reasons: ['notUnderQualifiedService'], ...none };
  const named = { service: service.name, list: service.list };
  if (service.listExpired) return { kind: 'NOT_DETERMINED', reasons: ['listExpired'], ...named };
  const time = signingTime(signature);
  const unproven = time.proven ? [] : ['signingTimeNotProven'];
  const instance = instanceAt(service, time.at);
  if (!instance) return { kind: 'NOT_DETERMINED', reasons: ['serviceUnknownAtTime', ...unproven], ...named };
  if (instance.type !== CA_QC) return { kind: 'ADES', reasons: ['notUnderQualifiedService', ...unproven], ...named };
  if (!isGranted(instance)) return { kind: 'ADES', reasons: ['serviceNotGranted', ...unproven], ...named };
  const judged = certificateQualification(signature.cms.signerCertificate, instance);
  return { kind: judged.kind, reasons: [...judged.reasons, ...unproven], ...named };
}
