import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/methods';
import { loadCompleteDossier } from '../helpers/dossier';
import { expectAccessible } from './axe';
import { closeSessions, ensureRendererBuilt, invoke, MEMBER, openApp, SECRETARY, SETTINGS, tempDir, TODAY, OWN_REQUEST, type Dispatch } from './harness';

/** A criterion nobody has written yet: what the first save of it is based on. */
const NOTHING_YET = { findings: '', assessment: null, onRegister: null };

beforeAll(ensureRendererBuilt);
afterEach(closeSessions);

/** A convict serving in this institution, which runs the halfway house (V-77 p. 10.1/10.2). */
const OWN = OWN_REQUEST;

/** A convict serving in Marijampolė, elsewhere (V-77 p. 10.3/10.4). */
const OTHER: MethodInput<'cases.register'> = {
  ...OWN,
  firstName: 'Rimas',
  lastName: 'Kairys',
  personalFileNo: 'M-3002',
  servingInstitutionId: 'marijampole',
};

const CHAIR = { id: 'm-chair', name: 'Aldona Pirmininkė', position: 'Direktoriaus pavaduotoja', role: 'chair', votes: true, from: '2026-01-01' } as const;
const MEMBERS = [
  CHAIR,
  { id: 'm-benas', name: 'Benas Narys', position: 'Socialinis darbuotojas', role: 'member', votes: true, from: '2026-01-01' },
  { id: 'm-cecilija', name: 'Cecilija Narė', position: 'Psichologė', role: 'member', votes: true, from: '2026-01-01' },
  { id: 'm-dainius', name: 'Dainius Narys', position: 'Saugumo skyriaus viršininkas', role: 'member', votes: true, from: '2026-01-01' },
  { id: 'm-egle', name: 'Eglė Sekretorė', position: 'Vyriausioji specialistė', role: 'secretary', votes: true, from: '2026-01-01' },
] as const;

/** Register a request and bring it to the commission through the real methods (V-77 p. 5–8). */
async function readyCase(dispatch: Dispatch, request: MethodInput<'cases.register'>): Promise<string> {
  const registered = await invoke(dispatch, 'cases.register', request);
  const complete = await loadCompleteDossier(dispatch, registered);
  const ready = await invoke(dispatch, 'cases.transition', { id: complete.record.id, revision: complete.record.revision, to: 'dossier_received', on: TODAY });
  expect(ready.record.state).toBe('ready_for_commission');
  return ready.record.id;
}

interface Seeded {
  own: string;
  other: string;
  meeting: string;
}

async function seed(dispatch: Dispatch, seeded: Partial<Seeded>): Promise<void> {
  await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
  seeded.own = await readyCase(dispatch, OWN);
  seeded.other = await readyCase(dispatch, OTHER);
  await invoke(dispatch, 'commission.save', {
    revision: 0,
    members: MEMBERS.map((m) => ({ ...m })),
    rules: { quorum: 'more_than_half', majority: 'more_than_half_present', chairDecidesTie: true },
  });
  const meeting = await invoke(dispatch, 'meetings.schedule', { date: TODAY, time: '10:00', place: 'Posėdžių salė', caseIds: [seeded.own, seeded.other] });
  seeded.meeting = meeting.record.id;
}

const heading = (page: Page) => page.locator('.step-heading');

/** The element that has the focus, as a test can describe it. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    return `${el.tagName.toLowerCase()}${el.classList.contains('step-heading') ? '.step-heading' : ''}${el.id ? `#${el.id}` : ''}`;
  });
}

async function nextStep(page: Page, expected: string): Promise<void> {
  await page.keyboard.press('Alt+ArrowRight');
  await heading(page).filter({ hasText: expected }).waitFor();
  expect(await focused(page)).toBe('h3.step-heading');
}

/**
 * One criterion with the keyboard only, from its focused heading: Tab to the findings, type them,
 * Tab to the assessment and pick it with Space (the first) or the arrow keys.
 */
