import {
  entryOf,
  hexString,
  name,
  objectHeaderAt,
  parseObject,
  ParsedName,
  ParsedRef,
  ParsedString,
  Raw,
  readObject,
  readRawStream,
  readRevision,
  ref,
  serialize,
  skipPdfWhitespace,
  startsWithText,
  type Parsed,
  type ParsedDict,
  type PdfValue,
  type Revision,
} from '../pdf/pdfSyntax';
import { pdfNumber, type PdfOutput } from './mergedOutput';
import { FOOTER_FONT_KEY, type Box, type Rotation, type UnreadableReason } from './mergedText';

/**
 * Copies the pages of a received or generated PDF into the merged dossier (issue 15) as they are:
 * every object a page reaches (contents, resources, fonts, images, annotations) is read with the
 * app's PDF reader (pdf/pdfSyntax: classic and stream cross-references, object streams, incremental
 * updates — the newest revision counts), renumbered into the merged file's one numbering, and
 * written with its stream data untouched. Only the page dictionary changes:
 *
 * - it hangs in the merged file's page tree, with the attributes it inherited written on it;
 * - its content is wrapped in q … Q and followed by the page-number line (mergedText.ts), so the
 *   line is drawn over the page in the initial graphics state;
 * - a signature field's widget is replaced by its appearance drawn in the same place: the reader
 *   sees the stamp, but the copy carries no signature field (a merged copy signs nothing; the
 *   signatures are verified in the originals).
 *
 * Memory: the source's bytes, and the objects prepared from it, which are views into those bytes.
 * Everything is prepared before anything is written, so a source found broken half way is replaced
 * by a notice page and leaves nothing behind in the file.
 */

/** A page placed in the merged file: its object, its visible box and rotation, and its page-number stream (written at the end). */
export interface PlacedPage {
  num: number;
  box: Box;
  rotate: Rotation;
  footer: number;
}

/** The merged file's objects every copied page refers to. */
export interface SharedObjects {
  pages: number;
  /** "q": saves the graphics state before the page's own content. */
  open: number;
  /** "Q": restores it after. */
  close: number;
  /** The page-number line's font. */
  footerFont: number;
}

/** A document that cannot go into the merged file, and why (a notice page stands for it). */
export class UnreadableSource extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(`unreadable source: ${reason}`);
  }
}

const A4: Box = [0, 0, 595.28, 841.89];
/** The page attributes a page inherits from its ancestors in the page tree (ISO 32000-1 §7.7.3.4). */
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
/** Keys of a page dictionary that are rewritten, or dropped because what they point to is not copied (the page tree, article threads, the structure tree). */
const PAGE_KEYS_REWRITTEN = ['Parent', 'Resources', 'MediaBox', 'CropBox', 'Rotate', 'Contents', 'Annots', 'B', 'StructParents'];
const MAX_TREE_DEPTH = 64;
/** Annotation flags (§12.5.3): Hidden, NoView. */
const NOT_SHOWN = 2 | 32;

type Matrix = [number, number, number, number, number, number];

interface PreparedObject {
  num: number;
  /** The serialised value, or a stream's dictionary. */
  text: string;
  /** A stream's data as stored in the source. */
  data?: Uint8Array;
}

const asDict = (v: Parsed | undefined): ParsedDict | undefined => (v instanceof Map ? v : undefined);
const nameOf = (v: Parsed | undefined): string | undefined => (v instanceof ParsedName ? v.value : undefined);
/** A dictionary key as the serialiser writes it (it adds only the slash). */
const key = (k: string): string => name(k).text.slice(1);

class SourceCopy {
  /** Source object number → merged object number. */
  private readonly numbers = new Map<number, number>();
  private readonly queue: number[] = [];
  /** The catalog and the page tree's inner nodes: not copied, a reference to them becomes null. */
  private readonly excluded = new Set<number>();
  readonly objects: PreparedObject[] = [];

