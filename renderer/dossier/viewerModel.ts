/** The document viewer's rules, kept pure: pages, zoom, the canvas's resolution and the keys. */

/** 100 % shows a page at its printed size: a PDF point is 1/72 in, a CSS pixel 1/96 in. */
export const CSS_PX_PER_PDF_POINT = 96 / 72;

/** The zoom levels the buttons and keys step through (1 = 100 %). */
export const ZOOM_STEPS: readonly number[] = [0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 4;
const STEP_TOLERANCE = 0.005;

/** Fit the page to the width of the viewer (the default), or a fixed scale. */
export type Zoom = { kind: 'fitWidth' } | { kind: 'scale'; scale: number };

/**
 * Chromium refuses canvases beyond 16384 px a side and grows slow well before its area limit:
 * a sharper canvas than this is not drawn, the page is drawn a little softer instead.
 */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_PIXELS = 4096 * 4096;

export function clampPage(page: number, pageCount: number): number {
  if (pageCount < 1) return 1;
  if (!Number.isFinite(page)) return 1;
  return Math.min(pageCount, Math.max(1, Math.trunc(page)));
}

/** The page the user typed, or null when it is not a whole number between 1 and pageCount. */
export function parsePageInput(text: string, pageCount: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const page = Number(trimmed);
  return page >= 1 && page <= pageCount ? page : null;
}

function clampZoom(scale: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
}

/** The scale at which a page `naturalWidth` CSS px wide (at 100 %) fills `availableWidth`. */
export function fitWidthScale(availableWidth: number, naturalWidth: number): number {
  if (availableWidth <= 0 || naturalWidth <= 0) return 1;
  return clampZoom(availableWidth / naturalWidth);
}

export function scaleOf(zoom: Zoom, availableWidth: number, naturalWidth: number): number {
  return zoom.kind === 'fitWidth' ? fitWidthScale(availableWidth, naturalWidth) : clampZoom(zoom.scale);
}

/** The next larger zoom step (from any scale, e.g. the one that fits the width). */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + STEP_TOLERANCE) ?? MAX_ZOOM;
}

/** The next smaller zoom step. */
export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - STEP_TOLERANCE) ?? MIN_ZOOM;
}

export function canZoomIn(scale: number): boolean {
  return scale < MAX_ZOOM - STEP_TOLERANCE;
}

export function canZoomOut(scale: number): boolean {
  return scale > MIN_ZOOM + STEP_TOLERANCE;
}

export function zoomPercent(scale: number): number {
  return Math.round(scale * 100);
}

/**
 * Canvas pixels per CSS pixel for a page shown `cssWidth` × `cssHeight`: the screen's
 * devicePixelRatio (sharp on HiDPI), lowered only as far as the canvas limits require.
 */
export function canvasPixelRatio(cssWidth: number, cssHeight: number, devicePixelRatio: number): number {
  const wanted = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  if (cssWidth <= 0 || cssHeight <= 0) return wanted;
  const bySide = MAX_CANVAS_SIDE / Math.max(cssWidth, cssHeight);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight));
  return Math.min(wanted, bySide, byArea);
}

export type ViewerCommand =
  | 'previousPage'
  | 'nextPage'
  | 'firstPage'
  | 'lastPage'
  | 'zoomIn'
  | 'zoomOut'
  | 'fitWidth'
  | 'scrollUp'
  | 'scrollDown';

/** Where the page area is scrolled: the up and down arrows scroll first and turn the page at the edge. */
export interface ScrollEdges {
  atTop: boolean;
  atBottom: boolean;
}

/**
 * What a key (KeyboardEvent.key, pressed without Ctrl, Alt or Meta) does in the viewer, or null
 * for keys the viewer leaves alone. Ctrl with +/- stays the browser's own zoom.
 */
export function commandForKey(key: string, edges: ScrollEdges): ViewerCommand | null {
  switch (key) {
    case 'PageUp':
    case 'ArrowLeft':
      return 'previousPage';
    case 'PageDown':
    case 'ArrowRight':
      return 'nextPage';
    case 'ArrowUp':
      return edges.atTop ? 'previousPage' : 'scrollUp';
    case 'ArrowDown':
      return edges.atBottom ? 'nextPage' : 'scrollDown';
    case 'Home':
      return 'firstPage';
    case 'End':
      return 'lastPage';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
      return 'zoomOut';
    case '0':
      return 'fitWidth';
    default:
      return null;
  }
}

/** What the viewer can fail at; each has a calm message in viewerMessages.ts (`viewer.error.<code>`). */
export type ViewerErrorCode =
  | 'VIEWER_PDF_UNREADABLE'
  | 'VIEWER_PDF_PASSWORD'
  | 'VIEWER_PDF_FAILED'
  | 'VIEWER_PAGE_FAILED'
  | 'VIEWER_IMAGE_UNREADABLE';

/**
 * Why pdf.js did not open a document, from the name of its error: a password, a file it cannot
 * read (not a PDF, damaged beyond its repairs), or anything else (the viewer itself failed to start).
 */
export function pdfOpenErrorCode(error: unknown): ViewerErrorCode {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'PasswordException':
      return 'VIEWER_PDF_PASSWORD';
    case 'InvalidPDFException':
    case 'UnknownErrorException':
      return 'VIEWER_PDF_UNREADABLE';
    default:
      return 'VIEWER_PDF_FAILED';
  }
}
