/**
 * What the viewer shows inside its page area: one PDF page on a canvas, or an image. Each owns its
 * resources (the pdf.js document and render task; the blob: URL) and reports to the viewer.
 */
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { isRenderingCancelled, openPdf, renderPage, type RenderedPage } from './pdfDocument';
import { useObjectUrl } from './viewerHooks';
import { pdfOpenErrorCode, scaleOf, type ViewerErrorCode, type Zoom } from './viewerModel';

/** What a page view tells the viewer. Stable functions (the viewer's state setters). */
export interface PageReport {
  opened(pageCount: number): void;
  /** A page is on screen, drawn at `scale`. */
  shown(page: number, scale: number): void;
  drawing(): void;
  failed(code: ViewerErrorCode, page?: number): void;
}

interface PdfCanvasProps {
  bytes: Uint8Array;
  page: number;
  zoom: Zoom;
  availableWidth: number;
  devicePixelRatio: number;
  /** The canvas's accessible name ("Puslapis 2 iš 3: name"). */
  label: string;
  hidden: boolean;
  report: PageReport;
}

/** Copies a finished drawing onto the visible canvas in one step: no blank or half-drawn frame. */
export function showOn(target: HTMLCanvasElement, drawn: RenderedPage): void {
  target.width = drawn.canvas.width;
  target.height = drawn.canvas.height;
  target.getContext('2d')?.drawImage(drawn.canvas, 0, 0);
  target.style.width = `${drawn.cssWidth}px`;
  target.style.height = `${drawn.cssHeight}px`;
  drawn.canvas.width = drawn.canvas.height = 0;
}

export function PdfCanvas({ bytes, page, zoom, availableWidth, devicePixelRatio, label, hidden, report }: PdfCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);

  useEffect(() => {
    let current = true;
    const opening = openPdf(bytes);
    opening.promise.then(
      (opened) => {
        if (!current) return;
        setPdf(opened);
        report.opened(opened.numPages);
      },
      (error: unknown) => {
        if (current) report.failed(pdfOpenErrorCode(error));
      },
    );
    return () => {
      current = false;
      opening.destroy();
    };
  }, [bytes, report]);

  useEffect(() => {
    if (!pdf) return;
    let current = true;
    report.drawing();
    const rendering = renderPage(pdf, page, zoom, availableWidth, devicePixelRatio);
    rendering.promise.then(
      (drawn) => {
        const canvas = canvasRef.current;
        if (!current || !canvas) {
          drawn.canvas.width = drawn.canvas.height = 0;
          return;
        }
        showOn(canvas, drawn);
        report.shown(page, drawn.scale);
      },
      (error: unknown) => {
        if (current && !isRenderingCancelled(error)) report.failed('VIEWER_PAGE_FAILED', page);
      },
    );
    return () => {
      current = false;
      rendering.cancel();
    };
  }, [pdf, page, zoom, availableWidth, devicePixelRatio, report]);

  return <canvas ref={canvasRef} className="doc-viewer-canvas" role="img" aria-label={label} hidden={hidden} />;
}

interface ImageViewProps {
  bytes: Uint8Array;
  kind: 'jpeg' | 'png';
  name: string;
  zoom: Zoom;
  availableWidth: number;
  report: PageReport;
}

export function ImageView({ bytes, kind, name, zoom, availableWidth, report }: ImageViewProps) {
  const url = useObjectUrl(bytes, kind === 'png' ? 'image/png' : 'image/jpeg');
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const scale = natural ? scaleOf(zoom, availableWidth, natural.width) : null;

  useEffect(() => {
    if (scale !== null) report.shown(1, scale);
  }, [scale, report]);

  if (url === null) return null;
  return (
    <img
      className="doc-viewer-image"
      src={url}
      alt={name}
      hidden={natural === null}
      style={natural && scale !== null ? { width: natural.width * scale, height: natural.height * scale } : undefined}
      onLoad={(event) => {
        const image = event.currentTarget;
        setNatural({ width: image.naturalWidth, height: image.naturalHeight });
        report.opened(1);
      }}
      onError={() => report.failed('VIEWER_IMAGE_UNREADABLE')}
    />
  );
}
