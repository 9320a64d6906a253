import { describe, it, expect } from 'vitest';
import {
  appealFiledLate,
  caseDeadlines,
  dossierDueDate,
  earliestReapplicationDate,
  earliestRequestDate,
  meetingDueDate,
  nextDeadline,
  placeReportDueDate,
  type CaseFacts,
  type Deadline,
} from '../../../shared/domain/deadlines';
import { CASE_STATES, type CaseState } from '../../../shared/domain/caseStates';
import { DomainError } from '../../../shared/domain/errors';

// Weekdays: 2026-01-01 Thursday, 2027-01-01 Friday (see calendar.test.ts for the method).

describe('single rules', () => {
  it('V-77 p. 5: a request no earlier than 2 calendar months before the possible transfer day', () => {
    expect(earliestRequestDate('2026-11-01')).toBe('2026-09-01');
    expect(earliestRequestDate('2026-04-30')).toBe('2026-02-28'); // no Feb 30: last day of February
    expect(earliestRequestDate('2026-01-15')).toBe('2025-11-15');
  });

  it('V-77 p. 7: the dossier within 20 working days of the request', () => {
    // Tuesday 2026-09-01, no holidays in September: 4 weeks → Tuesday 2026-09-29.
    expect(dossierDueDate('2026-09-01')).toBe('2026-09-29');
    // Thursday 2026-12-10 across Dec 24–25 and Jan 1 (worked out in calendar.test.ts).
    expect(dossierDueDate('2026-12-10')).toBe('2027-01-12');
  });

  it('V-77 p. 7: extended by up to 10 working days', () => {
    // From Tue 2027-01-12 ten more: Jan 13–15 (1–3), 18–22 (4–8), 25 (9), 26 (10).
    expect(dossierDueDate('2026-12-10', 10)).toBe('2027-01-26');
    // From Tue 2026-09-29 three more: Sep 30 (1), Oct 1 (2), Oct 2 (3).
    expect(dossierDueDate('2026-09-01', 3)).toBe('2026-10-02');
  });

  it('V-77 p. 7: refuses an extension longer than 10 working days, negative or fractional', () => {
    for (const days of [11, -1, 2.5]) {
      let thrown: unknown;
      try {
        dossierDueDate('2026-09-01', days);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).code).toBe('EXTENSION_TOO_LONG');
      expect((thrown as DomainError).message).toMatch(/iki 10 darbo dienų \(V-77 7 p\.\)/);
    }
  });

  it('V-77 p. 9: the meeting within 10 working days of receiving the dossier', () => {
    // Friday 2026-02-13: Mon 16 is a holiday, Feb 17–20 (1–4), 23–27 (5–9), Mon Mar 2 (10).
    expect(meetingDueDate('2026-02-13')).toBe('2026-03-02');
  });

  it('V-77 p. 19: re-application no earlier than 3 months after the refusal', () => {
    expect(earliestReapplicationDate('2026-03-31')).toBe('2026-06-30'); // June has 30 days
    expect(earliestReapplicationDate('2026-11-30')).toBe('2027-02-28');
    expect(earliestReapplicationDate('2026-01-15')).toBe('2026-04-15');
  });

  it('V-77 p. 20: a free place reported within 2 working days', () => {
    // Friday 2026-04-03: weekend, Easter Monday 6 → Tue 7 (1), Wed 8 (2).
    expect(placeReportDueDate('2026-04-03')).toBe('2026-04-08');
  });
});

const base: CaseFacts = {
  state: 'request_received',
  requestDate: '2026-09-01',
  possibleTransferDate: '2026-11-01',
};

