import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/services/pdf/pdfWriter';
import type { DocumentModel } from '../../shared/domain/documents/documentModel';
import { buildDocument, type TemplateRequest } from '../../shared/domain/documents/templates';
import { periodStatistics } from '../../shared/domain/statistics';
import { pdftotext, preflight, qpdfCheck } from '../helpers/pdfTools';
import {
  caseElsewhere,
  caseHere,
  commissionDecision,
  favourableEvaluation,
  HALFWAY_HOUSE,
  institution,
  meeting,
  REFUSAL_RATIONALE,
  unfavourableEvaluation,
} from '../unit/domain/documents/fixtures';

/**
 * Every kind of document (DESIGN §1, V-77 p. 9–16, 45–47, seed 001) written as PDF and read back by the tools a
 * reader would use: pdftotext must give back each text of the model exactly (Lithuanian letters,
 * „quotes“), PDFBox preflight must accept it as PDF/A-1b, qpdf must find no errors.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
const ref = { date: '2026-11-20', number: 'DKS-7' };
const employee = { name: 'Tomas Šaulys', position: 'Pusiaukelės namų vyresnysis specialistas' };

const REQUESTS: TemplateRequest[] = [
  { kind: 'minutes', sources: { institution, meeting } },
  ...(['10.1', '10.2', '10.3', '10.4'] as const).map(
    (d): TemplateRequest => ({
      kind: 'proposal',
      sources: {
        institution,
        case: d === '10.1' || d === '10.2' ? caseHere : caseElsewhere,
        commission: commissionDecision(d, d === '10.1' || d === '10.3' ? favourableEvaluation : unfavourableEvaluation, d === '10.2' || d === '10.4' ? REFUSAL_RATIONALE : ''),
        tally: { for: 3, against: 1, abstain: 0, decidedByChair: false },
        chairName: 'Algirdas Šimkus',
      },
    }),
  ),
  { kind: 'order', sources: { institution, case: caseHere, proposal: ref, minutes: ref } },
  { kind: 'declineDecision', sources: { institution, case: caseHere, proposal: ref, minutes: ref, reasons: 'Pusiaukelės namuose nėra laisvos vietos – „ąčęėįšųūž“.' } },
  { kind: 'submission', sources: { institution, case: caseElsewhere, proposal: ref, minutes: ref, rationale: '' } },
  { kind: 'letter', sources: { institution, case: caseElsewhere, commission: commissionDecision('10.4', unfavourableEvaluation, REFUSAL_RATIONALE), refusedOn: '2026-11-30' } },
  {
    kind: 'list',
    sources: {
      institution,
      keeper: employee,
      entries: [
        { convict: caseHere.convict, requestDate: caseHere.requestDate, decision: '10.1', decidedOn: '2026-11-20', servingInstitution: caseHere.servingInstitution },
        { convict: caseElsewhere.convict, requestDate: caseElsewhere.requestDate, decision: '10.3', decidedOn: '2026-11-20', servingInstitution: caseElsewhere.servingInstitution },
      ],
    },
  },
  { kind: 'returnSubmission', sources: { institution, convict: caseHere.convict, halfwayHouse: HALFWAY_HOUSE, employee, reasons: 'Nuteistasis vėlavo grįžti į pusiaukelės namus.', annexes: ['Tarnybinis pranešimas, 1 lapas.'] } },
  { kind: 'returnDecision', sources: { institution, convict: caseHere.convict, halfwayHouse: HALFWAY_HOUSE, submission: ref, reasons: 'Pažeidė pusiaukelės namų vidaus tvarkos taisykles.' } },
  // Issue 14: the director's notices about our convict (V-77 p. 47; seed 001, the social integration model).
  {
    kind: 'p47Notice',
    sources: {
      institution,
      case: { ...caseHere, halfwayHouse: 'Panevėžio pataisos namų pusiaukelės namai' },
      recipient: 'Panevėžio pataisos namai',
      dossierSentOn: '2026-11-16',
      circumstances: 'Nuteistajam pareikšti įtarimai dėl naujos nusikalstamos veikos – „ąčęėįšųūž“.',
    },
  },
  {
    kind: 'municipalityNotice',
    sources: {
      institution,
      case: caseHere,
      municipality: 'Kėdainių rajono savivaldybės administracija',
      socialWorker: { name: 'Laura Petrauskienė', phone: '+370 612 34567', email: 'laura.petrauskiene@pravieniskiu-pn.lt' },
    },
  },
  // V-77 p. 22–23: the notice of our convict's arrival to the other institution's director.
  {
    kind: 'transferNotice',
    sources: {
      institution,
      case: { ...caseHere, halfwayHouse: 'Panevėžio pataisos namų pusiaukelės namai' },
      recipient: 'Panevėžio pataisos namai',
      departureOn: '2026-12-07',
      annexes: ['Nuteistojo nuotrauka, 1 lapas.', 'Asmens žymių aprašas, 1 lapas.'],
    },
  },
  // Issue 17: the report to the Prison Department: every figure, and the places for a year at each month's end.
  {
    kind: 'statisticsReport',
    sources: {
      institution,
      statistics: {
        ...periodStatistics([], 0, { runsHalfwayHouse: true, places: 24 }, { from: '2026-01-01', to: '2026-12-31' }),
        requests: 42,
        decisions: { '10.1': 12, '10.2': 5, '10.3': 7, '10.4': 3, unknown: 1 },
        decisionDays: { count: 28, median: 24.5, q1: 19.3, q3: 31, min: 12, max: 70 },
        p7: { kept: 30, late: 3, overdue: 2 },
      },
    },
  },
];

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

describe('every generated document is readable, exact and PDF/A-1b (issue 6)', () => {
  it.each(REQUESTS.map((r) => [r.kind === 'proposal' ? `proposal ${r.sources.commission.decision}` : r.kind, r] as const))('%s', async (_name, request) => {
    const model = buildDocument(request, 'X-1', '2026-11-23');
    const pdf = await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: model.templateVersion, producer: 'Pusiaukelė' }, FONTS);
    const text = flat(pdftotext(pdf.bytes));
    for (const t of texts(model)) expect(text).toContain(flat(t));
    expect(text).toContain('2026 m. lapkričio 23 d. Nr. X-1');
    expect(pdf.slots.map((s) => s.role)).toEqual(model.signatures.map((s) => s.role));
    expect(preflight(pdf.bytes).out).toContain('is a valid PDF/A-1b file');
    expect(qpdfCheck(pdf.bytes).status).toBe(0);
  });

  it('refuses text the embedded fonts cannot show, naming the characters, rather than print blanks', async () => {
    const model = buildDocument(REQUESTS[6] as TemplateRequest, null, '2026-11-23');
    const withCjk = { ...model, body: [...model.body, { kind: 'paragraph' as const, text: 'Pastaba: 東京' }] };
    await expect(renderPdf(withCjk, { createdAt: new Date(), id: 'x', producer: 'Pusiaukelė' }, FONTS)).rejects.toMatchObject({ code: 'DOCUMENT_CHARACTERS' });
  });
});
