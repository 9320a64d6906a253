import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { DEFAULT_PREFIXES } from '../../shared/contract/documentSchemas';
import type { RequestInput } from '../../shared/contract/schemas';
import { addCalendarMonths, addWorkingDays, formatLtDate } from '../../shared/domain/calendar';
import { pdfDocument } from '../helpers/documents';
import { loadCompleteDossier } from '../helpers/dossier';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { namedSigner, P12_PASSWORD, testPki, type TestPki } from '../helpers/pki';
import {
  closeSessions,
  ensureRendererBuilt,
  ensureStaff,
  fillRequest,
  invoke,
  invokeAs,
  KEY,
  openApp,
  OWN_HALFWAY_HOUSE,
  SECRETARY,
  SETTINGS,
  signIn,
  signOut,
  tempDir,
  TODAY,
  type Account,
  type Dispatch,
} from './harness';

/**
 * Issue 14 through the UI (its "Proof"): two convicts proposed at one meeting, one 10.1 (serves
 * here) and one 10.3 (serves in Marijampolė), in a halfway house of two places both occupied. The
 * order is refused while no place is free (V-77 p. 4, 13); a departure frees a place, which the
 * places page shows with its p. 20 term and the next convict on the p. 12 list; the order issued and
 * signed by the director moves the case by itself (p. 13); the 10.3 convict's submission (p. 14) is
 * refused by the Prison Department (p. 18, the received copy attached); a new request before three
 * months is flagged (p. 19); the court upholds the appeal against the refusal and the case reopens
 * (p. 51). A convict of ours asking for Vilnius' halfway house gets the dossier sent, never a meeting
 * (p. 7–8).
 */

let pki: TestPki;

beforeAll(async () => {
  await ensureRendererBuilt();
  pki = testPki();
});
afterEach(closeSessions);

const DIRECTOR: Account = { username: 'direktore', displayName: 'Rūta Žemaitienė', password: 'Direktore-slaptazodis-1', roles: ['director'] };
/** The chair of the commission of test/helpers/meetings.ts (its secretary, who signs the minutes, is Inga Kairienė). */
const CHAIR: Account = { username: 'pirmininke', displayName: 'Rasa Vaitkienė', password: 'Pirmininke-slaptazodis-1', roles: ['chair'] };
const ACCOUNTS = [SECRETARY, DIRECTOR, CHAIR] as const;

const RECEIVED = '2026-11-16';
const MEETING = '2026-11-18';
/** V-77 p. 20: a freed place is reported to the director within 2 working days (Mon 2026-11-23 → Wed 2026-11-25). */
const P20_DUE = addWorkingDays(TODAY, 2);
/** V-77 p. 19: a new request not earlier than 3 months from the refusal (recorded as of today). */
const P19_EARLIEST = addCalendarMonths(TODAY, 3);

/** Issue 12: each line is signed with a certificate in its official's own name. */
const credentialOf = (name: string) => ({ kind: 'pkcs12' as const, bytes: namedSigner({ name }).p12, password: P12_PASSWORD });

const base = (who: { first: string; last: string; file: string; requestDate: string }, servingInstitutionId = 'own'): RequestInput => ({
  firstName: who.first,
  lastName: who.last,
  personalFileNo: who.file,
  birthDate: '1985-04-12',
  servingInstitutionId,
  halfwayHouseInstitutionId: 'own',
  requestDate: who.requestDate,
  possibleTransferDate: '2026-12-20',
  possibleParoleDate: '2027-06-01',
  sentenceEnd: '2027-12-31',
});

