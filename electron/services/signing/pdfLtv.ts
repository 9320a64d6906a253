import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { DomainError } from '../../../shared/domain/errors';
import type { RevocationGap, TimestampFailure } from '../../../shared/domain/errorTexts/longTerm';
import type { RefusedReason, UnreachableReason } from '../../../shared/domain/errorTexts/signing';
import {
  name,
  objectBytes,
  ParsedName,
  ParsedRef,
  readObject,
  readRevision,
  ref,
  reserialize,
  textString,
  type Parsed,
  type ParsedDict,
  type PdfValue,
  type Revision,
} from '../pdf/pdfSyntax';
import { describeCertificate } from './certificates';
import { readDss } from './pdfDss';
import { xrefUpdate } from './pdfSignature';
import { verifyPdf, type PdfSignatureCheck } from './pdfVerify';
import { certificateRefOf, crlSignedBy, parseCrl, revocationEvidence, type CertificateRef, type ParsedCrl, type ParsedCrlWithSigner, type RevocationEvidence } from './revocation';
import { SigningError } from './signingErrors';
import { requestTimestamp } from './timestamp';

/**
 * Long-term signatures (PAdES baseline LT and LTA, ETSI EN 319 142-1 §5.4, §6; issue 18): a signed
 * document gets, in incremental updates (ISO 32000-2 §7.5.6) that keep every byte every signature
 * covers,
 * 1. B-LT: the catalog's document security store (/DSS, ISO 32000-2 §12.8.4.3) with /Certs, every
 *    certificate of each signature's path to its trust anchor and of its timestamp authorities'
 *    paths, and /CRLs, the revocation lists that give each of those certificates' status. No /VRI is
 *    written: it is optional (EN 319 142-1 §5.4.2.2) and would only repeat the same material per
 *    signature; verifiers, ours included, look through the whole store.
 * 2. B-LTA: a document timestamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161) over the file with
 *    that store, in an invisible signature field, from the institution's timestamp service.
 * The revocation lists are those the administrator imported (issue 12): nothing is fetched. Every
 * refusal comes before anything is written, and the caller keeps what it had.
 */

export interface LongTermOptions {
  /** Trust anchors, DER. */
  trusted: readonly Uint8Array[];
  /** The imported revocation lists, checked against their issuers. */
  crls: readonly ParsedCrlWithSigner[];
  /** The RFC 3161 timestamp service ('' when none is configured). */
  timestampUrl: string;
  now: Date;
  timeoutMs?: number;
}

/** Room for the document timestamp's token: a token with its authority's chain is a few kilobytes. */
const TOKEN_BYTES = 20 * 1024;
const BYTE_RANGE_PLACEHOLDER = `[0 ${'*'.repeat(10)} ${'*'.repeat(10)} ${'*'.repeat(10)}]`;

const keyOf = (der: Uint8Array) => createHash('sha256').update(der).digest('base64');

/** A certificate's name as a refusal says it. */
function nameOf(der: Uint8Array): string {
  try {
    const info = describeCertificate(der);
    return info.commonName || info.subject;
  } catch {
    return '?';
  }
}

/** A path whose certificates (the anchor aside) need revocation data at `at`. */
interface PathToCover {
  path: readonly Uint8Array[];
  at: Date | null;
}

/**
 * The paths whose material the store must get: each signature's and its timestamp authority's,
 * unless the store already gives it B-LT (an earlier extension), and the newest document timestamp's
 * authority (ETSI EN 319 142-1 §5.4.3: the validation data of the previous document timestamp goes
 * into the store before the next one). Older document timestamps had theirs added by the extension
 * that followed them. An earlier extension's material may no longer be coverable by the lists
 * imported now (a list issued after a certificate expired proves nothing of it): that is why it is kept, not sought again.
 */
function pathsOf(signatures: readonly PdfSignatureCheck[]): PathToCover[] {
  const newestStamp = signatures.filter((s) => s.type === 'documentTimestamp').at(-1);
  return signatures.flatMap((s) => {
    if (s.type === 'documentTimestamp') return s === newestStamp && s.cms.trustedPath.length > 0 ? [{ path: s.cms.trustedPath, at: s.cms.provenTime }] : [];
    if (s.level === 'B-LT' || s.level === 'B-LTA') return [];
    const own = s.cms.trustedPath.length > 0 ? [{ path: s.cms.trustedPath, at: s.cms.provenTime }] : [];
    const tsa = s.cms.timestamp && s.cms.timestampPath.length > 0 ? [{ path: s.cms.timestampPath, at: new Date(s.cms.timestamp.time) }] : [];
    return [...own, ...tsa];
  });
}

