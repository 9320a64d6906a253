// Reading an ETSI TS 119 612 trusted list (issue 18, "Trust from the trusted lists"): the scheme's
// facts and each trust service with its status history and the extensions that say what its
// certificates are (the Qualifications extension, §5.5.9.2, and AdditionalServiceInformation,
// §5.5.9.4). Everything is read from the canonical text the operator's signature covers.
import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { DomainError } from '../../../shared/domain/errors';
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
}

export interface TrustedListService {
  provider: string;
  /** The current information, then the history instances, newest first. */
  instances: ServiceInstance[];
}

export interface TrustedList {
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
  for (const child of Array.from(list.childNodes).filter((n): n is Element => n.nodeType === 1)) {
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
  for (const child of Array.from(other.childNodes).filter((n): n is Element => n.nodeType === 1)) {
    if (child.namespaceURI === ADDITIONAL_TYPES && child.localName === 'ExtendedKeyUsage') {
      criteria.extendedKeyUsage.push(elements(child, ADDITIONAL_TYPES, 'KeyPurposeId').map((k) => oidText(textOf(first(k, XADES, 'Identifier')))));
    } else if (child.namespaceURI === ADDITIONAL_TYPES && child.localName === 'CertSubjectDNAttribute') {
      criteria.subjectAttributes.push(elements(child, ADDITIONAL_TYPES, 'AttributeOID').map((k) => oidText(textOf(first(k, XADES, 'Identifier')))));
    } else {
      criteria.unknown.push(child.localName ?? child.nodeName);
    }
  }
}

function extensionsOf(information: Element): Pick<ServiceInstance, 'qualifications' | 'additionalInformation'> {
  const extensions = elements(first(information, TSL, 'ServiceInformationExtensions') ?? information, TSL, 'Extension');
  const qualifications = extensions
    .flatMap((e) => elements(e, ECC, 'Qualifications'))
    .flatMap((q) => elements(q, ECC, 'QualificationElement'))
    .map((q) => ({
      qualifiers: elements(required(q, 'Qualifiers', ECC), ECC, 'Qualifier').map((x) => x.getAttribute('uri') ?? ''),
      criteria: criteriaOf(required(q, 'CriteriaList', ECC)),
    }));
  const additionalInformation = extensions.flatMap((e) => elements(e, TSL, 'AdditionalServiceInformation')).map((a) => textOf(first(a, TSL, 'URI')));
  return { qualifications, additionalInformation };
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
 * (xmldom 0.8 only warns of an element never closed, as in a truncated download).
 */
function parse(text: string): Element {
  const errors: string[] = [];
  const report = (m: string) => errors.push(m);
  let root: Element | null = null;
  try {
    const doc = new DOMParser({ errorHandler: { warning: report, error: report, fatalError: report } }).parseFromString(text, 'text/xml');
    root = doc.documentElement;
  } catch {
    throw new DomainError('TRUSTED_LIST_MALFORMED');
  }
  if (errors.length > 0 || !root) throw new DomainError('TRUSTED_LIST_MALFORMED');
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

/**
 * A trusted list whose signature verifies with `operator` (DER), read from what it signs; its dates
 * are not judged here (a stored list is read again after its next update). Throws the reason.
 */
export function signedTrustedList(bytes: Uint8Array, operator: Uint8Array): TrustedList {
  if (bytes.length > MAX_TRUSTED_LIST_BYTES) throw new DomainError('TRUSTED_LIST_TOO_LARGE', { maxMegabytes: MAX_TRUSTED_LIST_BYTES / 1024 / 1024 });
  const text = textOfBytes(bytes);
  // No document type: a trusted list has none, and internal entities are how a reader is overloaded.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new DomainError('TRUSTED_LIST_DOCTYPE');
  const root = parse(text);
  if (root.namespaceURI !== TSL || root.localName !== 'TrustServiceStatusList') throw new DomainError('TRUSTED_LIST_NOT_TSL');
  const signatures = Array.from(root.ownerDocument.getElementsByTagNameNS(DS, 'Signature'));
  const signature = signatures[0];
  if (!signature) throw new DomainError('TRUSTED_LIST_UNSIGNED');
  if (signatures.length !== 1 || signature.parentNode !== root) throw new DomainError('TRUSTED_LIST_SIGNATURE_MISPLACED', { count: signatures.length });
  return listOf(signedListContent(text, root, signature, operatorCertificate(operator)));
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
