import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkPdfLt } from '../../../electron/services/pdf/pdfLtCheck';
import { readXmp, XMP_LIMITS } from '../../../electron/services/pdf/pdfLtCheckXmp';
import { hexString, name, Raw, ref } from '../../../electron/services/pdf/pdfSyntax';
import { PDF_LT_REQUIREMENTS, type PdfLtReport, type PdfLtRequirement } from '../../../shared/contract/pdfLtSchemas';
import { DOCUMENT_TIMESTAMP, ltPdf, ltXmp, pdfFile, SIGNATURE, type LtFileSpec, type PdfObject } from '../../helpers/pdfLtFiles';
import { appendUpdate } from '../../helpers/popplerSigner';

/**
 * Issue 18: the PDF-LT-V1.0 check (the chief archivist's order VE(1.3 E)-42) of any PDF, as the verify
 * report shows it. A file that meets every requirement is level A; leaving out one requirement is
 * reported as exactly that requirement, at the level it belongs to; files of other producers get
 * their list; hostile files end quickly in a clear 'notChecked' or the right codes, never an exception.
 */

const codes = (report: PdfLtReport): PdfLtRequirement[] => report.unmet.map((u) => u.code);

/** What a file that meets level A gets: the level, with the remark that PDF/A was read from its declaration only. */
const LEVEL_A: PdfLtReport = { level: 'A', claimed: true, unmet: [], remarks: ['PDFA_DECLARED_NOT_VALIDATED'] };

/** The check, timed: a generous bound, only a guard against a hang. */
function timedCheck(bytes: Uint8Array, limits?: Parameters<typeof checkPdfLt>[1]): PdfLtReport {
  const started = performance.now();
  const report = checkPdfLt(bytes, limits);
  expect(performance.now() - started).toBeLessThan(5_000);
  return report;
}

describe('issue 18: a file that meets PDF-LT-V1.0 level A', () => {
  it('is level A and says it is PDF-LT, and that PDF/A-2 is only declared, not validated', () => {
    expect(checkPdfLt(ltPdf())).toEqual(LEVEL_A);
  });

  it('stays level A however its XMP is written: other prefixes, properties as attributes, a compressed packet (ISO 16684-1 §7.9)', () => {
    expect(checkPdfLt(ltPdf({ xmp: ltXmp({}, { ltud: 'archyvai', entity: 'asmuo', registration: 'reg' }) })).level).toBe('A');
    const attributes = ltXmp({ pdfaid: null }).replace('<rdf:Description rdf:about="" xmlns:dc=', '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B"/>\n<rdf:Description rdf:about="" xmlns:dc=');
    expect(checkPdfLt(ltPdf({ xmp: attributes }))).toEqual(LEVEL_A);
    const compressed = new Map<number, PdfObject>([[4, { value: { Type: name('Metadata'), Subtype: name('XML'), Filter: name('FlateDecode') }, stream: deflateSync(Buffer.from(ltXmp(), 'utf8')) }]]);
    expect(checkPdfLt(ltPdf({ objects: compressed })).level).toBe('A');
  });

  it('ISO 32000-1 §7.2.2: a catalog /Version 1.7 makes a 1.4 header PDF 1.7; a later /Version is not 1.7', () => {
    expect(checkPdfLt(ltPdf({ header: '1.4', catalog: { Version: name('1.7') } })).level).toBe('A');
    expect(checkPdfLt(ltPdf({ catalog: { Version: name('2.0') } })).unmet).toEqual([{ code: 'PDF_VERSION', level: 'B', detail: '2.0' }]);
  });

  it('an unsigned file can be PDF-LT: the signature requirements have nothing to say', () => {
    expect(checkPdfLt(ltPdf({ signatures: [] }))).toEqual(LEVEL_A);
  });

  it('ETSI EN 319 142-1 B-LTA: a document timestamp is allowed, held only to /Contents and /SubFilter ETSI.RFC3161; the report says the reference verifier would refuse it', () => {
    expect(checkPdfLt(ltPdf({ signatures: [SIGNATURE, DOCUMENT_TIMESTAMP] }))).toEqual({
      level: 'A',
      claimed: true,
      unmet: [],
      remarks: ['DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE', 'PDFA_DECLARED_NOT_VALIDATED'],
    });
    expect(checkPdfLt(ltPdf({ signatures: [SIGNATURE, { ...DOCUMENT_TIMESTAMP, SubFilter: name('adbe.pkcs7.detached') }] })).unmet).toEqual([
      { code: 'SIGNATURE_SUBFILTER', level: 'B', detail: 'Parašas2: adbe.pkcs7.detached' },
    ]);
  });

  it('ISO 32000-1 §7.5.6: the last revision counts — an update that raises the version and adds /Extensions makes a file level A; one that adds an attachment takes it away', () => {
    const old = ltPdf({ header: '1.4', catalog: { Extensions: undefined }, signatures: [] });
    expect(codes(checkPdfLt(old))).toEqual(['PDF_VERSION', 'EXTENSIONS_LTUD']);
    const catalog = '<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R /Version /1.7 /Extensions << /LTUd << /BaseVersion /1.7 /ExtensionLevel 1 >> >> >>';
    const raised = appendUpdate(old, { 1: catalog });
    expect(checkPdfLt(raised)).toEqual(LEVEL_A);
    expect(checkPdfLt(appendUpdate(raised, { 1: catalog.replace('/Version', '/AF [9 0 R] /Version') }, { xrefStream: true })).unmet).toEqual([
      { code: 'EMBEDDED_FILES', level: 'B', detail: 'catalog /AF' },
    ]);
  });

  it('ISO 32000-2 §7.12: the LTUd developer extension may be one of an array', () => {
    const extensions = { LTUd: [{ BaseVersion: name('1.7'), ExtensionLevel: 1 }] };
    expect(checkPdfLt(ltPdf({ catalog: { Extensions: extensions } })).level).toBe('A');
  });
});

