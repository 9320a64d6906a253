// Checking the CMS of a signature against the digest of what it signs (issue 6: signed documents
// are verifiable). A bad signature is a finding to report, never an exception.
import { orderChain, PathSearch } from './certificatePaths';
import { describeParsed, parseCertificate, validityAt, type CertificateInfo, type ParsedCertificate, type Validity } from './certificates';
import { encodingOf, sameBytes } from './der';
import { OID } from './oids';
import { signingCertificateMatch } from './signingCertificateAttribute';
import { attributeValue, checkSignerInfo, parseSignedData, signerCertificateOf, type SignedData, type SignerInfo } from './signedData';
import { checkTimestampToken, type TimestampCheck } from './timestamp';
import { SIGNATURE_PROBLEMS, type SignatureProblem } from '../../../shared/contract/verificationSchemas';

/** What a signature check can find wrong (the list is shared with the UI, which explains each). */
export const CMS_PROBLEMS = SIGNATURE_PROBLEMS;
export type CmsProblem = SignatureProblem;

/** Checks a CMS signature against the digest of what it signs. */
export interface CmsCheck {
  /** messageDigest equals `digest` AND the signature over the signed attributes verifies with the
   *  signer certificate's key AND the signing-certificate attribute names that certificate. */
  intact: boolean;
  /** Everything found wrong, timestamp problems included (they do not affect `intact`). */
  problems: CmsProblem[];
  signer: CertificateInfo | null;
  /** The signer's certificate as parsed (serial, issuer), for the revocation check. */
  signerCertificate: ParsedCertificate | null;
  /** The certificates from the signer's upwards to a trusted root (the root included), when one is reached. */
  trustedPath: Uint8Array[];
  /** The other embedded certificates, the signer's issuer path first. */
  chain: CertificateInfo[];
  /** An embedded RFC 3161 timestamp whose imprint matches the signature value; `trusted` when it is
   *  believed (judgeTimestamp: its authority chains to a trusted root, has the time-stamping purpose,
   *  was valid at its time, and is valid now or a believed later timestamp proves it in time). */
  timestamp: { time: string; authority: string; intact: boolean; trusted: boolean } | null;
  /** The timestamp authority's certificates up to a trusted root, when its chain reaches one (issue 18: the DSS holds them). */
  timestampPath: Uint8Array[];
  /** The time a believed timestamp proves the signature existed at, else null. */
  provenTime: Date | null;
  /** Certificate validity at the proven time if any, else at `now`; 'valid' when there is no signer. */
  certificateValid: Validity;
  /** A path of verified signatures leads to one of `trusted`; false if none given or no path. */
  trusted: boolean;
  /** Must be false for PAdES signatures (ours never have one). */
  hasSigningTimeAttribute: boolean;
}

/**
 * What a timestamp is believed against (issue 12, 18; ETSI EN 319 102-1 §5.6.2, past signature
 * validation, simplified): the trust anchors, certificates found elsewhere in the document, the
 * moment of the check, the proof of existence later timestamps give, and the revocation data.
 */
export interface TimeEvidence {
  /** Trusted root certificates, DER. */
  trusted: readonly Uint8Array[];
  /** Certificates from the document's security store (issue 18), to build paths with. */
  pool?: readonly Uint8Array[];
  now: Date;
  /** The earliest time a believed later timestamp (a document timestamp covering it) proves this one existed at. */
  poe?: Date | null;
  /** When the first certificate of `path` was revoked, by the revocation data at hand; null when it is not known revoked. */
  revokedAt?: (path: readonly Uint8Array[]) => Date | null;
  /** The signature's path searches and their shared budget (default: a search of its own). */
  paths?: PathSearch;
}

export interface CmsCheckOptions {
  /** Trusted root certificates, DER. */
  trusted?: Uint8Array[];
  now?: Date;
  /** Certificates from the document's security store (issue 18), to build paths with. */
  pool?: readonly Uint8Array[];
  /** What later document timestamps prove and the revocation data, for the signature's timestamp (see TimeEvidence). */
  poe?: Date | null;
  revokedAt?: (path: readonly Uint8Array[]) => Date | null;
  /** The signature's path searches and their shared budget (default: a search of its own). */
  paths?: PathSearch;
}

/** The check of a signature that could not be read as one: nothing is intact, trusted or known. */
export function uncheckedCms(problem: CmsProblem = 'CMS_UNREADABLE'): CmsCheck {
  return {
    intact: false,
    problems: [problem],
    signer: null,
    signerCertificate: null,
    trustedPath: [],
    chain: [],
    timestamp: null,
    timestampPath: [],
    provenTime: null,
    certificateValid: 'valid',
    trusted: false,
    hasSigningTimeAttribute: false,
  };
}

function describeAll(certificates: readonly Uint8Array[]): CertificateInfo[] {
  return certificates.flatMap((der) => {
    try {
      return [describeParsed(parseCertificate(der))];
    } catch {
      return [];
    }
  });
}

