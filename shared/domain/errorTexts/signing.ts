/**
 * The texts of signing's errors, in words the director can act on (issue 6, "Signatures"): the
 * certificate file or card, the certificate, the timestamp authority; the check of a signed PDF and
 * the certificate revocation lists.
 */
import { entry, type Lang } from './entry';

/**
 * A reason given in words rather than as a code. Kept while tests still build signing errors with
 * one; the services give reasons as codes.
 */
export type WordedReason = { readonly lt: string; readonly en: string };

type Words = { readonly lt: string; readonly en: string };

/** The reason's text: from `table` by its `why`, or as worded. */
function reasonText<R extends { readonly why: string }>(reason: R | WordedReason, lang: Lang, table: (r: R) => Words): string {
  return 'why' in reason ? table(reason)[lang] : reason[lang];
}

const VILNIUS_TIME = new Intl.DateTimeFormat('lt-LT', { timeZone: 'Europe/Vilnius', dateStyle: 'short', timeStyle: 'short' });

/** '2026-11-22 14:05', the time in Lithuania (where the commission signs), of an ISO moment. */
function signingTime(iso: string): string {
  return VILNIUS_TIME.format(new Date(iso));
}

/** Why a certificate file cannot be read. */
export type P12Reason = { readonly why: 'notPkcs12' } | { readonly why: 'encryption'; readonly oid: string } | { readonly why: 'privateKey' };

const p12Reason = (r: P12Reason): Words => {
  switch (r.why) {
    case 'notPkcs12':
      return { lt: 'tai ne PKCS#12 failas arba jis sugadintas', en: 'it is not a PKCS#12 file or it is damaged' };
    case 'encryption':
      return { lt: `jis užšifruotas nepalaikomu būdu (${r.oid})`, en: `it is encrypted in a way that is not supported (${r.oid})` };
    case 'privateKey':
      return { lt: 'jame esančio privačiojo rakto perskaityti nepavyko', en: 'its private key cannot be read' };
  }
};

/** The extended key usages a certificate may be meant for instead of signing, by OID. */
const PURPOSE_NAMES: Readonly<Record<string, Words>> = {
  '1.3.6.1.5.5.7.3.1': { lt: 'serverio tapatybės nustatymas', en: 'server authentication' },
  '1.3.6.1.5.5.7.3.2': { lt: 'kliento tapatybės nustatymas', en: 'client authentication' },
  '1.3.6.1.5.5.7.3.3': { lt: 'programų kodo pasirašymas', en: 'code signing' },
  '1.3.6.1.5.5.7.3.8': { lt: 'laiko žymų sudarymas', en: 'time stamping' },
  '1.3.6.1.5.5.7.3.9': { lt: 'OCSP atsakymų pasirašymas', en: 'OCSP signing' },
};

/** Why a certificate is not for signing documents: its key usage, or its extended key usages (OIDs). */
export type PurposeReason = { readonly why: 'keyUsage' } | { readonly why: 'purposes'; readonly purposes: readonly string[] };

const purposeReason = (r: PurposeReason): Words => {
  if (r.why === 'keyUsage') {
    return {
      lt: 'jo rakto paskirtis neapima elektroninio parašo (nėra nei digitalSignature, nei nonRepudiation)',
      en: 'its key usage does not include signatures (neither digitalSignature nor nonRepudiation)',
    };
  }
  const names = r.purposes.map((oid) => PURPOSE_NAMES[oid] ?? { lt: oid, en: oid });
  return {
    lt: `jis skirtas tik kitiems tikslams (${names.map((n) => n.lt).join(', ')})`,
    en: `it is meant only for other purposes (${names.map((n) => n.en).join(', ')})`,
  };
};

/** Why a card driver (PKCS#11 module) cannot be loaded; `detail`: the system's own words. */
export type ModuleReason =
  | { readonly why: 'subsystem'; readonly detail: string }
  | { readonly why: 'fileMissing' }
  | { readonly why: 'notPkcs11'; readonly detail: string }
  | { readonly why: 'initFailed'; readonly detail: string };

const moduleReason = (r: ModuleReason): Words => {
  switch (r.why) {
    case 'subsystem':
      return { lt: `nepavyko įkelti kortelių posistemės (${r.detail})`, en: `the card subsystem could not be loaded (${r.detail})` };
    case 'fileMissing':
      return { lt: 'failas nerastas', en: 'file not found' };
    case 'notPkcs11':
      return { lt: `tai ne PKCS#11 biblioteka (${r.detail})`, en: `it is not a PKCS#11 library (${r.detail})` };
    case 'initFailed':
      return { lt: `jo paleisti nepavyko (${r.detail})`, en: `it failed to initialise (${r.detail})` };
  }
};

