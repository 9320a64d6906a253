import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/services/pdf/pdfWriter';
import type { DocumentModel } from '../../shared/domain/documents/documentModel';
import { buildDocument, type TemplateRequest } from '../../shared/domain/documents/templates';
import { EVERY_KIND } from '../helpers/documents';
import { pdftotext, preflightPartTwo, qpdfCheck } from '../helpers/pdfTools';

/**
 * Every kind of document (DESIGN §1, V-77 p. 9–16, 45–47, seed 001) written as PDF and read back by the tools a
 * reader would use: pdftotext must give back each text of the model exactly (Lithuanian letters,
 * „quotes“), PDFBox preflight must accept it (issue 18: PDF/A-2b, checked on its part-1 copy, see
 * pdfTools.ts partOneCopy), qpdf must find no errors.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');

/** The texts a reader must find: every paragraph, item, cell and line of the model. */
function texts(model: DocumentModel): string[] {
  const out = [model.institution.toLocaleUpperCase('lt'), model.title, model.place, ...(model.addressees ?? []), ...model.annexes];
  if (model.documentType !== '') out.push(model.documentType);
  for (const b of model.body) {
    if (b.kind === 'paragraph' || b.kind === 'heading') out.push(b.text);
    else if (b.kind === 'numbered') out.push(...b.items.map((i) => i.text));
    else out.push(...b.rows.flat().flatMap((c) => c.split(' '))); // a cell wraps inside its column, word by word
  }
  for (const s of model.signatures) out.push(s.position, s.name);
  return out;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('every generated document is readable, exact and PDF/A-2b (issues 6, 18)', () => {
  it.each(EVERY_KIND.map((r) => [r.kind === 'proposal' ? `proposal ${r.sources.commission.decision}` : r.kind, r] as const))('%s', async (_name, request) => {
    const model = buildDocument(request, 'X-1', '2026-11-23');
    const pdf = await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: model.templateVersion, producer: 'Pusiaukelė' }, FONTS);
    const text = flat(pdftotext(pdf.bytes));
    for (const t of texts(model)) expect(text).toContain(flat(t));
    expect(text).toContain('2026 m. lapkričio 23 d. Nr. X-1');
    expect(pdf.slots.map((s) => s.role)).toEqual(model.signatures.map((s) => s.role));
    expect(preflightPartTwo(pdf.bytes).out).toContain('is a valid PDF/A-1b file');
    expect(qpdfCheck(pdf.bytes).status).toBe(0);
  });

  it('refuses text the embedded fonts cannot show, naming the characters, rather than print blanks', async () => {
    const model = buildDocument(EVERY_KIND[6] as TemplateRequest, null, '2026-11-23');
    const withCjk = { ...model, body: [...model.body, { kind: 'paragraph' as const, text: 'Pastaba: 東京' }] };
    await expect(renderPdf(withCjk, { createdAt: new Date(), id: 'x', producer: 'Pusiaukelė' }, FONTS)).rejects.toMatchObject({ code: 'DOCUMENT_CHARACTERS' });
  });
});
