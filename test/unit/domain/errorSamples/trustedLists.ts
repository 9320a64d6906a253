// Parameters for every code of shared/domain/errorTexts/trustedLists.ts (issue 18), each variant its texts have.
import type { TRUSTED_LIST_ERROR_TEXTS } from '../../../../shared/domain/errorTexts/trustedLists';
import type { ErrorParams } from '../../../../shared/domain/errorTexts';

export const TRUSTED_LIST_SAMPLES: { readonly [C in keyof typeof TRUSTED_LIST_ERROR_TEXTS]: readonly ErrorParams<C>[] } = {
  TRUSTED_LIST_TOO_LARGE: [{ maxMegabytes: 30 }],
  TRUSTED_LIST_MALFORMED: [{}],
  TRUSTED_LIST_DOCTYPE: [{}],
  TRUSTED_LIST_TOO_COMPLEX: [{ maxDepth: 64, maxNamespaces: 1000 }],
  TRUSTED_LIST_NOT_TSL: [{}],
  TRUSTED_LIST_INCOMPLETE: [{ element: 'NextUpdate' }],
  TRUSTED_LIST_UNSIGNED: [{}],
  TRUSTED_LIST_SIGNATURE_MISPLACED: [{ count: 2 }],
  TRUSTED_LIST_SIGNATURE_SCOPE: [{}],
  TRUSTED_LIST_ALGORITHM: [{ algorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' }],
  TRUSTED_LIST_SIGNATURE_INVALID: [{}],
  TRUSTED_LIST_SIGNED_BY_OTHER: [{ signer: 'CN=Kitas tvarkytojas, C=LT' }],
  TRUSTED_LIST_OPERATOR_UNREADABLE: [{}],
  TRUSTED_LIST_OPERATOR_NOT_VALID: [{ issued: '2026-11-30T08:00:00.000Z', validFrom: '2027-01-01T00:00:00.000Z', validTo: '2030-01-01T00:00:00.000Z' }],
  TRUSTED_LIST_EXPIRED: [{ territory: 'LT', nextUpdate: '2026-06-30T00:00:00.000Z' }],
  TRUSTED_LIST_CLOSED: [{ territory: 'LT' }],
  TRUSTED_LIST_NOT_NEWER: [{ territory: 'LT', sequenceNumber: 41, stored: 42 }],
  TRUSTED_LIST_NOT_FOUND: [{ id: 'a1b2' }],
  TRUSTED_LISTS_DAMAGED: [{}],
};
