/**
 * Issue 17: the statistics page in Chromium over the demo institution: it draws its charts, each
 * with the table of its numbers; its figures are those of statistics.get; the CSV downloads and
 * parses back, as a Lithuanian Excel reads it, to the same numbers; the report to the Prison
 * Department is prepared from it for the director to sign; axe finds no serious violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../electron/cli/demo';
import type { StatisticsView } from '../../shared/contract/statisticsSchemas';
import { STATISTICS_FIGURES } from '../../shared/domain/statisticsFigures';
import { expectAccessible } from './axe';
import { closeSessions, ensureRendererBuilt, invokeFromPage, openApp, signIn, tempDir, TODAY, type Account, type AppSession } from './harness';
import { ltNumber, readExcelCsv } from '../helpers/excelCsv';

const SECRETARY_USER: Account = { ...DEMO_USERS.find((u) => u.username === 'sekretore')! };
const MEMBER_USER: Account = { ...DEMO_USERS.find((u) => u.username === 'narys')! };

let app: AppSession;

beforeAll(async () => {
  await ensureRendererBuilt();
  // A folder of its own: the demo writes its certificates next to the data directory.
  app = await openApp(join(tempDir('statistics'), 'data'), { fresh: true, as: null });
  await app.page.locator('main h1').waitFor();
  await seedDemo(app.host.services.dispatch, TODAY, 39, () => {});
  await app.page.reload();
  await signIn(app.page, SECRETARY_USER);
}, 180_000);
afterAll(closeSessions);


async function statistics(input: object): Promise<StatisticsView> {
  const result = await invokeFromPage(app.page, 'statistics.get', input);
  if (!result.ok) throw new Error(result.error.code);
  return result.value as StatisticsView;
}

/** Open the statistics page and wait until its charts are drawn. */
async function openStatistics(): Promise<void> {
  const { page } = app;
  await page.evaluate(() => {
    location.hash = '#/statistics';
  });
  await page.getByRole('heading', { level: 1, name: 'Statistika' }).waitFor();
  await page.locator('figure[data-chart="decisions"] svg.recharts-surface').waitFor();
  await page.locator('figure[data-chart="occupancy"] .recharts-line-curve').first().waitFor({ state: 'attached' });
}

