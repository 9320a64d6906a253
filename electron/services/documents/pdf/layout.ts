import { formatLtDate } from '../../../../shared/domain/calendar';
import type { Block, DocumentModel, SignerRole } from '../../../../shared/domain/documents/documentModel';
import { encodeText, missingCharacters, textWidth, unsupportedText, type Faces, type PreparedFace } from './fonts';

/**
 * Lays a document model out on A4 pages as the Lithuanian document-drafting rules want it: margins
 * left 30 mm, right 10 mm, top and bottom 20 mm; the institution, document type, title, date and
 * number, and place centred; body text 12 pt, justified, first lines indented; page numbers at the
 * top centre from the second page; annexes under "PRIDEDAMA"; a signature block with the position on
 * the left and the name on the right, and the space between them kept for the signature's stamp.
 */
export const PAGE = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;
const LEFT = 30 * MM;
const RIGHT = PAGE.width - 10 * MM;
const TOP = PAGE.height - 20 * MM;
const BOTTOM = 20 * MM;
const WIDTH = RIGHT - LEFT;
const BODY = 12;
const LEADING = 14.4;
const SMALL = 10;
const INDENT = 12.7 * MM;

/** Where a signer's visible stamp goes: the page (0-based) and the rectangle [x1 y1 x2 y2]. */
export interface SignatureSlot {
  role: SignerRole;
  name: string;
  /** The position the line names, which the stamp repeats. */
  position: string;
  page: number;
  rect: [number, number, number, number];
}

export interface LaidOut {
  /** Each page's content stream (PDF operators). */
  pages: string[];
  slots: SignatureSlot[];
}

const FONT_KEYS = { regular: 'F1', bold: 'F2' } as const;

class Pages {
  readonly pages: string[][] = [[]];
  y = TOP;
  constructor(private readonly faces: Faces) {}

  get current(): string[] {
    return this.pages[this.pages.length - 1] as string[];
  }
  get index(): number {
    return this.pages.length - 1;
  }

  newPage() {
    this.pages.push([]);
    this.y = TOP;
    const label = `${this.pages.length}`;
    this.text(label, this.faces.regular, SMALL, (PAGE.width - textWidth(this.faces.regular, label, SMALL)) / 2, PAGE.height - 12 * MM);
  }

  /** Room for `height` more points on this page, or a new page. */
  need(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  text(s: string, face: PreparedFace, size: number, x: number, y: number, wordSpacing = 0) {
    const key = FONT_KEYS[face.name];
    if (wordSpacing === 0 || !s.includes(' ')) {
      this.current.push(`BT /${key} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${encodeText(face, s)} Tj ET`);
      return;
    }
    // Justification: widen each space by moving the text after it (Tw does not apply to 2-byte codes).
    const shift = (-wordSpacing * 1000) / size;
    const parts = s.split(' ').map((w, i, all) => encodeText(face, i < all.length - 1 ? `${w} ` : w));
    this.current.push(`BT /${key} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td [${parts.join(` ${shift.toFixed(1)} `)}] TJ ET`);
  }

  rule(x1: number, y1: number, x2: number, y2: number) {
    this.current.push(`0.5 w ${x1.toFixed(2)} ${y1.toFixed(2)} m ${x2.toFixed(2)} ${y2.toFixed(2)} l S`);
  }
}

/** Breaks text into lines that fit `width`; a word longer than a line is broken by characters. */
export function wrap(face: PreparedFace, text: string, size: number, width: number, firstIndent = 0): string[] {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    let line = '';
    let room = width - (lines.length === 0 ? firstIndent : 0);
    const push = () => {
      lines.push(line);
      line = '';
      room = width;
    };
    for (const word of hard.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(face, candidate, size) <= room) {
        line = candidate;
        continue;
      }
      if (line !== '') push();
      let rest = word;
      while (textWidth(face, rest, size) > room) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(face, rest.slice(0, cut), size) > room) cut--;
        line = rest.slice(0, cut);
        push();
        rest = rest.slice(cut);
      }
      line = rest;
    }
    push();
  }
  return lines;
}

function centred(p: Pages, text: string, face: PreparedFace, size = BODY) {
  for (const line of wrap(face, text, size, WIDTH)) {
    p.need(LEADING);
    p.y -= LEADING;
    p.text(line, face, size, LEFT + (WIDTH - textWidth(face, line, size)) / 2, p.y);
  }
}

function paragraph(p: Pages, text: string, face: PreparedFace, indent: number, justify: boolean) {
  const lines = wrap(face, text, BODY, WIDTH, indent);
  lines.forEach((line, i) => {
    p.need(LEADING);
    p.y -= LEADING;
    const x = LEFT + (i === 0 ? indent : 0);
    const room = WIDTH - (i === 0 ? indent : 0);
    const spaces = line.split(' ').length - 1;
    const last = i === lines.length - 1;
    const spacing = justify && !last && spaces > 0 ? (room - textWidth(face, line, BODY)) / spaces : 0;
    p.text(line, face, BODY, x, p.y, spacing);
  });
}

