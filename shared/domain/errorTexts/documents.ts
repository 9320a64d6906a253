/**
 * The texts of the generated documents' errors: issuing (the register, the sources a document is
 * drawn from, when it is due) and signing (who signs which line, with which certificate).
 */
import type { CaseRoute, CaseState } from '../caseStates';
import type { MeetingState } from '../meetingStates';
import { CASE_STATE_LABELS } from '../stateLabels';
import { entry, type Lang } from './entry';

/**
 * Why a document is not due yet: the commission has not decided in a closed meeting; it decided
 * otherwise than the document follows; a document it cites is not issued; the meeting is not closed;
 * the convict was not transferred.
 */
export type NotDue =
  | { readonly why: 'notDecided'; readonly caseId: string }
  | { readonly why: 'decision'; readonly decision: string; readonly allowed: readonly string[]; readonly point: string }
  | { readonly why: 'citedNotIssued'; readonly cited: CitedKind }
  | { readonly why: 'meetingNotClosed'; readonly state: MeetingState }
  | { readonly why: 'notTransferred'; readonly state: CaseState }
  /**
   * Issue 14: a notice about our convict: the p. 47 notice is for a convict serving here who asked
   * for another institution's halfway house (route 'sends'), before that request ends; the notice
   * to the municipality (seed 001) for a convict in our halfway house.
   */
  | { readonly why: 'notice'; readonly notice: 'p47Notice' | 'municipalityNotice' | 'transferNotice'; readonly state: CaseState; readonly route: CaseRoute };

/** The documents another cites by registration number, as "Pirmiausia parenkite …" names them. */
const CITED = {
  minutes: { lt: 'posėdžio protokolą', en: 'minutes' },
  proposal: { lt: 'komisijos siūlymą', en: "commission's proposal" },
  returnSubmission: { lt: 'grąžinimo teikimą', en: 'return submission' },
};

export type CitedKind = keyof typeof CITED;

function notDueText(p: NotDue, lang: Lang): string {
  const lt = lang === 'lt';
  switch (p.why) {
    case 'notDecided':
      return lt
        ? 'Komisija dėl šio prašymo dar nėra priėmusi sprendimo baigtame posėdyje (Aprašo 10 p.).'
        : 'The commission has not yet decided on this request in a closed meeting (V-77 p. 10).';
    case 'decision':
      return lt
        ? `Šis dokumentas rengiamas tik po komisijos sprendimo ${p.allowed.join(' arba ')} (Aprašo ${p.point} p.); komisija priėmė sprendimą ${p.decision}.`
        : `This document follows only the commission's decision ${p.allowed.join(' or ')} (V-77 p. ${p.point}); the commission decided ${p.decision}.`;
    case 'citedNotIssued':
      return lt
        ? `Pirmiausia parenkite ${CITED[p.cited].lt}: šis dokumentas jį cituoja su registracijos numeriu.`
        : `Issue the ${CITED[p.cited].en} first: this document cites it by its registration number.`;
    case 'meetingNotClosed':
      return lt ? 'Protokolas rengiamas, kai posėdis baigtas.' : 'The minutes are drawn up once the meeting is closed.';
    case 'notTransferred':
      return lt ? 'Grąžinti galima tik į pusiaukelės namus perkeltą nuteistąjį (Aprašo 44–46 p.).' : 'Only a convict transferred to the halfway house can be returned (V-77 p. 44–46).';
    case 'notice': {
      const state = CASE_STATE_LABELS[p.state][lang];
      if (p.notice === 'transferNotice') {
        return lt
          ? `Pranešimas apie nuteistojo atvykimą (Aprašo 22 p.) rengiamas dėl mūsų nuteistojo, kurio prašymą perkelti į kitos įstaigos pusiaukelės namus ta įstaiga patenkino (užregistruotas jos sprendimas); bylos būsena – „${state}“.`
          : `The notice of the convict's arrival (V-77 p. 22) concerns our convict whose request the other institution granted (its decision recorded); the case is “${state}”.`;
      }
      if (p.notice === 'p47Notice') {
        return lt
          ? `Pranešimas pagal Aprašo 47 p. rengiamas dėl mūsų įstaigoje bausmę atliekančio nuteistojo, prašančio perkelti jį į kitos įstaigos pusiaukelės namus, kol jo prašymas nebaigtas (medžiaga rengiama ar išsiųsta); bylos būsena – „${state}“.`
          : `The notice under V-77 p. 47 concerns a convict serving here who asked for another institution's halfway house, while the request is open (the dossier being collected or sent); the case is “${state}”.`;
      }
      return lt
        ? `Pranešimas savivaldybei apie paleidimą rengiamas dėl nuteistojo, gyvenančio mūsų pusiaukelės namuose (socialinės integracijos modelis); bylos būsena – „${state}“.`
        : `The notice to the municipality of the release concerns a convict living in our halfway house (the social integration model); the case is “${state}”.`;
    }
  }
}

/** The officers who sign the minutes. */
const OFFICERS = {
  chair: { lt: 'pirmininkas', ltGenitive: 'pirmininko', en: 'chair' },
  secretary: { lt: 'sekretorius', ltGenitive: 'sekretoriaus', en: 'secretary' },
} as const;

