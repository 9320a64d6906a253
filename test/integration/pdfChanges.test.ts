import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignatureSlot } from '../../electron/services/pdf/layout';
import { encodeText, textWidth } from '../../electron/services/pdf/fonts';
import { FIXED, preparedFaces, renderPdf, type RenderedPdf } from '../../electron/services/pdf/pdfWriter';
import {
  ParsedRef,
  readObject,
  readRevision,
  readStream,
  reserialize,
  serialize,
  Raw,
  type Parsed,
  type ParsedDict,
  type PdfValue,
} from '../../electron/services/pdf/pdfSyntax';
import { changesAfter, type ChangesAfter } from '../../electron/services/signing/pdfChanges';
import { paintedBoxes, Unbounded, type ObjectSource } from '../../electron/services/signing/pdfContent';
import { buildDocument } from '../../shared/domain/documents/templates';
import { testPki, type TestPki } from '../helpers/pki';
import { signatureRanges, signInSlot } from '../helpers/verificationPki';
import { appendUpdate, type UpdateObjects } from '../helpers/popplerSigner';
import { institution, meeting } from '../unit/domain/documents/fixtures';

/**
 * Issue 12: what changed after a signature, classified as the EU's DSS validator does (another
 * signature, DSS, document timestamp, form fill, annotation, undefined), and whether anything added
 * later paints over what a signed page showed. Real minutes (three pages, the chair's and the
 * secretary's signature lines) signed by the app, then changed as signers and attackers would, in
 * classic updates and in updates with cross-reference and object streams.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
let pki: TestPki;
let doc: RenderedPdf;
/** The minutes signed by the chair, then by the secretary. */
let once: Buffer;
let twice: Buffer;

const sign = (pdf: Uint8Array, slot: SignatureSlot) => signInSlot(pdf, slot, 'rsa');

const ranges = signatureRanges;

const endOf = (range: string) => {
  const [, , c, d] = range.split(' ').map(Number);
  return (c as number) + (d as number);
};

/** What changed after the first signature, every signature in the file counting as intact. */
function afterFirst(buf: Buffer, intact: Iterable<string> = ranges(buf)): ChangesAfter {
  return changesAfter(buf, endOf(ranges(buf)[0] as string), new Set(intact));
}

/** An object of the file re-serialised with some entries replaced (values as PDF text). */
function withEntries(buf: Buffer, num: number, entries: Record<string, string>): string {
  const value = reserialize(readObject(buf, readRevision(buf), num) as ParsedDict) as Record<string, PdfValue>;
  for (const [k, v] of Object.entries(entries)) value[k] = new Raw(v);
  return serialize(value);
}

const size = (buf: Buffer) => readRevision(buf).trailer.get('Size') as number;
const PAGE0 = FIXED.firstPage;
/** A band across the middle of the first page, where the minutes have text. */
const OVER_TEXT = '[85 400 560 440]';
/** The bottom left corner, inside the margin, where nothing is painted. */
const IN_MARGIN = '[5 5 25 25]';

beforeAll(async () => {
  pki = testPki();
  const model = buildDocument({ kind: 'minutes', sources: { institution, meeting } }, 'DK-1', '2026-11-20');
  doc = await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: 'changes', producer: 'Pusiaukelė' }, FONTS);
  expect(doc.slots.map((s) => s.role)).toEqual(['chair', 'secretary']);
  once = await sign(doc.bytes, doc.slots[0] as SignatureSlot);
  twice = await sign(once, doc.slots[1] as SignatureSlot);
});

