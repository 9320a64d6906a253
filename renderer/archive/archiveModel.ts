import type { PackageInspection } from '../../shared/contract/archiveSchemas';
import { compareIso, isIsoDate, type IsoDate } from '../../shared/domain/calendar';
import { textOfError } from '../../shared/domain/errorTexts';
import type { Checked } from '../auth/authForms';
import type { FieldErrors } from '../forms/issues';
import { translate, type Lang } from '../i18n/translate';

/**
 * What the archivist's forms check before they call the back end (which checks again): the personal
 * data warning ticked, an optional package password of 8–200 characters typed twice the same
 * (archiveSchemas: `personalData`, `packagePassword`), a year, a date sent (V-77 p. 7).
 */

export const MIN_PACKAGE_PASSWORD = 8;
export const MAX_PACKAGE_PASSWORD = 200;

/** The part every export form has: the warning's checkbox and the optional password. */
export interface ProtectionValues {
  personalData: boolean;
  password: string;
  repeat: string;
}

export const emptyProtection: ProtectionValues = { personalData: false, password: '', repeat: '' };

/** What the contract takes of it: the confirmation, and the password only when one was typed. */
export interface ProtectionInput {
  personalData: true;
  password?: string;
}

/** The errors of the warning and the password fields, as dictionary keys (fieldMessage shows them). */
export function protectionErrors(v: ProtectionValues): FieldErrors {
  const errors: Record<string, string> = {};
  if (!v.personalData) errors.personalData = 'archive.personal.required';
  if (v.password !== '' || v.repeat !== '') {
    if (v.password.length < MIN_PACKAGE_PASSWORD) errors.password = 'archive.password.short';
    else if (v.password.length > MAX_PACKAGE_PASSWORD) errors.password = 'archive.password.long';
    if (v.repeat !== v.password) errors.repeat = 'archive.password.mismatch';
  }
  return errors;
}

export function protectionInput(v: ProtectionValues): ProtectionInput {
  return { personalData: true, ...(v.password !== '' ? { password: v.password } : {}) };
}

/** The case package (archive.exportCase): the protection alone. */
export function checkProtection(v: ProtectionValues): Checked<ProtectionInput> {
  const errors = protectionErrors(v);
  return { input: Object.keys(errors).length === 0 ? protectionInput(v) : null, errors };
}

export interface ClosedValues extends ProtectionValues {
  year: string;
}

/** Every case closed in a year (archive.exportClosed, less the job's id the page adds). */
export type ClosedInput = ProtectionInput & { year: number };

export function checkClosed(v: ClosedValues): Checked<ClosedInput> {
  const errors: Record<string, string> = { ...protectionErrors(v) };
  const year = /^\d{4}$/.test(v.year.trim()) ? Number(v.year.trim()) : NaN;
  if (!(year >= 2000 && year <= 2100)) errors.year = 'archive.closed.yearInvalid';
  return { input: Object.keys(errors).length === 0 ? { ...protectionInput(v), year } : null, errors };
}

export interface SendValues extends ProtectionValues {
  on: string;
}

/** The dossier sent (archive.sendDossier, less the case and its revision): dated between the latest step and today. */
export type SendInput = ProtectionInput & { on: IsoDate };

export function checkSend(v: SendValues, bounds: { today: IsoDate; notBefore: IsoDate }): Checked<SendInput> {
  const errors: Record<string, string> = { ...protectionErrors(v) };
  const on = v.on.trim();
  if (!isIsoDate(on) || compareIso(on, bounds.today) > 0 || compareIso(on, bounds.notBefore) < 0) errors.on = 'archive.case.sendOnInvalid';
  return { input: Object.keys(errors).length === 0 ? { ...protectionInput(v), on } : null, errors };
}

/**
 * A new job's id for archive.exportClosed (the contract wants 6–64 of [A-Za-z0-9_-]): from
 * getRandomValues, which every context has (randomUUID needs a secure one).
 */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `job-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

type Problem = PackageInspection['problems'][number];

/**
 * A problem a package check found, as one line: the catalogue's text made from the problem itself
 * (its path, what was expected and found); a code the catalogue does not know, with its path.
 */
export function problemText(problem: Problem, lang: Lang): string {
  const { code, ...rest } = problem;
  const params = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const text = textOfError(code, params, lang);
  if (text !== null) return text;
  const where = problem.path === undefined ? '' : ` (${problem.path})`;
  return `${translate(lang, 'archive.report.problemCode', { code })}${where}`;
}

/** What importing a checked package may do: import it, import it as a new case (its case is here), or neither. */
export function importChoices(inspection: Pick<PackageInspection, 'importable' | 'exists' | 'stageId'>): { asIs: boolean; asNew: boolean } {
  const open = inspection.importable && inspection.stageId !== undefined;
  return { asIs: open && !inspection.exists, asNew: open && inspection.exists };
}
