import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREFIXES } from '../../shared/contract/documentSchemas';
import type { RequestInput } from '../../shared/contract/schemas';
import { COMMISSION, decideByMeeting, ensureCommission, readyCase } from '../helpers/meetings';
import { namedSigner, P12_PASSWORD, testPki, type TestPki } from '../helpers/pki';
import {
  closeSessions,
  ensureRendererBuilt,
  fillRequest,
  invoke,
  invokeAs,
  MEMBER,
  openApp,
  openWindow,
  OWN_HALFWAY_HOUSE,
  OWN_REQUEST,
  recordCalls,
  SECRETARY,
  SETTINGS,
  tempDir,
  TODAY,
  type Account,
} from './harness';

/**
 * Pages follow other users live (issue: typed push events, nothing polls). Two or three browsers on
 * one host, each with its own session: what one changes shows in the others within a second of the
 * change being confirmed, without a reload and without a timer.
 */

let pki: TestPki;

beforeAll(async () => {
  await ensureRendererBuilt();
  pki = testPki();
});
const relays: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await closeSessions();
  for (const hop of relays.splice(0)) await hop.close();
});

/** How long another window may take to show a change once it is confirmed (ms). */
const LIVE_MS = 1500;

const CHAIR: Account = { username: 'pirmininke', displayName: 'Rasa Vaitkienė', password: 'Pirmininke-slaptazodis-1', roles: ['chair'] };

const OTHER: RequestInput = { ...OWN_REQUEST, firstName: 'Rimas', lastName: 'Kairys', personalFileNo: 'P-3002' };

const shownCount = (page: Page) => page.locator('.list-count').textContent();

async function openCase(page: Page, id: string, heading: string): Promise<void> {
  await page.evaluate((caseId) => {
    location.hash = `#/cases/${caseId}`;
  }, id);
  await page.getByRole('heading', { name: heading }).waitFor();
}

async function openMeeting(page: Page, id: string): Promise<void> {
  await page.evaluate((meetingId) => {
    location.hash = `#/meetings/${meetingId}`;
  }, id);
  await page.locator('[data-meeting-state="open"]').waitFor();
}

/**
 * A loopback hop between a browser and the host, to cut the browser's event stream as a network
 * would (the browser then opens it again by itself). It passes everything through, naming the host
 * in Host and Origin as the browser would had it come straight.
 */
