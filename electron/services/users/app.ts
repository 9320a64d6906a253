import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract/methods';
import { ROLE_LABELS, type Role } from '../../../shared/contract/roles';
import type { UserView } from '../../../shared/contract/users';
import { DomainError } from '../../../shared/domain/errors';
import type { ServiceContext } from '../context';
import type { StoredUser } from '../store/usersStore';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from './passwords';
import { toSessionUser } from './sessions';

type UserHandlers = Pick<
  Handlers,
  | 'auth.status'
  | 'auth.createAdministrator'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.unlock'
  | 'auth.touch'
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
  return { ...toSessionUser(u), active: u.active, createdAt: u.createdAt, ...(locked ? { lockedUntil: u.lockedUntil } : {}) };
}

function wrongCredentials(left?: number): DomainError {
  const tail = left === undefined ? '' : ` Liko bandymų: ${left}.`;
  const tailEn = left === undefined ? '' : ` Attempts left: ${left}.`;
  return new DomainError('WRONG_CREDENTIALS', `Neteisingas naudotojo vardas arba slaptažodis.${tail}`, `Wrong user name or password.${tailEn}`);
}

function accountLocked(until: string): DomainError {
  // The back end runs on the user's computer (or beside the browser on it): its local time is theirs.
  const at = new Date(until);
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return new DomainError(
    'ACCOUNT_LOCKED',
    `Paskyra laikinai užrakinta po ${MAX_FAILED_ATTEMPTS} neteisingų slaptažodžių. Bandykite vėl po ${time} arba kreipkitės į administratorių.`,
    `The account is locked for a while after ${MAX_FAILED_ATTEMPTS} wrong passwords. Try again after ${time} or ask the administrator.`,
    { lockedUntil: until },
  );
}

function rolesText(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r].lt.toLowerCase()).join(', ');
}

