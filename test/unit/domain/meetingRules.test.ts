import { describe, expect, it } from 'vitest';
import { CRITERIA } from '../../../shared/domain/criteria';
import type { Evaluation } from '../../../shared/domain/evaluation';
import { amended, closeObstacle, memberObstacle, proposalObstacles, settleAttendance, type ItemLike } from '../../../shared/domain/meetingRules';

// Every criterion assessed (V-77 p. 11) — the evaluation a vote needs.
const complete: Evaluation = Object.fromEntries(CRITERIA.map((c) => [c.id, { findings: 'f', assessment: 'favourable', ...(c.id === '11.8' ? { onRegister: false } : {}) }]));
const item = (over: Partial<ItemLike> = {}): ItemLike => ({ rationale: '', evaluation: complete, ballots: {}, recusals: [], ...over });

describe('the meeting rules shared by the vote, the close check and the meeting page (V-77 p. 10–11)', () => {
  it('a proposal goes to the vote only when chosen, open for the convict, on a complete evaluation, with its reasons', () => {
    expect(proposalObstacles(item({ decision: '10.1' }), ['10.1', '10.2'])).toEqual([]);
    expect(proposalObstacles(item(), ['10.1', '10.2']).map((o) => o.code)).toEqual(['DECISION_REQUIRED']);
    expect(proposalObstacles(item({ decision: '10.3' }), ['10.1', '10.2'])).toEqual([{ code: 'DECISION_NOT_OPEN', decision: '10.3', open: ['10.1', '10.2'] }]);
    // 10.2 refuses: its reasons are required (V-77 p. 16 motivated letter).
    expect(proposalObstacles(item({ decision: '10.2' }), ['10.1', '10.2'])).toEqual([{ code: 'RATIONALE_REQUIRED', decision: '10.2' }]);
    const partial = item({ decision: '10.1', evaluation: { '11.1': { findings: 'f', assessment: 'neutral' } } });
    const missing = proposalObstacles(partial, ['10.1'])[0];
    expect(missing?.code).toBe('EVALUATION_INCOMPLETE');
    expect(missing && 'missing' in missing ? missing.missing : []).not.toContain('11.1');
    // A postponed case has no vote at all, reported first.
    expect(proposalObstacles(item({ decision: '10.1', postponed: 'r' }), ['10.1'])[0]).toEqual({ code: 'ITEM_POSTPONED' });
  });

  it('a member votes only if voting, present and not recused — in that order', () => {
    const present = new Set(['a', 'b']);
    const recused = new Set(['b']);
    expect(memberObstacle({ id: 'x', votes: false }, present, recused)).toBe('MEMBER_NOT_VOTING');
    expect(memberObstacle({ id: 'c', votes: true }, present, recused)).toBe('MEMBER_ABSENT');
    expect(memberObstacle({ id: 'b', votes: true }, present, recused)).toBe('MEMBER_RECUSED');
    expect(memberObstacle({ id: 'a', votes: true }, present, recused)).toBeNull();
  });

  it('the close waits for an adopted decision that is still open, evaluated and reasoned; a postponed case is settled', () => {
    const adopted = { status: 'adopted' as const };
    expect(closeObstacle(item({ decision: '10.1' }), adopted, ['10.1'])).toBeNull();
    expect(closeObstacle(item({ decision: '10.1' }), { status: 'incomplete' }, ['10.1'])).toEqual({ code: 'NOT_DECIDED' });
    expect(closeObstacle(item({ decision: '10.1' }), { status: 'rejected' }, ['10.1'])).toEqual({ code: 'NOT_DECIDED' });
    expect(closeObstacle(item({ decision: '10.3' }), adopted, ['10.1', '10.2'])?.code).toBe('DECISION_NOT_OPEN');
    expect(closeObstacle(item({ decision: '10.4' }), adopted, ['10.3', '10.4'])?.code).toBe('RATIONALE_REQUIRED');
    expect(closeObstacle(item({ postponed: 'r' }), null, ['10.1'])).toBeNull();
  });

  it('a complete vote keeps its attendance; an open one follows the meeting and drops the ballots of who left', () => {
    const members = [
      { id: 'a', name: 'A', position: '', role: 'chair' as const, votes: true, from: '2020-01-01' },
      { id: 'b', name: 'B', position: '', role: 'member' as const, votes: true, from: '2020-01-01' },
      { id: 'c', name: 'C', position: '', role: 'member' as const, votes: true, from: '2020-01-01' },
    ];
    const meeting = { date: '2026-11-23', present: ['a', 'b', 'c'], members };
    const done = settleAttendance(meeting, item({ decision: '10.1', ballots: { a: 'for', b: 'for', c: 'against' } }));
    expect(done.present).toEqual(['a', 'b', 'c']);
    // A ballot taken back reopens the vote: the meeting's attendance counts again, and c (gone) loses theirs.
    const reopened = settleAttendance({ ...meeting, present: ['a', 'b'] }, { ...done, ballots: { a: 'for', c: 'against' } });
    expect(reopened.present).toBeUndefined();
    expect(reopened.ballots).toEqual({ a: 'for' });
  });

  it('amendments after the close apply in order over the frozen result', () => {
    const frozen = { evaluation: { '11.1': { findings: 'old', assessment: 'neutral' as const } }, rationale: 'r0' };
    const after = amended(frozen, [
      { field: 'findings', criterion: '11.1', after: 'new' },
      { field: 'assessment', criterion: '11.1', after: 'favourable' },
      { field: 'rationale', after: 'r1' },
    ]);
    expect(after).toEqual({ evaluation: { '11.1': { findings: 'new', assessment: 'favourable' } }, rationale: 'r1' });
    expect(frozen.evaluation['11.1'].findings).toBe('old'); // the frozen result itself is never changed
  });
});
