/**
 * Real documents for tests of the dossier (V-77 p. 6: the material the commission receives, item by
 * item 6.1–6.11): PDFs made with pdf-lib (encrypted ones by qpdf), PNGs built chunk by chunk with
 * node:zlib, JPEGs encoded by jpeg-js. Nothing here is a hard-coded fake: every file opens in a viewer
 * (except the deliberately broken ones) and `pdfinfo` accepts every valid PDF.
 *
 * Used by unit and integration tests, the end-to-end tests in Chromium, and the store benchmark.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, StandardFonts, rgb } from 'pdf-lib';
import { asciiText, wrap } from '../../electron/cli/demoDocuments';
import type { TemplateRequest } from '../../shared/domain/documents/templates';
import { periodStatistics } from '../../shared/domain/statistics';
import {
  caseElsewhere,
  caseHere,
  commissionDecision,
  favourableEvaluation,
  HALFWAY_HOUSE,
  institution,
  meeting,
  REFUSAL_RATIONALE,
  unfavourableEvaluation,
} from '../unit/domain/documents/fixtures';

/** A4 in points. */
const A4: [number, number] = [595.28, 841.89];
/** A fixed date, so that the same options give the same PDF bytes. */
const FIXED_DATE = new Date('2026-01-05T09:00:00Z');


async function buildPdf(pages: number, text: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('Pusiaukele test documents');
  doc.setCreator('Pusiaukele test documents');
  doc.setTitle(asciiText(text));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(A4);
    page.drawText(`Page ${n}`, { x: 60, y: 720, size: 64, font: bold, color: rgb(0.1, 0.1, 0.4) });
    let y = 620;
    for (const line of wrap(asciiText(text), 26)) {
      page.drawText(line, { x: 60, y, size: 32, font });
      y -= 44;
    }
    page.drawText(`${n} / ${pages}`, { x: 60, y: 60, size: 14, font });
  }
  return doc;
}

/**
 * A real PDF of `pages` A4 pages (default 1), each showing "Page N" and `text` (default
 * "Pusiaukele test document") in large letters, so that a viewer test can tell the pages apart.
 * Deterministic: the same options give the same bytes. Classic cross-reference table (no object streams).
 */
export async function pdfDocument(options: { pages?: number; text?: string } = {}): Promise<Uint8Array> {
  const doc = await buildPdf(options.pages ?? 1, options.text ?? 'Pusiaukele test document');
  return doc.save({ useObjectStreams: false });
}

/**
 * A valid one-page PDF of about `targetBytes` (within a few hundred bytes, never under 2 kB): the page
 * carries an unused uncompressed greyscale image XObject of random bytes ("a heavy scan"), which
 * `pdfinfo` accepts and a viewer does not have to decode. A 50 MB one takes well under a second or two.
 */
