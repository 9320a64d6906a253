import { describe, expect, it } from 'vitest';
import { daysLeftText, formatDate } from '../../../renderer/i18n/dates';
import { en, lt, type MessageKey } from '../../../renderer/i18n/messages';
import { MESSAGES, parseLang, placeholdersOf, translate } from '../../../renderer/i18n/translate';

describe('the label dictionary', () => {
  it('has every Lithuanian key in English and nothing more', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(lt).sort());
  });

  it('uses the same {placeholders} in both languages, and no label is empty', () => {
    for (const key of Object.keys(lt) as MessageKey[]) {
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(lt[key]));
      expect(MESSAGES.lt[key].trim(), key).not.toBe('');
      expect(MESSAGES.en[key].trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(translate('lt', 'cases.count', { shown: 3, total: 10 })).toBe('Rodoma bylų: 3 iš 10');
    expect(translate('en', 'cases.count', { shown: 3, total: 10 })).toBe('Showing 3 of 10 cases');
    expect(translate('en', 'cases.count', { shown: 3 })).toBe('Showing 3 of {total} cases');
    expect(translate('lt', 'nav.cases')).toBe('Bylos');
  });

  it('remembers English only when English was stored; Lithuanian otherwise', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('lt')).toBe('lt');
    expect(parseLang(null)).toBe('lt');
    expect(parseLang('de')).toBe('lt');
  });
});

describe('dates and terms as the UI writes them', () => {
  it('writes a date the Lithuanian way in Lithuanian and as ISO in English', () => {
    expect(formatDate('2026-11-22', 'lt')).toBe('2026 m. lapkričio 22 d.');
    expect(formatDate('2026-11-22', 'en')).toBe('2026-11-22');
  });

  it('V-77 p. 7, 9: says how long a due term has left, or by how much it is overdue', () => {
    expect(daysLeftText({ kind: 'due', daysLeft: 5, overdue: false }, 'lt')).toBe('liko 5 d.');
    expect(daysLeftText({ kind: 'due', daysLeft: 0, overdue: false }, 'lt')).toBe('šiandien');
    expect(daysLeftText({ kind: 'due', daysLeft: -3, overdue: true }, 'lt')).toBe('praleista 3 d.');
    expect(daysLeftText({ kind: 'due', daysLeft: -3, overdue: true }, 'en')).toBe('overdue by 3 days');
  });

  it('V-77 p. 19: a "not before" date is never overdue: it waits, then it is open', () => {
    expect(daysLeftText({ kind: 'not_before', daysLeft: 12, overdue: false }, 'lt')).toBe('dar 12 d.');
    expect(daysLeftText({ kind: 'not_before', daysLeft: 0, overdue: false }, 'lt')).toBe('jau galima');
    expect(daysLeftText({ kind: 'not_before', daysLeft: -4, overdue: false }, 'en')).toBe('already allowed');
  });
});
