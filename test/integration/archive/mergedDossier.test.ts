import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMergedDossier, type MergedDossierInput, type MergedSource } from '../../../electron/services/archive/mergedDossier';
import { renderPdf } from '../../../electron/services/pdf/pdfWriter';
import { signPdf } from '../../../electron/services/signing/pdfSignature';
import { openPkcs12 } from '../../../electron/services/signing/pkcs12';
import { buildDocument } from '../../../shared/domain/documents/templates';
import { DOSSIER_ITEMS } from '../../../shared/domain/dossierItems';
import { encryptedPdf, jpegImage, largePdf, pdfDocument, pngChunk, pngImage, truncatedPdf, xrefStreamPdf } from '../../helpers/documents';
import { fileOf, pdftotext, preflight, qpdfCheck, run } from '../../helpers/pdfTools';
import { P12_PASSWORD, testPki } from '../../helpers/pki';
import { caseHere, institution } from '../../unit/domain/documents/fixtures';

/**
 * Issue 15: the merged dossier PDF of a case package — a cover with the case summary, a table of
 * contents with bookmarks, the dossier items of V-77 p. 6 (6.1–6.11) in order, each after a separator
 * page, then the commission's documents; page numbers on every page; PDF/A-2b; written streaming, so
 * that a case of 200 MB of documents is exported within 200 MB of memory. Everything is checked with
 * the tools a reader of the package would use: qpdf, poppler (pdfinfo, pdftotext, pdfimages, pdfsig,
 * pdftoppm), mupdf and Apache PDFBox preflight.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
const work = mkdtempSync(join(tmpdir(), 'pusiaukele-merged-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function source(title: string, name: string, kind: MergedSource['kind'], bytes: Uint8Array): MergedSource {
  return { title, name, kind, size: bytes.length, open: async () => Buffer.from(bytes) };
}

/** Writes the merged dossier into memory. */
async function merge(input: MergedDossierInput): Promise<{ pdf: Buffer; pages: number; bytes: number }> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const result = await writeMergedDossier(input, out, FONTS);
  return { pdf: Buffer.concat(chunks), ...result };
}

/** Each page's text, as pdftotext gives it (pages end with a form feed). */
function pageTexts(pdf: Buffer): string[] {
  return pdftotext(pdf).split('\f').slice(0, -1);
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** A JPEG with an EXIF segment saying how to turn it to be seen upright (TIFF tag 274). */
function jpegWithOrientation(width: number, height: number, orientation: number): Buffer {
  const jpeg = Buffer.from(jpegImage(width, height));
  const tiff = Buffer.alloc(26);
  tiff.write('MM\0*', 0, 'latin1');
  tiff.writeUInt32BE(8, 4); // the first IFD
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)]);
}

