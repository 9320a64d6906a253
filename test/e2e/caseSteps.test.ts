import type { Page } from 'playwright-core';
import type { MethodInput } from '../../shared/contract/methods';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCompleteDossier } from '../helpers/dossier';
import { decideByMeeting } from '../helpers/meetings';
import {
  ensureRendererBuilt,
  invoke,
  openApp,
  closeSessions,
  SECRETARY,
  seedDataDir,
  SETTINGS,
  tempDir,
  type Dispatch,
} from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

/**
 * Take the next step of the procedure from the case page, dated `on`, with a reason where it must
 * be motivated. The agenda and the decision are not steps of the page: a meeting takes them.
 */
async function step(page: Page, state: string, on: string, { reason }: { reason?: string } = {}): Promise<void> {
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

/**
 * Register a request and take the given steps straight in the back end; returns the case's id. A
 * case whose steps go to the commission gets its complete dossier before it is marked received,
 * which takes it there by itself (V-77 p. 6–8), so its 'ready_for_commission' step is already taken.
 */
async function seedCase(
  dispatch: Dispatch,
  request: Pick<MethodInput<'cases.register'>, 'firstName' | 'lastName' | 'personalFileNo' | 'servingInstitutionId' | 'halfwayHouseInstitutionId'>,
  steps: readonly (readonly [MethodInput<'cases.transition'>['to'], string])[],
): Promise<string> {
  let view = await invoke(dispatch, 'cases.register', {
    birthDate: '1984-04-04',
    requestDate: '2026-11-02',
    possibleTransferDate: '2026-12-20',
    possibleParoleDate: '2027-06-01',
    sentenceEnd: '2027-12-31',
    ...request,
  });
  const toCommission = steps.some(([to]) => to === 'ready_for_commission');
  for (const [to, on] of steps) {
    if (to === 'dossier_received' && toCommission) view = await loadCompleteDossier(dispatch, view);
    if (to === 'ready_for_commission' && view.record.state === to) continue;
    view = await invoke(dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to, on });
  }
  return view.record.id;
}

/**
 * The steps up to the commission (V-77 p. 6–8), seeded on COMMISSION_DAY: the complete dossier,
 * marked received on 2026-11-10, goes to the commission on the day it is found complete.
 */
const TO_COMMISSION = [
  ['dossier_collecting', '2026-11-03'],
  ['dossier_received', '2026-11-10'],
  ['ready_for_commission', '2026-11-12'],
] as const;
const COMMISSION_DAY = '2026-11-12';
/** V-77 p. 9–10: the day of the meeting that decided. */
const MEETING_DAY = '2026-11-18';
/** The next meeting, still planned. */
const NEXT_MEETING_DAY = '2026-11-26';

/** The names of the next steps the case page offers. */
async function offeredSteps(page: Page): Promise<string[]> {
  return page.locator('.step-buttons button').allTextContents();
}

async function rowText(page: Page, name: RegExp): Promise<string> {
  return (await page.getByRole('row', { name }).textContent()) ?? '';
}

