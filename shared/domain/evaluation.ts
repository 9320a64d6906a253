import { addCalendarMonths, compareIso, daysBetween, type IsoDate } from './calendar';
import { CRITERIA, type CriterionId } from './criteria';
import type { DecisionId } from './decisions';
import type { FactsByItem, RiskLevel } from './dossier';

/**
 * The commission's evaluation of V-77 p. 11: for each criterion 11.1–11.9 its findings and an
 * assessment, and what the app computes from the dossier to inform it (11.1, 11.5, 11.8).
 */

export const ASSESSMENTS = ['favourable', 'unfavourable', 'neutral'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export interface CriterionEvaluation {
  findings: string;
  assessment?: Assessment;
  /** 11.8 only: whether the convict is on the register of those prone to escape or attack. */
  onRegister?: boolean;
}

export type Evaluation = Partial<Record<CriterionId, CriterionEvaluation>>;

/** The criteria still without an assessment (p. 11: the commission evaluates every one), and 11.8 without the register check. */
export function unevaluated(evaluation: Evaluation): CriterionId[] {
  return CRITERIA.filter((c) => {
    const e = evaluation[c.id];
    return e?.assessment === undefined || (c.id === '11.8' && e.onRegister === undefined);
  }).map((c) => c.id);
}

/** V-77 p. 10.2 and 10.4 refuse the request: a written rationale is mandatory (p. 15–16 motivated decisions). */
export const RATIONALE_REQUIRED: readonly DecisionId[] = ['10.2', '10.4'];

export function rationaleRequired(decision: DecisionId | undefined): boolean {
  return decision !== undefined && RATIONALE_REQUIRED.includes(decision);
}

/** A span of calendar time, whole months and the days after them. */
export interface Span {
  months: number;
  days: number;
}

/** The time from `from` to `to` in whole calendar months and remaining days (negative spans are null). */
export function spanBetween(from: IsoDate, to: IsoDate): Span | null {
  if (compareIso(to, from) < 0) return null;
  let months = 0;
  while (compareIso(addCalendarMonths(from, months + 1), to) <= 0) months += 1;
  return { months, days: daysBetween(addCalendarMonths(from, months), to) };
}

export interface TimeLeft {
  /** The dates used: from the dossier's 6.6, or the request where 6.6 has no facts yet. */
  source: '6.6' | 'request';
  paroleDate: IsoDate;
  sentenceEnd: IsoDate;
  /** Null when the date has passed. */
  untilParole: Span | null;
  untilEnd: Span | null;
}

/** V-77 p. 11.1: the time left on `on` (the meeting date) until the possible parole date and the end of the sentence. */
export function timeLeft(on: IsoDate, term: FactsByItem['6.6'] | undefined, request: { possibleParoleDate: IsoDate; sentenceEnd: IsoDate }): TimeLeft {
  const paroleDate = term?.possibleParoleDate ?? request.possibleParoleDate;
  const sentenceEnd = term?.sentenceEnd ?? request.sentenceEnd;
  return { source: term ? '6.6' : 'request', paroleDate, sentenceEnd, untilParole: spanBetween(on, paroleDate), untilEnd: spanBetween(on, sentenceEnd) };
}

const RISK_ORDER: Readonly<Record<Exclude<RiskLevel, 'undetermined'>, number>> = { low: 0, medium: 1, high: 2 };

export type RiskChange = 'lower' | 'same' | 'higher' | 'unknown';

export interface Risk {
  level: RiskLevel;
  previousLevel?: RiskLevel;
  change: RiskChange;
  instrument: string;
  assessedOn: IsoDate;
}

/** V-77 p. 11.5: the risk of criminal behaviour from 6.1, and its change since the previous assessment. */
export function riskOf(assessment: FactsByItem['6.1'] | undefined): Risk | null {
  if (!assessment) return null;
  const { level, previousLevel } = assessment;
  let change: RiskChange = 'unknown';
  if (previousLevel !== undefined && level !== 'undetermined' && previousLevel !== 'undetermined') {
    const d = RISK_ORDER[level] - RISK_ORDER[previousLevel];
    change = d < 0 ? 'lower' : d > 0 ? 'higher' : 'same';
  }
  return { level, ...(previousLevel !== undefined ? { previousLevel } : {}), change, instrument: assessment.instrument, assessedOn: assessment.assessedOn };
}
