import { useI18n } from '../i18n/I18nProvider';

interface StaleNoticeProps {
  /** Whose record was changed, in the UI language. */
  message: string;
  /** The labels of the fields the other user changed (empty: none the form shows). */
  fields: readonly string[];
  loading: boolean;
  onLoad(): void;
}

/**
 * Issue 13: a save refused because someone else saved first (STALE_REVISION). Says what they
 * changed, that what the user typed is still in the form, and offers to load the latest version.
 */
export function StaleNotice({ message, fields, loading, onLoad }: StaleNoticeProps) {
  const { t } = useI18n();
  return (
    <div className="notice notice-warning stale-notice" role="alert">
      <p className="notice-title">{message}</p>
      {fields.length > 0 ? (
        <>
          <p>{t('stale.changed')}</p>
          <ul className="stale-fields">
            {fields.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('stale.unknownChanges')}</p>
      )}
      <p>{t('stale.kept')}</p>
      <button type="button" className="button-secondary" onClick={onLoad} disabled={loading}>
        {loading ? t('stale.loading') : t('stale.load')}
      </button>
    </div>
  );
}
