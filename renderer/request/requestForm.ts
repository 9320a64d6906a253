import { OWN_INSTITUTION_ID, requestInput, type RequestInput, type Settings } from '../../shared/contract/schemas';
import { isIsoDate, type IsoDate } from '../../shared/domain/calendar';
import { requestDateInFuture } from '../../shared/domain/stepRules';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';

/** The fields of a request (V-77 p. 5), in the order the form asks for them. */
export const REQUEST_FIELDS = [
  'firstName',
  'lastName',
  'personalFileNo',
  'birthDate',
  'servingInstitutionId',
  'halfwayHouseInstitutionId',
  'requestDate',
  'possibleTransferDate',
  'possibleParoleDate',
  'sentenceEnd',
] as const;

export type RequestField = (typeof REQUEST_FIELDS)[number];
export type RequestFormValues = Readonly<Record<RequestField, string>>;

export const DATE_FIELDS: ReadonlySet<RequestField> = new Set([
  'birthDate',
  'requestDate',
  'possibleTransferDate',
  'possibleParoleDate',
  'sentenceEnd',
]);

export interface InstitutionOption {
  id: string;
  institution: string;
  /** The halfway house the institution runs ('' when none). */
  halfwayHouse: string;
  own: boolean;
}

/** Where a convict may serve: this institution first, then the others. */
export function servingOptions(settings: Settings): InstitutionOption[] {
  return [
    { id: OWN_INSTITUTION_ID, institution: settings.institution.name, halfwayHouse: settings.institution.halfwayHouseName, own: true },
    ...settings.otherInstitutions.map((o) => ({ id: o.id, institution: o.name, halfwayHouse: o.halfwayHouseName, own: false })),
  ];
}

/** The halfway houses a request may name (V-77 p. 5): this institution's, if it runs one, and the others'. */
export function halfwayHouseOptions(settings: Settings): InstitutionOption[] {
  return servingOptions(settings).filter((o) => (o.own ? settings.institution.runsHalfwayHouse : o.halfwayHouse !== ''));
}

export function emptyRequestValues(settings: Settings): RequestFormValues {
  const houses = halfwayHouseOptions(settings);
  return {
    firstName: '',
    lastName: '',
    personalFileNo: '',
    birthDate: '',
    servingInstitutionId: '',
    // With a single halfway house there is nothing to choose.
    halfwayHouseInstitutionId: houses.length === 1 && houses[0] ? houses[0].id : '',
    requestDate: '',
    possibleTransferDate: '',
    possibleParoleDate: '',
    sentenceEnd: '',
  };
}

export interface RequestValidation {
  /** The request ready to send, when every field is valid. */
  input: RequestInput | null;
  errors: FieldErrors;
}

/**
 * The contract's own schema, run as the user types (V-77 p. 5, 7–8: the request must concern this
 * institution), plus the one rule the back end checks against its clock: the request date cannot
 * be later than today.
 */
export function validateRequest(values: RequestFormValues, today: IsoDate): RequestValidation {
  const parsed = requestInput.safeParse(values);
  const errors: Record<string, string> = parsed.success ? {} : { ...fieldErrorsFromIssues(parsed.error.issues) };
  if (errors.requestDate === undefined && requestDateInFuture(values.requestDate, today)) {
    errors.requestDate = 'requestInFuture';
  }
  const valid = parsed.success && Object.keys(errors).length === 0;
  return { input: valid ? parsed.data : null, errors };
}

export interface FlagCheck {
  personalFileNo: string;
  requestDate: IsoDate;
  possibleTransferDate: IsoDate;
}

export interface FlagQuery {
  check: FlagCheck;
  /**
   * False while the dates are not typed yet: the check then asks with today standing in for them,
   * and only the open case of the same convict (issue 17) is worth saying; the V-77 p. 5 and p. 19
   * terms need the real dates.
   */
  datesTyped: boolean;
}

/**
 * What `cases.checkRequest` is asked, once the personal file number is typed (issue 17: an open
 * case of the same convict is said while typing); the terms of V-77 p. 5 and p. 19 once both dates are valid too.
 */
export function flagQueryOf(values: Pick<RequestFormValues, keyof FlagCheck>, today: IsoDate): FlagQuery | null {
  const personalFileNo = values.personalFileNo.trim();
  if (personalFileNo === '') return null;
  if (isIsoDate(values.requestDate) && isIsoDate(values.possibleTransferDate)) {
    return { check: { personalFileNo, requestDate: values.requestDate, possibleTransferDate: values.possibleTransferDate }, datesTyped: true };
  }
  return { check: { personalFileNo, requestDate: today, possibleTransferDate: today }, datesTyped: false };
}

/** The flags of an answer worth showing: all of them when the dates were typed, else only the open case. */
export function flagsWorthShowing<F extends { rule: string }>(flags: readonly F[], query: FlagQuery): F[] {
  return flags.filter((f) => query.datesTyped || f.rule === 'duplicate');
}

/** The form field a changed-field path of the timeline names ('convict.firstName', 'request.halfwayHouse'). */
export function requestFieldOfPath(path: string): RequestField | null {
  const name = path.slice(path.indexOf('.') + 1);
  if (name === 'servingInstitution') return 'servingInstitutionId';
  if (name === 'halfwayHouse') return 'halfwayHouseInstitutionId';
  return (REQUEST_FIELDS as readonly string[]).includes(name) ? (name as RequestField) : null;
}
