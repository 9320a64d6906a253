import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_TIMESTAMP, ltPdf, ltXmp } from '../helpers/pdfLtFiles';
import { testPki } from '../helpers/pki';
import { makeCrl, signedOrder } from '../helpers/verificationPki';
import { expectAccessible } from './axe';
import { ADMIN, closeSessions, ensureRendererBuilt, invoke, openApp, SECRETARY, SETTINGS, tempDir } from './harness';

/**
 * Issue 12 through the UI: the administrator imports revocation lists in the settings (a file that
 * is no list is refused with its code and nothing changes), and the verification page then says of a
 * signed order, in ETSI terms and plain Lithuanian, that its certificate was revoked with nothing
 * proving an earlier signing; once the list is removed, the same file is valid again.
 */

beforeAll(async () => {
  await ensureRendererBuilt();
});
afterEach(closeSessions);

describe('revocation lists and the verdict on the verification page (issue 12)', () => {
  it('imports a list, shows a revoked signature as INDETERMINATE / REVOKED_NO_POE, and valid again without the list', async () => {
    const pki = testPki();
    const dir = tempDir('verification');
    const files = {
      signed: join(dir, 'V-1.pdf'),
      revoked: join(dir, 'atsaukti.crl'),
      junk: join(dir, 'ne-sarasas.crl'),
    };
    writeFileSync(files.signed, await signedOrder());
    writeFileSync(files.revoked, makeCrl({ issuer: 'ca', revoked: [{ certPath: pki.rsa.certPath, at: new Date(Date.now() - 3600_000) }] }));
    writeFileSync(files.junk, 'Tai ne sąrašas');

    const session = await openApp(tempDir('verification-data'), {
      as: ADMIN,
      seed: async (dispatch) => {
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0, signing: { pkcs11Module: '', timestampUrl: '', trustedRoots: readFileSync(pki.ca.certPath, 'utf8') } });
      },
    });
    const { page } = session;
    const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);

    await go('#/settings');
    const panel = page.locator('.revocation-panel');
    await panel.getByRole('heading', { name: 'Atšauktų sertifikatų sąrašai' }).waitFor();
    await panel.getByText('Sąrašų neimportuota').waitFor();

    await panel.getByLabel('Sąrašo failas (.crl)').setInputFiles(files.junk);
    await panel.getByRole('button', { name: 'Importuoti' }).click();
    expect(await panel.getByRole('alert').textContent()).toContain('CRL_UNREADABLE');
    expect(await panel.locator('table').count()).toBe(0);

    await panel.getByLabel('Sąrašo failas (.crl)').setInputFiles(files.revoked);
    await panel.getByRole('button', { name: 'Importuoti' }).click();
    await panel.getByRole('status').filter({ hasText: 'Sąrašas importuotas.' }).waitFor();
    expect(await panel.locator('tbody tr td').nth(0).textContent()).toBe('CN=Pusiaukelės bandomoji CA, O=Pusiaukelė, C=LT');
    expect(await panel.locator('tbody tr td').nth(3).textContent()).toBe('1');

    const verify = async () => {
      await go('#/verify');
      await page.getByRole('heading', { name: 'Parašų tikrinimas' }).waitFor();
      await page.getByLabel('PDF dokumentas').setInputFiles(files.signed);
      const signature = page.locator('.signature-check');
      await signature.waitFor();
      return signature;
    };

    let signature = await verify();
    expect(await signature.getAttribute('data-indication')).toBe('INDETERMINATE');
    expect(await signature.locator('.signature-verdict strong').textContent()).toBe('Parašo galiojimo nustatyti negalima');
    expect(await signature.locator('.signature-reason').textContent()).toContain('Sertifikatas atšauktas, o patikimos laiko žymos, kad pasirašyta anksčiau, nėra.');
    expect(await signature.locator('.signature-code').textContent()).toBe('ETSI EN 319 102-1: INDETERMINATE / REVOKED_NO_POE');
    expect(await signature.locator('[data-finding="revocation"] dd').textContent()).toMatch(/^Atšauktas /);
    expect(await page.locator('.document-verdict').getAttribute('data-indication')).toBe('INDETERMINATE');

    await go('#/settings');
    await panel.getByRole('button', { name: 'Pašalinti' }).click();
    await panel.getByText('Sąrašų neimportuota').waitFor();

    signature = await verify();
    expect(await signature.locator('.signature-verdict').textContent()).toBe('Parašas galioja');
    expect(await signature.locator('[data-finding="revocation"] dd').textContent()).toBe('Netikrinta: šio sertifikato atšauktų sertifikatų sąrašas neimportuotas');
    // Issue 18: the PAdES level, and the kind of signature, which without a trusted list cannot be determined (and says why).
    expect(await signature.locator('[data-finding="pades"] dd').textContent()).toMatch(/^PAdES B-(B|T|LT|LTA): /);
    expect(await signature.locator('[data-finding="qualification"] dd').textContent()).toBe('Ar parašas kvalifikuotas, nustatyti nepavyko');
    expect(await signature.locator('[data-finding="qualificationReasons"] dd').textContent()).toBe('neimportuotas nė vienas patikimų paslaugų sąrašas');
    expect(await page.locator('.pdf-lt-check h3').textContent()).toBe('Elektroninio dokumento formatas PDF-LT-V1.0');
    await expectAccessible(page, 'verify: a signed order');
    expect(session.problems).toEqual([]);
  });
});

