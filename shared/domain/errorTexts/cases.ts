/** The texts of the cases' errors: registering and correcting a request, the steps of a case, dates and terms. */
import type { CaseState } from '../caseStates';
import { CASE_STATE_LABELS } from '../stateLabels';
import { entry } from './entry';

const state = (s: CaseState) => CASE_STATE_LABELS[s];

/** What keeps a dossier from the commission: the item and why, in both languages (the dossier's own findings). */
type MissingItem = { readonly item: string; readonly reason: string; readonly lt: string; readonly en: string };

export const CASE_ERROR_TEXTS = {
  SETUP_REQUIRED: entry(
    () => 'Pirmiausia nustatykite įstaigą (Nustatymai): jos pavadinimą, pusiaukelės namus ir kitas įstaigas.',
    () => 'Set up the institution first (Settings): its name, halfway house and the other institutions.',
  ),

  /** `underWay`: the open case of the same convict, named when a new request is registered. */
  CASE_DUPLICATE: entry<{
    id: string;
    personalFileNo: string;
    underWay?: { firstName: string; lastName: string; requestDate: string; state: CaseState };
  }>(
    ({ personalFileNo, underWay: u }) =>
      u
        ? `Šio nuteistojo (asmens byla ${personalFileNo}) prašymas jau nagrinėjamas: ${u.firstName} ${u.lastName}, prašymas ${u.requestDate}, būsena „${state(u.state).lt}“. Naujas prašymas registruojamas, kai ankstesnis baigtas.`
        : `Kita nebaigta byla jau turi asmens bylos numerį ${personalFileNo}.`,
    ({ personalFileNo, underWay: u }) =>
      u
        ? `A request of this convict (personal file ${personalFileNo}) is already under way: ${u.firstName} ${u.lastName}, request of ${u.requestDate}, state “${state(u.state).en}”. A new request is registered once the earlier one has ended.`
        : `Another open case already has personal file number ${personalFileNo}.`,
  ),

  REQUEST_LOCKED: entry<{ state: CaseState }>(
    (p) => `Komisijai priėmus sprendimą, prašymo duomenys nebetaisomi (būsena „${state(p.state).lt}“).`,
    (p) => `Once the commission has decided, the request's data is no longer corrected (state “${state(p.state).en}”).`,
  ),

  STEP_BY_MEETING: entry<{ from: CaseState; to: CaseState }>(
    (p) =>
      `Žingsnį „${state(p.to).lt}“ atlieka komisijos posėdis: bylą į darbotvarkę įtraukia posėdžio planas, o sprendimą priima balsavimas posėdyje (V-77 9–10 p.).`,
    (p) =>
      `The step “${state(p.to).en}” is taken by a commission meeting: its agenda puts the case on it, and a vote at the meeting adopts the decision (V-77 p. 9–10).`,
  ),

  DOSSIER_INCOMPLETE: entry<{ missing: readonly MissingItem[] }>(
    (p) => `Medžiaga dar nepilna, todėl byla neperduodama komisijai. Trūksta: ${p.missing.map((m) => `${m.item} (${m.lt})`).join('; ')}`,
    (p) => `The dossier is not complete yet, so the case does not go to the commission. Missing: ${p.missing.map((m) => `${m.item} (${m.en})`).join('; ')}`,
  ),

  CASE_CHANGED: entry<{ id: string; revision: number }>(
    () => 'Byla ką tik pakeista kitame lange ar kito naudotojo. Atnaujinkite bylą ir pakartokite veiksmą.',
    () => 'The case was just changed in another window or by another user. Reload it and try again.',
  ),

  CASE_IN_MEETING: entry<{ meetingId: string }>(
    () => 'Komisijos posėdis dėl šios bylos vyksta: prašymo duomenys ir medžiaga nekeičiami, kol posėdis baigsis arba byla bus atidėta.',
    () => 'The commission is in session on this case: its request and dossier are not changed until the meeting ends or the case is postponed.',
  ),

  UNKNOWN_INSTITUTION: entry<{ id: string; field: string }>(
    (p) => `Įstaiga „${p.id}“ nerasta nustatymuose. Pasirinkite įstaigą iš sąrašo arba papildykite nustatymus.`,
    (p) => `Institution “${p.id}” is not in the settings. Pick one from the list or add it in the settings.`,
  ),

  /** `gate`: the decisions (and the V-77 point) the step follows, when it is the decision that bars it. */
  ILLEGAL_TRANSITION: entry<{ from: CaseState; to: CaseState; decision?: string; gate?: { decisions: readonly string[]; point: string } }>(
    ({ from, to, decision, gate }) =>
      gate
        ? `Žingsnis „${state(to).lt}“ galimas tik po komisijos sprendimo ${gate.decisions.join(' arba ')} (V-77 ${gate.point} p.), o šioje byloje priimtas sprendimas ${decision ?? '—'}.`
        : `Negalima pereiti iš būsenos „${state(from).lt}“ į „${state(to).lt}“: tokio žingsnio tvarkos apraše nėra.`,
    ({ from, to, decision, gate }) =>
      gate
        ? `The step “${state(to).en}” follows only decision ${gate.decisions.join(' or ')} (V-77 p. ${gate.point}); this case's decision is ${decision ?? '—'}.`
        : `A case cannot move from “${state(from).en}” to “${state(to).en}”: the procedure has no such step.`,
  ),

  EXTENSION_TOO_LONG: entry<{ extensionDays: number; max: number }>(
    (p) => `Medžiagos pateikimo terminą galima pratęsti iki ${p.max} darbo dienų (V-77 7 p.), nurodyta: ${p.extensionDays}.`,
    (p) => `The dossier term may be extended by up to ${p.max} working days (V-77 p. 7); given: ${p.extensionDays}.`,
  ),

  INVALID_DATE: entry<{ value: string }>(
    (p) => `Neteisinga data „${p.value}“: reikia tikros kalendorinės datos formatu MMMM-MM-DD.`,
    (p) => `Invalid date “${p.value}”: a real calendar date written as YYYY-MM-DD is required.`,
  ),

  /** `unit`: what the term counts ('days', 'working days', 'months'). */
  INVALID_TERM: entry<{ unit: string; value: number }>(
    (p) => `Termino trukmė turi būti sveikasis skaičius (${p.unit}: ${p.value}).`,
    (p) => `A term must be a whole number (${p.unit}: ${p.value}).`,
  ),
};
