import { constants as zlibConstants, inflateSync } from 'node:zlib';

/**
 * PDF syntax (ISO 32000-1 §7.3) for the documents the app writes and signs: serialising objects
 * into a file with a classic cross-reference table, and reading objects back from any PDF: classic
 * cross-reference tables (§7.5.4), cross-reference streams and hybrid files (§7.5.8), objects in
 * object streams (§7.5.7), and stream data through FlateDecode (§7.4.4). Reading is bounded: a
 * hostile file gets a clear error, never a hang or an unbounded allocation.
 */

/** A literal PDF fragment (a name, a reference, a number already formatted). */
export class Raw {
  constructor(readonly text: string) {}
}

export type PdfValue = Raw | number | boolean | null | string | PdfValue[] | { [key: string]: PdfValue | undefined };

/** A name (§7.3.5): white space, delimiters, `#` and bytes outside 0x21–0x7E written as `#xx`. */
export const name = (n: string): Raw => new Raw(`/${n.replace(/[^\x21-\x7e]|[#()<>[\]{}/%]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`);
export const ref = (num: number): Raw => new Raw(`${num} 0 R`);

/** A text string: PDFDocEncoding-safe ASCII as a literal, anything else as UTF-16BE with a BOM. */
export function textString(s: string): Raw {
  if (/^[\x20-\x7e]*$/.test(s)) return new Raw(`(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`);
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return new Raw(`<${hex}>`);
}

export function hexString(bytes: Uint8Array): Raw {
  return new Raw(`<${Buffer.from(bytes).toString('hex')}>`);
}

/** `D:YYYYMMDDHHmmSSZ`, the PDF date of a moment (UTC). */
export function pdfDate(at: Date): string {
  return `D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

export function serialize(v: PdfValue): string {
  if (v instanceof Raw) return v.text;
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  if (typeof v === 'string') return serialize(textString(v));
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`;
  const parts: string[] = [];
  for (const [k, val] of Object.entries(v)) if (val !== undefined) parts.push(`/${k} ${serialize(val)}`);
  return `<<${parts.join(' ')}>>`;
}

/** One indirect object, serialised: `n 0 obj … endobj`. */
export function objectBytes(numObj: number, value: PdfValue, stream?: Uint8Array): Buffer {
  if (stream === undefined) return Buffer.from(`${numObj} 0 obj\n${serialize(value)}\nendobj\n`, 'latin1');
  return Buffer.concat([
    Buffer.from(`${numObj} 0 obj\n${serialize(value)}\nstream\n`, 'latin1'),
    stream,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}

/** A cross-reference section for objects at known offsets, as PDF/A wants it (20-byte entries). */
export function xrefSection(entries: { num: number; offset: number }[], includeFree: boolean): string {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  let out = 'xref\n';
  if (includeFree) out += `0 1\n0000000000 65535 f\r\n`;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as { num: number }).num === (sorted[j] as { num: number }).num + 1) j++;
    out += `${(sorted[i] as { num: number }).num} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String((sorted[k] as { offset: number }).offset).padStart(10, '0')} 00000 n\r\n`;
    i = j + 1;
  }
  return out;
}

// ---- Reading back ----

export type Parsed = number | boolean | null | ParsedName | ParsedRef | ParsedString | Parsed[] | ParsedDict;
export class ParsedName {
  constructor(readonly value: string) {}
}
export class ParsedRef {
  constructor(readonly num: number) {}
}
export class ParsedString {
  constructor(readonly bytes: Uint8Array) {}
}
export type ParsedDict = Map<string, Parsed>;

/** Bytes `from`–`to` as Latin-1 text (short tokens without a Buffer). */
function latin1(buf: Uint8Array, from: number, to: number): string {
  const a = Math.max(0, from);
  const b = Math.min(buf.length, to);
  if (b - a <= 32) {
    let out = '';
    for (let i = a; i < b; i++) out += String.fromCharCode(buf[i] as number);
    return out;
  }
  return Buffer.from(buf.buffer, buf.byteOffset + a, b - a).toString('latin1');
}

