import { createHash } from 'node:crypto';
import { DomainError } from '../../../shared/domain/errors';
import { parseObject, ParsedName, ParsedString, readRevision, type Parsed, type ParsedDict } from '../documents/pdf/pdfSyntax';
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

/** The signature dictionary around a /ByteRange: the indirect object it is in. */
function enclosingDict(buf: Buffer, at: number): ParsedDict | null {
  const objAt = buf.lastIndexOf(' obj', at, 'latin1');
  if (objAt < 0) return null;
  try {
    const v = parseObject(buf, objAt + 4).value;
    return v instanceof Map ? v : null;
  } catch {
    return null;
  }
}

/** Objects the revisions after `end` add or change, and whether each only serves a signature. */
function onlySignaturesAfter(buf: Buffer, end: number): boolean {
  let rev;
  try {
    rev = readRevision(buf);
  } catch {
    return false;
  }
  const later = [...rev.offsets.entries()].filter(([, off]) => off >= end);
  return later.every(([, off]) => {
    const header = /^\d+\s+\d+\s+obj/.exec(buf.subarray(off, off + 32).toString('latin1'));
    if (!header) return false;
    const v = parseObject(buf, off + header[0].length).value;
    if (!(v instanceof Map)) return false;
    const type = v.get('Type');
    const kind = type instanceof ParsedName ? type.value : '';
    if (kind === 'Sig' || kind === 'XObject') return true;
    if (kind === 'Annot') return v.get('FT') instanceof ParsedName && (v.get('FT') as ParsedName).value === 'Sig';
    // A page or the catalog may change only to list the new widget or the form.
    if (kind === 'Page' || kind === 'Catalog') return sameExcept(buf, end, v, kind === 'Page' ? 'Annots' : 'AcroForm');
    return false;
  });
}

/** Whether `changed` equals the same object as it was before `end`, but for the key `except`. */
function sameExcept(buf: Buffer, end: number, changed: ParsedDict, except: string): boolean {
  let before;
  try {
    before = readRevision(buf.subarray(0, end));
  } catch {
    return false;
  }
  for (const off of before.offsets.values()) {
    const header = /^\d+\s+\d+\s+obj/.exec(buf.subarray(off, off + 32).toString('latin1'));
    if (!header) continue;
    const old = parseObject(buf, off + header[0].length).value;
    if (!(old instanceof Map)) continue;
    const oldType = old.get('Type');
    const newType = changed.get('Type');
    if (!(oldType instanceof ParsedName) || !(newType instanceof ParsedName) || oldType.value !== newType.value) continue;
    const strip = (d: ParsedDict) => JSON.stringify([...d.entries()].filter(([k]) => k !== except), (_, x) => (x instanceof Uint8Array ? Buffer.from(x).toString('hex') : x));
    if (strip(old) === strip(changed)) return true;
  }
  return false;
}

export function verifyPdf(bytes: Uint8Array, options: { trusted?: Uint8Array[]; now?: Date } = {}): PdfCheck {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1') < 0) throw unreadable();
  const found: PdfSignatureCheck[] = [];
  const pattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  const textAll = buf.toString('latin1');
  for (const m of textAll.matchAll(pattern)) {
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [a, b, c, d] = range;
    if (a !== 0 || b <= 0 || c <= b || c + d > buf.length || buf[b] !== 0x3c || buf[c - 1] !== 0x3e) continue;
    const hex = buf.subarray(b + 1, c - 1).toString('latin1');
    if (!/^[0-9a-fA-F\s]*$/.test(hex)) continue;
    const dict = enclosingDict(buf, m.index ?? 0);
    const cms = derPrefix(Buffer.from(hex.replace(/\s/g, ''), 'hex'));
    const digest = createHash('sha256').update(buf.subarray(a, b)).update(buf.subarray(c, c + d)).digest();
    const check = checkCms(cms, digest, { ...(options.trusted ? { trusted: options.trusted } : {}), ...(options.now ? { now: options.now } : {}) });
    const end = c + d;
    const after: AfterSigning = end === buf.length ? 'unchanged' : onlySignaturesAfter(buf, end) ? 'signedLater' : 'changed';
    const subFilter = dict?.get('SubFilter');
    found.push({
      byteRange: range,
      name: text(dict?.get('Name')),
      claimedTime: parsePdfDate(text(dict?.get('M'))),
      subFilter: subFilter instanceof ParsedName ? subFilter.value : null,
      after,
      cms: check,
      valid: check.intact && check.certificateValid === 'valid' && after !== 'changed',
    });
  }
  return { signatures: found, size: buf.length };
}
