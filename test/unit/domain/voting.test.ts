import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VOTING_RULES,
  eligibleVoters,
  membersOn,
  quorum,
  quorumNeeded,
  tally,
  type Ballot,
  type CommissionMember,
  type VotingRules,
} from '../../../shared/domain/voting';

const member = (id: string, role: CommissionMember['role'] = 'member', votes = true, from = '2026-01-01', until?: string): CommissionMember => ({
  id,
  name: id,
  position: 'Specialistas',
  role,
  votes,
  from,
  ...(until ? { until } : {}),
});

/** Five voting members and a secretary who does not vote. */
const FIVE = [member('chair', 'chair'), member('a'), member('b'), member('c'), member('d'), member('sec', 'secretary', false)];
const ids = (...xs: string[]) => new Set(xs);
const NONE = new Set<string>();

function count(ballots: Record<string, Ballot>, rules: VotingRules = DEFAULT_VOTING_RULES, present = Object.keys(ballots), recused: string[] = []) {
  return tally(rules, FIVE, new Set(present), new Set(recused), ballots);
}

describe('quorum (DESIGN §1: more than half of the members by default)', () => {
  it('needs more than half, two thirds, or all of the voting members', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => quorumNeeded('more_than_half', n))).toEqual([1, 2, 2, 3, 3, 4, 4]);
    expect([3, 4, 5, 6, 7].map((n) => quorumNeeded('at_least_two_thirds', n))).toEqual([2, 3, 4, 4, 5]);
    expect(quorumNeeded('all', 5)).toBe(5);
  });

  it('counts only voting members: a non-voting secretary neither makes nor breaks it', () => {
    expect(quorum(DEFAULT_VOTING_RULES, FIVE, ids('chair', 'a', 'sec'))).toEqual({ voting: 5, taking: 2, needed: 3, met: false });
    expect(quorum(DEFAULT_VOTING_RULES, FIVE, ids('chair', 'a', 'b'))).toEqual({ voting: 5, taking: 3, needed: 3, met: true });
  });

  it('a commission without voting members never has a quorum', () => {
    expect(quorum(DEFAULT_VOTING_RULES, [member('sec', 'secretary', false)], ids('sec')).met).toBe(false);
  });
});

describe('recusal: a member with a conflict of interest is left out of that case’s vote', () => {
  it('is not eligible, and takes the case’s quorum away when too few remain', () => {
    expect(eligibleVoters(FIVE, ids('chair', 'a', 'b', 'sec'), ids('b')).map((m) => m.id)).toEqual(['chair', 'a']);
    const t = count({ chair: 'for', a: 'for' }, DEFAULT_VOTING_RULES, ['chair', 'a', 'b'], ['b']);
    expect(t).toMatchObject({ status: 'no_quorum', eligible: 2, quorum: { taking: 2, needed: 3, met: false } });
  });

  it('the recused member’s ballot is not counted even if one was recorded', () => {
    const t = count({ chair: 'for', a: 'for', b: 'against', c: 'against' }, DEFAULT_VOTING_RULES, ['chair', 'a', 'b', 'c'], ['c']);
    expect(t).toMatchObject({ status: 'adopted', for: 2, against: 1, eligible: 3 });
  });
});

