import { compareIso, isIsoDate, type IsoDate } from '../../shared/domain/calendar';
import { REASON_REQUIRED_STATES, type CaseState } from '../../shared/domain/caseStates';

export interface StepValues {
  on: string;
  note: string;
}

const NOTE_MAX = 2000;

/** The date of a step (a real date, not in the future) and its note (required where a reason is). */
export function validateStep(values: StepValues, to: CaseState, today: IsoDate): Partial<Record<keyof StepValues, string>> {
  const errors: Partial<Record<keyof StepValues, string>> = {};
  if (values.on.trim() === '') errors.on = 'required';
  else if (!isIsoDate(values.on)) errors.on = 'date';
  else if (compareIso(values.on, today) > 0) errors.on = 'dateInFuture';
  const note = values.note.trim();
  if (note === '' && REASON_REQUIRED_STATES.includes(to)) errors.note = 'required';
  else if (note.length > NOTE_MAX) errors.note = 'tooLong';
  return errors;
}