describe('signatures after a signature', () => {
  it('the secretary signing after the chair is one more signature, painting over nothing', () => {
    const result = afterFirst(twice);
    expect(result.overlays).toEqual([]);
    expect(result.changes).toEqual([{ kind: 'signature', object: size(once) + 1, page: (doc.slots[1] as SignatureSlot).page, detail: `signature field ${size(once) + 1}` }]);
    expect(changesAfter(twice, twice.length, new Set(ranges(twice)))).toEqual({ changes: [], overlays: [] });
  });

  it('takes a few milliseconds on the two-signature minutes', () => {
    const end = endOf(ranges(twice)[0] as string);
    const set = new Set(ranges(twice));
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      changesAfter(twice, end, set);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.info(`changesAfter on the two-signature minutes: median ${(times[15] as number).toFixed(2)} ms`);
    expect(times[15]).toBeLessThan(15);
  });

  it('a later signature whose stamp paints over the signed text is a visible change', async () => {
    const slot = doc.slots[1] as SignatureSlot;
    const attack = await sign(once, { ...slot, page: 0, rect: [85, 400, 300, 440] });
    const result = afterFirst(attack);
    expect(result.changes.map((c) => c.kind)).toEqual(['signature']);
    expect(result.overlays).toEqual([{ page: 0, rect: [85, 400, 300, 440], object: size(once) + 1 }]);
  });

  it('a later signature stamped over the earlier one overlays it, though the place is clear of text', async () => {
    const slot = doc.slots[0] as SignatureSlot;
    const result = afterFirst(await sign(once, slot));
    expect(result.overlays.map((o) => ({ ...o, rect: o.rect.map(Math.round) }))).toEqual([{ page: slot.page, rect: slot.rect.map(Math.round), object: size(once) + 1 }]);
  });

  it('a signature that is not intact is not a signature', () => {
    const [first] = ranges(twice);
    const result = afterFirst(twice, [first as string]);
    expect(result.changes.map((c) => c.kind)).toEqual(['undefined']);
    expect(result.changes[0]?.detail).toMatch(/not intact/);
  });
});

describe.each([
  ['classic cross-reference sections', false],
  ['cross-reference and object streams', true],
])('other changes after a signature, in updates with %s', (_label, xrefStream) => {
  const update = (objects: UpdateObjects) => appendUpdate(once, objects, { xrefStream });

  it('the page content rewritten is an undefined change', () => {
    const stream = 'BT /F1 12 Tf 100 700 Td <0001> Tj ET';
    const result = afterFirst(update({ [PAGE0 + 1]: `<</Length ${stream.length}>>\nstream\n${stream}\nendstream` }));
    expect(result.changes.every((c) => c.kind === 'undefined' && c.object === PAGE0 + 1 && c.page === 0)).toBe(true);
    expect(result.changes.map((c) => c.detail)).toContain('Pages/Kids/Contents modified (stream data)');
  });

  it('a page pointed at other content is an undefined change', () => {
    const result = afterFirst(update({ [PAGE0]: withEntries(once, PAGE0, { Contents: `${PAGE0 + 3} 0 R` }) }));
    expect(new Set(result.changes.map((c) => `${c.kind} ${c.page}`))).toEqual(new Set(['undefined 0']));
  });

  it('a new annotation over the text is an annotation change and an overlay', () => {
    const n = size(once);
    const result = afterFirst(
      update({
        [PAGE0]: withEntries(once, PAGE0, { Annots: `[${n} 0 R]` }),
        [n]: `<</Type /Annot /Subtype /FreeText /Rect ${OVER_TEXT} /F 4 /Contents (Pakeista) /DA (/Helv 12 Tf 0 g)>>`,
      }),
    );
    expect(result.changes).toEqual([{ kind: 'annotation', object: n, page: 0, detail: `FreeText ${n} added` }]);
    expect(result.overlays).toEqual([{ page: 0, rect: [85, 400, 560, 440], object: n }]);
  });

  it('a new annotation in the empty margin is an annotation change without an overlay; a hidden one over the text neither', () => {
    const n = size(once);
    const square = (rect: string, flags: number) => `<</Type /Annot /Subtype /Square /Rect ${rect} /F ${flags} /AP <</N ${n + 2} 0 R>>>>`;
    const result = afterFirst(
      update({
        [PAGE0]: withEntries(once, PAGE0, { Annots: `[${n} 0 R ${n + 1} 0 R]` }),
        [n]: square(IN_MARGIN, 4),
        [n + 1]: square(OVER_TEXT, 4 | 2),
        [n + 2]: '<</Type /XObject /Subtype /Form /BBox [0 0 20 20] /Length 15>>\nstream\n0 0 20 20 re f\nendstream',
      }),
    );
    expect(result.changes.map((c) => [c.kind, c.object])).toEqual([
      ['annotation', n],
      ['annotation', n + 1],
    ]);
    expect(result.overlays).toEqual([]);
  });

  it('a DSS dictionary added (certificates for long-term validation) is a DSS change', () => {
    const n = size(once);
    const cert = Buffer.from(pki.ca.certificate).toString('latin1');
    const result = afterFirst(
      update({
        [FIXED.catalog]: withEntries(once, FIXED.catalog, { DSS: `${n} 0 R` }),
        [n]: `<</Type /DSS /Certs [${n + 1} 0 R] /VRI <<>>>>`,
        [n + 1]: `<</Length ${cert.length}>>\nstream\n${cert}\nendstream`,
      }),
    );
    expect(result).toEqual({ changes: [{ kind: 'dss', object: n, detail: 'DSS created' }], overlays: [] });
  });

  it('a document timestamp is a document timestamp change, if its byte range is an intact one', () => {
    const n = size(once);
    const range = `0 10 20 ${once.length + 400}`;
    const buf = update({
      [PAGE0]: withEntries(once, PAGE0, { Annots: `[${n} 0 R]` }),
      [FIXED.catalog]: withEntries(once, FIXED.catalog, { AcroForm: `<</Fields [${size(Buffer.from(doc.bytes)) + 1} 0 R ${n} 0 R] /SigFlags 3>>` }),
      [n]: `<</Type /Annot /Subtype /Widget /FT /Sig /T (Laikas) /Rect [0 0 0 0] /F 132 /P ${PAGE0} 0 R /V ${n + 1} 0 R>>`,
      [n + 1]: `<</Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [${range}] /Contents <00>>>`,
    });
    const first = ranges(once)[0] as string;
    expect(afterFirst(buf, [first, range])).toEqual({ changes: [{ kind: 'documentTimestamp', object: n, page: 0, detail: `document timestamp field ${n}` }], overlays: [] });
    expect(afterFirst(buf, [first]).changes.some((c) => c.kind === 'undefined' && /not intact/.test(c.detail))).toBe(true);
  });

  it('a new signature field pointing at the earlier signature adds no signature', () => {
    const n = size(once);
    const firstSignature = size(Buffer.from(doc.bytes));
    const result = afterFirst(
      update({
        [PAGE0]: withEntries(once, PAGE0, { Annots: `[${n} 0 R]` }),
        [n]: `<</Type /Annot /Subtype /Widget /FT /Sig /T (Kopija) /Rect ${IN_MARGIN} /F 4 /P ${PAGE0} 0 R /V ${firstSignature} 0 R>>`,
      }),
    );
    expect(result.changes).toEqual([{ kind: 'undefined', object: n, page: 0, detail: `signature field ${n} pointing at an earlier signature` }]);
  });

  it('XMP metadata rewritten is a metadata change; the document information rewritten is undefined', () => {
    const xmp = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"/><?xpacket end="w"?>';
    const metadata = afterFirst(update({ [FIXED.metadata]: `<</Type /Metadata /Subtype /XML /Length ${xmp.length}>>\nstream\n${xmp}\nendstream` }));
    expect(new Set(metadata.changes.map((c) => c.kind))).toEqual(new Set(['metadata']));
    const info = afterFirst(update({ [FIXED.info]: '<</Title (Suklastotas)>>' }));
    expect(new Set(info.changes.map((c) => c.kind))).toEqual(new Set(['undefined']));
  });
});

