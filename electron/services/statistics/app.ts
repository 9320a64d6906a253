/** Issue 17: the statistics of a period (statistics.get). */
import type { ServiceContext, ServiceHandlers } from '../context';

type StatisticsHandlers = Pick<ServiceHandlers, 'statistics.get'>;

export function statisticsHandlers(_ctx: ServiceContext): StatisticsHandlers {
  return {
    'statistics.get': async () => ({}),
  };
}
