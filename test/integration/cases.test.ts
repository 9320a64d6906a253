import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { RequestInput } from '../../shared/contract/schemas';
import { ok, refused, tempDataDir } from '../helpers/dataDir';

const TODAY = '2026-11-23';

const request = (over: Partial<RequestInput> = {}): RequestInput => ({
  firstName: 'Žydrūnas',
  lastName: 'Čepulis',
  personalFileNo: 'A-1001',
  birthDate: '1984-05-17',
  servingInstitutionId: 'marijampole',
  halfwayHouseInstitutionId: 'own',
  requestDate: '2026-11-02',
  possibleTransferDate: '2026-12-15',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2028-03-01',
  ...over,
});

async function setUp() {
  const services = await openServices({ dataDir: tempDataDir(), today: TODAY, verifyOnOpen: false });
  await ok(services.dispatch, 'settings.save', DEMO_SETTINGS);
  return services;
}

describe('registering a request (V-77 p. 5)', () => {
  it('refuses to register before the institution is set up', async () => {
    const services = await openServices({ dataDir: tempDataDir(), today: TODAY });
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
    view = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: 2, to: 'dossier_received', on: '2026-11-20' });
    // Received Fri 2026-11-20: working days Nov 23–27 (5) and Nov 30–Dec 4 (10): due Fri 2026-12-04.
    expect(view.deadlines).toEqual([expect.objectContaining({ rule: 'p9', date: '2026-12-04' })]);
    expect(view.record.facts.dossierReceivedOn).toBe('2026-11-20');
    expect(view.record.timeline.map((e) => e.to)).toEqual(['request_received', 'dossier_collecting', 'dossier_received']);
    expect(view.nextStates).toEqual(['ready_for_commission', 'ineligible', 'withdrawn']);
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

  it('V-77 p. 19: after a refusal, a new request of the same convict within 3 months is flagged with the earliest date', async () => {
    const services = await setUp();
    let view = await ok(services.dispatch, 'cases.register', request({ requestDate: '2026-08-03', possibleTransferDate: '2026-09-01' }));
    const steps = [
      ['dossier_collecting', '2026-08-04'],
      ['dossier_received', '2026-08-20'],
      ['ready_for_commission', '2026-08-21'],
      ['scheduled', '2026-08-24'],
    ] as const;
    for (const [to, on] of steps) {
      view = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to, on });
    }
    // The convict serves in Marijampolė, elsewhere than the halfway house: 10.4 (V-77 p. 10).
    view = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'decided', on: '2026-08-31', decision: '10.4' });
    view = await ok(services.dispatch, 'cases.transition', {
      id: view.record.id,
      revision: view.record.revision,
      to: 'refused',
      on: '2026-08-31',
      note: 'Galiojanti drausminė nuobauda.',
    });
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
