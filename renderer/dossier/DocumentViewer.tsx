/**
 * Reads an attached dossier document inside the app: a PDF one page at a time (pdf.js, its worker
 * bundled), or a scanned image. Page navigation, zoom and keys; calm coded errors, never a crash.
 *
 * For tests and callers: the root carries data-page-count once the document is open,
 * data-rendered-page="<n>" once page n is on screen (it changes only when the next page has been
 * drawn), aria-busy while drawing, and data-error-code when something could not be shown.
 */
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useContentWidth, useDevicePixelRatio } from './viewerHooks';
import {
  canZoomIn,
  canZoomOut,
  clampPage,
  commandForKey,
  parsePageInput,
  zoomIn,
  zoomOut,
  zoomPercent,
  type ViewerCommand,
  type ViewerErrorCode,
  type Zoom,
} from './viewerModel';
import { ImageView, PdfCanvas, type PageReport } from './viewerPages';
import './viewer.css';

export interface ViewedDocument {
  name: string;
  kind: 'pdf' | 'jpeg' | 'png';
  bytes: Uint8Array;
}

/** One viewing session per byte array: a new array (another document) starts afresh at page 1. */
const documentIds = new WeakMap<Uint8Array, number>();
let lastDocumentId = 0;

function sessionKey(viewed: ViewedDocument): string {
  let id = documentIds.get(viewed.bytes);
  if (id === undefined) {
    id = ++lastDocumentId;
    documentIds.set(viewed.bytes, id);
  }
  return `${id}:${viewed.kind}`;
}

