import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { loadFaces, type Faces } from '../pdf/fonts';
import { name, pdfDate, ref, textString, type PdfValue } from '../pdf/pdfSyntax';
import { srgbProfile } from '../pdf/srgbProfile';
import { FONT_OBJECTS, writeFont } from './mergedFonts';
import { imagePage } from './mergedImages';
import { PdfOutput, type MergedOutputStream } from './mergedOutput';
import { copyPdfPages, UnreadableSource, type PlacedPage, type SharedObjects } from './mergedPdfPages';
import {
  coverAndContents,
  FOOTER_FONT_KEY,
  footerContent,
  noticePages,
  separatorPages,
  TEXT_FONT_KEYS,
  type ContentsEntry,
  type TextPage,
} from './mergedText';

/**
 * The merged dossier of a case package (issue 15): one PDF to read the whole case in — a cover with
 * the case summary, the contents (Turinys) with links, then the dossier items 6.1–6.11 of V-77 p. 6
 * in order, each after a separator page with its recorded facts, then the commission's documents.
 * Bookmarks lead to every item and document; every page, copied ones included, carries "N psl. iš M"
 * at the bottom.
 *
 * The file identifies as PDF/A-2b (ISO 19005-2, level B): XMP with pdfaid part 2 and conformance B,
 * an sRGB output intent, embedded fonts, a trailer /ID, no encryption. What the app writes itself
 * meets those rules; pages of received PDFs are carried as received, which the cover says.
 *
 * Memory stays bounded by the largest single document, not by the case: the file is streamed. Each
 * document is loaded (`open`), its objects copied into the file under one global numbering, and
 * dropped before the next is loaded; what is kept is each object's offset and each page's number.
 * The page tree, page-number lines, contents, bookmarks, fonts and metadata, which need the whole
 * count, are written at the end. The signatures are not carried: the cover says where the signed
 * originals are.
 */

/** One document to put in the merged file. */
export interface MergedSource {
  title: string;
  /** The file name as its user knows it. */
  name: string;
  kind: 'pdf' | 'jpeg' | 'png';
  size: number;
  /** The bytes, loaded only when needed, one at a time. */
  open(): Promise<Buffer>;
}

export interface MergedDossierInput {
  /** The institution's name, for the cover and the XMP. */
  institution: string;
  caseId: string;
  /** E.g. 'Byla 2026-0042: Jonas Jonaitis'. */
  title: string;
  /** Cover lines: convict, request date, state, decision, … */
  summary: readonly (readonly [label: string, value: string])[];
  /** ISO time. */
  exportedAt: string;
  /** The user's name. */
  exportedBy: string;
  /** The dossier items 6.1–6.11 (V-77 p. 6), in order. */
  items: readonly { id: string; title: string; documents: readonly MergedSource[]; facts: readonly string[] }[];
  /** The documents the app generated (title = registration number + title). */
  commission: readonly MergedSource[];
}

const PRODUCER = 'Pusiaukelė';
const COMMISSION_TITLE = 'Komisijos dokumentai';

/** A part of the file after the contents: a dossier item, or the commission's documents. */
interface Part {
  heading: string;
  title: string;
  facts: readonly string[] | null;
  documents: readonly MergedSource[];
}

/** Where each part and each of its documents starts (0-based page indexes), filled in as they are written. */
interface PartPlace {
  start: number;
  documents: number[];
}

function documentLabel(source: MergedSource): string {
  return source.name === '' || source.name === source.title ? source.title : `${source.title} (${source.name})`;
}

function partsOf(input: MergedDossierInput): Part[] {
  const parts: Part[] = input.items.map((item) => ({
    heading: 'Bylos medžiaga (V-77 6 p.)',
    title: `${item.id}. ${item.title}`,
    facts: item.facts,
    documents: item.documents,
  }));
  if (input.commission.length > 0) parts.push({ heading: 'Bylos dokumentai', title: COMMISSION_TITLE, facts: null, documents: input.commission });
  return parts;
}

/** The contents: each part (its separator page), each document under it, "nepateikta" for an item without any. */
function contentsEntries(parts: readonly Part[], places: readonly PartPlace[] | null): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  parts.forEach((part, i) => {
    const place = places?.[i];
    entries.push({ text: part.title, level: 0, target: place?.start ?? 0 });
    if (part.documents.length === 0) entries.push({ text: 'nepateikta', level: 1, target: undefined });
    part.documents.forEach((d, k) => entries.push({ text: documentLabel(d), level: 1, target: place?.documents[k] ?? 0 }));
  });
  return entries;
}

/** The objects whose numbers are known from the start: what every page refers to, and what is written last. */
function reserveFixed(output: PdfOutput) {
  const catalog = output.reserve();
  const pages = output.reserve();
  const info = output.reserve();
  const metadata = output.reserve();
  const outputIntent = output.reserve();
  const profile = output.reserve();
  const outlines = output.reserve();
  const regular = output.reserve();
  for (let i = 1; i < FONT_OBJECTS; i++) output.reserve();
  const bold = output.reserve();
  for (let i = 1; i < FONT_OBJECTS; i++) output.reserve();
  const open = output.reserve();
  const close = output.reserve();
  const shared: SharedObjects = { pages, open, close, footerFont: regular };
  return { catalog, info, metadata, outputIntent, profile, outlines, fonts: { regular, bold }, shared };
}

