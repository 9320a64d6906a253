import type { DocumentKind } from '../../shared/domain/documents/documentModel';
import { useI18n } from '../i18n/I18nProvider';
import { DocumentDesk } from './DocumentDesk';
import type { DocumentTarget } from './documentsModel';
import { useDocumentList } from './useDocuments';
import { RetryNotice } from '../components/RetryNotice';

interface DocumentsPanelProps {
  target: Extract<DocumentTarget, { kind: 'case' | 'meeting' }>;
  /** The kinds the procedure has reached (documentsModel: caseKindsDue, meetingKindsDue). */
  due: readonly DocumentKind[];
}

/**
 * The documents section of a case or a closed meeting. Shown once there is something to show: a
 * document issued, or one the procedure has reached.
 */
export function DocumentsPanel({ target, due }: DocumentsPanelProps) {
  const { t } = useI18n();
  const list = useDocumentList(target.kind === 'case' ? { caseId: target.caseId } : { meetingId: target.meetingId });
  const documents = list.documents ?? [];
  if (list.error === null && documents.length === 0 && due.length === 0) return null;
  const titleId = `documents-title-${target.kind}`;

  return (
    <section className="panel documents-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('documents.panel.title')}</h2>
      <RetryNotice error={list.error} onRetry={list.reload} />
      {list.documents === null && !list.error ? <p>{t('common.loading')}</p> : null}
      {list.documents !== null && documents.length === 0 ? <p>{t('documents.none')}</p> : null}
      {list.documents !== null ? <DocumentDesk target={target} due={due} documents={documents} onIssued={list.reload} /> : null}
    </section>
  );
}