/** One requirement left out of the level-A file at a time: exactly that requirement is reported. */
const WITHOUT: readonly { code: PdfLtRequirement; level: 'A' | 'B'; spec: LtFileSpec; detail?: string }[] = [
  { code: 'PDF_VERSION', level: 'B', spec: { header: '1.4' }, detail: '1.4' },
  { code: 'NO_PAGES', level: 'B', spec: { catalog: { Pages: undefined } } },
  { code: 'EMBEDDED_FILES', level: 'B', spec: { catalog: { Names: { EmbeddedFiles: { Names: [] } } } }, detail: 'Names /EmbeddedFiles' },
  { code: 'NOT_PDFA2', level: 'B', spec: { xmp: ltXmp({ pdfaid: '<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>' }) }, detail: 'pdfaid:part 1' },
  { code: 'SIGNATURE_CONTENTS', level: 'B', spec: { signatures: [{ ...SIGNATURE, Contents: undefined }] }, detail: 'Parašas1' },
  { code: 'SIGNATURE_SUBFILTER', level: 'B', spec: { signatures: [{ ...SIGNATURE, SubFilter: name('adbe.pkcs7.detached') }] }, detail: 'Parašas1: adbe.pkcs7.detached' },
  { code: 'SIGNATURE_REASON', level: 'B', spec: { signatures: [{ ...SIGNATURE, Reason: undefined }] }, detail: 'Parašas1' },
  { code: 'SIGNATURE_NAME', level: 'B', spec: { signatures: [{ ...SIGNATURE, Name: undefined }] }, detail: 'Parašas1' },
  { code: 'SIGNATURE_TIME', level: 'B', spec: { signatures: [{ ...SIGNATURE, M: undefined }] }, detail: 'Parašas1' },
  { code: 'CERTIFICATION_SIGNATURE', level: 'B', spec: { catalog: { Perms: { DocMDP: ref(11) } } }, detail: 'DocMDP' },
  { code: 'EXTENSIONS_LTUD', level: 'A', spec: { catalog: { Extensions: undefined } } },
  { code: 'XMP_IDENTIFIER', level: 'A', spec: { xmp: ltXmp({ identifier: null }) } },
  { code: 'XMP_STANDARD_VERSION', level: 'A', spec: { xmp: ltXmp({ standardVersion: null }) } },
  { code: 'XMP_AUTHORS', level: 'A', spec: { xmp: ltXmp({ authors: null }) } },
  { code: 'XMP_RECIPIENTS', level: 'A', spec: { xmp: ltXmp({ recipients: null }) } },
  { code: 'XMP_REGISTRATION', level: 'A', spec: { xmp: ltXmp({ registration: null }) } },
  { code: 'XMP_TITLE', level: 'A', spec: { xmp: ltXmp({ title: null }) } },
  { code: 'XMP_CREATOR', level: 'A', spec: { xmp: ltXmp({ creator: null }) } },
  { code: 'XMP_EXTENSION_SCHEMA', level: 'A', spec: { xmp: ltXmp({ extensionSchemas: null }) }, detail: 'http://archyvai.lt/pdf-ltud/2013/metadata/, http://archyvai.lt/pdf-ltud/2013/metadata/Entity/, http://archyvai.lt/pdf-ltud/2013/metadata/Registration/' },
  { code: 'SIGNATURE_ROLE', level: 'A', spec: { signatures: [{ ...SIGNATURE, LTUd_Role: undefined }] }, detail: 'Parašas1' },
  { code: 'SIGNATURE_NOTES', level: 'A', spec: { signatures: [{ ...SIGNATURE, LTUd_SignerNotes: undefined }] }, detail: 'Parašas1' },
];

