import { parseDateInput } from '../forms/dateInput';
import { countLabel } from '../i18n/plural';
import { useEffect, useState } from 'react';
import type { PlacesView } from '../../shared/contract/afterDecisionSchemas';
import { compareIso, type IsoDate } from '../../shared/domain/calendar';
import { CASE_STATE_LABELS } from '../../shared/domain/caseStates';
import { ApiError, call, toApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { ActionNotice } from '../layout/ActionNotice';
import { routeHref } from '../router/routes';
import { CapacityForm } from './CapacityForm';
import { CapacityHistory } from './CapacityHistory';
import { namesByCase, reportOverdue, waitingDays } from './placesModel';
import '../afterDecision/afterDecision.css';
import './places.css';

interface PlacesPageProps {
  /** The secretary records that the director was told of a freed place (V-77 p. 20). */
  canWrite: boolean;
  /** The administrator changes the number of places (V-77 p. 4). */
  canChangeCapacity: boolean;
  /** A capacity change was saved here: the settings the app holds are read again. */
  onSettingsChanged?: () => void;
}

type FreedPlace = PlacesView['freed'][number];

function CaseLink({ id, name }: { id: string; name: string }) {
  return <a href={routeHref({ name: 'case', id })}>{name}</a>;
}

/** V-77 p. 20: the director was told of the freed place: the date (today unless earlier) and the button. */
function ReportCell({ freed, today, onReport }: { freed: FreedPlace; today: IsoDate; onReport(freed: FreedPlace, on: IsoDate): Promise<void> }) {
  const { t } = useI18n();
  const [on, setOn] = useState(today);
  const [busy, setBusy] = useState(false);
  const name = `${freed.lastName} ${freed.firstName}`;
  // Issue 17: typed as 2026-12-04, 2026.12.04 or 2026 12 04, shown as 2026-12-04 once left.
  const date = parseDateInput(on);
  const valid = date !== null && compareIso(date, today) <= 0 && compareIso(date, freed.on) >= 0;
  const id = `report-${freed.caseId}`;
  return (
    <form
      className="report-cell"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        setBusy(true);
        void onReport(freed, date).finally(() => setBusy(false));
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('places.freed.reportOnNamed', { name })}
      </label>
      <input id={id} type="text" value={on} size={10} placeholder="MMMM-MM-DD" aria-invalid={valid ? undefined : true} onChange={(e) => setOn(e.target.value)} onBlur={() => date !== null && setOn(date)} />
      <button type="submit" className="button-secondary" disabled={!valid || busy} aria-label={t('places.freed.reportNamed', { name })}>
        {t('places.freed.report')}
      </button>
    </form>
  );
}

/**
 * "Vietos ir sąrašas" (V-77 p. 4, 12, 20): the halfway house's places today (capacity, occupied,
 * held for convicts being transferred, free), the p. 12 list in order with the next convict proposed
 * when a place is free, the freed places with their p. 20 term, the pass-overs with their reasons,
 * and the capacity over time (changed by the administrator). Follows other users' changes.
 */
