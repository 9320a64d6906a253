import { z } from 'zod';
import { MEETING_STATES } from '../domain/meetingStates';
import { compareIso, isIsoDate } from '../domain/calendar';
import { CRITERIA, type CriterionId } from '../domain/criteria';
import { ASSESSMENTS } from '../domain/evaluation';
import { BALLOTS, COMMISSION_ROLES, MAJORITY_RULES, QUORUM_RULES } from '../domain/voting';
import { gender, personalCode } from './documentSchemas';
import { riskLevel } from './dossierSchemas';
import { isoDate, longText, oneLine, optionalLongText, raw, ref, storedForm, text } from './fieldSchemas';
import { caseState, decisionId } from './schemas';

/** The longest findings, rationale or reason the meeting records. */
export const MEETING_TEXT_MAX = 4000;

// ---- The commission (DESIGN §1) ----

export const commissionRole = z.enum(COMMISSION_ROLES);
export const memberId = ref(64);

export const commissionMember = z.object({
  id: memberId,
  name: text(200),
  position: text(200),
  role: commissionRole,
  votes: z.boolean(),
  from: isoDate,
  until: isoDate.optional(),
  /**
   * Issue 12: the chair and the secretary sign the minutes (V-77 p. 9) and the chair the proposals
   * (p. 10): the gender of their title (Posėdžio pirmininkas / pirmininkė; inferred from the name in
   * older files), the personal code their qualified certificate carries, and their user account.
   */
  gender: gender.optional(),
  personalCode,
  userId: oneLine(z.string()).max(64, { error: 'tooLong' }).optional(),
});
export type CommissionMemberRecord = z.infer<typeof commissionMember>;

export const votingRules = z.object({
  quorum: z.enum(QUORUM_RULES),
  majority: z.enum(MAJORITY_RULES),
  chairDecidesTie: z.boolean(),
});

const overlaps = (a: { from: string; until?: string }, b: { from: string; until?: string }) =>
  (a.until === undefined || compareIso(b.from, a.until) <= 0) && (b.until === undefined || compareIso(a.from, b.until) <= 0);

export const commission = z
  .object({
    members: z.array(commissionMember).max(200),
    rules: votingRules,
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    // The dates are compared only when real: a bad one reports itself (zod still runs this refinement).
    const datesOk = c.members.every((m) => isIsoDate(m.from) && (m.until === undefined || isIsoDate(m.until)));
    c.members.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['members', i, 'id'], message: 'invalid' });
      ids.add(m.id);
      if (datesOk && m.until !== undefined && compareIso(m.until, m.from) < 0) ctx.addIssue({ code: 'custom', path: ['members', i, 'until'], message: 'untilBeforeFrom' });
      if (m.role === 'chair' && !m.votes) ctx.addIssue({ code: 'custom', path: ['members', i, 'votes'], message: 'chairVotes' });
      // One chair and one secretary at a time.
      if (datesOk && m.role !== 'member') {
        const j = c.members.findIndex((o, k) => k < i && o.role === m.role && overlaps(o, m));
        if (j >= 0) ctx.addIssue({ code: 'custom', path: ['members', i, 'role'], message: m.role === 'chair' ? 'secondChair' : 'secondSecretary' });
      }
    });
  });
export type Commission = z.infer<typeof commission>;

/**
 * As stored in commission.json: the commission and its revision (a change refuses a stale copy). Its
 * texts are read as they were stored (issue 16 checks them on the way in, `commission`).
 */
export const commissionRecord = storedForm(commission.safeExtend({ revision: z.number().int().min(1), updatedAt: z.string() }));
export type CommissionRecord = z.infer<typeof commissionRecord>;

// ---- Meetings (V-77 p. 9–11) ----

export const criterionId = z.enum(CRITERIA.map((c) => c.id) as [CriterionId, ...CriterionId[]]);
export const assessment = z.enum(ASSESSMENTS);
export const ballot = z.enum(BALLOTS);
export const meetingState = z.enum(MEETING_STATES);

export const criterionEvaluation = z.object({
  findings: z.string().max(MEETING_TEXT_MAX),
  assessment: assessment.optional(),
  onRegister: z.boolean().optional(),
});

export const evaluation = z.partialRecord(criterionId, criterionEvaluation);

const tallyCounts = z.object({
  status: z.enum(['no_quorum', 'incomplete', 'adopted', 'rejected']),
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  waiting: z.number().int(),
  eligible: z.number().int(),
  forNeeded: z.number().int(),
  tie: z.boolean(),
  decidedByChair: z.boolean(),
  quorum: z.object({ voting: z.number().int(), taking: z.number().int(), needed: z.number().int(), met: z.boolean() }),
});
export type TallyView = z.infer<typeof tallyCounts>;

/** A proposal put to the vote and not adopted; the commission may then vote on the other decision. */
export const rejectedVote = z.object({
  decision: decisionId,
  rationale: z.string(),
  ballots: z.record(memberId, ballot),
  tally: tallyCounts,
  at: z.string(),
});

/** What the commission decided on a case, as it stood when the meeting closed. Never changed again. */
export const frozenResult = z.object({
  outcome: z.enum(['decided', 'postponed', 'left']),
  decision: decisionId.optional(),
  rationale: z.string(),
  evaluation,
  ballots: z.record(memberId, ballot),
  recusals: z.array(z.object({ memberId, reason: z.string() })),
  present: z.array(memberId),
  tally: tallyCounts.optional(),
  rejected: z.array(rejectedVote),
  /** For 'postponed': why; for 'left': the case's state when it left the agenda. */
  note: z.string().optional(),
  frozenAt: z.string(),
});
export type FrozenResult = z.infer<typeof frozenResult>;

