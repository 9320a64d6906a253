import { describe, expect, it } from 'vitest';
import { ACT_NAMES } from '../../../shared/domain/errorTexts/afterDecision';
import { noteInEnglish, TIMELINE_NOTES } from '../../../shared/domain/timelineNotes';

/** Issue 17: the app's own notes on a case's timeline, stored in Lithuanian, read in English. */
describe('the timeline notes in the English interface (issue 17)', () => {
  const LITHUANIAN = /[ąčęėįšųūž]/i;

  it('reads every note the app writes in English, with nothing Lithuanian left of its own words', () => {
    const notes = [
      [TIMELINE_NOTES.scheduled('2026-11-26', '10:00', 'Posėdžių salė'), 'Meeting on 2026-11-26 at 10:00, Posėdžių salė'],
      [TIMELINE_NOTES.decided('2026-11-26'), 'Meeting of 2026-11-26'],
      [TIMELINE_NOTES.removedFromAgenda('2026-11-26'), 'Removed from the agenda of the meeting of 2026-11-26'],
      [TIMELINE_NOTES.notOnEarlierAgenda(), 'Not on the agenda of the earlier meeting: back with the commission'],
      [TIMELINE_NOTES.listed(), 'Entered on the list of convicts proposed for transfer (V-77 p. 12)'],
      [TIMELINE_NOTES.placeReported('2026-11-20'), 'The director was told of the place freed on 2026-11-20 (V-77 p. 20)'],
      [TIMELINE_NOTES.arrived('14:30', '12', '2'), 'Arrived at 14:30; room 12, bed 2; the checks of V-77 p. 25 done'],
      [TIMELINE_NOTES.departed('parole'), 'Left the halfway house: released on parole; the place is free (V-77 p. 4, 20)'],
      [TIMELINE_NOTES.departed('return'), 'Left the halfway house: returned to the correctional institution (V-77 p. 46); the place is free (V-77 p. 4, 20)'],
      [TIMELINE_NOTES.transferredOut('2026-11-20'), "Left for another institution's halfway house (V-77 p. 21–22); personal file sent on 2026-11-20"],
      [TIMELINE_NOTES.appealDecided(true), 'Appeal upheld'],
      [TIMELINE_NOTES.appealDecided(false), 'Appeal dismissed'],
    ] as const;
    for (const [lt, en] of notes) expect(noteInEnglish(lt), lt).toEqual({ en, rest: '' });
    // The place is the user's (a room's name), the rest the app's.
    expect(noteInEnglish(TIMELINE_NOTES.scheduled('2026-11-26', '10:00', 'Salė'))!.en).not.toMatch(/Posėdis/);
  });

  it('names the contested act of an appeal, and keeps the number, the date and the user’s words as written', () => {
    const note = `${TIMELINE_NOTES.appealFiled('department', ACT_NAMES.declineDecision!.lt)} Nr. V-12, 2026-11-02. Nuteistasis nesutinka`;
    expect(noteInEnglish(note)).toEqual({ en: `Appeal to the Prison Department director against: ${ACT_NAMES.declineDecision!.en}`, rest: ' Nr. V-12, 2026-11-02. Nuteistasis nesutinka' });
    const arrival = `${TIMELINE_NOTES.arrived('14:30', '12', '2')}. Atvyko pavėluotai`;
    expect(noteInEnglish(arrival)).toEqual({ en: 'Arrived at 14:30; room 12, bed 2; the checks of V-77 p. 25 done', rest: '. Atvyko pavėluotai' });
    for (const name of Object.values(ACT_NAMES)) {
      const read = noteInEnglish(`${name.lt}: Nr. 1, 2026-11-02, Kalėjimų departamentas`)!;
      expect(read.en).toBe(name.en);
      expect(read.en).not.toMatch(LITHUANIAN);
    }
  });

  it('leaves a note the user wrote as it is (it is shown as Lithuanian)', () => {
    expect(noteInEnglish('Nuteistasis atsiėmė prašymą')).toBeNull();
    expect(noteInEnglish('Posėdžio salė remontuojama')).toBeNull();
  });
});
