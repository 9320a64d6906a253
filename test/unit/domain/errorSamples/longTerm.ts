// Parameters for every code of shared/domain/errorTexts/longTerm.ts (issue 18), each variant its texts have.
import type { LONG_TERM_ERROR_TEXTS } from '../../../../shared/domain/errorTexts/longTerm';
import type { ErrorParams } from '../../../../shared/domain/errorTexts';

export const LONG_TERM_SAMPLES: { readonly [C in keyof typeof LONG_TERM_ERROR_TEXTS]: readonly ErrorParams<C>[] } = {
  LONG_TERM_NO_TIMESTAMP_SERVICE: [{}],
  LONG_TERM_NO_SIGNATURE: [{}],
  LONG_TERM_NOT_FULLY_SIGNED: [{ registrationNumber: 'V-12', awaiting: 1 }],
  LONG_TERM_SIGNATURE_INVALID: [
    { signer: 'Ąžuolas Žėkas', indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' },
    { signer: 'Ąžuolas Žėkas', indication: 'FAILED', subIndication: null },
  ],
  LONG_TERM_NO_REVOCATION_DATA: [
    { certificate: 'Ąžuolas Žėkas', issuer: 'Pusiaukelės bandomoji CA', reason: 'noList' },
    { certificate: 'Bandomoji laiko žymų tarnyba', issuer: 'Pusiaukelės bandomoji CA', reason: 'issuedBeforeSigning' },
    { certificate: 'Ąžuolas Žėkas', issuer: 'Pusiaukelės bandomoji CA', reason: 'issuedAfterExpiry' },
    { certificate: 'Ąžuolas Žėkas', issuer: 'Pusiaukelės bandomoji CA', reason: 'noSigningTime' },
  ],
  CRL_UNUSABLE: [
    { issuer: 'CN=Pusiaukelės bandomoji CA', reason: 'delta' },
    { issuer: 'CN=Pusiaukelės bandomoji CA', reason: 'criticalExtension' },
    { issuer: 'CN=Pusiaukelės bandomoji CA', reason: 'indirect' },
    { issuer: 'CN=Pusiaukelės bandomoji CA', reason: 'partial' },
    { issuer: 'CN=Pusiaukelės bandomoji CA', reason: 'notForCrls' },
  ],
  LONG_TERM_TIMESTAMP_FAILED: [
    { url: 'http://tsa.example/', failure: { code: 'TSA_UNREACHABLE', reason: { why: 'badAddress' } } },
    { url: 'http://tsa.example/', failure: { code: 'TSA_UNREACHABLE', reason: { why: 'scheme' } } },
    { url: 'http://tsa.example/', failure: { code: 'TSA_UNREACHABLE', reason: { why: 'timeout', seconds: 15 } } },
    { url: 'http://tsa.example/', failure: { code: 'TSA_UNREACHABLE', reason: { why: 'connectionRefused' } } },
    { url: 'http://tsa.example/', failure: { code: 'TSA_UNREACHABLE', reason: { why: 'hostNotFound' } } },
    { url: 'http://tsa.example/', failure: { code: 'TSA_UNREACHABLE', reason: { why: 'connection', detail: 'ECONNRESET' } } },
    { url: 'http://tsa.example/', failure: { code: 'TSA_REFUSED', reason: { why: 'http', status: 503 } } },
    { url: 'http://tsa.example/', failure: { code: 'TOKEN_TOO_LARGE', bytes: 40000 } },
  ],
  LONG_TERM_CHECK_FAILED: [{}],
  DSS_TOO_LARGE: [
    { limit: 1000, counted: 'certificates' },
    { limit: 200, counted: 'crls' },
    { limit: 64, counted: 'megabytes' },
    { limit: 500, counted: 'revisions' },
  ],
};
