import { useCallback, useEffect, useRef, useState } from 'react';
import { requestInputOf, type CaseView, type Settings } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { CASE_STATE_LABELS, FINAL_STATES, isRequestEditable, type CaseState } from '../../shared/domain/caseStates';
import { ApiError, call, toApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { ErrorNotice, NoticeSpot, PlacedNoticeProvider, type PlacedNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { RequestFlags } from '../request/RequestFlags';
import { RequestForm } from '../request/RequestForm';
import { routeHref } from '../router/routes';
import { DeadlineTable } from './DeadlineTable';
import { decisionOf, decisionsOf } from './caseSteps';
import { StepForm } from './StepForm';
import { Timeline } from './Timeline';
import { DossierSection } from '../dossier/DossierSection';
import { caseKindsDue } from '../documents/documentsModel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { AfterDecisionSection, RouteNotice, type AfterForm } from '../afterDecision/AfterDecisionSection';
import { CorrectionForm } from '../afterDecision/CorrectionForm';
import { CaseExport } from '../archive/CaseExport';

type Mode = { kind: 'view' } | { kind: 'step'; to: CaseState } | { kind: 'edit' } | { kind: 'correct' } | { kind: 'after'; form: AfterForm };

/** Issue 17: where a change's outcome is said: the top of the page (changes without a place of their own, or whose place is gone), the steps (next to their buttons). */
const PAGE_SPOT = 'page';
const STEPS_SPOT = 'steps';

interface CasePageProps {
  id: string;
  settings: Settings;
  today: IsoDate;
  /** Only the secretary records steps and corrects the request; others read. */
  canWrite: boolean;
  /** Issue 15: the archivist exports the case; the secretary sends the dossier (V-77 p. 7). */
  archive?: { canExport: boolean; canSend: boolean };
}

export function CasePage({ id, settings, today, canWrite, archive }: CasePageProps) {
  const { lang, t } = useI18n();
  const [view, setView] = useState<CaseView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [notice, setNotice] = useState<PlacedNotice | null>(null);
  const [loads, setLoads] = useState(0);
  const latest = useRef<CaseView | null>(null);
  latest.current = view;
  /** A newer case someone else made while the user has a form open here: shown once they are done. */
  const [held, setHeld] = useState<CaseView | null>(null);
  const [dossierEditing, setDossierEditing] = useState(false);
  const editing = mode.kind !== 'view' || dossierEditing;
  /** Issue 17: a form opened (or closed) starts something new: what the last change did is no longer said. */
  const openForm = (next: Mode) => {
    setMode(next);
    setNotice(null);
  };
  const dossierEditingChanged = useCallback((open: boolean) => {
    setDossierEditing(open);
    if (open) setNotice(null);
  }, []);

  const show = (next: CaseView) => {
    latest.current = next;
    setView(next);
    setHeld((h) => (h !== null && h.record.revision <= next.record.revision ? null : h));
  };

  useEffect(() => {
    let current = true;
    call('cases.get', { id }).then(
      (loaded) => {
        if (!current) return;
        // An answer older than the case shown (a reload overtaken by a save) is dropped.
        if (latest.current === null || loaded.record.revision >= latest.current.record.revision) show(loaded);
        setLoadError(null);
      },
      // A failed reload keeps the case shown.
      (e: unknown) => current && latest.current === null && setLoadError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [id, loads]);

  /**
   * Another user's change to this case (or to many cases at once) shows within a moment. While the
   * user has a form open, the page does not change under them (a form takes its values from the
   * case, and what they typed must stay): the newer case is held back, with a notice, until the form
   * is closed; saving it meanwhile is refused (CASE_CHANGED) as before, and the case reloaded.
   */
  useEvent(
    'cases.changed',
    () => {
      if (!editing) {
        setLoads((n) => n + 1);
        return;
      }
      call('cases.get', { id }).then(
        (loaded) => {
          const shown = latest.current;
          if (shown && loaded.record.revision > shown.record.revision) setHeld(loaded);
        },
        () => undefined,
      );
    },
    (event) => event.payload.id === undefined || event.payload.id === id,
  );
  // The form is closed: show what was held back (read afresh).
  useEffect(() => {
    if (editing || held === null) return;
    setHeld(null);
    setLoads((n) => n + 1);
  }, [editing, held]);

  /**
   * Run a change on the case. Someone else's change in between (CASE_CHANGED) closes the form and
   * reloads the case, so the user decides again on what is now there; other refusals go to the form.
   * Issue 17: what happened is said at the spot `at`, next to the control that caused it.
   */
  const change = async (action: (v: CaseView) => Promise<CaseView>, done: string | ((next: CaseView) => string), at = PAGE_SPOT) => {
    // The latest case, not the one this closure saw: a change started earlier (files being checked)
    // must not be refused as someone else's because the user saved something meanwhile.
    const current = latest.current;
    if (!current) return;
    try {
      const next = await action(current);
      show(next);
      setMode({ kind: 'view' });
      setNotice({ at, kind: 'ok', text: typeof done === 'string' ? done : done(next) });
    } catch (e) {
      const error = toApiError(e);
      if (error.code !== 'CASE_CHANGED') throw error;
      setMode({ kind: 'view' });
      setNotice({ at, kind: 'changed', error, text: t('case.reloaded') });
      setLoads((n) => n + 1);
    }
  };

  if (loadError) {
    return (
      <section className="page">
        <p>
          <a href="#/cases">{t('case.back')}</a>
        </p>
        <PageTitle title={t('case.unavailable')} />
        <ErrorNotice error={loadError} />
      </section>
    );
  }
  if (!view) return <p className="page">{t('common.loading')}</p>;

  const { record } = view;
  const name = `${record.convict.lastName} ${record.convict.firstName}`;
  const state = CASE_STATE_LABELS[record.state];
  // V-77 p. 10, 12: not once decided, even after an upheld appeal sent the case back to the commission (the back end's rule).
  const editable = canWrite && isRequestEditable(record);
  const decided = record.facts.decision === undefined ? undefined : decisionOf(record.facts.decision);
  const data: readonly [MessageKey, string][] = [
    ['field.firstName', record.convict.firstName],
    ['field.lastName', record.convict.lastName],
    ['field.personalFileNo', record.convict.personalFileNo],
    ['field.birthDate', formatDate(record.convict.birthDate, lang)],
    ['field.servingInstitutionId', record.request.servingInstitution.name],
    ['field.halfwayHouseInstitutionId', record.request.halfwayHouse.name],
    ['field.requestDate', formatDate(record.request.requestDate, lang)],
    ['field.possibleTransferDate', formatDate(record.request.possibleTransferDate, lang)],
    ['field.possibleParoleDate', formatDate(record.request.possibleParoleDate, lang)],
    ['field.sentenceEnd', formatDate(record.request.sentenceEnd, lang)],
  ];

  return (
    <PlacedNoticeProvider value={notice}>
      <section className="page">
        <p>
          <a href="#/cases">{t('case.back')}</a>
        </p>
        <PageTitle title={name} />
        <p className="case-summary">
          <span>{t('case.fileNo', { no: record.convict.personalFileNo })}</span>
          <span>
            {t('case.state')}: <strong className="state-badge">{state[lang]}</strong>
            {/* Not every state has a V-77 point: a withdrawal has none. */}
            {state.point === '' ? null : <> ({t('deadline.point', { point: state.point })})</>}
          </span>
        </p>
        {decided ? (
          <p className="case-decision" data-decision={decided.id}>
            {t('decision.title')}: <strong>{decided.id}</strong> – {decided[lang]}
          </p>
        ) : null}

        <NoticeSpot at={PAGE_SPOT} orphans />
        {held ? (
          <p className="notice notice-warning" role="status" data-held-revision={held.record.revision}>
            {t('case.changedElsewhere')}
          </p>
        ) : null}

        <RouteNotice view={view} />

        <RequestFlags flags={view.flags} />

        <div className="case-grid">
          <section aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">{t('case.deadlines')}</h2>
            <DeadlineTable deadlines={view.deadlines} />
          </section>

          <section aria-labelledby="steps-title">
            <h2 id="steps-title">{t('case.steps')}</h2>
            {view.nextStates.length === 0 ? <p>{t(FINAL_STATES.includes(record.state) ? 'case.noSteps' : 'case.stepsElsewhere')}</p> : null}
            {record.facts.meetingId ? (
              <p className="meeting-link">
                <a href={routeHref({ name: 'meeting', id: record.facts.meetingId })}>{t(record.state === 'scheduled' ? 'case.onAgenda' : 'case.decidedAt')}</a>
              </p>
            ) : record.state === 'ready_for_commission' ? (
              <p className="field-hint">
                {t('case.toAgenda')} <a href={routeHref({ name: 'meetings' })}>{t('nav.meetings')}</a>
              </p>
            ) : null}
            {canWrite ? (
              <div className="step-buttons">
                {view.nextStates.map((to) => {
                  const open = mode.kind === 'step' && mode.to === to;
                  return (
                    <button
                      key={to}
                      type="button"
                      className={open ? 'button-secondary is-open' : 'button-secondary'}
                      aria-expanded={open}
                      onClick={() => openForm(open ? { kind: 'view' } : { kind: 'step', to })}
                    >
                      {CASE_STATE_LABELS[to][lang]}
                    </button>
                  );
                })}
                {editable ? (
                  <button
                    type="button"
                    className={mode.kind === 'edit' ? 'button-secondary is-open' : 'button-secondary'}
                    aria-expanded={mode.kind === 'edit'}
                    onClick={() => openForm(mode.kind === 'edit' ? { kind: 'view' } : { kind: 'edit' })}
                  >
                    {t('case.edit')}
                  </button>
                ) : null}
                {view.correctable ? (
                  <button
                    type="button"
                    className={mode.kind === 'correct' ? 'button-secondary is-open' : 'button-secondary'}
                    aria-expanded={mode.kind === 'correct'}
                    onClick={() => openForm(mode.kind === 'correct' ? { kind: 'view' } : { kind: 'correct' })}
                  >
                    {t('after.correct.open')}
                  </button>
                ) : null}
              </div>
            ) : view.nextStates.length > 0 ? (
              <>
                <ul className="next-states">
                  {view.nextStates.map((to) => (
                    <li key={to}>{CASE_STATE_LABELS[to][lang]}</li>
                  ))}
                </ul>
                <p className="field-hint">{t('case.readOnly')}</p>
              </>
            ) : null}
            <NoticeSpot at={STEPS_SPOT} />
            {mode.kind === 'step' ? (
              <StepForm
                key={mode.to}
                to={mode.to}
                today={today}
                notBefore={view.lastStepOn}
                onCancel={() => setMode({ kind: 'view' })}
                onSubmit={(input) =>
                  change(
                    (v) => call('cases.transition', { id, revision: v.record.revision, to: mode.to, ...input }),
                    (next) =>
                      next.record.state === mode.to
                        ? t('case.moved', { state: CASE_STATE_LABELS[mode.to][lang] })
                        : t('case.movedOn', { state: CASE_STATE_LABELS[mode.to][lang], final: CASE_STATE_LABELS[next.record.state][lang] }),
                    STEPS_SPOT,
                  )
                }
              />
            ) : null}
            {mode.kind === 'correct' && view.correctable ? (
              <CorrectionForm
                step={view.correctable}
                onCancel={() => setMode({ kind: 'view' })}
                onSubmit={(input) =>
                  change(
                    (v) => call('cases.correctStep', { id, revision: v.record.revision, ...input }),
                    (next) => t('after.done.corrected', { state: CASE_STATE_LABELS[next.record.state][lang] }),
                    STEPS_SPOT,
                  )
                }
              />
            ) : null}
          </section>
        </div>

        {mode.kind === 'edit' ? (
          <section aria-labelledby="edit-title" className="panel">
            <h2 id="edit-title">{t('case.editTitle')}</h2>
            <RequestForm
              settings={settings}
              today={today}
              initial={requestInputOf(record)}
              excludeCaseId={record.id}
              submitLabel={t('case.saveEdit')}
              onCancel={() => setMode({ kind: 'view' })}
              onSubmit={(request) =>
                change((v) => call('cases.updateRequest', { id, revision: v.record.revision, request }), t('case.edited'), STEPS_SPOT)
              }
            />
          </section>
        ) : null}

        <AfterDecisionSection
          view={view}
          today={today}
          canWrite={canWrite}
          open={mode.kind === 'after' ? mode.form : null}
          onOpen={(form) => openForm(form ? { kind: 'after', form } : { kind: 'view' })}
          onChange={change}
        />

        <DocumentsPanel target={{ kind: 'case', caseId: record.id, decidedAt: record.facts.meetingId }} due={caseKindsDue(record)} />

        <DossierSection view={view} today={today} canWrite={canWrite} onChange={change} onEditingChange={dossierEditingChanged} />

        <CaseExport view={view} today={today} canExport={archive?.canExport ?? false} canSend={archive?.canSend ?? false} onChange={change} />

        <div className="case-grid">
          <section aria-labelledby="data-title">
            <h2 id="data-title">{t('case.data')}</h2>
            <dl className="data-list">
              {data.map(([label, value]) => (
                <div key={label}>
                  <dt>{t(label)}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {/* V-77 p. 8: a request another institution's commission decides has no decision of ours. */}
            {decided || view.route === 'sends' ? null : (
              <>
                <h3>{t('case.decisions')}</h3>
                <ul className="decisions">
                  {decisionsOf(view.possibleDecisions).map((d) => (
                    <li key={d.id}>
                      <strong>{d.point}.</strong> {d[lang]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('case.timeline')}</h2>
            <Timeline entries={record.timeline} acts={record.acts} appeals={record.appeals} life={record.life} people={view.people} />
          </section>
        </div>
      </section>
    </PlacedNoticeProvider>
  );
}
