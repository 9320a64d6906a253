import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../electron/cli/demo';
import { addDays, compareIso } from '../../shared/domain/calendar';
import { expectAccessible } from './axe';
import { ensureRendererBuilt, invoke, openApp, closeSessions, SETTINGS, signIn, tempDir, TODAY, type Dispatch } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

const FIRST_NAMES = ['Jonas', 'Petras', 'Antanas', 'Mindaugas', 'Tomas', 'Darius', 'Andrius', 'Rimantas', 'Vytautas', 'Gediminas'];
const LAST_NAMES = ['Kazlauskas', 'Jankauskas', 'Petrauskas', 'Stankevičius', 'Vasiliauskas', 'Butkus', 'Paulauskas', 'Urbonas', 'Navickas', 'Kavaliauskas', 'Ramanauskas', 'Sakalauskas'];
const SEEDED = 2000;

/**
 * 2,000 requests filed between 2026-08-01 and 2026-11-18 (so many of their V-77 p. 7 terms are
 * overdue on 2026-11-23), plus two convicts whose names carry diacritics, for the search.
 */
async function seedCases(dispatch: Dispatch): Promise<void> {
  await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
  const register = (i: number, firstName: string, lastName: string, requestDate: string) =>
    invoke(dispatch, 'cases.register', {
      firstName,
      lastName,
      personalFileNo: `B-${i}`,
      birthDate: '1980-01-01',
      servingInstitutionId: i % 3 === 0 ? 'own' : i % 3 === 1 ? 'marijampole' : 'vilnius',
      // V-77 p. 5, 7–8: a request handled here names this halfway house unless the convict serves here.
      halfwayHouseInstitutionId: i % 3 === 0 && i % 2 === 1 ? 'vilnius' : 'own',
      requestDate,
      // Every 25th request is filed too early (V-77 p. 5) and carries the flag marker.
      possibleTransferDate: addDays(requestDate, i % 25 === 0 ? 120 : 45),
      possibleParoleDate: '2027-09-01',
      sentenceEnd: '2028-03-01',
    });
  for (let i = 0; i < SEEDED; i++) {
    await register(i, FIRST_NAMES[i % FIRST_NAMES.length]!, LAST_NAMES[(i * 7) % LAST_NAMES.length]!, addDays('2026-08-01', i % 110));
  }
  await register(SEEDED, 'Šarūnas', 'Žemaitis', '2026-11-20');
  await register(SEEDED + 1, 'Rūta', 'Žemaitytė', '2026-11-20');
}

const TOTAL = SEEDED + 2;

/** The rows the table has put in the page (the virtual window), not the whole list. */
function renderedRows(page: Page) {
  return page.locator('tbody tr[data-row]');
}

/** The next-deadline dates of the first `n` rows on screen, in order. */
async function deadlineDates(page: Page, n: number): Promise<string[]> {
  const cells = await renderedRows(page).locator('td:nth-child(6)').allTextContents();
  return cells.slice(0, n).map((text) => text.slice(0, 10));
}

async function shownCount(page: Page): Promise<string> {
  return (await page.locator('.list-count').textContent()) ?? '';
}

