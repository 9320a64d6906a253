import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFIXES } from '../../../shared/contract/documentSchemas';
import { settings as settingsSchema, type Settings } from '../../../shared/contract/schemas';
import { documentSettingsToSave, documentSettingsValues, validateDocumentSettings } from '../../../renderer/settings/documentSettingsForm';

const BASE: Settings = {
  institution: { name: 'Pravieniškių pataisos namai-atviroji kolonija', runsHalfwayHouse: true, halfwayHouseName: 'Pravieniškių pusiaukelės namai', places: 20 },
  otherInstitutions: [],
};

const REGISTER = {
  place: 'Pravieniškės',
  director: { name: 'Rūta Žemaitienė', position: 'Direktorė' },
  halfwayHouseEmployee: { name: '', position: '' },
  prefixes: { ...DEFAULT_PREFIXES, order: 'V-P' },
};

describe('issue 6: the register and signing sections of the settings', () => {
  it('start empty with the default prefixes, and save nothing while left empty', () => {
    const values = documentSettingsValues(null);
    expect(values.prefixes).toEqual(DEFAULT_PREFIXES);
    expect(values.place).toBe('');
    expect(validateDocumentSettings(values)).toEqual({ valid: true, errors: {} });
    expect(documentSettingsToSave(values)).toEqual({});
  });

  it('round-trip saved sections', () => {
    const saved = settingsSchema.parse({ ...BASE, register: REGISTER, signing: { pkcs11Module: '/usr/lib/opensc-pkcs11.so', timestampUrl: '', trustedRoots: '' } });
    const values = documentSettingsValues(saved);
    expect(values.prefixes.order).toBe('V-P');
    expect(documentSettingsToSave(values)).toEqual({ register: saved.register, signing: saved.signing });
  });

  it('once any register field is given, require the place and the director; check each prefix and the timestamp address', () => {
    const values = { ...documentSettingsValues(null), directorName: 'Rūta Žemaitienė', prefixes: { ...DEFAULT_PREFIXES, letter: 'S 1', list: '' }, timestampUrl: 'tsa.example.lt' };
    const { valid, errors } = validateDocumentSettings(values);
    expect(valid).toBe(false);
    expect(errors).toEqual({
      'register.place': 'required',
      'register.director.position': 'required',
      'register.prefixes.letter': 'prefix',
      'register.prefixes.list': 'required',
      'signing.timestampUrl': 'url',
    });
    expect(documentSettingsToSave(values)).toBeNull();
  });

  it('what they save passes the settings schema together with the institution', () => {
    const values = { ...documentSettingsValues(null), place: 'Pravieniškės', directorName: 'Rūta Žemaitienė', directorPosition: 'Direktorė', trustedRoots: '-----BEGIN CERTIFICATE-----' };
    const sections = documentSettingsToSave(values);
    expect(sections?.register?.halfwayHouseEmployee).toEqual({ name: '', position: '' });
    expect(sections?.signing).toEqual({ pkcs11Module: '', timestampUrl: '', trustedRoots: '-----BEGIN CERTIFICATE-----' });
    expect(settingsSchema.safeParse({ ...BASE, ...sections }).success).toBe(true);
  });
});
