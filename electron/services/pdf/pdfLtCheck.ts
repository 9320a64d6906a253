import { PDF_LT_REQUIREMENT_LEVEL, PDF_LT_REQUIREMENTS, type PdfLtRemark, type PdfLtReport, type PdfLtRequirement } from '../../../shared/contract/pdfLtSchemas';
import { readXmp, textOf, type XmpProperties, type XmpValue } from './pdfLtCheckXmp';
import { objectHeaderAt, ParsedName, ParsedRef, ParsedString, parseObject, readObject, readRevision, readStream, type Parsed, type ParsedDict, type Revision } from './pdfSyntax';

/**
 * The PDF-LT-V1.0 check of any PDF (issue 18; the chief archivist's order of 2014-08-29 No.
 * VE(1.3 E)-42): which requirements the file does not meet, and the level it reaches. It is run on
 * every file the verify report covers, those received from other institutions too.
 *
 * It follows the checks of the verifier published for Registrų centras (PdfLtVerifierImpl of the
 * pdflt project), with these deliberate differences:
 * - The version is the file's as ISO 32000-1 §7.2.2 defines it: the header's, or the catalog's
 *   /Version when that is later (an incremental update may raise it so). The reference reads the
 *   header only.
 * - Embedded files and file specifications are looked for where they can be: /Names /EmbeddedFiles,
 *   /AF (catalog, pages, annotations), /Collection, file attachment annotations, an annotation's /FS,
 *   an annotation action's /F (GoToR, Launch…); and, however they are reached (/OpenAction, /AA of
 *   the catalog, pages or annotations, outlines…), every object of the last revision is read for
 *   an embedded file (/EF, /Type /EmbeddedFile) or an action that opens one (/Launch, /GoToE). The
 *   reference's test (/EmbeddedFiles and an /EF key in /Names together) never matches a real file.
 * - PDF/A-2 or later is what the XMP declares (pdfaid:part ≥ 2), as the reference reads it: the
 *   declaration, not a PDF/A validation (veraPDF is not available here). Every level given carries
 *   the remark PDFA_DECLARED_NOT_VALIDATED, so the report never says more than was checked.
 * - A document timestamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161) is allowed: PDF-LT-V1.0
 *   admits PAdES-LTV (ETSI TS 102 778-4; EN 319 142-1 B-LTA), and a timestamp has no signer to give
 *   a /Reason, /Name, /M or the LTUd_ entries, so it is only held to /Contents and its /SubFilter.
 *   The reference treats every signature field as a CAdES signature and would refuse it
 *   (BAD_SUBFILTER, BAD_REASON): the report says so (the remark DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE).
 * - Certification and usage-rights signatures (the reference names them but checks /Reason
 *   instead) are read from the catalog's /Perms (/DocMDP, /UR3, /UR) and the signatures' /Reference.
 * - Level A needs every entry the reference's level A needs (the /Extensions entry, the identifier
 *   naming level A, LTUd:standardVersion, LTUd:authors, LTUd:recipients, dc:title, dc:creator,
 *   LTUd_Role and LTUd_SignerNotes), and also what the reference leaves out: LTUd:registration, the
 *   standard version's value (PDF-LT-V1.0), the identifier's level scheme, and the three LTUd
 *   namespaces declared as PDF/A extension schemas (ISO 19005-2 §6.6.2.3.1 requires it of any
 *   property outside the XMP's predefined schemas). Namespaces are matched by URI, whatever their prefix.
 * - An unsigned file can be PDF-LT: the signature requirements then have nothing to say. (The
 *   reference's level B rests on its signatures' /Reason, /Name and /M.)
 * - A file the check cannot read within its limits is 'notChecked', never a level by guess.
 *
 * Signatures are the values of signature fields (ISO 32000-1 §12.7.4.5): every field of the
 * AcroForm's /Fields, their kids included, and the field of every widget annotation on the pages
 * (its /Parent chain followed to the root, §12.7.3.1); a field's /V counts when the field is a
 * signature field (/FT /Sig, inherited) or the value is a /Type /Sig or /DocTimeStamp dictionary.
 * And every dictionary the signature verifier (signing/pdfVerify.ts) reports as a signature, which
 * it finds by a scan of the bytes for /ByteRange, is checked too, found by the same bounded scan:
 * a signature dictionary no field reaches (outside /Fields, not in the cross-reference, or in an
 * earlier revision) is held to the same requirements, never left out of a level.
 *
 * Everything is bounded: the objects read (every object of the last revision once, and a page
 * tree, field tree or annotation list of any size), the bytes decoded from object streams, the
 * XMP's size and namespace declarations, chains of references and of /Parent, loops in the page
 * and field trees, the /ByteRange keys scanned, and the time (looked at inside the XMP reader and
 * the scan too). A file past a limit is 'notChecked' with the reason; checkPdfLt never throws.
 */