export async function largePdf(targetBytes: number): Promise<Uint8Array> {
  const text = 'Large test document';
  const base = (await pdfDocument({ text })).length;
  // The image object's own dictionary, header and cross-reference entry cost about 200 bytes.
  const width = 1024;
  const height = Math.max(1, Math.floor((targetBytes - base - 200) / width));
  const doc = await buildPdf(1, text);
  const pixels = randomBytes(width * height);
  const image = doc.context.stream(pixels, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
  });
  doc.getPage(0).node.setXObject(PDFName.of('Scan'), doc.context.register(image));
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** Run qpdf on a PDF through temp files, which are removed afterwards. */
function throughQpdf(input: Uint8Array, args: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'pusiaukele-qpdf-'));
  try {
    const inFile = join(dir, 'in.pdf');
    const outFile = join(dir, 'out.pdf');
    writeFileSync(inFile, input);
    execFileSync('qpdf', [...args, inFile, outFile], { stdio: 'pipe' });
    return new Uint8Array(readFileSync(outFile));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A real password-protected PDF (AES-256, user password "user-pw", owner password "owner-pw"),
 * encrypted by qpdf. With `xrefStream: true` qpdf also packs objects into object streams, so that
 * `/Encrypt` is in a cross-reference stream dictionary instead of a `trailer`. With `linearize: true`
 * the file is "optimised for the web": `startxref` points to the first-page table at the front, and
 * only that table's trailer carries `/Encrypt` (the last trailer in the tail does not).
 */
export async function encryptedPdf(options: { xrefStream?: boolean; linearize?: boolean } = {}): Promise<Uint8Array> {
  const plain = await pdfDocument({ pages: 2, text: 'Encrypted test document' });
  const layout = [...(options.xrefStream ? ['--object-streams=generate'] : []), ...(options.linearize ? ['--linearize'] : [])];
  return throughQpdf(plain, [...layout, '--encrypt', 'user-pw', 'owner-pw', '256', '--']);
}

/**
 * A valid, unencrypted 3-page PDF rewritten by qpdf with a cross-reference stream instead of a classic
 * table (object streams); `linearize: true` also linearizes it ("optimised for the web").
 */
export async function xrefStreamPdf(options: { linearize?: boolean } = {}): Promise<Uint8Array> {
  const plain = await pdfDocument({ pages: 3, text: 'Cross-reference stream' });
  return throughQpdf(plain, ['--object-streams=generate', ...(options.linearize ? ['--linearize'] : [])]);
}

/** A real 3-page PDF cut roughly in half, as an interrupted copy leaves it. */
export async function truncatedPdf(): Promise<Uint8Array> {
  const whole = await pdfDocument({ pages: 3, text: 'Truncated test document' });
  return whole.slice(0, Math.floor(whole.length / 2));
}

/** One PNG chunk: length, type, data, CRC (ISO 15948 §5.3). */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/**
 * A real RGB PNG (8 bits per channel, no interlace): a diagonal gradient with dark stripes every 16
 * pixels, so that it is visibly an image. Deterministic.
 */
export function pngImage(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, adaptive filter, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const stripe = (x + y) % 16 < 3;
      const at = row + 1 + x * 3;
      rows[at] = stripe ? 20 : (x * 255) / Math.max(1, width - 1);
      rows[at + 1] = stripe ? 20 : (y * 255) / Math.max(1, height - 1);
      rows[at + 2] = stripe ? 60 : 160;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array(0))]),
  );
}

/** A real baseline JPEG encoded by jpeg-js (quality 80): the same pattern as pngImage. Deterministic. */
export function jpegImage(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const stripe = (x + y) % 16 < 3;
      const at = (y * width + x) * 4;
      data[at] = stripe ? 20 : (x * 255) / Math.max(1, width - 1);
      data[at + 1] = stripe ? 20 : (y * 255) / Math.max(1, height - 1);
      data[at + 2] = stripe ? 60 : 160;
      data[at + 3] = 255;
    }
  }
  return new Uint8Array(jpeg.encode({ width, height, data }, 80).data);
}

/**
 * What an .exe renamed .pdf looks like: a DOS (MZ) header whose e_lfanew points at a "PE\0\0"
 * signature and a minimal COFF header for x86-64, with the usual DOS stub message. Not runnable.
 */
export function windowsProgram(): Uint8Array {
  const exe = Buffer.alloc(512);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt16LE(0x90, 2); // bytes on the last page
  exe.writeUInt16LE(3, 4); // pages
  exe.writeUInt16LE(4, 8); // header size in paragraphs
  exe.writeUInt16LE(0xffff, 0x0c); // max extra paragraphs
  exe.writeUInt16LE(0xb8, 0x10); // initial SP
  exe.writeUInt16LE(0x40, 0x18); // relocation table offset
  exe.writeUInt32LE(0x80, 0x3c); // e_lfanew
  exe.set([0x0e, 0x1f, 0xba, 0x0e, 0x00, 0xb4, 0x09, 0xcd, 0x21, 0xb8, 0x01, 0x4c, 0xcd, 0x21], 0x40); // DOS stub code
  exe.write('This program cannot be run in DOS mode.\r\r\n$', 0x4e, 'latin1');
  exe.write('PE\0\0', 0x80, 'latin1');
  exe.writeUInt16LE(0x8664, 0x84); // machine: x86-64
  exe.writeUInt16LE(1, 0x86); // number of sections
  exe.writeUInt16LE(0xf0, 0x94); // size of optional header
  exe.writeUInt16LE(0x22, 0x96); // characteristics: executable, large address aware
  exe.writeUInt16LE(0x20b, 0x98); // optional header magic: PE32+
  return new Uint8Array(exe);
}

