import { z } from 'zod';
import { contract } from '../../shared/contract/methods';
import type { Role } from '../../shared/contract/roles';
import { validationMessage } from '../../shared/contract/validationMessages';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';
import type { MessageKey } from '../i18n/messages';
import { MESSAGES, translate, type Lang } from '../i18n/translate';

/** The one check the contract cannot make: a new password typed twice the same. */
export const PASSWORD_MISMATCH = 'passwordMismatch';

/**
 * A field error's text: a VALIDATION_MESSAGES key, the mismatch of the repeated password, or a
 * check only the UI makes, named by its label in the dictionary (e.g. 'after.v.checksAll').
 */
export function fieldMessage(key: string, lang: Lang): string {
  if (key === PASSWORD_MISMATCH) return translate(lang, 'auth.passwordMismatch');
  if (key.includes('.') && Object.prototype.hasOwnProperty.call(MESSAGES.lt, key)) return translate(lang, key as MessageKey);
  return validationMessage(key, lang);
}

export interface Checked<T> {
  /** What to send, when every field is valid. */
  input: T | null;
  errors: FieldErrors;
}

function check<S extends z.ZodType>(schema: S, value: unknown, extra: FieldErrors = {}): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  const errors = { ...extra, ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)) };
  return { input: parsed.success && Object.keys(extra).length === 0 ? parsed.data : null, errors };
}

/** The repetition of a new password: refused only when the first one is typed and they differ. */
function repeated(field: string, password: string, repeat: string): FieldErrors {
  return password !== '' && repeat !== password ? { [field]: PASSWORD_MISMATCH } : {};
}

export interface AdministratorValues {
  username: string;
  displayName: string;
  password: string;
  repeat: string;
}

export function checkAdministrator(v: AdministratorValues): Checked<z.output<(typeof contract)['auth.createAdministrator']['input']>> {
  return check(contract['auth.createAdministrator'].input, { username: v.username, displayName: v.displayName, password: v.password }, repeated('repeat', v.password, v.repeat));
}

export interface SignInValues {
  username: string;
  password: string;
}

export function checkSignIn(v: SignInValues): Checked<z.output<(typeof contract)['auth.login']['input']>> {
  return check(contract['auth.login'].input, v);
}

export interface PasswordChangeValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function checkPasswordChange(v: PasswordChangeValues): Checked<z.output<(typeof contract)['auth.changePassword']['input']>> {
  return check(
    contract['auth.changePassword'].input,
    { currentPassword: v.currentPassword, newPassword: v.newPassword },
    repeated('repeat', v.newPassword, v.repeat),
  );
}

export interface NewUserValues {
  username: string;
  displayName: string;
  roles: readonly Role[];
  password: string;
}

export function checkNewUser(v: NewUserValues): Checked<z.output<(typeof contract)['users.create']['input']>> {
  return check(contract['users.create'].input, { ...v, roles: [...v.roles] });
}

export interface UserEditValues {
  displayName: string;
  roles: readonly Role[];
  active: boolean;
}

/** `revision`: the user's revision the form was loaded at (issue 13: a stale change is refused). */
export function checkUserEdit(id: string, revision: number, v: UserEditValues): Checked<z.output<(typeof contract)['users.update']['input']>> {
  return check(contract['users.update'].input, { id, revision, ...v, roles: [...v.roles] });
}

export function checkPasswordReset(id: string, revision: number, password: string): Checked<z.output<(typeof contract)['users.resetPassword']['input']>> {
  return check(contract['users.resetPassword'].input, { id, revision, password });
}

/** Roles with `role` added or taken away, in the order of ROLES. */
export function withRole(roles: readonly Role[], role: Role, held: boolean, order: readonly Role[]): Role[] {
  return order.filter((r) => (r === role ? held : roles.includes(r)));
}

export function checkUnlock(v: { password: string }): Checked<z.output<(typeof contract)['auth.unlock']['input']>> {
  return check(contract['auth.unlock'].input, v);
}
