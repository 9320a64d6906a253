import { useCallback, useEffect, useState } from 'react';
import type { HomeView } from '../../shared/contract/homeSchemas';
import type { SessionUser } from '../../shared/contract/users';
import { call, toApiError, type ApiError } from '../api/client';
import { useEvent } from '../api/useEvents';
import { PageTitle } from '../components/PageTitle';
import { RetryNotice } from '../components/RetryNotice';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { HOME_EVENTS } from './homeModel';
import { AdministratorSection, ArchivistSection, CommissionSection, DirectorSection, SecretarySection, SignaturesSection } from './HomeSections';
import './home.css';

/** The roles that sign a line of their own (the director's acts, the minutes): they see their queue even when it is empty. */
const SIGNER_ROLES: readonly string[] = ['director', 'chair', 'secretary'];

/**
 * Issue 17: the first screen after sign-in: what waits for the user, a section for each of their
 * roles, each line a link to where the work is done. Read again whenever a case, a meeting, a
 * document, a user or the settings change.
 */
export function HomePage({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<HomeView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEvent(HOME_EVENTS, reload);

  useEffect(() => {
    let current = true;
    call('home.get', {}).then(
      (value) => {
        if (!current) return;
        setView(value);
        setError(null);
      },
      (e: unknown) => current && setError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [version]);

  const signs = user.roles.some((r) => SIGNER_ROLES.includes(r));
  return (
    <section className="page home" data-home={view ? 'ready' : 'loading'}>
      <PageTitle title={t('home.title')} />
      <RetryNotice error={error} onRetry={reload} />
      {view === null ? (
        !error && <p>{t('common.loading')}</p>
      ) : (
        <>
          <p className="lead">{t('home.lead', { date: formatDate(view.today, lang) })}</p>
          {view.secretary && <SecretarySection section={view.secretary} />}
          {view.signatures && (signs || view.signatures.total > 0) && <SignaturesSection list={view.signatures} />}
          {view.director && <DirectorSection section={view.director} />}
          {view.commission && <CommissionSection section={view.commission} />}
          {view.archivist && <ArchivistSection section={view.archivist} />}
          {view.administrator && <AdministratorSection section={view.administrator} />}
          {!view.secretary && !view.director && !view.commission && !view.archivist && !view.administrator && !(view.signatures && view.signatures.total > 0) && <p className="empty">{t('home.nothing')}</p>}
        </>
      )}
    </section>
  );
}
