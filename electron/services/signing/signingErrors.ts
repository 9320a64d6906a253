// Why a document cannot be signed (issue 6, "Signatures"): the codes; their words are in the error catalogue.
import { DomainError } from '../../../shared/domain/errors';
import type { ErrorParamsArg } from '../../../shared/domain/errorTexts';
import type {
  ModuleReason,
  P12Reason,
  PurposeReason,
  RefusedReason,
  SigningFailure,
  UnreachableReason,
  WordedReason,
} from '../../../shared/domain/errorTexts/signing';

export const SIGNING_ERROR_CODES = [
  'P12_WRONG_PASSWORD',
  'P12_UNREADABLE',
  'P12_NO_KEY',
  'P12_NO_CERTIFICATE',
  'KEY_UNSUPPORTED',
  'CERT_UNREADABLE',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_NOT_FOR_SIGNING',
  'PKCS11_MODULE_MISSING',
  'TOKEN_MISSING',
  'PIN_INCORRECT',
  'PIN_LOCKED',
  'PIN_EXPIRED',
  'KEY_NOT_FOUND',
  'TSA_UNREACHABLE',
  'TSA_REFUSED',
  'SIGNING_FAILED',
] as const;

export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number];

/** A reason given in words (tests only; the services give reasons as codes, whose words are in the catalogue). */
export type Reason = WordedReason;

/** A signing refusal: one of SIGNING_ERROR_CODES, with its parameters; its texts are in shared/domain/errorTexts/signing. */
export class SigningError<C extends SigningErrorCode = SigningErrorCode> extends DomainError<C> {
  declare readonly code: SigningErrorCode;

  constructor(code: C, ...params: ErrorParamsArg<C>) {
    super(code, ...params);
    this.name = 'SigningError';
  }
}

export const signingErrors = {
  p12WrongPassword: () => new SigningError('P12_WRONG_PASSWORD'),
  p12Unreadable: (reason: P12Reason | Reason) => new SigningError('P12_UNREADABLE', { reason }),
  p12NoKey: () => new SigningError('P12_NO_KEY'),
  p12NoCertificate: () => new SigningError('P12_NO_CERTIFICATE'),
  keyUnsupported: (keyType: string) => new SigningError('KEY_UNSUPPORTED', { keyType }),
  certUnreadable: () => new SigningError('CERT_UNREADABLE'),
  certExpired: (notAfter: Date) => new SigningError('CERT_EXPIRED', { notAfter: notAfter.toISOString() }),
  certNotYetValid: (notBefore: Date) => new SigningError('CERT_NOT_YET_VALID', { notBefore: notBefore.toISOString() }),
  certNotForSigning: (reason: PurposeReason | Reason) => new SigningError('CERT_NOT_FOR_SIGNING', { reason }),
  pkcs11ModuleMissing: (modulePath: string, reason: ModuleReason | Reason) => new SigningError('PKCS11_MODULE_MISSING', { modulePath, reason }),
  tokenMissing: (tokenLabel?: string) => new SigningError('TOKEN_MISSING', tokenLabel ? { tokenLabel } : {}),
  pinIncorrect: (finalTry: boolean) => new SigningError('PIN_INCORRECT', { finalTry }),
  pinLocked: () => new SigningError('PIN_LOCKED'),
  pinExpired: () => new SigningError('PIN_EXPIRED'),
  keyNotFound: (keyLabel?: string) => new SigningError('KEY_NOT_FOUND', keyLabel ? { keyLabel } : {}),
  tsaUnreachable: (url: string, reason: UnreachableReason | Reason) => new SigningError('TSA_UNREACHABLE', { url, reason }),
  tsaRefused: (url: string, reason: RefusedReason | Reason) => new SigningError('TSA_REFUSED', { url, reason }),
  signingFailed: (reason: SigningFailure | Reason) => new SigningError('SIGNING_FAILED', { reason }),
};