/** The store's lists already in the document, for a certificate `issuer` issued (only those it signed). */
function storedLists(stored: readonly ParsedCrl[], issuer: Uint8Array): ParsedCrlWithSigner[] {
  return stored.filter((crl) => crlSignedBy(crl, issuer)).map((crl) => ({ crl, issuerCertificate: issuer }));
}

/** Why no list gives `certificate`'s status at `at` for the long term (LONG_TERM_NO_REVOCATION_DATA's reason). */
function gapOf(evidence: RevocationEvidence, certificate: CertificateRef, at: Date | null): RevocationGap {
  if (at === null) return 'noSigningTime';
  if (evidence.newest === null) return 'noList';
  if (evidence.newest.thisUpdate.getTime() > certificate.notAfter.getTime()) return 'issuedAfterExpiry';
  return evidence.newest.thisUpdate.getTime() < at.getTime() ? 'issuedBeforeSigning' : 'noList';
}

/**
 * The material B-LT needs: each path's certificates, and for each certificate but the anchor a list
 * that gives its status at the path's time for the long term (revocation.ts, `now` null): one that
 * names it revoked, or one issued at or after that time (ETSI EN 319 102-1 §5.6.2.1). A list current
 * now but issued before the signing would prove nothing once it is no longer current, so it is not
 * enough: the extension waits until the CA has published a later one and it is imported. Throws
 * LONG_TERM_NO_REVOCATION_DATA naming the first certificate no list covers, and why.
 */
function longTermMaterial(paths: readonly PathToCover[], stored: readonly ParsedCrl[], options: LongTermOptions): { certificates: Uint8Array[]; crls: Uint8Array[] } {
  const certificates = new Map<string, Uint8Array>();
  const crls = new Map<string, Uint8Array>();
  for (const { path, at } of paths) {
    path.forEach((der, i) => {
      certificates.set(keyOf(der), der);
      const issuer = path[i + 1];
      if (issuer === undefined) return; // the anchor is trusted, not checked
      const certificate = certificateRefOf(der);
      const lists = [...options.crls, ...storedLists(stored, issuer)];
      const evidence = revocationEvidence(certificate, issuer, lists, null, at);
      if (evidence.list === null) {
        throw new DomainError('LONG_TERM_NO_REVOCATION_DATA', { certificate: nameOf(der), issuer: nameOf(issuer), reason: gapOf(evidence, certificate, at) });
      }
      crls.set(keyOf(evidence.list.crl.der), evidence.list.crl.der);
    });
  }
  return { certificates: [...certificates.values()], crls: [...crls.values()] };
}

const asDict = (v: Parsed | undefined): ParsedDict => {
  if (!(v instanceof Map)) throw new DomainError('PDF_UNREADABLE');
  return v;
};

/** A value with an indirect reference followed. */
const direct = (buf: Uint8Array, rev: Revision, v: Parsed | undefined): Parsed | undefined => (v instanceof ParsedRef ? readObject(buf, rev, v.num) : v);

const refsIn = (v: Parsed | undefined): ParsedRef[] => (Array.isArray(v) ? v.filter((r): r is ParsedRef => r instanceof ParsedRef) : []);

interface Update {
  buf: Buffer;
  rev: Revision;
  size: number;
  rootNum: number;
  catalog: ParsedDict;
}

function openUpdate(pdf: Uint8Array): Update {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let rev: Revision;
  try {
    rev = readRevision(buf);
  } catch {
    throw new DomainError('PDF_UNREADABLE');
  }
  const size = rev.trailer.get('Size');
  const root = rev.trailer.get('Root');
  if (typeof size !== 'number' || !(root instanceof ParsedRef)) throw new DomainError('PDF_UNREADABLE');
  return { buf, rev, size, rootNum: root.num, catalog: asDict(readObject(buf, rev, root.num)) };
}

/**
 * Appends `objects` (numbered from the update's /Size on, or replacing existing ones) as an
 * incremental update: a cross-reference stream after a stream, a table after a table (ISO 32000-1 §7.5.8.4).
 */
function appendObjects(update: Update, objects: readonly { num: number; bytes: Buffer }[], nextNum: number): Buffer {
  const { buf, rev } = update;
  const parts: Buffer[] = [buf, Buffer.from('\n', 'latin1')];
  let at = buf.length + 1;
  const offsets: { num: number; offset: number }[] = [];
  for (const o of objects) {
    offsets.push({ num: o.num, offset: at });
    parts.push(o.bytes);
    at += o.bytes.length;
  }
  const xrefStreamNum = rev.xrefStream ? nextNum : null;
  const trailer: Record<string, PdfValue> = { Size: nextNum + (xrefStreamNum === null ? 0 : 1), Root: ref(update.rootNum), Prev: rev.startxref };
  const info = rev.trailer.get('Info');
  if (info instanceof ParsedRef) trailer.Info = ref(info.num);
  const id = rev.trailer.get('ID');
  if (Array.isArray(id)) trailer.ID = id.map(reserialize);
  parts.push(xrefUpdate(offsets, trailer, at, xrefStreamNum));
  return Buffer.concat(parts);
}

