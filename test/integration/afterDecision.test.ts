import { mkdtempSync, rmSync } from 'node:fs';
import { handCodec } from '../helpers/storeFiles';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/index';
import { requestInputOf, type CaseRecord, type CaseView, type RequestInput } from '../../shared/contract/schemas';
import type { DecisionId } from '../../shared/domain/decisions';
import { appealFiledLate, meetingDueDate } from '../../shared/domain/deadlines';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { openDataDirectory } from '../../electron/services/store/dataDirectory';
import { unlockDataKey } from '../../electron/services/store/encryption';
import { GeneratedStore } from '../../electron/services/store/generatedStore';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { setUpOfficials, signAct, signGroundwork, stagedCopy, type Officials } from '../helpers/directorActs';
import { DOSSIER_CASE_REQUEST, loadCompleteDossier } from '../helpers/dossier';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { openAsStaff } from '../helpers/users';

/**
 * Issue 14: what follows the commission's decision, recorded on the case through the real methods
 * on a real (encrypted) data directory: which commission decides (V-77 p. 5–8), the list after the
 * decision (p. 12), the steps the director's signed acts take and the received acts of the Prison
 * Department (p. 13–19), another institution's p. 47 notice, the arrival and the departure (p. 4,
 * 20, 22–25), appeals and their outcomes (p. 50–51), and recorded corrections.
 */

const TODAY = '2026-11-23'; // a Monday
const RECEIVED = '2026-11-16';
const MEETING = '2026-11-18';
/** Later: an appeal is filed, and its outcome comes in (V-77 p. 51). */
const FILED = '2026-11-30'; // a Monday
const LATER = '2026-12-04'; // a Friday

type Dispatch = (method: string, input: unknown) => ReturnType<Services['dispatch']>;

const PEOPLE = {
  resolved: { first: 'Šarūnas', last: 'Gudaitis', file: 'V-4001', own: false, requestDate: '2026-11-02', decision: '10.3' },
  deptRefused: { first: 'Žydrūnas', last: 'Čepulis', file: 'V-4002', own: false, requestDate: '2026-11-03', decision: '10.3' },
  declined: { first: 'Darius', last: 'Butkus', file: 'B-2001', own: true, requestDate: '2026-11-04', decision: '10.1' },
  dismissed: { first: 'Mantas', last: 'Jonaitis', file: 'B-2002', own: true, requestDate: '2026-11-05', decision: '10.1' },
  notice: { first: 'Andrius', last: 'Paulauskas', file: 'V-4003', own: false, requestDate: '2026-11-06', decision: '10.3' },
  letter: { first: 'Linas', last: 'Navickas', file: 'B-2003', own: true, requestDate: '2026-11-06', decision: '10.2' },
  waiting: { first: 'Vytautas', last: 'Urbonas', file: 'B-2004', own: true, requestDate: '2026-11-09', decision: '10.1' },
} as const;
type Who = keyof typeof PEOPLE;

/** Our convict asking for Panevėžys' halfway house: its commission decides (V-77 p. 7–8). */
const SENDS: RequestInput = { ...DOSSIER_CASE_REQUEST, firstName: 'Saulius', lastName: 'Pocius', personalFileNo: 'B-3001', servingInstitutionId: 'own', halfwayHouseInstitutionId: 'panevezys' };
/** Another convict of ours asking for Panevėžys' halfway house, whose request is refused there (V-77 p. 8, 19). */
const SENDS_REFUSED: RequestInput = { ...SENDS, firstName: 'Tadas', lastName: 'Kairys', personalFileNo: 'B-3002' };
/** A convict of Vilnius whose dossier is still incomplete. */
const MISSING: RequestInput = { ...DOSSIER_CASE_REQUEST, firstName: 'Marius', lastName: 'Šimkus', personalFileNo: 'V-5001' };

const NAMES = [
  ...Object.values(PEOPLE).flatMap((p) => [p.first, p.last]),
  ...[SENDS, SENDS_REFUSED, MISSING].flatMap((r) => [r.firstName, r.lastName]),
];

let services: Services & { session: string };
let officials: Officials;
let secretary: Dispatch;
let dataRoot: string;
let staffId: string;
const ids = {} as Record<Who, string>;
let sendsId: string;
let missingId: string;
/** The generated acts an upheld appeal annulled (V-77 p. 51), with the appeal: checked in the store at the end. */
const annulledActs: { documentId: string; appealId: string }[] = [];

function requestOf(p: (typeof PEOPLE)[Who]): RequestInput {
  return { ...DOSSIER_CASE_REQUEST, firstName: p.first, lastName: p.last, personalFileNo: p.file, requestDate: p.requestDate, ...(p.own ? { servingInstitutionId: 'own' } : {}) };
}

const caseOf = (id: string): Promise<CaseView> => ok(secretary, 'cases.get', { id });
const recordOf = async (id: string): Promise<CaseRecord> => (await caseOf(id)).record;
const places = () => ok(secretary, 'places.get', {});

/** A received act recorded with its copy (staged first, as the form does). */
async function recordAct(id: string, act: { kind: string; number: string; date?: string; receivedOn?: string; issuer?: string; granted?: boolean; note?: string }) {
  const view = await caseOf(id);
  const { stagedId } = await stagedCopy(secretary, id, `${act.kind}.pdf`);
  return secretary('cases.recordAct', {
    id,
    revision: view.record.revision,
    date: TODAY,
    receivedOn: TODAY,
    issuer: 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos direktorius',
    ...act,
    stagedId,
  });
}

async function decideAppeal(id: string, appealId: string, result: 'upheld' | 'dismissed', note: string) {
  const view = await caseOf(id);
  const { stagedId } = await stagedCopy(secretary, id, 'sprendimas dėl skundo.pdf');
  return secretary('cases.decideAppeal', { id, revision: view.record.revision, appealId, result, number: 'eI-777', date: TODAY, receivedOn: TODAY, note, stagedId });
}

