import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { CaseView } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { DOSSIER_EDITABLE_STATES, DOSSIER_EXTENDABLE_STATES } from '../../shared/domain/caseStates';
import { DOSSIER_ITEMS, type DossierItemId } from '../../shared/domain/dossierItems';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice, NoticeSpot } from '../components/ErrorNotice';
import { formatDate } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { shortfallOf, shortfallText } from './dossierSummary';
import { DOSSIER_SPOT, itemSpot } from './dossierSpots';
import { ExtensionForm } from './ExtensionForm';
import { FolderReview } from './FolderReview';
import { ItemPanel } from './ItemPanel';
import { MissingList } from './MissingList';
import { discardPrepared, displayPath, prepareFiles, type Prepared } from './upload';
import './dossier.css';

/**
 * Runs a change of the case the way the case page does (reload on CASE_CHANGED, notice on success);
 * the notice is said at the spot `at` (issue 17: next to the control that caused it), else at the top.
 */
export type ChangeCase = (action: (v: CaseView) => Promise<CaseView>, done: string | ((next: CaseView) => string), at?: string) => Promise<void>;

interface DossierSectionProps {
  view: CaseView;
  today: IsoDate;
  canWrite: boolean;
  onChange: ChangeCase;
  /** Whether the user has something open here (an item with its forms, the extension, a review): the case page then holds back other users' changes. */
  onEditingChange?: (editing: boolean) => void;
}

type Review = { prepared: Prepared[]; target: DossierItemId | null };

/**
 * V-77 p. 6–9: the eleven items as a checklist with their documents; files dropped on an item or
 * picked, a whole folder loaded through a review; each item's documents and facts; what is missing.
 */