describe('moving a case through the procedure', () => {
  it('V-77 p. 7, 9, 16: the p. 9 term runs from the dossier, only allowed steps are offered, and after 10.4 the refusal is left to the signed letter', async () => {
    let caseId = '';
    const session = await openApp(tempDir('steps'), async (dispatch) => {
      await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
      const view = await invoke(dispatch, 'cases.register', {
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
      // V-77 p. 6: every item of the dossier is in before it is marked received.
      await loadCompleteDossier(dispatch, view);
      caseId = view.record.id;
    });
    const { page } = session;
    await page.getByRole('link', { name: 'Petraitis Antanas' }).click();
    await page.getByRole('heading', { name: 'Petraitis Antanas' }).waitFor();
    expect(await rowText(page, /Medžiaga turi būti gauta/)).toContain('V-77 7 p.');

    await step(page, 'Renkama medžiaga', '2026-10-28');
    expect(await rowText(page, /Medžiaga turi būti gauta/)).toContain('2026 m. lapkričio 24 d.');

    // V-77 p. 9: 10 working days from the dossier's arrival on Mon 2026-11-16: Nov 17–20 (4),
    // 23–27 (9), 30 (10) → 2026-11-30, 7 calendar days after today. The p. 7 term has been met.
    // V-77 p. 8: the dossier is complete, so the case goes on to the commission by itself.
    await step(page, 'Medžiaga gauta', '2026-11-16');
    await expect.poll(() => page.locator('.state-badge').textContent()).toBe('Parengta komisijai');
    expect(await page.getByRole('region', { name: 'Bylos eiga' }).textContent()).toContain('„Medžiaga gauta“ → „Parengta komisijai“');
    const p9 = await rowText(page, /Komisijos posėdis ne vėliau kaip/);
    expect(p9).toContain('V-77 9 p.');
    expect(p9).toContain('2026 m. lapkričio 30 d.');
    expect(p9).toContain('liko 7 d.');
    expect(await page.getByRole('row', { name: /Medžiaga turi būti gauta/ }).count()).toBe(0);

    // Only the steps the procedure allows from here: the conditions may turn out not to be met
    // (V-77 p. 6), and the convict may withdraw. The agenda and the decision are a meeting's
    // (V-77 p. 9–10): the page points there instead. The handing over to the commission, which the
    // complete dossier took by itself, can be corrected by a recorded correction.
    expect(await offeredSteps(page)).toEqual(['Neatitinka sąlygų', 'Prašymas atsiimtas', 'Taisyti prašymo duomenis', 'Taisyti klaidingą žingsnį']);
    expect(await page.getByText('Bylą į posėdžio darbotvarkę įtraukia posėdžio planas (V-77 9 p.):').count()).toBe(1);

    // The case went to the commission today; the commission meets today and adopts 10.4 (V-77 p. 10).
    await decideByMeeting(session.staff.dispatch, [caseId], { [caseId]: '10.4' }, '2026-11-23');
    await page.getByRole('link', { name: 'Atgal į bylų sąrašą' }).click();
    await page.getByRole('link', { name: 'Petraitis Antanas' }).click();
    await expect.poll(() => page.locator('.state-badge').textContent()).toBe('Komisija nusprendė');
    expect(await page.getByRole('link', { name: 'Komisijos posėdis, kuriame svarstyta byla – atverti' }).count()).toBe(1);
    // V-77 p. 16: after 10.4 the refusal is the director's signed letter, never a step of the form
    // (test/e2e/afterDecision.test.ts signs the acts and follows a refusal's p. 19 flag); by hand only
    // the p. 47 circumstances and a withdrawal remain.
    expect(await offeredSteps(page)).toEqual(['Neatitinka sąlygų', 'Prašymas atsiimtas', 'Registruoti pranešimą pagal V-77 47 p.']);
    expect(await page.locator('.case-decision').textContent()).toContain('Komisijos sprendimas (V-77 10 p.): 10.4 – Teikti siūlymą');
    const history = (await page.getByRole('region', { name: 'Bylos eiga' }).textContent()) ?? '';
    expect(history).toContain('Sprendimas 10.4 – Teikti siūlymą direktoriui neteikti Kalėjimų departamento direktoriui teikimo');
    expect(session.problems).toEqual([]);
  });

  it('V-77 p. 5: the request data is corrected in the prefilled form; a change made elsewhere meanwhile is reported (CASE_CHANGED) and the case reloaded', async () => {
    let caseId = '';
    const session = await openApp(tempDir('edit'), async (dispatch) => {
      await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
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
    const dispatch = session.staff.dispatch;
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

  it('V-77 p. 9, 10, 12, 14: the agenda and the decision are the meeting\'s, not steps of the page; after 10.3 the road leads to the Prison Department, not to the director\'s order', async () => {
    const dataDir = tempDir('decisions');
    const ids: string[] = [];
    await seedDataDir(
      dataDir,
      async (dispatch) => {
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
        // Serves in Marijampolė, asks for this institution's halfway house: 10.3 or 10.4.
        ids.push(await seedCase(dispatch, { firstName: 'Linas', lastName: 'Kitoks', personalFileNo: 'K-1', servingInstitutionId: 'marijampole', halfwayHouseInstitutionId: 'own' }, TO_COMMISSION));
        // Serves here: 10.1 or 10.2.
        ids.push(await seedCase(dispatch, { firstName: 'Saulius', lastName: 'Vietinis', personalFileNo: 'V-1', servingInstitutionId: 'own', halfwayHouseInstitutionId: 'own' }, TO_COMMISSION));
      },
      [SECRETARY],
      COMMISSION_DAY,
    );
    const [kitoks, vietinis] = ids as [string, string];
    const session = await openApp(dataDir, async (dispatch) => {
      // The meeting of MEETING_DAY adopted 10.3 on the first; the second is on the next meeting's agenda.
      await decideByMeeting(dispatch, [kitoks], { [kitoks]: '10.3' }, MEETING_DAY);
      await invoke(dispatch, 'meetings.schedule', { date: NEXT_MEETING_DAY, time: '10:00', place: 'Posėdžių salė', caseIds: [vietinis] });
    });
    const { page } = session;
    const submit = page.getByRole('button', { name: 'Įrašyti žingsnį' });

    await page.getByRole('link', { name: 'Kitoks Linas' }).click();
    await page.getByRole('heading', { name: 'Kitoks Linas' }).waitFor();
    // V-77 p. 12: the positive decision put the convict on the list by itself, in the meeting's own write.
    expect(await page.locator('.state-badge').textContent()).toBe('Įrašyta į sąrašą');
    expect(await page.locator('.case-decision').textContent()).toContain('10.3 – Teikti siūlymą direktoriui kreiptis su teikimu');
    const history = (await page.getByRole('region', { name: 'Bylos eiga' }).textContent()) ?? '';
    expect(history).toContain('„Įtraukta į darbotvarkę“ → „Komisija nusprendė“');
    expect(history).toContain('„Komisija nusprendė“ → „Įrašyta į sąrašą“');
    expect(history).toContain('Sprendimas 10.3 – ');
    // V-77 p. 14, 17, 18: after 10.3 the signed submission and the Prison Department's received acts
    // move the case, never a step of the form; the director's own order (p. 13) belongs to 10.1.
    // What remains by hand: the p. 47 circumstances and a withdrawal; and since the convict serves
    // elsewhere, the p. 47 notice received from that institution.
    expect(await offeredSteps(page)).toEqual(['Neatitinka sąlygų', 'Prašymas atsiimtas', 'Registruoti pranešimą pagal V-77 47 p.']);

    // A step cannot be dated before the previous one: the listing, dated the meeting's day.
    await page.getByRole('button', { name: 'Prašymas atsiimtas', exact: true }).click();
    expect(await page.getByRole('radiogroup').count()).toBe(0); // no decision is asked for here
    await page.getByLabel('Žingsnio data').fill('2026-11-17');
    await page.getByLabel('Žingsnio data').blur();
    await page.getByRole('alert').filter({ hasText: 'Data negali būti ankstesnė už ankstesnio žingsnio datą (2026 m. lapkričio 18 d.).' }).waitFor();
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Atšaukti', exact: true }).click();

    // A convict serving here, on the agenda of the next meeting: 10.1 or 10.2, in English too. The
    // page offers neither the decision nor taking the case off the agenda: the meeting does both.
    await page.getByRole('link', { name: 'Atgal į bylų sąrašą' }).click();
    await page.getByRole('link', { name: 'Vietinis Saulius' }).click();
    await page.getByRole('heading', { name: 'Vietinis Saulius' }).waitFor();
    expect(await page.locator('.state-badge').textContent()).toBe('Įtraukta į darbotvarkę');
    expect(await page.getByRole('link', { name: 'Byla įtraukta į komisijos posėdžio darbotvarkę – atverti posėdį' }).count()).toBe(1);
    expect(await offeredSteps(page)).toEqual(['Neatitinka sąlygų', 'Prašymas atsiimtas', 'Taisyti prašymo duomenis']);
    expect(await page.getByRole('region', { name: 'Nuteistojo ir prašymo duomenys' }).textContent()).toContain('Galimi komisijos sprendimai (V-77 10 p.)10.1.');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    expect(await page.getByRole('region', { name: 'Convict and request' }).textContent()).toContain('10.2. Propose to the director not to transfer the convict to the halfway house');
    await page.getByRole('button', { name: 'LT', exact: true }).click();

    // A withdrawal has no point in the order: the state is shown without one.
    await step(page, 'Prašymas atsiimtas', '2026-11-23', { reason: 'Nuteistasis atsiėmė prašymą.' });
    expect(await page.locator('.case-summary').textContent()).toBe('Asmens bylos Nr. V-1Būsena: Prašymas atsiimtas');
    expect(session.problems).toEqual([]);
  });
});
