import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREFIXES } from '../../shared/contract/documentSchemas';
import type { RequestInput } from '../../shared/contract/schemas';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { namedSigner, P12_PASSWORD, testPki, type TestPki } from '../helpers/pki';
import { closeSessions, ensureRendererBuilt, invoke, invokeAs, openApp, SECRETARY, SETTINGS, signIn, signOut, tempDir, TODAY, OWN_REQUEST, type Account } from './harness';

/**
 * Issue 6 through the UI: the secretary prepares the minutes of the meeting that decided 10.1 (the
 * proposal cites them by number), then the proposal and the order from the case page; the director
 * signs the orders awaiting her (this one and another case's) from the signing queue with a PKCS#12
 * file, a wrong password first; the signed order is checked on the verification page. The proposal
 * is the commission's: it awaits its chair, not the director.
 */

let pki: TestPki;

beforeAll(async () => {
  await ensureRendererBuilt();
  pki = testPki();
});
afterEach(closeSessions);

const DIRECTOR: Account = { username: 'direktore', displayName: 'Rūta Žemaitienė', password: 'Direktore-slaptazodis-1', roles: ['director'] };
/** The chair of the commission of test/helpers/meetings.ts (Rasa Vaitkienė; its secretary is Inga Kairienė). */
const CHAIR: Account = { username: 'pirmininke', displayName: 'Rasa Vaitkienė', password: 'Pirmininke-slaptazodis-1', roles: ['chair'] };

/** Issue 12: each line is signed with a certificate in its official's own name. */
const credentialOf = (name: string) => ({ kind: 'pkcs12' as const, bytes: namedSigner({ name }).p12, password: P12_PASSWORD });

/** A convict serving in this institution, which runs the halfway house: the commission decides 10.1. */
const OWN = OWN_REQUEST;

/** Another convict, decided 10.1 at an earlier meeting, whose order is already prepared. */
const OTHER: RequestInput = { ...OWN, firstName: 'Rimas', lastName: 'Kairys', personalFileNo: 'P-3002' };

