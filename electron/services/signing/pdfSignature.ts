import { createHash } from 'node:crypto';
import { DomainError } from '../../../shared/domain/errors';
import { vilniusMinute } from '../../../shared/domain/calendar';
import { encodeText, missingCharacters, textWidth, type PreparedFace } from '../pdf/fonts';
import type { SignatureSlot } from '../pdf/layout';
import { FIXED, preparedFaces } from '../pdf/pdfWriter';
import {
  hexString,
  name,
  objectBytes,
  ParsedName,
  ParsedRef,
  pdfDate,
  readObject,
  readRevision,
  type Parsed,
  type Revision,
  ref,
  reserialize,
  serialize,
  textString,
  xrefSection,
  type ParsedDict,
  type PdfValue,
} from '../pdf/pdfSyntax';
import { buildPadesCms } from './cms';
import type { Signer } from './signer';

/**
 * Adds a PAdES signature to a document the app generated, as an incremental update (ISO 32000-1
 * §7.5.6): the file's bytes so far are kept exactly, and the signature dictionary, its field and
 * visible stamp, and the changed page and catalog are appended with a new cross-reference section
 * (a cross-reference stream when the file's last section is one, as after poppler's `pdfsig`).
 * A second signer does the same again, so the first signature stays valid.
 *
 * The signature dictionary is what PDF-LT-V1.0 asks of each signature (issue 18): /Filter
 * /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached (PAdES, ETSI EN 319 142-1), /Contents, /ByteRange,
 * /Name, /M and /Reason (level B), and the level-A entries /LTUd_Role (the signer's position) and
 * /LTUd_SignerNotes (the signer's notes: the app takes none, so an empty text string, which is what
 * the PDF-LT writer published for Registrų centras writes when it has none). Each is a text string.
 */

export interface SignOptions {
  signer: Signer;
  /** Where the stamp goes (from the document's layout). */
  slot: SignatureSlot;
  /** The signer's name as the certificate gives it, and the position the stamp shows. */
  signerName: string;
  position: string;
  /** Why the document is signed (/Reason); SIGNING_REASON unless the caller says otherwise. */
  reason?: string;
  at: Date;
  /** An RFC 3161 timestamp service, if the institution has one. */
  timestampUrl?: string;
  timeoutMs?: number;
  fontsDir: string;
}

/** The purpose of an issued document's signatures: its signers sign it as its authors. */
export const SIGNING_REASON = 'Pasirašymas';

const BYTE_RANGE_PLACEHOLDER = `[0 ${'*'.repeat(10)} ${'*'.repeat(10)} ${'*'.repeat(10)}]`;

function notOurs(): DomainError {
  return new DomainError('NOT_OUR_DOCUMENT');
}

const asDict = (v: unknown): ParsedDict => {
  if (!(v instanceof Map)) throw notOurs();
  return v as ParsedDict;
};

/** A value with an indirect reference followed (other signers write /Annots, /AcroForm and /Fields as objects of their own). */
const direct = (buf: Buffer, rev: Revision, v: Parsed | undefined): Parsed | undefined => (v instanceof ParsedRef ? readObject(buf, rev, v.num) : v);

/**
 * The cross-reference section of an update: a classic table after a table (§7.5.4), a cross-reference
 * stream (§7.5.8, uncompressed, /W [1 4 2]) after a stream, as ISO 32000-1 §7.5.8.4 expects of a
 * writer updating a file that uses them. `at` is where the section starts; `streamNum` numbers the stream.
 */
export function xrefUpdate(offsets: { num: number; offset: number }[], trailer: Record<string, PdfValue>, at: number, streamNum: number | null): Buffer {
  if (streamNum === null) return Buffer.from(`${xrefSection(offsets, false)}trailer\n${serialize(trailer)}\nstartxref\n${at}\n%%EOF\n`, 'latin1');
  const entries = [...offsets, { num: streamNum, offset: at }].sort((a, b) => a.num - b.num);
  const index: number[] = [];
  const rows = Buffer.alloc(entries.length * 7);
  entries.forEach((e, i) => {
    const last = index.length - 2;
    if (last >= 0 && (index[last] as number) + (index[last + 1] as number) === e.num) index[last + 1] = (index[last + 1] as number) + 1;
    else index.push(e.num, 1);
    rows.writeUInt8(1, i * 7);
    rows.writeUInt32BE(e.offset, i * 7 + 1);
    rows.writeUInt16BE(0, i * 7 + 5);
  });
  const dict = { ...trailer, Type: name('XRef'), Index: index, W: [1, 4, 2], Length: rows.length };
  return Buffer.concat([objectBytes(streamNum, dict, rows), Buffer.from(`startxref\n${at}\n%%EOF\n`, 'latin1')]);
}

