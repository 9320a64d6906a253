import { z } from 'zod';
import { oneLine, raw, secret, text } from './fieldSchemas';
import { ROLES } from './roles';

export const role = z.enum(ROLES);

/** Sign-in names: lower-case letters, digits, dots, hyphens and underscores. */
export const username = oneLine(z.string({ error: 'required' }).trim())
  .min(1, { error: 'required' })
  .max(64, { error: 'tooLong' })
  .regex(/^[a-z0-9._-]+$/, { error: 'username' });

export const MIN_PASSWORD_LENGTH = 10;

/**
 * A password being set: never trimmed or normalised (the hash takes its NFC form, passwords.ts), but
 * refused with an invisible character or a line break, which no one could type again at sign-in.
 */
export const newPassword = secret(z.string({ error: 'required' }))
  .min(MIN_PASSWORD_LENGTH, { error: 'passwordTooShort' })
  .max(200, { error: 'tooLong' });

/**
 * A password being checked: never trimmed or judged by length, only compared, and taken as given: a
 * password set before issue 16 refused invisible characters must still sign its user in.
 */
export const givenPassword = raw(z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' }), 'a password compared with the one set');

/** The name shown for a user: one line of visible text. */
export const displayName = text(120);

/** The name given at sign-in: one line, as the account's name is (an unknown one answers as a wrong password). */
export const loginName = oneLine(z.string({ error: 'required' }).trim()).min(1, { error: 'required' }).max(64, { error: 'tooLong' });

/** The signed-in user as the UI knows them. */
export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

/**
 * Issue 13: a user's revision, one more at every change of the account (name, roles, state,
 * password), never at the sign-in bookkeeping (wrong passwords, lockout). An administrator's
 * change says which revision it was based on and is refused with STALE_REVISION when stale.
 */
export const userRevision = z.number().int().min(1);

/** A user as the administrator sees them: never the password hash. */
export const userView = sessionUser.extend({
  active: z.boolean(),
  /** Set while the account is locked after too many wrong passwords. */
  lockedUntil: z.string().optional(),
  createdAt: z.string(),
  revision: userRevision,
});
export type UserView = z.infer<typeof userView>;

/** What a change of a user may touch, as compared for STALE_REVISION's list of changed fields. */
export interface UserFields {
  displayName: string;
  roles: readonly string[];
  active: boolean;
  mustChangePassword: boolean;
  /** The password hash: known to the back end only (the UI compares the other fields). */
  passwordHash?: string;
}

/**
 * The fields in which two versions of a user differ: 'displayName', 'roles', 'active',
 * 'mustChangePassword', and 'password' when the password was changed or reset.
 */
export function userChanges(before: UserFields, after: UserFields): string[] {
  const changed: string[] = [];
  if (before.displayName !== after.displayName) changed.push('displayName');
  if ([...before.roles].sort().join() !== [...after.roles].sort().join()) changed.push('roles');
  if (before.active !== after.active) changed.push('active');
  if (before.passwordHash !== after.passwordHash) changed.push('password');
  if (before.mustChangePassword !== after.mustChangePassword) changed.push('mustChangePassword');
  return changed;
}

export const userInput = z.object({
  username,
  displayName,
  roles: z.array(role).min(1, { error: 'rolesRequired' }),
});
