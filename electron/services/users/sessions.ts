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
 * Where wrong passwords are counted (issue 16), in memory: the sign-in screen per account
 * (`account:<id>`) or per user name nobody has (`name:<name>`), and each signed-in session's own
 * unlock and password change (`session:<id>`). A place locks after the limit of wrong passwords in
 * a row; an account's lockout is also written to users.json (audited), the rest lives as long as
 * the process.
 */
export interface AttemptPlace {
  /** Wrong passwords in a row, counted when each check ends. */
  failed: number;
  /** Checks still running: counted too, so guesses sent all at once cannot outrun the limit. */
  inFlight: number;
  /** When the lockout ends (ms); absent when the place is open. */
  lockedUntil?: number;
}

/**
 * Places of unknown names kept at most (the oldest touched and not locked goes first), so a flood of
 * made-up names cannot fill the memory. Accounts' and sessions' places are never dropped for room:
 * forgetting one would give a guesser a fresh count (they are as many as the users and the sessions).
 */
export const PLACES_KEPT = 50_000;

export class AttemptPlaces {
  private readonly accounts = new Map<string, AttemptPlace>();
  /** Sessions' places: as many as the sessions, each forgotten when its session ends; never dropped for room. */
  private readonly sessions = new Map<string, AttemptPlace>();
  private readonly others = new Map<string, AttemptPlace>();

  private mapOf(key: string): Map<string, AttemptPlace> {
    return key.startsWith('account:') ? this.accounts : key.startsWith('session:') ? this.sessions : this.others;
  }

  /** The place `key`, made on first use from `seed` (an account's bookkeeping as stored). */
  of(key: string, seed?: { failed: number; lockedUntil?: number }): AttemptPlace {
    const map = this.mapOf(key);
    let place = map.get(key);
    if (place) {
      if (map === this.others) {
        // Touched: to the end of the line to be dropped.
        map.delete(key);
        map.set(key, place);
      }
      return place;
    }
    place = { failed: seed?.failed ?? 0, inFlight: 0, ...(seed?.lockedUntil !== undefined ? { lockedUntil: seed.lockedUntil } : {}) };
    map.set(key, place);
    if (this.others.size > PLACES_KEPT) this.dropOne();
    return place;
  }

  /**
   * Make room among the names' places: the oldest touched that is not locked (issue 16's review: a
   * flood of made-up names must not unlock a locked name, which a known account never is); the
   * oldest of all only when every one is locked.
   */
  private dropOne(): void {
    const now = Date.now();
    for (const [key, place] of this.others) {
      if (place.lockedUntil === undefined || place.lockedUntil <= now) {
        this.others.delete(key);
        return;
      }
    }
    this.others.delete(this.others.keys().next().value!);
  }

  /** The place if it exists, without making one. */
  peek(key: string): AttemptPlace | undefined {
    return this.mapOf(key).get(key);
  }

  forget(key: string): void {
    this.mapOf(key).delete(key);
  }
}

/**
 * Signed-in sessions, in memory only: a restart signs everyone out. A session locks after the idle
 * time and then answers only auth.status, auth.unlock and auth.logout until the password is given.
 */
export class Sessions {
  private readonly sessions = new Map<string, Session>();
  /** Wrong passwords counted per place (issue 16); a session's place goes with the session. */
  readonly attempts = new AttemptPlaces();

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
    if (id === undefined) return;
    this.sessions.delete(id);
    this.attempts.forget(`session:${id}`);
  }

  /** Sign a user out everywhere (deactivated, password reset), or everywhere but `keep`. */
  endAllOf(userId: string, keep?: string): void {
    for (const [id, s] of this.sessions) if (s.userId === userId && id !== keep) this.end(id);
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