const stream = (num: number, der: Uint8Array): { num: number; bytes: Buffer } => {
  const data = deflateSync(der);
  return { num, bytes: objectBytes(num, { Filter: name('FlateDecode'), Length: data.length }, data) };
};

/**
 * B-LT (ETSI EN 319 142-1 §5.4.2): the catalog, copied whole (its /Extensions, /Metadata, /AcroForm
 * and the rest as they are), with a /DSS holding what it held before and the material not yet in it.
 */
export function appendDss(pdf: Uint8Array, material: { certificates: readonly Uint8Array[]; crls: readonly Uint8Array[] }): Buffer {
  const update = openUpdate(pdf);
  const { buf, rev, catalog } = update;
  const before = readDss(buf);
  const old = direct(buf, rev, catalog.get('DSS'));
  const oldDss = old instanceof Map ? old : new Map<string, Parsed>();
  const known = new Set([...before.certificates, ...before.crls].map(keyOf));
  let num = update.size;
  const objects: { num: number; bytes: Buffer }[] = [];
  const added = (ders: readonly Uint8Array[]) =>
    ders.flatMap((der) => {
      if (known.has(keyOf(der))) return [];
      known.add(keyOf(der));
      const o = stream(num++, der);
      objects.push(o);
      return [ref(o.num)];
    });
  const certs = [...refsIn(direct(buf, rev, oldDss.get('Certs'))).map((r) => ref(r.num)), ...added(material.certificates)];
  const crls = [...refsIn(direct(buf, rev, oldDss.get('CRLs'))).map((r) => ref(r.num)), ...added(material.crls)];
  const dss = { ...(reserialize(oldDss) as Record<string, PdfValue>), Type: name('DSS'), Certs: certs, CRLs: crls };
  const dssNum = num++;
  objects.push({ num: dssNum, bytes: objectBytes(dssNum, dss) });
  const newCatalog = { ...(reserialize(catalog) as Record<string, PdfValue>), DSS: ref(dssNum) };
  objects.push({ num: update.rootNum, bytes: objectBytes(update.rootNum, newCatalog) });
  return appendObjects(update, objects, num);
}

/** The first page of the page tree (§7.7.3): where the invisible field's widget is listed. */
function firstPage(buf: Uint8Array, rev: Revision, catalog: ParsedDict): { num: number; dict: ParsedDict } {
  let node = catalog.get('Pages');
  for (let depth = 0; depth < 32 && node instanceof ParsedRef; depth++) {
    const dict = asDict(readObject(buf, rev, node.num));
    const type = dict.get('Type');
    if (type instanceof ParsedName && type.value === 'Page') return { num: node.num, dict };
    node = refsIn(direct(buf, rev, dict.get('Kids')))[0];
  }
  throw new DomainError('PDF_UNREADABLE');
}

function timestampFailure(e: unknown, url: string): DomainError | null {
  if (!(e instanceof SigningError) || (e.code !== 'TSA_UNREACHABLE' && e.code !== 'TSA_REFUSED')) return null;
  const reason = (e.params as { reason: unknown }).reason;
  const failure: TimestampFailure = e.code === 'TSA_UNREACHABLE' ? { code: 'TSA_UNREACHABLE', reason: reason as UnreachableReason } : { code: 'TSA_REFUSED', reason: reason as RefusedReason };
  return new DomainError('LONG_TERM_TIMESTAMP_FAILED', { url, failure });
}

/**
 * B-LTA (ETSI EN 319 142-1 §5.4.3): a document timestamp over the whole file as it is, in an
 * invisible signature field (/Rect [0 0 0 0], printable and locked) added to the form and the first page.
 */
