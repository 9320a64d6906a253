// Reading an ETSI TS 119 612 trusted list (issue 18, "Trust from the trusted lists"): the scheme's
// facts and each trust service with its status history and the extensions that say what its
// certificates are (the Qualifications extension, §5.5.9.2, and AdditionalServiceInformation,
// §5.5.9.4). Everything is read from the canonical text the operator's signature covers.
import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { DomainError } from '../../../shared/domain/errors';
import { parseCertificate } from '../signing/certificates';
import { pemCertificates } from '../signing/pemCertificates';
import { DS, signedListContent } from './xmlSignature';

/** TS 119 612 §5.1.2: the list's namespace (v2). */
export const TSL = 'http://uri.etsi.org/02231/v2#';
/** §5.5.9.2: the Qualifications extension's namespace ("ecc"). */
export const ECC = 'http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#';
/** TS 119 612 annex: the additional types (ExtendedKeyUsage, CertSubjectDNAttribute in otherCriteriaList). */
export const ADDITIONAL_TYPES = 'http://uri.etsi.org/02231/v2/additionaltypes#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';

/** §5.5.1: a CA issuing qualified certificates. */
export const CA_QC = 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC';
/** §5.5.4: the status URIs' common start (granted, withdrawn, and the ones before eIDAS). */
export const STATUS = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/';
/** §5.5.9.2.3 and §5.5.9.4: the qualifiers' and the additional service information's common start. */
export const SVC_INFO_EXT = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/';

/** The largest list read (the biggest national lists are a few megabytes). */
export const MAX_TRUSTED_LIST_BYTES = 30 * 1024 * 1024;

/**
 * The deepest element nesting and the most namespace declarations read. A TS 119 612 list nests
 * about 15 levels (20 with its XAdES signature) and declares a handful of namespaces on its root
 * (the Italian and French lists six); the XML reader's work grows with the square of both.
 */
export const MAX_XML_DEPTH = 64;
export const MAX_NAMESPACE_DECLARATIONS = 1000;

/** §5.3.3: the type of a Member State's list, and of the EU list of the lists. */
export const EU_LIST_TYPE = 'http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric';
export const EU_LIST_OF_LISTS_TYPE = 'http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists';
/** §5.3.10: the territories of the EU Member States (Greece as EL) and of the other EEA states. */
const EU_EEA_TERRITORIES: ReadonlySet<string> = new Set(
  'AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO'.split(' '),
);

/** §5.5.9.2.2: the criteria a certificate must meet for a qualification element to apply to it. */
export interface CriteriaList {
  assert: 'all' | 'atLeastOne' | 'none';
  /** §5.5.9.2.2.1: each KeyUsage element, its bits by name and the value each must have. */
  keyUsage: Record<string, boolean>[];
  /** §5.5.9.2.2.2: each PolicySet, the policy OIDs a certificate must all have. */
  policySets: string[][];
  /** §5.5.9.2.2.3 otherCriteriaList: ExtendedKeyUsage (every purpose present). */
  extendedKeyUsage: string[][];
  /** otherCriteriaList: CertSubjectDNAttribute (every attribute type present in the subject). */
  subjectAttributes: string[][];
  lists: CriteriaList[];
  /** Criteria this reader cannot evaluate (their element names): a qualification using them is not determined. */
  unknown: string[];
}

export interface QualificationElement {
  /** Qualifier URIs (§5.5.9.2.3), e.g. …/SvcInfoExt/QCWithQSCD. */
  qualifiers: string[];
  criteria: CriteriaList;
}

/** The service as it stood from `from` (the current information or one history instance, §5.5–5.6). */
export interface ServiceInstance {
  type: string;
  name: string;
  status: string;
  from: Date;
  /** The X509Certificate values of its ServiceDigitalIdentity (DER). */
  certificates: Uint8Array[];
  qualifications: QualificationElement[];
  /** AdditionalServiceInformation URIs (§5.5.9.4), e.g. …/SvcInfoExt/ForeSignatures. */
  additionalInformation: string[];
  /** Extensions marked critical that this reader does not know (their element names): §5.5.9 forbids ignoring them. */
  unknownCriticalExtensions: string[];
}

