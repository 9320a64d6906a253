import { useState } from 'react';
import { SelectField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { useDocumentAccess } from './documentAccess';
import { DocumentDesk } from './DocumentDesk';
import { DOCUMENT_FILTERS, filterDocuments, type DocumentFilter } from './documentsModel';
import { useDocumentList } from './useDocuments';
import { RetryNotice } from '../components/RetryNotice';

/** The p. 12 list is the institution's own document, prepared here; the others are prepared on their case or meeting. */
const INSTITUTION_KINDS = ['list'] as const;

/** Every generated document, newest first, filtered by its signing status; and the list of V-77 p. 12. */
export function DocumentsPage() {
  const { t } = useI18n();
  const { canSign } = useDocumentAccess();
  const list = useDocumentList({});
  const [filter, setFilter] = useState<DocumentFilter>('all');
  const all = list.documents ?? [];
  const shown = filterDocuments(all, filter);

  return (
    <section className="page documents-page">
      <PageTitle title={t('documents.page.title')} />
      <ul className="page-links">
        {canSign ? (
          <li>
            <a href={routeHref({ name: 'signing' })}>{t('documents.signingLink')}</a>
          </li>
        ) : null}
        <li>
          <a href={routeHref({ name: 'verify' })}>{t('documents.verifyLink')}</a>
        </li>
      </ul>
      <RetryNotice error={list.error} onRetry={list.reload} />
      {list.documents === null && !list.error ? <p>{t('common.loading')}</p> : null}
      {list.documents !== null ? (
        <>
          <div className="list-filters">
            <SelectField
              id="documents-filter"
              label={t('documents.filter')}
              value={filter}
              options={DOCUMENT_FILTERS.map((f) => ({ value: f, label: t(`documents.filter.${f}`) }))}
              onChange={(value) => setFilter(DOCUMENT_FILTERS.find((f) => f === value) ?? 'all')}
            />
            <p className="list-count" aria-live="polite">
              {t('documents.count', { shown: shown.length, total: all.length })}
            </p>
          </div>
          {all.length === 0 ? <p className="empty">{t('documents.none')}</p> : shown.length === 0 ? <p className="empty">{t('documents.noMatch')}</p> : null}
          <DocumentDesk target={{ kind: 'institution' }} due={INSTITUTION_KINDS} documents={all} shown={shown} showAbout headingLevel={2} onIssued={list.reload} />
        </>
      ) : null}
    </section>
  );
}
