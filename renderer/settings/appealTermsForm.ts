import { appealTerm, type AppealTerm, type Settings } from '../../shared/contract/schemas';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';

/**
 * Issue 14: the appeals' terms as the settings form edits them (V-77 p. 50–51; a legal parameter,
 * never guessed): for each body, a number of calendar days or months from the act's date, and the
 * provision that sets it. A term left empty is "not set": the case page then says so.
 */
export const APPEAL_BODIES = ['department', 'court'] as const;
export type AppealBody = (typeof APPEAL_BODIES)[number];

/** The form's own problem keys (labels of the dictionary, see fieldMessage). */
export const APPEAL_DAYS_INVALID = 'settings.appeal.daysInvalid';
export const APPEAL_MONTHS_INVALID = 'settings.appeal.monthsInvalid';

export interface AppealTermValues {
  amount: string;
  unit: 'days' | 'months';
  citation: string;
}

export type AppealTermsValues = Record<AppealBody, AppealTermValues>;

function termValues(term: AppealTerm | undefined): AppealTermValues {
  if (term?.months !== undefined) return { amount: String(term.months), unit: 'months', citation: term.citation };
  if (term?.days !== undefined) return { amount: String(term.days), unit: 'days', citation: term.citation };
  return { amount: '', unit: 'days', citation: term?.citation ?? '' };
}

/**
 * The administrative court's term when the settings set none (ABTĮ 29 str. 1 d.: one month), as the
 * back end applies it (electron/services/cases/appeals.ts DEFAULT_APPEAL_TERMS): the form shows it,
 * so that saving the other term does not lose it. The Prison Department's term has no default.
 */
export const DEFAULT_COURT_TERM: AppealTerm = { months: 1, citation: 'ABTĮ 29 str. 1 d.' };

export function appealTermsValues(settings: Pick<Settings, 'appealTerms'> | null): AppealTermsValues {
  const terms = settings?.appealTerms;
  return { department: termValues(terms?.department), court: termValues(terms ? terms.court : DEFAULT_COURT_TERM) };
}

function termOf(values: AppealTermValues): unknown {
  const text = values.amount.trim();
  const amount = text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return { ...(amount === undefined ? {} : values.unit === 'months' ? { months: amount } : { days: amount }), citation: values.citation };
}

export interface AppealTermsChecked {
  /** What to save in `appealTerms` (absent when nothing is set), or null while a field is wrong. */
  appealTerms: { department: AppealTerm; court: AppealTerm } | undefined | null;
  /** Problems by path: 'appealTerms.department.amount', 'appealTerms.court.citation'. */
  errors: FieldErrors;
}

/** The terms to save: each checked by the contract (days 1–365, months 1–24, a citation up to 300 characters). */
export function appealTermsToSave(values: AppealTermsValues): AppealTermsChecked {
  const errors: Record<string, string> = {};
  const out: Partial<Record<AppealBody, AppealTerm>> = {};
  for (const body of APPEAL_BODIES) {
    const parsed = appealTerm.safeParse(termOf(values[body]));
    if (parsed.success) {
      out[body] = parsed.data;
      continue;
    }
    for (const [path, key] of Object.entries(fieldErrorsFromIssues(parsed.error.issues))) {
      // The number's range has no message key of its own in the contract: the form names it.
      if (path === 'days' || path === 'months') errors[`appealTerms.${body}.amount`] ??= values[body].unit === 'months' ? APPEAL_MONTHS_INVALID : APPEAL_DAYS_INVALID;
      else errors[`appealTerms.${body}.${path}`] ??= key;
    }
  }
  if (Object.keys(errors).length > 0) return { appealTerms: null, errors };
  const { department, court } = out as Record<AppealBody, AppealTerm>;
  // Nothing but the defaults: nothing to save (the back end applies the same).
  const unset = department.days === undefined && department.months === undefined && department.citation === '';
  const courtDefault = court.days === undefined && court.months === DEFAULT_COURT_TERM.months && court.citation === DEFAULT_COURT_TERM.citation;
  return { appealTerms: unset && courtDefault ? undefined : { department, court }, errors };
}
