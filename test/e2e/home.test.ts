/**
 * Issue 17: a start page per role. Over the demo data each role signs in through the sign-in screen
 * and lands on its own start page: the secretary's terms (V-77 p. 7, 9, 20, 32, 51), early requests
 * (p. 5, 19), the next meeting and the dossiers still incomplete (p. 6–9); the director's acts
 * waiting (p. 13, 14, 16, 46), the places and the head of the list (p. 4, 12); the chair's and
 * members' next meeting with the dossiers to read; the archivist's closed cases not exported; the
 * administrator's users and settings problems. Each line links to where the work is done; every
 * page passes axe. A term that ends today is there as ending today, and the next day as overdue.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../electron/browser-host/server';
import { DEMO_USERS, seedDemo } from '../../electron/cli/demo';
import { addDays, addWorkingDays, type IsoDate } from '../../shared/domain/calendar';
import { expectAccessible } from './axe';
import { closeSessions, ensureRendererBuilt, invoke, KEY, openApp, openWindow, OWN_REQUEST, SECRETARY as HARNESS_SECRETARY, SETTINGS, signIn, tempDir, TODAY, type Account, type AppSession, type Dispatch } from './harness';

function demoUser(username: string): Account {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}

const SECRETARY = demoUser('sekretore');
const DIRECTOR = demoUser('direktorius');
const CHAIR = demoUser('pirmininkas');
const MEMBER = demoUser('narys');
const ARCHIVIST = demoUser('archyvare');
const ADMIN = demoUser('admin');

/** The start page once it shows what it loaded. */
async function startPage(page: Page) {
  const home = page.locator('[data-home="ready"]');
  await home.waitFor();
  return home;
}

/** The block of the start page named `id` (data-home-section). */
function block(page: Page, id: string) {
  return page.locator(`[data-home-section="${id}"]`);
}

let demo: AppSession;
let secretary: Dispatch;
let admin: Dispatch;

async function sessionOf(account: Account): Promise<Dispatch> {
  const { session } = await invoke(demo.host.services.dispatch, 'auth.login', { username: account.username, password: account.password });
  return (method, input) => demo.host.services.dispatch(method, input, session);
}