const value = <T>(result: Awaited<ReturnType<Dispatch>>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};
const errorOf = (result: Awaited<ReturnType<Dispatch>>) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-after-'));
  services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
  secretary = services.dispatch;
  staffId = (await ok(secretary, 'auth.status', {})).user!.id;
  officials = await setUpOfficials(services);
  for (const who of Object.keys(PEOPLE) as Who[]) ids[who] = (await readyCase(secretary, requestOf(PEOPLE[who]), RECEIVED)).record.id;
  const decisions = Object.fromEntries((Object.keys(PEOPLE) as Who[]).map((who) => [ids[who], PEOPLE[who].decision as DecisionId]));
  const meeting = await decideByMeeting(secretary, Object.values(ids), decisions, MEETING);
  await signGroundwork(officials, meeting.record.id, Object.values(ids));
  sendsId = (await ok(secretary, 'cases.register', SENDS)).record.id;
  missingId = (await ok(secretary, 'cases.register', MISSING)).record.id;
}, 300_000);

afterAll(async () => {
  await services?.close();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

describe('which commission decides (V-77 p. 5–8)', () => {
  it('V-77 p. 7–8: our convict asking for another institution’s halfway house gets the dossier sent, with the date, the recipient and the items; never received here, never offered to a meeting', async () => {
    let view = await loadCompleteDossier(secretary, await caseOf(sendsId));
    expect(view.route).toBe('sends');
    expect(view.nextStates).toContain('dossier_sent');
    expect(view.nextStates).not.toContain('dossier_received');
    const wrong = await refused(secretary, 'cases.transition', { id: sendsId, revision: view.record.revision, to: 'dossier_received', on: TODAY });
    expect(wrong.code).toBe('WRONG_COMMISSION');
    expect(wrong.message).toContain('V-77 7–8 p.');
    view = await ok(secretary, 'cases.transition', { id: sendsId, revision: view.record.revision, to: 'dossier_sent', on: TODAY });
    expect(view.record.state).toBe('dossier_sent');
    expect(view.record.facts.dossierSent).toEqual({
      on: TODAY,
      to: 'Panevėžio pataisos namų pusiaukelės namai',
      items: ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', '6.9', '6.10'],
    });
    // Decided elsewhere (p. 8): only the p. 47 circumstances or the convict's withdrawal still end it here.
    expect(view.nextStates).toEqual(['ineligible', 'withdrawn']);
    // The meeting offers only the cases our commission decides.
    const candidates = await ok(secretary, 'meetings.candidates', { date: TODAY });
    expect(candidates.map((c) => c.caseId)).not.toContain(sendsId);
    const onAgenda = await refused(secretary, 'meetings.schedule', { date: TODAY, time: '10:00', place: 'Salė', caseIds: [sendsId] });
    expect(onAgenda.code).toBe('INVALID_INPUT');
  });

  it('V-77 p. 8, 49: the other institution’s decision is recorded with its copy, which reads back byte for byte; the case stays “dossier sent”', async () => {
    const noAnswer = errorOf(await recordAct(sendsId, { kind: 'otherOutcome', number: 'P-15', issuer: 'Panevėžio pataisos namai' }));
    expect(noAnswer.details?.fields).toEqual([{ path: 'granted', key: 'required' }]);
    const view = await caseOf(sendsId);
    const { stagedId, bytes } = await stagedCopy(secretary, sendsId, 'Panevėžio sprendimas.pdf');
    const after = await ok(secretary, 'cases.recordAct', {
      id: sendsId,
      revision: view.record.revision,
      kind: 'otherOutcome',
      number: 'P-15',
      date: TODAY,
      receivedOn: TODAY,
      issuer: 'Panevėžio pataisos namai',
      granted: true,
      stagedId,
    });
    expect(after.record.state).toBe('dossier_sent');
    const act = after.record.acts!.at(-1)!;
    expect(act).toMatchObject({ kind: 'otherOutcome', number: 'P-15', granted: true, file: { name: 'Panevėžio sprendimas.pdf', size: bytes.length, mediaType: 'application/pdf' }, by: staffId });
    expect(after.record.timeline.at(-1)).toMatchObject({ kind: 'act', actId: act.id, on: TODAY });
    expect(after.record.timeline.at(-1)!.note).toContain('Prašymas patenkintas');
    const read = await ok(secretary, 'cases.readAct', { caseId: sendsId, actId: act.id });
    expect(Buffer.from(read.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(read).toMatchObject({ name: 'Panevėžio sprendimas.pdf', mediaType: 'application/pdf', sha256: act.file.sha256 });
    // The Prison Department's act has nothing to move here.
    expect(errorOf(await recordAct(sendsId, { kind: 'departmentResolution', number: '1V-1' })).code).toBe('ACT_NOT_EXPECTED');
    expect((await refused(secretary, 'cases.readAct', { caseId: sendsId, actId: 'nėra' })).code).toBe('ACT_NOT_FOUND');
  });

  it('V-77 p. 8, 49: the other institution decides once: a second outcome is refused (ACT_NOT_EXPECTED) and nothing changes', async () => {
    const before = await recordOf(sendsId);
    const second = errorOf(await recordAct(sendsId, { kind: 'otherOutcome', number: 'P-16', issuer: 'Panevėžio pataisos namai', granted: false }));
    expect(second).toMatchObject({ code: 'ACT_NOT_EXPECTED', params: { kind: 'otherOutcome', state: 'dossier_sent', why: 'recorded' } });
    const after = await recordOf(sendsId);
    expect(after.revision).toBe(before.revision);
    expect(after.acts!.filter((a) => a.kind === 'otherOutcome')).toHaveLength(1);
    expect(after.facts.refusedOn).toBeUndefined();
  });

  it('V-77 p. 8, 19: the other institution’s refusal sets the refusal date (the case stays “dossier sent”): a re-application within 3 months is flagged with the earliest date', async () => {
    let view = await ok(secretary, 'cases.register', SENDS_REFUSED);
    const id = view.record.id;
    view = await ok(secretary, 'cases.transition', { id, revision: view.record.revision, to: 'dossier_sent', on: RECEIVED });
    view = value<CaseView>(await recordAct(id, { kind: 'otherOutcome', number: 'P-20', date: '2026-11-18', receivedOn: '2026-11-20', issuer: 'Panevėžio pataisos namai', granted: false }));
    expect(view.record.state).toBe('dossier_sent');
    expect(view.record.facts.refusedOn).toBe('2026-11-18');
    expect(view.record.timeline.at(-1)!.note).toContain('Prašymas nepatenkintas');
    expect(view.deadlines).toEqual([expect.objectContaining({ rule: 'p19', kind: 'not_before', date: '2027-02-18' })]);
    const check = await ok(secretary, 'cases.checkRequest', { personalFileNo: SENDS_REFUSED.personalFileNo, requestDate: TODAY, possibleTransferDate: '2026-12-15' });
    expect(check.flags).toEqual([expect.objectContaining({ rule: 'p19', earliestAllowed: '2027-02-18' })]);
    // A dossier sent ends the case here: the re-application is registered, and flagged.
    const again = await ok(secretary, 'cases.register', { ...SENDS_REFUSED, requestDate: TODAY });
    expect(again.flags.map((f) => f.rule)).toEqual(['p19']);
    expect((await ok(secretary, 'cases.list', {})).cases.find((c) => c.id === again.record.id)?.flags).toEqual(['p19']);
  });
});

describe('marking the dossier received and correcting a step (issue 14 guards)', () => {
  it('V-77 p. 6–7: a dossier marked received with items missing asks first, naming them; confirmed, the step is taken and the timeline says so', async () => {
    let view = await ok(secretary, 'cases.transition', { id: missingId, revision: 1, to: 'dossier_collecting', on: '2026-11-03' });
    const ask = await refused(secretary, 'cases.transition', { id: missingId, revision: view.record.revision, to: 'dossier_received', on: '2026-11-20' });
    expect(ask.code).toBe('DOSSIER_MISSING_CONFIRM');
    const missing = (ask.params as { missing: { item: string; lt: string; en: string }[] }).missing;
    expect(missing.map((m) => m.item)).toContain('6.1');
    expect(missing[0]).toEqual({ item: expect.any(String), lt: expect.any(String), en: expect.any(String) });
    expect(ask.message).toContain('6.1');
    expect((await recordOf(missingId)).revision).toBe(view.record.revision);
    view = await ok(secretary, 'cases.transition', { id: missingId, revision: view.record.revision, to: 'dossier_received', on: '2026-11-20', confirmMissing: true });
    expect(view.record.state).toBe('dossier_received');
    expect(view.record.facts.dossierReceivedOn).toBe('2026-11-20');
    expect(view.record.timeline.at(-1)!.note).toMatch(/trūksta: 6\.1/);
  });

  it('a step recorded by mistake is undone by a recorded correction (who, when, why), never a silent edit', async () => {
    const view = await caseOf(missingId);
    expect(view.correctable).toEqual({ from: 'dossier_collecting', to: 'dossier_received' });
    expect((await refused(secretary, 'cases.correctStep', { id: missingId, revision: view.record.revision - 1, reason: 'Klaida' })).code).toBe('CASE_CHANGED');
    const reason = 'Pažymėta per klaidą: medžiaga dar negauta.';
    const corrected = await ok(secretary, 'cases.correctStep', { id: missingId, revision: view.record.revision, reason });
    expect(corrected.record.state).toBe('dossier_collecting');
    expect(corrected.record.facts.dossierReceivedOn).toBeUndefined();
    expect(corrected.record.timeline.at(-1)).toMatchObject({ kind: 'corrected', from: 'dossier_received', to: 'dossier_collecting', on: TODAY, note: reason, by: staffId });
    // Who made it is named for whoever reads the case.
    expect(corrected.people?.[staffId]).toBe((await ok(secretary, 'auth.status', {})).user!.displayName);
    // The mistaken step stays on the timeline.
    expect(corrected.record.timeline.filter((e) => e.kind === 'state' && e.to === 'dossier_received')).toHaveLength(1);
    expect(corrected.correctable).toBeUndefined();
    expect((await refused(secretary, 'cases.correctStep', { id: missingId, revision: corrected.record.revision, reason })).code).toBe('NOTHING_TO_CORRECT');
  });

  it('V-77 p. 7, 9: after the correction the true step is recorded at its real date: the floor is the step before the undone one, not the day of the correction', async () => {
    const view = await caseOf(missingId);
    expect(view.lastStepOn).toBe('2026-11-03'); // dossier_collecting, not TODAY (the correction)
    const real = await ok(secretary, 'cases.transition', { id: missingId, revision: view.record.revision, to: 'dossier_received', on: '2026-11-10', confirmMissing: true });
    expect(real.record.facts.dossierReceivedOn).toBe('2026-11-10');
    expect(real.deadlines).toContainEqual(expect.objectContaining({ rule: 'p9', date: meetingDueDate('2026-11-10') }));
    const early = await refused(secretary, 'cases.transition', { id: missingId, revision: real.record.revision, to: 'ready_for_commission', on: '2026-11-09' });
    expect(early.details?.fields).toEqual([{ path: 'on', key: 'dateOrder' }]);
  });
});

describe('after the decision (V-77 p. 12–19)', () => {
  it('V-77 p. 12: the meeting’s 10.1 and 10.3 enter the convict on the list by themselves, dated the meeting; 10.2 stays decided', async () => {
    const waiting = await caseOf(ids.waiting);
    expect(waiting.record).toMatchObject({ state: 'listed', facts: { decision: '10.1', listedOn: MEETING } });
    const [decided, listed] = waiting.record.timeline.slice(-2);
    expect(decided).toMatchObject({ kind: 'state', from: 'scheduled', to: 'decided', on: MEETING, decision: '10.1' });
    expect(listed).toMatchObject({ kind: 'state', from: 'decided', to: 'listed', on: MEETING });
    expect(listed!.note).toContain('V-77 12 p.');
    expect((await recordOf(ids.letter)).state).toBe('decided');
    const list = (await places()).list;
    expect(list.map((e) => e.caseId)).toEqual([ids.resolved, ids.deptRefused, ids.declined, ids.dismissed, ids.notice, ids.waiting]);
  });

  it('V-77 p. 13–16: the steps the director’s signed acts take are refused by hand (STEP_BY_DOCUMENT) and not offered', async () => {
    const waiting = await caseOf(ids.waiting);
    expect(waiting.nextStates).toEqual(['ineligible', 'withdrawn']);
    const order = await refused(secretary, 'cases.transition', { id: ids.waiting, revision: waiting.record.revision, to: 'transfer_ordered', on: TODAY });
    expect(order).toMatchObject({ code: 'STEP_BY_DOCUMENT', params: { to: 'transfer_ordered', kind: 'order', point: '13' } });
    const decline = await refused(secretary, 'cases.transition', { id: ids.waiting, revision: waiting.record.revision, to: 'refused', on: TODAY, note: 'Ne.' });
    expect(decline).toMatchObject({ code: 'STEP_BY_DOCUMENT', params: { kind: 'declineDecision', point: '15' } });
    const notice = await caseOf(ids.notice);
    const submission = await refused(secretary, 'cases.transition', { id: ids.notice, revision: notice.record.revision, to: 'submitted_to_department', on: TODAY });
    expect(submission).toMatchObject({ code: 'STEP_BY_DOCUMENT', params: { kind: 'submission', point: '14' } });
    const letter = await caseOf(ids.letter);
    // Only the p. 47 circumstances and the convict's withdrawal remain hand steps; the refusal is the letter's.
    expect(letter.nextStates).toEqual(['ineligible', 'withdrawn']);
    const refusal = await refused(secretary, 'cases.transition', { id: ids.letter, revision: letter.record.revision, to: 'refused', on: TODAY, note: 'Ne.' });
    expect(refusal).toMatchObject({ code: 'STEP_BY_DOCUMENT', params: { kind: 'letter', point: '16' } });
    expect((await recordOf(ids.waiting)).revision).toBe(waiting.record.revision);
  });

  it('V-77 p. 9–12: a step of the meeting is not corrected by hand (NOTHING_TO_CORRECT)', async () => {
    const waiting = await caseOf(ids.waiting);
    expect(waiting.correctable).toBeUndefined();
    const error = await refused(secretary, 'cases.correctStep', { id: ids.waiting, revision: waiting.record.revision, reason: 'Klaida' });
    expect(error.code).toBe('NOTHING_TO_CORRECT');
  });

  it('V-77 p. 14, 17: the Prison Department director’s resolution, recorded from the received copy, moves the submitted case to “transfer ordered”', async () => {
    await signAct(officials, { kind: 'submission', caseId: ids.resolved });
    let view = await caseOf(ids.resolved);
    expect(view.record.state).toBe('submitted_to_department');
    const byHand = await refused(secretary, 'cases.transition', { id: ids.resolved, revision: view.record.revision, to: 'transfer_ordered', on: TODAY });
    expect(byHand).toMatchObject({ code: 'STEP_BY_RECEIVED_ACT', params: { kind: 'departmentResolution', point: '17' } });
    expect(errorOf(await recordAct(ids.resolved, { kind: 'departmentResolution', number: '1V-100', date: '2026-11-24' })).details?.fields).toEqual([{ path: 'date', key: 'dateInFuture' }]);
    expect(errorOf(await recordAct(ids.resolved, { kind: 'departmentResolution', number: '1V-100', receivedOn: '2026-11-20' })).details?.fields).toEqual([{ path: 'receivedOn', key: 'dateOrder' }]);
    view = value<CaseView>(await recordAct(ids.resolved, { kind: 'departmentResolution', number: '1V-100' }));
    expect(view.record.state).toBe('transfer_ordered');
    const act = view.record.acts!.at(-1)!;
    expect(act).toMatchObject({ kind: 'departmentResolution', number: '1V-100', date: TODAY, receivedOn: TODAY });
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'state', from: 'submitted_to_department', to: 'transfer_ordered', on: TODAY, actId: act.id });
    expect(view.record.timeline.at(-2)).toMatchObject({ kind: 'act', actId: act.id, on: TODAY });
    expect((await ok(secretary, 'cases.readAct', { caseId: ids.resolved, actId: act.id })).sha256).toBe(act.file.sha256);
    // The convict's lawyer contests the resolution before the court (V-77 p. 51); the case goes on meanwhile.
    view = await ok(secretary, 'cases.fileAppeal', { id: ids.resolved, revision: view.record.revision, against: act.id, filedOn: TODAY });
    expect(view.record.state).toBe('transfer_ordered');
  });

  it('V-77 p. 18, 19: the Prison Department director’s refusal, received, refuses the request; p. 19 runs from its date', async () => {
    await signAct(officials, { kind: 'submission', caseId: ids.deptRefused });
    const view = value<CaseView>(await recordAct(ids.deptRefused, { kind: 'departmentRefusal', number: '1V-101' }));
    expect(view.record.state).toBe('refused');
    expect(view.record.facts.refusedOn).toBe(TODAY);
    expect(view.deadlines).toContainEqual(expect.objectContaining({ rule: 'p19', date: '2027-02-23' }));
    expect((await places()).list.map((e) => e.caseId)).not.toContain(ids.deptRefused);
  });

  it('V-77 p. 51: an appeal to the court against the Department’s refusal, upheld, reopens the case at the submission; the timeline keeps the refusal; p. 19 no longer runs', async () => {
    let view = await caseOf(ids.deptRefused);
    const actId = view.record.acts!.at(-1)!.id;
    // The court's term: one month (ABTĮ 29 str. 1 d.) from the day the act was served: for a received act, the day it came.
    expect(view.appealable).toEqual([
      { ref: actId, kind: 'departmentRefusal', number: '1V-101', date: TODAY, body: 'court', dueBy: '2026-12-23', citation: `ABTĮ 29 str. 1 d.; skaičiuojama nuo akto gavimo dienos ${TODAY}` },
    ]);
    expect((await refused(secretary, 'cases.fileAppeal', { id: ids.deptRefused, revision: view.record.revision, against: actId, filedOn: '2026-11-20' })).details?.fields).toEqual([
      { path: 'filedOn', key: 'dateOrder' },
    ]);
    view = await ok(secretary, 'cases.fileAppeal', { id: ids.deptRefused, revision: view.record.revision, against: actId, filedOn: TODAY, note: 'Advokato skundas' });
    expect(view.record.state).toBe('refused');
    const appeal = view.record.appeals!.at(-1)!;
    expect(appeal).toMatchObject({ against: { ref: actId, kind: 'departmentRefusal', number: '1V-101', date: TODAY }, body: 'court', filedOn: TODAY, dueBy: '2026-12-23', by: staffId });
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'appeal', appealId: appeal.id, on: TODAY });
    expect(view.appealable).toEqual([]);
    const twice = await refused(secretary, 'cases.fileAppeal', { id: ids.deptRefused, revision: view.record.revision, against: actId, filedOn: TODAY });
    expect(twice).toMatchObject({ code: 'APPEAL_NOT_ALLOWED', params: { act: 'departmentRefusal', why: 'pending' } });

    view = value<CaseView>(await decideAppeal(ids.deptRefused, appeal.id, 'upheld', 'Teismas panaikino atsisakymą.'));
    expect(view.record.state).toBe('submitted_to_department');
    expect(view.record.facts.refusedOn).toBeUndefined();
    expect(view.deadlines.map((d) => d.rule)).not.toContain('p19');
    const outcome = view.record.appeals!.at(-1)!.outcome!;
    expect(outcome).toMatchObject({ result: 'upheld', on: TODAY, reopenedTo: 'submitted_to_department' });
    expect(view.record.acts!.find((a) => a.id === outcome.actId)).toMatchObject({ kind: 'appealOutcome', number: 'eI-777' });
    expect(view.record.timeline.filter((e) => e.kind === 'state' && e.to === 'refused')).toHaveLength(1);
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'reopened', from: 'refused', to: 'submitted_to_department', appealId: appeal.id, on: TODAY });
    expect(errorOf(await decideAppeal(ids.deptRefused, appeal.id, 'dismissed', 'Dar kartą.'))).toMatchObject({ code: 'APPEAL_DECIDED', params: { outcome: 'upheld' } });
    // Back on the list, holding its place again.
    expect((await places()).list.map((e) => e.caseId)).toContain(ids.deptRefused);
  });

  it('V-77 p. 15, 51: an appeal to the Prison Department director against the decision not to transfer, upheld, puts the convict back on the list', async () => {
    const decline = await signAct(officials, { kind: 'declineDecision', caseId: ids.declined, reason: 'Pažeidė režimą.' });
    let view = await caseOf(ids.declined);
    expect(view.record.state).toBe('refused');
    // The Department's term is not guessed (BVK 183 str.): no due date until the administrator sets it; our act is served on its date.
    expect(view.appealable).toEqual([
      {
        ref: decline.id,
        kind: 'declineDecision',
        number: decline.registrationNumber,
        date: decline.date,
        body: 'department',
        citation: `BVK 183 str.; skaičiuojama nuo akto datos ${decline.date} (įteiktas tą pačią dieną)`,
      },
    ]);
    view = await ok(secretary, 'cases.fileAppeal', { id: ids.declined, revision: view.record.revision, against: decline.id, filedOn: TODAY });
    const appealId = view.record.appeals!.at(-1)!.id;
    view = value<CaseView>(await decideAppeal(ids.declined, appealId, 'upheld', 'Departamentas panaikino sprendimą.'));
    // V-77 p. 51: the annulled decision is marked so in the same change (checked in the store at the end).
    annulledActs.push({ documentId: decline.id, appealId });
    const [entry] = await ok(secretary, 'audit.list', { limit: 1 });
    expect(entry).toMatchObject({ method: 'cases.decideAppeal', subject: { kind: 'case', id: ids.declined } });
    expect(entry!.summary).toContain(`panaikintas dokumentas ${decline.id}`);
    expect(view.record.state).toBe('listed');
    expect(view.record.facts.refusedOn).toBeUndefined();
    expect(view.record.timeline.filter((e) => e.kind === 'state' && e.to === 'refused')).toMatchObject([{ documentId: decline.id }]);
    expect((await places()).list.find((e) => e.caseId === ids.declined)).toMatchObject({ waiting: true });
    // The act the case no longer stands on is not appealed again.
    const stale = await refused(secretary, 'cases.fileAppeal', { id: ids.declined, revision: view.record.revision, against: decline.id, filedOn: TODAY });
    expect(stale).toMatchObject({ code: 'APPEAL_NOT_ALLOWED', params: { act: 'declineDecision', why: 'notInForce' } });
  });

  it('V-77 p. 51, 19: a dismissed appeal leaves the refusal standing, and p. 19 still runs from it', async () => {
    const decline = await signAct(officials, { kind: 'declineDecision', caseId: ids.dismissed, reason: 'Pažeidė režimą.' });
    let view = await caseOf(ids.dismissed);
    view = await ok(secretary, 'cases.fileAppeal', { id: ids.dismissed, revision: view.record.revision, against: decline.id, filedOn: TODAY });
    const appealId = view.record.appeals!.at(-1)!.id;
    view = value<CaseView>(await decideAppeal(ids.dismissed, appealId, 'dismissed', 'Skundas nepagrįstas.'));
    expect(view.record.state).toBe('refused');
    expect(view.record.facts.refusedOn).toBe(decline.date);
    expect(view.deadlines).toContainEqual(expect.objectContaining({ rule: 'p19' }));
    expect(view.record.appeals!.at(-1)!.outcome).toMatchObject({ result: 'dismissed', on: TODAY });
    expect(view.record.appeals!.at(-1)!.outcome!.reopenedTo).toBeUndefined();
    expect(view.record.timeline.some((e) => e.kind === 'reopened')).toBe(false);
  });

  it('V-77 p. 51: only an act that p. 51 names is appealed; an unknown appeal has no outcome to record', async () => {
    const waiting = await caseOf(ids.waiting);
    expect(waiting.appealable).toEqual([]);
    expect(await refused(secretary, 'cases.fileAppeal', { id: ids.waiting, revision: waiting.record.revision, against: 'nėra-tokio', filedOn: TODAY })).toMatchObject({
      code: 'APPEAL_NOT_ALLOWED',
      params: { why: 'notAppealable' },
    });
    const sends = await caseOf(sendsId);
    const outcome = sends.record.acts!.at(-1)!;
    expect(await refused(secretary, 'cases.fileAppeal', { id: sendsId, revision: sends.record.revision, against: outcome.id, filedOn: TODAY })).toMatchObject({
      code: 'APPEAL_NOT_ALLOWED',
      params: { act: 'otherOutcome', why: 'notAppealable' },
    });
    // (No copy can be staged for a case that expects no received document: the refusal comes first.)
    const unknown = { id: ids.waiting, revision: waiting.record.revision, appealId: 'nėra-tokio', result: 'upheld', number: '1', date: TODAY, receivedOn: TODAY, note: 'x', stagedId: 'x' };
    expect((await refused(secretary, 'cases.decideAppeal', unknown)).code).toBe('APPEAL_NOT_FOUND');
    expect((await refused(secretary, 'dossier.stage', { caseId: ids.waiting, name: 'a.pdf', bytes: (await stagedCopy(secretary, sendsId, 'a.pdf')).bytes })).code).toBe('DOSSIER_LOCKED');
  });

  it('V-77 p. 47: another institution’s notice takes its convict off our list, with the reason and the copy', async () => {
    const noReason = errorOf(await recordAct(ids.notice, { kind: 'p47Notice', number: 'VPN-9', issuer: 'Vilniaus pataisos namai' }));
    expect(noReason.details?.fields).toEqual([{ path: 'note', key: 'required' }]);
    const reason = 'Nuteistajam pradėtas naujas ikiteisminis tyrimas.';
    const view = value<CaseView>(await recordAct(ids.notice, { kind: 'p47Notice', number: 'VPN-9', issuer: 'Vilniaus pataisos namai', note: reason }));
    expect(view.record.state).toBe('ineligible');
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'state', from: 'listed', to: 'ineligible', actId: view.record.acts!.at(-1)!.id });
    expect(view.record.timeline.at(-1)!.note).toContain(reason);
    expect((await places()).list.map((e) => e.caseId)).not.toContain(ids.notice);
    // A convict who serves here is not the subject of another institution's notice.
    const waiting = await caseOf(ids.waiting);
    const own = { id: ids.waiting, revision: waiting.record.revision, kind: 'p47Notice', number: 'X', date: TODAY, receivedOn: TODAY, issuer: 'Vilniaus pataisos namai', note: reason, stagedId: 'x' };
    expect((await refused(secretary, 'cases.recordAct', own)).code).toBe('ACT_NOT_EXPECTED');
  });

  it('V-77 p. 22–25: the arrival needs the four p. 25 checks; the place is occupied from that day; an arrival after 15:00 is recorded and noted (p. 22)', async () => {
    let view = await caseOf(ids.resolved);
    const byHand = await refused(secretary, 'cases.transition', { id: ids.resolved, revision: view.record.revision, to: 'transferred', on: TODAY });
    expect(byHand).toMatchObject({ code: 'STEP_BY_RECORD', params: { to: 'transferred', means: 'arrival' } });
    const arrival = { id: ids.resolved, revision: view.record.revision, on: TODAY, time: '16:30', room: '12', bed: '2' };
    const unchecked = await refused(secretary, 'cases.recordArrival', { ...arrival, checks: { identity: true, search: false, rules: true, room: false } });
    expect(unchecked).toMatchObject({ code: 'ARRIVAL_CHECKS_MISSING', params: { missing: ['patikrinimas atliktas (25.2)', 'paskirtas kambarys ir miegamoji vieta (25.4)'] } });
    view = await ok(secretary, 'cases.recordArrival', { ...arrival, checks: { identity: true, search: true, rules: true, room: true } });
    expect(view.record.state).toBe('transferred');
    expect(view.record.facts.arrival).toEqual({ on: TODAY, time: '16:30', room: '12', bed: '2' });
    expect(view.record.timeline.at(-1)!.note).toContain('Atvyko po 15 val. (V-77 22 p.)');
    const now = await places();
    expect(now.occupied).toEqual([{ caseId: ids.resolved, firstName: PEOPLE.resolved.first, lastName: PEOPLE.resolved.last, arrivedOn: TODAY }]);
    expect(now.held.map((h) => h.caseId)).toEqual([ids.deptRefused]);
  });

  it('V-77 p. 4, 20: the departure frees the place that day; the freed place is to be reported within 2 working days, and the report is recorded', async () => {
    let view = await caseOf(ids.resolved);
    expect(await refused(secretary, 'cases.transition', { id: ids.resolved, revision: view.record.revision, to: 'left', on: TODAY })).toMatchObject({ code: 'STEP_BY_RECORD', params: { means: 'departure' } });
    const early = await refused(secretary, 'cases.recordDeparture', { id: ids.resolved, revision: view.record.revision, on: '2026-11-20', how: 'parole' });
    expect(early.details?.fields).toEqual([{ path: 'on', key: 'dateOrder' }]);
    view = await ok(secretary, 'cases.recordDeparture', { id: ids.resolved, revision: view.record.revision, on: TODAY, how: 'parole', note: 'Teismo nutartis' });
    expect(view.record.state).toBe('left');
    expect(view.record.facts.departure).toEqual({ on: TODAY, how: 'parole' });
    // Mon 2026-11-23 + 2 working days: Wed 2026-11-25.
    expect(view.deadlines).toContainEqual(expect.objectContaining({ rule: 'p20', date: '2026-11-25', overdue: false }));
    let now = await places();
    expect(now.occupied).toEqual([]);
    expect(now.freed).toEqual([{ caseId: ids.resolved, firstName: PEOPLE.resolved.first, lastName: PEOPLE.resolved.last, on: TODAY, how: 'parole', reportDue: '2026-11-25', overdue: false }]);
    expect((await refused(secretary, 'places.reportFreed', { id: ids.waiting, revision: (await recordOf(ids.waiting)).revision, on: TODAY })).code).toBe('PLACE_NOT_FREED');
    now = await ok(secretary, 'places.reportFreed', { id: ids.resolved, revision: view.record.revision, on: TODAY });
    expect(now.freed[0]).toMatchObject({ caseId: ids.resolved, reportedOn: TODAY, overdue: false });
    view = await caseOf(ids.resolved);
    expect(view.record.facts.placeReportedOn).toBe(TODAY);
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'placeReported', on: TODAY });
    expect(view.deadlines.map((d) => d.rule)).not.toContain('p20');
    expect((await refused(secretary, 'places.reportFreed', { id: ids.resolved, revision: view.record.revision, on: TODAY })).code).toBe('PLACE_NOT_FREED');
  });

  it('V-77 p. 51: an upheld appeal against an act the case has moved on from (the resolution, then the arrival and the departure) is recorded as upheld without reopening, and the timeline says why', async () => {
    let view = await caseOf(ids.resolved);
    expect(view.record.state).toBe('left');
    const appeal = view.record.appeals!.find((a) => a.against.kind === 'departmentResolution')!;
    expect(appeal.outcome).toBeUndefined();
    view = value<CaseView>(await decideAppeal(ids.resolved, appeal.id, 'upheld', 'Teismas panaikino nutarimą.'));
    expect(view.record.state).toBe('left');
    expect(view.record.facts.departure).toEqual({ on: TODAY, how: 'parole' });
    const outcome = view.record.appeals!.find((a) => a.id === appeal.id)!.outcome!;
    expect(outcome).toMatchObject({ result: 'upheld', on: TODAY });
    expect(outcome.reopenedTo).toBeUndefined();
    expect(view.record.timeline.some((e) => e.kind === 'reopened')).toBe(false);
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'appeal', appealId: appeal.id, actId: outcome.actId });
    expect(view.record.timeline.at(-1)!.note).toContain('Byla neatnaujinta: skųstas aktas nebegalioja, byla jau pasikeitusi (būsena „');
    const [entry] = await ok(secretary, 'audit.list', { limit: 1 });
    expect(entry!.summary).toContain('byla neatnaujinta');
  });

  it('issue 14, V-77 p. 4, 12, 14: the convict withdraws after the submission: off the list, the held place free; correcting the withdrawal holds the place again, only if one is free (NO_FREE_PLACE)', async () => {
    let view = await caseOf(ids.deptRefused);
    expect(view.record.state).toBe('submitted_to_department');
    expect(view.nextStates).toContain('withdrawn');
    view = await ok(secretary, 'cases.transition', { id: ids.deptRefused, revision: view.record.revision, to: 'withdrawn', on: TODAY, note: 'Nuteistasis atsiėmė prašymą.' });
    expect(view.record.state).toBe('withdrawn');
    let now = await places();
    expect(now.held.map((h) => h.caseId)).not.toContain(ids.deptRefused);
    expect(now.list.map((e) => e.caseId)).not.toContain(ids.deptRefused);
    expect(view.correctable).toEqual({ from: 'submitted_to_department', to: 'withdrawn' });
    // No place at all from today: undoing the withdrawal would hold a place there is not.
    await ok(secretary, 'places.changeCapacity', { revision: now.settingsRevision, from: TODAY, places: 0, note: 'Remontas' });
    const full = await refused(secretary, 'cases.correctStep', { id: ids.deptRefused, revision: view.record.revision, reason: 'Prašymas neatsiimtas, įrašyta per klaidą.' });
    expect(full).toMatchObject({ code: 'NO_FREE_PLACE', params: { on: TODAY, capacity: 0, step: 'correction' } });
    expect(full.message).toContain('pirmiausia atlaisvinkite vietą');
    expect((await recordOf(ids.deptRefused)).state).toBe('withdrawn');
    now = await places();
    await ok(secretary, 'places.changeCapacity', { revision: now.settingsRevision, from: TODAY, places: 24, note: 'Remontas baigtas' });
    view = await ok(secretary, 'cases.correctStep', { id: ids.deptRefused, revision: view.record.revision, reason: 'Prašymas neatsiimtas, įrašyta per klaidą.' });
    expect(view.record.state).toBe('submitted_to_department');
    now = await places();
    expect(now.held.map((h) => h.caseId)).toContain(ids.deptRefused);
  });

  it('V-77 p. 16: the signed letter refuses the 10.2 request, p. 19 running from its date', async () => {
    const letter = await signAct(officials, { kind: 'letter', caseId: ids.letter });
    const view = await caseOf(ids.letter);
    expect(view.record).toMatchObject({ state: 'refused', facts: { refusedOn: letter.date } });
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'state', from: 'decided', to: 'refused', documentId: letter.id });
  });

  it('the audit trail names the cases, acts and appeals by id only, never a convict', async () => {
    const trail = await ok(secretary, 'audit.list', { limit: 5000 });
    const ours = trail.filter((e) => e.method.startsWith('cases.') || e.method.startsWith('places.'));
    expect(new Set(ours.map((e) => e.method))).toEqual(
      new Set([
        'cases.register',
        'cases.transition',
        'cases.recordAct',
        'cases.fileAppeal',
        'cases.decideAppeal',
        'cases.correctStep',
        'cases.recordArrival',
        'cases.recordDeparture',
        'places.reportFreed',
        'places.changeCapacity',
      ]),
    );
    for (const entry of trail) for (const name of NAMES) expect(entry.summary ?? '', `${entry.method}: ${entry.summary}`).not.toContain(name);
  });
});

