import { countLabel } from '../../../renderer/i18n/plural';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/methods';
import type { AgendaCandidate, MeetingListItem } from '../../../shared/contract/meetingSchemas';
import { placeholdersOf, translate } from '../../../renderer/i18n/translate';
import { isUpcoming, MEETING_STATE_LABEL, missedMeeting, splitMeetings } from '../../../renderer/meetings/meetingListModel';
import { scheduleEn, scheduleLt } from '../../../renderer/meetings/scheduleMessages';
import {
  candidatesDate,
  checkSchedule,
  initialSchedule,
  keepSelected,
  lastPlace,
  scheduleErrorText,
  selectionSummary,
  sortCandidates,
  toggleCase,
} from '../../../renderer/meetings/scheduleModel';

const TODAY = '2026-11-23';

const meeting = (id: string, date: string, state: MeetingListItem['state'], patch: Partial<MeetingListItem> = {}): MeetingListItem => ({
  id,
  date,
  time: '10:00',
  place: '12 kab.',
  state,
  cases: 2,
  late: 0,
  ...patch,
});

const candidate = (caseId: string, patch: Partial<AgendaCandidate> = {}): AgendaCandidate => ({
  caseId,
  firstName: 'Jonas',
  lastName: `Jonaitis-${caseId}`,
  personalFileNo: `AB-${caseId}`,
  requestDate: '2026-10-01',
  dossierReceivedOn: '2026-11-10',
  meetingDue: '2026-11-24',
  late: false,
  ...patch,
});

describe('the meetings list', () => {
  it('shows coming meetings soonest first, then earlier ones latest first', () => {
    const list = [
      meeting('a', '2026-10-01', 'closed'),
      meeting('b', '2026-12-01', 'planned'),
      meeting('c', '2026-11-25', 'planned', { time: '13:00' }),
      meeting('d', '2026-11-25', 'planned', { time: '09:00' }),
      meeting('e', '2026-11-02', 'cancelled'),
    ];
    const { upcoming, past } = splitMeetings(list);
    expect(upcoming.map((m) => m.id)).toEqual(['d', 'c', 'b']);
    expect(past.map((m) => m.id)).toEqual(['e', 'a']);
  });

  it('keeps a meeting still planned or open with the coming ones even after its day (work remains); issue 17: one closed or cancelled today leaves them', () => {
    expect(isUpcoming(meeting('x', '2026-11-20', 'planned'))).toBe(true);
    expect(isUpcoming(meeting('x', '2026-11-20', 'open'))).toBe(true);
    expect(isUpcoming(meeting('x', TODAY, 'closed'))).toBe(false);
    expect(isUpcoming(meeting('x', '2026-12-01', 'cancelled'))).toBe(false);
    expect(isUpcoming(meeting('x', '2026-11-20', 'closed'))).toBe(false);
    expect(missedMeeting(meeting('x', '2026-11-20', 'planned'), TODAY)).toBe(true);
    expect(missedMeeting(meeting('x', TODAY, 'planned'), TODAY)).toBe(false);
    expect(missedMeeting(meeting('x', '2026-11-20', 'open'), TODAY)).toBe(false);
  });

  it('names the states in Lithuanian and warns of cases past the V-77 p. 9 term', () => {
    expect(Object.values(MEETING_STATE_LABEL).map((k) => translate('lt', k))).toEqual(['Suplanuotas', 'Vyksta', 'Baigtas', 'Atšauktas']);
    // Issue 17: the count in the right Lithuanian form.
    expect([1, 2, 10, 21].map((n) => countLabel('lt', 'schedule.lateCount', n))).toEqual(['1 byla po 9 p. termino', '2 bylos po 9 p. termino', '10 bylų po 9 p. termino', '21 byla po 9 p. termino']);
    expect(countLabel('en', 'schedule.lateCount', 1)).toBe('1 case past the p. 9 term');
    expect(translate('lt', 'schedule.late', { date: '2026 m. lapkričio 24 d.' })).toBe('Posėdis po V-77 9 p. termino (iki 2026 m. lapkričio 24 d.)');
  });
});

