import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DossierView } from '../../shared/contract/dossierSchemas';
import type { CaseRecord } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { currentVersion, type DossierDocument, type DossierItems } from '../../shared/domain/dossier';
import { DOSSIER_ITEMS, type DossierItemId } from '../../shared/domain/dossierItems';
import { call, toApiError, type ApiError } from '../api/client';
import { ErrorNotice, NoticeSpot } from '../components/ErrorNotice';
import { TextAreaField } from '../components/fields';
import { DateField } from '../components/DateField';
import { formatDate, formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { itemSpot, type ItemPart } from './dossierSpots';
import { DocumentViewer, type ViewedDocument } from './DocumentViewer';
import { FactsForm } from './FactsForm';
import { FactsView } from './FactsView';
import { originalName, saveOriginal } from './originalFiles';
import type { Draft } from './factsFields';
import { kindAndSize, prepareFile } from './upload';

interface ItemPanelProps {
  record: CaseRecord;
  dossier: DossierView;
  item: DossierItemId;
  today: IsoDate;
  canWrite: boolean;
  /** Files given here being checked, refused or reviewed (issue 17: shown in the panel, not above the checklist). */
  incoming: ReactNode;
  onAddFiles(files: File[]): void;
  onSaveItem(input: { receivedOn?: IsoDate; facts?: Record<string, unknown> }): Promise<void>;
  onReplace(input: { stagedId: string; replaces: string; note: string }): Promise<void>;
  onRemove(input: { documentId: string; reason: string }): Promise<void>;
  onClose(): void;
}

/** The date the item was received (set with its first document; the secretary corrects it here). */
function ReceivedForm({ item, stored, onSave }: { item: DossierItemId; stored: string; onSave(receivedOn: IsoDate): Promise<void> }) {
  const { t } = useI18n();
  const [receivedOn, setReceivedOn] = useState(stored);
  return (
    <form
      className="received-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(receivedOn.trim());
      }}
    >
      <DateField id={`received-${item}`} label={t('dossier.receivedOn')} required value={receivedOn} onChange={setReceivedOn} />
      <button type="submit" className="button-secondary" disabled={receivedOn.trim() === '' || receivedOn === stored}>
        {t('dossier.saveReceived')}
      </button>
    </form>
  );
}

function prefillOf(record: CaseRecord, item: DossierItemId): Draft {
  const r = record.request;
  if (item === '6.3') return { requestDate: r.requestDate, halfwayHouse: r.halfwayHouse.name };
  if (item === '6.6') return { possibleTransferDate: r.possibleTransferDate, possibleParoleDate: r.possibleParoleDate, sentenceEnd: r.sentenceEnd };
  return {};
}

