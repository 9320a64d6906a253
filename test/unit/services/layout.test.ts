import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFaces, type Faces, type PreparedFace } from '../../../electron/services/pdf/fonts';
import { layOut, PAGE, type LaidOut, type SignatureSlot } from '../../../electron/services/pdf/layout';
import type { Block, DocumentModel, SignatureLine } from '../../../shared/domain/documents/documentModel';

/**
 * The signature block on the page (issue 12): it never stands alone on a page — the end of the text
 * goes over with it — and the rectangle where the signature's stamp is drawn touches no text or rule
 * painted on its page. Documents are built so that their text ends at every distance from the bottom
 * of a page, and the laid-out pages are read back: each painted line's box against each slot.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
const MM = 72 / 25.4;
/** The least room the test accepts between a stamp and any painted text or rule. */
const MARGIN = 6;

let faces: Faces;
beforeAll(async () => {
  faces = await loadFaces(FONTS);
});

/** What was painted on a page: a line of text (its box and what it says) or a rule. */
interface Painted {
  text: string;
  box: [number, number, number, number];
}

const decode = (face: PreparedFace, hex: string) => (hex.match(/.{4}/g) ?? []).map((cid) => face.unicode[parseInt(cid, 16)] ?? '').join('');
const advance = (face: PreparedFace, hex: string, size: number) =>
  ((hex.match(/.{4}/g) ?? []).reduce((w, cid) => w + (face.widths[parseInt(cid, 16)] ?? 0), 0) * size) / 1000;

/** Reads a page's content stream back: every text line and rule with its box. */
function painted(content: string): Painted[] {
  const out: Painted[] = [];
  for (const op of content.split('\n')) {
    const text = /^BT \/(F[12]) ([\d.]+) Tf ([\d.-]+) ([\d.-]+) Td (.*) (Tj|TJ) ET$/.exec(op);
    if (text) {
      const [, font, sizeText, xText, yText, shown] = text as unknown as [string, string, string, string, string, string];
      const face = font === 'F1' ? faces.regular : faces.bold;
      const size = Number(sizeText);
      const [x, y] = [Number(xText), Number(yText)];
      let width = 0;
      let said = '';
      for (const [, hex, shift] of shown.matchAll(/<([0-9a-f]*)>|(-?[\d.]+)/g)) {
        if (hex !== undefined) {
          width += advance(face, hex, size);
          said += decode(face, hex);
        } else width -= (Number(shift) * size) / 1000;
      }
      out.push({ text: said, box: [x, y + (face.descent * size) / 1000, x + width, y + (face.ascent * size) / 1000] });
      continue;
    }
    const rule = /^[\d.]+ w ([\d.-]+) ([\d.-]+) m ([\d.-]+) ([\d.-]+) l S$/.exec(op);
    if (rule) {
      const [x1, y1, x2, y2] = rule.slice(1).map(Number) as [number, number, number, number];
      out.push({ text: '', box: [Math.min(x1, x2), Math.min(y1, y2) - 0.25, Math.max(x1, x2), Math.max(y1, y2) + 0.25] });
      continue;
    }
    throw new Error(`unexpected operator in the content: ${op}`);
  }
  return out;
}

/** How far apart two boxes are (0 when they touch or overlap). */
function distance(a: readonly number[], b: readonly number[]): number {
  const [ax1, ay1, ax2, ay2] = a as [number, number, number, number];
  const [bx1, by1, bx2, by2] = b as [number, number, number, number];
  const dx = Math.max(0, bx1 - ax2, ax1 - bx2);
  const dy = Math.max(0, by1 - ay2, ay1 - by2);
  return Math.hypot(dx, dy);
}

const DIRECTOR: SignatureLine = { role: 'director', position: 'Direktorius', name: 'Ąžuolas Žėkas' };
const MINUTES: SignatureLine[] = [
  { role: 'chair', position: 'Posėdžio pirmininkas', name: 'Algirdas Šimkus' },
  { role: 'secretary', position: 'Posėdžio sekretorė', name: 'Ieva Kazlauskė' },
];
const ACTING: SignatureLine = {
  role: 'director',
  position: 'Direktoriaus pavaduotojas, laikinai einantis direktoriaus pareigas pagal direktoriaus pavedimą',
  name: 'Gintarė Vaitkevičiūtė-Jankauskienė',
};

