/**
 * Issue 17: accessibility on every page. Over the demo data (one institution, its commission, cases at
 * every stage, past and planned meetings, signed documents), each role signs in and opens every page
 * it can reach; axe-core finds no serious or critical violation on any of them, in Lithuanian and in
 * English. Every link, button and field is reached with the Tab key, and the element with the focus
 * shows a focus ring at least 2px wide with a contrast of at least 3:1 against what is around it.
 * What an action did ("created", "saved") appears beside the control that did it, on screen.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../electron/cli/demo';
import { navigationFor } from '../../renderer/auth/access';
import type { Role } from '../../shared/contract/roles';
import { expectAccessible } from './axe';
import { closeSessions, ensureRendererBuilt, invoke, invokeFromPage, openApp, signIn, tempDir, TODAY, type Account, type AppSession, type Dispatch } from './harness';

/** One demo user per role (DEMO_USERS), as a test knows them. */
function demoUser(username: string): Account {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}

const ROLE_USERS: Readonly<Record<Role, Account>> = {
  administrator: demoUser('admin'),
  secretary: demoUser('sekretore'),
  chair: demoUser('pirmininkas'),
  member: demoUser('narys'),
  director: demoUser('direktorius'),
  archivist: demoUser('archyvare'),
};
const SECRETARY_USER = ROLE_USERS.secretary;
const ADMIN_USER = ROLE_USERS.administrator;

let app: AppSession;
/** The secretary's calls straight to the back end. */
let secretary: Dispatch;
let caseId = '';
let plannedMeeting = '';
let closedMeeting = '';

/** Open a page by its address, as a link would, and wait until it has loaded what it shows. */
async function visit(page: Page, hash: string): Promise<void> {
  await page.evaluate((to) => {
    location.hash = to;
  }, hash);
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    const text = main?.textContent ?? '';
    return !!main?.querySelector('h1') && !text.includes('Įkeliama…') && !text.includes('Loading…');
  }, undefined, { polling: 100 });
  // The data of the page's own panels (after the heading) arrives in the same turn or the next.
  await page.waitForTimeout(150);
}

const tabs = new Map<string, Page>();

/**
 * A tab of the browser where `user` is signed in (through the sign-in screen the first time): a tab
 * keeps its own session, so each user signs in once (the host allows 10 sign-ins a minute).
 */
async function tabOf(user: Account): Promise<Page> {
  const open = tabs.get(user.username);
  if (open) {
    // A tab behind another is throttled by the browser: the one worked in is in front.
    await open.bringToFront();
    return open;
  }
  const page = await app.page.context().newPage();
  await page.goto(app.host.url);
  await signIn(page, user);
  tabs.set(user.username, page);
  return page;
}

/**
 * The pages `roles` may open from the navigation, and a case's page. The pages every user has and
 * that show the same to all (the signature check, the password) are visited with the secretary's.
 */
function pagesOf(roles: readonly Role[]): string[] {
  const navigation = navigationFor(roles).map((item) => `#/${item}`);
  const cases = navigation.includes('#/cases') ? [`#/cases/${caseId}`] : [];
  const everyones = roles.includes('secretary') ? ['#/verify', '#/password'] : [];
  return [...navigation, ...cases, ...everyones];
}

/** What the Tab key met on a page: every element reached, and those without a visible focus ring. */
interface TabWalk {
  /** Keys (data-tab-key) of the elements reached, radio groups by their name. */
  reached: string[];
  /** Elements whose focus ring is missing, thinner than 2px or under 3:1 against the background. */
  unseen: string[];
}

/**
 * Mark every link, button and field a user could operate on the page (visible, enabled, not taken
 * out of the tab order, not under an inert layer) with a key; returns key → description. A group of
 * radio buttons is one stop of the Tab key (the arrows move inside it), so it is one key.
 */
