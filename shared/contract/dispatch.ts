import type { z } from 'zod';
import { DomainError } from '../domain/errors';
import { contract, isMethodName, type Caller, type Handlers, type MethodName } from './methods';
import type { AppErrorData, InvokeResult } from './result';
import { describeField } from './validationMessages';

export type Dispatch = (method: string, input: unknown, session?: string) => Promise<InvokeResult>;

/**
 * Decides who is calling and whether they may call `method`: returns the caller, or throws a
 * DomainError (not signed in, locked, not allowed). Given by the back end, which owns the sessions.
 */
export type Guard = (method: MethodName, session: string | undefined) => Caller;

function invalidInput(issues: readonly z.core.$ZodIssue[]): AppErrorData {
  const fields = issues.map((i) => ({ path: i.path.map(String).join('.'), key: i.message }));
  const lt = fields.map((f) => describeField(f.path, f.key, 'lt')).join(' ');
  const en = fields.map((f) => describeField(f.path, f.key, 'en')).join(' ');
  return {
    code: 'INVALID_INPUT',
    message: `Neteisingi duomenys. ${lt}`,
    messageEn: `Invalid data. ${en}`,
    details: { fields },
  };
}

/**
 * The single path of every call: check who calls and that their role allows the method, validate
 * the input, run the handler, validate the output, and return the outcome as data. Nothing thrown
 * inside crosses the boundary.
 */
export function createDispatcher(handlers: Handlers, guard: Guard, log: (e: unknown) => void = console.error): Dispatch {
  return async (method, input, session) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `Nežinomas veiksmas „${method}“.`, messageEn: `Unknown method “${method}”.` },
      };
    }
    const spec = contract[method];
    let caller: Caller;
    try {
      caller = guard(method, session);
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: errorData(e) };
      log(e);
      return { ok: false, error: internalError() };
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
    try {
      const handler = handlers[method] as (i: unknown, c: Caller) => Promise<unknown>;
      const value = await handler(parsed.data, caller);
      const out = (spec.output as z.ZodType).safeParse(value);
      if (!out.success) {
        log(new Error(`Output of ${method} does not match the contract: ${out.error.message}`));
        return { ok: false, error: internalError() };
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: errorData(e) };
      log(e);
      return { ok: false, error: internalError() };
    }
  };
}

function errorData(e: DomainError): AppErrorData {
  return { code: e.code, message: e.message, messageEn: e.messageEn, ...(e.details ? { details: e.details } : {}) };
}

/** The one answer to a failure the user cannot act on: calm, in Lithuanian, with nothing internal. */
export function internalError(): AppErrorData {
  return {
    code: 'INTERNAL',
    message: 'Įvyko vidinė programos klaida. Pabandykite dar kartą; jei kartojasi, praneškite administratoriui.',
    messageEn: 'An internal error occurred. Try again; if it persists, tell the administrator.',
  };
}

export type { MethodName };
