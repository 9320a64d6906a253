import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignatureSlot } from '../../electron/services/pdf/layout';
import { FIXED, renderPdf, type RenderedPdf } from '../../electron/services/pdf/pdfWriter';
import { ParsedRef, readObject, readRevision, type ParsedDict } from '../../electron/services/pdf/pdfSyntax';
import { changesAfter } from '../../electron/services/signing/pdfChanges';
import { verifyPdf } from '../../electron/services/signing/pdfVerify';
import { buildDocument } from '../../shared/domain/documents/templates';
import { fileOf, nssDatabase, pdfsig, qpdfCheck } from '../helpers/pdfTools';
import { P12_PASSWORD, testPki, type TestPki } from '../helpers/pki';
import { signatureRanges, signInSlot } from '../helpers/verificationPki';
import { appendUpdate, nssSigner, popplerSign, type NssSigner } from '../helpers/popplerSigner';
import { institution, meeting } from '../unit/domain/documents/fixtures';

/**
 * Issue 12: files signed by other software verify too. The app and poppler's `pdfsig -add-signature`
 * sign the same minutes in turns; poppler writes its revision with a classic table after a table and
 * with a cross-reference stream after a stream, the app does the same after poppler, and each
 * signature stays valid for pdfsig, while the changes after each signature are only signatures.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
let pki: TestPki;
let doc: RenderedPdf;
let poppler: NssSigner;
let trusting: string;

const appSign = (pdf: Uint8Array, slot: SignatureSlot) => signInSlot(pdf, slot, 'ecdsa');

const ranges = signatureRanges;

/** For each signature in file order: the kinds of change after it, and the overlays. */
function afterEach(buf: Buffer): { kinds: string[]; overlays: number }[] {
  const all = ranges(buf);
  return all.map((r) => {
    const [, , c, d] = r.split(' ').map(Number);
    const result = changesAfter(buf, (c as number) + (d as number), new Set(all));
    return { kinds: [...new Set(result.changes.map((x) => x.kind))].sort(), overlays: result.overlays.length };
  });
}

/** pdfsig's verdict per signature: "Signature is Valid." (with the test CA trusted). */
function popplerVerdicts(buf: Buffer): string[] {
  const { out } = pdfsig(buf, trusting);
  return [...out.matchAll(/Signature Validation: (.*)/g)].map((m) => (m[1] as string).trim());
}

/** The app's own verdict per signature and on the document, with the test CA trusted. */
function appVerdicts(buf: Buffer): string[] {
  const check = verifyPdf(buf, { trusted: [pki.ca.certificate] });
  return [...check.signatures.map((s) => s.indication), `document ${check.indication}`];
}

const allPassed = (n: number) => [...Array.from({ length: n }, () => 'TOTAL_PASSED'), 'document TOTAL_PASSED'];

const onlySignatures = (n: number) => Array.from({ length: n }, (_, i) => ({ kinds: i === n - 1 ? [] : ['signature'], overlays: 0 }));

beforeAll(async () => {
  pki = testPki();
  poppler = nssSigner(pki.rsa.p12, P12_PASSWORD);
  trusting = nssDatabase(readFileSync(pki.ca.certPath, 'utf8'));
  const model = buildDocument({ kind: 'minutes', sources: { institution, meeting } }, 'DK-1', '2026-11-20');
  doc = await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: 'interop', producer: 'Pusiaukelė' }, FONTS);
});