export interface TrustedListService {
  provider: string;
  /** The current information, then the history instances, newest first. */
  instances: ServiceInstance[];
}

export interface TrustedList {
  /** §5.3.3 TSLType, e.g. …/TSLType/EUgeneric. */
  type: string;
  territory: string;
  operator: string;
  sequenceNumber: number;
  issued: Date;
  /** Null: a closed list (§5.3.15). */
  nextUpdate: Date | null;
  services: TrustedListService[];
}

const elements = (parent: Element, ns: string, name: string): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name);

const childElements = (parent: Element): Element[] => Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1);

const first = (parent: Element | undefined, ns: string, name: string): Element | undefined => (parent ? elements(parent, ns, name)[0] : undefined);

const textOf = (element: Element | undefined): string => (element?.textContent ?? '').trim();

function required(parent: Element | undefined, name: string, ns = TSL): Element {
  const element = first(parent, ns, name);
  if (!element) throw new DomainError('TRUSTED_LIST_INCOMPLETE', { element: name });
  return element;
}

function dateOf(element: Element, name: string): Date {
  const text = textOf(element);
  const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new DomainError('TRUSTED_LIST_INCOMPLETE', { element: name });
  return date;
}

/** A multilingual name (§5.1.4): Lithuanian, else English, else the first given. */
function nameOf(parent: Element | undefined): string {
  const names = parent ? elements(parent, TSL, 'Name') : [];
  const lang = (n: Element) => n.getAttribute('xml:lang') ?? '';
  return textOf(names.find((n) => lang(n) === 'lt') ?? names.find((n) => lang(n) === 'en') ?? names[0]);
}

/** An OID as TS 119 612 writes it: plain, or "urn:oid:…" (Qualifier="OIDAsURN"). */
const oidText = (text: string): string => text.trim().replace(/^urn:oid:/i, '');

function criteriaOf(list: Element): CriteriaList {
  const assert = list.getAttribute('assert') ?? 'all';
  if (assert !== 'all' && assert !== 'atLeastOne' && assert !== 'none') throw new DomainError('TRUSTED_LIST_INCOMPLETE', { element: 'CriteriaList' });
  const criteria: CriteriaList = { assert, keyUsage: [], policySets: [], extendedKeyUsage: [], subjectAttributes: [], lists: [], unknown: [] };
  for (const child of childElements(list)) {
    const known = child.namespaceURI === ECC;
    if (known && child.localName === 'KeyUsage') {
      criteria.keyUsage.push(Object.fromEntries(elements(child, ECC, 'KeyUsageBit').map((b) => [b.getAttribute('name') ?? '', textOf(b) === 'true'])));
    } else if (known && child.localName === 'PolicySet') {
      criteria.policySets.push(elements(child, ECC, 'PolicyIdentifier').map((p) => oidText(textOf(first(p, XADES, 'Identifier')))));
    } else if (known && child.localName === 'CriteriaList') {
      criteria.lists.push(criteriaOf(child));
    } else if (known && child.localName === 'Description') {
      // Prose for people; it asserts nothing.
    } else if (known && child.localName === 'otherCriteriaList') {
      otherCriteria(child, criteria);
    } else {
      criteria.unknown.push(child.localName ?? child.nodeName);
    }
  }
  return criteria;
}

function otherCriteria(other: Element, criteria: CriteriaList): void {
  for (const child of childElements(other)) {
    if (child.namespaceURI === ADDITIONAL_TYPES && child.localName === 'ExtendedKeyUsage') {
      criteria.extendedKeyUsage.push(elements(child, ADDITIONAL_TYPES, 'KeyPurposeId').map((k) => oidText(textOf(first(k, XADES, 'Identifier')))));
    } else if (child.namespaceURI === ADDITIONAL_TYPES && child.localName === 'CertSubjectDNAttribute') {
      criteria.subjectAttributes.push(elements(child, ADDITIONAL_TYPES, 'AttributeOID').map((k) => oidText(textOf(first(k, XADES, 'Identifier')))));
    } else {
      criteria.unknown.push(child.localName ?? child.nodeName);
    }
  }
}

