import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { ParsedRef, ParsedString, readObject, readRevision, readStream, type Parsed, type ParsedDict, type Revision } from '../../electron/services/pdf/pdfSyntax';

/**
 * The independent tools a third party would check our PDFs with (issue 6 "Proof"), run for real:
 * poppler's pdftotext and pdfsig, mupdf's mutool, qpdf, openssl cms, and Apache PDFBox preflight.
 * `.ci/run` installs them from Debian.
 */

const work = mkdtempSync(join(tmpdir(), 'pusiaukele-pdftools-'));
let counter = 0;

/** Writes the bytes to a file of their own and returns its path. */
export function fileOf(bytes: Uint8Array, name = 'document.pdf'): string {
  const path = join(work, `${++counter}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

export function pdftotext(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', fileOf(bytes), '-'], { encoding: 'utf8' });
}

/** What a command printed and how it ended (the verifiers exit non-zero on a bad signature). */
export function run(command: string, args: string[]): { status: number; out: string } {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** An NSS database that trusts the test CA, for pdfsig's "Certificate Validation: Trusted". */
export function nssDatabase(caPem: string): string {
  const dir = mkdtempSync(join(work, 'nss-'));
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-n', 'pusiaukele-test-ca', '-t', 'CT,C,C', '-i', fileOf(Buffer.from(caPem), 'ca.pem'), '-d', `sql:${dir}`]);
  return dir;
}

export function pdfsig(bytes: Uint8Array, nssDir: string): { status: number; out: string } {
  return run('pdfsig', ['-nssdir', `sql:${nssDir}`, fileOf(bytes)]);
}

export function mutoolVerify(bytes: Uint8Array): { status: number; out: string } {
  return run('mutool', ['sign', '-v', fileOf(bytes)]);
}

export function qpdfCheck(bytes: Uint8Array): { status: number; out: string } {
  return run('qpdf', ['--check', fileOf(bytes)]);
}

const PREFLIGHT_JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

/** Apache PDFBox preflight: "The file … is a valid PDF/A-1b file", or the list of its errors. For files that say PDF/A part 1. */
export function preflight(bytes: Uint8Array): { status: number; out: string } {
  return run('java', ['-cp', PREFLIGHT_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', fileOf(bytes)]);
}

const PART_TWO = '<pdfaid:part>2</pdfaid:part>';
/** A value with xmpidq qualifiers in the XMP's general qualified form (XMP part 1 §7.8): `<rdf:li><rdf:Description><rdf:value>…`. */
const QUALIFIED_ITEM = /<rdf:li><rdf:Description><rdf:value>([^<]*)<\/rdf:value>(?:<xmpidq:(\w+)>[^<]*<\/xmpidq:\2>)+<\/rdf:Description><\/rdf:li>/g;

/**
 * The copy of a PDF/A-2b file (ISO 19005-2) that PDFBox preflight, which validates PDF/A-1b only,
 * can check: the same bytes and the same length (every cross-reference offset stays right) with two
 * changes inside the uncompressed XMP metadata stream, and nothing else:
 *
 * 1. The identification says part 1: `<pdfaid:part>2</pdfaid:part>` becomes `…1…`. Sound because,
 *    for what the app writes (embedded TrueType fonts, an sRGB output intent, no transparency, no
 *    JPEG 2000, no optional content, no object streams, no embedded files), PDF/A-1b's rules are the
 *    same as or stricter than PDF/A-2b's; the PDF 1.7 header and the catalog's /Extensions do not
 *    trouble preflight (it accepts them as they are). What PDF/A-2 asks beyond part 1 is tested from
 *    the standard's text (test/unit/services/pdfLtMetadata.test.ts, test/integration/pdfLtFormat.test.ts).
 * 2. A qualified value (`<rdf:li><rdf:Description><rdf:value>A</rdf:value><xmpidq:Scheme>…`, the
 *    PDF-LT level in xmp:Identifier) becomes the bare value `<rdf:li>A</rdf:li>`, padded with spaces
 *    after the item (white space between RDF elements is insignificant). Sound because xmpidq:Scheme
 *    is a qualifier the XMP Specification itself defines for xmp:Identifier (a predefined schema
 *    under ISO 19005-1 §6.7.8 and ISO 19005-2 §6.6.2.3.1), and PDFBox's xmpbox cannot parse
 *    rdf:value at all: on the unmodified packet it reports "Schema is not set in this document:
 *    http://www.w3.org/1999/02/22-rdf-syntax-ns#", a limit of the tool, not a rule of either part.
 *    Every other property, the extension schemas among them, is checked as written.
 *
 * Throws unless the file identifies as part 2 exactly once.
 */
export function partOneCopy(bytes: Uint8Array): Buffer {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.indexOf(PART_TWO);
  if (at < 0 || text.indexOf(PART_TWO, at + 1) >= 0) throw new Error('the file does not identify as PDF/A part 2 exactly once');
  const copy = text
    .replace(PART_TWO, '<pdfaid:part>1</pdfaid:part>')
    .replace(QUALIFIED_ITEM, (item, value: string) => `<rdf:li>${value}</rdf:li>`.padEnd(item.length, ' '));
  return Buffer.from(copy, 'latin1');
}

/** PDFBox preflight on the part-1 copy of a PDF/A-2b file (partOneCopy): "… is a valid PDF/A-1b file", or its errors. */
export function preflightPartTwo(bytes: Uint8Array): { status: number; out: string } {
  return preflight(partOneCopy(bytes));
}

/** The n-th signature's CMS and the bytes it covers, as `openssl cms -verify` takes them. */
export function signatureParts(bytes: Uint8Array, n: number): { cms: Buffer; content: Buffer } {
  const buf = Buffer.from(bytes);
  const ranges = [...buf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = ranges[n];
  if (!m) throw new Error(`no signature ${n}`);
  const [a, b, c, d] = [1, 2, 3, 4].map((i) => Number(m[i]));
  const hex = buf.subarray((b as number) + 1, (c as number) - 1).toString('latin1');
  const der = Buffer.from(hex, 'hex');
  // The DER object's own length, without the zero padding of the placeholder.
  const n2 = der[1] as number;
  const len = n2 < 0x80 ? 2 + n2 : 2 + (n2 & 0x7f) + [...der.subarray(2, 2 + (n2 & 0x7f))].reduce((x, y) => x * 256 + y, 0);
  return {
    cms: der.subarray(0, len),
    content: Buffer.concat([buf.subarray(a, b), buf.subarray(c as number, (c as number) + (d as number))]),
  };
}

export function opensslCmsVerify(bytes: Uint8Array, n: number, caPem: string): { status: number; out: string } {
  const { cms, content } = signatureParts(bytes, n);
  return run('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    fileOf(cms, 'sig.der'),
    '-content',
    fileOf(content, 'content.bin'),
    '-CAfile',
    fileOf(Buffer.from(caPem), 'ca.pem'),
    '-purpose',
    'any',
    '-out',
    '/dev/null',
  ]);
}

// ---- Reading a file as a PDF/A-2 or PDF-LT checker does (issue 18) ----

/** A text string (ISO 32000-1 §7.9.2.2): UTF-16BE after its byte order mark, else PDFDocEncoding (its ASCII part here). */
export function pdfText(v: Parsed | undefined): string | null {
  if (!(v instanceof ParsedString)) return null;
  const b = Buffer.from(v.bytes);
  if (b[0] === 0xfe && b[1] === 0xff) return b.subarray(2).swap16().toString('utf16le');
  return b.toString('latin1');
}

/** What a reader of the file's newest revision finds, with the app's PDF syntax reader (pdfSyntax.ts). */
export interface PdfParts {
  /** The first line, e.g. `%PDF-1.7`. */
  header: string;
  /** The four bytes of the comment after it (ISO 19005-2 §6.1.2: each above 127). */
  binaryComment: number[];
  revision: Revision;
  catalog: ParsedDict;
  info: ParsedDict | null;
  /** The catalog's /Metadata stream as UTF-8 text, and its stream dictionary. */
  xmp: string;
  xmpStream: ParsedDict;
  /** Each signature field's /V dictionary, in the order of the form's /Fields. */
  signatures: ParsedDict[];
}

const dictAt = (buf: Buffer, rev: Revision, v: Parsed | undefined): ParsedDict | null => {
  const value = v instanceof ParsedRef ? readObject(buf, rev, v.num) : v;
  return value instanceof Map ? value : null;
};

export function pdfParts(bytes: Uint8Array): PdfParts {
  const buf = Buffer.from(bytes);
  const lineEnd = buf.indexOf(0x0a);
  const revision = readRevision(buf);
  const catalog = dictAt(buf, revision, revision.trailer.get('Root'));
  if (!catalog) throw new Error('no catalog');
  const metadata = catalog.get('Metadata');
  if (!(metadata instanceof ParsedRef)) throw new Error('no /Metadata stream');
  const stream = readStream(buf, revision, metadata.num);
  const form = dictAt(buf, revision, catalog.get('AcroForm'));
  const fields = form?.get('Fields');
  const signatures = (Array.isArray(fields) ? fields : [])
    .map((f) => dictAt(buf, revision, dictAt(buf, revision, f)?.get('V')))
    .filter((d): d is ParsedDict => d !== null);
  return {
    header: buf.subarray(0, lineEnd).toString('latin1'),
    binaryComment: [...buf.subarray(lineEnd + 2, lineEnd + 6)],
    revision,
    catalog,
    info: dictAt(buf, revision, revision.trailer.get('Info')),
    xmp: stream.data.toString('utf8'),
    xmpStream: stream.dict,
    signatures,
  };
}

/** An XMP packet parsed as namespace-aware XML (xmldom), independent of the app's own XMP reader. */
export function xmpDocument(xmp: string): Document {
  return new DOMParser().parseFromString(xmp, 'application/xml') as unknown as Document;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const EXTENSION_NS = ['http://www.aiim.org/pdfa/ns/extension/', 'http://www.aiim.org/pdfa/ns/schema#', 'http://www.aiim.org/pdfa/ns/property#', 'http://www.aiim.org/pdfa/ns/type#', 'http://www.aiim.org/pdfa/ns/field#'];

/**
 * The schemas ISO 19005-2 §6.6.2.3.1 takes as predefined (XMP Specification 2005, and the PDF/A
 * identification and extension schemas), limited to the properties a writer of these documents may
 * use: anything else must come with an extension schema.
 */
const PREDEFINED: Readonly<Record<string, readonly string[]>> = {
  'http://purl.org/dc/elements/1.1/': ['title', 'creator', 'description', 'subject', 'format', 'date', 'language', 'identifier', 'rights', 'publisher', 'contributor', 'type'],
  'http://ns.adobe.com/xap/1.0/': ['CreateDate', 'ModifyDate', 'MetadataDate', 'CreatorTool', 'Identifier', 'Label', 'Nickname', 'Rating', 'BaseURL', 'Thumbnails', 'Advisory'],
  'http://ns.adobe.com/pdf/1.3/': ['Producer', 'Keywords', 'PDFVersion', 'Trapped'],
  'http://www.aiim.org/pdfa/ns/id/': ['part', 'conformance', 'amd'],
  'http://www.aiim.org/pdfa/ns/extension/': ['schemas'],
};
/** Qualifiers the XMP Specification defines (xmpidq:Scheme, on xmp:Identifier items). */
const PREDEFINED_QUALIFIERS: Readonly<Record<string, readonly string[]>> = { 'http://ns.adobe.com/xmp/Identifier/qual/1.0/': ['Scheme'] };

/** An rdf:Description directly in rdf:RDF: the packet's properties are its attributes and child elements. */
const isTopDescription = (d: Element) => {
  const parent = d.parentNode as Element | null;
  return parent?.namespaceURI === RDF && parent.localName === 'RDF';
};
const elementsIn = (node: Element): Element[] => Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);
const textOf = (e: Element | undefined): string | null => (e ? (e.textContent ?? '') : null);

/** The value of a property: an element's text or an rdf:Description attribute (the abbreviated form, RDF/XML §2.5). */
export function xmpProperty(doc: Document, ns: string, name: string): { element: Element } | { attribute: string } | null {
  for (const d of Array.from(doc.getElementsByTagNameNS(RDF, 'Description'))) {
    if (!isTopDescription(d)) continue;
    if (d.hasAttributeNS(ns, name)) return { attribute: d.getAttributeNS(ns, name) ?? '' };
    const e = elementsIn(d).find((c) => c.namespaceURI === ns && c.localName === name);
    if (e) return { element: e };
  }
  return null;
}

/** The items of an array property (rdf:Seq, rdf:Bag or rdf:Alt of rdf:li). */
export function xmpItems(property: Element): Element[] {
  const container = elementsIn(property)[0];
  return container ? elementsIn(container).filter((li) => li.namespaceURI === RDF && li.localName === 'li') : [];
}

/** A field of a structure (rdf:parseType="Resource", or a nested rdf:Description). */
export function xmpField(structure: Element, ns: string, name: string): string | null {
  const nested = elementsIn(structure).find((c) => c.namespaceURI === RDF && c.localName === 'Description');
  return textOf(elementsIn(nested ?? structure).find((c) => c.namespaceURI === ns && c.localName === name));
}

/** A simple property's text, whichever form it is written in. */
export function xmpText(doc: Document, ns: string, name: string): string | null {
  const p = xmpProperty(doc, ns, name);
  return p === null ? null : 'attribute' in p ? p.attribute : textOf(p.element);
}

interface DeclaredSchema {
  properties: Set<string>;
}

/** The extension schemas the packet declares (ISO 19005-2 §6.6.2.3.2–3): each schema's properties, and each value type's fields. */
function declared(doc: Document): { schemas: Map<string, DeclaredSchema>; types: Map<string, Set<string>> } {
  const [EXT, SCHEMA, PROPERTY, TYPE, FIELD] = EXTENSION_NS as [string, string, string, string, string];
  const schemas = new Map<string, DeclaredSchema>();
  const types = new Map<string, Set<string>>();
  const container = xmpProperty(doc, EXT, 'schemas');
  if (container === null || !('element' in container)) return { schemas, types };
  for (const schema of xmpItems(container.element)) {
    const child = (ns: string, name: string) => elementsIn(schema).find((c) => c.namespaceURI === ns && c.localName === name);
    const uri = textOf(child(SCHEMA, 'namespaceURI'));
    if (uri === null) continue;
    const properties = new Set<string>();
    const list = child(SCHEMA, 'property');
    for (const p of list ? xmpItems(list) : []) {
      const n = xmpField(p, PROPERTY, 'name');
      if (n !== null && xmpField(p, PROPERTY, 'valueType') !== null && xmpField(p, PROPERTY, 'category') !== null && xmpField(p, PROPERTY, 'description') !== null) properties.add(n);
    }
    schemas.set(uri, { properties });
    const valueTypes = child(SCHEMA, 'valueType');
    for (const t of valueTypes ? xmpItems(valueTypes) : []) {
      const typeNs = xmpField(t, TYPE, 'namespaceURI');
      const fieldList = elementsIn(t).find((c) => c.namespaceURI === TYPE && c.localName === 'field');
      if (typeNs === null || xmpField(t, TYPE, 'type') === null || xmpField(t, TYPE, 'prefix') === null) continue;
      types.set(typeNs, new Set((fieldList ? xmpItems(fieldList) : []).map((f) => xmpField(f, FIELD, 'name')).filter((n): n is string => n !== null)));
    }
  }
  return { schemas, types };
}

/**
 * Every property of the packet that no schema defines (ISO 19005-2 §6.6.2.3.1: predefined, or
 * declared in an extension schema), and every field of a structured value that its declared value
 * type does not list; as `namespace name`. Empty for a conforming packet.
 */
export function undeclaredXmpProperties(xmp: string): string[] {
  const doc = xmpDocument(xmp);
  const { schemas, types } = declared(doc);
  const known = (ns: string, name: string) => PREDEFINED[ns]?.includes(name) || schemas.get(ns)?.properties.has(name) === true;
  const out: string[] = [];
  const fieldsOf = (value: Element) => {
    // Structure fields and qualifiers, at any depth of arrays and structures.
    for (const c of elementsIn(value)) {
      if (c.namespaceURI === RDF) {
        fieldsOf(c);
        continue;
      }
      if (EXTENSION_NS.includes(c.namespaceURI ?? '')) continue;
      const ns = c.namespaceURI ?? '';
      if (!(types.get(ns)?.has(c.localName) || PREDEFINED_QUALIFIERS[ns]?.includes(c.localName))) out.push(`${ns} ${c.localName}`);
      fieldsOf(c);
    }
  };
  for (const d of Array.from(doc.getElementsByTagNameNS(RDF, 'Description'))) {
    if (!isTopDescription(d)) continue;
    for (const a of Array.from(d.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns' || a.namespaceURI === RDF) continue;
      if (!known(a.namespaceURI ?? '', a.localName)) out.push(`${a.namespaceURI} ${a.localName}`);
    }
    for (const p of elementsIn(d)) {
      if (!known(p.namespaceURI ?? '', p.localName)) out.push(`${p.namespaceURI} ${p.localName}`);
      if (!EXTENSION_NS.includes(p.namespaceURI ?? '')) fieldsOf(p);
    }
  }
  return out;
}

const DC = 'http://purl.org/dc/elements/1.1/';
const XMP = 'http://ns.adobe.com/xap/1.0/';
const PDF = 'http://ns.adobe.com/pdf/1.3/';

/** A PDF date (D:YYYYMMDDHHmmSS with Z or ±HH'mm) or an XMP date as the instant it names, for comparing the two. */
function instant(text: string): number {
  const pdf = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?$/.exec(text);
  if (pdf) {
    const [, y, mo, d, h, mi, se, , sign, oh, om] = pdf;
    const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)) - offset * 60_000;
  }
  return Date.parse(text);
}

/**
 * The information dictionary's entries whose XMP equivalent is missing or says something else
 * (ISO 19005-2 §6.6.3; the pairs of ISO 19005-1 §6.7.3 Table 1): Title–dc:title, Author–dc:creator
 * (one entry), Subject–dc:description, Keywords–pdf:Keywords, Creator–xmp:CreatorTool,
 * Producer–pdf:Producer, CreationDate–xmp:CreateDate, ModDate–xmp:ModifyDate. Empty when consistent.
 */
export function infoXmpMismatches(info: ParsedDict, xmp: string): string[] {
  const doc = xmpDocument(xmp);
  const first = (ns: string, name: string, array: 'Alt' | 'Seq' | 'Bag'): string[] | null => {
    const p = xmpProperty(doc, ns, name);
    if (p === null || !('element' in p)) return null;
    const container = elementsIn(p.element)[0];
    if (container?.localName !== array) return null;
    return xmpItems(p.element).map((li) => li.textContent ?? '');
  };
  const xmpOf: Record<string, () => string | null> = {
    Title: () => first(DC, 'title', 'Alt')?.[0] ?? null,
    Author: () => {
      const creators = first(DC, 'creator', 'Seq');
      return creators?.length === 1 ? (creators[0] as string) : null;
    },
    Subject: () => first(DC, 'description', 'Alt')?.[0] ?? null,
    Keywords: () => xmpText(doc, PDF, 'Keywords'),
    Creator: () => xmpText(doc, XMP, 'CreatorTool'),
    Producer: () => xmpText(doc, PDF, 'Producer'),
    CreationDate: () => xmpText(doc, XMP, 'CreateDate'),
    ModDate: () => xmpText(doc, XMP, 'ModifyDate'),
  };
  const out: string[] = [];
  for (const [key, value] of info) {
    const read = xmpOf[key];
    if (read === undefined) continue;
    const mine = pdfText(value);
    const theirs = read();
    const same = mine !== null && theirs !== null && (key.endsWith('Date') ? instant(mine) === instant(theirs) && !Number.isNaN(instant(mine)) : mine === theirs);
    if (!same) out.push(key);
  }
  return out;
}