export interface PdfLtLimits {
  /** Objects read (each once) and nodes visited in place (pages, fields, annotations): a real document has a few thousand. */
  objects: number;
  /** Bytes decoded from object streams, in total. */
  decodedBytes: number;
  /** The XMP packet, decoded. */
  xmpBytes: number;
  /** A reference that leads to another reference: hops followed. */
  references: number;
  /** The whole check, a backstop should the counts above still allow something slow. */
  milliseconds: number;
}

export const PDF_LT_LIMITS: PdfLtLimits = {
  objects: 200_000,
  decodedBytes: 64 * 1024 * 1024,
  xmpBytes: 4 * 1024 * 1024,
  references: 32,
  milliseconds: 3_000,
};

const NS = {
  xmp: 'http://ns.adobe.com/xap/1.0/',
  xmpidq: 'http://ns.adobe.com/xmp/Identifier/qual/1.0/',
  dc: 'http://purl.org/dc/elements/1.1/',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
  pdfaExtension: 'http://www.aiim.org/pdfa/ns/extension/',
  pdfaSchema: 'http://www.aiim.org/pdfa/ns/schema#',
  pdfaType: 'http://www.aiim.org/pdfa/ns/type#',
  ltud: 'http://archyvai.lt/pdf-ltud/2013/metadata/',
  ltudEntity: 'http://archyvai.lt/pdf-ltud/2013/metadata/Entity/',
  ltudRegistration: 'http://archyvai.lt/pdf-ltud/2013/metadata/Registration/',
} as const;

/** The scheme of the identifier that names a file's PDF-LT level (the reference's Identifier.xmp). */
const LEVEL_SCHEME = 'http://archyvai.lt/pdf-ltud/2013/level/';
const STANDARD_VERSION = 'PDF-LT-V1.0';

/** A field more than this many levels below its root is not a form a person made: the check stops. */
const FIELD_DEPTH = 64;

/** More /ByteRange keys than this (the signature verifier's bound, most of them fakes in streams) stop the check. */
const BYTE_RANGE_KEYS = 1000;
/** How far from a /ByteRange its object's start and end are looked for (the signature verifier's window). */
const OBJECT_WINDOW = 1024 * 1024;

/** At most this many details are kept per requirement (a file with a thousand bad signatures needs no thousand names). */
const DETAILS_KEPT = 5;
/** A detail (a field's name, a value from the file) is cut at this length. */
const DETAIL_LENGTH = 200;

/** Reads objects of the last revision within the limits; each object is read once. */
class ObjectReader {
  private count = 0;
  private decoded = 0;
  private readonly deadline: number;
  private readonly objectStreams = new Map<number, { data: Buffer; first: number; offsets: Map<number, number> }>();
  private readonly read = new Map<number, Parsed>();

  constructor(
    readonly buf: Uint8Array,
    readonly rev: Revision,
    readonly limits: PdfLtLimits,
  ) {
    this.deadline = performance.now() + limits.milliseconds;
  }

  /** One more object read or visited: past the count or the time, the check stops. */
  step(): void {
    if (++this.count > this.limits.objects) throw new Error(`more than ${this.limits.objects} objects to read`);
    this.checkTime();
  }

  /** Past the time, the check stops. */
  checkTime(): void {
    if (performance.now() > this.deadline) throw new Error(`the check took longer than ${this.limits.milliseconds} ms`);
  }

  /** Object `num`; null when the file does not hold it (ISO 32000-1 §7.3.10: a reference to a missing object is null). */
  object(num: number): Parsed {
    const known = this.read.get(num);
    if (known !== undefined) {
      this.checkTime();
      return known;
    }
    this.step();
    const value = this.readObject(num);
    this.read.set(num, value);
    return value;
  }

  private readObject(num: number): Parsed {
    const offset = this.rev.offsets.get(num);
    if (offset !== undefined) return offset < 0 ? null : readObject(this.buf, this.rev, num);
    const place = this.rev.compressed.get(num);
    return place === undefined ? null : this.compressed(num, place.stream);
  }

