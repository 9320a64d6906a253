/**
 * The texts of a form's fields: the validation messages the contract's schemas carry as issue keys
 * (so the same schema drives the form and the back end's refusal), the names of the fields a
 * refusal can point at, and INVALID_INPUT, the refusal of fields — the dispatcher's schema failures
 * and the services' own checks of a field (`fieldError`). shared/contract/validationMessages
 * re-exports the first two for the forms.
 */
import type { CaseState } from '../caseStates';
import { CASE_STATE_LABELS } from '../stateLabels';
import { entry, type Lang } from './entry';

/**
 * Field-level validation messages. Schemas carry these keys as their issue messages, so the same
 * schema drives the form (as the user types, in either language) and the back end's refusal.
 */
export const VALIDATION_MESSAGES = {
  required: { lt: 'Privalomas laukas.', en: 'Required.' },
  tooLong: { lt: 'Per ilgas tekstas.', en: 'Too long.' },
  date: { lt: 'Įveskite tikrą datą (MMMM-MM-DD).', en: 'Enter a real date (YYYY-MM-DD).' },
  prefix: { lt: 'Priešdėlis – raidės, skaitmenys, taškas, brūkšnys arba pasvirasis brūkšnys.', en: 'Prefix: letters, digits, dot, hyphen or slash.' },
  url: { lt: 'Įveskite adresą, prasidedantį http:// arba https://.', en: 'Enter an address starting with http:// or https://.' },
  placesCount: { lt: 'Vietų skaičius – sveikasis skaičius nuo 1 iki 1000.', en: 'Places: a whole number from 1 to 1000.' },
  halfwayHouseName: {
    lt: 'Nurodykite pusiaukelės namų pavadinimą.',
    en: 'Give the name of the halfway house.',
  },
  birthBeforeRequest: {
    lt: 'Gimimo data turi būti bent 14 metų ankstesnė už prašymo datą.',
    en: 'The date of birth must be at least 14 years before the request date.',
  },
  paroleAfterTransfer: {
    lt: 'Galimo lygtinio paleidimo data negali būti ankstesnė už galimo perkėlimo datą.',
    en: 'The possible parole date cannot be earlier than the possible transfer date.',
  },
  endAfterParole: {
    lt: 'Bausmės pabaiga negali būti ankstesnė už galimo lygtinio paleidimo datą.',
    en: 'The end of the sentence cannot be earlier than the possible parole date.',
  },
  requestInFuture: {
    lt: 'Prašymo data negali būti vėlesnė už šiandienos datą.',
    en: 'The request date cannot be later than today.',
  },
  dateInFuture: {
    lt: 'Data negali būti vėlesnė už šiandienos datą.',
    en: 'The date cannot be later than today.',
  },
  dateOrder: {
    lt: 'Data negali būti ankstesnė už ankstesnio žingsnio datą.',
    en: 'The date cannot be earlier than the previous step.',
  },
  notOurCase: {
    lt: 'Nuteistasis turi atlikti bausmę šioje įstaigoje arba prašyti šios įstaigos pusiaukelės namų (V-77 5, 7–8 p.).',
    en: 'The convict must serve here or ask for this institution’s halfway house (V-77 p. 5, 7–8).',
  },
  decisionNotOpen: {
    lt: 'Šiai bylai galimi tik du sprendimai: 10.1 ir 10.2, kai nuteistasis atlieka bausmę šioje įstaigoje, kitaip 10.3 ir 10.4 (V-77 10 p.).',
    en: 'Only two decisions are open: 10.1 and 10.2 when the convict serves here, otherwise 10.3 and 10.4 (V-77 p. 10).',
  },
  idleMinutes: { lt: 'Nurodykite minutes nuo 1 iki 240.', en: 'Give minutes from 1 to 240.' },
  username: {
    lt: 'Naudotojo vardas – mažosios raidės be diakritikos, skaitmenys, taškas, brūkšnelis ar pabraukimas.',
    en: 'User name: lower-case letters without diacritics, digits, dot, hyphen or underscore.',
  },
  passwordTooShort: { lt: 'Slaptažodis turi būti bent 10 simbolių.', en: 'The password must be at least 10 characters.' },
  rolesRequired: { lt: 'Pasirinkite bent vieną vaidmenį.', en: 'Choose at least one role.' },
  usernameTaken: { lt: 'Šis naudotojo vardas jau užimtas.', en: 'This user name is taken.' },
  passwordUnchanged: { lt: 'Naujas slaptažodis turi skirtis nuo dabartinio.', en: 'The new password must differ from the current one.' },
  duplicateInstitution: { lt: 'Toks įstaigos pavadinimas jau yra.', en: 'This institution is already listed.' },
  invalid: { lt: 'Neteisinga reikšmė.', en: 'Invalid value.' },
  maxMegabytes: { lt: 'Nurodykite megabaitus nuo 1 iki 500.', en: 'Give megabytes from 1 to 500.' },
  amount: { lt: 'Suma eurais – ne mažiau kaip 0, su ne daugiau kaip dviem skaitmenimis po kablelio.', en: 'An amount in euros: 0 or more, with at most two decimals.' },
  dateBeforeSentence: { lt: 'Data negali būti ankstesnė už bausmės atlikimo pradžią.', en: 'The date cannot be before the start of the sentence.' },
  sentenceOrder: { lt: 'Bausmės pabaiga negali būti ankstesnė už jos pradžią.', en: 'The end of the sentence cannot be before its start.' },
  transferBeforeStart: { lt: 'Galimo perkėlimo data negali būti ankstesnė už bausmės pradžią.', en: 'The possible transfer date cannot be before the start of the sentence.' },
  penaltyBeforeViolation: { lt: 'Nuobauda negali baigtis anksčiau už pažeidimo datą.', en: 'The penalty cannot end before the date of the violation.' },
  receivedBeforeRequest: { lt: 'Gavimo data negali būti ankstesnė už prašymo datą.', en: 'The date received cannot be before the request date.' },
  time: { lt: 'Įveskite laiką VV:MM (pvz., 10:00).', en: 'Enter a time HH:MM (e.g. 10:00).' },
  untilBeforeFrom: { lt: 'Narystės pabaiga negali būti ankstesnė už jos pradžią.', en: 'Membership cannot end before it starts.' },
  chairVotes: { lt: 'Komisijos pirmininkas visada balsuoja.', en: 'The chair always votes.' },
  secondChair: { lt: 'Tuo pačiu metu komisija turi tik vieną pirmininką.', en: 'The commission has one chair at a time.' },
  secondSecretary: { lt: 'Tuo pačiu metu komisija turi tik vieną sekretorių.', en: 'The commission has one secretary at a time.' },
  caseNotReady: { lt: 'Į darbotvarkę įtraukiamos tik komisijai parengtos bylos (V-77 8 p.).', en: 'Only cases ready for the commission go on the agenda (V-77 p. 8).' },
  unchanged: { lt: 'Naujas tekstas toks pat kaip dabartinis.', en: 'The new text is the same as the current one.' },
  personalCode: {
    lt: 'Asmens kodas – 11 skaitmenų, pirmasis nuo 1 iki 6 (kaip kvalifikuotame sertifikate), arba palikite tuščią.',
    en: 'A personal code is 11 digits, the first 1 to 6 (as in a qualified certificate), or leave it empty.',
  },
  extensionDays: { lt: 'Pratęsti galima nuo 1 iki 10 darbo dienų (V-77 7 p.).', en: 'The extension is 1 to 10 working days (V-77 p. 7).' },
  /** Issue 16: control, bidi or zero-width characters, a lone surrogate, or a line break in a one-line field. */
  invisibleChars: {
    lt: 'Tekste yra nematomų ar valdymo simbolių (arba eilutės lūžis, kur tekstas turi būti vienoje eilutėje): ištrinkite juos ir įveskite tekstą iš naujo.',
    en: 'The text holds invisible or control characters (or a line break where the text must be on one line): delete them and type the text again.',
  },
  /** Issue 16: a key the input's schema does not know (the path names it); nothing is dropped silently. */
  unknownKey: {
    lt: 'Tokio lauko programa nežino, todėl įvestis atmesta ir niekas neišsaugota. Atnaujinkite programą arba praneškite administratoriui.',
    en: 'The app knows no such field, so the input was refused and nothing was saved. Update the app or tell the administrator.',
  },
} as const;

