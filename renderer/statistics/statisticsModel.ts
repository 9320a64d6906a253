import type { IsoDate } from '../../shared/domain/calendar';
import { isStatisticsPeriod, type StatisticsView } from '../../shared/domain/statistics';
import { FIGURE_SECTIONS, STATISTICS_FIGURES, type FigureSection, type StatisticsFigure } from '../../shared/domain/statisticsFigures';

/**
 * Issue 17: what the statistics page draws, as pure functions: the bars of each chart (figures picked
 * by their codes, named in the app's language), the numbers as the page writes them, the period.
 */

export type Lang = 'lt' | 'en';

export interface Bar {
  id: string;
  label: string;
  /** The V-77 point, for the chart's table. */
  point: string;
  value: number;
}

/** The charts of counts, each the figures it draws by code. */
export const BAR_CHARTS = {
  decisions: ['decisions.10.1', 'decisions.10.2', 'decisions.10.3', 'decisions.10.4', 'decisions.unknown'],
  acts: ['director.ordered', 'director.declined', 'director.submitted', 'director.letters', 'department.resolutions', 'department.refusals', 'reopened'],
  terms: ['p7.kept', 'p7.late', 'p7.overdue', 'p9.kept', 'p9.late', 'p9.unknown'],
  movement: ['requests', 'arrived', 'returned', 'left', 'withdrawn', 'ineligible'],
} as const satisfies Record<string, readonly string[]>;

export type BarChartId = keyof typeof BAR_CHARTS;

function figure(id: string): StatisticsFigure {
  const f = STATISTICS_FIGURES.find((x) => x.id === id);
  if (!f) throw new Error(`No statistics figure ${id}`);
  return f;
}

/** The bars of a chart: each figure's name in `lang` and its count (a count is never null). */
export function barsOf(view: StatisticsView, chart: BarChartId, lang: Lang): Bar[] {
  return BAR_CHARTS[chart].map((id) => {
    const f = figure(id);
    return { id, label: f[lang], point: f.point, value: f.value(view) ?? 0 };
  });
}

/** A figure's number as the page writes it: "24,5" in Lithuanian, "24.5" in English, with "%" for a share; null is none. */
export function figureText(n: number | null, lang: Lang, percent = false, none = '–'): string {
  if (n === null) return none;
  const text = new Intl.NumberFormat(lang === 'lt' ? 'lt-LT' : 'en-GB', { maximumFractionDigits: 1, useGrouping: false }).format(n);
  return percent ? `${text} %` : text;
}

/** The figures of the full table, grouped by their section in print order. */
export function figureSections(): { section: FigureSection; title: { lt: string; en: string }; figures: StatisticsFigure[] }[] {
  const order = Object.keys(FIGURE_SECTIONS) as FigureSection[];
  return order.map((section) => ({ section, title: FIGURE_SECTIONS[section], figures: STATISTICS_FIGURES.filter((f) => f.section === section) }));
}

/** A calendar year as a period: 1 January to 31 December. */
export function yearPeriod(year: number): { from: IsoDate; to: IsoDate } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The period typed in, trimmed, if it is one the statistics count (real dates, in order, at most ten years). */
export function periodOf(from: string, to: string): { from: IsoDate; to: IsoDate } | null {
  const period = { from: from.trim(), to: to.trim() };
  return isStatisticsPeriod(period) ? period : null;
}
