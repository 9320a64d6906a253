import type { RequestInput } from '../../shared/contract/schemas';

/** A request of a convict serving in the institution that runs the halfway house (V-77 p. 5), as the audit tests register it. */
export const AUDITED_REQUEST: RequestInput = {
  firstName: 'Mantas',
  lastName: 'Gudaitis',
  personalFileNo: 'A-77',
  birthDate: '1988-02-03',
  servingInstitutionId: 'own',
  halfwayHouseInstitutionId: 'own',
  requestDate: '2026-11-02',
  possibleTransferDate: '2026-12-15',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2028-03-01',
};

/** A request of a convict serving in Marijampolė for the institution's own halfway house (V-77 p. 5), with `over` changed. */
export const request = (over: Partial<RequestInput> = {}): RequestInput => ({
  firstName: 'Žydrūnas',
  lastName: 'Čepulis',
  personalFileNo: 'A-1001',
  birthDate: '1984-05-17',
  servingInstitutionId: 'marijampole',
  halfwayHouseInstitutionId: 'own',
  requestDate: '2026-11-02',
  possibleTransferDate: '2026-12-15',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2028-03-01',
  ...over,
});