/** The signature's own findings: what makes it intact or not. */
function signatureProblems(signerInfo: SignerInfo, certificate: ParsedCertificate, digest: Uint8Array): CmsProblem[] {
  if (!signerInfo.signedAttributes) return ['NO_SIGNED_ATTRIBUTES'];
  const problems: CmsProblem[] = [];
  if (signerInfo.digestAlgorithm !== OID.sha256) {
    problems.push('DIGEST_ALGORITHM_UNSUPPORTED');
  }
  const check = checkSignerInfo(signerInfo, certificate, digest);
  if (!check.digestMatches && signerInfo.digestAlgorithm === OID.sha256) problems.push('DIGEST_MISMATCH');
  if (check.signature === 'invalid') problems.push('BAD_SIGNATURE');
  if (check.signature === 'unsupported') problems.push('SIGNATURE_ALGORITHM_UNSUPPORTED');
  const binding = signingCertificateMatch(signerInfo.signedAttributes, certificate);
  if (binding === 'absent') problems.push('NO_SIGNING_CERTIFICATE_ATTRIBUTE');
  if (binding === 'mismatch') problems.push('CERT_HASH_MISMATCH');
  return problems;
}

type TimestampFinding = { timestamp: CmsCheck['timestamp']; timestampPath: Uint8Array[]; provenTime: Date | null; problems: CmsProblem[] };

/** Whether a timestamp is believed, and its authority's path to a trusted root (empty when none is reached). */
export interface TimestampJudgement {
  believed: boolean;
  path: Uint8Array[];
}

/**
 * Whether a timestamp's authority may be believed (issue 12, "A timestamp proves time only when its
 * authority chains to a trusted root and carries the time-stamping key purpose"; issue 18, proof of
 * existence newest first): the token is intact (which already requires the timeStamping purpose), the
 * TSA's certificate chains to one of `trusted` and was valid at the time the token states, and it
 * is valid NOW and not known revoked, or a believed later timestamp (`poe`) proves the token existed
 * before the certificate expired or was revoked. Without that proof an expired authority's word
 * proves nothing: anyone holding its old key could have made the token since.
 */
export function judgeTimestamp(check: TimestampCheck, evidence: TimeEvidence, extra: readonly Uint8Array[] = []): TimestampJudgement {
  const none: TimestampJudgement = { believed: false, path: [] };
  if (!check.intact || !check.certificate || evidence.trusted.length === 0) return none;
  const tsa = check.certificate;
  const others = [...check.certificates, ...extra, ...(evidence.pool ?? [])].filter((der) => !sameBytes(der, tsa));
  const path = pathToTrusted(tsa, others, evidence.trusted, evidence.paths);
  if (path.length === 0) return none;
  let certificate: ParsedCertificate;
  try {
    certificate = parseCertificate(tsa);
  } catch {
    return none;
  }
  const revokedAt = evidence.revokedAt?.(path) ?? null;
  /** The certificate was valid and not yet revoked at `at`. */
  const good = (at: Date) => validityAt(certificate, at) === 'valid' && (revokedAt === null || at.getTime() < revokedAt.getTime());
  const atOwnTime = good(check.genTime);
  const validNow = good(evidence.now);
  const provenInTime = evidence.poe != null && good(evidence.poe);
  return { believed: atOwnTime && (validNow || provenInTime), path };
}

/** What a timestamp token over `stampedData` shows, judged against `evidence`; `extra`: certificates carried beside it. */
export function timestampOver(token: Uint8Array, stampedData: Uint8Array, evidence: TimeEvidence, extra: readonly Uint8Array[] = []): TimestampFinding & { check: TimestampCheck | null } {
  try {
    const check = checkTimestampToken(token, stampedData);
    if (!check.imprintMatches) return { timestamp: null, timestampPath: [], provenTime: null, problems: ['TIMESTAMP_IMPRINT_MISMATCH'], check };
    const judged = judgeTimestamp(check, evidence, extra);
    const cutShort = judged.path.length === 0 && evidence.paths?.exhausted === true;
    const problems: CmsProblem[] = !check.intact ? ['TIMESTAMP_BAD_SIGNATURE'] : judged.believed ? [] : ['TIMESTAMP_UNTRUSTED', ...(cutShort ? (['PATH_SEARCH_LIMIT'] as const) : [])];
    return {
      timestamp: { time: check.genTime.toISOString(), authority: check.authority, intact: check.intact, trusted: judged.believed },
      timestampPath: judged.path,
      provenTime: judged.believed ? check.genTime : null,
      problems,
      check,
    };
  } catch {
    return { timestamp: null, timestampPath: [], provenTime: null, problems: ['TIMESTAMP_UNREADABLE'], check: null };
  }
}

