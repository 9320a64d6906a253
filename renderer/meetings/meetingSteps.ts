import type { AgendaItemView } from '../../shared/contract/meetingSchemas';
import { CRITERIA, type CriterionId } from '../../shared/domain/criteria';
import { DECISIONS, type Decision, type DecisionId } from '../../shared/domain/decisions';

/**
 * The guided evaluation of one case at the meeting: the nine criteria of V-77 p. 11 one at a time,
 * a summary of all nine, the proposal (p. 10) and the vote.
 */
export type MeetingStep = CriterionId | 'summary' | 'decision' | 'vote';

export const MEETING_STEPS: readonly MeetingStep[] = [...CRITERIA.map((c) => c.id), 'summary', 'decision', 'vote'];

export function isCriterionStep(step: MeetingStep): step is CriterionId {
  return step !== 'summary' && step !== 'decision' && step !== 'vote';
}

/** The step's place, counted from 1. */
export function stepNumber(step: MeetingStep): number {
  return MEETING_STEPS.indexOf(step) + 1;
}

/** The next (+1) or previous (−1) step; the first and the last step stay where they are. */
export function stepAfter(step: MeetingStep, delta: 1 | -1): MeetingStep {
  const i = Math.min(MEETING_STEPS.length - 1, Math.max(0, MEETING_STEPS.indexOf(step) + delta));
  return MEETING_STEPS[i]!;
}

/** What a step of the indicator shows: done, still open, or (11.8) a red flag. */
export type StepMark = 'done' | 'open' | 'flag';

/** V-77 p. 11: a criterion is done once assessed (11.8 also needs the register check); p. 10: the proposal once chosen. */
export function stepMark(step: MeetingStep, item: Pick<AgendaItemView, 'item' | 'unevaluated' | 'tally'>): StepMark {
  if (isCriterionStep(step)) {
    if (step === '11.8' && item.item.evaluation['11.8']?.onRegister === true) return 'flag';
    return item.unevaluated.includes(step) ? 'open' : 'done';
  }
  if (step === 'summary') return item.unevaluated.length === 0 ? 'done' : 'open';
  if (step === 'decision') return item.item.decision === undefined ? 'open' : 'done';
  return item.tally?.status === 'adopted' ? 'done' : 'open';
}

/** Keyboard shortcuts of the meeting page. */
export type ShortcutCommand = 'next' | 'previous' | 'projector';

export interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Alt+→ / Alt+← move between steps; Alt+P opens the projector window (issue 17). Other keys are left alone. */
export function shortcutOf(e: KeyLike): ShortcutCommand | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  if (e.key === 'ArrowRight') return 'next';
  if (e.key === 'ArrowLeft') return 'previous';
  // By the physical key: Alt+P types another letter on some layouts.
  if (e.code === 'KeyP' || e.key === 'p' || e.key === 'P') return 'projector';
  return null;
}

/** V-77 p. 10: the decisions the commission may put to the vote for this convict, in the order of the order. */
export function decisionOptions(possible: readonly DecisionId[]): Decision[] {
  return DECISIONS.filter((d) => possible.includes(d.id));
}
