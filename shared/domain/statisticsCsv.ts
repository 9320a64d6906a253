/**
 * Issue 17: the statistics as CSV that a Lithuanian Excel opens correctly by a double click: UTF-8
 * with a byte-order mark (else Excel reads the letters ą, č, ė … as another code page), the list
 * separator ";" and the decimal comma of the Lithuanian regional settings (Excel reads "12,5" as a
 * number there, and "12.5" as a date or text), lines ended by CRLF, and a field that holds ";", '"'
 * or a line break quoted with its quotes doubled (RFC 4180).
 */
import type { StatisticsView } from './statistics';
import { FIGURE_SECTIONS, OCCUPANCY_COLUMNS, STATISTICS_FIGURES } from './statisticsFigures';

export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

/** One field, quoted when it holds the separator, a quote or a line break. */
export function csvField(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as Lithuanian Excel reads it: a decimal comma, no grouping; empty for none. */
export function csvNumber(n: number | null): string {
  return n === null ? '' : String(n).replace('.', ',');
}

/** A V-77 point as text ("10.1 p."), which Excel never takes for a date or a number. */
function pointText(point: string, lang: 'lt' | 'en'): string {
  if (point === '') return '';
  return lang === 'lt' ? `${point} p.` : `p. ${point}`;
}

const row = (fields: readonly string[]): string => fields.map(csvField).join(CSV_SEPARATOR);

/**
 * The CSV of a period's statistics in `lang`: the period, then one row per figure (code, section,
 * V-77 point, name, value), then after an empty line the places and the list day by day.
 */
export function statisticsCsv(view: StatisticsView, lang: 'lt' | 'en'): string {
  const lines: string[] = [];
  lines.push(row(lang === 'lt' ? ['Laikotarpis', view.from, view.to] : ['Period', view.from, view.to]));
  lines.push(row(lang === 'lt' ? ['Kodas', 'Skyrius', 'Aprašo punktas', 'Rodiklis', 'Reikšmė'] : ['Code', 'Section', 'V-77 point', 'Figure', 'Value']));
  for (const f of STATISTICS_FIGURES) {
    lines.push(row([f.id, FIGURE_SECTIONS[f.section][lang], pointText(f.point, lang), f[lang], csvNumber(f.value(view))]));
  }
  lines.push('');
  lines.push(row(OCCUPANCY_COLUMNS.map((c) => c[lang])));
  for (const p of view.occupancy) lines.push(row([p.on, csvNumber(p.capacity), csvNumber(p.occupied), csvNumber(p.held), csvNumber(p.queue)]));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** The file name of the period's CSV. */
export function statisticsCsvName(view: Pick<StatisticsView, 'from' | 'to'>): string {
  return `statistika_${view.from}_${view.to}.csv`;
}