describe('caseDeadlines', () => {
  it('V-77 p. 7: runs while the request is received or the dossier collected', () => {
    for (const state of ['request_received', 'dossier_collecting'] as const) {
      expect(caseDeadlines({ ...base, state }, '2026-09-10')).toEqual<Deadline[]>([
        {
          rule: 'p7',
          point: '7',
          kind: 'due',
          date: '2026-09-29',
          lt: 'Medžiaga turi būti gauta',
          en: 'Dossier due',
          daysLeft: 19,
          overdue: false,
        },
      ]);
    }
  });

  it('V-77 p. 7: counts the recorded extension', () => {
    const [p7] = caseDeadlines({ ...base, dossierExtensionDays: 3 }, '2026-09-10');
    expect(p7?.date).toBe('2026-10-02');
  });

  it('V-77 p. 7: due on the day itself, overdue the day after', () => {
    const onTheDay = caseDeadlines(base, '2026-09-29')[0];
    expect(onTheDay).toMatchObject({ daysLeft: 0, overdue: false });
    const dayAfter = caseDeadlines(base, '2026-09-30')[0];
    expect(dayAfter).toMatchObject({ daysLeft: -1, overdue: true });
  });

  it('V-77 p. 9: runs from the dossier receipt until the meeting', () => {
    for (const state of ['dossier_received', 'ready_for_commission', 'scheduled'] as const) {
      const facts: CaseFacts = { ...base, state, dossierReceivedOn: '2026-02-13' };
      expect(caseDeadlines(facts, '2026-03-03')).toEqual<Deadline[]>([
        {
          rule: 'p9',
          point: '9',
          kind: 'due',
          date: '2026-03-02',
          lt: 'Komisijos posėdis ne vėliau kaip',
          en: 'Commission meeting due',
          daysLeft: -1,
          overdue: true,
        },
      ]);
    }
  });

  it('V-77 p. 9: needs the day the dossier was received', () => {
    expect(caseDeadlines({ ...base, state: 'dossier_received' }, '2026-03-01')).toEqual([]);
  });

  it('V-77 p. 20: runs from a departure from the halfway house (left or returned) until the free place is reported', () => {
    // Departure on Friday 2026-04-03, before the Easter Monday holiday: Tue 7 (1), Wed 8 (2).
    for (const state of ['left', 'returned'] as const) {
      const facts: CaseFacts = { ...base, state, departure: { on: '2026-04-03' } };
      expect(caseDeadlines(facts, '2026-04-06'), state).toEqual<Deadline[]>([
        {
          rule: 'p20',
          point: '20',
          kind: 'due',
          date: '2026-04-08',
          lt: 'Pranešti direktoriui apie laisvą vietą',
          en: 'Report the free place',
          daysLeft: 2,
          overdue: false,
        },
      ]);
      // Overdue the day after the second working day.
      expect(caseDeadlines(facts, '2026-04-09')[0], state).toMatchObject({ rule: 'p20', daysLeft: -1, overdue: true });
    }
  });

  it('V-77 p. 20: met once the director is told of the free place', () => {
    const facts: CaseFacts = { ...base, state: 'left', departure: { on: '2026-04-03' }, placeReportedOn: '2026-04-07' };
    expect(caseDeadlines(facts, '2026-04-06')).toEqual([]);
  });

  it('V-77 p. 20: no term without a departure, nor for a listed case', () => {
    expect(caseDeadlines({ ...base, state: 'left' }, '2026-04-06')).toEqual([]);
    expect(caseDeadlines({ ...base, state: 'listed', departure: { on: '2026-04-03' } }, '2026-04-06')).toEqual([]);
  });

  it('V-77 p. 19: after a refusal, a not-before date that is never overdue', () => {
    const facts: CaseFacts = { ...base, state: 'refused', refusedOn: '2026-03-31' };
    expect(caseDeadlines(facts, '2026-07-15')).toEqual<Deadline[]>([
      {
        rule: 'p19',
        point: '19',
        kind: 'not_before',
        date: '2026-06-30',
        lt: 'Pakartotinis prašymas ne anksčiau kaip',
        en: 'Re-application not before',
        daysLeft: -15,
        overdue: false,
      },
    ]);
    expect(caseDeadlines({ ...base, state: 'refused' }, '2026-07-15')).toEqual([]);
  });

  it('runs no term in the other states, whatever facts are recorded', () => {
    const facts: Omit<CaseFacts, 'state'> = {
      ...base,
      dossierReceivedOn: '2026-02-13',
      refusedOn: '2026-03-31',
      departure: { on: '2026-04-03' },
    };
    const withTerms: readonly CaseState[] = [
      'request_received',
      'dossier_collecting',
      'dossier_received',
      'ready_for_commission',
      'scheduled',
      'refused',
      'dossier_sent',
      'returned',
      'left',
    ];
    for (const state of CASE_STATES.filter((s) => !withTerms.includes(s))) {
      expect(caseDeadlines({ ...facts, state }, '2026-04-06'), state).toEqual([]);
    }
  });

  it('V-77 p. 8, 19: the other institution’s refusal of our convict’s request (the case stays “dossier sent”) runs p. 19 from its date', () => {
    const sent = { ...base, state: 'dossier_sent' as const };
    expect(caseDeadlines(sent, '2026-04-06')).toEqual([]); // no outcome yet, or granted
    expect(caseDeadlines({ ...sent, refusedOn: '2026-03-31' }, '2026-04-06')).toEqual([
      expect.objectContaining({ rule: 'p19', kind: 'not_before', date: '2026-06-30', overdue: false }),
    ]);
  });
});

