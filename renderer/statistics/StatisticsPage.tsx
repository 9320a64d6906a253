import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';

/** Issue 17: the statistics of a period, as charts with their tables, CSV and the report for the Prison Department. */
export function StatisticsPage() {
  const { t } = useI18n();
  return (
    <section className="page">
      <PageTitle title={t('statistics.title')} />
    </section>
  );
}
