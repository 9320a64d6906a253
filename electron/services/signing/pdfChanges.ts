import {
  entryOf,
  ParsedName,
  ParsedRef,
  ParsedString,
  readObject,
  readRawStream,
  readRevision,
  readStream,
  type Parsed,
  type ParsedDict,
  type Revision,
} from '../pdf/pdfSyntax';
import { intersects, normalize, paintedBoxes, paintsAnything, Unbounded, type Box, type ObjectSource } from './pdfContent';

/**
 * What the incremental updates after a signature changed (ISO 32000-1 §7.5.6, §12.8.2.2), classified
 * as the EU's DSS validator classifies them: the revision as it was when signed (the file cut at the
 * signature's end) and the final one are compared as object trees from their catalogs, key by key,
 * and each difference is put in a category by where in the tree it is.
 *
 * - `signature`: a new signature field whose value is a signature found intact, its widget,
 *   appearance and fonts, the page /Annots and AcroForm /Fields entries for it, AcroForm /DA /DR
 *   /SigFlags (DSS: "form fill-in and signature creation").
 * - `documentTimestamp`: the same for a document timestamp (/Type /DocTimeStamp, /SubFilter
 *   /ETSI.RFC3161) (DSS: extension change).
 * - `dss`: the document security store (/DSS with its certificates, CRLs, OCSP responses, VRI), and the
 *   catalog's /Extensions and /Version (DSS: extension changes, not counted as changes).
 * - `metadata`: the catalog's XMP /Metadata and the structure tree's bookkeeping (/ParentTree /IDTree
 *   /ParentTreeNextKey); DSS counts them among extension changes. They paint nothing.
 * - `formFill`: values and appearances of form fields other than signatures, /Perms, /PieceInfo and
 *   /OutputIntents created (DSS: "form fill-in").
 * - `annotation`: annotations added, changed or removed (DSS: "annotation changes").
 * - `undefined`: anything else: page content, resources, the page tree, the document information
 *   dictionary, /Names (stricter than DSS: it may add scripts), a signature field that was signed
 *   already, a new signature that is not among the intact ones, actions on a signature widget.
 *
 * New cross-reference streams and object streams are structure, not content, and are not changes;
 * objects nothing refers to paint nothing and are not compared.
 *
 * Overlays: an annotation added or changed on a page that existed when the document was signed, that
 * is visible (no Hidden or NoView flag, a rectangle with area) and whose appearance paints something,
 * overlays the page if its rectangle meets what the page painted then (text, paths, images and forms
 * of its content streams, see pdfContent.ts) or an annotation it had then. Whatever cannot be bounded
 * counts as painting the whole page.
 */

export type ChangeKind = 'signature' | 'documentTimestamp' | 'dss' | 'metadata' | 'formFill' | 'annotation' | 'undefined';

export interface Change {
  kind: ChangeKind;
  /** The object changed (its number in the final revision). */
  object?: number;
  /** The page (0-based, as it was when signed) the change is on. */
  page?: number;
  /** English, short, for logs and --json. */
  detail: string;
}

export interface Overlay {
  page: number;
  /** The added annotation's rectangle, [x1 y1 x2 y2] in the page's default user space. */
  rect: [number, number, number, number];
  object: number;
}

export interface ChangesAfter {
  /** Empty when the signature covers the whole file. */
  changes: Change[];
  /** Something added after the signature paints on a signed page over what the page showed when signed (a visible change). */
  overlays: Overlay[];
}

const LIMITS = { objects: 200_000, pageTree: 100_000 } as const;

/** One revision's objects, read once. */
class Side implements ObjectSource {
  private readonly values = new Map<number, Parsed | null>();
  private readonly streams = new Map<number, { dict: ParsedDict; data: Buffer } | null>();

  /** `later`: the final revision of the same file, whose objects at the same place are these objects. */
  constructor(
    readonly buf: Uint8Array,
    readonly rev: Revision,
    private readonly later: Side | null = null,
  ) {}

