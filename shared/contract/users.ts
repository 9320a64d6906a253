import { z } from 'zod';
import { ROLES } from './roles';

export const role = z.enum(ROLES);

/** Sign-in names: lower-case letters, digits, dots, hyphens and underscores. */
export const username = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(64, { error: 'tooLong' })
  .regex(/^[a-z0-9._-]+$/, { error: 'username' });

export const MIN_PASSWORD_LENGTH = 10;

export const newPassword = z
  .string({ error: 'required' })
  .min(MIN_PASSWORD_LENGTH, { error: 'passwordTooShort' })
  .max(200, { error: 'tooLong' });

/** A password being checked: never trimmed or judged by length, only compared. */
export const givenPassword = z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' });

export const displayName = z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(120, { error: 'tooLong' });

/** The signed-in user as the UI knows them. */
export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** A user as the administrator sees them: never the password hash. */
export const userView = sessionUser.extend({
  active: z.boolean(),
  /** Set while the account is locked after too many wrong passwords. */
  lockedUntil: z.string().optional(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const userInput = z.object({
  username,
  displayName,
  roles: z.array(role).min(1, { error: 'rolesRequired' }),
});