/** The visible stamp: a framed box naming the signer, the position and the time. */
function stampStream(face: PreparedFace, bold: PreparedFace, width: number, height: number, lines: [string, string, string]): Buffer {
  const fit = (f: PreparedFace, s: string, size: number) => {
    const clean = [...s].map((c) => (missingCharacters(f, c).length > 0 ? '?' : c)).join('');
    let t = clean;
    while (t.length > 1 && textWidth(f, t, size) > width - 8) t = t.slice(0, -1);
    return t === clean ? t : `${t.slice(0, -1)}…`;
  };
  const ops = [
    '0 0 0.55 RG 0.8 w',
    `1 1 ${(width - 2).toFixed(2)} ${(height - 2).toFixed(2)} re S`,
    '0 0 0.55 rg',
    `BT /F1 6.5 Tf 4 ${(height - 9).toFixed(2)} Td ${encodeText(face, fit(face, 'Pasirašyta elektroniniu parašu', 6.5))} Tj ET`,
    `BT /F2 8.5 Tf 4 ${(height - 19).toFixed(2)} Td ${encodeText(bold, fit(bold, lines[0], 8.5))} Tj ET`,
    `BT /F1 7 Tf 4 ${(height - 28).toFixed(2)} Td ${encodeText(face, fit(face, lines[1], 7))} Tj ET`,
    `BT /F1 7 Tf 4 ${(height - 36).toFixed(2)} Td ${encodeText(face, fit(face, lines[2], 7))} Tj ET`,
  ];
  return Buffer.from(ops.join('\n'), 'latin1');
}

function placeholderSize(signer: Signer, timestamped: boolean): number {
  const certs = signer.certificate.length + signer.chain.reduce((n, c) => n + c.length, 0);
  const estimate = certs + 2048 + (timestamped ? 12288 : 0);
  return Math.ceil(estimate / 1024) * 1024;
}

export interface PreparedSignature {
  /** The file with the signature's place reserved. */
  bytes: Buffer;
  /** SHA-256 of the bytes the signature covers. */
  digest: Uint8Array;
  contentsAt: number;
  contentsLength: number;
}