// ---- Lexical conventions (§7.2): the one tokenizer every PDF reader in the app uses ----

const DELIMITERS = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

/** A white-space character (§7.2.2, Table 1): NUL, HT, LF, FF, CR, SP. */
export function isPdfWhitespace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
}
const isWhite = (b: number) => isPdfWhitespace(b);

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

/** From `pos`, past white space (not comments), but not beyond `limit`. */
export function skipPdfWhitespace(buf: Uint8Array, pos: number, limit: number = buf.length): number {
  while (pos < limit && isPdfWhitespace(buf[pos])) pos++;
  return pos;
}

/** The unsigned decimal integer (at most 15 digits) at `pos`, read no further than `limit`; null if none is there. */
export function readUnsigned(buf: Uint8Array, pos: number, limit: number = buf.length): { value: number; end: number } | null {
  let end = pos;
  let value = 0;
  while (end < limit && end - pos < 15 && isDigit(buf[end])) value = value * 10 + ((buf[end++] as number) - 0x30);
  return end === pos ? null : { value, end };
}

/** True when the ASCII `text` is at `at`. */
export function startsWithText(buf: Uint8Array, text: string, at: number): boolean {
  if (at < 0 || at + text.length > buf.length) return false;
  for (let i = 0; i < text.length; i++) if (buf[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * The `n g obj` header of an indirect object (§7.3.10) at `offset` (white space before it allowed),
 * read no further than `limit`: the object's number and where its value starts; null if none is there.
 */
export function objectHeaderAt(buf: Uint8Array, offset: number, limit: number = buf.length): { num: number; start: number } | null {
  if (offset < 0) return null;
  const num = readUnsigned(buf, skipPdfWhitespace(buf, offset, limit), limit);
  if (!num || !isPdfWhitespace(buf[num.end])) return null;
  const generation = readUnsigned(buf, skipPdfWhitespace(buf, num.end, limit), limit);
  if (!generation || !isPdfWhitespace(buf[generation.end])) return null;
  const keyword = skipPdfWhitespace(buf, generation.end, limit);
  if (keyword + 3 > limit || !startsWithText(buf, 'obj', keyword)) return null;
  const after = buf[keyword + 3];
  if (keyword + 3 < limit && after !== undefined && !isPdfWhitespace(after) && !DELIMITERS.has(after)) return null;
  return { num: num.value, start: keyword + 3 };
}

/** Bounds on what a file may make the reader do (a hostile file gets an error, not a hang). */
export const LIMITS = {
  /** Nesting of arrays and dictionaries in one object. */
  depth: 256,
  /** Cross-reference entries over all sections (a real file rarely has a million objects). */
  entries: 1_000_000,
  /** Cross-reference sections in the /Prev chain. */
  sections: 1_000,
  /** Bytes one stream may decode to. */
  decodedBytes: 64 * 1024 * 1024,
} as const;

/** Parses one object starting at `pos` (after whitespace); returns it and the position after it. */
export function parseObject(buf: Uint8Array, start: number): { value: Parsed; end: number } {
  let pos = start;
  let depth = 0;
  const skip = () => {
    for (;;) {
      while (pos < buf.length && isWhite(buf[pos] as number)) pos++;
      if (buf[pos] !== 0x25) return; // %
      while (pos < buf.length && buf[pos] !== 0x0a && buf[pos] !== 0x0d) pos++;
    }
  };
  const token = (): string => {
    const s = pos;
    while (pos < buf.length && !isWhite(buf[pos] as number) && !DELIMITERS.has(buf[pos] as number)) pos++;
    return latin1(buf, s, pos);
  };
  /** Digits from `p`: where they end. */
  const digits = (p: number) => {
    while (p < buf.length && (buf[p] as number) >= 0x30 && (buf[p] as number) <= 0x39) p++;
    return p;
  };
  const isEnd = (p: number) => p >= buf.length || isWhite(buf[p] as number) || DELIMITERS.has(buf[p] as number);
  /** An unsigned integer at `pos`, and the reference it starts (`n g R`), without building strings (most numbers are these). */
  const integer = (): Parsed | null => {
    const end = digits(pos);
    if (end === pos || end - pos > 15 || !isEnd(end)) return null;
    let n = 0;
    for (let p = pos; p < end; p++) n = n * 10 + ((buf[p] as number) - 0x30);
    pos = end;
    let q = pos;
    while (q < buf.length && isWhite(buf[q] as number)) q++;
    const genEnd = digits(q);
    if (genEnd > q && isEnd(genEnd)) {
      let r = genEnd;
      while (r < buf.length && isWhite(buf[r] as number)) r++;
      if (buf[r] === 0x52) {
        pos = r + 1;
        return new ParsedRef(n);
      }
    }
    return n;
  };
  const nested = <T>(read: () => T): T => {
    if (++depth > LIMITS.depth) throw new Error(`PDF: objects nested deeper than ${LIMITS.depth} at ${pos}`);
    const v = read();
    depth--;
    return v;
  };
  const value = (): Parsed => {
    skip();
    const c = buf[pos];
    if (c === 0x2f) {
      pos++;
      return new ParsedName(nameText(token()));
    }
    if (c === 0x3c && buf[pos + 1] === 0x3c) {
      pos += 2;
      return nested(() => {
        const dict: ParsedDict = new Map();
        for (;;) {
          skip();
          if (buf[pos] === 0x3e && buf[pos + 1] === 0x3e) {
            pos += 2;
            return dict;
          }
          const key = value();
          if (!(key instanceof ParsedName)) throw new Error(`PDF: dictionary key expected at ${pos}`);
          dict.set(key.value, value());
        }
      });
    }
    if (c === 0x3c) {
      const close = buf.indexOf(0x3e, pos);
      if (close < 0) throw new Error('PDF: unterminated hex string');
      const hex = Buffer.from(buf.subarray(pos + 1, close)).toString('latin1').replace(/\s/g, '');
      pos = close + 1;
      return new ParsedString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
    }
    if (c === 0x28) return literal();
    if (c !== undefined && c >= 0x30 && c <= 0x39) {
      const n = integer();
      if (n !== null) return n;
    }
    if (c === 0x5b) {
      pos++;
      return nested(() => {
        const arr: Parsed[] = [];
        for (;;) {
          skip();
          if (buf[pos] === 0x5d) {
            pos++;
            return arr;
          }
          arr.push(value());
        }
      });
    }
    const t = token();
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) throw new Error(`PDF: unexpected token "${t.slice(0, 20)}" at ${pos}`);
    // An integer followed by another and R is a reference.
    const save = pos;
    if (/^\d+$/.test(t)) {
      skip();
      const gen = token();
      skip();
      if (/^\d+$/.test(gen) && buf[pos] === 0x52) {
        pos++;
        return new ParsedRef(Number(t));
      }
      pos = save;
    }
    return Number(t);
  };
  const literal = (): ParsedString => {
    pos++;
    const out: number[] = [];
    let level = 1;
    while (pos < buf.length) {
      const b = buf[pos++] as number;
      if (b === 0x5c) {
        const n = buf[pos++] as number;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (map[n] !== undefined) out.push(map[n] as number);
        else if (n >= 0x30 && n <= 0x37) {
          let oct = n - 0x30;
          for (let k = 0; k < 2 && (buf[pos] as number) >= 0x30 && (buf[pos] as number) <= 0x37; k++) oct = oct * 8 + ((buf[pos++] as number) - 0x30);
          out.push(oct & 0xff);
        } else if (n !== 0x0a && n !== 0x0d) out.push(n);
        continue;
      }
      if (b === 0x28) level++;
      if (b === 0x29 && --level === 0) break;
      out.push(b);
    }
    return new ParsedString(Uint8Array.from(out));
  };
  const v = value();
  return { value: v, end: pos };
}

/** A name's `#xx` escapes resolved (§7.3.5): `/Noto#20Sans` is "Noto Sans". */
function nameText(raw: string): string {
  return raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : raw;
}

/** Where an object lives in a revision (§7.5.8.3): at a byte offset, or as the `index`-th object of an object stream. */
export type ObjectEntry = { offset: number } | { stream: number; index: number };

/** A file's last revision: its trailer and where each object is, through the chain of /Prev sections. */
export interface Revision {
  trailer: ParsedDict;
  /** Where each uncompressed object is; -1 for an object the newest section mentioning it marks free. */
  offsets: Map<number, number>;
  /** Objects stored in object streams (§7.5.7): the stream's object number and the index in it. */
  compressed: Map<number, { stream: number; index: number }>;
  startxref: number;
  /** The newest section is a cross-reference stream (§7.5.8): an update should write one too. */
  xrefStream: boolean;
}

const isCount = (v: Parsed | undefined): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Adds the entries of one section unless a newer section already placed the object. */
class Entries {
  readonly offsets = new Map<number, number>();
  readonly compressed = new Map<number, { stream: number; index: number }>();
  private count = 0;

  has(num: number): boolean {
    return this.offsets.has(num) || this.compressed.has(num);
  }

  set(num: number, entry: ObjectEntry | 'free'): void {
    if (++this.count > LIMITS.entries) throw new Error(`PDF: more than ${LIMITS.entries} cross-reference entries`);
    if (this.has(num)) return;
    if (entry === 'free') this.offsets.set(num, -1);
    else if ('offset' in entry) this.offsets.set(num, entry.offset);
    else this.compressed.set(num, entry);
  }
}

/** A classic cross-reference table at `at` (§7.5.4); returns its trailer. */
function readTable(buf: Uint8Array, at: number, entries: Entries): ParsedDict {
  let pos = at + 4;
  const line = () => {
    while (buf[pos] === 0x0a || buf[pos] === 0x0d || buf[pos] === 0x20) pos++;
    const s = pos;
    while (pos < buf.length && buf[pos] !== 0x0a && buf[pos] !== 0x0d && pos - s < 100) pos++;
    return latin1(buf, s, pos).trim();
  };
  const found: [number, { offset: number } | 'free'][] = [];
  for (;;) {
    if (pos >= buf.length) throw new Error('PDF: cross-reference section without a trailer');
    const header = line();
    if (header.startsWith('trailer')) {
      pos = pos - header.length + 'trailer'.length;
      break;
    }
    const sub = /^(\d+) (\d+)$/.exec(header);
    // Each entry takes 20 bytes: a count the file cannot hold is not a cross-reference section.
    if (!sub || Number(sub[2]) * 20 > buf.length - pos) throw new Error(`PDF: bad cross-reference section header "${header.slice(0, 40)}"`);
    const first = Number(sub[1]);
    const count = Number(sub[2]);
    for (let k = 0; k < count; k++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(line());
      if (!entry) throw new Error('PDF: bad cross-reference entry');
      found.push([first + k, entry[3] === 'n' ? { offset: Number(entry[1]) } : 'free']);
    }
  }
  const trailer = parseObject(buf, pos).value;
  if (!(trailer instanceof Map)) throw new Error('PDF: the trailer is not a dictionary');
  // A hybrid file (§7.5.8.4): the table's objects first, then the stream's (which may fill the table's free entries).
  const stm = trailer.get('XRefStm');
  for (const [num, e] of found) if (e !== 'free') entries.set(num, e);
  if (isCount(stm)) readXrefStream(buf, stm, entries);
  for (const [num, e] of found) if (e === 'free') entries.set(num, e);
  return trailer;
}

/**
 * Where the trailer dictionary (its `<<`) of the classic cross-reference table at `at` starts,
 * reached cheaply by jumping over each subsection (`first count`, then `count` entries of exactly
 * 20 bytes, §7.5.4) rather than reading the entries; null if the section is not well formed.
 */
export function trailerAfterTable(buf: Uint8Array, at: number): number | null {
  if (!startsWithText(buf, 'xref', at)) return null;
  let pos = at + 'xref'.length;
  for (let subsections = 0; subsections < LIMITS.entries; subsections++) {
    pos = skipPdfWhitespace(buf, pos);
    if (startsWithText(buf, 'trailer', pos)) {
      const dictionary = skipPdfWhitespace(buf, pos + 'trailer'.length);
      return startsWithText(buf, '<<', dictionary) ? dictionary : null;
    }
    const first = readUnsigned(buf, pos);
    if (!first) return null;
    let countAt = first.end;
    while (buf[countAt] === 0x20) countAt++;
    const count = readUnsigned(buf, countAt);
    if (!count) return null;
    pos = skipPdfWhitespace(buf, count.end) + count.value * 20;
    if (pos > buf.length || (count.value > 0 && !isTableEntry(buf, pos - 20))) return null;
  }
  return null;
}

/** `nnnnnnnnnn ggggg n` and a two-byte end of line: one cross-reference table entry (§7.5.4). */
function isTableEntry(buf: Uint8Array, at: number): boolean {
  if (at < 0) return false;
  for (let i = 0; i < 10; i++) if (!isDigit(buf[at + i])) return false;
  if (buf[at + 10] !== 0x20) return false;
  for (let i = 11; i < 16; i++) if (!isDigit(buf[at + i])) return false;
  const type = buf[at + 17];
  return buf[at + 16] === 0x20 && (type === 0x6e || type === 0x66) && isPdfWhitespace(buf[at + 18]) && isPdfWhitespace(buf[at + 19]);
}

/**
 * The dictionary whose `<<` is at `start`, parsed without reading past `start + maxBytes`; null if
 * no dictionary starts there, or it is malformed, or it does not close within that window.
 */
export function dictionaryAt(buf: Uint8Array, start: number, maxBytes: number): ParsedDict | null {
  if (!startsWithText(buf, '<<', start)) return null;
  try {
    const { value } = parseObject(buf.subarray(0, Math.min(buf.length, start + maxBytes)), start);
    return value instanceof Map ? value : null;
  } catch {
    return null;
  }
}

/** The `n g obj` header at `offset`: the object's number and where its value starts. */
function objectHeader(buf: Uint8Array, offset: number): { num: number; start: number } {
  const header = objectHeaderAt(buf, offset, Math.min(buf.length, offset + 40));
  if (header === null) throw new Error(`PDF: no object at offset ${offset}`);
  return header;
}

/** Where `endstream` occurs in a file, found in one pass (so that many streams with a wrong /Length cannot make the search quadratic). */
const endstreams = new WeakMap<Uint8Array, number[]>();

function nextEndstream(buf: Uint8Array, from: number): number {
  let all = endstreams.get(buf);
  if (all === undefined) {
    all = [];
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    for (let at = b.indexOf('endstream', 0, 'latin1'); at >= 0; at = b.indexOf('endstream', at + 9, 'latin1')) all.push(at);
    endstreams.set(buf, all);
  }
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return all[lo] ?? -1;
}

/** A stream's data as stored (§7.3.8.1): after `stream` and its end of line, /Length bytes (or up to `endstream`). */
function rawStream(buf: Uint8Array, dictEnd: number, length: number | undefined): Uint8Array {
  const m = /^\s*stream(\r\n|\n|\r)/.exec(latin1(buf, dictEnd, dictEnd + 40));
  if (!m) throw new Error(`PDF: no stream data after the dictionary at ${dictEnd}`);
  const start = dictEnd + m[0].length;
  if (length !== undefined && start + length <= buf.length && /^\s*endstream/.test(latin1(buf, start + length, start + length + 40))) {
    return buf.subarray(start, start + length);
  }
  // A wrong or indirect-and-unresolvable /Length: the data runs to `endstream` (less its end of line).
  const end = nextEndstream(buf, start);
  if (end < 0) throw new Error(`PDF: stream at ${dictEnd} has no endstream`);
  let stop = end;
  if (buf[stop - 1] === 0x0a) stop--;
  if (buf[stop - 1] === 0x0d) stop--;
  return buf.subarray(start, Math.max(start, stop));
}

const fieldValue = (data: Uint8Array, at: number, width: number): number => {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + (data[at + i] as number);
  return v;
};

/** A cross-reference stream at `at` (§7.5.8): its entries, and its dictionary as the trailer. */
function readXrefStream(buf: Uint8Array, at: number, entries: Entries): ParsedDict {
  const { start } = objectHeader(buf, at);
  const { value: dict, end } = parseObject(buf, start);
  if (!(dict instanceof Map) || !(dict.get('Type') instanceof ParsedName) || (dict.get('Type') as ParsedName).value !== 'XRef') {
    throw new Error(`PDF: no cross-reference stream at ${at}`);
  }
  const length = dict.get('Length');
  const data = decodeStream(dict, rawStream(buf, end, isCount(length) ? length : undefined));
  const w = dict.get('W');
  if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => isCount(x) && x <= 8)) throw new Error('PDF: bad /W in a cross-reference stream');
  const [w0, w1, w2] = w as [number, number, number];
  const width = w0 + w1 + w2;
  if (width === 0) throw new Error('PDF: bad /W in a cross-reference stream');
  const size = dict.get('Size');
  if (!isCount(size)) throw new Error('PDF: a cross-reference stream without /Size');
  const index = dict.get('Index') ?? [0, size];
  if (!Array.isArray(index) || index.length % 2 !== 0 || !index.every(isCount)) throw new Error('PDF: bad /Index in a cross-reference stream');
  let row = 0;
  for (let i = 0; i < index.length; i += 2) {
    const first = index[i] as number;
    const count = index[i + 1] as number;
    if ((row + count) * width > data.length) throw new Error('PDF: a cross-reference stream shorter than its /Index says');
    for (let k = 0; k < count; k++, row++) {
      const p = row * width;
      const type = w0 === 0 ? 1 : fieldValue(data, p, w0);
      const f2 = fieldValue(data, p + w0, w1);
      const f3 = fieldValue(data, p + w0 + w1, w2);
      // Type 1: at an offset; type 2: in an object stream; type 0 and any other: free (the null object).
      entries.set(first + k, type === 1 ? { offset: f2 } : type === 2 ? { stream: f2, index: f3 } : 'free');
    }
  }
  return dict;
}

