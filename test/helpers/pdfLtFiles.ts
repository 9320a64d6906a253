// Small PDFs for the PDF-LT check's tests (issue 18): a file that meets every requirement of
// PDF-LT-V1.0 level A, built object by object, and the same with any part left out or changed.
// The signature dictionaries are shaped as the standard wants; their /Contents are placeholders
// (the PDF-LT check reads the dictionaries, the signature verifier the cryptography).
import { hexString, name, objectBytes, Raw, ref, serialize, xrefSection, type PdfValue } from '../../electron/services/pdf/pdfSyntax';

/** An indirect object: a value, and the data after it when it is a stream. */
export interface PdfObject {
  value: PdfValue;
  stream?: Uint8Array;
}

/**
 * A file with a classic cross-reference table (ISO 32000-1 §7.5.4) holding exactly `objects`, but
 * those numbered in `unlisted`: they are written in the body and left out of the table.
 */
export function pdfFile(objects: ReadonlyMap<number, PdfObject>, trailer: Record<string, PdfValue> = { Root: ref(1) }, header = '1.7', unlisted: ReadonlySet<number> = new Set()): Buffer {
  const parts: Buffer[] = [Buffer.from(`%PDF-${header}\n%\xe2\xe3\xcf\xd3\n`, 'latin1')];
  let offset = parts[0]!.length;
  const entries: { num: number; offset: number }[] = [];
  for (const [num, o] of objects) {
    const value = o.stream === undefined ? o.value : { ...(o.value as Record<string, PdfValue | undefined>), Length: o.stream.length };
    const bytes = objectBytes(num, value, o.stream);
    if (!unlisted.has(num)) entries.push({ num, offset });
    parts.push(bytes);
    offset += bytes.length;
  }
  const size = Math.max(0, ...objects.keys()) + 1;
  const tail = `${xrefSection(entries, true)}trailer\n${serialize({ Size: size, ...trailer })}\nstartxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(tail, 'latin1')]);
}

export const NAMESPACES = {
  ltud: 'http://archyvai.lt/pdf-ltud/2013/metadata/',
  entity: 'http://archyvai.lt/pdf-ltud/2013/metadata/Entity/',
  registration: 'http://archyvai.lt/pdf-ltud/2013/metadata/Registration/',
} as const;

/** The parts of a level-A XMP packet, each of which a test may leave out (null) or replace. */
export interface XmpParts {
  pdfaid: string | null;
  identifier: string | null;
  standardVersion: string | null;
  authors: string | null;
  recipients: string | null;
  registration: string | null;
  title: string | null;
  creator: string | null;
  extensionSchemas: string | null;
}

/** The prefixes the packet binds the LTUd namespaces to (a file may choose any). */
export interface XmpPrefixes {
  ltud: string;
  entity: string;
  registration: string;
}

const DEFAULT_PREFIXES: XmpPrefixes = { ltud: 'LTUd', entity: 'LTUdEnt', registration: 'LTUdReg' };

function defaultParts(p: XmpPrefixes): XmpParts {
  return {
    pdfaid: '<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>',
    identifier: `<xmp:Identifier><rdf:Bag><rdf:li rdf:parseType="Resource"><rdf:value>A</rdf:value><xmpidq:Scheme>http://archyvai.lt/pdf-ltud/2013/level/</xmpidq:Scheme></rdf:li></rdf:Bag></xmp:Identifier>`,
    standardVersion: `<${p.ltud}:standardVersion>PDF-LT-V1.0</${p.ltud}:standardVersion>`,
    authors: `<${p.ltud}:authors><rdf:Seq><rdf:li rdf:parseType="Resource"><${p.entity}:individual>False</${p.entity}:individual><${p.entity}:name>Pravieniškių pataisos namai-atviroji kolonija</${p.entity}:name></rdf:li></rdf:Seq></${p.ltud}:authors>`,
    recipients: `<${p.ltud}:recipients><rdf:Seq/></${p.ltud}:recipients>`,
    registration: `<${p.ltud}:registration rdf:parseType="Resource"><${p.registration}:date>2026-11-23</${p.registration}:date><${p.registration}:number>V-1</${p.registration}:number><${p.registration}:code>Įsakymų registras</${p.registration}:code></${p.ltud}:registration>`,
    title: '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Įsakymas dėl nuteistojo perkėlimo į pusiaukelės namus</rdf:li></rdf:Alt></dc:title>',
    creator: '<dc:creator><rdf:Seq><rdf:li>Pravieniškių pataisos namai-atviroji kolonija</rdf:li></rdf:Seq></dc:creator>',
    extensionSchemas: `<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF-LT-V1.0 elektroninio dokumento metaduomenų plėtinio schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${NAMESPACES.ltud}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>${p.ltud}</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
${['standardVersion', 'authors', 'recipients', 'registration'].map((n) => `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${n}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${n}</pdfaProperty:description></rdf:li>`).join('\n')}
</rdf:Seq></pdfaSchema:property>
<pdfaSchema:valueType><rdf:Seq>
<rdf:li rdf:parseType="Resource"><pdfaType:type>Entity</pdfaType:type><pdfaType:namespaceURI>${NAMESPACES.entity}</pdfaType:namespaceURI><pdfaType:prefix>${p.entity}</pdfaType:prefix><pdfaType:description>Asmuo</pdfaType:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaType:type>Registration</pdfaType:type><pdfaType:namespaceURI>${NAMESPACES.registration}</pdfaType:namespaceURI><pdfaType:prefix>${p.registration}</pdfaType:prefix><pdfaType:description>Registracija</pdfaType:description></rdf:li>
</rdf:Seq></pdfaSchema:valueType>
</rdf:li></rdf:Bag></pdfaExtension:schemas>`,
  };
}

