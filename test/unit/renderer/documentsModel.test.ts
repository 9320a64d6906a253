import { describe, expect, it } from 'vitest';
import type { DocumentItem } from '../../../shared/contract/documentSchemas';
import { canIssueDocuments, canSignDocuments } from '../../../renderer/auth/access';
import {
  basisText,
  annexesOf,
  canCorrect,
  caseKindsDue,
  draftProblems,
  EMPTY_DRAFT,
  initialDraft,
  groundsProblem,
  nonComplianceAnnexes,
  withAnnexLine,
  withGround,
  filterDocuments,
  kindOffers,
  meetingKindsDue,
  missingFirst,
  needsReason,
  numberOf,
  requestOf,
  statusOf,
  versionsOf, awaitedText, directorSigns, signerChoices } from '../../../renderer/documents/documentsModel';

function item(overrides: Partial<DocumentItem>): DocumentItem {
  return {
    id: 'd1',
    kind: 'proposal',
    templateVersion: 'proposal/10.1@1',
    registrationNumber: 'DKS-1',
    date: '2026-11-23',
    documentType: 'SIŪLYMAS',
    title: 'DĖL PERKĖLIMO',
    subject: 'Tomas Vaitkus',
    caseIds: ['c1'],
    createdAt: '2026-11-23T08:00:00.000Z',
    pageCount: 1,
    signatures: [],
    awaiting: ['director'],
    sha256: 'ab',
    ...overrides,
  };
}

const signature = (role: 'director' | 'chair', at: string) => ({
  role,
  signerName: 'Ąžuolas Žėkas',
  certificate: { subject: 'CN=Ąžuolas Žėkas', issuer: 'CN=CA', serialNumber: '01', notAfter: '2027-01-01T00:00:00.000Z' },
  by: { userId: 'u1', name: 'Direktorė' },
  at,
  method: 'pkcs12' as const,
});

const decided = (decision: '10.1' | '10.2' | '10.3' | '10.4', state: 'decided' | 'listed' | 'transfer_ordered' | 'transferred' | 'left' = 'decided') => ({ state, facts: { decision } });

