import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../../../shared/domain/documents/documentModel';
import { buildDocument, type TemplateRequest } from '../../../../shared/domain/documents/templates';
import { TRANSFER_NOTICE_ANNEXES } from '../../../../shared/domain/documents/transferNotice';
import { periodStatistics } from '../../../../shared/domain/statistics';
import {
  allText,
  caseElsewhere,
  caseHere,
  commissionDecision,
  HALFWAY_HOUSE,
  institution,
  meeting,
  REFUSAL_RATIONALE,
  unfavourableEvaluation,
} from './fixtures';

const proposal = { date: '2026-11-20', number: null };
const minutes = { date: '2026-11-20', number: null };
const employee = { name: 'Laura Petrauskienė', position: 'Pusiaukelės namų vyriausioji specialistė' };

/** One request of every kind, every cited document still unregistered (a preview). */
const requests: TemplateRequest[] = [
  { kind: 'minutes', sources: { institution, meeting } },
  { kind: 'proposal', sources: { institution, case: caseElsewhere, commission: commissionDecision('10.3'), tally: { for: 3, against: 0, abstain: 0, decidedByChair: false }, chairName: 'Algirdas Šimkus' } },
  { kind: 'order', sources: { institution, case: caseHere, proposal, minutes } },
  { kind: 'declineDecision', sources: { institution, case: caseHere, proposal, minutes, reasons: 'Nuteistajam pradėtas ikiteisminis tyrimas' } },
  { kind: 'submission', sources: { institution, case: caseElsewhere, proposal, minutes, rationale: '' } },
  { kind: 'letter', sources: { institution, case: caseElsewhere, commission: commissionDecision('10.4', unfavourableEvaluation, REFUSAL_RATIONALE), refusedOn: '2026-11-30' } },
  {
    kind: 'list',
    sources: {
      institution,
      entries: [{ convict: caseHere.convict, requestDate: caseHere.requestDate, decision: '10.1', decidedOn: '2026-10-30', servingInstitution: institution.name }],
      keeper: employee,
    },
  },
  { kind: 'returnSubmission', sources: { institution, convict: caseHere.convict, halfwayHouse: HALFWAY_HOUSE, employee, reasons: 'Grįžo neblaivus', annexes: [] } },
  { kind: 'returnDecision', sources: { institution, convict: caseHere.convict, halfwayHouse: HALFWAY_HOUSE, submission: { date: '2027-01-09', number: null }, reasons: 'Grįžo neblaivus' } },
  {
    kind: 'p47Notice',
    sources: { institution, case: { ...caseHere, halfwayHouse: 'Panevėžio pataisos namų pusiaukelės namai' }, recipient: 'Panevėžio pataisos namai', dossierSentOn: '2026-11-16', circumstances: 'Nuteistajam iškelta nauja baudžiamoji byla' },
  },
  {
    kind: 'municipalityNotice',
    sources: { institution, case: caseHere, municipality: 'Kauno miesto savivaldybės administracija', socialWorker: { name: 'Laura Petrauskienė', phone: '+370 600 00000', email: '' } },
  },
  {
    kind: 'transferNotice',
    sources: { institution, case: { ...caseHere, halfwayHouse: 'Panevėžio pataisos namų pusiaukelės namai' }, recipient: 'Panevėžio pataisos namai', departureOn: '2026-12-07', annexes: [...TRANSFER_NOTICE_ANNEXES] },
  },
  // Issue 17: the report to the Prison Department on a period.
  { kind: 'statisticsReport', sources: { institution, statistics: periodStatistics([], 0, { runsHalfwayHouse: true, places: 20 }, { from: '2026-01-01', to: '2026-11-30' }) } },
];

describe('buildDocument: one entry point for every kind', () => {
  const models = requests.map((r) => buildDocument(r, null, '2026-11-30'));

  it('builds every kind of DOCUMENT_KINDS from its sources, with the template version', () => {
    expect(models.map((m) => m.kind)).toEqual([...DOCUMENT_KINDS]);
    expect(models.map((m) => m.templateVersion)).toEqual([
      'minutes@1',
      'proposal/10.3@1',
      'order@1',
      'declineDecision@1',
      'submission@1',
      'letter/10.4@1',
      'list@1',
      'returnSubmission@1',
      'returnDecision@1',
      'p47Notice@1',
      'municipalityNotice@1',
      'transferNotice@1',
      'statisticsReport@1',
    ]);
  });

  it('passes the registration number and the date through: null is a preview', () => {
    for (const m of models) expect(m).toMatchObject({ registrationNumber: null, date: '2026-11-30' });
    expect(buildDocument(requests[2]!, 'V-301', '2026-11-25')).toMatchObject({ registrationNumber: 'V-301', date: '2026-11-25' });
  });

  it('follows the drafting rules: institution in capitals, the place, a title in capitals, a signature block', () => {
    for (const m of models) {
      expect(m.institution).toBe('PRAVIENIŠKIŲ PATAISOS NAMAI-ATVIROJI KOLONIJA');
      expect(m.place).toBe('Pravieniškės');
      expect(m.title).toBe(m.title.toLocaleUpperCase('lt'));
      expect(m.documentType).toBe(m.documentType.toLocaleUpperCase('lt'));
      expect(m.signatures.length).toBeGreaterThan(0);
      for (const s of m.signatures) expect(s.name).not.toBe('');
      expect(m.subject).toBeTruthy();
    }
    // The rules want "DĖL" before the title of these; the list names its content, and so does the
    // notice of the release (seed 001 names it "pranešimas apie asmens paleidimą iš pataisos
    // įstaigos"); the letters have no document type.
    expect(models.filter((m) => !m.title.startsWith('DĖL ')).map((m) => m.kind)).toEqual(['list', 'municipalityNotice']);
    expect(models.filter((m) => m.documentType === '').map((m) => m.kind)).toEqual(['letter', 'p47Notice', 'transferNotice']);
  });

  it('cites documents not yet registered as "Nr. ____" and never prints a missing value', () => {
    const texts = models.map(allText);
    expect(texts.filter((t) => t.includes('Nr. ____')).length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).not.toMatch(/undefined|null|NaN|\[object/);
      expect(t).not.toMatch(/\.\.(?!\.)/); // no doubled full stop after a date's "d."
      expect(t).not.toMatch(/["']/); // Lithuanian quotes „…“ only
      expect(t).not.toMatch(/ - /); // an en dash, not a hyphen, between words
    }
  });

  it('cites V-77 in full once per document and "Aprašas" after that (the notice to the municipality follows seed 001, not V-77)', () => {
    expect(allText(models.find((m) => m.kind === 'municipalityNotice')!)).not.toContain('Aprašas');
    for (const m of models.filter((model) => model.kind !== 'municipalityNotice')) {
      const t = allText(m);
      expect(t.match(/\(toliau – Aprašas\)/g)?.length ?? 0, m.kind).toBe(1);
      const firstShort = t.search(/Aprašo \d/);
      if (firstShort >= 0) expect(firstShort, m.kind).toBeGreaterThan(t.indexOf('(toliau – Aprašas)'));
    }
  });
});
