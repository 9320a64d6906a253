import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_IDLE_MINUTES, type Settings } from '../shared/contract/schemas';
import type { SessionUser } from '../shared/contract/users';
import type { IsoDate } from '../shared/domain/calendar';
import { ApiError, call, toApiError } from './api/client';
import { AuditPage } from './audit/AuditPage';
import {
  canEditCommission,
  canExportCases,
  canHandlePackages,
  canIssueDocuments,
  canReadCases,
  canSendDossier,
  canSignDocuments,
  canWriteCases,
  isAdministrator,
  LANDING_ROUTE,
  routeAllowed,
} from './auth/access';
import { CommissionPage } from './commission/CommissionPage';
import { MeetingPage } from './meetings/MeetingPage';
import { MeetingsPage } from './meetings/MeetingsPage';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { CaseListPage } from './cases/CaseListPage';
import { CasePage } from './cases/CasePage';
import { DEFAULT_QUERY, type ListQuery } from './cases/caseListModel';
import { useCaseList } from './cases/useCaseList';
import { ErrorNotice } from './components/ErrorNotice';
import { canExtendDocuments, DocumentAccessContext } from './documents/documentAccess';
import { DocumentsPage } from './documents/DocumentsPage';
import { SigningPage } from './documents/SigningPage';
import { VerifyPage } from './documents/VerifyPage';
import { PageTitle } from './components/PageTitle';
import { useI18n } from './i18n/I18nProvider';
import { Header } from './layout/Header';
import { NewRequestPage } from './request/NewRequestPage';
import type { Route } from './router/routes';
import { navigate, redirect, useRoute } from './router/useRoute';
import { SettingsPage } from './settings/SettingsPage';
import { UsersPage } from './users/UsersPage';
import { SigningNavLink } from './documents/SigningNavLink';
import { PlacesPage } from './places/PlacesPage';
import { ArchivePage } from './archive/ArchivePage';
import { HomePage } from './home/HomePage';
import { StatisticsPage } from './statistics/StatisticsPage';
import { ProjectorPage } from './meetings/ProjectorPage';

