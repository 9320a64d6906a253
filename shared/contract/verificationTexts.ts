import type { ChangeKind, Indication, SignatureProblem, SubIndication } from './verificationSchemas';

/**
 * What a verification report's codes mean, in Lithuanian and English: one text for the app's screen
 * (renderer/documents/verificationMessages.ts builds its keys from these) and for `cli verify`.
 */
export interface Text {
  lt: string;
  en: string;
}

/** The verdict on a signature or a document (ETSI EN 319 102-1 §5.1.3). */
export const INDICATION_TEXT: Readonly<Record<Indication, Text>> = {
  TOTAL_PASSED: { lt: 'Parašas galioja', en: 'The signature is valid' },
  INDETERMINATE: { lt: 'Parašo galiojimo nustatyti negalima', en: 'The signature’s validity cannot be established' },
  FAILED: { lt: 'Parašas negalioja', en: 'The signature is not valid' },
};

export const DOCUMENT_INDICATION_TEXT: Readonly<Record<Indication, Text>> = {
  TOTAL_PASSED: { lt: 'Dokumentas patikimas: visi parašai galioja ir po pasirašymo jis nepakeistas', en: 'The document can be relied on: every signature is valid and it was not changed after signing' },
  INDETERMINATE: { lt: 'Ar dokumentu galima pasitikėti, nustatyti negalima', en: 'Whether the document can be relied on cannot be established' },
  FAILED: { lt: 'Dokumentu pasitikėti negalima', en: 'The document cannot be relied on' },
};

/** Why: each sub-indication in words a reader can act on. */
export const SUB_INDICATION_TEXT: Readonly<Record<SubIndication, Text>> = {
  FORMAT_FAILURE: {
    lt: 'Parašas ar dokumentas neatitinka formato: parašo duomenys pažeisti arba dokumentas pakeistas po pasirašymo.',
    en: 'The signature or the document does not follow the format: the signature data are damaged or the document was changed after signing.',
  },
  HASH_FAILURE: { lt: 'Pasirašyti duomenys pakeisti: dokumentas nebe toks, koks buvo pasirašytas.', en: 'The signed data were changed: the document is not what was signed.' },
  SIG_CRYPTO_FAILURE: { lt: 'Parašas neatitinka sertifikato rakto: jis suklastotas arba sugadintas.', en: 'The signature does not match the certificate’s key: it is forged or damaged.' },
  REVOKED: { lt: 'Sertifikatas buvo atšauktas dar prieš pasirašant.', en: 'The certificate had been revoked before the signature was made.' },
  EXPIRED: { lt: 'Pasirašyta, kai sertifikato galiojimas jau buvo pasibaigęs (tai patvirtina patikima laiko žyma).', en: 'Signed after the certificate had expired (a trusted timestamp proves it).' },
  NOT_YET_VALID: { lt: 'Pasirašyta anksčiau, nei sertifikatas įsigaliojo.', en: 'Signed before the certificate became valid.' },
  NO_SIGNING_CERTIFICATE_FOUND: { lt: 'Pasirašiusiojo sertifikato nėra arba parašas nurodo kitą sertifikatą.', en: 'The signer’s certificate is missing, or the signature names another certificate.' },
  NO_CERTIFICATE_CHAIN_FOUND: {
    lt: 'Parašas nepažeistas, tačiau sertifikato išdavėjo nėra tarp patikimų: administratorius nustatymuose nurodo patikimus šakninius sertifikatus (pvz., kvalifikuotų sertifikatų teikėjų).',
    en: 'The signature is intact, but the certificate’s issuer is not among the trusted ones: the administrator sets the trusted root certificates (e.g. of qualified certificate providers) in the settings.',
  },
  REVOKED_NO_POE: {
    lt: 'Sertifikatas atšauktas, o patikimos laiko žymos, kad pasirašyta anksčiau, nėra.',
    en: 'The certificate is revoked, and no trusted timestamp proves the signature was made before.',
  },
  REVOKED_CA_NO_POE: {
    lt: 'Sertifikatą išdavusio centro sertifikatas atšauktas, o patikimos laiko žymos, kad pasirašyta anksčiau, nėra.',
    en: 'The issuing authority’s certificate is revoked, and no trusted timestamp proves the signature was made before.',
  },
  OUT_OF_BOUNDS_NO_POE: {
    lt: 'Sertifikatas šiuo metu negalioja, o patikimos laiko žymos, kad pasirašyta jam galiojant, nėra.',
    en: 'The certificate is not valid now, and no trusted timestamp proves the signature was made while it was.',
  },
  TRY_LATER: {
    lt: 'Nėra sertifikato atšaukimo duomenų, o nustatymai jų reikalauja: administratorius importuoja naujausią atšauktų sertifikatų sąrašą (CRL).',
    en: 'There is no revocation data for the certificate and the settings require it: the administrator imports the latest revocation list (CRL).',
  },
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: { lt: 'Parašas sudarytas algoritmu, kurio programa netikrina.', en: 'The signature uses an algorithm the app does not check.' },
  GENERIC: { lt: 'Vėlesnio parašo dokumente patvirtinti negalima, todėl ir šis parašas nepatvirtintas.', en: 'A later signature on the document cannot be confirmed, so this one is not confirmed either.' },
};