function markInteractive(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const marked: Record<string, string> = {};
    const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
    candidates.forEach((el, index) => {
      el.removeAttribute('data-tab-key');
      if (el.closest('[inert]') || el.matches(':disabled') || el.getAttribute('tabindex') === '-1') return;
      if (el instanceof HTMLInputElement && el.type === 'hidden') return;
      // Not shown: display none, under a closed <details> (content-visibility), visibility hidden.
      if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) return;
      const key = el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `radio:${el.name}` : `el:${index}`;
      el.setAttribute('data-tab-key', key);
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
      marked[key] = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(name || el.getAttribute('name') || '').slice(0, 50)}"`;
    });
    return marked;
  });
}

/** The focused element's key, and why its focus would not be seen (null when it is). */
function focusedElement(page: Page): Promise<{ key: string | null; unseen: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return { key: null, unseen: null };
    const luminance = (color: string): number | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color);
      if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
      const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const style = getComputedStyle(el);
    const width = parseFloat(style.outlineWidth);
    let unseen: string | null = null;
    if (style.boxShadow === 'none') {
      if (style.outlineStyle === 'none' || !(width >= 2)) unseen = `outline ${style.outlineStyle} ${style.outlineWidth}`;
      else {
        // The ring is drawn around the element (outline-offset): against the background of what holds it.
        let holder = el.parentElement;
        let behind: number | null = null;
        while (holder && behind === null) {
          behind = luminance(getComputedStyle(holder).backgroundColor);
          holder = holder.parentElement;
        }
        const ring = luminance(style.outlineColor);
        const contrast = ring === null ? 0 : (Math.max(ring, behind ?? 1) + 0.05) / (Math.min(ring, behind ?? 1) + 0.05);
        if (contrast < 3) unseen = `outline ${style.outlineColor} contrast ${contrast.toFixed(2)}`;
      }
    }
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50);
    return { key: el.getAttribute('data-tab-key'), unseen: unseen ? `${el.tagName.toLowerCase()} "${name}": ${unseen}` : null };
  });
}

/** Press Tab through the page until the focus comes round again (at most `limit` presses). */
async function tabThrough(page: Page, limit: number): Promise<TabWalk> {
  const reached: string[] = [];
  const unseen: string[] = [];
  let outside = 0;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (focused.key === null) {
      // Past the last element the focus leaves the page once, then starts again at the top.
      if (++outside > 2) break;
      continue;
    }
    if (reached[0] === focused.key) break;
    if (!reached.includes(focused.key)) reached.push(focused.key);
    if (focused.unseen) unseen.push(focused.unseen);
  }
  return { reached, unseen };
}

beforeAll(async () => {
  await ensureRendererBuilt();
  // A folder of its own: the demo writes its certificates next to the data directory.
  app = await openApp(join(tempDir('a11y'), 'data'), { fresh: true, as: null });
  await app.page.locator('main h1').waitFor();
  await seedDemo(app.host.services.dispatch, TODAY, 14, () => {});
  const { session } = await invoke(app.host.services.dispatch, 'auth.login', { username: SECRETARY_USER.username, password: SECRETARY_USER.password });
  secretary = (method, input) => app.host.services.dispatch(method, input, session);
  const { meetings } = await invoke(secretary, 'meetings.list', {});
  plannedMeeting = meetings.find((m) => m.state === 'planned')?.id ?? '';
  closedMeeting = meetings.find((m) => m.state === 'closed')?.id ?? '';
  const { cases } = await invoke(secretary, 'cases.list', {});
  caseId = cases[0]?.id ?? '';
}, 120_000);
afterAll(closeSessions);

