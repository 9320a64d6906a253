import { describe, expect, it } from 'vitest';
import { actAwaited, adminProblems, cut, groupByWhen, termWhen } from '../../../shared/domain/workQueue';

/** Issue 17: the rules of the start pages (shared/domain/workQueue.ts). */

const TODAY = '2026-11-23'; // a Monday

describe('how near a term is (issue 17)', () => {
  it('issue 17: a term is overdue the day after its last day, ends today on it, and is shown from 7 days ahead', () => {
    expect(termWhen('2026-11-22', TODAY)).toBe('overdue');
    expect(termWhen(TODAY, TODAY)).toBe('today');
    expect(termWhen('2026-11-24', TODAY)).toBe('week');
    expect(termWhen('2026-11-30', TODAY)).toBe('week');
    expect(termWhen('2026-12-01', TODAY)).toBeUndefined();
  });

  it('V-77 p. 51: an appeal term that has passed is not late work (the act stands)', () => {
    expect(termWhen('2026-11-20', TODAY, false)).toBeUndefined();
    expect(termWhen(TODAY, TODAY, false)).toBe('today');
  });

  it('issue 17: terms are grouped overdue, today, week, the most late first, and each group is cut with its total kept', () => {
    const lines = [
      { id: 'a', when: 'week' as const, dueBy: '2026-11-27' },
      { id: 'b', when: 'overdue' as const, dueBy: '2026-11-20' },
      { id: 'c', when: 'overdue' as const, dueBy: '2026-11-02' },
      { id: 'd', when: 'week' as const, dueBy: '2026-11-24' },
      { id: 'e', when: 'overdue' as const, dueBy: '2026-11-10' },
    ];
    const groups = groupByWhen(lines, 2);
    expect(groups.map((g) => [g.when, g.total, g.lines.map((l) => l.id)])).toEqual([
      ['overdue', 3, ['c', 'e']],
      ['today', 0, []],
      ['week', 2, ['d', 'a']],
    ]);
    expect(cut([1, 2, 3], 2)).toEqual({ total: 3, lines: [1, 2] });
  });
});

describe("the director's acts a case waits for (issue 17)", () => {
  it('V-77 p. 12–13: a listed 10.1 convict waits for the order only when a free place is theirs in list order', () => {
    expect(actAwaited('listed', '10.1', true, false)).toBe('order');
    expect(actAwaited('listed', '10.1', false, false)).toBeUndefined();
  });

  it('V-77 p. 14, 16, 46: the submission after 10.3 with a free place, the letter after 10.2 and 10.4, the decision on a signed return submission', () => {
    expect(actAwaited('listed', '10.3', true, false)).toBe('submission');
    // V-77 p. 14: the submission too waits for a free place.
    expect(actAwaited('listed', '10.3', false, false)).toBeUndefined();
    expect(actAwaited('decided', '10.4', false, false)).toBe('letter');
    expect(actAwaited('transferred', '10.1', false, true)).toBe('returnDecision');
    expect(actAwaited('transferred', '10.1', false, false)).toBeUndefined();
    // A 10.2 case stays "decided" until the director's motivated letter refuses it (as the documents do).
    expect(actAwaited('decided', '10.2', true, false)).toBe('letter');
  });
});

describe("the administrator's problems (issue 17)", () => {
  const sound = { settings: true, register: true, trustedRoots: true, lastBackupOn: '2026-11-20' };

  it('issue 17: none when the register and trusted roots are set and a backup is at most 7 days old', () => {
    expect(adminProblems(sound, TODAY)).toEqual([]);
    expect(adminProblems({ ...sound, lastBackupOn: '2026-11-16' }, TODAY)).toEqual([]);
  });

  it('issue 17: no register, no trusted roots, no backup or an old one are each reported', () => {
    expect(adminProblems({ ...sound, register: false, trustedRoots: false, lastBackupOn: undefined }, TODAY)).toEqual(['noRegister', 'noTrustedRoots', 'noBackup']);
    expect(adminProblems({ ...sound, lastBackupOn: '2026-11-15' }, TODAY)).toEqual(['oldBackup']);
    expect(adminProblems({ settings: false, register: false, trustedRoots: false }, TODAY)).toEqual(['noSettings', 'noBackup']);
  });
});
