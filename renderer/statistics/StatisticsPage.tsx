import { saveFile } from '../components/saveFile';
import { useEffect, useState, type FormEvent } from 'react';
import type { DocumentItem } from '../../shared/contract/documentSchemas';
import type { StatisticsView } from '../../shared/contract/statisticsSchemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { statisticsCsv, statisticsCsvName } from '../../shared/domain/statisticsCsv';
import { ApiError, call, toApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { BarFigure, OccupancyFigure } from './StatisticsCharts';
import { barsOf, figureSections, figureText, periodOf, yearPeriod } from './statisticsModel';
import './statistics.css';

interface StatisticsPageProps {
  /** The secretary and the director prepare the report to the Prison Department (DOCUMENT_AUTHORS). */
  canIssueReport: boolean;
}

type Period = { from: IsoDate; to: IsoDate };

/**
 * "Statistika" (issue 17): a period's figures for the reports to the Prison Department, as charts
 * with their tables and one full table, downloadable as CSV for a Lithuanian Excel, and issued as
 * the report the director signs. Opens on the year so far; follows other users' changes.
 */
export function StatisticsPage({ canIssueReport }: StatisticsPageProps) {
  const { t, lang } = useI18n();
  const [asked, setAsked] = useState<Period | null>(null);
  const [view, setView] = useState<StatisticsView | null>(null);
  const [yearSoFar, setYearSoFar] = useState<Period | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [loads, setLoads] = useState(0);
  const [report, setReport] = useState<DocumentItem | null>(null);
  const [issuing, setIssuing] = useState(false);
  const reload = () => setLoads((n) => n + 1);

  useEvent(['cases.changed', 'settings.changed'], reload);

  useEffect(() => {
    let current = true;
    call('statistics.get', asked ?? {}).then(
      (value) => {
        if (!current) return;
        setView(value);
        setError(null);
        if (asked === null) {
          setYearSoFar({ from: value.from, to: value.to });
          setFrom(value.from);
          setTo(value.to);
        }
      },
      (e: unknown) => current && setError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [asked, loads]);

  const show = (period: Period) => {
    setFrom(period.from);
    setTo(period.to);
    setInvalid(false);
    setAsked(period);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const period = periodOf(from, to);
    setInvalid(period === null);
    if (period) show(period);
  };

  const issueReport = async (shown: StatisticsView) => {
    setIssuing(true);
    setError(null);
    try {
      setReport(await call('documents.issue', { kind: 'statisticsReport', from: shown.from, to: shown.to }));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setIssuing(false);
    }
  };

  const downloadReport = async (doc: DocumentItem) => {
    try {
      const file = await call('documents.read', { id: doc.id });
      saveFile(file.name, file.bytes);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const title = t('statistics.title');
  const lastYear = yearSoFar ? yearPeriod(Number(yearSoFar.from.slice(0, 4)) - 1) : null;

  return (
    <section className="page statistics-page">
      <PageTitle title={title} />
      <p className="lead">{t('statistics.lead')}</p>

      <form className="statistics-period" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('statistics.period')}</legend>
          <label>
            <span>{t('statistics.from')}</span>
            <input name="from" type="text" inputMode="numeric" size={11} placeholder={t('statistics.dateHint')} value={from} aria-invalid={invalid || undefined} aria-describedby={invalid ? 'statistics-period-error' : undefined} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            <span>{t('statistics.to')}</span>
            <input name="to" type="text" inputMode="numeric" size={11} placeholder={t('statistics.dateHint')} value={to} aria-invalid={invalid || undefined} aria-describedby={invalid ? 'statistics-period-error' : undefined} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" className="button-primary">
            {t('statistics.show')}
          </button>
          {yearSoFar ? (
            <button type="button" className="button-secondary" onClick={() => show(yearSoFar)}>
              {t('statistics.thisYear')}
            </button>
          ) : null}
          {lastYear ? (
            <button type="button" className="button-secondary" onClick={() => show(lastYear)}>
              {t('statistics.lastYear')}
            </button>
          ) : null}
        </fieldset>
        {invalid ? (
          <p id="statistics-period-error" className="field-error" role="alert">
            {t('statistics.periodInvalid')}
          </p>
        ) : null}
      </form>

      {error ? (
        <ErrorNotice error={error}>
          <button type="button" className="button-secondary" onClick={reload}>
            {t('common.retry')}
          </button>
        </ErrorNotice>
      ) : null}

      {view === null ? (
        error ? null : <p>{t('statistics.counting')}</p>
      ) : (
        <>
          <p className="statistics-shown" role="status" data-from={view.from} data-to={view.to}>
            {t('statistics.shown', { from: formatDate(view.from, lang), to: formatDate(view.to, lang) })}
          </p>
          {view.unreadable > 0 ? <p className="notice notice-warning">{t('statistics.unreadable', { count: view.unreadable })}</p> : null}

          <div className="statistics-actions">
            <button type="button" className="button-secondary" onClick={() => saveFile(statisticsCsvName(view), statisticsCsv(view, lang), 'text/csv;charset=utf-8')}>
              {t('statistics.csv')}
            </button>
            {canIssueReport ? (
              <button type="button" className="button-primary" onClick={() => void issueReport(view)} disabled={issuing}>
                {issuing ? t('statistics.reportBusy') : t('statistics.report')}
              </button>
            ) : null}
            <p className="statistics-hint">{t('statistics.csvHint')}</p>
          </div>

          {report ? (
            <div className="notice notice-ok statistics-report" role="status">
              <p>{t('statistics.reportIssued', { number: report.registrationNumber, from: formatDate(view.from, lang), to: formatDate(view.to, lang) })}</p>
              <p className="statistics-report-links">
                <a href="#/signing">{t('statistics.reportSign')}</a>
                <a href="#/documents">{t('statistics.reportDocuments')}</a>
                <button type="button" className="button-secondary" onClick={() => void downloadReport(report)}>
                  {t('statistics.reportDownload')}
                </button>
              </p>
            </div>
          ) : null}

          <div className="statistics-charts">
            <BarFigure id="decisions" caption={t('statistics.chart.decisions')} bars={barsOf(view, 'decisions', lang)} />
            <BarFigure id="acts" caption={t('statistics.chart.acts')} bars={barsOf(view, 'acts', lang)} />
            <BarFigure id="terms" caption={t('statistics.chart.terms')} bars={barsOf(view, 'terms', lang)} />
            <BarFigure id="movement" caption={t('statistics.chart.movement')} bars={barsOf(view, 'movement', lang)} />
            <OccupancyFigure caption={t('statistics.chart.occupancy')} points={view.occupancy} />
          </div>

          <h2>{t('statistics.figures')}</h2>
          <table className="data-table statistics-figures">
            <thead>
              <tr>
                <th scope="col">{t('statistics.table.figure')}</th>
                <th scope="col">{t('statistics.table.point')}</th>
                <th scope="col">{t('statistics.table.value')}</th>
              </tr>
            </thead>
            {figureSections().map(({ section, title: sectionTitle, figures }) => (
              <tbody key={section}>
                <tr>
                  <th scope="colgroup" colSpan={3} className="statistics-section">
                    {sectionTitle[lang]}
                  </th>
                </tr>
                {figures.map((f) => (
                  <tr key={f.id} data-figure={f.id}>
                    <th scope="row">{f[lang]}</th>
                    <td>{f.point}</td>
                    <td className="number">{figureText(f.value(view), lang, f.percent, t('statistics.none'))}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </>
      )}
    </section>
  );
}