describe('every page passes axe-core (issue 17)', () => {
  it('issue 17: the first-run screen (still on screen from before the demo data) and the sign-in screen', async () => {
    const { page } = app;
    await expectAccessible(page, 'first run');
    await page.reload();
    await page.getByRole('heading', { name: 'Prisijungimas' }).waitFor();
    await expectAccessible(page, 'sign-in');
  });

  for (const [role, user] of Object.entries(ROLE_USERS)) {
    it(`issue 17: every page the ${role} can open (${user.username})`, async () => {
      const page = await tabOf(user);
      for (const hash of pagesOf(user.roles)) {
        await visit(page, hash);
        await expectAccessible(page, `${role} ${hash}`);
      }
      // The tabs of the secretary and the administrator are used again below.
      if (user !== SECRETARY_USER && user !== ADMIN_USER) {
        tabs.delete(user.username);
        await page.close();
      }
    });
  }

  it('issue 17 (V-77 p. 9–11): the meeting pages, planned, open and closed, and their projector views', async () => {
    expect(plannedMeeting).not.toBe('');
    expect(closedMeeting).not.toBe('');
    const page = await tabOf(SECRETARY_USER);
    for (const id of [plannedMeeting, closedMeeting]) {
      await visit(page, `#/meetings/${id}`);
      await expectAccessible(page, `meeting ${id}`);
      await visit(page, `#/meetings/${id}/projector`);
      await expectAccessible(page, `projector ${id}`);
    }
    // The planned meeting is moved to today and starts (V-77 p. 9): the secretary's desk of an open meeting.
    const { record } = await invoke(secretary, 'meetings.get', { id: plannedMeeting });
    const moved = await invoke(secretary, 'meetings.update', {
      id: plannedMeeting,
      revision: record.revision,
      date: TODAY,
      time: record.time,
      place: record.place,
      caseIds: record.agenda.map((item) => item.caseId),
    });
    await invoke(secretary, 'meetings.open', { id: plannedMeeting, revision: moved.record.revision });
    await visit(page, `#/meetings/${plannedMeeting}`);
    await expectAccessible(page, 'open meeting');
    await visit(page, `#/meetings/${plannedMeeting}/projector`);
    await expectAccessible(page, 'open meeting projector');

    // The lock over a session (users-and-roles issue): the dialog that asks for the password.
    expect(await invokeFromPage(page, 'auth.lock', {})).toMatchObject({ ok: true });
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'Programa užrakinta' });
    await dialog.waitFor();
    await expectAccessible(page, 'lock');
    await dialog.getByLabel('Slaptažodis').fill(SECRETARY_USER.password);
    await dialog.getByRole('button', { name: 'Atrakinti' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('issue 17 (issue 16): the unlock screen the desktop app shows while the data directory waits for its passphrase', async () => {
    // The browser host never waits for a key; the desktop's answer to auth.status is played to a new tab.
    const page = await app.page.context().newPage();
    await page.route('**/api/invoke', async (route) => {
      if (!route.request().postData()?.includes('"auth.status"')) return route.continue();
      const error = { code: 'DATA_KEY_LOCKED', params: { why: 'notEnrolled' }, message: 'Šis kompiuteris dar neįtrauktas į duomenų katalogo raktus.' };
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error }) });
    });
    await page.goto(app.host.url);
    await page.getByRole('heading', { name: 'Atrakinkite duomenų katalogą', level: 1 }).waitFor();
    await expectAccessible(page, 'unlock');
    await page.close();
  });

  it('issue 17: in English, every page of the secretary and the administrator\'s own, and the sign-in screen', async () => {
    const seen = new Set<string>();
    for (const user of [SECRETARY_USER, ADMIN_USER]) {
      const page = await tabOf(user);
      await visit(page, '#/home');
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      // Each page once: the administrator's own (settings, users, audit) after the secretary's.
      for (const hash of pagesOf(user.roles).filter((h) => !seen.has(h))) {
        seen.add(hash);
        await visit(page, hash);
        await expectAccessible(page, `English ${user.username} ${hash}`);
      }
      await page.getByRole('button', { name: 'LT', exact: true }).click();
    }
    // The sign-in screen (the first tab, never signed in).
    await app.page.getByRole('button', { name: 'EN', exact: true }).click();
    await app.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(app.page, 'English sign-in');
    await app.page.getByRole('button', { name: 'LT', exact: true }).click();
  });
});

