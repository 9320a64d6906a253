/**
 * pdf.js's data files. vite.config.ts copies these folders of node_modules/pdfjs-dist into the build
 * (dist/renderer/pdfjs/<folder>/); the viewer hands pdf.js their URLs:
 * - cmaps: character maps of CJK fonts that are not embedded;
 * - standard_fonts: the 14 standard fonts, for PDFs that name them without embedding them;
 * - wasm: the JBIG2 and JPEG 2000 decoders (scanned PDFs) and the ICC colour engine;
 * - iccs: the CMYK profile used with that engine.
 * Plain constants: vite.config.ts imports this module too.
 */
export const PDFJS_ASSET_ROOT = 'pdfjs';
export const PDFJS_ASSET_FOLDERS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'] as const;
export type PdfjsAssetFolder = (typeof PDFJS_ASSET_FOLDERS)[number];

/**
 * The absolute URL (with the trailing slash pdf.js requires) of one folder, resolved against the
 * page: index.html sits at the root of the app in both hosts (routes live in the fragment).
 * Absolute, because the pdf.js worker resolves relative URLs against its own script.
 */
export function pdfjsAssetUrl(folder: PdfjsAssetFolder, pageUrl: string): string {
  return new URL(`${PDFJS_ASSET_ROOT}/${folder}/`, pageUrl).href;
}