/** One file of the end-to-end dossier folder. */
export interface DossierFolderFile {
  /** The file name written into the folder. */
  file: string;
  /** The dossier item the file NAME proposes ("6.1" … "6.11"), or null when the name carries no item number. */
  proposed: string | null;
  /** The dossier item the document really belongs to (what its content says), always set. */
  belongsTo: string;
  /** The content kind of the file. */
  kind: 'pdf' | 'jpeg' | 'png';
}

/**
 * The dossier folder of the end-to-end tests: eleven documents, one per V-77 p. 6 item (6.1–6.11),
 * named as a secretary's folder really is: "6.1 …", "6_2 …", "6-4 …", one file for 6.7 (the judgment
 * extract) with no item number at all, the identity document (6.10) as a JPEG scan and the other
 * material (6.11) as a PNG. PDFs have 1–2 pages and say which item they are.
 */
export const DOSSIER_FOLDER: readonly Omit<DossierFolderFile, 'kind'>[] = [
  { file: '6.1 rizikos vertinimas.pdf', proposed: '6.1', belongsTo: '6.1' },
  { file: '6_2 socialinio tyrimo išvada.pdf', proposed: '6.2', belongsTo: '6.2' },
  { file: '6.3 prašymas ir sutikimas.pdf', proposed: '6.3', belongsTo: '6.3' },
  { file: '6-4 sutikimas dirbti.pdf', proposed: '6.4', belongsTo: '6.4' },
  { file: '6.5 skolos.pdf', proposed: '6.5', belongsTo: '6.5' },
  { file: '6.6 teistumai.pdf', proposed: '6.6', belongsTo: '6.6' },
  { file: 'nuosprendzio israsas.pdf', proposed: null, belongsTo: '6.7' },
  { file: '6.8 pazeidimai ir paskatinimai.pdf', proposed: '6.8', belongsTo: '6.8' },
  { file: '6.9 apribojimai.pdf', proposed: '6.9', belongsTo: '6.9' },
  { file: '6.10 asmens dokumentas.jpg', proposed: '6.10', belongsTo: '6.10' },
  { file: '6.11 kita medziaga.png', proposed: '6.11', belongsTo: '6.11' },
];

/**
 * Write the eleven documents of DOSSIER_FOLDER into `dir` (which must exist) and return them in that
 * order: `file` (the name), `proposed` (the item its name proposes, null for the unnumbered one),
 * `belongsTo` (the item it really is) and `kind`. PDFs with an even item number have 2 pages.
 */
export async function writeDossierFolder(dir: string): Promise<DossierFolderFile[]> {
  const written: DossierFolderFile[] = [];
  for (const entry of DOSSIER_FOLDER) {
    const [, minor] = entry.belongsTo.split('.');
    let bytes: Uint8Array;
    let kind: DossierFolderFile['kind'];
    if (entry.file.endsWith('.jpg')) {
      bytes = jpegImage(640, 400);
      kind = 'jpeg';
    } else if (entry.file.endsWith('.png')) {
      bytes = pngImage(600, 800);
      kind = 'png';
    } else {
      bytes = await pdfDocument({ pages: Number(minor) % 2 === 0 ? 2 : 1, text: `V-77 item ${entry.belongsTo}` });
      kind = 'pdf';
    }
    writeFileSync(join(dir, entry.file), bytes);
    written.push({ ...entry, kind });
  }
  return written;
}

// ---- The app's own documents ----

const ref = { date: '2026-11-20', number: 'DKS-7' };
const employee = { name: 'Tomas Šaulys', position: 'Pusiaukelės namų vyresnysis specialistas' };

/**
 * The sources of every kind of document the app issues (DOCUMENT_KINDS; V-77 p. 9–16, 22–23, 45–47,
 * seed 001, issue 17), the proposal in each of its four variants 10.1–10.4: what the PDF tests of
 * the generated documents (issue 6) and of their format (issue 18) write, sign and read back.
 */