describe('issue 18: each PDF-LT-V1.0 requirement left out, one at a time', () => {
  it.each(WITHOUT)('$code (level $level)', ({ code, level, spec, detail }) => {
    const report = checkPdfLt(ltPdf(spec));
    expect(report.unmet).toEqual([{ code, level, ...(detail === undefined ? {} : { detail }) }]);
    // Missing a level-B requirement leaves the file at no level; missing only an A one, at B, with PDF/A only declared.
    expect(report.level).toBe(level === 'B' ? 'none' : 'B');
    expect(report.remarks).toEqual(level === 'B' ? [] : ['PDFA_DECLARED_NOT_VALIDATED']);
  });

  it('the list covers every requirement once, but the two that need another kind of file (encrypted: test/integration/pdfLtCheck.test.ts; unreadable: below)', () => {
    const covered = WITHOUT.map((w) => w.code);
    expect(new Set(covered).size).toBe(covered.length);
    expect(new Set([...covered, 'ENCRYPTED', 'UNREADABLE'])).toEqual(new Set(PDF_LT_REQUIREMENTS));
  });

  it('wrong values are named: another level, standard version, extension level; an author without a name; a registration without a date', () => {
    const levelB = ltXmp({ identifier: '<xmp:Identifier><rdf:Bag><rdf:li rdf:parseType="Resource"><rdf:value>B</rdf:value><xmpidq:Scheme>http://archyvai.lt/pdf-ltud/2013/level/</xmpidq:Scheme></rdf:li></rdf:Bag></xmp:Identifier>' });
    expect(checkPdfLt(ltPdf({ xmp: levelB })).unmet).toEqual([{ code: 'XMP_IDENTIFIER', level: 'A', detail: 'level B' }]);
    expect(checkPdfLt(ltPdf({ xmp: ltXmp({ standardVersion: '<LTUd:standardVersion>PDF-LT-V0.9</LTUd:standardVersion>' }) })).unmet).toEqual([
      { code: 'XMP_STANDARD_VERSION', level: 'A', detail: 'PDF-LT-V0.9' },
    ]);
    expect(checkPdfLt(ltPdf({ catalog: { Extensions: { LTUd: { BaseVersion: name('1.6'), ExtensionLevel: 1 } } } })).unmet).toEqual([
      { code: 'EXTENSIONS_LTUD', level: 'A', detail: 'BaseVersion 1.6, ExtensionLevel 1' },
    ]);
    const nameless = ltXmp({ authors: '<LTUd:authors><rdf:Seq><rdf:li rdf:parseType="Resource"><LTUdEnt:individual>False</LTUdEnt:individual></rdf:li></rdf:Seq></LTUd:authors>' });
    expect(checkPdfLt(ltPdf({ xmp: nameless })).unmet).toEqual([{ code: 'XMP_AUTHORS', level: 'A', detail: 'an author without LTUdEnt:name' }]);
    const undated = ltXmp({ registration: '<LTUd:registration rdf:parseType="Resource"><LTUdReg:number>V-1</LTUdReg:number></LTUd:registration>' });
    expect(checkPdfLt(ltPdf({ xmp: undated })).unmet).toEqual([{ code: 'XMP_REGISTRATION', level: 'A', detail: 'no LTUdReg:date' }]);
  });

  it('a file that names neither the standard nor its level does not claim to be PDF-LT', () => {
    expect(checkPdfLt(ltPdf({ xmp: ltXmp({ identifier: null, standardVersion: null }) })).claimed).toBe(false);
    expect(checkPdfLt(ltPdf({ xmp: ltXmp({ standardVersion: null }) })).claimed).toBe(true);
  });
});