/** Two convicts living in the halfway house: they asked first, so nobody is passed over by their orders. */
const OCCUPANT_1 = base({ first: 'Rimantas', last: 'Kazlauskas', file: 'B-1001', requestDate: '2026-11-02' });
const OCCUPANT_2 = base({ first: 'Darius', last: 'Butkus', file: 'B-1002', requestDate: '2026-11-03' });
/** Serves here, asks for our halfway house: 10.1 and the director's order (V-77 p. 13). */
const OURS = base({ first: 'Tomas', last: 'Vaitkus', file: 'B-2001', requestDate: '2026-11-04' });
/** Serves in Marijampolė, asks for our halfway house: 10.3 and the submission to the Prison Department (V-77 p. 14). */
const THEIRS = base({ first: 'Rimas', last: 'Kairys', file: 'M-3002', requestDate: '2026-11-05' }, 'marijampole');
/** Serves here, asks for Vilnius' halfway house: Vilnius' commission decides (V-77 p. 7–8). */
const SENDS: RequestInput = { ...base({ first: 'Saulius', last: 'Pocius', file: 'B-4001', requestDate: '2026-11-06' }), halfwayHouseInstitutionId: 'vilnius' };
/** Ready for our commission: the meeting's planning offers it (the control beside SENDS). */
const READY = base({ first: 'Andrius', last: 'Paulauskas', file: 'B-5001', requestDate: '2026-11-09' });

interface Seeded {
  occupant1: string;
  occupant2: string;
  ours: string;
  theirs: string;
}

interface SeededRoutes {
  sends: string;
  ready: string;
}

const nameOf = (r: RequestInput) => `${r.lastName} ${r.firstName}`;

/** The staff's calls on a data directory before the app opens, and a way to sign a document as whom it awaits. */
interface Seeding {
  dispatch: Dispatch;
  /** Every line of the document signed by whom it awaits, each with a certificate in their own name (issue 12). */
  signAll(id: string): Promise<void>;
}

async function seeding<T>(dataDir: string, seed: (s: Seeding) => Promise<T>): Promise<T> {
  const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false, key: KEY });
  try {
    const staff = await ensureStaff(services.dispatch, ACCOUNTS);
    const byRole: Readonly<Record<string, Account>> = { chair: CHAIR, secretary: SECRETARY, director: DIRECTOR };
    const signAll = async (id: string) => {
      const doc = (await invoke(staff.dispatch, 'documents.list', {})).documents.find((x) => x.id === id)!;
      for (const signer of doc.awaitingSigners ?? []) {
        const session = staff.sessions.get(byRole[signer.role]!.username);
        await invokeAs(services.dispatch, session, 'documents.sign', { id, credential: credentialOf(signer.name) });
      }
    };
    return await seed({ dispatch: staff.dispatch, signAll });
  } finally {
    await services.close();
  }
}

/** The settings: two places in the halfway house, the register, the test CA trusted. */
async function saveSettings(d: Dispatch): Promise<void> {
  const register = {
    place: 'Pravieniškės',
    director: { name: DIRECTOR.displayName, position: 'Direktorė' },
    halfwayHouseEmployee: { name: '', position: '' },
    prefixes: { ...DEFAULT_PREFIXES },
  };
  const signing = { pkcs11Module: '', timestampUrl: '', trustedRoots: readFileSync(pki.ca.certPath, 'utf8') };
  await invoke(d, 'settings.save', { ...SETTINGS, institution: { ...SETTINGS.institution, places: 2 }, revision: 0, register, signing });
}

/**
 * What is not the point of the first test, through the real methods: the four convicts decided at
 * one meeting, its minutes and the proposals signed; the two who asked first ordered, signed and
 * arrived, so that both places are occupied.
 */
