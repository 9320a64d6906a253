import { z } from 'zod';
import { isStatisticsPeriod, type DaySpread, type OccupancyPoint, type StatisticsView } from '../domain/statistics';
import { isoDate } from './fieldSchemas';

/**
 * Issue 17: the statistics of a period (statistics.get), for the Prison Department's reports. Each
 * figure is defined where it is counted (shared/domain/statistics.ts); the period runs from `from`
 * to `to`, both days included.
 */

/** A period of the statistics: from `from` to `to`, both included. */
export const statisticsPeriod = z.object({ from: isoDate, to: isoDate });

/** The period asked for; none: the year so far (from 1 January to today), as the page opens. */
export const statisticsQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { path: ['to'], error: 'required' })
  .refine((q) => q.from === undefined || q.to === undefined || isStatisticsPeriod({ from: q.from, to: q.to }), { path: ['to'], error: 'invalid' });
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const count = z.number().int().min(0);

/** Days between two events of the cases counted: how many, the median, the quartiles and the extremes (null when none). */
export const daySpread = z.object({
  count,
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
}) satisfies z.ZodType<DaySpread>;

/** One day of the places' history: the number of places, those occupied and held, the p. 12 list's length. */
export const occupancyPoint = z.object({ on: isoDate, capacity: count, occupied: count, held: count, queue: count }) satisfies z.ZodType<OccupancyPoint>;

export const statisticsView = z.object({
  from: isoDate,
  to: isoDate,
  /** Case files that could not be read: none of their figures is counted. */
  unreadable: count,
  /** V-77 p. 5: requests received in the period. */
  requests: count,
  /** V-77 p. 10: decisions adopted in the period, by kind; `unknown`: adopted, then annulled by an upheld appeal (p. 51), whose kind the index no longer keeps. */
  decisions: z.object({ '10.1': count, '10.2': count, '10.3': count, '10.4': count, unknown: count }),
  /** The director's acts that took effect (signed) in the period: p. 13 order, p. 15 decision not to transfer, p. 14 submission, p. 16 letter. */
  director: z.object({ ordered: count, declined: count, submitted: count, letters: count }),
  /** The Prison Department director's acts recorded in the period: p. 17 resolution to transfer, p. 18 refusal. */
  department: z.object({ resolutions: count, refusals: count }),
  /** V-77 p. 51: cases reopened by an upheld appeal in the period. */
  reopened: count,
  /** In the period: arrivals in the halfway house (p. 24), returns (p. 46), departures (p. 4), withdrawals, cases found ineligible (p. 6, 47). */
  arrived: count,
  returned: count,
  left: count,
  withdrawn: count,
  ineligible: count,
  /** Calendar days from the request to the decision, for the decisions of the period. */
  decisionDays: daySpread,
  /** V-77 p. 7: dossiers received (or sent) in the period within their term and after it; `overdue`: still awaited at the period's end with the term passed. */
  p7: z.object({ kept: count, late: count, overdue: count }),
  /** V-77 p. 9: decisions of the period taken within 10 working days of the dossier's receipt, and after; `unknown`: no receipt recorded. */
  p9: z.object({ kept: count, late: count, unknown: count }),
  /** V-77 p. 12: calendar days on the list until the arrival, for the arrivals of the period. */
  waitingDays: daySpread,
  /** The places and the list over the period (daily for up to 92 days, else at each month's end), the last point being `to`. */
  occupancy: z.array(occupancyPoint),
}) satisfies z.ZodType<StatisticsView>;
export type { StatisticsView };