export type ValidationKey = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(key: string, lang: 'lt' | 'en'): string {
  const entry = (VALIDATION_MESSAGES as Record<string, { lt: string; en: string }>)[key];
  return entry ? entry[lang] : VALIDATION_MESSAGES.invalid[lang];
}

/** Names of the fields a refusal can point at, as the user sees them. */
export const FIELD_LABELS: Readonly<Record<string, { lt: string; en: string }>> = {
  firstName: { lt: 'Vardas', en: 'First name' },
  lastName: { lt: 'Pavardė', en: 'Last name' },
  personalFileNo: { lt: 'Asmens bylos Nr.', en: 'Personal file no.' },
  birthDate: { lt: 'Gimimo data', en: 'Date of birth' },
  servingInstitutionId: { lt: 'Įstaiga, kurioje atlieka bausmę', en: 'Institution where the convict serves' },
  halfwayHouseInstitutionId: { lt: 'Prašomi pusiaukelės namai', en: 'Halfway house requested' },
  requestDate: { lt: 'Prašymo data', en: 'Request date' },
  possibleTransferDate: { lt: 'Galimo perkėlimo data', en: 'Possible transfer date' },
  possibleParoleDate: { lt: 'Galimo lygtinio paleidimo data', en: 'Possible parole date' },
  sentenceEnd: { lt: 'Bausmės pabaiga', en: 'End of sentence' },
  on: { lt: 'Data', en: 'Date' },
  decision: { lt: 'Komisijos sprendimas', en: 'Commission decision' },
  note: { lt: 'Pastaba', en: 'Note' },
  'institution.name': { lt: 'Įstaigos pavadinimas', en: 'Institution name' },
  'security.idleMinutes': { lt: 'Automatinis užrakinimas po (min.)', en: 'Lock after idle (min)' },
  username: { lt: 'Naudotojo vardas', en: 'User name' },
  displayName: { lt: 'Vardas ir pavardė', en: 'Full name' },
  password: { lt: 'Slaptažodis', en: 'Password' },
  newPassword: { lt: 'Naujas slaptažodis', en: 'New password' },
  currentPassword: { lt: 'Dabartinis slaptažodis', en: 'Current password' },
  roles: { lt: 'Vaidmenys', en: 'Roles' },
  'institution.halfwayHouseName': { lt: 'Pusiaukelės namų pavadinimas', en: 'Halfway house name' },
  'institution.places': { lt: 'Vietų skaičius', en: 'Number of places' },
  'documents.maxMegabytes': { lt: 'Didžiausias dokumento dydis (MB)', en: 'Largest document (MB)' },
  receivedOn: { lt: 'Gavimo data', en: 'Date received' },
  days: { lt: 'Darbo dienos', en: 'Working days' },
  reason: { lt: 'Priežastis', en: 'Reason' },
  instrument: { lt: 'Vertinimo priemonė', en: 'Instrument' },
  assessedOn: { lt: 'Vertinimo data', en: 'Date of assessment' },
  level: { lt: 'Rizikos lygis', en: 'Risk level' },
  concludedOn: { lt: 'Išvados data', en: 'Date of the conclusion' },
  summary: { lt: 'Santrauka', en: 'Summary' },
  halfwayHouse: { lt: 'Pusiaukelės namai', en: 'Halfway house' },
  organisation: { lt: 'Darbdavys ar mokymo įstaiga', en: 'Employer or school' },
  totalEur: { lt: 'Skolų suma (EUR)', en: 'Total debts (EUR)' },
  sentenceStart: { lt: 'Bausmės pradžia', en: 'Start of sentence' },
  number: { lt: 'Dokumento numeris', en: 'Document number' },
  validUntil: { lt: 'Galioja iki', en: 'Valid until' },
  description: { lt: 'Aprašymas', en: 'Description' },
  previousLevel: { lt: 'Ankstesnis rizikos lygis', en: 'Previous risk level' },
  consent: { lt: 'Sutikimas atskleisti asmens duomenis', en: 'Consent to disclose personal data' },
  kind: { lt: 'Rūšis', en: 'Kind' },
  creditors: { lt: 'Kreditoriai', en: 'Creditors' },
  convictions: { lt: 'Teistumai', en: 'Convictions' },
  court: { lt: 'Teismas', en: 'Court' },
  date: { lt: 'Data', en: 'Date' },
  personalFileAccessible: { lt: 'Komisija gali susipažinti su asmens byla', en: 'The commission can consult the personal file' },
  entries: { lt: 'Pažeidimai ir paskatinimai', en: 'Violations and rewards' },
  penaltyUntil: { lt: 'Nuobauda galioja iki', en: 'Penalty in force until' },
  restrictions: { lt: 'Apribojimai', en: 'Restrictions' },
  documentType: { lt: 'Dokumento rūšis', en: 'Document type' },
  time: { lt: 'Laikas', en: 'Time' },
  place: { lt: 'Vieta', en: 'Place' },
  caseIds: { lt: 'Darbotvarkė', en: 'Agenda' },
  name: { lt: 'Vardas ir pavardė', en: 'Name' },
  position: { lt: 'Pareigos', en: 'Position' },
  role: { lt: 'Vaidmuo', en: 'Role' },
  votes: { lt: 'Balsuoja', en: 'Votes' },
  from: { lt: 'Narys nuo', en: 'Member from' },
  until: { lt: 'Narys iki', en: 'Member until' },
  findings: { lt: 'Išvados', en: 'Findings' },
  rationale: { lt: 'Motyvai', en: 'Reasons' },
};

