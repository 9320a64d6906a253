import { describe, expect, it } from 'vitest';
import {
  newInstitutionId,
  settingsFormValues,
  settingsToSave,
  slugify,
  validateSettings,
  type SettingsFormValues,
} from '../../../renderer/settings/settingsForm';

const form: SettingsFormValues = {
  name: 'Pravieniškių pataisos namai-atviroji kolonija',
  runsHalfwayHouse: true,
  halfwayHouseName: 'Pravieniškių pusiaukelės namai',
  places: '20',
  others: [
    { key: 'k1', id: 'marijampole', name: 'Marijampolės pataisos namai', halfwayHouseName: '' },
    { key: 'k2', id: null, name: 'Vilniaus pataisos namai', halfwayHouseName: 'Vilniaus pusiaukelės namai' },
  ],
  idleMinutes: '10',
};

describe('institution ids', () => {
  it('slugs a Lithuanian name to ASCII', () => {
    expect(slugify('Marijampolės pataisos namai')).toBe('marijampoles-pataisos-namai');
    expect(slugify('  Šiaulių tardymo izoliatorius!! ')).toBe('siauliu-tardymo-izoliatorius');
    expect(slugify('Ąžuolų g. 5 — PN')).toBe('azuolu-g-5-pn');
    expect(slugify('A'.repeat(60)).length).toBe(40);
  });

  it('adds a random suffix and never returns a taken id or the reserved "own"', () => {
    const suffixes = ['abc123', 'abc123', 'zzz999'];
    const next = () => suffixes.shift() ?? 'x';
    expect(newInstitutionId('Vilniaus PN', new Set(['vilniaus-pn-abc123']), next)).toBe('vilniaus-pn-zzz999');
    expect(newInstitutionId('!!!', new Set(), () => 'q1w2e3')).toBe('istaiga-q1w2e3');
  });
});

describe('the settings form', () => {
  it('round-trips saved settings', () => {
    const saved = settingsToSave(form, () => 'r4nd0m');
    expect(saved?.otherInstitutions.map((o) => o.id)).toEqual(['marijampole', 'vilniaus-pataisos-namai-r4nd0m']);
    expect(saved?.institution.places).toBe(20);
    const again = settingsFormValues(saved ?? null);
    expect(again.others.map((o) => [o.id, o.name])).toEqual([
      ['marijampole', 'Marijampolės pataisos namai'],
      ['vilniaus-pataisos-namai-r4nd0m', 'Vilniaus pataisos namai'],
    ]);
  });

  it('requires the halfway house name and places only when the institution runs one', () => {
    expect(validateSettings({ ...form, halfwayHouseName: '', places: '' }).errors).toEqual({
      'institution.halfwayHouseName': 'halfwayHouseName',
      'institution.places': 'placesCount',
    });
    expect(validateSettings({ ...form, runsHalfwayHouse: false, halfwayHouseName: '', places: '' }).valid).toBe(true);
  });

  it('names the row of a missing or repeated institution name', () => {
    const others = [...form.others, { key: 'k3', id: null, name: 'marijampolės PATAISOS namai', halfwayHouseName: '' }];
    expect(validateSettings({ ...form, others }).errors).toEqual({ 'otherInstitutions.2.name': 'duplicateInstitution' });
    const blank = [{ key: 'k4', id: null, name: ' ', halfwayHouseName: '' }];
    expect(validateSettings({ ...form, others: blank }).errors).toEqual({ 'otherInstitutions.0.name': 'required' });
    expect(settingsToSave({ ...form, others: blank })).toBeNull();
  });

  it('starts empty on the first run', () => {
    expect(settingsFormValues(null)).toEqual({ name: '', runsHalfwayHouse: false, halfwayHouseName: '', places: '', others: [], idleMinutes: '10' });
  });

  it('the users-and-roles issue: edits the idle time before the app locks itself (default 10 minutes) and keeps it when saving', () => {
    const saved = settingsToSave({ ...form, idleMinutes: '3' }, () => 'r4nd0m');
    expect(saved?.security).toEqual({ idleMinutes: 3 });
    expect(settingsFormValues(saved ?? null).idleMinutes).toBe('3');
    // Settings saved before the idle time existed show the default, and saving writes it.
    const { security: _none, ...older } = saved!;
    expect(settingsFormValues(older).idleMinutes).toBe('10');
    expect(settingsToSave(settingsFormValues(older))?.security).toEqual({ idleMinutes: 10 });
    for (const idleMinutes of ['', '0', '241', '2.5', 'abc']) {
      expect(validateSettings({ ...form, idleMinutes }).errors, idleMinutes).toEqual({ 'security.idleMinutes': 'idleMinutes' });
    }
  });
});
