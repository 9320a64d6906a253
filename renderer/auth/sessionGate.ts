import type { AppErrorData } from '../../shared/contract/result';

/** What a refusal says about the session itself, rather than about the call. */
export type AuthSignal = 'unauthenticated' | 'locked' | 'passwordChangeRequired';

export function authSignalOf(code: string): AuthSignal | null {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'unauthenticated';
    case 'SESSION_LOCKED':
      return 'locked';
    case 'PASSWORD_CHANGE_REQUIRED':
      return 'passwordChangeRequired';
    default:
      return null;
  }
}

export type SignalListener = (signal: AuthSignal, error: AppErrorData | null) => void;

/**
 * Whether the session is locked, and who waits for it to open again. The app locks itself after
 * idle time; the back end may also refuse a call as SESSION_LOCKED. Either way the screen stays as
 * it is under the lock overlay, and a call refused because of the lock is made again once the
 * password has been given (or fails when the user signs out instead).
 */
export class SessionGate {
  private locked = false;
  private waiters: ((unlocked: boolean) => void)[] = [];
  private readonly lockListeners = new Set<() => void>();
  private readonly signalListeners = new Set<SignalListener>();

  isLocked = (): boolean => this.locked;

  /** For useSyncExternalStore: called whenever the lock opens or closes. */
  subscribeLock = (listener: () => void): (() => void) => {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  };

  onSignal(listener: SignalListener): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  /** The back end said something about the session: tell the app (which shows the right screen). */
  signal(signal: AuthSignal, error: AppErrorData | null = null): void {
    if (signal === 'locked') this.lock();
    this.signalListeners.forEach((l) => l(signal, error));
  }

  lock(): void {
    if (this.locked) return;
    this.locked = true;
    this.lockListeners.forEach((l) => l());
  }

  /** Resolves true once unlocked (at once when not locked), false when the user signs out instead. */
  whenUnlocked(): Promise<boolean> {
    if (!this.locked) return Promise.resolve(true);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The password was accepted: the waiting calls go ahead. */
  unlock(): void {
    this.settle(true);
  }

  /** Signed out (or the session ended): nothing waits any longer, and nothing is locked. */
  reset(): void {
    this.settle(false);
  }

  private settle(unlocked: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    const changed = this.locked;
    this.locked = false;
    waiters.forEach((w) => w(unlocked));
    if (changed) this.lockListeners.forEach((l) => l());
  }
}

/** The one gate of the running app. */
export const sessionGate = new SessionGate();
