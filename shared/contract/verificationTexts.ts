import type { PdfLtLevel, PdfLtRemark, PdfLtRequirement } from './pdfLtSchemas';
import type { ChangeKind, Indication, PadesLevel, Qualification, SignatureProblem, SubIndication } from './verificationSchemas';

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
  CERTIFICATE_CHAIN_GENERAL_FAILURE: {
    lt: 'Sertifikato kelio iki patikimo šakninio sertifikato paieška nutraukta pasiekus ribą (dokumente per daug galimų išdavėjų sertifikatų), todėl nežinoma, ar toks kelias yra.',
    en: 'The search for the certificate’s path to a trusted root was stopped at its limit (the document holds too many candidate issuer certificates), so whether such a path exists is not known.',
  },
  TIMESTAMP_ORDER_FAILURE: {
    lt: 'Dokumento laiko žymos laikas ankstesnis nei laiko žymos, kurią ji apima, todėl ji nieko neįrodo.',
    en: 'The document timestamp states a time before a timestamp it covers, so it proves nothing.',
  },
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
  PATH_SEARCH_LIMIT: {
    lt: 'Sertifikato kelio paieška nutraukta pasiekus ribą: dokumente per daug galimų išdavėjų sertifikatų. Ar kelias iki patikimo sertifikato yra, nenustatyta.',
    en: 'The search for the certificate’s path was stopped at its limit: the document holds too many candidate issuer certificates. Whether a path to a trusted root exists was not established.',
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

/**
 * What each PDF-LT-V1.0 requirement not met means (issue 18; the chief archivist's order of
 * 2014-08-29 No. VE(1.3 E)-42), said of the file as it is.
 */
export const PDF_LT_REQUIREMENT_TEXT: Readonly<Record<PdfLtRequirement, Text>> = {
  PDF_VERSION: { lt: 'Failas nėra PDF 1.7 versijos.', en: 'The file is not PDF version 1.7.' },
  ENCRYPTED: { lt: 'Failas užšifruotas (kiti reikalavimai be rakto netikrinami).', en: 'The file is encrypted (the other requirements cannot be checked without its key).' },
  NO_PAGES: { lt: 'Faile nėra tvarkingo puslapių medžio.', en: 'The file has no sound page tree.' },
  EMBEDDED_FILES: { lt: 'Į failą įdėti kiti failai arba nuorodos į failus (priedai, failų specifikacijos).', en: 'The file embeds other files or refers to files (attachments, file specifications).' },
  NOT_PDFA2: { lt: 'Metaduomenys nenurodo PDF/A-2 ar vėlesnės PDF/A dalies (pdfaid:part).', en: 'The metadata do not declare PDF/A-2 or a later PDF/A part (pdfaid:part).' },
  SIGNATURE_CONTENTS: { lt: 'Parašo reikšmė nėra parašo žodyno įraše /Contents.', en: 'A signature’s value is not in the /Contents entry of its dictionary.' },
  SIGNATURE_SUBFILTER: {
    lt: 'Parašo formatas (SubFilter) nėra ETSI.CAdES.detached (dokumento laiko žymos – ETSI.RFC3161).',
    en: 'A signature’s format (SubFilter) is not ETSI.CAdES.detached (a document timestamp’s: ETSI.RFC3161).',
  },
  SIGNATURE_REASON: { lt: 'Parašo žodyne nėra pasirašymo priežasties (/Reason).', en: 'A signature dictionary has no signing reason (/Reason).' },
  SIGNATURE_NAME: { lt: 'Parašo žodyne nėra pasirašiusiojo vardo (/Name).', en: 'A signature dictionary has no signer’s name (/Name).' },
  SIGNATURE_TIME: { lt: 'Parašo žodyne nėra pasirašymo laiko (/M).', en: 'A signature dictionary has no signing time (/M).' },
  CERTIFICATION_SIGNATURE: {
    lt: 'Dokumente yra sertifikavimo (DocMDP) arba naudojimo teisių (UR3) parašas.',
    en: 'The document has a certification (DocMDP) or usage-rights (UR3) signature.',
  },
  EXTENSIONS_LTUD: {
    lt: 'Dokumento kataloge nėra PDF-LT plėtinio įrašo (/Extensions /LTUd su /BaseVersion 1.7 ir /ExtensionLevel 1).',
    en: 'The document catalog has no PDF-LT extension entry (/Extensions /LTUd with /BaseVersion 1.7 and /ExtensionLevel 1).',
  },
  XMP_IDENTIFIER: { lt: 'Metaduomenų identifikatorius (xmp:Identifier) nenurodo A lygio.', en: 'The metadata identifier (xmp:Identifier) does not name level A.' },
  XMP_STANDARD_VERSION: { lt: 'Metaduomenyse nenurodyta specifikacijos versija PDF-LT-V1.0 (LTUd:standardVersion).', en: 'The metadata do not give the specification version PDF-LT-V1.0 (LTUd:standardVersion).' },
  XMP_AUTHORS: { lt: 'Metaduomenyse nenurodyti dokumento sudarytojai (LTUd:authors).', en: 'The metadata do not name the document’s authors (LTUd:authors).' },
  XMP_RECIPIENTS: { lt: 'Metaduomenyse nėra dokumento adresatų įrašo (LTUd:recipients).', en: 'The metadata have no entry for the document’s recipients (LTUd:recipients).' },
  XMP_REGISTRATION: { lt: 'Metaduomenyse nėra dokumento registracijos numerio ir datos (LTUd:registration).', en: 'The metadata do not give the document’s registration number and date (LTUd:registration).' },
  XMP_TITLE: { lt: 'Metaduomenyse nenurodyta dokumento antraštė (dc:title).', en: 'The metadata do not give the document’s title (dc:title).' },
  XMP_CREATOR: { lt: 'Metaduomenyse nenurodytas dokumento kūrėjas (dc:creator).', en: 'The metadata do not name the document’s creator (dc:creator).' },
  XMP_EXTENSION_SCHEMA: {
    lt: 'PDF-LT metaduomenų schemos neaprašytos kaip PDF/A plėtinio schemos.',
    en: 'The PDF-LT metadata schemas are not declared as PDF/A extension schemas.',
  },
  SIGNATURE_ROLE: { lt: 'Parašo žodyne nėra pasirašiusiojo pareigų (LTUd_Role).', en: 'A signature dictionary has no signer’s role (LTUd_Role).' },
  SIGNATURE_NOTES: { lt: 'Parašo žodyne nėra pasirašiusiojo pastabų įrašo (LTUd_SignerNotes).', en: 'A signature dictionary has no signer’s notes entry (LTUd_SignerNotes).' },
  UNREADABLE: {
    lt: 'Failo nepavyko perskaityti tiek, kad būtų galima patikrinti: jis pažeistas arba viršija tikrinimo ribas.',
    en: 'The file could not be read far enough to check it: it is damaged or beyond the check’s limits.',
  },
};

/** The level a file reaches: what was checked, no more (PDF/A-2 is read from its declaration only). */
export const PDF_LT_LEVEL_TEXT: Readonly<Record<PdfLtLevel, Text>> = {
  A: {
    lt: 'Tikrinti PDF-LT-V1.0 A lygio reikalavimai įvykdyti (PDF/A atitiktis tik deklaruota, netikrinta)',
    en: 'The checked requirements of PDF-LT-V1.0 level A are met (PDF/A declared, not validated)',
  },
  B: {
    lt: 'Tikrinti PDF-LT-V1.0 B lygio reikalavimai įvykdyti, A lygio – ne visi (PDF/A atitiktis tik deklaruota, netikrinta)',
    en: 'The checked requirements of PDF-LT-V1.0 level B are met, not all of level A (PDF/A declared, not validated)',
  },
  none: { lt: 'Neatitinka PDF-LT-V1.0', en: 'Does not meet PDF-LT-V1.0' },
  notChecked: { lt: 'Atitikties PDF-LT-V1.0 patikrinti nepavyko', en: 'Conformance to PDF-LT-V1.0 could not be checked' },
};

/** What the reader of a PDF-LT level should know about it. */
export const PDF_LT_REMARK_TEXT: Readonly<Record<PdfLtRemark, Text>> = {
  DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE: {
    lt: 'Dokumente yra dokumento laiko žyma (PAdES B-LTA). PDF-LT-V1.0 leidžia ilgalaikius parašus (PAdES-LTV), todėl ši patikra ją priima, tačiau Registrų centrui paskelbtas PDF-LT tikrintuvas kiekvieną parašo lauką laiko CAdES parašu ir tokį dokumentą atmestų (BAD_SUBFILTER, BAD_REASON).',
    en: 'The document has a document timestamp (PAdES B-LTA). PDF-LT-V1.0 admits long-term signatures (PAdES-LTV), so this check accepts it, but the PDF-LT verifier published for Registrų centras treats every signature field as a CAdES signature and would refuse such a document (BAD_SUBFILTER, BAD_REASON).',
  },
  PDFA_DECLARED_NOT_VALIDATED: {
    lt: 'PDF/A-2 atitiktis nustatyta tik pagal metaduomenų deklaraciją (pdfaid:part): ar failas iš tiesų atitinka PDF/A-2, ši patikra netikrina.',
    en: 'PDF/A-2 is taken from the metadata’s declaration (pdfaid:part) only: whether the file really conforms to PDF/A-2 is not validated by this check.',
  },
};

/** The PAdES baseline level a signature reaches (ETSI EN 319 142-1 §6). */
export const PADES_LEVEL_TEXT: Readonly<Record<PadesLevel, Text>> = {
  'B-B': { lt: 'PAdES B-B: parašas be laiko žymos', en: 'PAdES B-B: a signature without a timestamp' },
  'B-T': { lt: 'PAdES B-T: parašas su laiko žyma', en: 'PAdES B-T: a signature with a timestamp' },
  'B-LT': {
    lt: 'PAdES B-LT: dokumente yra sertifikatų grandinė ir atšaukimo duomenys ilgalaikiam tikrinimui',
    en: 'PAdES B-LT: the document holds the certificate chain and revocation data for long-term validation',
  },
  'B-LTA': {
    lt: 'PAdES B-LTA: ilgalaikio tikrinimo duomenis saugo dokumento laiko žyma',
    en: 'PAdES B-LTA: a document timestamp secures the long-term validation data',
  },
};

/** What kind of electronic signature it is (eIDAS art. 3, 25–26). */
export const QUALIFICATION_TEXT: Readonly<Record<Qualification, Text>> = {
  QES: { lt: 'Kvalifikuotas elektroninis parašas (QES)', en: 'Qualified electronic signature (QES)' },
  ADES_QC: { lt: 'Pažangusis elektroninis parašas su kvalifikuotu sertifikatu (AdES/QC)', en: 'Advanced electronic signature with a qualified certificate (AdES/QC)' },
  ADES: { lt: 'Pažangusis elektroninis parašas (AdES)', en: 'Advanced electronic signature (AdES)' },
  NOT_DETERMINED: { lt: 'Ar parašas kvalifikuotas, nustatyti nepavyko', en: 'Whether the signature is qualified could not be determined' },
};

/** Why a signature is not more than it is: the reason codes of the qualification (electron/services/trust/qualified.ts). */
export const QUALIFICATION_REASONS = [
  'noTrustedList',
  'notPassed',
  'notUnderQualifiedService',
  'serviceNotGranted',
  'serviceUnknownAtTime',
  'serviceUnknownAtIssuance',
  'notQualifiedAtIssuance',
  'signingTimeNotProven',
  'criticalExtensionUnknown',
  'qcStatementsUnreadable',
  'qualifierNotEvaluated',
  'qualifierUnknown',
  'qualifiersConflict',
  'notQualifiedByList',
  'noQcCompliance',
  'qcTypeUnknown',
  'qcTypeWeb',
  'qcTypeSeal',
  'qcForLegalPerson',
  'serviceNotForSignatures',
  'noQscd',
  'listExpired',
  'listNotEu',
] as const;
export type QualificationReason = (typeof QUALIFICATION_REASONS)[number];

export const QUALIFICATION_REASON_TEXT: Readonly<Record<QualificationReason, Text>> = {
  noTrustedList: { lt: 'neimportuotas nė vienas patikimų paslaugų sąrašas', en: 'no trusted list has been imported' },
  notPassed: { lt: 'parašas nepatvirtintas (žr. patikros rezultatą)', en: 'the signature did not pass validation (see the result above)' },
  notUnderQualifiedService: { lt: 'sertifikatas išduotas ne patikimų paslaugų sąraše esančios kvalifikuotos paslaugos', en: 'the certificate was not issued under a qualified service of a trusted list' },
  serviceNotGranted: { lt: 'sertifikatą išdavusios paslaugos statusas pasirašymo metu nebuvo „suteiktas“', en: 'the issuing service’s status at the signing time was not “granted”' },
  serviceUnknownAtTime: { lt: 'nežinoma, koks buvo sertifikatą išdavusios paslaugos statusas pasirašymo metu', en: 'the issuing service’s status at the signing time is not known' },
  serviceUnknownAtIssuance: { lt: 'nežinoma, koks buvo sertifikatą išdavusios paslaugos statusas sertifikato išdavimo metu', en: 'the issuing service’s status when the certificate was issued is not known' },
  notQualifiedAtIssuance: {
    lt: 'sertifikato išdavimo metu jį išdavusios paslaugos statusas nebuvo „suteiktas“ arba sąrašas nurodo, kad sertifikatas tada nebuvo kvalifikuotas',
    en: 'when the certificate was issued, the issuing service’s status was not “granted”, or the list says the certificate was not qualified then',
  },
  signingTimeNotProven: {
    lt: 'pasirašymo laiko patikima laiko žyma nepatvirtina, todėl paslaugos statusas vertintas patikros metu, ne parašo nurodytu laiku',
    en: 'no trusted timestamp proves the signing time, so the service’s status was judged at the time of this check, not at the time the signature claims',
  },
  criticalExtensionUnknown: {
    lt: 'sertifikatą išdavusios paslaugos įraše yra privalomas (kritinis) plėtinys, kurio ši programa nežino',
    en: 'the issuing service’s entry carries a critical extension this program does not know',
  },
  qcStatementsUnreadable: { lt: 'sertifikato kvalifikuoto sertifikato žymų (QC statements) perskaityti nepavyko', en: 'the certificate’s qualified certificate statements (QC statements) could not be read' },
  qualifiersConflict: { lt: 'patikimų paslaugų sąrašo kvalifikatoriai šiam sertifikatui prieštarauja vienas kitam', en: 'the trusted list’s qualifiers for this certificate contradict each other' },
  notQualifiedByList: { lt: 'patikimų paslaugų sąrašas nurodo, kad šis sertifikatas nėra kvalifikuotas', en: 'the trusted list says this certificate is not qualified' },
  qcTypeUnknown: { lt: 'nenustatyta, kam skirtas kvalifikuotas sertifikatas (parašui, spaudui ar svetainei)', en: 'what the qualified certificate is for (signature, seal or website) cannot be established' },
  qcTypeWeb: { lt: 'sertifikatas skirtas svetainės tapatumui nustatyti, ne parašui', en: 'the certificate is for website authentication, not for signatures' },
  serviceNotForSignatures: { lt: 'sertifikatą išdavusi paslauga neišduoda kvalifikuotų sertifikatų elektroniniams parašams', en: 'the issuing service does not issue qualified certificates for electronic signatures' },
  noQcCompliance: { lt: 'sertifikatas nėra kvalifikuotas (nėra QcCompliance žymos)', en: 'the certificate is not qualified (no QcCompliance statement)' },
  noQscd: { lt: 'nenurodyta, kad parašo raktas laikomas kvalifikuotame parašo kūrimo įtaise (QSCD)', en: 'the key is not shown to be on a qualified signature creation device (QSCD)' },
  qcTypeSeal: { lt: 'sertifikatas skirtas elektroniniam spaudui, ne parašui', en: 'the certificate is for an electronic seal, not a signature' },
  qualifierNotEvaluated: { lt: 'patikimų paslaugų sąrašo kvalifikatoriaus sąlygų įvertinti nepavyko', en: 'a qualifier of the trusted list could not be evaluated' },
  listExpired: { lt: 'patikimų paslaugų sąrašas pasenęs (praėjo jo kito atnaujinimo data)', en: 'the trusted list is out of date (its next update is past)' },
  qualifierUnknown: { lt: 'patikimų paslaugų sąrašas šiam sertifikatui taiko kvalifikatorių, kurio ši programa nežino', en: 'the trusted list applies to this certificate a qualifier this program does not know' },
  qcForLegalPerson: {
    lt: 'patikimų paslaugų sąrašas nurodo, kad sertifikatas išduotas juridiniam asmeniui: juo kuriamas elektroninis spaudas, ne fizinio asmens parašas',
    en: 'the trusted list says the certificate was issued to a legal person: it makes an electronic seal, not a natural person’s signature',
  },
  listNotEu: {
    lt: 'sąrašas nėra ES valstybės narės ar EEE šalies patikimų paslaugų sąrašas, todėl kvalifikuoto parašo pagal eIDAS reglamentą nepagrindžia',
    en: 'the list is not an EU Member State’s or EEA country’s trusted list, so it cannot establish a qualified signature under eIDAS',
  },
};

/** The text of a qualification reason; a code this version does not know is named as it is. */
export function qualificationReasonText(code: string): Text {
  return isQualificationReason(code) ? QUALIFICATION_REASON_TEXT[code] : { lt: `kita priežastis (${code})`, en: `another reason (${code})` };
}

export function isQualificationReason(code: string): code is QualificationReason {
  return (QUALIFICATION_REASONS as readonly string[]).includes(code);
}
