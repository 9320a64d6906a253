import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFIXES } from '../../../shared/contract/documentSchemas';
import { settings as settingsSchema, type Settings } from '../../../shared/contract/schemas';
import { documentSettingsToSave, documentSettingsValues, newDeputy, validateDocumentSettings, withGender } from '../../../renderer/settings/documentSettingsForm';

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
    // Issue 12: the gender of the director's title is kept from now on (read from the surname here).
    expect(documentSettingsToSave(values)).toEqual({ register: { ...saved.register, director: { ...saved.register!.director, gender: 'female' } }, signing: saved.signing });
  });

  it('issue 14: a register saved with the nine earlier prefixes shows the notices with the default prefix (S) and the report (issue 17) with AT, and saves a prefix for every kind', () => {
    const nine = { minutes: 'DK', proposal: 'DKS', order: 'V', declineDecision: 'SP', submission: 'T', letter: 'RS', list: 'SR', returnSubmission: 'PT', returnDecision: 'SP' };
    const saved = settingsSchema.parse({ ...BASE, register: { ...REGISTER, prefixes: nine } });
    const values = documentSettingsValues(saved);
    expect(values.prefixes).toEqual({ ...nine, p47Notice: 'S', municipalityNotice: 'S', transferNotice: 'S', statisticsReport: 'AT' });
    expect(documentSettingsToSave(values)?.register?.prefixes).toEqual({ ...nine, p47Notice: 'S', municipalityNotice: 'S', transferNotice: 'S', statisticsReport: 'AT' });
  });

  it('once any register field is given, require the place and the director; check each prefix and the timestamp address', () => {
    const empty = documentSettingsValues(null);
    const values = { ...empty, director: { ...empty.director, name: 'Rūta Žemaitienė' }, prefixes: { ...DEFAULT_PREFIXES, letter: 'S 1', list: '' }, timestampUrl: 'tsa.example.lt' };
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
    const empty = documentSettingsValues(null);
    const values = { ...empty, place: 'Pravieniškės', director: { ...empty.director, name: 'Rūta Žemaitienė', position: 'Direktorė', gender: 'female' as const }, trustedRoots: '-----BEGIN CERTIFICATE-----' };
    const sections = documentSettingsToSave(values);
    expect(sections?.register?.halfwayHouseEmployee).toEqual({ name: '', position: '' });
    expect(sections?.signing).toEqual({ pkcs11Module: '', timestampUrl: '', trustedRoots: '-----BEGIN CERTIFICATE-----' });
    expect(settingsSchema.safeParse({ ...BASE, ...sections }).success).toBe(true);
  });
});

describe('issue 12: the officials who sign (director, deputies, halfway-house employee)', () => {
  it('an older settings file (name and position only) opens with the gender read from the surname, and saves it', () => {
    const saved = settingsSchema.parse({ ...BASE, register: REGISTER });
    const values = documentSettingsValues(saved);
    expect(values.director).toEqual({ id: '', name: 'Rūta Žemaitienė', position: 'Direktorė', gender: 'female', personalCode: '', userId: '' });
    expect(values.deputies).toEqual([]);
    expect(documentSettingsToSave(values)?.register?.director).toEqual({ name: 'Rūta Žemaitienė', position: 'Direktorė', gender: 'female' });
  });

  it('a deputy with a personal code and a user account round-trips; a malformed personal code is refused', () => {
    const values = documentSettingsValues(settingsSchema.parse({ ...BASE, register: REGISTER }));
    const deputy = { ...newDeputy('pav-1'), name: 'Darius Kavaliauskas', personalCode: '37501010022', userId: 'u-7' };
    const saved = documentSettingsToSave({ ...values, deputies: [deputy] });
    expect(saved?.register?.deputies).toEqual([{ id: 'pav-1', name: 'Darius Kavaliauskas', position: 'Direktoriaus pavaduotojas', gender: 'male', personalCode: '37501010022', userId: 'u-7' }]);
    const bad = validateDocumentSettings({ ...values, deputies: [{ ...deputy, personalCode: 'PNOLT-375' }] });
    expect(bad.errors).toEqual({ 'register.deputies.0.personalCode': 'personalCode' });
  });

  it('changing the gender changes a default title, and keeps one the user wrote', () => {
    const director = { ...documentSettingsValues(null).director, name: 'Rūta Žemaitienė', position: 'Direktorius' };
    expect(withGender(director, 'female', 'director').position).toBe('Direktorė');
    expect(withGender({ ...director, position: 'Laikinoji vadovė' }, 'female', 'director').position).toBe('Laikinoji vadovė');
    expect(withGender(newDeputy('x'), 'female', 'deputy').position).toBe('Direktoriaus pavaduotoja');
  });
});
