import { formatLtDate, type IsoDate } from '../calendar';
import type { DecisionId } from '../decisions';
import { earliestReapplicationDate } from '../deadlines';

/**
 * The legal texts the documents cite, in the cases Lithuanian needs them: the V-77 order, the Code
 * of Execution of Punishments (BVK), the Prison Department, the wording of the commission's four
 * decisions (p. 10), the re-application term (p. 19) and the appeals (p. 51).
 */

/** The Prison Department, in the genitive ("… direktorius", "… direktoriui"), as V-77 names it. */
export const PRISON_DEPARTMENT = 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos';

/** The Code of Execution of Punishments, in the genitive. */
export const BVK = 'Lietuvos Respublikos bausmių vykdymo kodekso';

/** The procedure V-77 approves, in the genitive, cited in full ("… aprašo, patvirtinto …"). */
export const V77 =
  'Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo, patvirtinto ' +
  `${PRISON_DEPARTMENT} direktoriaus 2020 m. kovo 16 d. įsakymu Nr. V-77 ` +
  '„Dėl Nuteistųjų perkėlimo į pusiaukelės namus ir grąžinimo iš jų tvarkos aprašo patvirtinimo“';

/** The first citation in a document, which the rest of it shortens to "Aprašas": append the point. */
export const V77_DEFINED = `${V77} (toliau – Aprašas),`;

/** V-77 p. 10: what the commission proposes the director do, as the sub-points word it. */
const PROPOSED_ACTION: Readonly<Record<DecisionId, string>> = {
  '10.1': 'perkelti nuteistąjį į pusiaukelės namus',
  '10.2': 'neperkelti nuteistojo į pusiaukelės namus',
  '10.3': `kreiptis su teikimu į ${PRISON_DEPARTMENT} direktorių perkelti nuteistąjį į pusiaukelės namus`,
  '10.4': `neteikti ${PRISON_DEPARTMENT} direktoriui teikimo perkelti nuteistąjį į pusiaukelės namus`,
};

/** V-77 p. 10: the action proposed to the director, an infinitive ("perkelti nuteistąjį …"). */
export function proposedAction(decision: DecisionId): string {
  return PROPOSED_ACTION[decision];
}

/** V-77 p. 10: the commission's decision as the sub-point words it ("teikti siūlymą … direktoriui …"). */
export function decisionWording(decision: DecisionId): string {
  return `teikti siūlymą pataisos įstaigos direktoriui ${PROPOSED_ACTION[decision]}`;
}

/** V-77 p. 19: when the convict may file a new request after this refusal, with the date. */
export function reapplicationNotice(refusedOn: IsoDate): string {
  return (
    'Pakartotinai su prašymu perkelti į pusiaukelės namus nuteistasis gali kreiptis ne anksčiau kaip po 3 mėnesių ' +
    'nuo sprendimo netenkinti prašymo priėmimo dienos, t. y. ne anksčiau kaip ' +
    `${formatLtDate(earliestReapplicationDate(refusedOn))} (Aprašo 19 punktas).`
  );
}

/**
 * V-77 p. 51: the director's decision is appealed to the Prison Department director under BVK art. 183.
 * `decision` is a masculine singular noun phrase in the nominative ("Šis sprendimas", "Šis įsakymas").
 * The seeds do not give art. 183's term, so the text refers to it rather than naming a number.
 */
function appealToPrisonDepartment(decision: string): string {
  return `${decision} gali būti skundžiamas ${PRISON_DEPARTMENT} direktoriui ${BVK} 183 straipsnyje nustatyta tvarka ir terminu`;
}

/** V-77 p. 51: a decision to satisfy or refuse the request, and then the Prison Department's decision in court. */
export function requestDecisionAppeal(decision: string): string {
  return (
    `${appealToPrisonDepartment(decision)}. ${PRISON_DEPARTMENT} direktoriaus sprendimas gali būti skundžiamas ` +
    'apygardos administraciniam teismui Lietuvos Respublikos administracinių bylų teisenos įstatymo nustatyta tvarka ' +
    '(Aprašo 51 punktas).'
  );
}

/** V-77 p. 51: a decision to return the convict; the order names no further instance for it. */
export function returnDecisionAppeal(decision: string): string {
  return `${appealToPrisonDepartment(decision)} (Aprašo 51 punktas).`;
}