describe('the PDF-LT-V1.0 section of the verification page (issue 18)', () => {
  it('lists, in Lithuanian, each requirement a received file does not meet and its level; a level-A file says so, with what the level does not say; English too; axe passes', async () => {
    const dir = tempDir('verification-pdflt');
    const files = { levelA: join(dir, 'A-lygis.pdf'), short: join(dir, 'is-kitur.pdf'), timestamped: join(dir, 'laiko-zyma.pdf') };
    writeFileSync(files.levelA, ltPdf({ signatures: [] }));
    writeFileSync(files.timestamped, ltPdf({ signatures: [DOCUMENT_TIMESTAMP] }));
    writeFileSync(files.short, ltPdf({ header: '1.4', xmp: ltXmp({ authors: null }), signatures: [] }));
    const session = await openApp(tempDir('verification-pdflt-data'), {
      as: SECRETARY,
      seed: async (dispatch) => {
        await invoke(dispatch, 'settings.save', { ...SETTINGS, revision: 0 });
      },
    });
    const { page } = session;
    const check = async (path: string) => {
      await page.evaluate(() => (location.hash = '#/verify'));
      await page.getByRole('heading', { name: 'Parašų tikrinimas' }).waitFor();
      await page.getByLabel('PDF dokumentas').setInputFiles(path);
      await page.locator('.verify-report').filter({ hasText: path.slice(path.lastIndexOf('/') + 1) }).waitFor();
      return page.locator('.pdf-lt-check');
    };

    let section = await check(files.short);
    expect(await section.getAttribute('data-level')).toBe('none');
    expect(await section.locator('.pdf-lt-level').textContent()).toBe('Neatitinka PDF-LT-V1.0');
    expect(await section.locator('.pdf-lt-claimed').textContent()).toBe('Dokumentas nurodo, kad jis atitinka PDF-LT, tačiau ne visi reikalavimai įvykdyti.');
    expect(await section.getByRole('list', { name: 'Neįvykdyti reikalavimai' }).locator('li').allTextContents()).toEqual([
      'Failas nėra PDF 1.7 versijos. (B lygis; 1.4)',
      'Metaduomenyse nenurodyti dokumento sudarytojai (LTUd:authors). (A lygis)',
    ]);
    await expectAccessible(page, 'verify: PDF-LT not met');

    section = await check(files.levelA);
    expect(await section.getAttribute('data-level')).toBe('A');
    expect(await section.locator('.pdf-lt-level').textContent()).toBe('Tikrinti PDF-LT-V1.0 A lygio reikalavimai įvykdyti (PDF/A atitiktis tik deklaruota, netikrinta)');
    expect(await section.locator('.pdf-lt-unmet').count()).toBe(0);
    // ISO 19005-2 is read from the declaration only: the report says so.
    expect(await section.getByRole('list', { name: 'Pastabos' }).locator('li').allTextContents()).toEqual([
      'PDF/A-2 atitiktis nustatyta tik pagal metaduomenų deklaraciją (pdfaid:part): ar failas iš tiesų atitinka PDF/A-2, ši patikra netikrina.',
    ]);

    // ETSI EN 319 142-1 B-LTA: the document timestamp PDF-LT-V1.0 admits, which the reference verifier would refuse.
    section = await check(files.timestamped);
    expect(await section.getAttribute('data-level')).toBe('A');
    expect(await section.locator('.pdf-lt-remarks li').evaluateAll((items) => items.map((li) => li.getAttribute('data-remark')))).toEqual([
      'DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE',
      'PDFA_DECLARED_NOT_VALIDATED',
    ]);
    expect(await section.locator('[data-remark="DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE"]').textContent()).toContain('Registrų centrui paskelbtas PDF-LT tikrintuvas');
    await expectAccessible(page, 'verify: PDF-LT level A with remarks');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await section.locator('.pdf-lt-level').filter({ hasText: 'The checked requirements of PDF-LT-V1.0 level A are met (PDF/A declared, not validated)' }).waitFor();
    await section.getByRole('list', { name: 'Remarks' }).waitFor();
    await expectAccessible(page, 'verify: PDF-LT level A, English');
    expect(session.problems).toEqual([]);
  });
});
