import { allowedWhileLocked, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract/methods';
import { parseEvent, type AppEvent } from '../../shared/contract/events';
import type { AppErrorData, InvokeResult } from '../../shared/contract/result';
import { textOfError } from '../../shared/domain/errorTexts';
import { authSignalOf, sessionGate } from '../auth/sessionGate';
import { sessionToken } from '../auth/sessionToken';
import { translate, type Lang } from '../i18n/translate';
import { createTransport, type Transport } from './transport';

/** A field the back end refused, with the VALIDATION_MESSAGES key saying why. */
export interface FieldIssue {
  path: string;
  key: string;
}

/** The `fields` of an INVALID_INPUT's parameters (or, from an old-form error, its details). */
function fieldsOf(data: Record<string, unknown> | undefined): FieldIssue[] {
  const fields = data?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f): f is FieldIssue =>
      typeof f === 'object' && f !== null && typeof (f as FieldIssue).path === 'string' && typeof (f as FieldIssue).key === 'string',
  );
}

/**
 * What a call that the back end refused throws: its code and parameters, both messages as the back
 * end sent them, and the refused fields.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly messageEn: string;
  readonly fields: FieldIssue[];

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.params = data.params;
    this.messageEn = data.messageEn ?? data.message;
    const fields = fieldsOf(data.params);
    this.fields = fields.length > 0 ? fields : fieldsOf(data.details);
  }

  /**
   * The error's text in `lang`: from the error catalogue by its code and parameters; for a code the
   * catalogue does not know (or an error without parameters), the message the back end sent.
   */
  text(lang: Lang): string {
    const text = this.params !== undefined ? textOfError(this.code, this.params, lang) : null;
    return text ?? (lang === 'lt' ? this.message : this.messageEn);
  }
}

/** Anything caught, as an ApiError (a failure inside the UI itself gets the code CLIENT). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new ApiError({
    code: 'CLIENT',
    message: translate('lt', 'error.client', { detail }),
    messageEn: translate('en', 'error.client', { detail }),
  });
}

let transport: Transport | undefined;

/**
 * Pick the transport. Called once before the UI renders: in a browser it takes the token out of
 * the address bar, before the router reads the fragment.
 */
export function connect(): Transport {
  return (transport ??= createTransport());
}

function invokeOnce(method: MethodName, input: unknown): Promise<InvokeResult> {
  const session = sessionToken();
  return connect().invoke(method, input, session ?? undefined);
}

/**
 * Call a contract method with the signed-in user's session; resolves with its output or throws an
 * ApiError. A refusal about the session itself goes to the session gate too (the app then shows the
 * sign-in, lock or password screen); a call refused because the session is locked is made again once
 * the user has unlocked it, so that what they were doing goes through.
 */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let result = await invokeOnce(method, input);
  if (!result.ok && result.error.code === 'SESSION_LOCKED' && !allowedWhileLocked(method)) {
    sessionGate.signal('locked', result.error);
    if (await sessionGate.whenUnlocked()) result = await invokeOnce(method, input);
    else throw new ApiError(result.error);
  }
  if (!result.ok) {
    const signal = authSignalOf(result.error.code);
    if (signal) sessionGate.signal(signal, result.error);
    throw new ApiError(result.error);
  }
  // The dispatcher has checked the value against the contract's output schema.
  return result.value as MethodOutput<M>;
}

/**
 * Listen to the back end's push events: only those the contract declares reach `listener` (the
 * transport checks them as they arrive; checked here again, whatever the transport). `onReconnect`
 * runs when the events came back after a break (events may have been missed: reload). Pages use
 * `useEvent` (useEvents.ts) rather than this. Returns the function that stops listening.
 */
export function subscribe(listener: (event: AppEvent) => void, onReconnect?: () => void): () => void {
  return connect().subscribe((received) => {
    const event = parseEvent(received);
    if (event) listener(event);
  }, onReconnect);
}
