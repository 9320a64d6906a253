import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { DocumentModel } from '../../../shared/domain/documents/documentModel';
import { loadFaces, type Faces, type PreparedFace } from './fonts';
import { layOut, PAGE, type SignatureSlot } from './layout';
import { documentProperties, pdfLtXmp, xmpDate } from './pdfLtMetadata';
import { hexString, name, objectBytes, pdfDate, ref, Raw, textString, xrefSection, type PdfValue } from './pdfSyntax';
import { srgbProfile } from './srgbProfile';

/**
 * Writes a document as PDF 1.7 in the Lithuanian e-document format PDF-LT-V1.0, level A, and
 * PDF/A-2b (ISO 19005-2, level B): fonts embedded (subset with CIDSet), XMP metadata with the PDF-LT
 * properties and their extension schema (pdfLtMetadata.ts) matching the document information
 * dictionary, an sRGB output intent, a trailer ID, no encryption, no transparency, no embedded
 * files, a classic cross-reference table.
 *
 * What is the same in every document — the catalog, the colour profile, the output intent and the
 * two fonts — is serialised once per process at the start of the file; a document adds its page
 * tree, pages, information and metadata after them. Signing (signing/pdfSignature.ts) relies on these
 * fixed numbers to reuse the fonts in a signature's visible stamp.
 *
 * The catalog carries `/Extensions << /LTUd << /BaseVersion /1.7 /ExtensionLevel 1 >> >>` (ISO
 * 32000-1 §7.12, the developer extension PDF-LT-V1.0 declares). It is the file's first object, right
 * after the header: the PDF-LT writer published for Registrų centras writes that dictionary into
 * the file's header area and its verifier looks for it there, so a reader of either kind finds it.
 */
export const FIXED = {
  outputIntent: 2,
  fonts: { regular: 3, bold: 9 },
  catalog: 15,
  pages: 16,
  info: 17,
  metadata: 18,
  firstPage: 19,
} as const;

/** ISO 19005-2 §6.1.2: the version line, then a comment of four bytes above 127. */
const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

interface Prelude {
  bytes: Buffer;
  offsets: { num: number; offset: number }[];
  faces: Faces;
}

function toUnicodeCMap(face: PreparedFace): Buffer {
  const lines: string[] = [];
  face.unicode.forEach((text, cid) => {
    if (text === '') return;
    let hex = '';
    for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
    lines.push(`<${cid.toString(16).padStart(4, '0')}> <${hex}>`);
  });
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 100) {
    const part = lines.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  return Buffer.from(
    `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n` +
      `/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${chunks.join('\n')}\n` +
      `endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`,
    'latin1',
  );
}

/**
 * The font's objects, numbered from `first`: Type0, CIDFontType2, descriptor, program, CIDSet, ToUnicode.
 * Also the merged dossier's (archive/mergedFonts.ts), at the numbers it reserves.
 */
export function fontObjects(face: PreparedFace, first: number): Buffer[] {
  const cidSet = Buffer.alloc(Math.ceil(face.widths.length / 8));
  for (let cid = 0; cid < face.widths.length; cid++) cidSet[cid >> 3] = (cidSet[cid >> 3] as number) | (0x80 >> (cid & 7));
  const cmap = deflateSync(toUnicodeCMap(face));
  const cidSetZ = deflateSync(cidSet);
  return [
    objectBytes(first, {
      Type: name('Font'),
      Subtype: name('Type0'),
      BaseFont: name(face.baseFont),
      Encoding: name('Identity-H'),
      DescendantFonts: [ref(first + 1)],
      ToUnicode: ref(first + 5),
    }),
    objectBytes(first + 1, {
      Type: name('Font'),
      Subtype: name('CIDFontType2'),
      BaseFont: name(face.baseFont),
      CIDSystemInfo: { Registry: new Raw('(Adobe)'), Ordering: new Raw('(Identity)'), Supplement: 0 },
      FontDescriptor: ref(first + 2),
      W: [0, Array.from(face.widths, (w) => w ?? 0)],
      CIDToGIDMap: name('Identity'),
    }),
    objectBytes(first + 2, {
      Type: name('FontDescriptor'),
      FontName: name(face.baseFont),
      Flags: face.flags,
      FontBBox: face.bbox,
      ItalicAngle: face.italicAngle,
      Ascent: face.ascent,
      Descent: face.descent,
      CapHeight: face.capHeight,
      StemV: face.stemV,
      FontFile2: ref(first + 3),
      CIDSet: ref(first + 4),
    }),
    objectBytes(first + 3, { Length: face.program.length, Length1: face.programLength, Filter: name('FlateDecode') }, face.program),
    objectBytes(first + 4, { Length: cidSetZ.length, Filter: name('FlateDecode') }, cidSetZ),
    objectBytes(first + 5, { Length: cmap.length, Filter: name('FlateDecode') }, cmap),
  ];
}

/** The catalog: the same in every document the app issues. */
const CATALOG: PdfValue = {
  Type: name('Catalog'),
  // PDF-LT-V1.0 level A: the developer extension, on PDF 1.7 (ISO 32000-1 §7.12.2).
  Extensions: { LTUd: { BaseVersion: name('1.7'), ExtensionLevel: 1 } },
  Pages: ref(FIXED.pages),
  Metadata: ref(FIXED.metadata),
  OutputIntents: [ref(FIXED.outputIntent)],
  Lang: 'lt-LT',
};

