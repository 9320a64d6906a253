import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRendererBuilt,
  fillRequest,
  invoke,
  openApp,
  OWN_HALFWAY_HOUSE,
  closeSessions,
  SETTINGS,
  tempDir,
} from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

describe('registering a request', () => {
  it('V-77 p. 5, p. 7: validates while typing, flags an early request, registers it and shows the p. 7 term', async () => {
    const session = await openApp(tempDir('request'), async (dispatch) => {
      await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
    });
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Naujas prašymas' }).click();
    await page.getByRole('heading', { name: 'Naujas prašymas' }).waitFor();
    const register = page.getByRole('button', { name: 'Registruoti prašymą' });
    expect(await register.isDisabled()).toBe(true);

    await fillRequest(page, {
      firstName: 'Jonas',
      lastName: 'Žemaitis',
      personalFileNo: 'A-101',
      birthDate: '1985-03-02',
      servingInstitution: 'Marijampolės pataisos namai',
      halfwayHouse: OWN_HALFWAY_HOUSE,
      requestDate: '2026-10-26',
      possibleTransferDate: '2027-03-01',
      possibleParoleDate: '2027-02-01', // before the transfer date: invalid
      sentenceEnd: '2028-01-01',
    });

    const paroleError = page.getByRole('alert').filter({ hasText: 'Galimo lygtinio paleidimo data negali būti ankstesnė už galimo perkėlimo datą.' });
    await paroleError.waitFor();
    expect(await page.getByLabel('Galimo lygtinio paleidimo data').getAttribute('aria-invalid')).toBe('true');
    expect(await register.isDisabled()).toBe(true);

    // Corrected as the user types: the error goes, the button comes alive.
    await page.getByLabel('Galimo lygtinio paleidimo data').fill('2027-06-01');
    await expect.poll(() => paroleError.count()).toBe(0);
    await expect.poll(() => register.isEnabled()).toBe(true);

    // V-77 p. 5: transfer possible 2027-03-01 → a request no earlier than 2027-01-01; it only warns.
    const flag = page.getByText('Anksčiausia leistina data – 2027 m. sausio 1 d.');
    await flag.waitFor();
    expect(await page.getByText('V-77 5 p.', { exact: true }).count()).toBe(1);

    await register.click();
    await page.getByRole('heading', { name: 'Žemaitis Jonas' }).waitFor();
    expect(await page.getByText('Prašymas gautas', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Anksčiausia leistina data – 2027 m. sausio 1 d.').count()).toBe(1);

    // V-77 p. 7: 20 working days from the request of Mon 2026-10-26, the term starting the next day:
    // Oct 27–30 (4); Nov 2 is All Souls' Day, a public holiday; Nov 3–6 (8), 9–13 (13), 16–20 (18),
    // 23 (19), 24 (20) → Tue 2026-11-24, one day after today (2026-11-23).
    const p7 = page.getByRole('row', { name: /Medžiaga turi būti gauta/ });
    const p7Text = await p7.textContent();
    expect(p7Text).toContain('V-77 7 p.');
    expect(p7Text).toContain('2026 m. lapkričio 24 d.');
    expect(p7Text).toContain('liko 1 d.');
    expect(session.problems).toEqual([]);
  });

  it('V-77 p. 5, issue 17: a second open request of the same convict is flagged while typing, and refused with the code and a Lithuanian message', async () => {
    const session = await openApp(tempDir('duplicate'), async (dispatch) => {
      await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
      await invoke(dispatch, 'cases.register', {
        firstName: 'Petras',
        lastName: 'Kazlauskas',
        personalFileNo: 'D-7',
        birthDate: '1990-05-05',
        servingInstitutionId: 'marijampole',
        halfwayHouseInstitutionId: 'own',
        requestDate: '2026-11-02',
        possibleTransferDate: '2026-12-15',
        possibleParoleDate: '2027-05-01',
        sentenceEnd: '2027-12-01',
      });
    });
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Naujas prašymas' }).click();

    // Issue 17: said while the personal file number is typed, before the dates and before submitting;
    // written another way ("d-7"), it is still the same convict's file.
    const notice = page.locator('[data-rule="duplicate"]');
    await page.getByLabel('Vardas', { exact: true }).fill('Petras');
    await page.getByLabel('Pavardė', { exact: true }).fill('Kazlauskas');
    await page.getByLabel('Asmens bylos Nr.', { exact: true }).pressSequentially('d-7', { delay: 50 });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Šis nuteistasis jau turi nebaigtą bylą');
    expect(await notice.textContent()).toContain('Šio nuteistojo (asmens byla D-7) prašymas jau nagrinėjamas: Petras Kazlauskas, prašymas 2026 m. lapkričio 2 d.');
    expect(await page.getByLabel('Asmens bylos Nr.', { exact: true }).inputValue()).toBe('d-7');
    expect(await page.getByRole('button', { name: 'Registruoti prašymą' }).isDisabled()).toBe(true);
    // Another file number: the notice goes.
    await page.getByLabel('Asmens bylos Nr.', { exact: true }).fill('D-8');
    await expect.poll(() => notice.count()).toBe(0);
    await page.getByLabel('Asmens bylos Nr.', { exact: true }).fill('D-7');
    await notice.waitFor();
    const link = notice.getByRole('link', { name: 'Atverti bylą: Kazlauskas Petras' });
    expect(await link.getAttribute('href')).toMatch(/^#\/cases\/[0-9a-f-]+$/);

    await fillRequest(page, {
      firstName: 'Petras',
      lastName: 'Kazlauskas',
      personalFileNo: 'D-7',
      birthDate: '1990-05-05',
      servingInstitution: 'Marijampolės pataisos namai',
      halfwayHouse: OWN_HALFWAY_HOUSE,
      requestDate: '2026-11-20',
      possibleTransferDate: '2026-12-15',
      possibleParoleDate: '2027-05-01',
      sentenceEnd: '2027-12-01',
    });
    await page.getByRole('button', { name: 'Registruoti prašymą' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'CASE_DUPLICATE' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Šio nuteistojo (asmens byla D-7) prašymas jau nagrinėjamas');
    // The notice's link opens the case under way.
    await link.click();
    await page.getByRole('heading', { name: 'Kazlauskas Petras' }).waitFor();
    expect(session.problems).toEqual([]);
  });
});