/** Each finding of the signature check. */
export const PROBLEM_TEXT: Readonly<Record<SignatureProblem, Text>> = {
  BYTE_RANGE_INVALID: { lt: 'Parašo apimtis (ByteRange) neatitinka failo: ji išeina už failo ribų arba neapima parašo vietos.', en: 'The signature’s byte range does not fit the file: it runs past its end or misses the signature’s place.' },
  CONTENTS_UNREADABLE: { lt: 'Parašo reikšmė (Contents) nėra šešioliktainė eilutė.', en: 'The signature value (Contents) is not a hexadecimal string.' },
  SUBFILTER_UNSUPPORTED: { lt: 'Parašo formatas (SubFilter) nepalaikomas.', en: 'The signature format (SubFilter) is not supported.' },
  CMS_UNREADABLE: { lt: 'Parašo duomenų perskaityti nepavyko.', en: 'The signature data could not be read.' },
  NO_SIGNER_INFO: { lt: 'Parašo duomenyse nėra pasirašiusiojo.', en: 'The signature data name no signer.' },
  NO_SIGNER_CERT: { lt: 'Pasirašiusiojo sertifikatas neįdėtas į parašą.', en: 'The signer’s certificate is not in the signature.' },
  NO_SIGNED_ATTRIBUTES: { lt: 'Parašas nėra PAdES: pasirašytas turinys tiesiogiai, be pasirašytų atributų.', en: 'Not a PAdES signature: the content was signed directly, without signed attributes.' },
  DIGEST_ALGORITHM_UNSUPPORTED: { lt: 'Parašas naudoja kitą nei SHA-256 maišos algoritmą, kurio programa netikrina.', en: 'The signature uses a digest other than SHA-256, which the app does not check.' },
  DIGEST_MISMATCH: { lt: 'Pasirašyti duomenys nesutampa su dokumentu: dokumentas pakeistas.', en: 'The signed data do not match the document: it was changed.' },
  BAD_SIGNATURE: { lt: 'Parašas neatitinka sertifikato rakto.', en: 'The signature does not match the certificate’s key.' },
  SIGNATURE_ALGORITHM_UNSUPPORTED: { lt: 'Parašo algoritmas nepalaikomas.', en: 'The signature algorithm is not supported.' },
  NO_SIGNING_CERTIFICATE_ATTRIBUTE: { lt: 'Parašas nenurodo, kuriuo sertifikatu pasirašyta.', en: 'The signature does not say which certificate made it.' },
  CERT_HASH_MISMATCH: { lt: 'Parašas nurodo kitą sertifikatą nei įdėtasis.', en: 'The signature names another certificate than the one embedded.' },
  TIMESTAMP_UNREADABLE: { lt: 'Laiko žymos perskaityti nepavyko.', en: 'The timestamp could not be read.' },
  TIMESTAMP_IMPRINT_MISMATCH: { lt: 'Laiko žyma uždėta ne šiam parašui.', en: 'The timestamp is not over this signature.' },
  TIMESTAMP_BAD_SIGNATURE: { lt: 'Laiko žymos tarnybos parašas neteisingas.', en: 'The timestamp authority’s signature is wrong.' },
  TIMESTAMP_UNTRUSTED: {
    lt: 'Laiko žymą išdavė nepatikima tarnyba (jos sertifikatas nesusietas su patikimais arba neskirtas laiko žymoms), todėl jos laikas nieko neįrodo.',
    en: 'The timestamp comes from an authority that is not trusted (its certificate does not chain to a trusted root or is not for time-stamping), so its time proves nothing.',
  },
};

/** What was done to the document after a signature (DSS's classes of change). */
export const CHANGE_TEXT: Readonly<Record<ChangeKind, Text>> = {
  signature: { lt: 'pridėtas kitas parašas', en: 'another signature added' },
  dss: { lt: 'pridėti parašų tikrinimo duomenys (DSS)', en: 'validation data added (DSS)' },
  documentTimestamp: { lt: 'pridėta dokumento laiko žyma', en: 'a document timestamp added' },
  metadata: { lt: 'pakeisti dokumento metaduomenys', en: 'the document’s metadata changed' },
  formFill: { lt: 'pakeistos formos laukų reikšmės', en: 'form fields filled in' },
  annotation: { lt: 'pridėtos ar pakeistos pastabos (anotacijos)', en: 'annotations added or changed' },
  undefined: { lt: 'pakeistas dokumento turinys ar sandara', en: 'the document’s content or structure changed' },
};