const LAST = 'Paskutinė pastraipa';

/** A document of `filler` one-line paragraphs, then a last paragraph of `lastLines` lines, and maybe annexes. */
function model(filler: number, lastLines: number, signatures: SignatureLine[], extra: { annexes?: string[]; table?: number } = {}): DocumentModel {
  const body: Block[] = Array.from({ length: filler }, (_, i) => ({ kind: 'paragraph', text: `Užpildo eilutė ${i + 1}.` }));
  if (extra.table) {
    body.push({
      kind: 'table',
      columns: [
        { title: 'Eil. Nr.', width: 0.2 },
        { title: 'Nuteistasis', width: 0.8 },
      ],
      rows: Array.from({ length: extra.table }, (_, i) => [`${i + 1}.`, `Nuteistasis ${i + 1}`]),
    });
  } else {
    body.push({ kind: 'heading', text: 'Baigiamosios nuostatos' });
    const words = Array.from({ length: lastLines * 12 }, (_, i) => `žodis${i}`).join(' ');
    body.push({ kind: 'paragraph', text: `${LAST} ${words} pabaiga.` });
  }
  return {
    kind: 'order',
    templateVersion: 'test@1',
    institution: 'Pravieniškių pataisos namai-atviroji kolonija',
    documentType: 'ĮSAKYMAS',
    title: 'DĖL BANDYMO',
    date: '2026-11-23',
    registrationNumber: 'Į-1',
    place: 'Pravieniškės',
    body,
    annexes: extra.annexes ?? [],
    signatures,
  };
}

/** Every check of one laid-out document. */
function check(laid: LaidOut, doc: DocumentModel) {
  const signatureTexts = new Set(doc.signatures.flatMap((s) => [s.position, s.name]));
  const pageNumber = /^\d+$/;
  laid.slots.forEach((slot: SignatureSlot, i) => {
    const [x1, y1, x2, y2] = slot.rect;
    // Inside the text area: 20 mm from the top and bottom edges, 30 mm left, 10 mm right.
    expect(y1).toBeGreaterThanOrEqual(20 * MM - 0.01);
    expect(y2).toBeLessThanOrEqual(PAGE.height - 20 * MM + 0.01);
    expect(x1).toBeGreaterThanOrEqual(30 * MM - 0.01);
    expect(x2).toBeLessThanOrEqual(PAGE.width - 10 * MM + 0.01);
    // Clear of every line and rule painted on its page, its own position and name included.
    for (const p of painted(laid.pages[slot.page] as string)) {
      expect(distance(slot.rect, p.box), `the stamp of ${slot.role} touches "${p.text}"`).toBeGreaterThanOrEqual(MARGIN);
    }
    // Clear of the other stamps.
    laid.slots.forEach((other, j) => {
      if (j !== i && other.page === slot.page) expect(distance(slot.rect, other.rect)).toBeGreaterThanOrEqual(MARGIN);
    });
    // Never alone: body text stands above the signatures on their page.
    const body = painted(laid.pages[slot.page] as string).filter((p) => p.text !== '' && !pageNumber.test(p.text) && !signatureTexts.has(p.text));
    expect(body.length, `the signature of ${slot.role} stands alone on page ${slot.page + 1}`).toBeGreaterThan(0);
  });
  // Every signature on the same page, and no empty page.
  expect(new Set(laid.slots.map((s) => s.page)).size).toBe(1);
  laid.pages.forEach((content) => expect(painted(content).some((p) => p.text !== '' && !pageNumber.test(p.text))).toBe(true));
}