  /**
   * An object in an object stream (§7.5.7). pdfSyntax decodes each object stream up to its own limit
   * and keeps it for the revision; here each is decoded once and counted against the check's budget.
   */
  private compressed(num: number, streamNum: number): Parsed {
    let stream = this.objectStreams.get(streamNum);
    if (stream === undefined) {
      const left = this.limits.decodedBytes - this.decoded;
      if (left <= 0) throw new Error(`more than ${this.limits.decodedBytes} bytes of object streams to decode`);
      const { dict, data } = readStream(this.buf, this.rev, streamNum, left);
      this.decoded += data.length;
      const n = dict.get('N');
      const first = dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number' || !Number.isSafeInteger(first) || first < 0 || first > data.length) {
        throw new Error(`object stream ${streamNum} without a valid /N and /First`);
      }
      const header = data.toString('latin1', 0, first).trim().split(/\s+/);
      const offsets = new Map<number, number>();
      for (let i = 0; i + 1 < Math.min(header.length, 2 * n); i += 2) offsets.set(Number(header[i]), Number(header[i + 1]));
      stream = { data, first, offsets };
      this.objectStreams.set(streamNum, stream);
    }
    const at = stream.offsets.get(num);
    if (at === undefined || !Number.isSafeInteger(at)) throw new Error(`object ${num} is not in object stream ${streamNum}`);
    return parseObject(stream.data, stream.first + at).value;
  }

  /** The value, with references followed (a chain of them is bounded, so a reference loop stops the check). */
  resolve(v: Parsed | undefined): Parsed | undefined {
    let hops = 0;
    while (v instanceof ParsedRef) {
      if (++hops > this.limits.references) throw new Error(`a chain of more than ${this.limits.references} references (object ${v.num})`);
      v = this.object(v.num);
    }
    return v;
  }

  /** A node of a tree or list the check walks: counted once, whether it is read from a reference or written in place. */
  node(v: Parsed): ParsedDict | null {
    if (!(v instanceof ParsedRef)) this.step();
    return this.dict(v);
  }

  dict(v: Parsed | undefined): ParsedDict | null {
    const r = this.resolve(v);
    return r instanceof Map ? r : null;
  }

  array(v: Parsed | undefined): Parsed[] | null {
    const r = this.resolve(v);
    return Array.isArray(r) ? r : null;
  }

  name(v: Parsed | undefined): string | null {
    const r = this.resolve(v);
    return r instanceof ParsedName ? r.value : null;
  }
}

/** A PDF text string (§7.9.2.2): UTF-16BE with its byte order mark, else PDFDocEncoding (read as Latin-1). */
function pdfText(v: Parsed | undefined): string | null {
  if (!(v instanceof ParsedString)) return null;
  const b = v.bytes;
  // A hostile odd length loses its last byte rather than stopping the check.
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2, b.length - (b.length % 2))).swap16().toString('utf16le');
  return Buffer.from(b).toString('latin1');
}

/** What the check found not met, with details. */
class Unmet {
  private readonly found = new Map<PdfLtRequirement, string[]>();

  add(code: PdfLtRequirement, found?: string): void {
    const details = this.found.get(code) ?? [];
    this.found.set(code, details);
    const detail = found === undefined || found.length <= DETAIL_LENGTH ? found : `${found.slice(0, DETAIL_LENGTH)}…`;
    if (detail === undefined || details.includes(detail)) return;
    if (details.length < DETAILS_KEPT) details.push(detail);
    else if (details.length === DETAILS_KEPT) details.push('…');
  }

  /** The report; `documentTimestamp`: the file has one, which the reference verifier would refuse. */
  report(claimed: boolean, documentTimestamp: boolean): PdfLtReport {
    const unmet = PDF_LT_REQUIREMENTS.flatMap((code) => {
      const details = this.found.get(code);
      if (details === undefined) return [];
      return [{ code, level: PDF_LT_REQUIREMENT_LEVEL[code], ...(details.length > 0 ? { detail: details.join('; ') } : {}) }];
    });
    const level = unmet.length === 0 ? 'A' : unmet.every((u) => u.level === 'A') ? 'B' : 'none';
    const remarks: PdfLtRemark[] = [];
    if (documentTimestamp) remarks.push('DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE');
    // ISO 19005-2 is read from its declaration only: a level never says the file was validated as PDF/A.
    if (level !== 'none') remarks.push('PDFA_DECLARED_NOT_VALIDATED');
    return { level, claimed, unmet, remarks };
  }
}

// ---- The file's version (ISO 32000-1 §7.2.2, §7.5.2) ----

function headerVersion(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 1024)).toString('latin1');
  return /%PDF-(\d\.\d)/.exec(head)?.[1] ?? null;
}

function checkVersion(buf: Uint8Array, catalog: ParsedDict, r: ObjectReader, unmet: Unmet): void {
  const header = headerVersion(buf);
  const catalogVersion = r.name(catalog.get('Version'));
  const versions = [header, catalogVersion].filter((v): v is string => v !== null && /^\d+\.\d+$/.test(v));
  const effective = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (effective !== '1.7') unmet.add('PDF_VERSION', effective ?? 'no version');
}

// ---- The page tree (§7.7.3) and what hangs on the pages ----

/** A field to read for signatures: the node, the field type it inherits and its parent's full name (§12.7.3.1). */
interface FieldStart {
  v: Parsed;
  type: string | null;
  parent: string;
}

