import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileField } from '../components/fields';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { useImportedLists } from './useImportedLists';
import { fileBytes } from '../documents/documentFiles';

/**
 * The administrator's revocation lists (issue 12, "Revocation"): imported offline, each checked by
 * the back end before it is kept, removable, and the policy whether a signature without revocation
 * data is confirmed. Changes apply at once (they are not part of the settings form).
 */
export function RevocationPanel() {
  const { lang, t } = useI18n();
  const { view, error, busy, imported, setImported, run } = useImportedLists(() => call('trust.revocation', {}));
  const [crl, setCrl] = useState<File | null>(null);
  const [issuer, setIssuer] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!crl) return;
    run(
      async () =>
        call('trust.importCrl', {
          name: crl.name.slice(0, 255),
          bytes: await fileBytes(crl),
          ...(issuer ? { issuer: await fileBytes(issuer) } : {}),
        }),
      () => {
        setImported(true);
        setCrl(null);
        setIssuer(null);
        setFormKey((k) => k + 1);
      },
    );
  };

  const date = (iso: string | null) => (iso ? formatMoment(iso, lang) : '–');

  return (
    <section className="panel revocation-panel" aria-labelledby="revocation-title">
      <h2 id="revocation-title">{t('revocation.title')}</h2>
      <p className="field-hint">{t('revocation.intro')}</p>
      {view && view.lists.length === 0 ? <p className="notice notice-warning">{t('revocation.none')}</p> : null}
      {view && view.lists.length > 0 ? (
        <table className="data-table">
          <caption>{t('revocation.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('revocation.col.issuer')}</th>
              <th scope="col">{t('revocation.col.thisUpdate')}</th>
              <th scope="col">{t('revocation.col.nextUpdate')}</th>
              <th scope="col">{t('revocation.col.revoked')}</th>
              <th scope="col">{t('revocation.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {view.lists.map((l) => (
              <tr key={l.id} data-stale={l.stale}>
                <td>{l.issuer}</td>
                <td>{date(l.thisUpdate)}</td>
                <td>
                  {date(l.nextUpdate)}
                  {l.stale ? <strong className="document-waits"> ({t('revocation.stale')})</strong> : null}
                </td>
                <td>{l.revokedCount}</td>
                <td>
                  <button type="button" className="button-secondary" disabled={busy} onClick={() => run(() => call('trust.removeCrl', { id: l.id }))}>
                    {t('revocation.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form key={formKey} onSubmit={submit} className="revocation-import">
        <FileField id="revocation-file" label={t('revocation.file')} accept=".crl,.pem,application/pkix-crl" onFile={setCrl} />
        <FileField id="revocation-issuer" label={t('revocation.issuerFile')} accept=".pem,.crt,.cer,.der" onFile={setIssuer} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy || !crl}>
            {t('revocation.import')}
          </button>
          <p role="status">{busy ? t('revocation.importing') : imported ? t('revocation.imported') : ''}</p>
        </div>
      </form>
      {view ? (
        <div className="field">
          <label>
            <input type="checkbox" checked={view.required} disabled={busy} onChange={(e) => run(() => call('trust.setRevocationPolicy', { required: e.target.checked }))} />{' '}
            {t('revocation.required')}
          </label>
          <p className="field-hint">{t('revocation.requiredHint')}</p>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
