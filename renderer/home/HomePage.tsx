import type { SessionUser } from '../../shared/contract/users';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';

/** Issue 17: the start page of the signed-in user's roles. */
export function HomePage(_props: { user: SessionUser }) {
  const { t } = useI18n();
  return (
    <section className="page">
      <PageTitle title={t('home.title')} />
    </section>
  );
}
