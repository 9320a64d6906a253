import { formatLtDate } from '../../../shared/domain/calendar';
import type { Block, DocumentModel, SignerRole } from '../../../shared/domain/documents/documentModel';
import { encodeText, missingCharacters, textWidth, unsupportedText, type Faces, type PreparedFace } from './fonts';

/**
 * Lays a document model out on A4 pages as the Lithuanian document-drafting rules want it: margins
 * left 30 mm, right 10 mm, top and bottom 20 mm; the institution, document type, title, date and
 * number, and place centred; body text 12 pt, justified, first lines indented; page numbers at the
 * top centre from the second page; annexes under "PRIDEDAMA"; a signature block with the position on
 * the left and the name on the right, and the space between them kept for the signature's stamp.
 * The signature block never stands alone on a page: when it does not fit under the text, the end of
 * the text goes over to the next page with it. A stamp's rectangle is kept clear of every line
 * painted on its page.
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
/** The visible stamp's size (signing/pdfSignature.ts draws it in the slot's rectangle). */
const STAMP = { width: 150, height: 40 };
/** The name's baseline stands this far above the stamp's bottom edge, level with its lower half. */
const STAMP_BASELINE = 16;
/** The least room between a stamp and any text or rule, and between one signature and the next. */
const CLEAR = 10;
/** The stamp's left edge by default; it moves left only to make room for a long name. */
const STAMP_LEFT = LEFT + WIDTH * 0.42;
/** The widest a name stands on one line; a longer one wraps. */
const NAME_WIDTH = WIDTH * 0.4;
/**
 * What of the text stands on the signatures' page: the last block whole if it has at most KEEP_WHOLE
 * lines (a heading, or "PRIDEDAMA:", counts with what follows it), else its last KEEP_LAST lines.
 */
const KEEP_WHOLE = 6;
const KEEP_LAST = 3;

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
  /** The lowest point painted on this page so far (the bottom of a glyph's descender or of a rule). */
  ink = TOP;
  /** Lines (and table rows) placed so far, counting from the document's first. */
  lines = 0;
  /** The first line of the current page, and of the block being laid out. */
  pageStart = 0;
  groupStart = 0;
  private keepWithNext = false;

  /** `breakAt`: the line that starts a new page, to take the end of the text over with the signatures. */
  constructor(
    private readonly faces: Faces,
    private readonly breakAt?: number,
  ) {}

  get current(): string[] {
    return this.pages[this.pages.length - 1] as string[];
  }
  get index(): number {
    return this.pages.length - 1;
  }

  newPage() {
    this.pages.push([]);
    this.y = TOP;
    this.ink = TOP;
    this.pageStart = this.lines;
    const label = `${this.pages.length}`;
    this.text(label, this.faces.regular, SMALL, (PAGE.width - textWidth(this.faces.regular, label, SMALL)) / 2, PAGE.height - 12 * MM);
  }

  /** Room for `height` more points on this page, or a new page. */
  need(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /** Room for one line or table row of `height`, or a new page (true when one was started). */
  line(height: number): boolean {
    const forced = this.lines === this.breakAt && this.lines > this.pageStart;
    const turned = forced || this.y - height < BOTTOM;
    if (turned) this.newPage();
    this.lines++;
    return turned;
  }

  /** A block of the text starts here, unless it follows a heading, which keeps with it. */
  group(keepWithNext = false) {
    if (!this.keepWithNext) this.groupStart = this.lines;
    this.keepWithNext = keepWithNext;
  }

  text(s: string, face: PreparedFace, size: number, x: number, y: number, wordSpacing = 0) {
    const key = FONT_KEYS[face.name];
    if (wordSpacing === 0 || !s.includes(' ')) {
      this.current.push(`BT /${key} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${encodeText(face, s)} Tj ET`);
      this.ink = Math.min(this.ink, y + (face.descent * size) / 1000);
      return;
    }
    // Justification: widen each space by moving the text after it (Tw does not apply to 2-byte codes).
    const shift = (-wordSpacing * 1000) / size;
    const parts = s.split(' ').map((w, i, all) => encodeText(face, i < all.length - 1 ? `${w} ` : w));
    this.current.push(`BT /${key} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td [${parts.join(` ${shift.toFixed(1)} `)}] TJ ET`);
    this.ink = Math.min(this.ink, y + (face.descent * size) / 1000);
  }

  rule(x1: number, y1: number, x2: number, y2: number) {
    this.current.push(`0.5 w ${x1.toFixed(2)} ${y1.toFixed(2)} m ${x2.toFixed(2)} ${y2.toFixed(2)} l S`);
    this.ink = Math.min(this.ink, y1 - 0.25, y2 - 0.25);
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
    p.line(LEADING);
    p.y -= LEADING;
    p.text(line, face, size, LEFT + (WIDTH - textWidth(face, line, size)) / 2, p.y);
  }
}

