import { mkdtempSync, rmSync } from 'node:fs';
import { handCodec } from '../helpers/storeFiles';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { openServices, type Services } from '../../electron/services/index';
import type { PlacesView } from '../../shared/contract/afterDecisionSchemas';
import type { CaseView, RequestInput } from '../../shared/contract/schemas';
import { CaseStore } from '../../electron/services/store/caseStore';
import { openDataDirectory } from '../../electron/services/store/dataDirectory';
import { unlockDataKey } from '../../electron/services/store/encryption';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { setUpOfficials, signAct, signGroundwork, stagedCopy, type Officials } from '../helpers/directorActs';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { as, openAsStaff, signedIn, staffSession } from '../helpers/users';

/**
 * Issue 14: the halfway house's places and the p. 12 list, derived from the cases (V-77 p. 4, 12,
 * 20): the capacity over time, the arrivals that occupy and the acts that hold a place, the
 * departures and the return that free it, the p. 20 report, and the pass-overs of the list.
 */

const TODAY = '2026-11-23'; // a Monday
const RECEIVED = '2026-11-16';
const MEETING = '2026-11-18';

type Dispatch = (method: string, input: unknown) => ReturnType<Services['dispatch']>;

const PEOPLE = {
  first: { first: 'Rimantas', last: 'Kazlauskas', file: 'B-2001', requestDate: '2026-11-02' },
  second: { first: 'Darius', last: 'Butkus', file: 'B-2002', requestDate: '2026-11-03' },
  third: { first: 'Vytautas', last: 'Urbonas', file: 'B-2003', requestDate: '2026-11-04' },
  fourth: { first: 'Saulius', last: 'Pocius', file: 'B-2004', requestDate: '2026-11-05' },
} as const;
type Who = keyof typeof PEOPLE;

const CHECKS = { identity: true, search: true, rules: true, room: true };

describe('the capacity over time (V-77 p. 4)', () => {
  it('V-77 p. 4: a dated change of the number of places applies from its date; a stale revision is refused; only an administrator changes it', async () => {
    const dataDir = tempDataDir();
    let services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    let view = await ok(services.dispatch, 'places.get', {});
    expect(view).toMatchObject({ today: TODAY, halfwayHouse: DEMO_SETTINGS.institution.halfwayHouseName, capacity: 24, capacityChanges: [], free: 24, over: 0, list: [], settingsRevision: 1 });
    view = await ok(services.dispatch, 'places.changeCapacity', { revision: 1, from: '2026-11-20', places: 20, note: 'Remontuojamas vienas aukštas' });
    expect(view).toMatchObject({ capacity: 20, free: 20, settingsRevision: 2 });
    view = await ok(services.dispatch, 'places.changeCapacity', { revision: 2, from: '2026-12-01', places: 30 });
    // The change dated later does not apply yet.
    expect(view).toMatchObject({ capacity: 20, settingsRevision: 3 });
    expect(view.capacityChanges).toEqual([
      { from: '2026-11-20', places: 20, note: 'Remontuojamas vienas aukštas' },
      { from: '2026-12-01', places: 30, note: '' },
    ]);
    const stale = await refused(services.dispatch, 'places.changeCapacity', { revision: 2, from: '2026-12-01', places: 10 });
    expect(stale).toMatchObject({ code: 'STALE_REVISION', params: { kind: 'settings', revision: 3 } });
    // The settings keep the history, and the settings form saves over it as usual.
    const settings = await ok(services.dispatch, 'settings.get', {});
    expect(settings).toMatchObject({ revision: 3, institution: { places: 24, capacityChanges: view.capacityChanges } });
    const secretary = as(services, await signedIn(services, services.session, 'sekretore', ['secretary']));
    expect((await refused(secretary, 'places.changeCapacity', { revision: 3, from: '2026-12-01', places: 10 })).code).toBe('FORBIDDEN');
    expect((await ok(secretary, 'places.get', {})).capacity).toBe(20);
    const changes = (await ok(services.dispatch, 'audit.list', {})).filter((e) => e.method === 'places.changeCapacity');
    expect(changes.map((e) => [e.subject, e.summary])).toEqual([
      [{ kind: 'settings' }, 'Pusiaukelės namų vietų skaičius nuo 2026-12-01: 30'],
      [{ kind: 'settings' }, 'Pusiaukelės namų vietų skaičius nuo 2026-11-20: 20'],
    ]);
    await services.close();
    // From its date on, the later change applies.
    services = await openAsStaff({ dataDir, today: '2026-12-01', verifyOnOpen: false });
    expect((await ok(services.dispatch, 'places.get', {})).capacity).toBe(30);
    await services.close();
  });

  it('V-77 p. 4: an institution that runs no halfway house has no places and no list', async () => {
    const services = await openAsStaff({ dataDir: tempDataDir(), today: TODAY, verifyOnOpen: false });
    await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0, institution: { ...DEMO_SETTINGS.institution, runsHalfwayHouse: false, halfwayHouseName: '' } });
    expect((await refused(services.dispatch, 'places.get', {})).code).toBe('NO_HALFWAY_HOUSE');
    expect((await refused(services.dispatch, 'places.changeCapacity', { revision: 1, from: TODAY, places: 3 })).code).toBe('NO_HALFWAY_HOUSE');
    await services.close();
  });
});

