import { vilniusMinute } from '../../../shared/domain/calendar';
import { encodeText, textWidth, type Faces, type PreparedFace } from '../pdf/fonts';
import { PAGE, wrap } from '../pdf/layout';
import { pdfNumber } from './mergedOutput';

/**
 * The pages the merged dossier writes itself (issue 15): the cover with the case summary, the table
 * of contents (Turinys), a separator before each dossier item (V-77 p. 6) and before the
 * commission's documents, and the notice that stands for a document that could not be copied; and
 * the page-number line drawn on every page of the file. Pure: each page is its content stream's
 * operators and its links; mergedDossier.ts writes them.
 *
 * The text is Lithuanian and set in the app's embedded Liberation Serif (pdf/fonts.ts), resource
 * names F1 (regular) and F2 (bold).
 */

const MM = 72 / 25.4;
const LEFT = 25 * MM;
const RIGHT = PAGE.width - 20 * MM;
const TOP = PAGE.height - 20 * MM;
const BOTTOM = 22 * MM;
const WIDTH = RIGHT - LEFT;
/** The page-number line's baseline, above the visible page's lower edge. */
const FOOTER_BASELINE = 8 * MM;
const FOOTER_SIZE = 9;

export const TEXT_FONT_KEYS = { regular: 'F1', bold: 'F2' } as const;
/** The page-number line's font in every page's resources (a name no other producer uses). */
export const FOOTER_FONT_KEY = 'PskPsl';

/** A link on a page: its rectangle and the index (0-based) of the page in the merged file it leads to. */
export interface PageLink {
  rect: [number, number, number, number];
  target: number;
}

export interface TextPage {
  ops: string[];
  links: PageLink[];
}

/** The characters the font can show; any other becomes "?" (a name in another script still reads as a gap, not a box). */
function printable(face: PreparedFace, text: string): string {
  let out = '';
  for (const ch of text.replace(/[\t\r\n]+/g, ' ')) out += face.cids.has(ch.codePointAt(0) as number) ? ch : '?';
  return out;
}

interface LineStyle {
  face: 'regular' | 'bold';
  size: number;
  indent?: number;
  centre?: boolean;
}

/** Lays text down A4 pages, top to bottom, starting a new page when the current one is full. */
export class TextPages {
  readonly pages: TextPage[] = [];
  private y = TOP;

  constructor(private readonly faces: Faces) {
    this.newPage();
  }

  private get page(): TextPage {
    return this.pages[this.pages.length - 1] as TextPage;
  }

  newPage(): void {
    this.pages.push({ ops: [], links: [] });
    this.y = TOP;
  }

  gap(points: number): void {
    this.y -= points;
  }

  private room(height: number): void {
    if (this.y - height < BOTTOM && this.y < TOP) this.newPage();
  }

  private draw(text: string, face: PreparedFace, size: number, x: number, y: number): void {
    this.page.ops.push(`BT /${TEXT_FONT_KEYS[face.name]} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${encodeText(face, text)} Tj ET`);
  }

  /** A paragraph, wrapped to the page's width. */
  paragraph(text: string, style: LineStyle): void {
    const face = this.faces[style.face];
    const indent = style.indent ?? 0;
    const leading = style.size * 1.3;
    for (const line of wrap(face, printable(face, text), style.size, WIDTH - indent)) {
      this.room(leading);
      this.y -= leading;
      const x = style.centre ? LEFT + (WIDTH - textWidth(face, line, style.size)) / 2 : LEFT + indent;
      this.draw(line, face, style.size, x, this.y);
    }
  }

  /** A label (bold) and its value side by side, each wrapped in its column. */
  row(label: string, value: string, size: number): void {
    const labelWidth = 55 * MM;
    const labels = wrap(this.faces.bold, printable(this.faces.bold, label), size, labelWidth - 4 * MM);
    const values = wrap(this.faces.regular, printable(this.faces.regular, value), size, WIDTH - labelWidth);
    const leading = size * 1.3;
    this.room(leading * Math.max(labels.length, values.length));
    const top = this.y;
    labels.forEach((line, i) => this.draw(line, this.faces.bold, size, LEFT, top - leading * (i + 1)));
    values.forEach((line, i) => this.draw(line, this.faces.regular, size, LEFT + labelWidth, top - leading * (i + 1)));
    this.y = top - leading * Math.max(labels.length, values.length) - size * 0.3;
  }