describe('the start page of each role over the demo data (issue 17)', () => {
  beforeAll(async () => {
    await ensureRendererBuilt();
    // A folder of its own: the demo writes its certificates next to the data directory.
    demo = await openApp(join(tempDir('home'), 'data'), { fresh: true, as: null });
    await demo.page.locator('main h1').waitFor();
    await seedDemo(demo.host.services.dispatch, TODAY, 39, () => {});
    secretary = await sessionOf(SECRETARY);
    admin = await sessionOf(ADMIN);
  }, 180_000);
  afterAll(closeSessions);

  it('issue 17 (V-77 p. 5, 7, 9, 19): the secretary lands on her terms, early requests, the next meeting and the incomplete dossiers; a line opens its case', async () => {
    const { page } = await openWindow(demo, SECRETARY, { start: 'home' });
    const home = await startPage(page);
    const view = await invoke(secretary, 'home.get', {});
    const overdue = view.secretary!.terms.find((g) => g.when === 'overdue')!;
    expect(overdue.total).toBeGreaterThan(0);
    // V-77 p. 9: the demo's cases whose dossier came more than 10 working days ago are late for the commission.
    const overdueBlock = home.locator('[data-when="overdue"]');
    await expect.poll(() => overdueBlock.locator('li').count()).toBe(overdue.lines.length);
    await expect.poll(() => overdueBlock.locator('li[data-term="p9"]').first().textContent()).toContain('Komisijos posėdis (V-77 9 p.)');
    await expect.poll(() => overdueBlock.textContent()).toContain('praleista');
    // V-77 p. 19: the demo's convict refused three weeks ago who asks again.
    await expect.poll(() => block(page, 'flagged').textContent()).toMatch(/Ramūnas Žemaitis \(D-90001\).*3 mėnesių nuo atsisakymo \(V-77 19 p\.\)/);
    // V-77 p. 9: the planned meeting with its agenda.
    const meeting = view.secretary!.nextMeeting!;
    expect(meeting.cases.length).toBeGreaterThan(0);
    await expect.poll(() => block(page, 'meeting').locator('li').count()).toBe(meeting.cases.length);
    // V-77 p. 6–8: the incomplete dossiers, with what they wait for.
    await expect.poll(() => block(page, 'dossiers').textContent()).toContain('laukiama');
    // The other roles' sections are not hers.
    expect(await block(page, 'director').count()).toBe(0);
    expect(await block(page, 'archivist').count()).toBe(0);
    await expectAccessible(page, 'secretary start page');
    // A term's line opens its case.
    const first = overdue.lines[0]!;
    await overdueBlock.getByRole('link', { name: `${first.firstName} ${first.lastName} (${first.personalFileNo})` }).first().click();
    await page.waitForURL(`**#/cases/${first.caseId}`);
  });

  it('issue 17 (V-77 p. 4, 12, 14, 16): the director sees the acts waiting, the free places and the head of the list', async () => {
    const places = await invoke(secretary, 'places.get', {});
    const listed = places.list.find((e) => e.decision === '10.3' && e.waiting)!;
    const { documents } = await invoke(secretary, 'documents.list', { caseId: listed.caseId });
    if (!documents.some((d) => d.kind === 'proposal' && d.replacedBy === undefined)) await invoke(secretary, 'documents.issue', { kind: 'proposal', caseId: listed.caseId });
    const { page } = await openWindow(demo, DIRECTOR, { start: 'home' });
    await startPage(page);
    await expect.poll(() => block(page, 'places').locator('[data-places="free"]').textContent()).toBe(`Laisvos vietos: ${places.free} iš ${places.capacity}`);
    const head = places.list.find((e) => e.waiting)!;
    await expect.poll(() => block(page, 'places').locator('[data-places="head"]').textContent()).toContain(`${head.firstName} ${head.lastName}, ${head.position} vieta sąraše`);
    // V-77 p. 14: a listed 10.3 convict whose proposal is issued waits for the director's submission.
    const decisions = block(page, 'decisions');
    const line = decisions.locator(`li[data-case-id="${listed.caseId}"]`);
    await expect.poll(() => line.textContent()).toContain('Teikimas Kalėjimų departamento direktoriui (V-77 14 p.)');
    expect(await block(page, 'secretary').count()).toBe(0);
    await expectAccessible(page, 'director start page');
    await line.getByRole('link', { name: `${listed.firstName} ${listed.lastName}`, exact: false }).click();
    await page.waitForURL(`**#/cases/${listed.caseId}`);
  });

  it('issue 17 (V-77 p. 9): the chair sees the proposal waiting for his signature and the next meeting; a member the meeting with the dossiers to read', async () => {
    const chair = await openWindow(demo, CHAIR, { start: 'home' });
    await startPage(chair.page);
    // The demo leaves a proposal in the chair's signing queue.
    await expect.poll(() => block(chair.page, 'signatures').locator('li').count()).toBeGreaterThan(0);
    await expect.poll(() => block(chair.page, 'commission-meeting').textContent()).toContain('Prieš posėdį perskaitykite bylų medžiagą');
    await expectAccessible(chair.page, 'chair start page');

    const member = await openWindow(demo, MEMBER, { start: 'home' });
    const { nextMeeting } = (await invoke(secretary, 'home.get', {})).secretary!;
    await startPage(member.page);
    const agenda = block(member.page, 'commission-meeting');
    await expect.poll(() => agenda.locator('li').count()).toBe(nextMeeting!.cases.length);
    // A member signs nothing and keeps no terms.
    expect(await block(member.page, 'signatures').count()).toBe(0);
    expect(await block(member.page, 'terms').count()).toBe(0);
    await expectAccessible(member.page, 'member start page');
    const c = nextMeeting!.cases[0]!;
    await agenda.getByRole('link', { name: `${c.firstName} ${c.lastName} (${c.personalFileNo})` }).click();
    await member.page.waitForURL(`**#/cases/${c.caseId}`);
  });

  it('issue 17: the archivist sees the closed cases not yet exported; an exported case leaves the list', async () => {
    const { page } = await openWindow(demo, ARCHIVIST, { start: 'home' });
    await startPage(page);
    const unexported = block(page, 'unexported');
    const before = await unexported.locator('li').count();
    expect(before).toBeGreaterThan(0);
    // No term of the secretary's is on her page.
    expect(await page.locator('[data-when="overdue"]').count()).toBe(0);
    await expectAccessible(page, 'archivist start page');
    const caseId = (await unexported.locator('li').first().getAttribute('data-case-id'))!;
    const archivist = await sessionOf(ARCHIVIST);
    await invoke(archivist, 'archive.exportCase', { caseId, personalData: true });
    await page.reload();
    await startPage(page);
    await expect.poll(() => unexported.locator('li').count()).toBe(before - 1);
    expect(await unexported.locator(`li[data-case-id="${caseId}"]`).count()).toBe(0);
  });

  it('issue 17: the administrator sees the users and that no backup was made; after a backup the problem is gone', async () => {
    const { page } = await openWindow(demo, ADMIN, { start: 'home' });
    await startPage(page);
    const problems = block(page, 'problems');
    await expect.poll(() => problems.locator('[data-problem="noBackup"]').count()).toBe(1);
    // The demo sets up the register and trusts its CA.
    expect(await problems.locator('[data-problem="noRegister"], [data-problem="noTrustedRoots"]').count()).toBe(0);
    await expect.poll(() => block(page, 'users').textContent()).toContain(`Aktyvūs: ${DEMO_USERS.length}`);
    await expectAccessible(page, 'administrator start page');
    await invoke(admin, 'archive.backup', {});
    await page.reload();
    await startPage(page);
    await expect.poll(() => problems.locator('[data-problem]').count()).toBe(0);
    await expect.poll(() => problems.textContent()).toContain('Paskutinė atsarginė kopija');
  });
});

