import { useId, useState } from 'react';
import type { DocumentItem } from '../../shared/contract/documentSchemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useI18n } from '../i18n/I18nProvider';
import { useDocumentAccess } from './documentAccess';
import { offersLongTerm, statusOf } from './documentsModel';

/**
 * Issue 18: a fully signed document's PAdES level (ETSI EN 319 142-1 §6) as the app's records give it,
 * and, for the roles of documents.extend, the button that makes its signatures long-term (B-LTA)
 * while they are not yet; a refusal is shown under the button. The list reloads on the change's event.
 */
export function LongTermControl({ item }: { item: DocumentItem }) {
  const { t } = useI18n();
  const { canExtend = false } = useDocumentAccess();
  const errorId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (item.level === undefined || statusOf(item) !== 'signed') return null;

  const extend = () => {
    setBusy(true);
    setError(null);
    call('documents.extend', { id: item.id }).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(toApiError(e));
      },
    );
  };

  return (
    <div className="document-long-term" data-level={item.level}>
      <p className={item.level === 'B-LTA' ? 'document-long-term-done' : 'muted'}>{t(`documents.longTerm.level.${item.level}`)}</p>
      {canExtend && offersLongTerm(item) ? (
        <button
          type="button"
          className="button-secondary"
          aria-label={t('documents.longTerm.extendNamed', { number: item.registrationNumber })}
          aria-describedby={error ? errorId : undefined}
          disabled={busy}
          onClick={extend}
        >
          {t('documents.longTerm.extend')}
        </button>
      ) : null}
      {busy ? (
        <span className="muted" role="status">
          {t('documents.longTerm.extending')}
        </span>
      ) : null}
      {error ? (
        <div id={errorId}>
          <ErrorNotice error={error} />
        </div>
      ) : null}
    </div>
  );
}
