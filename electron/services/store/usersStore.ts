import { LowSync } from 'lowdb';
import { z } from 'zod';
import { ROLES } from '../../../shared/contract/roles';
import { DomainError } from '../../../shared/domain/errors';
import type { DataDirectory } from './dataDirectory';
import { DurableFile, type Codec } from './jsonFile';
import { storageError } from './storageErrors';

const storedUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  passwordHash: z.string(),
  mustChangePassword: z.boolean(),
  failedAttempts: z.number().int(),
  lockedUntil: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Issue 13: one more at every audited change of the account, never at sign-in bookkeeping; 1 in files from before. */
  revision: z.number().int().min(1).default(1),
});
export type StoredUser = z.infer<typeof storedUser>;

const usersFile = z.object({ users: z.array(storedUser) });

/** The users and their password hashes (users.json, through the codec like every other file). */
export class UsersStore {
  private readonly file: DurableFile;
  private users: StoredUser[];

  constructor(dir: DataDirectory, codec: Codec) {
    this.file = new DurableFile(dir.path('users.json'), codec);
    this.users = this.load();
  }

  private load(): StoredUser[] {
    let raw: unknown;
    try {
      const db = new LowSync<unknown>(this.file, null);
      db.read();
      raw = db.data;
    } catch {
      raw = undefined;
    }
    if (raw === null) return [];
    const parsed = usersFile.safeParse(raw);
    if (!parsed.success) {
      // Never start without users over an unreadable file: that would let anyone create an administrator.
      throw new DomainError('USERS_DAMAGED');
    }
    return parsed.data.users;
  }

  all(): readonly StoredUser[] {
    return this.users;
  }

  byId(id: string): StoredUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  byUsername(username: string): StoredUser | undefined {
    const key = username.trim().toLowerCase();
    return this.users.find((u) => u.username === key);
  }

  /** Write the user (new or changed) durably; the in-memory list changes only once it is on disk. */
  put(user: StoredUser): void {
    if (this.users.some((u) => u.username === user.username && u.id !== user.id)) {
      throw new DomainError('USERNAME_TAKEN', { username: user.username, fields: [{ path: 'username', key: 'usernameTaken' }] });
    }
    const next = this.users.some((u) => u.id === user.id) ? this.users.map((u) => (u.id === user.id ? user : u)) : [...this.users, user];
    try {
      new LowSync<unknown>(this.file, { users: next }).write();
    } catch (e) {
      throw storageError(e, 'userData');
    }
    this.users = next;
  }
}

/** The fields sign-in bookkeeping may change without an audit entry (the lockout itself is audited). */
const SIGN_IN_FIELDS = new Set(['failedAttempts', 'lockedUntil', 'updatedAt']);

/**
 * Write a user whose only changes are the sign-in bookkeeping (since issue 16 only the reset after
 * a good password, and only when something was left to reset: wrong passwords are counted in
 * memory, users/sessions.ts); refuses anything else, which goes through the trail.
 */
export function putSignInAttempts(store: UsersStore, user: StoredUser): void {
  const stored = store.byId(user.id);
  const keys = new Set([...Object.keys(stored ?? {}), ...Object.keys(user)]);
  const other = [...keys].filter((k) => !SIGN_IN_FIELDS.has(k) && JSON.stringify((stored as Record<string, unknown> | undefined)?.[k]) !== JSON.stringify((user as Record<string, unknown>)[k]));
  if (!stored || other.length > 0) throw new Error(`Sign-in bookkeeping may not change ${stored ? other.join(', ') : 'a user that does not exist'}`);
  store.put(user);
}
