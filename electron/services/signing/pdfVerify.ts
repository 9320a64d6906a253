import { createHash } from 'node:crypto';
import type { Indication, PadesLevel } from '../../../shared/contract/verificationSchemas';
import { DomainError } from '../../../shared/domain/errors';
import { parseObject, ParsedName, ParsedString, readRevision, type Parsed, type ParsedDict } from '../pdf/pdfSyntax';
import { checkCms, type CmsCheck, type CmsProblem } from './cms';
import { changesAfter, type Change } from './pdfChanges';
import { PathSearch } from './certificatePaths';
import { signatureTimestampTime, statedTime, timestampOver, uncheckedCms, type TimeEvidence } from './cmsCheck';
import { describeCertificate, parseCertificate, validityAt } from './certificates';
import { dssCrlsOfAllRevisions, readDss } from './pdfDss';
import { certificateRefOf, crlSignedBy, parseCrl, revocationOf, type ParsedCrl, type ParsedCrlWithSigner, type RevocationStatus } from './revocation';
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
 * ranges and the authority's certificate plays the signer's part. It is judged at its own time when
 * it is believed (judgeTimestamp); otherwise its certificate is judged now, or at its own time when
 * it was not valid even then.
 */
function documentTimestampCheck(token: Buffer, signed: Buffer, evidence: TimeEvidence): CmsCheck {
  const finding = timestampOver(token, signed, evidence);
  const problems = finding.problems.flatMap((p) => (AS_SIGNATURE[p] ? [AS_SIGNATURE[p] as CmsProblem, p] : [p]));
  const tsa = finding.check?.certificate ?? null;
  if (!finding.timestamp || !tsa || !finding.check) return { ...uncheckedCms(), problems: problems.length > 0 ? problems : ['CMS_UNREADABLE'], timestamp: finding.timestamp };
  const certificate = parseCertificate(tsa);
  const atOwnTime = validityAt(certificate, finding.check.genTime);
  return {
    intact: finding.timestamp.intact,
    problems,
    signer: describeCertificate(tsa),
    signerCertificate: certificate,
    trustedPath: finding.timestampPath,
    chain: [],
    timestamp: finding.timestamp,
    timestampPath: finding.timestampPath,
    provenTime: finding.provenTime,
    certificateValid: finding.timestamp.trusted ? 'valid' : atOwnTime !== 'valid' ? atOwnTime : validityAt(certificate, evidence.now),
    trusted: finding.timestampPath.length > 0,
    hasSigningTimeAttribute: false,
  };
}

function signedBytes(buf: Buffer, range: number[]): Buffer {
  const [a, b, c, d] = range as [number, number, number, number];
  return Buffer.concat([buf.subarray(a, a + b), buf.subarray(c, c + d)]);
}

const keyOf = (der: Uint8Array) => createHash('sha256').update(der).digest('base64');

/**
 * The revocation material of one check (issue 12, 18): the imported lists (checked against their
 * issuers when imported) and the lists of the document's security stores — of every revision, so
 * that a later revision that rewrites the store cannot take a revoking list away — each used only
 * for a certificate whose issuer in the path verifies its signature, so that a forged list in a
 * file cannot make a revoked certificate good.
 */
class RevocationMaterial {
  private readonly stored: { crl: ParsedCrl; key: string }[];
  private readonly signedBy = new Map<string, boolean>();

  constructor(
    private readonly imported: readonly ParsedCrlWithSigner[],
    dssCrls: readonly Uint8Array[],
    readonly now: Date,
  ) {
    this.stored = dssCrls.flatMap((der) => {
      try {
        return [{ crl: parseCrl(der), key: keyOf(der) }];
      } catch {
        return [];
      }
    });
  }

  /** The store's lists (those whose DER is among `only`, when given) that `issuer` signed, for a certificate it issued. */
  storedFor(issuer: Uint8Array, only?: ReadonlySet<string>): ParsedCrlWithSigner[] {
    const issuerKey = keyOf(issuer);
    return this.stored.flatMap(({ crl, key }) => {
      if (only !== undefined && !only.has(key)) return [];
      const cacheKey = `${key}:${issuerKey}`;
      let ok = this.signedBy.get(cacheKey);
      if (ok === undefined) this.signedBy.set(cacheKey, (ok = crlSignedBy(crl, issuer)));
      return ok ? [{ crl, issuerCertificate: issuer }] : [];
    });
  }

  /**
   * The status of `path[index]` (issued by `path[index + 1]`) at `provenTime`, from `lists` (default:
   * imported and stored); `longTerm`: as the long term proves it, without the list current now.
   */
  statusOf(path: readonly Uint8Array[], index: number, provenTime: Date | null, lists?: readonly ParsedCrlWithSigner[], longTerm = false): RevocationStatus {
    const issuer = path[index + 1] ?? null;
    const crls = lists ?? [...this.imported, ...(issuer ? this.storedFor(issuer) : [])];
    return revocationOf(certificateRefOf(path[index] as Uint8Array), issuer, crls, longTerm ? null : this.now, provenTime);
  }