describe('the keyboard (issue 17)', () => {
  it('issue 17: on every main page the Tab key reaches every link, button and field, each with a visible focus ring (2px or more, 3:1 or more)', async () => {
    const problems: string[] = [];
    for (const user of [SECRETARY_USER, ADMIN_USER]) {
      const page = await tabOf(user);
      const pages = [...pagesOf(user.roles), ...(user === SECRETARY_USER ? [`#/meetings/${plannedMeeting}`, `#/meetings/${closedMeeting}`] : [])];
      for (const hash of pages) {
        await visit(page, hash);
        const interactive = await markInteractive(page);
        const walk = await tabThrough(page, Object.keys(interactive).length + 10);
        const missed = Object.keys(interactive).filter((key) => !walk.reached.includes(key));
        problems.push(...missed.map((key) => `${user.username} ${hash}: not reached by Tab: ${interactive[key]}`));
        problems.push(...walk.unseen.map((what) => `${user.username} ${hash}: focus not visible: ${what}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

/**
 * The notice must be on screen, and (when the button is still there) just under or beside it: at
 * most `gap` pixels from the button, not at the top of the page.
 */
async function expectBeside(page: Page, notice: Locator, button: Locator | null, gap = 160): Promise<void> {
  await notice.waitFor();
  const box = await notice.boundingBox();
  const viewport = page.viewportSize();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport!.height);
  if (!button) return;
  const near = await button.boundingBox();
  expect(near).not.toBeNull();
  const distance = box!.y >= near!.y ? box!.y - (near!.y + near!.height) : near!.y - (box!.y + box!.height);
  expect(distance).toBeLessThanOrEqual(gap);
}

describe('messages next to their control (issue 17)', () => {
  it('issue 17: the administrator creates a user at the foot of the users page, changes one in its panel, and changes the number of places (V-77 p. 4): each "done" appears where it was done', async () => {
    const page = await tabOf(ADMIN_USER);
    await visit(page, '#/users');
    const form = page.getByRole('region', { name: 'Naujas naudotojas' });
    await form.getByLabel('Naudotojo vardas').fill('nauja.narys');
    await form.getByLabel('Vardas ir pavardė').fill('Eglė Naujoji');
    await form.getByLabel('Komisijos narys').check();
    await form.getByLabel('Pradinis slaptažodis').fill('Pradinis-slaptazodis-1');
    const create = form.getByRole('button', { name: 'Sukurti naudotoją' });
    await create.click();
    const created = form.getByRole('status').filter({ hasText: 'Naudotojas „nauja.narys“ sukurtas' });
    await expectBeside(page, created, create);
    // The form started anew: the keyboard goes on from the notice.
    expect(await created.evaluate((el) => el === document.activeElement)).toBe(true);

    // A user's panel (under the table) closes when saved: the notice stands where it was, with the focus.
    await page.getByRole('button', { name: 'Taisyti „narys“' }).click();
    await page.getByRole('button', { name: 'Išsaugoti' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Naudotojo „narys“ duomenys išsaugoti.' });
    await expectBeside(page, saved, null);
    expect(await saved.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('heading', { name: 'Naudotojai' }).isVisible()).toBe(true);

    // Settings: the capacity form near the end of a long page.
    await visit(page, '#/settings');
    const capacity = page.locator('form[data-form="capacity"]');
    await capacity.getByLabel('Galioja nuo').fill('2027-01-01');
    await capacity.getByLabel('Naujas vietų skaičius').fill('22');
    const submit = capacity.getByRole('button', { name: 'Įrašyti vietų skaičiaus pokytį' });
    await submit.click();
    await expectBeside(page, page.getByRole('status').filter({ hasText: 'Vietų skaičiaus pokytis įrašytas.' }), submit);
  });
});