describe('later: the outcome of an appeal against the p. 16 letter (V-77 p. 9, 16, 19, 51)', () => {
  let letterAppealId: string;
  let letterId: string;

  beforeAll(async () => {
    await services.close();
    services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: LATER, verifyOnOpen: false });
    secretary = services.dispatch;
    // The administrator sets the Department's term (BVK 183 str.), in days from the service.
    const settings = (await ok(secretary, 'settings.get', {}))!;
    await ok(secretary, 'settings.save', { ...settings, appealTerms: { ...settings.appealTerms, department: { days: 5, citation: 'BVK 183 str.' } } });
  }, 60_000);

  it('V-77 p. 51: an appeal filed after the term is recorded as filed; the lateness is a warning computed from the term, not a fact on the timeline', async () => {
    let view = await caseOf(ids.letter);
    letterId = view.record.timeline.at(-1)!.documentId!;
    expect(view.appealable).toEqual([
      expect.objectContaining({ ref: letterId, kind: 'letter', body: 'department', dueBy: '2026-11-28', citation: `BVK 183 str.; skaičiuojama nuo akto datos ${TODAY} (įteiktas tą pačią dieną)` }),
    ]);
    view = await ok(secretary, 'cases.fileAppeal', { id: ids.letter, revision: view.record.revision, against: letterId, filedOn: FILED });
    const appeal = view.record.appeals!.at(-1)!;
    letterAppealId = appeal.id;
    expect(appeal).toMatchObject({ filedOn: FILED, dueBy: '2026-11-28' });
    expect(appealFiledLate(appeal)).toBe(true);
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'appeal', appealId: appeal.id, on: FILED });
    expect(view.record.timeline.at(-1)!.note).not.toMatch(/praleidus|termin/);
  });

  it('V-77 p. 19, 51: an upheld appeal does not reopen the case while another request of the convict is open (REOPEN_OTHER_OPEN naming it); once that one is withdrawn, it does', async () => {
    const again = await ok(secretary, 'cases.register', { ...requestOf(PEOPLE.letter), requestDate: LATER });
    expect(again.flags.map((f) => f.rule)).toEqual(['p19']);
    const before = await recordOf(ids.letter);
    const { stagedId } = await stagedCopy(secretary, ids.letter, 'Departamento sprendimas.pdf');
    const decide = { id: ids.letter, revision: before.revision, appealId: letterAppealId, result: 'upheld', number: '1V-900', date: '2026-12-01', receivedOn: '2026-12-03', note: 'Raštas nemotyvuotas.', stagedId };
    const blocked = await refused(secretary, 'cases.decideAppeal', decide);
    expect(blocked).toMatchObject({ code: 'REOPEN_OTHER_OPEN', params: { other: { caseId: again.record.id, requestDate: LATER, state: 'request_received' }, to: 'ready_for_commission' } });
    expect(blocked.message).toContain(`pateiktas ${LATER}`);
    expect((await recordOf(ids.letter)).revision).toBe(before.revision);
    await ok(secretary, 'cases.transition', { id: again.record.id, revision: again.record.revision, to: 'withdrawn', on: LATER, note: 'Nuteistasis atsiėmė pakartotinį prašymą.' });
    const view = await ok(secretary, 'cases.decideAppeal', decide);
    expect(view.record.state).toBe('ready_for_commission');
    annulledActs.push({ documentId: letterId, appealId: letterAppealId });
  });

  it('V-77 p. 9, 51: the reopening is dated the day the decision was received, and the p. 9 term of the commission runs from it', async () => {
    const view = await caseOf(ids.letter);
    expect(view.record.appeals!.at(-1)!.outcome).toMatchObject({ result: 'upheld', on: '2026-12-01', reopenedTo: 'ready_for_commission' });
    expect(view.record.timeline.at(-2)).toMatchObject({ kind: 'appeal', on: '2026-12-01' });
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'reopened', from: 'refused', to: 'ready_for_commission', on: '2026-12-03' });
    expect(view.record.facts.dossierReceivedOn).toBe('2026-12-03');
    expect(view.record.facts.refusedOn).toBeUndefined();
    expect(view.deadlines).toEqual([expect.objectContaining({ rule: 'p9', date: meetingDueDate('2026-12-03') })]);
    expect(view.lastStepOn).toBe('2026-12-03');
  });

  it('V-77 p. 10, 12, 51: back at the commission, the request decided on is no longer corrected (REQUEST_LOCKED): it would move the convict on the list', async () => {
    const view = await caseOf(ids.letter);
    const request = { ...requestInputOf(view.record), requestDate: '2026-11-01' };
    const locked = await refused(secretary, 'cases.updateRequest', { id: ids.letter, revision: view.record.revision, request });
    expect(locked).toMatchObject({ code: 'REQUEST_LOCKED', params: { state: 'ready_for_commission' } });
    expect((await recordOf(ids.letter)).request.requestDate).toBe(PEOPLE.letter.requestDate);
  });

  it('V-77 p. 51: the generated acts an upheld appeal annulled are marked so in the store, each with its appeal', async () => {
    expect(annulledActs).toHaveLength(2);
    await services.close();
    const dataDir = join(dataRoot, 'data');
    const key = await unlockDataKey(dataDir, { kind: 'passphrase', passphrase: process.env.PUSIAUKELE_PASSPHRASE ?? '' });
    const dir = openDataDirectory(dataDir);
    try {
      const generated = new GeneratedStore(dir, handCodec(dataDir, key));
      for (const { documentId, appealId } of annulledActs) expect(generated.get(documentId).annulledBy, documentId).toBe(appealId);
      // The acts no appeal annulled are as they were.
      const others = generated.list().filter((d) => !annulledActs.some((a) => a.documentId === d.id));
      expect(others.length).toBeGreaterThan(0);
      for (const d of others) expect(d.annulledBy, d.kind).toBeUndefined();
    } finally {
      dir.release();
    }
    services = await openAsStaff({ dataDir, today: LATER, verifyOnOpen: false });
    secretary = services.dispatch;
  });
});

