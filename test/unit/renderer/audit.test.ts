import { describe, expect, it } from 'vitest';
import { AUDIT_LIMIT, auditQuery, NO_FILTER, subjectText, verificationText } from '../../../renderer/audit/auditModel';

describe('the users-and-roles issue: the audit log page', () => {
  it('filters by case, user and dates, sending only what is filled in', () => {
    expect(auditQuery(NO_FILTER)).toEqual({ input: { limit: AUDIT_LIMIT }, errors: {} });
    expect(auditQuery({ subjectId: ' case-1 ', userId: 'u1', from: '2026-11-01', to: '2026-11-23' }).input).toEqual({
      subjectId: 'case-1',
      userId: 'u1',
      from: '2026-11-01',
      to: '2026-11-23',
      limit: AUDIT_LIMIT,
    });
    expect(auditQuery({ ...NO_FILTER, from: '2026-13-01', to: 'vakar' })).toEqual({ input: null, errors: { from: 'date', to: 'date' } });
  });

  it('says whether the log is intact, or names the first bad entry', () => {
    // Issue 17: no count in a case form that is wrong for 1, 21, …
    expect(verificationText({ ok: true, count: 42 }, 'lt')).toBe('Žurnalas vientisas. Patikrinta įrašų: 42.');
    expect(verificationText({ ok: true, count: 1 }, 'en')).toBe('The log is intact. Entries checked: 1.');
    expect(verificationText({ ok: false, count: 42, firstBadSeq: 7, problem: 'altered' }, 'lt')).toBe(
      'Žurnalas pažeistas: pirmasis netinkamas įrašas Nr. 7 – pakeistas. Patikrinta įrašų: 42.',
    );
    expect(verificationText({ ok: false, count: 3, firstBadSeq: 2, problem: 'reordered' }, 'en')).toBe(
      'The log is damaged: the first bad entry is no. 2 – reordered. Entries checked: 3.',
    );
  });

  it('names the subject of an entry', () => {
    expect(subjectText({ subject: { kind: 'case', id: 'abc' } }, 'lt')).toBe('byla abc');
    expect(subjectText({ subject: { kind: 'settings' } }, 'en')).toBe('settings');
    expect(subjectText({}, 'lt')).toBe('');
  });
});
