// Issue 16, "the administrator sees it": an audit trail cut while the app was closed is reported on
// the audit page with the file named; the app writes nothing until the administrator confirms the
// present state; the confirmation is recorded in the trail.
import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SECRETARY, closeSessions, ensureRendererBuilt, invoke, openApp, OWN_REQUEST, seedDataDir, SETTINGS, tempDir } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

describe('the integrity of the data directory (issue 16)', () => {
  it('a cut audit trail is shown to the administrator, changes are refused with the reason, and the confirmation opens the directory again', async () => {
    const dataDir = tempDir('integrity');
    await seedDataDir(
      dataDir,
      async (dispatch) => {
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
        await invoke(dispatch, 'cases.register', OWN_REQUEST);
      },
      [ADMIN_SECRETARY],
    );
    const log = join(dataDir, 'audit', 'audit.log');
    truncateSync(log, readFileSync(log).indexOf('\n') + 1);

    const session = await openApp(dataDir, { as: ADMIN_SECRETARY, accounts: [ADMIN_SECRETARY] });
    const { page } = session;
    await page.evaluate(() => {
      location.hash = '#/audit';
    });
    const findings = page.locator('[data-integrity="problems"]');
    await findings.waitFor();
    expect(await findings.textContent()).toMatch(/programa nieko nerašo/);
    expect(await findings.locator('li[data-kind="auditCut"]').textContent()).toMatch(/audit\/audit\.log: veiksmų žurnalas sutrumpintas/);

    // Reads go on; a change elsewhere is refused with the reason.
    await page.evaluate(() => {
      location.hash = '#/settings';
    });
    await page.getByRole('button', { name: 'Išsaugoti nustatymus' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/DATA_INTEGRITY_READ_ONLY|atidarytas tik skaityti/);
    await page.evaluate(() => {
      location.hash = '#/audit';
    });

    const accept = page.getByRole('button', { name: 'Patvirtinti dabartinę būklę' });
    expect(await accept.isDisabled()).toBe(true);
    await page.getByLabel(/Suprantu: dabartinė būklė bus laikoma teisinga/).check();
    await accept.click();
    await page.locator('[data-integrity="clean"]').waitFor();
    expect(await page.locator('[data-integrity="clean"]').textContent()).toMatch(/patvirtinta ir įrašyta žurnale/);
    await page.getByRole('button', { name: 'Rodyti' }).click();
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toMatch(/audit\.acceptIntegrity.*sutrumpintas/s);
    expect(session.problems).toEqual([]);
  });
});
