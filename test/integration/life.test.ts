import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/index';
import type { CaseView, RequestInput } from '../../shared/contract/schemas';
import { addCalendarMonths } from '../../shared/domain/calendar';
import { ok, refused } from '../helpers/dataDir';
import { setUpOfficials, signAct, signGroundwork, type Officials } from '../helpers/directorActs';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { openAsStaff } from '../helpers/users';

/**
 * Issue 14: life in the halfway house (V-77 p. 28–35) and the preparation for release (seed 001),
 * recorded on the case of a convict who arrived, through the real methods on a real data directory:
 * the plans, the monthly review term, non-compliance notes, the notices to the municipality and the
 * probation service, each a term that the case and the list show until it is met.
 */

const TODAY = '2026-11-23';
/** The order is signed today, so the arrival is today too (a step is not dated before the one it follows). */
const ARRIVED = TODAY;
const PAROLE = '2027-06-01';

type Dispatch = (method: string, input: unknown) => ReturnType<Services['dispatch']>;

const RESIDENT: RequestInput = { ...DOSSIER_CASE_REQUEST, firstName: 'Gintaras', lastName: 'Mikalauskas', personalFileNo: 'L-7001', servingInstitutionId: 'own', requestDate: '2026-11-02', possibleParoleDate: PAROLE };
const WAITING: RequestInput = { ...RESIDENT, firstName: 'Egidijus', lastName: 'Šulcas', personalFileNo: 'L-7002', requestDate: '2026-11-03' };

let services: Services & { session: string };
let officials: Officials;
let secretary: Dispatch;
let dataRoot: string;
let residentId: string;
let waitingId: string;

const caseOf = (id: string): Promise<CaseView> => ok(secretary, 'cases.get', { id });
const terms = (view: CaseView) => Object.fromEntries(view.deadlines.map((d) => [d.rule, d.date]));
async function record(id: string, entry: Record<string, unknown>) {
  const view = await caseOf(id);
  return secretary('cases.recordLife', { id, revision: view.record.revision, ...entry });
}

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), 'pusiaukele-life-'));
  services = await openAsStaff({ dataDir: join(dataRoot, 'data'), today: TODAY, verifyOnOpen: false });
  secretary = services.dispatch;
  officials = await setUpOfficials(services);
  residentId = (await readyCase(secretary, RESIDENT, '2026-11-16')).record.id;
  waitingId = (await readyCase(secretary, WAITING, '2026-11-16')).record.id;
  const meeting = await decideByMeeting(secretary, [residentId, waitingId], { [residentId]: '10.1', [waitingId]: '10.1' }, '2026-11-18');
  await signGroundwork(officials, meeting.record.id, [residentId, waitingId]);
  await signAct(officials, { kind: 'order', caseId: residentId });
  const view = await caseOf(residentId);
  await ok(secretary, 'cases.recordArrival', {
    id: residentId,
    revision: view.record.revision,
    on: ARRIVED,
    time: '11:30',
    checks: { identity: true, search: true, rules: true, room: true },
    room: '12',
    bed: 'B',
  });
}, 300_000);