export function readRevision(buf: Uint8Array): Revision {
  const tail = latin1(buf, buf.length - 1024, buf.length);
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new Error('PDF: no startxref at the end of the file');
  const startxref = Number(m[1]);
  const entries = new Entries();
  let trailer: ParsedDict | null = null;
  let xrefStream = false;
  let at: number | undefined = startxref;
  const seen = new Set<number>();
  while (at !== undefined) {
    if (seen.has(at)) throw new Error('PDF: the cross-reference sections loop (/Prev)');
    if (seen.size >= LIMITS.sections) throw new Error(`PDF: more than ${LIMITS.sections} cross-reference sections`);
    if (at >= buf.length) throw new Error(`PDF: a cross-reference section past the end of the file (${at})`);
    seen.add(at);
    const isTable = /^\s*xref/.test(latin1(buf, at, at + 12));
    const sectionAt: number = isTable ? at + latin1(buf, at, at + 12).indexOf('xref') : at;
    const dict = isTable ? readTable(buf, sectionAt, entries) : readXrefStream(buf, sectionAt, entries);
    if (trailer === null) {
      trailer = dict;
      xrefStream = !isTable;
    }
    const prev = dict.get('Prev');
    at = isCount(prev) ? prev : undefined;
  }
  if (trailer === null) throw new Error('PDF: no trailer');
  return { trailer, offsets: entries.offsets, compressed: entries.compressed, startxref, xrefStream };
}

