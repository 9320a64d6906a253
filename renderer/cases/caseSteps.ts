import { compareIso, isIsoDate, type IsoDate } from '../../shared/domain/calendar';
import type { CaseState } from '../../shared/domain/caseStates';

/**
 * Steps that end or refuse a request need a written reason (V-77 p. 15, 16, 18). The back end
 * refuses such a step without one (electron/services/cases/app.ts); the form asks for it up front.
 */
export const REASON_REQUIRED: readonly CaseState[] = ['refused', 'ineligible', 'returned', 'withdrawn'];

/** The request's data may be corrected until the commission has decided (as the back end allows). */
export const REQUEST_EDITABLE: readonly CaseState[] = [
  'request_received',
  'dossier_collecting',
  'dossier_received',
  'ready_for_commission',
  'scheduled',
];

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
  if (note === '' && REASON_REQUIRED.includes(to)) errors.note = 'required';
  else if (note.length > NOTE_MAX) errors.note = 'tooLong';
  return errors;
}
