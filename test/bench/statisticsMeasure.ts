/**
 * Issue 17: the time `statistics.get` takes for a full year (limit: 150 ms with 10,000 cases), for
 * the 10,000-case benchmark to call with a signed-in caller's dispatch. The year is the twelve months
 * up to the services' today (asked of statistics.get itself, which opens on the year so far). The
 * services are warmed by a few calls first; the figure is the median of twenty.
 */
import type { InvokeResult } from '../../shared/contract/result';
import type { StatisticsView } from '../../shared/contract/statisticsSchemas';
import { addCalendarMonths, addDays } from '../../shared/domain/calendar';
import { median } from './stats';

const WARM_UP = 3;
const RUNS = 20;

async function statisticsOf(dispatch: (method: string, input: unknown) => Promise<InvokeResult>, input: object): Promise<StatisticsView> {
  const result = await dispatch('statistics.get', input);
  if (!result.ok) throw new Error(`statistics.get failed: ${result.error.code} ${result.error.message}`);
  return result.value as StatisticsView;
}

export async function measureStatistics(dispatch: (method: string, input: unknown) => Promise<InvokeResult>): Promise<{ medianMs: number }> {
  const today = (await statisticsOf(dispatch, {})).to;
  const year = { from: addDays(addCalendarMonths(today, -12), 1), to: today };
  for (let i = 0; i < WARM_UP; i++) await statisticsOf(dispatch, year);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await statisticsOf(dispatch, year);
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times) };
}
