import { z } from 'zod';
import { multiLine, oneLine, optionalText } from './fieldSchemas';
import { pdfLtReport } from './pdfLtSchemas';

/**
 * Checking the signatures of any PDF (DESIGN §1 "Signatures are real"; issue 12) and the settings
 * that signing and checking use: the card module, the timestamp service, the trusted roots.
 */

export const certificateView = z.object({
  subject: z.string(),
  commonName: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});

/** What a signature check (electron/services/signing/cmsCheck.ts) can find wrong; the UI explains each. */
export const SIGNATURE_PROBLEMS = [
  /** The /ByteRange does not fit the file: it runs past the end, or its gap is not this signature's /Contents. */
  'BYTE_RANGE_INVALID',
  /** The /Contents is not a hexadecimal string. */
  'CONTENTS_UNREADABLE',
  /** A signature format (/SubFilter) the app does not check, e.g. the SHA-1 formats PAdES forbids. */
  'SUBFILTER_UNSUPPORTED',
  /** Not a CMS SignedData at all. */
  'CMS_UNREADABLE',
  'NO_SIGNER_INFO',
  /** The certificate the signature names is not embedded. */
  'NO_SIGNER_CERT',
  /** The signer signed the content directly; a PAdES signature signs attributes. */
  'NO_SIGNED_ATTRIBUTES',
  /** The signature uses a digest other than SHA-256, which the given digest cannot be compared with. */
  'DIGEST_ALGORITHM_UNSUPPORTED',
  /** The signed messageDigest is not the digest of the document: the document was changed. */
  'DIGEST_MISMATCH',
  /** The signature over the signed attributes does not verify with the certificate's key. */
  'BAD_SIGNATURE',
  'SIGNATURE_ALGORITHM_UNSUPPORTED',
  /** Neither signingCertificateV2 nor signingCertificate is signed. */
  'NO_SIGNING_CERTIFICATE_ATTRIBUTE',
  /** The signing-certificate attribute names another certificate. */
  'CERT_HASH_MISMATCH',
  'TIMESTAMP_UNREADABLE',
  /** The timestamp is over something other than this signature value. */
  'TIMESTAMP_IMPRINT_MISMATCH',
  /** The TSA's signature over the timestamp does not verify. */
  'TIMESTAMP_BAD_SIGNATURE',
  /** The timestamp is intact but its authority does not chain to a trusted root, lacks the time-stamping purpose, or was not valid then: its time proves nothing. */
  'TIMESTAMP_UNTRUSTED',
  /** The search for a path to a trusted root stopped at its bound (a store crowded with candidate issuers): whether one exists is not known. */
  'PATH_SEARCH_LIMIT',
] as const;

export type SignatureProblem = (typeof SIGNATURE_PROBLEMS)[number];

/**
 * ETSI EN 319 102-1 §5.1.3: the main indication of a signature's validation. TOTAL_PASSED: it can be
 * relied on; FAILED: it is proven wrong (changed, forged, revoked, expired before it was made);
 * INDETERMINATE: what is available does not prove it either way (no trusted chain, no proof of time…).
 */
export const INDICATIONS = ['TOTAL_PASSED', 'INDETERMINATE', 'FAILED'] as const;
export type Indication = (typeof INDICATIONS)[number];

