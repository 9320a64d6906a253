import { useEffect, useState } from 'react';
import type { MeetingListItem } from '../../shared/contract/meetingSchemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { ApiError, call, toApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';
import { splitMeetings } from './meetingListModel';
import { MeetingListTable } from './meetingListTable';
import { ScheduleForm } from './scheduleForm';
import '../commission/commission.css';

export interface MeetingsPageProps {
  today: IsoDate;
  canWrite: boolean;
}

interface Loaded {
  today: IsoDate;
  meetings: readonly MeetingListItem[];
}

/** The commission's meetings, coming ones first, and (for the secretary) scheduling a new one (V-77 p. 9). */
export function MeetingsPage({ today, canWrite }: MeetingsPageProps) {
  const { t } = useI18n();
  const [list, setList] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loads, setLoads] = useState(0);

  // A meeting scheduled or run elsewhere, or a case on an agenda changed (the count of late cases).
  useEvent(['meetings.changed', 'cases.changed'], () => setLoads((n) => n + 1));

  useEffect(() => {
    let current = true;
    call('meetings.list', {}).then(
      (value) => {
        if (!current) return;
        setList(value);
        setError(null);
      },
      (e: unknown) => current && setError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [loads]);

  // The back end's "today" counts (it is the one the terms are counted on); the app's until it answers.
  const day = list?.today ?? today;
  const { upcoming, past } = splitMeetings(list?.meetings ?? []);

  return (
    <section className="page meetings-page">
      <PageTitle title={t('schedule.pageTitle')} />
      {error ? (
        <ErrorNotice error={error}>
          <button type="button" className="button-secondary" onClick={() => setLoads((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </ErrorNotice>
      ) : null}
      {list === null && !error ? <p>{t('common.loading')}</p> : null}
      {list !== null && list.meetings.length === 0 ? <p className="empty">{t('schedule.empty')}</p> : null}

      {list !== null && list.meetings.length > 0 ? (
        <>
          <section className="meetings-section" aria-labelledby="meetings-upcoming-title">
            <h2 id="meetings-upcoming-title">{t('schedule.upcoming')}</h2>
            {upcoming.length > 0 ? (
              <MeetingListTable id="meetings-upcoming" caption={t('schedule.upcomingCaption')} meetings={upcoming} today={day} />
            ) : (
              <p className="empty">{t('schedule.upcomingEmpty')}</p>
            )}
          </section>
          {past.length > 0 ? (
            <section className="meetings-section" aria-labelledby="meetings-past-title">
              <h2 id="meetings-past-title">{t('schedule.past')}</h2>
              <MeetingListTable id="meetings-past" caption={t('schedule.pastCaption')} meetings={past} today={day} />
            </section>
          ) : null}
        </>
      ) : null}

      {canWrite && (list !== null || error !== null) ? <ScheduleForm today={day} meetings={list?.meetings ?? []} /> : null}
    </section>
  );
}
