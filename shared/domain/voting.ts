import { compareIso, type IsoDate } from './calendar';

/**
 * The disciplinary commission and how it decides (DESIGN §1): who sits on it, when it may decide
 * (quorum), when a proposal is adopted (majority) and what happens on a tie (the chair's vote).
 * Pure functions: the meeting service and the UI compute the same tally from the same ballots.
 */

export const COMMISSION_ROLES = ['chair', 'secretary', 'member'] as const;
export type CommissionRole = (typeof COMMISSION_ROLES)[number];

/** When the commission may decide: how many of its voting members must take part. */
export const QUORUM_RULES = ['more_than_half', 'at_least_two_thirds', 'all'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

/**
 * When a proposal is adopted:
 * - more_than_half_present: more than half of the members taking part in the vote vote for it
 *   (an abstention counts as not for); DESIGN §1's "simple majority of those present";
 * - more_for_than_against: more votes for than against (abstentions do not count);
 * - more_than_half_members: more than half of all the commission's voting members vote for it.
 */
export const MAJORITY_RULES = ['more_than_half_present', 'more_for_than_against', 'more_than_half_members'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];

export interface VotingRules {
  quorum: QuorumRule;
  majority: MajorityRule;
  /** On a tie (as many for as against), the chair's vote decides. */
  chairDecidesTie: boolean;
}

/** DESIGN §1: quorum more than half of the members, simple majority of those present, the chair decides a tie. */
export const DEFAULT_VOTING_RULES: VotingRules = { quorum: 'more_than_half', majority: 'more_than_half_present', chairDecidesTie: true };

export interface CommissionMember {
  id: string;
  name: string;
  /** The member's position in the institution (pareigos), as the minutes name it. */
  position: string;
  role: CommissionRole;
  /** Whether the member votes (a secretary who is not a member of the commission does not). */
  votes: boolean;
  /** The first day of membership, and the last (absent while the member sits on the commission). */
  from: IsoDate;
  until?: IsoDate;
}

/** The members on the commission on `date`: membership changes over time (a director's order). */
export function membersOn<M extends Pick<CommissionMember, 'from' | 'until'>>(members: readonly M[], date: IsoDate): M[] {
  return members.filter((m) => compareIso(m.from, date) <= 0 && (m.until === undefined || compareIso(date, m.until) <= 0));
}

export const BALLOTS = ['for', 'against', 'abstain'] as const;
export type Ballot = (typeof BALLOTS)[number];

/** How many members must take part for `voting` voting members under `rule`. */
export function quorumNeeded(rule: QuorumRule, voting: number): number {
  switch (rule) {
    case 'more_than_half':
      return Math.floor(voting / 2) + 1;
    case 'at_least_two_thirds':
      return Math.ceil((voting * 2) / 3);
    case 'all':
      return voting;
  }
}

export interface Quorum {
  /** The commission's voting members. */
  voting: number;
  /** Those of them taking part (present, and for a case not recused). */
  taking: number;
  needed: number;
  met: boolean;
}

/**
 * Whether enough voting members take part. For one case, recused members do not take part: a
 * commission that loses its quorum through recusals cannot decide that case.
 */
export function quorum(rules: Pick<VotingRules, 'quorum'>, members: readonly Pick<CommissionMember, 'id' | 'votes'>[], taking: ReadonlySet<string>): Quorum {
  const voters = members.filter((m) => m.votes);
  const n = voters.filter((m) => taking.has(m.id)).length;
  const needed = voters.length === 0 ? 1 : quorumNeeded(rules.quorum, voters.length);
  return { voting: voters.length, taking: n, needed, met: voters.length > 0 && n >= needed };
}

/** The members who vote on one case: voting members present and not recused. */
export function eligibleVoters<M extends Pick<CommissionMember, 'id' | 'votes'>>(members: readonly M[], present: ReadonlySet<string>, recused: ReadonlySet<string>): M[] {
  return members.filter((m) => m.votes && present.has(m.id) && !recused.has(m.id));
}

/**
 * A tie (balsams pasiskirsčius po lygiai): as many votes for as against, at least one for. Abstentions
 * never make a tie, under any majority rule; all abstaining is no tie.
 */
export function isTie(count: { for: number; against: number }): boolean {
  return count.for > 0 && count.for === count.against;
}

export type TallyStatus = 'no_quorum' | 'incomplete' | 'adopted' | 'rejected';

export interface Tally {
  status: TallyStatus;
  for: number;
  against: number;
  abstain: number;
  /** Eligible members who have not voted yet. */
  waiting: number;
  eligible: number;
  quorum: Quorum;
  /** Votes for the proposal needed for it to be adopted without a tie-break (0 for more_for_than_against). */
  forNeeded: number;
  /** The votes split evenly (see `isTie`). */
  tie: boolean;
  /** The chair's vote decided the tie (status adopted or rejected follows it). */
  decidedByChair: boolean;
}

/**
 * Count one case's vote. Ballots of members who are not eligible (absent, recused, non-voting) are
 * ignored. The result is known once every eligible member has voted. A tie is as many votes for as
 * against, at least one for; abstentions never make one. On a tie the chair's vote decides if the
 * rules say so and the chair voted for or against; otherwise the proposal is not adopted. The
 * casting vote never counts twice: the tally keeps the real count. An absent or recused chair, or
 * one who abstained, has no casting vote.
 */
export function tally(
  rules: VotingRules,
  members: readonly Pick<CommissionMember, 'id' | 'votes' | 'role'>[],
  present: ReadonlySet<string>,
  recused: ReadonlySet<string>,
  ballots: Readonly<Record<string, Ballot | undefined>>,
): Tally {
  const eligible = eligibleVoters(members, present, recused);
  const q = quorum(rules, members, new Set(eligible.map((m) => m.id)));
  const count = (b: Ballot) => eligible.filter((m) => ballots[m.id] === b).length;
  const yes = count('for');
  const no = count('against');
  const abstain = count('abstain');
  const waiting = eligible.length - yes - no - abstain;
  const forNeeded =
    rules.majority === 'more_than_half_present'
      ? Math.floor(eligible.length / 2) + 1
      : rules.majority === 'more_than_half_members'
        ? Math.floor(q.voting / 2) + 1
        : 0;
  // A tie never passes: for = against leaves for at most half of those voting and of all members.
  const tie = isTie({ for: yes, against: no });
  const base = { for: yes, against: no, abstain, waiting, eligible: eligible.length, quorum: q, forNeeded, tie, decidedByChair: false };
  if (!q.met) return { ...base, status: 'no_quorum' };
  if (waiting > 0) return { ...base, status: 'incomplete' };
  const passes = rules.majority === 'more_for_than_against' ? yes > no : yes >= forNeeded;
  if (passes) return { ...base, status: 'adopted' };
  if (tie && rules.chairDecidesTie) {
    const chair = eligible.find((m) => m.role === 'chair');
    const casting = chair ? ballots[chair.id] : undefined;
    if (casting === 'for') return { ...base, status: 'adopted', decidedByChair: true };
    if (casting === 'against') return { ...base, status: 'rejected', decidedByChair: true };
  }
  return { ...base, status: 'rejected' };
}