/** The sub-indications this app gives (EN 319 102-1 Table 6, as the EU's DSS validator reports them). */
export const SUB_INDICATIONS = [
  /** FAILED: the signature or the file around it does not follow the format (byte range, contents), or the document was changed after it. */
  'FORMAT_FAILURE',
  /** FAILED: the signed digest is not the digest of the signed bytes. */
  'HASH_FAILURE',
  /** FAILED: the signature value does not verify with the certificate's key. */
  'SIG_CRYPTO_FAILURE',
  /** FAILED: the certificate was revoked before the proven signing time. */
  'REVOKED',
  /** FAILED: the proven signing time is after the certificate expired. */
  'EXPIRED',
  /** FAILED: the signing time is before the certificate became valid. */
  'NOT_YET_VALID',
  /** INDETERMINATE: the signer's certificate is missing or not the one the signature names. */
  'NO_SIGNING_CERTIFICATE_FOUND',
  /** INDETERMINATE: no path to a trusted root (or no trusted roots at all). */
  'NO_CERTIFICATE_CHAIN_FOUND',
  /** INDETERMINATE: revoked, and nothing proves the signature was made before. */
  'REVOKED_NO_POE',
  /** INDETERMINATE: an issuing CA's certificate was revoked, and nothing proves the signature was made before. */
  'REVOKED_CA_NO_POE',
  /** INDETERMINATE: the certificate is not valid now, and nothing proves the signature was made while it was. */
  'OUT_OF_BOUNDS_NO_POE',
  /** INDETERMINATE: revocation data is required by the policy and there is none for this certificate. */
  'TRY_LATER',
  /** INDETERMINATE: an algorithm the app cannot check. */
  'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  /** INDETERMINATE: a later signature on the document could not be confirmed. */
  'GENERIC',
  /** INDETERMINATE: the search for a path to a trusted root was cut short at its bound; whether one exists is not known. */
  'CERTIFICATE_CHAIN_GENERAL_FAILURE',
  /** INDETERMINATE: a document timestamp states a time before a timestamp it covers, so neither its time nor what it covers is proven by it. */
  'TIMESTAMP_ORDER_FAILURE',
] as const;
export type SubIndication = (typeof SUB_INDICATIONS)[number];

/** DSS's classes of change after a signature (PDF modification detection). */
export const CHANGE_KINDS = ['signature', 'dss', 'documentTimestamp', 'metadata', 'formFill', 'annotation', 'undefined'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const revocationStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('good'), checkedAt: z.string(), source: z.string() }),
  z.object({ status: z.literal('revoked'), revokedAt: z.string(), source: z.string() }),
  z.object({ status: z.literal('notChecked'), reason: z.enum(['noList', 'stale']), source: z.string().optional() }),
]);

/**
 * PAdES baseline levels (ETSI EN 319 142-1 §6; issue 18): B-B a signature; B-T with a trusted
 * signature timestamp; B-LT with the chain and revocation data in the document's DSS; B-LTA with a
 * document timestamp over them as well.
 */
export const PADES_LEVELS = ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const;
export type PadesLevel = (typeof PADES_LEVELS)[number];

/**
 * What kind of electronic signature it is (eIDAS art. 3, 25–26, as DSS's "signature qualification"
 * reports it; issue 18): QES, a qualified signature (a qualified certificate with its key on a
 * qualified device, under a granted qualified CA service of a trusted list); ADES_QC, advanced with
 * a qualified certificate but no device shown; ADES, advanced; NOT_DETERMINED when the app cannot
 * tell (no trusted list, the signature did not pass, the service's status then unknown).
 */
