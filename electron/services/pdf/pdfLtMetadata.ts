import type { DocumentModel } from '../../../shared/domain/documents/documentModel';

/**
 * The metadata of an issued document in the Lithuanian e-document format PDF-LT-V1.0 (chief
 * archivist's order of 2014-08-29 No. VE(1.3 E)-42) and PDF/A-2b (ISO 19005-2): the XMP packet and
 * the values the information dictionary repeats. Pure: everything comes from the document model.
 *
 * The packet holds, as PDF-LT level A wants it:
 * - pdfaid:part 2 and conformance B (ISO 19005-2 §6.6.4);
 * - dc:title, and dc:creator = the institution (a Seq, as ISO 19005-2 §6.6.3 pairs it with /Author);
 * - xmp:Identifier: a Bag with the level "A" qualified by xmpidq:Scheme
 *   `http://archyvai.lt/pdf-ltud/2013/level/` (what the published PDF-LT verifier reads, and where);
 * - LTUd:standardVersion `PDF-LT-V1.0`, written as an attribute of the packet's first rdf:Description:
 *   the published verifier looks for it exactly there (the RDF abbreviation of a simple property,
 *   equivalent to an element for any other XMP reader);
 * - LTUd:authors (the institution), LTUd:recipients (the addressees; an empty Seq when the document
 *   is addressed to no one, because the level-A check wants the property present) and
 *   LTUd:registration (date and number) once the document has a number;
 * - the LTUd schema with its Entity and Registration types declared as a PDF/A extension schema
 *   (ISO 19005-1 TechNote 0008, ISO 19005-2 §6.6.2.3), as the published PDF-LT-V1.0 schema
 *   (PDF-LT-V1.0.xmp of the verifier published for Registrų centras) declares them, so every
 *   property used is defined, and defined as the standard defines it.
 */

export const LTUD = {
  standardVersion: 'PDF-LT-V1.0',
  /** The level this writer meets; PDF-LT level A includes B. */
  level: 'A',
  levelScheme: 'http://archyvai.lt/pdf-ltud/2013/level/',
  ns: 'http://archyvai.lt/pdf-ltud/2013/metadata/',
  entityNs: 'http://archyvai.lt/pdf-ltud/2013/metadata/Entity/',
  registrationNs: 'http://archyvai.lt/pdf-ltud/2013/metadata/Registration/',
} as const;

export const XMP_NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  xmpidq: 'http://ns.adobe.com/xmp/Identifier/qual/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  pdfaExtension: 'http://www.aiim.org/pdfa/ns/extension/',
  pdfaSchema: 'http://www.aiim.org/pdfa/ns/schema#',
  pdfaProperty: 'http://www.aiim.org/pdfa/ns/property#',
  pdfaType: 'http://www.aiim.org/pdfa/ns/type#',
  pdfaField: 'http://www.aiim.org/pdfa/ns/field#',
} as const;

/** What the information dictionary and the XMP both say (ISO 19005-2 §6.6.3: the same value in each). */
export interface DocumentProperties {
  /** /Title = dc:title. */
  title: string;
  /** /Author = dc:creator's one entry: the institution that draws the document up. */
  author: string;
  /** /Keywords = pdf:Keywords. */
  keywords: string;
  /** /Producer = pdf:Producer, /Creator = xmp:CreatorTool. */
  producer: string;
  /** /CreationDate = /ModDate = xmp:CreateDate = xmp:ModifyDate, to the second. */
  createdAt: Date;
}

/** An LTUd Entity (LTUdEnt): only what the app knows; code, address and e-mail are not invented. */
export interface LtuEntity {
  name: string;
  /** true for a natural person, false for a legal person; left out when the model does not say. */
  individual?: boolean;
}

/** An LTUd Registration (LTUdReg): only what the app knows; the code is not invented. */
export interface LtuRegistration {
  date: string;
  number: string;
}

export function documentProperties(model: DocumentModel, producer: string, createdAt: Date): DocumentProperties {
  return {
    title: `${model.documentType} ${model.title}`.replace(/\s+/g, ' ').trim(),
    author: model.institution,
    keywords: `Pusiaukelė; ${model.templateVersion}`,
    producer,
    createdAt,
  };
}

/**
 * The registration: the number the register gave and the document's date. LTUdReg:code is left
 * out: the PDF-LT-V1.0 schema defines it as a legal or natural person's code (the registering
 * institution's), which the app does not know and does not invent — the register's prefix is no
 * such code. A preview (no number yet) has no registration.
 */
export function registrationOf(model: DocumentModel): LtuRegistration | null {
  if (model.registrationNumber === null) return null;
  return { date: model.date, number: model.registrationNumber };
}

