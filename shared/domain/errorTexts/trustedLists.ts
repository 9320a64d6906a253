/** The texts of the errors of issue 18's trusted lists (ETSI TS 119 612). */
import { entry } from './entry';

/** Every refusal of an import ends by saying that nothing was changed (issue 18, "Bad input"). */
const UNCHANGED = { lt: 'Nustatymai nepakeisti.', en: 'The settings are unchanged.' };

export const TRUSTED_LIST_ERROR_TEXTS = {
  TRUSTED_LIST_TOO_LARGE: entry<{ maxMegabytes: number }>(
    (p) => `Patikimų sąrašas per didelis (daugiausia ${p.maxMegabytes} MB). ${UNCHANGED.lt}`,
    (p) => `The trusted list is too large (at most ${p.maxMegabytes} MB). ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_MALFORMED: entry(
    () => `Failas nėra tvarkingas XML dokumentas (UTF-8), todėl negali būti patikimų sąrašas. ${UNCHANGED.lt}`,
    () => `The file is not a well-formed XML document (UTF-8), so it cannot be a trusted list. ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_DOCTYPE: entry(
    () => `Sąraše yra dokumento tipo (DOCTYPE) ar esybių (ENTITY) aprašų; patikimų sąraše jų nebūna, o jais galima perkrauti ar apgauti skaitytuvą. ${UNCHANGED.lt}`,
    () => `The list contains a document type (DOCTYPE) or entity (ENTITY) declaration; a trusted list has none, and they can overload or deceive a reader. ${UNCHANGED.en}`,
  ),

  /** The reader's limits: element nesting and namespace declarations. */
  TRUSTED_LIST_TOO_COMPLEX: entry<{ maxDepth: number; maxNamespaces: number }>(
    (p) =>
      `Sąrašo XML struktūra per sudėtinga: elementai įdėti giliau nei ${p.maxDepth} lygių arba paskelbta daugiau nei ${p.maxNamespaces} vardų sričių (xmlns). Tikruose patikimų sąrašuose jų daug mažiau, o toks failas galėtų perkrauti skaitytuvą. ${UNCHANGED.lt}`,
    (p) =>
      `The list's XML is too complex: elements nested deeper than ${p.maxDepth} levels, or more than ${p.maxNamespaces} namespace (xmlns) declarations. Genuine trusted lists have far fewer, and such a file could overload the reader. ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_NOT_TSL: entry(
    () => `Failas nėra ETSI TS 119 612 patikimų sąrašas (jo šakninis elementas ne TrustServiceStatusList). ${UNCHANGED.lt}`,
    () => `The file is not an ETSI TS 119 612 trusted list (its root element is not TrustServiceStatusList). ${UNCHANGED.en}`,
  ),

  /** `element`: the TS 119 612 element (its XML name) that is missing or unreadable. */
  TRUSTED_LIST_INCOMPLETE: entry<{ element: string }>(
    (p) => `Sąraše trūksta privalomo elemento ${p.element} arba jo reikšmė netinkama. ${UNCHANGED.lt}`,
    (p) => `The list lacks the required element ${p.element}, or its value is not valid. ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_UNSIGNED: entry(
    () => `Sąrašas nepasirašytas: be sąrašo tvarkytojo parašo negalima įsitikinti, kad jis tikras. ${UNCHANGED.lt}`,
    () => `The list is not signed: without the scheme operator's signature it cannot be told genuine. ${UNCHANGED.en}`,
  ),

  /** `count`: the XML signatures in the file. */
  TRUSTED_LIST_SIGNATURE_MISPLACED: entry<{ count: number }>(
    (p) => `Sąraše turi būti lygiai vienas XML parašas, tiesiogiai šakniniame elemente; rasta parašų: ${p.count}. ${UNCHANGED.lt}`,
    (p) => `A list carries exactly one XML signature, directly in its root element; signatures found: ${p.count}. ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_SIGNATURE_SCOPE: entry(
    () => `Parašas apima ne visą sąrašą (ne viso dokumento nuoroda arba neleistinos transformacijos), todėl nepasirašytos sąrašo dalys galėtų būti pakeistos. ${UNCHANGED.lt}`,
    () => `The signature does not cover the whole list (no whole-document reference, or transforms that are not allowed), so unsigned parts of the list could be changed. ${UNCHANGED.en}`,
  ),

  /** `algorithm`: the algorithm's URI. */
  TRUSTED_LIST_ALGORITHM: entry<{ algorithm: string }>(
    (p) => `Parašo algoritmas ${p.algorithm} nepriimamas: leidžiami tik SHA-256 ar stipresni. ${UNCHANGED.lt}`,
    (p) => `The signature's algorithm ${p.algorithm} is not accepted: only SHA-256 or stronger is. ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_SIGNATURE_INVALID: entry(
    () => `Sąrašo parašas netikras su nurodytu tvarkytojo sertifikatu: sąrašas pakeistas po pasirašymo arba jį pasirašė kitas. ${UNCHANGED.lt}`,
    () => `The list's signature does not verify with the given operator certificate: the list was changed after signing, or someone else signed it. ${UNCHANGED.en}`,
  ),

  /** `signer`: the subject of the certificate the signature names. */
  TRUSTED_LIST_SIGNED_BY_OTHER: entry<{ signer: string }>(
    (p) => `Sąrašą pasirašė ne nurodytas tvarkytojas, o ${p.signer}. ${UNCHANGED.lt}`,
    (p) => `The list was not signed by the given operator but by ${p.signer}. ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_OPERATOR_UNREADABLE: entry(
    () => `Sąrašo tvarkytojo sertifikato failas nėra X.509 sertifikatas (PEM ar DER). ${UNCHANGED.lt}`,
    () => `The operator certificate file is not an X.509 certificate (PEM or DER). ${UNCHANGED.en}`,
  ),

  /** ISO moments: the list's ListIssueDateTime and the operator certificate's validity. */
  TRUSTED_LIST_OPERATOR_NOT_VALID: entry<{ issued: string; validFrom: string; validTo: string }>(
    (p) =>
      `Sąrašo tvarkytojo sertifikatas negaliojo sąrašo išleidimo metu (${p.issued.slice(0, 10)}; sertifikatas galioja nuo ${p.validFrom.slice(0, 10)} iki ${p.validTo.slice(0, 10)}), todėl jo parašas sąrašo nepatvirtina. ${UNCHANGED.lt}`,
    (p) =>
      `The operator's certificate was not valid when the list was issued (${p.issued.slice(0, 10)}; the certificate is valid from ${p.validFrom.slice(0, 10)} to ${p.validTo.slice(0, 10)}), so its signature does not vouch for the list. ${UNCHANGED.en}`,
  ),

  /** `nextUpdate`: ISO moment. */
  TRUSTED_LIST_EXPIRED: entry<{ territory: string; nextUpdate: string }>(
    (p) => `Sąrašo (${p.territory}) kitas atnaujinimas turėjo būti ${p.nextUpdate.slice(0, 10)}: sąrašas pasenęs, atsisiųskite naujausią. ${UNCHANGED.lt}`,
    (p) => `The list (${p.territory}) was due to be updated on ${p.nextUpdate.slice(0, 10)}: it is out of date, get the latest one. ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_CLOSED: entry<{ territory: string }>(
    (p) => `Sąraše (${p.territory}) nenurodytas kitas atnaujinimas: toks sąrašas uždarytas ir nebeprižiūrimas. ${UNCHANGED.lt}`,
    (p) => `The list (${p.territory}) names no next update: such a list is closed and no longer maintained. ${UNCHANGED.en}`,
  ),

  /** `stored`: the sequence number of the list of the territory already imported. */
  TRUSTED_LIST_NOT_NEWER: entry<{ territory: string; sequenceNumber: number; stored: number }>(
    (p) => `Jau importuotas ${p.territory} sąrašas Nr. ${p.stored}; šis (Nr. ${p.sequenceNumber}) nėra naujesnis. ${UNCHANGED.lt}`,
    (p) => `The ${p.territory} list No. ${p.stored} is already imported; this one (No. ${p.sequenceNumber}) is not newer. ${UNCHANGED.en}`,
  ),

  TRUSTED_LIST_NOT_FOUND: entry<{ id: string }>(
    () => 'Tokio patikimų sąrašo nėra.',
    () => 'There is no such trusted list.',
  ),

  TRUSTED_LISTS_DAMAGED: entry(
    () =>
      'Patikimų sąrašų failas (trustedLists.json) sugadintas. Bylos ir dokumentai nepaliesti; atkurkite failą iš atsarginės kopijos arba importuokite sąrašus iš naujo.',
    () => 'The trusted lists file (trustedLists.json) is damaged. Cases and documents are untouched; restore the file from a backup or import the lists again.',
  ),
};
