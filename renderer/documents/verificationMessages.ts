import { CHANGE_KINDS, INDICATIONS, SIGNATURE_PROBLEMS, SUB_INDICATIONS, type ChangeKind, type Indication, type SignatureProblem, type SubIndication } from '../../shared/contract/verificationSchemas';
import { CHANGE_TEXT, DOCUMENT_INDICATION_TEXT, INDICATION_TEXT, PROBLEM_TEXT, SUB_INDICATION_TEXT, type Text } from '../../shared/contract/verificationTexts';

/**
 * Labels of the signature verification screen (merged into the app's dictionary in i18n/messages.ts).
 * What the codes of a report mean comes from shared/contract/verificationTexts.ts, which `cli verify`
 * prints too: one text per code.
 */

type Lang = 'lt' | 'en';

/** `{ 'prefix.CODE': text }` for every code, in one language. */
function keyed<P extends string, C extends string>(prefix: P, codes: readonly C[], texts: Readonly<Record<C, Text>>, lang: Lang): Record<`${P}.${C}`, string> {
  return Object.fromEntries(codes.map((code) => [`${prefix}.${code}`, texts[code][lang]])) as Record<`${P}.${C}`, string>;
}

function codeTexts(lang: Lang) {
  return {
    ...keyed<'verify.indication', Indication>('verify.indication', INDICATIONS, INDICATION_TEXT, lang),
    ...keyed<'verify.document', Indication>('verify.document', INDICATIONS, DOCUMENT_INDICATION_TEXT, lang),
    ...keyed<'verify.sub', SubIndication>('verify.sub', SUB_INDICATIONS, SUB_INDICATION_TEXT, lang),
    ...keyed<'verify.problem', SignatureProblem>('verify.problem', SIGNATURE_PROBLEMS, PROBLEM_TEXT, lang),
    ...keyed<'verify.change', ChangeKind>('verify.change', CHANGE_KINDS, CHANGE_TEXT, lang),
  };
}

export const verificationLt = {
  'verify.title': 'Parašų tikrinimas',
  'verify.intro': 'Pasirinkite bet kurį PDF dokumentą – parengtą šia programa ar gautą iš kitur. Programa patikrins kiekvieną jo elektroninį parašą.',
  'verify.file': 'PDF dokumentas',
  'verify.checking': 'Tikrinama…',
  'verify.fileTitle': 'Failas {name}',
  'verify.size': 'Dydis',
  'verify.sha256': 'SHA-256 kontrolinė suma',
  'verify.known': 'Šį dokumentą parengė ši programa: {number} „{title}“, versija {version}.',
  'verify.unknown': 'Programa šio failo nepažįsta: jis parengtas kitur arba nesutampa nė su viena programos išsaugota versija.',
  'verify.noSignatures': 'Dokumente elektroninių parašų nėra.',
  'verify.noTrust': 'Patikimi šakniniai sertifikatai nenurodyti, todėl programa negali nustatyti, ar parašų sertifikatus išdavė patikimi centrai. Administratorius juos nurodo nustatymuose.',
  'verify.changedOtherwise': 'Po pasirašymo dokumentas pakeistas ne vien parašais: rodomas turinys gali skirtis nuo pasirašyto.',
  'verify.signatureTitle': 'Parašas {n}',
  'verify.timestampTitle': 'Dokumento laiko žyma {n}',
  'verify.code': 'ETSI EN 319 102-1: {indication}',
  'verify.codeWithSub': 'ETSI EN 319 102-1: {indication} / {sub}',
  'verify.signer': 'Pasirašė',
  'verify.issuer': 'Sertifikatą išdavė',
  'verify.noSigner': 'Nežinoma: parašo sertifikato dokumente nėra',
  'verify.time': 'Pasirašymo laikas',
  'verify.time.timestamp': '{time} – patvirtintas patikimos laiko žymos (išdavė {authority})',
  'verify.time.timestampUntrusted': '{time} – laiko žymą išdavė nepatikima tarnyba ({authority}), laikas nepatvirtintas',
  'verify.time.timestampBroken': '{time} – laiko žyma pažeista, laikas nepatvirtintas (išdavė {authority})',
  'verify.time.claimed': '{time} – pasirašiusiojo kompiuterio nurodytas laikas, nepatvirtintas laiko žyma',
  'verify.time.unknown': 'Nenurodytas',
  'verify.integrity': 'Vientisumas',
  'verify.intact': 'Pasirašyti duomenys nepakeisti, parašas atitinka sertifikatą',
  'verify.broken': 'Parašas pažeistas: pasirašyti duomenys pakeisti arba parašas neatitinka sertifikato',
  'verify.certificate': 'Sertifikatas',
  'verify.cert.valid.atTimestamp': 'Galiojo laiko žymos metu (galioja nuo {from} iki {to})',
  'verify.cert.valid.atCheck': 'Galioja tikrinimo metu (nuo {from} iki {to})',
  'verify.cert.expired.atTimestamp': 'Laiko žymos metu jau negaliojo: galiojimas baigėsi {to}',
  'verify.cert.expired.atCheck': 'Tikrinimo metu negalioja: galiojimas baigėsi {to}, o laiko žymos, kad pasirašyta anksčiau, nėra',
  'verify.cert.notYetValid.atTimestamp': 'Laiko žymos metu dar negaliojo: galioja tik nuo {from}',
  'verify.cert.notYetValid.atCheck': 'Dar negalioja: galios tik nuo {from}',
  'verify.trust': 'Pasitikėjimas',
  'verify.trusted': 'Išduotas patikimo centro (jo šakninis sertifikatas nurodytas nustatymuose)',
  'verify.untrusted': 'Išdavėjo nėra tarp patikimų šakninių sertifikatų, nurodytų nustatymuose',
  'verify.revocation': 'Atšaukimas',
  'verify.revocation.good': 'Neatšauktas (sąrašas: {source})',
  'verify.revocation.revoked': 'Atšauktas {at} (sąrašas: {source})',
  'verify.revocation.noList': 'Netikrinta: šio sertifikato atšauktų sertifikatų sąrašas neimportuotas',
  'verify.revocation.stale': 'Netikrinta: importuotas sąrašas pasenęs ({source})',
  'verify.after': 'Po pasirašymo',
  'verify.after.unchanged': 'Dokumentas po pasirašymo nepakeistas',
  'verify.after.unknown': 'Nenustatyta: pats parašas pažeistas, todėl nežinoma, kas pasirašyta',
  'verify.after.changes': 'Po pasirašymo: {changes}',
  'verify.after.overlay': 'Po pasirašymo ant pasirašyto turinio nupiešta kita (puslapiai: {pages})',
  'verify.format': 'Parašo formatas: {format}',
  'verify.problems': 'Rastos problemos',
  ...codeTexts('lt'),
};