  constructor(
    private readonly buf: Uint8Array,
    private readonly rev: Revision,
    private readonly output: PdfOutput,
    private readonly shared: SharedObjects,
  ) {}

  /** The object `num`; null for a free or missing one (a reference to it means null, §7.3.10). */
  read(num: number): Parsed {
    return entryOf(this.rev, num) === null ? null : readObject(this.buf, this.rev, num);
  }

  resolve(v: Parsed | undefined): Parsed | undefined {
    return v instanceof ParsedRef ? this.read(v.num) : v;
  }

  /** A rectangle (§7.9.5), corners normalised to lower-left and upper-right; undefined if it is not four numbers. */
  rectangle(v: Parsed | undefined): Box | undefined {
    const a = this.resolve(v);
    if (!Array.isArray(a) || a.length !== 4) return undefined;
    const n = a.map((x) => this.resolve(x));
    if (!n.every((x): x is number => typeof x === 'number')) return undefined;
    const [x0, y0, x1, y1] = n as Box;
    return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
  }

  /** The merged number of source object `num`, queued to be copied the first time it is asked for. */
  numberOf(num: number): number {
    let mapped = this.numbers.get(num);
    if (mapped === undefined) {
      mapped = this.output.reserve();
      this.numbers.set(num, mapped);
      this.queue.push(num);
    }
    return mapped;
  }

  /** Numbers a page before any page is copied; the page dictionary itself is written by `page`, not queued. */
  numberPage(num: number): void {
    if (!this.numbers.has(num)) this.numbers.set(num, this.output.reserve());
  }

  /** A source value in the merged numbering. */
  value(v: Parsed): PdfValue {
    if (v instanceof ParsedRef) return this.excluded.has(v.num) || entryOf(this.rev, v.num) === null ? null : ref(this.numberOf(v.num));
    if (v instanceof ParsedName) return name(v.value);
    if (v instanceof ParsedString) return hexString(v.bytes);
    if (typeof v === 'number') return new Raw(pdfNumber(v));
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (v instanceof Map) return this.dict(v);
    return v;
  }

  dict(d: ParsedDict, without: readonly string[] = []): Record<string, PdfValue> {
    const out: Record<string, PdfValue> = {};
    for (const [k, v] of d) if (!without.includes(k)) out[key(k)] = this.value(v);
    return out;
  }

  /** The leaf pages in order, each with the attributes it inherits; the inner nodes are marked as not copied. */
  pages(): { num: number; dict: ParsedDict; inherited: Map<string, Parsed> }[] {
    const root = this.rev.trailer.get('Root');
    if (!(root instanceof ParsedRef)) throw new UnreadableSource('damaged');
    this.excluded.add(root.num);
    const catalog = asDict(this.read(root.num));
    if (catalog === undefined) throw new UnreadableSource('damaged');
    const found: { num: number; dict: ParsedDict; inherited: Map<string, Parsed> }[] = [];
    const seen = new Set<number>();
    const walk = (node: Parsed | undefined, inherited: Map<string, Parsed>, depth: number): void => {
      if (!(node instanceof ParsedRef) || seen.has(node.num) || depth > MAX_TREE_DEPTH) return;
      seen.add(node.num);
      const dict = asDict(this.read(node.num));
      if (dict === undefined) return;
      const kids = this.resolve(dict.get('Kids'));
      if (nameOf(dict.get('Type')) === 'Page' || !Array.isArray(kids)) {
        found.push({ num: node.num, dict, inherited });
        return;
      }
      this.excluded.add(node.num);
      const passed = new Map(inherited);
      for (const k of INHERITED) if (dict.has(k)) passed.set(k, dict.get(k) as Parsed);
      for (const kid of kids) walk(kid, passed, depth + 1);
    };
    walk(catalog.get('Pages'), new Map(), 0);
    return found;
  }

