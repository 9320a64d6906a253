import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from './ErrorNotice';

/** A load that failed: the error with its code, and a button to try again. Nothing when there is no error. */
export function RetryNotice({ error, onRetry }: { error: ApiError | null | undefined; onRetry(): void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <ErrorNotice error={error}>
      <button type="button" className="button-secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </ErrorNotice>
  );
}