/**
 * §5.5.9 extensions this reader understands: the ones a qualification reads, and two that change
 * nothing it decides (TakenOverBy names a successor, §5.5.9.3; ExpiredCertsRevocationInfo is about
 * revocation data, §5.5.9.1).
 */
const KNOWN_EXTENSIONS: readonly (readonly [string, string])[] = [
  [ECC, 'Qualifications'],
  [TSL, 'AdditionalServiceInformation'],
  [ADDITIONAL_TYPES, 'TakenOverBy'],
  [TSL, 'ExpiredCertsRevocationInfo'],
];

const isKnownExtension = (e: Element): boolean => KNOWN_EXTENSIONS.some(([ns, name]) => e.namespaceURI === ns && e.localName === name);

/** xsd:boolean true. */
const isCritical = (extension: Element): boolean => ['true', '1'].includes((extension.getAttribute('Critical') ?? '').trim());

function extensionsOf(information: Element): Pick<ServiceInstance, 'qualifications' | 'additionalInformation' | 'unknownCriticalExtensions'> {
  const extensions = elements(first(information, TSL, 'ServiceInformationExtensions') ?? information, TSL, 'Extension');
  const qualifications = extensions
    .flatMap((e) => elements(e, ECC, 'Qualifications'))
    .flatMap((q) => elements(q, ECC, 'QualificationElement'))
    .map((q) => ({
      qualifiers: elements(required(q, 'Qualifiers', ECC), ECC, 'Qualifier').map((x) => x.getAttribute('uri') ?? ''),
      criteria: criteriaOf(required(q, 'CriteriaList', ECC)),
    }));
  const additionalInformation = extensions.flatMap((e) => elements(e, TSL, 'AdditionalServiceInformation')).map((a) => textOf(first(a, TSL, 'URI')));
  const unknownCriticalExtensions = extensions
    .filter(isCritical)
    .flatMap(childElements)
    .filter((c) => !isKnownExtension(c))
    .map((c) => c.localName ?? c.nodeName);
  return { qualifications, additionalInformation, unknownCriticalExtensions };
}

function certificatesOf(information: Element): Uint8Array[] {
  const identity = first(information, TSL, 'ServiceDigitalIdentity');
  return (identity ? elements(identity, TSL, 'DigitalId') : [])
    .flatMap((d) => elements(d, TSL, 'X509Certificate'))
    .map((c) => new Uint8Array(Buffer.from(textOf(c).replace(/\s+/g, ''), 'base64')));
}

/** ServiceInformation and ServiceHistoryInstance share these elements (§5.5, §5.6). */
function instanceOf(information: Element): ServiceInstance {
  return {
    type: textOf(required(information, 'ServiceTypeIdentifier')),
    name: nameOf(required(information, 'ServiceName')),
    status: textOf(required(information, 'ServiceStatus')),
    from: dateOf(required(information, 'StatusStartingTime'), 'StatusStartingTime'),
    certificates: certificatesOf(information),
    ...extensionsOf(information),
  };
}

function servicesOf(root: Element): TrustedListService[] {
  const providers = elements(first(root, TSL, 'TrustServiceProviderList') ?? root, TSL, 'TrustServiceProvider');
  return providers.flatMap((provider) => {
    const name = nameOf(first(first(provider, TSL, 'TSPInformation'), TSL, 'TSPName'));
    return elements(required(provider, 'TSPServices'), TSL, 'TSPService').map((service) => {
      const history = elements(first(service, TSL, 'ServiceHistory') ?? service, TSL, 'ServiceHistoryInstance').map(instanceOf);
      return {
        provider: name,
        instances: [instanceOf(required(service, 'ServiceInformation')), ...history].sort((a, b) => b.from.getTime() - a.from.getTime()),
      };
    });
  });
}

