import type { FormEvent } from 'react';
import type { SessionUser } from '../../shared/contract/users';
import { call } from '../api/client';
import { FormFooter } from '../components/FormFooter';
import { TextField } from '../components/fields';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import { checkPasswordChange, type PasswordChangeValues } from './authForms';
import { NewPasswordFields } from './NewPasswordFields';

const EMPTY: PasswordChangeValues = { currentPassword: '', newPassword: '', repeat: '' };

/** The current password and the new one twice; used at the required change and from the user menu. */
export function ChangePasswordForm({ onChanged }: { onChanged(user: SessionUser): void }) {
  const { t } = useI18n();
  const form = useCheckedForm(EMPTY, checkPasswordChange);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (input) => onChanged(await call('auth.changePassword', input)));
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        id="password-current"
        type="password"
        label={t('auth.currentPassword')}
        required
        autoComplete="current-password"
        {...form.field('currentPassword')}
      />
      <NewPasswordFields
        idPrefix="password-new"
        label={t('auth.newPassword')}
        repeatLabel={t('auth.newPasswordRepeat')}
        password={form.field('newPassword')}
        repeat={form.field('repeat')}
      />
      <FormFooter form={form} label={t('auth.change')} />
    </form>
  );
}
