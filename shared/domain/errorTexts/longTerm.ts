/** The texts of the errors of issue 18's long-term signatures (PAdES B-LT, B-LTA). */
import { entry, type Lang } from './entry';
import { SIGNING_ERROR_TEXTS, type RefusedReason, type UnreachableReason } from './signing';

/** The signatures already made stay as they were: every refusal says so. */
const UNCHANGED = { lt: 'Dokumentas nepakeistas, jo parašai galioja kaip galiojo.', en: 'The document is unchanged; its signatures stand as they did.' };

/**
 * Why no list gives a certificate's status for the long term (issue 18; ETSI EN 319 102-1 §5.6.2.1):
 * no list by its CA; every list issued before the signature's proven time (it says nothing of the
 * time between); every list issued after the certificate expired (the CA may leave it out); the
 * signature has no proven time, so no list can yet be shown to come after it.
 */
export type RevocationGap = 'noList' | 'issuedBeforeSigning' | 'issuedAfterExpiry' | 'noSigningTime';

/**
 * Why a revocation list cannot be used (RFC 5280 §5.2, §6.3.3; issue 18): a delta list, a critical
 * extension the app does not understand, an indirect list, a list of only some certificates or
 * reasons, a signer whose key usage does not allow signing lists.
 */
export type UnusableCrlReason = 'delta' | 'criticalExtension' | 'indirect' | 'partial' | 'notForCrls';

const UNUSABLE_CRL: Readonly<Record<UnusableCrlReason, Record<Lang, string>>> = {
  delta: { lt: 'tai pokyčių (delta) sąrašas, o ne visas sąrašas', en: 'it is a delta list, not a complete one' },
  criticalExtension: { lt: 'jame yra programai nežinomas kritinis plėtinys', en: 'it carries a critical extension the app does not understand' },
  indirect: { lt: 'tai netiesioginis sąrašas (jame gali būti kitų išdavėjų sertifikatų)', en: 'it is an indirect list (it may list other issuers’ certificates)' },
  partial: { lt: 'jis apima tik dalį sertifikatų arba atšaukimo priežasčių', en: 'it covers only some certificates or revocation reasons' },
  notForCrls: { lt: 'jį pasirašiusio sertifikato paskirtis neleidžia pasirašyti sąrašų (nėra cRLSign)', en: 'the certificate that signed it may not sign lists (no cRLSign)' },
};

/** Why the timestamp service gave no document timestamp. */
export type TimestampFailure =
  | { readonly code: 'TSA_UNREACHABLE'; readonly reason: UnreachableReason }
  | { readonly code: 'TSA_REFUSED'; readonly reason: RefusedReason }
  | { readonly code: 'TOKEN_TOO_LARGE'; readonly bytes: number };

const UNREACHABLE: { readonly [W in UnreachableReason['why']]: (r: Extract<UnreachableReason, { why: W }>) => Record<Lang, string> } = {
  badAddress: () => ({ lt: 'netinkamas adresas', en: 'not a valid address' }),
  scheme: () => ({ lt: 'adresas turi prasidėti http:// arba https://', en: 'the address must start with http:// or https://' }),
  timeout: (r) => ({ lt: `neatsakė per ${r.seconds} s`, en: `no answer within ${r.seconds} s` }),
  connectionRefused: () => ({ lt: 'ryšys atmestas', en: 'connection refused' }),
  hostNotFound: () => ({ lt: 'adresas nerastas', en: 'host not found' }),
  connection: (r) => ({ lt: `ryšio klaida: ${r.detail}`, en: `connection error: ${r.detail}` }),
};