export function DossierSection({ view, today, canWrite: writer, onChange, onEditingChange }: DossierSectionProps) {
  const { lang, t } = useI18n();
  const { dossier, record } = view;
  // Once the commission has decided, the dossier is read, not changed (the back end refuses too).
  const canWrite = writer && DOSSIER_EDITABLE_STATES.includes(record.state);
  const [openItem, setOpenItem] = useState<DossierItemId | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; target: DossierItemId | null } | null>(null);
  const [dropTarget, setDropTarget] = useState<DossierItemId | null>(null);
  const [panel, setPanel] = useState<'missing' | 'extend' | null>(null);
  const [error, setError] = useState<{ error: ApiError; target: DossierItemId | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const folder = useRef<HTMLInputElement>(null);
  // Files held for a review the user walks away from (another case, another screen) are let go.
  const pending = useRef<Review | null>(null);
  pending.current = review;
  useEffect(() => () => {
    if (pending.current) discardPrepared(pending.current.prepared);
  }, []);
  const editing = openItem !== null || panel === 'extend' || review !== null;
  useEffect(() => onEditingChange?.(editing), [editing, onEditingChange]);
  /** Issue 17: files given in an item's panel are checked, reviewed and reported there; others under the dossier's buttons. */
  const inPanel = (target: DossierItemId | null): target is DossierItemId => target !== null && target === openItem;

  /** Check the files with the back end; if all are fine and meant for one item, store them at once. */
  const addFiles = async (files: File[], target: DossierItemId | null) => {
    if (review) discardPrepared(review.prepared);
    setError(null);
    const sorted = [...files].sort((a, b) => displayPath(a).localeCompare(displayPath(b), 'lt', { numeric: true }));
    setProgress({ done: 0, total: sorted.length, target });
    const prepared = await prepareFiles(record.id, sorted, dossier.maxDocumentBytes, (done) => setProgress({ done, total: sorted.length, target }));
    setProgress(null);
    const clean = prepared.every((p) => p.staged && p.staged.alreadyAttached.length === 0);
    if (target && clean) return attach(prepared.map((p) => ({ stagedId: p.staged!.stagedId, item: target })), prepared, target);
    setReview({ prepared, target });
  };

  const attach = async (files: { stagedId: string; item: DossierItemId }[], prepared: readonly Prepared[], target: DossierItemId | null) => {
    setBusy(true);
    try {
      const at = inPanel(target) ? itemSpot(target, 'documents') : DOSSIER_SPOT;
      await onChange((v) => call('dossier.attach', { caseId: record.id, revision: v.record.revision, files }), t('dossier.attached', { count: files.length }), at);
      discardPrepared(prepared.filter((p) => p.staged && !files.some((f) => f.stagedId === p.staged!.stagedId)));
      setReview(null);
    } catch (e) {
      setError({ error: toApiError(e), target });
    } finally {
      setBusy(false);
    }
  };

  const drop = (item: DossierItemId) => (e: DragEvent) => {
    e.preventDefault();
    setDropTarget(null);
    const files = [...e.dataTransfer.files];
    if (canWrite && files.length > 0) void addFiles(files, item);
  };
  const dragOver = (item: DossierItemId) => (e: DragEvent) => {
    if (!canWrite) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (dropTarget !== item) setDropTarget(item);
  };

  const statusText = (item: (typeof dossier.items)[number]) =>
    item.status === 'received' && item.receivedOn ? t('dossier.status.received', { date: formatDate(item.receivedOn, lang) }) : t(`dossier.status.${item.status}`);

  /** The files being checked, a refusal to store them, their review: shown where they were given (`inPanel`). */
  const incoming = (here: (target: DossierItemId | null) => boolean): ReactNode => (
    <>
      {progress && here(progress.target) ? (
        <p role="status">
          <progress max={progress.total} value={progress.done} /> {t('dossier.preparing', { done: progress.done, total: progress.total })}
        </p>
      ) : null}
      {error && here(error.target) ? <ErrorNotice error={error.error} /> : null}
      {review && here(review.target) ? (
        <FolderReview
          key={review.prepared.map((p) => p.staged?.stagedId ?? p.file.name).join('|')}
          prepared={review.prepared}
          target={review.target}
          busy={busy}
          onConfirm={(files) => void attach(files, review.prepared, review.target)}
          onCancel={() => {
            discardPrepared(review.prepared);
            setReview(null);
          }}
        />
      ) : null}
    </>
  );
  const inSection = (target: DossierItemId | null) => !inPanel(target);

  return (
    <section aria-labelledby="dossier-title" className="dossier">
      <h2 id="dossier-title">{t('dossier.title')}</h2>
      <p className="dossier-summary">
        <strong className={dossier.complete ? 'badge badge-ok' : 'badge'} data-complete={dossier.complete}>
          {dossier.complete ? t('dossier.complete') : t('dossier.incomplete')}
        </strong>{' '}
        <span className="dossier-shortfall">{shortfallText(shortfallOf(dossier), lang)}</span>
        {dossier.extension ? <span className="field-hint"> · {t('dossier.extension', { days: dossier.extension.days, reason: dossier.extension.reason })}</span> : null}
      </p>
      <div className="dossier-actions">
        {canWrite ? (
          <>
            <input
              ref={folder}
              type="file"
              hidden
              multiple
              data-testid="folder-input"
              {...{ webkitdirectory: '', directory: '' }}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void addFiles(files, null);
              }}
            />
            <button type="button" className="button-secondary" onClick={() => folder.current?.click()} disabled={progress !== null}>
              {t('dossier.loadFolder')}
            </button>
          </>
        ) : null}
        <button type="button" className={panel === 'missing' ? 'button-secondary is-open' : 'button-secondary'} aria-expanded={panel === 'missing'} onClick={() => setPanel(panel === 'missing' ? null : 'missing')}>
          {t('dossier.missingList')}
        </button>
        {canWrite && DOSSIER_EXTENDABLE_STATES.includes(record.state) ? (
          <button type="button" className={panel === 'extend' ? 'button-secondary is-open' : 'button-secondary'} aria-expanded={panel === 'extend'} onClick={() => setPanel(panel === 'extend' ? null : 'extend')}>
            {t('dossier.extend')}
          </button>
        ) : null}
      </div>
      {canWrite ? <p className="field-hint">{t('dossier.dropHint')}</p> : null}
      <NoticeSpot at={DOSSIER_SPOT} />
      {incoming(inSection)}
      {panel === 'missing' ? <MissingList dossier={dossier} record={record} onClose={() => setPanel(null)} /> : null}
      {panel === 'extend' ? (
        <ExtensionForm
          initialDays={dossier.extension?.days ?? 0}
          onCancel={() => setPanel(null)}
          onSave={async (days, reason) => {
            await onChange((v) => call('dossier.extendTerm', { caseId: record.id, revision: v.record.revision, days, reason }), t('dossier.extension.saved'), DOSSIER_SPOT);
            setPanel(null);
          }}
        />
      ) : null}
      <table className="dossier-checklist">
        <thead>
          <tr>
            <th scope="col">{t('dossier.item')}</th>
            <th scope="col">{t('dossier.status')}</th>
            <th scope="col">{t('dossier.documents')}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.items.map((item) => {
            const meta = DOSSIER_ITEMS.find((i) => i.id === item.id)!;
            const missing = dossier.missing.filter((m) => m.item === item.id && m.reason !== 'not_received');
            return (
              <tr
                key={item.id}
                data-item={item.id}
                data-status={item.status}
                className={[dropTarget === item.id ? 'drop-target' : '', openItem === item.id ? 'is-open' : ''].join(' ').trim() || undefined}
                onDragOver={dragOver(item.id)}
                onDragLeave={() => setDropTarget(null)}
                onDrop={drop(item.id)}
              >
                <th scope="row">
                  <button type="button" className="link-button" aria-expanded={openItem === item.id} aria-label={`${t('dossier.open', { item: item.id })}: ${item.id}. ${meta[lang]}`} onClick={() => setOpenItem(openItem === item.id ? null : item.id)}>
                    {item.id}. {meta[lang]}
                  </button>
                  {dropTarget === item.id ? <span className="drop-hint">{t('dossier.dropHere', { item: item.id })}</span> : null}
                </th>
                <td>
                  <span className={`status status-${item.status}`}>{statusText(item)}</span>
                  {missing.map((m) => (
                    <span key={m.reason} className="field-hint missing-reason" data-reason={m.reason}>
                      {m.reason === 'facts_missing' ? t('dossier.factsMissing') : m[lang]}
                    </span>
                  ))}
                </td>
                <td>{item.documents.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {openItem ? (
        <ItemPanel
          key={openItem}
          record={record}
          dossier={dossier}
          item={openItem}
          today={today}
          canWrite={canWrite}
          incoming={incoming(inPanel)}
          onClose={() => setOpenItem(null)}
          onAddFiles={(files) => void addFiles(files, openItem)}
          onSaveItem={(input) =>
            onChange(
              (v) => call('dossier.saveItem', { caseId: record.id, revision: v.record.revision, item: openItem, ...input }),
              t(input.facts ? 'dossier.factsSaved' : 'dossier.receivedSaved', { item: openItem }),
              itemSpot(openItem, input.facts ? 'facts' : 'received'),
            )
          }
          onRemove={({ documentId, reason }) =>
            onChange((v) => call('dossier.removeDocument', { caseId: record.id, revision: v.record.revision, documentId, reason }), t('dossier.removed'), itemSpot(openItem, 'documents'))
          }
          onReplace={({ stagedId, replaces, note }) =>
            onChange(
              (v) => call('dossier.attach', { caseId: record.id, revision: v.record.revision, files: [{ stagedId, item: openItem, replaces, note }] }),
              t('dossier.attached', { count: 1 }),
              itemSpot(openItem, 'documents'),
            )
          }
        />
      ) : null}
    </section>
  );
}