/** The list's content, from the canonical text its signature covers. */
function listOf(signed: string): TrustedList {
  const root = parse(signed);
  if (root.namespaceURI !== TSL || root.localName !== 'TrustServiceStatusList') throw new DomainError('TRUSTED_LIST_NOT_TSL');
  const scheme = required(root, 'SchemeInformation');
  const sequenceNumber = Number(textOf(required(scheme, 'TSLSequenceNumber')));
  if (!Number.isSafeInteger(sequenceNumber) || sequenceNumber < 1) throw new DomainError('TRUSTED_LIST_INCOMPLETE', { element: 'TSLSequenceNumber' });
  const territory = textOf(required(scheme, 'SchemeTerritory'));
  if (!/^[A-Z]{2}$/.test(territory)) throw new DomainError('TRUSTED_LIST_INCOMPLETE', { element: 'SchemeTerritory' });
  const next = first(required(scheme, 'NextUpdate'), TSL, 'dateTime');
  return {
    type: textOf(required(scheme, 'TSLType')),
    territory,
    operator: nameOf(required(scheme, 'SchemeOperatorName')),
    sequenceNumber,
    issued: dateOf(required(scheme, 'ListIssueDateTime'), 'ListIssueDateTime'),
    nextUpdate: next ? dateOf(next, 'NextUpdate') : null,
    services: servicesOf(root),
  };
}

/**
 * Parses XML text; malformed text is refused: anything the parser reports, its warnings included
 * (xmldom 0.8 only warns of an element never closed, as in a truncated download, or of an
 * attribute value without quotes). The parser stops at its first report: xmldom recovers from
 * malformed markup and reads on, and what it reads after a recovery is not what checkXmlShape
 * bounded (issue 18, "Bad input": bounded in time).
 */
function parse(text: string): Element {
  const stop = (message: unknown): never => {
    throw new Error(String(message));
  };
  let root: Element | null = null;
  try {
    root = new DOMParser({ errorHandler: { warning: stop, error: stop, fatalError: stop } }).parseFromString(text, 'text/xml').documentElement;
  } catch {
    throw new DomainError('TRUSTED_LIST_MALFORMED');
  }
  if (!root) throw new DomainError('TRUSTED_LIST_MALFORMED');
  return root;
}

/** UTF-8 text without its byte order mark; a declaration of another encoding is refused (§5.1.1: UTF-8). */
function textOfBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DomainError('TRUSTED_LIST_MALFORMED');
  }
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared !== undefined && declared.toLowerCase() !== 'utf-8') throw new DomainError('TRUSTED_LIST_MALFORMED');
  return text;
}

const malformed = (): DomainError => new DomainError('TRUSTED_LIST_MALFORMED');

/** The index just past the first `end` from `from`; markup never ended is refused. */
function past(text: string, end: string, from: number): number {
  const at = text.indexOf(end, from);
  if (at < 0) throw malformed();
  return at + end.length;
}

/**
 * Whitespace as xmldom takes it inside a tag: a space or any control character, U+0080, and the
 * line ends it turns into '\n' before reading (U+0085, U+2028). Taking more as whitespace than
 * the parser does only counts more namespace declarations and cuts names shorter (then refused).
 */
function isSpace(c: string | undefined): boolean {
  const code = c === undefined ? NaN : c.charCodeAt(0);
  return code <= 0x20 || code === 0x80 || code === 0x85 || code === 0x2028;
}

interface StartTag {
  name: string;
  /** The index just past its '>'. */
  end: number;
  /** An empty element (…/>). */
  empty: boolean;
  declarations: number;
}

/**
 * A start tag from its '<'. A quote opens a value only after '=' (whitespace between allowed): a
 * tag with any other quote, an unquoted value, a '<' or no '>' is refused, for xmldom reads such a
 * tag its own way (an unquoted value with a warning only) and the count of levels would not be its.
 */
