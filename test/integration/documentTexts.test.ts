import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { Services } from '../../electron/services/index';
import type { DocumentItem, RegisterSettings } from '../../shared/contract/documentSchemas';
import type { MeetingView } from '../../shared/contract/meetingSchemas';
import type { CaseView } from '../../shared/contract/schemas';
import { DOCUMENT_KINDS } from '../../shared/domain/documents/documentModel';
import type { Ballot } from '../../shared/domain/voting';
import { ok } from '../helpers/dataDir';
import { stagedCopy } from '../helpers/directorActs';
import { DOSSIER_CASE_REQUEST, loadCompleteDossier } from '../helpers/dossier';
import { decideByMeeting, ensureCommission, evaluateAll, readyCase, seeingLatest } from '../helpers/meetings';
import { pdftotext } from '../helpers/pdfTools';
import { namedSigner, P12_PASSWORD } from '../helpers/pki';
import { as, openAsStaff, signedIn } from '../helpers/users';

/**
 * Issue 12, "true texts": every kind of document issued through the real back end and read back with
 * pdftotext as a reader gets it. No placeholder number; the document's own number where it prints
 * it; every number it cites equal to the cited document's registration number; and the minutes'
 * tally with the tie sentence only for a real tie the chair decided.
 */

const TODAY = '2026-11-23';
/** Prefixes that no other number in the texts shares (V-77 itself, personal file numbers). */
const REGISTER: RegisterSettings = {
  place: 'Pravieniškės',
  director: { name: 'Rūta Žemaitienė', position: 'Direktorė' },
  halfwayHouseEmployee: { name: 'Tomas Šaulys', position: 'Pusiaukelės namų vyresnysis specialistas' },
  prefixes: { minutes: 'DK', proposal: 'DKS', order: 'IS', declineDecision: 'SN', submission: 'TK', letter: 'RS', list: 'SR', returnSubmission: 'GT', returnDecision: 'GS' },
};

const person = (firstName: string, lastName: string, personalFileNo: string, own: boolean) => ({
  ...DOSSIER_CASE_REQUEST,
  firstName,
  lastName,
  personalFileNo,
  ...(own ? { servingInstitutionId: 'own' } : {}),
});

type Dispatch = Services['dispatch'];

let services: Services & { session: string };
let dispatch: Dispatch;
let dataRoot: string;
/** Each issued document and its text as pdftotext reads it, whitespace flattened. */
const issued: Record<string, { doc: DocumentItem; text: string }> = {};

const flat = (s: string) => s.replace(/\s+/g, ' ');

async function issue(name: string, request: Record<string, unknown>): Promise<DocumentItem> {
  const doc = await ok(dispatch, 'documents.issue', request);
  const bytes = (await ok(dispatch, 'documents.read', { id: doc.id })).bytes;
  issued[name] = { doc, text: flat(pdftotext(bytes)) };
  return doc;
}

const textOf = (name: string) => (issued[name] as { text: string }).text;
const numberOf = (name: string) => (issued[name] as { doc: DocumentItem }).doc.registrationNumber;

/**
 * Every registration number the text prints after "Nr.": not a personal file number ("asmens bylos
 * Nr. …"), not V-77 itself (the order that sets the procedure), not the blank the Prison Department
 * fills in on its resolution (the draft inside the p. 14 submission).
 */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/(?<!bylos )Nr\. ([\p{Lu}]+-\d+)/gu)].map((m) => m[1] as string).filter((n) => n !== 'V-77');
}

/** A certificate from the test CA in the official's name (issue 12: each line is signed by its own official). */
const p12 = (name: string) => ({ kind: 'pkcs12' as const, bytes: namedSigner({ name }).p12, password: P12_PASSWORD });

/** Cast the ballots one by one, as the secretary records them. */
async function vote(meetingId: string, caseId: string, ballots: Record<string, Ballot>): Promise<MeetingView> {
  let view: MeetingView | undefined;
  for (const [memberId, ballot] of Object.entries(ballots)) view = await ok(dispatch, 'meetings.vote', { id: meetingId, caseId, memberId, ballot });
  return view as MeetingView;
}

