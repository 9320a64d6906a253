// Issue 14: the halfway house's places and the p. 12 list, derived from the cases alone
// (shared/domain/places). Weekdays: 2026-01-01 is a Thursday (calendar.test.ts).
import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../../shared/domain/caseStates';
import type { DecisionId } from '../../../shared/domain/decisions';
import {
  capacityOn,
  freedPlaces,
  HOLDING_STATES,
  LIST_STATES,
  nextOnList,
  occupancyOn,
  occupiesOn,
  passedOver,
  PLACE_STATES,
  takesPlace,
  transferList,
  type ListEntry,
  type PlaceCase,
} from '../../../shared/domain/places';

function pc(id: string, state: CaseState, requestDate: string, facts: PlaceCase['facts'] = {}): PlaceCase {
  return { id, state, requestDate, firstName: `Vardas${id}`, lastName: `Pavardė${id}`, facts };
}
const listed = (id: string, requestDate: string, decision: DecisionId = '10.1', state: CaseState = 'listed') => pc(id, state, requestDate, { decision, listedOn: '2026-03-01' });
const ids = (list: readonly { caseId: string }[]) => list.map((e) => e.caseId);

describe('the p. 12 list: transferList', () => {
  it('V-77 p. 12: in the order of the requests’ dates, whatever order the cases come in', () => {
    const list = transferList([listed('c', '2026-02-10'), listed('a', '2026-01-05', '10.3'), listed('b', '2026-01-20')]);
    expect(ids(list)).toEqual(['a', 'b', 'c']);
    expect(list.map((e) => e.position)).toEqual([1, 2, 3]);
    expect(list[0]).toEqual({
      caseId: 'a',
      position: 1,
      firstName: 'Vardasa',
      lastName: 'Pavardėa',
      requestDate: '2026-01-05',
      decision: '10.3',
      state: 'listed',
      listedOn: '2026-03-01',
      waiting: true,
    });
  });

  it('V-77 p. 12: requests of the same day keep a stable order (by case id)', () => {
    expect(ids(transferList([listed('z9', '2026-01-05'), listed('a1', '2026-01-05'), listed('m5', '2026-01-04')]))).toEqual(['m5', 'a1', 'z9']);
  });

  it('V-77 p. 12: requests of the same day are ordered by the day of the decision first, as the printed list orders them', () => {
    const early = pc('z9', 'listed', '2026-01-05', { decision: '10.1', listedOn: '2026-02-01' });
    const late = pc('a1', 'listed', '2026-01-05', { decision: '10.1', listedOn: '2026-02-15' });
    const unknown = pc('a0', 'listed', '2026-01-05', { decision: '10.1' });
    expect(ids(transferList([unknown, late, early]))).toEqual(['z9', 'a1', 'a0']);
  });

  it('V-77 p. 12: only 10.1 and 10.3, in the list states (listed, submitted, transfer ordered)', () => {
    expect(LIST_STATES).toEqual(['listed', 'submitted_to_department', 'transfer_ordered']);
    const cases = [
      listed('l1', '2026-01-01', '10.1'),
      listed('s3', '2026-01-02', '10.3', 'submitted_to_department'),
      listed('o1', '2026-01-03', '10.1', 'transfer_ordered'),
      listed('x2', '2026-01-04', '10.2'), // 10.2 never lists (p. 12)
      listed('x4', '2026-01-05', '10.4'),
      pc('nd', 'listed', '2026-01-06', {}), // no decision recorded
      pc('dec', 'decided', '2026-01-07', { decision: '10.1' }), // decided, not yet listed
    ];
    const list = transferList(cases);
    expect(ids(list)).toEqual(['l1', 's3', 'o1']);
    // Only a listed convict still waits for a place; the others have their act.
    expect(list.map((e) => e.waiting)).toEqual([true, false, false]);
  });

  it.each<[CaseState, string]>([
    ['transferred', 'p. 22–25: transferred'],
    ['refused', 'p. 15, 18: refused by a director'],
    ['withdrawn', 'the convict withdrew'],
    ['ineligible', 'p. 47: circumstances of p. 3'],
    ['left', 'p. 4: left the halfway house'],
    ['returned', 'p. 46: returned'],
  ])('V-77 p. 12: a convict %s leaves the list (%s) and the others move up', (state) => {
    const before = transferList([listed('a', '2026-01-01'), listed('b', '2026-01-02'), listed('c', '2026-01-03')]);
    expect(ids(before)).toEqual(['a', 'b', 'c']);
    const after = transferList([listed('a', '2026-01-01', '10.1', state), listed('b', '2026-01-02'), listed('c', '2026-01-03')]);
    expect(after.map((e) => [e.caseId, e.position])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
  });
});

describe('the number of places: capacityOn', () => {
  it('V-77 p. 4: the base number applies before any change', () => {
    expect(capacityOn(10, [], '2026-04-10')).toBe(10);
  });

  it('V-77 p. 4: a dated change takes effect on its date, not the day before', () => {
    const changes = [{ from: '2026-05-01', places: 12 }];
    expect(capacityOn(10, changes, '2026-04-30')).toBe(10);
    expect(capacityOn(10, changes, '2026-05-01')).toBe(12);
    expect(capacityOn(10, changes, '2027-01-01')).toBe(12);
  });

  it('V-77 p. 4: of two changes the latest on or before the day counts, in whatever order they are stored', () => {
    const changes = [
      { from: '2026-09-01', places: 8 },
      { from: '2026-05-01', places: 12 },
    ];
    expect(capacityOn(10, changes, '2026-04-01')).toBe(10);
    expect(capacityOn(10, changes, '2026-08-31')).toBe(12);
    expect(capacityOn(10, changes, '2026-09-01')).toBe(8);
  });

  it('V-77 p. 4: a change dated in the future does not count today', () => {
    expect(capacityOn(10, [{ from: '2026-06-01', places: 4 }], '2026-04-10')).toBe(10);
  });
});

describe('occupancy: occupancyOn (V-77 p. 4, 13, 14, 17, 24)', () => {
  const arrivedOn = (id: string, on: string, departure?: { on: string; how: string }, state: CaseState = departure ? 'left' : 'transferred') =>
    pc(id, state, '2026-01-01', { decision: '10.1', arrival: { on }, ...(departure ? { departure } : {}) });

  it('V-77 p. 24: the convict occupies a place from the day of arrival', () => {
    const c = arrivedOn('a', '2026-04-01');
    expect(occupiesOn(c, '2026-03-31')).toBe(false);
    expect(occupiesOn(c, '2026-04-01')).toBe(true);
    expect(occupiesOn(c, '2027-04-01')).toBe(true);
  });

  it('V-77 p. 4: a convict recorded as transferred before arrivals were kept occupies a place (a day not recorded); one who left does not', () => {
    expect(occupiesOn(pc('old', 'transferred', '2025-01-05', { decision: '10.1' }), '2026-04-01')).toBe(true);
    expect(occupancyOn([pc('old', 'transferred', '2025-01-05', { decision: '10.1' })], 3, '2026-04-01')).toMatchObject({ occupied: ['old'], free: 2 });
    expect(occupiesOn(pc('gone', 'left', '2025-01-05', { decision: '10.1' }), '2026-04-01')).toBe(false);
  });

  it('V-77 p. 4, 44–46: the place is free again on the day of departure', () => {
    const c = arrivedOn('a', '2026-04-01', { on: '2026-04-10', how: 'parole' });
    expect(occupiesOn(c, '2026-04-09')).toBe(true);
    expect(occupiesOn(c, '2026-04-10')).toBe(false);
    expect(occupiesOn(arrivedOn('r', '2026-04-01', { on: '2026-04-10', how: 'return' }, 'returned'), '2026-04-10')).toBe(false);
  });

  it('V-77 p. 13, 14, 17: a place is held for a transfer ordered or a submission until the arrival', () => {
    expect(HOLDING_STATES).toEqual(['submitted_to_department', 'transfer_ordered']);
    const cases = [
      arrivedOn('a', '2026-03-02'),
      arrivedOn('b', '2026-04-01', { on: '2026-04-10', how: 'sentence_end' }),
      listed('c', '2026-01-10', '10.1', 'transfer_ordered'),
      listed('d', '2026-01-11', '10.3', 'submitted_to_department'),
      listed('e', '2026-01-12'), // waiting: holds nothing
      pc('f', 'refused', '2026-01-13', { decision: '10.1' }),
    ];
    expect(occupancyOn(cases, 5, '2026-04-09')).toEqual({ on: '2026-04-09', capacity: 5, occupied: ['a', 'b'], held: ['c', 'd'], free: 1, over: 0 });
    expect(occupancyOn(cases, 5, '2026-04-10')).toEqual({ on: '2026-04-10', capacity: 5, occupied: ['a'], held: ['c', 'd'], free: 2, over: 0 });
    expect(occupancyOn(cases, 5, '2026-03-01')).toEqual({ on: '2026-03-01', capacity: 5, occupied: [], held: ['c', 'd'], free: 3, over: 0 });
  });

  it('V-77 p. 4: after a capacity cut the excess is counted, and no place is free', () => {
    const capacity = (on: string) => capacityOn(4, [{ from: '2026-05-01', places: 2 }], on);
    const cases = [arrivedOn('a', '2026-03-02'), arrivedOn('b', '2026-03-03'), arrivedOn('c', '2026-03-04'), listed('d', '2026-01-11', '10.1', 'transfer_ordered')];
    expect(occupancyOn(cases, capacity('2026-04-30'), '2026-04-30')).toMatchObject({ capacity: 4, free: 0, over: 0 });
    expect(occupancyOn(cases, capacity('2026-05-01'), '2026-05-01')).toMatchObject({ capacity: 2, occupied: ['a', 'b', 'c'], held: ['d'], free: 0, over: 2 });
  });
});

describe('passing over someone earlier on the list: passedOver, nextOnList (V-77 p. 12, 13, 14, 20)', () => {
  const list: ListEntry[] = transferList([
    listed('a', '2026-01-01'),
    listed('b', '2026-01-02'),
    listed('o', '2026-01-03', '10.1', 'transfer_ordered'),
    listed('d', '2026-01-04', '10.3'),
  ]);

  it('V-77 p. 12: with one free place, an act for the second waiting convict passes over the first', () => {
    expect(ids(passedOver(list, 'b', 1))).toEqual(['a']);
    expect(ids(passedOver(list, 'd', 1))).toEqual(['a', 'b']);
    expect(passedOver(list, 'a', 1)).toEqual([]);
  });

  it('V-77 p. 12: with two free places the first two waiting get them, and the third passes over both', () => {
    expect(passedOver(list, 'b', 2)).toEqual([]);
    expect(ids(passedOver(list, 'd', 2))).toEqual(['a', 'b']);
    expect(passedOver(list, 'd', 3)).toEqual([]);
  });

  it('V-77 p. 12: a convict who already has an act, or is not on the list, passes over no one', () => {
    expect(passedOver(list, 'o', 1)).toEqual([]);
    expect(passedOver(list, 'nobody', 1)).toEqual([]);
  });

  it('V-77 p. 20: the next convict proposed for a free place is the first still waiting', () => {
    expect(nextOnList(list)?.caseId).toBe('a');
    expect(nextOnList(list.filter((e) => e.caseId !== 'a'))?.caseId).toBe('b');
    expect(nextOnList(list.filter((e) => e.caseId === 'o'))).toBeUndefined();
    expect(nextOnList([])).toBeUndefined();
  });
});

describe('the places freed: freedPlaces (V-77 p. 4, 20, 44–46)', () => {
  const away = (id: string, arrival: string, on: string, how: string, state: CaseState = 'left', placeReportedOn?: string) =>
    pc(id, state, '2026-01-01', { decision: '10.1', arrival: { on: arrival }, departure: { on, how }, ...(placeReportedOn ? { placeReportedOn } : {}) });

  it('V-77 p. 20: each departure with the term to report it within 2 working days, newest first', () => {
    const cases = [
      away('fri', '2026-01-05', '2026-04-03', 'parole'), // Friday before Easter Monday → Wed 04-08
      away('dec', '2026-01-05', '2026-12-23', 'sentence_end'), // Dec 24–26 holidays and the weekend → Tue 12-29
      away('jun', '2026-01-05', '2026-06-23', 'return', 'returned', '2026-06-24'), // Jun 24 holiday → Fri 06-26
      away('mar', '2026-01-05', '2026-03-10', 'transfer_elsewhere'), // Mar 11 holiday → Fri 03-13
      pc('in', 'transferred', '2026-01-01', { arrival: { on: '2026-02-01' } }), // still there: nothing freed
    ];
    expect(freedPlaces(cases)).toEqual([
      { caseId: 'dec', firstName: 'Vardasdec', lastName: 'Pavardėdec', on: '2026-12-23', how: 'sentence_end', reportDue: '2026-12-29' },
      { caseId: 'jun', firstName: 'Vardasjun', lastName: 'Pavardėjun', on: '2026-06-23', how: 'return', reportDue: '2026-06-26', reportedOn: '2026-06-24' },
      { caseId: 'fri', firstName: 'Vardasfri', lastName: 'Pavardėfri', on: '2026-04-03', how: 'parole', reportDue: '2026-04-08' },
      { caseId: 'mar', firstName: 'Vardasmar', lastName: 'Pavardėmar', on: '2026-03-10', how: 'transfer_elsewhere', reportDue: '2026-03-13' },
    ]);
  });

  it('V-77 p. 4, 20: a convict transferred before arrivals were kept frees a place by the departure, with its p. 20 term', () => {
    const legacy = pc('old', 'left', '2025-01-01', { decision: '10.1', departure: { on: '2026-05-05', how: 'parole' } }); // Tue → Thu
    expect(freedPlaces([legacy])).toEqual([{ caseId: 'old', firstName: 'Vardasold', lastName: 'Pavardėold', on: '2026-05-05', how: 'parole', reportDue: '2026-05-07' }]);
  });

  it('V-77 p. 20: departures of the same day are listed by case id', () => {
    expect(ids(freedPlaces([away('b', '2026-01-05', '2026-04-03', 'parole'), away('a', '2026-01-05', '2026-04-03', 'parole')]))).toEqual(['a', 'b']);
  });
});

describe('a place given back by a reopening or a correction: takesPlace (V-77 p. 4, 51)', () => {
  it('V-77 p. 4: the states that occupy or hold a place', () => {
    expect(PLACE_STATES).toEqual(['transferred', 'submitted_to_department', 'transfer_ordered']);
  });

  it.each<[CaseState, CaseState, boolean, string]>([
    ['returned', 'transferred', true, 'p. 46, 51: an annulled return puts the convict back in the halfway house'],
    ['refused', 'submitted_to_department', true, 'p. 18, 51: an annulled refusal of the Prison Department holds the place again'],
    ['left', 'transferred', true, 'p. 4: a departure corrected'],
    ['withdrawn', 'transfer_ordered', true, 'a withdrawal corrected'],
    ['refused', 'listed', false, 'p. 15, 51: back on the list, waiting'],
    ['transfer_ordered', 'submitted_to_department', false, 'p. 17, 51: held before, held after'],
    ['transfer_ordered', 'listed', false, 'p. 13, 51: the order annulled gives the place up'],
    ['transferred', 'transfer_ordered', false, 'p. 24: an arrival corrected keeps its place held'],
  ])('V-77 p. 4: %s → %s takes a place: %s (%s)', (from, to, expected) => {
    expect(takesPlace(from, to)).toBe(expected);
  });
});