/** Where object `num` is in the revision, or null if it is not (or is free). */
export function entryOf(rev: Revision, num: number): ObjectEntry | null {
  const offset = rev.offsets.get(num);
  if (offset !== undefined) return offset < 0 ? null : { offset };
  return rev.compressed.get(num) ?? null;
}

interface ObjectStream {
  data: Buffer;
  first: number;
  /** The object numbers and offsets (from /First) of its objects, in order. */
  pairs: [number, number][];
}

/** Object streams decoded once per revision. */
const objectStreams = new WeakMap<Revision, Map<number, ObjectStream>>();

/** An object stream (§7.5.7): /N pairs of numbers, then the objects from /First. */
function objectStream(buf: Uint8Array, rev: Revision, num: number): ObjectStream {
  let cache = objectStreams.get(rev);
  if (cache === undefined) objectStreams.set(rev, (cache = new Map()));
  const hit = cache.get(num);
  if (hit !== undefined) return hit;
  const offset = rev.offsets.get(num);
  if (offset === undefined || offset < 0) throw new Error(`PDF: object stream ${num} is not in the file`);
  const { dict, data } = readStream(buf, rev, num);
  const n = dict.get('N');
  const first = dict.get('First');
  if (!isCount(n) || !isCount(first) || first > data.length) throw new Error(`PDF: object stream ${num} without a valid /N and /First`);
  const numbers = latin1(data, 0, first).trim().split(/\s+/).filter((x) => x !== '');
  if (numbers.length < 2 * n || !numbers.slice(0, 2 * n).every((x) => /^\d+$/.test(x))) throw new Error(`PDF: object stream ${num} has a bad header`);
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) pairs.push([Number(numbers[2 * i]), Number(numbers[2 * i + 1])]);
  const stream = { data, first, pairs };
  cache.set(num, stream);
  return stream;
}

