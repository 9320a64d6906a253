import { useState } from 'react';
import type { MeetingView } from '../../shared/contract/meetingSchemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useI18n } from '../i18n/I18nProvider';
import { draftKey, useMeetingDesk } from './meetingDesk';
import { quorumText } from './meetingWording';

/**
 * Who takes part in the meeting (the minutes record it) and whether the commission has its quorum
 * (DESIGN §1: by default more than half of the voting members).
 */
export function AttendancePanel({ view }: { view: MeetingView }) {
  const { lang, t } = useI18n();
  const desk = useMeetingDesk();
  const [error, setError] = useState<ApiError | null>(null);
  const present = new Set(view.record.present);

  const mark = (memberId: string, on: boolean) => {
    setError(null);
    desk
      .choose(draftKey.present(memberId), on ? 'yes' : 'no', (v) => call('meetings.setAttendance', { id: desk.meetingId, memberId, present: v === 'yes' }))
      .catch((e: unknown) => setError(toApiError(e)));
  };

  return (
    <section className="panel meeting-attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('meeting.attendance.title')}</h2>
      <p className={view.quorum.met ? 'quorum quorum-met' : 'quorum quorum-missing'} data-quorum={view.quorum.met ? 'met' : 'missing'} role="status">
        <strong>{quorumText(view.quorum, lang)}</strong>
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <table className="data-table attendance-table">
        <caption className="visually-hidden">{t('meeting.attendance.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meeting.attendance.present')}</th>
            <th scope="col">{t('meeting.attendance.member')}</th>
          </tr>
        </thead>
        <tbody>
          {view.members.map((m) => {
            const draft = desk.draft(draftKey.present(m.id));
            const on = draft === undefined ? present.has(m.id) : draft === 'yes';
            return (
              <tr key={m.id} data-member={m.id} data-present={on}>
                <td>
                  {desk.canWrite ? (
                    <input
                      type="checkbox"
                      id={`present-${m.id}`}
                      checked={on}
                      aria-label={t('meeting.attendance.presentOf', { name: m.name })}
                      onChange={(e) => mark(m.id, e.target.checked)}
                    />
                  ) : (
                    <span>{on ? t('meeting.attendance.yes') : t('meeting.attendance.no')}</span>
                  )}
                </td>
                <th scope="row">
                  {desk.canWrite ? <label htmlFor={`present-${m.id}`}>{m.name}</label> : m.name}
                  <span className="member-details">
                    {m.position} · {t(`meeting.role.${m.role}`)}
                    {m.votes ? null : ` · ${t('meeting.member.notVoting')}`}
                  </span>
                </th>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
