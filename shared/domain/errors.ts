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