/** Why the timestamp authority cannot be reached. */
export type UnreachableReason =
  | { readonly why: 'badAddress' }
  | { readonly why: 'scheme' }
  | { readonly why: 'timeout'; readonly seconds: number }
  | { readonly why: 'connectionRefused' }
  | { readonly why: 'hostNotFound' }
  | { readonly why: 'connection'; readonly detail: string };

const unreachableReason = (r: UnreachableReason): Words => {
  switch (r.why) {
    case 'badAddress':
      return { lt: 'netinkamas adresas', en: 'not a valid address' };
    case 'scheme':
      return { lt: 'adresas turi prasidėti http:// arba https://', en: 'the address must start with http:// or https://' };
    case 'timeout':
      return { lt: `neatsakė per ${r.seconds} s`, en: `no answer within ${r.seconds} s` };
    case 'connectionRefused':
      return { lt: 'ryšys atmestas', en: 'connection refused' };
    case 'hostNotFound':
      return { lt: 'adresas nerastas', en: 'host not found' };
    case 'connection':
      return { lt: `ryšio klaida: ${r.detail}`, en: `connection error: ${r.detail}` };
  }
};

/** RFC 3161 PKIStatus values a refusal names. */
const PKI_STATUS_TEXT: Readonly<Record<number, Words>> = {
  2: { lt: 'užklausa atmesta', en: 'the request was rejected' },
  3: { lt: 'laukiama', en: 'waiting' },
  4: { lt: 'tarnyba praneša apie atšauktą sertifikatą', en: 'the authority warns of a revocation' },
  5: { lt: 'tarnybos sertifikatas atšauktas', en: 'the authority’s certificate is revoked' },
};

/** Why the timestamp authority gave no (usable) timestamp; `status` and `text`: the reply's PKIStatusInfo. */
export type RefusedReason =
  | { readonly why: 'tooLarge' }
  | { readonly why: 'http'; readonly status: number }
  | { readonly why: 'notTimestamp' }
  | { readonly why: 'noToken' }
  | { readonly why: 'status'; readonly status: number; readonly text: string }
  | { readonly why: 'nonce' }
  | { readonly why: 'imprint' }
  | { readonly why: 'signature' };

const refusedReason = (r: RefusedReason): Words => {
  switch (r.why) {
    case 'tooLarge':
      return { lt: 'atsakymas per didelis', en: 'the reply is too large' };
    case 'http':
      return { lt: `tarnyba atsakė HTTP ${r.status}`, en: `the service answered HTTP ${r.status}` };
    case 'notTimestamp':
      return { lt: 'atsakymas nėra RFC 3161 laiko žyma', en: 'the reply is not an RFC 3161 timestamp' };
    case 'noToken':
      return { lt: 'atsakyme nėra laiko žymos', en: 'the reply holds no timestamp' };
    case 'status': {
      const status = PKI_STATUS_TEXT[r.status] ?? { lt: `būsena ${r.status}`, en: `status ${r.status}` };
      return r.text ? { lt: `${status.lt}: ${r.text}`, en: `${status.en}: ${r.text}` } : status;
    }
    case 'nonce':
      return { lt: 'laiko žyma skirta ne šiai užklausai (kitas nonce)', en: 'the timestamp answers another request (nonce differs)' };
    case 'imprint':
      return { lt: 'laiko žyma uždėta ne šiam parašui', en: 'the timestamp is not over this signature' };
    case 'signature':
      return { lt: 'laiko žymos parašas netikras', en: 'the timestamp’s signature does not verify' };
  }
};

/**
 * Why signing failed. `noSpace` and `checkFailed` are said in a sentence of their own; the others
 * follow "Pasirašyti nepavyko:". `detail`: the library's or the card's own words.
 */
export type SigningFailure =
  | { readonly why: 'noSpace' }
  | { readonly why: 'checkFailed' }
  | { readonly why: 'error'; readonly detail: string }
  | { readonly why: 'keyMismatch' }
  | { readonly why: 'digest' }
  | { readonly why: 'card'; readonly detail: string }
  | { readonly why: 'cardSessionClosed' }
  | { readonly why: 'fileClosed' };

