/**
 * Issue 16, "the app warns when free space drops under 500 MB": every signed-in user sees a calm
 * warning under the header; the administrator is also told what to do. The level is injected
 * (PUSIAUKELE_LOW_SPACE_MB) above and below this disk's real free space.
 */
import { statfsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, closeSessions, ensureRendererBuilt, invoke, openApp, SETTINGS, tempDir } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(async () => {
  delete process.env.PUSIAUKELE_LOW_SPACE_MB;
  await closeSessions();
});

const seed = (d: Parameters<typeof invoke>[0]) => invoke(d, 'settings.save', { ...SETTINGS, revision: 0 }).then(() => undefined);

/** A level this disk's free space is under (`under`) or over. */
function level(dir: string, under: boolean): string {
  const s = statfsSync(dir);
  const freeMb = (Number(s.bavail) * Number(s.bsize)) / (1024 * 1024);
  return String(under ? Math.ceil(freeMb) + 1024 : 0);
}

describe('the low-space warning (issue 16)', () => {
  it('issue 16 "the app warns when free space drops under 500 MB": the secretary is warned and told to tell the administrator', async () => {
    const dir = tempDir('disk-low');
    process.env.PUSIAUKELE_LOW_SPACE_MB = level(dir, true);
    const { page, problems } = await openApp(dir, { seed });
    const warning = page.getByRole('status').filter({ hasText: 'Diske liko mažai vietos' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Duomenys saugūs.');
    expect(await warning.textContent()).toContain('Praneškite apie tai administratoriui.');
    expect(await warning.textContent()).not.toContain('duomenų katalogas');
    // In English too.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The disk is running out of space' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('issue 16 "administrator: what to do": the administrator is told where and how to free space', async () => {
    const dir = tempDir('disk-low-admin');
    process.env.PUSIAUKELE_LOW_SPACE_MB = level(dir, true);
    const { page } = await openApp(dir, { seed, as: ADMIN, accounts: [ADMIN] });
    const warning = page.getByRole('status').filter({ hasText: 'Diske liko mažai vietos' });
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Atlaisvinkite vietos diske, kuriame yra duomenų katalogas .+: ištrinkite nereikalingus failus/);
  });

  it('issue 16: with enough free space no warning is shown', async () => {
    const dir = tempDir('disk-plenty');
    process.env.PUSIAUKELE_LOW_SPACE_MB = level(dir, false);
    const { page } = await openApp(dir, { seed });
    await page.getByRole('navigation').waitFor();
    await page.waitForTimeout(500); // the free space has been asked
    expect(await page.getByRole('status').filter({ hasText: 'Diske liko mažai vietos' }).count()).toBe(0);
  });
});
