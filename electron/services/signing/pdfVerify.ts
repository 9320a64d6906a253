import { createHash } from 'node:crypto';
import { DomainError } from '../../../shared/domain/errors';
import { parseObject, ParsedName, ParsedRef, ParsedString, readRevision, type Parsed, type ParsedDict } from '../documents/pdf/pdfSyntax';
import { checkCms, type CmsCheck } from './cms';

/**
 * Verifies the signatures of any PDF: for each signature dictionary, whether the bytes it covers
 * are unchanged (the CMS over them is intact), who signed, when, whether the certificate was valid
 * then and chains to a trusted root, and whether the file changed after the signature.
 *
 * Signatures are found by their /ByteRange: a signature's /Contents must sit in the file exactly at
 * the gap of its byte range (ISO 32000-1 §12.8.1), so a dictionary elsewhere (in a compressed object
 * stream, or a fake in a content stream) cannot pass for one.
 */

export type AfterSigning =
  /** The signature covers the whole file. */
  | 'unchanged'
  /** Later revisions only add signatures (their fields, stamps and the page and form entries for them). */
  | 'signedLater'
  /** Something else was changed after the signature. */
  | 'changed';

export interface PdfSignatureCheck {
  byteRange: [number, number, number, number];
  /** /Name and /M of the signature dictionary (what the signer's software claimed). */
  name: string | null;
  claimedTime: string | null;
  subFilter: string | null;
  after: AfterSigning;
  cms: CmsCheck;
  /** Intact, certificate valid, and nothing but signatures after it. */
  valid: boolean;
}

export interface PdfCheck {
  signatures: PdfSignatureCheck[];
  size: number;
}

function text(v: Parsed | undefined): string | null {
  if (!(v instanceof ParsedString)) return null;
  const b = v.bytes;
  if (b[0] === 0xfe && b[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode(((b[i] as number) << 8) | (b[i + 1] as number));
    return s;
  }
  return Buffer.from(b).toString('latin1');
}

/** 'D:20261122083000Z' or with an offset → ISO 8601. */
export function parsePdfDate(s: string | null): string | null {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz = 'Z'] = m;
  const zone = tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The DER object at the start of the zero-padded /Contents (its own length says where it ends). */
function derPrefix(b: Buffer): Buffer {
  if (b.length < 2 || b[0] !== 0x30) return b;
  const first = b[1] as number;
  if (first < 0x80) return b.subarray(0, 2 + first);
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] as number);
  return b.subarray(0, Math.min(b.length, 2 + n + len));
}

function unreadable(): DomainError {
  return new DomainError('PDF_UNREADABLE', 'Failas nėra PDF dokumentas arba yra sugadintas.', 'The file is not a PDF document or is damaged.');
}

/** The indirect object holding a /ByteRange at `at`: its dictionary and where it ends, or null. */
function enclosingObject(buf: Buffer, at: number): { dict: ParsedDict; start: number; end: number } | null {
  const objAt = buf.lastIndexOf(' obj', at, 'latin1');
  const end = buf.indexOf('endobj', at, 'latin1');
  if (objAt < 0 || end < 0) return null;
  try {
    const v = parseObject(buf, objAt + 4).value;
    return v instanceof Map ? { dict: v, start: objAt, end } : null;
  } catch {
    return null;
  }
}

const canonical = (v: Parsed | undefined): string =>
  JSON.stringify(v, (_k, x: unknown) => {
    if (x instanceof Map) return Object.fromEntries([...x.entries()].sort(([a], [b]) => a.localeCompare(b)));
    if (x instanceof ParsedRef) return `R${x.num}`;
    if (x instanceof ParsedName) return `/${x.value}`;
    if (x instanceof ParsedString) return `(${Buffer.from(x.bytes).toString('hex')})`;
    return x;
  });

const typeOf = (d: ParsedDict, key = 'Type'): string => {
  const t = d.get(key);
  return t instanceof ParsedName ? t.value : '';
};

/** `before` (an array, or nothing) is the start of `after`: entries were only added. */
function extends_(before: Parsed | undefined, after: Parsed | undefined): boolean {
  const b = Array.isArray(before) ? before : [];
  const a = Array.isArray(after) ? after : [];
  return a.length >= b.length && b.every((x, i) => canonical(x) === canonical(a[i]));
}

function objectAt(buf: Buffer, offset: number): Parsed {
  const header = /^\d+\s+\d+\s+obj/.exec(buf.subarray(offset, offset + 32).toString('latin1'));
  if (!header) throw new Error('PDF: no object where the table says');
  return parseObject(buf, offset + header[0].length).value;
}

/**
 * What the revisions after `end` did. They count as signatures only (ISO 32000-1 §12.8.2.2 "signing
 * in an incremental update") when they end with an intact signature over the whole file, every new
 * object is a signature, its widget (pointing to a signature made here, without actions) or a stamp,
 * and the only objects changed are pages and the catalog, and those only by adding widgets and
 * fields; nothing may be freed or moved.
 */
