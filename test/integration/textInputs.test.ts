import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { request } from '../helpers/requests';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { openAsStaff } from '../helpers/users';

/**
 * Issue 16, "Text", through the real back end on a real data directory: a name with a right-to-left
 * override is refused with a message naming the field and nothing is registered; a name typed in NFD
 * is stored in NFC and reads back so after the directory is opened again; an unknown key is refused,
 * named, and nothing is saved.
 */

const TODAY = '2026-11-23';
const NFC = 'Šarūnaitė';
const NFD = NFC.normalize('NFD');


async function setUp(dataDir = tempDataDir()) {
  const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
  await ok(services.dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  return services;
}

describe('issue 16: text fields through the back end', () => {
  it('refuses a last name carrying a right-to-left override (U+202E), names the field, registers nothing', async () => {
    const services = await setUp();
    try {
      // "Čepulis" shown, "silupeČ" stored: what a bidi override does to a name in a list.
      const error = await refused(services.dispatch, 'cases.register', request({ lastName: '\u202Esilupe\u010C' }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details?.fields).toEqual([{ path: 'lastName', key: 'invisibleChars' }]);
      expect(error.message).toContain('Pavardė: Tekste yra nematomų ar valdymo simbolių');
      expect((await ok(services.dispatch, 'cases.list', {})).cases).toEqual([]);
    } finally {
      await services.close();
    }
  });

  it('refuses a zero-width space in a personal file number and a lone surrogate in a first name', async () => {
    const services = await setUp();
    try {
      const error = await refused(services.dispatch, 'cases.register', request({ personalFileNo: 'A-10\u200B01', firstName: 'Žydr\uD800ūnas' }));
      expect(error.details?.fields).toEqual(
        expect.arrayContaining([
          { path: 'firstName', key: 'invisibleChars' },
          { path: 'personalFileNo', key: 'invisibleChars' },
        ]),
      );
      expect((await ok(services.dispatch, 'cases.list', {})).cases).toEqual([]);
    } finally {
      await services.close();
    }
  });

  it('stores a name typed in NFD as NFC, as read back after the directory is opened again', async () => {
    const dataDir = tempDataDir();
    const first = await setUp(dataDir);
    let id: string;
    try {
      const view = await ok(first.dispatch, 'cases.register', request({ lastName: `  ${NFD} ` }));
      id = view.record.id;
      expect(view.record.convict.lastName).toBe(NFC);
    } finally {
      await first.close();
    }
    const again = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    try {
      expect((await ok(again.dispatch, 'cases.get', { id })).record.convict.lastName).toBe(NFC);
      expect((await ok(again.dispatch, 'cases.list', {})).cases.map((c) => c.lastName)).toEqual([NFC]);
    } finally {
      await again.close();
    }
  });

  it('keeps line breaks in a multi-line note, as \\n, and refuses one in a one-line field', async () => {
    const services = await setUp();
    try {
      let view = await ok(services.dispatch, 'cases.register', request());
      view = await ok(services.dispatch, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: TODAY, note: 'Pirma eilutė\r\nAntra eilutė' });
      expect(view.record.timeline.at(-1)?.note).toBe('Pirma eilutė\nAntra eilutė');
      const error = await refused(services.dispatch, 'cases.updateRequest', { id: view.record.id, revision: view.record.revision, request: request({ lastName: 'Čepulis\nJonaitis' }) });
      expect(error.details?.fields).toEqual([{ path: 'request.lastName', key: 'invisibleChars' }]);
    } finally {
      await services.close();
    }
  });

  it('refuses an unknown key in the settings, naming it, and saves nothing', async () => {
    const services = await setUp();
    try {
      const before = await ok(services.dispatch, 'settings.get', {});
      const error = await refused(services.dispatch, 'settings.save', { ...before, institution: { ...before!.institution, nickname: 'x' } });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details?.fields).toEqual([{ path: 'institution.nickname', key: 'unknownKey' }]);
      expect(error.message).toContain('Laukas „institution.nickname“');
      expect(await ok(services.dispatch, 'settings.get', {})).toEqual(before);
    } finally {
      await services.close();
    }
  });
});
