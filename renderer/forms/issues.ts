/**
 * Field errors keyed by the field's path ('firstName', 'institution.name', 'otherInstitutions.0.name'),
 * each a VALIDATION_MESSAGES key. The contract's schemas and the back end's INVALID_INPUT details
 * both speak in these terms, so one form shows both.
 */
export type FieldErrors = Readonly<Record<string, string>>;

export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The first issue of each field (zod reports the most basic one — e.g. "required" — first). */
export function fieldErrorsFromIssues(issues: readonly IssueLike[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/**
 * The fields the back end refused (INVALID_INPUT's details.fields) as field errors. `prefix` is
 * dropped from the paths, for a method whose input nests the form ('request.requestDate').
 */
export function fieldErrorsFromServer(fields: readonly { path: string; key: string }[], prefix = ''): FieldErrors {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const path = prefix !== '' && field.path.startsWith(prefix) ? field.path.slice(prefix.length) : field.path;
    errors[path] ??= field.key;
  }
  return errors;
}