function seedPlaces(dataDir: string): Promise<Seeded> {
  return seeding(dataDir, async ({ dispatch: d, signAll }) => {
    await saveSettings(d);
    const ids = {} as Seeded;
    ids.occupant1 = (await readyCase(d, OCCUPANT_1, RECEIVED)).record.id;
    ids.occupant2 = (await readyCase(d, OCCUPANT_2, RECEIVED)).record.id;
    ids.ours = (await readyCase(d, OURS, RECEIVED)).record.id;
    ids.theirs = (await readyCase(d, THEIRS, RECEIVED)).record.id;
    const decided = [ids.occupant1, ids.occupant2, ids.ours, ids.theirs];
    const meeting = await decideByMeeting(d, decided, { [ids.occupant1]: '10.1', [ids.occupant2]: '10.1', [ids.ours]: '10.1', [ids.theirs]: '10.3' }, MEETING);
    // The director's acts cite the minutes and the proposals (issue 12): signed first.
    await signAll((await invoke(d, 'documents.issue', { kind: 'minutes', meetingId: meeting.record.id })).id);
    for (const caseId of decided) await signAll((await invoke(d, 'documents.issue', { kind: 'proposal', caseId })).id);
    // The two places are taken: each occupant's order signed (V-77 p. 13), then the arrival (p. 24–25).
    for (const [i, caseId] of [ids.occupant1, ids.occupant2].entries()) {
      await signAll((await invoke(d, 'documents.issue', { kind: 'order', caseId })).id);
      const view = await invoke(d, 'cases.get', { id: caseId });
      expect(view.record.state).toBe('transfer_ordered');
      const checks = { identity: true, search: true, rules: true, room: true };
      await invoke(d, 'cases.recordArrival', { id: caseId, revision: view.record.revision, on: TODAY, time: '10:30', checks, room: '1', bed: String(i + 1) });
    }
    return ids;
  });
}

/** The second test's cases: the convict asking for Vilnius' halfway house, with a complete dossier; another ready for our commission. */
function seedRoutes(dataDir: string): Promise<SeededRoutes> {
  return seeding(dataDir, async ({ dispatch: d }) => {
    await saveSettings(d);
    const sends = await loadCompleteDossier(d, await invoke(d, 'cases.register', SENDS));
    const ready = await readyCase(d, READY, RECEIVED);
    return { sends: sends.record.id, ready: ready.record.id };
  });
}

async function openCase(page: Page, id: string, request: RequestInput): Promise<void> {
  await page.evaluate((caseId) => {
    location.hash = `#/cases/${caseId}`;
  }, id);
  await page.getByRole('heading', { name: nameOf(request), exact: true }).waitFor();
}

const stateBadge = (page: Page) => page.locator('.case-summary .state-badge');
const stepsSection = (page: Page) => page.locator('section[aria-labelledby="steps-title"]');
const afterSection = (page: Page) => page.locator('section.after-decision');
const okNotice = (page: Page, text: string) => page.locator('.notice-ok[role="status"]').filter({ hasText: text });

async function openPlaces(page: Page): Promise<Locator> {
  await page.getByRole('navigation').getByRole('link', { name: 'Vietos ir sąrašas' }).click();
  await page.getByRole('heading', { name: 'Vietos ir sąrašas', level: 1 }).waitFor();
  const summary = page.locator('.places-summary');
  await summary.waitFor();
  return summary;
}

/** Prepare a director's act from the case page's documents: the compose form of `kind`, then "Parengti ir užregistruoti". */
async function issueFromCase(page: Page, kind: string): Promise<Locator> {
  const panel = page.locator('.documents-panel');
  await panel.getByRole('button', { name: `Rengti: ${kind}` }).click();
  const form = panel.locator('.compose-form');
  await form.getByRole('button', { name: 'Parengti ir užregistruoti' }).click();
  return panel;
}

/** Attach a received document's copy (a small real PDF) in a form's file field, and wait for it to be checked. */
async function attachCopy(form: Locator, name: string): Promise<void> {
  const path = join(tempDir('copy'), name);
  writeFileSync(path, await pdfDocument({ text: name }));
  await form.getByLabel('Dokumento kopija').setInputFiles(path);
  await form.getByText(`Pridėta: ${name}`).waitFor();
}

