// Checking the CMS of a signature against the digest of what it signs (issue 6: signed documents
// are verifiable). A bad signature is a finding to report, never an exception.
import { chainsToTrusted, orderChain } from './certificatePaths';
import { describeParsed, parseCertificate, validityAt, type CertificateInfo, type ParsedCertificate, type Validity } from './certificates';
import { encodingOf, sameBytes } from './der';
import { OID } from './oids';
import { signingCertificateMatch } from './signingCertificateAttribute';
import { attributeValue, checkSignerInfo, parseSignedData, signerCertificateOf, type SignedData, type SignerInfo } from './signedData';
import { checkTimestampToken } from './timestamp';
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
  /** The other embedded certificates, the signer's issuer path first. */
  chain: CertificateInfo[];
  /** genTime of an embedded RFC 3161 timestamp whose imprint matches the signature value, else null. */
  timestamp: { time: string; authority: string; intact: boolean } | null;
  /** Certificate validity at the (intact) timestamp's time if any, else at `now`; 'valid' when there is no signer. */
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

function unreadable(): CmsCheck {
  return {
    intact: false,
    problems: ['CMS_UNREADABLE'],
    signer: null,
    chain: [],
    timestamp: null,
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

type TimestampFinding = { timestamp: CmsCheck['timestamp']; genTime: Date | null; problems: CmsProblem[] };

/** RFC 3161 signature timestamp (id-aa-signatureTimeStampToken) over the signature value. */
function timestampFinding(signerInfo: SignerInfo): TimestampFinding {
  const token = attributeValue(signerInfo.unsignedAttributes, OID.signatureTimeStampToken);
  if (!token) return { timestamp: null, genTime: null, problems: [] };
  try {
    const check = checkTimestampToken(encodingOf(token), signerInfo.signature);
    if (!check.imprintMatches) return { timestamp: null, genTime: null, problems: ['TIMESTAMP_IMPRINT_MISMATCH'] };
    return {
      timestamp: { time: check.genTime.toISOString(), authority: check.authority, intact: check.intact },
      genTime: check.intact ? check.genTime : null,
      problems: check.intact ? [] : ['TIMESTAMP_BAD_SIGNATURE'],
    };
  } catch {
    return { timestamp: null, genTime: null, problems: ['TIMESTAMP_UNREADABLE'] };
  }
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
  if (!signedData) return unreadable();
  const [signerInfo] = signedData.signerInfos;
  if (!signerInfo) return { ...unreadable(), problems: ['NO_SIGNER_INFO'], chain: describeAll(signedData.certificates) };

  const hasSigningTimeAttribute = attributeValue(signerInfo.signedAttributes, OID.signingTime) !== undefined;
  const timestamp = timestampFinding(signerInfo);
  const certificate = signerCertificateOf(signerInfo.sid, signedData.certificates);
  if (!certificate) {
    return {
      ...unreadable(),
      problems: ['NO_SIGNER_CERT', ...timestamp.problems],
      chain: describeAll(signedData.certificates),
      timestamp: timestamp.timestamp,
      hasSigningTimeAttribute,
    };
  }

  const problems = signatureProblems(signerInfo, certificate, digest);
  const others = signedData.certificates.filter((der) => !sameBytes(der, certificate.der));
  return {
    intact: problems.length === 0,
    problems: [...problems, ...timestamp.problems],
    signer: describeParsed(certificate),
    chain: describeAll(orderChain(certificate.der, others)),
    timestamp: timestamp.timestamp,
    certificateValid: validityAt(certificate, timestamp.genTime ?? options.now ?? new Date()),
    trusted: (options.trusted?.length ?? 0) > 0 && chainsToTrusted(certificate.der, others, options.trusted ?? []),
    hasSigningTimeAttribute,
  };
}
