import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentProperties, pdfLtXmp, registrationOf } from '../../../electron/services/pdf/pdfLtMetadata';
import { ParsedName, ParsedString, readObject, readRevision, type ParsedDict } from '../../../electron/services/pdf/pdfSyntax';
import { FIXED, renderPdf } from '../../../electron/services/pdf/pdfWriter';
import { prepareSignature, SIGNING_REASON } from '../../../electron/services/signing/pdfSignature';
import type { DocumentModel } from '../../../shared/domain/documents/documentModel';
import { buildDocument } from '../../../shared/domain/documents/templates';
import {
  infoXmpMismatches,
  partOneCopy,
  pdfParts,
  pdfText,
  undeclaredXmpProperties,
  xmpDocument,
  xmpField,
  xmpItems,
  xmpProperty,
  xmpText,
} from '../../helpers/pdfTools';
import { caseElsewhere, caseHere, commissionDecision, institution, REFUSAL_RATIONALE, unfavourableEvaluation } from '../domain/documents/fixtures';

/**
 * Issue 18: the metadata and the file structure an issued document needs to be PDF-LT-V1.0 (level A)
 * and PDF/A-2b, each rule as the standard's text states it, on the XMP builder (pdfLtMetadata.ts),
 * the writer (pdfWriter.ts) and the signature dictionary (pdfSignature.ts). The readers the tests
 * use (test/helpers/pdfTools.ts) are shown to catch each violation, so a passing check means something.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
const LTUD = 'http://archyvai.lt/pdf-ltud/2013/metadata/';
const ENTITY = 'http://archyvai.lt/pdf-ltud/2013/metadata/Entity/';
const REGISTRATION = 'http://archyvai.lt/pdf-ltud/2013/metadata/Registration/';
const AT = new Date('2026-11-23T08:00:00Z');

const ref = { date: '2026-11-20', number: 'DKS-7' };
/** The order (V-77 p. 13): addressed to no one. */
const order = (number: string | null) => buildDocument({ kind: 'order', sources: { institution, case: caseHere, proposal: ref, minutes: ref } }, number, '2026-11-23');
/** The letter after 10.4 (V-77 p. 16): addressed to the convict and to the director of the institution where he serves. */
const letter = () =>
  buildDocument({ kind: 'letter', sources: { institution, case: caseElsewhere, commission: commissionDecision('10.4', unfavourableEvaluation, REFUSAL_RATIONALE), refusedOn: '2026-11-30' } }, 'S-3', '2026-11-23');

const xmpOf = (model: DocumentModel) => pdfLtXmp(model, documentProperties(model, 'Pusiaukelė', AT));
const element = (doc: Document, ns: string, name: string): Element => {
  const p = xmpProperty(doc, ns, name);
  if (p === null || !('element' in p)) throw new Error(`no ${name} element`);
  return p.element;
};
const names = (doc: Document, property: string) => xmpItems(element(doc, LTUD, property)).map((li) => xmpField(li, ENTITY, 'name'));