describe('issue 18: embedded files and file specifications anywhere the check looks', () => {
  it.each<[string, LtFileSpec, string]>([
    ['a file attachment annotation', { annotations: [{ Subtype: name('FileAttachment'), FS: ref(1000) }] }, 'FileAttachment, page 1'],
    ['associated files on the catalog (PDF/A-3)', { catalog: { AF: [ref(1000)] } }, 'catalog /AF'],
    ['a portfolio', { catalog: { Collection: { Type: name('Collection') } } }, 'catalog /Collection'],
    ['a link that launches a file', { annotations: [{ Subtype: name('Link'), A: { S: name('Launch'), F: 'program.exe' } }] }, 'Launch /F, page 1; Launch action, object 12'],
  ])('%s', (_what, spec, detail) => {
    expect(checkPdfLt(ltPdf(spec)).unmet).toEqual([{ code: 'EMBEDDED_FILES', level: 'B', detail }]);
  });
});

/** A file's embedded program: the stream, and a file specification that embeds it (ISO 32000-1 §7.11.3–7.11.4). */
const EXE = new Map<number, PdfObject>([[1001, { value: { Type: name('EmbeddedFile') }, stream: Buffer.from('MZ executable') }]]);
const EMBEDDING = { Type: name('Filespec'), F: 'run.exe', UF: 'run.exe', EF: { F: ref(1001) } };
const LAUNCH = { S: name('Launch'), F: EMBEDDING };

describe('issue 18: PDF-LT-V1.0 level B, no embedded files — however the file reaches them', () => {
  it.each<[string, LtFileSpec, string]>([
    ['the catalog’s /OpenAction launches an embedded program', { catalog: { OpenAction: LAUNCH }, objects: EXE }, 'Launch action, object 1; file specification with /EF, object 1; /Type /EmbeddedFile, object 1001'],
    [
      'an outline item’s action',
      {
        catalog: { Outlines: ref(1002) },
        objects: new Map([...EXE, [1002, { value: { Type: name('Outlines'), First: ref(1003), Last: ref(1003), Count: 1 } }], [1003, { value: { Title: 'Priedas', Parent: ref(1002), A: LAUNCH } }]]),
      },
      '/Type /EmbeddedFile, object 1001; Launch action, object 1003; file specification with /EF, object 1003',
    ],
    ['an annotation’s additional actions (/AA)', { annotations: [{ Subtype: name('Link'), AA: { E: LAUNCH } }], objects: EXE }, 'Launch action, object 12; file specification with /EF, object 12; /Type /EmbeddedFile, object 1001'],
    ['the catalog’s additional actions go to an embedded document (GoToE)', { catalog: { AA: { WC: { S: name('GoToE'), T: { R: name('C'), N: 'priedas' } } } } }, 'GoToE action, object 1'],
    ['an embedded file stream nothing refers to', { objects: EXE }, '/Type /EmbeddedFile, object 1001'],
    ['an /EF written in place in some other dictionary', { catalog: { Extra: { EF: { F: ref(1001) } } } }, '/EF, object 1'],
  ])('%s: EMBEDDED_FILES, with where it is', (_what, spec, detail) => {
    const report = checkPdfLt(ltPdf(spec));
    expect(report.unmet).toEqual([{ code: 'EMBEDDED_FILES', level: 'B', detail }]);
    expect(report.level).toBe('none');
  });
});

