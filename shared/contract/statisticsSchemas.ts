import { z } from 'zod';
import { isoDate } from './fieldSchemas';

/** Issue 17: the statistics of a period (statistics.get), for the Prison Department's reports. */
export const statisticsQuery = z.object({ from: isoDate, to: isoDate });
export const statisticsView = z.object({});
export type StatisticsView = z.infer<typeof statisticsView>;
