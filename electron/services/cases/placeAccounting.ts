import type { Settings } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/calendar';
import { capacityOn, occupancyOn, passedOver, transferList, type ListEntry, type Occupancy, type PlaceCase } from '../../../shared/domain/places';
import type { CaseSummary } from '../store/caseStore';
import type { ServiceContext } from '../context';

/** A case's index summary as the places and the list read it: no case file is opened. */
export function placeCaseOf(s: CaseSummary): PlaceCase {
  return { id: s.id, state: s.state, requestDate: s.request.requestDate, firstName: s.convict.firstName, lastName: s.convict.lastName, facts: s.facts };
}

/** Every readable case, as the places and the list read them. */
export function placeCases(ctx: Pick<ServiceContext, 'cases'>): PlaceCase[] {
  const out: PlaceCase[] = [];
  for (const c of ctx.cases.list()) if (c.summary) out.push(placeCaseOf(c.summary));
  return out;
}

/** The number of places on `date` by the settings (0 when the institution runs no halfway house). */
export function capacityBySettings(settings: Settings | null, date: IsoDate): number {
  if (!settings?.institution.runsHalfwayHouse) return 0;
  return capacityOn(settings.institution.places, settings.institution.capacityChanges ?? [], date);
}

export interface PlaceState {
  cases: PlaceCase[];
  occupancy: Occupancy;
  list: ListEntry[];
}

/** The places and the list on `date` (V-77 p. 4, 12). */
export function placeState(ctx: Pick<ServiceContext, 'cases' | 'settings'>, date: IsoDate): PlaceState {
  const cases = placeCases(ctx);
  return { cases, occupancy: occupancyOn(cases, capacityBySettings(ctx.settings.get(), date), date), list: transferList(cases) };
}

/** Who an act for `caseId` would pass over on the list, with the free places as they are (V-77 p. 12). */
export function passedOverBy(state: PlaceState, caseId: string): ListEntry[] {
  return passedOver(state.list, caseId, state.occupancy.free);
}
