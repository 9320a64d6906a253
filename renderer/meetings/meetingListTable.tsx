import { countLabel } from '../i18n/plural';
import type { MeetingListItem } from '../../shared/contract/meetingSchemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { navigate } from '../router/useRoute';
import { MEETING_STATE_LABEL, missedMeeting } from './meetingListModel';

interface MeetingListTableProps {
  id: string;
  caption: string;
  meetings: readonly MeetingListItem[];
  today: IsoDate;
}

/** Meetings as a table: each row links to its meeting (#/meetings/<id>). */
export function MeetingListTable({ id, caption, meetings, today }: MeetingListTableProps) {
  const { lang, t } = useI18n();
  return (
    <table id={id} className="data-table meetings-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('schedule.col.date')}</th>
          <th scope="col">{t('schedule.col.time')}</th>
          <th scope="col">{t('schedule.col.place')}</th>
          <th scope="col">{t('schedule.col.state')}</th>
          <th scope="col">{t('schedule.col.cases')}</th>
          <th scope="col">{t('schedule.col.notes')}</th>
        </tr>
      </thead>
      <tbody>
        {meetings.map((m) => (
          <tr
            key={m.id}
            data-meeting-id={m.id}
            className={m.state === 'cancelled' ? 'row-cancelled' : undefined}
            onClick={(e) => {
              if (!(e.target instanceof HTMLAnchorElement)) navigate({ name: 'meeting', id: m.id });
            }}
          >
            <th scope="row" className="date-cell">
              <a href={routeHref({ name: 'meeting', id: m.id })}>{formatDate(m.date, lang)}</a>
            </th>
            <td>{m.time || t('common.none')}</td>
            <td>{m.place || t('common.none')}</td>
            <td>{t(MEETING_STATE_LABEL[m.state])}</td>
            <td>{m.cases}</td>
            <td>
              {m.late > 0 && m.state !== 'cancelled' ? <span className="meeting-late">{countLabel(lang, 'schedule.lateCount', m.late)}</span> : null}
              {missedMeeting(m, today) ? <span className="meeting-late">{t('schedule.notHeld')}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
