import { useState } from 'react';
import type { z } from 'zod';
import type { backupOutput } from '../../shared/contract/archiveSchemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { useI18n } from '../i18n/I18nProvider';
import { WrittenPackageView } from './WrittenPackageView';

type Backup = z.infer<typeof backupOutput>;

/**
 * The administrator's backup (issue 15): the whole data directory, taken from a quiesced snapshot,
 * as one file in the exports folder. It stays sealed under the data key, so the note says how it is
 * restored (into an empty directory, verified before anything is written).
 */
export function BackupPanel() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [backup, setBackup] = useState<Backup | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setBackup(null);
    try {
      setBackup(await call('archive.backup', {}));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel archive-backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('archive.backup.title')}</h2>
      <p className="field-hint">{t('archive.backup.hint')}</p>
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={busy} onClick={() => void run()}>
          {t('archive.backup.start')}
        </button>
      </div>
      <div aria-live="polite">
        {busy ? <p role="status">{t('archive.backup.running')}</p> : null}
        {backup ? (
          <div className="archive-result" data-backup={backup.sha256}>
            <p className="notice notice-ok">{t('archive.backup.done')}</p>
            <WrittenPackageView written={backup} files={backup.files} />
          </div>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <p className="archive-backup-note">
        {t('archive.backup.note')} <code>{t('archive.backup.command')}</code>
      </p>
    </section>
  );
}