describe('the statistics page (issue 17)', () => {
  it('draws a chart for each group of figures, each a figure with its caption and a table of the same numbers', async () => {
    const { page } = app;
    await openStatistics();
    const view = await statistics({});
    expect(view).toMatchObject({ from: '2026-01-01', to: TODAY });
    await expect.poll(() => page.locator('.statistics-shown').getAttribute('data-to')).toBe(TODAY);

    for (const chart of ['decisions', 'acts', 'terms', 'movement', 'occupancy']) {
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      expect(await figure.locator('figcaption').textContent(), chart).not.toBe('');
      expect(await figure.locator('svg.recharts-surface').count(), chart).toBeGreaterThan(0);
      // The drawing is hidden from screen readers; the table holds the numbers.
      expect(await figure.locator('.statistics-chart').getAttribute('aria-hidden')).toBe('true');
      expect(await figure.locator('table').count()).toBe(1);
    }
    // The decisions: a bar per decision taken, numbered at its end, and the table's numbers are statistics.get's.
    const decisions = page.locator('figure[data-chart="decisions"]');
    const taken = Object.values(view.decisions).filter((n) => n > 0).length;
    expect(taken).toBeGreaterThan(1);
    expect(await decisions.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect').count()).toBeGreaterThanOrEqual(taken);
    for (const kind of ['10.1', '10.2', '10.3', '10.4'] as const) {
      expect(await decisions.locator(`tr[data-figure="decisions.${kind}"] td.number`).textContent()).toBe(String(view.decisions[kind]));
    }
    // The places: four lines, one point per month end and the period's last day.
    expect(await page.locator('figure[data-chart="occupancy"] .recharts-line').count()).toBe(4);
    expect(await page.locator('figure[data-chart="occupancy"] tbody tr').count()).toBe(view.occupancy.length);

    // The table is shown on demand, from the keyboard too.
    const toggle = decisions.getByRole('button', { name: 'Rodyti lentelę' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await decisions.getByRole('button', { name: 'Slėpti lentelę' }).getAttribute('aria-expanded')).toBe('true');
    expect(await decisions.locator('.statistics-table').getAttribute('class')).not.toContain('visually-hidden');
    await expectAccessible(page, 'statistics');
  });

  it('writes every figure of statistics.get in the full table, with the decimal comma', async () => {
    const { page } = app;
    await openStatistics();
    const view = await statistics({});
    for (const f of STATISTICS_FIGURES) {
      const n = f.value(view);
      const expected = n === null ? 'nėra' : `${String(n).replace('.', ',')}${f.percent ? ' %' : ''}`;
      expect(await page.locator(`table.statistics-figures tr[data-figure="${f.id}"] td.number`).textContent(), f.id).toBe(expected);
    }
  });

  it('downloads the CSV, which parses back as a Lithuanian Excel reads it to the numbers of statistics.get', async () => {
    const { page } = app;
    await openStatistics();
    const view = await statistics({});
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Atsisiųsti CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`statistika_2026-01-01_${TODAY}.csv`);
    const bytes = readFileSync((await download.path())!);
    // UTF-8 with its byte-order mark, lines ended by CRLF.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Gauta prašymų');
    const rows = readExcelCsv(text);
    expect(rows[0]).toEqual(['Laikotarpis', '2026-01-01', TODAY]);
    const byCode = new Map(rows.map((r) => [r[0], r]));
    for (const f of STATISTICS_FIGURES) expect(ltNumber(byCode.get(f.id)![4]!), f.id).toBe(f.value(view));
    const days = rows.slice(rows.findIndex((r) => r[0] === 'Data') + 1);
    expect(days.map((r) => [r[0], ...r.slice(1).map(ltNumber)])).toEqual(view.occupancy.map((p) => [p.on, p.capacity, p.occupied, p.held, p.queue]));
  });

  it('shows the period typed in, day by day for a short one, and refuses a period that ends before it starts', async () => {
    const { page } = app;
    await openStatistics();
    await page.getByLabel('Nuo').fill('2026-11-01');
    await page.getByLabel('Iki').fill('2026-10-01');
    await page.getByRole('button', { name: 'Rodyti', exact: true }).click();
    await page.getByText('pabaiga ne ankstesnė už pradžią').waitFor();
    await page.getByLabel('Iki').fill(TODAY);
    await page.getByRole('button', { name: 'Rodyti', exact: true }).click();
    await expect.poll(() => page.locator('.statistics-shown').getAttribute('data-from')).toBe('2026-11-01');
    expect(await page.locator('figure[data-chart="occupancy"] tbody tr').count()).toBe(23);
    await page.getByRole('button', { name: 'Praėję metai' }).click();
    await expect.poll(() => page.locator('.statistics-shown').getAttribute('data-from')).toBe('2025-01-01');
    expect(await page.getByLabel('Iki').inputValue()).toBe('2025-12-31');
  });

  it('prepares the report to the Prison Department (PDF) for the director to sign, and offers it only to those who prepare documents', async () => {
    const { page } = app;
    await openStatistics();
    await page.getByRole('button', { name: 'Parengti ataskaitą (PDF)' }).click();
    const notice = page.locator('.statistics-report');
    await notice.getByText(/Parengta ataskaita Nr\. AT-1/).waitFor();
    expect(await notice.getByRole('link', { name: 'Eiti į pasirašymą' }).getAttribute('href')).toBe('#/signing');
    const [pdf] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Atsisiųsti PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('AT-1.pdf');
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page, 'statistics with the report prepared');

    // A member reads the statistics but prepares no documents.
    await page.evaluate(() => sessionStorage.removeItem('pusiaukele.session'));
    await page.reload();
    await signIn(page, MEMBER_USER);
    await openStatistics();
    expect(await page.getByRole('button', { name: 'Parengti ataskaitą (PDF)' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Atsisiųsti CSV' }).count()).toBe(1);
  });
});
