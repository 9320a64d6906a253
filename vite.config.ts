import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { PDFJS_ASSET_FOLDERS, PDFJS_ASSET_ROOT } from './renderer/dossier/pdfAssets';

/** pdf.js's JavaScript sandbox (QuickJS: wasm, glue, licences) runs form scripts, which the viewer never enables. */
const UNUSED_PDFJS_FILE = /quickjs/i;

/**
 * Copies pdf.js's data files (fonts, character maps, wasm decoders, ICC profile) into the build as
 * pdfjs/<folder>/<file>; renderer/dossier/pdfAssets.ts tells pdf.js where they are.
 */
function pdfjsAssets(): Plugin {
  const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    name: 'pusiaukele:pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const folder of PDFJS_ASSET_FOLDERS) {
        for (const file of readdirSync(join(pdfjsRoot, folder))) {
          if (UNUSED_PDFJS_FILE.test(file)) continue;
          this.emitFile({
            type: 'asset',
            fileName: `${PDFJS_ASSET_ROOT}/${folder}/${file}`,
            source: readFileSync(join(pdfjsRoot, folder, file)),
          });
        }
      }
    },
  };
}

// The renderer is served from app:// in Electron and from the browser host on 127.0.0.1;
// relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), pdfjsAssets()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
  },
});
