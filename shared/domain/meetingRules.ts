import type { DecisionId } from './decisions';
import { rationaleRequired, unevaluated, type Assessment, type Evaluation } from './evaluation';
import type { CriterionId } from './criteria';
import { DEFAULT_VOTING_RULES, membersOn, tally, type Ballot, type CommissionMember, type Tally, type VotingRules } from './voting';

/**
 * The pure rules of a commission meeting (V-77 p. 10–11): who takes part in a case's vote, its
 * tally, the attendance a complete vote keeps, what keeps a proposal or a member from the vote,
 * what keeps the meeting from closing, and the frozen result after its amendments. The meeting
 * service, the close check and the meeting page all use these, so that the page warns of exactly
 * what the back end would refuse.
 */

type Member = Pick<CommissionMember, 'id' | 'votes' | 'role'>;

/** What the rules need of a meeting. */
export interface MeetingLike<M extends Member = Member> {
  readonly date: string;
  readonly present: readonly string[];
  readonly members?: readonly M[];
  readonly rules?: VotingRules;
}

/** What the rules need of a case on the agenda. */
export interface ItemLike {
  readonly decision?: DecisionId;
  readonly rationale: string;
  readonly evaluation: Evaluation;
  readonly ballots: Readonly<Record<string, Ballot>>;
  readonly recusals: readonly { memberId: string; reason: string }[];
  readonly present?: readonly string[];
  readonly postponed?: string;
}

/** The membership and rules a meeting works with: its own copy once opened, else the commission's for its date. */
export function commissionOf<M extends Pick<CommissionMember, 'id' | 'votes' | 'role' | 'from' | 'until'>>(
  meeting: MeetingLike<M>,
  commission: { members: readonly M[]; rules: VotingRules } | null,
): { members: M[]; rules: VotingRules } {
  return {
    members: meeting.members ? [...meeting.members] : membersOn(commission?.members ?? [], meeting.date),
    rules: meeting.rules ?? commission?.rules ?? DEFAULT_VOTING_RULES,
  };
}

/** Who takes part in one case's vote: those present when it was complete, else the meeting's attendance now. */
export function presentFor(meeting: Pick<MeetingLike, 'present'>, item: Pick<ItemLike, 'present'>): string[] {
  return [...(item.present ?? meeting.present)];
}

/** The count of one case's vote, or null while no proposal is before the commission. */
export function itemTally(meeting: Pick<MeetingLike, 'present'>, members: readonly Member[], rules: VotingRules, item: ItemLike): Tally | null {
  if (item.decision === undefined) return null;
  return tally(rules, members, new Set(presentFor(meeting, item)), new Set(item.recusals.map((r) => r.memberId)), item.ballots);
}

/**
 * Keep an item's attendance in step with its vote: once the vote is complete (adopted or rejected)
 * the attendance of that moment is kept with it; while it is open (or without quorum) the meeting's
 * attendance counts, and the ballots of members who have left since are taken back.
 */
export function settleAttendance<I extends ItemLike>(meeting: MeetingLike, item: I): I {
  const { members, rules } = commissionOf(meeting as MeetingLike<CommissionMember>, null);
  const t = itemTally(meeting, members, rules, item);
  const complete = t !== null && (t.status === 'adopted' || t.status === 'rejected');
  if (complete) return item.present ? item : { ...item, present: [...meeting.present] };
  if (!item.present) return item;
  const here = new Set(meeting.present);
  const next = { ...item, ballots: Object.fromEntries(Object.entries(item.ballots).filter(([id]) => here.has(id))) };
  delete (next as { present?: unknown }).present;
  return settleAttendance(meeting, next);
}

/**
 * What keeps the proposal on a case from the vote, in the order the back end checks it (V-77
 * p. 10–11): a postponed case has no vote; a proposal must be chosen, be one of the decisions open
 * for this convict, follow a complete evaluation, and carry its reasons where it must.
 */
export type ProposalObstacle =
  | { code: 'ITEM_POSTPONED' }
  | { code: 'DECISION_REQUIRED' }
  | { code: 'DECISION_NOT_OPEN'; decision: DecisionId; open: readonly DecisionId[] }
  | { code: 'EVALUATION_INCOMPLETE'; missing: readonly CriterionId[] }
  | { code: 'RATIONALE_REQUIRED'; decision: DecisionId };

export function proposalObstacles(item: ItemLike, open: readonly DecisionId[]): ProposalObstacle[] {
  const found: ProposalObstacle[] = [];
  if (item.postponed !== undefined) found.push({ code: 'ITEM_POSTPONED' });
  if (item.decision === undefined) {
    found.push({ code: 'DECISION_REQUIRED' });
  } else if (!open.includes(item.decision)) {
    found.push({ code: 'DECISION_NOT_OPEN', decision: item.decision, open });
  }
  const missing = unevaluated(item.evaluation);
  if (missing.length > 0) found.push({ code: 'EVALUATION_INCOMPLETE', missing });
  if (item.decision !== undefined && rationaleRequired(item.decision) && item.rationale.trim() === '') found.push({ code: 'RATIONALE_REQUIRED', decision: item.decision });
  return found;
}

