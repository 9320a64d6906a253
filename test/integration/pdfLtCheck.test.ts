import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPdfLt } from '../../electron/services/pdf/pdfLtCheck';
import { hexString, name, ref } from '../../electron/services/pdf/pdfSyntax';
import { verifyPdf } from '../../electron/services/signing/pdfVerify';
import type { PdfLtReport } from '../../shared/contract/pdfLtSchemas';
import { ltPdf, SIGNATURE, type LtFileSpec, type PdfObject } from '../helpers/pdfLtFiles';
import { appendUpdate } from '../helpers/popplerSigner';
import { fileOf } from '../helpers/pdfTools';

/**
 * Issue 18: the PDF-LT-V1.0 check on files other tools wrote: qpdf's rewrite with object streams and
 * a cross-reference stream (ISO 32000-1 §7.5.7–7.5.8) keeps a level-A file level A, and an embedded
 * program compressed into an object stream is still found; qpdf's encryption makes it no level
 * ("a PDF-LT document is not encrypted"); a 50 MB file is checked in well under a few seconds. And
 * every signature the app's signature verifier reports is one the PDF-LT check holds to the standard.
 */

const LEVEL_A: PdfLtReport = { level: 'A', claimed: true, unmet: [], remarks: ['PDFA_DECLARED_NOT_VALIDATED'] };

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
    expect(checkPdfLt(rewritten)).toEqual(LEVEL_A);
    // Reading from object streams: a requirement in a compressed object is still seen.
    const noRole = qpdf(ltPdf({ signatures: [{ ...SIGNATURE, LTUd_Role: undefined }] }), ['--object-streams=generate']);
    expect(checkPdfLt(noRole).unmet).toEqual([{ code: 'SIGNATURE_ROLE', level: 'A', detail: 'Parašas1' }]);
  });

  it('PDF-LT-V1.0 level B: a program embedded and launched from /OpenAction, compressed by qpdf into object streams, is found', () => {
    const exe: PdfObject = { value: { Type: name('EmbeddedFile') }, stream: Buffer.from('MZ executable') };
    const launch = { S: name('Launch'), F: { Type: name('Filespec'), F: 'run.exe', EF: { F: ref(1001) } } };
    const rewritten = qpdf(ltPdf({ catalog: { OpenAction: launch }, objects: new Map([[1001, exe]]) }), ['--object-streams=generate']);
    expect(rewritten.includes('/Launch')).toBe(false);
    const report = checkPdfLt(rewritten);
    expect(report.level).toBe('none');
    expect(report.unmet.map((u) => u.code)).toEqual(['EMBEDDED_FILES']);
    expect(report.unmet[0]?.detail).toMatch(/Launch action, object \d+; file specification with \/EF, object \d+; \/Type \/EmbeddedFile, object \d+/);
  });

  it('PDF-LT-V1.0 level B: an encrypted file (qpdf --encrypt, AES-256) reaches no level, and nothing is guessed of the rest', () => {
    const encrypted = qpdf(ltPdf(), ['--encrypt', '', 'savininkas', '256', '--']);
    expect(checkPdfLt(encrypted)).toEqual({ level: 'none', claimed: false, unmet: [{ code: 'ENCRYPTED', level: 'B', detail: 'the other requirements cannot be read' }], remarks: [] });
  });

  it('a 50 MB file (a large image stream) is checked in well under a few seconds', () => {
    const image: PdfObject = {
      value: { Type: name('XObject'), Subtype: name('Image'), Width: 5000, Height: 3500, ColorSpace: name('DeviceRGB'), BitsPerComponent: 8 },
      stream: Buffer.alloc(50 * 1024 * 1024, 0x7f),
    };
    const file = ltPdf({ objects: new Map([[1000, image]]), catalog: { Extra: ref(1000) } });
    expect(file.length).toBeGreaterThan(50 * 1024 * 1024);
    const started = performance.now();
    expect(checkPdfLt(file)).toEqual(LEVEL_A);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('issue 18: every signature dictionary the signature verifier reports is held to PDF-LT-V1.0 (never a silent level A)', () => {
  /** A signature the standard refuses (SubFilter adbe.pkcs7.detached, no /Reason, /Name, /M, LTUd_ entries). */
  const BARE = { Type: name('Sig'), Filter: name('Adobe.PPKLite'), SubFilter: name('adbe.pkcs7.detached'), ByteRange: [0, 10, 20, 30], Contents: hexString(new Uint8Array(64)) };
  /** A signature field (object 1001) and its value (object 1002, BARE). */
  const FIELD_AND_VALUE = new Map<number, PdfObject>([
    [1001, { value: { FT: name('Sig'), T: 'Paslėptas', V: ref(1002) } }],
    [1002, { value: BARE }],
  ]);

  it.each<[string, () => Buffer]>([
    ['a widget whose /Parent is a signature field outside /Fields', () => ltPdf({ annotations: [{ Subtype: name('Widget'), Parent: ref(1001) }], objects: FIELD_AND_VALUE })],
    ['a signature dictionary not in the cross-reference table', () => ltPdf({ unlisted: new Map([[1002, { value: BARE }]]) })],
    ['an /AcroForm /Fields that is not an array', () => ltPdf({ signatures: [], catalog: { AcroForm: { Fields: ref(1001) } }, objects: FIELD_AND_VALUE })],
    ['a signature whose field a later revision took away', () => appendUpdate(ltPdf({ signatures: [BARE] }), { 1: '<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>', 3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>' })],
  ])('%s: the verifier lists it, and the PDF-LT check reports its subfilter and missing entries', (_what, make) => {
    const file = make();
    expect(verifyPdf(file, {}).signatures.map((s) => s.subFilter)).toContain('adbe.pkcs7.detached');
    const report = checkPdfLt(file);
    expect(report.level).toBe('none');
    expect(report.unmet.find((u) => u.code === 'SIGNATURE_SUBFILTER')?.detail).toMatch(/adbe\.pkcs7\.detached/);
    expect(report.unmet.map((u) => u.code)).toEqual(expect.arrayContaining(['SIGNATURE_REASON', 'SIGNATURE_NAME', 'SIGNATURE_TIME', 'SIGNATURE_ROLE', 'SIGNATURE_NOTES']));
  });

  it('a file the verifier finds the same signatures in as its fields say stays level A: nothing reported twice', () => {
    const spec: LtFileSpec = { signatures: [SIGNATURE, { ...SIGNATURE, ByteRange: [0, 10, 20, 30] }] };
    expect(verifyPdf(ltPdf(spec), {}).signatures).toHaveLength(2);
    expect(checkPdfLt(ltPdf(spec))).toEqual(LEVEL_A);
  });
});
