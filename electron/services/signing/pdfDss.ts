import { DomainError } from '../../../shared/domain/errors';
import {
  dictionaryAt,
  entryOf,
  LIMITS,
  objectHeaderAt,
  parseObject,
  ParsedRef,
  readObject,
  readRevision,
  readStream,
  readUnsigned,
  skipPdfWhitespace,
  startsWithText,
  trailerAfterTable,
  type Parsed,
  type ParsedDict,
  type Revision,
} from '../pdf/pdfSyntax';

/**
 * The document security store (ISO 32000-2 §12.8.4.3, ETSI EN 319 142-1 §5.4.2; issue 18): the
 * catalog's /DSS with /Certs (streams of DER certificates) and /CRLs (streams of DER revocation
 * lists) that a long-term signature carries. Read from one revision, bounded in count and size: a
 * hostile store gets DSS_TOO_LARGE, never an unbounded allocation. /OCSPs and /VRI are not read (the
 * app uses no OCSP; /VRI only says which of the same material belongs to which signature).
 */

export interface DocumentSecurityStore {
  certificates: Uint8Array[];
  crls: Uint8Array[];
}

export const DSS_LIMITS = {
  certificates: 1000,
  crls: 200,
  /** One certificate's stream, decoded. */
  certificateBytes: 256 * 1024,
  /** One list's stream, decoded (as imported lists, issue 12). */
  crlBytes: 20 * 1024 * 1024,
  /** Everything the store holds, decoded. */
  totalBytes: 64 * 1024 * 1024,
  /** Revisions (cross-reference sections in the /Prev chain of the last one) whose stores are read for their lists. */
  revisions: 500,
  /**
   * Cross-reference entries read over all the earlier revisions' stores: each revision is read with
   * every older section, so a large first section read again for each small update costs seconds.
   */
  revisionEntries: LIMITS.entries,
} as const;

export const EMPTY_DSS: DocumentSecurityStore = { certificates: [], crls: [] };

function resolved(buf: Uint8Array, rev: Revision, v: Parsed | undefined): Parsed | undefined {
  if (!(v instanceof ParsedRef)) return v;
  try {
    return readObject(buf, rev, v.num);
  } catch {
    return undefined;
  }
}

/** The /DSS dictionary of the revision that ends at `end`, or null when the revision or its store cannot be read. */
function storeAt(bytes: Uint8Array, end: number): { buf: Uint8Array; rev: Revision; dss: ParsedDict } | null {
  const buf = end === bytes.length ? bytes : bytes.subarray(0, end);
  try {
    const rev = readRevision(buf);
    const catalog = resolved(buf, rev, rev.trailer.get('Root'));
    const dss = catalog instanceof Map ? resolved(buf, rev, catalog.get('DSS')) : undefined;
    return dss instanceof Map ? { buf, rev, dss } : null;
  } catch {
    return null;
  }
}

type StreamKind = 'Certs' | 'CRLs';

const BOUNDS: Readonly<Record<StreamKind, { limit: number; itemBytes: number; counted: 'certificates' | 'crls' }>> = {
  Certs: { limit: DSS_LIMITS.certificates, itemBytes: DSS_LIMITS.certificateBytes, counted: 'certificates' },
  CRLs: { limit: DSS_LIMITS.crls, itemBytes: DSS_LIMITS.crlBytes, counted: 'crls' },
};

/** The references of a store's /Certs or /CRLs array, bounded in count. */
function refsOf(store: { buf: Uint8Array; rev: Revision; dss: ParsedDict }, kind: StreamKind): ParsedRef[] {
  const list = resolved(store.buf, store.rev, store.dss.get(kind));
  if (!Array.isArray(list)) return [];
  const { limit, counted } = BOUNDS[kind];
  if (list.length > limit) throw new DomainError('DSS_TOO_LARGE', { limit, counted });
  return list.filter((item): item is ParsedRef => item instanceof ParsedRef);
}

/** Decodes streams within the item and the total bounds; a stream that cannot be read is left out. */
class StreamReader {
  private total = 0;

  read(store: { buf: Uint8Array; rev: Revision }, ref: ParsedRef, kind: StreamKind): Uint8Array[] {
    let data: Buffer;
    try {
      data = readStream(store.buf, store.rev, ref.num, BOUNDS[kind].itemBytes).data;
    } catch {
      return [];
    }
    this.total += data.length;
    if (this.total > DSS_LIMITS.totalBytes) throw new DomainError('DSS_TOO_LARGE', { limit: DSS_LIMITS.totalBytes / 1024 / 1024, counted: 'megabytes' });
    return [new Uint8Array(data)];
  }
}

/**
 * The store of the revision that ends at `end` (default: the whole file). A file or a store that
 * cannot be read has none; an entry that cannot be read is left out.
 */
export function readDss(bytes: Uint8Array, end: number = bytes.length): DocumentSecurityStore {
  const store = storeAt(bytes, end);
  if (store === null) return EMPTY_DSS;
  const reader = new StreamReader();
  return {
    certificates: refsOf(store, 'Certs').flatMap((ref) => reader.read(store, ref, 'Certs')),
    crls: refsOf(store, 'CRLs').flatMap((ref) => reader.read(store, ref, 'CRLs')),
  };
}

/** The count a cross-reference stream's dictionary says it holds (/Index pairs, else /Size); null when it says none readable. */
function streamEntries(dict: ParsedDict): number | null {
  const index = dict.get('Index');
  const size = dict.get('Size');
  if (Array.isArray(index)) return index.reduce<number>((sum, v, i) => sum + (i % 2 === 1 && typeof v === 'number' ? v : 0), 0);
  return typeof size === 'number' ? size : null;
}

