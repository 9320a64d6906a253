import { createHash } from 'node:crypto';
import type { Indication, PadesLevel } from '../../../shared/contract/verificationSchemas';
import { DomainError } from '../../../shared/domain/errors';
import { parseObject, ParsedName, ParsedString, readRevision, type Parsed, type ParsedDict } from '../pdf/pdfSyntax';
import { checkCms, type CmsCheck, type CmsProblem } from './cms';
import { changesAfter, type Change } from './pdfChanges';
import { timestampOver, uncheckedCms } from './cmsCheck';
import { describeCertificate, parseCertificate } from './certificates';
import { revocationOf, type ParsedCrlWithSigner, type RevocationStatus } from './revocation';
import { documentIndication, HARMLESS_CHANGES, verdictOf, type Verdict } from './signatureValidation';

/**
 * Verifies the signatures of any PDF (issue 6, 12): for each signature dictionary, whether the bytes
 * it covers are unchanged (the CMS over them is intact), who signed, when (a time only a trusted
 * timestamp proves), whether the certificate chains to a trusted root, was valid then and not
 * revoked, and what the file went through after the signature — then one ETSI EN 319 102-1
 * indication per signature and for the document.
 *
 * Signatures are found by their /ByteRange: a signature's /Contents must sit in the file exactly at
 * the gap of its byte range (ISO 32000-1 §12.8.1), so a dictionary elsewhere (in a compressed object
 * stream, or a fake in a content stream) cannot pass for one; a signature dictionary whose range does
 * not fit is reported as broken, never left out.
 */

export type AfterSigning =
  /** The signature covers the whole file. */
  | 'unchanged'
  /** Later revisions only add signatures, document timestamps and validation data. */
  | 'signedLater'
  /** Something else was changed after the signature. */
  | 'changed';

export interface PdfSignatureCheck extends Verdict {
  type: 'signature' | 'documentTimestamp';
  byteRange: number[];
  /** /Name and /M of the signature dictionary (what the signer's software claimed). */
  name: string | null;
  claimedTime: string | null;
  subFilter: string | null;
  cms: CmsCheck;
  revocation: RevocationStatus;
  changes: Change[];
  overlaidPages: number[];
  after: AfterSigning;
  /** indication === 'TOTAL_PASSED'. */
  valid: boolean;
  /** The moment of the check (the certificate is judged then when no trusted timestamp proves an earlier time). */
  checkedAt: string;
  /** The PAdES baseline level reached (issue 18); null for a document timestamp or a signature that is not intact. */
  level: PadesLevel | null;
}

export interface PdfCheck {
  signatures: PdfSignatureCheck[];
  size: number;
  indication: Indication;
  /** Changes other than signatures were made after the first signature (or an unsigned revision ends the file). */
  changedOtherwise: boolean;
  trustConfigured: boolean;
}

export interface VerifyOptions {
  /** Trusted root certificates, DER. */
  trusted?: Uint8Array[];
  now?: Date;
  /** Imported revocation lists, already checked against their issuers. */
  crls?: readonly ParsedCrlWithSigner[];
  /** Policy: a certificate without revocation data is INDETERMINATE (TRY_LATER), not just "not checked". */
  revocationRequired?: boolean;
}

/** More signature dictionaries than this is not a document but an attack on the checker. */
const MAX_SIGNATURES = 200;

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
  // BER with an indefinite length (NSS, poppler's pdfsig): the reader stops at its end-of-contents itself.
  if (first === 0x80) return b;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] as number);
  return b.subarray(0, Math.min(b.length, 2 + n + len));
}

function unreadable(): DomainError {
  return new DomainError('PDF_UNREADABLE');
}

/** How far from a /ByteRange its object's start and end are looked for. */
const OBJECT_WINDOW = 1024 * 1024;

/** The indirect object holding a /ByteRange at `at`: its dictionary and where it ends, or null. */
function enclosingObject(buf: Buffer, at: number): { dict: ParsedDict; start: number; end: number } | null {
  // A signature dictionary, its /Contents included, fits in a few hundred kilobytes: the search for its
  // bounds stays within a window, so fakes scattered through a large file cannot make it slow.
  const from = Math.max(0, at - OBJECT_WINDOW);
  const back = buf.subarray(from, at).lastIndexOf(' obj', undefined, 'latin1');
  const forward = buf.subarray(at, at + OBJECT_WINDOW).indexOf('endobj', 0, 'latin1');
  if (back < 0 || forward < 0) return null;
  const objAt = from + back;
  const end = at + forward;
  try {
    const v = parseObject(buf, objAt + 4).value;
    return v instanceof Map ? { dict: v, start: objAt, end } : null;
  } catch {
    return null;
  }
}

interface Candidate {
  byteRange: number[];
  holder: { dict: ParsedDict; start: number; end: number };
  /** Where the signed bytes end (the end of the second range), when the range fits the file. */
  end: number;
  structure: 'ok' | 'broken' | 'unsupported';
  problem: CmsProblem | null;
  contents: Buffer | null;
}