describe('documents and signatures (issue 6)', () => {
  it('prepares the minutes, the proposal and the order, signs the orders from the queue (a wrong password refused first) and verifies the signed order', async () => {
    let caseId = '';
    const session = await openApp(tempDir('documents'), {
      accounts: [SECRETARY, DIRECTOR, CHAIR],
      seed: async (dispatch) => {
        const register = {
          place: 'Pravieniškės',
          director: { name: DIRECTOR.displayName, position: 'Direktorė' },
          halfwayHouseEmployee: { name: '', position: '' },
          prefixes: { ...DEFAULT_PREFIXES },
        };
        const signing = { pkcs11Module: '', timestampUrl: '', trustedRoots: readFileSync(pki.ca.certPath, 'utf8') };
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0, register, signing });
        const other = (await readyCase(dispatch, OTHER, '2026-11-19')).record.id;
        const earlier = await decideByMeeting(dispatch, [other], { [other]: '10.1' }, '2026-11-20');
        for (const request of [{ kind: 'minutes', meetingId: earlier.record.id }, { kind: 'proposal', caseId: other }, { kind: 'order', caseId: other }] as const) {
          await invoke(dispatch, 'documents.issue', request);
        }
        caseId = (await readyCase(dispatch, OWN, TODAY)).record.id;
        await decideByMeeting(dispatch, [caseId], { [caseId]: '10.1' }, TODAY);
      },
    });
    const { page } = session;
    const dispatch = session.host.services.dispatch;
    const sessionOf = (account: Account) => session.staff.sessions.get(account.username);
    /** The chair and the secretary sign the commission's documents of a case or meeting (issue 12: before the order that cites them). */
    const signCommissionDocuments = async (filter: { caseId?: string; meetingId?: string }) => {
      const all = (await invoke(session.staff.dispatch, 'documents.list', filter)).documents;
      for (const doc of [...all].reverse()) {
        for (const signer of doc.awaitingSigners ?? []) {
          if (signer.role === 'chair') await invokeAs(dispatch, sessionOf(CHAIR), 'documents.sign', { id: doc.id, credential: credentialOf(signer.name) });
          if (signer.role === 'secretary') await invokeAs(dispatch, sessionOf(SECRETARY), 'documents.sign', { id: doc.id, credential: credentialOf(signer.name) });
        }
      }
    };
    const others = (await invoke(session.staff.dispatch, 'documents.list', {})).documents;
    await signCommissionDocuments({ meetingId: others.find((d) => d.kind === 'minutes')!.meetingId! });
    await signCommissionDocuments({ caseId: others.find((d) => d.kind === 'proposal')!.caseIds[0]! });

    // The secretary, on the case page: only what follows 10.1 is offered (V-77 p. 10, 13, 15).
    await page.evaluate((id) => {
      location.hash = `#/cases/${id}`;
    }, caseId);
    await page.getByRole('heading', { name: 'Vaitkus Tomas' }).waitFor();
    const panel = page.locator('.documents-panel');
    await panel.locator('.prepare-table').waitFor();
    expect(await panel.locator('.prepare-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual([
      'proposal',
      'order',
      'declineDecision',
    ]);

    // The proposal cites the minutes by number: they are prepared first, on the meeting's page.
    const proposalRow = panel.locator('.prepare-table tr[data-kind="proposal"]');
    expect(await proposalRow.textContent()).toContain('Pirmiausia parenkite: Posėdžio protokolas.');
    await proposalRow.getByRole('link', { name: 'Atverti posėdį' }).click();
    await page.getByRole('heading', { name: 'Komisijos posėdis 2026 m. lapkričio 23 d.' }).waitFor();
    const minutes = page.locator('.documents-panel');
    await minutes.getByRole('button', { name: 'Rengti: Posėdžio protokolas' }).click();
    await minutes.getByRole('button', { name: 'Parengti ir užregistruoti' }).click();
    await minutes.getByRole('status').filter({ hasText: 'Užregistruotas dokumentas DK-2' }).waitFor();
    // Issue 12: the minutes name who signs each line, titled in their gender.
    expect(await minutes.locator('.documents-table tbody tr').textContent()).toContain('Laukiama parašo: Posėdžio pirmininkė Rasa Vaitkienė, Posėdžio sekretorė Inga Kairienė');
    await page.goBack();
    await page.getByRole('heading', { name: 'Vaitkus Tomas' }).waitFor();
    await proposalRow.filter({ hasNotText: 'Pirmiausia' }).waitFor();

    for (const [kind, number] of [
      ['Komisijos siūlymas direktoriui', 'DKS-2'],
      ['Įsakymas perkelti į pusiaukelės namus', 'V-2'],
    ] as const) {
      await panel.getByRole('button', { name: `Rengti: ${kind}` }).click();
      await panel.getByRole('button', { name: 'Peržiūrėti' }).click();
      await panel.locator('.document-viewer [data-rendered-page="1"]').waitFor();
      await panel.getByRole('button', { name: 'Parengti ir užregistruoti' }).click();
      await panel.getByRole('status').filter({ hasText: `Užregistruotas dokumentas ${number}` }).waitFor();
      await panel.locator('.documents-table tbody th', { hasText: number }).waitFor();
    }
    const rows = panel.locator('.documents-table tbody tr');
    // Newest first: the order awaits the director, the proposal the commission's chair, the minutes the chair and the secretary.
    expect(await rows.evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-kind'), r.getAttribute('data-status')]))).toEqual([
      ['order', 'awaiting'],
      ['proposal', 'awaiting'],
      ['minutes', 'awaiting'],
    ]);
    expect(await rows.nth(0).textContent()).toContain('Laukiama parašo: Direktorė Rūta Žemaitienė');
    expect(await rows.nth(1).textContent()).toContain('Laukiama parašo: Drausmės komisijos pirmininkė Rasa Vaitkienė');
    // The chair and the secretary sign the minutes and the proposal first: the order cites them.
    await signCommissionDocuments({ caseId });

    // The director: the navigation counts what awaits the signature.
    await signOut(page, SECRETARY);
    await signIn(page, DIRECTOR);
    await page.getByRole('navigation').getByRole('link', { name: 'Pasirašymas: jūsų parašo laukia dokumentų – 2' }).click();
    await page.getByRole('heading', { name: 'Pasirašymas' }).waitFor();
    const queue = page.locator('.signing-table tbody tr');
    await queue.first().waitFor();
    expect(await queue.count()).toBe(2);

    const p12Path = join(tempDir('p12'), 'direktore.p12');
    // Issue 12: the director signs with a certificate in her own name (Rūta Žemaitienė).
    writeFileSync(p12Path, namedSigner({ name: DIRECTOR.displayName }).p12);
    await page.getByRole('checkbox', { name: 'Pažymėti visus' }).check();
    await page.getByLabel('Sertifikato failas (.p12, .pfx)').setInputFiles(p12Path);
    await page.getByText('Pasirinktas failas: direktore.p12').waitFor();

    // A wrong password stops the run at once, with its message and code; nothing is signed.
    const password = page.getByLabel('Sertifikato failo slaptažodis');
    await password.fill('neteisingas-slaptazodis');
    await page.getByRole('button', { name: 'Pasirašyti pažymėtus (2)' }).click();
    const progress = page.locator('.signing-progress');
    await progress.getByRole('alert').filter({ hasText: 'P12_WRONG_PASSWORD' }).waitFor();
    expect(await progress.getByRole('alert').textContent()).toContain('Neteisingas sertifikato failo slaptažodis.');
    expect(await progress.getByRole('status').textContent()).toContain('Pasirašymas sustabdytas: pasirašyta dokumentų – 0 iš 2.');
    expect(await password.inputValue()).toBe('');
    expect(await queue.count()).toBe(2);
    const directorSession = session.staff.sessions.get(DIRECTOR.username);
    expect((await invokeAs(session.host.services.dispatch, directorSession, 'documents.queue', {})).documents).toHaveLength(2);

    // The right password: both are signed, one after the other.
    await password.fill(P12_PASSWORD);
    await page.getByRole('button', { name: 'Pasirašyti pažymėtus (2)' }).click();
    await progress.getByRole('status').filter({ hasText: 'Pasirašymas baigtas: pasirašyta dokumentų – 2 iš 2.' }).waitFor();
    expect(await progress.locator('.progress-count').textContent()).toBe('2 iš 2');
    expect(await progress.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([2, 2]);
    await page.getByText('Jūsų parašo laukiančių dokumentų nėra.').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Pasirašymas', exact: true }).waitFor();

    // The signed order, as a file someone sends: the verification page checks it.
    const documents = (await invoke(session.staff.dispatch, 'documents.list', { caseId })).documents;
    const order = documents.find((d) => d.kind === 'order')!;
    expect(order.signatures.map((s) => s.signerName)).toEqual(['Rūta Žemaitienė']);
    const signed = await invokeAs(session.host.services.dispatch, directorSession, 'documents.read', { id: order.id });
    const pdfPath = join(tempDir('signed'), signed.name);
    writeFileSync(pdfPath, signed.bytes);
    await page.evaluate(() => {
      location.hash = '#/verify';
    });
    await page.getByRole('heading', { name: 'Parašų tikrinimas' }).waitFor();
    await page.getByLabel('PDF dokumentas').setInputFiles(pdfPath);
    const signature = page.locator('.signature-check');
    await signature.waitFor();
    expect(await signature.count()).toBe(1);
    expect(await signature.locator('.signature-verdict').textContent()).toBe('Parašas galioja');
    expect(await signature.locator('[data-finding="signer"] dd').textContent()).toBe('Rūta Žemaitienė');
    expect(await signature.locator('[data-finding="after"] dd').textContent()).toBe('Dokumentas po pasirašymo nepakeistas');
    expect(await signature.locator('[data-finding="trust"]').getAttribute('data-tone')).toBe('ok');
    expect(await page.locator('.verify-report').textContent()).toContain('Šį dokumentą parengė ši programa: V-2');
    expect(session.problems).toEqual([]);
  });
});