/** The object `num` of the file (its value; a stream's dictionary). */
export function readObject(buf: Uint8Array, rev: Revision, num: number): Parsed {
  const offset = rev.offsets.get(num);
  if (offset !== undefined && offset >= 0) {
    const header = objectHeader(buf, offset);
    if (header.num !== num) throw new Error(`PDF: object ${num} is not where the table says`);
    return parseObject(buf, header.start).value;
  }
  const place = rev.compressed.get(num);
  if (place === undefined) throw new Error(`PDF: object ${num} is not in the file`);
  const stream = objectStream(buf, rev, place.stream);
  const pair = stream.pairs[place.index]?.[0] === num ? stream.pairs[place.index] : stream.pairs.find(([n]) => n === num);
  if (pair === undefined) throw new Error(`PDF: object ${num} is not in object stream ${place.stream}`);
  return parseObject(stream.data, stream.first + pair[1]).value;
}

/** A stream object's dictionary and its data as stored (still encoded). */
export function readRawStream(buf: Uint8Array, rev: Revision, num: number): { dict: ParsedDict; raw: Uint8Array } {
  const offset = rev.offsets.get(num);
  // Streams are never in object streams (§7.5.7).
  if (offset === undefined || offset < 0) throw new Error(`PDF: stream ${num} is not in the file`);
  const header = objectHeader(buf, offset);
  if (header.num !== num) throw new Error(`PDF: object ${num} is not where the table says`);
  const { value: dict, end } = parseObject(buf, header.start);
  if (!(dict instanceof Map)) throw new Error(`PDF: object ${num} is not a stream`);
  let length = dict.get('Length');
  if (length instanceof ParsedRef && length.num !== num && rev.offsets.has(length.num)) length = readObject(buf, rev, length.num);
  return { dict, raw: rawStream(buf, end, isCount(length) ? length : undefined) };
}

