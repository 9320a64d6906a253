import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { useSigningQueue } from './useDocuments';
import './documents.css';

/** The navigation's link to the signing queue, with how many documents await the user's signature. */
export function SigningNavLink({ current }: { current: boolean }) {
  const { t } = useI18n();
  const count = useSigningQueue(true).documents?.length ?? 0;
  return (
    <a href={routeHref({ name: 'signing' })} aria-current={current ? 'page' : undefined} aria-label={count > 0 ? t('nav.signingCount', { count }) : undefined}>
      {t('nav.signing')}
      {count > 0 ? (
        <span className="nav-count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </a>
  );
}