/** The pages a text starting with `start` has lines on. */
function pagesOf(laid: LaidOut, start: string, lines: number): number[] {
  const pages: number[] = [];
  laid.pages.forEach((content, page) => {
    const texts = painted(content).map((p) => p.text);
    const at = texts.findIndex((t) => t.startsWith(start));
    if (at >= 0) for (let k = 0; k < lines && at + k < texts.length; k++) pages.push(page);
  });
  return pages;
}

const FILLERS = Array.from({ length: 30 }, (_, i) => 30 + i);

describe('the signature block on the page (issue 12)', () => {
  it.each([
    ['the director', [DIRECTOR]],
    ['the chair and the secretary (V-77 p. 9 minutes)', MINUTES],
    ['an acting director with a long position and a long name', [ACTING]],
  ] as const)('V-77 p. 13: with %s, never stands alone on a page and the stamps touch no text, wherever the text ends', (_who, signers) => {
    let turned = 0;
    for (const filler of FILLERS) {
      const doc = model(filler, 3, [...signers]);
      const laid = layOut(doc, faces);
      check(laid, doc);
      const page = laid.slots[0]?.page ?? -1;
      // The last paragraph (three lines) and its heading are on the signatures' page, whole.
      const last = painted(laid.pages[page] as string).map((p) => p.text);
      expect(last.some((t) => t.startsWith(LAST))).toBe(true);
      expect(last).toContain('Baigiamosios nuostatos');
      if (page > 0 && last.filter((t) => t.startsWith('Užpildo')).length === 0) turned++;
    }
    // Some of these documents had their text end at the foot of a page: the end went over with the signatures.
    expect(turned).toBeGreaterThan(0);
  });

  it('of a long last paragraph, its last lines go over with the signatures', () => {
    let turned = 0;
    for (const filler of FILLERS) {
      const doc = model(filler, 9, [DIRECTOR]);
      const laid = layOut(doc, faces);
      check(laid, doc);
      const page = laid.slots[0]?.page ?? -1;
      const texts = painted(laid.pages[page] as string).filter((p) => p.text.startsWith('žodis') || p.text.startsWith(LAST) || p.text.endsWith('pabaiga.'));
      expect(texts.length).toBeGreaterThanOrEqual(3);
      if (pagesOf(laid, LAST, 1)[0] !== page) turned++;
    }
    expect(turned).toBeGreaterThan(0);
  });

  it('V-77 p. 45: annexes under "PRIDEDAMA" go over with the signatures, heading and all', () => {
    for (const filler of FILLERS) {
      const doc = model(filler, 1, [DIRECTOR], { annexes: ['Tarnybinis pranešimas, 1 lapas.', 'Paaiškinimas, 2 lapai.'] });
      const laid = layOut(doc, faces);
      check(laid, doc);
      const texts = painted(laid.pages[laid.slots[0]?.page ?? -1] as string).map((p) => p.text);
      expect(texts).toContain('PRIDEDAMA:');
      expect(texts).toContain('Paaiškinimas, 2 lapai.');
    }
  });

  it('V-77 p. 12: a list ending in a table takes its last rows over with the signature', () => {
    let turned = 0;
    for (const rows of Array.from({ length: 30 }, (_, i) => 30 + i)) {
      const doc = model(8, 0, [DIRECTOR], { table: rows });
      const laid = layOut(doc, faces);
      check(laid, doc);
      const texts = painted(laid.pages[laid.slots[0]?.page ?? -1] as string).map((p) => p.text);
      for (const row of [rows - 2, rows - 1, rows]) expect(texts).toContain(`Nuteistasis ${row}`);
      if (laid.pages.length > 1 && (laid.slots[0]?.page ?? 0) > 0) turned++;
    }
    expect(turned).toBeGreaterThan(0);
  });

  it('a long name moves the stamp left, never under the name', () => {
    const laid = layOut(model(1, 1, [ACTING]), faces);
    const [slot] = laid.slots;
    const name = painted(laid.pages[0] as string).find((p) => p.text === ACTING.name);
    expect(name).toBeDefined();
    expect((name?.box[0] ?? 0) - (slot?.rect[2] ?? Infinity)).toBeGreaterThanOrEqual(MARGIN);
  });
});