interface PageFindings {
  /** The fields of the pages' widget annotations (a signature field may be reachable only so). */
  widgetFields: FieldStart[];
}

/** A field's partial name (/T), or null. */
const partialName = (node: ParsedDict, r: ObjectReader): string | null => pdfText(r.resolve(node.get('T')));

/**
 * The field a widget belongs to (§12.7.3.1: a widget is a field, or a kid of one, merged or not):
 * its /Parent chain followed to the root field, which is read with all its kids, and the widget
 * itself with the type and name it inherits (its field may not list it among its kids).
 */
function fieldsOfWidget(widget: Parsed, r: ObjectReader): FieldStart[] {
  const chain: ParsedDict[] = [];
  const refs = new Set<number>();
  let root = widget;
  for (let v: Parsed | undefined = widget; v !== undefined; ) {
    if (v instanceof ParsedRef) {
      // A loop in the /Parent chain ends it: each field is read once.
      if (refs.has(v.num)) break;
      refs.add(v.num);
    }
    const node = r.dict(v);
    if (node === null) break;
    if (chain.length >= FIELD_DEPTH) throw new Error(`a field more than ${FIELD_DEPTH} levels below its root`);
    chain.push(node);
    root = v;
    v = node.get('Parent');
  }
  const ancestors = chain.slice(1);
  const type = ancestors.map((node) => r.name(node.get('FT'))).find((t) => t !== null) ?? null;
  const parent = ancestors
    .map((node) => partialName(node, r))
    .filter((t): t is string => t !== null)
    .reverse()
    .join('.');
  return root === widget ? [{ v: widget, type: null, parent: '' }] : [{ v: root, type: null, parent: '' }, { v: widget, type, parent }];
}

/** An annotation's embedded files and file specifications (§12.5.6.15, §14.13, §12.6.4). */
function checkAnnotation(annotation: ParsedDict, page: number, r: ObjectReader, unmet: Unmet, found: PageFindings, ref: Parsed): void {
  const subtype = r.name(annotation.get('Subtype'));
  if (subtype === 'FileAttachment') unmet.add('EMBEDDED_FILES', `FileAttachment, page ${page}`);
  else if (annotation.has('FS')) unmet.add('EMBEDDED_FILES', `${subtype ?? 'annotation'} /FS, page ${page}`);
  if (annotation.has('AF')) unmet.add('EMBEDDED_FILES', `${subtype ?? 'annotation'} /AF, page ${page}`);
  const action = r.dict(annotation.get('A'));
  if (action?.has('F')) unmet.add('EMBEDDED_FILES', `${r.name(action.get('S')) ?? 'action'} /F, page ${page}`);
  if (subtype === 'Widget') found.widgetFields.push(...fieldsOfWidget(ref, r));
}

/** Walks the page tree: every page once, a loop or a node reached twice reported, annotations read. */
function checkPages(catalog: ParsedDict, r: ObjectReader, unmet: Unmet): PageFindings {
  const found: PageFindings = { widgetFields: [] };
  const root = catalog.get('Pages');
  if (r.dict(root) === null) {
    unmet.add('NO_PAGES');
    return found;
  }
  const seen = new Set<number>();
  const stack: Parsed[] = [root as Parsed];
  let pages = 0;
  while (stack.length > 0) {
    const v = stack.pop() as Parsed;
    if (v instanceof ParsedRef) {
      if (seen.has(v.num)) {
        unmet.add('NO_PAGES', `the page tree reaches object ${v.num} twice`);
        continue;
      }
      seen.add(v.num);
    }
    const node = r.node(v);
    if (node === null) {
      unmet.add('NO_PAGES', 'a node of the page tree is not a dictionary');
      continue;
    }
    const kids = r.array(node.get('Kids'));
    if (r.name(node.get('Type')) === 'Pages' || kids !== null) {
      // Kids in reverse onto the stack: the pages come off it in order.
      for (let i = (kids ?? []).length - 1; i >= 0; i--) stack.push((kids as Parsed[])[i] as Parsed);
      continue;
    }
    const page = ++pages;
    if (node.has('AF')) unmet.add('EMBEDDED_FILES', `page ${page} /AF`);
    for (const ref of r.array(node.get('Annots')) ?? []) {
      const annotation = r.node(ref);
      if (annotation !== null) checkAnnotation(annotation, page, r, unmet, found, ref);
    }
  }
  return found;
}

// ---- The catalog's own entries ----