function startTag(text: string, from: number): StartTag {
  let declarations = 0;
  let quote = '';
  let afterEquals = false;
  let nameEnd = -1;
  for (let i = from + 1; i < text.length; i += 1) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
      continue;
    }
    if (nameEnd < 0 && (isSpace(c) || c === '/' || c === '>' || c === '=')) nameEnd = i;
    if (afterEquals) {
      if (c === '"' || c === "'") {
        quote = c;
        afterEquals = false;
      } else if (!isSpace(c)) throw malformed();
    } else if (c === '=') {
      afterEquals = true;
    } else if (c === '"' || c === "'" || c === '<') {
      throw malformed();
    } else if (c === '>') {
      return { name: text.slice(from + 1, nameEnd), end: i + 1, empty: text[i - 1] === '/', declarations };
    } else if (isSpace(c) && text.startsWith('xmlns', i + 1) && (text[i + 6] === ':' || text[i + 6] === '=' || isSpace(text[i + 6]))) {
      declarations += 1;
    }
  }
  throw malformed();
}

/** An end tag's name from its '<' (trailing whitespace left out, as the XML reader does) and the index past its '>'. */
function endTag(text: string, from: number): { name: string; end: number } {
  const end = past(text, '>', from + 2);
  let nameEnd = end - 1;
  while (nameEnd > from + 2 && ' \t\n\r'.includes(text[nameEnd - 1]!)) nameEnd -= 1;
  return { name: text.slice(from + 2, nameEnd), end };
}

/**
 * Refuses, before the XML reader runs, a text nested deeper than MAX_XML_DEPTH or declaring more
 * than MAX_NAMESPACE_DECLARATIONS namespaces (issue 18, "Bad input": bounded in time): the reader's
 * work grows with their square. One pass over the markup; comments, CDATA sections and processing
 * instructions are skipped, quoted attribute values honoured. Markup the reader would take another
 * way than this pass is refused as malformed: an end tag that does not close the element open
 * (xmldom silently ignores it, so closing tags before the root would let real nesting run past the
 * bound), a tag with a stray quote or an unquoted value, a comment, CDATA section or processing
 * instruction never ended, '<?>' (xmldom takes it for text and reads on), any other '<!', and an
 * element never closed.
 */
function checkXmlShape(text: string): void {
  const refuse = () => new DomainError('TRUSTED_LIST_TOO_COMPLEX', { maxDepth: MAX_XML_DEPTH, maxNamespaces: MAX_NAMESPACE_DECLARATIONS });
  const open: string[] = [];
  let declarations = 0;
  let at = text.indexOf('<');
  while (at >= 0) {
    let next: number;
    if (text.startsWith('<!--', at)) next = past(text, '-->', at + 4);
    else if (text.startsWith('<![CDATA[', at)) next = past(text, ']]>', at + 9);
    else if (text.startsWith('<!', at) || text.startsWith('<?>', at)) throw malformed();
    else if (text.startsWith('<?', at)) next = past(text, '?>', at + 2);
    else if (text.startsWith('</', at)) {
      const tag = endTag(text, at);
      if (open.pop() !== tag.name) throw malformed();
      next = tag.end;
    } else {
      const tag = startTag(text, at);
      declarations += tag.declarations;
      if (!tag.empty) open.push(tag.name);
      if (open.length > MAX_XML_DEPTH || declarations > MAX_NAMESPACE_DECLARATIONS) throw refuse();
      next = tag.end;
    }
    at = text.indexOf('<', next);
  }
  if (open.length > 0) throw malformed();
}