describe('the copies of received documents at rest', () => {
  it('V-77 p. 49: the copy of a received act is kept by the next check of the data directory, which removes only what no case refers to', async () => {
    const dataDir = tempDataDir();
    let staff = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    await ok(staff.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    let view = await ok(staff.dispatch, 'cases.register', SENDS);
    view = await ok(staff.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_sent', on: TODAY });
    expect(view.record.facts.dossierSent).toEqual({ on: TODAY, to: 'Panevėžio pataisos namų pusiaukelės namai', items: [] });
    const { stagedId, bytes } = await stagedCopy(staff.dispatch, view.record.id, 'atsakymas.pdf');
    view = await ok(staff.dispatch, 'cases.recordAct', {
      id: view.record.id,
      revision: view.record.revision,
      kind: 'otherOutcome',
      number: 'P-1',
      date: TODAY,
      receivedOn: TODAY,
      issuer: 'Panevėžio pataisos namai',
      granted: false,
      stagedId,
    });
    const actId = view.record.acts![0]!.id;
    await staff.close();
    // The next start reads every case file and removes the contents none refers to.
    staff = await openAsStaff({ dataDir, today: TODAY, verifyDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 300));
    await staff.close();
    staff = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const read = await ok(staff.dispatch, 'cases.readAct', { caseId: view.record.id, actId });
    expect(Buffer.from(read.bytes).equals(Buffer.from(bytes))).toBe(true);
    await staff.close();
  });
});