// ---- A term that crosses into "overdue" ----

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The browser host on `dataDir` as on `today`, and a browser on it signed in as `account`. */
async function openOn(dataDir: string, today: IsoDate, account: Account): Promise<{ page: Page; close(): Promise<void> }> {
  const host = await startBrowserHost({ dataDir, rendererDir: join(ROOT, 'dist', 'renderer'), today, key: KEY });
  const context = await chromium.launchPersistentContext(tempDir('chromium'), {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
    locale: 'lt-LT',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.url);
  await signIn(page, account);
  return {
    page,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}

/** The request date whose p. 7 term (20 working days) ends on `due`. */
function requestDateFor(due: IsoDate): IsoDate {
  let d = addDays(due, -20);
  while (addWorkingDays(d, 20) !== due) d = addDays(d, -1);
  return d;
}

describe('a term crossing into overdue (issue 17, V-77 p. 7)', () => {
  afterEach(closeSessions);

  it('V-77 p. 7: the dossier term that ends today is listed as ending today (a new one appearing live), and the next day as overdue', async () => {
    await ensureRendererBuilt();
    const dataDir = join(tempDir('home-term'), 'data');
    const request = { ...OWN_REQUEST, personalFileNo: 'P-7007', lastName: 'Terminauskas', requestDate: requestDateFor(TODAY) };
    const name = `${request.firstName} ${request.lastName} (${request.personalFileNo})`;
    const onTheDay = await openApp(dataDir, {
      seed: async (d) => {
        await invoke(d, 'settings.save', { ...SETTINGS, revision: 0 });
        await invoke(d, 'cases.register', request);
      },
      start: 'home',
    });
    await startPage(onTheDay.page);
    const today = onTheDay.page.locator('[data-when="today"]');
    await expect.poll(() => today.textContent()).toContain(name);
    await expect.poll(() => today.textContent()).toContain('šiandien');
    expect(await onTheDay.page.locator('[data-when="overdue"]').count()).toBe(0);
    // Live: a request registered meanwhile (by another user) with its term ending today appears without a reload.
    const other = { ...request, personalFileNo: 'P-7008', lastName: 'Vėlyvasis' };
    await invoke(onTheDay.staff.dispatch, 'cases.register', other);
    await expect.poll(() => today.textContent()).toContain(`${other.firstName} ${other.lastName} (${other.personalFileNo})`);
    await onTheDay.close();

    const nextDay = await openOn(dataDir, addDays(TODAY, 1), HARNESS_SECRETARY);
    try {
      await startPage(nextDay.page);
      const overdue = nextDay.page.locator('[data-when="overdue"]');
      await expect.poll(() => overdue.textContent()).toContain(name);
      await expect.poll(() => overdue.textContent()).toContain('praleista 1 d.');
      await expectAccessible(nextDay.page, 'secretary start page, a term overdue');
    } finally {
      await nextDay.close();
    }
  });
});