let orderCase: CaseView;
let declineCase: CaseView;
let refused10_2: CaseView;
let submittedCase: CaseView;
let refusedCase: CaseView;
let tieCase: CaseView;
let nearCase: CaseView;

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-texts-'));
  services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
  dispatch = seeingLatest(services.dispatch);
  await ok(dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0, register: REGISTER });
  orderCase = await readyCase(dispatch, person('Rimantas', 'Kazlauskas', 'B-2002', true), '2026-11-16');
  declineCase = await readyCase(dispatch, person('Darius', 'Butkus', 'B-2003', true), '2026-11-16');
  refused10_2 = await readyCase(dispatch, person('Mantas', 'Jonaitis', 'B-2004', true), '2026-11-16');
  submittedCase = await readyCase(dispatch, person('Šarūnas', 'Gudaitis', 'V-4004', false), '2026-11-16');
  refusedCase = await readyCase(dispatch, person('Žydrūnas', 'Čepulis', 'V-3003', false), '2026-11-16');
  tieCase = await readyCase(dispatch, person('Arūnas', 'Lygus', 'V-5005', false), '2026-11-16');
  nearCase = await readyCase(dispatch, person('Vilius', 'Beveik', 'V-6006', false), '2026-11-16');

  // The first meeting decides unanimously.
  const first = await decideByMeeting(
    dispatch,
    [orderCase, declineCase, refused10_2, submittedCase, refusedCase].map((c) => c.record.id),
    { [orderCase.record.id]: '10.1', [declineCase.record.id]: '10.1', [refused10_2.record.id]: '10.2', [submittedCase.record.id]: '10.3', [refusedCase.record.id]: '10.4' },
    '2026-11-20',
  );

  // The second meeting: a real tie the chair decides, and a near-tie that is none (V-77 p. 10).
  await ensureCommission(dispatch);
  const planned = await ok(dispatch, 'meetings.schedule', { date: TODAY, time: '13:00', place: 'Posėdžių salė', caseIds: [tieCase.record.id, nearCase.record.id] });
  let view = await ok(dispatch, 'meetings.open', { id: planned.record.id, revision: planned.record.revision });
  const id = view.record.id;
  for (const m of view.members) view = await ok(dispatch, 'meetings.setAttendance', { id, memberId: m.id, present: true });
  // 2 for, 2 against, 1 abstaining: a tie; the chair voted for.
  await evaluateAll(dispatch, id, tieCase.record.id);
  await ok(dispatch, 'meetings.saveDecision', { id, caseId: tieCase.record.id, decision: '10.3', rationale: '' });
  await vote(id, tieCase.record.id, { chair: 'for', m1: 'for', m2: 'against', m3: 'against', secretary: 'abstain' });
  // m3 recused; 2 for, 1 against, 1 abstaining: no tie, no majority of the four: not adopted. Then 10.4, 3 for and 1 against.
  await evaluateAll(dispatch, id, nearCase.record.id, 'unfavourable');
  await ok(dispatch, 'meetings.recuse', { id, caseId: nearCase.record.id, memberId: 'm3', recused: true, reason: 'Giminystės ryšiai' });
  await ok(dispatch, 'meetings.saveDecision', { id, caseId: nearCase.record.id, decision: '10.3', rationale: '' });
  await vote(id, nearCase.record.id, { chair: 'for', m1: 'for', m2: 'against', secretary: 'abstain' });
  await ok(dispatch, 'meetings.newVote', { id, caseId: nearCase.record.id });
  await ok(dispatch, 'meetings.saveDecision', { id, caseId: nearCase.record.id, decision: '10.4', rationale: 'Galioja drausminė nuobauda.' });
  view = await vote(id, nearCase.record.id, { chair: 'for', m1: 'for', m2: 'for', secretary: 'against' });
  const second = await ok(dispatch, 'meetings.close', { id, revision: view.record.revision });

  await issue('minutes', { kind: 'minutes', meetingId: first.record.id });
  await issue('minutes2', { kind: 'minutes', meetingId: second.record.id });
  await issue('proposal 10.1', { kind: 'proposal', caseId: orderCase.record.id });
  await issue('proposal 10.1 declined', { kind: 'proposal', caseId: declineCase.record.id });
  await issue('proposal 10.2', { kind: 'proposal', caseId: refused10_2.record.id });
  await issue('proposal 10.3', { kind: 'proposal', caseId: submittedCase.record.id });
  await issue('proposal 10.4', { kind: 'proposal', caseId: refusedCase.record.id });
  await issue('proposal tie', { kind: 'proposal', caseId: tieCase.record.id });
  await issue('proposal near', { kind: 'proposal', caseId: nearCase.record.id });
  await issue('list', { kind: 'list' });
  await issue('order', { kind: 'order', caseId: orderCase.record.id });
  await issue('declineDecision', { kind: 'declineDecision', caseId: declineCase.record.id, reason: 'Pusiaukelės namuose nėra laisvos vietos.' });
  await issue('submission', { kind: 'submission', caseId: submittedCase.record.id });
  await issue('letter', { kind: 'letter', caseId: refusedCase.record.id });
  await issue('letter 10.2', { kind: 'letter', caseId: refused10_2.record.id });
  // V-77 p. 13, 22–25, 44–46: the signed order moves the case (issue 14: the meeting's 10.1 put it on
  // the list), the convict arrives at the halfway house, and is returned.
  const admin = services.session;
  const chair = as(services, await signedIn(services, admin, 'pirmininke', ['chair']));
  const director = as(services, await signedIn(services, admin, 'direktore', ['director']));
  await ok(chair, 'documents.sign', { id: issued.minutes!.doc.id, credential: p12('Rasa Vaitkienė') });
  await ok(dispatch, 'documents.sign', { id: issued.minutes!.doc.id, credential: p12('Inga Kairienė') });
  await ok(chair, 'documents.sign', { id: issued['proposal 10.1']!.doc.id, credential: p12('Rasa Vaitkienė') });
  await ok(director, 'documents.sign', { id: issued.order!.doc.id, credential: p12(REGISTER.director.name) });
  const moved = (await ok(dispatch, 'cases.get', { id: orderCase.record.id })) as CaseView;
  expect(moved.record.state).toBe('transfer_ordered');
  await ok(dispatch, 'cases.recordArrival', {
    id: moved.record.id,
    revision: moved.record.revision,
    on: TODAY,
    time: '10:00',
    checks: { identity: true, search: true, rules: true, room: true },
    room: '12',
    bed: '1',
  });
  // Seed 001: the notice of the release to the municipality, for the convict in the halfway house.
  await issue('municipalityNotice', {
    kind: 'municipalityNotice',
    caseId: orderCase.record.id,
    municipality: 'Kauno miesto savivaldybės administracija',
    socialWorker: { name: 'Laura Petrauskienė', phone: '+370 612 34567', email: 'laura.petrauskiene@example.lt' },
  });
  // V-77 p. 47: our convict asking for another institution's halfway house (route 'sends').
  const sends = await ok(dispatch, 'cases.register', { ...person('Tadas', 'Kairys', 'B-3101', true), halfwayHouseInstitutionId: 'panevezys' });
  await issue('p47Notice', { kind: 'p47Notice', caseId: sends.record.id, reason: 'Nuteistajam pareikšti įtarimai dėl naujos nusikalstamos veikos.' });
  // V-77 p. 21–23: the same convict's dossier sent and his request granted there: the notice of his arrival.
  const loaded = await loadCompleteDossier(dispatch, (await ok(dispatch, 'cases.get', { id: sends.record.id })) as CaseView);
  const sent = await ok(dispatch, 'cases.transition', { id: sends.record.id, revision: loaded.record.revision, to: 'dossier_sent', on: TODAY });
  const { stagedId } = await stagedCopy(dispatch, sends.record.id, 'Panevėžio sprendimas.pdf');
  await ok(dispatch, 'cases.recordAct', { id: sends.record.id, revision: sent.record.revision, kind: 'otherOutcome', number: 'P-15', date: TODAY, receivedOn: TODAY, issuer: 'Panevėžio pataisos namai', granted: true, stagedId });
  await issue('transferNotice', { kind: 'transferNotice', caseId: sends.record.id, departureOn: TODAY });
  await issue('returnSubmission', { kind: 'returnSubmission', caseId: orderCase.record.id, reason: 'Nuteistasis vėlavo grįžti į pusiaukelės namus.', annexes: ['Tarnybinis pranešimas, 1 lapas.'] });
  await issue('returnDecision', { kind: 'returnDecision', caseId: orderCase.record.id, reason: 'Pažeidė pusiaukelės namų vidaus tvarkos taisykles.' });
  // Issue 17: the report to the Prison Department on the year so far.
  await issue('statisticsReport', { kind: 'statisticsReport', from: '2026-01-01', to: TODAY });
}, 240_000);

