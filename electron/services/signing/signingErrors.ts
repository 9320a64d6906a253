// Why a document cannot be signed, in words the director can act on (issue 6, "Signatures").
import { DomainError } from '../../../shared/domain/errors';

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

/** A reason shown inside a message, in both UI languages. */
export interface Reason {
  lt: string;
  en: string;
}

export class SigningError extends DomainError {
  constructor(
    override readonly code: SigningErrorCode,
    message: string,
    messageEn: string,
    details?: Record<string, unknown>,
  ) {
    super(code, message, messageEn, details);
    this.name = 'SigningError';
  }
}

const VILNIUS_TIME = new Intl.DateTimeFormat('lt-LT', {
  timeZone: 'Europe/Vilnius',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** '2026-11-22 14:05', the time in Lithuania (where the commission signs). */
function formatSigningTime(at: Date): string {
  return VILNIUS_TIME.format(at);
}

export const signingErrors = {
  p12WrongPassword: () =>
    new SigningError('P12_WRONG_PASSWORD', 'Neteisingas sertifikato failo slaptažodis.', 'Wrong password for the certificate file.'),

  p12Unreadable: (reason: Reason) =>
    new SigningError(
      'P12_UNREADABLE',
      `Sertifikato failo perskaityti nepavyko: ${reason.lt}. Pasirinkite PKCS#12 (.p12, .pfx) failą su privačiuoju raktu.`,
      `The certificate file cannot be read: ${reason.en}. Choose a PKCS#12 (.p12, .pfx) file with the private key.`,
      { reason },
    ),

  p12NoKey: () =>
    new SigningError(
      'P12_NO_KEY',
      'Sertifikato faile nėra privačiojo rakto, todėl juo pasirašyti negalima. Eksportuokite sertifikatą kartu su privačiuoju raktu.',
      'The certificate file holds no private key, so it cannot sign. Export the certificate together with its private key.',
    ),

  p12NoCertificate: () =>
    new SigningError(
      'P12_NO_CERTIFICATE',
      'Sertifikato faile yra privatusis raktas, bet nėra jį atitinkančio sertifikato.',
      'The certificate file holds a private key but not the certificate that matches it.',
    ),

  keyUnsupported: (keyType: string) =>
    new SigningError(
      'KEY_UNSUPPORTED',
      `Šio tipo raktas (${keyType}) nepalaikomas: pasirašyti galima RSA arba ECDSA raktu.`,
      `This kind of key (${keyType}) is not supported: sign with an RSA or ECDSA key.`,
      { keyType },
    ),

  certUnreadable: () =>
    new SigningError(
      'CERT_UNREADABLE',
      'Sertifikato perskaityti nepavyko: jis sugadintas arba ne X.509 formato.',
      'The certificate cannot be read: it is damaged or not an X.509 certificate.',
    ),

  certExpired: (notAfter: Date) =>
    new SigningError(
      'CERT_EXPIRED',
      `Sertifikato galiojimas baigėsi ${formatSigningTime(notAfter)}. Pasirašykite galiojančiu sertifikatu.`,
      `The certificate expired on ${formatSigningTime(notAfter)} (Lithuanian time). Sign with a valid certificate.`,
      { notAfter: notAfter.toISOString() },
    ),

  certNotYetValid: (notBefore: Date) =>
    new SigningError(
      'CERT_NOT_YET_VALID',
      `Sertifikatas dar negalioja: jis galios nuo ${formatSigningTime(notBefore)}.`,
      `The certificate is not valid yet: it becomes valid on ${formatSigningTime(notBefore)} (Lithuanian time).`,
      { notBefore: notBefore.toISOString() },
    ),

  certNotForSigning: (reason: Reason) =>
    new SigningError(
      'CERT_NOT_FOR_SIGNING',
      `Šis sertifikatas neskirtas dokumentams pasirašyti: ${reason.lt}. Pasirinkite pasirašymo sertifikatą.`,
      `This certificate is not meant for signing documents: ${reason.en}. Choose a signing certificate.`,
      { reason },
    ),

  pkcs11ModuleMissing: (modulePath: string, reason: Reason) =>
    new SigningError(
      'PKCS11_MODULE_MISSING',
      `Kortelės tvarkyklės (PKCS#11 modulio) „${modulePath}“ įkelti nepavyko: ${reason.lt}. Patikrinkite, ar įdiegta kortelės programinė įranga ir ar nurodytas teisingas kelias.`,
      `The card driver (PKCS#11 module) "${modulePath}" cannot be loaded: ${reason.en}. Check that the card software is installed and the path is right.`,
      { modulePath, reason },
    ),

  tokenMissing: (tokenLabel?: string) =>
    tokenLabel
      ? new SigningError(
          'TOKEN_MISSING',
          `Kortelė „${tokenLabel}“ nerasta. Įdėkite ją į skaitytuvą ir pakartokite.`,
          `The card "${tokenLabel}" was not found. Insert it into the reader and try again.`,
          { tokenLabel },
        )
      : new SigningError(
          'TOKEN_MISSING',
          'Skaitytuve nėra paruoštos kortelės. Įdėkite pasirašymo kortelę ir pakartokite.',
          'There is no ready card in the reader. Insert the signing card and try again.',
        ),

  pinIncorrect: (finalTry: boolean) =>
    finalTry
      ? new SigningError(
          'PIN_INCORRECT',
          'Neteisingas PIN kodas. Liko paskutinis bandymas: dar kartą suklydus kortelė bus užblokuota.',
          'Wrong PIN. One attempt is left: another wrong PIN locks the card.',
          { finalTry },
        )
      : new SigningError('PIN_INCORRECT', 'Neteisingas PIN kodas.', 'Wrong PIN.', { finalTry }),

  pinLocked: () =>
    new SigningError(
      'PIN_LOCKED',
      'Kortelės PIN kodas užblokuotas. Atblokuokite jį PUK kodu kortelės programa.',
      'The card PIN is locked. Unlock it with the PUK in the card software.',
    ),

  pinExpired: () =>
    new SigningError(
      'PIN_EXPIRED',
      'Kortelės PIN kodo galiojimas baigėsi. Pakeiskite PIN kodą kortelės programa.',
      'The card PIN has expired. Change it in the card software.',
    ),

  keyNotFound: (keyLabel?: string) =>
    new SigningError(
      'KEY_NOT_FOUND',
      keyLabel
        ? `Kortelėje nerastas raktas „${keyLabel}“ su sertifikatu.`
        : 'Kortelėje nerastas pasirašymo raktas su sertifikatu.',
      keyLabel ? `The card holds no key "${keyLabel}" with a certificate.` : 'The card holds no signing key with a certificate.',
      keyLabel ? { keyLabel } : undefined,
    ),

  tsaUnreachable: (url: string, reason: Reason) =>
    new SigningError(
      'TSA_UNREACHABLE',
      `Laiko žymų tarnyba ${url} nepasiekiama (${reason.lt}). Patikrinkite ryšį ir adresą arba pasirašykite be laiko žymos.`,
      `The timestamp authority ${url} cannot be reached (${reason.en}). Check the connection and the address, or sign without a timestamp.`,
      { url, reason },
    ),

  tsaRefused: (url: string, reason: Reason) =>
    new SigningError(
      'TSA_REFUSED',
      `Laiko žymų tarnyba ${url} laiko žymos nesuteikė: ${reason.lt}.`,
      `The timestamp authority ${url} gave no timestamp: ${reason.en}.`,
      { url, reason },
    ),

  signingFailed: (reason: Reason) =>
    new SigningError('SIGNING_FAILED', `Pasirašyti nepavyko: ${reason.lt}.`, `Signing failed: ${reason.en}.`, { reason }),
};
