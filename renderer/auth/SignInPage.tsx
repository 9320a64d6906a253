import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../shared/contract/users';
import { call, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import { checkSignIn, type SignInValues } from './authForms';

interface SignInPageProps {
  /** Why the user is here again (e.g. the session ended), until they try to sign in. */
  notice: ApiError | null;
  onSignedIn(session: string, user: SessionUser): void;
}

const EMPTY: SignInValues = { username: '', password: '' };

/**
 * Signing in. A wrong password says how many attempts are left; after the last one the account is
 * locked for a while (the back end's messages, with their codes).
 */
export function SignInPage({ notice, onSignedIn }: SignInPageProps) {
  const { t } = useI18n();
  const form = useCheckedForm(EMPTY, checkSignIn);
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    void form.submit(async (input) => {
      const { session, user } = await call('auth.login', input);
      onSignedIn(session, user);
    });
  };

  return (
    <section className="page page-auth">
      <PageTitle title={t('auth.signInTitle')} />
      <p className="lead">{t('auth.signInIntro')}</p>
      {notice && !tried ? <ErrorNotice error={notice} /> : null}
      <form onSubmit={submit} noValidate>
        <TextField id="signin-username" label={t('auth.username')} required autoComplete="username" {...form.field('username')} />
        <TextField id="signin-password" type="password" label={t('auth.password')} required autoComplete="current-password" {...form.field('password')} />
        {form.error ? <ErrorNotice error={form.error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={form.busy}>
            {t('auth.signIn')}
          </button>
        </div>
      </form>
    </section>
  );
}
