import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../shared/domain/calendar';
import { stepsInForce, type CaseStep } from '../../../shared/domain/caseProgress';
import type { CaseState } from '../../../shared/domain/caseStates';
import { dossierDueDate, meetingDueDate } from '../../../shared/domain/deadlines';
import { daySpreadOf, keptShare, periodStatistics, samplingDays, statisticsOfIndex, type StatisticsCase } from '../../../shared/domain/statistics';
import type { DecisionId } from '../../../shared/domain/decisions';
import type { CaseRecord } from '../../../shared/contract/schemas';

/** Issue 17: the statistics of a period, counted from the case index's summaries. */

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const NO_PLACES = { runsHalfwayHouse: false, places: 0 };

type Facts = StatisticsCase['facts'];

function aCase(requestDate: string, steps: [CaseState, CaseState, string][], facts: Facts = {}): StatisticsCase {
  return { request: { requestDate }, facts, progress: { steps: steps.map(([from, to, on]) => ({ from, to, on })) } };
}

/** The path of a request our commission decides, up to the decision on `decidedOn`. */
function decidedCase(requestDate: string, receivedOn: string, decidedOn: string, decision: DecisionId): StatisticsCase {
  return aCase(
    requestDate,
    [
      ['request_received', 'dossier_received', receivedOn],
      ['dossier_received', 'ready_for_commission', receivedOn],
      ['ready_for_commission', 'scheduled', receivedOn],
      ['scheduled', 'decided', decidedOn],
    ],
    { decision },
  );
}

