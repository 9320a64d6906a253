import { useState } from 'react';
import { MIN_PASSWORD_LENGTH, type SessionUser } from '../../shared/contract/users';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';
import { ChangePasswordForm } from './ChangePasswordForm';

interface ChangePasswordPageProps {
  /** The administrator set the password: it must be changed before anything else. */
  required: boolean;
  onChanged(user: SessionUser): void;
}

export function ChangePasswordPage({ required, onChanged }: ChangePasswordPageProps) {
  const { t } = useI18n();
  const [done, setDone] = useState(0);
  return (
    <section className="page page-auth">
      <PageTitle title={t('auth.changeTitle')} />
      <p className="lead">{required ? t('auth.mustChangeIntro') : t('auth.changeIntro', { min: MIN_PASSWORD_LENGTH })}</p>
      {done > 0 ? (
        <p className="notice notice-ok" role="status">
          {t('auth.changed')}
        </p>
      ) : null}
      <ChangePasswordForm
        key={done}
        onChanged={(user) => {
          setDone((n) => n + 1);
          onChanged(user);
        }}
      />
    </section>
  );
}
