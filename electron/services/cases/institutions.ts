import { OWN_INSTITUTION_ID, type Settings } from '../../../shared/contract/schemas';
import { DomainError } from '../../../shared/domain/errors';

export interface InstitutionRef {
  id: string;
  name: string;
}

function unknownInstitution(id: string, field: string): DomainError {
  return new DomainError('UNKNOWN_INSTITUTION', { id, field });
}

/** The institution where the convict serves: this one or one cases come from. */
export function servingInstitution(settings: Settings, id: string): InstitutionRef {
  if (id === OWN_INSTITUTION_ID) return { id, name: settings.institution.name };
  const other = settings.otherInstitutions.find((o) => o.id === id);
  if (!other) throw unknownInstitution(id, 'servingInstitutionId');
  return { id, name: other.name };
}

/** The halfway house a request names (V-77 p. 5), by the institution that runs it. */
export function halfwayHouse(settings: Settings, institutionId: string): InstitutionRef {
  if (institutionId === OWN_INSTITUTION_ID && settings.institution.runsHalfwayHouse) {
    return { id: institutionId, name: settings.institution.halfwayHouseName };
  }
  const other = settings.otherInstitutions.find((o) => o.id === institutionId && o.halfwayHouseName);
  if (!other) throw unknownInstitution(institutionId, 'halfwayHouseInstitutionId');
  return { id: institutionId, name: other.halfwayHouseName };
}
