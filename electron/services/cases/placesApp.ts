/**
 * Issue 14: the halfway house's places and the list of convicts proposed for transfer (V-77 p. 4,
 * 12, 20), derived from the cases' index summaries; the p. 20 report of a freed place; and the
 * dated changes of the number of places, kept in the settings.
 */
import { TIMELINE_NOTES } from '../../../shared/domain/timelineNotes';
import type { PlacesView } from '../../../shared/contract/afterDecisionSchemas';
import type { GeneratedDocument } from '../../../shared/contract/documentSchemas';
import { standingPassOvers } from '../../../shared/domain/documents/annulment';
import type { CaseRecord, SavedSettings, Settings } from '../../../shared/contract/schemas';
import { compareIso } from '../../../shared/domain/calendar';
import type { CaseState } from '../../../shared/domain/caseStates';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import { freedPlaces, nextOnList, type PlaceCase } from '../../../shared/domain/places';
import { stepDateProblem } from '../../../shared/domain/stepRules';
import type { ServiceContext, ServiceHandlers } from '../context';
import { caseChanges, stampOf } from './caseChanges';
import { placeState } from './placeAccounting';

type PlacesHandlers = Pick<ServiceHandlers, 'places.get' | 'places.reportFreed' | 'places.changeCapacity'>;

/** The states of a convict who left the halfway house, freeing a place (V-77 p. 4, 44–46). */
const FREED_STATES: readonly CaseState[] = ['left', 'returned'];

type PassOver = PlacesView['passOvers'][number];

function withoutRevision({ revision: _revision, ...values }: SavedSettings): Settings {
  return values;
}

export function placesHandlers(ctx: ServiceContext): PlacesHandlers {
  const { forChange, save } = caseChanges(ctx);

  /**
   * This year's pass-overs (V-77 p. 12), as the timelines of the cases they concern keep them. Only
   * an order or a submission issued with a written reason for passing over someone makes one
   * (documents.issue), and such acts are few: only their cases are read, never the rest.
   */
  const passOversOf = (year: string): PassOver[] => {
    let docs: GeneratedDocument[];
    try {
      docs = ctx.generated.list();
    } catch {
      return []; // the documents cannot be read now: the places still show
    }
    const replacesOf = new Map<string, string>();
    for (const d of docs) if (d.replaces !== undefined) replacesOf.set(d.id, d.replaces);
    const caseIds = new Set<string>();
    for (const d of docs) if ('passOverReason' in d.request && d.request.passOverReason) for (const id of d.caseIds) caseIds.add(id);
    const out: PassOver[] = [];
    for (const id of caseIds) {
      let record: CaseRecord;
      try {
        record = ctx.cases.get(id);
      } catch {
        continue; // a damaged case shows as such in the list of cases
      }
      // A correction of the act records its own pass-over; the act it replaced no longer counts (V-77 p. 12).
      for (const e of standingPassOvers(record.timeline, (id) => replacesOf.get(id))) {
        if (e.on !== undefined && e.on.slice(0, 4) === year) out.push({ caseId: record.id, on: e.on, passed: e.passed ?? [], reason: e.note ?? '' });
      }
    }
    return out.sort((a, b) => compareIso(b.on, a.on) || (a.caseId < b.caseId ? -1 : 1));
  };

  const requireHalfwayHouse = (): SavedSettings => {
    const settings = ctx.settings.get();
    if (!settings) throw new DomainError('SETUP_REQUIRED');
    if (!settings.institution.runsHalfwayHouse) throw new DomainError('NO_HALFWAY_HOUSE');
    return settings;
  };

  const placesView = (): PlacesView => {
    const settings = requireHalfwayHouse();
    const today = ctx.today();
    const { cases, occupancy, list } = placeState(ctx, today);
    const byId = new Map<string, PlaceCase>(cases.map((c) => [c.id, c]));
    const person = (id: string) => {
      const c = byId.get(id)!;
      return { caseId: id, firstName: c.firstName, lastName: c.lastName };
    };
    const passOvers = passOversOf(today.slice(0, 4));
    const next = nextOnList(list);
    return {
      today,
      halfwayHouse: settings.institution.halfwayHouseName,
      capacity: occupancy.capacity,
      capacityChanges: settings.institution.capacityChanges ?? [],
      occupied: occupancy.occupied.map((id) => {
        // A convict transferred before arrivals were kept occupies a place from a day not recorded.
        const arrival = byId.get(id)!.facts.arrival;
        return { ...person(id), ...(arrival !== undefined ? { arrivedOn: arrival.on } : {}) };
      }),
      held: occupancy.held.map((id) => {
        const { caseId, firstName, lastName } = person(id);
        return { caseId, firstName, lastName, state: byId.get(id)!.state };
      }),
      free: occupancy.free,
      over: occupancy.over,
      list,
      ...(next ? { next } : {}),
      freed: freedPlaces(cases).map((f) => ({ ...f, overdue: f.reportedOn === undefined && compareIso(f.reportDue, today) < 0 })),
      passOvers,
      settingsRevision: settings.revision,
    };
  };

  return {
    'places.get': async () => placesView(),

    'places.reportFreed': async ({ id, revision, on }, caller) => {
      const record = forChange(id, revision);
      const departure = record.facts.departure;
      // Only a convict in the halfway house departs: the place freed is reported even when the arrival
      // was not recorded (a convict transferred before arrivals were kept, V-77 p. 4, 20).
      if (!FREED_STATES.includes(record.state) || departure === undefined || record.facts.placeReportedOn !== undefined) {
        throw new DomainError('PLACE_NOT_FREED', { caseId: id });
      }
      const problem = stepDateProblem(on, ctx.today(), departure.on);
      if (problem) throw fieldError('on', problem, { why: 'stepDate', notBefore: departure.on });
      const at = ctx.now().toISOString();
      const stamp = stampOf(caller, at);
      const next: CaseRecord = {
        ...record,
        revision: record.revision + 1,
        updatedAt: at,
        facts: { ...record.facts, placeReportedOn: on },
        timeline: [
          ...record.timeline,
          { at, ...(stamp.by !== undefined ? { by: stamp.by } : {}), kind: 'placeReported', on, note: TIMELINE_NOTES.placeReported(departure.on) },
        ],
      };
      save(next, 'caseStep', caller, { before: record, summary: `Pranešta apie laisvą vietą pusiaukelės namuose (V-77 20 p.), ${on}` });
      return placesView();
    },

    'places.changeCapacity': async ({ revision, from, places, note }, caller) => {
      const before = requireHalfwayHouse();
      if (before.revision !== revision) {
        // What changed since is the settings page's to show: the change is refused whole and the places view read again.
        throw new DomainError('STALE_REVISION', { kind: 'settings', revision: before.revision, changed: [] });
      }
      const institution = { ...before.institution, capacityChanges: [...(before.institution.capacityChanges ?? []), { from, places, note }] };
      const next: SavedSettings = { ...before, institution, revision: before.revision + 1 };
      // The trail digests the values, as settings.save does: the revision only counts the changes.
      caller.record({ kind: 'settings' }, withoutRevision(before), withoutRevision(next), `Pusiaukelės namų vietų skaičius nuo ${from}: ${places}`, (stores) =>
        stores.settings.save(next),
      );
      return placesView();
    },
  };
}
