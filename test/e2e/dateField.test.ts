import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { closeSessions, ensureRendererBuilt, fillRequest, invoke, openApp, OWN_HALFWAY_HOUSE, SETTINGS, tempDir } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

async function openRequestForm(prefix: string) {
  const session = await openApp(tempDir(prefix), async (dispatch) => {
    await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
  });
  await session.page.getByRole('navigation').getByRole('link', { name: 'Naujas prašymas' }).click();
  await session.page.getByRole('heading', { name: 'Naujas prašymas' }).waitFor();
  return session;
}

/** The calendar button of the date field labelled `label` (its name says what it does; its description names the field). */
function calendarButton(page: Page, label: string) {
  return page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).getByRole('button', { name: 'Pasirinkti datą iš kalendoriaus' });
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

describe('date fields (issue 17)', () => {
  it('issue 17: 2026-12-04, 2026.12.04 and 2026 12 04 typed give the same date, shown as 2026-12-04, and it is what is stored', async () => {
    const session = await openRequestForm('date-typed');
    const { page } = session;
    const transfer = page.getByLabel('Galimo perkėlimo data', { exact: true });
    for (const typed of ['2026-12-04', '2026.12.04', '2026 12 04', '2026.12.4.']) {
      await transfer.fill('');
      await transfer.pressSequentially(typed);
      // While the user types, the text stays as typed; leaving the field shows the Lithuanian standard date.
      expect(await transfer.inputValue()).toBe(typed);
      await transfer.press('Tab');
      expect(await transfer.inputValue(), typed).toBe('2026-12-04');
      expect(await transfer.getAttribute('aria-invalid'), typed).toBeNull();
    }

    // An impossible day stays as typed and is marked.
    await transfer.fill('2026.02.30');
    await transfer.press('Tab');
    expect(await transfer.inputValue()).toBe('2026.02.30');
    expect(await transfer.getAttribute('aria-invalid')).toBe('true');

    // Every form, registered: the case stores ISO dates (V-77 p. 5: the request and its terms).
    await fillRequest(page, {
      firstName: 'Jonas',
      lastName: 'Žemaitis',
      personalFileNo: 'A-101',
      birthDate: '1985.3.2.',
      servingInstitution: 'Marijampolės pataisos namai',
      halfwayHouse: OWN_HALFWAY_HOUSE,
      requestDate: '2026 11 02',
      possibleTransferDate: '2026.12.04',
      possibleParoleDate: '2027-06-01',
      sentenceEnd: '2028 1 1',
    });
    await page.getByRole('button', { name: 'Registruoti prašymą' }).click();
    await page.getByRole('heading', { name: 'Žemaitis Jonas' }).waitFor();
    const { cases } = await invoke(session.staff.dispatch, 'cases.list', {});
    const stored = await invoke(session.staff.dispatch, 'cases.get', { id: cases[0]!.id });
    expect(stored.record.convict.birthDate).toBe('1985-03-02');
    expect(stored.record.request).toMatchObject({
      requestDate: '2026-11-02',
      possibleTransferDate: '2026-12-04',
      possibleParoleDate: '2027-06-01',
      sentenceEnd: '2028-01-01',
    });
    expect(session.problems).toEqual([]);
  });

  it('issue 17: a date is picked from the calendar by keyboard (Monday first, Escape closes, the focus returns) and by mouse; axe passes with it open', async () => {
    const session = await openRequestForm('date-calendar');
    const { page } = session;
    const transfer = page.getByLabel('Galimo perkėlimo data', { exact: true });

    // Keyboard: from the field, Tab to its button, Enter opens the calendar on today (2026-11-23).
    await transfer.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Pasirinkti datą iš kalendoriaus');
    await page.keyboard.press('Enter');
    const calendar = page.getByRole('dialog', { name: 'Kalendorius: Galimo perkėlimo data' });
    await calendar.waitFor();
    expect(await calendarButton(page, 'Galimo perkėlimo data').getAttribute('aria-expanded')).toBe('true');
    // The week starts on Monday, the month named in Lithuanian.
    expect(await calendar.locator('.rdp-weekday').first().getAttribute('aria-label')).toBe('pirmadienis');
    const month = calendar.getByRole('combobox', { name: 'Pasirinkite mėnesį' });
    expect(await month.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('lapkritis');
    expect(await calendar.getByRole('combobox', { name: 'Pasirinkite metus' }).inputValue()).toBe('2026');
    await expectAccessible(page, 'the request form with the calendar open');

    // Escape closes it and gives the focus back to the field, the date untouched.
    await page.keyboard.press('Escape');
    await expect.poll(() => calendar.count()).toBe(0);
    expect(await focusedId(page)).toBe('request-possibleTransferDate');
    expect(await transfer.inputValue()).toBe('');

    // Again, and pick 2026-12-04 with the arrows: Nov 23 → Nov 30 → Dec 7 → Dec 4.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await calendar.waitFor();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await expect.poll(() => calendar.count()).toBe(0);
    expect(await transfer.inputValue()).toBe('2026-12-04');
    expect(await focusedId(page)).toBe('request-possibleTransferDate');

    // Mouse: the sentence end, next month, the 4th.
    await calendarButton(page, 'Bausmės pabaiga').click();
    const endCalendar = page.getByRole('dialog', { name: 'Kalendorius: Bausmės pabaiga' });
    await endCalendar.waitFor();
    await endCalendar.getByRole('button', { name: 'Pereiti į kitą mėnesį' }).click();
    await endCalendar.getByRole('button', { name: /2026 m\. gruodžio 4 d\./ }).click();
    await expect.poll(() => endCalendar.count()).toBe(0);
    const end = page.getByLabel('Bausmės pabaiga', { exact: true });
    expect(await end.inputValue()).toBe('2026-12-04');
    expect(await focusedId(page)).toBe('request-sentenceEnd');

    // A birth date decades back: the year and month chosen from the lists, then the day.
    await calendarButton(page, 'Gimimo data').click();
    const birthCalendar = page.getByRole('dialog', { name: 'Kalendorius: Gimimo data' });
    await birthCalendar.getByRole('combobox', { name: 'Pasirinkite metus' }).selectOption('1985');
    await birthCalendar.getByRole('combobox', { name: 'Pasirinkite mėnesį' }).selectOption({ label: 'kovas' });
    await birthCalendar.getByRole('button', { name: /1985 m\. kovo 2 d\./ }).click();
    expect(await page.getByLabel('Gimimo data', { exact: true }).inputValue()).toBe('1985-03-02');

    // Opened on a field with a date, the calendar shows that date's month, the date selected.
    await calendarButton(page, 'Bausmės pabaiga').click();
    await endCalendar.waitFor();
    expect(await endCalendar.locator('.rdp-selected').textContent()).toBe('4');
    // A press outside closes it.
    await page.getByRole('heading', { name: 'Naujas prašymas' }).click();
    await expect.poll(() => endCalendar.count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});