describe('issue 18: every signature the signature verifier reports is checked, whatever reaches it', () => {
  /** A signature dictionary that meets none of PDF-LT's signature requirements but /Contents. */
  const BARE = { Type: name('Sig'), Filter: name('Adobe.PPKLite'), SubFilter: name('adbe.pkcs7.detached'), ByteRange: [0, 10, 20, 30], Contents: hexString(new Uint8Array(64)) };
  const ALL_UNMET = (detail: string) => [
    { code: 'SIGNATURE_SUBFILTER', level: 'B', detail: `${detail}: adbe.pkcs7.detached` },
    { code: 'SIGNATURE_REASON', level: 'B', detail },
    { code: 'SIGNATURE_NAME', level: 'B', detail },
    { code: 'SIGNATURE_TIME', level: 'B', detail },
    { code: 'SIGNATURE_ROLE', level: 'A', detail },
    { code: 'SIGNATURE_NOTES', level: 'A', detail },
  ];

  it('ISO 32000-1 §12.7.3.1: a widget whose /Parent is a signature field outside /Fields — the field is read, by its name', () => {
    const file = ltPdf({
      annotations: [{ Subtype: name('Widget'), Parent: ref(1001), F: 132 }],
      objects: new Map([
        [1001, { value: { FT: name('Sig'), T: 'Paslėptas', V: ref(1002) } }],
        [1002, { value: BARE }],
      ]),
    });
    expect(checkPdfLt(file).unmet).toEqual(ALL_UNMET('Paslėptas'));
  });

  it('a widget that is a kid of a signature field that does not list it inherits /FT /Sig and its name', () => {
    const file = ltPdf({
      annotations: [{ Subtype: name('Widget'), Parent: ref(1001), T: 'vidinis', V: ref(1002) }],
      objects: new Map([
        [1001, { value: { FT: name('Sig'), T: 'Išorinis', Kids: [] } }],
        [1002, { value: { ...BARE, Type: undefined, ByteRange: undefined } }],
      ]),
    });
    expect(checkPdfLt(file).unmet).toEqual(ALL_UNMET('Išorinis.vidinis'));
  });

  it('a signature dictionary in the body but not in the cross-reference table', () => {
    expect(checkPdfLt(ltPdf({ unlisted: new Map([[1002, { value: BARE }]]) })).unmet).toEqual(ALL_UNMET('object 1002'));
  });

  it('an /AcroForm /Fields that is not an array, its signature field on no page', () => {
    const objects = new Map<number, PdfObject>([
      [1001, { value: { FT: name('Sig'), T: 'Laukas', V: ref(1002) } }],
      [1002, { value: BARE }],
    ]);
    expect(checkPdfLt(ltPdf({ signatures: [], catalog: { AcroForm: { Fields: ref(1001) } }, objects })).unmet).toEqual(ALL_UNMET('object 1002'));
  });

  it('ISO 32000-1 §7.5.6: a signature whose field a later revision took away', () => {
    const signed = ltPdf({ signatures: [BARE] });
    const removed = appendUpdate(signed, {
      1: '<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R /Extensions << /LTUd << /BaseVersion /1.7 /ExtensionLevel 1 >> >> >>',
      3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    });
    expect(checkPdfLt(removed).unmet).toEqual(ALL_UNMET('object 11'));
  });

  it('more /ByteRange keys than the signature verifier reads (1000): notChecked, never a level by guess', () => {
    const fakes = new Map<number, PdfObject>([[1000, { value: { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 1, 1] }, stream: Buffer.from('/ByteRange [0 1 2 3]\n'.repeat(1001)) }]]);
    expect(timedCheck(ltPdf({ objects: fakes }))).toEqual({ level: 'notChecked', claimed: true, unmet: [{ code: 'UNREADABLE', level: 'B', detail: 'more than 1000 /ByteRange keys to read' }], remarks: [] });
  });
});