async function evaluate(page: Page, findings: string, assessment: 'Palanku' | 'Nepalanku' | 'Neutralu'): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^textarea#findings-/);
  await page.keyboard.type(findings);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^input#assessment-.*-favourable$/);
  if (assessment === 'Palanku') await page.keyboard.press('Space');
  else {
    await page.keyboard.press('ArrowRight');
    if (assessment === 'Neutralu') await page.keyboard.press('ArrowRight');
  }
  await page.locator('.assessment-group').getByRole('radio', { name: assessment, exact: true }).and(page.locator(':checked')).waitFor();
}

/** The 11.8 register question (Tab to it, pick with Space or →), then findings and assessment. */
async function evaluateRegister(page: Page, onRegister: boolean, findings: string, assessment: 'Palanku' | 'Nepalanku'): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^input#register-.*-yes$/);
  await page.keyboard.press(onRegister ? 'Space' : 'ArrowRight');
  await page.keyboard.press('Tab');
  await page.keyboard.type(findings);
  await page.keyboard.press('Tab');
  await page.keyboard.press(assessment === 'Palanku' ? 'Space' : 'ArrowRight');
  await page.locator('.assessment-group').getByRole('radio', { name: assessment, exact: true }).and(page.locator(':checked')).waitFor();
}

const FINDINGS = {
  '11.1': 'Iki lygtinio paleidimo liko daugiau nei pusė metų.',
  '11.2': 'Pažeidimų nėra, gauta padėka.',
  '11.3': 'Dalyvavo programoje „Pokyčiai“.',
  '11.4': 'Plano priemonės įvykdytos.',
  '11.5': 'Rizika žema ir sumažėjo.',
  '11.6': 'Dirbs pusiaukelės namų siūlomą darbą.',
  '11.7': 'Vagystė, nesmurtinis nusikaltimas.',
  '11.8': 'Įskaitoje nėra.',
  '11.9': 'Kitų aplinkybių nėra.',
};

async function walkCriteria(page: Page, assessments: Record<string, 'Palanku' | 'Nepalanku' | 'Neutralu'>, onRegister: boolean, skipFirst = false): Promise<void> {
  const ids = Object.keys(FINDINGS) as (keyof typeof FINDINGS)[];
  for (const [i, id] of ids.entries()) {
    if (i > 0) await nextStep(page, `${id}.`);
    if (i === 0 && skipFirst) continue;
    if (id === '11.8') await evaluateRegister(page, onRegister, onRegister ? 'Įtrauktas į įskaitą 2025 m.' : FINDINGS[id], assessments[id] === 'Nepalanku' ? 'Nepalanku' : 'Palanku');
    else await evaluate(page, FINDINGS[id], assessments[id] ?? 'Palanku');
  }
}

async function vote(page: Page, member: string, ballot: 'Už' | 'Prieš' | 'Susilaikė'): Promise<void> {
  const radio = page.getByRole('radiogroup', { name: member, exact: true }).getByRole('radio', { name: ballot, exact: true });
  await radio.check();
}