describe('issue 6: which documents the procedure has reached', () => {
  it('V-77 p. 10, 13, 15: after 10.1 the proposal, the order and the motivated refusal', () => {
    expect(caseKindsDue(decided('10.1'))).toEqual(['proposal', 'order', 'declineDecision']);
  });

  it('V-77 p. 14: after 10.3 the proposal and the submission; p. 16: after 10.2 or 10.4 the proposal and the letter', () => {
    expect(caseKindsDue(decided('10.3', 'listed'))).toEqual(['proposal', 'submission']);
    expect(caseKindsDue(decided('10.2'))).toEqual(['proposal', 'letter']);
    expect(caseKindsDue(decided('10.4'))).toEqual(['proposal', 'letter']);
  });

  it('V-77 p. 45–46: the return documents once the convict is in the halfway house; nothing before a decision', () => {
    expect(caseKindsDue(decided('10.1', 'transferred'))).toEqual(['proposal', 'returnSubmission', 'returnDecision', 'municipalityNotice']);
    // Issue 14: in or past the halfway house, the order (p. 13), the refusal (p. 15) and the submission (p. 14) are past.
    expect(caseKindsDue(decided('10.3', 'left'))).toEqual(['proposal']);
    expect(caseKindsDue(decided('10.1', 'transfer_ordered'))).toEqual(['proposal', 'order', 'declineDecision']);
    expect(caseKindsDue({ state: 'scheduled', facts: {} })).toEqual([]);
  });

  it('seed 001: the notice to the municipality while the convict lives in the halfway house, not once they left or were returned', () => {
    expect(caseKindsDue(decided('10.3', 'transferred'))).toContain('municipalityNotice');
    expect(caseKindsDue(decided('10.1', 'left'))).not.toContain('municipalityNotice');
    expect(caseKindsDue({ state: 'returned', facts: { decision: '10.1' } })).not.toContain('municipalityNotice');
  });

  it('V-77 p. 47: the notice for our convict who asked for another institution’s halfway house (route “sends”) while the request is open here', () => {
    const sends = { servingInstitution: { id: 'own' }, halfwayHouse: { id: 'panevezys' } };
    const own = { servingInstitution: { id: 'own' }, halfwayHouse: { id: 'own' } };
    const other = { servingInstitution: { id: 'vilnius' }, halfwayHouse: { id: 'own' } };
    for (const state of ['request_received', 'dossier_collecting', 'dossier_sent'] as const) expect(caseKindsDue({ state, facts: {}, request: sends }), state).toEqual(['p47Notice']);
    expect(caseKindsDue({ state: 'ineligible', facts: {}, request: sends })).toEqual([]);
    expect(caseKindsDue({ state: 'withdrawn', facts: {}, request: sends })).toEqual([]);
    // Another institution's notice about its convict on our list is a received act, recorded on the case.
    expect(caseKindsDue({ state: 'listed', facts: { decision: '10.1' }, request: own })).not.toContain('p47Notice');
    expect(caseKindsDue({ state: 'dossier_collecting', facts: {}, request: other })).toEqual([]);
    // Without the request the route is not known: no notice is offered.
    expect(caseKindsDue({ state: 'dossier_sent', facts: {} })).toEqual([]);
  });

  it('V-77 p. 21–23: the notice of the arrival once the other institution granted our convict’s request, with the photo and the marks annexed by default', () => {
    const sends = { servingInstitution: { id: 'own' }, halfwayHouse: { id: 'panevezys' } };
    const outcome = (granted: boolean) => [{ id: 'o1', kind: 'otherOutcome' as const, number: 'P-1', date: '2026-11-20', receivedOn: '2026-11-20', issuer: 'Panevėžio PN', granted, file: { name: 'a.pdf', sha256: 'x', size: 1, mediaType: 'application/pdf' }, at: '2026-11-20T08:00:00Z' }];
    expect(caseKindsDue({ state: 'dossier_sent', facts: {}, request: sends, acts: outcome(true) })).toEqual(['p47Notice', 'transferNotice']);
    expect(caseKindsDue({ state: 'dossier_sent', facts: {}, request: sends, acts: outcome(false) })).toEqual(['p47Notice']);
    expect(caseKindsDue({ state: 'dossier_sent', facts: {}, request: sends })).toEqual(['p47Notice']);
    const draft = { ...initialDraft('transferNotice'), departureOn: '2026-11-30' };
    expect(requestOf({ kind: 'case', caseId: 'c1' }, 'transferNotice', draft)).toEqual({
      kind: 'transferNotice',
      caseId: 'c1',
      departureOn: '2026-11-30',
      annexes: ['Nuteistojo nuotrauka, 1 lapas.', 'Asmens žymių aprašas, 1 lapas.'],
    });
    expect(initialDraft('order')).toEqual(EMPTY_DRAFT);
    expect(draftProblems({ kind: 'case', caseId: 'c1' }, 'transferNotice', initialDraft('transferNotice'))).toHaveProperty('departureOn');
    expect(directorSigns('transferNotice')).toBe(true);
  });

  it('cites the basis: the V-77 point, or the social integration model for the notice to the municipality', () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key}:${JSON.stringify(params ?? {})}`;
    expect(basisText('p47Notice', t)).toBe('deadline.point:{"point":"47"}');
    expect(basisText('order', t)).toBe('deadline.point:{"point":"13"}');
    expect(basisText('municipalityNotice', t)).toBe('documents.basis.integrationModel:{}');
  });

  it('V-77 p. 51: an act annulled by an upheld appeal is not in force: its kind is offered anew (not as a correction), it is not corrected, and what cites it waits for a new one', () => {
    const target = { kind: 'case', caseId: 'c1', decidedAt: 'm1' } as const;
    const minutes = item({ id: 'min', kind: 'minutes', meetingId: 'm1', awaiting: [] });
    const proposal = item({ id: 'p', kind: 'proposal', awaiting: [] });
    const annulled = item({ id: 'd', kind: 'declineDecision', registrationNumber: 'SP-1', awaiting: [], annulledBy: 'appeal-1' });
    expect(kindOffers(['order', 'declineDecision'], target, [annulled, proposal, minutes])).toEqual([
      { kind: 'order', current: undefined, waitsFor: null },
      { kind: 'declineDecision', current: undefined, waitsFor: null },
    ]);
    expect(canCorrect(annulled, ['declineDecision'])).toBe(false);
    const annulledProposal = item({ id: 'p0', kind: 'proposal', awaiting: [], annulledBy: 'appeal-2' });
    expect(missingFirst('letter', target, [annulledProposal, minutes])).toBe('proposal');
  });

  it('V-77 p. 9–11: the minutes once the meeting is closed', () => {
    expect(meetingKindsDue('closed')).toEqual(['minutes']);
    expect(meetingKindsDue('open')).toEqual([]);
  });

  it('offers a kind not prepared yet, and the document in force of one prepared (a replaced one is not in force)', () => {
    const target = { kind: 'case', caseId: 'c1', decidedAt: 'm1' } as const;
    const minutes = item({ id: 'min', kind: 'minutes', registrationNumber: 'DK-1', meetingId: 'm1' });
    const proposal = item({ id: 'p', kind: 'proposal', registrationNumber: 'DKS-1' });
    const old = item({ id: 'old', kind: 'order', registrationNumber: 'V-1', replacedBy: 'new' });
    const current = item({ id: 'new', kind: 'order', registrationNumber: 'V-2', replaces: 'old' });
    expect(kindOffers(['proposal', 'order'], target, [current, old, proposal, minutes])).toEqual([
      { kind: 'proposal', current: proposal, waitsFor: null },
      { kind: 'order', current, waitsFor: null },
    ]);
    expect(canCorrect(current, ['order'])).toBe(true);
    expect(canCorrect(old, ['order'])).toBe(false);
    expect(canCorrect(current, ['proposal'])).toBe(false);
    expect(numberOf([old, current], 'new')).toBe('V-2');
    expect(numberOf([old], 'gone')).toBe('gone');
  });

  it('issues what a document cites by number first: the deciding meeting\'s minutes, then the proposal (V-77 p. 13–16), the return submission before the return decision (p. 46)', () => {
    const target = { kind: 'case', caseId: 'c1', decidedAt: 'm2' } as const;
    const earlierMinutes = item({ id: 'min1', kind: 'minutes', meetingId: 'm1' });
    expect(missingFirst('proposal', target, [earlierMinutes])).toBe('minutes');
    const minutes = item({ id: 'min2', kind: 'minutes', meetingId: 'm2' });
    expect(missingFirst('proposal', target, [earlierMinutes, minutes])).toBeNull();
    expect(missingFirst('order', target, [minutes])).toBe('proposal');
    expect(missingFirst('letter', target, [minutes, item({ kind: 'proposal', replacedBy: 'x' })])).toBe('proposal');
    expect(missingFirst('submission', target, [minutes, item({ kind: 'proposal' })])).toBeNull();
    expect(missingFirst('returnDecision', target, [])).toBe('returnSubmission');
    for (const kind of ['minutes', 'list', 'returnSubmission'] as const) expect(missingFirst(kind, target, []), kind).toBeNull();
    expect(kindOffers(['order'], target, [minutes])).toEqual([{ kind: 'order', current: undefined, waitsFor: 'proposal' }]);
  });

  it('lets the secretary and the director prepare, and the director, chair and secretary sign', () => {
    expect(canIssueDocuments(['secretary'])).toBe(true);
    expect(canIssueDocuments(['director'])).toBe(true);
    expect(canIssueDocuments(['chair'])).toBe(false);
    expect(canSignDocuments(['chair'])).toBe(true);
    expect(canSignDocuments(['member'])).toBe(false);
    expect(canSignDocuments(['archivist'])).toBe(false);
  });
});

describe('the request a document is made from', () => {
  const caseTarget = { kind: 'case', caseId: 'c1' } as const;

  it('names the case, the meeting, or nothing (the list)', () => {
    expect(requestOf(caseTarget, 'order', EMPTY_DRAFT)).toEqual({ kind: 'order', caseId: 'c1' });
    expect(requestOf({ kind: 'meeting', meetingId: 'm1' }, 'minutes', EMPTY_DRAFT)).toEqual({ kind: 'minutes', meetingId: 'm1' });
    expect(requestOf({ kind: 'institution' }, 'list', EMPTY_DRAFT)).toEqual({ kind: 'list' });
    expect(() => requestOf(caseTarget, 'minutes', EMPTY_DRAFT)).toThrow();
    expect(() => requestOf({ kind: 'institution' }, 'order', EMPTY_DRAFT)).toThrow();
  });

  it('V-77 p. 15, 45, 46: carries the reasons, and for p. 45 the annexes one per line', () => {
    const draft = { ...EMPTY_DRAFT, reason: 'Motyvai.', annexes: ' Tarnybinis pranešimas \n\n Paaiškinimas ' };
    expect(needsReason('declineDecision')).toBe(true);
    expect(needsReason('order')).toBe(false);
    expect(requestOf(caseTarget, 'declineDecision', draft)).toEqual({ kind: 'declineDecision', caseId: 'c1', reason: 'Motyvai.' });
    expect(requestOf(caseTarget, 'returnSubmission', draft)).toEqual({
      kind: 'returnSubmission',
      caseId: 'c1',
      reason: 'Motyvai.',
      annexes: ['Tarnybinis pranešimas', 'Paaiškinimas'],
    });
    expect(annexesOf('')).toEqual([]);
  });

  it('issue 12: a deputy chosen to sign a director\'s document travels in the request; the proposal has no such choice', () => {
    const draft = { ...EMPTY_DRAFT, signedBy: 'pavaduotojas' };
    expect(requestOf(caseTarget, 'order', draft)).toEqual({ kind: 'order', caseId: 'c1', signedBy: 'pavaduotojas' });
    expect(requestOf(caseTarget, 'declineDecision', { ...draft, reason: 'Motyvai.' })).toEqual({ kind: 'declineDecision', caseId: 'c1', reason: 'Motyvai.', signedBy: 'pavaduotojas' });
    expect(requestOf(caseTarget, 'proposal', draft)).toEqual({ kind: 'proposal', caseId: 'c1' });
    expect(requestOf(caseTarget, 'order', EMPTY_DRAFT)).toEqual({ kind: 'order', caseId: 'c1' });
    expect(directorSigns('order')).toBe(true);
    expect(directorSigns('minutes')).toBe(false);
    expect(
      signerChoices({
        director: { name: 'Rūta Žemaitienė', position: 'Direktorė' },
        deputies: [{ id: 'pavaduotojas', name: 'Darius Kavaliauskas', position: 'Direktoriaus pavaduotojas' }],
      }),
    ).toEqual([
      { value: '', name: 'Rūta Žemaitienė', position: 'Direktorė' },
      { value: 'pavaduotojas', name: 'Darius Kavaliauskas', position: 'Direktoriaus pavaduotojas' },
    ]);
  });

  it('issue 12: the awaited signers are named with their position where the document names them', () => {
    const t = (key: string, params?: Record<string, string | number>) => `${key}:${JSON.stringify(params ?? {})}`;
    expect(awaitedText({ awaiting: ['director'], awaitingSigners: [{ role: 'director', name: 'Rūta Žemaitienė', position: 'Direktorė' }] }, t)).toBe(
      'documents.awaitingSigner:{"position":"Direktorė","name":"Rūta Žemaitienė"}',
    );
    expect(awaitedText({ awaiting: ['chair'] }, t)).toBe('documents.role.chair:{}');
  });

  it('V-77 p. 47: the notice carries the circumstances as its reason, and the director or a deputy signs it', () => {
    expect(needsReason('p47Notice')).toBe(true);
    expect(requestOf(caseTarget, 'p47Notice', { ...EMPTY_DRAFT, reason: 'Aplinkybės.', signedBy: 'pavaduotojas' })).toEqual({
      kind: 'p47Notice',
      caseId: 'c1',
      reason: 'Aplinkybės.',
      signedBy: 'pavaduotojas',
    });
    expect(draftProblems(caseTarget, 'p47Notice', EMPTY_DRAFT)).toEqual({ reason: 'required' });
    expect(directorSigns('p47Notice')).toBe(true);
  });

  it('seed 001: the notice to the municipality carries the municipality and the institution’s social worker; each field is checked on its own', () => {
    const draft = { ...EMPTY_DRAFT, municipality: 'Kauno miesto savivaldybės administracija', socialWorkerName: 'Laura Petrauskienė', socialWorkerPhone: '+370 612 34567' };
    expect(needsReason('municipalityNotice')).toBe(false);
    expect(directorSigns('municipalityNotice')).toBe(true);
    expect(requestOf(caseTarget, 'municipalityNotice', draft)).toEqual({
      kind: 'municipalityNotice',
      caseId: 'c1',
      municipality: 'Kauno miesto savivaldybės administracija',
      socialWorker: { name: 'Laura Petrauskienė', phone: '+370 612 34567', email: '' },
    });
    expect(draftProblems(caseTarget, 'municipalityNotice', draft)).toEqual({});
    expect(draftProblems(caseTarget, 'municipalityNotice', EMPTY_DRAFT)).toEqual({ municipality: 'required', socialWorkerName: 'required' });
    expect(draftProblems(caseTarget, 'municipalityNotice', { ...draft, socialWorkerEmail: 'ne adresas' })).toEqual({ socialWorkerEmail: 'invalid' });
    expect(draftProblems(caseTarget, 'municipalityNotice', { ...draft, socialWorkerPhone: '1'.repeat(51) })).toEqual({ socialWorkerPhone: 'tooLong' });
  });

  it('refuses a missing or too long reason by the contract, and a too long annex on the annex field', () => {
    expect(draftProblems(caseTarget, 'returnDecision', { ...EMPTY_DRAFT, reason: '  ' })).toEqual({ reason: 'required' });
    expect(draftProblems(caseTarget, 'returnDecision', { ...EMPTY_DRAFT, reason: 'x'.repeat(8001) })).toEqual({ reason: 'tooLong' });
    expect(draftProblems(caseTarget, 'returnSubmission', { ...EMPTY_DRAFT, reason: 'Motyvai.', annexes: 'y'.repeat(301) })).toEqual({ annexes: 'tooLong' });
    expect(draftProblems(caseTarget, 'order', EMPTY_DRAFT)).toEqual({});
  });
});

describe("a document's versions and status", () => {
  it('counts version 1 as issued and one more per signature', () => {
    const signed = item({ signatures: [signature('chair', '2026-11-23T09:00:00.000Z'), signature('director', '2026-11-23T10:00:00.000Z')], awaiting: [] });
    expect(versionsOf(signed).map((v) => [v.version, v.at, v.signature?.role])).toEqual([
      [1, '2026-11-23T08:00:00.000Z', undefined],
      [2, '2026-11-23T09:00:00.000Z', 'chair'],
      [3, '2026-11-23T10:00:00.000Z', 'director'],
    ]);
  });

  it('is replaced, annulled by an upheld appeal (V-77 p. 51), awaiting a signature or signed; the filter keeps those of one status', () => {
    const awaiting = item({ id: 'a' });
    const signed = item({ id: 's', awaiting: [] });
    const replaced = item({ id: 'r', awaiting: [], replacedBy: 'x' });
    const annulled = item({ id: 'n', awaiting: [], annulledBy: 'appeal-1' });
    expect([awaiting, signed, replaced, annulled].map(statusOf)).toEqual(['awaiting', 'signed', 'replaced', 'annulled']);
    const all = [awaiting, signed, replaced, annulled];
    expect(filterDocuments(all, 'all')).toEqual(all);
    expect(filterDocuments(all, 'awaiting')).toEqual([awaiting]);
    expect(filterDocuments(all, 'signed')).toEqual([signed]);
    expect(filterDocuments(all, 'replaced')).toEqual([replaced]);
    expect(filterDocuments(all, 'annulled')).toEqual([annulled]);
  });
});

describe('V-77 p. 44–45, 35: the return submission’s grounds and suggested annexes', () => {
  const catalogue = [{ id: 'g1' }, { id: 'g2' }];

  it('p. 44: with a catalogue at least one ground is chosen; without one none is asked for; chosen in the catalogue’s order', () => {
    expect(groundsProblem(catalogue, [])).toBe('required');
    expect(groundsProblem(catalogue, ['x'])).toBe('required');
    expect(groundsProblem(catalogue, ['g2'])).toBeUndefined();
    expect(groundsProblem([], [])).toBeUndefined();
    expect(withGround(catalogue, ['g2'], 'g1', true)).toEqual(['g1', 'g2']);
    expect(withGround(catalogue, ['g1', 'g2'], 'g1', false)).toEqual(['g2']);
    const draft = { ...EMPTY_DRAFT, reason: 'Motyvai.', grounds: ['g2'] };
    expect(requestOf({ kind: 'case', caseId: 'c1' }, 'returnSubmission', draft)).toEqual({ kind: 'returnSubmission', caseId: 'c1', reason: 'Motyvai.', annexes: [], grounds: ['g2'] });
  });

  it('p. 35: the non-compliance notes, oldest first, as annex lines that fit; added once', () => {
    const life = [
      { kind: 'nonCompliance' as const, on: '2026-12-10', note: 'Negrįžo  laiku.' },
      { kind: 'review' as const, on: '2026-12-01', note: 'Peržiūra' },
      { kind: 'nonCompliance' as const, on: '2026-12-02', note: 'x'.repeat(400) },
    ];
    const lines = nonComplianceAnnexes(life);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('Pastaba dėl plano nevykdymo, 2026 m. gruodžio 2 d.: xxx')).toBe(true);
    expect(lines[0]!.length).toBe(300);
    expect(lines[1]).toBe('Pastaba dėl plano nevykdymo, 2026 m. gruodžio 10 d.: Negrįžo laiku.');
    expect(nonComplianceAnnexes(undefined)).toEqual([]);
    expect(withAnnexLine('', 'A')).toBe('A');
    expect(withAnnexLine('B\n', 'A')).toBe('B\nA');
    expect(withAnnexLine('A\nB', 'A')).toBe('A\nB');
  });
});