describe('occupancy, the list and the freed places (V-77 p. 4, 12, 13, 20, 24–25, 44–46)', () => {
  let services: Services & { session: string };
  let officials: Officials;
  let secretary: Dispatch;
  let dataRoot: string;
  const ids = {} as Record<Who, string>;

  const places = (): Promise<PlacesView> => ok(secretary, 'places.get', {});
  const caseOf = (who: Who): Promise<CaseView> => ok(secretary, 'cases.get', { id: ids[who] });
  const setCapacity = async (placesCount: number) => {
    const { settingsRevision } = await places();
    return ok(secretary, 'places.changeCapacity', { revision: settingsRevision, from: TODAY, places: placesCount });
  };
  const arrive = async (who: Who, time = '11:00') => {
    const view = await caseOf(who);
    return secretary('cases.recordArrival', { id: ids[who], revision: view.record.revision, on: TODAY, time, checks: CHECKS, room: '3', bed: '1' });
  };

  function requestOf(p: (typeof PEOPLE)[Who]): RequestInput {
    return { ...DOSSIER_CASE_REQUEST, firstName: p.first, lastName: p.last, personalFileNo: p.file, requestDate: p.requestDate, servingInstitutionId: 'own' };
  }

  beforeAll(async () => {
    dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-places-'));
    services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
    secretary = services.dispatch;
    officials = await setUpOfficials(services);
    for (const who of Object.keys(PEOPLE) as Who[]) ids[who] = (await readyCase(secretary, requestOf(PEOPLE[who]), RECEIVED)).record.id;
    const caseIds = Object.values(ids);
    const meeting = await decideByMeeting(secretary, caseIds, Object.fromEntries(caseIds.map((id) => [id, '10.1' as const])), MEETING);
    await signGroundwork(officials, meeting.record.id, caseIds);
  }, 300_000);

  afterAll(async () => {
    await services?.close();
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
  });

  it('V-77 p. 12, 20: the list is ordered by request date and proposes its first waiting convict for the next free place', async () => {
    const view = await places();
    expect(view.list.map((e) => [e.position, e.caseId, e.decision, e.state, e.listedOn, e.waiting])).toEqual(
      (Object.keys(PEOPLE) as Who[]).map((who, i) => [i + 1, ids[who], '10.1', 'listed', MEETING, true]),
    );
    expect(view.next).toMatchObject({ caseId: ids.first, firstName: PEOPLE.first.first, lastName: PEOPLE.first.last });
    expect(view).toMatchObject({ capacity: 24, free: 24, occupied: [], held: [], freed: [], passOvers: [] });
  });

  it('V-77 p. 4, 13, 24–25: the order holds a place until the arrival; an arrival needs a place free that day besides the convict’s own (NO_FREE_PLACE); the departure frees it', async () => {
    await setCapacity(2);
    await signAct(officials, { kind: 'order', caseId: ids.first });
    await signAct(officials, { kind: 'order', caseId: ids.second });
    let view = await places();
    expect(view.held.map((h) => [h.caseId, h.state])).toEqual([
      [ids.first, 'transfer_ordered'],
      [ids.second, 'transfer_ordered'],
    ]);
    expect(view).toMatchObject({ capacity: 2, free: 0, over: 0 });
    expect(view.next?.caseId).toBe(ids.third);
    // The first arrives: the place held for them is theirs.
    expect((await arrive('first')).ok).toBe(true);
    view = await places();
    expect(view.occupied.map((o) => [o.caseId, o.arrivedOn])).toEqual([[ids.first, TODAY]]);
    expect(view.held.map((h) => h.caseId)).toEqual([ids.second]);
    // One place fewer from today: two convicts for one place.
    view = await setCapacity(1);
    expect(view).toMatchObject({ capacity: 1, free: 0, over: 1 });
    const full = await arrive('second');
    expect(full.ok).toBe(false);
    if (!full.ok) {
      expect(full.error.code).toBe('NO_FREE_PLACE');
      expect(full.error.params).toEqual({ on: TODAY, capacity: 1, occupied: 1, reserved: 0, step: 'arrival' });
      expect(full.error.message).toContain('Atvykimas registruojamas, kai vieta atsilaisvina.');
    }
    // The first leaves at the end of the sentence: the place frees that day and the second arrives.
    const first = await caseOf('first');
    await ok(secretary, 'cases.recordDeparture', { id: ids.first, revision: first.record.revision, on: TODAY, how: 'sentence_end' });
    view = await places();
    expect(view.occupied).toEqual([]);
    expect(view.freed.map((f) => [f.caseId, f.how, f.reportDue])).toEqual([[ids.first, 'sentence_end', '2026-11-25']]);
    expect((await arrive('second')).ok).toBe(true);
    view = await places();
    expect(view.occupied.map((o) => o.caseId)).toEqual([ids.second]);
    expect(view).toMatchObject({ capacity: 1, free: 0, over: 0 });
  });

  it('V-77 p. 12: an order for a convict beyond the first waiting one passes over them; the places view keeps this year’s pass-overs with the reason', async () => {
    await setCapacity(2); // one place free: it goes to the first waiting convict (third)
    const reason = 'Ankstesnis nuteistasis gydomas ligoninėje.';
    const order = await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.fourth, passOverReason: reason });
    const view = await places();
    expect(view.passOvers).toEqual([{ caseId: ids.fourth, on: TODAY, passed: [ids.third], reason }]);
    // The order stays unsigned: the list is as it was.
    expect(view.list.filter((e) => e.waiting).map((e) => e.caseId)).toEqual([ids.third, ids.fourth]);
    expect(order.caseIds).toEqual([ids.fourth]);
    // A correction of the order records its own pass-over; the corrected one no longer counts.
    const better = 'Ankstesnis nuteistasis gydomas ligoninėje iki gruodžio 15 d.';
    await ok(secretary, 'documents.issue', { kind: 'order', caseId: ids.fourth, passOverReason: better, replaces: order.id });
    expect((await places()).passOvers).toEqual([{ caseId: ids.fourth, on: TODAY, passed: [ids.third], reason: better }]);
  });

  it('V-77 p. 44–46, 51: the signed decision to return frees the place; an appeal against it, upheld, puts the convict back in the halfway house, occupying the place again', async () => {
    await signAct(officials, { kind: 'returnSubmission', caseId: ids.second, reason: 'Vėlavo grįžti į pusiaukelės namus.', annexes: ['Tarnybinis pranešimas, 1 lapas.'] });
    const decision = await signAct(officials, { kind: 'returnDecision', caseId: ids.second, reason: 'Pažeidė vidaus tvarkos taisykles.' });
    let view = await caseOf('second');
    expect(view.record.state).toBe('returned');
    expect(view.record.facts.departure).toEqual({ on: decision.date, how: 'return' });
    let now = await places();
    expect(now.occupied).toEqual([]);
    expect(now.freed.map((f) => [f.caseId, f.how])).toContainEqual([ids.second, 'return']);
    expect(view.appealable).toMatchObject([{ ref: decision.id, kind: 'returnDecision', body: 'department' }]);
    view = await ok(secretary, 'cases.fileAppeal', { id: ids.second, revision: view.record.revision, against: decision.id, filedOn: TODAY });
    const appealId = view.record.appeals!.at(-1)!.id;
    const { stagedId } = await stagedCopy(secretary, ids.second, 'Departamento sprendimas.pdf');
    const outcome = { id: ids.second, revision: view.record.revision, appealId, result: 'upheld', number: '1V-500', date: TODAY, receivedOn: TODAY, note: 'Grąžinimas nepagrįstas.', stagedId };
    // V-77 p. 4: with no place free, the upheld appeal is not recorded: it would put the convict in a place there is not.
    await setCapacity(0);
    const full = await refused(secretary, 'cases.decideAppeal', outcome);
    expect(full).toMatchObject({ code: 'NO_FREE_PLACE', params: { on: TODAY, capacity: 0, occupied: 0, reserved: 0, step: 'reopening' } });
    expect(full.message).toContain('užregistruokite skundo baigtį (V-77 51 p.)');
    expect((await caseOf('second')).record).toMatchObject({ state: 'returned', revision: view.record.revision });
    await setCapacity(2);
    view = await ok(secretary, 'cases.decideAppeal', outcome);
    expect(view.record.state).toBe('transferred');
    expect(view.record.facts.departure).toBeUndefined();
    expect(view.record.facts.arrival).toMatchObject({ on: TODAY });
    now = await places();
    expect(now.occupied.map((o) => o.caseId)).toEqual([ids.second]);
    expect(now.freed.map((f) => f.caseId)).not.toContain(ids.second);
  });

  it('V-77 p. 4: a departure recorded by mistake is corrected only if the place is still free: the correction puts the convict back in it (NO_FREE_PLACE otherwise)', async () => {
    let view = await caseOf('second');
    view = await ok(secretary, 'cases.recordDeparture', { id: ids.second, revision: view.record.revision, on: TODAY, how: 'parole' });
    expect(view.correctable).toEqual({ from: 'transferred', to: 'left' });
    await setCapacity(0);
    const full = await refused(secretary, 'cases.correctStep', { id: ids.second, revision: view.record.revision, reason: 'Išvykimas įrašytas ne tam nuteistajam.' });
    expect(full).toMatchObject({ code: 'NO_FREE_PLACE', params: { capacity: 0, step: 'correction' } });
    await setCapacity(2);
    view = await ok(secretary, 'cases.correctStep', { id: ids.second, revision: view.record.revision, reason: 'Išvykimas įrašytas ne tam nuteistajam.' });
    expect(view.record.state).toBe('transferred');
    expect(view.record.facts.departure).toBeUndefined();
    const now = await places();
    expect(now.occupied.map((o) => o.caseId)).toEqual([ids.second]);
    expect(now.freed.map((f) => f.caseId)).not.toContain(ids.second);
  });

  it('V-77 p. 20: a freed place not reported within 2 working days is overdue; the report is recorded on the case and ends the term, also for a convict transferred before arrivals were kept', async () => {
    await services.close();
    // The first convict as a case from before arrivals were kept: transferred and left, no arrival recorded (V-77 p. 4).
    const dataDir = join(dataRoot, 'data');
    const key = await unlockDataKey(dataDir, { kind: 'passphrase', passphrase: process.env.PUSIAUKELE_PASSPHRASE ?? '' });
    const dir = openDataDirectory(dataDir);
    try {
      const store = CaseStore.open(dir, handCodec(dataDir, key));
      const record = store.get(ids.first);
      const { arrival: _arrival, ...facts } = record.facts;
      store.put({ ...record, facts }, 'caseStep');
      store.close();
    } finally {
      dir.release();
    }
    // Thursday: the report was due on Wednesday.
    const later = await openServices({ dataDir: join(dataRoot, 'data'), today: '2026-11-26', verifyOnOpen: false });
    services = Object.assign(later, { session: await staffSession(later) });
    secretary = as(services, services.session);
    let view = await places();
    expect(view.freed.find((f) => f.caseId === ids.first)).toMatchObject({ reportDue: '2026-11-25', overdue: true });
    const first = await caseOf('first');
    expect(first.record.facts.arrival).toBeUndefined();
    expect(first.deadlines).toContainEqual(expect.objectContaining({ rule: 'p20', date: '2026-11-25', overdue: true }));
    const future = await refused(secretary, 'places.reportFreed', { id: ids.first, revision: first.record.revision, on: '2026-11-27' });
    expect(future.details?.fields, `${future.code}: ${future.message}`).toEqual([{ path: 'on', key: 'dateInFuture' }]);
    view = await ok(secretary, 'places.reportFreed', { id: ids.first, revision: first.record.revision, on: '2026-11-26' });
    expect(view.freed.find((f) => f.caseId === ids.first)).toMatchObject({ reportedOn: '2026-11-26', overdue: false });
    const reported = await caseOf('first');
    expect(reported.deadlines.map((d) => d.rule)).not.toContain('p20');
    expect(reported.record.timeline.at(-1)).toMatchObject({ kind: 'placeReported', on: '2026-11-26' });
    const [entry] = await ok(secretary, 'audit.list', { limit: 1 });
    expect(entry).toMatchObject({ method: 'places.reportFreed', subject: { kind: 'case', id: ids.first } });
    for (const p of Object.values(PEOPLE)) expect(entry!.summary).not.toContain(p.last);
  });
});