  /** A copied page's dictionary, with its place in the merged file. */
  page(source: { num: number; dict: ParsedDict; inherited: Map<string, Parsed> }): PlacedPage {
    const { dict, inherited } = source;
    const attribute = (k: (typeof INHERITED)[number]) => (dict.has(k) ? dict.get(k) : inherited.get(k));
    const media = this.rectangle(attribute('MediaBox')) ?? A4;
    const crop = this.rectangle(attribute('CropBox'));
    const rotation = this.resolve(attribute('Rotate'));
    const turned = typeof rotation === 'number' && Number.isInteger(rotation) && rotation % 90 === 0 ? (((rotation % 360) + 360) % 360) : 0;
    const visible: Box = crop
      ? [Math.max(media[0], crop[0]), Math.max(media[1], crop[1]), Math.min(media[2], crop[2]), Math.min(media[3], crop[3])]
      : media;

    const page = this.dict(dict, PAGE_KEYS_REWRITTEN);
    page.Parent = ref(this.shared.pages);
    page.MediaBox = media;
    if (crop) page.CropBox = crop;
    if (turned !== 0) page.Rotate = turned;

    const annots = this.resolve(dict.get('Annots'));
    const kept: PdfValue[] = [];
    const stamps: { form: number; matrix: Matrix }[] = [];
    for (const entry of Array.isArray(annots) ? annots : []) {
      const annot = asDict(this.resolve(entry));
      if (annot === undefined) continue;
      if (this.isSignatureWidget(annot)) {
        const stamp = this.appearance(annot);
        if (stamp) stamps.push(stamp);
      } else kept.push(this.value(entry));
    }
    if (kept.length > 0) page.Annots = kept;

    const resources = asDict(this.resolve(attribute('Resources'))) ?? new Map<string, Parsed>();
    const pageResources = this.dict(resources, ['Font', 'XObject']);
    pageResources.Font = { ...this.dict(asDict(this.resolve(resources.get('Font'))) ?? new Map()), [FOOTER_FONT_KEY]: ref(this.shared.footerFont) };
    const xobjects = this.dict(asDict(this.resolve(resources.get('XObject'))) ?? new Map());
    stamps.forEach((s, i) => (xobjects[`PskSig${i + 1}`] = ref(s.form)));
    if (Object.keys(xobjects).length > 0) pageResources.XObject = xobjects;
    page.Resources = pageResources;

    const contents = this.resolve(dict.get('Contents'));
    const own = (Array.isArray(contents) ? contents : [dict.get('Contents')]).filter((c): c is ParsedRef => c instanceof ParsedRef);
    let close = this.shared.close;
    if (stamps.length > 0) {
      close = this.output.reserve();
      const drawn = stamps.map((s, i) => `q ${s.matrix.map(pdfNumber).join(' ')} cm /PskSig${i + 1} Do Q`).join('\n');
      const data = Buffer.from(`Q\n${drawn}\n`, 'latin1');
      this.objects.push({ num: close, text: serialize({ Length: data.length }), data });
    }
    const footer = this.output.reserve();
    page.Contents = [ref(this.shared.open), ...own.map((c) => this.value(c)), ref(close), ref(footer)];

    const num = this.numberOf(source.num);
    this.objects.push({ num, text: serialize(page) });
    return { num, box: visible, rotate: turned as Rotation, footer };
  }

  private isSignatureWidget(annot: ParsedDict): boolean {
    if (nameOf(annot.get('Subtype')) !== 'Widget') return false;
    if (nameOf(annot.get('FT')) === 'Sig') return true;
    return nameOf(asDict(this.resolve(annot.get('Parent')))?.get('FT')) === 'Sig';
  }