/** Why a member does not vote on a case (V-77 p. 11; DESIGN §1 recusal), or null when they do. */
export type MemberObstacle = 'MEMBER_NOT_VOTING' | 'MEMBER_ABSENT' | 'MEMBER_RECUSED';

export function memberObstacle(member: Pick<CommissionMember, 'id' | 'votes'>, present: ReadonlySet<string>, recused: ReadonlySet<string>): MemberObstacle | null {
  if (!member.votes) return 'MEMBER_NOT_VOTING';
  if (!present.has(member.id)) return 'MEMBER_ABSENT';
  if (recused.has(member.id)) return 'MEMBER_RECUSED';
  return null;
}

/**
 * What keeps a case on an open meeting's agenda from letting the meeting close: a decision adopted
 * by a vote, open for the convict, on a complete evaluation and with its reasons; or a postponement.
 * Null when the case is settled for the close.
 */
export type CloseObstacle = { code: 'NOT_DECIDED' } | Exclude<ProposalObstacle, { code: 'ITEM_POSTPONED' } | { code: 'DECISION_REQUIRED' }>;

export function closeObstacle(item: ItemLike, t: Pick<Tally, 'status'> | null, open: readonly DecisionId[]): CloseObstacle | null {
  if (item.postponed !== undefined) return null;
  const notOpen = proposalObstacles(item, open).find((o) => o.code === 'DECISION_NOT_OPEN');
  if (t?.status === 'adopted' && notOpen) return notOpen;
  if (t?.status !== 'adopted') return { code: 'NOT_DECIDED' };
  const rest = proposalObstacles(item, open).find((o) => o.code === 'EVALUATION_INCOMPLETE' || o.code === 'RATIONALE_REQUIRED');
  return (rest as CloseObstacle | undefined) ?? null;
}

/** An amendment of a frozen result after the meeting (V-77 p. 11: the minutes follow the meeting). */
export interface AmendmentLike {
  field: 'findings' | 'assessment' | 'rationale';
  criterion?: CriterionId;
  after: string;
}

/** The evaluation and rationale after the amendments recorded since the meeting closed. */
export function amended(frozen: { evaluation: Evaluation; rationale: string }, amendments: readonly AmendmentLike[]): { evaluation: Evaluation; rationale: string } {
  const evaluation: Evaluation = structuredClone(frozen.evaluation);
  let rationale = frozen.rationale;
  for (const a of amendments) {
    if (a.field === 'rationale') rationale = a.after;
    else if (a.criterion) {
      const current = evaluation[a.criterion] ?? { findings: '' };
      evaluation[a.criterion] = a.field === 'findings' ? { ...current, findings: a.after } : { ...current, assessment: a.after as Assessment };
    }
  }
  return { evaluation, rationale };
}

/**
 * No silent overwrites (issue 13): a change to a meeting's fields says what it was based on, the
 * values the user saw when they began. The fields are merged one by one (V-77 p. 11: several
 * windows write one meeting at once): a field the change does not alter keeps whatever is stored
 * now; a field it alters is written, unless someone else altered it meanwhile to something else —
 * then the change is refused and nothing of it is written, so no text is lost unseen.
 */
export function mergeFields<R extends Record<string, unknown>>(current: R, basedOn: Partial<R>, mine: Partial<R>): { merged: R; conflicts: (keyof R & string)[] } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const merged: Record<string, unknown> = { ...current };
  const conflicts: (keyof R & string)[] = [];
  for (const key of Object.keys(mine) as (keyof R & string)[]) {
    const value = mine[key];
    if (same(value, basedOn[key])) continue; // not altered by this change: the stored value stays
    if (!same(current[key], basedOn[key]) && !same(current[key], value)) conflicts.push(key);
    else merged[key] = value;
  }
  return { merged: merged as R, conflicts };
}

/** What a change of one criterion's evaluation is based on: the values as shown now. */
export function criterionBase(item: Pick<ItemLike, 'evaluation'>, criterion: CriterionId): { findings: string; assessment: Assessment | null; onRegister: boolean | null } {
  const e = item.evaluation[criterion];
  return { findings: e?.findings ?? '', assessment: e?.assessment ?? null, onRegister: e?.onRegister ?? null };
}

/** What a change of the proposal is based on: the proposed decision and its reasons as shown now. */
export function decisionBase(item: Pick<ItemLike, 'decision' | 'rationale'>): { decision: DecisionId | null; rationale: string } {
  return { decision: item.decision ?? null, rationale: item.rationale };
}

/** What a member's ballot change is based on: their ballot as shown now (null: none). */
export function ballotBase(item: Pick<ItemLike, 'ballots'>, memberId: string): Ballot | null {
  return item.ballots[memberId] ?? null;
}

/** What a change of a member's recusal is based on: whether they are recused, and the reason, as shown now. */
export function recusalBase(item: Pick<ItemLike, 'recusals'>, memberId: string): { recused: boolean; reason: string } {
  const r = item.recusals.find((x) => x.memberId === memberId);
  return { recused: r !== undefined, reason: r?.reason ?? '' };
}

/** What a change of a case's postponement is based on: whether it is postponed, and why, as shown now. */
export function postponementBase(item: Pick<ItemLike, 'postponed'>): { postponed: boolean; reason: string } {
  return { postponed: item.postponed !== undefined, reason: item.postponed ?? '' };
}