  get(num: number): Parsed | null {
    let v = this.values.get(num);
    if (v === undefined) {
      const loc = this.location(num);
      v = loc === null ? null : this.later !== null && this.later.location(num) === loc ? this.later.get(num) : readObject(this.buf, this.rev, num);
      this.values.set(num, v);
    }
    return v;
  }

  resolve(v: Parsed | undefined): Parsed | undefined {
    return v instanceof ParsedRef ? (this.get(v.num) ?? undefined) : v;
  }

  stream(v: Parsed | undefined): { dict: ParsedDict; data: Buffer } | null {
    if (!(v instanceof ParsedRef)) return null;
    let s = this.streams.get(v.num);
    if (s === undefined) {
      s = this.rev.offsets.has(v.num) ? readStream(this.buf, this.rev, v.num, 16 * 1024 * 1024) : null;
      this.streams.set(v.num, s);
    }
    return s;
  }

  /** Where the object is stored: equal locations in two revisions of one file hold the same object. */
  location(num: number): string | null {
    const e = entryOf(this.rev, num);
    if (e === null) return null;
    if ('offset' in e) return `@${e.offset}`;
    return `${this.location(e.stream) ?? '?'}#${e.index}`;
  }

  raw(num: number): Buffer | null {
    try {
      return Buffer.from(readRawStream(this.buf, this.rev, num).raw);
    } catch {
      return null;
    }
  }
}

const nameOf = (d: Parsed | undefined, key: string): string => {
  const v = d instanceof Map ? d.get(key) : undefined;
  return v instanceof ParsedName ? v.value : '';
};

const byteRange = (sig: Parsed | undefined): string | null => {
  const r = sig instanceof Map ? sig.get('ByteRange') : undefined;
  return Array.isArray(r) && r.every((x) => typeof x === 'number') ? r.join(' ') : null;
};

const isDocTimeStamp = (sig: Parsed | undefined) => nameOf(sig, 'Type') === 'DocTimeStamp' || nameOf(sig, 'SubFilter') === 'ETSI.RFC3161';

function sameScalar(a: Parsed, b: Parsed): boolean {
  if (a instanceof ParsedName && b instanceof ParsedName) return a.value === b.value;
  if (a instanceof ParsedRef && b instanceof ParsedRef) return a.num === b.num;
  if (a instanceof ParsedString && b instanceof ParsedString) return Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  return a === b;
}

/** Keys whose value is an array of annotations or fields, compared as sets of references. */
const ANNOTATION_ARRAYS = new Set(['Annots', 'Fields']);
/** Back links, compared by reference only (following them would walk the tree again). */
const BACK_LINKS = new Set(['Parent', 'P']);

/**
 * The dictionary keys from the catalog down to a value (arrays add none, as in DSS's key chains), kept
 * short: the first keys, the last two, the length, and whether it passed the structure tree's
 * bookkeeping. Copying whole chains would make long linked lists (outlines) quadratic.
 */
interface Chain {
  head: readonly string[];
  last: string;
  parent: string;
  length: number;
  structure: boolean;
}

const HEAD = 4;
const STRUCTURE_BOOKKEEPING = new Set(['ParentTree', 'IDTree', 'ParentTreeNextKey']);
const NO_CHAIN: Chain = { head: [], last: '', parent: '', length: 0, structure: false };

function extend(c: Chain, key: string): Chain {
  return {
    head: c.head.length < HEAD ? [...c.head, key] : c.head,
    last: key,
    parent: c.last,
    length: c.length + 1,
    structure: c.structure || (c.head[0] === 'StructTreeRoot' && STRUCTURE_BOOKKEEPING.has(key)),
  };
}

const pathOf = (c: Chain) => (c.length === 0 ? 'catalog' : c.length <= HEAD ? c.head.join('/') : `${c.head.join('/')}/…/${c.last}`);

