import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { MeetingView } from '../../shared/contract/meetingSchemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { call, toApiError, type ApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { AttendancePanel } from './AttendancePanel';
import { EvaluationSteps } from './EvaluationSteps';
import { MeetingAgenda } from './MeetingAgenda';
import { Autosave, type AutosaveStatus } from './meetingAutosave';
import { MeetingClose } from './MeetingClose';
import { MeetingClosed } from './MeetingClosed';
import { MeetingDeskContext, type MeetingDesk } from './meetingDesk';
import { MeetingAgendaList, MeetingPlanned } from './MeetingPlanned';
import { MEETING_STEPS, shortcutOf, stepAfter, type MeetingStep } from './meetingSteps';
import { closePlanOf, firstOpenCase, nextOpenCase } from './meetingSummary';
import { openProjector, openProjectorLink, type ProjectorLink, type ProjectorPosition } from './projectorChannel';
import './meeting.css';

export interface MeetingPageProps {
  id: string;
  today: IsoDate;
  canWrite: boolean;
}

/** The quiet line that says whether what was typed is saved. */
function AutosaveLine({ status }: { status: AutosaveStatus }) {
  const { lang, t } = useI18n();
  if (status.kind === 'failed') {
    return <ErrorNotice error={toApiError(status.error)}>{<p>{t('meeting.autosave.failed')}</p>}</ErrorNotice>;
  }
  const text =
    status.kind === 'saving'
      ? t('meeting.autosave.saving')
      : status.kind === 'saved'
        ? t('meeting.autosave.saved', { time: status.at.toLocaleTimeString(lang === 'lt' ? 'lt-LT' : 'en-GB', { hour: '2-digit', minute: '2-digit' }) })
        : '';
  return (
    <p className="autosave-status" role="status" data-autosave={status.kind}>
      {text}
    </p>
  );
}

/**
 * Running one meeting of the commission (V-77 p. 9–11) on a shared screen: attendance and quorum,
 * the agenda, each case evaluated criterion by criterion, the proposal and the vote, and the close
 * that freezes the results. Everything typed is saved as it is typed.
 */