/** A stream object's dictionary and its decoded data. */
export function readStream(buf: Uint8Array, rev: Revision, num: number, maxBytes: number = LIMITS.decodedBytes): { dict: ParsedDict; data: Buffer } {
  const { dict, raw } = readRawStream(buf, rev, num);
  return { dict, data: decodeStream(dict, raw, maxBytes) };
}

/** PNG predictors (§7.4.4.4, RFC 2083 §6): each row starts with its filter type. */
function unpredictPng(data: Buffer, columns: number, colors: number, bits: number): Buffer {
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((columns * colors * bits) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)] as number;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i] as number;
      const left = i >= bpp ? (out[dst + i - bpp] as number) : 0;
      const up = r > 0 ? (out[dst + i - rowLength] as number) : 0;
      const upLeft = r > 0 && i >= bpp ? (out[dst + i - rowLength - bpp] as number) : 0;
      let v: number;
      if (type === 0) v = raw;
      else if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new Error(`PDF: bad PNG predictor row type ${type}`);
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

/** FlateDecode (§7.4.4): zlib, never past `maxBytes`; a truncated stream yields what it holds. */
function inflate(raw: Uint8Array, params: Parsed | undefined, maxBytes: number): Buffer {
  let out: Buffer;
  try {
    out = inflateSync(raw, { maxOutputLength: maxBytes, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (e) {
    if (e instanceof RangeError) throw new Error(`PDF: a stream decodes to more than ${maxBytes} bytes`);
    throw new Error(`PDF: a FlateDecode stream is corrupt (${(e as Error).message})`);
  }
  const p = params instanceof Map ? params : new Map<string, Parsed>();
  const predictor = p.get('Predictor') ?? 1;
  if (predictor === 1) return out;
  if (typeof predictor !== 'number' || predictor < 10 || predictor > 15) throw new Error(`PDF: predictor ${String(predictor)} is not supported`);
  const get = (k: string, d: number) => {
    const v = p.get(k) ?? d;
    if (!isCount(v) || v === 0 || v > 1 << 16) throw new Error(`PDF: bad /${k} in /DecodeParms`);
    return v;
  };
  return unpredictPng(out, get('Columns', 1), get('Colors', 1), get('BitsPerComponent', 8));
}

/** A stream's data decoded through its filters (FlateDecode only; anything else is refused by name). */
export function decodeStream(dict: ParsedDict, raw: Uint8Array, maxBytes: number = LIMITS.decodedBytes): Buffer {
  const filter = dict.get('Filter');
  const filters = filter === undefined || filter === null ? [] : Array.isArray(filter) ? filter : [filter];
  const parms = dict.get('DecodeParms');
  let data = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  filters.forEach((f, i) => {
    if (!(f instanceof ParsedName)) throw new Error('PDF: a stream filter is not a name');
    if (f.value !== 'FlateDecode' && f.value !== 'Fl') throw new Error(`PDF: the ${f.value} filter is not supported`);
    data = inflate(data, Array.isArray(parms) ? parms[i] : parms, maxBytes);
  });
  if (data.length > maxBytes) throw new Error(`PDF: a stream decodes to more than ${maxBytes} bytes`);
  return data;
}

/** Serialises a parsed value back (to copy an object into an incremental update with changes). */
export function reserialize(v: Parsed): PdfValue {
  if (v instanceof ParsedName) return name(v.value);
  if (v instanceof ParsedRef) return ref(v.num);
  if (v instanceof ParsedString) return hexString(v.bytes);
  if (Array.isArray(v)) return v.map(reserialize);
  if (v instanceof Map) {
    const out: Record<string, PdfValue> = {};
    for (const [k, val] of v) out[k] = reserialize(val);
    return out;
  }
  return v;
}