/** "Pavardė: Privalomas laukas." — a field's label (or its path when unnamed) and its message. */
export function describeField(path: string, key: string, lang: 'lt' | 'en'): string {
  // An unknown key has no label: the refusal names the key itself, as it was sent.
  if (key === 'unknownKey') return `${lang === 'lt' ? 'Laukas' : 'Field'} „${path}“: ${validationMessage(key, lang)}`;
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  const label = FIELD_LABELS[path]?.[lang] ?? FIELD_LABELS[path.replace(/^request\./, '')]?.[lang] ?? FIELD_LABELS[last]?.[lang] ?? path;
  return `${label || (lang === 'lt' ? 'Įvestis' : 'Input')}: ${validationMessage(key, lang)}`;
}

/** A field the input was refused for: its path ('request.requestDate', 'facts.0.date') and its VALIDATION_MESSAGES key. */
export type FieldIssue = { readonly path: string; readonly key: string };

/** The step date's own words for each of its VALIDATION_MESSAGES keys (cases.transition). */
const STEP_DATE_TEXTS: Readonly<Record<string, { lt: string; en: string }>> = {
  required: { lt: 'Nurodykite žingsnio datą.', en: 'Give the date of the step.' },
  date: { lt: 'Žingsnio data turi būti tikra data (MMMM-MM-DD).', en: 'The date of the step must be a real date (YYYY-MM-DD).' },
  dateInFuture: { lt: 'Žingsnio data negali būti vėlesnė už šiandienos datą.', en: 'The date of the step cannot be later than today.' },
  dateOrder: { lt: 'Žingsnio data negali būti ankstesnė už ankstesnio žingsnio datą', en: 'The date of the step cannot be earlier than the previous step' },
};