describe('issue 18: which signatures the check reads', () => {
  it('a signature field among the kids of another inherits /FT /Sig and is named by its full name', () => {
    const objects = new Map<number, PdfObject>([
      [1000, { value: { FT: name('Sig'), T: 'Parašai', Kids: [ref(1001)] } }],
      [1001, { value: { T: 'direktorius', Parent: ref(1000), V: ref(1002) } }],
      [1002, { value: { ...SIGNATURE, Reason: undefined } }],
    ]);
    expect(checkPdfLt(ltPdf({ signatures: [], catalog: { AcroForm: { Fields: [ref(1000)] } }, objects })).unmet).toEqual([
      { code: 'SIGNATURE_REASON', level: 'B', detail: 'Parašai.direktorius' },
    ]);
  });

  it('a signature field only on the page (not in /AcroForm /Fields) is read too', () => {
    expect(checkPdfLt(ltPdf({ signatures: [{ ...SIGNATURE, Name: undefined }], catalog: { AcroForm: undefined } })).unmet).toEqual([
      { code: 'SIGNATURE_NAME', level: 'B', detail: 'Parašas1' },
    ]);
  });

  it('a /Sig dictionary no field refers to is still checked, as the signature verifier reports it (found by its /ByteRange)', () => {
    const orphan = new Map<number, PdfObject>([[1000, { value: { ...SIGNATURE, ByteRange: [0, 10, 20, 30], Reason: undefined } }]]);
    expect(checkPdfLt(ltPdf({ objects: orphan })).unmet).toEqual([{ code: 'SIGNATURE_REASON', level: 'B', detail: 'object 1000' }]);
  });

  it('two signatures that both miss /Reason are named together, once', () => {
    const bare = { ...SIGNATURE, Reason: undefined };
    expect(checkPdfLt(ltPdf({ signatures: [bare, bare] })).unmet).toEqual([{ code: 'SIGNATURE_REASON', level: 'B', detail: 'Parašas1; Parašas2' }]);
  });
});

describe('issue 18: a file from another producer', () => {
  it('pdf-lib, PDF 1.7 without PDF/A or LTUd: no level, and every missing requirement listed', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.setTitle('Pažyma');
    const report = checkPdfLt(await doc.save());
    expect(report.level).toBe('none');
    expect(report.claimed).toBe(false);
    expect(codes(report)).toEqual([
      'NOT_PDFA2',
      'EXTENSIONS_LTUD',
      'XMP_IDENTIFIER',
      'XMP_STANDARD_VERSION',
      'XMP_AUTHORS',
      'XMP_RECIPIENTS',
      'XMP_REGISTRATION',
      'XMP_TITLE',
      'XMP_CREATOR',
      'XMP_EXTENSION_SCHEMA',
    ]);
    expect(report.unmet[0]).toEqual({ code: 'NOT_PDFA2', level: 'B', detail: 'no XMP metadata' });
  });

  it('its object streams count against the check’s budget of decoded bytes', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const report = checkPdfLt(await doc.save({ useObjectStreams: true }), { decodedBytes: 10 });
    expect(report).toEqual({ level: 'notChecked', claimed: false, unmet: [{ code: 'UNREADABLE', level: 'B', detail: expect.stringContaining('decodes to more than') }], remarks: [] });
  });
});

/** A level-A XMP packet with `extra` inside its first rdf:Description's text. */
const xmpWith = (extra: string) => ltXmp().replace('<pdfaid:part>', `${extra}<pdfaid:part>`);

