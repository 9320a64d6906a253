import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { useSigningQueue } from './useDocuments';
import './documents.css';

/**
 * The navigation's item for the signing queue, with how many documents await the user's signature;
 * with `onlyWhenWaiting` (a user whose roles do not sign, who may still be an official of a line,
 * V-77 p. 20) it is there only while something awaits them.
 */
export function SigningNavLink({ current, onlyWhenWaiting = false }: { current: boolean; onlyWhenWaiting?: boolean }) {
  const { t } = useI18n();
  const count = useSigningQueue(true).documents?.length ?? 0;
  if (onlyWhenWaiting && count === 0 && !current) return null;
  // Issue 17: the link's name is its own text (no aria-label that differs from what is seen): the
  // sentence with the count for screen readers, the word and the badge for the eye.
  return (
    <li>
      <a href={routeHref({ name: 'signing' })} aria-current={current ? 'page' : undefined}>
        {count > 0 ? (
          <>
            <span className="visually-hidden">{t('nav.signingCount', { count })}</span>
            <span aria-hidden="true">
              {t('nav.signing')}
              <span className="nav-count">{count}</span>
            </span>
          </>
        ) : (
          t('nav.signing')
        )}
      </a>
    </li>
  );
}
