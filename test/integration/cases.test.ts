import { describe, expect, it } from 'vitest';
import { openAsStaff } from '../helpers/users';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { RequestInput } from '../../shared/contract/schemas';
import { request } from '../helpers/requests';
import type { DecisionId } from '../../shared/domain/decisions';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { loadCompleteDossier } from '../helpers/dossier';
import { decideByMeeting } from '../helpers/meetings';
import { setUpOfficials, signAct, signGroundwork } from '../helpers/directorActs';

const TODAY = '2026-11-23';


async function setUp(dataDir = tempDataDir(), today = TODAY) {
  const services = await openAsStaff({ dataDir, today, verifyOnOpen: false });
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  return services;
}

/**
 * V-77 p. 6–8: register `input` on a fresh data directory as of `receivedOn`, collect the dossier
 * (complete, every item received that day) and mark it received that day: a complete dossier goes
 * to the commission by itself. The services are then reopened as of TODAY, for the later steps.
 * (The clock moves as the calendar would: the dossier is loaded on the day it arrives.)
 */
async function readyForCommission(input: RequestInput, collectingOn: string, receivedOn: string, nextToday = TODAY) {
  const dataDir = tempDataDir();
  const then = await setUp(dataDir, receivedOn);
  let view = await ok(then.dispatch, 'cases.register', input);
  view = await ok(then.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: collectingOn });
  view = await loadCompleteDossier(then.dispatch, view);
  expect(view.dossier.complete).toBe(true);
  view = await ok(then.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_received', on: receivedOn });
  await then.close();
  const services = await openAsStaff({ dataDir, today: nextToday, verifyOnOpen: false });
  return { services, dataDir, view: await ok(services.dispatch, 'cases.get', { id: view.record.id }) };
}

