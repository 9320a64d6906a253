import { genderOf, type Gender } from '../../shared/domain/documents/signers';
import type { MethodInput } from '../../shared/contract/methods';
import { commission as commissionSchema, type CommissionMemberRecord, type CommissionRecord } from '../../shared/contract/meetingSchemas';
import { validationMessage } from '../../shared/contract/validationMessages';
import { compareIso, type IsoDate } from '../../shared/domain/calendar';
import { DEFAULT_VOTING_RULES, membersOn, quorumNeeded, type CommissionRole, type VotingRules } from '../../shared/domain/voting';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';
import type { MessageKey } from '../i18n/messages';
import { translate, type Lang } from '../i18n/translate';

/**
 * The commission screen's logic (DESIGN §1): who sits on the commission on a day, the member form,
 * the whole commission as `commission.save` takes it. Membership changes over time; a meeting keeps
 * the membership it had, so a saved member is never deleted, only ended (`until`).
 */

/** A member as the screen edits it: `unsaved` while added since the commission was loaded. */
export interface MemberRow extends CommissionMemberRecord {
  /** Added in this editing session and never saved: may still be removed (a member added by mistake). */
  unsaved?: true;
}

export interface CommissionDraft {
  /** The revision loaded; 0 when the commission was never saved. */
  revision: number;
  members: MemberRow[];
  rules: VotingRules;
}

/** What the screen edits, from `commission.get` (null until the first save: no members, DESIGN §1's default rules). */
export function draftOf(record: CommissionRecord | null): CommissionDraft {
  if (!record) return { revision: 0, members: [], rules: { ...DEFAULT_VOTING_RULES } };
  return { revision: record.revision, members: record.members.map((m) => ({ ...m })), rules: { ...record.rules } };
}

export type MemberStatus = 'current' | 'former' | 'future';

export function memberStatus(m: Pick<CommissionMemberRecord, 'from' | 'until'>, today: IsoDate): MemberStatus {
  if (compareIso(today, m.from) < 0) return 'future';
  if (m.until !== undefined && compareIso(m.until, today) < 0) return 'former';
  return 'current';
}

const ROLE_ORDER: Readonly<Record<CommissionRole, number>> = { chair: 0, secretary: 1, member: 2 };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'lt');

/**
 * The members sitting on `today` (chair, secretary, then members by name), and the others: future
 * members first (soonest first), then former ones (most recently ended first).
 */
export function splitMembers<M extends CommissionMemberRecord>(members: readonly M[], today: IsoDate): { current: M[]; other: M[] } {
  const current = membersOn(members, today).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || byName(a, b));
  const future = members.filter((m) => memberStatus(m, today) === 'future').sort((a, b) => compareIso(a.from, b.from) || byName(a, b));
  const former = members
    .filter((m) => memberStatus(m, today) === 'former')
    .sort((a, b) => compareIso(b.until ?? b.from, a.until ?? a.from) || byName(a, b));
  return { current, other: [...future, ...former] };
}

/** Whether a member of `role` votes unless told otherwise: a secretary who is not a member does not (voting.ts). */
export function defaultVotes(role: CommissionRole): boolean {
  return role !== 'secretary';
}

// ---- The member form ----

export interface MemberFormValues {
  name: string;
  position: string;
  role: CommissionRole;
  votes: boolean;
  from: string;
  /** '' while the membership continues. */
  until: string;
  /**
   * Issue 12: the chair and the secretary sign the minutes (V-77 p. 9) and the chair the proposals
   * (p. 10): the gender of their title (Posėdžio pirmininkas / pirmininkė), the personal code of
   * their qualified certificate ('' if not kept) and the user account that signs ('' = their role).
   */
  gender: Gender;
  personalCode: string;
  userId: string;
}

/** A new member: an ordinary voting member from today. */
export function newMemberValues(today: IsoDate): MemberFormValues {
  return { name: '', position: '', role: 'member', votes: defaultVotes('member'), from: today, until: '', gender: 'male', personalCode: '', userId: '' };
}

