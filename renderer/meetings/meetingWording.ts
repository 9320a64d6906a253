import { countLabel } from '../i18n/plural';
import type { AgendaItemView, MeetingView, TallyView } from '../../shared/contract/meetingSchemas';
import { CRITERIA } from '../../shared/domain/criteria';
import type { Assessment, Span } from '../../shared/domain/evaluation';
import type { Ballot } from '../../shared/domain/voting';
import { translate, type Lang } from '../i18n/translate';

/** How the meeting page says what the numbers mean: quorum, the tally, the time left, the risk. */

type Quorum = MeetingView['quorum'];

/** "Kvorumas yra: dalyvauja 3 iš 5 (reikia 3)" or "Kvorumo nėra: …" (DESIGN §1: quorum of the voting members). */
export function quorumText(q: Quorum, lang: Lang): string {
  const params = { taking: q.taking, voting: q.voting, needed: q.needed };
  return translate(lang, q.met ? 'meeting.quorum.met' : 'meeting.quorum.missing', params);
}

/** The outcome of a vote in one or a few words: "Priimta", "Nepriimta", … */
export function tallyStatusText(tally: Pick<TallyView, 'status'>, lang: Lang): string {
  return translate(lang, `meeting.tally.${tally.status}`);
}

/** "Už – 3, prieš – 0, susilaikė – 1, dar nebalsavo – 1" */
export function tallyCountsText(tally: Pick<TallyView, 'for' | 'against' | 'abstain' | 'waiting'>, lang: Lang): string {
  return translate(lang, 'meeting.tally.counts', { for: tally.for, against: tally.against, abstain: tally.abstain, waiting: tally.waiting });
}

/**
 * What it takes to adopt the proposal under the commission's majority rule, and, where the rules give
 * the chair a casting vote, that a tie (as many for as against) is decided by it: without that line
 * "at least 3 for" would be untrue of a 2–2 tie the chair's vote adopts.
 */
export function tallyNeededText(tally: Pick<TallyView, 'forNeeded' | 'eligible'>, lang: Lang, chairDecidesTie = false): string {
  const needed =
    tally.forNeeded > 0 ? translate(lang, 'meeting.tally.needed', { n: tally.forNeeded, eligible: tally.eligible }) : translate(lang, 'meeting.tally.neededMore');
  return chairDecidesTie ? `${needed} ${translate(lang, 'meeting.tally.neededTie')}` : needed;
}

/** DESIGN §1: on a tie the chair's vote decides (when the rules say so). */
export function tallyTieText(tally: Pick<TallyView, 'tie' | 'decidedByChair' | 'status'>, lang: Lang): string | null {
  if (tally.decidedByChair) return translate(lang, 'meeting.tally.decidedByChair');
  if (tally.tie && tally.status === 'rejected') return translate(lang, 'meeting.tally.tieRejected');
  return null;
}

/** "7 mėn. 12 d." (or "12 d." under a month); in English "7 months 12 days". */
export function spanText(span: Span, lang: Lang): string {
  const days = countLabel(lang, 'meeting.span.days', span.days);
  return span.months > 0 ? `${countLabel(lang, 'meeting.span.months', span.months)} ${days}` : days;
}

/**
 * V-77 p. 11.1 on the meeting date: "iki galimo lygtinio paleidimo (2027-03-01) liko 7 mėn. 12 d.";
 * a date already passed says so.
 */
export function timeLeftLines(timeLeft: NonNullable<AgendaItemView['timeLeft']>, lang: Lang): string[] {
  const line = (target: 'parole' | 'end', date: string, span: Span | null) =>
    span ? translate(lang, `meeting.timeLeft.${target}`, { date, left: spanText(span, lang) }) : translate(lang, `meeting.timeLeft.${target}Passed`, { date });
  return [line('parole', timeLeft.paroleDate, timeLeft.untilParole), line('end', timeLeft.sentenceEnd, timeLeft.untilEnd)];
}

/** V-77 p. 11.5: the level from 6.1 and how it changed since the previous assessment. */
export function riskLines(risk: NonNullable<AgendaItemView['risk']>, lang: Lang): string[] {
  const level = (l: string) => translate(lang, `dossier.option.${l}` as 'dossier.option.low');
  const lines = [translate(lang, 'meeting.risk.level', { level: level(risk.level), instrument: risk.instrument, date: risk.assessedOn })];
  if (risk.previousLevel !== undefined) lines.push(translate(lang, 'meeting.risk.previous', { level: level(risk.previousLevel) }));
  lines.push(translate(lang, `meeting.risk.change.${risk.change}`));
  return lines;
}

export function assessmentText(assessment: Assessment | undefined, lang: Lang): string {
  return assessment === undefined ? translate(lang, 'meeting.assessment.none') : translate(lang, `meeting.assessment.${assessment}`);
}

export function ballotText(ballot: Ballot, lang: Lang): string {
  return translate(lang, `meeting.ballot.${ballot}`);
}

/** Where a case on the agenda stands at the meeting, in a few words for the agenda list. */
export function agendaStatusText(view: Pick<AgendaItemView, 'item' | 'active' | 'tally' | 'unevaluated'>, lang: Lang): string {
  const { item } = view;
  if (item.frozen) return translate(lang, `meeting.agenda.frozen.${item.frozen.outcome}`, { decision: item.frozen.decision ?? '—' });
  if (!view.active) return translate(lang, 'meeting.agenda.left');
  if (item.postponed !== undefined) return translate(lang, 'meeting.agenda.postponed');
  if (item.decision !== undefined && view.tally) {
    if (view.tally.status === 'adopted') return translate(lang, 'meeting.agenda.adopted', { decision: item.decision });
    if (view.tally.status === 'rejected') return translate(lang, 'meeting.agenda.rejected', { decision: item.decision });
    return translate(lang, 'meeting.agenda.voting', { decision: item.decision });
  }
  return translate(lang, 'meeting.agenda.evaluating', { done: CRITERIA.length - view.unevaluated.length, total: CRITERIA.length });
}