function checkCatalog(catalog: ParsedDict, r: ObjectReader, unmet: Unmet): void {
  if (r.dict(catalog.get('Names'))?.has('EmbeddedFiles')) unmet.add('EMBEDDED_FILES', 'Names /EmbeddedFiles');
  if (catalog.has('AF')) unmet.add('EMBEDDED_FILES', 'catalog /AF');
  if (catalog.has('Collection')) unmet.add('EMBEDDED_FILES', 'catalog /Collection');
  const perms = r.dict(catalog.get('Perms'));
  if (perms?.has('DocMDP')) unmet.add('CERTIFICATION_SIGNATURE', 'DocMDP');
  if (perms?.has('UR3') || perms?.has('UR')) unmet.add('CERTIFICATION_SIGNATURE', 'UR3');
  // Developer extensions (ISO 32000-1 §7.12): one dictionary per prefix, or (ISO 32000-2) an array of them.
  const extensions = r.dict(catalog.get('Extensions'));
  const ltud = extensions === null ? undefined : r.resolve(extensions.get('LTUd'));
  const candidates = Array.isArray(ltud) ? ltud.map((e) => r.dict(e)) : [r.dict(ltud)];
  const described = candidates.filter((e): e is ParsedDict => e !== null);
  const ok = described.some((e) => r.name(e.get('BaseVersion')) === '1.7' && r.resolve(e.get('ExtensionLevel')) === 1);
  if (!ok) {
    const found = described.map((e) => `BaseVersion ${r.name(e.get('BaseVersion')) ?? '-'}, ExtensionLevel ${String(r.resolve(e.get('ExtensionLevel')) ?? '-')}`);
    unmet.add('EXTENSIONS_LTUD', found.length > 0 ? found.join('; ') : extensions === null ? undefined : 'no /LTUd');
  }
}

// ---- Embedded files wherever they are reached from (§7.11.3, §7.11.4, §12.6.4.4, §12.6.4.5) ----

/** What in one object's value (its dictionaries and arrays written in place) embeds a file or opens one. */
function embeddingsIn(value: Parsed, r: ObjectReader): string[] {
  const found: string[] = [];
  const stack: Parsed[] = [value];
  while (stack.length > 0) {
    const v = stack.pop() as Parsed;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
      continue;
    }
    if (!(v instanceof Map)) continue;
    const type = r.name(v.get('Type'));
    if (v.has('EF')) found.push(type === 'Filespec' ? 'file specification with /EF' : '/EF');
    if (type === 'EmbeddedFile') found.push('/Type /EmbeddedFile');
    const action = r.name(v.get('S'));
    if (action === 'Launch' || action === 'GoToE') found.push(`${action} action`);
    for (const entry of v.values()) stack.push(entry);
  }
  return found;
}

/**
 * Every object of the last revision's cross-reference, read within the object budget: an embedded
 * file or an action that opens one is found however it is reached (/OpenAction, /AA of the catalog,
 * the pages or the annotations, outlines, JavaScript…), not only where the checks above look.
 */
function checkEveryObject(r: ObjectReader, unmet: Unmet): void {
  const inUse = [...r.rev.offsets].flatMap(([num, offset]) => (offset < 0 ? [] : [num]));
  const numbers = [...inUse, ...r.rev.compressed.keys()].sort((a, b) => a - b);
  for (const num of numbers) {
    for (const what of embeddingsIn(r.object(num), r)) unmet.add('EMBEDDED_FILES', `${what}, object ${num}`);
  }
}

// ---- The XMP metadata (ISO 32000-1 §14.3.2; ISO 19005-2 §6.6) ----

/** The catalog's metadata packet, read and parsed; null when the catalog has none. */
function metadataOf(catalog: ParsedDict, r: ObjectReader): XmpProperties | null {
  const ref = catalog.get('Metadata');
  if (ref === undefined) return null;
  // A stream is always an indirect object (§7.3.8), never in an object stream (§7.5.7).
  if (!(ref instanceof ParsedRef)) throw new Error('XMP: the catalog’s /Metadata is not a stream');
  r.step();
  const offset = r.rev.offsets.get(ref.num);
  if ((offset === undefined || offset < 0) && !r.rev.compressed.has(ref.num)) return null;
  try {
    return readXmp(readStream(r.buf, r.rev, ref.num, r.limits.xmpBytes).data, { checkTime: () => r.checkTime() });
  } catch (e) {
    const message = (e as Error).message;
    throw new Error(message.startsWith('XMP') ? message : `XMP: ${message}`);
  }
}

const property = (xmp: XmpProperties, ns: string, local: string): XmpValue | undefined => xmp.get(ns + local);
const field = (v: XmpValue | undefined, ns: string, local: string): XmpValue | undefined => (v?.kind === 'struct' ? v.fields.get(ns + local) : undefined);
const itemsOf = (v: XmpValue | undefined): readonly XmpValue[] => (v?.kind === 'array' ? v.items : []);
const filled = (v: XmpValue | undefined): boolean => (textOf(v) ?? '').trim() !== '';