interface Context {
  chain: Chain;
  /** The page (final revision's object number) the walk is in. */
  page: number | null;
  /** The annotation or field (final revision's object number, or the old one if removed) the walk is in. */
  annot: { num: number | null; created: boolean } | null;
  object: number | null;
}

interface AnnotationEvent {
  page: number;
  annot: number;
}

/** The comparison of two revisions' object trees. */
class Comparison {
  readonly changes: Change[] = [];
  readonly touchedAnnotations: AnnotationEvent[] = [];
  private readonly visited = new Set<string>();
  /** Pairs of indirect objects still to compare: the walk is breadth-first, so long chains cannot exhaust the stack. */
  private readonly pending: { a: Parsed | undefined; b: Parsed | undefined; ctx: Context }[] = [];
  private signaturesAdded = false;

  /** `intact`: the byte ranges of the intact signatures; `signedEnd`: where the signed revision ends. */
  constructor(
    readonly before: Side,
    readonly after: Side,
    private readonly intact: ReadonlySet<string>,
    private readonly signedEnd: number,
  ) {}

  run(): void {
    const root = (s: Side) => s.rev.trailer.get('Root');
    const ctx: Context = { chain: NO_CHAIN, page: null, annot: null, object: null };
    const oldCatalog = this.before.resolve(root(this.before));
    const newCatalog = this.after.resolve(root(this.after));
    // Pages first, so that annotations are met in their page's context.
    if (oldCatalog instanceof Map && newCatalog instanceof Map) {
      this.value(oldCatalog.get('Pages'), newCatalog.get('Pages'), { ...ctx, chain: extend(NO_CHAIN, 'Pages') });
      this.drain();
    }
    this.value(root(this.before), root(this.after), ctx);
    this.value(this.before.rev.trailer.get('Info'), this.after.rev.trailer.get('Info'), { ...ctx, chain: extend(NO_CHAIN, 'Info') });
    this.value(this.before.rev.trailer.get('Encrypt'), this.after.rev.trailer.get('Encrypt'), { ...ctx, chain: extend(NO_CHAIN, 'Encrypt') });
    this.drain();
    if (this.signaturesAdded) for (const c of this.changes) if (c.kind === 'formFill' && c.detail.startsWith('AcroForm')) c.kind = 'signature';
  }

  private value(a: Parsed | undefined, b: Parsed | undefined, ctx: Context): void {
    if (a instanceof ParsedRef || b instanceof ParsedRef) {
      const key = `${a instanceof ParsedRef ? a.num : 'd'}>${b instanceof ParsedRef ? b.num : 'd'}`;
      if (this.visited.has(key)) return;
      if (this.visited.size >= LIMITS.objects) throw new Error('too many objects to compare');
      this.visited.add(key);
      const object = b instanceof ParsedRef ? b.num : a instanceof ParsedRef ? a.num : ctx.object;
      this.pending.push({ a, b, ctx: { ...ctx, object } });
      return;
    }
    this.direct(a, b, ctx);
  }

  private drain(): void {
    for (let i = 0; i < this.pending.length; i++) {
      const { a, b, ctx } = this.pending[i] as { a: Parsed | undefined; b: Parsed | undefined; ctx: Context };
      this.objects(a, b, ctx);
    }
    this.pending.length = 0;
  }

  /** Two values of which at least one is an indirect reference. */
  private objects(a: Parsed | undefined, b: Parsed | undefined, here: Context): void {
    if (a instanceof ParsedRef && b instanceof ParsedRef && a.num === b.num) {
      const loc = this.before.location(a.num);
      if (loc !== null && loc === this.after.location(b.num)) {
        // Stored at the same place in both: the same object; its children may still differ.
        const v = this.after.get(b.num) ?? undefined;
        this.direct(v, v, here);
        return;
      }
    }
    const va = this.before.resolve(a);
    const vb = this.after.resolve(b);
    this.direct(va, vb, here);
    if (va instanceof Map && vb instanceof Map && va.has('Length') && vb.has('Length') && a instanceof ParsedRef && b instanceof ParsedRef) {
      const ra = this.before.raw(a.num);
      const rb = this.after.raw(b.num);
      if (ra === null || rb === null || !ra.equals(rb)) this.record('modified', here, vb, 'stream data');
    }
  }

