import { useState } from 'react';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Issue 16: a recovery key, shown once (at first setup, or when the administrator makes a new one),
 * to print or write down and keep in a safe. The app keeps no copy: once the administrator has
 * ticked that it is written down and gone on, it is never shown again.
 */
export function RecoveryKeySheet({ recoveryKey, onDone, asPage = true }: { recoveryKey: string; onDone(): void; asPage?: boolean }) {
  const { t } = useI18n();
  const [written, setWritten] = useState(false);
  const body = (
    <>
      <p className="lead">{t('keys.recovery.intro')}</p>
      <p className="recovery-key" aria-label={t('keys.recovery.title')} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', fontSize: '1.5rem' }}>
        {recoveryKey.split('-').map((group, i) => (
          <code key={i}>{group}</code>
        ))}
      </p>
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('keys.recovery.print')}
        </button>
      </div>
      <div className="check">
        <input id="recovery-written" type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} />
        <label htmlFor="recovery-written">{t('keys.recovery.written')}</label>
      </div>
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={!written} onClick={onDone}>
          {t('keys.recovery.continue')}
        </button>
      </div>
    </>
  );
  return asPage ? (
    <section className="page page-auth">
      <PageTitle title={t('keys.recovery.title')} />
      {body}
    </section>
  ) : (
    <div className="recovery-sheet" role="group" aria-label={t('keys.recovery.title')}>
      {body}
    </div>
  );
}
