import { randomUUID } from 'node:crypto';
import { ROLE_LABELS, type Role } from '../../../shared/contract/roles';
import { userChanges, type UserFields, type UserView } from '../../../shared/contract/users';
import { DomainError } from '../../../shared/domain/errors';
import type { Call, ServiceContext, ServiceHandlers } from '../context';
import type { StoredUser } from '../store/usersStore';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from './passwords';
import { toSessionUser } from './sessions';

type UserHandlers = Pick<
  ServiceHandlers,
  | 'auth.status'
  | 'auth.createAdministrator'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.unlock'
  | 'auth.touch'
  | 'auth.lock'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
>;

/** After this many wrong passwords in a row the account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

function toView(u: StoredUser, now: number): UserView {
  const locked = u.lockedUntil !== undefined && Date.parse(u.lockedUntil) > now;
  return { ...toSessionUser(u), active: u.active, createdAt: u.createdAt, revision: u.revision, ...(locked ? { lockedUntil: u.lockedUntil } : {}) };
}

/** How many versions of users are kept in memory to tell a stale change what changed since. */
const VERSIONS_KEPT = 1000;

/** Issue 13: the user was changed since the version an administrator's change was based on. */
function staleUser(id: string, revision: number, changed: string[]): DomainError {
  return new DomainError('STALE_REVISION', { kind: 'user', id, revision, changed });
}

function fieldsOf(u: StoredUser): UserFields {
  return { displayName: u.displayName, roles: u.roles, active: u.active, mustChangePassword: u.mustChangePassword, passwordHash: u.passwordHash };
}

/**
 * What the audit trail digests of a user: who they are, their roles, password hash and state. The
 * sign-in counters (failed attempts, lockout) change at every attempt and are left out, so the
 * digests of consecutive entries chain; a lockout gets an entry of its own.
 */
function audited(u: StoredUser) {
  // The revision only counts the changes the trail itself numbers.
  const { failedAttempts: _count, lockedUntil: _until, updatedAt: _at, revision: _revision, ...identity } = u;
  return identity;
}

function wrongCredentials(left?: number): DomainError {
  return new DomainError('WRONG_CREDENTIALS', left === undefined ? {} : { attemptsLeft: left });
}

function accountLocked(until: string): DomainError {
  // The back end runs on the user's computer (or beside the browser on it): its local time is theirs.
  const at = new Date(until);
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return new DomainError('ACCOUNT_LOCKED', { lockedUntil: until, time, after: MAX_FAILED_ATTEMPTS });
}

function rolesText(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r].lt.toLowerCase()).join(', ');
}

