import { describe, expect, it } from 'vitest';
import { en, lt } from '../../../renderer/i18n/messages';
import { countLabel, pluralForm, PLURAL_FORMS } from '../../../renderer/i18n/plural';

describe('issue 17: counts with the right plural', () => {
  it('writes Lithuanian counts as the grammar wants: 1 byla, 2 bylos, 10 bylų, 21 byla, 11 bylų', () => {
    expect([1, 2, 9, 10, 11, 12, 19, 20, 21, 22, 101, 111, 0].map((n) => countLabel('lt', 'count.cases', n))).toEqual([
      '1 byla',
      '2 bylos',
      '9 bylos',
      '10 bylų',
      '11 bylų',
      '12 bylų',
      '19 bylų',
      '20 bylų',
      '21 byla',
      '22 bylos',
      '101 byla',
      '111 bylų',
      '0 bylų',
    ]);
    expect(pluralForm('lt', 0.5)).toBe('many');
  });

  it('writes English counts with one and other, and large numbers with their separators', () => {
    expect([1, 2, 0].map((n) => countLabel('en', 'count.cases', n))).toEqual(['1 case', '2 cases', '0 cases']);
    expect(countLabel('en', 'count.cases', 10000)).toBe('10,000 cases');
    expect(countLabel('lt', 'count.cases', 10000)).toBe('10\u00a0000 bylų');
  });

  it('every counted label has all four forms with {n}, in both languages', () => {
    // A counted label is one whose `.one` and `.other` keys both exist.
    const keys = new Set(Object.keys(lt));
    const bases = [...keys].filter((k) => k.endsWith('.one') && keys.has(k.replace(/\.one$/, '.other'))).map((k) => k.replace(/\.one$/, ''));
    expect(bases).toContain('count.cases');
    for (const catalogue of [lt, en] as Record<string, string>[]) {
      for (const base of bases) for (const form of PLURAL_FORMS) expect(catalogue[`${base}.${form}`], `${base}.${form}`).toContain('{n}');
    }
  });
});
