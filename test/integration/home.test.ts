/**
 * Issue 17: home.get over the demo directory: each role gets its own sections and only those, a user
 * with several roles the sections of each; the lines agree with the case pages (every term listed is
 * the case's own term, as overdue or as near as the case page says), and they follow the work: an
 * act drafted leaves the director's decisions for the signing queue, an exported case leaves the
 * archivist's list and comes back to it when the case changes, an appeal term ending this week is
 * listed until the appeal is filed (V-77 p. 51).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../electron/cli/demo';
import { openServices, type Services } from '../../electron/services/index';
import type { Dispatch } from '../../shared/contract/dispatch';
import type { HomeView } from '../../shared/contract/homeSchemas';
import { addDays, daysBetween } from '../../shared/domain/calendar';
import { ok } from '../helpers/calls';

const TODAY = '2026-11-23';

let root: string;
let services: Services;
const as: Record<string, Dispatch> = {};

async function signIn(username: string, password = DEMO_USERS.find((u) => u.username === username)!.password): Promise<Dispatch> {
  const { session } = await ok(services.dispatch, 'auth.login', { username, password });
  return (m, i) => services.dispatch(m, i, session);
}

const home = (username: string): Promise<HomeView> => ok(as[username]!, 'home.get', {});
const sections = (view: HomeView) => (['secretary', 'signatures', 'director', 'commission', 'archivist', 'administrator'] as const).filter((k) => view[k] !== undefined);

beforeAll(async () => {
  // A directory for the whole file (the helpers' temporary directories go after each test).
  root = mkdtempSync(join(tmpdir(), 'pusiaukele-home-'));
  const dataDir = join(root, 'data');
  // The backup and the packages land beside the data directory, never in the home folder.
  services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false, exportDir: `${dataDir}.exports` });
  await seedDemo(services.dispatch, TODAY, 39, () => {});
  for (const u of ['sekretore', 'direktorius', 'pirmininkas', 'narys', 'archyvare', 'admin']) as[u] = await signIn(u);
}, 120_000);
afterAll(async () => {
  await services.close();
  rmSync(root, { recursive: true, force: true });
});

describe('home.get: the archivist is shown the signed documents not yet long-term (issue 18)', () => {
  it('every document signed on every line and not PAdES B-LTA is listed, and no other: the demo signs some with no timestamp service', async () => {
    const { documents } = await ok(as.archyvare!, 'documents.list', {});
    const fullySigned = documents.filter((d) => d.signatures.length > 0 && (d.awaitingSigners ?? []).length === 0);
    expect(fullySigned.length).toBeGreaterThan(0);
    const listed = (await home('archyvare')).archivist!.notLongTerm!;
    expect(listed.total).toBe(fullySigned.filter((d) => d.level !== 'B-LTA').length);
    const expected = new Set(fullySigned.filter((d) => d.level !== 'B-LTA').map((d) => d.id));
    expect(listed.lines.length).toBe(Math.min(expected.size, 25));
    for (const line of listed.lines) expect(expected.has(line.documentId)).toBe(true);
    // A document still waiting for a signature is not the archivist's concern yet.
    const waiting = documents.filter((d) => (d.awaitingSigners ?? []).length > 0).map((d) => d.id);
    expect(listed.lines.map((l) => l.documentId).filter((id) => waiting.includes(id))).toEqual([]);
  });
});

describe('home.get: a start page per role (issue 17)', () => {
  it('issue 17: each role gets its own sections; a user with two roles gets both', async () => {
    expect(sections(await home('sekretore'))).toEqual(['secretary', 'signatures']);
    expect(sections(await home('direktorius'))).toEqual(['signatures', 'director']);
    expect(sections(await home('pirmininkas'))).toEqual(['signatures', 'commission']);
    expect(sections(await home('narys'))).toEqual(['signatures', 'commission']);
    expect(sections(await home('archyvare'))).toEqual(['signatures', 'archivist']);
    // The administrator does not read the cases (and nothing of them reaches her start page).
    expect(sections(await home('admin'))).toEqual(['administrator']);

    await ok(as.admin!, 'users.create', { username: 'dviejuroliu', displayName: 'Dvi Rolės', roles: ['director', 'archivist'], password: 'Pradinis-slaptazodis-1' });
    const both = await signIn('dviejuroliu', 'Pradinis-slaptazodis-1');
    await ok(both, 'auth.changePassword', { currentPassword: 'Pradinis-slaptazodis-1', newPassword: 'Dvi-roles-slaptazodis-1' });
    expect(sections(await ok(both, 'home.get', {}))).toEqual(['signatures', 'director', 'archivist']);
  });

  it("V-77 p. 7, 9, 20, 32: every term on the secretary's page is the case's own term, overdue or near as the case page counts it", async () => {
    const view = (await home('sekretore')).secretary!;
    const lines = view.terms.flatMap((g) => g.lines);
    expect(view.terms.find((g) => g.when === 'overdue')!.total).toBeGreaterThan(0);
    for (const line of lines) {
      const { deadlines } = await ok(as.sekretore!, 'cases.get', { id: line.caseId });
      const own = deadlines.find((d) => d.rule === line.rule);
      expect(own, `${line.rule} of ${line.caseId}`).toMatchObject({ date: line.dueBy, daysLeft: line.daysLeft, overdue: line.when === 'overdue' });
      expect(line.when === 'today' ? line.daysLeft === 0 : line.when === 'week' ? line.daysLeft > 0 && line.daysLeft <= 7 : line.daysLeft < 0).toBe(true);
    }
    // No case with a term within the week is missing (the demo's lists are shorter than the cut).
    const { cases } = await ok(as.sekretore!, 'cases.list', {});
    const near = cases.filter((c) => c.nextDeadline && c.nextDeadline.daysLeft <= 7).map((c) => c.id);
    expect(near.length).toBeGreaterThan(0);
    for (const id of near) expect(lines.map((l) => l.caseId)).toContain(id);
  });

  it('V-77 p. 5, 19, 6–9: the early requests, the incomplete dossiers and the next meeting with its agenda', async () => {
    const view = (await home('sekretore')).secretary!;
    // The demo's convict refused three weeks ago who asks again (p. 19).
    expect(view.flagged.lines).toContainEqual(expect.objectContaining({ personalFileNo: 'D-90001', rules: ['p19'] }));
    for (const d of view.dossiers.lines) expect((d.documents ?? 0) + (d.facts ?? 0)).toBeGreaterThan(0);
    for (const d of view.dossiers.lines) expect([d.documents, d.facts]).not.toContain(null);
    const { meetings } = await ok(as.sekretore!, 'meetings.list', {});
    const planned = meetings.filter((m) => m.state === 'planned' && m.date >= TODAY).sort((a, b) => a.date.localeCompare(b.date))[0]!;
    expect(view.nextMeeting).toMatchObject({ id: planned.id, date: planned.date, state: 'planned' });
    expect(view.nextMeeting!.cases).toHaveLength(planned.cases);
    // The members read the same meeting.
    expect((await home('narys')).commission!.nextMeeting).toEqual(view.nextMeeting);
  });

  it('V-77 p. 14: a case waiting for the submission leaves the decisions once it is drafted, and waits in the director’s signing queue', async () => {
    // A listed 10.3 convict: the submission cites the commission's proposal, so the case waits for the director once the proposal is issued.
    const listed = (await ok(as.direktorius!, 'places.get', {})).list.find((e) => e.decision === '10.3' && e.waiting)!;
    expect((await home('direktorius')).director!.decisions.lines.map((d) => d.caseId)).not.toContain(listed.caseId);
    if (!(await ok(as.sekretore!, 'documents.list', { caseId: listed.caseId })).documents.some((d) => d.kind === 'proposal' && !d.replacedBy)) {
      await ok(as.sekretore!, 'documents.issue', { kind: 'proposal', caseId: listed.caseId });
    }
    const before = (await home('direktorius')).director!;
    const waiting = before.decisions.lines.find((d) => d.caseId === listed.caseId)!;
    expect(waiting).toMatchObject({ act: 'submission', point: '14' });
    const places = await ok(as.direktorius!, 'places.get', {});
    expect(before.places).toMatchObject({ capacity: places.capacity, free: places.free });
    expect(before.places!.head?.caseId).toBe(places.list.find((e) => e.waiting)?.caseId);

    const doc = await ok(as.direktorius!, 'documents.issue', { kind: 'submission', caseId: waiting.caseId });
    const after = await home('direktorius');
    expect(after.director!.decisions.lines.map((d) => d.caseId)).not.toContain(waiting.caseId);
    expect(after.signatures!.lines.map((s) => s.documentId)).toContain(doc.id);
  });

  it('V-77 p. 51: an appeal term ending this week is listed until the appeal is filed; the archivist re-exports a case changed after its export', async () => {
    // The letter refusing the demo's convict D-90001 three weeks ago (p. 16), appealable to the Prison Department director within 25 days.
    const { cases } = await ok(as.sekretore!, 'cases.list', {});
    const refused = cases.find((c) => c.personalFileNo === 'D-90001' && c.state === 'refused')!;
    const letter = (await ok(as.sekretore!, 'cases.get', { id: refused.id })).appealable[0]!;
    // The term of an appeal to the Prison Department director has no default; set it to end in 3 days.
    const settings = (await ok(as.admin!, 'settings.get', {}))!;
    await ok(as.admin!, 'settings.save', { ...settings, appealTerms: { department: { days: daysBetween(letter.date, addDays(TODAY, 3)), citation: 'BVK 183 str.' } } });
    const view = await ok(as.sekretore!, 'cases.get', { id: refused.id });
    const act = view.appealable[0]!;
    expect(act.dueBy).toBe(addDays(TODAY, 3));
    const term = (await home('sekretore')).secretary!.terms.flatMap((g) => g.lines).find((l) => l.rule === 'appeal' && l.caseId === refused.id);
    expect(term).toMatchObject({ point: '51', dueBy: act.dueBy, when: 'week' });

    // The archivist: the closed case is not exported; exported, it leaves the list.
    expect((await home('archyvare')).archivist!.unexported.lines.map((l) => l.caseId)).toContain(refused.id);
    await ok(as.archyvare!, 'archive.exportCase', { caseId: refused.id, personalData: true });
    const exported = (await home('archyvare')).archivist!;
    expect(exported.unexported.lines.map((l) => l.caseId)).not.toContain(refused.id);
    expect(exported.changedSinceExport.lines.map((l) => l.caseId)).not.toContain(refused.id);

    // The appeal is filed: its term is no longer work to watch, and the exported package is out of date.
    await ok(as.sekretore!, 'cases.fileAppeal', { id: refused.id, revision: view.record.revision, against: act.ref, filedOn: TODAY });
    expect((await home('sekretore')).secretary!.terms.flatMap((g) => g.lines).filter((l) => l.caseId === refused.id && l.rule === 'appeal')).toEqual([]);
    expect((await home('archyvare')).archivist!.changedSinceExport.lines).toContainEqual(expect.objectContaining({ caseId: refused.id, exportedAt: expect.any(String) }));
  });

  it('issue 17: the administrator is told that no backup was made, until one is', async () => {
    const before = (await home('admin')).administrator!;
    expect(before.problems).toEqual(['noBackup']);
    expect(before.users).toMatchObject({ active: DEMO_USERS.length + 1, inactive: 0, locked: [] });
    await ok(as.admin!, 'archive.backup', {});
    const after = (await home('admin')).administrator!;
    expect(after.problems).toEqual([]);
    expect(after.lastBackupAt).toEqual(expect.any(String));
  });
});
