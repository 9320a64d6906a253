import type { Settings } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/calendar';
import { capacityOn, occupancyOn, passedOver, transferList, type ListEntry, type Occupancy, type PlaceCase } from '../../../shared/domain/places';
import type { CaseSummary } from '../store/caseStore';
import { DomainError } from '../../../shared/domain/errors';
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

/**
 * V-77 p. 4: a place must be free on `on` for the case `caseId`: the other cases' occupancy leaves at
 * least one place (a place the case itself holds or occupies is counted as its own). Refuses
 * NO_FREE_PLACE naming the occupancy without the case. One rule for every step that puts a convict
 * in a place or holds one: the arrival, a reopening or correction that gives a place back, and the
 * order or submission (documents).
 */
export function requireFreePlace(ctx: Pick<ServiceContext, 'cases' | 'settings'>, on: IsoDate, caseId: string, step: 'arrival' | 'reopening' | 'correction' | 'document' = 'document'): void {
  const others = placeCases(ctx).filter((c) => c.id !== caseId);
  const occupancy = occupancyOn(others, capacityBySettings(ctx.settings.get(), on), on);
  if (occupancy.free >= 1) return;
  throw new DomainError('NO_FREE_PLACE', { on, capacity: occupancy.capacity, occupied: occupancy.occupied.length, reserved: occupancy.held.length, ...(step !== 'document' ? { step } : {}) });
}