/**
 * Why a service refused a field, when it says more than the field's validation message: the
 * refusal's text (INVALID_INPUT's message), while the form shows the field's key under the field.
 */
export type FieldRefusal =
  /** The field's own validation message (VALIDATION_MESSAGES[key]). */
  | { readonly why: 'asField' }
  | { readonly why: 'requestAfterFirstStep'; readonly first: string }
  | { readonly why: 'stepDate'; readonly notBefore: string }
  | { readonly why: 'stepReason'; readonly to: CaseState }
  | { readonly why: 'versionNote'; readonly file: string }
  | { readonly why: 'attachFirst'; readonly item: string }
  | { readonly why: 'receivedInFuture' }
  | { readonly why: 'receivedBeforeRequest'; readonly requestDate: string }
  | { readonly why: 'factsDates' }
  | { readonly why: 'chooseCriterion' }
  | { readonly why: 'amendmentEmpty' }
  | { readonly why: 'chooseAssessment' }
  | { readonly why: 'caseNotReady'; readonly convict: string; readonly state: CaseState }
  | { readonly why: 'meetingBeforeLastStep'; readonly convict: string; readonly notBefore: string }
  | { readonly why: 'recusalReason' }
  | { readonly why: 'registerOnlyUnder118' }
  | { readonly why: 'decisionNotOpen'; readonly open: readonly string[] }
  | { readonly why: 'postponeReason' };