describe('the app and poppler sign in turns', () => {
  it('app, then pdfsig, then the app again: classic sections, every signature valid, only signatures after each', async () => {
    const chair = await appSign(doc.bytes, doc.slots[0] as SignatureSlot);
    const withPoppler = popplerSign(chair, poppler, { reason: 'Susipažinau' });
    const secretary = await appSign(withPoppler, doc.slots[1] as SignatureSlot);
    for (const stage of [chair, withPoppler, secretary]) {
      const rev = readRevision(stage);
      expect(rev.xrefStream).toBe(false);
      expect(readObject(stage, rev, (rev.trailer.get('Root') as ParsedRef).num)).toBeInstanceOf(Map);
    }
    expect(popplerVerdicts(secretary)).toEqual(['Signature is Valid.', 'Signature is Valid.', 'Signature is Valid.']);
    expect(appVerdicts(secretary)).toEqual(allPassed(3));
    expect(qpdfCheck(secretary).out).toMatch(/No syntax or stream encoding errors/);
    expect(afterEach(secretary)).toEqual(onlySignatures(3));
    // Poppler's revision: its signature field on the first page, invisible, in an /Annots array of its own.
    const popplerChanges = changesAfter(withPoppler, ranges(withPoppler)[0]!.split(' ').map(Number).slice(2).reduce((a, b) => a + b), new Set(ranges(withPoppler)));
    expect(popplerChanges.changes).toEqual([expect.objectContaining({ kind: 'signature', page: 0 })]);
  });

  it('the app signs on a page where poppler keeps an indirect /Annots array, and keeps poppler’s widget', async () => {
    const chair = await appSign(doc.bytes, doc.slots[0] as SignatureSlot);
    const withPoppler = popplerSign(chair, poppler);
    const before = readRevision(withPoppler);
    const page0 = readObject(withPoppler, before, FIXED.firstPage) as ParsedDict;
    expect(page0.get('Annots')).toBeInstanceOf(ParsedRef);
    const popplerWidgets = (readObject(withPoppler, before, (page0.get('Annots') as ParsedRef).num) as ParsedRef[]).map((r) => r.num);
    // A stamp in the bottom margin of the first page, clear of the text.
    const margin: SignatureSlot = { ...(doc.slots[1] as SignatureSlot), page: 0, rect: [300, 8, 450, 48] };
    const signed = await appSign(withPoppler, margin);
    const rev = readRevision(signed);
    const annots = (readObject(signed, rev, FIXED.firstPage) as ParsedDict).get('Annots') as ParsedRef[];
    expect(annots.map((r) => r.num)).toEqual([...popplerWidgets, (before.trailer.get('Size') as number) + 1]);
    expect(popplerVerdicts(signed)).toEqual(['Signature is Valid.', 'Signature is Valid.', 'Signature is Valid.']);
    expect(appVerdicts(signed)).toEqual(allPassed(3));
    expect(afterEach(signed)).toEqual(onlySignatures(3));
  });

  it('after an update with a cross-reference stream, pdfsig and the app each append one, and all stays valid', async () => {
    const chair = await appSign(doc.bytes, doc.slots[0] as SignatureSlot);
    const size = readRevision(chair).trailer.get('Size') as number;
    const cert = Buffer.from(pki.ecdsa.certificate).toString('latin1');
    const catalog = readObject(chair, readRevision(chair), FIXED.catalog) as ParsedDict;
    expect(catalog.get('AcroForm')).toBeInstanceOf(Map);
    // Long-term validation material added the way iText does it: a DSS, in an object stream.
    const withDss = appendUpdate(
      chair,
      {
        [FIXED.catalog]: `<</Type /Catalog /Pages ${FIXED.pages} 0 R /Metadata ${FIXED.metadata} 0 R /OutputIntents [${FIXED.outputIntent} 0 R] /Lang (lt-LT) /AcroForm <</Fields [${size - 2} 0 R] /SigFlags 3>> /DSS ${size} 0 R>>`,
        [size]: `<</Certs [${size + 1} 0 R]>>`,
        [size + 1]: `<</Length ${cert.length}>>\nstream\n${cert}\nendstream`,
      },
      { xrefStream: true },
    );
    const withPoppler = popplerSign(withDss, poppler);
    const secretary = await appSign(withPoppler, doc.slots[1] as SignatureSlot);
    for (const stage of [withDss, withPoppler, secretary]) expect(readRevision(stage).xrefStream).toBe(true);
    expect(popplerVerdicts(secretary)).toEqual(['Signature is Valid.', 'Signature is Valid.', 'Signature is Valid.']);
    expect(appVerdicts(secretary)).toEqual(allPassed(3));
    expect(qpdfCheck(secretary).out).toMatch(/No syntax or stream encoding errors/);
    expect(afterEach(secretary)).toEqual([
      { kinds: ['dss', 'signature'], overlays: 0 },
      { kinds: ['signature'], overlays: 0 },
      { kinds: [], overlays: 0 },
    ]);
  });

  it('a document saved with object streams (qpdf), then signed twice by pdfsig', () => {
    const input = fileOf(doc.bytes);
    const packedPath = input.replace(/\.pdf$/, '-packed.pdf');
    execFileSync('qpdf', ['--object-streams=generate', input, packedPath]);
    const packed = readFileSync(packedPath);
    expect(readRevision(packed).compressed.size).toBeGreaterThan(0);
    const twice = popplerSign(popplerSign(packed, poppler, { reason: 'Pirmas' }), poppler);
    const rev = readRevision(twice);
    expect(rev.xrefStream).toBe(true);
    expect(readObject(twice, rev, (rev.trailer.get('Root') as ParsedRef).num)).toBeInstanceOf(Map);
    expect(popplerVerdicts(twice)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(appVerdicts(twice)).toEqual(allPassed(2));
    expect(afterEach(twice)).toEqual(onlySignatures(2));
  });
});
