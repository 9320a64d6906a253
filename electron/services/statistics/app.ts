/** Issue 17: the statistics of a period (statistics.get), counted from the case index (shared/domain/statistics.ts). */
import { statisticsOfIndex } from '../../../shared/domain/statistics';
import type { ServiceContext, ServiceHandlers } from '../context';

type StatisticsHandlers = Pick<ServiceHandlers, 'statistics.get'>;

export function statisticsHandlers(ctx: ServiceContext): StatisticsHandlers {
  return {
    'statistics.get': async (query) => {
      const today = ctx.today();
      const period = query.from !== undefined && query.to !== undefined ? { from: query.from, to: query.to } : { from: `${today.slice(0, 4)}-01-01`, to: today };
      return statisticsOfIndex(ctx.cases.list(), ctx.settings.get()?.institution, period, today);
    },
  };
}
