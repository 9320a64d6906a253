import type { z } from 'zod';
import { DomainError, fieldsError } from '../domain/errors';
import { contract, isMethodName, type Caller, type Handlers, type MethodName } from './methods';
import type { AppErrorData, InvokeResult } from './result';

export type Dispatch = (method: string, input: unknown, session?: string) => Promise<InvokeResult>;

/**
 * Decides who is calling and whether they may call `method`: returns the caller, or throws a
 * DomainError (not signed in, locked, not allowed). Given by the back end, which owns the sessions.
 */
export type Guard = (method: MethodName, session: string | undefined) => Caller;

function invalidInput(issues: readonly z.core.$ZodIssue[]): AppErrorData {
  return errorData(fieldsError(issues.map((i) => ({ path: i.path.map(String).join('.'), key: i.message }))));
}

/**
 * The single path of every call: check who calls and that their role allows the method, validate
 * the input, run the handler, validate the output, and return the outcome as data. Nothing thrown
 * inside crosses the boundary.
 */
export function createDispatcher(handlers: Handlers, guard: Guard, log: (e: unknown) => void = console.error): Dispatch {
  return async (method, input, session) => {
    if (!isMethodName(method)) {
      return { ok: false, error: errorData(new DomainError('UNKNOWN_METHOD', { method })) };
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

/**
 * A DomainError as data: its code and parameters, both texts from the catalogue (the UI makes them
 * again from the code and parameters, in its language), and `details` where something still reads
 * them: INVALID_INPUT's refused fields, and an old-form error's details.
 */
export function errorData(e: DomainError): AppErrorData {
  if (e.params === undefined) {
    return { code: e.code, message: e.message, messageEn: e.messageEn, ...(e.details ? { details: e.details } : {}) };
  }
  const fields = e.code === 'INVALID_INPUT' ? e.params.fields : undefined;
  return { code: e.code, params: { ...e.params }, message: e.message, messageEn: e.messageEn, ...(fields !== undefined ? { details: { fields } } : {}) };
}

/** The one answer to a failure the user cannot act on: calm, in Lithuanian, with nothing internal. */
export function internalError(): AppErrorData {
  return errorData(new DomainError('INTERNAL'));
}

export type { MethodName };