describe('an appeal filed after its term (V-77 p. 51): appealFiledLate', () => {
  it('V-77 p. 51: late only when filed after the last day of a term that is set; a warning, computed', () => {
    expect(appealFiledLate({ filedOn: '2026-12-23', dueBy: '2026-12-23' })).toBe(false);
    expect(appealFiledLate({ filedOn: '2026-12-24', dueBy: '2026-12-23' })).toBe(true);
    // The term not set (BVK 183 str. until the administrator sets it): never said to be late.
    expect(appealFiledLate({ filedOn: '2027-06-01' })).toBe(false);
  });
});

describe('nextDeadline', () => {
  const due = (rule: Deadline['rule'], date: string): Deadline => ({
    rule,
    point: rule.slice(1),
    kind: 'due',
    date,
    lt: '',
    en: '',
    daysLeft: 0,
    overdue: false,
  });

  it('picks the earliest term to meet and ignores not-before dates', () => {
    const notBefore: Deadline = { ...due('p19', '2026-01-01'), kind: 'not_before' };
    const earliest = due('p9', '2026-03-02');
    expect(nextDeadline([due('p7', '2026-09-29'), notBefore, earliest, due('p20', '2026-04-08')])).toBe(earliest);
  });

  it('is undefined when nothing is due', () => {
    expect(nextDeadline([])).toBeUndefined();
    expect(nextDeadline([{ ...due('p19', '2026-01-01'), kind: 'not_before' }])).toBeUndefined();
  });
});

describe('life in the halfway house and the release preparation (V-77 p. 32; seed 001)', () => {
  // A convict who arrived on 2026-11-23 (Monday), possible parole date 2027-06-01.
  const resident: CaseFacts = { state: 'transferred', requestDate: '2026-10-01', possibleTransferDate: '2026-11-20', arrival: { on: '2026-11-23' }, possibleParoleDate: '2027-06-01' };
  const rules = (facts: CaseFacts, today: string) => caseDeadlines(facts, today).map((d) => [d.rule, d.point, d.date, d.overdue]);

  it('V-77 p. 32; seed 001: the monthly review a month from the arrival, the social worker 12, the municipality 6 and the probation service 1 month before the parole date', () => {
    expect(rules(resident, '2026-11-23')).toEqual([
      ['p32', '32', '2026-12-23', false],
      ['socialWorker', '', '2026-06-01', true],
      ['municipality', '', '2026-12-01', false],
      ['probation', '', '2027-05-01', false],
    ]);
  });

  it('V-77 p. 32; seed 001: each record meets its term; the review counts from the latest one (a month ending on a shorter month’s last day)', () => {
    const met: CaseFacts = { ...resident, lastReviewOn: '2027-01-31', socialWorkerFrom: '2026-11-23', municipalityNoticeOn: '2026-11-30', probationListOn: '2027-04-20' };
    expect(rules(met, '2027-02-01')).toEqual([['p32', '32', '2027-02-28', false]]);
  });

  it('V-77 p. 28: no such term for a convict not (or no longer) in the halfway house', () => {
    expect(rules({ ...resident, state: 'listed' }, '2026-11-23')).toEqual([]);
    expect(rules({ ...resident, state: 'left', departure: { on: '2026-12-01' }, placeReportedOn: '2026-12-01' }, '2026-12-02')).toEqual([]);
  });
});
