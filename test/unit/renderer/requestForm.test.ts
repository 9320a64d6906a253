import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/contract/schemas';
import {
  emptyRequestValues,
  flagQueryOf,
  flagsWorthShowing,
  halfwayHouseOptions,
  requestFieldOfPath,
  servingOptions,
  validateRequest,
  type RequestFormValues,
} from '../../../renderer/request/requestForm';

const TODAY = '2026-11-23';

const settings: Settings = {
  institution: { name: 'Pravieniškių PN-AK', runsHalfwayHouse: true, halfwayHouseName: 'Pravieniškių pusiaukelės namai', places: 20 },
  otherInstitutions: [
    { id: 'marijampole', name: 'Marijampolės PN', halfwayHouseName: '' },
    { id: 'vilnius', name: 'Vilniaus PN', halfwayHouseName: 'Vilniaus pusiaukelės namai' },
  ],
};

const valid: RequestFormValues = {
  firstName: 'Jonas',
  lastName: 'Žemaitis',
  personalFileNo: 'A-1',
  birthDate: '1985-03-02',
  servingInstitutionId: 'marijampole',
  halfwayHouseInstitutionId: 'own',
  requestDate: '2026-11-02',
  possibleTransferDate: '2027-01-01',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2028-01-01',
};

describe('the request form (V-77 p. 5)', () => {
  it('accepts a complete, consistent request and hands over the contract input', () => {
    const { input, errors } = validateRequest(valid, TODAY);
    expect(errors).toEqual({});
    expect(input).toEqual(valid);
  });

  it("maps the contract schema's issues to the fields, one message key each", () => {
    const { input, errors } = validateRequest({ ...valid, firstName: '  ', birthDate: '1985-02-30' }, TODAY);
    expect(input).toBeNull();
    expect(errors).toEqual({ firstName: 'required', birthDate: 'date' });
  });

  it('reports a parole date before the transfer date under the parole date', () => {
    expect(validateRequest({ ...valid, possibleParoleDate: '2026-12-01' }, TODAY).errors).toEqual({ possibleParoleDate: 'paroleAfterTransfer' });
  });

  it('V-77 p. 5, 7–8: refuses a request that concerns neither this institution nor its halfway house, under the halfway house', () => {
    expect(validateRequest({ ...valid, servingInstitutionId: 'marijampole', halfwayHouseInstitutionId: 'vilnius' }, TODAY)).toEqual({
      input: null,
      errors: { halfwayHouseInstitutionId: 'notOurCase' },
    });
    expect(validateRequest({ ...valid, servingInstitutionId: 'own', halfwayHouseInstitutionId: 'vilnius' }, TODAY).input).not.toBeNull();
    expect(validateRequest({ ...valid, servingInstitutionId: 'vilnius', halfwayHouseInstitutionId: 'own' }, TODAY).input).not.toBeNull();
  });

  it('refuses a request date later than today, as the back end would', () => {
    expect(validateRequest({ ...valid, requestDate: '2026-11-24' }, TODAY).errors).toEqual({ requestDate: 'requestInFuture' });
    expect(validateRequest({ ...valid, requestDate: TODAY }, TODAY).input).not.toBeNull();
    // A date that is not real reports itself, not as a future one.
    expect(validateRequest({ ...valid, requestDate: '2026-13-01' }, TODAY).errors).toEqual({ requestDate: 'date' });
  });

  it('starts empty, with the halfway house chosen when there is only one', () => {
    expect(emptyRequestValues(settings).halfwayHouseInstitutionId).toBe('');
    const single: Settings = { ...settings, otherInstitutions: [{ id: 'marijampole', name: 'Marijampolės PN', halfwayHouseName: '' }] };
    expect(emptyRequestValues(single).halfwayHouseInstitutionId).toBe('own');
  });

  it('offers this institution and the others as where the convict serves, and only the halfway houses that exist', () => {
    expect(servingOptions(settings).map((o) => o.id)).toEqual(['own', 'marijampole', 'vilnius']);
    expect(halfwayHouseOptions(settings).map((o) => o.id)).toEqual(['own', 'vilnius']);
    const noOwnHouse: Settings = { ...settings, institution: { ...settings.institution, runsHalfwayHouse: false } };
    expect(halfwayHouseOptions(noOwnHouse).map((o) => o.id)).toEqual(['vilnius']);
  });

  it('V-77 p. 5, 19: asks for the term flags once the file number and both dates are valid', () => {
    expect(flagQueryOf(valid, TODAY)).toEqual({
      check: { personalFileNo: 'A-1', requestDate: '2026-11-02', possibleTransferDate: '2027-01-01' },
      datesTyped: true,
    });
    expect(flagQueryOf({ ...valid, personalFileNo: ' ' }, TODAY)).toBeNull();
  });

  it('issue 17: asks about an open case of the same convict as soon as the file number is typed, before the dates', () => {
    const query = flagQueryOf({ ...valid, requestDate: '2026-11', possibleTransferDate: '' }, TODAY);
    expect(query).toEqual({ check: { personalFileNo: 'A-1', requestDate: TODAY, possibleTransferDate: TODAY }, datesTyped: false });
    // With today standing in for the dates, a p. 19 answer says nothing about this request: only the open case shows.
    const answer = [{ rule: 'duplicate' }, { rule: 'p19' }];
    expect(flagsWorthShowing(answer, query!)).toEqual([{ rule: 'duplicate' }]);
    expect(flagsWorthShowing(answer, flagQueryOf(valid, TODAY)!)).toEqual(answer);
  });

  it('names the form field of a changed path in the case history', () => {
    expect(requestFieldOfPath('convict.lastName')).toBe('lastName');
    expect(requestFieldOfPath('request.possibleTransferDate')).toBe('possibleTransferDate');
    expect(requestFieldOfPath('request.halfwayHouse')).toBe('halfwayHouseInstitutionId');
    expect(requestFieldOfPath('request.servingInstitution')).toBe('servingInstitutionId');
    expect(requestFieldOfPath('request.unknown')).toBeNull();
  });
});