/** The dictionary of the cross-reference stream object at `at` (its data not decoded), or null. */
function xrefStreamDict(buf: Uint8Array, at: number): ParsedDict | null {
  const header = objectHeaderAt(buf, at, Math.min(buf.length, at + 40));
  if (header === null) return null;
  try {
    const { value } = parseObject(buf, header.start);
    return value instanceof Map ? value : null;
  } catch {
    return null;
  }
}

/** One cross-reference section (ISO 32000-1 §7.5.4, §7.5.8): the entries it holds (an upper bound, read without decoding them) and its /Prev. */
function sectionAt(buf: Uint8Array, at: number): { entries: number; prev: number | null } | null {
  const start = skipPdfWhitespace(buf, at);
  const trailerStart = startsWithText(buf, 'xref', start) ? trailerAfterTable(buf, start) : null;
  const trailer = trailerStart !== null ? dictionaryAt(buf, trailerStart, 64 * 1024) : xrefStreamDict(buf, at);
  if (trailer === null) return null;
  // A table's entries are 20 bytes each; a hybrid file's table names a stream that adds its own (§7.5.8.4).
  const stm = trailer.get('XRefStm');
  const hybrid = typeof stm === 'number' ? xrefStreamDict(buf, stm) : null;
  const own = trailerStart !== null ? Math.ceil((trailerStart - start) / 20) : streamEntries(trailer);
  if (own === null) return null;
  const prev = trailer.get('Prev');
  return { entries: own + (hybrid ? (streamEntries(hybrid) ?? 0) : 0), prev: typeof prev === 'number' ? prev : null };
}

/** Where the revision whose cross-reference section is at `section` ends: after the "%%EOF" of the "startxref" naming it; null when none follows it. */
function revisionEnd(buf: Buffer, section: number): number | null {
  const at = buf.indexOf('startxref', section, 'latin1');
  if (at < 0) return null;
  const named = readUnsigned(buf, skipPdfWhitespace(buf, at + 'startxref'.length));
  if (named === null || named.value !== section) return null;
  const eof = skipPdfWhitespace(buf, named.end);
  return startsWithText(buf, '%%EOF', eof) ? eof + 5 : null;
}

/**
 * The earlier revisions of the file, oldest first: the sections of the last revision's /Prev chain
 * (not every "%%EOF" in the file, which a comment can hold), each with where it ends and how many
 * cross-reference entries reading it takes (its own and every older section's).
 */
function earlierRevisions(buf: Buffer): { end: number; entries: number }[] {
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(buf.toString('latin1', Math.max(0, buf.length - 1024)));
  if (!tail) return [];
  const chain: { at: number; entries: number }[] = [];
  const seen = new Set<number>();
  let at: number | null = Number(tail[1]);
  while (at !== null && at < buf.length && !seen.has(at) && chain.length <= DSS_LIMITS.revisions) {
    seen.add(at);
    const section = sectionAt(buf, at);
    if (section === null) break;
    chain.push({ at, entries: section.entries });
    at = section.prev;
  }
  // Past DSS_LIMITS.revisions the oldest are not reached: their lists are not read (the last revision's always are).
  const older = chain.slice(1, DSS_LIMITS.revisions).reverse();
  let entries = 0;
  return older.flatMap(({ at: section, entries: own }) => {
    entries += own;
    const end = revisionEnd(buf, section);
    return end === null ? [] : [{ end, entries }];
  });
}

/**
 * The lists of every revision's store, each once (issue 18): a later revision, signed or not, may
 * rewrite the store and leave out a list an earlier one held, which still says what it says (a
 * revocation above all). The last revision's store is read whole (DSS_TOO_LARGE as readDss); then
 * the earlier revisions of its /Prev chain, oldest first — those a later signature covers before
 * those anyone could append — while they stay within the bounds (DSS_LIMITS: revisions, one
 * budget of cross-reference entries for all of them, lists, bytes). Past a bound the remaining
 * revisions' lists are not read, rather than the file refused: what they hold is then unknown to
 * the check, as a list never imported. A list is one stream object, read once whichever revisions name it.
 */
export function dssCrlsOfAllRevisions(bytes: Uint8Array): Uint8Array[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new StreamReader();
  const seen = new Set<number>();
  const crls: Uint8Array[] = [];
  const readLists = (store: NonNullable<ReturnType<typeof storeAt>>) => {
    for (const ref of refsOf(store, 'CRLs')) {
      const entry = entryOf(store.rev, ref.num);
      if (entry === null || !('offset' in entry) || seen.has(entry.offset)) continue;
      seen.add(entry.offset);
      if (seen.size > DSS_LIMITS.crls) throw new DomainError('DSS_TOO_LARGE', { limit: DSS_LIMITS.crls, counted: 'crls' });
      crls.push(...reader.read(store, ref, 'CRLs'));
    }
  };
  const last = storeAt(bytes, buf.length);
  if (last !== null) readLists(last);
  let spent = 0;
  for (const { end, entries } of earlierRevisions(buf)) {
    // One budget for all: each newer revision costs at least as much as the one before, so past it the rest are left.
    spent += entries;
    if (spent > DSS_LIMITS.revisionEntries) break;
    const store = storeAt(bytes, end);
    if (store === null) continue;
    try {
      readLists(store);
    } catch (e) {
      if (e instanceof DomainError) break; // a bound reached: the remaining revisions' lists are not read
      throw e;
    }
  }
  return crls;
}
