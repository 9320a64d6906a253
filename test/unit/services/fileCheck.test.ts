// V-77 p. 6: the documents of the dossier (items 6.1–6.11) are checked by their content before they
// are stored, so that the commission can open every one of them at the meeting.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, formatMegabytes, formatSizeAndLimit } from '../../../electron/services/dossier/fileCheck';
import { DomainError } from '../../../shared/domain/errors';
import { proposeItem } from '../../../shared/domain/dossier';
import {
  DOSSIER_FOLDER,
  encryptedPdf,
  jpegImage,
  largePdf,
  pdfDocument,
  pngImage,
  truncatedPdf,
  windowsProgram,
  writeDossierFolder,
  xrefStreamPdf,
} from '../../helpers/documents';

const LIMIT = 50 * 1024 * 1024;

/** The DomainError checkDocument refused with; fails the test if it accepted the file. */
function refusal(name: string, bytes: Uint8Array, maxBytes = LIMIT): DomainError {
  let kind: string | undefined;
  try {
    kind = checkDocument(name, bytes, maxBytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error(`"${name}" was accepted as ${kind}`);
}

/** Both messages name the file, the Lithuanian one in „…“ and the English one in “…”. */
function expectNamesFile(error: DomainError, name: string): void {
  expect(error.message).toContain(`„${name}“`);
  expect(error.messageEn).toContain(`“${name}”`);
  expect(error.details).toMatchObject({ file: name });
}

/** A ZIP archive with one stored entry, as a .docx is (a ZIP of XML parts). */
function zipArchive(entryName: string, content: string): Uint8Array {
  const data = deflateRawSync(Buffer.from(content));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(Buffer.byteLength(entryName), 26);
  return new Uint8Array(Buffer.concat([local, Buffer.from(entryName), data]));
}

let onePage: Uint8Array;
let threePages: Uint8Array;
let png: Uint8Array;
let jpg: Uint8Array;

beforeAll(async () => {
  onePage = await pdfDocument({ text: 'V-77 item 6.1' });
  threePages = await pdfDocument({ pages: 3, text: 'V-77 item 6.6' });
  png = pngImage(64, 48);
  jpg = jpegImage(64, 48);
});

describe('V-77 p. 6: dossier documents accepted by their content', () => {
  it('accepts real PDFs of 1 and 3 pages as pdf', () => {
    expect(checkDocument('6.1 rizikos vertinimas.pdf', onePage, LIMIT)).toBe('pdf');
    expect(checkDocument('6.6 teistumai.pdf', threePages, LIMIT)).toBe('pdf');
  });

  it('accepts a PDF whose cross-reference is a stream (qpdf object streams) as pdf', async () => {
    expect(checkDocument('6.2 išvada.pdf', await xrefStreamPdf(), LIMIT)).toBe('pdf');
  });

  it('accepts a linearized ("optimised for the web") PDF, whose startxref points to the front', async () => {
    expect(checkDocument('6.2 išvada.pdf', await xrefStreamPdf({ linearize: true }), LIMIT)).toBe('pdf');
  });

  it('accepts real PNG and JPEG scans with their kinds', () => {
    expect(checkDocument('6.11 kita medziaga.png', png, LIMIT)).toBe('png');
    expect(checkDocument('6.10 asmens dokumentas.jpg', jpg, LIMIT)).toBe('jpeg');
  });

  it('goes by content, not the name: a PNG named x.pdf is png, a PDF named scan.jpg is pdf', () => {
    expect(checkDocument('x.pdf', png, LIMIT)).toBe('png');
    expect(checkDocument('x.pdf', jpg, LIMIT)).toBe('jpeg');
    expect(checkDocument('scan.jpg', onePage, LIMIT)).toBe('pdf');
  });

  it('tolerates a little whitespace/NUL padding after %%EOF and after the JPEG end marker', () => {
    expect(checkDocument('padded.pdf', Buffer.concat([onePage, Buffer.alloc(512)]), LIMIT)).toBe('pdf');
    expect(checkDocument('padded.jpg', Buffer.concat([jpg, Buffer.from('\r\n\0\0')]), LIMIT)).toBe('jpeg');
  });

  it('accepts a PDF of exactly the limit and a 5 MB PDF from largePdf (pdfinfo agrees)', async () => {
    expect(checkDocument('tiksliai.pdf', onePage, onePage.length)).toBe('pdf');
    const large = await largePdf(5 * 1024 * 1024);
    expect(Math.abs(large.length - 5 * 1024 * 1024)).toBeLessThan(4096);
    expect(checkDocument('6.11 didelis skenas.pdf', large, LIMIT)).toBe('pdf');
    const dir = mkdtempSync(join(tmpdir(), 'pusiaukele-filecheck-'));
    try {
      writeFileSync(join(dir, 'large.pdf'), large);
      expect(execFileSync('pdfinfo', [join(dir, 'large.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not copy the bytes it checks: a view into a larger buffer is checked in place', () => {
    const backing = new Uint8Array(Math.max(onePage.length, png.length) + 4096).fill(0x41); // what lies outside the view must not matter
    backing.set(onePage, 2048);
    expect(checkDocument('view.pdf', backing.subarray(2048, 2048 + onePage.length), LIMIT)).toBe('pdf');
    backing.set(png, 2048);
    expect(checkDocument('view.png', backing.subarray(2048, 2048 + png.length), LIMIT)).toBe('png');
  });
});

describe('V-77 p. 6: dossier documents refused, with the file named and the reason said', () => {
  it('FILE_EMPTY: a file of 0 bytes', () => {
    const error = refusal('6.5 skolos.pdf', new Uint8Array(0));
    expect(error.code).toBe('FILE_EMPTY');
    expectNamesFile(error, '6.5 skolos.pdf');
    expect(error.message).toContain('tuščias');
  });

  it('FILE_TOO_LARGE: over the limit, saying the size and the limit in MB with a decimal comma', () => {
    const big = new Uint8Array(Math.round(52.4 * 1024 * 1024)); // refused by size before the content is looked at
    const error = refusal('6.10 pasas.pdf', big);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expectNamesFile(error, '6.10 pasas.pdf');
    expect(error.message).toContain('52,4 MB');
    expect(error.message).toContain('50 MB');
    expect(error.messageEn).toContain('52.4 MB');
    expect(error.details).toMatchObject({ size: big.length, limit: LIMIT });
    expect(refusal('vienu baitu per daug.pdf', onePage, onePage.length - 1).code).toBe('FILE_TOO_LARGE');
  });

  it('FILE_NOT_DOCUMENT: a Windows program renamed .pdf is detected as exe', () => {
    const error = refusal('6.3 prašymas.pdf', windowsProgram());
    expect(error.code).toBe('FILE_NOT_DOCUMENT');
    expect(error.details).toMatchObject({ detected: 'exe' });
    expectNamesFile(error, '6.3 prašymas.pdf');
    expect(error.message).toContain('Windows programa');
    expect(error.message).toContain('PDF, JPEG ir PNG');
    expect(error.message).toContain('plėtinys');
    expect(error.messageEn).toContain('does not matter');
  });

  it('FILE_NOT_DOCUMENT: a Word document (a ZIP) is detected as zip and told to be saved as PDF', () => {
    const error = refusal('6.4 sutikimas.docx', zipArchive('word/document.xml', '<w:document/>'));
    expect(error.code).toBe('FILE_NOT_DOCUMENT');
    expect(error.details).toMatchObject({ detected: 'zip' });
    expectNamesFile(error, '6.4 sutikimas.docx');
    expect(error.message).toContain('Išsaugoti kaip');
  });

  it('FILE_NOT_DOCUMENT: plain text (UTF-8 and Windows-1257) is detected as text', () => {
    const utf8 = refusal('6.9 apribojimai.pdf', Buffer.from('Apribojimų dirbti tam tikrus darbus nėra.\r\n'));
    expect(utf8.code).toBe('FILE_NOT_DOCUMENT');
    expect(utf8.details).toMatchObject({ detected: 'text' });
    expectNamesFile(utf8, '6.9 apribojimai.pdf');
    const cp1257 = refusal('pastaba.txt', Buffer.from([0x41, 0x70, 0x72, 0x69, 0x62, 0x6f, 0x6a, 0x69, 0x6d, 0xf8, 0x0d, 0x0a]));
    expect(cp1257.details).toMatchObject({ detected: 'text' });
  });

  it('FILE_NOT_DOCUMENT: other formats are named by what they are', () => {
    const cases: [string, Uint8Array, string][] = [
      ['elf.pdf', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(60)]), 'elf'],
      ['anim.pdf', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20)]), 'gif'],
      ['scan.tif', Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), Buffer.alloc(20)]), 'tiff'],
      ['IMG_0001.HEIC', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(20)]), 'heic'],
      ['byla.rar', Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), Buffer.alloc(20)]), 'rar'],
      ['byla.7z', Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), Buffer.alloc(20)]), '7z'],
      ['noise.pdf', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x10, 0x00]), 'unknown'],
    ];
    const bmp = Buffer.alloc(70);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(40, 14);
    cases.push(['paveikslas.bmp', bmp, 'bmp']);
    for (const [name, bytes, detected] of cases) {
      const error = refusal(name, bytes);
      expect(error.code, name).toBe('FILE_NOT_DOCUMENT');
      expect(error.details, name).toMatchObject({ detected });
      expectNamesFile(error, name);
    }
  });

  it('PDF_ENCRYPTED: a password-protected PDF made by qpdf (trailer, cross-reference stream, linearized)', async () => {
    for (const [name, bytes] of [
      ['6.2 socialinio tyrimo išvada.pdf', await encryptedPdf()],
      ['6.2 su objektų srautais.pdf', await encryptedPdf({ xrefStream: true })],
      // Only the trailer of the table startxref points to (at the front) says /Encrypt here.
      ['6.2 optimizuotas žiniatinkliui.pdf', await encryptedPdf({ linearize: true })],
    ] as const) {
      const error = refusal(name, bytes);
      expect(error.code, name).toBe('PDF_ENCRYPTED');
      expectNamesFile(error, name);
      expect(error.message).toContain('be slaptažodžio');
    }
  });

  it('PDF_ENCRYPTED: found in the last trailer of the tail when the table cannot be jumped over (19-byte entries)', async () => {
    // Some non-conforming writers end cross-reference entries with a single LF: the walk by 20-byte
    // entries misses, and the last `trailer` in the tail is what tells the file is encrypted (or not).
    const nineteen = (pdf: Uint8Array): Buffer => {
      const text = Buffer.from(pdf).toString('latin1');
      const xref = text.lastIndexOf('\nxref') + 1;
      return Buffer.from(text.slice(0, xref) + text.slice(xref).replace(/ ([nf]) (\r\n|\n)/g, ' $1\n'), 'latin1');
    };
    expect(refusal('6.2 išvada.pdf', nineteen(await encryptedPdf())).code).toBe('PDF_ENCRYPTED');
    expect(checkDocument('6.2 išvada.pdf', nineteen(onePage), LIMIT)).toBe('pdf');
  });

  it('PDF_TRUNCATED: a real PDF cut in half, and one padded with more than 1 kB of zeros', async () => {
    const error = refusal('6.6 teistumai.pdf', await truncatedPdf());
    expect(error.code).toBe('PDF_TRUNCATED');
    expectNamesFile(error, '6.6 teistumai.pdf');
    expect(error.message).toContain('nepilnas');
    // A copy that was preallocated and not finished: the end is zeros, not the PDF's end.
    expect(refusal('6.6 kopija.pdf', Buffer.concat([onePage, Buffer.alloc(64 * 1024)])).code).toBe('PDF_TRUNCATED');
  });

  it('PDF_TRUNCATED: startxref pointing outside the file or not at a cross-reference section', () => {
    const text = Buffer.from(onePage).toString('latin1');
    const at = text.lastIndexOf('startxref');
    const withOffset = (offset: string): Buffer =>
      Buffer.from(`${text.slice(0, at)}startxref\n${offset}\n%%EOF\n`, 'latin1');
    const outside = refusal('a.pdf', withOffset(String(onePage.length + 1000)));
    expect(outside.code).toBe('PDF_TRUNCATED');
    expect(outside.details).toMatchObject({ reason: 'startxref-outside-file' });
    expect(refusal('b.pdf', withOffset('20')).details).toMatchObject({ reason: 'startxref-not-at-xref' });
    const noStartxref = Buffer.from(`${text.slice(0, at)}\n%%EOF\n`, 'latin1');
    expect(refusal('c.pdf', noStartxref).details).toMatchObject({ reason: 'no-startxref' });
  });

  it('PDF_DAMAGED: a PDF whose %PDF- header was overwritten', () => {
    const damaged = Buffer.from(onePage);
    damaged.write('XXXXX', 0, 'latin1');
    const error = refusal('6.8 pazeidimai.pdf', damaged);
    expect(error.code).toBe('PDF_DAMAGED');
    expectNamesFile(error, '6.8 pazeidimai.pdf');
  });

  it('PDF_DAMAGED: a cross-reference table without its trailer dictionary', () => {
    const noTrailer = Buffer.from(Buffer.from(onePage).toString('latin1').replace('trailer', 'traiXer'), 'latin1');
    expect(refusal('6.9 apribojimai.pdf', noTrailer).details).toMatchObject({ reason: 'no-trailer' });
    expect(refusal('6.9 apribojimai.pdf', noTrailer).code).toBe('PDF_DAMAGED');
  });

  it('IMAGE_TRUNCATED: a JPEG cut short, in its data and in its header', () => {
    const error = refusal('6.10 asmens dokumentas.jpg', jpg.slice(0, Math.floor(jpg.length * 0.6)));
    expect(error.code).toBe('IMAGE_TRUNCATED');
    expectNamesFile(error, '6.10 asmens dokumentas.jpg');
    expect(error.details).toMatchObject({ kind: 'jpeg', reason: 'no-eoi' });
    expect(refusal('galva.jpg', jpg.slice(0, 100)).details).toMatchObject({ reason: 'segment-past-end' });
  });

  it('IMAGE_TRUNCATED: a PNG cut short', () => {
    const error = refusal('6.11 kita medziaga.png', png.slice(0, png.length - 20));
    expect(error.code).toBe('IMAGE_TRUNCATED');
    expectNamesFile(error, '6.11 kita medziaga.png');
    expect(error.details).toMatchObject({ kind: 'png' });
    // Cut exactly after a chunk: the walk ends without IEND.
    expect(refusal('be pabaigos.png', png.slice(0, png.length - 12)).details).toMatchObject({ reason: 'no-iend' });
  });

  it('IMAGE_DAMAGED: a PNG whose IHDR CRC is broken, or whose size is zero', () => {
    const badCrc = Buffer.from(png);
    badCrc[29] = (badCrc[29] as number) ^ 0xff;
    const error = refusal('6.11 nuotrauka.png', badCrc);
    expect(error.code).toBe('IMAGE_DAMAGED');
    expectNamesFile(error, '6.11 nuotrauka.png');
    expect(error.details).toMatchObject({ kind: 'png', reason: 'ihdr-crc' });
    const zeroWidth = Buffer.from(pngImage(1, 1));
    zeroWidth.writeUInt32BE(0, 16);
    expect(refusal('tuscias.png', zeroWidth).details).toMatchObject({ reason: 'zero-size' });
  });

  it('IMAGE_DAMAGED: a JPEG without a frame header (SOF) before the scan', () => {
    // Rename the SOF0 marker (FFC0) into an APP15 segment (FFEF) of the same length: no frame remains.
    const noFrame = Buffer.from(jpg);
    const sof = noFrame.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(0);
    noFrame[sof + 1] = 0xef;
    const error = refusal('6.10 be kadro.jpg', noFrame);
    expect(error.code).toBe('IMAGE_DAMAGED');
    expect(error.details).toMatchObject({ kind: 'jpeg', reason: 'no-frame-header' });
  });
});