afterAll(async () => {
  await services?.close();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

describe('every kind of document, issued and read back (issue 12: true texts)', () => {
  it('V-77 p. 9–16, 45–46: every document prints its own number in its heading, and no placeholder number anywhere', () => {
    expect(new Set(Object.values(issued).map((i) => i.doc.kind))).toEqual(new Set(DOCUMENT_KINDS));
    expect(new Set(Object.values(issued).map((i) => i.doc.templateVersion.split('@')[0]))).toEqual(
      new Set([
        'minutes',
        'proposal/10.1',
        'proposal/10.2',
        'proposal/10.3',
        'proposal/10.4',
        'order',
        'declineDecision',
        'submission',
        'letter/10.2',
        'letter/10.4',
        'list',
        'returnSubmission',
        'returnDecision',
        'p47Notice',
        'municipalityNotice',
        'transferNotice',
        'statisticsReport',
      ]),
    );
    for (const [name, { doc, text }] of Object.entries(issued)) {
      expect(doc.registrationNumber, name).toMatch(/^[A-Z]+-[1-9]\d*$/);
      expect(text, name).toContain(`d. Nr. ${doc.registrationNumber}`);
      // A number the register never gives ("T-0"), or a blank where a number belongs.
      expect(text, name).not.toMatch(/\b\p{Lu}+-0\b/u);
      // The only blank is the Prison Department's own resolution number in the p. 14 draft, which it fills in.
      expect(text.replaceAll('20__ m. ____________ d. Nr. ____', ''), name).not.toContain('Nr. ____');
    }
  });

  it('V-77 p. 10: each proposal cites the minutes of the meeting that decided it', () => {
    for (const name of ['proposal 10.1', 'proposal 10.1 declined', 'proposal 10.2', 'proposal 10.3', 'proposal 10.4']) {
      expect(new Set(numbersIn(textOf(name))), name).toEqual(new Set([numberOf(name), numberOf('minutes')]));
    }
    for (const name of ['proposal tie', 'proposal near']) expect(new Set(numbersIn(textOf(name))), name).toEqual(new Set([numberOf(name), numberOf('minutes2')]));
  });

  it('V-77 p. 13: the director’s order cites the proposal and the minutes', () => {
    expect(new Set(numbersIn(textOf('order')))).toEqual(new Set([numberOf('order'), numberOf('proposal 10.1'), numberOf('minutes')]));
    expect(textOf('order')).toContain(`siūlymą Nr. ${numberOf('proposal 10.1')}`);
  });

  it('V-77 p. 15: the decision not to transfer cites the proposal and the minutes', () => {
    expect(new Set(numbersIn(textOf('declineDecision')))).toEqual(new Set([numberOf('declineDecision'), numberOf('proposal 10.1 declined'), numberOf('minutes')]));
  });

  it('V-77 p. 14, 17: the submission cites the proposal and the minutes, and its draft resolution cites the submission’s own number', () => {
    const text = textOf('submission');
    expect(new Set(numbersIn(text))).toEqual(new Set([numberOf('submission'), numberOf('proposal 10.3'), numberOf('minutes')]));
    expect(text).toMatch(new RegExp(`teikimą Nr\\. ${numberOf('submission')} n u t a r i u`));
    expect(text).not.toContain('teikimą Nr. ____');
  });

  it('V-77 p. 16: the letters after 10.2 and 10.4 cite the minutes of the meeting', () => {
    expect(new Set(numbersIn(textOf('letter')))).toEqual(new Set([numberOf('letter'), numberOf('minutes')]));
    expect(new Set(numbersIn(textOf('letter 10.2')))).toEqual(new Set([numberOf('letter 10.2'), numberOf('minutes')]));
  });

  it('V-77 p. 12: the list cites no other document', () => {
    expect(numbersIn(textOf('list'))).toEqual([numberOf('list')]);
    expect(textOf('list')).toContain('Kazlauskas');
  });

  it('V-77 p. 45–46: the return decision cites the return submission', () => {
    expect(numbersIn(textOf('returnSubmission'))).toEqual([numberOf('returnSubmission')]);
    expect(new Set(numbersIn(textOf('returnDecision')))).toEqual(new Set([numberOf('returnDecision'), numberOf('returnSubmission')]));
    expect(textOf('returnDecision')).toContain(`teikimas Nr. ${numberOf('returnSubmission')}`);
  });

  it('V-77 p. 47, seed 001: the notices cite no other document; the register saved with the nine earlier prefixes numbers them with the default one (S)', () => {
    for (const name of ['p47Notice', 'municipalityNotice', 'transferNotice']) {
      expect(numberOf(name), name).toMatch(/^S-\d+$/);
      expect(numbersIn(textOf(name)), name).toEqual([numberOf(name)]);
    }
    expect(textOf('p47Notice')).toContain('Pataisos įstaigos direktoriui, Panevėžio pataisos namai');
    expect(textOf('p47Notice')).toContain('Aplinkybės: Nuteistajam pareikšti įtarimai dėl naujos nusikalstamos veikos.');
    expect(textOf('municipalityNotice')).toContain('Kazlauskas');
    expect(textOf('municipalityNotice')).toContain('gali būti paleistas lygtinai 2027 m. birželio 1 d.');
    // V-77 p. 22–23: the notice of the arrival, with the photo and the personal marks annexed.
    expect(textOf('transferNotice')).toContain('Pataisos įstaigos direktoriui, Panevėžio pataisos namai');
    expect(textOf('transferNotice')).toContain('tą pačią darbo dieną iki 15 val.');
    expect(textOf('transferNotice')).toContain('Nuteistojo nuotrauka, 1 lapas.');
  });

  it('issue 17: the report to the Prison Department is numbered in its own register (AT), cites no other document and names its period', () => {
    expect(numberOf('statisticsReport')).toMatch(/^AT-\d+$/);
    expect(numbersIn(textOf('statisticsReport'))).toEqual([numberOf('statisticsReport')]);
    expect(textOf('statisticsReport')).toContain('laikotarpiu nuo 2026 m. sausio 1 d. iki 2026 m. lapkričio 23 d.');
  });

  it('V-77 p. 10: the minutes and the proposal say the chair’s vote decided only for the real tie, with the real count', () => {
    const minutes = textOf('minutes2');
    expect(minutes).toContain('Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 1. Balsams pasiskirsčius po lygiai, lėmė posėdžio pirmininko balsas.');
    // 2 for, 1 against, 1 abstaining (a member recused) is no tie: not adopted, and no tie sentence.
    expect(minutes).toContain('Siūlymas priimti Aprašo 10.3 papunktyje nurodytą sprendimą balsavimu nepriimtas (už – 2, prieš – 1, susilaikė – 1).');
    expect(minutes).toContain('Balsavimo rezultatai: už – 3, prieš – 1, susilaikė – 0. NUSPRĘSTA.');
    expect(minutes.split('po lygiai')).toHaveLength(2);
    expect(textOf('proposal tie')).toContain('Balsavimo rezultatai: už – 2, prieš – 2, susilaikė – 1. Balsams pasiskirsčius po lygiai, lėmė posėdžio pirmininko balsas.');
    expect(textOf('proposal near')).toContain('Balsavimo rezultatai: už – 3, prieš – 1, susilaikė – 0.');
    expect(textOf('proposal near')).not.toContain('po lygiai');
    // The unanimous votes of the first meeting: no tie anywhere.
    expect(textOf('minutes')).toContain('Balsavimo rezultatai: už – 5, prieš – 0, susilaikė – 0.');
    expect(textOf('minutes')).not.toContain('po lygiai');
  });
});