type Fixed = ReturnType<typeof reserveFixed>;

/** Pages the app lays out itself (cover, contents, separators, notices), each with its content stream and links. */
async function writeTextPages(
  output: PdfOutput,
  fixed: Fixed,
  pages: readonly TextPage[],
  numbers: readonly number[] | null,
  pageNumber: (index: number) => number,
): Promise<PlacedPage[]> {
  const placed: PlacedPage[] = [];
  for (const [i, page] of pages.entries()) {
    const num = numbers?.[i] ?? output.reserve();
    const footer = output.reserve();
    const content = deflateSync(Buffer.from(page.ops.join('\n'), 'latin1'));
    const contentNum = output.reserve();
    await output.object(contentNum, { Length: content.length, Filter: name('FlateDecode') }, content);
    const dict: Record<string, PdfValue> = {
      Type: name('Page'),
      Parent: ref(fixed.shared.pages),
      MediaBox: [0, 0, 595.28, 841.89],
      Resources: {
        Font: { [TEXT_FONT_KEYS.regular]: ref(fixed.fonts.regular), [TEXT_FONT_KEYS.bold]: ref(fixed.fonts.bold), [FOOTER_FONT_KEY]: ref(fixed.fonts.regular) },
      },
      Contents: [ref(contentNum), ref(footer)],
    };
    // Links of the contents (ISO 19005-2 §6.3.2: printable, no appearance needed for a link).
    if (page.links.length > 0) {
      dict.Annots = page.links.map((l) => ({
        Type: name('Annot'),
        Subtype: name('Link'),
        Rect: l.rect,
        F: 4,
        Border: [0, 0, 0],
        Dest: [ref(pageNumber(l.target)), name('Fit')],
      }));
    }
    await output.object(num, dict);
    placed.push({ num, box: [0, 0, 595.28, 841.89], rotate: 0, footer });
  }
  return placed;
}

/** One document's pages: copied (PDF), or its image on a page; a notice page if it cannot be read. */
async function placeDocument(output: PdfOutput, fixed: Fixed, faces: Faces, source: MergedSource): Promise<PlacedPage[]> {
  const bytes = await source.open();
  try {
    if (source.kind === 'pdf') return await copyPdfPages(bytes, output, fixed.shared);
    return [await imagePage(bytes, source.kind, output, fixed.shared)];
  } catch (e) {
    if (!(e instanceof UnreadableSource)) throw e;
    return writeTextPages(output, fixed, noticePages(faces, source, e.reason), null, () => 0);
  }
}

