/// <reference types="vite/client" />
/**
 * pdf.js behind two calls: open a document from bytes, draw one page into a fresh canvas.
 * pdf.js itself is loaded on first use (its own chunk), so the rest of the app starts without it.
 */
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
// The real worker, emitted by Vite as a same-origin asset (assets/pdf.worker.min-<hash>.mjs): CSP
// `script-src 'self'` allows it as a module worker; no blob: worker is ever created.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfjsAssetUrl } from './pdfAssets';
import { canvasPixelRatio, CSS_PX_PER_PDF_POINT, scaleOf, type Zoom } from './viewerModel';

type Pdfjs = typeof import('pdfjs-dist');

let pdfjsModule: Promise<Pdfjs> | null = null;

function loadPdfjs(): Promise<Pdfjs> {
  pdfjsModule ??= import('pdfjs-dist').then(
    (pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs;
    },
    (error: unknown) => {
      pdfjsModule = null; // a later attempt may load it
      throw error;
    },
  );
  return pdfjsModule;
}

export interface OpeningPdf {
  /** The opened document; rejects with pdf.js's error (see pdfOpenErrorCode). */
  promise: Promise<PDFDocumentProxy>;
  /** Stops opening, or closes the opened document, and ends its worker. */
  destroy(): void;
}

/** Opens a PDF from memory. `bytes` stays usable: pdf.js gets (and transfers to its worker) a copy. */
export function openPdf(bytes: Uint8Array): OpeningPdf {
  let destroyed = false;
  let destroyTask: (() => Promise<void>) | null = null;
  const promise = loadPdfjs().then((pdfjs) => {
    if (destroyed) throw new Error('closed before it was opened');
    const pageUrl = document.baseURI;
    const task = pdfjs.getDocument({
      data: bytes.slice(),
      cMapUrl: pdfjsAssetUrl('cmaps', pageUrl),
      cMapPacked: true,
      standardFontDataUrl: pdfjsAssetUrl('standard_fonts', pageUrl),
      wasmUrl: pdfjsAssetUrl('wasm', pageUrl),
      iccUrl: pdfjsAssetUrl('iccs', pageUrl),
      // Pages are drawn on the main thread into a canvas the viewer owns (and copies from); pdf.js 6
      // could move that canvas to a renderer worker instead. Forms and their scripts stay off.
      disableWorkerRendering: true,
      enableXfa: false,
    });
    destroyTask = () => task.destroy();
    return task.promise;
  });
  return {
    promise,
    destroy() {
      destroyed = true;
      void destroyTask?.();
    },
  };
}

export interface RenderedPage {
  /** The drawn page, `devicePixelRatio` (or a little less) canvas pixels per CSS pixel. */
  canvas: HTMLCanvasElement;
  cssWidth: number;
  cssHeight: number;
  /** The zoom it was drawn at (1 = 100 %), fit-width resolved. */
  scale: number;
}

export interface PageRendering {
  promise: Promise<RenderedPage>;
  /** Stops drawing; the promise then rejects (see isRenderingCancelled). */
  cancel(): void;
}

class RenderingCancelled extends Error {
  override name = 'RenderingCancelledException';
}

/** Draws page `pageNumber` (1-based) at `zoom` into a new canvas, sharp for `devicePixelRatio`. */
export function renderPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  zoom: Zoom,
  availableWidth: number,
  devicePixelRatio: number,
): PageRendering {
  let cancelled = false;
  let task: RenderTask | null = null;
  const promise = (async (): Promise<RenderedPage> => {
    const page = await pdf.getPage(pageNumber);
    if (cancelled) throw new RenderingCancelled();
    const natural = page.getViewport({ scale: CSS_PX_PER_PDF_POINT });
    const scale = scaleOf(zoom, availableWidth, natural.width);
    const viewport = page.getViewport({ scale: scale * CSS_PX_PER_PDF_POINT });
    const ratio = canvasPixelRatio(viewport.width, viewport.height, devicePixelRatio);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
    canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
    task = page.render({
      canvas,
      viewport,
      ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }),
    });
    try {
      await task.promise;
    } catch (error) {
      canvas.width = canvas.height = 0; // give the memory back now, not at the next collection
      throw error;
    }
    return { canvas, cssWidth: viewport.width, cssHeight: viewport.height, scale };
  })();
  return {
    promise,
    cancel() {
      cancelled = true;
      task?.cancel();
    },
  };
}

/** True for the rejection of a rendering that was cancelled (not a failure to show). */
export function isRenderingCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}