function timestampFailureText(url: string, failure: TimestampFailure, lang: Lang): string {
  switch (failure.code) {
    case 'TSA_UNREACHABLE': {
      const words = (UNREACHABLE[failure.reason.why] as (r: UnreachableReason) => Record<Lang, string>)(failure.reason)[lang];
      return lang === 'lt' ? `Laiko žymų tarnyba ${url} nepasiekiama (${words}).` : `The timestamp authority ${url} cannot be reached (${words}).`;
    }
    case 'TSA_REFUSED':
      return SIGNING_ERROR_TEXTS.TSA_REFUSED[lang]({ url, reason: failure.reason });
    case 'TOKEN_TOO_LARGE':
      return lang === 'lt'
        ? `Laiko žymų tarnybos ${url} laiko žyma per didelė (${failure.bytes} B) dokumente paliktai vietai.`
        : `The timestamp of ${url} is too large (${failure.bytes} B) for the place left in the document.`;
  }
}

export const LONG_TERM_ERROR_TEXTS = {
  LONG_TERM_NO_TIMESTAMP_SERVICE: entry(
    () => `Ilgalaikiam galiojimui reikia laiko žymų tarnybos: administratorius turi nurodyti jos adresą parašo nustatymuose. ${UNCHANGED.lt}`,
    () => `Long-term validity needs a timestamp service: the administrator sets its address in the signing settings. ${UNCHANGED.en}`,
  ),

  LONG_TERM_NO_SIGNATURE: entry(
    () => `Dokumente nėra parašo, kurio galiojimą būtų galima užtikrinti ilgam laikui.`,
    () => `The document holds no signature whose validity could be made long-term.`,
  ),

  LONG_TERM_NOT_FULLY_SIGNED: entry<{ registrationNumber: string; awaiting: number }>(
    (p) => `Dokumentas ${p.registrationNumber} dar nepasirašytas visų (trūksta parašų: ${p.awaiting}): ilgalaikis galiojimas užtikrinamas tik visiškai pasirašytam dokumentui.`,
    (p) => `Document ${p.registrationNumber} is not signed by everyone yet (signatures missing: ${p.awaiting}): long-term validity is added to a fully signed document only.`,
  ),

  LONG_TERM_SIGNATURE_INVALID: entry<{ signer: string; indication: string; subIndication: string | null }>(
    (p) => `Parašas (${p.signer}) dabar netikrinamas kaip galiojantis (${p.indication}${p.subIndication ? ` / ${p.subIndication}` : ''}): ilgalaikis galiojimas užtikrinamas tik galiojantiems parašams. ${UNCHANGED.lt}`,
    (p) => `The signature (${p.signer}) does not verify as valid now (${p.indication}${p.subIndication ? ` / ${p.subIndication}` : ''}): long-term validity is added to valid signatures only. ${UNCHANGED.en}`,
  ),

  LONG_TERM_NO_REVOCATION_DATA: entry<{ certificate: string; issuer: string; reason: RevocationGap }>(
    (p) => {
      switch (p.reason) {
        case 'noList':
          return `Sertifikatui „${p.certificate}“ (išdavė ${p.issuer}) nėra importuoto atšauktų sertifikatų sąrašo (CRL): administratorius turi jį importuoti. ${UNCHANGED.lt}`;
        case 'issuedBeforeSigning':
          return `Importuotas ${p.issuer} atšauktų sertifikatų sąrašas (CRL) išleistas anksčiau, nei įrodytas parašo laikas, todėl neįrodo, kad sertifikatas „${p.certificate}“ tada nebuvo atšauktas: kai ${p.issuer} išleis naujesnį sąrašą, administratorius turi jį importuoti ir ilgalaikį galiojimą užtikrinti tada. ${UNCHANGED.lt}`;
        case 'issuedAfterExpiry':
          return `Importuotas ${p.issuer} atšauktų sertifikatų sąrašas (CRL) išleistas jau pasibaigus sertifikato „${p.certificate}“ galiojimui, todėl apie jį nieko neįrodo; reikia sąrašo, išleisto po pasirašymo, kol sertifikatas dar galiojo. ${UNCHANGED.lt}`;
        case 'noSigningTime':
          return `Parašas (sertifikatas „${p.certificate}“) neturi patikimos laiko žymos, įrodančios, kada jis sukurtas, todėl joks sąrašas negali įrodyti, kad sertifikatas tada nebuvo atšauktas. ${UNCHANGED.lt}`;
      }
    },
    (p) => {
      switch (p.reason) {
        case 'noList':
          return `There is no imported revocation list (CRL) for the certificate "${p.certificate}" (issued by ${p.issuer}): the administrator must import one. ${UNCHANGED.en}`;
        case 'issuedBeforeSigning':
          return `The imported revocation list (CRL) of ${p.issuer} was issued before the signature's proven time, so it does not show that the certificate "${p.certificate}" was not revoked then: once ${p.issuer} publishes a newer list, the administrator imports it and the long-term validity is added then. ${UNCHANGED.en}`;
        case 'issuedAfterExpiry':
          return `The imported revocation list (CRL) of ${p.issuer} was issued after the certificate "${p.certificate}" expired and proves nothing of it; a list issued after the signing, while the certificate was still valid, is needed. ${UNCHANGED.en}`;
        case 'noSigningTime':
          return `The signature (certificate "${p.certificate}") has no trusted timestamp proving when it was made, so no list can show that the certificate was not revoked then. ${UNCHANGED.en}`;
      }
    },
  ),

  CRL_UNUSABLE: entry<{ issuer: string; reason: UnusableCrlReason }>(
    (p) => `${p.issuer} atšauktų sertifikatų sąrašas (CRL) netinka sertifikatų būsenai tikrinti: ${UNUSABLE_CRL[p.reason].lt}. Sąrašas neimportuotas.`,
    (p) => `The revocation list (CRL) of ${p.issuer} cannot be used to check certificates: ${UNUSABLE_CRL[p.reason].en}. The list was not imported.`,
  ),

  LONG_TERM_TIMESTAMP_FAILED: entry<{ url: string; failure: TimestampFailure }>(
    (p) => `${timestampFailureText(p.url, p.failure, 'lt')} Dokumento laiko žyma nepridėta. ${UNCHANGED.lt}`,
    (p) => `${timestampFailureText(p.url, p.failure, 'en')} No document timestamp was added. ${UNCHANGED.en}`,
  ),

  LONG_TERM_CHECK_FAILED: entry(
    () => `Papildytas dokumentas nepraėjo patikros (ne visi parašai ar laiko žyma liko nepažeisti), todėl neišsaugotas. ${UNCHANGED.lt}`,
    () => `The extended document did not pass its check (not every signature or the timestamp stayed intact), so it was not kept. ${UNCHANGED.en}`,
  ),

  DSS_TOO_LARGE: entry<{ limit: number; counted: 'certificates' | 'crls' | 'megabytes' | 'revisions' }>(
    (p) => {
      switch (p.counted) {
        case 'certificates':
          return `Dokumento patvirtinimo duomenų saugykloje (DSS) daugiau kaip ${p.limit} sertifikatų: programa jo netikrina.`;
        case 'crls':
          return `Dokumento patvirtinimo duomenų saugykloje (DSS) daugiau kaip ${p.limit} atšauktų sertifikatų sąrašų: programa jo netikrina.`;
        case 'megabytes':
          return `Dokumento patvirtinimo duomenų saugykla (DSS) didesnė kaip ${p.limit} MB: programa jo netikrina.`;
        case 'revisions':
          return `Dokumente daugiau kaip ${p.limit} versijų (papildymų): programa jo netikrina.`;
      }
    },
    (p) => {
      switch (p.counted) {
        case 'certificates':
          return `The document security store (DSS) holds more than ${p.limit} certificates: the app does not check it.`;
        case 'crls':
          return `The document security store (DSS) holds more than ${p.limit} revocation lists: the app does not check it.`;
        case 'megabytes':
          return `The document security store (DSS) is larger than ${p.limit} MB: the app does not check it.`;
        case 'revisions':
          return `The document has more than ${p.limit} revisions (incremental updates): the app does not check it.`;
      }
    },
  ),
};
