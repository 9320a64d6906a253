import type { IsoDate } from '../../shared/domain/calendar';

export interface CommissionPageProps {
  today: IsoDate;
  canEdit: boolean;
}

/** Placeholder: the commission's members and rules (issue 5). */
export function CommissionPage(_props: CommissionPageProps) {
  return <section className="page" />;
}
