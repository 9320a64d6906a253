import { randomUUID } from 'node:crypto';
import { ROLE_LABELS, type Role } from '../../../shared/contract/roles';
import { userChanges, type UserFields, type UserView } from '../../../shared/contract/users';
import { DomainError } from '../../../shared/domain/errors';
import type { Call, ServiceContext, ServiceHandlers } from '../context';
import type { StoredUser } from '../store/usersStore';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from './passwords';
import { toSessionUser, type AttemptPlace } from './sessions';
import { diskFullNow } from '../store/storageErrors';

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

/**
 * After this many wrong passwords in a row the place they were typed at is locked for
 * LOCKOUT_MINUTES: the sign-in screen for that user name (an existing one or not), or the session.
 */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

/** `lockedUntil`: when the account's sign-in lockout ends, as stored or held in memory (issue 16); absent when open. */
function toView(u: StoredUser, lockedUntil: string | undefined): UserView {
  return { ...toSessionUser(u), active: u.active, createdAt: u.createdAt, revision: u.revision, ...(lockedUntil !== undefined ? { lockedUntil } : {}) };
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

  /**
   * Issue 16: the sign-in bookkeeping is written only when it changed, never in the way of an
   * answer: a write that fails (a full disk, a directory opened read-only) is logged once, without
   * personal data, and the places in memory hold the count and the lockout for this process (the
   * safe side). It is logged again only after a write has succeeded meanwhile.
   */
  let bookkeepingFailing = false;
  const bookkeeping = (what: string, write: () => void): void => {
    try {
      if (diskFullNow(ctx.dir)) throw new DomainError('DISK_FULL', { subject: 'userData' });
      write();
      bookkeepingFailing = false;
    } catch (e) {
      if (!bookkeepingFailing) {
        const code = e instanceof DomainError ? e.code : ((e as NodeJS.ErrnoException)?.code ?? 'INTERNAL');
        console.error(`Sign-in bookkeeping (${what}) was not written (${code}); it holds in memory until the app is closed.`);
      }
      bookkeepingFailing = true;
    }
  };

  const accountPlace = (u: StoredUser) => {
    const until = u.lockedUntil === undefined ? undefined : Date.parse(u.lockedUntil);
    return ctx.sessions.attempts.of(`account:${u.id}`, { failed: u.failedAttempts, ...(until !== undefined && until > now() ? { lockedUntil: until } : {}) });
  };

  /** When the account's sign-in lockout ends (ISO), as stored or as held in memory when the disk refused it. */
  const lockedUntilOf = (u: StoredUser): string | undefined => {
    const stored = u.lockedUntil !== undefined && Date.parse(u.lockedUntil) > now() ? Date.parse(u.lockedUntil) : 0;
    const held = ctx.sessions.attempts.peek(`account:${u.id}`)?.lockedUntil ?? 0;
    const until = Math.max(stored, held);
    return until > now() ? new Date(until).toISOString() : undefined;
  };

  /**
   * Write an account's lockout (audited) after the answer has gone: neither its time nor its failure
   * shows in the answer, which is the same as for a name nobody has. The place in memory already
   * holds it; a directory closed meanwhile gets nothing written.
   */
  const persistLockout = (id: string, lockedUntil: string, call: Call) => {
    setImmediate(() => {
      if ((ctx.dir as { held?: boolean }).held === false) return;
      const u = ctx.users.byId(id);
      if (!u || ctx.sessions.attempts.peek(`account:${id}`)?.lockedUntil !== Date.parse(lockedUntil)) return; // lifted meanwhile
      const locked = { ...u, failedAttempts: 0, lockedUntil, updatedAt: stamp() };
      const summary = `Paskyra užrakinta iki ${lockedUntil} po ${MAX_FAILED_ATTEMPTS} neteisingų slaptažodžių`;
      // Quiet: an event would tell an event stream opened without a session that this name exists.
      bookkeeping('the lockout', () => call.record({ kind: 'user', id, quiet: true }, audited(u), audited(locked), summary, (stores) => stores.users.put(locked)));
    });
  };

  /** Lock a place for LOCKOUT_MINUTES; `then` tells the account (written, sessions ended) when it is one. */
  const lockPlace = (place: AttemptPlace, then?: (until: string) => void): DomainError => {
    const until = now() + LOCKOUT_MINUTES * 60_000;
    place.failed = 0;
    place.lockedUntil = until;
    const iso = new Date(until).toISOString();
    then?.(iso);
    return accountLocked(iso);
  };

  /**
   * Issue 16: one password typed at a place, checked against `hash` (a name nobody has is checked
   * against a hash no password matches, so every path costs one hash and answers alike). Refused
   * while the place is locked; the attempt is counted before the (slow) check, so guesses sent all
   * at once cannot outrun the count; the MAX_FAILED_ATTEMPTS-th wrong one in a row locks the place
   * for LOCKOUT_MINUTES (`onLock`). Throws ACCOUNT_LOCKED or `wrong()`; returns when it matched.
   */
  const tryPassword = async (
    place: AttemptPlace,
    password: string,
    hash: string,
    onLock: ((until: string) => void) | undefined,
    wrong: (failed: number) => DomainError,
  ): Promise<void> => {
    if (place.lockedUntil !== undefined && place.lockedUntil <= now()) delete place.lockedUntil;
    if (place.lockedUntil === undefined && place.failed + place.inFlight >= MAX_FAILED_ATTEMPTS) lockPlace(place, onLock);
    if (place.lockedUntil !== undefined) {
      const until = new Date(place.lockedUntil).toISOString();
      await verifyPassword(password, UNMATCHABLE_HASH); // as long as a real check
      throw accountLocked(until);
    }
    place.inFlight++;
    let matches: boolean;
    try {
      matches = await verifyPassword(password, hash);
    } finally {
      place.inFlight--;
    }
    if (place.lockedUntil !== undefined && place.lockedUntil > now()) throw accountLocked(new Date(place.lockedUntil).toISOString()); // locked by guesses sent alongside
    if (matches) {
      place.failed = 0;
      return;
    }
    place.failed++;
    if (place.failed >= MAX_FAILED_ATTEMPTS) throw lockPlace(place, onLock);
    throw wrong(place.failed);
  };

  /**
   * Sign in with a user name and a password. A name nobody has (or a deactivated account) has a
   * place of its own, counted and locked exactly as an account's, so that neither the answer nor
   * its time tells whether the name exists.
   */
  const signIn = async (username: string, password: string, call: Call): Promise<StoredUser> => {
    const user = ctx.users.byUsername(username);
    const wrong = () => wrongCredentials();
    if (!user || !user.active) {
      await tryPassword(ctx.sessions.attempts.of(`name:${username.trim().toLowerCase()}`), password, UNMATCHABLE_HASH, undefined, wrong);
      throw wrong(); // not reached: no password matches that hash
    }
    const place = accountPlace(user);
    // A lockout here holds the sign-in screen only: the user's open sessions go on (someone guessing
    // at the sign-in screen cannot throw them out of their work).
    await tryPassword(place, password, user.passwordHash, (until) => persistLockout(user.id, until, call), wrong);
    const after = fresh(user.id);
    // An administrator set a new password (or deactivated the account) while this one was checked.
    if (after.passwordHash !== user.passwordHash || !after.active) throw wrongCredentials();
    if (after.failedAttempts !== 0 || after.lockedUntil !== undefined) {
      // Only what changed is written, and a full disk does not keep the user out.
      const { lockedUntil: _gone, ...rest } = after;
      bookkeeping('the reset after signing in', () => ctx.signInAttempts.put({ ...rest, failedAttempts: 0, updatedAt: stamp() }));
    }
    return fresh(user.id);
  };

  /**
   * Check the password of a signed-in user (unlocking the session, changing the password), counted
   * at the session's own place: attempts left are told there. The limit reached there locks the
   * account as well and signs the user out everywhere (someone is guessing at their session).
   */
  const checkSessionPassword = async (session: string, id: string, password: string, call: Call): Promise<StoredUser> => {
    const before = fresh(id);
    const lockAccount = (until: string) => {
      const account = accountPlace(before);
      account.failed = 0;
      account.lockedUntil = Date.parse(until);
      ctx.sessions.endAllOf(id);
      persistLockout(id, until, call);
    };
    await tryPassword(ctx.sessions.attempts.of(`session:${session}`), password, before.passwordHash, lockAccount, (failed) => wrongCredentials(MAX_FAILED_ATTEMPTS - failed));
    const after = fresh(id);
    // An administrator set a new password while this one was checked: the one given is no longer it.
    if (after.passwordHash !== before.passwordHash) throw wrongCredentials();
    return after;
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
      // The same answer for a wrong password as for an unknown name: no attempts left are told here.
      const checked = await signIn(username, password, caller);
      return { session: ctx.sessions.start(checked.id), user: toSessionUser(checked) };
    },

    'auth.logout': async (_input, caller) => {
      ctx.sessions.end(caller.session);
      if (caller.session) ctx.staging.discardAllOf(caller.session); // files awaiting review leave with the user
      return {};
    },

    'auth.unlock': async ({ password }, caller) => {
      const user = await checkSessionPassword(caller.session!, caller.user!.id, password, caller);
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
      const checked = await checkSessionPassword(caller.session!, id, currentPassword, caller);
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
        return toView(u, lockedUntilOf(u));
      }),

    'users.create': async (input, caller) => {
      const user = await newUser(input, true);
      usernameFree(user.username);
      caller.record({ kind: 'user', id: user.id }, undefined, audited(user), `Sukurtas naudotojas, vaidmenys: ${rolesText(user.roles)}`, (stores) => stores.users.put(user));
      remember(user);
      return toView(user, undefined);
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
      return toView(changed, lockedUntilOf(changed));
    },

    'users.resetPassword': async ({ id, revision, password }, caller) => {
      unchangedSince(id, revision);
      const passwordHash = await hashPassword(password);
      const before = unchangedSince(id, revision); // again: the account may have changed while the hash was made
      const { lockedUntil: _gone, ...user } = before;
      const reset = putChanged(caller, before, { ...user, passwordHash, mustChangePassword: true, failedAttempts: 0, updatedAt: stamp() }, 'Administratorius nustatė naują slaptažodį; naudotojas turės jį pakeisti');
      ctx.sessions.endAllOf(id);
      // The new password lifts the lockout, the one held in memory too.
      ctx.sessions.attempts.forget(`account:${id}`);
      return toView(reset, undefined);
    },
  };
}
