import { userChanges, type UserView } from '../../shared/contract/users';
import type { ApiError } from '../api/client';
import type { MessageKey } from '../i18n/messages';
import type { Translate } from '../i18n/translate';

/**
 * Issue 13: a save refused because someone else saved the record first. The form keeps what the
 * user typed; `changed` names (as labels) what the other user changed since the version the form
 * was based on; `latest` is that record now, which the user may load.
 */
export interface Stale<T> {
  latest: T;
  changed: readonly string[];
}

export function isStaleRevision(error: ApiError): boolean {
  return error.code === 'STALE_REVISION';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The form's values moved onto the latest version: a field the other user changed takes their
 * value; a field only this user changed keeps what they typed. Compared field by field (a list
 * counts as one field).
 */
export function rebase<T extends object>(mine: T, base: T, latest: T): T {
  const out = { ...latest };
  for (const key of Object.keys(mine) as (keyof T)[]) {
    if (!same(mine[key], base[key]) && same(latest[key], base[key])) out[key] = mine[key];
  }
  return out;
}

const USER_LABELS: Readonly<Record<string, MessageKey>> = {
  displayName: 'auth.displayName',
  roles: 'users.roles',
  active: 'users.active',
  password: 'stale.field.password',
  mustChangePassword: 'stale.field.password',
};

/** What another administrator (or the user) changed of a user, as the fields' labels. */
export function userChangeLabels(base: UserView, latest: UserView, t: Translate): string[] {
  return [...new Set(userChanges(base, latest).map((path) => (USER_LABELS[path] ? t(USER_LABELS[path]) : path)))];
}