describe('the scheduling form', () => {
  it('opens on the next working day (weekends and Lithuanian public holidays skipped) at 10:00', () => {
    expect(initialSchedule('2026-11-20')).toEqual({ date: '2026-11-23', time: '10:00', place: '', caseIds: [] }); // Friday → Monday
    expect(initialSchedule('2026-12-23').date).toBe('2026-12-28'); // Dec 24–26 are holidays, the 27th a Sunday
  });

  it('offers the place of the latest meeting that was not cancelled', () => {
    const list = [
      meeting('a', '2026-10-01', 'closed', { place: 'Salė' }),
      meeting('b', '2026-11-02', 'closed', { place: '12 kab.' }),
      meeting('c', '2026-12-01', 'cancelled', { place: 'Kitur' }),
    ];
    expect(lastPlace(list)).toBe('12 kab.');
    expect(initialSchedule(TODAY, list).place).toBe('12 kab.');
    expect(lastPlace([])).toBe('');
  });

  it('checks the input against the contract: a real date, a time HH:MM, a place', () => {
    expect(checkSchedule({ date: '2026-11-31', time: '9:30', place: ' ', caseIds: [] }).errors).toEqual({ date: 'date', time: 'time', place: 'required' });
    expect(checkSchedule({ date: '2026-11-24', time: '24:00', place: 'Salė', caseIds: [] }).errors).toEqual({ time: 'time' });
    const { input, errors } = checkSchedule({ date: ' 2026-11-24 ', time: '09:30', place: ' Salė ', caseIds: ['c1'] });
    expect(errors).toEqual({});
    expect(input).toEqual({ date: '2026-11-24', time: '09:30', place: 'Salė', caseIds: ['c1'] });
    expect(contract['meetings.schedule'].input.safeParse(input).success).toBe(true);
  });

  it('explains a wrong time in words, other errors with the shared messages', () => {
    expect(scheduleErrorText('time', 'lt')).toBe('Įveskite laiką VV:MM (pvz., 09:30).');
    expect(scheduleErrorText('required', 'en')).toBe('Required.');
  });

  it('asks for the candidates only for a complete, real date', () => {
    expect(candidatesDate('2026-11-2')).toBeNull();
    expect(candidatesDate('2026-02-29')).toBeNull();
    expect(candidatesDate(' 2026-11-24')).toBe('2026-11-24');
  });
});

describe('the agenda', () => {
  it('V-77 p. 9: lists the most urgent terms first; cases without a term last', () => {
    const list = [
      candidate('a', { meetingDue: '2026-11-30' }),
      candidate('b', { meetingDue: undefined }),
      candidate('c', { meetingDue: '2026-11-20', late: true }),
      candidate('d', { meetingDue: '2026-11-30', requestDate: '2026-09-01' }),
    ];
    expect(sortCandidates(list).map((c) => c.caseId)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('keeps only the chosen cases still offered when the date changes, in the list’s order', () => {
    const offered = [candidate('a'), candidate('b'), candidate('c')];
    expect(keepSelected(['c', 'x', 'a'], offered)).toEqual(['c', 'a']);
    expect(toggleCase(['c'], 'a', true, offered)).toEqual(['a', 'c']);
    expect(toggleCase(['a', 'c'], 'a', false, offered)).toEqual(['c']);
  });

  it('counts the chosen cases and those that would be decided after their p. 9 term', () => {
    const offered = [candidate('a', { late: true }), candidate('b'), candidate('c', { late: true })];
    expect(selectionSummary(['a', 'b'], offered)).toEqual({ n: 2, late: 1 });
    expect(selectionSummary([], offered)).toEqual({ n: 0, late: 0 });
  });

  it('has every label in both languages with the same {placeholders}', () => {
    expect(Object.keys(scheduleEn).sort()).toEqual(Object.keys(scheduleLt).sort());
    for (const key of Object.keys(scheduleLt) as (keyof typeof scheduleLt)[]) {
      expect(placeholdersOf(scheduleEn[key]), key).toEqual(placeholdersOf(scheduleLt[key]));
    }
  });
});