describe('form fill', () => {
  it('a value and appearance given to a form field after the signature is a form fill change', async () => {
    // A text field in the margin, in the document before it is signed.
    const base = Buffer.from(doc.bytes);
    const n = size(base);
    const withField = appendUpdate(base, {
      [PAGE0]: withEntries(base, PAGE0, { Annots: `[${n} 0 R]` }),
      [FIXED.catalog]: withEntries(base, FIXED.catalog, { AcroForm: `<</Fields [${n} 0 R] /DA (/F1 10 Tf 0 g)>>` }),
      [n]: `<</Type /Annot /Subtype /Widget /FT /Tx /T (Pastaba) /Rect ${IN_MARGIN} /F 4 /P ${PAGE0} 0 R>>`,
    });
    const signed = await sign(withField, doc.slots[0] as SignatureSlot);
    const m = size(signed);
    const filled = appendUpdate(signed, {
      [n]: `<</Type /Annot /Subtype /Widget /FT /Tx /T (Pastaba) /Rect ${IN_MARGIN} /F 4 /P ${PAGE0} 0 R /V (Taip) /AP <</N ${m} 0 R>>>>`,
      [m]: '<</Type /XObject /Subtype /Form /BBox [0 0 20 20] /Length 38>>\nstream\nBT /F1 10 Tf 2 5 Td <0001> Tj ET      \nendstream',
    });
    const result = afterFirst(filled);
    expect(new Set(result.changes.map((c) => c.kind))).toEqual(new Set(['formFill']));
    expect(result.changes.every((c) => c.object === n && c.page === 0)).toBe(true);
    expect(result.overlays).toEqual([]);
  });
});

