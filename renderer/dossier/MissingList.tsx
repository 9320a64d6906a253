import { useState } from 'react';
import type { DossierView } from '../../shared/contract/dossierSchemas';
import type { CaseRecord } from '../../shared/contract/schemas';
import { missingDocumentsText } from '../../shared/domain/dossier';
import { useI18n } from '../i18n/I18nProvider';

/**
 * What the convict's institution must still send (V-77 p. 6–7), as a text to copy into a letter or
 * to print; what the secretary must record herself is listed apart.
 */
export function MissingList({ dossier, record, onClose }: { dossier: DossierView; record: CaseRecord; onClose(): void }) {
  const { lang, t } = useI18n();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const toRequest = dossier.missing.filter((m) => m.toRequest);
  const todo = dossier.missing.filter((m) => !m.toRequest);
  // The request goes to a Lithuanian institution: in Lithuanian whatever the language of the UI.
  const text = missingDocumentsText(dossier.missing, { name: `${record.convict.firstName} ${record.convict.lastName}`, personalFileNo: record.convict.personalFileNo }, 'lt');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  const print = () => {
    document.body.dataset.printing = 'missing';
    window.print();
    delete document.body.dataset.printing;
  };

  return (
    <section className="panel missing-list" aria-labelledby="missing-title">
      <h3 id="missing-title">{t('dossier.missing.title')}</h3>
      {toRequest.length === 0 ? <p>{t('dossier.missing.nothing')}</p> : <pre className="missing-text print-area">{text}</pre>}
      {todo.length > 0 ? (
        <>
          <h4>{t('dossier.missing.todo')}</h4>
          <ul>
            {todo.map((m) => (
              <li key={`${m.item}-${m.reason}`}>
                {m.item}: {m[lang]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="form-actions">
        {toRequest.length > 0 ? (
          <>
            <button type="button" className="button-secondary" onClick={() => void copy()}>
              {t('dossier.missing.copy')}
            </button>
            <button type="button" className="button-secondary" onClick={print}>
              {t('dossier.missing.print')}
            </button>
          </>
        ) : null}
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('dossier.close')}
        </button>
      </div>
      {copied ? (
        <p role="status" className="field-hint">
          {copied === 'ok' ? t('dossier.missing.copied') : t('dossier.missing.copyFailed')}
        </p>
      ) : null}
    </section>
  );
}