export const QUALIFICATIONS = ['QES', 'ADES_QC', 'ADES', 'NOT_DETERMINED'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export const qualificationView = z.object({
  kind: z.enum(QUALIFICATIONS),
  /** Why it is not more (codes the UI explains): e.g. 'noTrustedList', 'noQcCompliance', 'noQscd', 'serviceNotGranted'. */
  reasons: z.array(z.string()),
  /** The trust service (its name in the list) the certificate was issued under, when one was found. */
  service: z.string().nullable(),
  /** The trusted list's territory and sequence number, when one was used. */
  list: z.string().nullable(),
});
export type QualificationView = z.infer<typeof qualificationView>;

export const signatureCheck = z.object({
  /** A signature, or a document timestamp (SubFilter ETSI.RFC3161: a timestamp over the whole revision). */
  type: z.enum(['signature', 'documentTimestamp']),
  /** The name the signature dictionary carries, and the certificate's. */
  name: z.string().nullable(),
  signer: certificateView.nullable(),
  byteRange: z.array(z.number()),
  claimedTime: z.string().nullable(),
  /** The signature timestamp: `trusted` when its authority chains to a trusted root with the time-stamping purpose; only then does its time count. */
  timestamp: z.object({ time: z.string(), authority: z.string(), intact: z.boolean(), trusted: z.boolean() }).nullable(),
  /** The time the certificate was judged at: a trusted timestamp's, else the moment of checking. */
  judgedAt: z.object({ time: z.string(), proven: z.boolean() }),
  /** The signed bytes are unchanged and the signature matches the certificate. */
  intact: z.boolean(),
  problems: z.array(z.string()),
  certificateValid: z.enum(['valid', 'expired', 'notYetValid']),
  trusted: z.boolean(),
  revocation: revocationStatus,
  /** What was changed after this signature (empty when it covers the whole file). */
  changes: z.array(z.object({ kind: z.enum(CHANGE_KINDS), page: z.number().int().optional(), detail: z.string() })),
  /** Pages on which something added after the signature paints over what was signed. */
  overlaidPages: z.array(z.number().int()),
  after: z.enum(['unchanged', 'signedLater', 'changed']),
  indication: z.enum(INDICATIONS),
  subIndication: z.enum(SUB_INDICATIONS).nullable(),
  /** indication === TOTAL_PASSED. */
  valid: z.boolean(),
  subFilter: z.string().nullable(),
  /** The PAdES baseline level the signature reaches (null for a document timestamp or a signature that is not intact). */
  level: z.enum(PADES_LEVELS).nullable(),
  /** QES or not (null for a document timestamp). */
  qualification: qualificationView.nullable(),
});

export const verificationReport = z.object({
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** TOTAL_PASSED only when every signature passed and nothing but signatures changed the document since. */
  indication: z.enum(INDICATIONS),
  /** The document holds changes other than signatures after its first signature (or after the last one, unsigned). */
  changedOtherwise: z.boolean(),
  /** Trust anchors were configured for the check. */
  trustConfigured: z.boolean(),
  signatures: z.array(signatureCheck),
  /** The Lithuanian e-document format PDF-LT-V1.0: the level reached and what is not met (issue 18). */
  pdfLt: pdfLtReport,
  /** The app's own record of this file, if it generated it. */
  known: z.object({ id: z.string(), registrationNumber: z.string(), title: z.string(), version: z.number().int() }).nullable(),
});
export type VerificationReport = z.infer<typeof verificationReport>;

export const signingSettings = z.object({
  /** The PKCS#11 module of the smart-card reader (e.g. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so). */
  pkcs11Module: optionalText(500).default(''),
  /** An RFC 3161 timestamp service; empty for none. */
  timestampUrl: oneLine(z.string().trim())
    .max(500, { error: 'tooLong' })
    .refine((u) => u === '' || /^https?:\/\/[^\s]+$/.test(u), { error: 'url' })
    .default(''),
  /** Trusted root certificates (PEM) for checking signatures. */
  trustedRoots: multiLine(z.string()).max(200_000, { error: 'tooLong' }).default(''),
});
export type SigningSettings = z.infer<typeof signingSettings>;

/** A revocation list (RFC 5280 CRL) the administrator imported, as kept in revocation.json (DER as base64). */
export const storedCrl = z.object({
  id: z.string(),
  name: z.string().max(255),
  der: z.string(),
  issuerCertificate: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
});

/** Revocation data for checking signatures offline (issue 12, "Revocation"), and the policy. */
export const revocationRecord = z.object({
  /** Policy: a certificate with no revocation data makes its signature INDETERMINATE (TRY_LATER). */
  required: z.boolean(),
  lists: z.array(storedCrl),
});
export type RevocationRecord = z.infer<typeof revocationRecord>;

/** A revocation list as the settings show it. */
export const crlView = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.string(),
  thisUpdate: z.string(),
  nextUpdate: z.string().nullable(),
  revokedCount: z.number().int(),
  importedAt: z.string(),
  /** The list's next update is past: it no longer proves a certificate good today. */
  stale: z.boolean(),
});

export const revocationView = z.object({ required: z.boolean(), lists: z.array(crlView) });
export type RevocationView = z.infer<typeof revocationView>;