/** The characters XML 1.0 cannot hold (§2.2): C0 controls other than tab and line ends, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xml = (s: string) => s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `YYYY-MM-DDThh:mm:ssZ`, the XMP date (ISO 8601 as XMP takes it) of the same second as pdfDate. */
export const xmpDate = (at: Date): string => `${at.toISOString().slice(0, 19)}Z`;

function entity(e: LtuEntity): string {
  const individual = e.individual === undefined ? '' : `<LTUdEnt:individual>${e.individual ? 'True' : 'False'}</LTUdEnt:individual>`;
  return `<rdf:li rdf:parseType="Resource">${individual}<LTUdEnt:name>${xml(e.name)}</LTUdEnt:name></rdf:li>`;
}

const seq = (items: string[]) => (items.length === 0 ? '<rdf:Seq/>' : `<rdf:Seq>${items.join('')}</rdf:Seq>`);

/** One property of an extension schema (pdfaProperty) or one field of a value type (pdfaField). */
interface Declared {
  name: string;
  valueType: string;
  description: string;
}

/**
 * The PDF-LT-V1.0 metadata schema as the specification defines it (names, value types, categories
 * and descriptions as the published PDF-LT-V1.0.xmp gives them): every property, whether this
 * writer uses it or not, so a reader of any PDF-LT document finds the schema whole and as defined.
 */
const LTUD_PROPERTIES: readonly (Declared & { category: 'internal' | 'external' })[] = [
  { name: 'standardVersion', valueType: 'closed Choice of Text', category: 'internal', description: 'Elektroninio dokumento specifikacijos identifikatorius (pvz., PDF-LT-V1.0)' },
  { name: 'authors', valueType: 'seq Entity', category: 'external', description: 'Dokumento sudarytojas (-ai)' },
  { name: 'recipients', valueType: 'seq Entity', category: 'external', description: 'Dokumento adresatas (-ai)' },
  { name: 'documentCopyIdentifier', valueType: 'Text', category: 'external', description: 'Dokumento egzemplioriaus identifikatorius' },
  { name: 'originalRegistrations', valueType: 'seq Registration', category: 'external', description: 'Originalaus dokumento registracija (-os) kopijoje' },
  { name: 'originalReceptions', valueType: 'seq Registration', category: 'external', description: 'Gauto originalaus dokumento registracija(-os) kopijoje' },
  { name: 'originalReceivers', valueType: 'seq Entity', category: 'external', description: 'Originalaus dokumento gavėjas (-ai) kopijoje' },
  { name: 'registration', valueType: 'Registration', category: 'external', description: 'Sudaryto dokumento registracija' },
  { name: 'reception', valueType: 'Registration', category: 'external', description: 'Gauto dokumento registracija' },
  { name: 'receiver', valueType: 'Entity', category: 'external', description: 'Dokumento gavėjas' },
];

const LTUD_TYPES: readonly { type: string; ns: string; prefix: string; description: string; fields: readonly Declared[] }[] = [
  {
    type: 'Entity',
    ns: LTUD.entityNs,
    prefix: 'LTUdEnt',
    description: 'Asmuo (sudarytojas, adresatas, gavėjas)',
    fields: [
      { name: 'individual', valueType: 'Boolean', description: 'Požymis: fizinis (taip) ar juridinis (ne) asmuo' },
      { name: 'name', valueType: 'Text', description: 'Juridinio asmens pavadinimas arba fizinio asmens vardas ir pavardė' },
      { name: 'code', valueType: 'Text', description: 'Juridinio ar fizinio asmens kodas' },
      { name: 'address', valueType: 'Text', description: 'Adresas' },
      { name: 'eMail', valueType: 'Text', description: 'El. pašto adresas' },
    ],
  },
  {
    type: 'Registration',
    ns: LTUD.registrationNs,
    prefix: 'LTUdReg',
    description: 'Sudaryto ar gauto dokumento registracija',
    fields: [
      { name: 'date', valueType: 'Date', description: 'Registravimo data' },
      { name: 'number', valueType: 'Text', description: 'Registracijos numeris' },
      { name: 'code', valueType: 'Text', description: 'Juridinio ar fizinio asmens kodas' },
    ],
  },
];

const li = (fields: string) => `<rdf:li rdf:parseType="Resource">${fields}</rdf:li>`;

