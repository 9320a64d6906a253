import { z } from 'zod';
import { TERM_WHEN, WORK_RULES, ADMIN_PROBLEMS, DIRECTOR_ACTS } from '../domain/workQueue';
import { isoDate } from './fieldSchemas';
import { caseState, decisionId } from './schemas';
import { meetingState } from './meetingSchemas';

/**
 * Issue 17: the start page of each role (home.get): what is waiting for the signed-in user, each
 * line with the ids of the place where the work is done (a case, a meeting, a document). A user
 * with several roles gets the section of each. Long lists are cut at HOME_LINES lines; `total`
 * says how many there are.
 */

/** The case a line is about, as the start page names it. */
const caseRef = z.object({
  caseId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  personalFileNo: z.string(),
  state: caseState,
});
export type HomeCaseRef = z.infer<typeof caseRef>;

/** A term of a case (V-77 p. 7, 9, 20, 32, 51; seed 001) that is overdue, ends today or within the week. */
export const homeTerm = caseRef.extend({
  rule: z.enum(WORK_RULES),
  /** The V-77 point ('7', '9', '20', '32', '51'); empty for a term of the social integration model (seed 001). */
  point: z.string(),
  dueBy: isoDate,
  daysLeft: z.number().int(),
  when: z.enum(TERM_WHEN),
});
export type HomeTerm = z.infer<typeof homeTerm>;

const termGroup = z.object({ when: z.enum(TERM_WHEN), total: z.number().int(), lines: z.array(homeTerm) });

/** V-77 p. 5, 19: a request filed too early (before the 2 months, or within 3 months of a refusal). */
export const homeFlagged = caseRef.extend({ rules: z.array(z.enum(['p5', 'p19'])), requestDate: isoDate });

/** V-77 p. 6–8: a dossier still waiting for documents from the convict's institution or for facts to record. */
/**
 * `documents`, `facts` (and the state) are null for a case on a meeting's agenda whose file the
 * index cannot vouch for (a damaged case): what it lacks is not known, and not guessed.
 */
export const homeDossier = caseRef.extend({ state: caseState.nullable(), documents: z.number().int().nullable(), facts: z.number().int().nullable() });
export type HomeDossier = z.infer<typeof homeDossier>;

/** The next commission meeting (V-77 p. 9): its agenda with each case's dossier to read beforehand. */
export const homeMeeting = z.object({
  id: z.string(),
  date: isoDate,
  time: z.string(),
  place: z.string(),
  state: meetingState,
  cases: z.array(homeDossier),
});
export type HomeMeeting = z.infer<typeof homeMeeting>;

/** A generated document with a signature line waiting for the caller. */
export const homeSignature = z.object({
  documentId: z.string(),
  kind: z.string(),
  registrationNumber: z.string(),
  documentType: z.string(),
  title: z.string(),
  date: isoDate,
  caseIds: z.array(z.string()),
});

/** A case waiting for the director's act (V-77 p. 13, 14, 16, 46) that is not yet drafted. */
export const homeDecision = caseRef.extend({ act: z.enum(DIRECTOR_ACTS), point: z.string(), since: isoDate });

/** V-77 p. 4, 12, 20: the places today and the head of the list. */
export const homePlaces = z.object({
  capacity: z.number().int(),
  free: z.number().int(),
  over: z.number().int(),
  waiting: z.number().int(),
  head: z.object({ caseId: z.string(), firstName: z.string(), lastName: z.string(), position: z.number().int(), requestDate: isoDate, decision: decisionId }).nullable(),
});

/** A case closed here (in a final state) with the day it closed and, if any, its latest export. */
export const homeClosed = caseRef.extend({ closedOn: isoDate, exportedAt: z.string().optional() });

const list = <T extends z.ZodType>(line: T) => z.object({ total: z.number().int(), lines: z.array(line) });

export const homeView = z.object({
  today: isoDate,
  secretary: z
    .object({
      terms: z.array(termGroup),
      flagged: list(homeFlagged),
      nextMeeting: homeMeeting.nullable(),
      dossiers: list(homeDossier),
    })
    .optional(),
  /** The caller's signature queue (the director's acts, the chair's and secretary's minutes), for whoever signs. */
  signatures: list(homeSignature).optional(),
  director: z
    .object({
      decisions: list(homeDecision),
      /** Absent when the institution runs no halfway house. */
      places: homePlaces.optional(),
    })
    .optional(),
  /** The chair and the members. */
  commission: z.object({ nextMeeting: homeMeeting.nullable() }).optional(),
  archivist: z
    .object({
      /** Closed and never exported. */
      unexported: list(homeClosed),
      /** Exported, then changed: the package no longer holds the case as it is. */
      changedSinceExport: list(homeClosed),
      /**
       * Issue 18: documents signed by every line whose signatures are not yet long-term (PAdES B-LTA):
       * they prove nothing once the certificates expire unless extended (documents.extend).
       */
      notLongTerm: list(homeSignature).optional(),
    })
    .optional(),
  administrator: z
    .object({
      users: z.object({ active: z.number().int(), inactive: z.number().int(), locked: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string(), until: z.string() })), mustChangePassword: z.number().int() }),
      problems: z.array(z.enum(ADMIN_PROBLEMS)),
      /** The latest backup of the data directory (archive.backup), from the audit trail. */
      lastBackupAt: z.string().optional(),
    })
    .optional(),
});
export type HomeView = z.infer<typeof homeView>;
