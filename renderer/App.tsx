import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionUser } from '../shared/contract/users';
import { ApiError, call, toApiError } from './api/client';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { CreateAdministratorPage } from './auth/CreateAdministratorPage';
import { LockOverlay } from './auth/LockOverlay';
import { sessionGate } from './auth/sessionGate';
import { forgetSessionToken, keepSessionToken, sessionToken } from './auth/sessionToken';
import { SignInPage } from './auth/SignInPage';
import { useIdleLock } from './auth/useIdleLock';
import { ErrorNotice } from './components/ErrorNotice';
import { useI18n } from './i18n/I18nProvider';
import { Header } from './layout/Header';
import { UnlockPage } from './keys/UnlockPage';
import { redirect, useRoute } from './router/useRoute';
import { Workspace } from './Workspace';

/** Where the user is in signing in; the app itself opens at 'ready'. */
type Auth =
  | { phase: 'loading' }
  | { phase: 'failed'; error: ApiError }
  | { phase: 'createAdministrator' }
  | { phase: 'signIn'; notice: ApiError | null }
  | { phase: 'changePassword'; user: SessionUser }
  | { phase: 'ready'; user: SessionUser; idleMinutes: number };

/**
 * The app starts by asking the back end who is signed in (auth.status): nobody yet on a new data
 * directory (create the administrator), nobody in this tab (sign in), a user who must change the
 * password first, or a user who may work. A refusal about the session later on (ended, locked,
 * password to change) brings the right screen back; a lock keeps the work underneath.
 */
export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const [auth, setAuth] = useState<Auth>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const locked = useSyncExternalStore(sessionGate.subscribeLock, sessionGate.isLocked);
  const ready = auth.phase === 'ready';
  // Issue 17: the projector's window gets no input; its idleness must not lock the session it shares with the secretary.
  useIdleLock(ready ? auth.idleMinutes : 0, ready && !locked && route.name !== 'projector');

  useEffect(() => {
    let current = true;
    call('auth.status', {}).then(
      (status) => {
        if (!current) return;
        if (!status.user && sessionToken() !== null) forgetSessionToken();
        if (status.locked) sessionGate.lock();
        if (!status.setUp) setAuth({ phase: 'createAdministrator' });
        else if (!status.user) setAuth((a) => ({ phase: 'signIn', notice: a.phase === 'signIn' ? a.notice : null }));
        else if (status.user.mustChangePassword) setAuth({ phase: 'changePassword', user: status.user });
        else setAuth({ phase: 'ready', user: status.user, idleMinutes: status.idleMinutes });
      },
      (e: unknown) => current && setAuth({ phase: 'failed', error: toApiError(e) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      sessionGate.onSignal((signal, error) => {
        if (signal === 'unauthenticated') {
          forgetSessionToken();
          sessionGate.reset();
          setAuth({ phase: 'signIn', notice: error ? new ApiError(error) : null });
        } else if (signal === 'passwordChangeRequired') {
          setAttempt((n) => n + 1);
        }
      }),
    [],
  );

  const signedIn = (session: string) => {
    keepSessionToken(session);
    sessionGate.reset();
    setAttempt((n) => n + 1);
  };

  const signedOut = (notice: ApiError | null) => {
    forgetSessionToken();
    sessionGate.reset();
    setAuth({ phase: 'signIn', notice });
  };

  const signOut = () => {
    // Whatever the answer, this tab forgets the session; the next user starts at their own start page.
    const done = () => {
      redirect({ name: 'cases' });
      signedOut(null);
    };
    call('auth.logout', {}).then(done, done);
  };

  if (auth.phase === 'ready') {
    return (
      <>
        <Workspace
          user={auth.user}
          locked={locked}
          onSignOut={signOut}
          onUserChanged={(user) => setAuth({ ...auth, user })}
          onIdleMinutesChanged={(idleMinutes) => setAuth((a) => (a.phase === 'ready' ? { ...a, idleMinutes } : a))}
        />
        {locked ? <LockOverlay user={auth.user} onSignOut={signOut} onEnded={(error) => signedOut(error)} /> : null}
      </>
    );
  }

  let content;
  switch (auth.phase) {
    case 'loading':
      content = <p className="page">{t('common.loading')}</p>;
      break;
    case 'failed':
      // Issue 16: the desktop app waits for the passphrase or the recovery key (its computer is not enrolled).
      if (auth.error.code === 'DATA_KEY_LOCKED') {
        content = <UnlockPage reason={auth.error} onUnlocked={() => setAttempt((n) => n + 1)} />;
        break;
      }
      content = (
        <section className="page">
          <ErrorNotice error={auth.error}>
            <button type="button" className="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </ErrorNotice>
        </section>
      );
      break;
    case 'createAdministrator':
      content = <CreateAdministratorPage onCreated={signedIn} />;
      break;
    case 'signIn':
      content = <SignInPage key={auth.notice?.message ?? ''} notice={auth.notice} onSignedIn={signedIn} />;
      break;
    case 'changePassword':
      content = <ChangePasswordPage required onChanged={() => setAttempt((n) => n + 1)} />;
      break;
  }
  const user = auth.phase === 'changePassword' ? auth.user : null;
  return (
    <div className="app">
      <Header institutionName={null} route={route} user={user} showNavigation={false} onSignOut={signOut} />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </div>
  );
}