  private direct(a: Parsed | undefined, b: Parsed | undefined, ctx: Context): void {
    if (a === undefined && b === undefined) return;
    if (a === undefined || a === null) {
      if (b !== undefined && b !== null) this.record('created', ctx, b);
      return;
    }
    if (b === undefined || b === null) {
      this.record('deleted', ctx, a);
      return;
    }
    if (a instanceof Map && b instanceof Map) {
      this.dict(a, b, ctx);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      this.array(a, b, ctx);
      return;
    }
    if (Array.isArray(a) || Array.isArray(b) || a instanceof Map || b instanceof Map || !sameScalar(a, b)) this.record('modified', ctx, b);
  }

  private dict(a: ParsedDict, b: ParsedDict, ctx: Context): void {
    const isPage = nameOf(b, 'Type') === 'Page';
    const base = isPage ? { ...ctx, page: ctx.object } : ctx;
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const child = { ...base, chain: extend(base.chain, key) };
      let va = a.get(key);
      const vb = b.get(key);
      if (BACK_LINKS.has(key)) {
        if (va === undefined || vb === undefined || !sameScalar(va, vb)) this.direct(va, vb, child);
        continue;
      }
      // A created /AcroForm, /Annots or /Fields is compared with an empty one, entry by entry.
      if (va === undefined && key === 'AcroForm') va = new Map();
      if (va === undefined && ANNOTATION_ARRAYS.has(key)) va = [];
      this.value(va, vb, child);
    }
  }

  private array(a: Parsed[], b: Parsed[], ctx: Context): void {
    const last = ctx.chain.last;
    const ofAnnotations = ANNOTATION_ARRAYS.has(last) || (last === 'Kids' && ctx.annot !== null);
    if (ofAnnotations) {
      const refs = (x: Parsed[]) => new Map(x.filter((r): r is ParsedRef => r instanceof ParsedRef).map((r) => [r.num, r]));
      const ra = refs(a);
      const rb = refs(b);
      // Annotations are indirect objects (§12.5.2); an array with direct entries is compared entry by entry.
      if (ra.size === a.length && rb.size === b.length) {
          for (const [num, r] of rb) this.value(ra.get(num), r, { ...ctx, annot: { num, created: !ra.has(num) }, object: num });
        for (const [num, r] of ra) if (!rb.has(num)) this.value(r, undefined, { ...ctx, annot: { num, created: false }, object: num });
        return;
      }
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) this.value(a[i], b[i], ctx);
  }

  private record(action: 'created' | 'deleted' | 'modified', ctx: Context, value: Parsed, what?: string): void {
    const change = this.classify(action, ctx, value);
    const detail = `${change.detail}${what ? ` (${what})` : ''}`;
    const out: Change = { kind: change.kind, detail };
    if (ctx.object !== null) out.object = ctx.object;
    if (ctx.page !== null) out.page = ctx.page;
    if (!this.changes.some((c) => c.kind === out.kind && c.object === out.object && c.detail === out.detail)) this.changes.push(out);
    if (ctx.annot !== null && ctx.page !== null && ctx.annot.num !== null && action !== 'deleted') {
      if (!this.touchedAnnotations.some((e) => e.annot === ctx.annot?.num)) this.touchedAnnotations.push({ page: ctx.page, annot: ctx.annot.num });
    }
  }

  private classify(action: 'created' | 'deleted' | 'modified', ctx: Context, value: Parsed): { kind: ChangeKind; detail: string } {
    const [first = '', second = ''] = ctx.chain.head;
    const { last, parent, length } = ctx.chain;
    if (first === 'DSS') return { kind: 'dss', detail: `DSS ${action}` };
    if (first === 'Extensions' || (first === 'Version' && length === 1)) return { kind: 'dss', detail: `catalog /${first} ${action}` };
    if (last === 'Metadata' || parent === 'Metadata') return { kind: 'metadata', detail: `XMP metadata ${action}` };
    if (ctx.chain.structure) {
      return { kind: 'metadata', detail: `structure tree /${second} ${action}` };
    }
    if (ctx.annot !== null) return this.annotationChange(action, ctx.annot, ctx.chain, value);
    if (first === 'AcroForm') {
      if (length >= 2 && ['DA', 'DR', 'SigFlags'].includes(second)) return { kind: 'formFill', detail: `AcroForm /${second} ${action}` };
      return { kind: 'undefined', detail: `AcroForm /${second || ''} ${action}` };
    }
    if (length === 1 && action === 'created' && ['Perms', 'OutputIntents'].includes(first)) return { kind: 'formFill', detail: `catalog /${first} created` };
    if (first === 'PieceInfo') return { kind: 'formFill', detail: `catalog /PieceInfo ${action}` };
    return { kind: 'undefined', detail: `${pathOf(ctx.chain)} ${action}` };
  }

  /** A change in an annotation or field (DSS: signature creation, form fill, or annotation change). */
  private annotationChange(
    action: 'created' | 'deleted' | 'modified',
    annot: { num: number | null; created: boolean },
    chain: Chain,
    value: Parsed,
  ): { kind: ChangeKind; detail: string } {
    const num = annot.num ?? -1;
    const now = this.after.get(num);
    const then = this.before.get(num);
    const field = (side: Side, d: Parsed | null) => this.fieldOf(side, d);
    if (action === 'deleted' && ANNOTATION_ARRAYS.has(chain.last)) {
      const old = field(this.before, then);
      return old.type === 'Sig' && old.value !== undefined
        ? { kind: 'undefined', detail: `signed field ${num} removed` }
        : { kind: 'annotation', detail: `annotation ${num} removed` };
    }
    const current = field(this.after, now ?? (value instanceof Map ? value : null));
    const previous = field(this.before, annot.created ? null : then);
    if (current.type === 'Sig' || current.type === 'DocTimeStamp') {
      if (previous.value !== undefined) return { kind: 'undefined', detail: `signed field ${num} changed` };
      if (current.value === undefined) return { kind: 'annotation', detail: `empty signature field ${num} ${action}` };
      const sig = this.after.resolve(current.value);
      const range = byteRange(sig);
      if (range === null || !this.intact.has(range)) return { kind: 'undefined', detail: `signature field ${num} whose signature is not intact` };
      // A new signature covers what was added after the signed revision; pointing at an earlier one adds none.
      const [, , c = 0, d = 0] = range.split(' ').map(Number);
      if (c + d <= this.signedEnd) return { kind: 'undefined', detail: `signature field ${num} pointing at an earlier signature` };
      if (current.actions) return { kind: 'undefined', detail: `signature widget ${num} with actions` };
      this.signaturesAdded = true;
      return isDocTimeStamp(sig) ? { kind: 'documentTimestamp', detail: `document timestamp field ${num}` } : { kind: 'signature', detail: `signature field ${num}` };
    }
    if (current.widget) return { kind: 'formFill', detail: `form field ${num} ${annot.created ? 'added' : 'filled'}` };
    return { kind: 'annotation', detail: `${current.subtype || 'annotation'} ${num} ${annot.created ? 'added' : action}` };
  }

  /** A field's type and value, inherited through /Parent (§12.7.3.1), and the widget facts. */
  private fieldOf(side: Side, d: Parsed | null): { type: string; value: Parsed | undefined; widget: boolean; subtype: string; actions: boolean } {
    let type = '';
    let value: Parsed | undefined;
    let node: Parsed | undefined = d ?? undefined;
    for (let depth = 0; node instanceof Map && depth < 32; depth++) {
      type ||= nameOf(node, 'FT');
      value ??= node.get('V') ?? undefined;
      node = side.resolve(node.get('Parent'));
    }
    const subtype = nameOf(d ?? undefined, 'Subtype');
    const actions = d instanceof Map && (d.has('A') || d.has('AA'));
    return { type, value: value === null ? undefined : value, widget: subtype === 'Widget' || (subtype === '' && type !== ''), subtype, actions };
  }
}

