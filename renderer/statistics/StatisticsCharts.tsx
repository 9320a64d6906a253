import { useId, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { OccupancyPoint } from '../../shared/domain/statistics';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { figureText, type Bar as BarDatum } from './statisticsModel';

/**
 * Issue 17: the charts of the statistics page, drawn with recharts for the projector (large labels,
 * each bar named on its axis and numbered at its end, the lines told apart by their dashes and
 * marks, not by colour alone). The drawing is hidden from screen readers: each chart is a <figure>
 * whose caption names it and whose table, visually hidden until asked for, holds the same numbers.
 */

const TICK = { fontSize: 16, fill: '#1d2733' };
const NUMBER_LABEL = { fontSize: 18, fontWeight: 700, fill: '#1d2733' };

/**
 * A bar's name on the axis; for a zero, also its "0" where the bar would start (recharts draws no
 * bar, and so no number at its end, for a zero).
 */
function barName(bars: readonly BarDatum[]) {
  return function BarName(props: { x?: number | string; y?: number | string; payload?: { value?: unknown; index?: number } }) {
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const bar = bars[props.payload?.index ?? -1];
    return (
      <g>
        <text x={x - 4} y={y} textAnchor="end" dominantBaseline="central" {...TICK}>
          {String(props.payload?.value ?? '')}
        </text>
        {bar?.value === 0 ? (
          <text x={x + 14} y={y} dominantBaseline="central" {...NUMBER_LABEL}>
            0
          </text>
        ) : null}
      </g>
    );
  };
}

/** A chart with its caption and the table of its numbers, which a button shows and hides. */
function ChartFigure({ id, caption, note, chart, table }: { id: string; caption: string; note?: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const tableId = useId();
  return (
    <figure className="statistics-figure" data-chart={id} aria-labelledby={`${tableId}-caption`}>
      <figcaption id={`${tableId}-caption`}>
        <span className="statistics-caption">{caption}</span>
        {note ? <span className="statistics-note">{note}</span> : null}
      </figcaption>
      <div className="statistics-chart" aria-hidden="true">
        {chart}
      </div>
      <button type="button" className="button-secondary statistics-table-toggle" aria-expanded={shown} aria-controls={tableId} onClick={() => setShown((s) => !s)}>
        {shown ? t('statistics.table.hide') : t('statistics.table.show')}
      </button>
      <div id={tableId} className={shown ? 'statistics-table' : 'statistics-table visually-hidden'}>
        {table}
      </div>
    </figure>
  );
}

/** Counts as horizontal bars, each named on the left and numbered at its end. */
export function BarFigure({ id, caption, bars }: { id: string; caption: string; bars: readonly BarDatum[] }) {
  const { t, lang } = useI18n();
  const height = bars.length * 52 + 50;
  return (
    <ChartFigure
      id={id}
      caption={caption}
      chart={
        <ResponsiveContainer width="100%" height={height}>
          <BarChart layout="vertical" data={[...bars]} margin={{ top: 8, right: 56, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#cfd6de" />
            <XAxis type="number" allowDecimals={false} tick={TICK} />
            <YAxis type="category" dataKey="label" width={360} tick={barName(bars)} interval={0} />
            <Bar dataKey="value" fill="#1c5fa8" isAnimationActive={false} barSize={30}>
              <LabelList dataKey="value" position="right" style={NUMBER_LABEL} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.table.figure')}</th>
              <th scope="col">{t('statistics.table.point')}</th>
              <th scope="col">{t('statistics.table.count')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.id} data-figure={b.id}>
                <th scope="row">{b.label}</th>
                <td>{b.point}</td>
                <td className="number">{figureText(b.value, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** The lines of the places' chart: each with its own dash and mark as well as its colour. */
const SERIES = [
  { key: 'capacity', colour: '#52606d', dash: '10 6', dot: false },
  { key: 'occupied', colour: '#1f3a5f', dash: undefined, dot: true },
  { key: 'held', colour: '#1e6b37', dash: '2 4', dot: true },
  { key: 'queue', colour: '#8a4b00', dash: '14 4 2 4', dot: true },
] as const;

/** The places, those occupied and held, and the list's length over the period (V-77 p. 4, 12). */
export function OccupancyFigure({ caption, points }: { caption: string; points: readonly OccupancyPoint[] }) {
  const { t, lang } = useI18n();
  const data = points.map((p) => ({ ...p, day: formatDate(p.on, lang) }));
  return (
    <ChartFigure
      id="occupancy"
      caption={caption}
      note={t('statistics.chart.occupancyNote')}
      chart={
        <ResponsiveContainer width="100%" height={380}>
          <LineChart data={data} margin={{ top: 16, right: 32, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#cfd6de" />
            <XAxis dataKey="day" tick={TICK} minTickGap={24} />
            <YAxis allowDecimals={false} tick={TICK} width={48} />
            <Legend wrapperStyle={{ fontSize: 16 }} itemSorter={null} />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={t(`statistics.series.${s.key}`)}
                stroke={s.colour}
                legendType="plainline"
                strokeWidth={3}
                {...(s.dash ? { strokeDasharray: s.dash } : {})}
                dot={s.dot ? { r: 4, strokeWidth: 2 } : false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.date')}</th>
              {SERIES.map((s) => (
                <th scope="col" key={s.key}>
                  {t(`statistics.series.${s.key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.on} data-day={p.on}>
                <th scope="row">{formatDate(p.on, lang)}</th>
                <td className="number">{p.capacity}</td>
                <td className="number">{p.occupied}</td>
                <td className="number">{p.held}</td>
                <td className="number">{p.queue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