const signingFailure = (r: Exclude<SigningFailure, { why: 'noSpace' | 'checkFailed' }>): Words => {
  switch (r.why) {
    case 'error':
      return { lt: r.detail, en: r.detail };
    case 'keyMismatch':
      return {
        lt: 'parašas netinka sertifikatui (raktas ir sertifikatas nesutampa)',
        en: 'the signature does not match the certificate (the key and the certificate differ)',
      };
    case 'digest':
      return { lt: 'dokumento santrauka ne SHA-256', en: 'the document digest is not SHA-256' };
    case 'card':
      return { lt: `kortelė grąžino klaidą ${r.detail}`, en: `the card returned ${r.detail}` };
    case 'cardSessionClosed':
      return { lt: 'kortelės seansas jau uždarytas', en: 'the card session was already closed' };
    case 'fileClosed':
      return { lt: 'sertifikato failas jau uždarytas', en: 'the certificate file was already closed' };
  }
};

function signingFailedText(reason: SigningFailure | WordedReason, lang: Lang): string {
  const lt = lang === 'lt';
  if ('why' in reason && reason.why === 'noSpace') return lt ? 'Parašas netilpo į jam skirtą vietą dokumente.' : 'The signature did not fit the space reserved for it.';
  if ('why' in reason && reason.why === 'checkFailed') {
    return lt
      ? 'Pasirašytas dokumentas nepraėjo patikros, todėl neišsaugotas. Dokumentas liko nepakeistas.'
      : 'The signed document failed its check and was not saved. The document is unchanged.';
  }
  const text = reasonText(reason as Exclude<SigningFailure, { why: 'noSpace' | 'checkFailed' }> | WordedReason, lang, signingFailure);
  return lt ? `Pasirašyti nepavyko: ${text}.` : `Signing failed: ${text}.`;
}

const CRL_UNCHANGED = { lt: 'Nustatymai nepakeisti.', en: 'The settings are unchanged.' };