describe('the case list', () => {
  it('V-77 p. 7: sorts by the next deadline, searches with and without diacritics, highlights overdue terms, renders 2,000 cases as a window', async () => {
    const session = await openApp(tempDir('list'), seedCases);
    const { page } = session;
    await expect.poll(() => shownCount(page)).toBe(`Rodoma bylų: ${TOTAL} iš ${TOTAL}`);

    // Virtualized: a window of rows, not 2,002 of them.
    const initial = await renderedRows(page).count();
    expect(initial).toBeGreaterThan(10);
    expect(initial).toBeLessThan(100);

    // Sorted by the next deadline, most urgent first: the first rows are overdue and highlighted.
    const deadlineHeader = page.getByRole('columnheader', { name: 'Artimiausias terminas' });
    expect(await deadlineHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await deadlineDates(page, 10);
    expect([...ascending].sort()).toEqual(ascending);
    expect(compareIso(ascending[0]!, TODAY)).toBeLessThan(0);
    const firstDeadline = renderedRows(page).first().locator('td:nth-child(6)');
    expect(await firstDeadline.getAttribute('class')).toBe('overdue');
    expect(await firstDeadline.textContent()).toMatch(/praleista \d+ d\./);

    await deadlineHeader.getByRole('button').click();
    await expect.poll(() => deadlineHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await deadlineDates(page, 10);
    expect([...descending].sort().reverse()).toEqual(descending);
    expect(compareIso(descending[0]!, TODAY)).toBeGreaterThan(0);
    expect(await renderedRows(page).first().locator('td.overdue').count()).toBe(0);
    await deadlineHeader.getByRole('button').click();
    await expect.poll(() => deadlineHeader.getAttribute('aria-sort')).toBe('ascending');

    // Scrolling far down swaps the window; the DOM never holds the whole list.
    await page.getByRole('region', { name: 'Pusiaukelės namų prašymų bylos' }).evaluate((el) => {
      el.scrollTop = 40 * 1500;
    });
    await expect.poll(() => renderedRows(page).first().getAttribute('aria-rowindex').then(Number)).toBeGreaterThan(1400);
    expect(await renderedRows(page).count()).toBeLessThan(100);

    // Search by surname, with and without the Lithuanian letters.
    const search = page.getByLabel('Paieška');
    for (const query of ['Žemait', 'zemait', 'ŽEMAIT']) {
      await search.fill(query);
      await expect.poll(() => shownCount(page)).toBe(`Rodoma bylų: 2 iš ${TOTAL}`);
    }
    expect(await renderedRows(page).locator('td:first-child').allTextContents()).toEqual(['Žemaitis Šarūnas', 'Žemaitytė Rūta']);
    await search.fill('zemaityte');
    await expect.poll(() => shownCount(page)).toBe(`Rodoma bylų: 1 iš ${TOTAL}`);
    await search.fill('');

    // Overdue only: every row shown has its term highlighted.
    await page.getByLabel('Tik praleisti terminai').check();
    await expect.poll(() => shownCount(page)).not.toBe(`Rodoma bylų: ${TOTAL} iš ${TOTAL}`);
    const rows = await renderedRows(page).count();
    expect(await renderedRows(page).locator('td.overdue').count()).toBe(rows);
    await page.getByLabel('Tik praleisti terminai').uncheck();

    // A request registered elsewhere (another window, the command line) appears without a reload:
    // the back end's 'cases.changed' event refreshes the list.
    await invoke(session.staff.dispatch, 'cases.register', {
      firstName: 'Naujas',
      lastName: 'Atvykėlis',
      personalFileNo: 'N-1',
      birthDate: '1990-01-01',
      servingInstitutionId: 'own',
      halfwayHouseInstitutionId: 'own',
      requestDate: TODAY,
      possibleTransferDate: '2027-01-10',
      possibleParoleDate: '2027-09-01',
      sentenceEnd: '2028-03-01',
    });
    await expect.poll(() => shownCount(page)).toBe(`Rodoma bylų: ${TOTAL + 1} iš ${TOTAL + 1}`);

    // The flag marker of the requests filed too early (V-77 p. 5).
    await page.getByRole('columnheader', { name: 'Pastabos' }).getByRole('button').click();
    expect(await renderedRows(page).first().locator('.flag-marker').textContent()).toMatch(/^(5|19) p\./);

    // English, remembered across a reload; then back to Lithuanian.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Next deadline' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // A reload starts from the default order again: the most urgent first.
    await expect.poll(() => renderedRows(page).first().locator('td:nth-child(6)').textContent()).toMatch(/\(overdue by \d+ days?\)$/);
    await page.getByRole('button', { name: 'LT', exact: true }).click();
    await page.getByRole('heading', { name: 'Bylos', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('lt');
    expect(session.problems).toEqual([]);
  });

  it('issue 17: at 1280×720 the state and the institution of every case show whole (wrapped, never cut), in both languages; axe passes', async () => {
    const session = await openApp(join(tempDir('list-demo'), 'data'), { fresh: true, as: null });
    const { page } = session;
    await page.locator('main h1').waitFor();
    await seedDemo(session.host.services.dispatch, TODAY, 14, () => {});
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.reload();
    await signIn(page, DEMO_USERS.find((u) => u.username === 'sekretore')!);
    await page.evaluate(() => (location.hash = '#/cases'));
    await expect.poll(() => shownCount(page)).toMatch(/^Rodoma bylų: (\d+) iš \1$/);
    // The scrolling table, named "Pusiaukelės namų prašymų bylos" / "Halfway-house request cases".
    const region = page.getByRole('region', { name: /^(Pusiaukelės namų prašymų bylos|Halfway-house request cases)$/ });

    /** The state (5th) and institution (3rd) cells of every case, scrolled through: any cut short, and the longest state seen. */
    const cutCells = async () => {
      const cut = new Set<string>();
      await region.evaluate((el) => (el.scrollTop = 0));
      for (let pass = 0; pass < 40; pass++) {
        const found = await renderedRows(page).evaluateAll((rows) =>
          rows.flatMap((row) =>
            [row.children[2], row.children[4]].flatMap((cell) => {
              if (!(cell instanceof HTMLElement)) return [];
              const style = getComputedStyle(cell);
              const cutShort = cell.scrollWidth > cell.clientWidth || style.textOverflow === 'ellipsis' || cell.scrollHeight > cell.clientHeight + 1;
              return cutShort ? [cell.textContent ?? ''] : [];
            }),
          ),
        );
        for (const text of found) cut.add(text);
        const atEnd = await region.evaluate((el) => {
          const before = el.scrollTop;
          el.scrollTop += el.clientHeight;
          return el.scrollTop === before;
        });
        if (atEnd) break;
        await page.waitForTimeout(50);
      }
      return [...cut];
    };

    expect(await cutCells()).toEqual([]);
    // The demo has long states and names: they wrap onto a second line, the row grows with them.
    const rowHeights = await renderedRows(page).evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...rowHeights)).toBeGreaterThan(40);
    await expectAccessible(page, 'the case list at 1280×720');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(await cutCells()).toEqual([]);
    await expectAccessible(page, 'the case list in English at 1280×720');
    expect(session.problems).toEqual([]);
  });
});