describe('large and cyclic structures', () => {
  it('a signed document with twenty thousand chained outline items, one of them looping back, is walked without exhausting the stack', async () => {
    const base = Buffer.from(doc.bytes);
    const n = size(base);
    const count = 20_000;
    const items: UpdateObjects = { [FIXED.catalog]: withEntries(base, FIXED.catalog, { Outlines: `${n} 0 R` }), [n]: `<</Type /Outlines /First ${n + 1} 0 R /Count ${count}>>` };
    for (let i = 1; i <= count; i++) {
      // The last item's /Next points back to the first: a cycle.
      items[n + i] = `<</Title (Punktas ${i}) /Parent ${n} 0 R /Next ${i < count ? n + i + 1 : n + 1} 0 R /Dest [${PAGE0} 0 R /Fit]>>`;
    }
    const signedOnce = await sign(appendUpdate(base, items), doc.slots[0] as SignatureSlot);
    const signedTwice = await sign(signedOnce, doc.slots[1] as SignatureSlot);
    const started = performance.now();
    const result = afterFirst(signedTwice);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result).toEqual({ changes: [expect.objectContaining({ kind: 'signature' })], overlays: [] });
  });
});

describe('input that cannot be compared', () => {
  it('garbage after the signature is one undefined change, at once', () => {
    const started = performance.now();
    const result = afterFirst(Buffer.concat([once, Buffer.from('\nxref\n0 99999999\nstartxref\n1\n%%EOF\n')]));
    expect(result.changes).toEqual([{ kind: 'undefined', detail: expect.stringMatching(/^the revisions cannot be compared: PDF: /) }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('where a page paints (the ground for overlays)', () => {
  /** The unsigned minutes' objects, and the resources their pages use. */
  const source = (): { objects: ObjectSource; resources: ParsedDict } => {
    const buf = Buffer.from(doc.bytes);
    const rev = readRevision(buf);
    const objects: ObjectSource = {
      resolve: (v: Parsed | undefined) => (v instanceof ParsedRef ? readObject(buf, rev, v.num) : v),
      stream: (v: Parsed | undefined) => (v instanceof ParsedRef ? readStream(buf, rev, v.num) : null),
    };
    return { objects, resources: (readObject(buf, rev, FIXED.pages) as ParsedDict).get('Resources') as ParsedDict };
  };
  const boxes = (content: string) => {
    const { objects, resources } = source();
    return paintedBoxes(Buffer.from(content, 'latin1'), resources, objects);
  };

  it('bounds text by the font’s widths and its bounding box, under the text and graphics matrices', async () => {
    const face = (await preparedFaces(FONTS)).regular;
    const text = 'Posėdžio protokolas';
    const [box] = boxes(`BT /F1 12 Tf 100 700 Td ${encodeText(face, text)} Tj ET`);
    expect(box?.[0]).toBeCloseTo(100, 3);
    expect(box?.[2]).toBeCloseTo(100 + textWidth(face, text, 12), 2);
    expect(box?.[1]).toBeLessThan(700);
    expect(box?.[3]).toBeGreaterThan(708);
    expect(box?.[3]).toBeLessThan(716);
    // Twice the size through the CTM, moved by Tm; a TJ kerning of -1000 adds one em.
    const [scaled] = boxes(`q 2 0 0 2 0 0 cm BT /F1 6 Tf 1 0 0 1 50 350 Tm ${encodeText(face, text)} Tj ET Q`);
    expect(scaled?.[0]).toBeCloseTo(100, 3);
    expect(scaled?.[2]).toBeCloseTo(100 + textWidth(face, text, 12), 2);
    const [kerned] = boxes(`BT /F1 12 Tf 100 700 Td [${encodeText(face, text)} -1000 ${encodeText(face, 'a')}] TJ ET`);
    expect(kerned?.[2]).toBeCloseTo(100 + textWidth(face, text, 12) + 12 + textWidth(face, 'a', 12), 2);
  });

  it('bounds paths, images and graphics states saved and restored', () => {
    expect(boxes('q 2 0 0 2 10 10 cm 0 0 10 10 re f Q 0 0 5 5 re f 1 1 m 9 9 l n')).toEqual([
      [10, 10, 30, 30],
      [0, 0, 5, 5],
    ]);
    expect(boxes('4 w 10 10 m 20 10 l S')).toEqual([[8, 8, 22, 12]]);
    expect(boxes('q 50 0 0 20 100 100 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q')).toEqual([[100, 100, 150, 120]]);
  });

  it('refuses to bound what it cannot: an unknown font, a shading', () => {
    expect(() => boxes('BT /F9 12 Tf 100 700 Td <0001> Tj ET')).toThrow(Unbounded);
    expect(() => boxes('/Sh0 sh')).toThrow(Unbounded);
  });
});
