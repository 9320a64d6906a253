/**
 * The texts of the errors after the commission's decision (issue 14): which commission decides,
 * the places and the list, the steps that signed and received acts take, arrivals, departures,
 * appeals and corrections (V-77 p. 4–8, 12–25, 44–51).
 */
import type { CaseState } from '../caseStates';
import { CASE_STATE_LABELS } from '../stateLabels';
import { entry } from './entry';

const state = (s: CaseState) => CASE_STATE_LABELS[s];

/** The names of the acts, as the texts show them. */
export const ACT_NAMES: Readonly<Record<string, { lt: string; en: string }>> = {
  order: { lt: 'direktoriaus įsakymas perkelti (V-77 13 p.)', en: "the director's order to transfer (V-77 p. 13)" },
  declineDecision: { lt: 'direktoriaus motyvuotas sprendimas neperkelti (V-77 15 p.)', en: "the director's motivated decision not to transfer (V-77 p. 15)" },
  submission: { lt: 'teikimas Kalėjimų departamento direktoriui (V-77 14 p.)', en: 'the submission to the Prison Department director (V-77 p. 14)' },
  letter: { lt: 'motyvuotas raštas (V-77 16 p.)', en: 'the motivated letter (V-77 p. 16)' },
  returnDecision: { lt: 'direktoriaus sprendimas grąžinti (V-77 46 p.)', en: "the director's decision to return (V-77 p. 46)" },
  departmentResolution: { lt: 'Kalėjimų departamento direktoriaus nutarimas perkelti (V-77 17 p.)', en: "the Prison Department director's resolution to transfer (V-77 p. 17)" },
  departmentRefusal: { lt: 'Kalėjimų departamento direktoriaus motyvuotas sprendimas neperkelti (V-77 18 p.)', en: "the Prison Department director's motivated refusal (V-77 p. 18)" },
  otherOutcome: { lt: 'kitos įstaigos sprendimas dėl prašymo (V-77 8 p.)', en: "the other institution's decision on the request (V-77 p. 8)" },
  p47Notice: { lt: 'kitos įstaigos pranešimas apie aplinkybes (V-77 47 p.)', en: "the other institution's notice of circumstances (V-77 p. 47)" },
  appealOutcome: { lt: 'sprendimas dėl skundo (V-77 51 p.)', en: 'the decision on the appeal (V-77 p. 51)' },
};

const act = (kind: string) => ACT_NAMES[kind] ?? { lt: kind, en: kind };

/** A convict the step would pass over on the list (V-77 p. 12), as the error names them. */
type Earlier = { readonly caseId: string; readonly firstName: string; readonly lastName: string; readonly requestDate: string };

const ROUTE_TEXT = {
  own: { lt: 'mūsų komisija sprendžia 10.1 arba 10.2', en: 'our commission decides 10.1 or 10.2' },
  other: { lt: 'mūsų komisija sprendžia 10.3 arba 10.4', en: 'our commission decides 10.3 or 10.4' },
  sends: {
    lt: 'nuteistasis prašo kitos įstaigos pusiaukelės namų: medžiaga siunčiama tos įstaigos direktoriui, sprendžia jos komisija (V-77 7–8 p.)',
    en: "the convict asks for another institution's halfway house: the dossier goes to its director and its commission decides (V-77 p. 7–8)",
  },
} as const;

/** What the user does when no place is free, by what needs the place. */
const NO_PLACE_NEXT = {
  document: { lt: 'Dokumentas parengiamas, kai vieta atsilaisvina.', en: 'The document is issued once a place frees.' },
  arrival: { lt: 'Atvykimas registruojamas, kai vieta atsilaisvina.', en: 'The arrival is recorded once a place frees.' },
  reopening: {
    lt: 'Patenkintas skundas grąžintų nuteistąjį į vietą, kurios nėra: atlaisvinkite vietą (arba pakeiskite vietų skaičių) ir tada užregistruokite skundo baigtį (V-77 51 p.).',
    en: 'The upheld appeal would give the convict back a place there is not: free a place (or change the number of places), then record the outcome (V-77 p. 51).',
  },
  correction: {
    lt: 'Pataisymas grąžintų nuteistajam vietą, kurios nėra: pirmiausia atlaisvinkite vietą.',
    en: 'The correction would give the convict back a place there is not: free a place first.',
  },
} as const;

