import { compareIso, isIsoDate, type IsoDate } from './calendar';

/** What is wrong with the date of a step; keys of the contract's validation messages. */
export type StepDateProblem = 'required' | 'date' | 'dateInFuture' | 'dateOrder';

/**
 * A step of the procedure happens on a real date, not in the future, and not before the step it
 * follows (the terms of V-77 p. 7 and 9 run from these dates, so they must stay in order).
 */
export function stepDateProblem(on: string, today: IsoDate, notBefore: IsoDate): StepDateProblem | undefined {
  if (on.trim() === '') return 'required';
  if (!isIsoDate(on)) return 'date';
  if (compareIso(on, today) > 0) return 'dateInFuture';
  if (compareIso(on, notBefore) < 0) return 'dateOrder';
  return undefined;
}

/** A request is registered when it has been filed: its date cannot be later than today (V-77 p. 5). */
export function requestDateInFuture(requestDate: IsoDate, today: IsoDate): boolean {
  return isIsoDate(requestDate) && compareIso(requestDate, today) > 0;
}
