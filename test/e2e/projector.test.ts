import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/methods';
import { loadCompleteDossier } from '../helpers/dossier';
import { expectAccessible } from './axe';
import { closeSessions, ensureRendererBuilt, invoke, openApp, OWN_REQUEST, SETTINGS, tempDir, TODAY, type Dispatch } from './harness';

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

const OTHER: MethodInput<'cases.register'> = { ...OWN_REQUEST, firstName: 'Rimas', lastName: 'Kairys', personalFileNo: 'M-3002', servingInstitutionId: 'marijampole' };

const MEMBERS = [
  { id: 'm-chair', name: 'Aldona Pirmininkė', position: 'Direktoriaus pavaduotoja', role: 'chair', votes: true, from: '2026-01-01' },
  { id: 'm-benas', name: 'Benas Narys', position: 'Socialinis darbuotojas', role: 'member', votes: true, from: '2026-01-01' },
  { id: 'm-cecilija', name: 'Cecilija Narė', position: 'Psichologė', role: 'member', votes: true, from: '2026-01-01' },
  { id: 'm-egle', name: 'Eglė Sekretorė', position: 'Vyriausioji specialistė', role: 'secretary', votes: true, from: '2026-01-01' },
] as const;

const NOTHING_YET = { findings: '', assessment: null, onRegister: null };
/** Findings far longer than a projector shows: they are cut, the screen does not scroll. */
const LONG_FINDINGS = 'Nuteistasis dalyvavo socialinės reabilitacijos programose „Pokyčiai“ ir „Atsakomybė“, jas baigė. '.repeat(40).trim();

interface Seeded {
  own: string;
  other: string;
  meeting: string;
}

async function readyCase(dispatch: Dispatch, request: MethodInput<'cases.register'>): Promise<string> {
  const registered = await invoke(dispatch, 'cases.register', request);
  const complete = await loadCompleteDossier(dispatch, registered);
  const ready = await invoke(dispatch, 'cases.transition', { id: complete.record.id, revision: complete.record.revision, to: 'dossier_received', on: TODAY });
  return ready.record.id;
}

/** An open meeting, everyone present; the first case evaluated (V-77 p. 11) with its proposal (p. 10.1), not yet voted. */
async function seed(dispatch: Dispatch, seeded: Partial<Seeded>): Promise<void> {
  await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
  seeded.own = await readyCase(dispatch, OWN_REQUEST);
  seeded.other = await readyCase(dispatch, OTHER);
  await invoke(dispatch, 'commission.save', { revision: 0, members: MEMBERS.map((m) => ({ ...m })), rules: { quorum: 'more_than_half', majority: 'more_than_half_present', chairDecidesTie: true } });
  const planned = await invoke(dispatch, 'meetings.schedule', { date: TODAY, time: '10:00', place: 'Posėdžių salė', caseIds: [seeded.own, seeded.other] });
  seeded.meeting = planned.record.id;
  await invoke(dispatch, 'meetings.open', { id: planned.record.id, revision: planned.record.revision });
  for (const m of MEMBERS) await invoke(dispatch, 'meetings.setAttendance', { id: planned.record.id, memberId: m.id, present: true });
  const base = { id: planned.record.id, caseId: seeded.own };
  for (const criterion of ['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.8', '11.9'] as const) {
    await invoke(dispatch, 'meetings.saveCriterion', {
      ...base,
      criterion,
      findings: criterion === '11.3' ? LONG_FINDINGS : `Išvada dėl ${criterion} p.`,
      assessment: criterion === '11.5' ? 'neutral' : 'favourable',
      ...(criterion === '11.8' ? { onRegister: false } : {}),
      basedOn: NOTHING_YET,
    });
  }
  await invoke(dispatch, 'meetings.saveDecision', { ...base, decision: '10.1', rationale: '', basedOn: { decision: null, rationale: '' } });
}

/**
 * The projector's page shows everything at once: the window does not scroll, and nothing of the page,
 * the step or the assessments is cut off below (only long findings are cut, within their own lines).
 */
async function expectFits(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const cut = (el: Element | null) => (el ? el.scrollHeight - el.clientHeight : 0);
    const root = document.documentElement;
    return {
      down: root.scrollHeight - window.innerHeight,
      sideways: root.scrollWidth - window.innerWidth,
      page: cut(document.querySelector('.projector-page')),
      step: cut(document.querySelector('.projector-step')),
      summary: cut(document.querySelector('.projector-summary')),
    };
  });
  expect(overflow, where).toEqual({ down: 0, sideways: 0, page: 0, step: 0, summary: 0 });
}