// ---- Overlays ----

/** A page attribute, inherited through the page tree (§7.7.3.4). */
function inherited(side: Side, page: ParsedDict, key: string): Parsed | undefined {
  let node: Parsed | undefined = page;
  for (let depth = 0; node instanceof Map && depth < 64; depth++) {
    const v = node.get(key);
    if (v !== undefined) return side.resolve(v);
    node = side.resolve(node.get('Parent'));
  }
  return undefined;
}

/** The pages in order: their object numbers → 0-based index. */
function pageIndex(side: Side): Map<number, number> {
  const out = new Map<number, number>();
  const seen = new Set<number>();
  const catalog = side.resolve(side.rev.trailer.get('Root'));
  // Depth first, in order, with a stack of its own (a page tree may be deep).
  const stack: Parsed[] = catalog instanceof Map && catalog.get('Pages') !== undefined ? [catalog.get('Pages') as Parsed] : [];
  while (stack.length > 0 && seen.size <= LIMITS.pageTree) {
    const node = stack.pop();
    if (!(node instanceof ParsedRef) || seen.has(node.num)) continue;
    seen.add(node.num);
    const d = side.get(node.num);
    if (!(d instanceof Map)) continue;
    if (nameOf(d, 'Type') === 'Page') out.set(node.num, out.size);
    else {
      const kids = side.resolve(d.get('Kids'));
      if (Array.isArray(kids)) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Parsed);
    }
  }
  return out;
}