function paragraph(p: Pages, text: string, face: PreparedFace, indent: number, justify: boolean) {
  const lines = wrap(face, text, BODY, WIDTH, indent);
  lines.forEach((line, i) => {
    p.line(LEADING);
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
      p.line(LEADING);
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
    if (p.line(height) && repeatHeader) row(columns.map((c) => c.title), faces.bold, false);
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
  p.group(b.kind === 'heading');
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

/** The document down to the annexes, with the signature block still to come. */
function text(model: DocumentModel, faces: Faces, breakAt?: number): Pages {
  const p = new Pages(faces, breakAt);
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
    p.group();
    p.need(LEADING * 3);
    p.y -= LEADING;
    paragraph(p, 'PRIDEDAMA:', faces.regular, 0, false);
    numbered(p, faces, model.annexes.map((text) => ({ text })));
  }
  return p;
}

/** One signature of the block: its lines, and how far below the ink above it reaches. */
interface SignaturePlan {
  line: DocumentModel['signatures'][number];
  position: string[];
  name: string[];
  /** From the ink above to the baseline of the last line (the name's, and the position's). */
  baseline: number;
  /** From the ink above to the bottom of the stamp. */
  height: number;
}

/**
 * The stamp's rectangle is CLEAR below the ink above; the name and the position's last line stand
 * level with its lower half, and lines above them push the whole signature down so that none rises
 * above the stamp's top.
 */
function planSignature(faces: Faces, line: DocumentModel['signatures'][number], positionWidth: number): SignaturePlan {
  const position = wrap(faces.regular, line.position, BODY, positionWidth);
  const name = wrap(faces.regular, line.name, BODY, NAME_WIDTH);
  const ascent = (faces.regular.ascent * BODY) / 1000;
  const lines = Math.max(position.length, name.length);
  const baseline = CLEAR + Math.max(STAMP.height - STAMP_BASELINE, ascent + LEADING * (lines - 1));
  return { line, position, name, baseline, height: baseline + STAMP_BASELINE };
}

/** Every stamp at the same left edge, moved left of the default only as far as the longest name needs. */
function stampLeft(faces: Faces, model: DocumentModel): number {
  const widest = Math.max(0, ...model.signatures.map((s) => Math.min(NAME_WIDTH, textWidth(faces.regular, s.name, BODY))));
  return Math.min(STAMP_LEFT, RIGHT - widest - CLEAR - STAMP.width);
}

export function layOut(model: DocumentModel, faces: Faces): LaidOut {
  const all = texts(model).join('');
  const missing = [...new Set([...missingCharacters(faces.regular, all), ...missingCharacters(faces.bold, all)])];
  if (missing.length > 0) throw unsupportedText(missing);
  const left = stampLeft(faces, model);
  const plans = model.signatures.map((s) => planSignature(faces, s, left - CLEAR - LEFT));
  const height = plans.reduce((h, s) => h + s.height, 0);
  let p = text(model, faces);
  const last = p.lines - p.groupStart;
  const keep = last <= KEEP_WHOLE ? p.groupStart : p.lines - KEEP_LAST;
  // The signatures would stand alone on the next page, or with fewer of the last lines than kept
  // with them: the end of the text goes over to a new page with them.
  if (plans.length > 0 && (p.ink - height < BOTTOM || keep < p.pageStart)) p = text(model, faces, keep);
  const slots: SignatureSlot[] = [];
  for (const s of plans) {
    const baseline = p.ink - s.baseline;
    const top = baseline + LEADING * (s.position.length - 1);
    s.position.forEach((line, i) => p.text(line, faces.regular, BODY, LEFT, top - LEADING * i));
    const nameTop = baseline + LEADING * (s.name.length - 1);
    s.name.forEach((line, i) => p.text(line, faces.regular, BODY, RIGHT - textWidth(faces.regular, line, BODY), nameTop - LEADING * i));
    const bottom = baseline - STAMP_BASELINE;
    slots.push({ role: s.line.role, name: s.line.name, position: s.line.position, page: p.index, rect: [left, bottom, left + STAMP.width, bottom + STAMP.height] });
    p.ink = Math.min(p.ink, bottom);
  }
  return { pages: p.pages.map((ops) => ops.join('\n')), slots };
}
