import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREFIXES } from '../../shared/contract/documentSchemas';
import { decideByMeeting, readyCase } from '../helpers/meetings';
import { namedSigner, P12_PASSWORD, testPki } from '../helpers/pki';
import { startTsa, type TestTsa } from '../helpers/tsa';
import { makeCrl } from '../helpers/verificationPki';
import { expectAccessible } from './axe';
import { closeSessions, ensureRendererBuilt, invoke, invokeAs, openApp, OWN_REQUEST, SECRETARY, SETTINGS, tempDir, TODAY, type Account } from './harness';

/**
 * Issue 18 through the UI: the minutes signed by the chair and the secretary while no revocation list
 * is imported stay PAdES B-T (ETSI EN 319 142-1 §6); the row says so and offers the secretary
 * "Užtikrinti ilgalaikį galiojimą". Refused first (no list for a certificate), with the reason under
 * the button; once the list is imported, the same button makes the signatures B-LTA and the row and
 * its versions say it.
 */

const CHAIR: Account = { username: 'pirmininke', displayName: 'Rasa Vaitkienė', password: 'Pirmininke-slaptazodis-1', roles: ['chair'] };
const credentialOf = (name: string) => ({ kind: 'pkcs12' as const, bytes: namedSigner({ name }).p12, password: P12_PASSWORD });

let tsa: TestTsa;

beforeAll(async () => {
  await ensureRendererBuilt();
  tsa = await startTsa();
});
afterEach(closeSessions);
afterAll(() => tsa.close());

describe('long-term signatures on the documents’ rows (issue 18)', () => {
  it('shows the level, refuses the extension with the reason beside the button, then makes the minutes B-LTA', async () => {
    const pki = testPki();
    let meetingId = '';
    const session = await openApp(tempDir('long-term'), {
      accounts: [SECRETARY, CHAIR],
      seed: async (dispatch) => {
        const register = { place: 'Pravieniškės', director: { name: 'Rūta Žemaitienė', position: 'Direktorė' }, halfwayHouseEmployee: { name: '', position: '' }, prefixes: { ...DEFAULT_PREFIXES } };
        const signing = { pkcs11Module: '', timestampUrl: tsa.url, trustedRoots: readFileSync(pki.ca.certPath, 'utf8') };
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0, register, signing });
        const caseId = (await readyCase(dispatch, OWN_REQUEST, TODAY)).record.id;
        meetingId = (await decideByMeeting(dispatch, [caseId], { [caseId]: '10.1' }, TODAY)).record.id;
        await invoke(dispatch, 'documents.issue', { kind: 'minutes', meetingId });
      },
    });
    const { page } = session;
    const dispatch = session.host.services.dispatch;
    const [minutes] = (await invoke(session.staff.dispatch, 'documents.list', { meetingId })).documents;
    // The commission's chair and secretary sign the minutes (V-77 p. 9), each with a certificate in their name.
    await invokeAs(dispatch, session.staff.sessions.get(CHAIR.username), 'documents.sign', { id: minutes!.id, credential: credentialOf('Rasa Vaitkienė') });
    await invokeAs(dispatch, session.staff.sessions.get(SECRETARY.username), 'documents.sign', { id: minutes!.id, credential: credentialOf('Inga Kairienė') });

    await page.evaluate((id) => {
      location.hash = `#/meetings/${id}`;
    }, meetingId);
    const row = page.locator(`.documents-table tr[data-document-id="${minutes!.id}"]`);
    const longTerm = row.locator('.document-long-term');
    await longTerm.filter({ hasText: 'Parašai su laiko žyma (PAdES B-T): ilgalaikis galiojimas neužtikrintas' }).waitFor();
    const button = longTerm.getByRole('button', { name: `Užtikrinti ilgalaikį galiojimą: ${minutes!.registrationNumber}` });

    // By keyboard: the button takes the focus and Enter presses it.
    await button.focus();
    await page.keyboard.press('Enter');
    const refusal = longTerm.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Sertifikatui „Rasa Vaitkienė“ (išdavė Pusiaukelės bandomoji CA) nėra importuoto atšauktų sertifikatų sąrašo (CRL)');
    expect(await button.getAttribute('aria-describedby')).toBe(await longTerm.locator('div[id]').getAttribute('id'));
    await expectAccessible(page, 'the meeting’s documents, the long-term extension refused');

    await invoke(session.staff.dispatch, 'trust.importCrl', { name: 'ca.crl', bytes: makeCrl({ issuer: 'ca' }) });
    await button.click();
    await longTerm.filter({ hasText: 'Užtikrintas ilgalaikis parašų galiojimas (PAdES B-LTA)' }).waitFor();
    expect(await longTerm.getByRole('button').count()).toBe(0);
    expect(await longTerm.getByRole('alert').count()).toBe(0);
    await row.locator('.document-versions summary').click();
    expect(await row.locator('.document-versions li[data-version="4"]').textContent()).toContain('Versija 4: užtikrintas ilgalaikis parašų galiojimas (PAdES B-LTA)');
    await expectAccessible(page, 'the meeting’s documents, the minutes made long-term');
  });
});