describe('registering a request (V-77 p. 5)', () => {
  it('refuses to register before the institution is set up', async () => {
    const services = await openAsStaff({ dataDir: tempDataDir(), today: TODAY });
    const error = await refused(services.dispatch, 'cases.register', request());
    expect(error.code).toBe('SETUP_REQUIRED');
    expect(error.message).toMatch(/nustatykite įstaigą/);
    await services.close();
  });

  it('registers a request in state "request received" with the p. 7 term counted in working days', async () => {
    const services = await setUp();
    const view = await ok(services.dispatch, 'cases.register', request());
    expect(view.record.state).toBe('request_received');
    expect(view.record.request.servingInstitution).toEqual({ id: 'marijampole', name: 'Marijampolės pataisos namai' });
    // V-77 p. 7: request on Mon 2026-11-02 (Vėlinės, a holiday); 20 working days from Tue 2026-11-03
    // run through 4 + 5 + 5 + 5 days to Fri 2026-11-27, and the 20th is Mon 2026-11-30.
    expect(view.deadlines).toEqual([expect.objectContaining({ rule: 'p7', date: '2026-11-30', daysLeft: 7, overdue: false })]);
    // Convict serves elsewhere than the halfway house: decisions 10.3/10.4 apply (V-77 p. 10).
    expect(view.servesInHalfwayHouseInstitution).toBe(false);
    const list = await ok(services.dispatch, 'cases.list', {});
    expect(list.cases).toHaveLength(1);
    expect(list.cases[0]).toMatchObject({ lastName: 'Čepulis', state: 'request_received', flags: [] });
    expect(list.cases[0]!.nextDeadline?.date).toBe('2026-11-30');
    await services.close();
  });

  it('V-77 p. 5: flags a request filed earlier than 2 months before the possible transfer date, and still registers it', async () => {
    const services = await setUp();
    const view = await ok(services.dispatch, 'cases.register', request({ possibleTransferDate: '2027-01-31' }));
    // 2027-01-31 minus two calendar months is 2026-11-30: the earliest day the request could be filed.
    expect(view.flags).toEqual([expect.objectContaining({ rule: 'p5', earliestAllowed: '2026-11-30' })]);
    expect(view.flags[0]!.lt).toContain('2026 m. lapkričio 30 d.');
    await services.close();
  });

  it('refuses invalid data field by field, in Lithuanian, and stores nothing', async () => {
    const services = await setUp();
    const error = await refused(services.dispatch, 'cases.register', request({ possibleParoleDate: '2026-12-01', birthDate: '2026-02-30' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details?.fields).toEqual(
      expect.arrayContaining([{ path: 'birthDate', key: 'date' }, { path: 'possibleParoleDate', key: 'paroleAfterTransfer' }]),
    );
    expect(error.message).toMatch(/Galimo lygtinio paleidimo data/);
    const future = await refused(services.dispatch, 'cases.register', request({ requestDate: '2026-11-24' }));
    expect(future.details?.fields).toEqual([{ path: 'requestDate', key: 'requestInFuture' }]);
    expect((await ok(services.dispatch, 'cases.list', {})).cases).toHaveLength(0);
    await services.close();
  });

  it('refuses a second open request of the same convict, whatever the spelling of the file number', async () => {
    const services = await setUp();
    await ok(services.dispatch, 'cases.register', request());
    const error = await refused(services.dispatch, 'cases.register', request({ personalFileNo: 'a -1001' }));
    expect(error.code).toBe('CASE_DUPLICATE');
    await services.close();
  });
});

describe('moving a case through the procedure', () => {
  it('V-77 p. 9: once the dossier is received, the meeting is due within 10 working days', async () => {
    const services = await setUp();
    let view = await ok(services.dispatch, 'cases.register', request());
    view = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: 1, to: 'dossier_collecting', on: '2026-11-03' });
    // Issue 14: nothing of the dossier is loaded yet: marking it received asks first, naming what is missing.
    const ask = await refused(services.dispatch, 'cases.transition', { id: view.record.id, revision: 2, to: 'dossier_received', on: '2026-11-20' });
    expect(ask.code).toBe('DOSSIER_MISSING_CONFIRM');
    view = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: 2, to: 'dossier_received', on: '2026-11-20', confirmMissing: true });
    // Received Fri 2026-11-20: working days Nov 23–27 (5) and Nov 30–Dec 4 (10): due Fri 2026-12-04.
    expect(view.deadlines).toEqual([expect.objectContaining({ rule: 'p9', date: '2026-12-04' })]);
    expect(view.record.facts.dossierReceivedOn).toBe('2026-11-20');
    expect(view.record.timeline.map((e) => e.to)).toEqual(['request_received', 'dossier_collecting', 'dossier_received']);
    // V-77 p. 8: with nothing of the dossier loaded, the step to the commission is not offered.
    expect(view.nextStates).toEqual(['ineligible', 'withdrawn']);
    await services.close();
  });

  it('refuses a step the procedure does not have, a stale revision, a future or out-of-order date, and a refusal without reasons', async () => {
    const services = await setUp();
    const view = await ok(services.dispatch, 'cases.register', request());
    const id = view.record.id;
    expect((await refused(services.dispatch, 'cases.transition', { id, revision: 1, to: 'decided', on: TODAY })).code).toBe('ILLEGAL_TRANSITION');
    expect((await refused(services.dispatch, 'cases.transition', { id, revision: 7, to: 'dossier_collecting', on: TODAY })).code).toBe('CASE_CHANGED');
    expect((await refused(services.dispatch, 'cases.transition', { id, revision: 1, to: 'dossier_collecting', on: '2026-11-24' })).details?.fields).toEqual([
      { path: 'on', key: 'dateInFuture' },
    ]);
    expect((await refused(services.dispatch, 'cases.transition', { id, revision: 1, to: 'dossier_collecting', on: '2026-11-01' })).details?.fields).toEqual([
      { path: 'on', key: 'dateOrder' },
    ]);
    expect((await refused(services.dispatch, 'cases.transition', { id, revision: 1, to: 'withdrawn', on: TODAY })).details?.fields).toEqual([
      { path: 'note', key: 'required' },
    ]);
    const after = await ok(services.dispatch, 'cases.get', { id });
    expect(after.record.revision).toBe(1);
    expect(after.record.state).toBe('request_received');
    await services.close();
  });

  it('V-77 p. 16, 19: after a refusal, a new request of the same convict within 3 months is flagged with the earliest date', async () => {
    // V-77 p. 8: the dossier, complete when it arrives on 2026-08-20, takes the case to the commission.
    const ready = await readyForCommission(request({ requestDate: '2026-08-03', possibleTransferDate: '2026-09-01' }), '2026-08-04', '2026-08-20', '2026-08-31');
    let { services, view } = ready;
    expect(view.record.state).toBe('ready_for_commission');
    expect(view.record.timeline.filter((e) => e.kind === 'state').map((e) => [e.to, e.on])).toEqual([
      ['dossier_collecting', '2026-08-04'],
      ['dossier_received', '2026-08-20'],
      ['ready_for_commission', '2026-08-20'],
    ]);
    // The convict serves in Marijampolė, elsewhere than the halfway house: the meeting of 2026-08-31 adopts 10.4 (V-77 p. 10).
    const meeting = await decideByMeeting(services.dispatch, [view.record.id], { [view.record.id]: '10.4' }, '2026-08-31');
    view = await ok(services.dispatch, 'cases.get', { id: view.record.id });
    // Issue 14: the refusal is the director's signed letter (p. 16), not a step of the form; only
    // the p. 47 circumstances and a withdrawal remain hand steps.
    expect(view.nextStates).toEqual(['ineligible', 'withdrawn']);
    const byHand = await refused(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'refused', on: '2026-08-31', note: 'Galiojanti drausminė nuobauda.' });
    expect(byHand).toMatchObject({ code: 'STEP_BY_DOCUMENT', params: { kind: 'letter', point: '16' } });
    const officials = await setUpOfficials(services);
    await signGroundwork(officials, meeting.record.id, [view.record.id]);
    const letter = await signAct(officials, { kind: 'letter', caseId: view.record.id });
    view = await ok(services.dispatch, 'cases.get', { id: view.record.id });
    expect(view.record).toMatchObject({ state: 'refused', facts: { refusedOn: '2026-08-31' } });
    expect(view.record.timeline.at(-1)).toMatchObject({ from: 'decided', to: 'refused', documentId: letter.id });
    await services.close();
    services = await openAsStaff({ dataDir: ready.dataDir, today: TODAY, verifyOnOpen: false });
    view = await ok(services.dispatch, 'cases.get', { id: view.record.id });
    // Refused 2026-08-31: three calendar months later is 2026-11-30 (November has 30 days).
    expect(view.deadlines).toEqual([expect.objectContaining({ rule: 'p19', kind: 'not_before', date: '2026-11-30', overdue: false })]);
    const check = await ok(services.dispatch, 'cases.checkRequest', { personalFileNo: 'A-1001', requestDate: '2026-11-20', possibleTransferDate: '2026-12-15' });
    expect(check.flags).toEqual([expect.objectContaining({ rule: 'p19', earliestAllowed: '2026-11-30' })]);
    const again = await ok(services.dispatch, 'cases.register', request({ requestDate: '2026-11-20' }));
    expect(again.flags.map((f) => f.rule)).toEqual(['p19']);
    expect((await ok(services.dispatch, 'cases.list', {})).cases.find((c) => c.id === again.record.id)?.flags).toEqual(['p19']);
    await services.close();
  });

  it('corrects the request data with the changed fields in the timeline, until the commission decides', async () => {
    const services = await setUp();
    const view = await ok(services.dispatch, 'cases.register', request());
    const edited = await ok(services.dispatch, 'cases.updateRequest', {
      id: view.record.id,
      revision: 1,
      request: request({ lastName: 'Čepulis-Jonaitis', servingInstitutionId: 'own' }),
    });
    expect(edited.record.revision).toBe(2);
    expect(edited.record.timeline.at(-1)).toMatchObject({ kind: 'edited', changed: ['convict.lastName', 'request.servingInstitution'] });
    expect(edited.servesInHalfwayHouseInstitution).toBe(true);
    await services.close();
  });
});