/** An RGBA PNG (a half-transparent square), which PDF cannot take as stored: it is decoded with a soft mask. */
function rgbaPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) rows.set([200, 40, 40, x < size / 2 ? 255 : 128], y * (1 + size * 4) + 1 + x * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF whose page is turned 90° (/Rotate 90), as a scanner leaves a landscape form. */
async function rotatedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.setRotation(degrees(90));
  page.drawText('Rotated scan', { x: 60, y: 400, size: 30, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

/** The app's own documents: the director's order (V-77 p. 13), as generated and as signed. */
async function generatedDocuments(): Promise<{ order: Uint8Array; signed: Uint8Array }> {
  const model = buildDocument(
    { kind: 'order', sources: { institution, case: caseHere, proposal: { date: '2026-11-20', number: 'DKS-1' }, minutes: { date: '2026-11-20', number: 'DK-1' } } },
    'V-1',
    '2026-11-23',
  );
  const pdf = await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: 'merged-order', producer: 'Pusiaukelė' }, FONTS);
  const signer = openPkcs12(testPki().rsa.p12, P12_PASSWORD);
  try {
    const signed = await signPdf(pdf.bytes, { signer, slot: pdf.slots[0]!, signerName: 'Rūta Žemaitienė', position: 'Direktorė', at: new Date('2026-11-23T09:00:00Z'), fontsDir: FONTS });
    return { order: pdf.bytes, signed };
  } finally {
    await signer.close();
  }
}

const SUMMARY = [
  ['Nuteistasis', 'Jonas Jonaitis'],
  ['Prašymo data', '2026 m. lapkričio 2 d.'],
  ['Būsena', 'Perkėlimas įsakytas'],
  ['Sprendimas', '10.1 – siūlyti perkelti'],
] as const;

function caseInput(items: MergedDossierInput['items'], commission: MergedSource[]): MergedDossierInput {
  return {
    institution: 'Pravieniškių pataisos namai-atviroji kolonija',
    caseId: '2026-0042',
    title: 'Byla 2026-0042: Jonas Jonaitis',
    summary: SUMMARY,
    exportedAt: '2026-11-25T10:00:00Z',
    exportedBy: 'Šarūnė Žėkaitė',
    items,
    commission,
  };
}

/** The items 6.1–6.11 with the given documents and facts; the others empty ("nepateikta"). */
function items(documents: Partial<Record<string, MergedSource[]>>, facts: Partial<Record<string, string[]>> = {}): MergedDossierInput['items'] {
  return DOSSIER_ITEMS.map((item) => ({ id: item.id, title: item.lt, documents: documents[item.id] ?? [], facts: facts[item.id] ?? [] }));
}

describe('the merged dossier of a case package (issue 15, V-77 p. 6)', () => {
  let generated: { order: Uint8Array; signed: Uint8Array };
  let merged: { pdf: Buffer; pages: number; bytes: number };
  let texts: string[];
  const jpeg = jpegImage(400, 300);
  const upright = jpegWithOrientation(400, 300, 6);
  const png = pngImage(300, 500);
  const transparent = rgbaPng(200);

  beforeAll(async () => {
    generated = await generatedDocuments();
    const input = caseInput(
      items(
        {
          '6.1': [source('Rizikos vertinimas', 'oasys-2026.pdf', 'pdf', await pdfDocument({ pages: 2, text: 'Risk assessment' }))],
          '6.3': [source('Prašymas', 'prasymas.jpg', 'jpeg', jpeg), source('Sutikimas', 'sutikimas.png', 'png', png)],
          '6.4': [source('Darbo pasiūlymas', 'darbas.pdf', 'pdf', await xrefStreamPdf())],
          '6.8': [source('Pažeidimų sąrašas', 'pazeidimai.pdf', 'pdf', await encryptedPdf()), source('Paskatinimai', 'paskatinimai.pdf', 'pdf', await truncatedPdf())],
          '6.10': [source('Asmens tapatybės kortelė', 'kortele.jpg', 'jpeg', upright), source('Nuotrauka', 'nuotrauka.png', 'png', transparent)],
          '6.11': [source('Pasukta forma', 'forma.pdf', 'pdf', await rotatedPdf())],
        },
        { '6.1': ['Vertinimo priemonė: OASys', 'Rizikos lygis: žema'], '6.5': ['Įsiskolinimai iš viso: 0 EUR'] },
      ),
      [source('V-1 Įsakymas dėl nuteistojo perkėlimo', 'V-1.pdf', 'pdf', generated.order), source('V-1 Įsakymas (pasirašytas)', 'V-1-pasirasytas.pdf', 'pdf', generated.signed)],
    );
    merged = await merge(input);
    texts = pageTexts(merged.pdf);
  });

  /**
   * The layout, page by page: 1 cover, 2 contents, then each item's separator and its documents.
   * 6.1: separator 3, its 2 pages 4–5; 6.2: 6; 6.3: 7, JPEG 8, PNG 9; 6.4: 10, 3 pages 11–13;
   * 6.5: 14; 6.6: 15; 6.7: 16; 6.8: 17, notices 18, 19; 6.9: 20; 6.10: 21, images 22, 23;
   * 6.11: 24, 25; the commission: 26, the order 27, the signed order 28.
   */
  const PAGES = 28;

  it('is a sound PDF of the expected pages, and says so of itself', () => {
    expect(qpdfCheck(merged.pdf).status).toBe(0);
    const info = run('pdfinfo', [fileOf(merged.pdf)]).out;
    expect(info).toMatch(new RegExp(`Pages:\\s+${PAGES}\\n`));
    expect(info).toMatch(/Title:\s+Byla 2026-0042: Jonas Jonaitis/);
    expect(info).toMatch(/Encrypted:\s+no/);
    expect(merged.pages).toBe(PAGES);
    expect(merged.bytes).toBe(merged.pdf.length);
  });

  it('numbers every page "N psl. iš M" at the bottom, copied pages and notices included', () => {
    expect(texts).toHaveLength(PAGES);
    texts.forEach((text, i) => expect(text).toContain(`${i + 1} psl. iš ${PAGES}`));
  });

  it('starts with a cover: the institution, the case, its summary, who exported it and when, and what the copy is', () => {
    const cover = flat(texts[0]!);
    for (const s of ['Pravieniškių pataisos namai-atviroji kolonija', 'Byla 2026-0042: Jonas Jonaitis', 'Eksportavo Šarūnė Žėkaitė', 'Eksportuota 2026-11-25 12:00']) expect(cover).toContain(s);
    for (const [label, value] of SUMMARY) expect(cover).toMatch(new RegExp(`${label}\\s+${value}`));
    expect(cover).toContain('skirta skaityti');
    expect(cover).toContain('neturi elektroninių parašų');
    expect(cover).toContain('data/documents');
    expect(cover).toContain('priimtų dokumentų puslapiai perkelti tokie, kokie gauti');
  });

  it('has a table of contents listing 6.1–6.11 in order, each document under its item, "nepateikta" for an empty one, with the right pages', () => {
    const contents = texts[1]!;
    expect(contents).toContain('Turinys');
    const lines = contents.split('\n').map((l) => l.trim());
    /** The page number the contents give for the entry starting with `text` (dot leaders, then the number). */
    const pageOf = (text: string) => {
      const at = lines.findIndex((l) => l.startsWith(text));
      expect(at, text).toBeGreaterThanOrEqual(0);
      const withNumber = lines.slice(at).find((l) => /\.\s+(\d+)$/.test(l));
      return Number(/(\d+)$/.exec(withNumber ?? '')?.[1]);
    };
    const itemPages = DOSSIER_ITEMS.map((item) => pageOf(`${item.id}. `));
    expect(itemPages).toEqual([3, 6, 7, 10, 14, 15, 16, 17, 20, 21, 24]);
    // Each item's separator page is where the contents say: its number and title.
    DOSSIER_ITEMS.forEach((item, i) => expect(flat(texts[itemPages[i]! - 1]!)).toContain(flat(`${item.id}. ${item.lt}`).slice(0, 40)));
    expect(pageOf('Rizikos vertinimas (oasys-2026.pdf)')).toBe(4);
    expect(pageOf('Sutikimas (sutikimas.png)')).toBe(9);
    expect(pageOf('Komisijos dokumentai')).toBe(26);
    expect(pageOf('V-1 Įsakymas (pasirašytas)')).toBe(28);
    // 6.2 has no document: "nepateikta" right under it, and on its separator page.
    const item62 = lines.findIndex((l) => l.startsWith('6.2. '));
    expect(lines[item62 + 1]).toBe('nepateikta');
    expect(texts[5]).toContain('nepateikta');
  });

  it('shows each item\'s recorded facts and its documents on its separator page, even without documents', () => {
    const separator61 = flat(texts[2]!);
    expect(separator61).toContain('Užfiksuoti duomenys');
    expect(separator61).toContain('Vertinimo priemonė: OASys');
    expect(separator61).toContain('Rizikos lygis: žema');
    expect(separator61).toContain('1. Rizikos vertinimas (oasys-2026.pdf)');
    const separator65 = flat(texts[13]!);
    expect(separator65).toContain('Įsiskolinimai iš viso: 0 EUR');
    expect(separator65).toContain('nepateikta');
  });

  it('renders Lithuanian letters as text (embedded font with a ToUnicode map)', () => {
    const all = texts.join('');
    for (const letter of ['Š', 'ž', 'ė', 'ą', 'č', 'ę', 'į', 'š', 'ų', 'ū']) expect(all).toContain(letter);
    const fonts = run('pdffonts', [fileOf(merged.pdf)]).out;
    expect(fonts).toMatch(/LiberationSerif\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('has bookmarks: the contents, each item with its documents, the commission\'s documents with theirs', () => {
    const outline = run('mutool', ['show', fileOf(merged.pdf), 'outline']).out;
    const entries = [...outline.matchAll(/^([|+-])(\t+)"(.*)"\t#page=(\d+)/gm)].map((m) => ({ depth: m[2]!.length, title: m[3], page: Number(m[4]) }));
    expect(entries.filter((e) => e.depth === 1).map((e) => e.title)).toEqual(['Turinys', ...DOSSIER_ITEMS.map((i) => `${i.id}. ${i.lt}`), 'Komisijos dokumentai']);
    const under = (title: string) => {
      const at = entries.findIndex((e) => e.title === title);
      const end = entries.findIndex((e, i) => i > at && e.depth === 1);
      return entries.slice(at + 1, end < 0 ? undefined : end).map((e) => `${e.title} #${e.page}`);
    };
    expect(under('6.3. Prašymas perkelti į pusiaukelės namus ir sutikimas atskleisti asmens duomenis')).toEqual(['Prašymas (prasymas.jpg) #8', 'Sutikimas (sutikimas.png) #9']);
    expect(under('6.2. Socialinio tyrimo išvada')).toEqual([]);
    expect(under('Komisijos dokumentai')).toEqual(['V-1 Įsakymas dėl nuteistojo perkėlimo (V-1.pdf) #27', 'V-1 Įsakymas (pasirašytas) (V-1-pasirasytas.pdf) #28']);
  });

  it('makes the contents entries links to their pages', () => {
    const links = run('mutool', ['show', fileOf(merged.pdf), 'pages/2/Annots']).out;
    expect(links).toContain('/Subtype /Link');
    const pdf = merged.pdf.toString('latin1');
    // The 6.11 entry leads to page 24: its /Dest names the object of the 24th page.
    const kids = /\/Type \/Pages \/Kids \[([^\]]*)\]/.exec(pdf)![1]!.trim().split(/\s+0\s+R\s*/).filter(Boolean);
    expect(pdf).toContain(`/Dest [${kids[23]} 0 R /Fit]`);
  });

  it('copies the pages of PDFs as they are: the same content streams, bytes unchanged', () => {
    // The generated order's page content, as stored (deflated), is in the merged file byte for byte.
    const order = Buffer.from(generated.order);
    const start = order.indexOf('stream\n', order.indexOf('/Filter /FlateDecode', order.indexOf('20 0 obj'))) + 'stream\n'.length;
    const length = Number(/\/Length (\d+)/.exec(order.toString('latin1', order.indexOf('20 0 obj'), start))![1]);
    expect(merged.pdf.indexOf(order.subarray(start, start + length))).toBeGreaterThan(0);
    expect(flat(texts[26]!)).toContain('ĮSAKYMAS');
    // A PDF with object streams and a cross-reference stream is read too: its 3 pages are there.
    expect(texts[10]).toContain('Page 1');
    expect(texts[12]).toContain('Page 3');
  });

  it('carries no signature, but shows the signed document\'s stamp where it was', () => {
    const sig = run('pdfsig', [fileOf(merged.pdf)]).out;
    expect(sig).toMatch(/does not contain any signatures/);
    expect(merged.pdf.includes('/ByteRange')).toBe(false);
    expect(merged.pdf.includes('/AcroForm')).toBe(false);
    expect(flat(texts[27]!)).toContain('Rūta Žemaitienė');
    expect(flat(texts[27]!)).toContain('2026-11-23 11:00'); // the stamp's time, Vilnius
  });

  it('puts a page that says why in place of a document that cannot be read, and goes on', () => {
    const encrypted = flat(texts[17]!);
    expect(encrypted).toContain('Dokumento nepavyko perkelti į šią kopiją');
    expect(encrypted).toContain('pazeidimai.pdf');
    expect(encrypted).toContain('užšifruotas');
    const truncated = flat(texts[18]!);
    expect(truncated).toContain('paskatinimai.pdf');
    expect(truncated).toContain('sugadintas arba neišsamus');
    expect(flat(texts[19]!)).toContain('6.9.');
  });

  it('puts each scan on its own A4 page, fitted with margins, its aspect ratio kept, upright as EXIF says', () => {
    const size = (page: number) => /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(run('pdfinfo', ['-f', String(page), '-l', String(page), fileOf(merged.pdf)]).out)!.slice(1).map(Number);
    expect(size(8)).toEqual([841.89, 595.28]); // a landscape JPEG on a landscape page
    expect(size(9)).toEqual([595.28, 841.89]);
    expect(size(22)).toEqual([595.28, 841.89]); // stored 400×300, EXIF 6: seen 300×400
    // The JPEGs are embedded as they are (DCTDecode, no re-encoding).
    expect(merged.pdf.indexOf(Buffer.from(jpeg))).toBeGreaterThan(0);
    expect(merged.pdf.indexOf(upright)).toBeGreaterThan(0);
    const images = run('pdfimages', ['-list', fileOf(merged.pdf)]).out.split('\n').filter((l) => /^\s*\d+\s+\d+\s+(image|smask)/.test(l));
    const row = (page: number) => images.filter((l) => l.trim().split(/\s+/)[0] === String(page)).map((l) => l.trim().split(/\s+/).slice(2, 6).concat(l.trim().split(/\s+/)[8]!));
    expect(row(8)).toEqual([['image', '400', '300', 'rgb', 'jpeg']]);
    expect(row(9)).toEqual([['image', '300', '500', 'rgb', 'image']]);
    expect(row(23).map((r) => r[0])).toEqual(['image', 'smask']); // the RGBA PNG keeps its transparency
    // Drawn on the page, the EXIF-6 image is taller than wide, and its aspect ratio is kept (3:4).
    // (The lowest 6 % of the page, with the page-number line, is left out.)
    const drawn = inkBox(render(merged.pdf, 22), 0, 0.94);
    expect(drawn.height / drawn.width).toBeCloseTo(4 / 3, 1);
  });

  it('draws the page number at the bottom of a turned page as it is seen, upright and centred', () => {
    const turned = render(merged.pdf, 25);
    expect(turned.width).toBeGreaterThan(turned.height); // /Rotate 90: seen as landscape
    // The only ink in the lowest 6 % of the page, as it is seen, is the page-number line, centred.
    const footer = inkBox(turned, 0.94, 1);
    expect(footer.height).toBeLessThan(footer.width / 4); // a line of text, not turned on its side
    expect(Math.abs(footer.x0 + footer.width / 2 - turned.width / 2)).toBeLessThan(turned.width * 0.05);
  });
});

/** A page rendered by pdftoppm at 20 dpi, in grey. */
function render(pdf: Buffer, page: number): { width: number; height: number; pixels: Buffer } {
  const pgm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '20', '-gray', fileOf(pdf)]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: pgm.subarray(header[0].length) };
}

/** The bounding box (in pixels) of what is drawn between the fractions `from` and `to` of the page's height. */
function inkBox(page: { width: number; height: number; pixels: Buffer }, from: number, to: number): { x0: number; width: number; height: number } {
  const { width: w, height: h, pixels } = page;
  let [x0, y0, x1, y1] = [w, h, -1, -1];
  for (let y = Math.floor(h * from); y < Math.min(h, Math.ceil(h * to)); y++)
    for (let x = 0; x < w; x++)
      if ((pixels[y * w + x] as number) < 200) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return { x0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

describe('the merged dossier is PDF/A-2b (ISO 19005-2) for what the app writes (issue 15)', () => {
  let pdf: Buffer;

  beforeAll(async () => {
    const { order, signed } = await generatedDocuments();
    const input = caseInput(
      items({ '6.3': [source('Prašymas', 'prasymas.jpg', 'jpeg', jpegImage(300, 400))], '6.10': [source('Pasas', 'pasas.png', 'png', pngImage(500, 300))] }, { '6.1': ['Rizikos lygis: žema'] }),
      [source('V-1 Įsakymas', 'V-1.pdf', 'pdf', order), source('V-1 Įsakymas (pasirašytas)', 'V-1-p.pdf', 'pdf', signed)],
    );
    pdf = (await merge(input)).pdf;
  });

  it('identifies as PDF/A-2b: XMP part 2, conformance B, dc:title; an sRGB output intent; a trailer /ID; no encryption', () => {
    const text = pdf.toString('latin1');
    expect(text).toContain('<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>');
    expect(pdf.toString('utf8')).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Byla 2026-0042: Jonas Jonaitis</rdf:li></rdf:Alt></dc:title>');
    expect(text).toMatch(/\/S \/GTS_PDFA1 \/OutputConditionIdentifier \(sRGB IEC61966-2.1\)/);
    expect(text).toMatch(/trailer\n<<[^>]*\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    expect(text).not.toContain('/Encrypt');
  });

  it('passes PDFBox preflight (its PDF/A-1b rules, stricter than part 2 for what is written here) on a copy whose XMP says part 1', () => {
    const partOne = Buffer.from(pdf.toString('latin1').replace('<pdfaid:part>2</pdfaid:part>', '<pdfaid:part>1</pdfaid:part>'), 'latin1');
    expect(partOne.length).toBe(pdf.length);
    const result = preflight(partOne);
    expect(result.out).toContain('is a valid PDF/A-1b file');
    expect(qpdfCheck(pdf).status).toBe(0);
  });
});

/**
 * A one-page PDF of about `bytes`, a heavy scan (an uncompressed grey image of random pixels), written
 * to `path` in small pieces: making the test's documents leaves no large garbage in this process that
 * would blur the memory measured afterwards.
 */
function writeScanPdf(path: string, bytes: number): string {
  const width = 1024;
  const height = Math.floor(bytes / width);
  const content = 'q 495 0 0 742 50 50 cm /Scan Do Q';
  const fd = openSync(path, 'w');
  let at = 0;
  const offsets: number[] = [];
  const put = (data: string | Buffer) => (at += writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'latin1') : data));
  const object = (body: string) => {
    offsets.push(at);
    put(`${offsets.length} 0 obj\n${body}\nendobj\n`);
  };
  put('%PDF-1.4\n');
  object('<</Type /Catalog /Pages 2 0 R>>');
  object('<</Type /Pages /Kids [3 0 R] /Count 1>>');
  object('<</Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources <</XObject <</Scan 4 0 R>>>> /Contents 5 0 R>>');
  offsets.push(at);
  put(`4 0 obj\n<</Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${width * height}>>\nstream\n`);
  for (let left = width * height; left > 0; left -= 65536) put(randomBytes(Math.min(65536, left)));
  put('\nendstream\nendobj\n');
  object(`<</Length ${content.length}>>\nstream\n${content}\nendstream`);
  const xref = at;
  put(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f\r\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`);
  put(`trailer\n<</Size ${offsets.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`);
  closeSync(fd);
  return path;
}

describe('the merged dossier streams: memory stays bounded by one document, not the case (issue 15)', () => {
  it('merges 60 MB of documents with the process growing far less than that', async () => {
    const dir = mkdtempSync(join(work, 'large-'));
    const files = Array.from({ length: 12 }, (_, i) => writeScanPdf(join(dir, `scan-${i}.pdf`), 5 * 1024 * 1024));
    const fromDisk = (path: string, i: number): MergedSource => ({ title: `Skenuotas dokumentas ${i + 1}`, name: `scan-${i}.pdf`, kind: 'pdf', size: statSync(path).size, open: () => readFile(path) });
    const input = caseInput(items({ '6.11': files.map(fromDisk) }), []);
    const target = join(dir, 'merged.pdf');

    // A first, small merge loads the fonts and the code; the baseline is taken after it.
    await merge(caseInput(items({}), []));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
    const timer = setInterval(sample, 5);
    const out = createWriteStream(target);
    out.on('drain', sample);
    const started = Date.now();
    const result = await writeMergedDossier({ ...input, items: input.items.map((i) => ({ ...i, documents: i.documents.map((d) => ({ ...d, open: () => d.open().finally(sample) })) })) }, out, FONTS);
    const elapsed = Date.now() - started;
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    clearInterval(timer);
    sample();

    expect(statSync(target).size).toBe(result.bytes);
    expect(result.bytes).toBeGreaterThan(60 * 1024 * 1024);
    expect(result.pages).toBe(2 + 11 + 12); // cover, contents, 11 separators, 12 scans
    expect(run('qpdf', ['--check', target]).status).toBe(0);
    const growth = (peak - baseline) / (1024 * 1024);
    console.info(`merged ${(result.bytes / 1048576).toFixed(0)} MB in ${elapsed} ms; RSS grew ${growth.toFixed(1)} MB`);
    // A writer holding the file, or every document, would grow by more than the 60 MB it merges.
    // Streaming holds one 5 MB document at a time; what else shows is garbage the collector has not
    // yet returned (measured here: 5–30 MB), hence the margin.
    expect(growth).toBeLessThan(40);
  });

  it('stops with an error, not a hang, when the output is closed half way (a cancelled export)', async () => {
    // The reader takes one chunk, then goes away (the user cancelled): the second is never taken.
    let taken = 0;
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(_chunk, _encoding, done) {
        if (++taken === 2) out.destroy();
        else setImmediate(done);
      },
    });
    const big = await largePdf(2 * 1024 * 1024);
    await expect(writeMergedDossier(caseInput(items({ '6.1': [source('Skenas', 'skenas.pdf', 'pdf', big)] }), []), out, FONTS)).rejects.toThrow(/closed before the file was whole/);
  });
});
