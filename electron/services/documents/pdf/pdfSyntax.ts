/**
 * PDF syntax (ISO 32000-1 §7.3) for the documents the app writes and signs: serialising objects
 * into a file with a classic cross-reference table, and reading back the few objects an incremental
 * update needs (trailer, catalog, page). The app only ever updates files it wrote itself.
 */

/** A literal PDF fragment (a name, a reference, a number already formatted). */
export class Raw {
  constructor(readonly text: string) {}
}

export type PdfValue = Raw | number | boolean | null | string | PdfValue[] | { [key: string]: PdfValue | undefined };

export const name = (n: string): Raw => new Raw(`/${n}`);
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

const DELIMITERS = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));
const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;

/** Parses one object starting at `pos` (after whitespace); returns it and the position after it. */
export function parseObject(buf: Uint8Array, start: number): { value: Parsed; end: number } {
  let pos = start;
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
    return Buffer.from(buf.subarray(s, pos)).toString('latin1');
  };
  const value = (): Parsed => {
    skip();
    const c = buf[pos];
    if (c === 0x2f) {
      pos++;
      return new ParsedName(token());
    }
    if (c === 0x3c && buf[pos + 1] === 0x3c) {
      pos += 2;
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
    }
    if (c === 0x3c) {
      const close = buf.indexOf(0x3e, pos);
      if (close < 0) throw new Error('PDF: unterminated hex string');
      const hex = Buffer.from(buf.subarray(pos + 1, close)).toString('latin1').replace(/\s/g, '');
      pos = close + 1;
      return new ParsedString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
    }
    if (c === 0x28) return literal();
    if (c === 0x5b) {
      pos++;
      const arr: Parsed[] = [];
      for (;;) {
        skip();
        if (buf[pos] === 0x5d) {
          pos++;
          return arr;
        }
        arr.push(value());
      }
    }
    const t = token();
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) throw new Error(`PDF: unexpected token "${t}" at ${pos}`);
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
    let depth = 1;
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
      if (b === 0x28) depth++;
      if (b === 0x29 && --depth === 0) break;
      out.push(b);
    }
    return new ParsedString(Uint8Array.from(out));
  };
  const v = value();
  return { value: v, end: pos };
}

/** A file's last revision: its trailer and where each object is, through the chain of /Prev sections. */
export interface Revision {
  trailer: ParsedDict;
  /** Where each object is; -1 for an object the newest section mentioning it marks free. */
  offsets: Map<number, number>;
  startxref: number;
}

export function readRevision(buf: Uint8Array): Revision {
  const tail = Buffer.from(buf.subarray(Math.max(0, buf.length - 1024))).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new Error('PDF: no startxref at the end of the file');
  const startxref = Number(m[1]);
  const offsets = new Map<number, number>();
  let trailer: ParsedDict | null = null;
  let at: number | undefined = startxref;
  const seen = new Set<number>();
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    const text = Buffer.from(buf.subarray(at, at + 7)).toString('latin1');
    if (!text.startsWith('xref')) throw new Error('PDF: cross-reference streams are not supported here');
    let pos = at + 4;
    const line = () => {
      while (buf[pos] === 0x0a || buf[pos] === 0x0d || buf[pos] === 0x20) pos++;
      const s = pos;
      while (pos < buf.length && buf[pos] !== 0x0a && buf[pos] !== 0x0d) pos++;
      return Buffer.from(buf.subarray(s, pos)).toString('latin1').trim();
    };
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
        if (!offsets.has(first + k)) offsets.set(first + k, entry[3] === 'n' ? Number(entry[1]) : -1);
      }
    }
    const dict = parseObject(buf, pos).value as ParsedDict;
    trailer ??= dict;
    const prev = dict.get('Prev');
    at = typeof prev === 'number' ? prev : undefined;
  }
  if (trailer === null) throw new Error('PDF: no trailer');
  return { trailer, offsets, startxref };
}

/** The object `num` of the file (its value; a stream's dictionary). */
export function readObject(buf: Uint8Array, rev: Revision, num: number): Parsed {
  const offset = rev.offsets.get(num);
  if (offset === undefined || offset < 0) throw new Error(`PDF: object ${num} is not in the file`);
  const header = /^(\d+)\s+(\d+)\s+obj/.exec(Buffer.from(buf.subarray(offset, offset + 32)).toString('latin1'));
  if (!header || Number(header[1]) !== num) throw new Error(`PDF: object ${num} is not where the table says`);
  return parseObject(buf, offset + header[0].length).value;
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