/** RFC 3161 signature timestamp (id-aa-signatureTimeStampToken) over the signature value. */
function timestampFinding(signerInfo: SignerInfo, evidence: TimeEvidence, extra: readonly Uint8Array[]): TimestampFinding {
  const token = attributeValue(signerInfo.unsignedAttributes, OID.signatureTimeStampToken);
  if (!token) return { timestamp: null, timestampPath: [], provenTime: null, problems: [] };
  const { check: _check, ...finding } = timestampOver(encodingOf(token), signerInfo.signature, evidence, extra);
  return finding;
}

/**
 * The certificates from `certificate` up to a trust anchor, the path the search actually found
 * (issue 18: not another one built beside it, which a certificate with an intermediate's name and
 * key under some other root could divert), and only when it ends at one of `trusted`; else empty.
 */
export function pathToTrusted(certificate: Uint8Array, others: readonly Uint8Array[], trusted: readonly Uint8Array[], search: PathSearch = new PathSearch()): Uint8Array[] {
  if (trusted.length === 0) return [];
  const path = search.toTrusted(certificate, others, trusted);
  const anchor = path[path.length - 1];
  return anchor !== undefined && trusted.some((t) => sameBytes(t, anchor)) ? path : [];
}

function readSignedData(cms: Uint8Array): SignedData | null {
  try {
    return parseSignedData(cms);
  } catch {
    return null;
  }
}

/**
 * Checks a CMS signature (ContentInfo DER; trailing zero padding from a PDF is ignored) against
 * the SHA-256 `digest` of what it signs. Never throws on a bad signature: reports it.
 */
export function checkCms(cms: Uint8Array, digest: Uint8Array, options: CmsCheckOptions = {}): CmsCheck {
  const signedData = readSignedData(cms);
  if (!signedData) return uncheckedCms();
  const [signerInfo] = signedData.signerInfos;
  if (!signerInfo) return { ...uncheckedCms(), problems: ['NO_SIGNER_INFO'], chain: describeAll(signedData.certificates) };

  const hasSigningTimeAttribute = attributeValue(signerInfo.signedAttributes, OID.signingTime) !== undefined;
  const trusted = options.trusted ?? [];
  const now = options.now ?? new Date();
  const pool = options.pool ?? [];
  const paths = options.paths ?? new PathSearch();
  const evidence: TimeEvidence = { trusted, pool, now, poe: options.poe ?? null, paths, ...(options.revokedAt ? { revokedAt: options.revokedAt } : {}) };
  const timestamp = timestampFinding(signerInfo, evidence, signedData.certificates);
  const certificate = signerCertificateOf(signerInfo.sid, signedData.certificates);
  if (!certificate) {
    return {
      ...uncheckedCms(),
      problems: ['NO_SIGNER_CERT', ...timestamp.problems],
      chain: describeAll(signedData.certificates),
      timestamp: timestamp.timestamp,
      timestampPath: timestamp.timestampPath,
      provenTime: timestamp.provenTime,
      hasSigningTimeAttribute,
    };
  }

  const problems = signatureProblems(signerInfo, certificate, digest);
  const others = signedData.certificates.filter((der) => !sameBytes(der, certificate.der));
  const trustedPath = pathToTrusted(certificate.der, [...others, ...pool], trusted, paths);
  // No path because the search ran out of its budget is not "no path exists" (issue 18).
  const cutShort = trustedPath.length === 0 && paths.exhausted && !timestamp.problems.includes('PATH_SEARCH_LIMIT') ? (['PATH_SEARCH_LIMIT'] as const) : [];
  return {
    intact: problems.length === 0,
    problems: [...problems, ...timestamp.problems, ...cutShort],
    signer: describeParsed(certificate),
    signerCertificate: certificate,
    trustedPath,
    chain: describeAll(orderChain(certificate.der, others, paths)),
    timestamp: timestamp.timestamp,
    timestampPath: timestamp.timestampPath,
    provenTime: timestamp.provenTime,
    certificateValid: validityAt(certificate, timestamp.provenTime ?? now),
    trusted: trustedPath.length > 0,
    hasSigningTimeAttribute,
  };
}

/** The time an intact token over `stampedData` states (its authority not yet judged), or null. */
export function statedTime(token: Uint8Array, stampedData: Uint8Array): Date | null {
  try {
    const check = checkTimestampToken(token, stampedData);
    return check.imprintMatches && check.intact ? check.genTime : null;
  } catch {
    return null;
  }
}

/** The time the signature timestamp of a CMS signature states (an intact token over its signature value), or null. */
export function signatureTimestampTime(cms: Uint8Array): Date | null {
  const signerInfo = readSignedData(cms)?.signerInfos[0];
  const token = signerInfo ? attributeValue(signerInfo.unsignedAttributes, OID.signatureTimeStampToken) : undefined;
  return signerInfo && token ? statedTime(encodingOf(token), signerInfo.signature) : null;
}
