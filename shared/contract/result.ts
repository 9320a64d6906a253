/**
 * An error as it crosses the contract boundary: data, never an exception. Its code and parameters
 * say what happened; the error catalogue (shared/domain/errorTexts) makes the text from them, and
 * the UI shows that text in its language. The dispatcher also fills both messages from the
 * catalogue, for the command line, the logs and a code the reader does not know.
 */
export interface AppErrorData {
  code: string;
  /** The code's parameters (JSON): what its text is made of. Absent for an error in the old form (its texts given). */
  params?: Record<string, unknown>;
  /** Lithuanian, for the user. */
  message: string;
  /** English, for the English UI. */
  messageEn?: string;
  /**
   * The fields an INVALID_INPUT refused (`{ fields: [{ path, key }] }`; also in params), and an
   * old-form error's details. Deprecated: read `params`.
   */
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