describe('running the commission meeting (V-77 p. 9–11)', () => {
  it('opens the meeting, refuses a vote without a quorum, walks both cases by the keyboard, votes with a recusal, closes and shows the frozen result', async () => {
    const seeded: Partial<Seeded> = {};
    const session = await openApp(tempDir('meeting'), (dispatch) => seed(dispatch, seeded));
    const { page } = session;
    const { own, other, meeting } = seeded as Seeded;
    await page.evaluate((id) => {
      location.hash = `#/meetings/${id}`;
    }, meeting);
    await page.getByRole('heading', { name: 'Komisijos posėdis 2026 m. lapkričio 23 d.' }).waitFor();
    expect(await page.locator('[data-meeting-state]').textContent()).toBe('Suplanuotas');
    expect(await page.locator('.meeting-agenda-table tbody tr').count()).toBe(2);

    // Open: the meeting keeps the commission of its day.
    await page.getByRole('button', { name: 'Pradėti posėdį' }).click();
    await page.locator('[data-meeting-state="open"]').waitFor();

    // Only two of the five voting members are present: no quorum (more than half is 3).
    await page.getByRole('checkbox', { name: 'Dalyvauja: Aldona Pirmininkė' }).check();
    await page.getByRole('checkbox', { name: 'Dalyvauja: Benas Narys' }).check();
    await page.locator('.quorum').filter({ hasText: 'Kvorumo nėra: dalyvauja 2 iš 5 (reikia 3)' }).waitFor();

    // Case 1, serving here: the nine criteria one at a time, by the keyboard.
    await page.getByRole('button', { name: /Vaitkus Tomas/ }).click();
    const case1 = page.locator(`.meeting-case[data-case="${own}"]`);
    await case1.waitFor();
    await case1.locator('.step-indicator button[data-step="11.1"]').click();
    expect(await focused(page)).toBe('h3.step-heading');
    // V-77 p. 11.1: the time left on the meeting date, computed from 6.6.
    expect(await case1.locator('[data-computed="timeLeft"]').textContent()).toContain('iki galimo lygtinio paleidimo (2027-06-01) liko 6 mėn. 9 d.');
    expect(await case1.locator('.meeting-material-item[data-item="6.6"]').textContent()).toContain('Kauno apylinkės teismas');
    await walkCriteria(page, { '11.3': 'Neutralu' }, false, false);
    // Beside 11.9 the last step before the summary; the 11.2 facts were shown beside 11.2 (checked on the summary's way back).
    await nextStep(page, 'Suvestinė');
    const summary = case1.locator('.evaluation-summary tbody tr');
    expect(await summary.count()).toBe(9);
    expect(await case1.locator('.evaluation-summary tr[data-criterion="11.3"]').getAttribute('data-assessment')).toBe('neutral');
    expect(await case1.locator('.evaluation-summary tr[data-criterion="11.2"]').textContent()).toContain('Pažeidimų nėra, gauta padėka.');
    // The last criterion's autosave may still be on its way when the summary opens: it shows within moments.
    await expect.poll(() => case1.locator('.evaluation-summary tr[data-assessment="none"]').count(), { timeout: 5000 }).toBe(0);

    // The facts and documents of the items that inform a criterion (11.2 ← 6.8), and a document opened in the app.
    await case1.locator('.evaluation-summary').getByRole('button', { name: /^11\.2\./ }).click();
    const material = case1.locator('.meeting-material-item[data-item="6.8"]');
    expect(await material.textContent()).toContain('Padėka');
    await material.getByRole('button', { name: '6.8 dokumentas.pdf' }).click();
    await case1.locator('[data-rendered-page="1"]').waitFor();
    await case1.locator('.step-indicator button[data-step="summary"]').click();

    // V-77 p. 10: only 10.1 and 10.2 are offered for a convict serving here; 10.1 chosen by the keyboard.
    await nextStep(page, 'Sprendimas');
    const decisions = case1.locator('.decision-group').getByRole('radio');
    expect(await decisions.count()).toBe(2);
    expect(await case1.locator('.decision-group').textContent()).toContain('10.1 – Teikti siūlymą direktoriui perkelti');
    expect(await case1.locator('.decision-group').textContent()).not.toContain('10.3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await case1.getByRole('radio', { name: /^10\.1 – / }).and(page.locator(':checked')).waitFor();

    // The vote without a quorum is refused, and the app says why.
    await nextStep(page, 'Balsavimas');
    expect(await case1.locator('.vote-ballots .vote-tally').getAttribute('data-status')).toBe('no_quorum');
    expect(await case1.locator('.vote-ballots .vote-tally').textContent()).toContain('Nėra kvorumo – balsuoti negalima');
    await case1.getByRole('radiogroup', { name: 'Aldona Pirmininkė', exact: true }).getByRole('radio', { name: 'Už', exact: true }).click();
    const refusal = case1.getByRole('alert').filter({ hasText: 'QUORUM_MISSING' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Nėra kvorumo');
    expect(await case1.getByRole('radio', { name: 'Už', exact: true }).first().isChecked()).toBe(false);

    // Everyone arrives: the quorum is there and all five vote for → adopted.
    for (const m of MEMBERS.slice(2)) await page.getByRole('checkbox', { name: `Dalyvauja: ${m.name}` }).check();
    await page.locator('.quorum').filter({ hasText: 'Kvorumas yra: dalyvauja 5 iš 5 (reikia 3)' }).waitFor();
    for (const m of MEMBERS) await vote(page, m.name, 'Už');
    await case1.locator('.vote-ballots .vote-tally[data-status="adopted"]').waitFor();
    expect(await case1.locator('.vote-ballots .vote-tally').textContent()).toContain('Už – 5, prieš – 0, susilaikė – 0, dar nebalsavo – 0');
    expect(await refusal.count()).toBe(0);
    // Issue 17: the screen stays on the case just voted, with its result; moving on is the secretary's act.
    await page.waitForTimeout(300);
    expect(await case1.locator('.step-heading').getAttribute('data-step')).toBe('vote');
    expect(await case1.locator('.vote-ballots .vote-tally').getAttribute('data-status')).toBe('adopted');

    // Case 2, serving elsewhere: the next item. What is typed survives a reload (saved as typed).
    await page.getByRole('button', { name: 'Kitas klausimas: Kairys Rimas' }).click();
    const case2 = page.locator(`.meeting-case[data-case="${other}"]`);
    await case2.waitFor();
    await case2.locator('.step-indicator button[data-step="11.1"]').click();
    await page.keyboard.press('Tab');
    await page.keyboard.type(FINDINGS['11.1']);
    await page.locator('.autosave-status[data-autosave="saved"]').waitFor();
    expect(await page.locator('.autosave-status').textContent()).toMatch(/^Išsaugota \d\d:\d\d$/);
    await page.reload();
    await page.getByRole('button', { name: /Kairys Rimas/ }).click();
    await case2.waitFor();
    expect(await case2.getByLabel('Nustatytos aplinkybės (11.1 p.)').inputValue()).toBe(FINDINGS['11.1']);
    await case2.locator('.step-indicator button[data-step="11.1"]').click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await case2.getByRole('radio', { name: 'Palanku', exact: true }).and(page.locator(':checked')).waitFor();

    // 11.2–11.9; the convict is on the escape register: the red flag shows at once (V-77 p. 11.8).
    await walkCriteria(page, { '11.2': 'Nepalanku', '11.8': 'Nepalanku' }, true, true);
    expect(await case2.locator('.step-indicator button[data-step="11.8"]').getAttribute('data-mark')).toBe('flag');
    await nextStep(page, 'Suvestinė');
    await case2.locator('.red-flag[role="alert"]').filter({ hasText: 'linkusiųjų pabėgti ar užpulti įskaitą' }).waitFor();
    expect(await case2.locator('.evaluation-summary tr.row-red-flag').getAttribute('data-criterion')).toBe('11.8');

    // V-77 p. 10: 10.3 or 10.4 for a convict serving elsewhere; 10.4 must give its reasons.
    await nextStep(page, 'Sprendimas');
    expect(await case2.locator('.decision-group').textContent()).not.toContain('10.1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await case2.getByRole('radio', { name: /^10\.4 – / }).and(page.locator(':checked')).waitFor();
    const rationale = case2.getByLabel('Sprendimo motyvai');
    expect(await rationale.getAttribute('aria-required')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(`textarea#rationale-${other}`);
    await page.keyboard.type('Nuteistasis įtrauktas į linkusiųjų pabėgti įskaitą; elgesys nepalankus.');

    // One member recuses (with the reason) and is not offered a vote; the rest vote.
    await nextStep(page, 'Balsavimas');
    await case2.getByRole('checkbox', { name: 'Cecilija Narė nusišalino' }).check();
    // The reason is asked first and recorded with the recusal (it goes into the minutes).
    await case2.getByLabel('Nusišalinimo priežastis: Cecilija Narė').fill('Nuteistojo giminaitė.');
    await page.keyboard.press('Enter');
    await case2.locator('.ballot-list li[data-member="m-cecilija"][data-eligible="false"]').waitFor();
    expect(await case2.getByRole('radiogroup', { name: 'Cecilija Narė', exact: true }).count()).toBe(0);
    expect(await case2.locator('.ballot-list li[data-member="m-cecilija"]').textContent()).toContain('nusišalino');
    await vote(page, 'Aldona Pirmininkė', 'Už');
    await vote(page, 'Benas Narys', 'Už');
    await vote(page, 'Dainius Narys', 'Prieš');

    expect(await case2.locator('.vote-ballots .vote-tally').getAttribute('data-status')).toBe('incomplete');
    await vote(page, 'Eglė Sekretorė', 'Už');
    await case2.locator('.vote-ballots .vote-tally[data-status="adopted"]').waitFor();
    expect(await case2.locator('.vote-ballots .vote-tally').textContent()).toContain('Už – 3, prieš – 1, susilaikė – 0, dar nebalsavo – 0');
    // Issue 17: every case is settled, so there is no next item; the voted case stays on screen.
    expect(await page.getByRole('button', { name: /^Kitas klausimas/ }).count()).toBe(0);
    expect(await case2.isVisible()).toBe(true);

    // Close: the confirmation says what happens to each case.
    await page.getByRole('button', { name: 'Baigti posėdį…' }).click();
    const plan = page.locator('.close-plan');
    expect(await plan.locator(`li[data-plan="decide"]`).count()).toBe(2);
    expect(await plan.textContent()).toContain('priimamas sprendimas 10.4');
    await page.getByRole('button', { name: 'Patvirtinti ir baigti posėdį' }).click();
    await page.locator('[data-meeting-state="closed"]').waitFor();

    const assertFrozen = async () => {
      const first = page.locator(`.frozen-result[data-case="${own}"]`);
      const second = page.locator(`.frozen-result[data-case="${other}"]`);
      await first.waitFor();
      expect(await first.locator('.frozen-decision').getAttribute('data-decision')).toBe('10.1');
      expect(await second.locator('.frozen-decision').getAttribute('data-decision')).toBe('10.4');
      expect(await first.locator('.votes-table tbody tr[data-ballot="for"]').count()).toBe(5);
      expect(await second.locator('.votes-table tr[data-member="m-cecilija"]').textContent()).toContain('nusišalino: Nuteistojo giminaitė.');
      expect(await second.locator('.votes-table tr[data-member="m-dainius"]').textContent()).toContain('Prieš');
      expect(await second.locator('.vote-tally').getAttribute('data-status')).toBe('adopted');
      expect(await second.locator('.frozen-rationale').textContent()).toContain('elgesys nepalankus');
      expect(await second.locator('.evaluation-table[data-kind="frozen"] tr[data-criterion="11.2"]').getAttribute('data-assessment')).toBe('unfavourable');
      expect(await first.locator('.evaluation-table[data-kind="frozen"] tr[data-criterion="11.6"]').textContent()).toContain(FINDINGS['11.6']);
      expect(await first.locator('.evaluation-table[data-kind="frozen"] tr[data-criterion="11.9"]').textContent()).toContain(FINDINGS['11.9']);
      expect(await second.locator('.red-flag').count()).toBe(1);
      // Nothing to vote or tick any more.
      expect(await page.getByRole('radio').count()).toBe(0);
      expect(await page.getByRole('checkbox').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Baigti posėdį…' }).count()).toBe(0);
    };
    await assertFrozen();

    // The cases moved on (V-77 p. 10, 12): decided, with the decision; a positive one (10.1, 10.3)
    // puts the convict on the list by itself.
    const first = await invoke(session.staff.dispatch, 'cases.get', { id: own });
    const second = await invoke(session.staff.dispatch, 'cases.get', { id: other });
    expect(first.record.state).toBe('listed');
    expect(first.record.timeline.some((e) => e.kind === 'state' && e.to === 'decided')).toBe(true);
    expect(first.record.facts.decision).toBe('10.1');
    expect(second.record.state).toBe('decided');
    expect(second.record.facts.decision).toBe('10.4');

    // A correction after the meeting: recorded beside the frozen result with who, when and why.
    const frozen1 = page.locator(`.frozen-result[data-case="${own}"]`);
    await frozen1.getByRole('button', { name: 'Įrašyti pataisą…' }).click();
    await frozen1.getByLabel('Kriterijus', { exact: true }).selectOption('11.9');
    expect(await frozen1.getByLabel('Naujas tekstas').inputValue()).toBe(FINDINGS['11.9']);
    await frozen1.getByLabel('Naujas tekstas').fill('Kitų aplinkybių nenustatyta.');
    await frozen1.getByLabel('Pataisos priežastis').fill('Rašymo klaida protokole.');
    await frozen1.getByRole('button', { name: 'Įrašyti pataisą', exact: true }).click();
    await frozen1.getByRole('status').filter({ hasText: 'Pataisa įrašyta.' }).waitFor();
    const amendment = frozen1.locator('.amendments-table tbody tr');
    expect(await amendment.count()).toBe(1);
    for (const text of ['Rasa Sekretorė', 'Rašymo klaida protokole.', FINDINGS['11.9'], 'Kitų aplinkybių nenustatyta.']) expect(await amendment.textContent()).toContain(text);
    expect(await frozen1.locator('.evaluation-table[data-kind="amended"] tr[data-criterion="11.9"]').textContent()).toContain('Kitų aplinkybių nenustatyta.');

    await page.reload();
    await page.locator('[data-meeting-state="closed"]').waitFor();
    await assertFrozen();
    expect(await frozen1.locator('.amendments-table tbody tr').count()).toBe(1);
    expect(session.problems).toEqual([]);
  });

  it('issue 17: a planned meeting’s date, time, place and agenda are changed until it opens (V-77 p. 9); a closed meeting leaves the coming ones', async () => {
    const ids = { own: '', other: '', planned: '', closed: '' };
    const session = await openApp(tempDir('meeting-plan'), async (dispatch) => {
      await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
      ids.own = await readyCase(dispatch, OWN);
      ids.other = await readyCase(dispatch, OTHER);
      await invoke(dispatch, 'commission.save', { revision: 0, members: MEMBERS.map((m) => ({ ...m })), rules: { quorum: 'more_than_half', majority: 'more_than_half_present', chairDecidesTie: true } });
      ids.planned = (await invoke(dispatch, 'meetings.schedule', { date: '2026-11-24', time: '10:00', place: 'Posėdžių salė', caseIds: [ids.own] })).record.id;
      // A meeting held earlier today, with nothing on its agenda, opened and closed.
      const held = await invoke(dispatch, 'meetings.schedule', { date: TODAY, time: '08:00', place: 'Posėdžių salė', caseIds: [] });
      const opened = await invoke(dispatch, 'meetings.open', { id: held.record.id, revision: held.record.revision });
      ids.closed = (await invoke(dispatch, 'meetings.close', { id: held.record.id, revision: opened.record.revision })).record.id;
    });
    const { page } = session;

    // The list: the closed meeting is among the earlier ones, not the coming ones, though it was today.
    await page.evaluate(() => {
      location.hash = '#/meetings';
    });
    await page.locator(`#meetings-upcoming tr[data-meeting-id="${ids.planned}"]`).waitFor();
    expect(await page.locator(`#meetings-upcoming tr[data-meeting-id="${ids.closed}"]`).count()).toBe(0);
    expect(await page.locator(`#meetings-past tr[data-meeting-id="${ids.closed}"]`).count()).toBe(1);
    await expectAccessible(page, 'the meetings list');

    // The planned meeting: another day, hour, room, and the second case on its agenda.
    await page.evaluate((id) => {
      location.hash = `#/meetings/${id}`;
    }, ids.planned);
    await page.locator('[data-meeting-state="planned"]').waitFor();
    expect(await page.locator('.meeting-agenda-table tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Keisti posėdžio planą…' }).click();
    const form = page.locator('.schedule-form');
    expect(await form.getByLabel('Posėdžio data').inputValue()).toBe('2026-11-24');
    expect(await form.getByLabel('Vieta').inputValue()).toBe('Posėdžių salė');
    await form.getByLabel('Posėdžio data').fill(TODAY);
    await form.getByLabel('Laikas').fill('13:30');
    await form.getByLabel('Vieta').fill('Mažoji salė');
    // The case already on the agenda is offered ticked, the ready one unticked.
    expect(await form.getByRole('checkbox', { name: 'Vaitkus Tomas' }).isChecked()).toBe(true);
    await form.getByRole('checkbox', { name: 'Kairys Rimas' }).check();
    await expectAccessible(page, 'a planned meeting, its plan being changed');
    await form.getByRole('button', { name: 'Išsaugoti pakeitimus' }).click();
    await page.getByRole('status').filter({ hasText: 'Posėdžio planas pakeistas.' }).waitFor();
    expect(await page.locator('.meeting-agenda-table tbody tr').count()).toBe(2);
    expect(await page.locator('.meeting-meta').textContent()).toContain('Laikas: 13:30');
    expect(await page.locator('.meeting-meta').textContent()).toContain('Vieta: Mažoji salė');
    await page.getByRole('heading', { name: 'Komisijos posėdis 2026 m. lapkričio 23 d.' }).waitFor();
    expect((await invoke(session.staff.dispatch, 'cases.get', { id: ids.other })).record.state).toBe('scheduled');

    // Once the meeting opens its plan is no longer offered for change.
    await page.getByRole('button', { name: 'Pradėti posėdį' }).click();
    await page.locator('[data-meeting-state="open"]').waitFor();
    expect(await page.getByRole('button', { name: 'Keisti posėdžio planą…' }).count()).toBe(0);
    expect(session.problems).toEqual([]);
  });

  it('members follow the running meeting read-only: no fields, the red flag and the tally, and what the secretary records appears', async () => {
    const seeded: Partial<Seeded> = {};
    const session = await openApp(tempDir('meeting-member'), {
      as: MEMBER,
      accounts: [SECRETARY, MEMBER],
      seed: async (dispatch) => {
        await seed(dispatch, seeded);
        const opened = await invoke(dispatch, 'meetings.get', { id: seeded.meeting! });
        await invoke(dispatch, 'meetings.open', { id: seeded.meeting!, revision: opened.record.revision });
        for (const m of MEMBERS.slice(0, 3)) await invoke(dispatch, 'meetings.setAttendance', { id: seeded.meeting!, memberId: m.id, present: true });
        const base = { id: seeded.meeting!, caseId: seeded.own! };
        await invoke(dispatch, 'meetings.saveCriterion', { ...base, criterion: '11.1', findings: FINDINGS['11.1'], assessment: 'favourable', basedOn: NOTHING_YET });
        await invoke(dispatch, 'meetings.saveCriterion', { ...base, criterion: '11.8', findings: 'Įtrauktas 2025 m.', assessment: 'unfavourable', onRegister: true, basedOn: NOTHING_YET });
        await invoke(dispatch, 'meetings.saveDecision', { ...base, decision: '10.2', rationale: '', basedOn: { decision: null, rationale: '' } });
      },
    });
    const { page } = session;
    const { own, meeting } = seeded as Seeded;
    await page.evaluate((id) => {
      location.hash = `#/meetings/${id}`;
    }, meeting);
    await page.locator('[data-meeting-state="open"]').waitFor();
    await page.getByText('Posėdį veda komisijos sekretorius; jūs matote jo eigą.').waitFor();
    await page.locator('.quorum').filter({ hasText: 'Kvorumas yra: dalyvauja 3 iš 5 (reikia 3)' }).waitFor();
    const case1 = page.locator(`.meeting-case[data-case="${own}"]`);
    await case1.locator('.meeting-readonly').filter({ hasText: FINDINGS['11.1'] }).waitFor();
    expect(await case1.locator('.meeting-choice[data-value="favourable"]').count()).toBe(1);
    const nothingToChange = async () => {
      expect(await page.getByRole('textbox').count()).toBe(0);
      expect(await page.getByRole('radio').count()).toBe(0);
      expect(await page.getByRole('checkbox').count()).toBe(0);
    };
    await nothingToChange();
    expect(await page.getByRole('button', { name: 'Baigti posėdį…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Atidėti bylos svarstymą…' }).count()).toBe(0);

    // The steps are theirs to walk too: 11.8 shows the red flag, the vote shows the proposal and the tally.
    await case1.locator('.step-indicator button[data-step="11.8"]').click();
    await case1.locator('.red-flag[role="alert"]').waitFor();
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowRight');
    await heading(page).filter({ hasText: 'Balsavimas' }).waitFor();
    expect(await case1.locator('.vote-proposal').getAttribute('data-decision')).toBe('10.2');
    expect(await case1.locator('.vote-ballots .vote-tally').getAttribute('data-status')).toBe('incomplete');
    await nothingToChange();

    // What the secretary records meanwhile reaches the members' screens.
    await invoke(session.staff.dispatch, 'meetings.saveDecision', { id: meeting, caseId: own, decision: '10.1', rationale: '', basedOn: { decision: '10.2', rationale: '' } });
    await case1.locator('.vote-proposal[data-decision="10.1"]').waitFor({ timeout: 15_000 });
    expect(session.problems).toEqual([]);
  });
});