  /** When the first certificate of `path` was revoked, by any list at hand; null when none names it. */
  revokedAt(path: readonly Uint8Array[]): Date | null {
    if (path.length < 2) return null;
    const status = this.statusOf(path, 0, null);
    return status.status === 'revoked' ? new Date(status.revokedAt) : null;
  }
}

function revocationFor(cms: CmsCheck, material: RevocationMaterial): { signer: RevocationStatus; cas: RevocationStatus[] } {
  if (!cms.trusted || !cms.signerCertificate) return { signer: { status: 'notChecked', reason: 'noList' }, cas: [] };
  const path = cms.trustedPath;
  // The last certificate of the path is the trust anchor itself: it is trusted, not checked.
  return { signer: material.statusOf(path, 0, cms.provenTime), cas: path.slice(1, -1).map((_c, i) => material.statusOf(path, i + 1, cms.provenTime)) };
}

/**
 * A signature without a believed timestamp of its own, that a believed document timestamp proves
 * existed at `poe` (issue 18): that time is its proven time when its certificate was valid and not
 * revoked then. A proof from after the expiry or the revocation proves nothing for the signer (the
 * signature may have been made before or after): the certificate is then judged now.
 */
function withDocumentPoe(cms: CmsCheck, poe: Date | null, material: RevocationMaterial): CmsCheck {
  if (cms.provenTime !== null || poe === null || !cms.signerCertificate || !cms.trusted) return cms;
  if (validityAt(cms.signerCertificate, poe) !== 'valid') return cms;
  const status = material.statusOf(cms.trustedPath, 0, poe);
  if (status.status === 'revoked' && new Date(status.revokedAt).getTime() <= poe.getTime()) return cms;
  return { ...cms, provenTime: poe, certificateValid: 'valid' };
}

/**
 * Whether the paths have their long-term material (ETSI EN 319 142-1 §5.4.2, B-LT): each certificate
 * but the anchor is in the store (`certificates`), and a list of the store (`crls`, by DER hash)
 * gives its status at the path's proven time for good — one issued at or after that time (or naming
 * it revoked), not merely one current now (EN 319 102-1 §5.6.2.1).
 */
