import { useEffect, useRef, useState } from 'react';
import { awaitedText } from './documentsModel';
import type { DocumentItem } from '../../shared/contract/documentSchemas';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { DocumentViewer, type ViewedDocument } from '../dossier/DocumentViewer';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { routeHref } from '../router/routes';
import { CredentialFields } from './CredentialFields';
import { readDocument } from './documentFiles';
import { credentialOf, EMPTY_CREDENTIAL, runSigning, startRun, withoutSecret, type CredentialDraft, type SigningRun } from './signingModel';
import { SigningProgress } from './SigningProgress';
import { useSigningQueue } from './useDocuments';
import './documents.css';
import { RetryNotice } from '../components/RetryNotice';

interface QueueTableProps {
  documents: readonly DocumentItem[];
  selected: ReadonlySet<string>;
  busy: boolean;
  onSelect(ids: ReadonlySet<string>): void;
  onOpen(item: DocumentItem): void;
  onSign(item: DocumentItem): void;
}

/** The documents awaiting my signature, each with a check box, to read first and to sign. */
function QueueTable({ documents, selected, busy, onSelect, onOpen, onSign }: QueueTableProps) {
  const { lang, t } = useI18n();
  const allSelected = documents.length > 0 && documents.every((d) => selected.has(d.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <table className="data-table signing-table">
      <caption className="visually-hidden">{t('signing.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">
            <input type="checkbox" aria-label={t('signing.selectAll')} checked={allSelected} disabled={busy} onChange={(e) => onSelect(new Set(e.target.checked ? documents.map((d) => d.id) : []))} />
          </th>
          <th scope="col">{t('documents.col.number')}</th>
          <th scope="col">{t('documents.col.date')}</th>
          <th scope="col">{t('documents.col.document')}</th>
          <th scope="col">{t('documents.col.about')}</th>
          <th scope="col">{t('documents.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((item) => {
          const number = item.registrationNumber;
          return (
            <tr key={item.id} data-document-id={item.id}>
              <td>
                <input type="checkbox" aria-label={t('signing.select', { number })} checked={selected.has(item.id)} disabled={busy} onChange={(e) => toggle(item.id, e.target.checked)} />
              </td>
              <th scope="row">{number}</th>
              <td className="date-cell">{formatDate(item.date, lang)}</td>
              <td>
                <strong>{item.documentType}</strong> {item.title}
                <p className="muted">{t('documents.awaiting', { roles: awaitedText(item, t) })}</p>
              </td>
              <td>{item.subject}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button-secondary" aria-label={t('documents.openNamed', { number })} onClick={() => onOpen(item)}>
                    {t('documents.open')}
                  </button>
                  <button type="button" className="button-secondary" aria-label={t('signing.signOneNamed', { number })} disabled={busy} onClick={() => onSign(item)}>
                    {t('signing.signOne')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The signing queue (issue 6, "Signatures"): the documents awaiting a signature my roles give, signed
 * one at a time with a PKCS#12 file or a card. A refusal of the credential stops the run; documents
 * signed before it stay signed. The password or PIN lives in this page's state only, and is cleared
 * when a run ends.
 */
export function SigningPage() {
  const { t } = useI18n();
  const queue = useSigningQueue(true);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [credential, setCredential] = useState<CredentialDraft>(EMPTY_CREDENTIAL);
  const [missing, setMissing] = useState(false);
  const [run, setRun] = useState<SigningRun<ApiError> | null>(null);
  const [numbers, setNumbers] = useState<ReadonlyMap<string, string>>(new Map());
  const [viewed, setViewed] = useState<ViewedDocument | null>(null);
  const [readError, setReadError] = useState<ApiError | null>(null);
  const shown = useRef(true);
  useEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);

  const documents = queue.documents ?? [];
  const running = run !== null && !run.finished;
  const chosen = documents.filter((d) => selected.has(d.id));

  const sign = (items: readonly DocumentItem[]) => {
    const ready = credentialOf(credential);
    setMissing(ready === null);
    if (ready === null || items.length === 0) return;
    const ids = items.map((d) => d.id);
    setNumbers(new Map(items.map((d) => [d.id, d.registrationNumber])));
    setRun(startRun(ids));
    void runSigning(
      ids,
      (id) => call('documents.sign', { id, credential: ready }),
      toApiError,
      (next) => shown.current && setRun(next),
      () => shown.current,
    ).then(() => {
      if (!shown.current) return;
      setCredential(withoutSecret);
      queue.reload();
    });
  };

  const open = (item: DocumentItem) => {
    setReadError(null);
    readDocument(item.id).then(setViewed, (e: unknown) => setReadError(toApiError(e)));
  };

  return (
    <section className="page signing-page">
      <PageTitle title={t('signing.title')} />
      <p className="lead">{t('signing.intro')}</p>
      <ul className="page-links">
        <li>
          <a href={routeHref({ name: 'verify' })}>{t('documents.verifyLink')}</a>
        </li>
      </ul>
      <RetryNotice error={queue.error} onRetry={queue.reload} />
      {queue.documents === null && !queue.error ? <p>{t('common.loading')}</p> : null}
      {queue.documents !== null && documents.length === 0 ? <p className="empty">{t('signing.empty')}</p> : null}
      {documents.length > 0 ? (
        <>
          <QueueTable documents={documents} selected={selected} busy={running} onSelect={setSelected} onOpen={open} onSign={(item) => sign([item])} />
          <CredentialFields draft={credential} onChange={setCredential} disabled={running} missing={missing} />
          <div className="form-actions">
            <button type="button" className="button-primary" disabled={running || chosen.length === 0} onClick={() => sign(chosen)}>
              {t('signing.signSelected', { count: chosen.length })}
            </button>
          </div>
        </>
      ) : null}
      {run ? <SigningProgress run={run} numbers={numbers} /> : null}
      {readError ? <ErrorNotice error={readError} /> : null}
      {viewed ? (
        <div className="document-viewer">
          <DocumentViewer document={viewed} onClose={() => setViewed(null)} />
        </div>
      ) : null}
    </section>
  );
}
