import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileField } from '../components/fields';
import { fileBytes } from '../documents/documentFiles';
import { formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { useImportedLists } from './useImportedLists';

/**
 * The administrator's trusted lists (issue 18, "Trust from the trusted lists"): an ETSI TS 119 612
 * list imported with its operator's certificate, checked by the back end before it is kept; its
 * facts with the next update (a warning once it is past), its granted qualified services, removal.
 * Changes apply at once (they are not part of the settings form).
 */
export function TrustedListPanel() {
  const { lang, t } = useI18n();
  const { view, error, busy, imported, setImported, run } = useImportedLists(() => call('trust.trustedLists', {}));
  const [list, setList] = useState<File | null>(null);
  const [operator, setOperator] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!list || !operator) return;
    run(
      async () => call('trust.importTrustedList', { name: list.name.slice(0, 255), bytes: await fileBytes(list), operator: await fileBytes(operator) }),
      () => {
        setImported(true);
        setList(null);
        setOperator(null);
        setFormKey((k) => k + 1);
      },
    );
  };

  return (
    <section className="panel trusted-list-panel" aria-labelledby="trusted-lists-title">
      <h2 id="trusted-lists-title">{t('trustedLists.title')}</h2>
      <p className="field-hint">{t('trustedLists.intro')}</p>
      {view && view.lists.length === 0 ? <p className="notice notice-warning">{t('trustedLists.none')}</p> : null}
      {view && view.lists.length > 0 ? (
        <table className="data-table">
          <caption>{t('trustedLists.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trustedLists.col.territory')}</th>
              <th scope="col">{t('trustedLists.col.operator')}</th>
              <th scope="col">{t('trustedLists.col.sequence')}</th>
              <th scope="col">{t('trustedLists.col.issued')}</th>
              <th scope="col">{t('trustedLists.col.nextUpdate')}</th>
              <th scope="col">{t('trustedLists.col.services')}</th>
              <th scope="col">{t('trustedLists.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {view.lists.map((l) => (
              <tr key={l.id} data-expired={l.expired}>
                <td>{l.territory}</td>
                <td>{l.operator}</td>
                <td>{l.sequenceNumber}</td>
                <td>{formatMoment(l.issued, lang)}</td>
                <td>
                  {formatMoment(l.nextUpdate, lang)}
                  {l.expired ? <strong className="document-waits"> ({t('trustedLists.expired')})</strong> : null}
                </td>
                <td>
                  {l.readable ? (
                    <>
                      <p>{t('trustedLists.servicesCount', { count: l.services.length })}</p>
                      {l.services.length > 0 ? (
                        <ul>
                          {l.services.map((s, i) => (
                            <li key={i}>
                              {s.name} <span className="field-hint">({s.provider})</span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </>
                  ) : (
                    <strong className="document-waits">{t('trustedLists.unreadable')}</strong>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={busy}
                    aria-label={t('trustedLists.removeLabel', { territory: l.territory, sequence: l.sequenceNumber })}
                    onClick={() => run(() => call('trust.removeTrustedList', { id: l.id }))}
                  >
                    {t('trustedLists.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form key={formKey} onSubmit={submit} className="trusted-list-import">
        <FileField id="trusted-list-file" label={t('trustedLists.file')} accept=".xml,application/xml,text/xml" onFile={setList} />
        <FileField id="trusted-list-operator" label={t('trustedLists.operatorFile')} hint={t('trustedLists.operatorHint')} accept=".pem,.crt,.cer,.der" onFile={setOperator} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy || !list || !operator}>
            {t('trustedLists.import')}
          </button>
          <p role="status">{busy ? t('trustedLists.importing') : imported ? t('trustedLists.imported') : ''}</p>
        </div>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </section>
  );
}