function hasLongTermMaterial(paths: readonly { path: readonly Uint8Array[]; at: Date | null }[], certificates: ReadonlySet<string>, crls: ReadonlySet<string>, material: RevocationMaterial): boolean {
  return paths.every(({ path, at }) =>
    path.slice(0, -1).every((der, i) => {
      if (!certificates.has(keyOf(der))) return false;
      const lists = material.storedFor(path[i + 1] as Uint8Array, crls);
      return material.statusOf(path, i, at, lists, true).status !== 'notChecked';
    }),
  );
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

  // Issue 18: the security store's certificates build paths; the lists of every revision's store are revocation sources.
  const dss = readDss(buf);
  const material = new RevocationMaterial(options.crls ?? [], dssCrlsOfAllRevisions(buf), now);
  const revokedAt = (path: readonly Uint8Array[]) => material.revokedAt(path);
  // Each signature's path searches (its own and its timestamps') have a budget of their own (certificatePaths.ts).
  const searches = new PathSearch();

  const found = candidates(buf).map((c) => {
    const subFilter = c.holder.dict.get('SubFilter');
    const sub = subFilter instanceof ParsedName ? subFilter.value : null;
    const type: PdfSignatureCheck['type'] = sub === DOCUMENT_TIMESTAMP ? 'documentTimestamp' : 'signature';
    return { ...c, type, sub };
  });

  // Proof of existence, newest first (ETSI EN 319 102-1 §5.6.2, simplified): a believed document
  // timestamp proves that everything before it in the file (signatures, their timestamps, earlier
  // document timestamps, the security store) existed at its time — provided its time is not before
  // the time of a timestamp it covers (DSS: TIMESTAMP_ORDER_FAILURE), which would make it a lie.
  const stated = found.map((f) => {
    if (f.structure !== 'ok' || !f.contents) return null;
    return f.type === 'documentTimestamp' ? statedTime(f.contents, signedBytes(buf, f.byteRange)) : signatureTimestampTime(f.contents);
  });
  const inOrder = (i: number, time: Date) => found.every((g, j) => g.end >= (found[i] as (typeof found)[number]).end || (stated[j] ?? time) <= time);
  const believedStamps: { end: number; time: Date }[] = [];
  const poeOf = (end: number): Date | null =>
    believedStamps.filter((d) => d.end > end).reduce<Date | null>((min, d) => (min === null || d.time < min ? d.time : min), null);
  const checked: CmsCheck[] = new Array(found.length);
  /** Document timestamps whose time is before a timestamp they cover: proof of nothing, and INDETERMINATE themselves. */
  const outOfOrder = new Set<number>();
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i] as (typeof found)[number];
    const paths = searches.forNextSignature();
    const evidence: TimeEvidence = { trusted, pool: dss.certificates, now, poe: poeOf(f.end), revokedAt, paths };
    let cms: CmsCheck;
    if (f.structure !== 'ok' || !f.contents) cms = uncheckedCms(f.problem ?? 'CMS_UNREADABLE');
    else if (f.type === 'documentTimestamp') cms = documentTimestampCheck(f.contents, signedBytes(buf, f.byteRange), evidence);
    else {
      const [a, b, cc, d] = f.byteRange as [number, number, number, number];
      const digest = createHash('sha256').update(buf.subarray(a, a + b)).update(buf.subarray(cc, cc + d)).digest();
      cms = checkCms(f.contents, digest, { trusted, now, pool: dss.certificates, poe: evidence.poe ?? null, revokedAt, paths });
    }
    if (f.type === 'documentTimestamp' && cms.intact && cms.provenTime) {
      if (inOrder(i, cms.provenTime)) believedStamps.push({ end: f.end, time: cms.provenTime });
      else outOfOrder.add(i);
    }
    checked[i] = cms;
  }
  // The store as each believed document timestamp covers it (B-LTA).
  const covered = believedStamps.map((d) => {
    const store = readDss(buf, d.end);
    return { ...d, certificates: new Set(store.certificates.map(keyOf)), crls: new Set(store.crls.map(keyOf)) };
  });
  const finalStore = { certificates: new Set(dss.certificates.map(keyOf)), crls: new Set(dss.crls.map(keyOf)) };

  const intactRanges = new Set(found.filter((_f, i) => (checked[i] as CmsCheck).intact).map((f) => f.byteRange.join(' ')));
  const checks: PdfSignatureCheck[] = new Array(found.length);
  // From the last signature to the first: an earlier one passes only if the later ones do.
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i] as (typeof found)[number];
    const cms = f.type === 'signature' ? withDocumentPoe(checked[i] as CmsCheck, poeOf(f.end), material) : (checked[i] as CmsCheck);
    const after = f.structure === 'broken' ? { changes: [], overlays: [] } : changesAfter(buf, f.end, intactRanges);
    const harmful = after.changes.some((ch) => !HARMLESS_CHANGES.has(ch.kind)) || after.overlays.length > 0;
    const later = checks.filter((l, j) => j > i && (found[j] as (typeof found)[number]).end > f.end);
    const revocation = revocationFor(cms, material);
    const verdict = verdictOf({
      structure: f.structure,
      cms,
      revocation: revocation.signer,
      caRevocations: revocation.cas,
      revocationRequired: options.revocationRequired ?? false,
      changedAfter: harmful,
      laterSignatureUnconfirmed: later.some((l) => l.indication !== 'TOTAL_PASSED'),
      timestampOrderFailure: outOfOrder.has(i),
    });
    checks[i] = {
      ...verdict,
      type: f.type,
      byteRange: f.byteRange,
      name: text(f.holder.dict.get('Name')),
      claimedTime: parsePdfDate(text(f.holder.dict.get('M'))),
      subFilter: f.sub,
      cms,
      revocation: revocation.signer,
      changes: after.changes,
      overlaidPages: [...new Set(after.overlays.map((o) => o.page))].sort((x, y) => x - y),
      after: f.end >= buf.length ? 'unchanged' : harmful ? 'changed' : 'signedLater',
      valid: verdict.indication === 'TOTAL_PASSED',
      checkedAt: now.toISOString(),
      level: f.type === 'documentTimestamp' ? null : levelOf(cms, f.end, { covered, finalStore, material }),
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

interface LevelContext {
  covered: readonly { end: number; time: Date; certificates: ReadonlySet<string>; crls: ReadonlySet<string> }[];
  finalStore: { certificates: ReadonlySet<string>; crls: ReadonlySet<string> };
  material: RevocationMaterial;
}

/**
 * The PAdES baseline level a signature reaches (ETSI EN 319 142-1 §6; issue 18): B-B intact; B-T
 * with a believed signature timestamp, or a believed document timestamp over it (§6.3 allows either);
 * B-LT when the security store also holds the certificates of its path and of its timestamp's
 * authority (the anchors aside) and lists that give each one's status; B-LTA when a believed document
 * timestamp covers a store that already held all that. Null when it is not intact.
 */
function levelOf(cms: CmsCheck, end: number, context: LevelContext): PadesLevel | null {
  if (!cms.intact) return null;
  const stamps = context.covered.filter((d) => d.end > end);
  // A document timestamp gives it a time only when its certificate was good then (withDocumentPoe).
  if (!cms.timestamp?.trusted && cms.provenTime === null) return 'B-B';
  if (!cms.trusted) return 'B-T';
  const paths = [
    { path: cms.trustedPath, at: cms.provenTime },
    ...(cms.timestamp?.trusted ? [{ path: cms.timestampPath, at: new Date(cms.timestamp.time) }] : []),
  ];
  if (!hasLongTermMaterial(paths, context.finalStore.certificates, context.finalStore.crls, context.material)) return 'B-T';
  return stamps.some((d) => hasLongTermMaterial(paths, d.certificates, d.crls, context.material)) ? 'B-LTA' : 'B-LT';
}