export const verificationEn: Readonly<Record<keyof typeof verificationLt, string>> = {
  'verify.title': 'Signature verification',
  'verify.intro': 'Choose any PDF document – prepared by this application or received from elsewhere. The application checks each of its electronic signatures.',
  'verify.file': 'PDF document',
  'verify.checking': 'Checking…',
  'verify.fileTitle': 'File {name}',
  'verify.size': 'Size',
  'verify.sha256': 'SHA-256 checksum',
  'verify.known': 'This application prepared this document: {number} "{title}", version {version}.',
  'verify.unknown': 'The application does not know this file: it was prepared elsewhere or matches none of the versions the application stored.',
  'verify.noSignatures': 'The document has no electronic signatures.',
  'verify.noTrust': 'No trusted root certificates are set, so the application cannot tell whether the signing certificates come from trusted authorities. The administrator sets them in the settings.',
  'verify.changedOtherwise': 'After signing, the document was changed by more than signatures: what it shows may differ from what was signed.',
  'verify.signatureTitle': 'Signature {n}',
  'verify.timestampTitle': 'Document timestamp {n}',
  'verify.code': 'ETSI EN 319 102-1: {indication}',
  'verify.codeWithSub': 'ETSI EN 319 102-1: {indication} / {sub}',
  'verify.signer': 'Signed by',
  'verify.issuer': 'Certificate issued by',
  'verify.noSigner': 'Unknown: the signing certificate is not in the document',
  'verify.time': 'Signing time',
  'verify.time.timestamp': '{time} – attested by a trusted timestamp (issued by {authority})',
  'verify.time.timestampUntrusted': '{time} – the timestamp comes from an authority that is not trusted ({authority}); the time is not attested',
  'verify.time.timestampBroken': '{time} – the timestamp is damaged, the time is not attested (issued by {authority})',
  'verify.time.claimed': "{time} – the time the signer's computer gave, not attested by a timestamp",
  'verify.time.unknown': 'Not given',
  'verify.integrity': 'Integrity',
  'verify.intact': 'The signed data are unchanged and the signature matches the certificate',
  'verify.broken': 'The signature is broken: the signed data were changed or the signature does not match the certificate',
  'verify.certificate': 'Certificate',
  'verify.cert.valid.atTimestamp': 'Valid at the time of the timestamp (valid from {from} to {to})',
  'verify.cert.valid.atCheck': 'Valid at the time of checking (from {from} to {to})',
  'verify.cert.expired.atTimestamp': 'Already expired at the time of the timestamp: it expired on {to}',
  'verify.cert.expired.atCheck': 'Not valid at the time of checking: it expired on {to}, and no timestamp proves the signature was made before',
  'verify.cert.notYetValid.atTimestamp': 'Not yet valid at the time of the timestamp: valid only from {from}',
  'verify.cert.notYetValid.atCheck': 'Not yet valid: valid only from {from}',
  'verify.trust': 'Trust',
  'verify.trusted': 'Issued by a trusted authority (its root certificate is given in the settings)',
  'verify.untrusted': 'The issuer is not among the trusted root certificates given in the settings',
  'verify.revocation': 'Revocation',
  'verify.revocation.good': 'Not revoked (list: {source})',
  'verify.revocation.revoked': 'Revoked on {at} (list: {source})',
  'verify.revocation.noList': "Not checked: no revocation list for this certificate's issuer has been imported",
  'verify.revocation.stale': 'Not checked: the imported list is out of date ({source})',
  'verify.after': 'After signing',
  'verify.after.unchanged': 'The document has not changed since it was signed',
  'verify.after.unknown': 'Not established: the signature itself is broken, so what was signed is not known',
  'verify.after.changes': 'After signing: {changes}',
  'verify.after.overlay': 'After signing, something was painted over the signed content (pages: {pages})',
  'verify.format': 'Signature format: {format}',
  'verify.problems': 'Problems found',
  ...codeTexts('en'),
};