export function memberFormValues(m: CommissionMemberRecord): MemberFormValues {
  return {
    name: m.name,
    position: m.position,
    role: m.role,
    votes: m.votes,
    from: m.from,
    until: m.until ?? '',
    gender: genderOf(m),
    personalCode: m.personalCode ?? '',
    userId: m.userId ?? '',
  };
}

/**
 * The form after choosing `role`: the chair always votes; otherwise the vote follows the role's
 * default unless the user has set it themselves (`votesSet`).
 */
export function withRole(values: MemberFormValues, role: CommissionRole, votesSet: boolean): MemberFormValues {
  const votes = role === 'chair' ? true : votesSet ? values.votes : defaultVotes(role);
  return { ...values, role, votes };
}

export interface MemberCheck {
  /** The member to put on the list, when the form is valid. */
  member: CommissionMemberRecord | null;
  /** Field errors by the member's field ('name', 'until', 'role', …), VALIDATION keys or the commission's own. */
  errors: FieldErrors;
}

function memberOf(values: MemberFormValues, id: string): CommissionMemberRecord {
  const until = values.until.trim();
  return {
    id,
    name: values.name,
    position: values.position,
    role: values.role,
    votes: values.role === 'chair' ? true : values.votes,
    from: values.from.trim(),
    ...(until === '' ? {} : { until }),
    gender: values.gender,
    ...(values.personalCode.trim() === '' ? {} : { personalCode: values.personalCode.trim() }),
    ...(values.userId === '' ? {} : { userId: values.userId }),
  };
}

/**
 * Check one member against the contract's commission schema, beside the `others` (the rest of the
 * list): its own fields, the end before the start, the chair's vote, and a second chair or secretary
 * for an overlapping period. Only this member's errors count here.
 */
export function checkMember(values: MemberFormValues, id: string, others: readonly CommissionMemberRecord[]): MemberCheck {
  const rest = others.filter((m) => m.id !== id).map(stripRow);
  const candidate = memberOf(values, id);
  const parsed = commissionSchema.safeParse({ members: [...rest, candidate], rules: DEFAULT_VOTING_RULES });
  if (parsed.success) return { member: parsed.data.members[rest.length] ?? null, errors: {} };
  const own = parsed.error.issues
    .filter((i) => i.path[0] === 'members' && i.path[1] === rest.length)
    .map((i) => ({ path: i.path.slice(2), message: i.message }));
  if (own.length === 0) {
    // The others disagree among themselves (the whole commission's check shows it); this member is fine.
    const alone = commissionSchema.safeParse({ members: [candidate], rules: DEFAULT_VOTING_RULES });
    return { member: alone.success ? (alone.data.members[0] ?? null) : null, errors: {} };
  }
  return { member: null, errors: fieldErrorsFromIssues(own) };
}

/** The last day to offer when ending a membership: today, but never before the membership began. */
export function defaultUntil(m: Pick<CommissionMemberRecord, 'from'>, today: IsoDate): IsoDate {
  return compareIso(today, m.from) < 0 ? m.from : today;
}

// ---- Changing the list ----

/** Put `member` on the list in place of the one with its id, or at the end as a new, unsaved member. */
export function applyMember(members: readonly MemberRow[], member: CommissionMemberRecord): MemberRow[] {
  const index = members.findIndex((m) => m.id === member.id);
  if (index < 0) return [...members, { ...member, unsaved: true }];
  return members.map((m, i) => (i === index ? { ...member, ...(m.unsaved ? { unsaved: true as const } : {}) } : m));
}

/** Take a member off the list: only one added in this session and never saved; a saved member is only ended. */
export function removeMember(members: readonly MemberRow[], id: string): MemberRow[] {
  return members.filter((m) => !(m.id === id && m.unsaved));
}

export function canRemove(m: MemberRow): boolean {
  return m.unsaved === true;
}

/** A fresh member id (the UI names members: meetings refer to them by id). */
export function newMemberId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- The whole commission ----

function stripRow({ unsaved: _unsaved, ...member }: MemberRow): CommissionMemberRecord {
  return member;
}