/** The levels the identifiers name in the PDF-LT level scheme (xmp:Identifier, a Bag of qualified values). */
function levelsNamed(xmp: XmpProperties): string[] {
  return itemsOf(property(xmp, NS.xmp, 'Identifier')).flatMap((item) => {
    const scheme = textOf(field(item, NS.xmpidq, 'Scheme'));
    const value = textOf(item);
    return scheme === LEVEL_SCHEME && value !== null ? [value.trim()] : [];
  });
}

/** The namespaces the packet declares as PDF/A extension schemas, or as their value types (ISO 19005-2 §6.6.2.3). */
function declaredNamespaces(xmp: XmpProperties): Set<string> {
  const declared = new Set<string>();
  for (const schema of itemsOf(property(xmp, NS.pdfaExtension, 'schemas'))) {
    const uri = textOf(field(schema, NS.pdfaSchema, 'namespaceURI'));
    if (uri !== null) declared.add(uri.trim());
    for (const type of itemsOf(field(schema, NS.pdfaSchema, 'valueType'))) {
      const typeUri = textOf(field(type, NS.pdfaType, 'namespaceURI'));
      if (typeUri !== null) declared.add(typeUri.trim());
    }
  }
  return declared;
}

/** A date as XMP writes it (ISO 16684-1 §8.2.1.1, a subset of ISO 8601): at least a year. */
const isXmpDate = (s: string | null): boolean => s !== null && /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/.test(s.trim());

function checkMetadata(xmp: XmpProperties | null, unmet: Unmet): void {
  if (xmp === null) {
    unmet.add('NOT_PDFA2', 'no XMP metadata');
    for (const code of ['XMP_IDENTIFIER', 'XMP_STANDARD_VERSION', 'XMP_AUTHORS', 'XMP_RECIPIENTS', 'XMP_REGISTRATION', 'XMP_TITLE', 'XMP_CREATOR', 'XMP_EXTENSION_SCHEMA'] as const) unmet.add(code);
    return;
  }
  const part = textOf(property(xmp, NS.pdfaid, 'part'));
  if (part === null || !/^\s*\d+\s*$/.test(part) || Number(part) < 2) unmet.add('NOT_PDFA2', part === null ? undefined : `pdfaid:part ${part.trim()}`);

  const levels = levelsNamed(xmp);
  if (!levels.includes('A')) unmet.add('XMP_IDENTIFIER', levels.length > 0 ? `level ${levels.join(', ')}` : undefined);

  const version = textOf(property(xmp, NS.ltud, 'standardVersion'));
  if (version?.trim() !== STANDARD_VERSION) unmet.add('XMP_STANDARD_VERSION', version === null ? undefined : version.trim());

  const authors = property(xmp, NS.ltud, 'authors');
  if (authors?.kind !== 'array') unmet.add('XMP_AUTHORS', authors === undefined ? undefined : 'not a list');
  else if (authors.items.length === 0) unmet.add('XMP_AUTHORS', 'empty');
  else if (!authors.items.every((a) => filled(field(a, NS.ltudEntity, 'name')))) unmet.add('XMP_AUTHORS', 'an author without LTUdEnt:name');

  const recipients = property(xmp, NS.ltud, 'recipients');
  if (recipients?.kind !== 'array') unmet.add('XMP_RECIPIENTS', recipients === undefined ? undefined : 'not a list');

  // The registration's number and date; its code (LTUdReg:code, a legal or natural person's code in the schema) is optional.
  const registration = property(xmp, NS.ltud, 'registration');
  if (registration === undefined) unmet.add('XMP_REGISTRATION');
  else if (!filled(field(registration, NS.ltudRegistration, 'number'))) unmet.add('XMP_REGISTRATION', 'no LTUdReg:number');
  else if (!isXmpDate(textOf(field(registration, NS.ltudRegistration, 'date')))) unmet.add('XMP_REGISTRATION', 'no LTUdReg:date');

  const title = property(xmp, NS.dc, 'title');
  if (!(title?.kind === 'array' ? title.items.some(filled) : filled(title))) unmet.add('XMP_TITLE');
  const creator = property(xmp, NS.dc, 'creator');
  if (!(creator?.kind === 'array' ? creator.items.some(filled) : filled(creator))) unmet.add('XMP_CREATOR');

  const declared = declaredNamespaces(xmp);
  const undeclared = [NS.ltud, NS.ltudEntity, NS.ltudRegistration].filter((ns) => !declared.has(ns));
  if (undeclared.length > 0) unmet.add('XMP_EXTENSION_SCHEMA', undeclared.join(', '));
}