export const EVERY_KIND: readonly TemplateRequest[] = [
  { kind: 'minutes', sources: { institution, meeting } },
  ...(['10.1', '10.2', '10.3', '10.4'] as const).map(
    (d): TemplateRequest => ({
      kind: 'proposal',
      sources: {
        institution,
        case: d === '10.1' || d === '10.2' ? caseHere : caseElsewhere,
        commission: commissionDecision(d, d === '10.1' || d === '10.3' ? favourableEvaluation : unfavourableEvaluation, d === '10.2' || d === '10.4' ? REFUSAL_RATIONALE : ''),
        tally: { for: 3, against: 1, abstain: 0, decidedByChair: false },
        chairName: 'Algirdas Šimkus',
      },
    }),
  ),
  { kind: 'order', sources: { institution, case: caseHere, proposal: ref, minutes: ref } },
  { kind: 'declineDecision', sources: { institution, case: caseHere, proposal: ref, minutes: ref, reasons: 'Pusiaukelės namuose nėra laisvos vietos – „ąčęėįšųūž“.' } },
  { kind: 'submission', sources: { institution, case: caseElsewhere, proposal: ref, minutes: ref, rationale: '' } },
  { kind: 'letter', sources: { institution, case: caseElsewhere, commission: commissionDecision('10.4', unfavourableEvaluation, REFUSAL_RATIONALE), refusedOn: '2026-11-30' } },
  {
    kind: 'list',
    sources: {
      institution,
      keeper: employee,
      entries: [
        { convict: caseHere.convict, requestDate: caseHere.requestDate, decision: '10.1', decidedOn: '2026-11-20', servingInstitution: caseHere.servingInstitution },
        { convict: caseElsewhere.convict, requestDate: caseElsewhere.requestDate, decision: '10.3', decidedOn: '2026-11-20', servingInstitution: caseElsewhere.servingInstitution },
      ],
    },
  },
  { kind: 'returnSubmission', sources: { institution, convict: caseHere.convict, halfwayHouse: HALFWAY_HOUSE, employee, reasons: 'Nuteistasis vėlavo grįžti į pusiaukelės namus.', annexes: ['Tarnybinis pranešimas, 1 lapas.'] } },
  { kind: 'returnDecision', sources: { institution, convict: caseHere.convict, halfwayHouse: HALFWAY_HOUSE, submission: ref, reasons: 'Pažeidė pusiaukelės namų vidaus tvarkos taisykles.' } },
  // Issue 14: the director's notices about our convict (V-77 p. 47; seed 001, the social integration model).
  {
    kind: 'p47Notice',
    sources: {
      institution,
      case: { ...caseHere, halfwayHouse: 'Panevėžio pataisos namų pusiaukelės namai' },
      recipient: 'Panevėžio pataisos namai',
      dossierSentOn: '2026-11-16',
      circumstances: 'Nuteistajam pareikšti įtarimai dėl naujos nusikalstamos veikos – „ąčęėįšųūž“.',
    },
  },
  {
    kind: 'municipalityNotice',
    sources: {
      institution,
      case: caseHere,
      municipality: 'Kėdainių rajono savivaldybės administracija',
      socialWorker: { name: 'Laura Petrauskienė', phone: '+370 612 34567', email: 'laura.petrauskiene@pravieniskiu-pn.lt' },
    },
  },
  // V-77 p. 22–23: the notice of our convict's arrival to the other institution's director.
  {
    kind: 'transferNotice',
    sources: {
      institution,
      case: { ...caseHere, halfwayHouse: 'Panevėžio pataisos namų pusiaukelės namai' },
      recipient: 'Panevėžio pataisos namai',
      departureOn: '2026-12-07',
      annexes: ['Nuteistojo nuotrauka, 1 lapas.', 'Asmens žymių aprašas, 1 lapas.'],
    },
  },
  // Issue 17: the report to the Prison Department: every figure, and the places for a year at each month's end.
  {
    kind: 'statisticsReport',
    sources: {
      institution,
      statistics: {
        ...periodStatistics([], 0, { runsHalfwayHouse: true, places: 24 }, { from: '2026-01-01', to: '2026-12-31' }),
        requests: 42,
        decisions: { '10.1': 12, '10.2': 5, '10.3': 7, '10.4': 3, unknown: 1 },
        decisionDays: { count: 28, median: 24.5, q1: 19.3, q3: 31, min: 12, max: 70 },
        p7: { kept: 30, late: 3, overdue: 2 },
      },
    },
  },
];
