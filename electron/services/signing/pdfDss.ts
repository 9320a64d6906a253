import { DomainError } from '../../../shared/domain/errors';
import { entryOf, ParsedRef, readObject, readRevision, readStream, type Parsed, type ParsedDict, type Revision } from '../pdf/pdfSyntax';

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
  /** Revisions (%%EOF markers) whose stores are read for their lists (each incremental update is one). */
  revisions: 500,
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

/**
 * The lists of every revision's store, each once (issue 18): a later revision, signed or not, may
 * rewrite the store and leave out a list an earlier one held, which still says what it says (a
 * revocation above all). Revisions are where the file has "%%EOF" (bounded: DSS_TOO_LARGE past
 * DSS_LIMITS.revisions); a list is one stream object, read once whichever revisions name it.
 */
export function dssCrlsOfAllRevisions(bytes: Uint8Array): Uint8Array[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: number[] = [];
  for (let at = buf.indexOf('%%EOF', 0, 'latin1'); at >= 0; at = buf.indexOf('%%EOF', at + 5, 'latin1')) {
    if (ends.length >= DSS_LIMITS.revisions) throw new DomainError('DSS_TOO_LARGE', { limit: DSS_LIMITS.revisions, counted: 'revisions' });
    ends.push(at + 5);
  }
  if (ends[ends.length - 1] !== buf.length) ends.push(buf.length);
  const reader = new StreamReader();
  const seen = new Set<number>();
  const crls: Uint8Array[] = [];
  for (const end of ends) {
    const store = storeAt(bytes, end);
    if (store === null) continue;
    for (const ref of refsOf(store, 'CRLs')) {
      const entry = entryOf(store.rev, ref.num);
      if (entry === null || !('offset' in entry) || seen.has(entry.offset)) continue;
      seen.add(entry.offset);
      if (seen.size > DSS_LIMITS.crls) throw new DomainError('DSS_TOO_LARGE', { limit: DSS_LIMITS.crls, counted: 'crls' });
      crls.push(...reader.read(store, ref, 'CRLs'));
    }
  }
  return crls;
}