function numbered(p: Pages, faces: Faces, items: { label?: string; text: string }[]) {
  items.forEach((item, i) => {
    const label = item.label ?? `${i + 1}.`;
    const hang = Math.max(INDENT, textWidth(faces.regular, `${label} `, BODY) + 4);
    const lines = wrap(faces.regular, item.text, BODY, WIDTH - hang);
    lines.forEach((line, k) => {
      p.need(LEADING);
      p.y -= LEADING;
      if (k === 0) p.text(label, faces.regular, BODY, LEFT, p.y);
      p.text(line, faces.regular, BODY, LEFT + hang, p.y);
    });
  });
}

function table(p: Pages, faces: Faces, columns: { title: string; width: number }[], rows: string[][]) {
  const widths = columns.map((c) => c.width * WIDTH);
  const pad = 3;
  const lead = SMALL * 1.2;
  const row = (cells: string[], face: PreparedFace, repeatHeader: boolean) => {
    const wrapped = cells.map((c, i) => wrap(face, c, SMALL, (widths[i] as number) - 2 * pad));
    const height = Math.max(...wrapped.map((w) => w.length)) * lead + 2 * pad;
    if (p.y - height < BOTTOM) {
      p.newPage();
      if (repeatHeader) row(columns.map((c) => c.title), faces.bold, false);
    }
    const top = p.y;
    let x = LEFT;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, k) => p.text(line, face, SMALL, x + pad, top - pad - (k + 1) * lead + 2));
      x += widths[i] as number;
    });
    const bottom = top - height;
    p.rule(LEFT, top, RIGHT, top);
    p.rule(LEFT, bottom, RIGHT, bottom);
    x = LEFT;
    p.rule(x, top, x, bottom);
    for (const w of widths) {
      x += w;
      p.rule(x, top, x, bottom);
    }
    p.y = bottom;
  };
  p.y -= 4;
  row(columns.map((c) => c.title), faces.bold, false);
  for (const r of rows) row(r, faces.regular, true);
  p.y -= 4;
}

function block(p: Pages, faces: Faces, b: Block) {
  switch (b.kind) {
    case 'paragraph':
      paragraph(p, b.text, b.bold ? faces.bold : faces.regular, b.indent === false ? 0 : INDENT, true);
      return;
    case 'heading':
      p.need(LEADING * 3);
      p.y -= LEADING / 2;
      paragraph(p, b.text, faces.bold, 0, false);
      return;
    case 'numbered':
      numbered(p, faces, b.items);
      return;
    case 'table':
      table(p, faces, b.columns, b.rows);
      return;
  }
}

/** Every text of the model, to check that the fonts can show it before anything is laid out. */
function texts(model: DocumentModel): string[] {
  const out = [model.institution, model.documentType, model.title, model.place, ...(model.addressees ?? []), ...model.annexes];
  for (const b of model.body) {
    if (b.kind === 'paragraph' || b.kind === 'heading') out.push(b.text);
    else if (b.kind === 'numbered') out.push(...b.items.map((i) => `${i.label ?? ''}${i.text}`));
    else out.push(...b.columns.map((c) => c.title), ...b.rows.flat());
  }
  for (const s of model.signatures) out.push(s.position, s.name);
  return out;
}

export function layOut(model: DocumentModel, faces: Faces): LaidOut {
  const all = texts(model).join('');
  const missing = [...new Set([...missingCharacters(faces.regular, all), ...missingCharacters(faces.bold, all)])];
  if (missing.length > 0) throw unsupportedText(missing);
  const p = new Pages(faces);
  centred(p, model.institution.toLocaleUpperCase('lt'), faces.bold);
  p.y -= LEADING;
  // A letter's addressees stand on the left above its title; letters print no document type.
  if (model.addressees && model.addressees.length > 0) {
    for (const a of model.addressees) paragraph(p, a, faces.regular, 0, false);
    p.y -= LEADING;
  }
  if (model.documentType !== '') centred(p, model.documentType, faces.bold);
  centred(p, model.title, faces.bold);
  p.y -= LEADING / 2;
  centred(p, `${formatLtDate(model.date)} Nr. ${model.registrationNumber ?? '____'}`, faces.regular);
  centred(p, model.place, faces.regular);
  p.y -= LEADING / 2;
  for (const b of model.body) block(p, faces, b);
  if (model.annexes.length > 0) {
    p.need(LEADING * 3);
    p.y -= LEADING;
    paragraph(p, 'PRIDEDAMA:', faces.regular, 0, false);
    numbered(p, faces, model.annexes.map((text) => ({ text })));
  }
  const slots: SignatureSlot[] = [];
  p.y -= LEADING;
  for (const s of model.signatures) {
    const position = wrap(faces.regular, s.position, BODY, WIDTH * 0.4);
    p.need(Math.max(52, position.length * LEADING + 24));
    const top = p.y;
    position.forEach((line, i) => p.text(line, faces.regular, BODY, LEFT, top - LEADING * (i + 1)));
    const baseline = top - LEADING * position.length;
    p.text(s.name, faces.regular, BODY, RIGHT - textWidth(faces.regular, s.name, BODY), baseline);
    slots.push({ role: s.role, name: s.name, position: s.position, page: p.index, rect: [LEFT + WIDTH * 0.42, baseline - 14, LEFT + WIDTH * 0.42 + 150, baseline + 26] });
    p.y = Math.min(baseline - 24, top - 52);
  }
  return { pages: p.pages.map((ops) => ops.join('\n')), slots };
}