/** What the minutes cannot be drawn up without: the chair or the secretary, present; a member named in the records. */
export type SourcesProblem =
  | { readonly why: 'noOfficer'; readonly role: 'chair' | 'secretary' }
  | { readonly why: 'officerAbsent'; readonly role: 'chair' | 'secretary'; readonly name: string }
  | { readonly why: 'noMember'; readonly memberId: string };

function sourcesText(p: SourcesProblem, lang: Lang): string {
  const lt = lang === 'lt';
  switch (p.why) {
    case 'noOfficer':
      return lt
        ? `Posėdžio komisijos sudėtyje nėra ${OFFICERS[p.role].ltGenitive}: protokolo parengti negalima.`
        : `The meeting's commission has no ${OFFICERS[p.role].en}: the minutes cannot be drawn up.`;
    case 'officerAbsent':
      return lt
        ? `Komisijos ${OFFICERS[p.role].lt} ${p.name} posėdyje nedalyvavo, todėl protokolo pasirašyti negali.`
        : `The commission's ${OFFICERS[p.role].en} ${p.name} was not at the meeting, so cannot sign the minutes.`;
    case 'noMember':
      return lt ? `Posėdžio komisijos sudėtyje nėra nario „${p.memberId}“.` : `The meeting's commission has no member “${p.memberId}”.`;
  }
}

/** A character as the message names it: „ą“ (U+0105). */
const character = (c: string) => `„${c}“ (U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})`;

