/**
 * Issue 16: a limit on sign-ins per address. The account lockout (users service) stops guessing one
 * user's password; this stops one address from trying many names at speed. Numbers an office never
 * reaches by hand: ten tries a minute from one address.
 */

export interface SignInLimit {
  /** How many sign-ins one address may try… */
  attempts: number;
  /** …within this window (ms, sliding). */
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = { attempts: 10, windowMs: 60_000 };

/** The methods that test a password: each call counts, whatever its outcome. */
export const SIGN_IN_METHODS: readonly string[] = ['auth.login', 'auth.unlock'];

/** How many addresses are remembered before the ones with no recent try are forgotten. */
const PRUNE_AT = 1000;

export class SignInLimiter {
  /** The times of the recent tries, by address, oldest first. */
  private readonly tries = new Map<string, number[]>();

  constructor(
    private readonly limit: SignInLimit = DEFAULT_SIGN_IN_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Count one sign-in from `address`: null when it may go ahead, otherwise the seconds until it
   * may (a refused try is not counted, so waiting is always enough).
   */
  take(address: string): number | null {
    const now = this.now();
    const since = now - this.limit.windowMs;
    if (this.tries.size >= PRUNE_AT) {
      for (const [a, times] of this.tries) if (times.every((t) => t <= since)) this.tries.delete(a);
    }
    const recent = (this.tries.get(address) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit.attempts) {
      this.tries.set(address, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.limit.windowMs - now) / 1000));
    }
    recent.push(now);
    this.tries.set(address, recent);
    return null;
  }
}
