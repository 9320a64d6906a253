import { errorText, type ErrorCode, type ErrorParamsArg, type FieldIssue, type FieldRefusal } from './errorTexts';

/** An error's parameters as they travel: JSON data. */
export type ErrorData = Readonly<Record<string, unknown>>;

/**
 * An error the domain refuses with: a stable code for programs and tests, and the code's parameters
 * (JSON data: ids, dates, numbers, codes, lists), from which the error catalogue (./errorTexts)
 * makes its Lithuanian text (the message, for whoever reads it here) and its English one.
 * `new DomainError('CASE_CHANGED', { id, revision })`: tsc checks the parameters against the code's
 * entry. Errors cross the contract boundary as data ({ code, params, message, messageEn }), never as
 * thrown exceptions.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: string;
  /** The code's parameters; undefined for an error in the old form (texts given, no entry). */
  readonly params: ErrorData | undefined;
  readonly messageEn: string;
  /**
   * @deprecated Read `params`. The parameters (an old-form error: the details it was given), for
   * the code that still reads them by this name.
   */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: C, ...params: ErrorParamsArg<C>);
  /**
   * @deprecated The old form, with the texts written where the error is thrown: kept only for an
   * error received from elsewhere with its texts (`errorFromData`); test/unit/errorProse.test.ts
   * refuses it in the services. Give a code and its parameters instead.
   */
  constructor(code: string, message: string, messageEn: string, details?: Record<string, unknown>);
  constructor(code: string, paramsOrMessage?: object | string, messageEn?: string, details?: Record<string, unknown>) {
    const params = typeof paramsOrMessage === 'string' ? undefined : ((paramsOrMessage ?? {}) as ErrorData);
    super(params ? errorText(code as ErrorCode, params as never, 'lt') : (paramsOrMessage as string));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.messageEn = params ? errorText(code as ErrorCode, params as never, 'en') : (messageEn ?? this.message);
    this.details = params ?? details;
  }
}

/**
 * A refusal about one field of the input (INVALID_INPUT), as the dispatch gives for schema failures:
 * `key` is a key of the contract's validation messages, so the form shows it under the field;
 * `about` says why in the refusal's own words (without it, the field's label and message).
 */
export function fieldError(path: string, key: string, about?: FieldRefusal): DomainError {
  return fieldsError([{ path, key }], about);
}

/** A refusal about several fields of the input (INVALID_INPUT). */
export function fieldsError(fields: readonly FieldIssue[], about?: FieldRefusal): DomainError {
  return new DomainError('INVALID_INPUT', about ? { fields, about } : { fields });
}

/** An error as it came across the contract boundary, thrown again on this side (its texts as they came). */
export function errorFromData(data: { code: string; message: string; messageEn?: string; params?: ErrorData; details?: Record<string, unknown> }): DomainError {
  const error = new DomainError(data.code, data.message, data.messageEn ?? data.message, data.details ?? data.params);
  return data.params ? Object.assign(error, { params: data.params }) : error;
}
