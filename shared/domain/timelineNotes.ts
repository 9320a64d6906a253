/**
 * Issue 17: the notes the app itself writes on a case's timeline. The record is Lithuanian, so they
 * are stored in Lithuanian, built here by the back end; the English interface reads them back here
 * (`noteInEnglish`). Whatever a user wrote after the app's words (". " and their remarks) stays as
 * they wrote it, marked as Lithuanian.
 */
import type { IsoDate } from './calendar';
import { ACT_NAMES } from './errorTexts/afterDecision';

export type DepartureHow = 'parole' | 'sentence_end' | 'transfer_elsewhere' | 'return';

const DEPARTURES: Readonly<Record<DepartureHow, { lt: string; en: string }>> = {
  parole: { lt: 'paleistas lygtinai', en: 'released on parole' },
  sentence_end: { lt: 'atlikus bausmę', en: 'sentence served' },
  transfer_elsewhere: { lt: 'perkeltas į kitą įstaigą', en: 'transferred to another institution' },
  return: { lt: 'grąžintas į pataisos namus (V-77 46 p.)', en: 'returned to the correctional institution (V-77 p. 46)' },
};

const APPEAL_BODIES = { court: { lt: 'administraciniam teismui', en: 'the administrative court' }, department: { lt: 'Kalėjimų departamento direktoriui', en: 'the Prison Department director' } } as const;

/** The Lithuanian notes, as the back end writes them. */
export const TIMELINE_NOTES = {
  /** V-77 p. 9: put on a meeting's agenda. */
  scheduled: (date: IsoDate, time: string, place: string) => `Posėdis ${date} ${time}, ${place}`,
  /** V-77 p. 10: decided at the meeting of `date`. */
  decided: (date: IsoDate) => `Posėdis ${date}`,
  removedFromAgenda: (date: IsoDate) => `Išbraukta iš posėdžio ${date} darbotvarkės`,
  notOnEarlierAgenda: () => 'Ankstesnio posėdžio darbotvarkėje bylos nėra: grąžinta komisijai',
  /** V-77 p. 12. */
  listed: () => 'Įrašyta į siūlomų perkelti nuteistųjų sąrašą (V-77 12 p.)',
  /** V-77 p. 20. */
  placeReported: (freedOn: IsoDate) => `Direktoriui pranešta apie ${freedOn} atsilaisvinusią vietą (V-77 20 p.)`,
  /** V-77 p. 24–25. */
  arrived: (time: string, room: string, bed: string) => `Atvyko ${time}; kambarys ${room}, vieta ${bed}; V-77 25 p. patikrinimai atlikti`,
  /** V-77 p. 4, 20, 46. */
  departed: (how: DepartureHow) => `Išvyko iš pusiaukelės namų: ${DEPARTURES[how].lt}; vieta laisva (V-77 4, 20 p.)`,
  /** V-77 p. 21–23. */
  transferredOut: (personalFileSentOn: IsoDate) => `Išvyko į kitos įstaigos pusiaukelės namus (V-77 21–22 p.); asmens byla išsiųsta ${personalFileSentOn}`,
  /** V-77 p. 50–51: the appeal filed against an act (its name as ACT_NAMES has it). */
  appealFiled: (body: keyof typeof APPEAL_BODIES, act: string) => `Skundas ${APPEAL_BODIES[body].lt} dėl: ${act}`,
  /** V-77 p. 51: the appeal's outcome. */
  appealDecided: (upheld: boolean) => (upheld ? 'Skundas patenkintas' : 'Skundas atmestas'),
} as const;

interface Reading {
  pattern: RegExp;
  en(groups: readonly string[]): string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DATE = '(\\d{4}-\\d{2}-\\d{2})';

/** The app's notes read back, most specific first; each matches from the note's start. */
const READINGS: readonly Reading[] = [
  { pattern: new RegExp(`^Posėdis ${DATE} (\\d{1,2}:\\d{2}), (.*)$`, 's'), en: ([d, t, p]) => `Meeting on ${d} at ${t}, ${p}` },
  { pattern: new RegExp(`^Posėdis ${DATE}`), en: ([d]) => `Meeting of ${d}` },
  { pattern: new RegExp(`^Išbraukta iš posėdžio ${DATE} darbotvarkės`), en: ([d]) => `Removed from the agenda of the meeting of ${d}` },
  { pattern: new RegExp(`^${escape(TIMELINE_NOTES.notOnEarlierAgenda())}`), en: () => 'Not on the agenda of the earlier meeting: back with the commission' },
  { pattern: new RegExp(`^${escape(TIMELINE_NOTES.listed())}`), en: () => 'Entered on the list of convicts proposed for transfer (V-77 p. 12)' },
  { pattern: new RegExp(`^Direktoriui pranešta apie ${DATE} atsilaisvinusią vietą \\(V-77 20 p\\.\\)`), en: ([d]) => `The director was told of the place freed on ${d} (V-77 p. 20)` },
  {
    pattern: /^Atvyko (\d{1,2}:\d{2}); kambarys (.*?), vieta (.*?); V-77 25 p\. patikrinimai atlikti/,
    en: ([t, r, b]) => `Arrived at ${t}; room ${r}, bed ${b}; the checks of V-77 p. 25 done`,
  },
  ...(Object.keys(DEPARTURES) as DepartureHow[]).map((how) => ({
    pattern: new RegExp(`^${escape(TIMELINE_NOTES.departed(how))}`),
    en: () => `Left the halfway house: ${DEPARTURES[how].en}; the place is free (V-77 p. 4, 20)`,
  })),
  {
    pattern: new RegExp(`^Išvyko į kitos įstaigos pusiaukelės namus \\(V-77 21–22 p\\.\\); asmens byla išsiųsta ${DATE}`),
    en: ([d]) => `Left for another institution's halfway house (V-77 p. 21–22); personal file sent on ${d}`,
  },
  ...(Object.keys(APPEAL_BODIES) as (keyof typeof APPEAL_BODIES)[]).map((body) => ({
    pattern: new RegExp(`^Skundas ${escape(APPEAL_BODIES[body].lt)} dėl: `),
    en: () => `Appeal to ${APPEAL_BODIES[body].en} against: `,
  })),
  { pattern: /^Skundas patenkintas/, en: () => 'Appeal upheld' },
  { pattern: /^Skundas atmestas/, en: () => 'Appeal dismissed' },
  // A received or signed act named at the note's start.
  ...Object.values(ACT_NAMES).map((name) => ({ pattern: new RegExp(`^${escape(name.lt)}`), en: () => name.en })),
];

/**
 * The English of the app's own words at the start of `note`, and the rest as it was written (the
 * user's remarks, or the act's number and date); null when the note is a user's own text.
 */
export function noteInEnglish(note: string): { en: string; rest: string } | null {
  for (const reading of READINGS) {
    const m = reading.pattern.exec(note);
    if (!m) continue;
    let en = reading.en(m.slice(1));
    let rest = note.slice(m[0].length);
    // An appeal names the act it contests right after its own words.
    if (en.endsWith('against: ')) {
      const act = Object.values(ACT_NAMES).find((name) => rest.startsWith(name.lt));
      if (act) {
        en += act.en;
        rest = rest.slice(act.lt.length);
      }
    }
    return { en, rest };
  }
  return null;
}
