import { parseObject, ParsedName, ParsedRef, ParsedString, type Parsed, type ParsedDict } from '../pdf/pdfSyntax';

/**
 * Where a content stream paints (ISO 32000-1 §8, §9): the bounding boxes, in default user space, of
 * the text it shows, the paths it fills or strokes, and the images and forms it draws. Bounds are
 * conservative: a box may be larger than the ink, never smaller; whatever cannot be bounded (an
 * unknown font, a shading, a broken stream) throws `Unbounded`, and the caller then takes the whole
 * page as painted.
 */

/** [x1 y1 x2 y2] with x1 ≤ x2, y1 ≤ y2. */
export type Box = [number, number, number, number];
export type Matrix = [number, number, number, number, number, number];

export class Unbounded extends Error {}

/** How the interpreter reaches objects the content names (fonts, XObjects) through its resources. */
export interface ObjectSource {
  /** The value, with an indirect reference followed. */
  resolve(v: Parsed | undefined): Parsed | undefined;
  /** The decoded stream a value refers to, or null when it is not a stream. */
  stream(v: Parsed | undefined): { dict: ParsedDict; data: Buffer } | null;
}

const LIMITS = { operators: 2_000_000, boxes: 100_000, stack: 256 } as const;
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n (§8.3.4: row vectors, so `a cm` makes CTM' = a × CTM). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** The bounding box of a rectangle's four corners under `m`. */
function transformBox(box: Box, m: Matrix): Box {
  const [x1, y1, x2, y2] = box;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [x1, y1],
    [x1, y2],
    [x2, y1],
    [x2, y2],
  ] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function normalize(r: Parsed | undefined): Box | null {
  if (!Array.isArray(r) || r.length !== 4 || !r.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const [a, b, c, d] = r as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

/** Two boxes share area (touching edges do not count). */
export function intersects(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

const asMatrix = (v: Parsed | undefined): Matrix | null =>
  Array.isArray(v) && v.length === 6 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (v as Matrix) : null;

// ---- Fonts: how far a string advances, and how high its glyphs reach (§9.2.4, §9.6.2, §9.7.4.3) ----

interface Metrics {
  /** Bytes per character code: 1 for simple fonts, 2 for Identity-H. */
  bytes: 1 | 2;
  /** Advance of a code in glyph space (thousandths of the font size). */
  width(code: number): number;
  /** Lowest and highest extent of any glyph, in glyph space. */
  low: number;
  high: number;
}

function descriptorExtent(source: ObjectSource, descriptor: Parsed | undefined): { low: number; high: number } {
  const d = source.resolve(descriptor);
  const bbox = d instanceof Map ? normalize(source.resolve(d.get('FontBBox')) as Parsed) : null;
  if (bbox && bbox[3] > bbox[1]) return { low: Math.min(bbox[1], 0), high: Math.max(bbox[3], 0) };
  const ascent = d instanceof Map ? d.get('Ascent') : undefined;
  const descent = d instanceof Map ? d.get('Descent') : undefined;
  if (typeof ascent === 'number' && typeof descent === 'number' && ascent > descent) return { low: Math.min(descent, 0), high: Math.max(ascent, 0) };
  // No usable metrics: a generous em box.
  return { low: -500, high: 1500 };
}

/** /W of a CIDFont (§9.7.4.3): `c [w1 w2 …]` and `cfirst clast w`. */
function cidWidths(source: ObjectSource, w: Parsed | undefined): Map<number, number> {
  const out = new Map<number, number>();
  const arr = source.resolve(w);
  if (!Array.isArray(arr)) return out;
  let i = 0;
  while (i < arr.length) {
    const first = arr[i];
    const next = source.resolve(arr[i + 1]);
    if (typeof first !== 'number') throw new Unbounded('a CIDFont /W array is malformed');
    if (Array.isArray(next)) {
      next.forEach((x, k) => {
        if (typeof x === 'number') out.set(first + k, x);
      });
      i += 2;
    } else {
      const last = next;
      const width = arr[i + 2];
      if (typeof last !== 'number' || typeof width !== 'number' || last - first > 65536) throw new Unbounded('a CIDFont /W array is malformed');
      for (let c = first; c <= last; c++) out.set(c, width);
      i += 3;
    }
  }
  return out;
}

function fontMetrics(source: ObjectSource, font: Parsed | undefined): Metrics {
  const f = source.resolve(font);
  if (!(f instanceof Map)) throw new Unbounded('a font the content uses is missing');
  const subtype = f.get('Subtype');
  const kind = subtype instanceof ParsedName ? subtype.value : '';
  if (kind === 'Type0') {
    const encoding = f.get('Encoding');
    if (!(encoding instanceof ParsedName) || encoding.value !== 'Identity-H') throw new Unbounded('a composite font with an encoding other than Identity-H');
    const kids = source.resolve(f.get('DescendantFonts'));
    const cid = Array.isArray(kids) ? source.resolve(kids[0]) : undefined;
    if (!(cid instanceof Map)) throw new Unbounded('a composite font without its CIDFont');
    const widths = cidWidths(source, cid.get('W'));
    const dw = cid.get('DW');
    const fallback = typeof dw === 'number' ? dw : 1000;
    return { bytes: 2, width: (c) => widths.get(c) ?? fallback, ...descriptorExtent(source, cid.get('FontDescriptor')) };
  }
  if (kind === 'Type1' || kind === 'TrueType' || kind === 'MMType1') {
    const widths = source.resolve(f.get('Widths'));
    const first = f.get('FirstChar');
    if (!Array.isArray(widths) || typeof first !== 'number') throw new Unbounded(`a simple font without /Widths (${kind})`);
    const descriptor = source.resolve(f.get('FontDescriptor'));
    const missing = descriptor instanceof Map && typeof descriptor.get('MissingWidth') === 'number' ? (descriptor.get('MissingWidth') as number) : 0;
    return {
      bytes: 1,
      width: (c) => {
        const w = widths[c - first];
        return typeof w === 'number' ? w : missing;
      },
      ...descriptorExtent(source, f.get('FontDescriptor')),
    };
  }
  throw new Unbounded(`a ${kind || 'untyped'} font`);
}

// ---- Tokens ----

type Operand = Parsed;

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Calls `op` with each operator and its operands, in order (§7.8.2). */
function eachOperator(data: Uint8Array, op: (name: string, operands: Operand[]) => void): void {
  let pos = 0;
  let operands: Operand[] = [];
  let count = 0;
  while (pos < data.length) {
    const c = data[pos] as number;
    if (WHITE.has(c)) {
      pos++;
      continue;
    }
    if (c === 0x25) {
      while (pos < data.length && data[pos] !== 0x0a && data[pos] !== 0x0d) pos++;
      continue;
    }
    if (c === 0x2f || c === 0x28 || c === 0x3c || c === 0x5b) {
      const parsed = parseObject(data, pos);
      if (parsed.end <= pos) throw new Unbounded('a content stream does not parse');
      operands.push(parsed.value);
      pos = parsed.end;
      continue;
    }
    if (DELIM.has(c)) throw new Unbounded(`unexpected "${String.fromCharCode(c)}" in a content stream`);
    const start = pos;
    while (pos < data.length && !WHITE.has(data[pos] as number) && !DELIM.has(data[pos] as number)) pos++;
    const word = Buffer.from(data.subarray(start, pos)).toString('latin1');
    if (NUMBER.test(word)) operands.push(Number(word));
    else if (word === 'true' || word === 'false') operands.push(word === 'true');
    else if (word === 'null') operands.push(null);
    else {
      if (++count > LIMITS.operators) throw new Unbounded('a content stream with too many operators');
      if (word === 'BI') {
        // An inline image (§8.9.7): its dictionary, `ID`, binary data, then `EI` between white space.
        const id = Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf('ID', pos, 'latin1');
        if (id < 0) throw new Unbounded('an inline image without ID');
        let ei = id + 3;
        for (;;) {
          ei = Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf('EI', ei, 'latin1');
          if (ei < 0) throw new Unbounded('an inline image without EI');
          if (WHITE.has(data[ei - 1] as number) && (ei + 2 >= data.length || WHITE.has(data[ei + 2] as number))) break;
          ei += 2;
        }
        pos = ei + 2;
      }
      op(word, operands);
      operands = [];
    }
  }
}

/** Whether a content stream paints anything at all (an appearance that only sets state paints nothing). */
export function paintsAnything(data: Uint8Array): boolean {
  let paints = false;
  try {
    eachOperator(data, (name) => {
      if (PAINTING.has(name)) paints = true;
    });
  } catch {
    return true;
  }
  return paints;
}

const PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI']);
const STROKING = new Set(['S', 's', 'B', 'B*', 'b', 'b*']);

// ---- The interpreter ----

interface State {
  ctm: Matrix;
  lineWidth: number;
  font: Metrics | null;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
  rise: number;
}

const num = (v: Operand | undefined): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Unbounded('an operator without its numbers');
  return v;
};

/**
 * The boxes (default user space under `base`) where the content paints. `resources` is the
 * resource dictionary it runs with (§7.8.3).
 */
export function paintedBoxes(data: Uint8Array, resources: ParsedDict | null, source: ObjectSource, base: Matrix = IDENTITY): Box[] {
  const boxes: Box[] = [];
  const fonts = new Map<string, Metrics>();
  let gs: State = { ctm: base, lineWidth: 1, font: null, size: 0, charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, rise: 0 };
  const stack: State[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let path: Box | null = null;

  const resource = (category: string, key: Parsed | undefined): Parsed | undefined => {
    const dict = source.resolve(resources?.get(category));
    return dict instanceof Map && key instanceof ParsedName ? dict.get(key.value) : undefined;
  };
  const add = (box: Box) => {
    if (boxes.length >= LIMITS.boxes) throw new Unbounded('too many painted areas');
    boxes.push(box);
  };
  const point = (x: number, y: number) => {
    const [a, b, c, d, e, f] = gs.ctm;
    const px = a * x + c * y + e;
    const py = b * x + d * y + f;
    path = path === null ? [px, py, px, py] : [Math.min(path[0], px), Math.min(path[1], py), Math.max(path[2], px), Math.max(path[3], py)];
  };
  const moveLine = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const show = (items: Operand[]) => {
    const font = gs.font;
    if (font === null) throw new Unbounded('text shown without a font');
    const th = gs.scale;
    let x = 0;
    let min = 0;
    let max = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        x -= (item / 1000) * gs.size * th;
      } else if (item instanceof ParsedString) {
        const b = item.bytes;
        for (let i = 0; i + font.bytes <= b.length; i += font.bytes) {
          const code = font.bytes === 2 ? ((b[i] as number) << 8) | (b[i + 1] as number) : (b[i] as number);
          const spacing = gs.charSpacing + (font.bytes === 1 && code === 32 ? gs.wordSpacing : 0);
          x += ((font.width(code) / 1000) * gs.size + spacing) * th;
        }
      } else continue;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const low = (font.low / 1000) * gs.size + gs.rise;
    const high = (font.high / 1000) * gs.size + gs.rise;
    if (max > min) add(transformBox([min, Math.min(low, high), max, Math.max(low, high)], multiply(tm, gs.ctm)));
    tm = multiply([1, 0, 0, 1, x, 0], tm);
  };
  const paintPath = (stroke: boolean) => {
    if (path !== null) {
      const [a, b, c, d] = gs.ctm;
      const grow = stroke ? (gs.lineWidth / 2) * Math.max(Math.hypot(a, b), Math.hypot(c, d), 1) : 0;
      add([path[0] - grow, path[1] - grow, path[2] + grow, path[3] + grow]);
    }
    path = null;
  };

  eachOperator(data, (op, o) => {
    switch (op) {
      case 'q':
        if (stack.length >= LIMITS.stack) throw new Unbounded('graphics states nested too deep');
        stack.push({ ...gs });
        break;
      case 'Q':
        gs = stack.pop() ?? gs;
        break;
      case 'cm':
        gs.ctm = multiply([num(o[0]), num(o[1]), num(o[2]), num(o[3]), num(o[4]), num(o[5])], gs.ctm);
        break;
      case 'w':
        gs.lineWidth = Math.abs(num(o[0]));
        break;
      case 'gs': {
        const ext = source.resolve(resource('ExtGState', o[0]));
        if (ext instanceof Map && typeof ext.get('LW') === 'number') gs.lineWidth = Math.abs(ext.get('LW') as number);
        if (ext instanceof Map && ext.has('Font')) throw new Unbounded('a font set through an ExtGState');
        break;
      }
      case 'm':
      case 'l':
        point(num(o[0]), num(o[1]));
        break;
      case 'c':
        point(num(o[0]), num(o[1]));
        point(num(o[2]), num(o[3]));
        point(num(o[4]), num(o[5]));
        break;
      case 'v':
      case 'y':
        point(num(o[0]), num(o[1]));
        point(num(o[2]), num(o[3]));
        break;
      case 're': {
        const [x, y, w, h] = [num(o[0]), num(o[1]), num(o[2]), num(o[3])];
        point(x, y);
        point(x + w, y + h);
        point(x + w, y);
        point(x, y + h);
        break;
      }
      case 'n':
        path = null;
        break;
      case 'S':
      case 's':
      case 'f':
      case 'F':
      case 'f*':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        paintPath(STROKING.has(op));
        break;
      case 'BT':
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case 'Tf': {
        const key = o[0];
        const fontKey = key instanceof ParsedName ? key.value : '';
        let metrics = fonts.get(fontKey);
        if (metrics === undefined) fonts.set(fontKey, (metrics = fontMetrics(source, resource('Font', key))));
        gs.font = metrics;
        gs.size = num(o[1]);
        break;
      }
      case 'Tc':
        gs.charSpacing = num(o[0]);
        break;
      case 'Tw':
        gs.wordSpacing = num(o[0]);
        break;
      case 'Tz':
        gs.scale = num(o[0]) / 100;
        break;
      case 'TL':
        gs.leading = num(o[0]);
        break;
      case 'Ts':
        gs.rise = num(o[0]);
        break;
      case 'Td':
        moveLine(num(o[0]), num(o[1]));
        break;
      case 'TD':
        gs.leading = -num(o[1]);
        moveLine(num(o[0]), num(o[1]));
        break;
      case 'Tm':
        tlm = [num(o[0]), num(o[1]), num(o[2]), num(o[3]), num(o[4]), num(o[5])];
        tm = tlm;
        break;
      case 'T*':
        moveLine(0, -gs.leading);
        break;
      case 'Tj':
        show([o[0] ?? null]);
        break;
      case "'":
        moveLine(0, -gs.leading);
        show([o[0] ?? null]);
        break;
      case '"':
        gs.wordSpacing = num(o[0]);
        gs.charSpacing = num(o[1]);
        moveLine(0, -gs.leading);
        show([o[2] ?? null]);
        break;
      case 'TJ':
        show(Array.isArray(o[0]) ? o[0] : []);
        break;
      case 'Do':
        add(xobjectBox(source, resource('XObject', o[0]), gs.ctm));
        break;
      case 'BI':
        add(transformBox([0, 0, 1, 1], gs.ctm));
        break;
      case 'sh':
        throw new Unbounded('a shading fills the clipping region');
      default:
        break;
    }
  });
  return boxes;
}

/** An image paints the unit square (§8.9.4), a form its /BBox under its /Matrix (§8.10.1), both under the CTM. */
function xobjectBox(source: ObjectSource, xobject: Parsed | undefined, ctm: Matrix): Box {
  if (!(xobject instanceof ParsedRef)) throw new Unbounded('an XObject the content draws is missing');
  const x = source.resolve(xobject);
  if (!(x instanceof Map)) throw new Unbounded('an XObject the content draws is missing');
  const subtype = x.get('Subtype');
  if (subtype instanceof ParsedName && subtype.value === 'Image') return transformBox([0, 0, 1, 1], ctm);
  const bbox = normalize(source.resolve(x.get('BBox')));
  if (!(subtype instanceof ParsedName) || subtype.value !== 'Form' || bbox === null) throw new Unbounded('an XObject of unknown kind');
  return transformBox(bbox, multiply(asMatrix(source.resolve(x.get('Matrix'))) ?? IDENTITY, ctm));
}