function refusalText(about: FieldRefusal, key: string, lang: Lang): string {
  const lt = lang === 'lt';
  switch (about.why) {
    case 'asField':
      return validationMessage(key, lang);
    case 'requestAfterFirstStep':
      return lt
        ? `Prašymo data negali būti vėlesnė už pirmojo bylos žingsnio datą (${about.first}).`
        : `The request date cannot be later than the first step of the case (${about.first}).`;
    case 'stepDate': {
      const text = (STEP_DATE_TEXTS[key] ?? VALIDATION_MESSAGES.invalid)[lang];
      return key === 'dateOrder' ? `${text} (${about.notBefore}).` : text;
    }
    case 'stepReason':
      return lt
        ? `Nurodykite priežastį: žingsnis „${CASE_STATE_LABELS[about.to].lt}“ turi būti motyvuotas.`
        : `Give the reason: the step “${CASE_STATE_LABELS[about.to].en}” must be motivated.`;
    case 'versionNote':
      return lt ? `Nurodykite, kas pasikeitė naujoje „${about.file}“ versijoje.` : `Say what changed in the new version “${about.file}”.`;
    case 'attachFirst':
      return lt
        ? `Pirmiausia pridėkite ${about.item} punkto dokumentą: gautu laikomas punktas, kurio dokumentas yra byloje.`
        : `Attach the document of item ${about.item} first: an item counts as received once its document is in the case.`;
    case 'receivedInFuture':
      return lt ? 'Gavimo data negali būti vėlesnė už šiandienos datą.' : 'The date received cannot be later than today.';
    case 'receivedBeforeRequest':
      return lt
        ? `Gavimo data negali būti ankstesnė už prašymo datą (${about.requestDate}).`
        : `The date received cannot be before the request date (${about.requestDate}).`;
    case 'factsDates':
      return lt ? 'Neteisingi duomenys: datos ne iš eilės arba ateityje.' : 'Invalid data: dates out of order or in the future.';
    case 'chooseCriterion':
      return lt ? 'Pasirinkite kriterijų.' : 'Choose the criterion.';
    case 'amendmentEmpty':
      return lt ? 'Įrašykite pataisytą tekstą: ištrinti užfiksuoto rezultato negalima.' : 'Write the corrected text: a frozen result cannot be erased.';
    case 'chooseAssessment':
      return lt ? 'Pasirinkite įvertinimą.' : 'Choose the assessment.';
    case 'caseNotReady':
      return lt
        ? `${about.convict}: byla neparengta komisijai arba jau įtraukta į kito posėdžio darbotvarkę (būsena „${CASE_STATE_LABELS[about.state].lt}“).`
        : `${about.convict}: the case is not ready for the commission or is already on another meeting’s agenda (state “${CASE_STATE_LABELS[about.state].en}”).`;
    case 'meetingBeforeLastStep':
      return lt
        ? `${about.convict}: posėdis negali vykti anksčiau už paskutinį bylos žingsnį (${about.notBefore}).`
        : `${about.convict}: the meeting cannot be held before the latest step of the case (${about.notBefore}).`;
    case 'recusalReason':
      return lt ? 'Nurodykite nusišalinimo priežastį: ji įrašoma į protokolą.' : 'Give the reason for the recusal: it goes into the minutes.';
    case 'registerOnlyUnder118':
      return lt ? 'Įskaita tikrinama tik 11.8 kriterijuje.' : 'The register is checked only under criterion 11.8.';
    case 'decisionNotOpen':
      return lt
        ? `Šiai bylai galimi tik sprendimai ${about.open.join(' ir ')} (V-77 10 p.).`
        : `Only decisions ${about.open.join(' and ')} are open for this case (V-77 p. 10).`;
    case 'postponeReason':
      return lt ? 'Nurodykite, kodėl bylos svarstymas atidedamas.' : 'Give the reason the case is postponed.';
  }
}

/** INVALID_INPUT: without `about`, "Neteisingi duomenys." and each field with its label and message. */
function invalidInputText(p: { readonly fields: readonly FieldIssue[]; readonly about?: FieldRefusal }, lang: Lang): string {
  if (p.about) return refusalText(p.about, p.fields[0]?.key ?? 'invalid', lang);
  const fields = p.fields.map((f) => describeField(f.path, f.key, lang)).join(' ');
  return lang === 'lt' ? `Neteisingi duomenys. ${fields}` : `Invalid data. ${fields}`;
}

export const FIELD_ERROR_TEXTS = {
  INVALID_INPUT: entry<{ fields: readonly FieldIssue[]; about?: FieldRefusal }>(
    (p) => invalidInputText(p, 'lt'),
    (p) => invalidInputText(p, 'en'),
  ),
};
