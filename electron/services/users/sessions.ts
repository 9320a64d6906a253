import { randomBytes } from 'node:crypto';
import { accessOf, allowedWhileLocked, type Caller, type MethodName } from '../../../shared/contract/methods';
import type { SessionUser } from '../../../shared/contract/users';
import { DomainError } from '../../../shared/domain/errors';
import type { StoredUser, UsersStore } from '../store/usersStore';

interface Session {
  userId: string;
  lastActivity: number;
  locked: boolean;
}

export function toSessionUser(u: StoredUser): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: [...u.roles], mustChangePassword: u.mustChangePassword };
}

/** Methods a user who must change their password may still call. */
const BEFORE_PASSWORD_CHANGE: readonly MethodName[] = ['auth.status', 'auth.changePassword', 'auth.logout', 'auth.unlock', 'auth.lock', 'app.info'];

/**
 * Signed-in sessions, in memory only: a restart signs everyone out. A session locks after the idle
 * time and then answers only auth.status, auth.unlock and auth.logout until the password is given.
 */
export class Sessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly users: UsersStore,
    private readonly idleMinutes: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  start(userId: string): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { userId, lastActivity: this.now(), locked: false });
    return id;
  }

  end(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  /** Sign a user out everywhere (deactivated, password reset), or everywhere but `keep`. */
  endAllOf(userId: string, keep?: string): void {
    for (const [id, s] of this.sessions) if (s.userId === userId && id !== keep) this.sessions.delete(id);
  }

  /** The UI locked itself: the session waits for the password too (a reload cannot skip it). */
  lock(id: string): void {
    const s = this.sessions.get(id);
    if (s) s.locked = true;
  }

  isLocked(id: string | undefined): boolean {
    const s = id === undefined ? undefined : this.sessions.get(id);
    return s !== undefined && this.refreshLock(s);
  }

  unlock(id: string): void {
    const s = this.sessions.get(id);
    if (s) {
      s.locked = false;
      s.lastActivity = this.now();
    }
  }

  private refreshLock(s: Session): boolean {
    if (!s.locked && this.now() - s.lastActivity > this.idleMinutes() * 60_000) s.locked = true;
    return s.locked;
  }

  /** The dispatch guard: who calls, and whether the role table lets them call `method`. */
  guard = (method: MethodName, session: string | undefined): Caller => {
    const access = accessOf(method);
    const s = session === undefined ? undefined : this.sessions.get(session);
    const user = s ? this.users.byId(s.userId) : undefined;
    if (s && (!user || !user.active)) this.end(session);
    const signedIn = s && user && user.active ? { s, user } : undefined;
    if (access === 'anyone') return { user: signedIn ? toSessionUser(signedIn.user) : null, ...(signedIn ? { session } : {}) };
    if (!signedIn) {
      throw new DomainError('UNAUTHENTICATED');
    }
    if (this.refreshLock(signedIn.s) && !allowedWhileLocked(method)) {
      throw new DomainError('SESSION_LOCKED');
    }
    if (signedIn.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.includes(method)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
    if (access !== 'signedIn' && !signedIn.user.roles.some((r) => access.includes(r))) {
      throw new DomainError('FORBIDDEN', { method });
    }
    if (method !== 'auth.status') signedIn.s.lastActivity = this.now();
    return { user: toSessionUser(signedIn.user), session };
  };
}
