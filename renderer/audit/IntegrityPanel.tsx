import { useEffect, useState } from 'react';
import type { IntegrityReport } from '../../shared/contract/audit';
import { ApiError, call, toApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Issue 16: what the data directory's integrity manifest found — files put back from older copies,
 * a cut or deleted audit trail, a directory older than this computer last saw it — each with the
 * file named, and the administrator's decision to take the present state as current (audited).
 * While the trail or the manifest is in doubt, the app writes nothing; it says so here.
 */
export function IntegrityPanel() {
  const { lang, t } = useI18n();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [accepted, setAccepted] = useState(false);

  useEffect(() => {
    let current = true;
    call('audit.integrity', {}).then(
      (r) => current && setReport(r),
      (e: unknown) => current && setError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, []);

  const accept = async () => {
    setAccepting(true);
    setError(null);
    try {
      setReport(await call('audit.acceptIntegrity', { confirm: true }));
      setAccepted(true);
      setConfirmed(false);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setAccepting(false);
    }
  };

  return (
    <section className="integrity" aria-labelledby="integrity-title">
      <h2 id="integrity-title">{t('integrity.title')}</h2>
      {report === null && !error ? <p>{t('common.loading')}</p> : null}
      {report && report.problems.length === 0 ? (
        <p className="notice notice-ok" role="status" data-integrity="clean">
          {accepted ? t('integrity.accepted') : t('integrity.clean')}{' '}
          {report.foldersCheckedAt ? t('integrity.foldersChecked', { at: formatMoment(report.foldersCheckedAt, lang) }) : t('integrity.foldersNotYet')}
        </p>
      ) : null}
      {report && report.problems.length > 0 ? (
        <div className="notice notice-error" role="alert" data-integrity="problems">
          <p>{report.readOnly ? t('integrity.readOnly') : t('integrity.damagedRecords')}</p>
          <ul>
            {report.problems.map((p) => (
              <li key={`${p.kind} ${p.path}`} data-kind={p.kind}>
                {p.text[lang]}
              </li>
            ))}
          </ul>
          <p>{t('integrity.whatToDo')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t('integrity.confirm')}
          </label>
          <button type="button" className="button-danger" disabled={!confirmed || accepting} onClick={() => void accept()}>
            {t('integrity.accept')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