/** A correction after the meeting closed: who, when, why, and what it was and became. */
export const amendment = z.object({
  at: z.string(),
  by: z.object({ userId: z.string(), name: z.string() }),
  reason: z.string(),
  field: z.enum(['findings', 'assessment', 'rationale']),
  criterion: criterionId.optional(),
  before: z.string(),
  after: z.string(),
});
export type Amendment = z.infer<typeof amendment>;

export const agendaItem = z.object({
  caseId: z.string(),
  /** Who the case is about, as the agenda shows it (copied when scheduled). */
  convict: z.object({ firstName: z.string(), lastName: z.string(), personalFileNo: z.string() }),
  recusals: z.array(z.object({ memberId, reason: z.string() })),
  evaluation,
  decision: decisionId.optional(),
  rationale: z.string(),
  ballots: z.record(memberId, ballot),
  /**
   * Who was present when this case's vote was complete: later comings and goings do not change a
   * result already reached (absent while the vote is still open, when the meeting's attendance counts).
   */
  present: z.array(memberId).optional(),
  rejected: z.array(rejectedVote),
  /** The commission put the case off to a later meeting, for this reason. */
  postponed: z.string().optional(),
  frozen: frozenResult.optional(),
  amendments: z.array(amendment),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const meetingRecord = z.object({
  id: z.string(),
  revision: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  date: isoDate,
  time: z.string(),
  place: z.string(),
  state: meetingState,
  /** The membership and rules as they were when the meeting opened (absent while planned). */
  members: z.array(commissionMember).optional(),
  rules: votingRules.optional(),
  present: z.array(memberId),
  agenda: z.array(agendaItem),
  openedAt: z.string().optional(),
  closedAt: z.string().optional(),
  cancelReason: z.string().optional(),
});
export type MeetingRecord = z.infer<typeof meetingRecord>;

// ---- Inputs ----

export const meetingTime = oneLine(z.string({ error: 'required' })).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time' });

export const meetingDetails = z.object({
  date: isoDate,
  time: meetingTime,
  place: text(200),
  caseIds: z.array(ref()).max(200),
});

/** The meeting's texts are written in textareas (findings, reasons): several lines. */
const reason = longText(MEETING_TEXT_MAX);
export const meetingText = optionalLongText(MEETING_TEXT_MAX);
export { reason as meetingReason };

/**
 * A meeting's text as the user saw it when they began (a `basedOn`): only compared with the text as
 * stored, never stored itself, so taken as it was stored (a text saved before issue 16 may hold what
 * is now refused on the way in).
 */
export const meetingTextAsSeen = raw(storedForm(meetingText), 'compared with the stored text (basedOn), never stored');

// ---- Views ----

export const meetingListItem = z.object({
  id: z.string(),
  date: isoDate,
  time: z.string(),
  place: z.string(),
  state: meetingState,
  cases: z.number().int(),
  /** Cases on the agenda past their p. 9 term on the meeting date. */
  late: z.number().int(),
});
export type MeetingListItem = z.infer<typeof meetingListItem>;

/** A case that may go on the agenda (ready for the commission) or is on it, with its p. 9 term. */
export const agendaCandidate = z.object({
  caseId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  personalFileNo: z.string(),
  requestDate: isoDate,
  dossierReceivedOn: isoDate.optional(),
  /** V-77 p. 9: the meeting is due within 10 working days of receiving the dossier. */
  meetingDue: isoDate.optional(),
  /** The meeting's date is after `meetingDue`. */
  late: z.boolean(),
});
export type AgendaCandidate = z.infer<typeof agendaCandidate>;

const span = z.object({ months: z.number().int(), days: z.number().int() }).nullable();

export const agendaItemView = z.object({
  item: agendaItem,
  candidate: agendaCandidate,
  /** The case's state now: an item whose case left 'scheduled' (withdrawn, ineligible) is not decided here. */
  caseState: caseState.nullable(),
  /** The case is before this meeting (scheduled for it): its evaluation and vote can be recorded. */
  active: z.boolean(),
  possibleDecisions: z.array(decisionId),
  /** V-77 p. 11.1, computed on the meeting date. */
  timeLeft: z.object({ source: z.enum(['6.6', 'request']), paroleDate: isoDate, sentenceEnd: isoDate, untilParole: span, untilEnd: span }).nullable(),
  /** V-77 p. 11.5 from the 6.1 facts. */
  risk: z
    .object({ level: riskLevel, previousLevel: riskLevel.optional(), change: z.enum(['lower', 'same', 'higher', 'unknown']), instrument: z.string(), assessedOn: isoDate })
    .nullable(),
  /** Criteria still without an assessment (p. 11: all nine are evaluated before the vote). */
  unevaluated: z.array(criterionId),
  tally: tallyCounts.nullable(),
  /** The members who vote on this case (present, voting, not recused). */
  eligible: z.array(memberId),
  /** The evaluation and rationale after the recorded amendments (the frozen copy stays as it was). */
  amended: z.object({ evaluation, rationale: z.string() }).optional(),
});
export type AgendaItemView = z.infer<typeof agendaItemView>;

export const meetingView = z.object({
  record: meetingRecord,
  /** The members sitting on the meeting's date: its own copy once opened, else the commission's now. */
  members: z.array(commissionMember),
  rules: votingRules,
  quorum: z.object({ voting: z.number().int(), taking: z.number().int(), needed: z.number().int(), met: z.boolean() }),
  items: z.array(agendaItemView),
  /** While planned: the cases that can still be put on the agenda. */
  candidates: z.array(agendaCandidate),
  /** What still keeps the meeting from being closed (empty when it can close). */
  closeProblems: z.array(z.object({ caseId: z.string().optional(), code: z.string(), lt: z.string(), en: z.string() })),
});
export type MeetingView = z.infer<typeof meetingView>;
