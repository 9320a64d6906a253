/**
 * Issue 17: a small picture of a file in the folder review, before it is placed (V-77 p. 6): a PDF's
 * first page drawn by the document viewer's pdf.js (pdfDocument.ts), or the scanned image itself.
 * PDFs are drawn one after another, so that a folder of eleven does not start eleven pdf.js workers.
 *
 * For tests: the box carries data-preview="loading", "drawn" or "failed".
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentKind } from '../../shared/domain/dossier';
import { useI18n } from '../i18n/I18nProvider';
import { openPdf, renderPage } from './pdfDocument';
import { useDevicePixelRatio } from './viewerHooks';
import { showOn } from './viewerPages';

/** The width of a preview, CSS px (the page is fitted to it). */
export const PREVIEW_WIDTH = 96;

type PreviewState = 'loading' | 'drawn' | 'failed';

let queue: Promise<unknown> = Promise.resolve();

/** Runs `job` after the previews queued before it (each finishes, or fails, before the next starts). */
function inTurn(job: () => Promise<void>): Promise<void> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

/** Draws the first page of the PDF `file` onto `canvas`, unless `wanted()` says the preview is gone. */
async function drawFirstPage(file: File, canvas: HTMLCanvasElement, devicePixelRatio: number, wanted: () => boolean): Promise<void> {
  if (!wanted()) return;
  const opening = openPdf(new Uint8Array(await file.arrayBuffer()));
  try {
    const pdf = await opening.promise;
    if (!wanted()) return;
    const drawn = await renderPage(pdf, 1, { kind: 'fitWidth' }, PREVIEW_WIDTH, devicePixelRatio).promise;
    showOn(canvas, drawn);
  } finally {
    opening.destroy();
  }
}

function PdfPreview({ file, label, onState }: { file: File; label: string; onState(state: PreviewState): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const devicePixelRatio = useDevicePixelRatio();
  useEffect(() => {
    let current = true;
    const target = canvas.current;
    if (!target) return;
    inTurn(() => drawFirstPage(file, target, devicePixelRatio, () => current)).then(
      () => current && onState('drawn'),
      () => current && onState('failed'),
    );
    return () => {
      current = false;
    };
  }, [file, devicePixelRatio, onState]);
  return <canvas ref={canvas} className="file-preview-page" role="img" aria-label={label} />;
}

function ImagePreview({ file, label, onState }: { file: File; label: string; onState(state: PreviewState): void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(file);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [file]);
  if (url === null) return null;
  return <img className="file-preview-page" src={url} alt={label} onLoad={() => onState('drawn')} onError={() => onState('failed')} />;
}

export function FilePreview({ file, kind }: { file: File; kind: DocumentKind }) {
  const { t } = useI18n();
  const [state, setState] = useState<PreviewState>('loading');
  const label = t(kind === 'pdf' ? 'dossier.review.previewPage' : 'dossier.review.previewImage', { name: file.name });
  return (
    <div className="file-preview" data-preview={state}>
      {state === 'failed' ? (
        <span className="field-hint">{t('dossier.review.previewFailed')}</span>
      ) : kind === 'pdf' ? (
        <PdfPreview file={file} label={label} onState={setState} />
      ) : (
        <ImagePreview file={file} label={label} onState={setState} />
      )}
    </div>
  );
}