export function usersHandlers(ctx: ServiceContext): UserHandlers {
  const now = () => ctx.now().getTime();
  const stamp = () => ctx.now().toISOString();

  const mustFind = (id: string): StoredUser => {
    const user = ctx.users.byId(id);
    if (!user) throw new DomainError('USER_NOT_FOUND', { id });
    return user;
  };

  /** The user as stored now (another call may have changed it while this one waited for a hash). */
  const fresh = (id: string): StoredUser => mustFind(id);

  /**
   * The versions of each user an administrator may have loaded (users.list and every change since;
   * only this process writes the data directory and no session outlives it), by id and revision.
   */
  const versions = new Map<string, UserFields>();
  const remember = (u: StoredUser) => {
    const key = `${u.revision}:${u.id}`;
    if (!versions.has(key)) versions.set(key, fieldsOf(u));
    if (versions.size > VERSIONS_KEPT) versions.delete(versions.keys().next().value!);
  };
  /** Store a changed user through the trail, one revision on. */
  const putChanged = (call: Call, before: StoredUser, after: StoredUser, summary: string): StoredUser => {
    const changed = { ...after, revision: before.revision + 1 };
    call.record({ kind: 'user', id: before.id }, audited(before), audited(changed), summary, (stores) => stores.users.put(changed));
    remember(changed);
    return changed;
  };
  /**
   * The user as stored, refused when it is no longer the revision the change was based on. `given`
   * is what the administrator sent, compared instead when that version is no longer kept.
   */
  const unchangedSince = (id: string, revision: number, given?: Partial<UserFields>): StoredUser => {
    const user = fresh(id);
    remember(user);
    if (user.revision !== revision) {
      const base = versions.get(`${revision}:${id}`) ?? { ...fieldsOf(user), ...given };
      throw staleUser(id, user.revision, userChanges(base, fieldsOf(user)));
    }
    return user;
  };

  const lockedNow = (u: StoredUser) => u.lockedUntil !== undefined && Date.parse(u.lockedUntil) > now();

  /** Lock the account (MAX_FAILED_ATTEMPTS reached), sign it out everywhere, record it. */
  const lockAccount = (u: StoredUser, call: Call): never => {
    const lockedUntil = new Date(now() + LOCKOUT_MINUTES * 60_000).toISOString();
    const locked = { ...u, failedAttempts: 0, lockedUntil, updatedAt: stamp() };
    const summary = `Paskyra užrakinta iki ${lockedUntil} po ${MAX_FAILED_ATTEMPTS} neteisingų slaptažodžių`;
    call.record({ kind: 'user', id: u.id }, audited(u), audited(locked), summary, (stores) => stores.users.put(locked));
    ctx.sessions.endAllOf(u.id);
    throw accountLocked(lockedUntil);
  };

  /**
   * Check a password, counting failures: the MAX_FAILED_ATTEMPTS-th wrong one in a row locks the
   * account for LOCKOUT_MINUTES. The attempt is counted before the (slow) check, so guesses sent
   * all at once cannot outrun the count. Throws on failure; returns the user as stored after it.
   */
  const checkPassword = async (id: string, password: string, call: Call, options: { sayAttemptsLeft: boolean }): Promise<StoredUser> => {
    const before = fresh(id);
    if (lockedNow(before)) {
      await verifyPassword(password, UNMATCHABLE_HASH); // as long as a real check
      throw accountLocked(before.lockedUntil!);
    }
    if (before.failedAttempts >= MAX_FAILED_ATTEMPTS) lockAccount(before, call);
    ctx.signInAttempts.put({ ...before, failedAttempts: before.failedAttempts + 1, updatedAt: stamp() });
    const matches = await verifyPassword(password, before.passwordHash);
    const after = fresh(id);
    // An administrator set a new password while this one was checked: the one given is no longer it.
    if (matches && after.passwordHash !== before.passwordHash) throw wrongCredentials();
    if (matches) {
      if (lockedNow(after)) throw accountLocked(after.lockedUntil!); // locked by guesses sent alongside
      const { lockedUntil: _gone, ...rest } = after;
      const reset = { ...rest, failedAttempts: 0, updatedAt: stamp() };
      ctx.signInAttempts.put(reset);
      return reset;
    }
    if (after.failedAttempts >= MAX_FAILED_ATTEMPTS) lockAccount(after, call);
    throw wrongCredentials(options.sayAttemptsLeft ? MAX_FAILED_ATTEMPTS - after.failedAttempts : undefined);
  };

  const usernameFree = (username: string) => {
    if (ctx.users.byUsername(username)) {
      throw new DomainError('USERNAME_TAKEN', { username, fields: [{ path: 'username', key: 'usernameTaken' }] });
    }
  };

  /** A new user, not yet stored; the caller checks the name is free just before storing it. */
  const newUser = async (input: { username: string; displayName: string; roles: Role[]; password: string }, mustChange: boolean): Promise<StoredUser> => {
    const passwordHash = await hashPassword(input.password);
    const at = stamp();
    return {
      id: randomUUID(),
      username: input.username.toLowerCase(),
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      active: true,
      passwordHash,
      mustChangePassword: mustChange,
      failedAttempts: 0,
      createdAt: at,
      updatedAt: at,
      revision: 1,
    };
  };

  /**
   * Nothing has ever been set up here: no users, no settings, no cases, no audit entry. Only then may
   * a first administrator be created, so that deleting users.json opens no door.
   */
  const pristine = (): boolean => {
    if (ctx.users.all().length > 0 || ctx.cases.list().length > 0 || ctx.audit.list({ limit: 1 }).length > 0) return false;
    try {
      return ctx.settings.get() === null;
    } catch {
      return false;
    }
  };

  const activeAdministrators = () => ctx.users.all().filter((u) => u.active && u.roles.includes('administrator'));

  return {
    'auth.status': async (_input, caller) => ({
      setUp: !pristine(),
      user: caller.user,
      locked: ctx.sessions.isLocked(caller.session),
      idleMinutes: ctx.idleMinutes(),
    }),

    'auth.createAdministrator': async (input, caller) => {
      const user = await newUser({ ...input, roles: ['administrator'] }, false);
      if (!pristine()) {
        // Checked after the hash: two first-run calls at once cannot both pass.
        throw ctx.users.all().length > 0
          ? new DomainError('ALREADY_SET_UP')
          : new DomainError('USERS_MISSING');
      }
      caller.record({ kind: 'user', id: user.id }, undefined, audited(user), 'Sukurtas pirmasis administratorius', (stores) => stores.users.put(user));
      return { session: ctx.sessions.start(user.id), user: toSessionUser(user) };
    },

    'auth.login': async ({ username, password }, caller) => {
      const user = ctx.users.byUsername(username);
      if (!user || !user.active) {
        await verifyPassword(password, UNMATCHABLE_HASH); // as long as a real check
        throw wrongCredentials();
      }
      // The same answer for a wrong password as for an unknown name: no attempts left are told here.
      const checked = await checkPassword(user.id, password, caller, { sayAttemptsLeft: false });
      if (!checked.active) throw wrongCredentials(); // deactivated while the password was checked
      return { session: ctx.sessions.start(checked.id), user: toSessionUser(checked) };
    },

    'auth.logout': async (_input, caller) => {
      ctx.sessions.end(caller.session);
      if (caller.session) ctx.staging.discardAllOf(caller.session); // files awaiting review leave with the user
      return {};
    },

    'auth.unlock': async ({ password }, caller) => {
      const user = await checkPassword(caller.user!.id, password, caller, { sayAttemptsLeft: true });
      ctx.sessions.unlock(caller.session!);
      return toSessionUser(user);
    },

    'auth.lock': async (_input, caller) => {
      ctx.sessions.lock(caller.session!);
      return {};
    },

    // The guard has already counted the call as activity.
    'auth.touch': async () => ({}),

    'auth.changePassword': async ({ currentPassword, newPassword }, caller) => {
      if (currentPassword === newPassword) {
        throw new DomainError('PASSWORD_UNCHANGED', { fields: [{ path: 'newPassword', key: 'passwordUnchanged' }] });
      }
      const id = caller.user!.id;
      const checked = await checkPassword(id, currentPassword, caller, { sayAttemptsLeft: true });
      const passwordHash = await hashPassword(newPassword);
      const user = fresh(id);
      // Reset by an administrator (or deactivated) while the new password was hashed: theirs stands.
      if (user.passwordHash !== checked.passwordHash || !user.active) throw wrongCredentials();
      // The user's own change needs no revision; it moves the revision on, so an administrator's stale form is told.
      const changed = putChanged(caller, user, { ...user, passwordHash, mustChangePassword: false, updatedAt: stamp() }, 'Naudotojas pasikeitė slaptažodį');
      // Whoever may have known the old password is signed out; this session goes on (and is unlocked).
      ctx.sessions.endAllOf(id, caller.session);
      ctx.sessions.unlock(caller.session!);
      return toSessionUser(changed);
    },

    'users.list': async () =>
      ctx.users.all().map((u) => {
        remember(u);
        return toView(u, now());
      }),

    'users.create': async (input, caller) => {
      const user = await newUser(input, true);
      usernameFree(user.username);
      caller.record({ kind: 'user', id: user.id }, undefined, audited(user), `Sukurtas naudotojas, vaidmenys: ${rolesText(user.roles)}`, (stores) => stores.users.put(user));
      remember(user);
      return toView(user, now());
    },

    'users.update': async ({ id, revision, displayName, roles, active }, caller) => {
      const user = unchangedSince(id, revision, { displayName, roles, active });
      const staysAdministrator = active && roles.includes('administrator');
      if (!staysAdministrator && activeAdministrators().every((a) => a.id === id)) {
        throw new DomainError('LAST_ADMINISTRATOR');
      }
      if (!active && id === caller.user!.id) {
        throw new DomainError('SELF_DEACTIVATION');
      }
      const kept = [...new Set(roles)];
      const changed = putChanged(caller, user, { ...user, displayName, roles: kept, active, updatedAt: stamp() }, `Vaidmenys: ${rolesText(kept)}; ${active ? 'aktyvus' : 'išjungtas'}`);
      if (!active) ctx.sessions.endAllOf(id);
      return toView(changed, now());
    },

    'users.resetPassword': async ({ id, revision, password }, caller) => {
      unchangedSince(id, revision);
      const passwordHash = await hashPassword(password);
      const before = unchangedSince(id, revision); // again: the account may have changed while the hash was made
      const { lockedUntil: _gone, ...user } = before;
      const reset = putChanged(caller, before, { ...user, passwordHash, mustChangePassword: true, failedAttempts: 0, updatedAt: stamp() }, 'Administratorius nustatė naują slaptažodį; naudotojas turės jį pakeisti');
      ctx.sessions.endAllOf(id);
      return toView(reset, now());
    },
  };
}