describe('the PDF-LT-V1.0 metadata of an issued document (issue 18, pdfLtMetadata.ts)', () => {
  it('names the standard, the level A identifier in its scheme, and PDF/A-2b (PDF-LT-V1.0; ISO 19005-2 §6.6.4)', () => {
    const doc = xmpDocument(xmpOf(order('V-12')));
    expect(doc.getElementsByTagNameNS('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'Description')[0]?.getAttribute('LTUd:standardVersion')).toBe('PDF-LT-V1.0');
    expect([xmpText(doc, 'http://www.aiim.org/pdfa/ns/id/', 'part'), xmpText(doc, 'http://www.aiim.org/pdfa/ns/id/', 'conformance')]).toEqual(['2', 'B']);
    const [level] = xmpItems(element(doc, 'http://ns.adobe.com/xap/1.0/', 'Identifier'));
    expect(level?.textContent).toContain('A'); // what the published verifier's level-A test reads
    expect(xmpField(level as Element, 'http://ns.adobe.com/xmp/Identifier/qual/1.0/', 'Scheme')).toBe('http://archyvai.lt/pdf-ltud/2013/level/');
  });

  it('the institution, as the letterhead writes it, is the author (a legal person) and dc:creator; the addressees are the recipients, in order', () => {
    expect(letter().institution).toBe('PRAVIENIŠKIŲ PATAISOS NAMAI-ATVIROJI KOLONIJA');
    const doc = xmpDocument(xmpOf(letter()));
    expect(names(doc, 'authors')).toEqual([letter().institution]);
    expect(xmpItems(element(doc, LTUD, 'authors')).map((li) => xmpField(li, ENTITY, 'individual'))).toEqual(['False']);
    expect(xmpItems(element(doc, 'http://purl.org/dc/elements/1.1/', 'creator')).map((li) => li.textContent)).toEqual([letter().institution]);
    expect(letter().addressees).toHaveLength(2);
    expect(names(doc, 'recipients')).toEqual(letter().addressees);
    // Nothing the app does not know is invented: no code, address or e-mail of anyone.
    for (const field of ['code', 'address', 'eMail']) expect(xmpDocument(xmpOf(letter())).getElementsByTagNameNS(ENTITY, field)).toHaveLength(0);
  });

  it('a document addressed to no one still has LTUd:recipients, an empty Seq (the level-A check wants the property)', () => {
    const recipients = element(xmpDocument(xmpOf(order('V-12'))), LTUD, 'recipients');
    expect(recipients.getElementsByTagNameNS('http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'Seq')).toHaveLength(1);
    expect(xmpItems(recipients)).toEqual([]);
  });

  it('the registration: the number and the document date; no LTUdReg:code, which PDF-LT-V1.0 defines as a person’s code the app does not know', () => {
    expect(registrationOf(order('V-12'))).toEqual({ number: 'V-12', date: '2026-11-23' });
    const registration = element(xmpDocument(xmpOf(order('V-12'))), LTUD, 'registration');
    expect(['date', 'number', 'code'].map((f) => xmpField(registration, REGISTRATION, f))).toEqual(['2026-11-23', 'V-12', null]);
    expect(registration.getElementsByTagNameNS(REGISTRATION, 'code')).toHaveLength(0);
  });

  it('a preview (no number yet) has no registration', () => {
    expect(registrationOf(order(null))).toBeNull();
    expect(xmpProperty(xmpDocument(xmpOf(order(null))), LTUD, 'registration')).toBeNull();
  });

  it('text with XML specials and Lithuanian letters comes back exactly; characters XML cannot hold are dropped', () => {
    const model = { ...order('V-12'), institution: 'Įstaiga „A & B“ <C> "D"\u0007' };
    const doc = xmpDocument(xmpOf(model));
    expect(names(doc, 'authors')).toEqual(['Įstaiga „A & B“ <C> "D"']);
  });

  it('every property is predefined or declared, with the LTUd schema and its Entity and Registration types as PDF/A extension schemas (ISO 19005-2 §6.6.2.3)', () => {
    for (const model of [order('V-12'), letter(), order(null)]) expect(undeclaredXmpProperties(xmpOf(model))).toEqual([]);
  });

  it('the check of declarations catches a packet without them: the LTUd properties and the Entity and Registration fields', () => {
    const xmp = xmpOf(order('V-12'));
    const withoutSchemas = xmp.replace(/<rdf:Description [^>]*xmlns:pdfaExtension[\s\S]*?<\/rdf:Description>\n(?=<\/rdf:RDF>)/, '');
    expect(withoutSchemas).not.toBe(xmp);
    expect(undeclaredXmpProperties(withoutSchemas)).toEqual([
      `${LTUD} standardVersion`,
      `${LTUD} authors`,
      `${ENTITY} individual`,
      `${ENTITY} name`,
      `${LTUD} recipients`,
      `${LTUD} registration`,
      `${REGISTRATION} date`,
      `${REGISTRATION} number`,
    ]);
    const withoutEntity = xmp.replace(/<rdf:li rdf:parseType="Resource"><pdfaType:type>Entity<\/pdfaType:type>[\s\S]*?<\/pdfaType:field><\/rdf:li>/, '');
    expect(undeclaredXmpProperties(withoutEntity)).toEqual([`${ENTITY} individual`, `${ENTITY} name`]);
  });

  it('declares the whole PDF-LT-V1.0 schema: its ten properties with their value types, and the fields of both types', () => {
    const doc = xmpDocument(xmpOf(order('V-12')));
    const [schema] = xmpItems(element(doc, 'http://www.aiim.org/pdfa/ns/extension/', 'schemas'));
    const child = (parent: Element, ns: string, name: string) => Array.from(parent.childNodes).find((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name) as Element;
    const S = 'http://www.aiim.org/pdfa/ns/schema#';
    expect([xmpField(schema as Element, S, 'namespaceURI'), xmpField(schema as Element, S, 'prefix')]).toEqual([LTUD, 'LTUd']);
    const P = 'http://www.aiim.org/pdfa/ns/property#';
    expect(Object.fromEntries(xmpItems(child(schema as Element, S, 'property')).map((p) => [xmpField(p, P, 'name'), xmpField(p, P, 'valueType')]))).toEqual({
      standardVersion: 'closed Choice of Text',
      authors: 'seq Entity',
      recipients: 'seq Entity',
      documentCopyIdentifier: 'Text',
      originalRegistrations: 'seq Registration',
      originalReceptions: 'seq Registration',
      originalReceivers: 'seq Entity',
      registration: 'Registration',
      reception: 'Registration',
      receiver: 'Entity',
    });
    const T = 'http://www.aiim.org/pdfa/ns/type#';
    const F = 'http://www.aiim.org/pdfa/ns/field#';
    const types = xmpItems(child(schema as Element, S, 'valueType')).map((t) => ({
      type: xmpField(t, T, 'type'),
      ns: xmpField(t, T, 'namespaceURI'),
      prefix: xmpField(t, T, 'prefix'),
      fields: xmpItems(child(t, T, 'field')).map((f) => `${xmpField(f, F, 'name')}: ${xmpField(f, F, 'valueType')}`),
    }));
    expect(types).toEqual([
      { type: 'Entity', ns: ENTITY, prefix: 'LTUdEnt', fields: ['individual: Boolean', 'name: Text', 'code: Text', 'address: Text', 'eMail: Text'] },
      { type: 'Registration', ns: REGISTRATION, prefix: 'LTUdReg', fields: ['date: Date', 'number: Text', 'code: Text'] },
    ]);
  });

  it('describes each field as the published PDF-LT-V1.0 schema does: a code, of an entity or of a registration, is a legal or natural person’s code', () => {
    const doc = xmpDocument(xmpOf(order('V-12')));
    const T = 'http://www.aiim.org/pdfa/ns/type#';
    const F = 'http://www.aiim.org/pdfa/ns/field#';
    const [schema] = xmpItems(element(doc, 'http://www.aiim.org/pdfa/ns/extension/', 'schemas'));
    const valueTypes = (schema as Element).getElementsByTagNameNS('http://www.aiim.org/pdfa/ns/schema#', 'valueType')[0] as Element;
    const described = xmpItems(valueTypes).map((t) => [
      xmpField(t, T, 'type'),
      Object.fromEntries(xmpItems(t.getElementsByTagNameNS(T, 'field')[0] as Element).map((f) => [xmpField(f, F, 'name'), xmpField(f, F, 'description')])),
    ]);
    expect(described).toEqual([
      [
        'Entity',
        {
          individual: 'Požymis: fizinis (taip) ar juridinis (ne) asmuo',
          name: 'Juridinio asmens pavadinimas arba fizinio asmens vardas ir pavardė',
          code: 'Juridinio ar fizinio asmens kodas',
          address: 'Adresas',
          eMail: 'El. pašto adresas',
        },
      ],
      ['Registration', { date: 'Registravimo data', number: 'Registracijos numeris', code: 'Juridinio ar fizinio asmens kodas' }],
    ]);
  });
});

describe('the file an issued document is (issue 18, pdfWriter.ts)', () => {
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = Buffer.from((await renderPdf(letter(), { createdAt: AT, id: 'pdf-lt-unit', producer: 'Pusiaukelė' }, FONTS)).bytes);
  });

  it('starts with %PDF-1.7 and a comment of four bytes above 127 (ISO 19005-2 §6.1.2; PDF-LT-V1.0: PDF 1.7)', () => {
    const parts = pdfParts(pdf);
    expect(parts.header).toBe('%PDF-1.7');
    expect(parts.binaryComment).toHaveLength(4);
    expect(parts.binaryComment.every((b) => b > 127)).toBe(true);
  });

  it('its catalog declares the LTUd extension on base version 1.7, level 1 (ISO 32000-1 §7.12.2; PDF-LT-V1.0 level A)', () => {
    const ltud = (pdfParts(pdf).catalog.get('Extensions') as ParsedDict).get('LTUd') as ParsedDict;
    expect([(ltud.get('BaseVersion') as ParsedName).value, ltud.get('ExtensionLevel')]).toEqual(['1.7', 1]);
  });

  it('its metadata stream is unfiltered XMP whose packet header has no bytes or encoding attribute (ISO 19005-2 §6.6.2.1)', () => {
    const { xmpStream, xmp } = pdfParts(pdf);
    expect(xmpStream.get('Filter')).toBeUndefined();
    expect([(xmpStream.get('Type') as ParsedName).value, (xmpStream.get('Subtype') as ParsedName).value]).toEqual(['Metadata', 'XML']);
    const header = /^<\?xpacket ([^?]*)\?>/.exec(xmp)?.[1] ?? '';
    expect(header).toContain('id="W5M0MpCehiHzreSzNTczkc9d"');
    expect(header).not.toMatch(/bytes=|encoding=/);
  });

  it('every information dictionary entry has its XMP equivalent with the same value, /Author = dc:creator (ISO 19005-2 §6.6.3)', () => {
    const { info, xmp } = pdfParts(pdf);
    expect(pdfText((info as ParsedDict).get('Author'))).toBe(letter().institution);
    expect(pdfText((info as ParsedDict).get('Title'))).toBe(documentProperties(letter(), 'Pusiaukelė', AT).title);
    expect(infoXmpMismatches(info as ParsedDict, xmp)).toEqual([]);
  });

  it('the equivalence check catches an entry that differs, or one the XMP lacks', () => {
    const { info, xmp } = pdfParts(pdf);
    const changed = new Map(info as ParsedDict);
    changed.set('Author', new ParsedString(Buffer.from('Kita įstaiga', 'latin1')));
    changed.set('ModDate', new ParsedString(Buffer.from('D:20261123080001Z', 'latin1')));
    changed.set('Subject', new ParsedString(Buffer.from('Tema', 'latin1')));
    expect(infoXmpMismatches(changed, xmp)).toEqual(['Author', 'ModDate', 'Subject']);
  });

  it('no encryption, no embedded files, no associated files, no JavaScript (ISO 19005-2 §6.1.3, §6.6.2; PDF-LT-V1.0)', () => {
    const rev = readRevision(pdf);
    expect(rev.trailer.has('Encrypt')).toBe(false);
    const keys = new Set<string>();
    for (const [num, at] of rev.offsets) {
      const value = at >= 0 ? readObject(pdf, rev, num) : null;
      if (value instanceof Map) for (const k of value.keys()) keys.add(k);
    }
    for (const key of ['Names', 'EmbeddedFiles', 'AF', 'JavaScript', 'JS', 'OpenAction', 'AA']) expect(keys.has(key), key).toBe(false);
  });

  it('the fixed objects stay where signing expects them: the catalog 15, the fonts 3 and 9', () => {
    const rev = readRevision(pdf);
    expect((readObject(pdf, rev, FIXED.catalog) as ParsedDict).get('Type')).toEqual(new ParsedName('Catalog'));
    expect(((readObject(pdf, rev, FIXED.fonts.regular) as ParsedDict).get('BaseFont') as ParsedName).value).toMatch(/^PSK/);
  });

  it('its part-1 copy for PDFBox preflight differs only in the identification and the qualifier, byte for byte the same length', () => {
    const copy = partOneCopy(pdf);
    expect(copy.length).toBe(pdf.length);
    const differ: number[] = [];
    for (let i = 0; i < pdf.length; i++) if (copy[i] !== pdf[i]) differ.push(i);
    const { xmp } = pdfParts(pdf);
    const xmpAt = pdf.indexOf(Buffer.from(xmp.slice(0, 40), 'utf8'));
    expect(differ.every((i) => i >= xmpAt && i < xmpAt + Buffer.byteLength(xmp))).toBe(true);
    const parts = pdfParts(copy);
    const doc = xmpDocument(parts.xmp);
    expect(xmpText(doc, 'http://www.aiim.org/pdfa/ns/id/', 'part')).toBe('1');
    expect(xmpItems(element(doc, 'http://ns.adobe.com/xap/1.0/', 'Identifier')).map((li) => li.textContent)).toEqual(['A']);
    expect(() => partOneCopy(copy)).toThrow(/part 2/);
  });
});

describe('the signature dictionary (issue 18, pdfSignature.ts: PDF-LT-V1.0 levels B and A)', () => {
  const sigDict = async (options: { reason?: string }) => {
    const rendered = await renderPdf(order('V-12'), { createdAt: AT, id: 'pdf-lt-sig', producer: 'Pusiaukelė' }, FONTS);
    const slot = rendered.slots[0];
    if (!slot) throw new Error('no slot');
    const prepared = await prepareSignature(rendered.bytes, { slot, signerName: 'Rūta Žemaitienė', position: 'Direktorė', at: new Date('2026-11-23T10:00:00Z'), fontsDir: FONTS, contentsBytes: 64, ...options });
    const [sig] = pdfParts(prepared.bytes).signatures;
    if (!sig) throw new Error('no signature');
    return sig;
  };

  it('has /Reason (Pasirašymas by default), /Name, /M, /LTUd_Role (the position) and an empty /LTUd_SignerNotes text string', async () => {
    const sig = await sigDict({});
    expect(SIGNING_REASON).toBe('Pasirašymas');
    expect(['Reason', 'Name', 'M', 'LTUd_Role', 'LTUd_SignerNotes'].map((k) => pdfText(sig.get(k)))).toEqual(['Pasirašymas', 'Rūta Žemaitienė', 'D:20261123100000Z', 'Direktorė', '']);
    expect([(sig.get('SubFilter') as ParsedName).value, (sig.get('Filter') as ParsedName).value]).toEqual(['ETSI.CAdES.detached', 'Adobe.PPKLite']);
  });

  it('takes another reason when the caller gives one', async () => {
    expect(pdfText((await sigDict({ reason: 'Susipažinau' })).get('Reason'))).toBe('Susipažinau');
  });
});
