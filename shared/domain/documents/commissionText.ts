import { formatLtDate } from '../calendar';
import { CRITERIA, type Criterion } from '../criteria';
import { DECISIONS, type DecisionId } from '../decisions';
import type { Assessment, CriterionEvaluation, Evaluation } from '../evaluation';
import { isTie } from '../voting';
import type { Block } from './documentModel';
import type { CaseFacts, DocumentRef, VoteCount } from './documentSources';
import { asSentence, convictDetails, minutesNote } from './references';

/** How the commission's evaluation (V-77 p. 11) and vote read in the minutes, the proposal and the letter. */

/** The assessment as the meeting screen names it. */
const ASSESSMENT_LT: Readonly<Record<Assessment, string>> = {
  favourable: 'palanku',
  neutral: 'neutralu',
  unfavourable: 'nepalanku',
};

/** V-77 p. 11.8: whether the convict is on the register of those prone to escape or attack. */
function registerSentence(onRegister: boolean): string {
  return onRegister
    ? 'Nuteistasis įtrauktas į linkusiųjų pabėgti ar užpulti įskaitą.'
    : 'Nuteistasis į linkusiųjų pabėgti ar užpulti įskaitą neįtrauktas.';
}

function findingsSentence(evaluation: CriterionEvaluation | undefined): string[] {
  const findings = evaluation?.findings.trim() ?? '';
  return findings ? [`Nustatytos aplinkybės: ${asSentence(findings)}`] : [];
}

/** One criterion of V-77 p. 11: its name, the findings, the register (11.8) and the assessment. */
function criterionText(criterion: Criterion, evaluation: CriterionEvaluation | undefined): string {
  const register = criterion.id === '11.8' && evaluation?.onRegister !== undefined ? [registerSentence(evaluation.onRegister)] : [];
  const assessment = evaluation?.assessment ? `Įvertinimas: ${ASSESSMENT_LT[evaluation.assessment]}.` : 'Neįvertinta.';
  return [asSentence(criterion.lt), ...findingsSentence(evaluation), ...register, assessment].join(' ');
}

/** V-77 p. 11: every criterion 11.1–11.9 in order, labelled with its point. */
export function evaluationList(evaluation: Evaluation): Block {
  return { kind: 'numbered', items: CRITERIA.map((c) => ({ label: `${c.point}.`, text: criterionText(c, evaluation[c.id]) })) };
}

/** The criteria the commission assessed as weighing against the transfer, with their findings (the motives of a refusal). */
export function unfavourableList(evaluation: Evaluation): Block | null {
  const items = CRITERIA.filter((c) => evaluation[c.id]?.assessment === 'unfavourable').map((c) => ({
    label: `${c.point}.`,
    text: [asSentence(c.lt), ...findingsSentence(evaluation[c.id])].join(' '),
  }));
  return items.length > 0 ? { kind: 'numbered', items } : null;
}

/** "už – 4, prieš – 1, susilaikė – 0". */
export function tallyText(tally: VoteCount): string {
  return `už – ${tally.for}, prieš – ${tally.against}, susilaikė – ${tally.abstain}`;
}

/**
 * The result of the vote, and the chair's casting vote when it decided a real tie (for = against,
 * see `isTie`). The count stays the real one: the casting vote is not added to it. A result recorded
 * as decided by the chair whose count is no tie (recorded under the old rule, where "one vote short"
 * was taken for a tie) never gets the sentence: signed minutes never state a tie that is not one.
 */
export function voteResult(tally: VoteCount): string {
  return `Balsavimo rezultatai: ${tallyText(tally)}.${castingVote(tally)}`;
}

/** " Balsams pasiskirsčius po lygiai, lėmė posėdžio pirmininko balsas." when the chair's vote decided a real tie, else nothing. */
export function castingVote(tally: VoteCount): string {
  return tally.decidedByChair && isTie(tally) ? ' Balsams pasiskirsčius po lygiai, lėmė posėdžio pirmininko balsas.' : '';
}

/**
 * "drausmės komisija 2026 m. lapkričio 20 d. posėdyje (…) išnagrinėjo nuteistojo (…), atliekančio bausmę …,
 * 2026 m. spalio 1 d. prašymą perkelti jį į pusiaukelės namus (…)": where the convict serves decides
 * between 10.1/10.2 and 10.3/10.4 (V-77 p. 10), so the text says it as the sub-points do.
 */
export function requestConsidered(minutes: DocumentRef, request: CaseFacts, decision: DecisionId): string {
  const serves = DECISIONS.find((d) => d.id === decision)?.applies === 'own'
    ? 'atliekančio bausmę pataisos įstaigoje, kurioje veikia pusiaukelės namai'
    : `atliekančio bausmę kitoje pataisos įstaigoje (${request.servingInstitution})`;
  return (
    `drausmės komisija ${formatLtDate(minutes.date)} posėdyje (${minutesNote(minutes, minutes.date)}) išnagrinėjo ` +
    `nuteistojo ${convictDetails(request.convict)}, ${serves}, ${formatLtDate(request.requestDate)} ` +
    `prašymą perkelti jį į pusiaukelės namus (${request.halfwayHouse})`
  );
}
