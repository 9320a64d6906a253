import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPdfLt } from '../../electron/services/pdf/pdfLtCheck';
import { name, ref } from '../../electron/services/pdf/pdfSyntax';
import { ltPdf, SIGNATURE, type PdfObject } from '../helpers/pdfLtFiles';
import { fileOf } from '../helpers/pdfTools';

/**
 * Issue 18: the PDF-LT-V1.0 check on files other tools wrote: qpdf's rewrite with object streams and
 * a cross-reference stream (ISO 32000-1 §7.5.7–7.5.8) keeps a level-A file level A; qpdf's
 * encryption makes it no level ("a PDF-LT document is not encrypted"); a 50 MB file is checked in
 * well under a few seconds.
 */

function qpdf(pdf: Uint8Array, args: string[]): Buffer {
  const input = fileOf(pdf, 'pdflt-in.pdf');
  const output = input.replace(/\.pdf$/, '-out.pdf');
  execFileSync('qpdf', [...args, input, output]);
  return readFileSync(output);
}

describe('issue 18: the PDF-LT check of files other tools rewrote', () => {
  it('a level-A file rewritten by qpdf with object streams and a cross-reference stream stays level A', () => {
    const rewritten = qpdf(ltPdf(), ['--object-streams=generate', '--compress-streams=y']);
    expect(rewritten.includes('/ObjStm')).toBe(true);
    expect(checkPdfLt(rewritten)).toEqual({ level: 'A', claimed: true, unmet: [] });
    // Reading from object streams: a requirement in a compressed object is still seen.
    const noRole = qpdf(ltPdf({ signatures: [{ ...SIGNATURE, LTUd_Role: undefined }] }), ['--object-streams=generate']);
    expect(checkPdfLt(noRole).unmet).toEqual([{ code: 'SIGNATURE_ROLE', level: 'A', detail: 'Parašas1' }]);
  });

  it('PDF-LT-V1.0 level B: an encrypted file (qpdf --encrypt, AES-256) reaches no level, and nothing is guessed of the rest', () => {
    const encrypted = qpdf(ltPdf(), ['--encrypt', '', 'savininkas', '256', '--']);
    expect(checkPdfLt(encrypted)).toEqual({ level: 'none', claimed: false, unmet: [{ code: 'ENCRYPTED', level: 'B', detail: 'the other requirements cannot be read' }] });
  });

  it('a 50 MB file (a large image stream) is checked in well under a few seconds', () => {
    const image: PdfObject = {
      value: { Type: name('XObject'), Subtype: name('Image'), Width: 5000, Height: 3500, ColorSpace: name('DeviceRGB'), BitsPerComponent: 8 },
      stream: Buffer.alloc(50 * 1024 * 1024, 0x7f),
    };
    const file = ltPdf({ objects: new Map([[1000, image]]), catalog: { Extra: ref(1000) } });
    expect(file.length).toBeGreaterThan(50 * 1024 * 1024);
    const started = performance.now();
    expect(checkPdfLt(file)).toEqual({ level: 'A', claimed: true, unmet: [] });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