function afterSigning(buf: Buffer, end: number, intactRanges: ReadonlySet<string>): AfterSigning {
  if (end === buf.length) return 'unchanged';
  try {
    const now = readRevision(buf);
    const before = readRevision(buf.subarray(0, end));
    const oldSize = before.trailer.get('Size');
    if (typeof oldSize !== 'number') return 'changed';
    for (const [num, off] of now.offsets) {
      const oldOff = before.offsets.get(num);
      if (oldOff === off) continue;
      if (off < end) return 'changed'; // freed, or pointed back at other old bytes
      const value = objectAt(buf, off);
      if (!(value instanceof Map)) return 'changed';
      if (oldOff === undefined) {
        if (num < oldSize || !isSignatureObject(buf, now, value, intactRanges)) return 'changed';
        continue;
      }
      if (oldOff < 0) return 'changed'; // a freed number brought back
      const old = objectAt(buf, oldOff);
      if (!(old instanceof Map) || typeOf(old) !== typeOf(value)) return 'changed';
      const key = typeOf(value) === 'Page' ? 'Annots' : typeOf(value) === 'Catalog' ? 'AcroForm' : null;
      if (key === null) return 'changed';
      const rest = (d: ParsedDict) => canonical(new Map([...d.entries()].filter(([k]) => k !== key)));
      if (rest(old) !== rest(value)) return 'changed';
      if (key === 'Annots' && !extends_(old.get('Annots'), value.get('Annots'))) return 'changed';
      if (key === 'AcroForm') {
        const fields = (d: ParsedDict) => {
          const form = d.get('AcroForm');
          return form instanceof Map ? form.get('Fields') : undefined;
        };
        if (!extends_(fields(old), fields(value))) return 'changed';
      }
    }
    return 'signedLater';
  } catch {
    return 'changed';
  }
}

/** A new object a signature adds: its dictionary, a stamp's form, or its widget without actions. */
function isSignatureObject(buf: Buffer, rev: ReturnType<typeof readRevision>, d: ParsedDict, intactRanges: ReadonlySet<string>): boolean {
  const type = typeOf(d);
  if (type === 'Sig') return intactRanges.has(canonical(d.get('ByteRange')));
  if (type === 'XObject') return typeOf(d, 'Subtype') === 'Form';
  if (type !== 'Annot' || typeOf(d, 'Subtype') !== 'Widget' || typeOf(d, 'FT') !== 'Sig' || d.has('A') || d.has('AA')) return false;
  const v = d.get('V');
  if (!(v instanceof ParsedRef)) return false;
  const off = rev.offsets.get(v.num);
  if (off === undefined || off < 0) return false;
  const sig = objectAt(buf, off);
  return sig instanceof Map && intactRanges.has(canonical(sig.get('ByteRange')));
}

export function verifyPdf(bytes: Uint8Array, options: { trusted?: Uint8Array[]; now?: Date } = {}): PdfCheck {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1') < 0) throw unreadable();
  const found: (Omit<PdfSignatureCheck, 'after' | 'valid'> & { end: number })[] = [];
  const seen = new Set<string>();
  const pattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (const m of buf.toString('latin1').matchAll(pattern)) {
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [a, b, c, d] = range;
    if (a !== 0 || b <= 0 || c <= b || c + d > buf.length || buf[b] !== 0x3c || buf[c - 1] !== 0x3e) continue;
    // The signature's own /Contents must be the gap: in the same object as its /ByteRange, once.
    const holder = enclosingObject(buf, m.index ?? 0);
    if (!holder || b < holder.start || c > holder.end || seen.has(range.join(' '))) continue;
    seen.add(range.join(' '));
    const hex = buf.subarray(b + 1, c - 1).toString('latin1');
    if (!/^[0-9a-fA-F\s]*$/.test(hex)) continue;
    const cms = derPrefix(Buffer.from(hex.replace(/\s/g, ''), 'hex'));
    const digest = createHash('sha256').update(buf.subarray(a, b)).update(buf.subarray(c, c + d)).digest();
    const check = checkCms(cms, digest, { ...(options.trusted ? { trusted: options.trusted } : {}), ...(options.now ? { now: options.now } : {}) });
    const subFilter = holder.dict.get('SubFilter');
    found.push({
      byteRange: range,
      end: c + d,
      name: text(holder.dict.get('Name')),
      claimedTime: parsePdfDate(text(holder.dict.get('M'))),
      subFilter: subFilter instanceof ParsedName ? subFilter.value : null,
      cms: check,
    });
  }
  const intact = found.filter((f) => f.cms.intact);
  const intactRanges = new Set(intact.map((f) => canonical(f.byteRange)));
  const wholeFileSigned = intact.some((f) => f.end === buf.length);
  const signatures = found.map(({ end, ...f }) => {
    const after: AfterSigning = end === buf.length ? 'unchanged' : wholeFileSigned ? afterSigning(buf, end, intactRanges) : 'changed';
    // Valid: intact, by a certificate valid then and chaining to a trusted root, nothing but signatures since.
    return { ...f, after, valid: f.cms.intact && f.cms.certificateValid === 'valid' && f.cms.trusted && after !== 'changed' };
  });
  return { signatures, size: buf.length };
}