describe('the decision and what follows it (V-77 p. 10, 12–16)', () => {
  /** A case with the commission (V-77 p. 8): its complete dossier received on 2026-11-10 took it there. */
  async function ready(over: Partial<RequestInput> = {}) {
    return readyForCommission(request(over), '2026-11-03', '2026-11-10');
  }

  /** The case decided at the meeting of 2026-11-20 (V-77 p. 10): the only road to "decided". */
  async function decided(decision: DecisionId, over: Partial<RequestInput> = {}) {
    const { services, view } = await ready(over);
    await decideByMeeting(services.dispatch, [view.record.id], { [view.record.id]: decision }, '2026-11-20');
    return { services, view: await ok(services.dispatch, 'cases.get', { id: view.record.id }) };
  }

  it('V-77 p. 9–10: the agenda and the decision are the meeting’s; the step form neither offers nor takes them', async () => {
    const { services, view } = await ready(); // serves in Marijampolė: 10.3 or 10.4
    expect(view.possibleDecisions).toEqual(['10.3', '10.4']);
    expect(view.nextStates).toEqual(['ineligible', 'withdrawn']);
    const id = view.record.id;
    const scheduled = await ok(services.dispatch, 'meetings.schedule', { date: '2026-11-25', time: '10:00', place: 'Posėdžių salė', caseIds: [id] });
    const onAgenda = await ok(services.dispatch, 'cases.get', { id });
    expect(onAgenda.record).toMatchObject({ state: 'scheduled', facts: { meetingId: scheduled.record.id } });
    // Neither the decision nor taking the case off the agenda is a step of the form.
    expect(onAgenda.nextStates).toEqual(['ineligible', 'withdrawn']);
    for (const to of ['decided', 'ready_for_commission'] as const) {
      const error = await refused(services.dispatch, 'cases.transition', { id, revision: onAgenda.record.revision, to, on: TODAY });
      expect(error.code, to).toBe('STEP_BY_MEETING');
    }
    expect((await ok(services.dispatch, 'cases.get', { id })).record.revision).toBe(onAgenda.record.revision);
    await services.close();
  });

  it('V-77 p. 10, 12: the decision the meeting adopted is the case’s, dated the meeting’s day; 10.3 enters the convict on the list by itself', async () => {
    const { services, view } = await decided('10.3');
    expect(view.record).toMatchObject({ state: 'listed', facts: { decision: '10.3', meetingId: expect.any(String), listedOn: '2026-11-20' } });
    expect(view.record.timeline.slice(-2)).toMatchObject([
      { kind: 'state', from: 'scheduled', to: 'decided', on: '2026-11-20', decision: '10.3' },
      { kind: 'state', from: 'decided', to: 'listed', on: '2026-11-20' },
    ]);
    expect(view.lastStepOn).toBe('2026-11-20');
    expect(view.nextStates).toEqual(['ineligible', 'withdrawn']);
    // The steps after the decision cannot be dated before the meeting.
    const early = await refused(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'withdrawn', on: '2026-11-19', note: 'Atsiėmė.' });
    expect(early.details?.fields).toEqual([{ path: 'on', key: 'dateOrder' }]);
    await services.close();
  });

  it('V-77 p. 12–14: after 10.3 the case goes through the submission to the Prison Department, not the director’s order; both are signed acts', async () => {
    const { services, view: v } = await decided('10.3');
    const order = await refused(services.dispatch, 'cases.transition', { id: v.record.id, revision: v.record.revision, to: 'transfer_ordered', on: '2026-11-21' });
    expect(order.code).toBe('ILLEGAL_TRANSITION');
    expect(order.message).toContain('10.1 (V-77 13 p.)');
    const submission = await refused(services.dispatch, 'cases.transition', { id: v.record.id, revision: v.record.revision, to: 'submitted_to_department', on: '2026-11-21' });
    expect(submission).toMatchObject({ code: 'STEP_BY_DOCUMENT', params: { to: 'submitted_to_department', kind: 'submission', point: '14' } });
    await services.close();
  });

  it('V-77 p. 16, 19: after 10.2 the list is closed to the case; the refusal is the director’s signed letter', async () => {
    const { services, view } = await decided('10.2', { servingInstitutionId: 'own' });
    expect(view.possibleDecisions).toEqual(['10.1', '10.2']);
    expect(view.record.state).toBe('decided');
    expect(view.nextStates).toEqual(['ineligible', 'withdrawn']);
    expect((await refused(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'listed', on: '2026-11-20' })).code).toBe('ILLEGAL_TRANSITION');
    const refusal = await refused(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'refused', on: '2026-11-23', note: 'Direktorius pritarė komisijos siūlymui neperkelti.' });
    expect(refusal).toMatchObject({ code: 'STEP_BY_DOCUMENT', params: { kind: 'letter', point: '16' } });
    await services.close();
  });
});