/** pdfaExtension:schemas with the LTUd schema, its properties and its two value types (TechNote 0008). */
function extensionSchemas(): string {
  const properties = LTUD_PROPERTIES.map((p) =>
    li(
      `<pdfaProperty:name>${p.name}</pdfaProperty:name><pdfaProperty:valueType>${p.valueType}</pdfaProperty:valueType>` +
        `<pdfaProperty:category>${p.category}</pdfaProperty:category><pdfaProperty:description>${xml(p.description)}</pdfaProperty:description>`,
    ),
  );
  const types = LTUD_TYPES.map((t) =>
    li(
      `<pdfaType:type>${t.type}</pdfaType:type><pdfaType:namespaceURI>${t.ns}</pdfaType:namespaceURI><pdfaType:prefix>${t.prefix}</pdfaType:prefix>` +
        `<pdfaType:description>${xml(t.description)}</pdfaType:description><pdfaType:field>` +
        seq(
          t.fields.map((f) =>
            li(`<pdfaField:name>${f.name}</pdfaField:name><pdfaField:valueType>${f.valueType}</pdfaField:valueType><pdfaField:description>${xml(f.description)}</pdfaField:description>`),
          ),
        ) +
        `</pdfaType:field>`,
    ),
  );
  const schema = li(
    `<pdfaSchema:schema>PDF-LT-V1.0 elektroninio dokumento metaduomenų plėtinio schema</pdfaSchema:schema><pdfaSchema:namespaceURI>${LTUD.ns}</pdfaSchema:namespaceURI>` +
      `<pdfaSchema:prefix>LTUd</pdfaSchema:prefix><pdfaSchema:property>${seq(properties)}</pdfaSchema:property><pdfaSchema:valueType>${seq(types)}</pdfaSchema:valueType>`,
  );
  return `<pdfaExtension:schemas><rdf:Bag>${schema}</rdf:Bag></pdfaExtension:schemas>`;
}

/** The XMP packet (UTF-8 text) of an issued document: PDF/A-2b identification and the PDF-LT-V1.0 metadata. */
export function pdfLtXmp(model: DocumentModel, props: DocumentProperties): string {
  const authors: LtuEntity[] = [{ name: props.author, individual: false }];
  // The addressees as the document writes them (the model says only the line, not whether a person or an institution).
  const recipients: LtuEntity[] = (model.addressees ?? []).map((name) => ({ name }));
  const registration = registrationOf(model);
  const date = xmpDate(props.createdAt);
  const ltud =
    `<rdf:Description rdf:about="" xmlns:LTUd="${LTUD.ns}" xmlns:LTUdEnt="${LTUD.entityNs}" xmlns:LTUdReg="${LTUD.registrationNs}" LTUd:standardVersion="${LTUD.standardVersion}">` +
    `<LTUd:authors>${seq(authors.map(entity))}</LTUd:authors>` +
    `<LTUd:recipients>${seq(recipients.map(entity))}</LTUd:recipients>` +
    (registration === null
      ? ''
      : `<LTUd:registration rdf:parseType="Resource"><LTUdReg:date>${registration.date}</LTUdReg:date>` +
        `<LTUdReg:number>${xml(registration.number)}</LTUdReg:number></LTUd:registration>`) +
    `</rdf:Description>\n`;
  return (
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n` +
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">\n<rdf:RDF xmlns:rdf="${XMP_NS.rdf}">\n` +
    ltud +
    `<rdf:Description rdf:about="" xmlns:pdfaid="${XMP_NS.pdfaid}"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n` +
    `<rdf:Description rdf:about="" xmlns:dc="${XMP_NS.dc}"><dc:format>application/pdf</dc:format>` +
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(props.title)}</rdf:li></rdf:Alt></dc:title>` +
    `<dc:creator><rdf:Seq><rdf:li>${xml(props.author)}</rdf:li></rdf:Seq></dc:creator></rdf:Description>\n` +
    `<rdf:Description rdf:about="" xmlns:xmp="${XMP_NS.xmp}" xmlns:xmpidq="${XMP_NS.xmpidq}">` +
    `<xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:CreatorTool>${xml(props.producer)}</xmp:CreatorTool>` +
    `<xmp:Identifier><rdf:Bag><rdf:li><rdf:Description><rdf:value>${LTUD.level}</rdf:value><xmpidq:Scheme>${LTUD.levelScheme}</xmpidq:Scheme></rdf:Description></rdf:li></rdf:Bag></xmp:Identifier></rdf:Description>\n` +
    `<rdf:Description rdf:about="" xmlns:pdf="${XMP_NS.pdf}"><pdf:Producer>${xml(props.producer)}</pdf:Producer><pdf:Keywords>${xml(props.keywords)}</pdf:Keywords></rdf:Description>\n` +
    `<rdf:Description rdf:about="" xmlns:pdfaExtension="${XMP_NS.pdfaExtension}" xmlns:pdfaSchema="${XMP_NS.pdfaSchema}" xmlns:pdfaProperty="${XMP_NS.pdfaProperty}" ` +
    `xmlns:pdfaType="${XMP_NS.pdfaType}" xmlns:pdfaField="${XMP_NS.pdfaField}">${extensionSchemas()}</rdf:Description>\n` +
    `</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end="w"?>`
  );
}
