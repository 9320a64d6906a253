import type { QualificationView } from '../../../shared/contract/verificationSchemas';
import type { PdfSignatureCheck } from '../signing/pdfVerify';

/**
 * A qualified CA service of an imported trusted list (ETSI TS 119 612), as the signature check
 * uses it. PLACEHOLDER shape (issue 18, being written).
 */
export interface TrustedService {
  /** The service's name in the list. */
  name: string;
  /** The list's territory and sequence number, e.g. 'LT #42'. */
  list: string;
  /** The service's certificate (DER): a trust anchor. */
  certificate: Uint8Array;
}

/**
 * PLACEHOLDER (issue 18, being written): whether a signature is a QES. Until it lands every
 * signature is NOT_DETERMINED.
 */
export function qualificationOf(signature: PdfSignatureCheck, _services: readonly TrustedService[]): QualificationView | null {
  if (signature.type === 'documentTimestamp') return null;
  return { kind: 'NOT_DETERMINED', reasons: ['noTrustedList'], service: null, list: null };
}
