import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXED, renderPdf } from '../../electron/services/pdf/pdfWriter';
import { ParsedName, ParsedString, readObject, type Parsed, type ParsedDict } from '../../electron/services/pdf/pdfSyntax';
import { signPdf } from '../../electron/services/signing/pdfSignature';
import { openPkcs12 } from '../../electron/services/signing/pkcs12';
import { DEFAULT_PREFIXES } from '../../shared/contract/documentSchemas';
import { DOCUMENT_KINDS, type DocumentModel } from '../../shared/domain/documents/documentModel';
import { buildDocument, type TemplateRequest } from '../../shared/domain/documents/templates';
import { checkPdfLt } from '../../electron/services/pdf/pdfLtCheck';
import { EVERY_KIND } from '../helpers/documents';
import {
  infoXmpMismatches,
  mutoolVerify,
  nssDatabase,
  opensslCmsVerify,
  pdfParts,
  pdfsig,
  pdfText,
  preflightPartTwo,
  qpdfCheck,
  undeclaredXmpProperties,
  xmpDocument,
  xmpField,
  xmpItems,
  xmpProperty,
  xmpText,
  type PdfParts,
} from '../helpers/pdfTools';
import { namedSigner, P12_PASSWORD, testPki } from '../helpers/pki';

/**
 * Issue 18: every kind of document the app issues, written and signed as the app does it (the
 * minutes by the chair and the secretary in turn), is in the Lithuanian e-document format
 * PDF-LT-V1.0 at level A and PDF/A-2b. Each file is read with the app's own PDF syntax reader
 * (pdfSyntax.ts) and its XMP with an XML parser of its own (xmldom), and checked for what the
 * standards ask — and it still passes every third-party tool: pdfsig with the test CA trusted,
 * mutool, qpdf, openssl cms, and PDFBox preflight (on the part-1 copy, pdfTools.ts partOneCopy).
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  xmpidq: 'http://ns.adobe.com/xmp/Identifier/qual/1.0/',
  ltud: 'http://archyvai.lt/pdf-ltud/2013/metadata/',
  entity: 'http://archyvai.lt/pdf-ltud/2013/metadata/Entity/',
  registration: 'http://archyvai.lt/pdf-ltud/2013/metadata/Registration/',
};

interface Issued {
  name: string;
  model: DocumentModel;
  unsigned: Buffer;
  signed: Buffer;
  signers: { name: string; position: string }[];
}

const kindName = (r: TemplateRequest) => (r.kind === 'proposal' ? `proposal ${r.sources.commission.decision}` : r.kind);

const issued: Issued[] = [];
let caPem: string;
let nss: string;

const nameOf = (v: Parsed | undefined) => (v instanceof ParsedName ? v.value : null);

/** Every dictionary in every object the file's cross-reference sections reach (all revisions), through arrays and dictionaries. */
function everyDictionary(buf: Buffer, parts: PdfParts): ParsedDict[] {
  const out: ParsedDict[] = [parts.revision.trailer];
  const walk = (v: Parsed) => {
    if (v instanceof Map) {
      out.push(v);
      for (const x of v.values()) walk(x);
    } else if (Array.isArray(v)) for (const x of v) walk(x);
  };
  for (const [num, offset] of parts.revision.offsets) if (offset >= 0) walk(readObject(buf, parts.revision, num));
  return out;
}

beforeAll(async () => {
  const pki = testPki();
  caPem = readFileSync(pki.ca.certPath, 'utf8');
  nss = nssDatabase(caPem);
  for (const [i, request] of EVERY_KIND.entries()) {
    const register = DEFAULT_PREFIXES[request.kind];
    const model = buildDocument(request, `${register}-${i + 1}`, '2026-11-23');
    const pdf = await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: `pdf-lt-${i}`, producer: 'Pusiaukelė' }, FONTS);
    let signed = pdf.bytes;
    for (const [k, slot] of pdf.slots.entries()) {
      const signer = openPkcs12(namedSigner({ name: slot.name }).p12, P12_PASSWORD);
      try {
        // As documents/app.ts calls it: no reason given, so the default one is written.
        signed = await signPdf(signed, { signer, slot, signerName: slot.name, position: slot.position, at: new Date(Date.UTC(2026, 10, 23, 10, k)), fontsDir: FONTS });
      } finally {
        await signer.close();
      }
    }
    issued.push({ name: kindName(request), model, unsigned: Buffer.from(pdf.bytes), signed: Buffer.from(signed), signers: pdf.slots.map((s) => ({ name: s.name, position: s.position })) });
  }
}, 180_000);