export async function appendDocumentTimestamp(pdf: Uint8Array, options: Pick<LongTermOptions, 'timestampUrl' | 'timeoutMs'>): Promise<Buffer> {
  const update = openUpdate(pdf);
  const { buf, rev, catalog } = update;
  const page = firstPage(buf, rev, catalog);
  const form = direct(buf, rev, catalog.get('AcroForm'));
  const fields = refsIn(form instanceof Map ? direct(buf, rev, form.get('Fields')) : undefined);
  const sigNum = update.size;
  const widgetNum = update.size + 1;
  const apNum = update.size + 2;
  const contentsHex = '0'.repeat(TOKEN_BYTES * 2);
  const objects = [
    {
      num: sigNum,
      bytes: Buffer.from(
        `${sigNum} 0 obj\n<</Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents <${contentsHex}>>>\nendobj\n`,
        'latin1',
      ),
    },
    {
      num: widgetNum,
      bytes: objectBytes(widgetNum, {
        Type: name('Annot'),
        Subtype: name('Widget'),
        FT: name('Sig'),
        T: textString(`Laiko žyma ${fields.length + 1}`),
        V: ref(sigNum),
        // Print (PDF/A wants it on every annotation) and Locked; no area, so nothing shows.
        F: 132,
        Rect: [0, 0, 0, 0],
        P: ref(page.num),
        // An empty appearance: PDF/A-1 wants one on every widget (ISO 19005-1 §6.5.3), and so does
        // the part-1 preflight copy the tests check PDF/A-2b with.
        AP: { N: ref(apNum) },
      }),
    },
    { num: apNum, bytes: objectBytes(apNum, { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 0, 0], Length: 0 }, new Uint8Array()) },
  ];
  const annots = direct(buf, rev, page.dict.get('Annots'));
  const newPage = reserialize(page.dict) as Record<string, PdfValue>;
  newPage.Annots = [...(Array.isArray(annots) ? annots.map(reserialize) : []), ref(widgetNum)];
  objects.push({ num: page.num, bytes: objectBytes(page.num, newPage) });
  const newCatalog = reserialize(catalog) as Record<string, PdfValue>;
  newCatalog.AcroForm = {
    ...(form instanceof Map ? (reserialize(form) as Record<string, PdfValue>) : {}),
    Fields: [...fields.map((f) => ref(f.num)), ref(widgetNum)],
    SigFlags: 3,
  };
  objects.push({ num: update.rootNum, bytes: objectBytes(update.rootNum, newCatalog) });
  const out = appendObjects(update, objects, update.size + 3);

  const sigStart = out.indexOf(`${sigNum} 0 obj\n<</Type /DocTimeStamp`, buf.length, 'latin1');
  const contentsAt = out.indexOf(`/Contents <${contentsHex.slice(0, 16)}`, sigStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + contentsHex.length + 2;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  out.write(`[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), out.indexOf(BYTE_RANGE_PLACEHOLDER, sigStart, 'latin1'), 'latin1');
  let token: Uint8Array;
  try {
    token = await requestTimestamp(options.timestampUrl, Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]), options.timeoutMs);
  } catch (e) {
    throw timestampFailure(e, options.timestampUrl) ?? e;
  }
  if (token.length > TOKEN_BYTES) {
    throw new DomainError('LONG_TERM_TIMESTAMP_FAILED', { url: options.timestampUrl, failure: { code: 'TOKEN_TOO_LARGE', bytes: token.length } });
  }
  out.write(Buffer.from(token).toString('hex'), contentsAt + 1, 'latin1');
  return out;
}

/**
 * Extends a signed document to B-LT, then B-LTA (issue 18). Refuses, before anything is written:
 * no timestamp service (LONG_TERM_NO_TIMESTAMP_SERVICE), no signature (LONG_TERM_NO_SIGNATURE), a
 * signature or timestamp that does not verify now (LONG_TERM_SIGNATURE_INVALID), a certificate no
 * list covers (LONG_TERM_NO_REVOCATION_DATA), the timestamp service failing (LONG_TERM_TIMESTAMP_FAILED).
 */
export async function extendToLongTerm(pdf: Uint8Array, options: LongTermOptions): Promise<Buffer> {
  if (options.timestampUrl === '') throw new DomainError('LONG_TERM_NO_TIMESTAMP_SERVICE');
  const check = verifyPdf(pdf, { trusted: [...options.trusted], now: options.now, crls: options.crls });
  if (!check.signatures.some((s) => s.type === 'signature')) throw new DomainError('LONG_TERM_NO_SIGNATURE');
  const failing = check.signatures.find((s) => s.indication !== 'TOTAL_PASSED');
  if (failing) {
    const signer = failing.cms.signer?.commonName || failing.cms.signer?.subject || failing.name || '?';
    throw new DomainError('LONG_TERM_SIGNATURE_INVALID', { signer, indication: failing.indication, subIndication: failing.subIndication });
  }
  const stored = readDss(pdf).crls.flatMap((der) => {
    try {
      return [parseCrl(der)];
    } catch {
      return [];
    }
  });
  const material = longTermMaterial(pathsOf(check.signatures), stored, options);
  const withStore = appendDss(pdf, material);
  return appendDocumentTimestamp(withStore, options);
}
