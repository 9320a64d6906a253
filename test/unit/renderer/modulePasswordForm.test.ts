// Issue 16, "The card module runs apart": the settings page asks for the user's password beside the
// card module's path only when the path changed, sends it with the save then, and never otherwise;
// another user's change of the module shows as a change of the module, not of a password.
import { describe, expect, it } from 'vitest';
import { settings as settingsSchema, type Settings } from '../../../shared/contract/schemas';
import { contract } from '../../../shared/contract/methods';
import { documentSettingsToSave, documentSettingsValues, moduleChanged, validateDocumentSettings } from '../../../renderer/settings/documentSettingsForm';
import { settingsChangeLabels } from '../../../renderer/settings/staleSettings';
import { translate, type Translate } from '../../../renderer/i18n/translate';

const BASE: Settings = {
  institution: { name: 'Pravieniškių pataisos namai-atviroji kolonija', runsHalfwayHouse: true, halfwayHouseName: 'Pravieniškių pusiaukelės namai', places: 20 },
  otherInstitutions: [],
};
const OPENSC = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
const stored = settingsSchema.parse({ ...BASE, signing: { pkcs11Module: OPENSC, timestampUrl: '', trustedRoots: '' } });

describe('the card module’s password field (issue 16)', () => {
  it('is not asked for while the module stays as stored, and no password is sent', () => {
    const values = documentSettingsValues(stored);
    expect(moduleChanged(values)).toBe(false);
    expect(validateDocumentSettings(values)).toEqual({ valid: true, errors: {} });
    expect(documentSettingsToSave(values)).not.toHaveProperty('modulePassword');
    // Spaces the settings trim away are no change either.
    expect(moduleChanged({ ...values, pkcs11Module: ` ${OPENSC} ` })).toBe(false);
  });

  it('is required once the module changes (or is cleared), and the save waits for it', () => {
    const changed = { ...documentSettingsValues(stored), pkcs11Module: '/usr/lib/softhsm/libsofthsm2.so' };
    expect(moduleChanged(changed)).toBe(true);
    expect(validateDocumentSettings(changed)).toEqual({ valid: false, errors: { modulePassword: 'required' } });
    expect(documentSettingsToSave(changed)).toBeNull();
    const cleared = { ...documentSettingsValues(stored), pkcs11Module: '' };
    expect(validateDocumentSettings(cleared).errors).toEqual({ modulePassword: 'required' });
  });

  it('goes with the save when given, and the contract takes it beside the settings', () => {
    const changed = { ...documentSettingsValues(stored), pkcs11Module: '/usr/lib/softhsm/libsofthsm2.so', modulePassword: 'Admin-slaptazodis-1' };
    const sections = documentSettingsToSave(changed);
    expect(sections).toMatchObject({ signing: { pkcs11Module: '/usr/lib/softhsm/libsofthsm2.so' }, modulePassword: 'Admin-slaptazodis-1' });
    const input = contract['settings.save'].input.parse({ ...BASE, ...sections, revision: 1 });
    expect(input.modulePassword).toBe('Admin-slaptazodis-1');
    // It is no setting: the stored settings' schema has no place for it.
    expect(settingsSchema.parse({ ...BASE, ...sections })).not.toHaveProperty('modulePassword');
  });

  it('starts empty after every load, so a saved password is never shown again', () => {
    expect(documentSettingsValues(stored).modulePassword).toBe('');
    expect(documentSettingsValues(null)).toMatchObject({ pkcs11Module: '', savedModule: '', modulePassword: '' });
  });

  it('another user’s change of the module is told as the module’s change (issue 13), with no field of its own for the password', () => {
    const latest = settingsSchema.parse({ ...BASE, signing: { pkcs11Module: '/usr/lib/softhsm/libsofthsm2.so', timestampUrl: '', trustedRoots: '' } });
    const t: Translate = (key, params) => translate('lt', key, params);
    expect(settingsChangeLabels(stored, latest, t)).toEqual([translate('lt', 'settings.signing.pkcs11Module')]);
  });

  it('the refusals the server gives under the field have their words in both languages', () => {
    expect(translate('lt', 'settings.signing.modulePasswordWrong')).toBe('Neteisingas slaptažodis.');
    expect(translate('en', 'settings.signing.modulePasswordRequired')).toContain('password');
  });
});