export function PlacesPage({ canWrite, canChangeCapacity, onSettingsChanged }: PlacesPageProps) {
  const { lang, t } = useI18n();
  const [view, setView] = useState<PlacesView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  // Issue 17: what an action did, shown where it was done: the freed places' table or the capacity form.
  const [notice, setNotice] = useState<{ text: string; at: 'freed' | 'capacity' } | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = () => setLoads((n) => n + 1);

  // Any case's step, arrival or departure, and a capacity change in the settings, move the places.
  useEvent(['cases.changed', 'settings.changed'], reload);

  useEffect(() => {
    let current = true;
    call('places.get', {}).then(
      (value) => {
        if (!current) return;
        setView(value);
        setError(null);
      },
      (e: unknown) => current && setError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [loads]);

  const report = async (freed: FreedPlace, on: IsoDate) => {
    setActionError(null);
    setNotice(null);
    try {
      // The report is recorded on the case that freed the place, against its current revision.
      const c = await call('cases.get', { id: freed.caseId });
      setView(await call('places.reportFreed', { id: freed.caseId, revision: c.record.revision, on }));
      setNotice({ at: 'freed', text: t('places.freed.reported', { name: `${freed.lastName} ${freed.firstName}`, date: formatDate(on, lang) }) });
    } catch (e) {
      setActionError(toApiError(e));
      reload();
    }
  };

  const title = t('places.title');
  if (!view) {
    return (
      <section className="page places-page">
        <PageTitle title={title} />
        {error ? (
          <ErrorNotice error={error}>
            <button type="button" className="button-secondary" onClick={reload}>
              {t('common.retry')}
            </button>
          </ErrorNotice>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </section>
    );
  }

  const day = view.today;
  const names = namesByCase(view);
  const next = view.next;
  const nameOf = (p: { lastName: string; firstName: string }) => `${p.lastName} ${p.firstName}`;

  return (
    <section className="page places-page">
      <PageTitle title={title} />
      <p className="lead">{t('places.lead', { house: view.halfwayHouse, date: formatDate(day, lang) })}</p>
      {error ? <ErrorNotice error={error} /> : null}

      <div className="places-summary" role="status" data-free={view.free} data-capacity={view.capacity} data-over={view.over}>
        <p className="places-free">
          <span className="places-free-label">{t('places.free')}</span> <span className="places-free-number">{view.free}</span>
        </p>
        <dl className="places-counts">
          <div>
            <dt>{t('places.capacity.today')}</dt>
            <dd>{view.capacity}</dd>
          </div>
          <div>
            <dt>{t('places.occupied.count')}</dt>
            <dd>{view.occupied.length}</dd>
          </div>
          <div>
            <dt>{t('places.held.count')}</dt>
            <dd>{view.held.length}</dd>
          </div>
        </dl>
      </div>
      {view.over > 0 ? (
        <p className="notice notice-error places-over" role="status">
          {t('places.over', { over: view.over })}
        </p>
      ) : null}
      {view.free > 0 && next ? (
        <p className="notice notice-ok places-next" role="status" data-next={next.caseId}>
          {t('places.next')} <CaseLink id={next.caseId} name={nameOf(next)} /> {t('places.nextDetail', { position: next.position, date: formatDate(next.requestDate, lang) })}
        </p>
      ) : null}
      {view.free === 0 && view.list.some((e) => e.waiting) ? (
        <p className="notice notice-warning" role="status">
          {t('places.noneFree')}
        </p>
      ) : null}

      <section aria-labelledby="list-title" className="panel">
        <h2 id="list-title">{t('places.list.title')}</h2>
        {view.list.length === 0 ? (
          <p>{t('places.list.empty')}</p>
        ) : (
          <div className="places-scroll">
            <table className="data-table places-list">
              <caption className="visually-hidden">{t('places.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('places.list.col.position')}</th>
                  <th scope="col">{t('places.col.name')}</th>
                  <th scope="col">{t('places.list.col.requestDate')}</th>
                  <th scope="col">{t('places.list.col.decision')}</th>
                  <th scope="col">{t('places.list.col.state')}</th>
                  <th scope="col">{t('places.list.col.waiting')}</th>
                </tr>
              </thead>
              <tbody>
                {view.list.map((e) => {
                  const proposed = view.free > 0 && next?.caseId === e.caseId;
                  return (
                    <tr key={e.caseId} data-case={e.caseId} className={proposed ? 'is-next' : undefined} aria-current={proposed ? 'true' : undefined}>
                      <td>{e.position}</td>
                      <th scope="row">
                        <CaseLink id={e.caseId} name={nameOf(e)} />
                        {proposed ? <span className="next-badge"> {t('places.list.proposed')}</span> : null}
                      </th>
                      <td>{formatDate(e.requestDate, lang)}</td>
                      <td>{e.decision}</td>
                      <td>{CASE_STATE_LABELS[e.state][lang]}</td>
                      <td>{e.waiting ? countLabel(lang, 'places.list.waitingDays', waitingDays(e, day)) : t('places.list.notWaiting')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="case-grid">
        <section aria-labelledby="occupied-title" className="panel">
          <h2 id="occupied-title">{t('places.occupied.title')}</h2>
          {view.occupied.length === 0 ? (
            <p>{t('places.occupied.empty')}</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">{t('places.occupied.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('places.col.name')}</th>
                  <th scope="col">{t('places.occupied.col.arrived')}</th>
                </tr>
              </thead>
              <tbody>
                {view.occupied.map((o) => (
                  <tr key={o.caseId} data-case={o.caseId}>
                    <th scope="row">
                      <CaseLink id={o.caseId} name={nameOf(o)} />
                    </th>
                    {/* A convict transferred before arrivals were kept: the day is not known. */}
                    <td>{o.arrivedOn ? formatDate(o.arrivedOn, lang) : t('places.occupied.arrivedUnknown')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="held-title" className="panel">
          <h2 id="held-title">{t('places.held.title')}</h2>
          <p className="field-hint">{t('places.held.hint')}</p>
          {view.held.length === 0 ? (
            <p>{t('places.held.empty')}</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">{t('places.held.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('places.col.name')}</th>
                  <th scope="col">{t('places.list.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {view.held.map((h) => (
                  <tr key={h.caseId} data-case={h.caseId}>
                    <th scope="row">
                      <CaseLink id={h.caseId} name={nameOf(h)} />
                    </th>
                    <td>{CASE_STATE_LABELS[h.state][lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section aria-labelledby="freed-title" className="panel">
        <h2 id="freed-title">{t('places.freed.title')}</h2>
        {view.freed.length === 0 ? (
          <p>{t('places.freed.empty')}</p>
        ) : (
          <div className="places-scroll">
            <table className="data-table places-freed">
              <caption className="visually-hidden">{t('places.freed.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('places.col.name')}</th>
                  <th scope="col">{t('places.freed.col.on')}</th>
                  <th scope="col">{t('places.freed.col.how')}</th>
                  <th scope="col">{t('places.freed.col.due')}</th>
                  <th scope="col">{t('places.freed.col.reported')}</th>
                </tr>
              </thead>
              <tbody>
                {view.freed.map((f) => {
                  const overdue = reportOverdue(f, day);
                  return (
                    <tr key={f.caseId} data-case={f.caseId} data-overdue={overdue || undefined}>
                      <th scope="row">
                        <CaseLink id={f.caseId} name={nameOf(f)} />
                      </th>
                      <td>{formatDate(f.on, lang)}</td>
                      <td>{HOW_KEYS[f.how] ? t(HOW_KEYS[f.how]!) : f.how}</td>
                      <td className={overdue ? 'overdue' : undefined}>
                        {formatDate(f.reportDue, lang)}
                        {overdue ? <span className="overdue-mark"> {t('places.freed.overdue')}</span> : null}
                      </td>
                      <td>
                        {f.reportedOn ? formatDate(f.reportedOn, lang) : canWrite ? <ReportCell freed={f} today={day} onReport={report} /> : t('places.freed.notReported')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {/* Issue 17: the outcome of a report under the table it was made in (its row's form is gone). */}
        {notice?.at === 'freed' ? (
          <ActionNotice key={notice.text} takeFocus>
            {notice.text}
          </ActionNotice>
        ) : null}
        {actionError ? <ErrorNotice error={actionError} /> : null}
      </section>

      <section aria-labelledby="passovers-title" className="panel">
        <h2 id="passovers-title">{t('places.passOvers.title')}</h2>
        {view.passOvers.length === 0 ? (
          <p>{t('places.passOvers.empty')}</p>
        ) : (
          <table className="data-table places-passovers">
            <caption className="visually-hidden">{t('places.passOvers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('places.passOvers.col.on')}</th>
                <th scope="col">{t('places.passOvers.col.case')}</th>
                <th scope="col">{t('places.passOvers.col.passed')}</th>
                <th scope="col">{t('places.passOvers.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {view.passOvers.map((p, i) => (
                <tr key={`${p.caseId}-${p.on}-${i}`} data-case={p.caseId}>
                  <td>{formatDate(p.on, lang)}</td>
                  <th scope="row">
                    <CaseLink id={p.caseId} name={names.get(p.caseId) ?? t('places.passOvers.caseLink')} />
                  </th>
                  <td>
                    {p.passed.map((id, k) => (
                      <span key={id}>
                        {k > 0 ? ', ' : null}
                        <CaseLink id={id} name={names.get(id) ?? t('places.passOvers.caseLink')} />
                      </span>
                    ))}
                  </td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="capacity-title" className="panel">
        <h2 id="capacity-title">{t('places.capacity.title')}</h2>
        <p>{t('places.capacity.todayIs', { count: view.capacity })}</p>
        <CapacityHistory changes={view.capacityChanges} today={day} />
        {canChangeCapacity ? (
          <CapacityForm
            revision={view.settingsRevision}
            today={day}
            onSaved={(next) => {
              setView(next);
              setNotice({ at: 'capacity', text: t('places.capacity.saved') });
              onSettingsChanged?.();
            }}
            onReload={reload}
          />
        ) : null}
        {/* The form stays open, its button in place: the notice beside it, the focus where it was. */}
        {notice?.at === 'capacity' ? <ActionNotice key={notice.text}>{notice.text}</ActionNotice> : null}
      </section>
    </section>
  );
}

const HOW_KEYS: Readonly<Record<string, 'after.departure.how.parole' | 'after.departure.how.sentence_end' | 'after.departure.how.transfer_elsewhere' | 'after.departure.how.return'>> = {
  parole: 'after.departure.how.parole',
  sentence_end: 'after.departure.how.sentence_end',
  transfer_elsewhere: 'after.departure.how.transfer_elsewhere',
  return: 'after.departure.how.return',
};
