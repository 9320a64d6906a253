import type { IsoDate } from '../../shared/domain/calendar';

export interface MeetingPageProps {
  id: string;
  today: IsoDate;
  canWrite: boolean;
}

/** Placeholder: running one meeting (issue 5). */
export function MeetingPage(_props: MeetingPageProps) {
  return <section className="page" />;
}