const projectedCase = (projector: Page) => projector.locator('.projector-case h2');
const projectedStep = (projector: Page, step: string) => projector.locator(`.projector-step[data-step="${step}"]`);

describe('issue 17: the meeting on a projector', () => {
  it('opens in a window of its own that follows the secretary’s screen, shows the tally of the case just voted, fits 1920×1080 and 1280×720 and has nothing to edit', async () => {
    const seeded: Partial<Seeded> = {};
    const session = await openApp(tempDir('projector'), (dispatch) => seed(dispatch, seeded));
    const { page } = session;
    const { own, other, meeting } = seeded as Seeded;
    await page.evaluate((id) => {
      location.hash = `#/meetings/${id}`;
    }, meeting);
    await page.locator('[data-meeting-state="open"]').waitFor();
    // The meeting starts at the first case waiting for its vote.
    const case1 = page.locator(`.meeting-case[data-case="${own}"]`);
    await case1.waitFor();

    // The toolbar button opens the projector window; it is signed in (the session travels with it).
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Projektoriaus vaizdas' }).click();
    const projector = await popup;
    await projector.setViewportSize({ width: 1920, height: 1080 });
    expect(projector.url()).toMatch(new RegExp(`#/meetings/${meeting}/projector$`));
    await projectedCase(projector).filter({ hasText: 'Vaitkus Tomas' }).waitFor();
    await projectedStep(projector, '11.1').waitFor();
    expect(await projector.locator('.projector-step h3').textContent()).toMatch(/^11\.1\. /);
    expect(await projector.locator('.projector-assessment').getAttribute('data-assessment')).toBe('favourable');
    // The summary of the nine assessments, the one on screen marked; no header, no navigation.
    expect(await projector.locator('.projector-summary li').count()).toBe(9);
    expect(await projector.locator('.projector-summary li[data-criterion="11.5"]').getAttribute('data-assessment')).toBe('neutral');
    expect(await projector.locator('.projector-summary li[aria-current="step"]').getAttribute('data-criterion')).toBe('11.1');
    expect(await projector.locator('.app-header, nav').count()).toBe(0);
    // Read-only for anyone: not a field, not a button.
    expect(await projector.locator('input, textarea, select, button, [contenteditable="true"]').count()).toBe(0);
    // Large type for the room.
    expect(await projector.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(22);

    // The criterion the secretary moves to appears on the projector; long findings are cut, never scrolled.
    await case1.locator('.step-indicator button[data-step="11.3"]').click();
    await projectedStep(projector, '11.3').waitFor();
    expect(await projector.locator('.projector-findings').textContent()).toBe(LONG_FINDINGS);
    await expectFits(projector, '11.3 with long findings at 1920×1080');
    await expectAccessible(projector, 'the projector at 1920×1080');

    // Another case selected on the secretary's screen appears on the projector.
    await page.locator('.agenda-list').getByRole('button', { name: /Kairys Rimas/ }).click();
    await projectedCase(projector).filter({ hasText: 'Kairys Rimas' }).waitFor();
    await projectedStep(projector, '11.1').waitFor();
    expect(await projector.locator('.projector-assessment').getAttribute('data-assessment')).toBe('none');
    // … and back to the first case, whose vote the secretary opens.
    await page.locator('.agenda-list').getByRole('button', { name: /Vaitkus Tomas/ }).click();
    await projectedCase(projector).filter({ hasText: 'Vaitkus Tomas' }).waitFor();
    await case1.locator('.step-indicator button[data-step="vote"]').click();
    await projectedStep(projector, 'vote').waitFor();
    expect(await projector.locator('.projector-decision').getAttribute('data-decision')).toBe('10.1');

    // The vote: the tally follows each ballot, and shows the result of *this* case.
    for (const m of MEMBERS) {
      await case1.getByRole('radiogroup', { name: m.name, exact: true }).getByRole('radio', { name: 'Už', exact: true }).check();
    }
    await case1.locator('.vote-ballots .vote-tally[data-status="adopted"]').waitFor();
    const tally = projector.locator('.projector-step .vote-tally[data-status="adopted"]');
    await tally.waitFor();
    expect(await tally.textContent()).toContain('Už – 4, prieš – 0, susilaikė – 0, dar nebalsavo – 0');
    expect(await projectedCase(projector).textContent()).toContain('Vaitkus Tomas');

    // After the vote the secretary's screen stays on the case just voted, with its result; moving on is theirs.
    await page.waitForTimeout(300);
    expect(await case1.isVisible()).toBe(true);
    expect(await case1.locator('.step-heading').getAttribute('data-step')).toBe('vote');
    expect(await case1.locator('.vote-ballots .vote-tally').getAttribute('data-status')).toBe('adopted');
    expect(await page.locator(`.meeting-case[data-case="${other}"]`).count()).toBe(0);
    await expectFits(projector, 'the tally at 1920×1080');
    await expectAccessible(projector, 'the projector with the tally');

    // The same screen at 1280×720 still fits.
    await projector.setViewportSize({ width: 1280, height: 720 });
    await expectFits(projector, 'the tally at 1280×720');
    // The longest screen: long findings, the proposal and the result, at 1280×720.
    await case1.locator('.step-indicator button[data-step="11.3"]').click();
    await projectedStep(projector, '11.3').locator('.vote-tally[data-status="adopted"]').waitFor();
    await expectFits(projector, 'long findings with the result at 1280×720');
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await expectFits(projector, 'long findings with the result at 1920×1080');
    await case1.locator('.step-indicator button[data-step="vote"]').click();

    // Alt+P again brings the same window forward: no second projector.
    const pages = page.context().pages().length;
    await page.bringToFront();
    await page.keyboard.press('Alt+P');
    await page.waitForTimeout(300);
    expect(page.context().pages().length).toBe(pages);

    // "Kitas klausimas": the secretary moves on; the projector follows.
    await page.getByRole('button', { name: 'Kitas klausimas: Kairys Rimas' }).click();
    await page.locator(`.meeting-case[data-case="${other}"]`).waitFor();
    await projectedCase(projector).filter({ hasText: 'Kairys Rimas' }).waitFor();
    expect(await projector.locator('.projector-step .vote-tally').count()).toBe(0);
    await expectAccessible(page, 'the open meeting, the next case taken up');
    expect(session.problems).toEqual([]);
  });

  it('a projector opened after the secretary moved asks where the meeting is; it never keeps a case the secretary has left', async () => {
    const seeded: Partial<Seeded> = {};
    const session = await openApp(tempDir('projector-late'), (dispatch) => seed(dispatch, seeded));
    const { page } = session;
    const { meeting, other } = seeded as Seeded;
    await page.evaluate((id) => {
      location.hash = `#/meetings/${id}`;
    }, meeting);
    await page.locator('[data-meeting-state="open"]').waitFor();
    await page.locator('.agenda-list').getByRole('button', { name: /Kairys Rimas/ }).click();
    const case2 = page.locator(`.meeting-case[data-case="${other}"]`);
    await case2.waitFor();
    await case2.locator('.step-indicator button[data-step="summary"]').click();

    // Opened by the keyboard (Alt+P) once the secretary is on the second case's summary: it shows that at once.
    const popup = page.context().waitForEvent('page');
    await page.keyboard.press('Alt+P');
    const projector = await popup;
    await projectedCase(projector).filter({ hasText: 'Kairys Rimas' }).waitFor();
    await projectedStep(projector, 'summary').waitFor();
    expect(await projector.locator('.projector-summary li[data-assessment="none"]').count()).toBe(9);

    // The secretary's screen leaves the meeting: the projector says it waits, not the old case.
    await page.getByRole('link', { name: 'Atgal į posėdžių sąrašą' }).click();
    await projector.getByRole('status').filter({ hasText: 'Laukiama posėdį vedančio ekrano' }).waitFor();
    expect(await projector.locator('.projector-case').count()).toBe(0);
    await expectAccessible(projector, 'the projector waiting');

    // The secretary comes back: the projector follows again.
    await page.evaluate((id) => {
      location.hash = `#/meetings/${id}`;
    }, meeting);
    await projectedCase(projector).filter({ hasText: 'Vaitkus Tomas' }).waitFor();
    expect(session.problems).toEqual([]);
  });
});
