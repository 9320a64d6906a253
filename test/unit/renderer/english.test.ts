import { describe, expect, it } from 'vitest';
import { daysLeftText } from '../../../renderer/i18n/dates';
import { en, type MessageKey } from '../../../renderer/i18n/messages';
import { countLabel } from '../../../renderer/i18n/plural';

const LITHUANIAN_LETTERS = /[ąčęėįšųūž]/iu;
/** "d." for days (dienos): Lithuanian only. English writes "days"; "p." (point) is the English abbreviation the UI cites V-77 with. */
const DAY_ABBREVIATION = /(^|[\s(\d])d\.(?=$|[\s),;:])/u;

/**
 * Issue 17: English labels with Lithuanian letters, and why each is right. Only proper names: the
 * app is called Pusiaukelė in both languages; issue 18's remark names Registrų centras, the state
 * register centre whose PDF-LT verifier it speaks of. Lithuanian wording the documents print is
 * quoted ("…" or “…”), and quotations are not checked.
 */
const PROPER_NAMES: ReadonlySet<MessageKey> = new Set<MessageKey>(['app.name', 'verify.pdfLt.remark.DOCUMENT_TIMESTAMP_NOT_IN_REFERENCE']);

/** The label without its quotations (Lithuanian wording a document prints, quoted as such). */
function unquoted(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|„[^“]*“/gu, '');
}

describe('the English interface (issue 17)', () => {
  it('has no Lithuanian left in any catalogue, beyond proper names and quoted document wording', () => {
    const lithuanian = (Object.keys(en) as MessageKey[]).filter((key) => !PROPER_NAMES.has(key) && LITHUANIAN_LETTERS.test(unquoted(en[key])));
    expect(lithuanian.map((key) => `${key}: ${en[key]}`)).toEqual([]);
  });

  it('writes days out, never "d."', () => {
    const abbreviated = (Object.keys(en) as MessageKey[]).filter((key) => DAY_ABBREVIATION.test(en[key]));
    expect(abbreviated.map((key) => `${key}: ${en[key]}`)).toEqual([]);
  });

  it('V-77 p. 7, 9, 19: says how long a term has, in days, singular or plural', () => {
    expect(daysLeftText({ kind: 'due', daysLeft: 5, overdue: false }, 'en')).toBe('5 days left');
    expect(daysLeftText({ kind: 'due', daysLeft: 1, overdue: false }, 'en')).toBe('1 day left');
    expect(daysLeftText({ kind: 'due', daysLeft: -3, overdue: true }, 'en')).toBe('overdue by 3 days');
    expect(daysLeftText({ kind: 'due', daysLeft: -1, overdue: true }, 'en')).toBe('overdue by 1 day');
    expect(daysLeftText({ kind: 'not_before', daysLeft: 12, overdue: false }, 'en')).toBe('in 12 days');
    // Lithuanian keeps its abbreviation, right for every number.
    expect(daysLeftText({ kind: 'due', daysLeft: 21, overdue: false }, 'lt')).toBe('liko 21 d.');
    expect(daysLeftText({ kind: 'due', daysLeft: -3, overdue: true }, 'lt')).toBe('praleista 3 d.');
  });

  it('V-77 p. 7: the extension in the case history has the right plural in both languages', () => {
    expect(countLabel('en', 'timeline.extended', 1)).toBe('Dossier term extended by 1 working day (V-77 p. 7)');
    expect(countLabel('en', 'timeline.extended', 10)).toBe('Dossier term extended by 10 working days (V-77 p. 7)');
    expect(countLabel('lt', 'timeline.extended', 1)).toBe('Medžiagos pateikimo terminas pratęstas 1 darbo dieną (V-77 7 p.)');
    expect(countLabel('lt', 'timeline.extended', 5)).toBe('Medžiagos pateikimo terminas pratęstas 5 darbo dienas (V-77 7 p.)');
    expect(countLabel('lt', 'timeline.extended', 10)).toBe('Medžiagos pateikimo terminas pratęstas 10 darbo dienų (V-77 7 p.)');
    expect(countLabel('lt', 'timeline.extended', 21)).toBe('Medžiagos pateikimo terminas pratęstas 21 darbo dieną (V-77 7 p.)');
  });

  it('the check itself catches a Lithuanian word and a "d." (so that it can fail)', () => {
    expect(LITHUANIAN_LETTERS.test(unquoted('Feminine (pirmininkė)'))).toBe(true);
    expect(LITHUANIAN_LETTERS.test(unquoted('Feminine (“pirmininkė”)'))).toBe(false);
    expect(DAY_ABBREVIATION.test('yes, 4 d.')).toBe(true);
    expect(DAY_ABBREVIATION.test('{months} mo. {days} d.')).toBe(true);
    expect(DAY_ABBREVIATION.test('overdue by 3 days')).toBe(false);
    expect(DAY_ABBREVIATION.test('Signed (V-77 p. 7) and dated.')).toBe(false);
  });
});