describe('after the decision, as a user would (issue 14)', () => {
  it('V-77 p. 4, 12–14, 17–20, 51: no free place refuses the order; a departure frees one (p. 20 term, next on the list); the signed order moves the case; the submission is refused by the Prison Department with the copy; a new request before 3 months is flagged (p. 19); the upheld appeal reopens the case', async () => {
    const dataDir = tempDir('after');
    const ids = await seedPlaces(dataDir);
    const session = await openApp(dataDir, { accounts: ACCOUNTS });
    const { page } = session;
    const dispatch = session.host.services.dispatch;

    // ---- V-77 p. 4, 13: both places occupied; the order for the 10.1 convict is refused (NO_FREE_PLACE). ----
    let summary = await openPlaces(page);
    expect(await summary.getAttribute('data-free')).toBe('0');
    expect(await summary.locator('.places-free').textContent()).toBe('Laisvų vietų: 0');
    expect(await page.locator('.places-list tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')))).toEqual([ids.ours, ids.theirs]);
    await page.getByText('Laisvų vietų nėra: įsakymas perkelti (V-77 13 p.)').waitFor();

    await openCase(page, ids.ours, OURS);
    expect(await stateBadge(page).textContent()).toBe('Įrašyta į sąrašą');
    // The order's step is the signed act's, never a hand step (V-77 p. 13).
    expect(await stepsSection(page).getByRole('button', { name: 'Perkėlimas nuspręstas' }).count()).toBe(0);
    let panel = await issueFromCase(page, 'Įsakymas perkelti į pusiaukelės namus');
    const refusal = panel.locator('.compose-form').getByRole('alert').filter({ hasText: 'NO_FREE_PLACE' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`Pusiaukelės namuose ${TODAY} nėra laisvos vietos (V-77 4, 13, 14 p.): vietų 2, užimta 2, rezervuota perkeliamiems 0.`);
    expect(await panel.locator('.documents-table tbody tr[data-kind="order"]').count()).toBe(0);

    // ---- V-77 p. 4, 20: the first occupant leaves on parole; the place frees that day. ----
    await openCase(page, ids.occupant1, OCCUPANT_1);
    expect(await stateBadge(page).textContent()).toBe('Perkeltas');
    await afterSection(page).getByRole('button', { name: 'Registruoti išvykimą' }).click();
    const departure = page.locator('form[data-form="departure"]');
    await departure.getByRole('radio', { name: 'Paleistas lygtinai' }).check();
    expect(await departure.getByLabel('Išvykimo data').inputValue()).toBe(TODAY);
    await departure.getByRole('button', { name: 'Įrašyti išvykimą' }).click();
    await okNotice(page, 'Išvykimas įrašytas: vieta atsilaisvino').waitFor();
    expect(await stateBadge(page).textContent()).toBe('Išvyko iš pusiaukelės namų');
    expect(await afterSection(page).locator('.freed-term').getAttribute('data-due')).toBe(P20_DUE);
    expect(await afterSection(page).locator('.freed-term').textContent()).toContain(`apie ją pranešti direktoriui iki ${formatLtDate(P20_DUE)}`);

    // The places page: one free, the freed place with its p. 20 term, the 10.1 convict proposed next (p. 12, 20).
    summary = await openPlaces(page);
    await page.locator('.places-summary[data-free="1"]').waitFor();
    const next = page.locator('.places-next');
    expect(await next.getAttribute('data-next')).toBe(ids.ours);
    expect(await next.textContent()).toContain(`Siūloma kitam sąraše: ${nameOf(OURS)} (eilės Nr. 1, prašymas ${formatLtDate(OURS.requestDate)}; V-77 20 p.)`);
    const freedTable = page.getByRole('region', { name: 'Atsilaisvinusios vietos (V-77 20 p.)' });
    const freed = freedTable.locator(`tr[data-case="${ids.occupant1}"]`);
    expect(await freed.locator('td').evaluateAll((cells) => cells.slice(0, 3).map((c) => c.textContent))).toEqual([
      formatLtDate(TODAY),
      'Paleistas lygtinai',
      formatLtDate(P20_DUE),
    ]);
    expect(await freed.getAttribute('data-overdue')).toBeNull();
    // The report to the director is recorded from the row (V-77 p. 20).
    await freed.getByRole('button', { name: `Pažymėti, kad pranešta direktoriui: ${nameOf(OCCUPANT_1)}` }).click();
    await okNotice(page, `Pažymėta, kad direktoriui pranešta apie vietą, kurią atlaisvino ${nameOf(OCCUPANT_1)}`).waitFor();
    expect(await freed.locator('td').nth(3).textContent()).toBe(formatLtDate(TODAY));

    // ---- V-77 p. 13: the order, issued now, awaits the director. ----
    await page.locator('.places-next').getByRole('link', { name: nameOf(OURS) }).click();
    await page.getByRole('heading', { name: nameOf(OURS), exact: true }).waitFor();
    panel = await issueFromCase(page, 'Įsakymas perkelti į pusiaukelės namus');
    await panel.getByRole('status').filter({ hasText: 'Užregistruotas dokumentas' }).waitFor();
    await panel.locator('.documents-table tbody tr[data-kind="order"][data-status="awaiting"]').waitFor();
    expect(await stateBadge(page).textContent()).toBe('Įrašyta į sąrašą');

    // The director signs it from her queue with her PKCS#12 file.
    await signOut(page, SECRETARY);
    await signIn(page, DIRECTOR);
    await page.getByRole('navigation').getByRole('link', { name: 'Pasirašymas: jūsų parašo laukia dokumentų – 1' }).click();
    await page.getByRole('heading', { name: 'Pasirašymas' }).waitFor();
    await page.locator('.signing-table tbody tr').first().waitFor();
    const p12Path = join(tempDir('p12'), 'direktore.p12');
    writeFileSync(p12Path, namedSigner({ name: DIRECTOR.displayName }).p12);
    await page.getByRole('checkbox', { name: 'Pažymėti visus' }).check();
    await page.getByLabel('Sertifikato failas (.p12, .pfx)').setInputFiles(p12Path);
    await page.getByText('Pasirinktas failas: direktore.p12').waitFor();
    await page.getByLabel('Sertifikato failo slaptažodis').fill(P12_PASSWORD);
    await page.getByRole('button', { name: 'Pasirašyti pažymėtus (1)' }).click();
    await page.locator('.signing-progress').getByRole('status').filter({ hasText: 'Pasirašymas baigtas: pasirašyta dokumentų – 1 iš 1.' }).waitFor();
    await signOut(page, DIRECTOR);
    await signIn(page, SECRETARY);

    // The case moved by itself, dated by the order; nobody recorded the step by hand.
    await openCase(page, ids.ours, OURS);
    expect(await stateBadge(page).textContent()).toBe('Perkėlimas nuspręstas');
    const oursStep = page.locator('.timeline li[data-kind="state"]').filter({ hasText: '„Įrašyta į sąrašą“ → „Perkėlimas nuspręstas“' });
    expect(await oursStep.count()).toBe(1);
    expect(await oursStep.locator('.timeline-by').textContent()).toBe('pagal pasirašytą dokumentą');
    const order = (await invoke(session.staff.dispatch, 'documents.list', { caseId: ids.ours })).documents.find((x) => x.kind === 'order')!;
    expect(order.signatures.map((x) => x.signerName)).toEqual([DIRECTOR.displayName]);
    expect(await oursStep.locator('.timeline-note').textContent()).toBe(`direktoriaus įsakymas perkelti (V-77 13 p.), ${order.date} Nr. ${order.registrationNumber}`);

    // ---- V-77 p. 14: the second occupant leaves (seeded: the departure's UI is shown above); the submission takes the place. ----
    const occupant2 = await invoke(session.staff.dispatch, 'cases.get', { id: ids.occupant2 });
    await invoke(session.staff.dispatch, 'cases.recordDeparture', { id: ids.occupant2, revision: occupant2.record.revision, on: TODAY, how: 'sentence_end' });
    await openCase(page, ids.theirs, THEIRS);
    expect(await stateBadge(page).textContent()).toBe('Įrašyta į sąrašą');
    panel = await issueFromCase(page, 'Teikimas Kalėjimų departamento direktoriui');
    await panel.getByRole('status').filter({ hasText: 'Užregistruotas dokumentas' }).waitFor();
    const submission = (await invoke(session.staff.dispatch, 'documents.list', { caseId: ids.theirs })).documents.find((x) => x.kind === 'submission')!;
    expect(submission.awaitingSigners?.map((s) => s.name)).toEqual([DIRECTOR.displayName]);
    // The director's signature (her signing in the UI is shown above) moves the case; the page follows by itself.
    await invokeAs(dispatch, session.staff.sessions.get(DIRECTOR.username), 'documents.sign', { id: submission.id, credential: credentialOf(DIRECTOR.displayName) });
    await page.locator('.case-summary .state-badge', { hasText: 'Pateiktas teikimas KD' }).waitFor();

    // ---- V-77 p. 18: the Prison Department director's motivated refusal, recorded from the received copy. ----
    await afterSection(page).getByRole('button', { name: 'Registruoti Kalėjimų departamento sprendimą' }).click();
    const act = page.locator('form[data-form="departmentAct"]');
    await act.getByRole('radio', { name: 'Motyvuotas sprendimas neperkelti (V-77 18 p.)' }).check();
    await act.getByLabel('Dokumento numeris').fill('1V-101');
    await act.getByLabel('Dokumento data').fill(TODAY);
    expect(await act.getByLabel('Gavimo data').inputValue()).toBe(TODAY);
    expect(await act.getByLabel('Dokumentą išdavė').inputValue()).toBe('Kalėjimų departamentas prie Lietuvos Respublikos teisingumo ministerijos');
    await act.getByLabel('Pastaba').fill('Gauta el. paštu.');
    await attachCopy(act, 'KD sprendimas 1V-101.pdf');
    await act.getByRole('button', { name: 'Įrašyti gautą sprendimą' }).click();
    await okNotice(page, 'Gautas dokumentas įrašytas. Būsena: „Prašymas netenkintas“.').waitFor();
    expect(await stateBadge(page).textContent()).toBe('Prašymas netenkintas');
    // V-77 p. 19: the term for a new request runs from the refusal's date.
    const p19 = page.locator('.deadline-table tr[data-rule="p19"]');
    expect(await p19.locator('td').evaluateAll((cells) => cells.slice(0, 3).map((c) => c.textContent))).toEqual([
      'Pakartotinis prašymas ne anksčiau kaip',
      'V-77 19 p.',
      formatLtDate(P19_EARLIEST),
    ]);
    // The received document is kept with its copy (V-77 p. 49).
    const received = afterSection(page).locator('.acts-table tbody tr');
    expect(await received.count()).toBe(1);
    expect(await received.first().textContent()).toContain('1V-101');
    const refusedView = await invoke(session.staff.dispatch, 'cases.get', { id: ids.theirs });
    expect(refusedView.record.acts!.at(-1)!.file).toMatchObject({ name: 'KD sprendimas 1V-101.pdf', mediaType: 'application/pdf' });

    // ---- V-77 p. 19: the same convict asks again within 3 months: the form flags it with the earliest date. ----
    await page.getByRole('navigation').getByRole('link', { name: 'Naujas prašymas' }).click();
    await page.getByRole('heading', { name: 'Naujas prašymas' }).waitFor();
    await fillRequest(page, {
      firstName: THEIRS.firstName,
      lastName: THEIRS.lastName,
      personalFileNo: THEIRS.personalFileNo,
      birthDate: THEIRS.birthDate,
      servingInstitution: 'Marijampolės pataisos namai',
      halfwayHouse: OWN_HALFWAY_HOUSE,
      requestDate: TODAY,
      possibleTransferDate: THEIRS.possibleTransferDate,
      possibleParoleDate: THEIRS.possibleParoleDate,
      sentenceEnd: THEIRS.sentenceEnd,
    });
    const p19Flag = `Anksčiausia leistina data – ${formatLtDate(P19_EARLIEST)}`;
    const formFlag = page.locator('li[data-rule="p19"]');
    await formFlag.waitFor();
    expect(await formFlag.textContent()).toContain(`nuo sprendimo netenkinti ankstesnio prašymo (${formatLtDate(TODAY)}) (V-77 19 p.). ${p19Flag}`);
    await page.getByRole('button', { name: 'Registruoti prašymą' }).click();
    await page.getByRole('heading', { name: nameOf(THEIRS), exact: true }).waitFor();
    expect(await stateBadge(page).textContent()).toBe('Prašymas gautas');
    expect(await page.locator('li[data-rule="p19"]').textContent()).toContain(p19Flag);
    const reapplication = (await invoke(session.staff.dispatch, 'cases.list', {})).cases.filter((c) => c.personalFileNo === THEIRS.personalFileNo);
    expect(reapplication).toHaveLength(2);

    // ---- V-77 p. 51: the appeal against the Department's refusal goes to the court; upheld, it reopens the case. ----
    await openCase(page, ids.theirs, THEIRS);
    const appealable = afterSection(page).locator('.appealable-list li');
    expect(await appealable.count()).toBe(1);
    expect(await appealable.getAttribute('data-body')).toBe('court');
    expect(await appealable.textContent()).toContain('skundžiama apygardos administraciniam teismui');
    await appealable.getByRole('button', { name: 'Registruoti skundą' }).click();
    const appeal = page.locator('form[data-form="appeal"]');
    expect(await appeal.getByLabel('Skundo padavimo data').inputValue()).toBe(TODAY);
    await appeal.getByRole('button', { name: 'Įrašyti skundą' }).click();
    await okNotice(page, 'Skundas įrašytas.').waitFor();
    const appealRow = afterSection(page).locator('.appeals-table tbody tr');
    expect(await appealRow.getAttribute('data-outcome')).toBe('pending');
    expect(await stateBadge(page).textContent()).toBe('Prašymas netenkintas');

    await appealRow.getByRole('button', { name: 'Registruoti skundo sprendimą' }).click();
    const outcome = page.locator('form[data-form="appealOutcome"]');
    await outcome.getByRole('radio', { name: 'Skundas patenkintas' }).check();
    expect(await outcome.locator('[data-reopens]').getAttribute('data-reopens')).toBe('submitted_to_department');
    await outcome.getByLabel('Sprendimo numeris').fill('eI3-777-2026');
    await outcome.getByLabel('Sprendimo data').fill(TODAY);
    expect(await outcome.getByLabel('Gavimo data').inputValue()).toBe(TODAY);
    await outcome.getByLabel('Sprendimo motyvai').fill('Teismas panaikino Kalėjimų departamento direktoriaus sprendimą.');
    await attachCopy(outcome, 'Teismo sprendimas.pdf');
    await outcome.getByRole('button', { name: 'Įrašyti skundo sprendimą' }).click();
    // The re-application is still open: two requests of one convict are not handled at once, so the
    // reopening is refused, naming the other request, and nothing typed is lost.
    const twoOpen = outcome.getByRole('alert');
    await twoOpen.waitFor();
    expect(await twoOpen.textContent()).toContain('nagrinėjamas kitas šio nuteistojo prašymas');
    expect(await outcome.getByRole('link', { name: 'Atidaryti kitą šio nuteistojo bylą' }).count()).toBe(1);
    expect(await stateBadge(page).textContent()).toBe('Prašymas netenkintas');
    const newer = reapplication.find((c) => c.id !== ids.theirs)!;
    await invoke(session.staff.dispatch, 'cases.transition', { id: newer.id, revision: (await invoke(session.staff.dispatch, 'cases.get', { id: newer.id })).record.revision, to: 'withdrawn', on: TODAY, note: 'Nuteistasis atsiėmė pakartotinį prašymą, laukdamas teismo sprendimo.' });
    expect(await outcome.getByLabel('Sprendimo numeris').inputValue()).toBe('eI3-777-2026');
    await outcome.getByRole('button', { name: 'Įrašyti skundo sprendimą' }).click();
    await okNotice(page, 'Skundas patenkintas: byla atnaujinta, būsena „Pateiktas teikimas KD“.').waitFor();
    expect(await stateBadge(page).textContent()).toBe('Pateiktas teikimas KD');
    expect(await appealRow.getAttribute('data-outcome')).toBe('upheld');
    expect(await page.locator('.deadline-table tr[data-rule="p19"]').count()).toBe(0);
    // The timeline keeps the refusal and shows the reopening after it, never an edit of history.
    const timeline = page.locator('.timeline > li');
    const kinds = await timeline.evaluateAll((items) => items.map((li) => [li.getAttribute('data-kind'), li.querySelector('.timeline-what')?.textContent ?? '']));
    const refusedAt = kinds.findIndex(([kind, what]) => kind === 'state' && what === '„Pateiktas teikimas KD“ → „Prašymas netenkintas“');
    const reopenedAt = kinds.findIndex(([kind]) => kind === 'reopened');
    expect(refusedAt).toBeGreaterThan(-1);
    expect(reopenedAt).toBeGreaterThan(refusedAt);
    expect(kinds[reopenedAt]![1]).toBe('Atnaujinta po skundo: „Prašymas netenkintas“ → „Pateiktas teikimas KD“ (V-77 51 p.)');
    expect(await timeline.nth(refusedAt).locator('.timeline-by').textContent()).toContain('1V-101');
    expect(session.problems).toEqual([]);
  });

  it('V-77 p. 5–8: our convict asking for another institution’s halfway house gets the dossier sent, and the meeting never offers the case', async () => {
    const dataDir = tempDir('sends');
    const ids = await seedRoutes(dataDir);
    const session = await openApp(dataDir, { accounts: ACCOUNTS });
    const { page } = session;

    await openCase(page, ids.sends, SENDS);
    const notice = page.locator('.route-notice[data-route="sends"]');
    expect(await notice.locator('.notice-title').textContent()).toBe('Šią bylą sprendžia kita įstaiga (V-77 8 p.)');
    expect(await notice.textContent()).toContain('(Vilniaus pusiaukelės namai)');
    expect(await notice.textContent()).toContain('mūsų komisija šio prašymo nesvarsto');
    // Never received here for our commission: only sending it is offered.
    const steps = stepsSection(page);
    expect(await steps.getByRole('button', { name: 'Medžiaga gauta', exact: true }).count()).toBe(0);
    expect(await steps.getByRole('button', { name: 'Parengta komisijai', exact: true }).count()).toBe(0);
    await steps.getByRole('button', { name: 'Medžiaga išsiųsta kitai įstaigai', exact: true }).click();
    expect(await steps.getByLabel('Žingsnio data').inputValue()).toBe(TODAY);
    await steps.getByRole('button', { name: 'Įrašyti žingsnį' }).click();
    await okNotice(page, 'Būsena pakeista: „Medžiaga išsiųsta kitai įstaigai“.').waitFor();
    expect(await stateBadge(page).textContent()).toBe('Medžiaga išsiųsta kitai įstaigai');
    const sent = afterSection(page).locator('.dossier-sent');
    expect(await sent.textContent()).toContain('Vilniaus pusiaukelės namai');
    expect(await sent.locator('.sent-items li').count()).toBe(10);
    // Once sent, only a p. 47 closing, a withdrawal or a correction of the step remain here.
    expect(await steps.locator('.step-buttons button').allTextContents()).toEqual(['Neatitinka sąlygų', 'Prašymas atsiimtas', 'Taisyti klaidingą žingsnį']);

    // The meeting's planning offers the case our commission decides, never this one.
    await page.getByRole('navigation').getByRole('link', { name: 'Posėdžiai' }).click();
    const agenda = page.locator('.schedule-agenda tbody tr');
    await page.locator(`.schedule-agenda tr[data-case-id="${ids.ready}"]`).waitFor();
    expect(await agenda.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')))).toEqual([ids.ready]);
    const candidates = await invoke(session.staff.dispatch, 'meetings.candidates', { date: TODAY });
    expect(candidates.map((c) => c.caseId)).toEqual([ids.ready]);
    expect(session.problems).toEqual([]);
  });
});