interface Boot {
  today: IsoDate;
  /** null until the institution is set up: the administrator then gets the set-up screen. */
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

interface WorkspaceProps {
  user: SessionUser;
  /** While locked the workspace stays mounted (nothing typed is lost) but inert and hidden. */
  locked: boolean;
  onSignOut(): void;
  /** The user's own record changed (their password). */
  onUserChanged(user: SessionUser): void;
  /** The administrator saved a new idle time. */
  onIdleMinutesChanged(minutes: number): void;
}

/** The app of a signed-in user: the header with the navigation of their roles, and the pages. */
export function Workspace({ user, locked, onSignOut, onUserChanged, onIdleMinutesChanged }: WorkspaceProps) {
  const { t } = useI18n();
  const route = useRoute();
  const [boot, setBoot] = useState<Boot | null>(null);
  const [bootError, setBootError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState<ListQuery>(DEFAULT_QUERY);
  const { roles } = user;
  const readsCases = canReadCases(roles);
  const caseList = useCaseList(boot?.settings != null && readsCases && route.name === 'cases', boot?.today);
  const landing = LANDING_ROUTE;
  const documentAccess = useMemo(() => ({ canIssue: canIssueDocuments(roles), canSign: canSignDocuments(roles), canExtend: canExtendDocuments(roles) }), [roles]);

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

  // Issue 17: every role starts at its start page; a case list asked for without a case role goes there.
  const toLanding = route.name === 'cases' && !readsCases;
  useEffect(() => {
    if (toLanding) redirect({ name: landing });
  }, [toLanding, landing]);

  /** The settings changed by a page other than the settings' own (a dated capacity change, V-77 p. 4): read them again. */
  const rereadSettings = () => {
    call('settings.get', {}).then(
      (settings) => settings && setBoot((b) => (b ? { ...b, settings } : b)),
      () => undefined,
    );
  };

  const onSettingsSaved = (settings: Settings, firstRun: boolean) => {
    setBoot((b) => (b ? { ...b, settings, settingsError: null } : b));
    onIdleMinutesChanged(settings.security?.idleMinutes ?? DEFAULT_IDLE_MINUTES);
    if (firstRun) navigate({ name: landing });
  };

  const page = (today: IsoDate, settings: Settings, current: Route) => {
    if (!routeAllowed(current.name, roles)) {
      return (
        <section className="page">
          <PageTitle title={t('auth.forbiddenTitle')} />
          <p>{t('auth.forbidden')}</p>
          <p>
            <a href={`#/${landing}`}>{t('auth.home')}</a>
          </p>
        </section>
      );
    }
    switch (current.name) {
      case 'home':
        return <HomePage user={user} />;
      case 'statistics':
        return <StatisticsPage canIssueReport={canIssueDocuments(roles)} />;
      case 'projector':
        return <ProjectorPage key={current.id} id={current.id} />;
      case 'cases':
        return <CaseListPage list={caseList} query={query} onQueryChange={setQuery} canRegister={canWriteCases(roles)} />;
      case 'case':
        return (
          <CasePage
            key={current.id}
            id={current.id}
            settings={settings}
            today={today}
            canWrite={canWriteCases(roles)}
            archive={{ canExport: canExportCases(roles), canSend: canSendDossier(roles) }}
          />
        );
      case 'new':
        return <NewRequestPage settings={settings} today={today} />;
      case 'meetings':
        return <MeetingsPage today={today} canWrite={canWriteCases(roles)} />;
      case 'meeting':
        return <MeetingPage key={current.id} id={current.id} today={today} canWrite={canWriteCases(roles)} />;
      case 'documents':
        return <DocumentsPage />;
      case 'signing':
        return <SigningPage />;
      case 'verify':
        return <VerifyPage />;
      case 'places':
        return <PlacesPage canWrite={canWriteCases(roles)} canChangeCapacity={isAdministrator(roles)} onSettingsChanged={rereadSettings} />;
      case 'archive':
        return <ArchivePage today={today} canExport={canExportCases(roles)} canHandlePackages={canHandlePackages(roles)} canBackUp={isAdministrator(roles)} />;
      case 'commission':
        return <CommissionPage today={today} canEdit={canEditCommission(roles)} />;
      case 'settings':
        return <SettingsPage current={settings} onSaved={(s) => onSettingsSaved(s, false)} />;
      case 'users':
        return <UsersPage me={user} onMeChanged={onUserChanged} />;
      case 'audit':
        return <AuditPage />;
      case 'password':
        return <ChangePasswordPage required={false} onChanged={onUserChanged} />;
      case 'notFound':
        return (
          <section className="page">
            <PageTitle title={t('notFound.title')} />
            <p>
              <a href={`#/${landing}`}>{t('auth.home')}</a>
            </p>
          </section>
        );
    }
  };

  let content;
  if (route.name === 'password') {
    // Open to everyone at any time, the institution set up or not.
    content = <ChangePasswordPage required={false} onChanged={onUserChanged} />;
  } else if (bootError) {
    content = (
      <section className="page">
        <ErrorNotice error={bootError}>
          <button type="button" className="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </ErrorNotice>
      </section>
    );
  } else if (!boot && route.name === 'home') {
    // Issue 17: the start page needs neither the settings nor today: it asks for its own while the
    // rest of the start-up calls run (the first screen after signing in comes sooner).
    content = <HomePage user={user} />;
  } else if (!boot || toLanding) {
    content = <p className="page">{t('common.loading')}</p>;
  } else if (!boot.settings && isAdministrator(roles)) {
    content = <SettingsPage current={null} problem={boot.settingsError} onSaved={(s) => onSettingsSaved(s, true)} />;
  } else if (!boot.settings) {
    content = (
      <section className="page page-narrow">
        <PageTitle title={t('auth.noInstitutionTitle')} />
        <p className="lead">{t('auth.noInstitution')}</p>
        {boot.settingsError ? <ErrorNotice error={boot.settingsError} /> : null}
        <button type="button" className="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      </section>
    );
  } else {
    content = page(boot.today, boot.settings, route);
  }

  // Issue 17: the projector's window shows the meeting alone: no header, no navigation, no controls.
  if (route.name === 'projector') {
    return (
      <div className={locked ? 'app projector-app is-locked' : 'app projector-app'} inert={locked} aria-hidden={locked || undefined}>
        <main id="main" tabIndex={-1}>
          {content}
        </main>
      </div>
    );
  }

  return (
    <div className={locked ? 'app is-locked' : 'app'} inert={locked} aria-hidden={locked || undefined}>
      <Header
        institutionName={boot?.settings?.institution.name ?? null}
        route={route}
        user={user}
        showNavigation={boot?.settings != null}
        onSignOut={onSignOut}
        signingLink={(props) => <SigningNavLink {...props} />}
      />
      <main id="main" tabIndex={-1}>
        <DocumentAccessContext.Provider value={documentAccess}>{content}</DocumentAccessContext.Provider>
      </main>
    </div>
  );
}