/** One dossier item: its documents (read inside the app), its date received and its facts. */
export function ItemPanel({ record, dossier, item, today, canWrite, incoming, onAddFiles, onSaveItem, onReplace, onRemove, onClose }: ItemPanelProps) {
  const { lang, t } = useI18n();
  const meta = DOSSIER_ITEMS.find((i) => i.id === item)!;
  const view = dossier.items.find((i) => i.id === item)!;
  const items = Object.fromEntries(dossier.items.map((i) => [i.id, i])) as DossierItems;
  const [viewed, setViewed] = useState<ViewedDocument | null>(null);
  /** A refusal, said next to what caused it: the documents (open, download, remove, replace) or the date received. */
  const [error, setError] = useState<{ error: ApiError; at: Exclude<ItemPart, 'facts'> } | null>(null);
  const box = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Issue 17: the panel opens below the checklist: it comes into view, and the keyboard goes to its title.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    box.current?.scrollIntoView({ block: 'start' });
  }, []);
  const [removing, setRemoving] = useState<{ document: DossierDocument; reason: string } | null>(null);
  const [replacing, setReplacing] = useState<{ document: DossierDocument; stagedId?: string; note: string } | null>(null);
  const pick = useRef<HTMLInputElement>(null);
  const pickReplacement = useRef<HTMLInputElement>(null);

  const open = async (document: DossierDocument, version?: number) => {
    setError(null);
    try {
      const read = await call('dossier.readDocument', { caseId: record.id, documentId: document.id, ...(version ? { version } : {}) });
      setViewed({ name: read.name, kind: read.kind, bytes: read.bytes });
    } catch (e) {
      setError({ error: toApiError(e), at: 'documents' });
    }
  };

  /** Save a version as it was received (1 = the first); `current`: the latest, saved under its own name. */
  const download = async (document: DossierDocument, version: number) => {
    setError(null);
    try {
      const read = await call('dossier.readDocument', { caseId: record.id, documentId: document.id, version });
      saveOriginal(originalName(read.name, version, version === document.versions.length), read.bytes, read.kind);
    } catch (e) {
      setError({ error: toApiError(e), at: 'documents' });
    }
  };

  const run = async (at: Exclude<ItemPart, 'facts'>, action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError({ error: toApiError(e), at });
    }
  };
  const errorAt = (at: Exclude<ItemPart, 'facts'>) => (error?.at === at ? <ErrorNotice error={error.error} /> : null);

  return (
    <section ref={box} className="panel item-panel" aria-labelledby={`item-${item}-title`} data-item={item}>
      <div className="item-panel-head">
        <h3 ref={heading} id={`item-${item}-title`} tabIndex={-1}>
          {item}. {meta[lang]}
        </h3>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('dossier.close')}
        </button>
      </div>
      <p className="field-hint">{lang === 'lt' ? meta.ltHint : meta.enHint}</p>
      {view.findings.map((f) => (
        <p key={f.code} className={f.severity === 'blocking' ? 'notice notice-error finding' : 'notice finding'} data-finding={f.code}>
          {f[lang]}
        </p>
      ))}
      <div className="item-incoming">{incoming}</div>
      <div className="item-panel-grid">
        <div>
          <h4>{t('dossier.documents')}</h4>
          {view.documents.length === 0 ? <p>{t('dossier.noDocuments')}</p> : null}
          <ul className="document-list">
            {view.documents.map((d) => {
              const current = currentVersion(d);
              return (
                <li key={d.id}>
                  <button type="button" className="link-button" onClick={() => void open(d)}>
                    {current.name}
                  </button>{' '}
                  <button
                    type="button"
                    className="button-secondary document-download"
                    aria-label={t('dossier.downloadCurrent', { name: current.name, n: d.versions.length })}
                    onClick={() => void download(d, d.versions.length)}
                  >
                    {t('dossier.download')}
                  </button>{' '}
                  <span className="field-hint">
                    {kindAndSize(current.kind, current.size, lang)} · {t('dossier.addedBy', { who: current.addedBy, at: formatMoment(current.addedAt, lang) })}
                    {d.versions.length > 1 ? ` · ${t('dossier.version', { n: d.versions.length })}` : ''}
                  </span>
                  {current.note ? <p className="field-hint">{current.note}</p> : null}
                  {d.versions.length > 1 ? (
                    <details>
                      <summary>{t('dossier.versions')}</summary>
                      <ul>
                        {d.versions.slice(0, -1).map((v, i) => (
                          <li key={v.sha256 + i}>
                            <button type="button" className="link-button" onClick={() => void open(d, i + 1)}>
                              {t('dossier.version', { n: i + 1 })}: {v.name}
                            </button>{' '}
                            <span className="field-hint">{formatMoment(v.addedAt, lang)}</span>{' '}
                            <button
                              type="button"
                              className="button-secondary document-download"
                              aria-label={t('dossier.downloadVersion', { name: v.name, n: i + 1 })}
                              onClick={() => void download(d, i + 1)}
                            >
                              {t('dossier.download')}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {canWrite ? (
                    <span className="document-actions">
                      <button type="button" className="button-secondary" onClick={() => setReplacing({ document: d, note: '' })}>
                        {t('dossier.replace')}
                      </button>
                      <button type="button" className="button-secondary" onClick={() => setRemoving({ document: d, reason: '' })}>
                        {t('dossier.remove')}
                      </button>
                    </span>
                  ) : null}
                  {removing?.document.id === d.id ? (
                    <form
                      className="remove-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void run('documents', () => onRemove({ documentId: d.id, reason: removing.reason.trim() }).then(() => setRemoving(null)));
                      }}
                    >
                      <TextAreaField id={`remove-reason-${d.id}`} label={t('dossier.removeReason')} hint={t('dossier.removeHint')} required value={removing.reason} onChange={(reason) => setRemoving((r) => r && { ...r, reason })} />
                      <div className="form-actions">
                        <button type="submit" className="button-primary" disabled={removing.reason.trim() === ''}>
                          {t('dossier.removeConfirm')}
                        </button>
                        <button type="button" className="button-secondary" onClick={() => setRemoving(null)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {replacing ? (
            <form
              className="replace-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!replacing.stagedId) return;
                void run('documents', () => onReplace({ stagedId: replacing.stagedId!, replaces: replacing.document.id, note: replacing.note }).then(() => setReplacing(null)));
              }}
            >
              <input
                ref={pickReplacement}
                type="file"
                aria-label={t('dossier.replace')}
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  void prepareFile(record.id, file, dossier.maxDocumentBytes).then((p) => (p.staged ? setReplacing((r) => r && { ...r, stagedId: p.staged.stagedId }) : setError({ error: p.error, at: 'documents' })));
                }}
              />
              <TextAreaField id={`replace-note-${item}`} label={t('dossier.changeNote')} required value={replacing.note} onChange={(note) => setReplacing((r) => r && { ...r, note })} />
              <div className="form-actions">
                <button type="submit" className="button-primary" disabled={!replacing.stagedId || replacing.note.trim() === ''}>
                  {t('dossier.replaceSave')}
                </button>
                <button type="button" className="button-secondary" onClick={() => setReplacing(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : null}
          {canWrite ? (
            <>
              <input
                ref={pick}
                type="file"
                multiple
                hidden
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                data-testid={`pick-${item}`}
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  e.target.value = '';
                  if (files.length > 0) onAddFiles(files);
                }}
              />
              <button type="button" className="button-secondary" onClick={() => pick.current?.click()}>
                {t('dossier.addFiles')}
              </button>
            </>
          ) : null}
          {errorAt('documents')}
          <NoticeSpot at={itemSpot(item, 'documents')} />
          {canWrite && view.documents.length > 0 ? (
            <ReceivedForm key={view.receivedOn ?? ''} item={item} stored={view.receivedOn ?? ''} onSave={(receivedOn) => run('received', () => onSaveItem({ receivedOn }))} />
          ) : view.receivedOn ? (
            <p>
              {t('dossier.receivedOn')}: {formatDate(view.receivedOn, lang)}
            </p>
          ) : null}
          {errorAt('received')}
          <NoticeSpot at={itemSpot(item, 'received')} />
          {item !== '6.11' || canWrite ? <h4>{t('dossier.factsTitle')}</h4> : null}
          {canWrite ? (
            <FactsForm key={`${item}-${JSON.stringify(view.facts ?? null)}`} item={item} facts={view.facts} prefill={prefillOf(record, item)} items={items} today={today} onSave={(facts) => onSaveItem({ facts })} />
          ) : (
            <FactsView item={item} facts={view.facts} />
          )}
        </div>
        <div className="item-viewer">{viewed ? <DocumentViewer document={viewed} onClose={() => setViewed(null)} /> : null}</div>
      </div>
    </section>
  );
}