afterAll(async () => {
  await services?.close();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

describe('life in the halfway house (V-77 p. 28–35) and the release preparation (seed 001)', () => {
  it('V-77 p. 32; seed 001: on arrival the case shows the monthly review and the release notices as terms', async () => {
    const view = await caseOf(residentId);
    expect(view.record.state).toBe('transferred');
    expect(terms(view)).toEqual({ p32: addCalendarMonths(ARRIVED, 1), socialWorker: '2026-06-01', municipality: '2026-12-01', probation: '2027-05-01' });
    expect(view.deadlines.find((d) => d.rule === 'municipality')).toMatchObject({ point: '', overdue: false });
    // The social worker's preparation should have started 12 months before the possible parole date: not recorded yet, it is overdue.
    expect(view.deadlines.find((d) => d.rule === 'socialWorker')).toMatchObject({ point: '', overdue: true });
    // The list shows the earliest of them for the case.
    const list = await ok(secretary, 'cases.list', {});
    expect(list.cases.find((c) => c.id === residentId)?.nextDeadline).toMatchObject({ rule: 'socialWorker', date: '2026-06-01', overdue: true });
  });

  it('V-77 p. 28, 31, 32: the intensive plan needs the director’s approval (not before it is drawn up); the review is due a month from the plan, then from the latest review', async () => {
    const unapproved = await refused(secretary, 'cases.recordLife', { id: residentId, revision: (await caseOf(residentId)).record.revision, kind: 'intensivePlan', on: TODAY });
    expect(unapproved.code).toBe('INVALID_INPUT');
    expect(unapproved.details?.fields).toEqual([{ path: 'approvedOn', key: 'required' }]);
    const beforeArrival = await record(residentId, { kind: 'rehabilitationPlan', on: '2026-11-19' });
    expect(beforeArrival.ok).toBe(false);
    let result = await record(residentId, { kind: 'rehabilitationPlan', on: TODAY, note: 'Tęsiama programa „Tiltai“' });
    expect(result.ok).toBe(true);
    const approvedBeforeDrawn = await record(residentId, { kind: 'intensivePlan', on: TODAY, approvedOn: '2026-11-20' });
    expect(approvedBeforeDrawn.ok).toBe(false);
    result = await record(residentId, { kind: 'intensivePlan', on: TODAY, approvedOn: TODAY });
    expect(result.ok).toBe(true);
    let view = await caseOf(residentId);
    expect(view.record.facts.intensivePlanOn).toBe(TODAY);
    expect(terms(view).p32).toBe('2026-12-23');
    const noNote = await record(residentId, { kind: 'review', on: TODAY });
    expect(noNote.ok).toBe(false);
    await record(residentId, { kind: 'review', on: TODAY, note: 'Savaitės užduotys įvykdytos' });
    view = await caseOf(residentId);
    expect(view.record.facts.lastReviewOn).toBe(TODAY);
    expect(terms(view).p32).toBe('2026-12-23');
    expect(view.record.life?.map((e) => e.kind)).toEqual(['rehabilitationPlan', 'intensivePlan', 'review']);
    expect(view.record.timeline.at(-1)).toMatchObject({ kind: 'life', on: TODAY, lifeId: view.record.life!.at(-1)!.id });
  });

  it('V-77 p. 35, 45: a non-compliance note is kept with its date and text, the evidence a return submission cites', async () => {
    await record(residentId, { kind: 'nonCompliance', on: TODAY, note: 'Negrįžo laiku iš darbo (vėlavo 2 val.)' });
    const view = await caseOf(residentId);
    expect(view.record.life?.at(-1)).toMatchObject({ kind: 'nonCompliance', on: TODAY, note: 'Negrįžo laiku iš darbo (vėlavo 2 val.)' });
  });

  it('seed 001: the social worker’s start, the notice to the municipality and the list to the probation service meet their terms', async () => {
    await record(residentId, { kind: 'socialWorker', on: TODAY, note: 'Socialinė darbuotoja R. Kazlauskienė' });
    expect(terms(await caseOf(residentId)).socialWorker).toBeUndefined();
    await record(residentId, { kind: 'municipalityNotice', on: TODAY });
    let view = await caseOf(residentId);
    expect(terms(view).municipality).toBeUndefined();
    expect(terms(view).probation).toBe('2027-05-01');
    await record(residentId, { kind: 'probationList', on: TODAY });
    view = await caseOf(residentId);
    expect(Object.keys(terms(view))).toEqual(['p32']);
  });

  it('V-77 p. 24, 28–35: once the stay has records (plans, reviews, notes), the arrival is no longer corrected by hand: they would be left without their stay (NOTHING_TO_CORRECT)', async () => {
    const view = await caseOf(residentId);
    expect(view.record.life!.length).toBeGreaterThan(0);
    expect(view.correctable).toBeUndefined();
    const refusal = await refused(secretary, 'cases.correctStep', { id: residentId, revision: view.record.revision, reason: 'Atvykimas įrašytas per klaidą.' });
    expect(refusal.code).toBe('NOTHING_TO_CORRECT');
    expect((await caseOf(residentId)).record).toMatchObject({ state: 'transferred', revision: view.record.revision });
  });

  it('V-77 p. 28: nothing of the kind is recorded for a convict not in the halfway house', async () => {
    const view = await caseOf(waitingId);
    expect(view.record.state).toBe('listed');
    const result = await record(waitingId, { kind: 'review', on: TODAY, note: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_IN_HALFWAY_HOUSE');
    expect(view.deadlines.map((d) => d.rule)).not.toContain('p32');
  });
});
