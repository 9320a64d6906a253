/**
 * The XMP metadata of any PDF (ISO 16684-1, its RDF/XML serialisation), read for the PDF-LT check
 * (pdfLtCheck.ts; issue 18) as untrusted input: a small XML reader that resolves namespaces
 * (Namespaces in XML 1.0 §6), so a file that binds the LTUd namespace to another prefix is read the
 * same, and refuses what XMP never needs and an attacker would use: a document type declaration
 * (entity expansion, "billion laughs", external entities), more than the element, depth and
 * namespace declaration limits; and it stops when the caller's time is up.
 * Then the RDF forms XMP uses (ISO 16684-1 §7.9) become one property tree: simple values (as
 * element text or as an attribute), URIs (rdf:resource), structures (rdf:parseType="Resource", a
 * nested rdf:Description, or attributes on an empty element), arrays (rdf:Seq, rdf:Bag, rdf:Alt of
 * rdf:li) and qualified values (a structure with rdf:value).
 */

export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * What the reader refuses to go past (an XMP packet of a real document has a few hundred elements,
 * ten levels deep, and a few dozen namespace declarations).
 */
export const XMP_LIMITS = { depth: 64, elements: 200_000, namespaceDeclarations: 256 } as const;

/** How the caller bounds the time: called as the reader goes, it throws to stop the reading. */
export interface XmpReading {
  checkTime: () => void;
}

/** The metadata cannot be read: not well-formed, a construct the reader refuses, or past its limits. */
export class XmpUnreadable extends Error {}

interface XmlAttribute {
  ns: string;
  local: string;
  value: string;
}

interface XmlElement {
  ns: string;
  local: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The character data directly inside the element (entities and CDATA resolved). */
  text: string;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data with its references resolved (XML 1.0 §4.1, §4.6); any other entity is refused (no DTD declares one). */
function characterData(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});|&/g, (_whole, ref: string | undefined) => {
    if (ref === undefined) throw new XmpUnreadable('XMP: a bare "&" in character data');
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff || code === 0) throw new XmpUnreadable(`XMP: character reference &${ref}; out of range`);
      return String.fromCodePoint(code);
    }
    const text = PREDEFINED[ref];
    if (text === undefined) throw new XmpUnreadable(`XMP: undeclared entity &${ref};`);
    return text;
  });
}

