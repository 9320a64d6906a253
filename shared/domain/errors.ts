/**
 * An error the domain refuses with: a stable code for programs and tests, a Lithuanian message for
 * the user (the UI language), and an English one for the English UI. Errors cross the contract
 * boundary as data ({ code, message, messageEn }), never as thrown exceptions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * A refusal about one field of the input (INVALID_INPUT), as the dispatch gives for schema failures:
 * `key` is a key of the contract's validation messages, so the form shows it under the field.
 */
export function fieldError(path: string, key: string, lt: string, en: string): DomainError {
  return new DomainError('INVALID_INPUT', lt, en, { fields: [{ path, key }] });
}