describe('sizes in messages', () => {
  it('writes megabytes with a decimal comma in Lithuanian and whole numbers without decimals', () => {
    expect(formatMegabytes(52.4 * 1024 * 1024)).toBe('52,4 MB');
    expect(formatMegabytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatMegabytes(52.4 * 1024 * 1024, 'en')).toBe('52.4 MB');
  });

  it('shows a size just over the limit with enough decimals to differ from it', () => {
    expect(formatSizeAndLimit(50 * 1024 * 1024 + 8000, 50 * 1024 * 1024, 'lt')).toEqual({ size: '50,01 MB', limit: '50 MB' });
    expect(formatSizeAndLimit(150, 100, 'lt')).toEqual({ size: '150 B', limit: '100 B' });
  });
});

describe('V-77 p. 6: the end-to-end dossier folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pusiaukele-folder-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds eleven documents, one per item 6.1–6.11, each accepted with its kind and named as described', async () => {
    const files = await writeDossierFolder(dir);
    expect(files.map((f) => f.belongsTo)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', '6.9', '6.10', '6.11']);
    expect(files.filter((f) => f.proposed === null).map((f) => f.belongsTo)).toEqual(['6.7']);
    expect(files.map((f) => f.file)).toEqual(DOSSIER_FOLDER.map((f) => f.file));
    for (const f of files) {
      expect(checkDocument(f.file, readFileSync(join(dir, f.file)), LIMIT), f.file).toBe(f.kind);
      // The fixture's `proposed` is what the app's own name rule proposes.
      expect(proposeItem(f.file), f.file).toBe(f.proposed);
    }
    expect(files.find((f) => f.belongsTo === '6.10')?.kind).toBe('jpeg');
    expect(files.find((f) => f.belongsTo === '6.11')?.kind).toBe('png');
  });
});