/** The file names the standard or its level in its XMP. */
function claimsPdfLt(xmp: XmpProperties | null): boolean {
  return xmp !== null && (property(xmp, NS.ltud, 'standardVersion') !== undefined || levelsNamed(xmp).length > 0);
}

// ---- Signatures (§12.7.4.5, §12.8; ETSI EN 319 142-1) ----

interface FoundSignature {
  dict: ParsedDict;
  /** The field's fully qualified name, or the object's number. */
  label: string;
  /** The object the dictionary is, when it is one of its own (not written in place in its field). */
  num: number | null;
}

/** Every signature dictionary that is a signature field's value: fields and their kids, and the fields of the widgets. */
function signaturesOf(catalog: ParsedDict, widgetFields: readonly FieldStart[], r: ObjectReader): FoundSignature[] {
  const acroForm = r.dict(catalog.get('AcroForm'));
  const fields = (acroForm && r.array(acroForm.get('Fields'))) ?? [];
  const roots: FieldStart[] = [...fields.map((v) => ({ v, type: null, parent: '' })), ...widgetFields];
  const stack = roots.reverse();
  const fieldsSeen = new Set<number>();
  const valuesSeen = new Set<number | ParsedDict>();
  const found: FoundSignature[] = [];
  while (stack.length > 0) {
    const { v, type, parent } = stack.pop() as FieldStart;
    // A field reached again (a loop in the tree, or a widget also listed in /Fields) is read once.
    if (v instanceof ParsedRef) {
      if (fieldsSeen.has(v.num)) continue;
      fieldsSeen.add(v.num);
    }
    const node = r.node(v);
    if (node === null) continue;
    const fieldType = r.name(node.get('FT')) ?? type;
    const partial = partialName(node, r);
    const name = partial === null ? parent : parent === '' ? partial : `${parent}.${partial}`;
    const kids = r.array(node.get('Kids')) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ v: kids[i] as Parsed, type: fieldType, parent: name });
    const value = node.get('V');
    const dict = r.dict(value);
    if (dict === null) continue;
    const dictType = r.name(dict.get('Type'));
    if (fieldType !== 'Sig' && dictType !== 'Sig' && dictType !== 'DocTimeStamp') continue;
    const key = value instanceof ParsedRef ? value.num : dict;
    if (valuesSeen.has(key)) continue;
    valuesSeen.add(key);
    found.push({ dict, label: name !== '' ? name : v instanceof ParsedRef ? `object ${v.num}` : 'a field', num: value instanceof ParsedRef ? value.num : null });
  }
  return found;
}

/** Where an indirect object's value starts (just after `obj`), when the cross-reference places it in the file's bytes. */
function valueStartOf(num: number, r: ObjectReader): number | null {
  const offset = r.rev.offsets.get(num);
  if (offset === undefined || offset < 0) return null;
  return objectHeaderAt(r.buf, offset)?.start ?? null;
}

/**
 * The signature dictionaries the signature verifier (signing/pdfVerify.ts) reports, found as it
 * finds them (this feature may not import it): each "/ByteRange [a b c d]" in the bytes whose
 * enclosing object, looked for within a window, is a dictionary with that /ByteRange and a
 * /Contents — in any revision, in /Fields or not, in the cross-reference or not. Bounded as the
 * verifier is: at most BYTE_RANGE_KEYS keys (past them the check stops), windows of OBJECT_WINDOW.
 * Those whose value starts where one already found through its field does are left out.
 */
