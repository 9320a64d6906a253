import { z } from 'zod';
import { optionalText } from './fieldSchemas';

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
] as const;

export type SignatureProblem = (typeof SIGNATURE_PROBLEMS)[number];

export const signatureCheck = z.object({
  /** The name the signature dictionary carries, and the certificate's. */
  name: z.string().nullable(),
  signer: certificateView.nullable(),
  claimedTime: z.string().nullable(),
  timestamp: z.object({ time: z.string(), authority: z.string(), intact: z.boolean() }).nullable(),
  /** The signed bytes are unchanged and the signature matches the certificate. */
  intact: z.boolean(),
  problems: z.array(z.string()),
  certificateValid: z.enum(['valid', 'expired', 'notYetValid']),
  trusted: z.boolean(),
  after: z.enum(['unchanged', 'signedLater', 'changed']),
  valid: z.boolean(),
  subFilter: z.string().nullable(),
});

export const verificationReport = z.object({
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  signatures: z.array(signatureCheck),
  /** The app's own record of this file, if it generated it. */
  known: z.object({ id: z.string(), registrationNumber: z.string(), title: z.string(), version: z.number().int() }).nullable(),
});
export type VerificationReport = z.infer<typeof verificationReport>;

export const signingSettings = z.object({
  /** The PKCS#11 module of the smart-card reader (e.g. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so). */
  pkcs11Module: optionalText(500).default(''),
  /** An RFC 3161 timestamp service; empty for none. */
  timestampUrl: z
    .string()
    .trim()
    .max(500, { error: 'tooLong' })
    .refine((u) => u === '' || /^https?:\/\/[^\s]+$/.test(u), { error: 'url' })
    .default(''),
  /** Trusted root certificates (PEM) for checking signatures. */
  trustedRoots: z.string().max(200_000, { error: 'tooLong' }).default(''),
});
export type SigningSettings = z.infer<typeof signingSettings>;
