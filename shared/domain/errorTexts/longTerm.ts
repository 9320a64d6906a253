/** The texts of the errors of issue 18's long-term signatures (PAdES B-LT, B-LTA). */
import { entry, type Lang } from './entry';
import { SIGNING_ERROR_TEXTS, type RefusedReason, type UnreachableReason } from './signing';

/** The signatures already made stay as they were: every refusal says so. */
const UNCHANGED = { lt: 'Dokumentas nepakeistas, jo parašai galioja kaip galiojo.', en: 'The document is unchanged; its signatures stand as they did.' };

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

  LONG_TERM_NO_REVOCATION_DATA: entry<{ certificate: string; issuer: string; reason: 'noList' | 'stale' }>(
    (p) =>
      p.reason === 'noList'
        ? `Sertifikatui „${p.certificate}“ (išdavė ${p.issuer}) nėra importuoto atšauktų sertifikatų sąrašo (CRL): administratorius turi jį importuoti. ${UNCHANGED.lt}`
        : `Importuotas ${p.issuer} atšauktų sertifikatų sąrašas (CRL) pasenęs ir neįrodo, kad sertifikatas „${p.certificate}“ nebuvo atšauktas: administratorius turi importuoti naujesnį. ${UNCHANGED.lt}`,
    (p) =>
      p.reason === 'noList'
        ? `There is no imported revocation list (CRL) for the certificate "${p.certificate}" (issued by ${p.issuer}): the administrator must import one. ${UNCHANGED.en}`
        : `The imported revocation list (CRL) of ${p.issuer} is out of date and does not show that the certificate "${p.certificate}" was not revoked: the administrator must import a newer one. ${UNCHANGED.en}`,
  ),

  LONG_TERM_TIMESTAMP_FAILED: entry<{ url: string; failure: TimestampFailure }>(
    (p) => `${timestampFailureText(p.url, p.failure, 'lt')} Dokumento laiko žyma nepridėta. ${UNCHANGED.lt}`,
    (p) => `${timestampFailureText(p.url, p.failure, 'en')} No document timestamp was added. ${UNCHANGED.en}`,
  ),

  LONG_TERM_CHECK_FAILED: entry(
    () => `Papildytas dokumentas nepraėjo patikros (ne visi parašai ar laiko žyma liko nepažeisti), todėl neišsaugotas. ${UNCHANGED.lt}`,
    () => `The extended document did not pass its check (not every signature or the timestamp stayed intact), so it was not kept. ${UNCHANGED.en}`,
  ),

  DSS_TOO_LARGE: entry<{ limit: number; counted: 'certificates' | 'crls' | 'megabytes' }>(
    (p) =>
      p.counted === 'certificates'
        ? `Dokumento patvirtinimo duomenų saugykloje (DSS) daugiau kaip ${p.limit} sertifikatų: programa jo netikrina.`
        : p.counted === 'crls'
          ? `Dokumento patvirtinimo duomenų saugykloje (DSS) daugiau kaip ${p.limit} atšauktų sertifikatų sąrašų: programa jo netikrina.`
          : `Dokumento patvirtinimo duomenų saugykla (DSS) didesnė kaip ${p.limit} MB: programa jo netikrina.`,
    (p) =>
      p.counted === 'certificates'
        ? `The document security store (DSS) holds more than ${p.limit} certificates: the app does not check it.`
        : p.counted === 'crls'
          ? `The document security store (DSS) holds more than ${p.limit} revocation lists: the app does not check it.`
          : `The document security store (DSS) is larger than ${p.limit} MB: the app does not check it.`,
  ),
};
