import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../shared/contract/users';
import { call } from '../api/client';
import { FormFooter } from '../components/FormFooter';
import { TextField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import { checkAdministrator, type AdministratorValues } from './authForms';
import { NewPasswordFields } from './NewPasswordFields';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import { keepSessionToken } from './sessionToken';

const EMPTY: AdministratorValues = { username: '', displayName: '', password: '', repeat: '' };

/** The first start: the administrator's account, who is then signed in. */
export function CreateAdministratorPage({ onCreated }: { onCreated(session: string, user: SessionUser): void }) {
  const { t } = useI18n();
  const form = useCheckedForm(EMPTY, checkAdministrator);
  /** Issue 16: the recovery key made with the new directory, shown once before the app goes on. */
  const [created, setCreated] = useState<{ session: string; user: SessionUser; recoveryKey: string } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (input) => {
      const { session, user } = await call('auth.createAdministrator', input);
      keepSessionToken(session);
      const { recoveryKey } = await call('keys.takeRecoveryKey', {});
      if (recoveryKey === null) onCreated(session, user);
      else setCreated({ session, user, recoveryKey });
    });
  };

  if (created !== null) return <RecoveryKeySheet recoveryKey={created.recoveryKey} onDone={() => onCreated(created.session, created.user)} />;

  return (
    <section className="page page-auth">
      <PageTitle title={t('auth.createTitle')} />
      <p className="lead">{t('auth.createIntro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField id="admin-username" label={t('auth.username')} hint={t('auth.usernameHint')} required autoComplete="username" {...form.field('username')} />
        <TextField id="admin-name" label={t('auth.displayName')} required autoComplete="name" {...form.field('displayName')} />
        <NewPasswordFields
          idPrefix="admin"
          label={t('auth.password')}
          repeatLabel={t('auth.passwordRepeat')}
          password={form.field('password')}
          repeat={form.field('repeat')}
        />
        <FormFooter form={form} label={t('auth.create')} />
      </form>
    </section>
  );
}