describe('majority and the chair’s casting vote', () => {
  it('default: adopted with more than half of those voting for it; an abstention counts as not for', () => {
    expect(count({ chair: 'for', a: 'for', b: 'against' })).toMatchObject({ status: 'adopted', forNeeded: 2 });
    // 2 of 5 for, 1 against, 2 abstain: no majority and no tie (V-77 p. 10).
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'abstain', d: 'abstain' })).toMatchObject({ status: 'rejected', forNeeded: 3, tie: false, decidedByChair: false });
  });

  it('waits until every eligible member has voted', () => {
    expect(count({ chair: 'for', a: 'for' }, DEFAULT_VOTING_RULES, ['chair', 'a', 'b'])).toMatchObject({ status: 'incomplete', waiting: 1 });
  });

  it('V-77 p. 10: a tie — as many for as against — is decided by the chair’s vote, either way, and the count stays the real one', () => {
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'against' })).toMatchObject({ status: 'adopted', for: 2, against: 2, abstain: 0, tie: true, decidedByChair: true });
    expect(count({ chair: 'against', a: 'for', b: 'for', c: 'against' })).toMatchObject({ status: 'rejected', for: 2, against: 2, tie: true, decidedByChair: true });
    // 2/2/1: the abstention does not undo the tie.
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'against', d: 'abstain' })).toMatchObject({ status: 'adopted', for: 2, against: 2, abstain: 1, tie: true, decidedByChair: true });
    // 1/1/2: one for, one against, two abstaining is a tie too.
    expect(count({ chair: 'against', a: 'for', b: 'abstain', c: 'abstain' })).toMatchObject({ status: 'rejected', for: 1, against: 1, abstain: 2, tie: true, decidedByChair: true });
  });

  it('V-77 p. 10: abstentions never make a tie — 2 for, 1 against, 1 abstaining is short of a majority, not a tie', () => {
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'abstain' })).toMatchObject({ status: 'rejected', for: 2, against: 1, abstain: 1, forNeeded: 3, tie: false, decidedByChair: false });
    // The chair abstaining instead changes nothing: still no tie to break.
    expect(count({ chair: 'abstain', a: 'for', b: 'for', c: 'against' })).toMatchObject({ status: 'rejected', tie: false, decidedByChair: false });
    // Two for and two abstaining of four: half, not a majority, and no tie.
    expect(count({ chair: 'for', a: 'for', b: 'abstain', c: 'abstain' })).toMatchObject({ status: 'rejected', tie: false, decidedByChair: false });
  });

  it('all abstaining is not a tie to break', () => {
    expect(count({ chair: 'abstain', a: 'abstain', b: 'abstain' })).toMatchObject({ status: 'rejected', for: 0, against: 0, abstain: 3, tie: false, decidedByChair: false });
    expect(count({ chair: 'abstain', a: 'abstain', b: 'abstain' }, { ...DEFAULT_VOTING_RULES, majority: 'more_for_than_against' })).toMatchObject({ status: 'rejected', tie: false, decidedByChair: false });
  });

  it('a tie fails when the chair abstained, is absent or recused, or the rules give no casting vote', () => {
    // The chair abstaining on a tie: 1 for, 1 against.
    expect(count({ chair: 'abstain', a: 'for', b: 'against' })).toMatchObject({ status: 'rejected', for: 1, against: 1, abstain: 1, tie: true, decidedByChair: false });
    // The chair absent.
    expect(count({ a: 'for', b: 'against', c: 'for', d: 'against' })).toMatchObject({ status: 'rejected', tie: true, decidedByChair: false });
    // The chair recused: present, but no casting vote in that case, even with a ballot on record.
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'for', d: 'against' }, DEFAULT_VOTING_RULES, ['chair', 'a', 'b', 'c', 'd'], ['chair'])).toMatchObject({
      status: 'rejected',
      for: 2,
      against: 2,
      tie: true,
      decidedByChair: false,
    });
    const noCasting = { ...DEFAULT_VOTING_RULES, chairDecidesTie: false };
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'against' }, noCasting)).toMatchObject({ status: 'rejected', tie: true, decidedByChair: false });
  });

  it('a member’s recusal leaves a tie among the others to the chair', () => {
    // d recused with a ballot on record: 2 for, 2 against among the four eligible.
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'against', d: 'for' }, DEFAULT_VOTING_RULES, ['chair', 'a', 'b', 'c', 'd'], ['d'])).toMatchObject({
      status: 'adopted',
      for: 2,
      against: 2,
      eligible: 4,
      tie: true,
      decidedByChair: true,
    });
    // d recused: 2 for, 1 against, 1 abstaining — no tie.
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'abstain', d: 'against' }, DEFAULT_VOTING_RULES, ['chair', 'a', 'b', 'c', 'd'], ['d'])).toMatchObject({
      status: 'rejected',
      tie: false,
      decidedByChair: false,
    });
  });

  it('more for than against: abstentions do not count; a tie goes to the chair', () => {
    const rules: VotingRules = { ...DEFAULT_VOTING_RULES, majority: 'more_for_than_against' };
    expect(count({ chair: 'for', a: 'abstain', b: 'abstain' }, rules)).toMatchObject({ status: 'adopted', forNeeded: 0, tie: false });
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'abstain' }, rules)).toMatchObject({ status: 'adopted', tie: false, decidedByChair: false });
    expect(count({ chair: 'for', a: 'against', b: 'abstain' }, rules)).toMatchObject({ status: 'adopted', tie: true, decidedByChair: true });
    expect(count({ chair: 'against', a: 'for', b: 'for', c: 'against', d: 'abstain' }, rules)).toMatchObject({ status: 'rejected', tie: true, decidedByChair: true });
    expect(count({ chair: 'abstain', a: 'for', b: 'against', c: 'abstain' }, rules)).toMatchObject({ status: 'rejected', tie: true, decidedByChair: false });
  });

  it('more than half of all members: three of five must vote for, however many are present; a tie goes to the chair', () => {
    const rules: VotingRules = { ...DEFAULT_VOTING_RULES, majority: 'more_than_half_members' };
    expect(count({ chair: 'for', a: 'for', b: 'abstain' }, rules)).toMatchObject({ status: 'rejected', forNeeded: 3, tie: false });
    expect(count({ chair: 'for', a: 'for', b: 'against', c: 'abstain' }, rules)).toMatchObject({ status: 'rejected', tie: false, decidedByChair: false });
    expect(count({ chair: 'for', a: 'against', b: 'abstain' }, rules)).toMatchObject({ status: 'adopted', tie: true, decidedByChair: true });
    expect(count({ chair: 'against', a: 'for', b: 'for', c: 'against', d: 'abstain' }, rules)).toMatchObject({ status: 'rejected', tie: true, decidedByChair: true });
    expect(count({ chair: 'for', a: 'for', b: 'for' }, rules)).toMatchObject({ status: 'adopted', tie: false });
  });

  it('a vote without quorum is never adopted, however it went', () => {
    expect(count({ chair: 'for', a: 'for' })).toMatchObject({ status: 'no_quorum', for: 2 });
    const twoThirds: VotingRules = { ...DEFAULT_VOTING_RULES, quorum: 'at_least_two_thirds' };
    expect(count({ chair: 'for', a: 'for', b: 'for' }, twoThirds)).toMatchObject({ status: 'no_quorum', quorum: { needed: 4 } });
  });

  it('ignores ballots of absent or non-voting members', () => {
    const t = tally(DEFAULT_VOTING_RULES, FIVE, ids('chair', 'a', 'b', 'sec'), NONE, { chair: 'for', a: 'for', b: 'for', sec: 'against', c: 'against' });
    expect(t).toMatchObject({ status: 'adopted', for: 3, against: 0, eligible: 3 });
  });
});

describe('membership over time', () => {
  it('a member sits from the first day to the last, inclusive', () => {
    const members = [member('old', 'chair', true, '2025-01-01', '2026-06-30'), member('new', 'chair', true, '2026-07-01'), member('m')];
    expect(membersOn(members, '2026-06-30').map((m) => m.id)).toEqual(['old', 'm']);
    expect(membersOn(members, '2026-07-01').map((m) => m.id)).toEqual(['new', 'm']);
    expect(membersOn(members, '2025-12-31').map((m) => m.id)).toEqual(['old']);
  });
});