describe('statistics of a period (issue 17)', () => {
  it('counts the requests received in the period by the request date, both ends included (V-77 p. 5)', () => {
    const cases = ['2025-12-31', '2026-01-01', '2026-06-15', '2026-12-31', '2027-01-01'].map((d) => aCase(d, []));
    expect(periodStatistics(cases, 0, NO_PLACES, YEAR).requests).toBe(3);
  });

  it('counts the decisions of the period by kind, and a decision later annulled as of unknown kind (V-77 p. 10, 51)', () => {
    const annulled = aCase('2026-02-02', [
      ['request_received', 'dossier_received', '2026-02-10'],
      ['dossier_received', 'ready_for_commission', '2026-02-10'],
      ['ready_for_commission', 'scheduled', '2026-02-11'],
      ['scheduled', 'decided', '2026-02-12'],
      ['decided', 'refused', '2026-02-20'],
      // The letter (p. 16) annulled on appeal: the commission considers the request again and decides 10.1.
      ['refused', 'ready_for_commission', '2026-04-01'],
      ['ready_for_commission', 'scheduled', '2026-04-02'],
      ['scheduled', 'decided', '2026-04-03'],
    ], { decision: '10.1' });
    const cases = [
      decidedCase('2026-01-05', '2026-01-20', '2026-01-25', '10.1'),
      decidedCase('2026-01-05', '2026-01-20', '2026-01-26', '10.2'),
      decidedCase('2026-03-02', '2026-03-10', '2026-03-12', '10.3'),
      decidedCase('2025-11-02', '2025-12-10', '2025-12-12', '10.4'), // decided before the period
      annulled,
    ];
    const s = periodStatistics(cases, 0, NO_PLACES, YEAR);
    expect(s.decisions).toEqual({ '10.1': 2, '10.2': 1, '10.3': 1, '10.4': 0, unknown: 1 });
    expect(s.director.letters).toBe(1);
    expect(s.reopened).toBe(1);
    // Days from the request: 20, 21, 10, 10, 60 → sorted 10, 10, 20, 21, 60.
    expect(s.decisionDays).toEqual({ count: 5, median: 20, q1: 10, q3: 21, min: 10, max: 60 });
  });

  it("counts the director's and the Prison Department's acts, arrivals, returns, departures and withdrawals by their day (V-77 p. 13–18, 24, 46)", () => {
    const listed: [CaseState, CaseState, string][] = [
      ['request_received', 'dossier_received', '2026-01-10'],
      ['dossier_received', 'ready_for_commission', '2026-01-10'],
      ['ready_for_commission', 'scheduled', '2026-01-11'],
      ['scheduled', 'decided', '2026-01-12'],
      ['decided', 'listed', '2026-01-12'],
    ];
    const cases = [
      aCase('2026-01-05', [...listed, ['listed', 'transfer_ordered', '2026-02-01'], ['transfer_ordered', 'transferred', '2026-02-03'], ['transferred', 'returned', '2026-05-01']]),
      aCase('2026-01-05', [...listed, ['listed', 'refused', '2026-02-01']]),
      aCase('2026-01-05', [...listed, ['listed', 'submitted_to_department', '2026-02-01'], ['submitted_to_department', 'transfer_ordered', '2026-03-01'], ['transfer_ordered', 'transferred', '2026-03-04'], ['transferred', 'left', '2026-09-01']]),
      aCase('2026-01-05', [...listed, ['listed', 'submitted_to_department', '2026-02-01'], ['submitted_to_department', 'refused', '2026-03-01']]),
      aCase('2026-01-05', [['request_received', 'withdrawn', '2026-01-07']]),
      aCase('2026-01-05', [['request_received', 'ineligible', '2026-01-08']]),
      // Acts of the next year are not counted.
      aCase('2026-01-05', [...listed, ['listed', 'transfer_ordered', '2027-01-02']]),
    ];
    const s = periodStatistics(cases, 0, NO_PLACES, YEAR);
    expect(s.director).toEqual({ ordered: 1, declined: 1, submitted: 2, letters: 0 });
    expect(s.department).toEqual({ resolutions: 1, refusals: 1 });
    expect([s.arrived, s.returned, s.left, s.withdrawn, s.ineligible]).toEqual([2, 1, 1, 1, 1]);
    // On the list from 2026-01-12 until the arrivals on 2026-02-03 (22 days) and 2026-03-04 (51 days).
    expect(s.waitingDays).toEqual({ count: 2, median: 36.5, q1: 29.3, q3: 43.8, min: 22, max: 51 });
  });

  it('never counts a step a correction undid: the statistics read the steps in force', () => {
    const timeline = [
      { at: '2026-01-05T08:00:00Z', kind: 'registered', on: '2026-01-05', to: 'request_received' },
      { at: '2026-01-06T08:00:00Z', kind: 'state', on: '2026-01-06', from: 'request_received', to: 'withdrawn' },
      { at: '2026-01-06T09:00:00Z', kind: 'corrected', on: '2026-01-06', from: 'withdrawn', to: 'request_received' },
    ] as CaseRecord['timeline'];
    const steps: CaseStep[] = stepsInForce(timeline);
    const s = periodStatistics([{ request: { requestDate: '2026-01-05' }, facts: {}, progress: { steps } }], 0, NO_PLACES, YEAR);
    expect(s.withdrawn).toBe(0);
    expect(s.requests).toBe(1);
  });

  it('measures the p. 7 term as the case page does: 20 working days from the request plus the extension', () => {
    const request = '2026-03-02';
    const due = dossierDueDate(request);
    const extendedDue = dossierDueDate(request, 5);
    const received = (on: string, facts: Facts = {}) => aCase(request, [['request_received', 'dossier_received', on]], facts);
    const cases = [
      received(due), // on the last day: kept
      received(addWorkingDays(due, 1)), // the next working day: late
      received(extendedDue, { dossierExtensionDays: 5 }), // extended (p. 7): kept
      aCase(request, [['request_received', 'dossier_sent', addWorkingDays(due, 2)]]), // sent to another institution, late
      aCase(request, []), // still awaited at the period's end: overdue
      aCase(request, [['request_received', 'withdrawn', '2026-03-05']]), // withdrawn: no term runs
    ];
    const s = periodStatistics(cases, 0, NO_PLACES, YEAR);
    expect(s.p7).toEqual({ kept: 2, late: 2, overdue: 1 });
    expect(keptShare(s.p7)).toBe(50);
    // Seen from a period ending before the term passed, the awaited dossier is not overdue yet.
    expect(periodStatistics([aCase(request, [])], 0, NO_PLACES, { from: '2026-03-01', to: due }).p7.overdue).toBe(0);
  });

  it('measures the p. 9 term from the dossier receipt, or from the reopening that sent the case back to the commission', () => {
    const received = '2026-04-01';
    const due = meetingDueDate(received);
    const reopened = aCase('2026-03-02', [
      ['request_received', 'dossier_received', '2026-03-10'],
      ['dossier_received', 'ready_for_commission', '2026-03-10'],
      ['ready_for_commission', 'scheduled', '2026-03-11'],
      ['scheduled', 'decided', '2026-03-12'],
      ['decided', 'refused', '2026-03-20'],
      ['refused', 'ready_for_commission', '2026-06-01'],
      ['ready_for_commission', 'scheduled', '2026-06-02'],
      ['scheduled', 'decided', meetingDueDate('2026-06-01')],
    ], { decision: '10.2' });
    const cases = [decidedCase('2026-03-20', received, due, '10.1'), decidedCase('2026-03-20', received, addWorkingDays(due, 1), '10.2'), reopened];
    const s = periodStatistics(cases, 0, NO_PLACES, YEAR);
    expect(s.p9).toEqual({ kept: 3, late: 1, unknown: 0 });
    expect(keptShare(s.p9)).toBe(75);
  });

  it('draws the places and the list at each month end for a year, daily for a short period (V-77 p. 4, 12)', () => {
    expect(samplingDays(YEAR)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31']);
    expect(samplingDays({ from: '2026-02-26', to: '2026-03-02' })).toEqual(['2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    const path: [CaseState, CaseState, string][] = [
      ['request_received', 'dossier_received', '2026-01-10'],
      ['dossier_received', 'ready_for_commission', '2026-01-10'],
      ['ready_for_commission', 'scheduled', '2026-01-11'],
      ['scheduled', 'decided', '2026-01-12'],
      ['decided', 'listed', '2026-01-12'],
      ['listed', 'transfer_ordered', '2026-02-10'],
      ['transfer_ordered', 'transferred', '2026-03-02'],
      ['transferred', 'left', '2026-05-15'],
    ];
    const cases = [aCase('2026-01-05', path, { arrival: { on: '2026-03-02' }, departure: { on: '2026-05-15' } }), aCase('2026-01-05', path.slice(0, 5))];
    const capacity = { runsHalfwayHouse: true, places: 10, capacityChanges: [{ from: '2026-04-01', places: 12 }] };
    const s = periodStatistics(cases, 0, capacity, { from: '2026-01-01', to: '2026-05-31' });
    expect(s.occupancy).toEqual([
      { on: '2026-01-31', capacity: 10, occupied: 0, held: 0, queue: 2 },
      { on: '2026-02-28', capacity: 10, occupied: 0, held: 1, queue: 2 },
      { on: '2026-03-31', capacity: 10, occupied: 1, held: 0, queue: 1 },
      { on: '2026-04-30', capacity: 12, occupied: 1, held: 0, queue: 1 },
      { on: '2026-05-31', capacity: 12, occupied: 0, held: 0, queue: 1 },
    ]);
  });

  it('counts a case file that cannot be read as unreadable, in no other figure', () => {
    const s = statisticsOfIndex([{ summary: aCase('2026-02-02', []) }, {}, {}], undefined, YEAR, YEAR.to);
    expect(s.unreadable).toBe(2);
    expect(s.requests).toBe(1);
    expect(s.occupancy.every((p) => p.capacity === 0)).toBe(true);
  });

  it('gives no median and no share where nothing was counted, rather than a zero', () => {
    expect(daySpreadOf([])).toEqual({ count: 0, median: null, q1: null, q3: null, min: null, max: null });
    expect(keptShare({ kept: 0, late: 0 })).toBeNull();
  });

  it('V-77 p. 10, 51: a decision annulled on appeal still counts by its kind when the step kept it', () => {
    const annulled: StatisticsCase = {
      request: { requestDate: '2026-02-02' },
      facts: { decision: '10.1' },
      progress: {
        steps: [
          { from: 'scheduled', to: 'decided', on: '2026-02-12', decision: '10.2' },
          { from: 'decided', to: 'refused', on: '2026-02-20' },
          { from: 'refused', to: 'ready_for_commission', on: '2026-04-01' },
          { from: 'ready_for_commission', to: 'scheduled', on: '2026-04-02' },
          { from: 'scheduled', to: 'decided', on: '2026-04-03', decision: '10.1' },
        ],
      },
    };
    expect(periodStatistics([annulled], 0, NO_PLACES, YEAR).decisions).toEqual({ '10.1': 1, '10.2': 1, '10.3': 0, '10.4': 0, unknown: 0 });
  });

  it('V-77 p. 46, 51: a convict whose return was annulled occupies a place again from the reopening, not in between', () => {
    const places = { runsHalfwayHouse: true, places: 10 };
    const returnedAndBack = aCase(
      '2025-01-02',
      [
        ['transfer_ordered', 'transferred', '2025-03-03'],
        ['transferred', 'returned', '2025-04-01'],
        ['returned', 'transferred', '2025-04-15'],
      ],
      { arrival: { on: '2025-03-03' } },
    );
    const occupied = periodStatistics([returnedAndBack], 0, places, { from: '2025-03-30', to: '2025-04-30' }).occupancy;
    const on = (day: string) => occupied.find((p) => p.on === day)!.occupied;
    expect([on('2025-03-31'), on('2025-04-01'), on('2025-04-14'), on('2025-04-15'), on('2025-04-30')]).toEqual([1, 0, 0, 1, 1]);
  });

  it('V-77 p. 7: a dossier that came only after the period was still awaited at its end', () => {
    const late = aCase('2025-01-02', [['request_received', 'dossier_received', '2025-03-20']]);
    expect(periodStatistics([late], 0, NO_PLACES, { from: '2025-01-01', to: '2025-02-28' }).p7).toEqual({ kept: 0, late: 0, overdue: 1 });
    expect(periodStatistics([late], 0, NO_PLACES, { from: '2025-01-01', to: '2025-03-31' }).p7).toEqual({ kept: 0, late: 1, overdue: 0 });
  });

  it('counts a period reaching past today only up to today, and refuses one that starts after it', () => {
    // Due 2026-06-30 (20 working days); on 2026-06-15 the term has not ended, so it is not overdue.
    const awaited = aCase('2026-06-02', []);
    const s = statisticsOfIndex([{ summary: awaited }], undefined, YEAR, '2026-06-15');
    expect(s.to).toBe('2026-06-15');
    expect(s.p7.overdue).toBe(0);
    expect(s.occupancy.at(-1)!.on).toBe('2026-06-15');
    expect(() => statisticsOfIndex([], undefined, { from: '2026-07-01', to: '2026-12-31' }, '2026-06-15')).toThrow(expect.objectContaining({ code: 'STATISTICS_PERIOD_FUTURE' }));
  });

  it('V-77 p. 12, 51: the wait on the list runs from the entry after the decision, through an annulled order', () => {
    const c = aCase('2026-01-02', [
      ['scheduled', 'decided', '2026-01-12'],
      ['decided', 'listed', '2026-01-12'],
      ['listed', 'transfer_ordered', '2026-02-01'],
      ['transfer_ordered', 'listed', '2026-02-20'],
      ['listed', 'transfer_ordered', '2026-03-01'],
      ['transfer_ordered', 'transferred', '2026-03-10'],
    ]);
    expect(periodStatistics([c], 0, NO_PLACES, YEAR).waitingDays).toMatchObject({ count: 1, median: 57 });
  });
});

