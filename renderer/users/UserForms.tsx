import type { FormEvent } from 'react';
import type { Role } from '../../shared/contract/roles';
import { MIN_PASSWORD_LENGTH, type UserView } from '../../shared/contract/users';
import { call } from '../api/client';
import { checkNewUser, checkPasswordReset, checkUserEdit, type NewUserValues, type UserEditValues } from '../auth/authForms';
import { FormFooter } from '../components/FormFooter';
import { TextField } from '../components/fields';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import { RoleChecks } from './RoleChecks';

const EMPTY_USER: NewUserValues = { username: '', displayName: '', roles: [], password: '' };

/** A new user with their roles and an initial password, which they must change at the first sign-in. */
export function NewUserForm({ onCreated }: { onCreated(user: UserView): void }) {
  const { t } = useI18n();
  const form = useCheckedForm(EMPTY_USER, checkNewUser);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (input) => onCreated(await call('users.create', input)));
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="field-grid">
        <TextField id="new-user-username" label={t('auth.username')} hint={t('auth.usernameHint')} required {...form.field('username')} />
        <TextField id="new-user-name" label={t('auth.displayName')} required {...form.field('displayName')} />
      </div>
      <RoleChecks id="new-user-roles" roles={form.values.roles} error={form.errorOf('roles')} onChange={(roles: Role[]) => form.set('roles', roles)} />
      <TextField
        id="new-user-password"
        type="password"
        label={t('users.initialPassword')}
        hint={t('users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}
        required
        autoComplete="new-password"
        {...form.field('password')}
      />
      <FormFooter form={form} label={t('users.create')} />
    </form>
  );
}

/** The name, the roles and whether the account is active. */
export function EditUserForm({ user, onSaved, onCancel }: { user: UserView; onSaved(user: UserView): void; onCancel(): void }) {
  const { t } = useI18n();
  const initial: UserEditValues = { displayName: user.displayName, roles: user.roles, active: user.active };
  const form = useCheckedForm(initial, (v: UserEditValues) => checkUserEdit(user.id, v));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (input) => onSaved(await call('users.update', input)));
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField id="edit-user-name" label={t('auth.displayName')} required {...form.field('displayName')} />
      <RoleChecks id="edit-user-roles" roles={form.values.roles} error={form.errorOf('roles')} onChange={(roles: Role[]) => form.set('roles', roles)} />
      <div className="check">
        <input id="edit-user-active" type="checkbox" checked={form.values.active} onChange={(e) => form.set('active', e.target.checked)} />
        <label htmlFor="edit-user-active">{t('users.active')}</label>
      </div>
      <FormFooter form={form} label={t('users.save')} onCancel={onCancel} />
    </form>
  );
}

/** A new initial password: the user is signed out and must change it at the next sign-in. */
export function ResetPasswordForm({ user, onReset, onCancel }: { user: UserView; onReset(user: UserView): void; onCancel(): void }) {
  const { t } = useI18n();
  const form = useCheckedForm({ password: '' }, (v: { password: string }) => checkPasswordReset(user.id, v.password));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async (input) => onReset(await call('users.resetPassword', input)));
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        id="reset-user-password"
        type="password"
        label={t('users.initialPassword')}
        hint={t('users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}
        required
        autoComplete="new-password"
        {...form.field('password')}
      />
      <FormFooter form={form} label={t('users.resetSubmit')} onCancel={onCancel} />
    </form>
  );
}