  /**
   * A widget's normal appearance placed where the viewer shows it (§12.5.5: the form's bounding box,
   * transformed by its matrix, is fitted to the annotation's rectangle); undefined if it shows nothing.
   */
  private appearance(annot: ParsedDict): { form: number; matrix: Matrix } | undefined {
    const flags = this.resolve(annot.get('F'));
    if (typeof flags === 'number' && (flags & NOT_SHOWN) !== 0) return undefined;
    const normal = asDict(this.resolve(annot.get('AP')))?.get('N');
    const rect = this.rectangle(annot.get('Rect'));
    if (!(normal instanceof ParsedRef) || rect === undefined) return undefined;
    const form = asDict(this.read(normal.num));
    const bbox = this.rectangle(form?.get('BBox'));
    if (form === undefined || bbox === undefined) return undefined;
    const m = this.resolve(form.get('Matrix'));
    const matrix: Matrix = Array.isArray(m) && m.length === 6 && m.every((x) => typeof x === 'number') ? (m as Matrix) : [1, 0, 0, 1, 0, 0];
    const corners = [
      [bbox[0], bbox[1]],
      [bbox[2], bbox[1]],
      [bbox[0], bbox[3]],
      [bbox[2], bbox[3]],
    ].map(([x, y]) => [matrix[0] * (x as number) + matrix[2] * (y as number) + matrix[4], matrix[1] * (x as number) + matrix[3] * (y as number) + matrix[5]] as const);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const [bx0, by0, bx1, by1] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    if (bx1 - bx0 <= 0 || by1 - by0 <= 0 || rect[2] - rect[0] <= 0 || rect[3] - rect[1] <= 0) return undefined;
    const sx = (rect[2] - rect[0]) / (bx1 - bx0);
    const sy = (rect[3] - rect[1]) / (by1 - by0);
    return { form: this.numberOf(normal.num), matrix: [sx, 0, 0, sy, rect[0] - bx0 * sx, rect[1] - by0 * sy] };
  }

  /** Copies every object queued so far (and those they reach), streams with their data as stored. */
  copyReached(): void {
    for (let i = 0; i < this.queue.length; i++) {
      const old = this.queue[i] as number;
      const num = this.numbers.get(old) as number;
      const entry = entryOf(this.rev, old);
      const header = entry !== null && 'offset' in entry ? objectHeaderAt(this.buf, entry.offset, Math.min(this.buf.length, entry.offset + 40)) : null;
      if (entry !== null && 'offset' in entry && header?.num !== old) throw new UnreadableSource('damaged');
      if (header !== null) {
        const { value, end } = parseObject(this.buf, header.start);
        if (value instanceof Map && startsWithText(this.buf, 'stream', skipPdfWhitespace(this.buf, end))) {
          const { dict, raw } = readRawStream(this.buf, this.rev, old);
          this.objects.push({ num, text: serialize({ ...this.dict(dict, ['Length']), Length: raw.length }), data: raw });
          continue;
        }
        this.objects.push({ num, text: serialize(this.value(value)) });
        continue;
      }
      this.objects.push({ num, text: serialize(this.value(this.read(old))) });
    }
  }
}

/**
 * Copies every page of the PDF `bytes` into the merged file and returns the pages placed; throws
 * UnreadableSource (with nothing written and no number used) for an encrypted, broken or empty PDF.
 */
export async function copyPdfPages(bytes: Uint8Array, output: PdfOutput, shared: SharedObjects): Promise<PlacedPage[]> {
  const mark = output.mark();
  let copy: SourceCopy;
  let placed: PlacedPage[];
  try {
    const rev = readRevision(bytes);
    if (rev.trailer.has('Encrypt')) throw new UnreadableSource('encrypted');
    copy = new SourceCopy(bytes, rev, output, shared);
    const pages = copy.pages();
    if (pages.length === 0) throw new UnreadableSource('no-pages');
    // The pages get their numbers first: a link from one page to another of the same document stays a link.
    for (const p of pages) copy.numberPage(p.num);
    placed = pages.map((p) => copy.page(p));
    copy.copyReached();
  } catch (e) {
    output.rollback(mark);
    throw e instanceof UnreadableSource ? e : new UnreadableSource('damaged');
  }
  for (const o of copy.objects) {
    if (o.data === undefined) await output.serialized(o.num, Buffer.from(`${o.num} 0 obj\n${o.text}\nendobj\n`, 'latin1'));
    else await output.streamObject(o.num, o.text, o.data);
  }
  return placed;
}
