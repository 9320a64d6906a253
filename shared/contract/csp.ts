/** The content security policy of every page of the app, in Electron (app://) and in the browser host. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets WebAssembly be compiled, and nothing else: no eval(), no new Function(),
  // no inline script. The document viewer needs it: pdf.js decodes JBIG2 and JPEG 2000 images (how
  // scanners compress PDFs) and converts ICC colours with wasm modules (dist/renderer/pdfjs/wasm/),
  // compiled in its worker, which gets this same policy from its response header.
  "script-src 'self' 'wasm-unsafe-eval'",
  // The pdf.js worker is a same-origin module script (assets/pdf.worker.min-<hash>.mjs); never blob:.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
