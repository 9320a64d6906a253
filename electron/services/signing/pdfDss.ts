import { DomainError } from '../../../shared/domain/errors';
import { ParsedRef, readObject, readRevision, readStream, type Parsed, type Revision } from '../pdf/pdfSyntax';

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

/**
 * The store of the revision that ends at `end` (default: the whole file). A file or a store that
 * cannot be read has none; an entry that cannot be read is left out.
 */
export function readDss(bytes: Uint8Array, end: number = bytes.length): DocumentSecurityStore {
  const buf = end === bytes.length ? bytes : bytes.subarray(0, end);
  let rev: Revision;
  let dss: Parsed | undefined;
  try {
    rev = readRevision(buf);
    const catalog = resolved(buf, rev, rev.trailer.get('Root'));
    dss = catalog instanceof Map ? resolved(buf, rev, catalog.get('DSS')) : undefined;
  } catch {
    return EMPTY_DSS;
  }
  if (!(dss instanceof Map)) return EMPTY_DSS;
  let total = 0;
  const streams = (key: 'Certs' | 'CRLs', limit: number, itemBytes: number): Uint8Array[] => {
    const list = resolved(buf, rev, dss.get(key));
    if (!Array.isArray(list)) return [];
    if (list.length > limit) throw new DomainError('DSS_TOO_LARGE', { limit, counted: key === 'Certs' ? 'certificates' : 'crls' });
    return list.flatMap((item) => {
      if (!(item instanceof ParsedRef)) return [];
      let data: Buffer;
      try {
        data = readStream(buf, rev, item.num, itemBytes).data;
      } catch {
        return [];
      }
      total += data.length;
      if (total > DSS_LIMITS.totalBytes) throw new DomainError('DSS_TOO_LARGE', { limit: DSS_LIMITS.totalBytes / 1024 / 1024, counted: 'megabytes' });
      return [new Uint8Array(data)];
    });
  };
  return {
    certificates: streams('Certs', DSS_LIMITS.certificates, DSS_LIMITS.certificateBytes),
    crls: streams('CRLs', DSS_LIMITS.crls, DSS_LIMITS.crlBytes),
  };
}
