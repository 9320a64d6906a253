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
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  const label = FIELD_LABELS[path]?.[lang] ?? FIELD_LABELS[path.replace(/^request\./, '')]?.[lang] ?? FIELD_LABELS[last]?.[lang] ?? path;
  return `${label || (lang === 'lt' ? 'Įvestis' : 'Input')}: ${validationMessage(key, lang)}`;
}
