import { useEffect, type FormEvent } from 'react';
import type { SessionUser } from '../../shared/contract/users';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../components/fields';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import { checkUnlock } from './authForms';
import { sessionGate } from './sessionGate';

interface LockOverlayProps {
  user: SessionUser;
  onSignOut(): void;
  /** Too many wrong passwords locked the account and ended the session. */
  onEnded(error: ApiError): void;
}

/**
 * Over a locked session: the password opens it again, with everything on screen as it was left (the
 * app stays mounted underneath, inert and hidden). Signing out instead is offered too.
 */
export function LockOverlay({ user, onSignOut, onEnded }: LockOverlayProps) {
  const { t } = useI18n();
  const form = useCheckedForm({ password: '' }, checkUnlock);

  useEffect(() => {
    document.getElementById('lock-password')?.focus();
  }, []);

  // The window's title names the page (often a convict): not while locked.
  const lockTitle = `${t('auth.lockTitle')} – ${t('app.name')}`;
  useEffect(() => {
    const before = document.title;
    document.title = lockTitle;
    return () => {
      document.title = before;
    };
  }, [lockTitle]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (input) => {
      try {
        await call('auth.unlock', input);
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'ACCOUNT_LOCKED') return onEnded(apiError);
        throw apiError;
      }
      sessionGate.unlock();
    });
  };

  return (
    <div className="lock-backdrop">
      <section className="lock-dialog" role="dialog" aria-modal="true" aria-labelledby="lock-title" aria-describedby="lock-intro">
        <h1 id="lock-title">{t('auth.lockTitle')}</h1>
        <p id="lock-intro">{t('auth.lockIntro', { name: user.displayName })}</p>
        <form onSubmit={submit} noValidate>
          <TextField id="lock-password" type="password" label={t('auth.password')} required autoComplete="current-password" {...form.field('password')} />
          {form.error ? <ErrorNotice error={form.error} /> : null}
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={form.busy}>
              {t('auth.unlock')}
            </button>
            <button type="button" className="button-secondary" onClick={onSignOut}>
              {t('auth.signOut')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
