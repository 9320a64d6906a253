/**
 * The places page as pure functions (issue 14; V-77 p. 4, 12, 20): the capacity history with the
 * change in force, how long each convict on the list has waited, the names the pass-overs refer to,
 * the capacity change's form checked against the contract, and a stale refusal's changed fields.
 */
import type { z } from 'zod';
import { capacityInput, type PlacesView } from '../../shared/contract/afterDecisionSchemas';
import type { CapacityChange } from '../../shared/contract/schemas';
import { compareIso, daysBetween, isIsoDate, type IsoDate } from '../../shared/domain/calendar';
import type { Checked } from '../afterDecision/afterDecisionModel';
import { fieldErrorsFromIssues } from '../forms/issues';

export interface CapacityRow extends CapacityChange {
  /** The change in force today (the latest dated on or before today). */
  current: boolean;
  /** A change dated after today: it takes effect then. */
  future: boolean;
}

/** The dated capacity changes (V-77 p. 4), newest first, the one in force today marked. */
export function capacityHistory(changes: readonly CapacityChange[], today: IsoDate): CapacityRow[] {
  const sorted = [...changes].sort((a, b) => compareIso(b.from, a.from));
  const current = sorted.find((c) => compareIso(c.from, today) <= 0);
  return sorted.map((c) => ({ ...c, current: c === current, future: compareIso(c.from, today) > 0 }));
}

/** How many days a convict on the list has waited: since entered on it (p. 12), else since the request. */
export function waitingDays(entry: { listedOn?: IsoDate | undefined; requestDate: IsoDate }, today: IsoDate): number {
  return Math.max(0, daysBetween(entry.listedOn ?? entry.requestDate, today));
}

/** Every convict the view names, by case: for the pass-overs, which refer to cases by id. */
export function namesByCase(view: Pick<PlacesView, 'list' | 'occupied' | 'held' | 'freed'>): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of [...view.freed, ...view.occupied, ...view.held, ...view.list]) names.set(p.caseId, `${p.lastName} ${p.firstName}`);
  return names;
}

/** The p. 20 report is overdue: the back end says so; a term past today and not reported counts too. */
export function reportOverdue(freed: { reportDue: IsoDate; reportedOn?: IsoDate | undefined; overdue: boolean }, today: IsoDate): boolean {
  if (freed.reportedOn !== undefined) return false;
  return freed.overdue || compareIso(freed.reportDue, today) < 0;
}

/** A capacity change as the administrator types it. */
export interface CapacityValues {
  from: string;
  places: string;
  note: string;
}

const capacityFields = capacityInput.omit({ revision: true });
export type CapacityFields = z.output<typeof capacityFields>;

export function emptyCapacity(today: IsoDate): CapacityValues {
  return { from: today, places: '', note: '' };
}

/** The change's form: a real date (it may lie ahead: the change takes effect then), a whole number of places, a note. */
export function checkCapacity(values: CapacityValues): Checked<CapacityFields> {
  const text = values.places.trim();
  const places = text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  const parsed = capacityFields.safeParse({ from: values.from.trim(), places, note: values.note });
  const errors: Record<string, string> = parsed.success ? {} : { ...fieldErrorsFromIssues(parsed.error.issues) };
  if (places === undefined) errors.places = 'required';
  if (values.from.trim() !== '' && !isIsoDate(values.from.trim())) errors.from = 'date';
  return { input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

/** A stale refusal's changed settings paths, as the labels the places page knows (others are not named). */
export function staleCapacityFields(params: Readonly<Record<string, unknown>> | undefined): ('places' | 'history' | 'other')[] {
  const changed = params?.changed;
  if (!Array.isArray(changed)) return [];
  const out = new Set<'places' | 'history' | 'other'>();
  for (const path of changed) {
    if (typeof path !== 'string') continue;
    if (path.startsWith('institution.capacityChanges')) out.add('history');
    else if (path === 'institution.places') out.add('places');
    else out.add('other');
  }
  return [...out];
}