async function relay(hostPort: number): Promise<{ url(hostUrl: string): string; cutEventStreams(): number; close(): Promise<void> }> {
  const streams = new Set<ServerResponse>();
  const rewrite = (headers: IncomingHttpHeaders): IncomingHttpHeaders => {
    const out: IncomingHttpHeaders = { ...headers, host: `127.0.0.1:${hostPort}` };
    if (out.origin) out.origin = `http://127.0.0.1:${hostPort}`;
    if (out.referer) out.referer = out.referer.replace(/^http:\/\/127\.0\.0\.1:\d+/, `http://127.0.0.1:${hostPort}`);
    return out;
  };
  const server = createServer((req, res) => {
    const upstream = request({ host: '127.0.0.1', port: hostPort, path: req.url, method: req.method, headers: rewrite(req.headers) }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
      if (req.url?.startsWith('/api/events')) {
        streams.add(res);
        res.on('close', () => {
          streams.delete(res);
          reply.destroy();
        });
      }
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (hostUrl) => hostUrl.replace(`127.0.0.1:${hostPort}`, `127.0.0.1:${port}`),
    cutEventStreams: () => {
      const cut = streams.size;
      for (const res of streams) res.socket?.destroy();
      return cut;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

describe('live updates from typed events', () => {
  it('the case list and the case page follow another user: a request registered and a step recorded in one window show in the other; a burst is one reload; a dropped stream reloads once', async () => {
    let caseId = '';
    const session = await openApp(tempDir('live-cases'), {
      accounts: [SECRETARY, MEMBER],
      seed: async (dispatch) => {
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
        caseId = (await invoke(dispatch, 'cases.register', OWN_REQUEST)).record.id;
      },
    });
    const a = session.page;
    // B reaches the host through a hop that can cut its event stream (at the end).
    const hop = await relay(session.host.port);
    relays.push(hop);
    const b = await openWindow(session, MEMBER, { url: hop.url(session.host.url) });
    await expect.poll(() => shownCount(b.page)).toBe('Rodoma bylų: 1 iš 1');
    const bCalls = recordCalls(b.page);

    // A registers a request through the form; B's list (another user) shows it.
    await a.getByRole('navigation').getByRole('link', { name: 'Naujas prašymas' }).click();
    await fillRequest(a, {
      firstName: 'Jonas',
      lastName: 'Žemaitis',
      personalFileNo: 'A-101',
      birthDate: '1985-03-02',
      servingInstitution: 'Marijampolės pataisos namai',
      halfwayHouse: OWN_HALFWAY_HOUSE,
      requestDate: '2026-11-20',
      possibleTransferDate: '2027-03-01',
      possibleParoleDate: '2027-06-01',
      sentenceEnd: '2028-01-01',
    });
    await a.getByRole('button', { name: 'Registruoti prašymą' }).click();
    await a.getByRole('heading', { name: 'Žemaitis Jonas' }).waitFor();
    await b.page.getByRole('link', { name: 'Žemaitis Jonas' }).waitFor({ timeout: LIVE_MS });
    expect(await shownCount(b.page)).toBe('Rodoma bylų: 2 iš 2');
    expect(bCalls.of('cases.list')).toBe(1);

    // Both on the first case; A records a step, B's page shows the new state and the timeline.
    await openCase(a, caseId, 'Vaitkus Tomas');
    await openCase(b.page, caseId, 'Vaitkus Tomas');
    expect(await b.page.locator('.state-badge').textContent()).toBe('Prašymas gautas');
    await a.getByRole('button', { name: 'Renkama medžiaga', exact: true }).click();
    await a.getByLabel('Žingsnio data').fill('2026-11-20');
    await a.getByRole('button', { name: 'Įrašyti žingsnį' }).click();
    await a.getByRole('status').filter({ hasText: 'Būsena pakeista: „Renkama medžiaga“.' }).waitFor();
    await b.page.locator('.state-badge', { hasText: 'Renkama medžiaga' }).waitFor({ timeout: LIVE_MS });
    expect(await b.page.getByRole('region', { name: 'Bylos eiga' }).textContent()).toContain('Renkama medžiaga');

    // A is correcting the request (the form open, a surname typed) when someone else changes the
    // case: B's page shows the change at once; A's page holds it back with a notice and keeps what A
    // typed, and shows it once A closes the form.
    await a.getByRole('button', { name: 'Taisyti prašymo duomenis' }).click();
    await a.getByLabel('Pavardė', { exact: true }).fill('Vaitkevičius');
    const { record } = await invoke(session.staff.dispatch, 'cases.get', { id: caseId });
    await invoke(session.staff.dispatch, 'cases.updateRequest', { id: caseId, revision: record.revision, request: { ...OWN_REQUEST, possibleTransferDate: '2027-01-10' } });
    const bData = b.page.getByRole('region', { name: 'Nuteistojo ir prašymo duomenys' });
    await bData.getByText('2027 m. sausio 10 d.').waitFor({ timeout: LIVE_MS });
    const held = a.getByRole('status').filter({ hasText: 'Kitas naudotojas ką tik pakeitė šią bylą.' });
    await held.waitFor({ timeout: LIVE_MS });
    expect(await a.getByLabel('Pavardė', { exact: true }).inputValue()).toBe('Vaitkevičius');
    expect(await a.getByRole('region', { name: 'Nuteistojo ir prašymo duomenys' }).textContent()).not.toContain('2027 m. sausio 10 d.');
    await a.getByRole('button', { name: 'Atšaukti' }).click();
    await a.getByRole('region', { name: 'Nuteistojo ir prašymo duomenys' }).getByText('2027 m. sausio 10 d.').waitFor({ timeout: LIVE_MS });
    expect(await held.count()).toBe(0);

    // A change to another case leaves B's case page alone.
    bCalls.clear();
    await invoke(session.staff.dispatch, 'cases.register', OTHER);
    await a.waitForTimeout(500);
    expect(bCalls.of('cases.get')).toBe(0);

    // Back on the list: twenty requests registered at once (as a background check would change
    // many cases) are one reload or two, not twenty.
    await b.page.getByRole('link', { name: 'Atgal į bylų sąrašą' }).click();
    await expect.poll(() => shownCount(b.page)).toBe('Rodoma bylų: 3 iš 3');
    bCalls.clear();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        invoke(session.staff.dispatch, 'cases.register', { ...OWN_REQUEST, lastName: `Pakaitis${i}`, personalFileNo: `B-${100 + i}` }),
      ),
    );
    await expect.poll(() => shownCount(b.page), { timeout: LIVE_MS }).toBe('Rodoma bylų: 23 iš 23');
    await b.page.waitForTimeout(600);
    expect(bCalls.of('cases.list')).toBeGreaterThanOrEqual(1);
    expect(bCalls.of('cases.list')).toBeLessThanOrEqual(2);

    // B's event stream drops; a request registered meanwhile sends an event B misses. The browser
    // opens the stream again after a second (the host asks for that), and B's list reloads once.
    bCalls.clear();
    expect(hop.cutEventStreams()).toBe(1);
    await invoke(session.staff.dispatch, 'cases.register', { ...OWN_REQUEST, lastName: 'Atsijungęs', personalFileNo: 'C-1' });
    await expect.poll(() => shownCount(b.page), { timeout: 3000 }).toBe('Rodoma bylų: 24 iš 24');
    await b.page.waitForTimeout(500);
    expect(bCalls.of('cases.list')).toBe(1);

    expect(session.problems).toEqual([]);
    // The stream cut on purpose is the only thing B saw go wrong.
    expect(b.problems.filter((p) => !p.includes('ERR_INCOMPLETE_CHUNKED_ENCODING'))).toEqual([]);
  });

  it('the meeting page follows the others without polling: a member sees what the secretary records within a second, and a second window of the secretary keeps what is being typed', async () => {
    let meetingId = '';
    let own = '';
    const session = await openApp(tempDir('live-meeting'), {
      accounts: [SECRETARY, MEMBER],
      seed: async (dispatch) => {
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
        own = (await readyCase(dispatch, OWN_REQUEST, TODAY)).record.id;
        const other = (await readyCase(dispatch, OTHER, TODAY)).record.id;
        await ensureCommission(dispatch);
        const planned = await invoke(dispatch, 'meetings.schedule', { date: TODAY, time: '10:00', place: 'Posėdžių salė', caseIds: [own, other] });
        meetingId = (await invoke(dispatch, 'meetings.open', { id: planned.record.id, revision: planned.record.revision })).record.id;
      },
    });
    const a = session.page;
    const member = await openWindow(session, MEMBER);
    const second = await openWindow(session, SECRETARY);

    // The meetings list follows too: a meeting scheduled elsewhere appears on the member's list.
    await member.page.getByRole('navigation').getByRole('link', { name: 'Posėdžiai' }).click();
    await member.page.locator(`tr[data-meeting-id="${meetingId}"]`).waitFor();
    const later = await invoke(session.staff.dispatch, 'meetings.schedule', { date: '2026-12-01', time: '10:00', place: 'Posėdžių salė', caseIds: [] });
    await member.page.locator(`tr[data-meeting-id="${later.record.id}"]`).waitFor({ timeout: LIVE_MS });

    // …and the commission page: a member added elsewhere shows on the member's page.
    await member.page.getByRole('navigation').getByRole('link', { name: 'Komisija' }).click();
    await member.page.getByText(COMMISSION.members[2]!.name).first().waitFor();
    const commission = (await invoke(session.staff.dispatch, 'commission.get', {}))!;
    const joining = { id: 'm4', name: 'Vaida Naujokė', position: 'Psichologė', role: 'member', votes: true, from: '2026-11-01' } as const;
    await invoke(session.staff.dispatch, 'commission.save', { revision: commission.revision, members: [...commission.members, joining], rules: commission.rules });
    await member.page.getByText(joining.name).first().waitFor({ timeout: LIVE_MS });

    for (const page of [a, member.page, second.page]) await openMeeting(page, meetingId);
    const [chair, secretaryMember] = COMMISSION.members;

    // The member looks at the summary of the first case (all nine criteria); the second window of
    // the secretary is typing the 11.1 findings of the same case, and stays in the field.
    await member.page.getByRole('button', { name: /Vaitkus Tomas/ }).click();
    const memberCase = member.page.locator(`.meeting-case[data-case="${own}"]`);
    await memberCase.locator('.step-indicator button[data-step="summary"]').click();
    await second.page.getByRole('button', { name: /Vaitkus Tomas/ }).click();
    const secondCase = second.page.locator(`.meeting-case[data-case="${own}"]`);
    await secondCase.locator('.step-indicator button[data-step="11.1"]').click();
    const typing = secondCase.getByLabel('Nustatytos aplinkybės (11.1 p.)');
    await typing.click();
    await second.page.keyboard.type('Iki lygtinio paleidimo');

    const memberCalls = recordCalls(member.page);
    // A marks the chair present: the member and the second window see it; the text being typed stays.
    await a.getByRole('checkbox', { name: `Dalyvauja: ${chair!.name}` }).check();
    await a.locator('.autosave-status[data-autosave="saved"]').waitFor();
    const started = Date.now();
    await member.page.locator(`tr[data-member="${chair!.id}"][data-present="true"]`).waitFor({ timeout: LIVE_MS });
    const seenAfter = Date.now() - started;
    await second.page.locator(`tr[data-member="${chair!.id}"][data-present="true"]`).waitFor({ timeout: LIVE_MS });
    expect(await typing.inputValue()).toBe('Iki lygtinio paleidimo');
    expect(await typing.evaluate((el) => el === document.activeElement)).toBe(true);
    // Well before the five seconds the page polled at: it is the event, not a timer.
    expect(seenAfter).toBeLessThan(LIVE_MS);

    // A second change while the typing goes on: again nothing typed is lost.
    await second.page.keyboard.type(' liko daugiau');
    await a.getByRole('checkbox', { name: `Dalyvauja: ${secretaryMember!.name}` }).check();
    await second.page.locator(`tr[data-member="${secretaryMember!.id}"][data-present="true"]`).waitFor({ timeout: LIVE_MS });
    await second.page.keyboard.type(' nei pusė metų.');
    expect(await typing.inputValue()).toBe('Iki lygtinio paleidimo liko daugiau nei pusė metų.');
    // Leaving the field saves it; the member's summary shows it.
    await second.page.keyboard.press('Tab');
    await second.page.locator('.autosave-status[data-autosave="saved"]').waitFor();
    await memberCase.locator('.evaluation-summary tr[data-criterion="11.1"]', { hasText: 'Iki lygtinio paleidimo liko daugiau nei pusė metų.' }).waitFor({ timeout: LIVE_MS });

    // A records the 11.2 findings in the first window; the member's summary shows them too.
    await a.getByRole('button', { name: /Vaitkus Tomas/ }).click();
    const aCase = a.locator(`.meeting-case[data-case="${own}"]`);
    await aCase.locator('.step-indicator button[data-step="11.2"]').click();
    await aCase.getByLabel('Nustatytos aplinkybės (11.2 p.)').fill('Pažeidimų nėra, gauta padėka.');
    await a.keyboard.press('Tab');
    await a.locator('.autosave-status[data-autosave="saved"]').waitFor();
    await memberCase.locator('.evaluation-summary tr[data-criterion="11.2"]', { hasText: 'Pažeidimų nėra, gauta padėka.' }).waitFor({ timeout: LIVE_MS });
    // …and the second window, which has left its field, shows the first window's text in it.
    await secondCase.locator('.step-indicator button[data-step="11.2"]').click();
    expect(await secondCase.getByLabel('Nustatytos aplinkybės (11.2 p.)').inputValue()).toBe('Pažeidimų nėra, gauta padėka.');

    // Two windows write one field: the second starts typing the 11.3 findings, and before its
    // autosave (a 400 ms pause) the first saves its own text there. The second's save is refused
    // (STALE_REVISION): its text stays in the field, the other text is shown beside it, and the
    // secretary chooses to keep hers.
    await secondCase.locator('.step-indicator button[data-step="11.3"]').click();
    const field = secondCase.getByLabel('Nustatytos aplinkybės (11.3 p.)');
    await field.click();
    await second.page.keyboard.type('Antrojo lango tekstas.');
    await invoke(session.staff.dispatch, 'meetings.saveCriterion', {
      id: meetingId,
      caseId: own,
      criterion: '11.3',
      findings: 'Pirmojo lango tekstas.',
      basedOn: { findings: '', assessment: null, onRegister: null },
    });
    const notice = secondCase.locator('[data-stale]');
    await notice.filter({ hasText: 'Pirmojo lango tekstas.' }).waitFor({ timeout: LIVE_MS });
    expect(await field.inputValue()).toBe('Antrojo lango tekstas.');
    const stored = await invoke(session.staff.dispatch, 'meetings.get', { id: meetingId });
    expect(stored.items.find((i) => i.item.caseId === own)!.item.evaluation['11.3']?.findings).toBe('Pirmojo lango tekstas.');
    await notice.getByRole('button', { name: 'Išsaugoti mano tekstą vietoj šio' }).click();
    await notice.waitFor({ state: 'detached', timeout: LIVE_MS });
    await memberCase.locator('.evaluation-summary tr[data-criterion="11.3"]', { hasText: 'Antrojo lango tekstas.' }).waitFor({ timeout: LIVE_MS });

    // Nothing happens for six seconds: the member's page asks the back end nothing (it polled every five).
    await member.page.waitForTimeout(500);
    memberCalls.clear();
    await member.page.waitForTimeout(6000);
    expect(memberCalls.calls).toEqual([]);

    expect(session.problems).toEqual([]);
    expect(member.problems).toEqual([]);
    expect(second.problems).toEqual([]);
  });

  it('the signing queue and the case\'s documents follow: a document prepared in one window awaits the chair in another at once, and leaves it once signed elsewhere', async () => {
    let caseId = '';
    const session = await openApp(tempDir('live-documents'), {
      accounts: [SECRETARY, MEMBER, CHAIR],
      seed: async (dispatch) => {
        const register = {
          place: 'Pravieniškės',
          director: { name: 'Rūta Žemaitienė', position: 'Direktorė' },
          halfwayHouseEmployee: { name: '', position: '' },
          prefixes: { ...DEFAULT_PREFIXES },
        };
        const signing = { pkcs11Module: '', timestampUrl: '', trustedRoots: readFileSync(pki.ca.certPath, 'utf8') };
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0, register, signing });
        caseId = (await readyCase(dispatch, OWN_REQUEST, TODAY)).record.id;
        const meeting = await decideByMeeting(dispatch, [caseId], { [caseId]: '10.1' }, TODAY);
        await invoke(dispatch, 'documents.issue', { kind: 'minutes', meetingId: meeting.record.id });
      },
    });
    const a = session.page;
    const chair = await openWindow(session, CHAIR);
    const reader = await openWindow(session, MEMBER);

    // The chair on the signing queue: the minutes await her.
    await chair.page.getByRole('navigation').getByRole('link', { name: 'Pasirašymas: jūsų parašo laukia dokumentų – 1' }).click();
    const queue = chair.page.locator('.signing-table tbody tr');
    await queue.first().waitFor();
    expect(await queue.count()).toBe(1);
    // A member reads the case: its documents panel lists the minutes.
    await openCase(reader.page, caseId, 'Vaitkus Tomas');
    const readerRows = reader.page.locator('.documents-panel .documents-table tbody tr');
    await readerRows.first().waitFor();
    expect(await readerRows.count()).toBe(1);

    // The secretary prepares the proposal on the case page.
    await openCase(a, caseId, 'Vaitkus Tomas');
    const panel = a.locator('.documents-panel');
    await panel.getByRole('button', { name: 'Rengti: Komisijos siūlymas direktoriui' }).click();
    await panel.getByRole('button', { name: 'Parengti ir užregistruoti' }).click();
    await panel.getByRole('status').filter({ hasText: 'Užregistruotas dokumentas' }).waitFor();

    // The chair's queue and the navigation count, and the member's case page, show it at once.
    await chair.page.locator('.signing-table tbody tr[data-document-id]', { hasText: 'SIŪLYMAS DĖL' }).waitFor({ timeout: LIVE_MS });
    expect(await queue.count()).toBe(2);
    await chair.page.getByRole('navigation').getByRole('link', { name: 'Pasirašymas: jūsų parašo laukia dokumentų – 2' }).waitFor({ timeout: LIVE_MS });
    await reader.page.locator('.documents-panel .documents-table tbody tr[data-kind="proposal"]').waitFor({ timeout: LIVE_MS });
    expect(await readerRows.count()).toBe(2);

    // The chair signs the minutes elsewhere (another of her sessions): they leave her queue here,
    // and the secretary's case page shows that they await only the secretary now.
    const minutes = (await invoke(session.staff.dispatch, 'documents.list', { caseId })).documents.find((d) => d.kind === 'minutes')!;
    const minutesRow = panel.locator('.documents-table tbody tr[data-kind="minutes"]');
    expect(await minutesRow.textContent()).toContain('Posėdžio pirmininkė Rasa Vaitkienė');
    await invokeAs(session.host.services.dispatch, session.staff.sessions.get(CHAIR.username), 'documents.sign', {
      id: minutes.id,
      credential: { kind: 'pkcs12', bytes: namedSigner({ name: CHAIR.displayName }).p12, password: P12_PASSWORD },
    });
    await expect.poll(() => queue.count(), { timeout: LIVE_MS }).toBe(1);
    await chair.page.getByRole('navigation').getByRole('link', { name: 'Pasirašymas: jūsų parašo laukia dokumentų – 1' }).waitFor({ timeout: LIVE_MS });
    await expect.poll(() => minutesRow.textContent(), { timeout: LIVE_MS }).not.toContain('Posėdžio pirmininkė');
    expect(await minutesRow.textContent()).toContain('Laukiama parašo: Posėdžio sekretorė Inga Kairienė');

    expect(session.problems).toEqual([]);
    expect(chair.problems).toEqual([]);
    expect(reader.problems).toEqual([]);
  });
});