/** A level-A XMP packet (ISO 16684-1; the LTUd schema of PDF-LT-V1.0), with parts changed or left out. */
export function ltXmp(changes: Partial<XmpParts> = {}, prefixes: XmpPrefixes = DEFAULT_PREFIXES): string {
  const parts = { ...defaultParts(prefixes), ...changes };
  const description = (namespaces: string, ...body: (string | null)[]) => {
    const present = body.filter((b): b is string => b !== null);
    return present.length === 0 ? '' : `<rdf:Description rdf:about="" ${namespaces}>\n${present.join('\n')}\n</rdf:Description>\n`;
  };
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
${description('xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"', parts.pdfaid)}${description('xmlns:dc="http://purl.org/dc/elements/1.1/"', parts.title, parts.creator)}${description(
    'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpidq="http://ns.adobe.com/xmp/Identifier/qual/1.0/"',
    parts.identifier,
  )}${description(
    `xmlns:${prefixes.ltud}="${NAMESPACES.ltud}" xmlns:${prefixes.entity}="${NAMESPACES.entity}" xmlns:${prefixes.registration}="${NAMESPACES.registration}"`,
    parts.standardVersion,
    parts.authors,
    parts.recipients,
    parts.registration,
  )}${description(
    'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" xmlns:pdfaType="http://www.aiim.org/pdfa/ns/type#"',
    parts.extensionSchemas,
  )}</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** A signature dictionary as PDF-LT-V1.0 level A wants it (ETSI EN 319 142-1 CAdES, /Reason, /Name, /M, LTUd_Role, LTUd_SignerNotes). */
export const SIGNATURE: Readonly<Record<string, PdfValue>> = {
  Type: name('Sig'),
  Filter: name('Adobe.PPKLite'),
  SubFilter: name('ETSI.CAdES.detached'),
  ByteRange: [0, 100, 200, 300],
  Contents: hexString(new Uint8Array(64)),
  Reason: 'Pasirašymas',
  Name: 'Ąžuolas Žėkas',
  M: new Raw('(D:20261123100000Z)'),
  LTUd_Role: 'Direktorius',
  LTUd_SignerNotes: '',
};

/** A document timestamp (PAdES B-LTA, ETSI EN 319 142-1 §5.4.3): no signer, so no /Reason, /Name, /M or LTUd_ entries. */
export const DOCUMENT_TIMESTAMP: Readonly<Record<string, PdfValue>> = {
  Type: name('DocTimeStamp'),
  Filter: name('Adobe.PPKLite'),
  SubFilter: name('ETSI.RFC3161'),
  ByteRange: [0, 100, 200, 300],
  Contents: hexString(new Uint8Array(64)),
};

/** What a test changes in the level-A file: an entry `undefined` leaves it out. */
export interface LtFileSpec {
  header?: string;
  /** Entries of the catalog added or replaced. */
  catalog?: Record<string, PdfValue | undefined>;
  /** The XMP packet; null for none. */
  xmp?: string | null;
  /** One signature field per dictionary (default: one level-A signature). */
  signatures?: readonly Readonly<Record<string, PdfValue | undefined>>[];
  /** Annotations added to the page. */
  annotations?: readonly Record<string, PdfValue>[];
  /** Further objects (numbers from 1000). */
  objects?: ReadonlyMap<number, PdfObject>;
  /** Further objects written in the file's body but left out of its cross-reference table. */
  unlisted?: ReadonlyMap<number, PdfObject>;
}

/**
 * The level-A file: 1 the catalog (with /Extensions /LTUd), 2 the page tree, 3 the page, 4 the
 * XMP, then each signature's field (a widget on the page) and its dictionary, then the annotations.
 */
export function ltPdf(spec: LtFileSpec = {}): Buffer {
  const objects = new Map<number, PdfObject>();
  const signatures = spec.signatures ?? [SIGNATURE];
  const fields: Raw[] = [];
  const annots: Raw[] = [];
  let next = 10;
  signatures.forEach((signature, i) => {
    const field = next++;
    const value = next++;
    fields.push(ref(field));
    annots.push(ref(field));
    objects.set(field, {
      value: { Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), T: `Parašas${i + 1}`, V: ref(value), Rect: [0, 0, 0, 0], F: 132, P: ref(3) },
    });
    objects.set(value, { value: signature });
  });
  for (const annotation of spec.annotations ?? []) {
    const num = next++;
    annots.push(ref(num));
    objects.set(num, { value: { Type: name('Annot'), P: ref(3), Rect: [0, 0, 10, 10], ...annotation } });
  }
  const catalog: Record<string, PdfValue | undefined> = {
    Type: name('Catalog'),
    Pages: ref(2),
    Metadata: spec.xmp === null ? undefined : ref(4),
    Extensions: { LTUd: { BaseVersion: name('1.7'), ExtensionLevel: 1 } },
    ...(fields.length > 0 ? { AcroForm: { Fields: fields, SigFlags: 3 } } : {}),
    ...spec.catalog,
  };
  objects.set(1, { value: catalog });
  objects.set(2, { value: { Type: name('Pages'), Kids: [ref(3)], Count: 1 } });
  objects.set(3, { value: { Type: name('Page'), Parent: ref(2), MediaBox: [0, 0, 595, 842], ...(annots.length > 0 ? { Annots: annots } : {}) } });
  if (spec.xmp !== null) objects.set(4, { value: { Type: name('Metadata'), Subtype: name('XML') }, stream: Buffer.from(spec.xmp ?? ltXmp(), 'utf8') });
  for (const [num, o] of [...(spec.objects ?? []), ...(spec.unlisted ?? [])]) objects.set(num, o);
  return pdfFile(new Map([...objects].sort(([a], [b]) => a - b)), { Root: ref(1) }, spec.header ?? '1.7', new Set(spec.unlisted?.keys()));
}
