import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The independent tools a third party would check our PDFs with (issue 6 "Proof"), run for real:
 * poppler's pdftotext and pdfsig, mupdf's mutool, qpdf, openssl cms, and Apache PDFBox preflight.
 * `.ci/run` installs them from Debian.
 */

const work = mkdtempSync(join(tmpdir(), 'pusiaukele-pdftools-'));
let counter = 0;

/** Writes the bytes to a file of their own and returns its path. */
export function fileOf(bytes: Uint8Array, name = 'document.pdf'): string {
  const path = join(work, `${++counter}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

export function pdftotext(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', fileOf(bytes), '-'], { encoding: 'utf8' });
}

/** What a command printed and how it ended (the verifiers exit non-zero on a bad signature). */
export function run(command: string, args: string[]): { status: number; out: string } {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** An NSS database that trusts the test CA, for pdfsig's "Certificate Validation: Trusted". */
export function nssDatabase(caPem: string): string {
  const dir = mkdtempSync(join(work, 'nss-'));
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-n', 'pusiaukele-test-ca', '-t', 'CT,C,C', '-i', fileOf(Buffer.from(caPem), 'ca.pem'), '-d', `sql:${dir}`]);
  return dir;
}

export function pdfsig(bytes: Uint8Array, nssDir: string): { status: number; out: string } {
  return run('pdfsig', ['-nssdir', `sql:${nssDir}`, fileOf(bytes)]);
}

export function mutoolVerify(bytes: Uint8Array): { status: number; out: string } {
  return run('mutool', ['sign', '-v', fileOf(bytes)]);
}

export function qpdfCheck(bytes: Uint8Array): { status: number; out: string } {
  return run('qpdf', ['--check', fileOf(bytes)]);
}

const PREFLIGHT_JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

/** Apache PDFBox preflight: "The file … is a valid PDF/A-1b file", or the list of its errors. */
export function preflight(bytes: Uint8Array): { status: number; out: string } {
  return run('java', ['-cp', PREFLIGHT_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', fileOf(bytes)]);
}

/** The n-th signature's CMS and the bytes it covers, as `openssl cms -verify` takes them. */
export function signatureParts(bytes: Uint8Array, n: number): { cms: Buffer; content: Buffer } {
  const buf = Buffer.from(bytes);
  const ranges = [...buf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = ranges[n];
  if (!m) throw new Error(`no signature ${n}`);
  const [a, b, c, d] = [1, 2, 3, 4].map((i) => Number(m[i]));
  const hex = buf.subarray((b as number) + 1, (c as number) - 1).toString('latin1');
  const der = Buffer.from(hex, 'hex');
  // The DER object's own length, without the zero padding of the placeholder.
  const n2 = der[1] as number;
  const len = n2 < 0x80 ? 2 + n2 : 2 + (n2 & 0x7f) + [...der.subarray(2, 2 + (n2 & 0x7f))].reduce((x, y) => x * 256 + y, 0);
  return {
    cms: der.subarray(0, len),
    content: Buffer.concat([buf.subarray(a, b), buf.subarray(c as number, (c as number) + (d as number))]),
  };
}

export function opensslCmsVerify(bytes: Uint8Array, n: number, caPem: string): { status: number; out: string } {
  const { cms, content } = signatureParts(bytes, n);
  return run('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    fileOf(cms, 'sig.der'),
    '-content',
    fileOf(content, 'content.bin'),
    '-CAfile',
    fileOf(Buffer.from(caPem), 'ca.pem'),
    '-purpose',
    'any',
    '-out',
    '/dev/null',
  ]);
}