/** A toolbar button named by its label (shown as a tooltip too) and its keyboard shortcuts. */
function ToolButton({ label, keys, disabled, onClick, children }: { label: string; keys: string; disabled: boolean; onClick(): void; children: string }) {
  return (
    <button type="button" className="doc-viewer-button" aria-label={label} title={label} aria-keyshortcuts={keys} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

export function DocumentViewer(props: { document: ViewedDocument; onClose?: () => void }): JSX.Element {
  return <ViewerSession key={sessionKey(props.document)} viewed={props.document} onClose={props.onClose} />;
}

/** How far one arrow key scrolls a page taller than the viewer. */
const SCROLL_STEP = 48;

interface ViewerError {
  code: ViewerErrorCode;
  page?: number;
}

function ViewerSession({ viewed, onClose }: { viewed: ViewedDocument; onClose: (() => void) | undefined }) {
  const { t } = useI18n();
  const ids = useId();
  const areaRef = useRef<HTMLDivElement>(null);
  const availableWidth = useContentWidth(areaRef);
  const devicePixelRatio = useDevicePixelRatio();

  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<Zoom>({ kind: 'fitWidth' });
  const [pageCount, setPageCount] = useState(0);
  const [shown, setShown] = useState<{ page: number; scale: number } | null>(null);
  const [drawing, setDrawing] = useState(true);
  const [error, setError] = useState<ViewerError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const scrollAfterTurn = useRef<'top' | 'bottom'>('top');

  const report = useMemo<PageReport>(
    () => ({
      opened: (count) => setPageCount(count),
      drawing: () => setDrawing(true),
      shown: (shownPage, scale) => {
        setShown({ page: shownPage, scale });
        setDrawing(false);
        setError(null);
      },
      failed: (code, failedPage) => {
        setError(failedPage === undefined ? { code } : { code, page: failedPage });
        setDrawing(false);
        if (code === 'VIEWER_PAGE_FAILED') setShown(null);
      },
    }),
    [],
  );

  // A new page starts at its top (or, turned back with the up arrow, at its bottom).
  const lastShownPage = useRef(0);
  useLayoutEffect(() => {
    const area = areaRef.current;
    if (!shown || !area || shown.page === lastShownPage.current) return;
    lastShownPage.current = shown.page;
    area.scrollTop = scrollAfterTurn.current === 'bottom' ? area.scrollHeight : 0;
    scrollAfterTurn.current = 'top';
  }, [shown]);

  const opened = pageCount > 0;
  const documentFailed = error !== null && error.code !== 'VIEWER_PAGE_FAILED';
  const scale = shown?.scale ?? 1;
  const isPdf = viewed.kind === 'pdf';

  const goTo = useCallback((target: number) => setPage(clampPage(target, pageCount)), [pageCount]);

  const run = (command: ViewerCommand) => {
    const area = areaRef.current;
    switch (command) {
      case 'previousPage':
        return goTo(page - 1);
      case 'nextPage':
        return goTo(page + 1);
      case 'firstPage':
        return goTo(1);
      case 'lastPage':
        return goTo(pageCount);
      case 'zoomIn':
        return setZoom({ kind: 'scale', scale: zoomIn(scale) });
      case 'zoomOut':
        return setZoom({ kind: 'scale', scale: zoomOut(scale) });
      case 'fitWidth':
        return setZoom({ kind: 'fitWidth' });
      case 'scrollUp':
        return area?.scrollBy({ top: -SCROLL_STEP });
      case 'scrollDown':
        return area?.scrollBy({ top: SCROLL_STEP });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const area = areaRef.current;
    if (!area || !opened || documentFailed) return;
    const command = commandForKey(event.key, {
      atTop: area.scrollTop <= 0,
      atBottom: area.scrollTop + area.clientHeight >= area.scrollHeight - 1,
    });
    if (command === null) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && command === 'previousPage') scrollAfterTurn.current = 'bottom';
    run(command);
  };

  const pageLabel = t('viewer.pageImage', { page, count: pageCount || 1, name: viewed.name });
  const keysId = `${ids}-keys`;
  const pageFieldId = `${ids}-page`;
  const controlsEnabled = opened && !documentFailed;

  return (
    <section
      className="doc-viewer"
      aria-label={t('viewer.label', { name: viewed.name })}
      aria-busy={!documentFailed && (drawing || !opened)}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-page-count={opened ? pageCount : undefined}
      data-rendered-page={shown?.page}
      data-error-code={error?.code}
    >
      <div className="doc-viewer-toolbar" role="group" aria-label={t('viewer.controls')}>
        <span className="doc-viewer-name" title={viewed.name}>
          {viewed.name}
        </span>
        {isPdf && !documentFailed && (
          <div className="doc-viewer-tools">
            <ToolButton label={t('viewer.previousPage')} keys="PageUp ArrowLeft" disabled={!controlsEnabled || page <= 1} onClick={() => run('previousPage')}>
              ‹
            </ToolButton>
            <label htmlFor={pageFieldId}>{t('viewer.pageField')}</label>
            <PageField id={pageFieldId} page={page} pageCount={pageCount} disabled={!controlsEnabled} onGo={goTo} />
            <span>{t('viewer.ofPages', { count: opened ? pageCount : '…' })}</span>
            <ToolButton label={t('viewer.nextPage')} keys="PageDown ArrowRight" disabled={!controlsEnabled || page >= pageCount} onClick={() => run('nextPage')}>
              ›
            </ToolButton>
          </div>
        )}
        {!documentFailed && (
          <div className="doc-viewer-tools">
            <ToolButton label={t('viewer.zoomOut')} keys="-" disabled={!controlsEnabled || !canZoomOut(scale)} onClick={() => run('zoomOut')}>
              −
            </ToolButton>
            <span className="doc-viewer-zoom">{t('viewer.zoomLevel', { percent: zoomPercent(scale) })}</span>
            <ToolButton label={t('viewer.zoomIn')} keys="+" disabled={!controlsEnabled || !canZoomIn(scale)} onClick={() => run('zoomIn')}>
              +
            </ToolButton>
            <button
              type="button"
              className="doc-viewer-button"
              aria-pressed={zoom.kind === 'fitWidth'}
              aria-keyshortcuts="0"
              disabled={!controlsEnabled}
              onClick={() => run('fitWidth')}
            >
              {t('viewer.fitWidth')}
            </button>
          </div>
        )}
        {onClose && (
          <button type="button" className="button-secondary doc-viewer-close" onClick={onClose}>
            {t('viewer.close')}
          </button>
        )}
      </div>
      {isPdf && (
        <p className="visually-hidden" role="status">
          {opened && !documentFailed ? t('viewer.pageOf', { page, count: pageCount }) : ''}
        </p>
      )}
      <div
        ref={areaRef}
        className="doc-viewer-area"
        role="region"
        aria-label={t('viewer.area')}
        aria-describedby={keysId}
        tabIndex={0}
      >
        {!opened && !error && (
          <p className="doc-viewer-loading" role="status">
            {t('viewer.loading')}
          </p>
        )}
        {error && (
          <div className="notice notice-error" role="alert">
            <p>
              <strong>{t('error.title')}</strong>{' '}
              <span className="error-code">({t('error.code', { code: error.code })})</span>:{' '}
              {t(`viewer.error.${error.code}`, { page: error.page ?? page })}
            </p>
            {error.code === 'VIEWER_PDF_FAILED' && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setError(null);
                  setAttempt((n) => n + 1);
                }}
              >
                {t('common.retry')}
              </button>
            )}
          </div>
        )}
        {viewed.kind === 'pdf' ? (
          <PdfCanvas
            key={attempt}
            bytes={viewed.bytes}
            page={page}
            zoom={zoom}
            availableWidth={availableWidth}
            devicePixelRatio={devicePixelRatio}
            label={pageLabel}
            hidden={error !== null || shown === null}
            report={report}
          />
        ) : (
          <ImageView
            bytes={viewed.bytes}
            kind={viewed.kind}
            name={viewed.name}
            zoom={zoom}
            availableWidth={availableWidth}
            report={report}
          />
        )}
      </div>
      <p id={keysId} hidden>
        {t('viewer.keys')}
      </p>
    </section>
  );
}

/** The page number field: typed freely, applied with Enter or on leaving it, Escape undoes. */
function PageField(props: { id: string; page: number; pageCount: number; disabled: boolean; onGo(page: number): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const target = parsePageInput(draft, props.pageCount);
    if (target !== null) props.onGo(target);
    setDraft(null);
  };
  return (
    <input
      id={props.id}
      className="doc-viewer-page-field"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      size={4}
      disabled={props.disabled}
      value={draft ?? String(props.page)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          setDraft(null);
        }
      }}
    />
  );
}
