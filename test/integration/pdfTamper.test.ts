import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/services/pdf/pdfWriter';
import { readRevision } from '../../electron/services/pdf/pdfSyntax';
import { signPdf } from '../../electron/services/signing/pdfSignature';
import { openPkcs12 } from '../../electron/services/signing/pkcs12';
import { verifyPdf } from '../../electron/services/signing/pdfVerify';
import { buildDocument } from '../../shared/domain/documents/templates';
import { P12_PASSWORD, testPki, type TestPki } from '../helpers/pki';
import { caseHere, institution } from '../unit/domain/documents/fixtures';

/**
 * Issue 6: "whether the document changed since" must not be fooled. A signed file is changed the way
 * an attacker would — an incremental update after the signature that rewrites a page, the metadata,
 * lays a fake signature field over the text, or copies the signature dictionary under another
 * name — and the app's verification must say so. A malformed file must not hang it.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
let pki: TestPki;
let signed: Buffer;

/** Appends an incremental update replacing or adding the given objects (`num` → body). */
function appendRevision(pdf: Buffer, objects: Record<number, string>): Buffer {
  const rev = readRevision(pdf);
  const size = rev.trailer.get('Size') as number;
  const root = rev.trailer.get('Root') as { num: number };
  const parts: Buffer[] = [pdf, Buffer.from('\n')];
  let at = pdf.length + 1;
  const offsets: [number, number][] = [];
  for (const [num, body] of Object.entries(objects)) {
    const bytes = Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1');
    offsets.push([Number(num), at]);
    parts.push(bytes);
    at += bytes.length;
  }
  const xref = offsets.map(([num, off]) => `xref\n${num} 1\n${String(off).padStart(10, '0')} 00000 n\r\n`).join('').replace(/\nxref\n/g, '\n');
  const maxNum = Math.max(size - 1, ...offsets.map(([n]) => n));
  parts.push(Buffer.from(`${xref}trailer\n<</Size ${maxNum + 1} /Root ${root.num} 0 R /Prev ${rev.startxref}>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

beforeAll(async () => {
  pki = testPki();
  const model = buildDocument({ kind: 'order', sources: { institution, case: caseHere, proposal: { date: '2026-11-20', number: 'DKS-1' }, minutes: { date: '2026-11-20', number: 'DK-1' } } }, 'V-1', '2026-11-23');
  const pdf = await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: 'tamper', producer: 'Pusiaukelė' }, FONTS);
  const signer = openPkcs12(pki.rsa.p12, P12_PASSWORD);
  try {
    signed = Buffer.from(await signPdf(pdf.bytes, { signer, slot: pdf.slots[0]!, signerName: 'Ąžuolas Žėkas', position: 'Direktorė', at: new Date(), fontsDir: FONTS }));
  } finally {
    await signer.close();
  }
});

const check = (bytes: Buffer) => verifyPdf(bytes, { trusted: [pki.ca.certificate] }).signatures;

describe('verification is not fooled by changes after the signature (issue 6)', () => {
  it('the signed file itself: one valid signature over the whole file', () => {
    expect(check(signed).map((s) => [s.after, s.valid])).toEqual([['unchanged', true]]);
  });

  it('a page content stream rewritten in a later revision (even one calling itself an XObject) is a change', () => {
    const content = 20; // the first page's content stream (objects 19–20: page, content)
    const stream = 'BT /F1 12 Tf 100 700 Td <0001> Tj ET';
    const tampered = appendRevision(signed, { [content]: `<</Type /XObject /Length ${stream.length}>>\nstream\n${stream}\nendstream` });
    expect(check(tampered).map((s) => [s.after, s.valid])).toEqual([['changed', false]]);
  });

  it('the document information rewritten is a change', () => {
    const tampered = appendRevision(signed, { 17: '<</Type /Sig /Title (Suklastotas)>>' });
    expect(check(tampered)[0]?.after).toBe('changed');
  });

  it('a fake signature field laid over the text, with no signature behind it, is a change', () => {
    const rev = readRevision(signed);
    const size = rev.trailer.get('Size') as number;
    const page = 19; // the first page (objects 19–20: page, content)
    const pageDict = signed.toString('latin1', rev.offsets.get(page)!, signed.indexOf('endobj', rev.offsets.get(page)!, 'latin1'));
    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(pageDict)?.[1] ?? '';
    const body = pageDict.replace(/^\d+ 0 obj\s*/, '').replace(/\/Annots\s*\[[^\]]*\]/, '');
    const tampered = appendRevision(signed, {
      [page]: body.replace(/>>\s*$/, ` /Annots [${annots} ${size} 0 R]>>`),
      [size]: `<</Type /Annot /Subtype /Widget /FT /Sig /T (Netikras) /Rect [0 0 595 842] /F 4 /P ${page} 0 R /AP <</N ${size + 1} 0 R>>>>`,
      [size + 1]: '<</Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length 20>>\nstream\n1 g 0 0 595 842 re f\nendstream',
    });
    const [s] = check(tampered);
    expect(s?.after).toBe('changed');
    expect(s?.overlaidPages).toEqual([0]);
    expect([s?.indication, s?.subIndication]).toEqual(['FAILED', 'FORMAT_FAILURE']);
  });

  it('a copy of the signature dictionary under another name does not count as a second signature', () => {
    const rev = readRevision(signed);
    const size = rev.trailer.get('Size') as number;
    const range = /\/ByteRange\s*\[[^\]]*\]/.exec(signed.toString('latin1'))![0];
    const tampered = appendRevision(signed, { [size]: `<</Type /Sig /Name (Apsimetėlis) ${range} /Contents <00>>>` });
    const signatures = check(tampered);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]?.name).toBe('Ąžuolas Žėkas');
  });

  it('a malformed cross-reference section after the signature neither hangs nor passes', () => {
    const start = signed.length + 1;
    const tampered = Buffer.concat([signed, Buffer.from(`\nxref\nfoo\nstartxref\n${start}\n%%EOF\n`)]);
    expect(check(tampered)[0]?.after).toBe('changed');
    const huge = Buffer.concat([signed, Buffer.from(`\nxref\n0 99999999\nstartxref\n${start}\n%%EOF\n`)]);
    expect(check(huge)[0]?.after).toBe('changed');
  });

  it('a signature whose certificate does not chain to a trusted root is intact but not valid', () => {
    const [s] = verifyPdf(signed, { trusted: [pki.otherCa.certificate] }).signatures;
    expect(s).toMatchObject({ after: 'unchanged', valid: false });
    expect(s?.cms).toMatchObject({ intact: true, trusted: false });
  });
});