/** Bookmarks (ISO 32000-1 §12.3.3): the contents, each part, each document under its part. */
async function writeOutlines(output: PdfOutput, root: number, tree: { title: string; page: number; children: { title: string; page: number }[] }[]): Promise<void> {
  const nums = tree.map(() => output.reserve());
  for (const [i, node] of tree.entries()) {
    const num = nums[i] as number;
    const kids = node.children.map(() => output.reserve());
    const entry: Record<string, PdfValue> = { Title: textString(node.title), Parent: ref(root), Dest: [ref(node.page), name('Fit')] };
    if (i > 0) entry.Prev = ref(nums[i - 1] as number);
    if (i < nums.length - 1) entry.Next = ref(nums[i + 1] as number);
    if (kids.length > 0) Object.assign(entry, { First: ref(kids[0] as number), Last: ref(kids[kids.length - 1] as number), Count: -kids.length });
    await output.object(num, entry);
    for (const [k, child] of node.children.entries()) {
      const kid: Record<string, PdfValue> = { Title: textString(child.title), Parent: ref(num), Dest: [ref(child.page), name('Fit')] };
      if (k > 0) kid.Prev = ref(kids[k - 1] as number);
      if (k < kids.length - 1) kid.Next = ref(kids[k + 1] as number);
      await output.object(kids[k] as number, kid);
    }
  }
  await output.object(root, { Type: name('Outlines'), First: ref(nums[0] as number), Last: ref(nums[nums.length - 1] as number), Count: nums.length });
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP for PDF/A-2b (ISO 19005-2 §6.6): each property mirrors the information dictionary's entry. */
function xmp(input: MergedDossierInput, subject: string, date: string): Buffer {
  return Buffer.from(
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n` +
      `<x:xmpmeta xmlns:x="adobe:ns:meta/">\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n` +
      `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n` +
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>application/pdf</dc:format>` +
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(input.title)}</rdf:li></rdf:Alt></dc:title>` +
      `<dc:creator><rdf:Seq><rdf:li>${xml(input.exportedBy)}</rdf:li></rdf:Seq></dc:creator>` +
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(subject)}</rdf:li></rdf:Alt></dc:description>` +
      `<dc:publisher><rdf:Bag><rdf:li>${xml(input.institution)}</rdf:li></rdf:Bag></dc:publisher></rdf:Description>\n` +
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool></rdf:Description>\n` +
      `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${PRODUCER}</pdf:Producer></rdf:Description>\n` +
      `</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>`,
    'utf8',
  );
}

/**
 * Writes the merged dossier of `input` to `out` (without ending it: the caller does) and returns
 * its page count and size. A document that cannot be read (encrypted, broken) is replaced by a page
 * that says so; an error of `open` or of the output fails the export.
 */
export async function writeMergedDossier(input: MergedDossierInput, out: MergedOutputStream, fontsDir: string): Promise<{ pages: number; bytes: number }> {
  const faces = await loadFaces(fontsDir);
  const output = new PdfOutput(out);
  const fixed = reserveFixed(output);
  const parts = partsOf(input);
  const cover = { institution: input.institution, title: input.title, summary: input.summary, exportedAt: input.exportedAt, exportedBy: input.exportedBy };

  // The cover and contents come first but are written last, with the page numbers: laid out now
  // with placeholders, they take the same number of pages.
  const front = coverAndContents(faces, cover, contentsEntries(parts, null), false).pages.length;
  const frontNumbers = Array.from({ length: front }, () => output.reserve());
  const pages: PlacedPage[] = frontNumbers.map((num) => ({ num, box: [0, 0, 595.28, 841.89], rotate: 0, footer: 0 }));

  await output.header();
  await output.object(fixed.shared.open, { Length: 2 }, Buffer.from('q\n', 'latin1'));
  await output.object(fixed.shared.close, { Length: 2 }, Buffer.from('Q\n', 'latin1'));

  const places: PartPlace[] = [];
  for (const part of parts) {
    const place: PartPlace = { start: pages.length, documents: [] };
    places.push(place);
    const separator = separatorPages(faces, { heading: part.heading, title: part.title, facts: part.facts, documents: part.documents.map(documentLabel) });
    pages.push(...(await writeTextPages(output, fixed, separator, null, () => 0)));
    for (const source of part.documents) {
      place.documents.push(pages.length);
      pages.push(...(await placeDocument(output, fixed, faces, source)));
      await output.flush();
    }
  }

  const pageNumber = (index: number) => (pages[index] as PlacedPage).num;
  const laid = coverAndContents(faces, cover, contentsEntries(parts, places), true);
  const frontPages = await writeTextPages(output, fixed, laid.pages, frontNumbers, pageNumber);
  pages.splice(0, front, ...frontPages);

  for (const [i, page] of pages.entries()) {
    const line = footerContent(faces, i + 1, pages.length, page.box, page.rotate);
    await output.object(page.footer, { Length: line.length }, line);
  }
  await writeFont(output, faces.regular, fixed.fonts.regular);
  await writeFont(output, faces.bold, fixed.fonts.bold);

  const icc = deflateSync(srgbProfile());
  await output.object(fixed.profile, { N: 3, Length: icc.length, Filter: name('FlateDecode') }, icc);
  await output.object(fixed.outputIntent, {
    Type: name('OutputIntent'),
    S: name('GTS_PDFA1'),
    OutputConditionIdentifier: 'sRGB IEC61966-2.1',
    RegistryName: 'http://www.color.org',
    Info: 'sRGB IEC61966-2.1',
    DestOutputProfile: ref(fixed.profile),
  });

  await writeOutlines(output, fixed.outlines, [
    { title: 'Turinys', page: pageNumber(laid.contentsStart), children: [] },
    ...parts.map((part, i) => ({
      title: part.title,
      page: pageNumber((places[i] as PartPlace).start),
      children: part.documents.map((d, k) => ({ title: documentLabel(d), page: pageNumber((places[i] as PartPlace).documents[k] as number) })),
    })),
  ]);
  await output.object(fixed.shared.pages, { Type: name('Pages'), Kids: pages.map((p) => ref(p.num)), Count: pages.length });

  const at = new Date(input.exportedAt);
  const when = Number.isNaN(at.getTime()) ? new Date(0) : at;
  const subject = `Sujungta bylos ${input.caseId} kopija skaitymui`;
  await output.object(fixed.info, {
    Title: textString(input.title),
    Author: textString(input.exportedBy),
    Subject: textString(subject),
    Creator: textString(PRODUCER),
    Producer: textString(PRODUCER),
    CreationDate: textString(pdfDate(when)),
    ModDate: textString(pdfDate(when)),
  });
  const metadata = xmp(input, subject, `${when.toISOString().slice(0, 19)}Z`);
  await output.object(fixed.metadata, { Type: name('Metadata'), Subtype: name('XML'), Length: metadata.length }, metadata);
  await output.object(fixed.catalog, {
    Type: name('Catalog'),
    Pages: ref(fixed.shared.pages),
    Outlines: ref(fixed.outlines),
    PageMode: name('UseOutlines'),
    Metadata: ref(fixed.metadata),
    OutputIntents: [ref(fixed.outputIntent)],
    Lang: 'lt-LT',
    ViewerPreferences: { DisplayDocTitle: true },
  });

  const id = createHash('md5').update(`${input.caseId}|${input.exportedAt}|merged dossier`).digest();
  await output.finish(fixed.catalog, fixed.info, id);
  return { pages: pages.length, bytes: output.bytes };
}
