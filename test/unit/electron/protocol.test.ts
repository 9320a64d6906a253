import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/contract/csp';
import { SECRET, cleanUp, fetchApp, launch } from './harness';

beforeEach(async () => {
  await launch();
});
afterEach(cleanUp);

const REQUIRED_DIRECTIVES = [
  "default-src 'self'",
  // The document viewer (pdf.js) compiles its WebAssembly decoders: 'wasm-unsafe-eval' allows that
  // and nothing else (no eval, no inline script); its worker is a same-origin script, never blob:.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

function directives(header: string | null): string[] {
  return (header ?? '').split(';').map((d) => d.trim());
}

describe('app:// protocol', () => {
  it.each([
    ['app://pusiaukele/index.html', 'text/html; charset=utf-8'],
    ['app://pusiaukele/', 'text/html; charset=utf-8'],
    ['app://pusiaukele/assets/index.js', 'text/javascript; charset=utf-8'],
    ['app://pusiaukele/assets/index.css', 'text/css; charset=utf-8'],
    ['app://pusiaukele/assets/logo.svg', 'image/svg+xml'],
    ['app://pusiaukele/assets/font.woff2', 'font/woff2'],
    ['app://pusiaukele/assets/blob.bin', 'application/octet-stream'],
  ])('serves %s from dist/renderer as %s', async (url, contentType) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the file content', async () => {
    const response = await fetchApp('app://pusiaukele/assets/index.js');
    expect(await response.text()).toBe('console.log("renderer");');
  });

  it('a HEAD request gets the headers without a body', async () => {
    const response = await fetchApp('app://pusiaukele/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://pusiaukele/index.html',
    'app://pusiaukele/missing.html',
    'app://pusiaukele/..%2fsecret.txt',
  ])('the response to %s carries the strict content security policy', async (url) => {
    const csp = (await fetchApp(url)).headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(directives(csp)).toEqual(expect.arrayContaining(REQUIRED_DIRECTIVES));
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(directives(csp).filter((d) => d.includes('wasm-unsafe-eval'))).toEqual(["script-src 'self' 'wasm-unsafe-eval'"]);
  });

  it.each([
    'app://pusiaukele/..%2fsecret.txt',
    'app://pusiaukele/..%2f..%2fsecret.txt',
    'app://pusiaukele/assets/..%2f..%2fsecret.txt',
    'app://pusiaukele/%2e%2e%2fsecret.txt',
    'app://pusiaukele/..%2felectron%2fmain.cjs',
    'app://pusiaukele/..%2frenderer-old%2findex.html',
    'app://pusiaukele/..%5csecret.txt',
    'app://pusiaukele/%2fetc%2fpasswd',
    'app://pusiaukele/index.html%00.js',
    'app://pusiaukele/%E0%A4%A',
  ])('refuses %s (path traversal or malformed path) with 404', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each([
    ['a missing file', 'app://pusiaukele/missing.js'],
    ['a directory', 'app://pusiaukele/assets/'],
    ['another host', 'app://evil/index.html'],
  ])('answers 404 for %s', async (_what, url) => {
    expect((await fetchApp(url)).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetchApp('app://pusiaukele/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
