import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

/** A refused call: the back end's message in the UI language, with its code for the administrator. */
export function ErrorNotice({ error, children }: { error: ApiError; children?: ReactNode }) {
  const { lang, t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{t('error.title')}</strong> <span className="error-code">({t('error.code', { code: error.code })})</span>:{' '}
        {error.text(lang)}
      </p>
      {children}
    </div>
  );
}
