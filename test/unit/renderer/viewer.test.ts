import { describe, expect, it } from 'vitest';
import { pdfjsAssetUrl } from '../../../renderer/dossier/pdfAssets';
import {
  canvasPixelRatio,
  canZoomIn,
  canZoomOut,
  clampPage,
  commandForKey,
  fitWidthScale,
  parsePageInput,
  pdfOpenErrorCode,
  scaleOf,
  ZOOM_STEPS,
  zoomIn,
  zoomOut,
  zoomPercent,
} from '../../../renderer/dossier/viewerModel';

describe('pages', () => {
  it('keeps the page between 1 and the page count', () => {
    expect(clampPage(0, 3)).toBe(1);
    expect(clampPage(4, 3)).toBe(3);
    expect(clampPage(2, 3)).toBe(2);
    expect(clampPage(2.7, 3)).toBe(2);
    expect(clampPage(Number.NaN, 3)).toBe(1);
    expect(clampPage(5, 0)).toBe(1); // not opened yet
  });

  it('takes a typed page only when it is a whole page of the document', () => {
    expect(parsePageInput(' 2 ', 3)).toBe(2);
    expect(parsePageInput('3', 3)).toBe(3);
    expect(parsePageInput('4', 3)).toBeNull();
    expect(parsePageInput('0', 3)).toBeNull();
    expect(parsePageInput('-1', 3)).toBeNull();
    expect(parsePageInput('1.5', 3)).toBeNull();
    expect(parsePageInput('2a', 3)).toBeNull();
    expect(parsePageInput('', 3)).toBeNull();
  });
});

describe('zoom', () => {
  it('fits the width, within the zoom range', () => {
    expect(fitWidthScale(800, 400)).toBe(2);
    expect(fitWidthScale(100, 10_000)).toBe(0.1);
    expect(fitWidthScale(10_000, 100)).toBe(4);
    expect(fitWidthScale(0, 400)).toBe(1); // not laid out yet
    expect(scaleOf({ kind: 'fitWidth' }, 600, 800)).toBe(0.75);
    expect(scaleOf({ kind: 'scale', scale: 1.5 }, 600, 800)).toBe(1.5);
    expect(scaleOf({ kind: 'scale', scale: 9 }, 600, 800)).toBe(4);
  });

  it('steps from any scale to the next step up or down, and stops at the ends', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.44)).toBe(1.5); // from a fit-width scale
    expect(zoomOut(1.44)).toBe(1.25);
    expect(zoomIn(1.499)).toBe(1.75); // practically on a step: the next one
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.1)).toBe(0.1);
    expect(canZoomIn(4)).toBe(false);
    expect(canZoomOut(0.1)).toBe(false);
    expect(canZoomIn(1) && canZoomOut(1)).toBe(true);
    expect([...ZOOM_STEPS].sort((a, b) => a - b)).toEqual(ZOOM_STEPS);
    expect(zoomPercent(1.4449)).toBe(144);
  });
});

describe('canvas resolution', () => {
  it('draws at the screen density (sharp on HiDPI)', () => {
    expect(canvasPixelRatio(800, 1100, 2)).toBe(2);
    expect(canvasPixelRatio(800, 1100, 1)).toBe(1);
    expect(canvasPixelRatio(800, 1100, 0)).toBe(1);
  });

  it('gives up density before the canvas grows past the browser limits', () => {
    const ratio = canvasPixelRatio(3200, 4400, 2); // 400 % of an A4 page on a HiDPI screen
    expect(ratio).toBeLessThan(2);
    expect(3200 * ratio * 4400 * ratio).toBeLessThanOrEqual(4096 * 4096 + 1);
    expect(20_000 * canvasPixelRatio(20_000, 100, 1)).toBeLessThanOrEqual(16_384);
  });
});

describe('keys', () => {
  const middle = { atTop: false, atBottom: false };
  const top = { atTop: true, atBottom: false };
  const bottom = { atTop: false, atBottom: true };

  it('turns pages with PageUp/PageDown, left/right, Home/End', () => {
    expect(commandForKey('PageUp', middle)).toBe('previousPage');
    expect(commandForKey('PageDown', middle)).toBe('nextPage');
    expect(commandForKey('ArrowLeft', middle)).toBe('previousPage');
    expect(commandForKey('ArrowRight', middle)).toBe('nextPage');
    expect(commandForKey('Home', middle)).toBe('firstPage');
    expect(commandForKey('End', middle)).toBe('lastPage');
  });

  it('scrolls a tall page with up/down and turns it at the edge', () => {
    expect(commandForKey('ArrowDown', middle)).toBe('scrollDown');
    expect(commandForKey('ArrowDown', bottom)).toBe('nextPage');
    expect(commandForKey('ArrowUp', middle)).toBe('scrollUp');
    expect(commandForKey('ArrowUp', top)).toBe('previousPage');
  });

  it('zooms with + (or =), - and 0; leaves other keys alone', () => {
    expect(commandForKey('+', middle)).toBe('zoomIn');
    expect(commandForKey('=', middle)).toBe('zoomIn');
    expect(commandForKey('-', middle)).toBe('zoomOut');
    expect(commandForKey('0', middle)).toBe('fitWidth');
    expect(commandForKey('a', middle)).toBeNull();
    expect(commandForKey('Enter', middle)).toBeNull();
    expect(commandForKey(' ', middle)).toBeNull();
  });
});

describe('errors and assets', () => {
  it('names why pdf.js did not open a document', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(pdfOpenErrorCode(named('PasswordException'))).toBe('VIEWER_PDF_PASSWORD');
    expect(pdfOpenErrorCode(named('InvalidPDFException'))).toBe('VIEWER_PDF_UNREADABLE');
    expect(pdfOpenErrorCode(named('UnknownErrorException'))).toBe('VIEWER_PDF_UNREADABLE');
    expect(pdfOpenErrorCode(new TypeError('Failed to fetch dynamically imported module'))).toBe('VIEWER_PDF_FAILED');
    expect(pdfOpenErrorCode('nonsense')).toBe('VIEWER_PDF_FAILED');
  });

  it("gives pdf.js absolute folder URLs with the trailing slash, whatever the route in the fragment", () => {
    expect(pdfjsAssetUrl('cmaps', 'app://pusiaukele/index.html#/cases/42')).toBe('app://pusiaukele/pdfjs/cmaps/');
    expect(pdfjsAssetUrl('wasm', 'http://127.0.0.1:5123/#token=abc')).toBe('http://127.0.0.1:5123/pdfjs/wasm/');
  });
});
