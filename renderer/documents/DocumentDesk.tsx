import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentItem } from '../../shared/contract/documentSchemas';
import type { DocumentKind } from '../../shared/domain/documents/documentModel';
import { toApiError, type ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { DocumentViewer, type ViewedDocument } from '../dossier/DocumentViewer';
import { useI18n } from '../i18n/I18nProvider';
import { ActionNotice } from '../layout/ActionNotice';
import { routeHref } from '../router/routes';
import { ComposeForm } from './ComposeForm';
import { useDocumentAccess } from './documentAccess';
import { readDocument, saveFile } from './documentFiles';
import { basisText, canCorrect, kindOffers, missingFirst, type DocumentTarget } from './documentsModel';
import { DocumentTable } from './DocumentTable';
import './documents.css';

interface DocumentDeskProps {
  target: DocumentTarget;
  /** The kinds the procedure has reached for the target: offered to those who prepare documents. */
  due: readonly DocumentKind[];
  /** Every document of the target, newest first. */
  documents: readonly DocumentItem[];
  /** The rows to show (default: all of `documents`). */
  shown?: readonly DocumentItem[];
  showAbout?: boolean;
  /** The level of the desk's own headings: under the page's title (2) or a panel's (3, the default). */
  headingLevel?: 2 | 3;
  /** A document was issued here: the list is to be loaded again. */
  onIssued(): void;
}

type Composing = { kind: DocumentKind; replaces?: DocumentItem };

interface PrepareTableProps {
  target: DocumentTarget;
  due: readonly DocumentKind[];
  documents: readonly DocumentItem[];
  onStart(composing: Composing): void;
}

/** What must be issued first, with the way to the meeting when it is the deciding meeting's minutes. */
function WaitsFor({ kind, target }: { kind: DocumentKind; target: DocumentTarget }) {
  const { t } = useI18n();
  const meetingId = kind === 'minutes' && target.kind === 'case' ? target.decidedAt : undefined;
  return (
    <>
      {t('documents.prepare.waitsFor', { kind: t(`documents.kind.${kind}`) })}
      {meetingId !== undefined ? (
        <>
          {' '}
          <a href={routeHref({ name: 'meeting', id: meetingId })}>{t('documents.prepare.toMeeting')}</a>
        </>
      ) : null}
    </>
  );
}

/** The kinds due, each either not prepared yet (prepare it) or prepared (open its correction). */
function PrepareTable({ target, due, documents, onStart }: PrepareTableProps) {
  const { t } = useI18n();
  return (
    <table className="data-table prepare-table">
      <caption className="visually-hidden">{t('documents.prepare.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('documents.prepare.kind')}</th>
          <th scope="col">{t('documents.prepare.state')}</th>
          <th scope="col">{t('documents.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {kindOffers(due, target, documents).map(({ kind, current, waitsFor }) => {
          const name = t(`documents.kind.${kind}`);
          return (
            <tr key={kind} data-kind={kind}>
              <th scope="row">
                {name} <span className="muted">({basisText(kind, t)})</span>
              </th>
              <td>
                {current ? t('documents.prepare.inForce', { number: current.registrationNumber }) : t('documents.prepare.notIssued')}
                {waitsFor !== null ? (
                  <p className="document-waits">
                    <WaitsFor kind={waitsFor} target={target} />
                  </p>
                ) : null}
              </td>
              <td>
                {current ? (
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={t('documents.correctNamed', { number: current.registrationNumber })}
                    onClick={() => onStart({ kind, replaces: current })}
                  >
                    {t('documents.correct')}
                  </button>
                ) : (
                  <button type="button" className="button-secondary" aria-label={t('documents.prepare.startNamed', { kind: name })} onClick={() => onStart({ kind })}>
                    {t('documents.prepare.start')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The documents of a case, a meeting or the institution: the table of those issued (open or save any
 * version, correct one), the kinds the procedure has reached (prepare one: preview, then issue), and
 * the viewer that shows what was opened or previewed.
 */
export function DocumentDesk({ target, due, documents, shown = documents, showAbout = false, headingLevel = 3, onIssued }: DocumentDeskProps) {
  const { t } = useI18n();
  const ids = useId();
  const { canIssue } = useDocumentAccess();
  const [composing, setComposing] = useState<Composing | null>(null);
  const [viewed, setViewed] = useState<ViewedDocument | null>(null);
  const [issued, setIssued] = useState<DocumentItem | null>(null);
  const [readError, setReadError] = useState<ApiError | null>(null);
  const viewer = useRef<HTMLDivElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    if (viewed) viewer.current?.scrollIntoView({ block: 'nearest' });
  }, [viewed]);

  const read = (item: DocumentItem, version: number | undefined, then: (document: ViewedDocument) => void) => {
    setReadError(null);
    readDocument(item.id, version).then(then, (e: unknown) => setReadError(toApiError(e)));
  };

  const start = (next: Composing) => {
    setComposing(next);
    setIssued(null);
  };

  return (
    <div className="document-desk">
      {shown.length > 0 ? (
        <DocumentTable
          documents={shown}
          all={documents}
          caption={t('documents.caption')}
          showAbout={showAbout}
          onOpen={(item, version) => read(item, version, setViewed)}
          onDownload={(item, version) => read(item, version, (file) => saveFile(file.name, file.bytes))}
          {...(canIssue
            ? {
                onCorrect: (item: DocumentItem) => start({ kind: item.kind, replaces: item }),
                correctable: (item: DocumentItem) => canCorrect(item, due),
              }
            : {})}
        />
      ) : null}
      {readError ? <ErrorNotice error={readError} /> : null}

      {canIssue && due.length > 0 ? (
        <section className="document-prepare" aria-labelledby={`${ids}-prepare`}>
          <Heading id={`${ids}-prepare`}>{t('documents.prepare.title')}</Heading>
          <p className="field-hint">{t('documents.prepare.hint')}</p>
          <PrepareTable target={target} due={due} documents={documents} onStart={start} />
        </section>
      ) : due.length > 0 ? (
        <p className="field-hint">{t('documents.readOnly')}</p>
      ) : null}
      {/* Issue 17: "issued" where the form that issued it was (the form is gone: the notice takes the focus). */}
      {issued ? (
        <ActionNotice key={issued.id} takeFocus>
          {t('documents.compose.issued', { number: issued.registrationNumber, title: `${issued.documentType} ${issued.title}` })}
        </ActionNotice>
      ) : null}
      {composing ? (
        <ComposeForm
          key={`${composing.kind}|${composing.replaces?.id ?? ''}`}
          target={target}
          kind={composing.kind}
          replaces={composing.replaces}
          waitsFor={missingFirst(composing.kind, target, documents)}
          onPreview={setViewed}
          onIssued={(item) => {
            setComposing(null);
            setViewed(null);
            setIssued(item);
            onIssued();
          }}
          onCancel={() => setComposing(null)}
        />
      ) : null}
      {viewed ? (
        <div ref={viewer} className="document-viewer">
          <DocumentViewer document={viewed} onClose={() => setViewed(null)} />
        </div>
      ) : null}
    </div>
  );
}
