/** An error as it crosses the contract boundary: data, never an exception. */
export interface AppErrorData {
  code: string;
  /** Lithuanian, for the user. */
  message: string;
  /** English, for the English UI. */
  messageEn?: string;
  details?: Record<string, unknown>;
}

export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorData };

import type { AppEvent } from './events';

/** A push event from the back end, declared in `events.ts` like the methods. */
export type { AppEvent };

/** What the preload exposes to the renderer as `window.desktop`. */
export interface DesktopBridge {
  /** `session` is the signed-in user's session from auth.login (absent before signing in). */
  invoke(method: string, input: unknown, session?: string): Promise<InvokeResult>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}