describe('issue 18: hostile files are bounded in time and memory, never an exception', () => {
  it('a 20 MB XMP packet, plain or compressed, is not read: notChecked', () => {
    const huge = xmpWith(`<!--${' '.repeat(20 * 1024 * 1024)}-->`);
    const plain = timedCheck(ltPdf({ xmp: huge }));
    expect(plain).toEqual({ level: 'notChecked', claimed: false, unmet: [{ code: 'UNREADABLE', level: 'B', detail: expect.stringMatching(/^XMP: .*more than 4194304 bytes/) }], remarks: [] });
    const bomb = new Map<number, PdfObject>([[4, { value: { Type: name('Metadata'), Subtype: name('XML'), Filter: name('FlateDecode') }, stream: deflateSync(Buffer.from(huge)) }]]);
    expect(timedCheck(ltPdf({ objects: bomb })).unmet[0]?.detail).toMatch(/^XMP: .*more than 4194304 bytes/);
  });

  it('an XMP packet with a DOCTYPE (billion laughs, an external entity) or an undeclared entity is refused: notChecked', () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE x:xmpmeta [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}\n]>\n`;
    const billion = timedCheck(ltPdf({ xmp: laughs + ltXmp().replace('PDF-LT-V1.0</', '&lol9;</') }));
    expect(billion).toEqual({ level: 'notChecked', claimed: false, unmet: [{ code: 'UNREADABLE', level: 'B', detail: expect.stringContaining('document type declaration') }], remarks: [] });
    const external = timedCheck(ltPdf({ xmp: `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${ltXmp().replace('PDF-LT-V1.0</', '&xxe;</')}` }));
    expect(external.unmet[0]?.detail).toContain('document type declaration');
    expect(timedCheck(ltPdf({ xmp: ltXmp().replace('PDF-LT-V1.0</', '&xxe;</') })).unmet[0]?.detail).toBe('XMP: undeclared entity &xxe;');
  });

  it('thousands of namespace declarations (0.8 MB of them) end at once: notChecked, past 256 declarations in the packet', () => {
    const declarations = Array.from({ length: 40_000 }, (_, i) => ` xmlns:p${i}="u"`).join('');
    const xmp = ltXmp()
      .replace('<x:xmpmeta xmlns:x="adobe:ns:meta/">', `<x:xmpmeta xmlns:x="adobe:ns:meta/"${declarations}>`)
      .replace('</x:xmpmeta>', `<junk>${'<q xmlns:z="u"/>'.repeat(8000)}</junk></x:xmpmeta>`);
    const started = performance.now();
    const report = checkPdfLt(ltPdf({ xmp }));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(report).toEqual({ level: 'notChecked', claimed: false, unmet: [{ code: 'UNREADABLE', level: 'B', detail: 'XMP: more than 256 namespace declarations' }], remarks: [] });
  });

  it('Namespaces in XML 1.0 §6.1: up to 256 declarations are read, and a declaration holds only inside its element', () => {
    const declaredByPacket = ltXmp().match(/xmlns:/g)?.length ?? 0;
    const extra = (n: number) => Array.from({ length: n }, (_, i) => ` xmlns:p${i}="u"`).join('');
    const withDeclarations = (n: number) => ltPdf({ xmp: ltXmp().replace('<x:xmpmeta xmlns:x="adobe:ns:meta/">', `<x:xmpmeta xmlns:x="adobe:ns:meta/"${extra(n)}>`) });
    expect(checkPdfLt(withDeclarations(XMP_LIMITS.namespaceDeclarations - declaredByPacket)).level).toBe('A');
    expect(checkPdfLt(withDeclarations(XMP_LIMITS.namespaceDeclarations - declaredByPacket + 1)).level).toBe('notChecked');
    // LTUd rebound on LTUd:authors names another property; the next property is in LTUd again.
    const rebound = ltXmp().replace('<LTUd:authors>', '<LTUd:authors xmlns:LTUd="http://example.com/kita/">');
    expect(checkPdfLt(ltPdf({ xmp: rebound })).unmet).toEqual([{ code: 'XMP_AUTHORS', level: 'A' }]);
  });

  it('the time limit holds inside the XMP reader: it looks at the clock as it reads', () => {
    let looks = 0;
    const timeUp = new Error('the time is up');
    const checkTime = () => {
      if (++looks > 100) throw timeUp;
    };
    const packet = Buffer.from(ltXmp().replace('</x:xmpmeta>', `${'<q/>'.repeat(1000)}</x:xmpmeta>`));
    expect(() => readXmp(packet, { checkTime })).toThrow(timeUp);
    expect(looks).toBe(101);
  });

  it('a malformed XMP packet is notChecked with the reason', () => {
    expect(checkPdfLt(ltPdf({ xmp: ltXmp().replace('</x:xmpmeta>', '') })).unmet).toEqual([{ code: 'UNREADABLE', level: 'B', detail: expect.stringContaining('not well-formed') }]);
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    expect(timedCheck(ltPdf({ xmp: xmpWith(deep) })).unmet[0]?.detail).toBe('XMP: elements nested deeper than 64');
  });

  it('a page tree that loops is not a page tree: NO_PAGES, the rest still checked', () => {
    const loop = new Map<number, PdfObject>([
      [2, { value: { Type: name('Pages'), Kids: [ref(3), ref(1000)], Count: 2 } }],
      [1000, { value: { Type: name('Pages'), Kids: [ref(2)], Count: 1 } }],
    ]);
    const report = timedCheck(ltPdf({ objects: loop }));
    expect(report.unmet).toEqual([{ code: 'NO_PAGES', level: 'B', detail: 'the page tree reaches object 2 twice' }]);
  });

  it('a field tree that loops: each field read once', () => {
    const loop = new Map<number, PdfObject>([
      [1000, { value: { FT: name('Sig'), T: 'a', Kids: [ref(1001)] } }],
      [1001, { value: { T: 'b', Kids: [ref(1000)], V: ref(1002) } }],
      [1002, { value: { ...SIGNATURE, M: undefined } }],
    ]);
    const report = timedCheck(ltPdf({ signatures: [], catalog: { AcroForm: { Fields: [ref(1000)] } }, objects: loop }));
    expect(report.unmet).toEqual([{ code: 'SIGNATURE_TIME', level: 'B', detail: 'a.b' }]);
  });

  it('a field name in UTF-16 with an odd byte, and one of 10 000 characters: named, cut short, the check goes on', () => {
    const objects = new Map<number, PdfObject>([
      [1000, { value: { FT: name('Sig'), T: new Raw('<FEFF004100>'), V: ref(1002) } }],
      [1001, { value: { FT: name('Sig'), T: 'x'.repeat(10_000), V: ref(1002) } }],
      [1002, { value: { ...SIGNATURE, Reason: undefined } }],
      [1003, { value: { FT: name('Sig'), T: 'y'.repeat(10_000), V: ref(1004) } }],
      [1004, { value: { ...SIGNATURE, Name: undefined } }],
    ]);
    const report = timedCheck(ltPdf({ signatures: [], catalog: { AcroForm: { Fields: [ref(1000), ref(1001), ref(1003)] } }, objects }));
    // A signature dictionary shared by two fields is read once, under the first field's name.
    expect(report.unmet).toEqual([
      { code: 'SIGNATURE_REASON', level: 'B', detail: 'A' },
      { code: 'SIGNATURE_NAME', level: 'B', detail: `${'y'.repeat(200)}…` },
    ]);
  });

  it('100 000 annotations are all read, the last one a file attachment; past the object limit the check stops: notChecked', () => {
    const annotations = Array.from({ length: 100_000 }, (_, i) => ({ Subtype: name(i === 99_999 ? 'FileAttachment' : 'Text') }));
    const file = ltPdf({ annotations });
    expect(timedCheck(file).unmet).toEqual([{ code: 'EMBEDDED_FILES', level: 'B', detail: 'FileAttachment, page 1' }]);
    expect(timedCheck(file, { objects: 1_000 })).toEqual({ level: 'notChecked', claimed: true, unmet: [{ code: 'UNREADABLE', level: 'B', detail: 'more than 1000 objects to read' }], remarks: [] });
  });

  it('a catalog that is a reference to a reference, in a loop: notChecked', () => {
    const objects = new Map<number, PdfObject>([
      [1, { value: new Raw('2 0 R') }],
      [2, { value: new Raw('1 0 R') }],
    ]);
    expect(timedCheck(pdfFile(objects))).toEqual({ level: 'notChecked', claimed: false, unmet: [{ code: 'UNREADABLE', level: 'B', detail: 'a chain of more than 32 references (object 1)' }], remarks: [] });
  });

  it('garbage, an empty file and a truncated file: notChecked with the reason', () => {
    for (const bytes of [randomBytes(200_000), new Uint8Array(0), ltPdf().subarray(0, 600)]) {
      const report = timedCheck(bytes);
      expect(report.level).toBe('notChecked');
      expect(report.unmet).toEqual([{ code: 'UNREADABLE', level: 'B', detail: expect.any(String) }]);
    }
  });

  it('the time limit is a backstop: past it the check stops with the reason', () => {
    expect(checkPdfLt(ltPdf(), { milliseconds: -1 }).unmet).toEqual([{ code: 'UNREADABLE', level: 'B', detail: 'the check took longer than -1 ms' }]);
  });
});