const EVERYWHERE: Box = [-Infinity, -Infinity, Infinity, Infinity];

/** What a page painted in a revision: its content's boxes and its visible annotations' rectangles (with their numbers). */
function pagePaint(side: Side, pageNum: number): { box: Box; object: number | null }[] {
  const page = side.get(pageNum);
  if (!(page instanceof Map)) return [{ box: EVERYWHERE, object: null }];
  const out: { box: Box; object: number | null }[] = [];
  try {
    const contents = side.resolve(page.get('Contents'));
    const parts = Array.isArray(contents) ? contents : contents === undefined ? [] : [page.get('Contents') as Parsed];
    const data = Buffer.concat(
      parts.flatMap((p) => {
        const s = side.stream(p);
        if (s === null) throw new Unbounded('a page content that is not a stream');
        return [s.data, Buffer.from('\n')];
      }),
    );
    const resources = inherited(side, page, 'Resources');
    for (const box of paintedBoxes(data, resources instanceof Map ? resources : null, side)) out.push({ box, object: null });
  } catch {
    out.push({ box: normalize(inherited(side, page, 'MediaBox')) ?? EVERYWHERE, object: null });
  }
  const annots = side.resolve(page.get('Annots'));
  if (Array.isArray(annots)) {
    for (const a of annots) {
      const rect = visibleRect(side, a);
      if (rect !== null) out.push({ box: rect, object: a instanceof ParsedRef ? a.num : null });
    }
  }
  return out;
}