/** The other open case of the same convict, as a refusal names it. */
type OtherCase = { readonly caseId: string; readonly requestDate: string; readonly state: CaseState };

export const AFTER_DECISION_ERROR_TEXTS = {
  WRONG_COMMISSION: entry<{ to: CaseState; route: 'own' | 'other' | 'sends' }>(
    (p) => `Žingsnis „${state(p.to).lt}“ šiai bylai netinka: ${ROUTE_TEXT[p.route].lt}.`,
    (p) => `The step “${state(p.to).en}” does not apply to this case: ${ROUTE_TEXT[p.route].en}.`,
  ),

  STEP_BY_DOCUMENT: entry<{ to: CaseState; kind: string; point: string }>(
    (p) => `Žingsnį „${state(p.to).lt}“ atlieka pasirašytas dokumentas – ${act(p.kind).lt}: parenkite ir pasirašykite jį skiltyje „Dokumentai“, būsena pasikeis pati.`,
    (p) => `The step “${state(p.to).en}” is taken by a signed document — ${act(p.kind).en}: issue and sign it under “Documents” and the state changes by itself.`,
  ),

  STEP_BY_RECEIVED_ACT: entry<{ to: CaseState; kind: string; point: string }>(
    (p) => `Žingsnį „${state(p.to).lt}“ atlieka gautas dokumentas – ${act(p.kind).lt}: užregistruokite jį su pridėta kopija.`,
    (p) => `The step “${state(p.to).en}” is taken by a received document — ${act(p.kind).en}: record it with its copy attached.`,
  ),

  /** `means`: the record that takes the step (the arrival with its checks, the departure, or the system after a decision). */
  STEP_BY_RECORD: entry<{ to: CaseState; means: 'arrival' | 'departure' | 'system' }>(
    (p) =>
      p.means === 'arrival'
        ? `Žingsnį „${state(p.to).lt}“ atlieka atvykimo įrašas su V-77 25 p. patikrinimais.`
        : p.means === 'departure'
          ? `Žingsnį „${state(p.to).lt}“ atlieka išvykimo iš pusiaukelės namų įrašas (lygtinis paleidimas, bausmės pabaiga ar perkėlimas).`
          : `Žingsnis „${state(p.to).lt}“ atliekamas savaime, kai komisija priima sprendimą 10.1 arba 10.3 (V-77 12 p.).`,
    (p) =>
      p.means === 'arrival'
        ? `The step “${state(p.to).en}” is taken by recording the arrival with the checks of V-77 p. 25.`
        : p.means === 'departure'
          ? `The step “${state(p.to).en}” is taken by recording the departure from the halfway house (parole, end of sentence or transfer).`
          : `The step “${state(p.to).en}” is taken by itself when the commission adopts 10.1 or 10.3 (V-77 p. 12).`,
  ),

  DOSSIER_MISSING_CONFIRM: entry<{ missing: readonly { item: string; lt: string; en: string }[] }>(
    (p) => `Medžiagoje dar trūksta: ${p.missing.map((m) => `${m.item} (${m.lt})`).join('; ')}. Ar tikrai pažymėti, kad medžiaga gauta? Patvirtinkite.`,
    (p) => `The dossier still lacks: ${p.missing.map((m) => `${m.item} (${m.en})`).join('; ')}. Mark it received all the same? Please confirm.`,
  ),

  /**
   * `step`: what needs the place, when not a document (the order or the submission, p. 13, 14): the
   * arrival (p. 24), the reopening by an upheld appeal (p. 51) or a correction that gives a place back.
   */
  NO_FREE_PLACE: entry<{ on: string; capacity: number; occupied: number; reserved: number; step?: 'arrival' | 'reopening' | 'correction' }>(
    (p) =>
      `Pusiaukelės namuose ${p.on} nėra laisvos vietos (V-77 4, 13, 14 p.): vietų ${p.capacity}, užimta ${p.occupied}, rezervuota perkeliamiems ${p.reserved}. ${NO_PLACE_NEXT[p.step ?? 'document'].lt}`,
    (p) =>
      `The halfway house has no free place on ${p.on} (V-77 p. 4, 13, 14): ${p.capacity} places, ${p.occupied} occupied, ${p.reserved} held for convicts being transferred. ${NO_PLACE_NEXT[p.step ?? 'document'].en}`,
  ),

  PASS_OVER_REASON_REQUIRED: entry<{ earlier: readonly Earlier[] }>(
    (p) =>
      `Sąraše anksčiau įrašyti (V-77 12 p.): ${p.earlier.map((e) => `${e.firstName} ${e.lastName} (prašymas ${e.requestDate})`).join('; ')}. Aplenkiant juos reikia raštu nurodyti priežastį.`,
    (p) =>
      `Earlier on the list (V-77 p. 12): ${p.earlier.map((e) => `${e.firstName} ${e.lastName} (request of ${e.requestDate})`).join('; ')}. Passing over them needs a written reason.`,
  ),

  /** `why: 'recorded'`: the other institution's outcome is recorded once (V-77 p. 8, 49). */
  ACT_NOT_EXPECTED: entry<{ kind: string; state: CaseState; why?: 'recorded' }>(
    (p) =>
      p.why === 'recorded'
        ? `Dokumentas „${act(p.kind).lt}“ šioje byloje jau užregistruotas: jis registruojamas vieną kartą.`
        : `Dokumento „${act(p.kind).lt}“ šios bylos būsenoje „${state(p.state).lt}“ registruoti negalima.`,
    (p) => (p.why === 'recorded' ? `“${act(p.kind).en}” is already recorded on this case: it is recorded once.` : `“${act(p.kind).en}” cannot be recorded for a case in the state “${state(p.state).en}”.`),
  ),

  /**
   * V-77 p. 21–23: the departure to another institution's halfway house is recorded for our convict
   * whose dossier was sent (route 'sends', p. 7) and whose request that institution granted (p. 8),
   * once.
   */
  TRANSFER_OUT_NOT_EXPECTED: entry<{ why: 'route' | 'notGranted' | 'recorded'; state: CaseState }>(
    (p) =>
      p.why === 'recorded'
        ? 'Išvykimas į kitos įstaigos pusiaukelės namus šioje byloje jau užregistruotas: jis registruojamas vieną kartą (V-77 22–23 p.).'
        : p.why === 'notGranted'
          ? 'Išvykimas į kitos įstaigos pusiaukelės namus registruojamas, kai užregistruotas tos įstaigos sprendimas patenkinti prašymą (V-77 8, 21 p.).'
          : `Išvykimas į kitos įstaigos pusiaukelės namus registruojamas tik nuteistajam, kurio medžiaga išsiųsta kitai įstaigai (V-77 7 p.); bylos būsena – „${state(p.state).lt}“.`,
    (p) =>
      p.why === 'recorded'
        ? "The departure to the other institution's halfway house is already recorded on this case: it is recorded once (V-77 p. 22–23)."
        : p.why === 'notGranted'
          ? "The departure to the other institution's halfway house is recorded once that institution's decision granting the request is recorded (V-77 p. 8, 21)."
          : `The departure to another institution's halfway house is recorded only for a convict whose dossier was sent to that institution (V-77 p. 7); the case is “${state(p.state).en}”.`,
  ),

  /** An upheld appeal would reopen a case while another request of the same convict is open (V-77 p. 19, 51). */
  REOPEN_OTHER_OPEN: entry<{ other: OtherCase; to: CaseState }>(
    (p) =>
      `Patenkintas skundas atnaujintų bylą („${state(p.to).lt}“), tačiau nagrinėjamas kitas šio nuteistojo prašymas (pateiktas ${p.other.requestDate}, būsena „${state(p.other.state).lt}“). Du to paties nuteistojo prašymai vienu metu nenagrinėjami: pirmiausia užbaikite vieną iš jų (pvz., nuteistajam atsiėmus prašymą), tada užregistruokite skundo baigtį.`,
    (p) =>
      `The upheld appeal would reopen the case (“${state(p.to).en}”), but another request of this convict is open (filed ${p.other.requestDate}, state “${state(p.other.state).en}”). Two requests of one convict are not handled at once: end one of them first (e.g. the convict withdraws it), then record the outcome.`,
  ),

  ACT_NOT_FOUND: entry<{ caseId: string; actId: string }>(
    () => 'Gautas dokumentas byloje nerastas.',
    () => 'The received document is not on the case.',
  ),

  APPEAL_NOT_FOUND: entry<{ appealId: string }>(
    () => 'Skundas byloje nerastas.',
    () => 'The appeal is not on the case.',
  ),

  APPEAL_DECIDED: entry<{ appealId: string; outcome: string }>(
    (p) => `Dėl šio skundo jau užregistruotas sprendimas (${p.outcome === 'upheld' ? 'patenkintas' : 'atmestas'}).`,
    (p) => `The outcome of this appeal is already recorded (${p.outcome === 'upheld' ? 'upheld' : 'dismissed'}).`,
  ),

  /** `act`: the contested act's kind; `why`: 'notAppealable' (the act is not one p. 51 names), 'pending' (an appeal against it is open). */
  APPEAL_NOT_ALLOWED: entry<{ act: string; why: 'notAppealable' | 'pending' | 'notInForce' }>(
    (p) =>
      p.why === 'pending'
        ? `Skundas dėl akto „${act(p.act).lt}“ jau nagrinėjamas.`
        : p.why === 'notInForce'
          ? `Aktas „${act(p.act).lt}“ nebegalioja arba byla jau pasikeitusi: skundžiamas tik galiojantis aktas, kuriuo byla baigta.`
          : `Akto „${act(p.act).lt}“ V-77 51 p. nustatyta tvarka skųsti negalima.`,
    (p) =>
      p.why === 'pending'
        ? `An appeal against “${act(p.act).en}” is already under way.`
        : p.why === 'notInForce'
          ? `“${act(p.act).en}” is no longer in force or the case has moved on: only an act in force that ended the case is appealed.`
          : `“${act(p.act).en}” is not appealed under V-77 p. 51.`,
  ),

  ARRIVAL_CHECKS_MISSING: entry<{ missing: readonly string[] }>(
    (p) => `Priimant nuteistąjį turi būti atlikta (V-77 25 p.): ${p.missing.join(', ')}.`,
    (p) => `Receiving the convict requires (V-77 p. 25): ${p.missing.join(', ')}.`,
  ),

  NOTHING_TO_CORRECT: entry<{ state: CaseState }>(
    (p) => `Būsenos „${state(p.state).lt}“ pataisyti negalima: taisomas tik paskutinis rankiniu būdu užregistruotas žingsnis (posėdžio, pasirašytų ir gautų dokumentų žingsniai taisomi jų pačių įrašais).`,
    (p) => `The state “${state(p.state).en}” cannot be corrected: only the latest step recorded by hand can (the steps of meetings and of signed or received documents are corrected by their own records).`,
  ),

  PLACE_NOT_FREED: entry<{ caseId: string }>(
    () => 'Ši byla vietos pusiaukelės namuose neatlaisvino: pranešti nėra apie ką.',
    () => 'This case did not free a place in the halfway house: there is nothing to report.',
  ),

  NOT_IN_HALFWAY_HOUSE: entry<{ state: CaseState }>(
    (p) => `Planai, peržiūros ir pastabos registruojami tik nuteistajam gyvenant pusiaukelės namuose (V-77 28–35 p.); bylos būsena „${state(p.state).lt}“.`,
    (p) => `Plans, reviews and notes are recorded only while the convict lives in the halfway house (V-77 p. 28–35); the case is “${state(p.state).en}”.`,
  ),

  NO_HALFWAY_HOUSE: entry(
    () => 'Įstaiga pusiaukelės namų neturi (Nustatymai): vietų ir sąrašo nėra.',
    () => 'The institution runs no halfway house (Settings): there are no places and no list.',
  ),
};