const SIGNATURE_SUBFILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);
const DOCUMENT_TIMESTAMP = 'ETSI.RFC3161';

/** More /ByteRange keys than this (most of them fakes in streams) would make the search slow: refused. */
const MAX_BYTE_RANGES = 1000;

/**
 * Each "/ByteRange [a b c d]" in the file, where it stands: found in the bytes and read from a small
 * window, so that a large file is never copied into one string.
 */
function* byteRanges(buf: Buffer): Generator<RegExpExecArray & { index: number }> {
  const pattern = /^\/ByteRange\s*\[\s*(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s*\]/;
  let count = 0;
  for (let at = buf.indexOf('/ByteRange', 0, 'latin1'); at >= 0; at = buf.indexOf('/ByteRange', at + 1, 'latin1')) {
    if (++count > MAX_BYTE_RANGES) {
      throw new DomainError('PDF_TOO_COMPLEX', { limit: MAX_BYTE_RANGES, counted: 'byteRanges' });
    }
    const m = pattern.exec(buf.toString('latin1', at, at + 120));
    if (m) yield Object.assign(m, { index: at });
  }
}

/** The signature dictionaries of the file, each with its byte range checked against the file. */
function candidates(buf: Buffer): Candidate[] {
  const found: Candidate[] = [];
  const seen = new Set<string>();
  for (const m of byteRanges(buf)) {
    const range = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    const holder = enclosingObject(buf, m.index);
    // Only a dictionary whose own /ByteRange this is (not text inside a stream), and once per range.
    const own = holder?.dict.get('ByteRange');
    if (!holder || !Array.isArray(own) || own.join(' ') !== range.join(' ') || seen.has(range.join(' '))) continue;
    if (!holder.dict.has('Contents')) continue;
    seen.add(range.join(' '));
    if (found.length >= MAX_SIGNATURES) {
      throw new DomainError('PDF_TOO_COMPLEX', { limit: MAX_SIGNATURES, counted: 'signatures' });
    }
    const [a, b, c, d] = range as [number, number, number, number];
    const fits = a === 0 && b > 0 && c > b && d >= 0 && c + d <= buf.length && buf[b] === 0x3c && buf[c - 1] === 0x3e && b >= holder.start && c <= holder.end;
    const subFilter = holder.dict.get('SubFilter');
    const sub = subFilter instanceof ParsedName ? subFilter.value : '';
    if (!fits) {
      found.push({ byteRange: range, holder, end: buf.length, structure: 'broken', problem: 'BYTE_RANGE_INVALID', contents: null });
      continue;
    }
    const hex = buf.subarray(b + 1, c - 1).toString('latin1');
    if (!/^[0-9a-fA-F\s]*$/.test(hex)) {
      found.push({ byteRange: range, holder, end: c + d, structure: 'broken', problem: 'CONTENTS_UNREADABLE', contents: null });
      continue;
    }
    const supported = SIGNATURE_SUBFILTERS.has(sub) || sub === DOCUMENT_TIMESTAMP;
    found.push({
      byteRange: range,
      holder,
      end: c + d,
      structure: supported ? 'ok' : 'unsupported',
      problem: supported ? null : 'SUBFILTER_UNSUPPORTED',
      contents: derPrefix(Buffer.from(hex.replace(/\s/g, ''), 'hex')),
    });
  }
  return found.sort((x, y) => x.end - y.end);
}

/** What a document timestamp's finding means for it as a signature: the token is its signature. */
const AS_SIGNATURE: Readonly<Partial<Record<CmsProblem, CmsProblem>>> = {
  TIMESTAMP_UNREADABLE: 'CMS_UNREADABLE',
  TIMESTAMP_IMPRINT_MISMATCH: 'DIGEST_MISMATCH',
  TIMESTAMP_BAD_SIGNATURE: 'BAD_SIGNATURE',
};

/**
 * RFC 3161 document timestamp (PAdES, ETSI EN 319 142-1 §5.4): the token's imprint is over the byte
 * ranges and the authority's certificate plays the signer's part; its own time is when it was made.
 */
function documentTimestampCheck(token: Buffer, signed: Buffer, trusted: readonly Uint8Array[], now: Date): CmsCheck {
  const finding = timestampOver(token, signed, trusted);
  const problems = finding.problems.flatMap((p) => (AS_SIGNATURE[p] ? [AS_SIGNATURE[p] as CmsProblem, p] : [p]));
  const tsa = finding.check?.certificate ?? null;
  if (!finding.timestamp || !tsa) return { ...uncheckedCms(), problems: problems.length > 0 ? problems : ['CMS_UNREADABLE'], timestamp: finding.timestamp };
  const certificate = parseCertificate(tsa);
  const chainTrusted = finding.timestamp.trusted;
  return {
    intact: finding.timestamp.intact,
    problems,
    signer: describeCertificate(tsa),
    signerCertificate: certificate,
    trustedPath: chainTrusted ? [tsa] : [],
    chain: [],
    timestamp: finding.timestamp,
    provenTime: finding.provenTime,
    certificateValid: chainTrusted ? 'valid' : certificate.notAfter.getTime() < now.getTime() ? 'expired' : 'valid',
    trusted: chainTrusted,
    hasSigningTimeAttribute: false,
  };
}

function signedBytes(buf: Buffer, range: number[]): Buffer {
  const [a, b, c, d] = range as [number, number, number, number];
  return Buffer.concat([buf.subarray(a, a + b), buf.subarray(c, c + d)]);
}

function revocationFor(cms: CmsCheck, options: VerifyOptions, now: Date): { signer: RevocationStatus; cas: RevocationStatus[] } {
  const crls = options.crls ?? [];
  if (!cms.trusted || !cms.signerCertificate) return { signer: { status: 'notChecked', reason: 'noList' }, cas: [] };
  const path = cms.trustedPath;
  const statusOf = (index: number): RevocationStatus => {
    const cert = parseCertificate(path[index] as Uint8Array);
    return revocationOf({ serial: cert.serial, issuerDer: cert.issuerDer }, path[index + 1] ?? null, crls, now, cms.provenTime);
  };
  // The last certificate of the path is the trust anchor itself: it is trusted, not checked.
  return { signer: statusOf(0), cas: path.slice(1, -1).map((_c, i) => statusOf(i + 1)) };
}

export function verifyPdf(bytes: Uint8Array, options: VerifyOptions = {}): PdfCheck {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 1024).indexOf('%PDF-', 0, 'latin1') < 0) throw unreadable();
  const trusted = options.trusted ?? [];
  const now = options.now ?? new Date();
  try {
    if (readRevision(buf).trailer.has('Encrypt')) {
      throw new DomainError('PDF_ENCRYPTED');
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // A file whose cross-reference cannot be read is still searched for signatures; each is judged below.
  }

  const found = candidates(buf).map((c) => {
    const subFilter = c.holder.dict.get('SubFilter');
    const sub = subFilter instanceof ParsedName ? subFilter.value : null;
    const type: PdfSignatureCheck['type'] = sub === DOCUMENT_TIMESTAMP ? 'documentTimestamp' : 'signature';
    let cms: CmsCheck;
    if (c.structure !== 'ok' || !c.contents) cms = uncheckedCms(c.problem ?? 'CMS_UNREADABLE');
    else if (type === 'documentTimestamp') cms = documentTimestampCheck(c.contents, signedBytes(buf, c.byteRange), trusted, now);
    else {
      const [a, b, cc, d] = c.byteRange as [number, number, number, number];
      const digest = createHash('sha256').update(buf.subarray(a, a + b)).update(buf.subarray(cc, cc + d)).digest();
      cms = checkCms(c.contents, digest, { trusted, now });
    }
    return { ...c, type, sub, cms };
  });

  const intactRanges = new Set(found.filter((f) => f.cms.intact).map((f) => f.byteRange.join(' ')));
  const checks: PdfSignatureCheck[] = new Array(found.length);
  // From the last signature to the first: an earlier one passes only if the later ones do.
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i] as (typeof found)[number];
    const after = f.structure === 'broken' ? { changes: [], overlays: [] } : changesAfter(buf, f.end, intactRanges);
    const harmful = after.changes.some((ch) => !HARMLESS_CHANGES.has(ch.kind)) || after.overlays.length > 0;
    const later = checks.filter((l, j) => j > i && (found[j] as (typeof found)[number]).end > f.end);
    const revocation = revocationFor(f.cms, options, now);
    const verdict = verdictOf({
      structure: f.structure,
      cms: f.cms,
      revocation: revocation.signer,
      caRevocations: revocation.cas,
      revocationRequired: options.revocationRequired ?? false,
      changedAfter: harmful,
      laterSignatureUnconfirmed: later.some((l) => l.indication !== 'TOTAL_PASSED'),
    });
    checks[i] = {
      ...verdict,
      type: f.type,
      byteRange: f.byteRange,
      name: text(f.holder.dict.get('Name')),
      claimedTime: parsePdfDate(text(f.holder.dict.get('M'))),
      subFilter: f.sub,
      cms: f.cms,
      revocation: revocation.signer,
      changes: after.changes,
      overlaidPages: [...new Set(after.overlays.map((o) => o.page))].sort((x, y) => x - y),
      after: f.end >= buf.length ? 'unchanged' : harmful ? 'changed' : 'signedLater',
      valid: verdict.indication === 'TOTAL_PASSED',
      checkedAt: now.toISOString(),
      level: f.type === 'documentTimestamp' || !f.cms.intact ? null : f.cms.provenTime ? 'B-T' : 'B-B',
    };
  }
  // The first readable signature's changes run to the end of the file: they include every later one's.
  const first = checks.find((_c, i) => (found[i] as (typeof found)[number]).structure !== 'broken');
  const changedOtherwise = first !== undefined && first.after === 'changed';
  return {
    signatures: checks,
    size: buf.length,
    indication: documentIndication(checks, changedOtherwise),
    changedOtherwise,
    trustConfigured: trusted.length > 0,
  };
}