/** The input of `commission.save`: the whole membership and the rules, with the revision loaded. */
export function saveInput(draft: CommissionDraft): MethodInput<'commission.save'> {
  return { revision: draft.revision, members: draft.members.map(stripRow), rules: { ...draft.rules } };
}

/** Whether the draft differs from what was loaded (or saved last). */
export function isDirty(draft: CommissionDraft, loaded: CommissionDraft): boolean {
  return JSON.stringify(saveInput(draft)) !== JSON.stringify(saveInput(loaded));
}

export interface CommissionErrors {
  /** By member id, then the member's field. */
  members: Readonly<Record<string, FieldErrors>>;
  /** Anything else ('rules.quorum', 'members' …). */
  other: FieldErrors;
}

/**
 * Field errors ('members.2.until' → 'untilBeforeFrom', as the schema and the server's VALIDATION
 * name them) sorted out by member: `members` is the list the paths count in (the one sent).
 */
export function errorsByMember(errors: FieldErrors, members: readonly Pick<CommissionMemberRecord, 'id'>[]): CommissionErrors {
  const byMember: Record<string, Record<string, string>> = {};
  const other: Record<string, string> = {};
  for (const [path, key] of Object.entries(errors)) {
    const match = /^members\.(\d+)(?:\.(.+))?$/.exec(path);
    const member = match ? members[Number(match[1])] : undefined;
    if (match && member) {
      const field = match[2] ?? 'member';
      (byMember[member.id] ??= {})[field] ??= key;
    } else {
      other[path] ??= key;
    }
  }
  return { members: byMember, other };
}

/** The whole commission checked before saving, errors sorted out by member. */
export function checkCommission(draft: CommissionDraft): CommissionErrors & { valid: boolean } {
  const input = saveInput(draft);
  const parsed = commissionSchema.safeParse({ members: input.members, rules: input.rules });
  if (parsed.success) return { valid: true, members: {}, other: {} };
  return { valid: false, ...errorsByMember(fieldErrorsFromIssues(parsed.error.issues), input.members) };
}

export type CommissionWarning = 'noMembers' | 'noChair';

/** What keeps the commission from working today: no voting member (no meeting can open), no chair. */
export function commissionWarnings(members: readonly CommissionMemberRecord[], today: IsoDate): CommissionWarning[] {
  const sitting = membersOn(members, today);
  const warnings: CommissionWarning[] = [];
  if (!sitting.some((m) => m.votes)) warnings.push('noMembers');
  if (!sitting.some((m) => m.role === 'chair')) warnings.push('noChair');
  return warnings;
}

/** The quorum on `today` under the rules: how many vote, how many must take part (DESIGN §1). */
export function quorumToday(rules: Pick<VotingRules, 'quorum'>, members: readonly CommissionMemberRecord[], today: IsoDate): { voting: number; needed: number } {
  const voting = membersOn(members, today).filter((m) => m.votes).length;
  return { voting, needed: voting === 0 ? 0 : quorumNeeded(rules.quorum, voting) };
}

// ---- Texts ----

/** The labels of the roles. */
export const ROLE_LABEL: Readonly<Record<CommissionRole, MessageKey>> = {
  chair: 'commission.role.chair',
  secretary: 'commission.role.secretary',
  member: 'commission.role.member',
};

/** The label keys of a member's fields, to name them in a row's error summary. */
export const MEMBER_FIELD_LABEL: Readonly<Record<string, MessageKey>> = {
  name: 'commission.field.name',
  position: 'commission.field.position',
  role: 'commission.field.role',
  votes: 'commission.field.votes',
  from: 'commission.field.from',
  until: 'commission.field.until',
  personalCode: 'commission.field.personalCode',
  userId: 'commission.field.user',
};

/** "Pareigos: Privalomas laukas.; Narystės pabaiga …" — a member's errors in one line. */
export function memberErrorSummary(errors: FieldErrors, lang: Lang): string {
  return Object.entries(errors)
    .map(([field, key]) => {
      const label = MEMBER_FIELD_LABEL[field];
      const text = validationMessage(key, lang);
      return label ? `${translate(lang, label)}: ${text}` : text;
    })
    .join(' ');
}
