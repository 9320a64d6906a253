// Checking the CMS of a signature against the digest of what it signs (issue 6: signed documents
// are verifiable). A bad signature is a finding to report, never an exception.
import { chainsToTrusted, issuerPath, orderChain } from './certificatePaths';
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
  /** An embedded RFC 3161 timestamp whose imprint matches the signature value; `trusted` when its
   *  authority chains to a trusted root, has the time-stamping purpose and was valid at its time. */
  timestamp: { time: string; authority: string; intact: boolean; trusted: boolean } | null;
  /** The time a trusted timestamp proves the signature existed at, else null. */
  provenTime: Date | null;
  /** Certificate validity at the proven time if any, else at `now`; 'valid' when there is no signer. */
  certificateValid: Validity;
  /** A path of verified signatures leads to one of `trusted`; false if none given or no path. */
  trusted: boolean;
  /** Must be false for PAdES signatures (ours never have one). */
  hasSigningTimeAttribute: boolean;
}

export interface CmsCheckOptions {
  /** Trusted root certificates, DER. */
  trusted?: Uint8Array[];
  now?: Date;
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

type TimestampFinding = { timestamp: CmsCheck['timestamp']; provenTime: Date | null; problems: CmsProblem[] };

/**
 * Whether a timestamp's authority may be believed (issue 12, "A timestamp proves time only when its
 * authority chains to a trusted root and carries the time-stamping key purpose"): the token is intact
 * (which already requires the timeStamping purpose), and the TSA's certificate was valid at the time
 * it states and chains to one of `trusted`.
 */
export function timestampTrusted(check: TimestampCheck, trusted: readonly Uint8Array[], extra: readonly Uint8Array[] = []): boolean {
  if (!check.intact || !check.certificate || trusted.length === 0) return false;
  let valid: boolean;
  try {
    valid = validityAt(parseCertificate(check.certificate), check.genTime) === 'valid';
  } catch {
    return false;
  }
  const others = [...check.certificates, ...extra].filter((der) => !sameBytes(der, check.certificate as Uint8Array));
  return valid && chainsToTrusted(check.certificate, others, trusted);
}

/** What a timestamp token over `stampedData` shows, judged against `trusted`. */
export function timestampOver(token: Uint8Array, stampedData: Uint8Array, trusted: readonly Uint8Array[], extra: readonly Uint8Array[] = []): TimestampFinding & { check: TimestampCheck | null } {
  try {
    const check = checkTimestampToken(token, stampedData);
    if (!check.imprintMatches) return { timestamp: null, provenTime: null, problems: ['TIMESTAMP_IMPRINT_MISMATCH'], check };
    const believed = timestampTrusted(check, trusted, extra);
    const problems: CmsProblem[] = !check.intact ? ['TIMESTAMP_BAD_SIGNATURE'] : believed ? [] : ['TIMESTAMP_UNTRUSTED'];
    return {
      timestamp: { time: check.genTime.toISOString(), authority: check.authority, intact: check.intact, trusted: believed },
      provenTime: believed ? check.genTime : null,
      problems,
      check,
    };
  } catch {
    return { timestamp: null, provenTime: null, problems: ['TIMESTAMP_UNREADABLE'], check: null };
  }
}

/** RFC 3161 signature timestamp (id-aa-signatureTimeStampToken) over the signature value. */
function timestampFinding(signerInfo: SignerInfo, trusted: readonly Uint8Array[], extra: readonly Uint8Array[]): TimestampFinding {
  const token = attributeValue(signerInfo.unsignedAttributes, OID.signatureTimeStampToken);
  if (!token) return { timestamp: null, provenTime: null, problems: [] };
  const { check: _check, ...finding } = timestampOver(encodingOf(token), signerInfo.signature, trusted, extra);
  return finding;
}

/** The certificates from `certificate` up to a trusted root, when a path of verified signatures reaches one. */
export function pathToTrusted(certificate: Uint8Array, others: readonly Uint8Array[], trusted: readonly Uint8Array[]): Uint8Array[] {
  if (trusted.length === 0 || !chainsToTrusted(certificate, others, trusted)) return [];
  return [certificate, ...issuerPath(certificate, [...others, ...trusted])];
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
  const timestamp = timestampFinding(signerInfo, trusted, signedData.certificates);
  const certificate = signerCertificateOf(signerInfo.sid, signedData.certificates);
  if (!certificate) {
    return {
      ...uncheckedCms(),
      problems: ['NO_SIGNER_CERT', ...timestamp.problems],
      chain: describeAll(signedData.certificates),
      timestamp: timestamp.timestamp,
      provenTime: timestamp.provenTime,
      hasSigningTimeAttribute,
    };
  }

  const problems = signatureProblems(signerInfo, certificate, digest);
  const others = signedData.certificates.filter((der) => !sameBytes(der, certificate.der));
  const trustedPath = pathToTrusted(certificate.der, others, trusted);
  return {
    intact: problems.length === 0,
    problems: [...problems, ...timestamp.problems],
    signer: describeParsed(certificate),
    signerCertificate: certificate,
    trustedPath,
    chain: describeAll(orderChain(certificate.der, others)),
    timestamp: timestamp.timestamp,
    provenTime: timestamp.provenTime,
    certificateValid: validityAt(certificate, timestamp.provenTime ?? options.now ?? new Date()),
    trusted: trustedPath.length > 0,
    hasSigningTimeAttribute,
  };
}