const preludes = new Map<string, Promise<Prelude>>();

function prelude(fontsDir: string): Promise<Prelude> {
  let p = preludes.get(fontsDir);
  if (p === undefined) {
    p = loadFaces(fontsDir).then((faces) => {
      const icc = deflateSync(srgbProfile());
      const objects: { num: number; bytes: Buffer }[] = [
        { num: FIXED.catalog, bytes: objectBytes(FIXED.catalog, CATALOG) },
        { num: 1, bytes: objectBytes(1, { N: 3, Length: icc.length, Filter: name('FlateDecode') }, icc) },
        {
          num: FIXED.outputIntent,
          // GTS_PDFA1 is also the output intent subtype PDF/A-2 (ISO 19005-2) names.
          bytes: objectBytes(FIXED.outputIntent, {
            Type: name('OutputIntent'),
            S: name('GTS_PDFA1'),
            OutputConditionIdentifier: 'sRGB IEC61966-2.1',
            RegistryName: 'http://www.color.org',
            Info: 'sRGB IEC61966-2.1',
            DestOutputProfile: ref(1),
          }),
        },
        ...fontObjects(faces.regular, FIXED.fonts.regular).map((bytes, i) => ({ num: FIXED.fonts.regular + i, bytes })),
        ...fontObjects(faces.bold, FIXED.fonts.bold).map((bytes, i) => ({ num: FIXED.fonts.bold + i, bytes })),
      ];
      const offsets: { num: number; offset: number }[] = [];
      let at = HEADER.length;
      for (const o of objects) {
        offsets.push({ num: o.num, offset: at });
        at += o.bytes.length;
      }
      return { bytes: Buffer.concat([HEADER, ...objects.map((o) => o.bytes)]), offsets, faces };
    });
    p.catch(() => preludes.delete(fontsDir));
    preludes.set(fontsDir, p);
  }
  return p;
}

export interface DocumentMeta {
  /** When the document was generated (CreationDate = ModDate, xmp:CreateDate = xmp:ModifyDate). */
  createdAt: Date;
  /** The document's id in the app (makes the trailer ID unique). */
  id: string;
  producer: string;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** Where each signer's stamp goes (V-77 documents: the director; minutes: chair and secretary). */
  slots: SignatureSlot[];
}

export async function renderPdf(model: DocumentModel, meta: DocumentMeta, fontsDir: string): Promise<RenderedPdf> {
  const pre = await prelude(fontsDir);
  const laid = layOut(model, pre.faces);
  const props = documentProperties(model, meta.producer, meta.createdAt);
  const parts: Buffer[] = [pre.bytes];
  const offsets = [...pre.offsets];
  let at = pre.bytes.length;
  const add = (num: number, value: PdfValue, stream?: Uint8Array) => {
    const bytes = objectBytes(num, value, stream);
    offsets.push({ num, offset: at });
    parts.push(bytes);
    at += bytes.length;
  };
  const pageNums = laid.pages.map((_, i) => FIXED.firstPage + 2 * i);
  add(FIXED.pages, {
    Type: name('Pages'),
    Kids: pageNums.map(ref),
    Count: laid.pages.length,
    MediaBox: [0, 0, PAGE.width, PAGE.height],
    Resources: { Font: { F1: ref(FIXED.fonts.regular), F2: ref(FIXED.fonts.bold) }, ProcSet: [name('PDF'), name('Text')] },
  });
  // ISO 19005-2 §6.6.3: each entry has its XMP equivalent with the same value (pdfLtMetadata.ts).
  add(FIXED.info, {
    Title: textString(props.title),
    Author: textString(props.author),
    Producer: textString(props.producer),
    Creator: textString(props.producer),
    Keywords: textString(props.keywords),
    CreationDate: new Raw(`(${pdfDate(props.createdAt)})`),
    ModDate: new Raw(`(${pdfDate(props.createdAt)})`),
  });
  const metadata = Buffer.from(pdfLtXmp(model, props), 'utf8');
  add(FIXED.metadata, { Type: name('Metadata'), Subtype: name('XML'), Length: metadata.length }, metadata);
  laid.pages.forEach((content, i) => {
    const num = pageNums[i] as number;
    const stream = deflateSync(Buffer.from(content, 'latin1'));
    add(num, { Type: name('Page'), Parent: ref(FIXED.pages), Contents: ref(num + 1) });
    add(num + 1, { Length: stream.length, Filter: name('FlateDecode') }, stream);
  });
  const size = FIXED.firstPage + 2 * laid.pages.length;
  const id = createHash('md5').update(`${meta.id}|${xmpDate(props.createdAt)}`).digest();
  const xrefAt = at;
  parts.push(
    Buffer.from(
      `${xrefSection(offsets, true)}trailer\n<</Size ${size} /Root ${FIXED.catalog} 0 R /Info ${FIXED.info} 0 R /ID [${hexString(id).text} ${hexString(id).text}]>>\nstartxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    ),
  );
  return { bytes: Buffer.concat(parts), pageCount: laid.pages.length, slots: laid.slots };
}

/** The prepared fonts (for a signature's stamp, which writes with the document's own fonts). */
export async function preparedFaces(fontsDir: string): Promise<Faces> {
  return (await prelude(fontsDir)).faces;
}