function signaturesInBytes(r: ObjectReader, known: ReadonlySet<number>): FoundSignature[] {
  const buf = Buffer.from(r.buf.buffer, r.buf.byteOffset, r.buf.byteLength);
  const pattern = /^\/ByteRange\s*\[\s*(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s*\]/;
  const found: FoundSignature[] = [];
  let keys = 0;
  for (let at = buf.indexOf('/ByteRange', 0, 'latin1'); at >= 0; at = buf.indexOf('/ByteRange', at + 1, 'latin1')) {
    if (++keys > BYTE_RANGE_KEYS) throw new Error(`more than ${BYTE_RANGE_KEYS} /ByteRange keys to read`);
    r.checkTime();
    const range = pattern.exec(buf.toString('latin1', at, at + 120));
    if (!range) continue;
    const from = Math.max(0, at - OBJECT_WINDOW);
    const back = buf.subarray(from, at).lastIndexOf(' obj', undefined, 'latin1');
    if (back < 0 || buf.subarray(at, at + OBJECT_WINDOW).indexOf('endobj', 0, 'latin1') < 0) continue;
    const start = from + back + 4;
    if (known.has(start)) continue;
    let dict: Parsed;
    try {
      dict = parseObject(buf, start).value;
    } catch {
      continue;
    }
    const own = dict instanceof Map ? dict.get('ByteRange') : undefined;
    if (!(dict instanceof Map) || !Array.isArray(own) || own.join(' ') !== range.slice(1).map(Number).join(' ') || !dict.has('Contents')) continue;
    const num = /(\d+)\s+\d+$/.exec(buf.toString('latin1', Math.max(0, start - 28), start - 4))?.[1];
    found.push({ dict, label: num === undefined ? `a signature dictionary at byte ${start - 4}` : `object ${num}`, num: null });
  }
  return found;
}

/** A document timestamp (ETSI EN 319 142-1 §5.4.3): its type, or the subfilter only a timestamp has. */
const isDocumentTimestamp = (dict: ParsedDict, r: ObjectReader): boolean => r.name(dict.get('Type')) === 'DocTimeStamp' || r.name(dict.get('SubFilter')) === 'ETSI.RFC3161';

function checkSignature({ dict, label }: FoundSignature, r: ObjectReader, unmet: Unmet): void {
  const subFilter = r.name(dict.get('SubFilter'));
  const timestamp = isDocumentTimestamp(dict, r);
  if (!(r.resolve(dict.get('Contents')) instanceof ParsedString)) unmet.add('SIGNATURE_CONTENTS', label);
  const expected = timestamp ? 'ETSI.RFC3161' : 'ETSI.CAdES.detached';
  if (subFilter !== expected) unmet.add('SIGNATURE_SUBFILTER', `${label}: ${subFilter ?? 'none'}`);
  for (const reference of r.array(dict.get('Reference')) ?? []) {
    const method = r.name(r.dict(reference)?.get('TransformMethod'));
    if (method === 'DocMDP') unmet.add('CERTIFICATION_SIGNATURE', `DocMDP, ${label}`);
    if (method === 'UR3' || method === 'UR') unmet.add('CERTIFICATION_SIGNATURE', `UR3, ${label}`);
  }
  // A document timestamp has no signer: it is exempt from what a signer writes (see the module's comment).
  if (timestamp) return;
  const isText = (key: string) => r.resolve(dict.get(key)) instanceof ParsedString;
  if (!isText('Reason')) unmet.add('SIGNATURE_REASON', label);
  if (!isText('Name')) unmet.add('SIGNATURE_NAME', label);
  if (!/^D:\d{4}/.test(pdfText(r.resolve(dict.get('M'))) ?? '')) unmet.add('SIGNATURE_TIME', label);
  if (!isText('LTUd_Role')) unmet.add('SIGNATURE_ROLE', label);
  if (!isText('LTUd_SignerNotes')) unmet.add('SIGNATURE_NOTES', label);
}

// ---- The check ----

function check(bytes: Uint8Array, limits: PdfLtLimits, state: { claimed: boolean }): PdfLtReport {
  const unmet = new Unmet();
  const rev = readRevision(bytes);
  // Strings and streams of an encrypted file cannot be read without its key; that it is encrypted is enough for level B.
  if (rev.trailer.has('Encrypt')) return { level: 'none', claimed: false, unmet: [{ code: 'ENCRYPTED', level: 'B', detail: 'the other requirements cannot be read' }], remarks: [] };
  const r = new ObjectReader(bytes, rev, limits);
  const catalog = r.dict(rev.trailer.get('Root'));
  if (catalog === null) throw new Error('no document catalog');
  const xmp = metadataOf(catalog, r);
  state.claimed = claimsPdfLt(xmp);
  checkVersion(bytes, catalog, r, unmet);
  const pages = checkPages(catalog, r, unmet);
  checkCatalog(catalog, r, unmet);
  checkEveryObject(r, unmet);
  checkMetadata(xmp, unmet);
  const inFields = signaturesOf(catalog, pages.widgetFields, r);
  const known = new Set(
    inFields.flatMap((s) => {
      const start = s.num === null ? null : valueStartOf(s.num, r);
      return start === null ? [] : [start];
    }),
  );
  const signatures = [...inFields, ...signaturesInBytes(r, known)];
  for (const signature of signatures) checkSignature(signature, r, unmet);
  return unmet.report(state.claimed, signatures.some((s) => isDocumentTimestamp(s.dict, r)));
}

/** The PDF-LT-V1.0 report of any file; 'notChecked' with the reason when it cannot be read within the limits. Never throws. */
export function checkPdfLt(bytes: Uint8Array, limits: Partial<PdfLtLimits> = {}): PdfLtReport {
  const state = { claimed: false };
  try {
    return check(bytes, { ...PDF_LT_LIMITS, ...limits }, state);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^PDF: /, '') : String(e);
    return { level: 'notChecked', claimed: state.claimed, unmet: [{ code: 'UNREADABLE', level: 'B', detail: reason.slice(0, 300) }], remarks: [] };
  }
}