  /**
   * A table-of-contents entry: the text wrapped left, dots, and the page number right on its last
   * line; the whole entry links to page `target` (0-based). The number column has a fixed width, so
   * the entry takes as many lines whatever the number (the contents are laid out before the numbers
   * are known, and again after).
   */
  entry(text: string, pageLabel: string, target: number | undefined, style: LineStyle): void {
    const face = this.faces[style.face];
    const indent = style.indent ?? 0;
    const leading = style.size * 1.35;
    const numberColumn = textWidth(this.faces.regular, '00000', style.size) + 3 * MM;
    const lines = wrap(face, printable(face, text), style.size, WIDTH - indent - numberColumn);
    this.room(leading * lines.length);
    const top = this.y;
    lines.forEach((line, i) => {
      this.y -= leading;
      this.draw(line, face, style.size, LEFT + indent, this.y);
      if (i < lines.length - 1 || pageLabel === '') return;
      const numberX = RIGHT - textWidth(this.faces.regular, pageLabel, style.size);
      // Dot leaders from the text to the number.
      const unit = textWidth(this.faces.regular, ' .', style.size);
      const end = numberX - 1.5 * MM;
      const dots = Math.floor((end - (LEFT + indent + textWidth(face, line, style.size) + 1.5 * MM)) / unit);
      if (dots > 1) this.draw(' .'.repeat(dots), this.faces.regular, style.size, end - dots * unit, this.y);
      this.draw(pageLabel, this.faces.regular, style.size, numberX, this.y);
    });
    if (target !== undefined) {
      const descent = (face.descent * style.size) / 1000;
      this.page.links.push({ rect: [LEFT + indent, this.y + descent, RIGHT, top - leading + style.size], target });
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The page-number line

export type Box = [number, number, number, number];
export type Rotation = 0 | 90 | 180 | 270;

/**
 * The matrix from the page as it is seen (after /Rotate, ISO 32000-1 §8.3.2.3 and Table 30, origin at
 * the visible box's lower-left corner) to the page's default user space.
 */
function viewToUser(box: Box, rotate: Rotation): [number, number, number, number, number, number] {
  const [x0, y0, x1, y1] = box;
  if (rotate === 90) return [0, 1, -1, 0, x1, y0];
  if (rotate === 180) return [-1, 0, 0, -1, x1, y1];
  if (rotate === 270) return [0, -1, 1, 0, x0, y1];
  return [1, 0, 0, 1, x0, y0];
}

/**
 * "12 psl. iš 340", centred near the lower edge of the page as it is seen, over whatever the page
 * shows (it adds to the page, it changes nothing of it).
 */
export function footerContent(faces: Faces, number: number, total: number, box: Box, rotate: Rotation): Buffer {
  const label = `${number} psl. iš ${total}`;
  const width = rotate === 90 || rotate === 270 ? box[3] - box[1] : box[2] - box[0];
  const x = (width - textWidth(faces.regular, label, FOOTER_SIZE)) / 2;
  const matrix = viewToUser(box, rotate).map(pdfNumber).join(' ');
  return Buffer.from(
    `q ${matrix} cm 0 g BT /${FOOTER_FONT_KEY} ${FOOTER_SIZE} Tf ${x.toFixed(2)} ${FOOTER_BASELINE.toFixed(2)} Td ${encodeText(faces.regular, label)} Tj ET Q\n`,
    'latin1',
  );
}

// ---------------------------------------------------------------------------------------------------
// The pages

/** The moment as Lithuanians read it: "2026-11-22 14:05", Vilnius time. */
export function vilniusTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : vilniusMinute(at);
}

export interface CoverText {
  institution: string;
  title: string;
  summary: readonly (readonly [label: string, value: string])[];
  exportedAt: string;
  exportedBy: string;
}

/** One line of the table of contents: an item or the commission's part (level 0), or a document under it (level 1). */
export interface ContentsEntry {
  text: string;
  level: 0 | 1;
  /** The page (0-based) it starts on; undefined for "nepateikta", which has no page. */
  target: number | undefined;
}

/** What the cover says of the copy itself: it is for reading, and what it carries as received. */
const COVER_NOTES = [
  'Ši sujungta bylos kopija skirta skaityti. Sujungta kopija neturi elektroninių parašų: pasirašyti dokumentų originalai yra šio paketo aplanke data/documents, juose ir tikrinami parašai. Šioje kopijoje matomos parašų žymos yra tik jų vaizdas.',
  'Bylos medžiagos (V-77 6 p.) priimtų dokumentų puslapiai perkelti tokie, kokie gauti; kiekvieno puslapio apačioje pridėtas tik šios kopijos puslapio numeris.',
];

/**
 * The cover (institution, case, summary, who exported it and when, what the copy is) and, from a
 * new page, the contents. With `numbered` false the page numbers are placeholders: the layout takes
 * as many pages either way, which is how the pages before the first item are counted.
 */
export function coverAndContents(faces: Faces, cover: CoverText, entries: readonly ContentsEntry[], numbered: boolean): { pages: TextPage[]; contentsStart: number } {
  const pages = new TextPages(faces);
  pages.paragraph(cover.institution, { face: 'bold', size: 13, centre: true });
  pages.gap(18);
  pages.paragraph('SUJUNGTA BYLOS KOPIJA', { face: 'regular', size: 11, centre: true });
  pages.gap(6);
  pages.paragraph(cover.title, { face: 'bold', size: 17, centre: true });
  pages.gap(22);
  for (const [label, value] of cover.summary) pages.row(label, value, 11);
  pages.gap(14);
  pages.row('Eksportuota', vilniusTime(cover.exportedAt), 11);
  pages.row('Eksportavo', cover.exportedBy, 11);
  pages.gap(18);
  for (const note of COVER_NOTES) {
    pages.paragraph(note, { face: 'regular', size: 10.5 });
    pages.gap(6);
  }

  pages.newPage();
  const contentsStart = pages.pages.length - 1;
  pages.paragraph('Turinys', { face: 'bold', size: 15 });
  pages.gap(10);
  for (const entry of entries) {
    const label = entry.target === undefined ? '' : numbered ? String(entry.target + 1) : '0';
    if (entry.level === 0) {
      pages.gap(5);
      pages.entry(entry.text, label, entry.target, { face: 'bold', size: 11 });
    } else {
      pages.entry(entry.text, label, entry.target, { face: 'regular', size: 10.5, indent: 8 * MM });
    }
  }
  return { pages: pages.pages, contentsStart };
}

/** The page before a part: its heading and title, its recorded facts, and the list of its documents. */
export function separatorPages(faces: Faces, part: { heading: string; title: string; facts: readonly string[] | null; documents: readonly string[] }): TextPage[] {
  const pages = new TextPages(faces);
  pages.paragraph(part.heading, { face: 'bold', size: 13 });
  pages.gap(4);
  pages.paragraph(part.title, { face: 'bold', size: 17 });
  if (part.facts !== null) {
    pages.gap(18);
    pages.paragraph('Užfiksuoti duomenys', { face: 'bold', size: 12 });
    pages.gap(4);
    if (part.facts.length === 0) pages.paragraph('Duomenų neužfiksuota.', { face: 'regular', size: 11 });
    for (const fact of part.facts) pages.paragraph(fact, { face: 'regular', size: 11 });
  }
  pages.gap(18);
  pages.paragraph('Dokumentai', { face: 'bold', size: 12 });
  pages.gap(4);
  if (part.documents.length === 0) pages.paragraph('nepateikta', { face: 'regular', size: 11 });
  part.documents.forEach((d, i) => pages.paragraph(`${i + 1}. ${d}`, { face: 'regular', size: 11 }));
  return pages.pages;
}

/** Why a document could not be copied into the merged file. */
export type UnreadableReason = 'encrypted' | 'damaged' | 'no-pages' | 'image';

const REASONS: Record<UnreadableReason, string> = {
  encrypted: 'Dokumentas užšifruotas (apsaugotas slaptažodžiu), todėl jo puslapių negalima perkelti.',
  damaged: 'PDF failas sugadintas arba neišsamus, jo puslapių nepavyko perskaityti.',
  'no-pages': 'PDF faile nėra nė vieno puslapio.',
  image: 'Paveikslėlio failas sugadintas arba jo formatas nepalaikomas.',
};

/** The page that stands for a document that could not be copied: which one, and why. */
export function noticePages(faces: Faces, document: { title: string; name: string; kind: string }, reason: UnreadableReason): TextPage[] {
  const pages = new TextPages(faces);
  pages.paragraph('Dokumento nepavyko perkelti į šią kopiją', { face: 'bold', size: 15 });
  pages.gap(14);
  pages.row('Dokumentas', document.title, 11);
  pages.row('Failas', `${document.name} (${document.kind.toUpperCase()})`, 11);
  pages.row('Priežastis', REASONS[reason], 11);
  pages.gap(10);
  pages.paragraph('Dokumento originalas yra šiame pakete su kitais bylos dokumentais; atidarykite jį atskirai.', { face: 'regular', size: 11 });
  return pages.pages;
}
