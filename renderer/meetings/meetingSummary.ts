import type { AgendaItemView, MeetingView } from '../../shared/contract/meetingSchemas';
import { CRITERIA, type Criterion } from '../../shared/domain/criteria';
import type { DecisionId } from '../../shared/domain/decisions';
import type { Assessment, Evaluation } from '../../shared/domain/evaluation';

/** The nine criteria of V-77 p. 11 at a glance: each one's assessment and the first line of its findings. */
export interface SummaryRow {
  criterion: Criterion;
  assessment?: Assessment;
  /** The first non-empty line of the findings, shortened to fit one line. */
  firstLine: string;
  /** 11.8: the convict is on the register of those prone to escape or attack. */
  redFlag: boolean;
  /** Assessed (and for 11.8 the register question answered). */
  complete: boolean;
}

export const FIRST_LINE_MAX = 120;

/** The first line of a text that has something on it, cut at a word near `max` characters. */
export function firstLineOf(text: string, max = FIRST_LINE_MAX): string {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (line === undefined) return '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** V-77 p. 11.8: on the register — a red flag the commission must see at once. */
export function redFlagOf(evaluation: Evaluation): boolean {
  return evaluation['11.8']?.onRegister === true;
}

export function summaryOf(evaluation: Evaluation): SummaryRow[] {
  return CRITERIA.map((criterion) => {
    const e = evaluation[criterion.id];
    const assessed = e?.assessment !== undefined;
    const complete = assessed && (criterion.id !== '11.8' || e?.onRegister !== undefined);
    return {
      criterion,
      ...(e?.assessment !== undefined ? { assessment: e.assessment } : {}),
      firstLine: firstLineOf(e?.findings ?? ''),
      redFlag: criterion.redFlag && e?.onRegister === true,
      complete,
    };
  });
}

/** What closing the meeting does to one case on its agenda. */
export type ClosePlan =
  | { caseId: string; kind: 'decide'; decision: DecisionId }
  | { caseId: string; kind: 'postpone'; reason: string }
  | { caseId: string; kind: 'left' }
  | { caseId: string; kind: 'blocked' };

/**
 * Closing the meeting (V-77 p. 10): an adopted proposal becomes the case's decision, a postponed
 * case goes back to "ready for the commission", a case that left the agenda is not touched; any
 * other case — or one the back end names among the problems (e.g. a refusal without reasons) —
 * keeps the meeting open.
 */
export function closePlanOf(item: Pick<AgendaItemView, 'item' | 'active' | 'tally'>, problems: ReadonlySet<string> = new Set()): ClosePlan {
  const { caseId } = item.item;
  if (!item.active) return { caseId, kind: 'left' };
  if (item.item.postponed !== undefined) return { caseId, kind: 'postpone', reason: item.item.postponed };
  if (item.item.decision !== undefined && item.tally?.status === 'adopted' && !problems.has(caseId)) return { caseId, kind: 'decide', decision: item.item.decision };
  return { caseId, kind: 'blocked' };
}

export function closePlan(view: Pick<MeetingView, 'items' | 'closeProblems'>): ClosePlan[] {
  const problems = new Set(view.closeProblems.flatMap((p) => (p.caseId === undefined ? [] : [p.caseId])));
  return view.items.map((item) => closePlanOf(item, problems));
}

/** The case to take up first: the first one still waiting for a decision (else the first on the agenda). */
export function firstOpenCase(view: Pick<MeetingView, 'items'>): string | null {
  const waiting = view.items.find((i) => closePlanOf(i).kind === 'blocked');
  return (waiting ?? view.items[0])?.item.caseId ?? null;
}

/**
 * Issue 17: "Kitas klausimas" — the next case after `caseId` on the agenda still waiting for a
 * decision (from the top again after the last); null when no other case waits.
 */
export function nextOpenCase(view: Pick<MeetingView, 'items'>, caseId: string): string | null {
  const at = view.items.findIndex((i) => i.item.caseId === caseId);
  const order = [...view.items.slice(at + 1), ...view.items.slice(0, Math.max(at, 0))];
  return order.find((i) => i.item.caseId !== caseId && closePlanOf(i).kind === 'blocked')?.item.caseId ?? null;
}
