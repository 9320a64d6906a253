import type { MeetingListItem } from '../../shared/contract/meetingSchemas';
import { compareIso, type IsoDate } from '../../shared/domain/calendar';
import type { MessageKey } from '../i18n/messages';

/** The meetings list: what is still to come (or under way) first, then what is over. */

export type MeetingState = MeetingListItem['state'];

export const MEETING_STATE_LABEL: Readonly<Record<MeetingState, MessageKey>> = {
  planned: 'schedule.state.planned',
  open: 'schedule.state.open',
  closed: 'schedule.state.closed',
  cancelled: 'schedule.state.cancelled',
};

const at = (m: Pick<MeetingListItem, 'date' | 'time'>) => `${m.date} ${m.time}`;

/**
 * Whether a meeting belongs with the coming ones: one still planned or open, whatever its date (it
 * has not been held or closed: work remains). Issue 17: a meeting closed or cancelled today is over,
 * and leaves the coming meetings.
 */
export function isUpcoming(m: Pick<MeetingListItem, 'state'>): boolean {
  return m.state === 'planned' || m.state === 'open';
}

/** Coming meetings soonest first; earlier ones latest first. */
export function splitMeetings<M extends MeetingListItem>(meetings: readonly M[]): { upcoming: M[]; past: M[] } {
  const upcoming = meetings.filter((m) => isUpcoming(m)).sort((a, b) => at(a).localeCompare(at(b)) || a.id.localeCompare(b.id));
  const past = meetings.filter((m) => !isUpcoming(m)).sort((a, b) => at(b).localeCompare(at(a)) || a.id.localeCompare(b.id));
  return { upcoming, past };
}

/** A planned meeting whose day has passed without being opened. */
export function missedMeeting(m: Pick<MeetingListItem, 'date' | 'state'>, today: IsoDate): boolean {
  return m.state === 'planned' && compareIso(m.date, today) < 0;
}
