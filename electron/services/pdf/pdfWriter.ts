import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { DocumentModel } from '../../../shared/domain/documents/documentModel';
import { loadFaces, type Faces, type PreparedFace } from './fonts';
import { layOut, PAGE, type SignatureSlot } from './layout';
import { hexString, name, objectBytes, pdfDate, ref, Raw, textString, xrefSection, type PdfValue } from './pdfSyntax';
import { srgbProfile } from './srgbProfile';

/**
 * Writes a document as PDF/A-1b (ISO 19005-1, level B): fonts embedded (subset with CIDSet),
 * XMP metadata matching the document information dictionary, an sRGB output intent, a trailer ID,
 * no encryption, no transparency, a classic cross-reference table.
 *
 * What is the same in every document — the colour profile, the output intent and the two fonts —
 * is serialised once per process as objects 1–14 at the start of the file; a document adds its
 * catalog, page tree, pages, information and metadata after them. Signing (signing/pdfSignature.ts)
 * relies on these fixed numbers to reuse the fonts in a signature's visible stamp.
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

const HEADER = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');

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

const preludes = new Map<string, Promise<Prelude>>();

function prelude(fontsDir: string): Promise<Prelude> {
  let p = preludes.get(fontsDir);
  if (p === undefined) {
    p = loadFaces(fontsDir).then((faces) => {
      const icc = deflateSync(srgbProfile());
      const objects = [
        objectBytes(1, { N: 3, Length: icc.length, Filter: name('FlateDecode') }, icc),
        objectBytes(FIXED.outputIntent, {
          Type: name('OutputIntent'),
          S: name('GTS_PDFA1'),
          OutputConditionIdentifier: 'sRGB IEC61966-2.1',
          RegistryName: 'http://www.color.org',
          Info: 'sRGB IEC61966-2.1',
          DestOutputProfile: ref(1),
        }),
        ...fontObjects(faces.regular, FIXED.fonts.regular),
        ...fontObjects(faces.bold, FIXED.fonts.bold),
      ];
      const offsets: { num: number; offset: number }[] = [];
      let at = HEADER.length;
      objects.forEach((o, i) => {
        offsets.push({ num: i + 1, offset: at });
        at += o.length;
      });
      return { bytes: Buffer.concat([HEADER, ...objects]), offsets, faces };
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

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP for PDF/A-1b; each property mirrors the information dictionary's entry (ISO 19005-1 §6.7.3). */
function xmp(title: string, keywords: string, producer: string, date: string): Buffer {
  return Buffer.from(
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n` +
      `<x:xmpmeta xmlns:x="adobe:ns:meta/">\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n` +
      `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n` +
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>application/pdf</dc:format><dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(title)}</rdf:li></rdf:Alt></dc:title></rdf:Description>\n` +
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:CreatorTool>${xml(producer)}</xmp:CreatorTool></rdf:Description>\n` +
      `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${xml(producer)}</pdf:Producer><pdf:Keywords>${xml(keywords)}</pdf:Keywords></rdf:Description>\n` +
      `</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>`,
    'utf8',
  );
}

export async function renderPdf(model: DocumentModel, meta: DocumentMeta, fontsDir: string): Promise<RenderedPdf> {
  const pre = await prelude(fontsDir);
  const laid = layOut(model, pre.faces);
  const title = `${model.documentType} ${model.title}`.replace(/\s+/g, ' ').trim();
  const keywords = `Pusiaukelė; ${model.templateVersion}`;
  const isoDate = `${meta.createdAt.toISOString().slice(0, 19)}Z`;
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
  add(FIXED.catalog, {
    Type: name('Catalog'),
    Pages: ref(FIXED.pages),
    Metadata: ref(FIXED.metadata),
    OutputIntents: [ref(FIXED.outputIntent)],
    Lang: 'lt-LT',
  });
  add(FIXED.pages, {
    Type: name('Pages'),
    Kids: pageNums.map(ref),
    Count: laid.pages.length,
    MediaBox: [0, 0, PAGE.width, PAGE.height],
    Resources: { Font: { F1: ref(FIXED.fonts.regular), F2: ref(FIXED.fonts.bold) }, ProcSet: [name('PDF'), name('Text')] },
  });
  add(FIXED.info, {
    Title: textString(title),
    Producer: textString(meta.producer),
    Creator: textString(meta.producer),
    Keywords: textString(keywords),
    CreationDate: new Raw(`(${pdfDate(meta.createdAt)})`),
    ModDate: new Raw(`(${pdfDate(meta.createdAt)})`),
  });
  const metadata = xmp(title, keywords, meta.producer, isoDate);
  add(FIXED.metadata, { Type: name('Metadata'), Subtype: name('XML'), Length: metadata.length }, metadata);
  laid.pages.forEach((content, i) => {
    const num = pageNums[i] as number;
    const stream = deflateSync(Buffer.from(content, 'latin1'));
    add(num, { Type: name('Page'), Parent: ref(FIXED.pages), Contents: ref(num + 1) });
    add(num + 1, { Length: stream.length, Filter: name('FlateDecode') }, stream);
  });
  const size = FIXED.firstPage + 2 * laid.pages.length;
  const id = createHash('md5').update(`${meta.id}|${isoDate}`).digest();
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