/** §5.7.1: the operator's certificate must have been valid when the list was issued; throws the reason. */
function checkOperatorValidAt(operator: Uint8Array, issued: Date): void {
  let validity: { notBefore: Date; notAfter: Date };
  try {
    validity = parseCertificate(operator);
  } catch {
    throw new DomainError('TRUSTED_LIST_OPERATOR_UNREADABLE');
  }
  if (issued.getTime() < validity.notBefore.getTime() || issued.getTime() > validity.notAfter.getTime()) {
    throw new DomainError('TRUSTED_LIST_OPERATOR_NOT_VALID', {
      issued: issued.toISOString(),
      validFrom: validity.notBefore.toISOString(),
      validTo: validity.notAfter.toISOString(),
    });
  }
}

/**
 * A trusted list whose signature verifies with `operator` (DER), a certificate valid when the list
 * was issued, read from what it signs; its next update is not judged here (a stored list is read
 * again after it). Throws the reason.
 */
export function signedTrustedList(bytes: Uint8Array, operator: Uint8Array): TrustedList {
  if (bytes.length > MAX_TRUSTED_LIST_BYTES) throw new DomainError('TRUSTED_LIST_TOO_LARGE', { maxMegabytes: MAX_TRUSTED_LIST_BYTES / 1024 / 1024 });
  const text = textOfBytes(bytes);
  // No document type: a trusted list has none, and internal entities are how a reader is overloaded.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new DomainError('TRUSTED_LIST_DOCTYPE');
  checkXmlShape(text);
  const root = parse(text);
  if (root.namespaceURI !== TSL || root.localName !== 'TrustServiceStatusList') throw new DomainError('TRUSTED_LIST_NOT_TSL');
  const signatures = Array.from(root.ownerDocument.getElementsByTagNameNS(DS, 'Signature'));
  const signature = signatures[0];
  if (!signature) throw new DomainError('TRUSTED_LIST_UNSIGNED');
  if (signatures.length !== 1 || signature.parentNode !== root) throw new DomainError('TRUSTED_LIST_SIGNATURE_MISPLACED', { count: signatures.length });
  const list = listOf(signedListContent(text, root, signature, operatorCertificate(operator)));
  checkOperatorValidAt(operator, list.issued);
  return list;
}

/**
 * Whether a list is one the EU's trust framework stands behind (eIDAS art. 22): a Member State's or
 * an EEA state's list (TS 119 612 §5.3.3 EUgeneric, §5.3.10 its territory), or the EU list of the
 * lists. Only such a list can make a signature a QES; any list's granted services can be anchors.
 */
export function isEuTrustedList(list: Pick<TrustedList, 'type' | 'territory'>): boolean {
  return (list.type === EU_LIST_TYPE && EU_EEA_TERRITORIES.has(list.territory)) || (list.type === EU_LIST_OF_LISTS_TYPE && list.territory === 'EU');
}

function operatorCertificate(der: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw new DomainError('TRUSTED_LIST_OPERATOR_UNREADABLE');
  }
}

/**
 * A trusted list as the administrator imports it (issue 18, "Bad input"): signed by the operator
 * whose certificate (DER) is given, and current at `now`: a list past its next update, or a closed
 * one, proves nothing about today. Throws the reason as a DomainError.
 */
export function readTrustedList(xml: Uint8Array, operatorCertificate: Uint8Array, now: Date): TrustedList {
  const list = signedTrustedList(xml, operatorCertificate);
  if (list.nextUpdate === null) throw new DomainError('TRUSTED_LIST_CLOSED', { territory: list.territory });
  if (list.nextUpdate.getTime() < now.getTime()) throw new DomainError('TRUSTED_LIST_EXPIRED', { territory: list.territory, nextUpdate: list.nextUpdate.toISOString() });
  return list;
}

/** The operator's certificate from its file (DER): the first certificate of a PEM file, or DER. */
export function operatorCertificateOf(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const der = text.includes('-----BEGIN CERTIFICATE-----') ? pemCertificates(text)[0] : bytes;
  try {
    return new Uint8Array(new X509Certificate(der ?? new Uint8Array()).raw);
  } catch {
    throw new DomainError('TRUSTED_LIST_OPERATOR_UNREADABLE');
  }
}