const NAME = /[^\s<>/=!?"']+/y;
const ATTRIBUTE = /\s+([^\s<>/=!?"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;

function split(qname: string): [prefix: string, local: string] {
  const colon = qname.indexOf(':');
  return colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

/**
 * The namespaces in scope at an element (Namespaces in XML 1.0 §6.1): the bindings it declares
 * itself, then its ancestors'. Linked, never copied, so that declarations cost no more than their
 * own size however many elements they are on; an element that declares nothing shares its parent's.
 */
interface NamespaceScope {
  readonly bindings: ReadonlyMap<string, string>;
  readonly parent: NamespaceScope | null;
}

function namespaceOf(scope: NamespaceScope, prefix: string): string | undefined {
  for (let s: NamespaceScope | null = scope; s !== null; s = s.parent) {
    const ns = s.bindings.get(prefix);
    if (ns !== undefined) return ns;
  }
  return undefined;
}

const isDeclaration = (qname: string): boolean => qname === 'xmlns' || qname.startsWith('xmlns:');

/** How many attributes are read between two looks at the clock (a start tag may have very many). */
const ATTRIBUTES_PER_TIME_CHECK = 1024;

/** The root element of an XML document, namespaces resolved. Linear in the text; throws XmpUnreadable, or what `checkTime` throws. */
function parseXml(text: string, { checkTime }: XmpReading): XmlElement {
  const stack: { element: XmlElement; qname: string; scope: NamespaceScope }[] = [];
  let scope: NamespaceScope = { bindings: new Map([['xml', XML_NS]]), parent: null };
  let root: XmlElement | null = null;
  let elements = 0;
  let declared = 0;
  let pos = 0;
  const malformed = (what: string) => new XmpUnreadable(`XMP: not well-formed XML (${what} at ${pos})`);
  const skipPast = (terminator: string, from: number) => {
    const end = text.indexOf(terminator, from);
    if (end < 0) throw malformed(`no "${terminator}"`);
    return end + terminator.length;
  };
  while (pos < text.length) {
    checkTime();
    const open = text.indexOf('<', pos);
    const data = text.slice(pos, open < 0 ? text.length : open);
    const top = stack[stack.length - 1];
    if (top) top.element.text += characterData(data);
    else if (data.trim() !== '') throw malformed('text outside the root element');
    if (open < 0) break;
    pos = open;
    if (text.startsWith('<?', pos)) {
      pos = skipPast('?>', pos + 2);
    } else if (text.startsWith('<!--', pos)) {
      pos = skipPast('-->', pos + 4);
    } else if (text.startsWith('<![CDATA[', pos)) {
      if (!top) throw malformed('CDATA outside the root element');
      const end = skipPast(']]>', pos + 9);
      top.element.text += text.slice(pos + 9, end - 3);
      pos = end;
    } else if (text.startsWith('<!', pos)) {
      // <!DOCTYPE …> and its <!ENTITY …>: XMP needs none, and entity expansion is the attack.
      throw new XmpUnreadable('XMP: a document type declaration (DOCTYPE or ENTITY), which the check refuses to read');
    } else if (text.startsWith('</', pos)) {
      NAME.lastIndex = pos + 2;
      const name = NAME.exec(text);
      if (!name || !top || name[0] !== top.qname) throw malformed('an end tag that closes no open element');
      pos = skipPast('>', NAME.lastIndex);
      if (text.slice(NAME.lastIndex, pos - 1).trim() !== '') throw malformed('an end tag');
      stack.pop();
      scope = stack[stack.length - 1]?.scope ?? scope;
    } else {
      if (root && !top) throw malformed('a second root element');
      if (++elements > XMP_LIMITS.elements) throw new XmpUnreadable(`XMP: more than ${XMP_LIMITS.elements} elements`);
      if (stack.length >= XMP_LIMITS.depth) throw new XmpUnreadable(`XMP: elements nested deeper than ${XMP_LIMITS.depth}`);
      NAME.lastIndex = pos + 1;
      const name = NAME.exec(text);
      if (!name) throw malformed('a tag without a name');
      let at = NAME.lastIndex;
      const raw: [string, string][] = [];
      const bindings = new Map<string, string>();
      let attributes = 0;
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const a = ATTRIBUTE.exec(text);
        if (!a) break;
        const qname = a[1] as string;
        const value = characterData(a[2] ?? a[3] ?? '');
        if (!isDeclaration(qname)) raw.push([qname, value]);
        else if (++declared > XMP_LIMITS.namespaceDeclarations) throw new XmpUnreadable(`XMP: more than ${XMP_LIMITS.namespaceDeclarations} namespace declarations`);
        else bindings.set(qname === 'xmlns' ? '' : qname.slice(6), value);
        at = ATTRIBUTE.lastIndex;
        if (++attributes % ATTRIBUTES_PER_TIME_CHECK === 0) checkTime();
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(text);
      if (!end) throw malformed('a start tag');
      pos = TAG_END.lastIndex;
      const elementScope: NamespaceScope = bindings.size === 0 ? scope : { bindings, parent: scope };
      const resolve = (qname: string, isAttribute: boolean): [string, string] => {
        const [prefix, local] = split(qname);
        // An unprefixed attribute is in no namespace; an unprefixed element is in the default one.
        if (prefix === '') return [isAttribute ? '' : (namespaceOf(elementScope, '') ?? ''), local];
        const ns = namespaceOf(elementScope, prefix);
        if (ns === undefined) throw malformed(`the undeclared prefix "${prefix}"`);
        return [ns, local];
      };
      const [ns, local] = resolve(name[0], false);
      const element: XmlElement = {
        ns,
        local,
        attributes: raw.map(([q, value]) => {
          const [ans, alocal] = resolve(q, true);
          return { ns: ans, local: alocal, value };
        }),
        children: [],
        text: '',
      };
      if (top) top.element.children.push(element);
      else root = element;
      if (end[1] !== '/') {
        stack.push({ element, qname: name[0], scope: elementScope });
        scope = elementScope;
      }
    }
  }
  if (stack.length > 0) throw malformed('an element left open');
  if (!root) throw malformed('no root element');
  return root;
}

/** An XMP value (ISO 16684-1 §6.2): text, a structure of named fields, or an array. */
export type XmpValue =
  | { kind: 'text'; text: string }
  | { kind: 'struct'; fields: ReadonlyMap<string, XmpValue> }
  | { kind: 'array'; type: 'Seq' | 'Bag' | 'Alt'; items: readonly XmpValue[] };

/** The properties of an XMP packet, each under its expanded name: the namespace URI followed by the local name. */
export type XmpProperties = ReadonlyMap<string, XmpValue>;

const attribute = (e: XmlElement, ns: string, local: string): string | undefined => e.attributes.find((a) => a.ns === ns && a.local === local)?.value;

/** Attributes that are properties or fields (not RDF's own syntax, nor xml:lang), rdf:value excepted. */
const isField = (a: XmlAttribute): boolean => a.ns !== XML_NS && (a.ns !== RDF_NS || a.local === 'value') && a.ns !== '';

/** The fields of a structure (or the properties of an rdf:Description): its attributes and child elements. */
function fieldsOf(e: XmlElement): Map<string, XmpValue> {
  const fields = new Map<string, XmpValue>();
  for (const a of e.attributes) if (isField(a) && !fields.has(a.ns + a.local)) fields.set(a.ns + a.local, { kind: 'text', text: a.value });
  for (const child of e.children) if (!fields.has(child.ns + child.local)) fields.set(child.ns + child.local, valueOf(child));
  return fields;
}

/** The value of a property element (or of an rdf:li item) in any of RDF's forms. */
function valueOf(e: XmlElement): XmpValue {
  const resource = attribute(e, RDF_NS, 'resource');
  if (resource !== undefined) return { kind: 'text', text: resource };
  if (attribute(e, RDF_NS, 'parseType') === 'Resource') return { kind: 'struct', fields: fieldsOf(e) };
  const [only, ...more] = e.children;
  if (only === undefined) return e.attributes.some(isField) ? { kind: 'struct', fields: fieldsOf(e) } : { kind: 'text', text: e.text };
  if (more.length === 0 && only.ns === RDF_NS) {
    if (only.local === 'Seq' || only.local === 'Bag' || only.local === 'Alt') {
      return { kind: 'array', type: only.local, items: only.children.filter((li) => li.ns === RDF_NS && li.local === 'li').map(valueOf) };
    }
    if (only.local === 'Description') return { kind: 'struct', fields: fieldsOf(only) };
  }
  return { kind: 'struct', fields: fieldsOf(e) };
}

/** The first rdf:RDF element of the tree (x:xmpmeta wraps it; a bare one is allowed too). */
function rdfOf(root: XmlElement): XmlElement | null {
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const e = queue[i] as XmlElement;
    if (e.ns === RDF_NS && e.local === 'RDF') return e;
    for (const child of e.children) queue.push(child);
  }
  return null;
}

/** The packet's text: UTF-8, or UTF-16 with its byte order mark (ISO 16684-1 §7.1). */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Every property of the packet's rdf:Description elements (the first one wins when a property
 * repeats); throws XmpUnreadable, or what `reading.checkTime` throws when the caller's time is up.
 */
export function readXmp(bytes: Uint8Array, reading: XmpReading): XmpProperties {
  const rdf = rdfOf(parseXml(decode(bytes), reading));
  if (rdf === null) throw new XmpUnreadable('XMP: no rdf:RDF element');
  const properties = new Map<string, XmpValue>();
  for (const description of rdf.children) {
    if (description.ns !== RDF_NS || description.local !== 'Description') continue;
    for (const [key, value] of fieldsOf(description)) if (!properties.has(key)) properties.set(key, value);
  }
  return properties;
}

/** The text of a value: a simple value, or the rdf:value of a qualified one; null for anything else. */
export function textOf(value: XmpValue | undefined): string | null {
  if (value?.kind === 'text') return value.text;
  if (value?.kind === 'struct') return textOf(value.fields.get(`${RDF_NS}value`));
  return null;
}
