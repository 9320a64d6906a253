import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRendererBuilt,
  fillRequest,
  invoke,
  openApp,
  OWN_HALFWAY_HOUSE,
  removeTempDirs,
  SETTINGS,
  tempDir,
  type AppSession,
} from './harness';

let session: AppSession | undefined;

beforeAll(ensureRendererBuilt);
afterEach(async () => {
  await session?.close();
  session = undefined;
  removeTempDirs();
});

/** Take the next step of the procedure from the case page, dated `on`, with an optional reason. */
async function step(page: Page, state: string, on: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: state, exact: true }).click();
  await page.getByLabel('Žingsnio data').fill(on);
  const submit = page.getByRole('button', { name: 'Įrašyti žingsnį' });
  if (reason !== undefined) {
    // A motivated step cannot be recorded without its reason.
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel('Priežastis').fill(reason);
  }
  await submit.click();
  await page.getByRole('status').filter({ hasText: `Būsena pakeista: „${state}“.` }).waitFor();
}

async function rowText(page: Page, name: RegExp): Promise<string> {
  return (await page.getByRole('row', { name }).textContent()) ?? '';
}

describe('moving a case through the procedure', () => {
  it('V-77 p. 7, 9, 19: the p. 9 term runs from the dossier, only allowed steps are offered, a refusal sets the p. 19 date and flags a new request', async () => {
    session = await openApp(tempDir('steps'), async (dispatch) => {
      await invoke(dispatch, 'settings.save', SETTINGS);
      await invoke(dispatch, 'cases.register', {
        firstName: 'Antanas',
        lastName: 'Petraitis',
        personalFileNo: 'A-202',
        birthDate: '1979-07-14',
        servingInstitutionId: 'vilnius',
        halfwayHouseInstitutionId: 'own',
        requestDate: '2026-10-26',
        possibleTransferDate: '2026-12-01',
        possibleParoleDate: '2027-03-01',
        sentenceEnd: '2027-12-01',
      });
    });
    const { page } = session;
    await page.getByRole('link', { name: 'Petraitis Antanas' }).click();
    await page.getByRole('heading', { name: 'Petraitis Antanas' }).waitFor();
    expect(await rowText(page, /Medžiaga turi būti gauta/)).toContain('V-77 7 p.');

    await step(page, 'Renkama medžiaga', '2026-10-28');
    expect(await rowText(page, /Medžiaga turi būti gauta/)).toContain('2026 m. lapkričio 24 d.');

    // V-77 p. 9: 10 working days from the dossier's arrival on Mon 2026-11-16: Nov 17–20 (4),
    // 23–27 (9), 30 (10) → 2026-11-30, 7 calendar days after today. The p. 7 term has been met.
    await step(page, 'Medžiaga gauta', '2026-11-16');
    const p9 = await rowText(page, /Komisijos posėdis ne vėliau kaip/);
    expect(p9).toContain('V-77 9 p.');
    expect(p9).toContain('2026 m. lapkričio 30 d.');
    expect(p9).toContain('liko 7 d.');
    expect(await page.getByRole('row', { name: /Medžiaga turi būti gauta/ }).count()).toBe(0);

    // Only the steps the procedure allows from here: no decision before the commission met.
    const steps = page.getByRole('region', { name: 'Kiti žingsniai' });
    expect(await steps.getByRole('button', { name: 'Parengta komisijai' }).count()).toBe(1);
    expect(await steps.getByRole('button', { name: 'Komisija nusprendė' }).count()).toBe(0);
    expect(await steps.getByRole('button', { name: 'Prašymas netenkintas' }).count()).toBe(0);

    await step(page, 'Parengta komisijai', '2026-11-17');
    await step(page, 'Įtraukta į darbotvarkę', '2026-11-18');
    await step(page, 'Komisija nusprendė', '2026-11-20');
    const reason = 'Komisija siūlo neperkelti (10.2): galioja drausminė nuobauda.';
    await step(page, 'Prašymas netenkintas', '2026-11-20', reason);

    // V-77 p. 19: a new request not earlier than 3 months after the refusal of 2026-11-20.
    const p19 = await rowText(page, /Pakartotinis prašymas ne anksčiau kaip/);
    expect(p19).toContain('V-77 19 p.');
    expect(p19).toContain('2027 m. vasario 20 d.');
    expect(await page.getByText('Byla baigta: tolesnių žingsnių nėra.').count()).toBe(1);
    const history = (await page.getByRole('region', { name: 'Bylos eiga' }).textContent()) ?? '';
    expect(history).toContain(reason);
    expect(history).toContain('„Komisija nusprendė“ → „Prašymas netenkintas“');

    // The same convict asks again within the 3 months: the form flags it live (p. 19), registering is allowed.
    await page.getByRole('navigation').getByRole('link', { name: 'Naujas prašymas' }).click();
    await fillRequest(page, {
      firstName: 'Antanas',
      lastName: 'Petraitis',
      personalFileNo: 'A-202',
      birthDate: '1979-07-14',
      servingInstitution: 'Vilniaus pataisos namai',
      halfwayHouse: OWN_HALFWAY_HOUSE,
      requestDate: '2026-11-23',
      possibleTransferDate: '2027-01-15',
      possibleParoleDate: '2027-03-01',
      sentenceEnd: '2027-12-01',
    });
    const p19Flag = page.getByText(/\(V-77 19 p\.\)\. Anksčiausia leistina data – 2027 m\. vasario 20 d\./);
    await p19Flag.waitFor();
    expect(await page.getByText('V-77 5 p.', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Registruoti prašymą' }).click();
    await page.getByRole('heading', { name: 'Petraitis Antanas' }).waitFor();
    await p19Flag.waitFor();
    expect(await page.getByText('Prašymas gautas', { exact: true }).count()).toBe(1);
    expect(session.problems).toEqual([]);
  });

  it('V-77 p. 5: the request data is corrected in the prefilled form; a change made elsewhere meanwhile is reported (CASE_CHANGED) and the case reloaded', async () => {
    let caseId = '';
    session = await openApp(tempDir('edit'), async (dispatch) => {
      await invoke(dispatch, 'settings.save', SETTINGS);
      caseId = (
        await invoke(dispatch, 'cases.register', {
          firstName: 'Marius',
          lastName: 'Vaitkus',
          personalFileNo: 'C-303',
          birthDate: '1991-09-09',
          servingInstitutionId: 'own',
          halfwayHouseInstitutionId: 'own',
          requestDate: '2026-11-16',
          possibleTransferDate: '2026-12-20',
          possibleParoleDate: '2027-04-01',
          sentenceEnd: '2027-10-01',
        })
      ).record.id;
    });
    const { page } = session;
    const dispatch = session.host.services.dispatch;
    await page.getByRole('link', { name: 'Vaitkus Marius' }).click();
    await page.getByRole('button', { name: 'Taisyti prašymo duomenis' }).click();
    expect(await page.getByLabel('Vardas', { exact: true }).inputValue()).toBe('Marius');
    expect(await page.getByLabel('Įstaiga, kurioje atlieka bausmę').inputValue()).toBe('own');
    await page.getByLabel('Galimo perkėlimo data').fill('2027-01-10');
    await page.getByRole('button', { name: 'Išsaugoti pakeitimus' }).click();
    await page.getByRole('status').filter({ hasText: 'Prašymo duomenys pakeisti.' }).waitFor();
    expect(await page.getByRole('region', { name: 'Bylos eiga' }).textContent()).toContain('Pakeisti duomenys: Galimo perkėlimo data');
    expect(await page.getByRole('region', { name: 'Nuteistojo ir prašymo duomenys' }).textContent()).toContain('2027 m. sausio 10 d.');

    // Someone else moves the case while the form is open.
    await page.getByRole('button', { name: 'Taisyti prašymo duomenis' }).click();
    await page.getByLabel('Pavardė', { exact: true }).fill('Vaitkevičius');
    const { record } = await invoke(dispatch, 'cases.get', { id: caseId });
    await invoke(dispatch, 'cases.transition', { id: caseId, revision: record.revision, to: 'dossier_collecting', on: '2026-11-20' });
    await page.getByRole('button', { name: 'Išsaugoti pakeitimus' }).click();

    const changed = page.getByRole('alert').filter({ hasText: 'CASE_CHANGED' });
    await changed.waitFor();
    expect(await changed.textContent()).toContain('Byla įkelta iš naujo');
    await expect.poll(() => page.locator('.state-badge').textContent()).toBe('Renkama medžiaga');
    expect(await page.getByRole('heading', { name: 'Vaitkus Marius' }).count()).toBe(1);
    expect(session.problems).toEqual([]);
  });
});
