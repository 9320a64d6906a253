import type { IsoDate } from '../../shared/domain/calendar';

export interface MeetingsPageProps {
  today: IsoDate;
  canWrite: boolean;
}

/** Placeholder: the meetings, and scheduling one (issue 5). */
export function MeetingsPage(_props: MeetingsPageProps) {
  return <section className="page" />;
}