/** The incremental update with an empty signature, and the digest the CMS must sign. */
export async function prepareSignature(pdf: Uint8Array, options: Omit<SignOptions, 'signer' | 'timeoutMs'> & { contentsBytes: number }): Promise<PreparedSignature> {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let rev;
  try {
    rev = readRevision(buf);
  } catch {
    throw notOurs();
  }
  const font = asDict(readObject(buf, rev, FIXED.fonts.regular));
  const baseFont = font.get('BaseFont');
  const rootRef = rev.trailer.get('Root');
  if (!(baseFont instanceof ParsedName) || !baseFont.value.startsWith('PSK') || !(rootRef instanceof ParsedRef)) throw notOurs();
  const catalog = asDict(readObject(buf, rev, rootRef.num));
  const pagesRef = catalog.get('Pages');
  if (!(pagesRef instanceof ParsedRef)) throw notOurs();
  const kids = asDict(readObject(buf, rev, pagesRef.num)).get('Kids');
  const pageRef = Array.isArray(kids) ? kids[options.slot.page] : undefined;
  if (!(pageRef instanceof ParsedRef)) throw notOurs();
  const page = asDict(readObject(buf, rev, pageRef.num));

  const size = rev.trailer.get('Size');
  if (typeof size !== 'number') throw notOurs();
  const sigNum = size;
  const widgetNum = size + 1;
  const apNum = size + 2;
  const form = direct(buf, rev, catalog.get('AcroForm'));
  const existingFields = (() => {
    const fields = form instanceof Map ? direct(buf, rev, form.get('Fields')) : undefined;
    return Array.isArray(fields) ? fields.filter((f): f is ParsedRef => f instanceof ParsedRef) : [];
  })();
  const fieldName = `Parasas${existingFields.length + 1}`;

  const faces = await preparedFaces(options.fontsDir);
  const [x1, y1, x2, y2] = options.slot.rect;
  const w = x2 - x1;
  const h = y2 - y1;
  const stamp = stampStream(faces.regular, faces.bold, w, h, [options.signerName, options.position, vilniusMinute(options.at)]);

  const contentsHex = '0'.repeat(options.contentsBytes * 2);
  const objects: { num: number; bytes: Buffer }[] = [
    {
      num: sigNum,
      bytes: Buffer.from(
        `${sigNum} 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents <${contentsHex}>` +
          ` /Name ${textString(options.signerName).text} /M (${pdfDate(options.at)}) /Reason ${textString(options.reason ?? SIGNING_REASON).text}` +
          ` /LTUd_Role ${textString(options.position).text} /LTUd_SignerNotes ()>>\nendobj\n`,
        'latin1',
      ),
    },
    {
      num: widgetNum,
      bytes: objectBytes(widgetNum, {
        Type: name('Annot'),
        Subtype: name('Widget'),
        FT: name('Sig'),
        T: textString(fieldName),
        V: ref(sigNum),
        F: 4,
        Rect: [x1, y1, x2, y2],
        P: ref(pageRef.num),
        AP: { N: ref(apNum) },
      }),
    },
    {
      num: apNum,
      bytes: objectBytes(
        apNum,
        {
          Type: name('XObject'),
          Subtype: name('Form'),
          BBox: [0, 0, w, h],
          Resources: { Font: { F1: ref(FIXED.fonts.regular), F2: ref(FIXED.fonts.bold) }, ProcSet: [name('PDF'), name('Text')] },
          Length: stamp.length,
        },
        stamp,
      ),
    },
  ];
  const annots = direct(buf, rev, page.get('Annots'));
  const newPage = reserialize(page) as Record<string, PdfValue>;
  newPage.Annots = [...(Array.isArray(annots) ? annots.map(reserialize) : []), ref(widgetNum)];
  objects.push({ num: pageRef.num, bytes: objectBytes(pageRef.num, newPage) });
  const newCatalog = reserialize(catalog) as Record<string, PdfValue>;
  newCatalog.AcroForm = {
    ...(form instanceof Map ? (reserialize(form) as Record<string, PdfValue>) : {}),
    Fields: [...existingFields.map((f) => ref(f.num)), ref(widgetNum)],
    SigFlags: 3,
  };
  objects.push({ num: rootRef.num, bytes: objectBytes(rootRef.num, newCatalog) });

  const parts: Buffer[] = [buf, Buffer.from('\n', 'latin1')];
  let at = buf.length + 1;
  const offsets: { num: number; offset: number }[] = [];
  for (const o of objects) {
    offsets.push({ num: o.num, offset: at });
    parts.push(o.bytes);
    at += o.bytes.length;
  }
  const xrefStreamNum = rev.xrefStream ? size + 3 : null;
  const trailer: Record<string, PdfValue> = { Size: size + (xrefStreamNum === null ? 3 : 4), Root: ref(rootRef.num), Prev: rev.startxref };
  const info = rev.trailer.get('Info');
  if (info instanceof ParsedRef) trailer.Info = ref(info.num);
  const id = rev.trailer.get('ID');
  if (Array.isArray(id)) trailer.ID = id.map(reserialize);
  parts.push(xrefUpdate(offsets, trailer, at, xrefStreamNum));
  const out = Buffer.concat(parts);

  // Fill in the byte range around the Contents placeholder.
  const sigStart = (offsets[0] as { offset: number }).offset;
  const contentsAt = out.indexOf(`/Contents <${contentsHex.slice(0, 16)}`, sigStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + contentsHex.length + 2;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  const rangeAt = out.indexOf(BYTE_RANGE_PLACEHOLDER, sigStart, 'latin1');
  out.write(rangeText, rangeAt, 'latin1');
  const digest = createHash('sha256').update(out.subarray(0, contentsAt)).update(out.subarray(contentsEnd)).digest();
  return { bytes: out, digest, contentsAt, contentsLength: contentsHex.length + 2 };
}

/**
 * Signs the document: checks the certificate first, then appends the signature. Nothing is changed
 * in `pdf`; on any refusal (certificate, card, timestamp service) the caller keeps what it had.
 */
export async function signPdf(pdf: Uint8Array, options: SignOptions): Promise<Uint8Array> {
  const contentsBytes = placeholderSize(options.signer, options.timestampUrl !== undefined);
  const prepared = await prepareSignature(pdf, { ...options, contentsBytes });
  const cms = await buildPadesCms({
    digest: prepared.digest,
    signer: options.signer,
    ...(options.timestampUrl !== undefined ? { timestampUrl: options.timestampUrl } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (cms.length > contentsBytes) {
    throw new DomainError('SIGNING_FAILED', { reason: { why: 'noSpace' } });
  }
  const hex = hexString(cms).text.slice(1, -1);
  prepared.bytes.write(hex, prepared.contentsAt + 1, 'latin1');
  return prepared.bytes;
}