export const SIGNING_ERROR_TEXTS = {
  P12_WRONG_PASSWORD: entry(
    () => 'Neteisingas sertifikato failo slaptažodis.',
    () => 'Wrong password for the certificate file.',
  ),

  P12_UNREADABLE: entry<{ reason: P12Reason | WordedReason }>(
    (p) => `Sertifikato failo perskaityti nepavyko: ${reasonText(p.reason, 'lt', p12Reason)}. Pasirinkite PKCS#12 (.p12, .pfx) failą su privačiuoju raktu.`,
    (p) => `The certificate file cannot be read: ${reasonText(p.reason, 'en', p12Reason)}. Choose a PKCS#12 (.p12, .pfx) file with the private key.`,
  ),

  P12_NO_KEY: entry(
    () => 'Sertifikato faile nėra privačiojo rakto, todėl juo pasirašyti negalima. Eksportuokite sertifikatą kartu su privačiuoju raktu.',
    () => 'The certificate file holds no private key, so it cannot sign. Export the certificate together with its private key.',
  ),

  P12_NO_CERTIFICATE: entry(
    () => 'Sertifikato faile yra privatusis raktas, bet nėra jį atitinkančio sertifikato.',
    () => 'The certificate file holds a private key but not the certificate that matches it.',
  ),

  KEY_UNSUPPORTED: entry<{ keyType: string }>(
    (p) => `Šio tipo raktas (${p.keyType}) nepalaikomas: pasirašyti galima RSA arba ECDSA raktu.`,
    (p) => `This kind of key (${p.keyType}) is not supported: sign with an RSA or ECDSA key.`,
  ),

  CERT_UNREADABLE: entry(
    () => 'Sertifikato perskaityti nepavyko: jis sugadintas arba ne X.509 formato.',
    () => 'The certificate cannot be read: it is damaged or not an X.509 certificate.',
  ),

  /** `notAfter`: ISO moment. */
  CERT_EXPIRED: entry<{ notAfter: string }>(
    (p) => `Sertifikato galiojimas baigėsi ${signingTime(p.notAfter)}. Pasirašykite galiojančiu sertifikatu.`,
    (p) => `The certificate expired on ${signingTime(p.notAfter)} (Lithuanian time). Sign with a valid certificate.`,
  ),

  /** `notBefore`: ISO moment. */
  CERT_NOT_YET_VALID: entry<{ notBefore: string }>(
    (p) => `Sertifikatas dar negalioja: jis galios nuo ${signingTime(p.notBefore)}.`,
    (p) => `The certificate is not valid yet: it becomes valid on ${signingTime(p.notBefore)} (Lithuanian time).`,
  ),

  CERT_NOT_FOR_SIGNING: entry<{ reason: PurposeReason | WordedReason }>(
    (p) => `Šis sertifikatas neskirtas dokumentams pasirašyti: ${reasonText(p.reason, 'lt', purposeReason)}. Pasirinkite pasirašymo sertifikatą.`,
    (p) => `This certificate is not meant for signing documents: ${reasonText(p.reason, 'en', purposeReason)}. Choose a signing certificate.`,
  ),

  PKCS11_MODULE_MISSING: entry<{ modulePath: string; reason: ModuleReason | WordedReason }>(
    (p) =>
      `Kortelės tvarkyklės (PKCS#11 modulio) „${p.modulePath}“ įkelti nepavyko: ${reasonText(p.reason, 'lt', moduleReason)}. Patikrinkite, ar įdiegta kortelės programinė įranga ir ar nurodytas teisingas kelias.`,
    (p) =>
      `The card driver (PKCS#11 module) "${p.modulePath}" cannot be loaded: ${reasonText(p.reason, 'en', moduleReason)}. Check that the card software is installed and the path is right.`,
  ),

  /** `tokenLabel`: the card asked for, when one was named. */
  TOKEN_MISSING: entry<{ tokenLabel?: string }>(
    (p) =>
      p.tokenLabel
        ? `Kortelė „${p.tokenLabel}“ nerasta. Įdėkite ją į skaitytuvą ir pakartokite.`
        : 'Skaitytuve nėra paruoštos kortelės. Įdėkite pasirašymo kortelę ir pakartokite.',
    (p) =>
      p.tokenLabel
        ? `The card "${p.tokenLabel}" was not found. Insert it into the reader and try again.`
        : 'There is no ready card in the reader. Insert the signing card and try again.',
  ),

  PIN_INCORRECT: entry<{ finalTry: boolean }>(
    (p) => (p.finalTry ? 'Neteisingas PIN kodas. Liko paskutinis bandymas: dar kartą suklydus kortelė bus užblokuota.' : 'Neteisingas PIN kodas.'),
    (p) => (p.finalTry ? 'Wrong PIN. One attempt is left: another wrong PIN locks the card.' : 'Wrong PIN.'),
  ),

  PIN_LOCKED: entry(
    () => 'Kortelės PIN kodas užblokuotas. Atblokuokite jį PUK kodu kortelės programa.',
    () => 'The card PIN is locked. Unlock it with the PUK in the card software.',
  ),

  PIN_EXPIRED: entry(
    () => 'Kortelės PIN kodo galiojimas baigėsi. Pakeiskite PIN kodą kortelės programa.',
    () => 'The card PIN has expired. Change it in the card software.',
  ),

  KEY_NOT_FOUND: entry<{ keyLabel?: string }>(
    (p) => (p.keyLabel ? `Kortelėje nerastas raktas „${p.keyLabel}“ su sertifikatu.` : 'Kortelėje nerastas pasirašymo raktas su sertifikatu.'),
    (p) => (p.keyLabel ? `The card holds no key "${p.keyLabel}" with a certificate.` : 'The card holds no signing key with a certificate.'),
  ),

  TSA_UNREACHABLE: entry<{ url: string; reason: UnreachableReason | WordedReason }>(
    (p) =>
      `Laiko žymų tarnyba ${p.url} nepasiekiama (${reasonText(p.reason, 'lt', unreachableReason)}). Patikrinkite ryšį ir adresą arba pasirašykite be laiko žymos.`,
    (p) =>
      `The timestamp authority ${p.url} cannot be reached (${reasonText(p.reason, 'en', unreachableReason)}). Check the connection and the address, or sign without a timestamp.`,
  ),

  TSA_REFUSED: entry<{ url: string; reason: RefusedReason | WordedReason }>(
    (p) => `Laiko žymų tarnyba ${p.url} laiko žymos nesuteikė: ${reasonText(p.reason, 'lt', refusedReason)}.`,
    (p) => `The timestamp authority ${p.url} gave no timestamp: ${reasonText(p.reason, 'en', refusedReason)}.`,
  ),

  SIGNING_FAILED: entry<{ reason: SigningFailure | WordedReason }>(
    (p) => signingFailedText(p.reason, 'lt'),
    (p) => signingFailedText(p.reason, 'en'),
  ),

  NOT_OUR_DOCUMENT: entry(
    () => 'Pasirašyti galima tik šios programos parengtus dokumentus.',
    () => 'Only documents this application generated can be signed here.',
  ),

  // The check of a signed PDF.

  PDF_UNREADABLE: entry(
    () => 'Failas nėra PDF dokumentas arba yra sugadintas.',
    () => 'The file is not a PDF document or is damaged.',
  ),

  /** More than `limit` byte ranges, or signatures, than the app checks. */
  PDF_TOO_COMPLEX: entry<{ limit: number; counted: 'byteRanges' | 'signatures' }>(
    (p) =>
      p.counted === 'byteRanges'
        ? `Faile daugiau kaip ${p.limit} parašo apimčių (ByteRange): programa jo netikrina.`
        : `Faile daugiau kaip ${p.limit} parašų: programa jo netikrina.`,
    (p) =>
      p.counted === 'byteRanges' ? `The file holds more than ${p.limit} byte ranges: the app does not check it.` : `The file holds more than ${p.limit} signatures: the app does not check it.`,
  ),

  // Certificate revocation lists.

  CRL_UNREADABLE: entry(
    () => `Failas nėra atšauktų sertifikatų sąrašas (CRL) arba yra sugadintas. ${CRL_UNCHANGED.lt}`,
    () => `The file is not a certificate revocation list (CRL) or is damaged. ${CRL_UNCHANGED.en}`,
  ),

  CRL_TOO_LARGE: entry<{ maxMegabytes: number }>(
    (p) => `Sąrašas per didelis (daugiausia ${p.maxMegabytes} MB). ${CRL_UNCHANGED.lt}`,
    () => `The list is too large. ${CRL_UNCHANGED.en}`,
  ),

  CRL_NO_NEXT_UPDATE: entry<{ issuer: string }>(
    (p) => `Sąraše (išdavė ${p.issuer}) nenurodyta, kada bus kitas sąrašas, todėl negalima nustatyti, ar jis dar galioja. ${CRL_UNCHANGED.lt}`,
    (p) => `The list (issued by ${p.issuer}) does not say when the next one is due, so whether it is current cannot be told. ${CRL_UNCHANGED.en}`,
  ),

  /** `nextUpdate`: ISO moment. */
  CRL_EXPIRED: entry<{ issuer: string; nextUpdate: string }>(
    (p) => `Sąrašo galiojimas baigėsi ${p.nextUpdate.slice(0, 10)} (išdavė ${p.issuer}): atsisiųskite naujausią sąrašą. ${CRL_UNCHANGED.lt}`,
    (p) => `The list expired on ${p.nextUpdate.slice(0, 10)} (issued by ${p.issuer}): get the latest one. ${CRL_UNCHANGED.en}`,
  ),

  CRL_NOT_YET_VALID: entry(
    () => `Sąrašo išleidimo data yra ateityje. ${CRL_UNCHANGED.lt}`,
    () => `The list is dated in the future. ${CRL_UNCHANGED.en}`,
  ),

  CRL_SIGNATURE_INVALID: entry<{ issuer: string }>(
    (p) => `Sąrašo nepasirašė jį išdavęs sertifikavimo centras (${p.issuer}), arba to centro sertifikato nėra tarp patikimų. ${CRL_UNCHANGED.lt}`,
    (p) =>
      `The list was not signed by the certification authority that issued it (${p.issuer}), or that authority's certificate is not among the trusted ones. ${CRL_UNCHANGED.en}`,
  ),

  CRL_ISSUER_UNTRUSTED: entry<{ issuer: string }>(
    (p) => `Sąrašą išdavusio centro (${p.issuer}) sertifikatas nesusietas su patikimais šakniniais sertifikatais. ${CRL_UNCHANGED.lt}`,
    (p) => `The certificate of the authority that issued the list (${p.issuer}) does not chain to a trusted root. ${CRL_UNCHANGED.en}`,
  ),

  CRL_EXISTS: entry(
    () => 'Šis sąrašas jau importuotas.',
    () => 'This list has already been imported.',
  ),

  CRL_NOT_FOUND: entry<{ id: string }>(
    () => 'Tokio sąrašo nėra.',
    () => 'There is no such list.',
  ),
};
