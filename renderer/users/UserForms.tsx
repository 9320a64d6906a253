import { useState, type FormEvent } from 'react';
import type { Role } from '../../shared/contract/roles';
import { MIN_PASSWORD_LENGTH, type UserView } from '../../shared/contract/users';
import { ApiError, call, toApiError } from '../api/client';
import { checkNewUser, checkPasswordReset, checkUserEdit, type NewUserValues, type UserEditValues } from '../auth/authForms';
import { FormFooter } from '../components/FormFooter';
import { TextField } from '../components/fields';
import { useCheckedForm } from '../forms/useCheckedForm';
import { useI18n } from '../i18n/I18nProvider';
import { RoleChecks } from './RoleChecks';
import { StaleNotice } from './StaleNotice';
import { isStaleRevision, rebase, userChangeLabels } from './staleRevision';

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

/** The user as stored now (issue 13: after a refused stale change). */
async function latestOf(id: string): Promise<UserView> {
  const user = (await call('users.list', {})).find((u) => u.id === id);
  if (!user) throw new ApiError({ code: 'USER_NOT_FOUND', message: 'Naudotojas nerastas.', messageEn: 'User not found.' });
  return user;
}

/**
 * Issue 13: the version of the user a form is based on, whose revision its change sends. A change
 * refused as stale keeps what was typed and shows what the other user changed; `load` moves the
 * form onto the latest version (`apply` gets it) and tells the page (`onReloaded`) to refresh.
 */
function useUserBase(user: UserView, onReloaded?: () => void) {
  const [base, setBase] = useState(user);
  const [latest, setLatest] = useState<UserView | null>(null);
  const [loading, setLoading] = useState(false);
  const [rebased, setRebased] = useState(false);
  return {
    base,
    latest,
    rebased,
    /** Run the change; a STALE_REVISION refusal fetches the latest version instead of failing the form. */
    async change(action: () => Promise<void>) {
      setRebased(false);
      try {
        await action();
      } catch (e) {
        if (!isStaleRevision(toApiError(e))) throw e;
        setLatest(await latestOf(user.id));
      }
    },
    async load(apply: (latest: UserView) => void) {
      setLoading(true);
      try {
        const now = await latestOf(user.id);
        apply(now);
        setBase(now);
        setLatest(null);
        setRebased(true);
        onReloaded?.();
      } finally {
        setLoading(false);
      }
    },
    loading,
  };
}

function UserStaleNotice({ state, apply }: { state: ReturnType<typeof useUserBase>; apply(latest: UserView): void }) {
  const { t } = useI18n();
  if (!state.latest) return null;
  return (
    <StaleNotice
      message={t('stale.user', { username: state.base.username })}
      fields={userChangeLabels(state.base, state.latest, t)}
      loading={state.loading}
      onLoad={() => void state.load(apply)}
    />
  );
}

function LoadedStatus({ shown }: { shown: boolean }) {
  const { t } = useI18n();
  return shown ? (
    <p className="status-ok" role="status">
      {t('stale.loaded')}
    </p>
  ) : null;
}

interface EditUserFormProps {
  user: UserView;
  onSaved(user: UserView): void;
  onCancel(): void;
  /** The latest version of the user was loaded after a stale change: the list should follow. */
  onReloaded?(): void;
}

const editValuesOf = (u: UserView): UserEditValues => ({ displayName: u.displayName, roles: u.roles, active: u.active });

/** The name, the roles and whether the account is active. */
export function EditUserForm({ user, onSaved, onCancel, onReloaded }: EditUserFormProps) {
  const { t } = useI18n();
  const state = useUserBase(user, onReloaded);
  const form = useCheckedForm(editValuesOf(user), (v: UserEditValues) => checkUserEdit(user.id, state.base.revision, v));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit((input) => state.change(async () => onSaved(await call('users.update', input))));
  };
  /** The typed values moved onto the latest version: what the other user changed takes their value. */
  const apply = (latest: UserView) => {
    const next = rebase(form.values, editValuesOf(state.base), editValuesOf(latest));
    (Object.keys(next) as (keyof UserEditValues)[]).forEach((k) => {
      if (JSON.stringify(next[k]) !== JSON.stringify(form.values[k])) form.set(k, next[k]);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField id="edit-user-name" label={t('auth.displayName')} required {...form.field('displayName')} />
      <RoleChecks id="edit-user-roles" roles={form.values.roles} error={form.errorOf('roles')} onChange={(roles: Role[]) => form.set('roles', roles)} />
      <div className="check">
        <input id="edit-user-active" type="checkbox" checked={form.values.active} onChange={(e) => form.set('active', e.target.checked)} />
        <label htmlFor="edit-user-active">{t('users.active')}</label>
      </div>
      <UserStaleNotice state={state} apply={apply} />
      <LoadedStatus shown={state.rebased} />
      <FormFooter form={form} label={t('users.save')} onCancel={onCancel} />
    </form>
  );
}

/** A new initial password: the user is signed out and must change it at the next sign-in. */
export function ResetPasswordForm({ user, onReset, onCancel, onReloaded }: { user: UserView; onReset(user: UserView): void; onCancel(): void; onReloaded?(): void }) {
  const { t } = useI18n();
  const state = useUserBase(user, onReloaded);
  const form = useCheckedForm({ password: '' }, (v: { password: string }) => checkPasswordReset(user.id, state.base.revision, v.password));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit((input) => state.change(async () => onReset(await call('users.resetPassword', input))));
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
      {/* The typed password stays: only the version the reset is based on moves on. */}
      <UserStaleNotice state={state} apply={() => undefined} />
      <LoadedStatus shown={state.rebased} />
      <FormFooter form={form} label={t('users.resetSubmit')} onCancel={onCancel} />
    </form>
  );
}