export function usersHandlers(ctx: ServiceContext): UserHandlers {
  const now = () => ctx.now().getTime();
  const stamp = () => ctx.now().toISOString();

  const mustFind = (id: string): StoredUser => {
    const user = ctx.users.byId(id);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'Naudotojas nerastas.', 'User not found.', { id });
    return user;
  };

  /**
   * Check a password, counting failures: the MAX_FAILED_ATTEMPTS-th wrong one in a row locks the
   * account for LOCKOUT_MINUTES. Throws on failure; returns the user with the count reset.
   */
  const checkPassword = async (user: StoredUser, password: string): Promise<StoredUser> => {
    if (user.lockedUntil && Date.parse(user.lockedUntil) > now()) throw accountLocked(user.lockedUntil);
    if (await verifyPassword(password, user.passwordHash)) {
      if (user.failedAttempts === 0 && !user.lockedUntil) return user;
      const { lockedUntil: _gone, ...rest } = user;
      const reset = { ...rest, failedAttempts: 0, updatedAt: stamp() };
      ctx.users.put(reset);
      return reset;
    }
    const failed = user.failedAttempts + 1;
    if (failed >= MAX_FAILED_ATTEMPTS) {
      const lockedUntil = new Date(now() + LOCKOUT_MINUTES * 60_000).toISOString();
      const lockedUser = { ...user, failedAttempts: 0, lockedUntil, updatedAt: stamp() };
      const summary = `Paskyra užrakinta iki ${lockedUntil} po ${MAX_FAILED_ATTEMPTS} neteisingų slaptažodžių`;
      ctx.change({ user: null }, 'auth.login', { kind: 'user', id: user.id }, user, lockedUser, summary, () => ctx.users.put(lockedUser));
      ctx.sessions.endAllOf(user.id);
      throw accountLocked(lockedUntil);
    }
    ctx.users.put({ ...user, failedAttempts: failed, updatedAt: stamp() });
    throw wrongCredentials(MAX_FAILED_ATTEMPTS - failed);
  };

  const usernameFree = (username: string) => {
    if (ctx.users.byUsername(username)) {
      throw new DomainError('USERNAME_TAKEN', `Naudotojo vardas „${username}“ jau užimtas.`, `The user name “${username}” is taken.`, {
        fields: [{ path: 'username', key: 'usernameTaken' }],
      });
    }
  };

  /** A new user, not yet stored. */
  const newUser = async (input: { username: string; displayName: string; roles: Role[]; password: string }, mustChange: boolean): Promise<StoredUser> => {
    usernameFree(input.username);
    const at = stamp();
    return {
      id: randomUUID(),
      username: input.username.toLowerCase(),
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      active: true,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: mustChange,
      failedAttempts: 0,
      createdAt: at,
      updatedAt: at,
    };
  };

  const activeAdministrators = () => ctx.users.all().filter((u) => u.active && u.roles.includes('administrator'));

  return {
    'auth.status': async (_input, caller) => ({
      setUp: ctx.users.all().length > 0,
      user: caller.user,
      locked: ctx.sessions.isLocked(caller.session),
      idleMinutes: ctx.idleMinutes(),
    }),

    'auth.createAdministrator': async (input) => {
      if (ctx.users.all().length > 0) {
        throw new DomainError(
          'ALREADY_SET_UP',
          'Administratorius jau sukurtas. Prisijunkite.',
          'The administrator has already been created. Please sign in.',
        );
      }
      const user = await newUser({ ...input, roles: ['administrator'] }, false);
      ctx.change({ user: null }, 'auth.createAdministrator', { kind: 'user', id: user.id }, undefined, user, 'Sukurtas pirmasis administratorius', () => ctx.users.put(user));
      return { session: ctx.sessions.start(user.id), user: toSessionUser(user) };
    },

    'auth.login': async ({ username, password }) => {
      const user = ctx.users.byUsername(username);
      if (!user || !user.active) {
        await verifyPassword(password, UNMATCHABLE_HASH); // as long as a real check
        throw wrongCredentials();
      }
      const checked = await checkPassword(user, password);
      return { session: ctx.sessions.start(checked.id), user: toSessionUser(checked) };
    },

    'auth.logout': async (_input, caller) => {
      ctx.sessions.end(caller.session);
      return {};
    },

    'auth.unlock': async ({ password }, caller) => {
      const user = mustFind(caller.user!.id);
      await checkPassword(user, password);
      ctx.sessions.unlock(caller.session!);
      return toSessionUser(user);
    },

    // The guard has already counted the call as activity.
    'auth.touch': async () => ({}),

    'auth.changePassword': async ({ currentPassword, newPassword }, caller) => {
      const user = await checkPassword(mustFind(caller.user!.id), currentPassword);
      if (currentPassword === newPassword) {
        throw new DomainError('PASSWORD_UNCHANGED', 'Naujas slaptažodis turi skirtis nuo dabartinio.', 'The new password must differ from the current one.', {
          fields: [{ path: 'newPassword', key: 'passwordUnchanged' }],
        });
      }
      const changed = { ...user, passwordHash: await hashPassword(newPassword), mustChangePassword: false, updatedAt: stamp() };
      ctx.change(caller, 'auth.changePassword', { kind: 'user', id: user.id }, user, changed, 'Naudotojas pasikeitė slaptažodį', () => ctx.users.put(changed));
      return toSessionUser(changed);
    },

    'users.list': async () => ctx.users.all().map((u) => toView(u, now())),

    'users.create': async (input, caller) => {
      const user = await newUser(input, true);
      ctx.change(caller, 'users.create', { kind: 'user', id: user.id }, undefined, user, `Sukurtas naudotojas, vaidmenys: ${rolesText(user.roles)}`, () => ctx.users.put(user));
      return toView(user, now());
    },

    'users.update': async ({ id, displayName, roles, active }, caller) => {
      const user = mustFind(id);
      const staysAdministrator = active && roles.includes('administrator');
      if (!staysAdministrator && activeAdministrators().every((a) => a.id === id)) {
        throw new DomainError(
          'LAST_ADMINISTRATOR',
          'Tai paskutinis aktyvus administratorius: jo vaidmens ar paskyros atimti negalima, kitaip niekas nebegalėtų tvarkyti naudotojų.',
          'This is the last active administrator: removing the role or the account would leave nobody to manage users.',
        );
      }
      if (!active && id === caller.user!.id) {
        throw new DomainError('SELF_DEACTIVATION', 'Savo paskyros išjungti negalima.', 'You cannot deactivate your own account.');
      }
      const changed = { ...user, displayName, roles: [...new Set(roles)], active, updatedAt: stamp() };
      ctx.change(caller, 'users.update', { kind: 'user', id }, user, changed, `Vaidmenys: ${rolesText(changed.roles)}; ${active ? 'aktyvus' : 'išjungtas'}`, () => ctx.users.put(changed));
      if (!active) ctx.sessions.endAllOf(id);
      return toView(changed, now());
    },

    'users.resetPassword': async ({ id, password }, caller) => {
      const before = mustFind(id);
      const { lockedUntil: _gone, ...user } = before;
      const reset = { ...user, passwordHash: await hashPassword(password), mustChangePassword: true, failedAttempts: 0, updatedAt: stamp() };
      ctx.change(caller, 'users.resetPassword', { kind: 'user', id }, before, reset, 'Administratorius nustatė naują slaptažodį; naudotojas turės jį pakeisti', () => ctx.users.put(reset));
      ctx.sessions.endAllOf(id);
      return toView(reset, now());
    },
  };
}
