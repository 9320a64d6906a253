import { useEffect, useState } from 'react';
import type { Settings } from '../shared/contract/schemas';
import type { IsoDate } from '../shared/domain/calendar';
import { ApiError, call, toApiError } from './api/client';
import { CaseListPage } from './cases/CaseListPage';
import { CasePage } from './cases/CasePage';
import { DEFAULT_QUERY, type ListQuery } from './cases/caseListModel';
import { useCaseList } from './cases/useCaseList';
import { ErrorNotice } from './components/ErrorNotice';
import { PageTitle } from './components/PageTitle';
import { useI18n } from './i18n/I18nProvider';
import { Header } from './layout/Header';
import { NewRequestPage } from './request/NewRequestPage';
import type { Route } from './router/routes';
import { navigate, useRoute } from './router/useRoute';
import { SettingsPage } from './settings/SettingsPage';

interface Boot {
  today: IsoDate;
  /** null until the institution is set up: every route then shows the set-up screen. */
  settings: Settings | null;
  /**
   * Why the settings could not be read (SETTINGS_DAMAGED): the set-up screen then says so, and
   * saving there writes them anew (the back end keeps the damaged file aside).
   */
  settingsError: ApiError | null;
}

/** The settings, or null with the reason when the file is damaged; other refusals fail the boot. */
async function loadSettings(): Promise<Pick<Boot, 'settings' | 'settingsError'>> {
  try {
    return { settings: await call('settings.get', {}), settingsError: null };
  } catch (e) {
    const error = toApiError(e);
    if (error.code !== 'SETTINGS_DAMAGED') throw error;
    return { settings: null, settingsError: error };
  }
}

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const [boot, setBoot] = useState<Boot | null>(null);
  const [bootError, setBootError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState<ListQuery>(DEFAULT_QUERY);
  const caseList = useCaseList(boot?.settings != null && route.name === 'cases', boot?.today);

  useEffect(() => {
    let current = true;
    Promise.all([call('app.info', {}), loadSettings()]).then(
      ([info, settings]) => {
        if (!current) return;
        setBoot({ today: info.today, ...settings });
        setBootError(null);
      },
      (e: unknown) => current && setBootError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  // A session may stay open past midnight: take today's date afresh on every navigation, and when
  // the window is shown again (e.g. the next morning).
  const [shown, setShown] = useState(0);
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'visible') setShown((n) => n + 1);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);
  useEffect(() => {
    let current = true;
    call('app.info', {}).then(
      (info) => current && setBoot((b) => (b && b.today !== info.today ? { ...b, today: info.today } : b)),
      () => undefined, // the boot request above reports a failing back end
    );
    return () => {
      current = false;
    };
  }, [route, shown]);

  const onSettingsSaved = (settings: Settings, firstRun: boolean) => {
    setBoot((b) => (b ? { ...b, settings, settingsError: null } : b));
    if (firstRun) navigate({ name: 'cases' });
  };

  const page = (today: IsoDate, settings: Settings, current: Route) => {
    switch (current.name) {
      case 'cases':
        return <CaseListPage list={caseList} query={query} onQueryChange={setQuery} />;
      case 'case':
        return <CasePage key={current.id} id={current.id} settings={settings} today={today} />;
      case 'new':
        return <NewRequestPage settings={settings} today={today} />;
      case 'settings':
        return <SettingsPage current={settings} onSaved={(s) => onSettingsSaved(s, false)} />;
      case 'notFound':
        return (
          <section className="page">
            <PageTitle title={t('notFound.title')} />
            <p>
              <a href="#/cases">{t('notFound.back')}</a>
            </p>
          </section>
        );
    }
  };

  let content;
  if (bootError) {
    content = (
      <section className="page">
        <ErrorNotice error={bootError}>
          <button type="button" className="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </ErrorNotice>
      </section>
    );
  } else if (!boot) {
    content = <p className="page">{t('common.loading')}</p>;
  } else if (!boot.settings) {
    content = <SettingsPage current={null} problem={boot.settingsError} onSaved={(s) => onSettingsSaved(s, true)} />;
  } else {
    content = page(boot.today, boot.settings, route);
  }

  return (
    <div className="app">
      <Header institutionName={boot?.settings?.institution.name ?? null} route={route} showNavigation={boot?.settings != null} />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </div>
  );
}