export const DOCUMENT_ERROR_TEXTS = {
  NOT_SET_UP: entry(
    () => 'Įstaiga dar nenustatyta.',
    () => 'The institution has not been set up.',
  ),

  /** `missing`: 'employee' when the register is set up but names no halfway-house employee. */
  REGISTER_NOT_SET_UP: entry<{ missing?: 'employee' }>(
    (p) =>
      p.missing === 'employee'
        ? 'Nenurodytas pusiaukelės namų darbuotojas (vardas, pavardė ir pareigos), kuris tvarko sąrašą ir teikia grąžinimo teikimus. Administratorius jį nurodo nustatymuose.'
        : 'Dokumentų registras nenustatytas: administratorius nustatymuose turi nurodyti vietovę, direktorių ir registracijos numerių priešdėlius.',
    (p) =>
      p.missing === 'employee'
        ? 'The halfway-house employee who keeps the list and submits returns (name and position) is not set. The administrator sets them in the settings.'
        : 'The document register is not set up: the administrator must give the place, the director and the registration prefixes in the settings.',
  ),

  DOCUMENT_NOT_DUE: entry<NotDue>(
    (p) => notDueText(p, 'lt'),
    (p) => notDueText(p, 'en'),
  ),

  DOCUMENT_SOURCES: entry<SourcesProblem>(
    (p) => sourcesText(p, 'lt'),
    (p) => sourcesText(p, 'en'),
  ),

  SIGNER_UNKNOWN: entry<{ signedBy: string }>(
    () => 'Pasirinkto direktoriaus pavaduotojo registre nėra. Pasirinkite direktorių arba registre esantį pavaduotoją.',
    () => 'The chosen deputy director is not in the register. Choose the director or a deputy the register names.',
  ),

  DOCUMENT_CHARACTERS: entry<{ characters: readonly string[] }>(
    (p) => `Dokumento tekste yra simbolių, kurių šriftas neturi: ${p.characters.map(character).join(', ')}. Pakeiskite juos ir generuokite iš naujo.`,
    (p) => `The document text has characters the font lacks: ${p.characters.map(character).join(', ')}. Replace them and generate again.`,
  ),

  DOCUMENT_EXISTS: entry<{ id: string; registrationNumber: string }>(
    (p) => `Šis dokumentas jau parengtas (Nr. ${p.registrationNumber}). Jei jį reikia taisyti, parenkite naują, kuris jį pakeis.`,
    (p) => `This document has already been issued (No. ${p.registrationNumber}). To correct it, issue a new one that replaces it.`,
  ),

  /** The other document stands: `documentType`, its title as issued ("Įsakymas"); `kind`, its kind. */
  DOCUMENT_CONFLICT: entry<{ id: string; kind: string; documentType: string; registrationNumber: string }>(
    (p) =>
      `Dėl šio nuteistojo jau parengtas ${p.documentType.toLocaleLowerCase('lt')} Nr. ${p.registrationNumber}; įsakymas perkelti ir sprendimas neperkelti negali galioti kartu (Aprašo 13, 15 p.).`,
    (p) =>
      `A ${p.kind} (No. ${p.registrationNumber}) already exists for this convict; an order to transfer and a decision not to transfer cannot both stand (V-77 p. 13, 15).`,
  ),

  REPLACEMENT_MISMATCH: entry<{ id: string }>(
    () => 'Pakeisti galima tik tos pačios rūšies to paties asmens ar posėdžio dokumentą, kuris dar nepakeistas.',
    () => 'Only a document of the same kind about the same person or meeting, not yet replaced, can be replaced.',
  ),

  VERSION_NOT_FOUND: entry<{ id: string; version?: number }>(
    () => 'Tokios dokumento versijos nėra.',
    () => 'There is no such version of the document.',
  ),

  // Signing a generated document.

  DOCUMENT_REPLACED: entry<{ id: string; replacedBy: string }>(
    () => 'Šis dokumentas pakeistas nauju, todėl jo pasirašyti nebegalima. Pasirašykite naująjį.',
    () => 'This document was replaced by a new one and can no longer be signed. Sign the new one.',
  ),

  ALREADY_SIGNED: entry<{ id: string }>(
    () => 'Šį dokumentą jau pasirašėte; kitą parašo vietą pasirašo kitas asmuo.',
    () => 'You have already signed this document; the other signature line is for someone else.',
  ),

  /** `expected`: who signs the line (`position`) from their own account. */
  USER_NOT_SIGNER: entry<{ id: string; expected: string; position: string }>(
    (p) => `Šią parašo vietą („${p.position}“) pasirašo ${p.expected} iš savo naudotojo paskyros, ne jūs. Dokumentas liko nepakeistas.`,
    (p) => `This signature line (“${p.position}”) is signed by ${p.expected} from their own user account, not by you. The document is unchanged.`,
  ),

  /** `name`: the halfway-house employee whose user account the register does not name. */
  SIGNER_NOT_SET: entry<{ id: string; name: string }>(
    (p) =>
      `Šią parašo vietą pasirašo pusiaukelės namų darbuotojas ${p.name} (Aprašo 20 p.), bet registre nenurodyta jo naudotojo paskyra. Administratorius ją nurodo nustatymuose, tada parenkite dokumentą iš naujo.`,
    (p) =>
      `This line is signed by the halfway-house employee ${p.name} (V-77 p. 20), but the register names no user account for them. The administrator sets it in the settings; then issue the document again.`,
  ),

  NOTHING_TO_SIGN: entry<{ id: string }>(
    () => 'Šiame dokumente jūsų parašo nelaukiama: jį pasirašo kiti asmenys arba jis jau pasirašytas.',
    () => 'This document does not await your signature: others sign it, or it is already signed.',
  ),

  /** The cited document (`cited`: its id) must be signed first. */
  CITED_NOT_SIGNED: entry<{ id: string; cited: string; registrationNumber: string; kind: string; documentType: string }>(
    (p) =>
      `Pirmiausia turi būti pasirašytas dokumentas, kurį šis cituoja: ${p.documentType.toLocaleLowerCase('lt')} Nr. ${p.registrationNumber}. Dokumentas liko nepakeistas.`,
    (p) => `The document this one cites must be signed first: ${p.kind} No. ${p.registrationNumber}. The document is unchanged.`,
  ),

  PKCS11_NOT_CONFIGURED: entry(
    () => 'Kortelės skaitytuvo (PKCS#11) modulis nenurodytas. Administratorius jį nurodo nustatymuose.',
    () => 'The card reader (PKCS#11) module is not set. The administrator sets it in the settings.',
  ),

  /** `holder`: who already signed another line of the document. */
  CERT_ALREADY_USED: entry<{ id: string; holder: string }>(
    (p) =>
      `${p.holder} jau pasirašė kitą šio dokumento parašo vietą (šiuo ar kitu savo sertifikatu); kiekvieną vietą pasirašo kitas asmuo savo sertifikatu. Dokumentas liko nepakeistas.`,
    (p) =>
      `${p.holder} already signed another line of this document (with this or another certificate of theirs); each line is signed by another person with their own certificate. The document is unchanged.`,
  ),

  /** `certificate`: its common name (or subject); `issuer`: the authority the institution does not trust. */
  CERT_UNTRUSTED: entry<{ certificate: string; issuer: string }>(
    (p) =>
      `Sertifikatą „${p.certificate}“ išdavė įstaigos nepatvirtintas sertifikavimo centras (${p.issuer}). Pasirašykite kvalifikuotu sertifikatu arba kreipkitės į administratorių. Dokumentas liko nepakeistas.`,
    (p) =>
      `The certificate “${p.certificate}” was issued by a certification authority the institution does not trust (${p.issuer}). Sign with a qualified certificate or ask the administrator. The document is unchanged.`,
  ),

  /**
   * The certificate's holder (`holder`, empty when it names nobody) is not the official the line
   * (`position`) expects (`expected`, with their `personalCode` when the register has it).
   */
  CERT_NOT_SIGNER: entry<{ holder: string; expected: string; position: string; personalCode?: string }>(
    (p) =>
      `Sertifikatas išduotas asmeniui ${p.holder || '(be vardo)'}, o šią parašo vietą („${p.position}“) pasirašo ${p.expected}${p.personalCode ? ` (asmens kodas ${p.personalCode})` : ''}. Pasirašykite savo sertifikatu. Dokumentas liko nepakeistas.`,
    (p) =>
      `The certificate belongs to ${p.holder || '(be vardo)'}, but this signature line (“${p.position}”) is signed by ${p.expected}${p.personalCode ? ` (personal code ${p.personalCode})` : ''}. Sign with your own certificate. The document is unchanged.`,
  ),
};