describe.each(EVERY_KIND.map((r, i) => [kindName(r), i] as const))('%s, issued and signed, meets PDF-LT-V1.0 level A and PDF/A-2b (issue 18)', (_name, i) => {
  const doc = () => issued[i] as Issued;

  it('every kind is here, and each is signed by every signer of its signature block (the minutes: chair and secretary)', () => {
    expect(doc().signers.length).toBe(doc().model.signatures.length);
    expect(doc().signers.length).toBeGreaterThan(0);
    expect(pdfParts(doc().signed).signatures).toHaveLength(doc().signers.length);
  });

  it('is PDF 1.7 with the LTUd developer extension in the catalog, its first object (ISO 19005-2 §6.1.2, ISO 32000-1 §7.12, PDF-LT-V1.0)', () => {
    for (const bytes of [doc().unsigned, doc().signed]) {
      const parts = pdfParts(bytes);
      expect(parts.header).toBe('%PDF-1.7');
      expect(parts.binaryComment.every((b) => b > 127)).toBe(true);
      expect(parts.catalog.get('Version')).toBeUndefined();
      const ltud = (parts.catalog.get('Extensions') as ParsedDict | undefined)?.get('LTUd') as ParsedDict | undefined;
      expect(nameOf(ltud?.get('BaseVersion'))).toBe('1.7');
      expect(ltud?.get('ExtensionLevel')).toBe(1);
    }
    // Right after the header, where the published PDF-LT verifier looks for the extension.
    const offsets = [...pdfParts(doc().unsigned).revision.offsets.values()].filter((at) => at >= 0);
    expect(Math.min(...offsets)).toBe(pdfParts(doc().unsigned).revision.offsets.get(FIXED.catalog));
  });

  it('identifies as PDF/A-2b and PDF-LT level A in XMP: pdfaid, xmp:Identifier with the level scheme, LTUd:standardVersion (ISO 19005-2 §6.6.4)', () => {
    const parts = pdfParts(doc().signed);
    expect(parts.xmpStream.get('Filter')).toBeUndefined();
    const xmp = xmpDocument(parts.xmp);
    expect(xmpText(xmp, NS.pdfaid, 'part')).toBe('2');
    expect(xmpText(xmp, NS.pdfaid, 'conformance')).toBe('B');
    const identifier = xmpProperty(xmp, NS.xmp, 'Identifier');
    const items = identifier && 'element' in identifier ? xmpItems(identifier.element) : [];
    expect(items.map((li) => [xmpField(li, NS.rdf, 'value'), xmpField(li, NS.xmpidq, 'Scheme')])).toEqual([['A', 'http://archyvai.lt/pdf-ltud/2013/level/']]);
    // The published verifier reads the standard version as an attribute of the packet's first rdf:Description.
    const firstDescription = xmp.getElementsByTagNameNS(NS.rdf, 'Description')[0];
    expect(firstDescription?.getAttribute('LTUd:standardVersion')).toBe('PDF-LT-V1.0');
    expect(xmpText(xmp, NS.ltud, 'standardVersion')).toBe('PDF-LT-V1.0');
  });

  it('carries the PDF-LT metadata: title, the institution as author and creator, the addressees, the registration (PDF-LT-V1.0)', () => {
    const { model } = doc();
    const xmp = xmpDocument(pdfParts(doc().signed).xmp);
    const title = xmpProperty(xmp, NS.dc, 'title');
    expect(title && 'element' in title ? xmpItems(title.element).map((li) => li.textContent) : null).toEqual([`${model.documentType} ${model.title}`.replace(/\s+/g, ' ').trim()]);
    const creator = xmpProperty(xmp, NS.dc, 'creator');
    expect(creator && 'element' in creator ? xmpItems(creator.element).map((li) => li.textContent) : null).toEqual([model.institution]);

    const entities = (name: string) => {
      const p = xmpProperty(xmp, NS.ltud, name);
      if (p === null || !('element' in p)) return null;
      return xmpItems(p.element).map((li) => ({ individual: xmpField(li, NS.entity, 'individual'), name: xmpField(li, NS.entity, 'name') }));
    };
    expect(entities('authors')).toEqual([{ individual: 'False', name: model.institution }]);
    // Present even when the document is addressed to no one (an empty Seq): the level-A check wants the property.
    expect(entities('recipients')).toEqual((model.addressees ?? []).map((name) => ({ individual: null, name })));

    const registration = xmpProperty(xmp, NS.ltud, 'registration');
    expect(registration && 'element' in registration).toBe(true);
    const field = (name: string) => (registration && 'element' in registration ? xmpField(registration.element, NS.registration, name) : null);
    // No LTUdReg:code: PDF-LT-V1.0 defines it as a legal or natural person's code, which the app does not know.
    expect([field('date'), field('number'), field('code')]).toEqual([model.date, model.registrationNumber, null]);
  });

  it('defines every XMP property it uses: predefined schemas, or the LTUd schema and its Entity and Registration types declared as PDF/A extension schemas (ISO 19005-2 §6.6.2.3)', () => {
    const { xmp } = pdfParts(doc().signed);
    expect(undeclaredXmpProperties(xmp)).toEqual([]);
  });

  it('its information dictionary says what the XMP says, /Author included (ISO 19005-2 §6.6.3)', () => {
    for (const bytes of [doc().unsigned, doc().signed]) {
      const { info, xmp } = pdfParts(bytes);
      expect(info).not.toBeNull();
      const entries = info as ParsedDict;
      expect([...entries.keys()].sort()).toEqual(['Author', 'CreationDate', 'Creator', 'Keywords', 'ModDate', 'Producer', 'Title']);
      expect(pdfText(entries.get('Author'))).toBe(doc().model.institution);
      expect(infoXmpMismatches(entries, xmp)).toEqual([]);
    }
  });

  it('embeds no file, runs no script, is not encrypted: no /EmbeddedFiles, /EF, /AF, /JavaScript or /JS anywhere, no /Encrypt, a trailer /ID (ISO 19005-2 §6.1.3, §6.6.2; PDF-LT-V1.0)', () => {
    for (const bytes of [doc().unsigned, doc().signed]) {
      const parts = pdfParts(bytes);
      const dicts = everyDictionary(bytes, parts);
      const keys = new Set(dicts.flatMap((d) => [...d.keys()]));
      for (const key of ['EmbeddedFiles', 'EF', 'AF', 'JavaScript', 'JS', 'Encrypt', 'OpenAction', 'AA']) expect(keys.has(key), key).toBe(false);
      expect(dicts.filter((d) => nameOf(d.get('S')) === 'JavaScript' || nameOf(d.get('Type')) === 'Filespec')).toEqual([]);
      const id = parts.revision.trailer.get('ID');
      expect(Array.isArray(id) && id.length === 2 && id.every((x) => x instanceof ParsedString && x.bytes.length === 16)).toBe(true);
    }
  });

  it('each signature dictionary has what PDF-LT asks: /SubFilter ETSI.CAdES.detached, /Contents, /Name, /M, /Reason, /LTUd_Role and /LTUd_SignerNotes (PDF-LT-V1.0 levels B and A)', () => {
    const { signatures } = pdfParts(doc().signed);
    expect(
      signatures.map((sig) => ({
        type: nameOf(sig.get('Type')),
        filter: nameOf(sig.get('Filter')),
        subFilter: nameOf(sig.get('SubFilter')),
        contents: sig.get('Contents') instanceof ParsedString,
        byteRange: Array.isArray(sig.get('ByteRange')) && (sig.get('ByteRange') as Parsed[]).length === 4,
        name: pdfText(sig.get('Name')),
        time: /^D:\d{14}Z$/.test(pdfText(sig.get('M')) ?? ''),
        reason: pdfText(sig.get('Reason')),
        role: pdfText(sig.get('LTUd_Role')),
        notes: pdfText(sig.get('LTUd_SignerNotes')),
      })),
    ).toEqual(
      doc().signers.map((s) => ({
        type: 'Sig',
        filter: 'Adobe.PPKLite',
        subFilter: 'ETSI.CAdES.detached',
        contents: true,
        byteRange: true,
        name: s.name,
        time: true,
        reason: 'Pasirašymas',
        role: s.position,
        notes: '',
      })),
    );
    // No certification or usage-rights signature (PDF-LT-V1.0 level B): no /Reference, no /Perms in the catalog.
    expect(signatures.some((sig) => sig.has('Reference'))).toBe(false);
    expect(pdfParts(doc().signed).catalog.has('Perms')).toBe(false);
  });

  it('still passes pdfsig (trusted test CA), mutool, qpdf and openssl cms for every signature, and PDFBox preflight before and after signing', () => {
    const { signed, unsigned, signers } = doc();
    const sig = pdfsig(signed, nss);
    expect(sig.out.match(/Signature is Valid/g)).toHaveLength(signers.length);
    expect(sig.out.match(/Certificate is Trusted/g)).toHaveLength(signers.length);
    // mutool's verdict per signature: the later signatures are the only edits after an earlier one.
    const verdicts = mutoolVerify(signed).out.split('\n').filter((line) => /since signing/.test(line)).map((line) => line.trim());
    expect(verdicts).toEqual([...signers.slice(1).map(() => 'The signature is valid but there have been edits since signing.'), 'The document is unchanged since signing.']);
    expect(qpdfCheck(signed).status).toBe(0);
    for (let n = 0; n < signers.length; n++) expect(opensslCmsVerify(signed, n, caPem).out).toContain('Verification successful');
    expect(preflightPartTwo(unsigned).out).toContain('is a valid PDF/A-1b file');
    expect(preflightPartTwo(signed).out).toContain('is a valid PDF/A-1b file');
  });

  it("the app's own PDF-LT check (the verify report's section) finds nothing unmet: level A before and after signing, PDF/A-2 declared (validated by the part-1 preflight above)", () => {
    const levelA = { level: 'A', claimed: true, unmet: [], remarks: ['PDFA_DECLARED_NOT_VALIDATED'] };
    expect(checkPdfLt(doc().unsigned)).toEqual(levelA);
    expect(checkPdfLt(doc().signed)).toEqual(levelA);
  });
});

describe('the documents checked above are every kind the app issues (issue 18)', () => {
  it('covers DOCUMENT_KINDS, the proposal in each variant', () => {
    expect([...new Set(issued.map((d) => d.model.kind))].sort()).toEqual([...DOCUMENT_KINDS].sort());
    expect(issued.filter((d) => d.model.kind === 'proposal').map((d) => d.name)).toEqual(['proposal 10.1', 'proposal 10.2', 'proposal 10.3', 'proposal 10.4']);
    expect(issued.find((d) => d.model.kind === 'minutes')?.signers.length).toBe(2);
  });
});
