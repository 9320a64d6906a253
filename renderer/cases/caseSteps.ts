import { STEP_NOTE_MAX } from '../../shared/contract/schemas';
import type { ValidationKey } from '../../shared/contract/validationMessages';
import type { IsoDate } from '../../shared/domain/calendar';
import { REASON_REQUIRED_STATES, type CaseState } from '../../shared/domain/caseStates';
import { DECISIONS, type Decision, type DecisionId } from '../../shared/domain/decisions';
import { stepDateProblem } from '../../shared/domain/stepRules';

/**
 * The step form as the user fills it in. The agenda and the commission's decision are not steps of
 * this form: a meeting takes them (V-77 p. 9–10).
 */
export interface StepValues {
  on: string;
  note: string;
}

export type StepErrors = Partial<Record<keyof StepValues, ValidationKey>>;

/** What the form needs to know about the case to check a step. */
export interface StepContext {
  today: IsoDate;
  /** The date of the latest step (or of the request): the new step cannot be dated earlier. */
  notBefore: IsoDate;
}

/** The step's part of `cases.transition`'s input. */
export interface StepInput {
  on: IsoDate;
  note?: string;
  /** Issue 14: the user confirmed marking the dossier received although items are missing (DOSSIER_MISSING_CONFIRM). */
  confirmMissing?: true;
}

/** A decision of the catalogue (V-77 p. 10.1–10.4) by its id. */
export function decisionOf(id: DecisionId): Decision | undefined {
  return DECISIONS.find((d) => d.id === id);
}

/** The decisions of the catalogue with these ids, in the order of V-77 p. 10. */
export function decisionsOf(ids: readonly DecisionId[]): Decision[] {
  return DECISIONS.filter((d) => ids.includes(d.id));
}

/**
 * The date of a step (a real date, not in the future, not before the previous step) and its note
 * (required where a reason is, V-77 p. 15, 16, 18).
 */
export function validateStep(values: StepValues, to: CaseState, context: StepContext): StepErrors {
  const errors: StepErrors = {};
  const dateProblem = stepDateProblem(values.on, context.today, context.notBefore);
  if (dateProblem) errors.on = dateProblem;
  const note = values.note.trim();
  if (note === '' && REASON_REQUIRED_STATES.includes(to)) errors.note = 'required';
  else if (note.length > STEP_NOTE_MAX) errors.note = 'tooLong';
  return errors;
}

/** The input to send for a valid form: the note only when given. */
export function stepInput(values: StepValues): StepInput {
  const note = values.note.trim();
  return { on: values.on.trim(), ...(note !== '' ? { note } : {}) };
}