/** An annotation's rectangle if it shows something (§12.5.3 flags, §12.5.5 appearance streams), else null. */
function visibleRect(side: Side, annot: Parsed | undefined): Box | null {
  const d = side.resolve(annot);
  if (!(d instanceof Map)) return null;
  const rect = normalize(side.resolve(d.get('Rect')));
  if (rect === null || rect[2] - rect[0] <= 0 || rect[3] - rect[1] <= 0) return null;
  const flags = side.resolve(d.get('F'));
  if (typeof flags === 'number' && (flags & (2 | 32)) !== 0) return null; // Hidden, NoView
  if (nameOf(d, 'Subtype') === 'Popup') return null;
  const ap = side.resolve(d.get('AP'));
  const normal = ap instanceof Map ? ap.get('N') : undefined;
  if (normal === undefined) {
    // Without an appearance a viewer draws the annotation itself, except an (empty) signature field.
    return nameOf(d, 'FT') === 'Sig' ? null : rect;
  }
  const states = side.resolve(normal);
  const streams: Parsed[] = [];
  if (states instanceof Map && !states.has('BBox')) {
    const as = d.get('AS');
    for (const [k, v] of states) if (!(as instanceof ParsedName) || as.value === k) streams.push(v);
  } else streams.push(normal);
  try {
    return streams.some((s) => appearancePaints(side, s)) ? rect : null;
  } catch {
    return rect;
  }
}

function appearancePaints(side: Side, form: Parsed): boolean {
  const s = side.stream(form);
  if (s === null) return true;
  const bbox = normalize(side.resolve(s.dict.get('BBox')));
  if (bbox !== null && (bbox[2] - bbox[0] <= 0 || bbox[3] - bbox[1] <= 0)) return false;
  return paintsAnything(s.data);
}

function overlaysOf(before: Side, after: Side, touched: AnnotationEvent[]): Overlay[] {
  if (touched.length === 0) return [];
  const pages = pageIndex(before);
  const painted = new Map<number, { box: Box; object: number | null }[]>();
  const overlays: Overlay[] = [];
  for (const { page, annot } of touched) {
    const index = pages.get(page);
    if (index === undefined) continue; // a page added after signing shows nothing that was signed
    const rect = visibleRect(after, new ParsedRef(annot));
    if (rect === null) continue;
    let paint = painted.get(page);
    if (paint === undefined) painted.set(page, (paint = pagePaint(before, page)));
    // What the page showed, less the annotation's own earlier appearance.
    if (paint.some((p) => p.object !== annot && intersects(p.box, rect))) overlays.push({ page: index, rect, object: annot });
  }
  return overlays;
}

/**
 * What the revisions after byte `signedEnd` changed. `signatureRanges` are the /ByteRange arrays (as
 * strings "a b c d") of the signatures found intact; a new signature counts as 'signature' only if
 * its byte range is among them. A file whose revisions cannot be read is one 'undefined' change.
 */
export function changesAfter(buf: Buffer, signedEnd: number, signatureRanges: ReadonlySet<string>): ChangesAfter {
  if (signedEnd === buf.length) return { changes: [], overlays: [] };
  if (signedEnd > buf.length || signedEnd <= 0) return { changes: [{ kind: 'undefined', detail: `the signed part (${signedEnd} bytes) does not fit the file` }], overlays: [] };
  try {
    const signed = buf.subarray(0, signedEnd);
    const after = new Side(buf, readRevision(buf));
    const before = new Side(signed, readRevision(signed), after);
    const comparison = new Comparison(before, after, signatureRanges, signedEnd);
    comparison.run();
    const pages = comparison.changes.some((c) => c.page !== undefined) ? pageIndex(before) : new Map<number, number>();
    const changes = comparison.changes.map((c) => {
      if (c.page === undefined) return c;
      const { page, ...rest } = c;
      const index = pages.get(page);
      return index === undefined ? rest : { ...rest, page: index };
    });
    return { changes, overlays: overlaysOf(before, after, comparison.touchedAnnotations) };
  } catch (e) {
    return { changes: [{ kind: 'undefined', detail: `the revisions cannot be compared: ${(e as Error).message}` }], overlays: [] };
  }
}
