import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/contract/schemas';
import { Timeline } from '../../../renderer/cases/Timeline';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider';
import type { Lang } from '../../../renderer/i18n/translate';

type Entry = CaseRecord['timeline'][number];

const ENTRIES: Entry[] = [
  { at: '2026-11-02T10:05:00.000Z', kind: 'registered', on: '2026-11-02', to: 'request_received' },
  { at: '2026-11-03T08:30:00.000Z', kind: 'state', on: '2026-11-03', from: 'request_received', to: 'dossier_collecting' },
  { at: '2026-11-20T12:00:00.000Z', kind: 'extended', days: 1 },
  { at: '2026-11-21T12:00:00.000Z', kind: 'extended', days: 10 },
];

/** The timeline as the page renders it, in `lang` (the language the user chose, as the browser remembers it). */
function renderedText(lang: Lang): string {
  (globalThis as { localStorage?: Pick<Storage, 'getItem' | 'setItem'> }).localStorage = { getItem: () => lang, setItem: () => undefined };
  const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(Timeline, { entries: ENTRIES })));
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** A moment as the user's clock shows it: the day and the minute. */
function localParts(at: string): { day: string; minute: string } {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, minute: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the case timeline (issue 17)', () => {
  it('in English: ISO dates for days and moments alike, no Lithuanian, no "d.", working days counted in words', () => {
    const text = renderedText('en');
    const recorded = localParts(ENTRIES[1]!.at);
    expect(text).toContain('2026-11-03');
    expect(text).toContain(`recorded ${recorded.day} ${recorded.minute}`);
    expect(text).toContain('“Request received” → “Dossier being collected”');
    expect(text).toContain('Dossier term extended by 1 working day (V-77 p. 7)');
    expect(text).toContain('Dossier term extended by 10 working days (V-77 p. 7)');
    expect(text).not.toMatch(/[ąčęėįšųūž]/iu);
    expect(text).not.toMatch(/\sd\.\s/u);
    expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/u); // no en-GB "03/11/2026" next to ISO
  });

  it('in Lithuanian: the long Lithuanian date for days and moments alike, and the right plural of days', () => {
    const text = renderedText('lt');
    const recorded = localParts(ENTRIES[1]!.at);
    const [year, month, day] = recorded.day.split('-').map(Number) as [number, number, number];
    expect(text).toContain('2026 m. lapkričio 3 d.');
    expect(text).toMatch(new RegExp(`įrašyta ${year} m\\. \\p{L}+ ${day} d\\. ${recorded.minute}`, 'u'));
    expect(month).toBe(11);
    expect(text).toContain('„Prašymas gautas“ → „Renkama medžiaga“');
    expect(text).toContain('Medžiagos pateikimo terminas pratęstas 1 darbo dieną (V-77 7 p.)');
    expect(text).toContain('Medžiagos pateikimo terminas pratęstas 10 darbo dienų (V-77 7 p.)');
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/u); // no ISO next to the long dates
  });
});