export function MeetingPage({ id, today, canWrite }: MeetingPageProps) {
  const { lang, t } = useI18n();
  const [view, setView] = useState<MeetingView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const latest = useRef<MeetingView | null>(null);
  const root = useRef<HTMLElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [autosave] = useState(() => new Autosave({ onChange: () => rerender() }));
  const [selected, setSelected] = useState<string | null>(null);
  const [steps, setSteps] = useState<Readonly<Record<string, MeetingStep>>>({});
  const [focusTick, setFocusTick] = useState(0);

  /**
   * Show a view of the meeting. One older than the one shown (a reload that a save overtook) is
   * dropped: every change raises the meeting's revision. What the user is typing is never replaced
   * by a view: each field shows its draft until its own save returned (meetingAutosave.ts).
   */
  const apply = useCallback((next: MeetingView) => {
    const shown = latest.current;
    if (shown && shown.record.id === next.record.id && next.record.revision < shown.record.revision) return;
    latest.current = next;
    setView(next);
  }, []);

  useEffect(() => {
    let current = true;
    call('meetings.get', { id }).then(
      (loaded) => {
        if (!current) return;
        apply(loaded);
        setLoadError(null);
      },
      (e: unknown) => current && setLoadError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [id, apply]);

  // Everyone follows the meeting as others change it: members and the chair the meeting the
  // secretary runs, the secretary what is recorded in another window. The states of the cases on the
  // agenda (and, while planned, the cases that may go on it) and the commission show here too.
  const reloads = useRef(0);
  const reload = useCallback(() => {
    const mine = ++reloads.current;
    call('meetings.get', { id }).then(
      (next) => {
        if (mine === reloads.current) apply(next);
      },
      () => undefined, // the page keeps what it shows; the next change tries again
    );
  }, [id, apply]);
  useEvent(['meetings.changed', 'cases.changed', 'commission.changed'], reload, (event) => {
    switch (event.type) {
      case 'meetings.changed':
        return event.payload.id === id;
      case 'cases.changed': {
        const shown = latest.current;
        const caseId = event.payload.id;
        return caseId === undefined || !shown || shown.record.state === 'planned' || shown.items.some((i) => i.item.caseId === caseId);
      }
      case 'commission.changed':
        return latest.current?.record.state === 'planned';
    }
  });

  // What is still waiting for its pause is saved when the page is left, hidden or closed.
  useEffect(() => {
    const flush = () => autosave.flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      autosave.flush();
    };
  }, [autosave]);

  // Issue 17: the projector window follows this screen: it is told what is shown, and asks when it opens.
  // Only the page that runs the meeting (the secretary's) says where it is: a member's read-only
  // view of the same meeting in another window never moves the room's projector.
  const position = useRef<ProjectorPosition | null>(null);
  const link = useRef<ProjectorLink | null>(null);
  const [source] = useState(() => crypto.randomUUID());
  useEffect(() => {
    if (!canWrite) return;
    const opened = openProjectorLink((message) => {
      if (message.kind === 'ask' && message.meetingId === id && position.current) opened.post({ kind: 'position', position: position.current });
    });
    link.current = opened;
    // Left, reloaded or closed: the projector stops showing the case until told again.
    const leave = () => opened.post({ kind: 'left', meetingId: id, source });
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
      opened.close();
      link.current = null;
    };
  }, [id, canWrite, source]);

  const desk = useMemo<MeetingDesk>(
    () => ({
      meetingId: id,
      canWrite,
      latest: () => latest.current!,
      itemOf: (caseId) => latest.current?.items.find((i) => i.item.caseId === caseId),
      draft: (key) => autosave.value(key),
      edit: (key, value, save, shown) => autosave.edit(key, value, async (v, base) => apply(await save(v, base ?? shown)), shown),
      failure: (key) => autosave.failure(key),
      rebase: (key, base) => autosave.rebase(key, base),
      focus: (key) => autosave.focus(key),
      blur: (key) => autosave.blur(key),
      choose: (key, value, save) => autosave.choose(key, value, async (v) => apply(await save(v))),
      run: (task) => autosave.run(async () => apply(await task())),
      unsaved: () => autosave.unsaved(),
    }),
    [id, canWrite, autosave, apply],
  );

  const open = view?.record.state === 'open';
  // The projector can be set up before the meeting opens; once it is over there is nothing to show.
  // The projector follows the page that runs the meeting: the secretary opens it (Alt+P).
  const projects = canWrite && (open || view?.record.state === 'planned');
  const currentCase = view && open ? (selected !== null && view.items.some((i) => i.item.caseId === selected) ? selected : firstOpenCase(view)) : null;
  const currentItem = view?.items.find((i) => i.item.caseId === currentCase) ?? null;
  const currentStep: MeetingStep = (currentCase ? steps[currentCase] : undefined) ?? MEETING_STEPS[0]!;
  const revision = view?.record.revision ?? null;
  const nextCase = view && currentItem && closePlanOf(currentItem).kind !== 'blocked' ? nextOpenCase(view, currentItem.item.caseId) : null;
  const nextItem = view?.items.find((i) => i.item.caseId === nextCase) ?? null;

  // Issue 17: the case taken up stays taken up: once its vote is adopted the page keeps showing it
  // and its result (the first open case is only where the meeting starts). Moving on is the
  // secretary's act: the agenda, or "Kitas klausimas".
  useEffect(() => {
    if (selected === null && currentCase !== null) setSelected(currentCase);
  }, [selected, currentCase]);

  useEffect(() => {
    if (revision === null || !open) return;
    position.current = { meetingId: id, source, caseId: currentCase, step: currentStep, revision };
    link.current?.post({ kind: 'position', position: position.current });
  }, [id, source, open, currentCase, currentStep, revision]);

  const takeUp = (caseId: string) => {
    autosave.flush();
    setSelected(caseId);
    setFocusTick((n) => n + 1);
  };

  const goTo = (step: MeetingStep) => {
    if (!currentCase) return;
    autosave.flush();
    setSteps((s) => ({ ...s, [currentCase]: step }));
    setFocusTick((n) => n + 1);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutOf(e);
      if (!command || root.current?.closest('[inert]')) return;
      if (command === 'projector') {
        e.preventDefault();
        if (projects) openProjector(id);
        return;
      }
      if (!currentCase) return;
      // Alt+←/→ would also move the browser through its history.
      e.preventDefault();
      goTo(stepAfter(currentStep, command === 'next' ? 1 : -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (loadError) {
    return (
      <section className="page">
        <p>
          <a href="#/meetings">{t('meeting.back')}</a>
        </p>
        <PageTitle title={t('meeting.unavailable')} />
        <ErrorNotice error={loadError} />
      </section>
    );
  }
  if (!view) return <p className="page">{t('common.loading')}</p>;

  const { record } = view;
  return (
    <MeetingDeskContext.Provider value={desk}>
      <section ref={root} className="page meeting-page" data-state={record.state}>
        <p>
          <a href="#/meetings">{t('meeting.back')}</a>
        </p>
        <PageTitle title={t('meeting.title', { date: formatDate(record.date, lang) })} />
        <p className="meeting-meta">
          <span>{t('meeting.time', { time: record.time })}</span>
          <span>{t('meeting.place', { place: record.place })}</span>
          <span>
            {t('meeting.stateLabel')}: <strong className="state-badge" data-meeting-state={record.state}>{t(`meeting.state.${record.state}`)}</strong>
          </span>
        </p>
        <div className="meeting-toolbar">
          {projects ? (
            <button type="button" className="button-secondary projector-open" aria-keyshortcuts="Alt+P" onClick={() => openProjector(id)}>
              {t('meeting.projector.open')}
            </button>
          ) : null}
          {canWrite ? <AutosaveLine status={autosave.status} /> : <p className="field-hint">{t('meeting.readOnly')}</p>}
        </div>
        {open ? <p className="field-hint shortcut-help">{t('meeting.shortcuts')}</p> : null}

        {record.state === 'planned' ? <MeetingPlanned view={view} today={today} /> : null}

        {record.state === 'cancelled' ? (
          <>
            <p className="notice notice-warning">{t('meeting.cancelled', { reason: record.cancelReason ?? '' })}</p>
            <section className="panel" aria-labelledby="agenda-title">
              <h2 id="agenda-title">{t('meeting.agenda.title')}</h2>
              <MeetingAgendaList view={view} />
            </section>
          </>
        ) : null}

        {open ? (
          <>
            <div className="meeting-layout">
              <div className="meeting-side">
                <AttendancePanel view={view} />
                <MeetingAgenda
                  view={view}
                  selected={currentCase}
                  onSelect={(caseId) => {
                    autosave.flush();
                    setSelected(caseId);
                  }}
                />
              </div>
              <div className="meeting-main">
                {currentItem ? (
                  <EvaluationSteps view={view} item={currentItem} step={currentStep} onStep={goTo} focusTick={focusTick} />
                ) : (
                  <p className="panel">{t('meeting.agenda.empty')}</p>
                )}
                {nextItem ? (
                  <p className="next-case">
                    <button type="button" className="button-primary" onClick={() => takeUp(nextItem.item.caseId)}>
                      {t('meeting.nextCase', { name: `${nextItem.candidate.lastName} ${nextItem.candidate.firstName}` })} →
                    </button>
                  </p>
                ) : null}
              </div>
            </div>
            {canWrite ? <MeetingClose view={view} /> : null}
          </>
        ) : null}

        {record.state === 'closed' ? <MeetingClosed view={view} /> : null}
      </section>
    </MeetingDeskContext.Provider>
  );
}