describe('what the institution can register and correct', () => {
  it('V-77 p. 5, 7–8: refuses a request that neither comes from here nor asks for this halfway house', async () => {
    const services = await setUp();
    const error = await refused(services.dispatch, 'cases.register', request({ halfwayHouseInstitutionId: 'panevezys' }));
    expect(error.details?.fields).toEqual([{ path: 'halfwayHouseInstitutionId', key: 'notOurCase' }]);
    expect(error.message).toContain('Prašomi pusiaukelės namai: Nuteistasis turi atlikti bausmę šioje įstaigoje');
    // Serving here and asking for another institution's halfway house is this institution's case (p. 6–7).
    await ok(services.dispatch, 'cases.register', request({ servingInstitutionId: 'own', halfwayHouseInstitutionId: 'panevezys' }));
    await services.close();
  });

  it('V-77 p. 7: a corrected request date cannot fall after the steps already taken, and moves the registration', async () => {
    const services = await setUp();
    let view = await ok(services.dispatch, 'cases.register', request({ requestDate: '2026-11-02' }));
    view = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: 1, to: 'dossier_collecting', on: '2026-11-05' });
    const late = await refused(services.dispatch, 'cases.updateRequest', { id: view.record.id, revision: 2, request: request({ requestDate: '2026-11-06' }) });
    expect(late.details?.fields).toEqual([{ path: 'requestDate', key: 'dateOrder' }]);
    const fixed = await ok(services.dispatch, 'cases.updateRequest', { id: view.record.id, revision: 2, request: request({ requestDate: '2026-11-04' }) });
    expect(fixed.record.timeline[0]).toMatchObject({ kind: 'registered', on: '2026-11-04' });
    // p. 7: 20 working days from Wed 2026-11-04 end on Wed 2026-12-02.
    expect(fixed.deadlines[0]).toMatchObject({ rule: 'p7', date: '2026-12-02' });
    await services.close();
  });

  it('keeps the institution a case names when it has since left the settings', async () => {
    const services = await setUp();
    const view = await ok(services.dispatch, 'cases.register', request());
    await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 1, otherInstitutions: DEMO_SETTINGS.otherInstitutions.filter((o) => o.id !== 'marijampole') });
    const edited = await ok(services.dispatch, 'cases.updateRequest', { id: view.record.id, revision: 1, request: request({ firstName: 'Žydrius' }) });
    expect(edited.record.request.servingInstitution).toEqual({ id: 'marijampole', name: 'Marijampolės pataisos namai' });
    await services.close();
  });

  it('refuses settings where two institutions share an id or one takes the reserved id of this institution', async () => {
    const services = await setUp();
    const other = DEMO_SETTINGS.otherInstitutions[0]!;
    for (const otherInstitutions of [
      [other, { ...other, name: 'Kita įstaiga' }],
      [{ ...other, id: 'own' }],
    ]) {
      const error = await refused(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 1, otherInstitutions });
      expect(error.code).toBe('INVALID_INPUT');
    }
    expect(await ok(services.dispatch, 'settings.get', {})).toEqual({ ...DEMO_SETTINGS, revision: 1 });
    await services.close();
  });
});
