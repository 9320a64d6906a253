import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../shared/contract/roles';
import type { SessionUser, UserView } from '../../shared/contract/users';
import { ApiError, call, toApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { ActionNotice } from '../layout/ActionNotice';
import { EditUserForm, NewUserForm, ResetPasswordForm } from './UserForms';

type Panel = { kind: 'edit' | 'reset'; id: string } | null;

/** Issue 17: what was done, shown where it was done: under the list (a user's panel) or the new user's form. */
type Notice = { text: string; at: 'list' | 'new' } | null;

/** The administrator's list of users: create one, change their name, roles and account, reset a password. */
interface UsersPageProps {
  me: SessionUser;
  /** The administrator changed their own name or roles: the navigation follows. */
  onMeChanged(user: SessionUser): void;
}

export function UsersPage({ me, onMeChanged }: UsersPageProps) {
  const { lang, t } = useI18n();
  const [users, setUsers] = useState<readonly UserView[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [loads, setLoads] = useState(0);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState(0);

  useEffect(() => {
    let current = true;
    call('users.list', {}).then(
      (list) => {
        if (!current) return;
        setUsers([...list].sort((a, b) => a.username.localeCompare(b.username)));
        setLoadError(null);
      },
      (e: unknown) => current && setLoadError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [loads]);

  const done = (text: string, at: 'list' | 'new') => {
    setPanel(null);
    setNotice({ text, at });
    setLoads((n) => n + 1);
  };
  const open = panel ? users?.find((u) => u.id === panel.id) : undefined;

  return (
    <section className="page">
      <PageTitle title={t('users.title')} />
      {loadError ? (
        <ErrorNotice error={loadError}>
          <button type="button" className="button-secondary" onClick={() => setLoads((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </ErrorNotice>
      ) : null}
      {users === null && !loadError ? <p>{t('common.loading')}</p> : null}
      {users ? (
        <table className="data-table users-table">
          <caption className="visually-hidden">{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.col.username')}</th>
              <th scope="col">{t('users.col.name')}</th>
              <th scope="col">{t('users.col.roles')}</th>
              <th scope="col">{t('users.col.active')}</th>
              <th scope="col">{t('users.col.lockedUntil')}</th>
              <th scope="col">{t('users.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-username={u.username}>
                <th scope="row">
                  {u.username} {u.id === me.id ? <span className="muted">{t('users.you')}</span> : null}
                </th>
                <td>
                  {u.displayName}
                  {u.mustChangePassword ? <span className="muted"> ({t('users.mustChange')})</span> : null}
                </td>
                <td>{u.roles.map((r) => ROLE_LABELS[r][lang]).join(', ')}</td>
                <td>{u.active ? t('users.yes') : t('users.no')}</td>
                <td>{u.lockedUntil ? formatMoment(u.lockedUntil, lang) : t('common.none')}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button-secondary"
                      aria-expanded={panel?.kind === 'edit' && panel.id === u.id}
                      onClick={() => {
                        setNotice(null);
                        setPanel(panel?.kind === 'edit' && panel.id === u.id ? null : { kind: 'edit', id: u.id });
                      }}
                    >
                      {t('users.edit', { username: u.username })}
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      aria-expanded={panel?.kind === 'reset' && panel.id === u.id}
                      onClick={() => {
                        setNotice(null);
                        setPanel(panel?.kind === 'reset' && panel.id === u.id ? null : { kind: 'reset', id: u.id });
                      }}
                    >
                      {t('users.reset', { username: u.username })}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {/* The user's panel closed: its outcome where it was, with the focus (the panel's buttons are gone). */}
      {notice?.at === 'list' ? <ActionNotice key={notice.text} takeFocus>{notice.text}</ActionNotice> : null}
      {panel && open ? (
        <section className="panel" aria-labelledby="user-panel-title">
          <h2 id="user-panel-title">
            {panel.kind === 'edit' ? t('users.editTitle', { username: open.username }) : t('users.resetTitle', { username: open.username })}
          </h2>
          {panel.kind === 'edit' ? (
            <EditUserForm
              key={open.id}
              user={open}
              onCancel={() => setPanel(null)}
              onReloaded={() => setLoads((n) => n + 1)}
              onSaved={(u) => {
                if (u.id === me.id) {
                  onMeChanged({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, mustChangePassword: u.mustChangePassword });
                }
                done(t('users.saved', { username: u.username }), 'list');
              }}
            />
          ) : (
            <ResetPasswordForm
              key={open.id}
              user={open}
              onCancel={() => setPanel(null)}
              onReloaded={() => setLoads((n) => n + 1)}
              onReset={(u) => done(t('users.resetDone', { username: u.username }), 'list')}
            />
          )}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('users.new')}</h2>
        <NewUserForm
          key={created}
          onCreated={(u) => {
            setCreated((n) => n + 1);
            done(t('users.created', { username: u.username }), 'new');
          }}
        />
        {notice?.at === 'new' ? <ActionNotice key={notice.text} takeFocus>{notice.text}</ActionNotice> : null}
      </section>
    </section>
  );
}
