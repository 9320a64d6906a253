import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../electron/cli/demo';
import { openServices, type Services } from '../../electron/services/index';
import type { Dispatch } from '../../shared/contract/dispatch';
import type { CaseView } from '../../shared/contract/schemas';
import type { StatisticsView } from '../../shared/contract/statisticsSchemas';
import { formatLtDate } from '../../shared/domain/calendar';
import { STATISTICS_FIGURES } from '../../shared/domain/statisticsFigures';
import { reportNumber } from '../../shared/domain/documents/statisticsReport';
import { ok, refused } from '../helpers/dataDir';
import { pdftotext } from '../helpers/pdfTools';
import { AUDITED_REQUEST } from '../helpers/requests';

/**
 * Issue 17: the statistics of a period (statistics.get) over the demo institution, checked against
 * the case files and the places page, and the report to the Prison Department issued from them.
 */

const TODAY = '2026-11-23';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** One demo institution for every test here (tempDataDir's folder would go after the first test). */
const root = mkdtempSync(join(tmpdir(), 'pusiaukele-statistics-'));
let services: Services;
let secretary: Dispatch;
let director: Dispatch;
let member: Dispatch;
let cases: CaseView[];

async function signIn(username: string): Promise<Dispatch> {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  const { session } = await ok(services.dispatch, 'auth.login', { username, password: user.password });
  return (m, i) => services.dispatch(m, i, session);
}

beforeAll(async () => {
  services = await openServices({ dataDir: join(root, 'data'), today: TODAY, verifyOnOpen: false });
  await seedDemo(services.dispatch, TODAY, 39, () => {});
  secretary = await signIn('sekretore');
  director = await signIn('direktorius');
  member = await signIn('narys');
  const list = await ok(secretary, 'cases.list', {});
  cases = await Promise.all(list.cases.map((c) => ok(secretary, 'cases.get', { id: c.id })));
}, 120_000);

afterAll(async () => {
  await services.close();
  rmSync(root, { recursive: true, force: true });
});

const inYear = (day: string | undefined) => day !== undefined && day >= YEAR.from && day <= YEAR.to;

describe('statistics.get (issue 17)', () => {
  it('counts from the index what the case files say: requests (V-77 p. 5) and decisions by kind (p. 10)', async () => {
    const s = await ok(member, 'statistics.get', YEAR);
    expect(s.unreadable).toBe(0);
    expect(s.requests).toBe(cases.filter((c) => inYear(c.record.request.requestDate)).length);
    const decided = { '10.1': 0, '10.2': 0, '10.3': 0, '10.4': 0 };
    for (const { record } of cases) {
      const step = record.timeline.findLast((e) => e.kind === 'state' && e.to === 'decided');
      if (record.facts.decision !== undefined && inYear(step?.on)) decided[record.facts.decision]++;
    }
    expect(s.decisions).toEqual({ ...decided, unknown: 0 });
    expect(Object.values(decided).reduce((a, b) => a + b, 0)).toBeGreaterThan(3);
    expect(s.decisionDays.count).toBe(s.decisions['10.1'] + s.decisions['10.2'] + s.decisions['10.3'] + s.decisions['10.4']);
  });

  it('counts the p. 7 dossiers still awaited past their term as the case pages show them overdue', async () => {
    const s = await ok(member, 'statistics.get', { from: YEAR.from, to: TODAY });
    const overdue = cases.filter((c) => c.deadlines.some((d) => d.rule === 'p7' && d.overdue)).length;
    expect(s.p7.overdue).toBe(overdue);
    expect(s.p7.kept + s.p7.late).toBeGreaterThan(0);
  });

  it("ends the period's places and list on the day as the places page shows them (V-77 p. 4, 12)", async () => {
    const s = await ok(member, 'statistics.get', { from: '2026-10-01', to: TODAY });
    const places = await ok(member, 'places.get', {});
    expect(s.occupancy).toHaveLength(54); // daily for a period this short
    expect(s.occupancy.at(-1)).toEqual({ on: TODAY, capacity: places.capacity, occupied: places.occupied.length, held: places.held.length, queue: places.list.length });
  });

  it('opens on the year so far when no period is asked for', async () => {
    expect(await ok(member, 'statistics.get', {})).toEqual(await ok(member, 'statistics.get', { from: '2026-01-01', to: TODAY }));
  });

  it('refuses a period that ends before it starts, and a caller who is not signed in', async () => {
    expect(await refused(member, 'statistics.get', { from: '2026-12-31', to: '2026-01-01' })).toMatchObject({ code: 'INVALID_INPUT', params: { fields: [{ path: 'to', key: 'invalid' }] } });
    expect(await refused(member, 'statistics.get', { from: '2026-01-01' })).toMatchObject({ code: 'INVALID_INPUT', params: { fields: [{ path: 'to', key: 'required' }] } });
    expect((await refused(services.dispatch, 'statistics.get', YEAR)).code).toBe('UNAUTHENTICATED');
  });
});

describe('the report to the Prison Department (issue 17)', () => {
  it('is issued with a number of its register for the director to sign, its figures frozen as counted at issue', async () => {
    const s: StatisticsView = await ok(secretary, 'statistics.get', YEAR);
    // The year is counted up to today: nothing of the days to come.
    expect(s.to).toBe(TODAY);
    const report = await ok(secretary, 'documents.issue', { kind: 'statisticsReport', ...YEAR });
    expect(report).toMatchObject({ kind: 'statisticsReport', registrationNumber: 'AT-1', documentType: 'ATASKAITA', caseIds: [], awaiting: ['director'] });
    expect((await ok(director, 'documents.queue', {})).documents.map((d) => d.id)).toContain(report.id);

    const pdf = await ok(secretary, 'documents.read', { id: report.id });
    const text = pdftotext(pdf.bytes).replace(/\s+/g, ' ');
    expect(text).toContain(`${formatLtDate(YEAR.from).toLocaleUpperCase('lt')} – ${formatLtDate(TODAY).toLocaleUpperCase('lt')} LAIKOTARPIU`);
    // Every figure, with its number as the statistics page gives it.
    for (const f of STATISTICS_FIGURES) expect(text, f.id).toMatch(new RegExp(`${escape(f.lt)} (\\d+(\\.\\d+)?(, \\d+)? p\\. )?${escape(reportNumber(f.value(s), f.percent))}( |$)`));

    // A request registered afterwards is counted by the statistics, not by the issued report.
    await ok(secretary, 'cases.register', { ...AUDITED_REQUEST, personalFileNo: 'S-17001', requestDate: '2026-11-20' });
    expect((await ok(secretary, 'statistics.get', YEAR)).requests).toBe(s.requests + 1);
    const again = pdftotext((await ok(secretary, 'documents.read', { id: report.id })).bytes).replace(/\s+/g, ' ');
    expect(again).toMatch(new RegExp(`Gauta prašymų 5 p\\. ${s.requests}( |$)`));
  });

  it('is issued only by those who author documents (a member may not), and refuses a period ending before it starts', async () => {
    expect((await refused(member, 'documents.issue', { kind: 'statisticsReport', ...YEAR })).code).toBe('FORBIDDEN');
    expect((await refused(secretary, 'documents.issue', { kind: 'statisticsReport', from: '2026-12-31', to: '2026-01-01' })).code).toBe('INVALID_INPUT');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

