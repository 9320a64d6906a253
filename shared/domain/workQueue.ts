/**
 * Issue 17: what the start pages put in front of each role, as pure rules: which terms are late or
 * near, which closed cases still wait for the archive, what the administrator must put right.
 */
import { compareIso, daysBetween, type IsoDate } from './calendar';
import type { CaseState } from './caseStates';
import type { DecisionId } from './decisions';
import type { DeadlineRule } from './deadlines';

/** How near a term is: past (overdue), ending today, or within the next 7 days. */
export const TERM_WHEN = ['overdue', 'today', 'week'] as const;
export type TermWhen = (typeof TERM_WHEN)[number];

/** A term the secretary keeps (deadlines.ts) or the term of an appeal against an act on the case (V-77 p. 51). */
export const WORK_RULES = ['p7', 'p9', 'p20', 'p32', 'socialWorker', 'municipality', 'probation', 'appeal'] as const satisfies readonly (DeadlineRule | 'appeal')[];
export type WorkRule = (typeof WORK_RULES)[number];

/** The start page shows a term this many days ahead ("this week"). */
export const WEEK_DAYS = 7;

/** At most this many lines of one list; the rest is counted. */
export const HOME_LINES = 25;

/**
 * Where a term to meet falls as seen on `today`, or undefined when it is further off. `overdue`
 * only for a term that must be met (an appeal term that passed is not late work: the act stands).
 */
export function termWhen(dueBy: IsoDate, today: IsoDate, canBeOverdue = true): TermWhen | undefined {
  const order = compareIso(dueBy, today);
  if (order < 0) return canBeOverdue ? 'overdue' : undefined;
  if (order === 0) return 'today';
  return daysBetween(today, dueBy) <= WEEK_DAYS ? 'week' : undefined;
}

/** Lines grouped by when, each group sorted by the term (the most late first), cut at `shown` lines. */
export function groupByWhen<T extends { when: TermWhen; dueBy: IsoDate }>(lines: readonly T[], shown = HOME_LINES): { when: TermWhen; total: number; lines: T[] }[] {
  return TERM_WHEN.map((when) => {
    const of = lines.filter((l) => l.when === when).sort((a, b) => compareIso(a.dueBy, b.dueBy));
    return { when, total: of.length, lines: of.slice(0, shown) };
  });
}

/** The first `shown` lines and how many there are. */
export function cut<T>(lines: readonly T[], shown = HOME_LINES): { total: number; lines: T[] } {
  return { total: lines.length, lines: lines.slice(0, shown) };
}

/**
 * The director's acts a case waits for once the commission has decided (V-77 p. 13, 14, 16, 46):
 * the order (10.1, a free place for the convict), the submission to the Prison Department (10.3),
 * the motivated letter (10.4), the decision on a return submission.
 */
export const DIRECTOR_ACTS = ['order', 'submission', 'letter', 'returnDecision'] as const;
export type DirectorAct = (typeof DIRECTOR_ACTS)[number];

export const DIRECTOR_ACT_POINTS: Readonly<Record<DirectorAct, string>> = { order: '13', submission: '14', letter: '16', returnDecision: '46' };

/**
 * The act a case waits for from the director, by its state and decision. `hasPlace`: a listed 10.1
 * or 10.3 convict gets the order or the submission only when a free place is theirs in list order
 * (V-77 p. 12, 13, 14); a
 * transferred convict waits for a return decision only once a return submission is signed (p. 45–46).
 */
export function actAwaited(state: CaseState, decision: DecisionId | undefined, hasPlace: boolean, returnSubmitted: boolean): DirectorAct | undefined {
  if (state === 'listed' && decision === '10.1') return hasPlace ? 'order' : undefined; // V-77 p. 13
  if (state === 'listed' && decision === '10.3') return hasPlace ? 'submission' : undefined; // V-77 p. 14: also with a free place
  // V-77 p. 16 (10.4); the app answers a 10.2 with the same motivated letter (documents: the letter
  // takes a 10.2 or 10.4 case to "refused").
  if (state === 'decided' && (decision === '10.2' || decision === '10.4')) return 'letter';
  if (state === 'transferred' && returnSubmitted) return 'returnDecision'; // V-77 p. 46
  return undefined;
}

/** What keeps the administrator's institution from working as it should. */
export const ADMIN_PROBLEMS = ['noSettings', 'noRegister', 'noTrustedRoots', 'noBackup', 'oldBackup'] as const;
export type AdminProblem = (typeof ADMIN_PROBLEMS)[number];

/** A backup older than this many days is reported. */
export const BACKUP_MAX_DAYS = 7;

export interface AdminFacts {
  settings: boolean;
  register: boolean;
  trustedRoots: boolean;
  /** The day of the latest backup, if any. */
  lastBackupOn?: IsoDate | undefined;
}

/** The administrator's problems on `today`, in the order of ADMIN_PROBLEMS. */
export function adminProblems(facts: AdminFacts, today: IsoDate): AdminProblem[] {
  const problems: AdminProblem[] = [];
  if (!facts.settings) problems.push('noSettings');
  if (facts.settings && !facts.register) problems.push('noRegister');
  if (facts.settings && !facts.trustedRoots) problems.push('noTrustedRoots');
  if (facts.lastBackupOn === undefined) problems.push('noBackup');
  else if (daysBetween(facts.lastBackupOn, today) > BACKUP_MAX_DAYS) problems.push('oldBackup');
  return problems;
}
