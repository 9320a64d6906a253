import { describe, it, expect } from 'vitest';
import { DOSSIER_ITEMS } from '../../../shared/domain/dossierItems';
import { CRITERIA } from '../../../shared/domain/criteria';
import { DECISIONS, possibleDecisions } from '../../../shared/domain/decisions';

const LITHUANIAN_LETTER = /[ąčęėįšųūž]/i;

describe('dossier items', () => {
  it('V-77 p. 6: lists items 6.1–6.11 in order, each with its own point', () => {
    expect(DOSSIER_ITEMS.map((i) => i.id)).toEqual(Array.from({ length: 11 }, (_, n) => `6.${n + 1}`));
    expect(DOSSIER_ITEMS.every((i) => i.point === i.id)).toBe(true);
  });

  it('V-77 p. 6.7: the judgment only when the personal file cannot be consulted; 6.11 optional', () => {
    const requirement = Object.fromEntries(DOSSIER_ITEMS.map((i) => [i.id, i.requirement]));
    expect(requirement).toEqual({
      '6.1': 'required',
      '6.2': 'required',
      '6.3': 'required',
      '6.4': 'required',
      '6.5': 'required',
      '6.6': 'required',
      '6.7': 'conditional',
      '6.8': 'required',
      '6.9': 'required',
      '6.10': 'required',
      '6.11': 'optional',
    });
  });

  it('V-77 p. 6: labels and hints in Lithuanian and English', () => {
    expect(DOSSIER_ITEMS.find((i) => i.id === '6.2')?.lt).toBe('Socialinio tyrimo išvada');
    for (const item of DOSSIER_ITEMS) {
      expect(item.lt, item.id).toMatch(/\S/);
      expect(item.en, item.id).toMatch(/\S/);
      expect(item.ltHint, item.id).toMatch(/\S/);
      expect(item.enHint, item.id).toMatch(/\S/);
    }
  });
});

describe('criteria', () => {
  it('V-77 p. 11: lists criteria 11.1–11.9 in order, each with its own point', () => {
    expect(CRITERIA.map((c) => c.id)).toEqual(Array.from({ length: 9 }, (_, n) => `11.${n + 1}`));
    expect(CRITERIA.every((c) => c.point === c.id)).toBe(true);
    expect(CRITERIA.every((c) => LITHUANIAN_LETTER.test(c.lt) && c.en.length > 0)).toBe(true);
  });

  it('V-77 p. 11: each criterion is informed by the dossier items of DESIGN §1', () => {
    expect(Object.fromEntries(CRITERIA.map((c) => [c.id, c.informedBy]))).toEqual({
      '11.1': ['6.6'],
      '11.2': ['6.8'],
      '11.3': ['6.2', '6.11'],
      '11.4': ['6.2', '6.11'],
      '11.5': ['6.1'],
      '11.6': ['6.4', '6.9'],
      '11.7': ['6.6', '6.7'],
      '11.8': [],
      '11.9': [],
    });
    const itemIds = new Set<string>(DOSSIER_ITEMS.map((i) => i.id));
    expect(CRITERIA.flatMap((c) => c.informedBy).every((id) => itemIds.has(id))).toBe(true);
  });

  it('V-77 p. 11.8: the escape-or-attack register is the only red flag', () => {
    expect(CRITERIA.filter((c) => c.redFlag).map((c) => c.id)).toEqual(['11.8']);
  });
});

describe('decisions', () => {
  it('V-77 p. 10: four decisions, with what follows each', () => {
    expect(DECISIONS.map((d) => [d.id, d.point, d.applies, d.positive, d.followUp])).toEqual([
      ['10.1', '10.1', 'own', true, '12, 13, 15'],
      ['10.2', '10.2', 'own', false, '19'],
      ['10.3', '10.3', 'other', true, '12, 14'],
      ['10.4', '10.4', 'other', false, '16, 19'],
    ]);
    expect(DECISIONS.every((d) => d.lt.startsWith('Teikti siūlymą') && d.en.length > 0)).toBe(true);
  });

  it('V-77 p. 10.1–10.2: a convict serving in the institution that runs the halfway house', () => {
    expect(possibleDecisions(true).map((d) => d.id)).toEqual(['10.1', '10.2']);
  });

  it('V-77 p. 10.3–10.4: a convict serving in another institution', () => {
    expect(possibleDecisions(false).map((d) => d.id)).toEqual(['10.3', '10.4']);
  });
});
