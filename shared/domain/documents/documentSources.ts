import type { IsoDate } from '../calendar';
import type { DecisionId } from '../decisions';
import type { StatisticsView } from '../statistics';
import type { Evaluation } from '../evaluation';
import type { Ballot, CommissionRole, QuorumRule } from '../voting';
import type { Gender, SignerIdentity } from './signers';

/**
 * What the document templates are made from: plain data the back end maps its records onto (the
 * settings and register, the case record, the meeting record and its frozen results, the generated
 * documents a later document cites). Each template takes only what it prints.
 */

/** A person as a signature block or a text names them, and who they are to a certificate. */
export interface PersonFacts extends SignerIdentity {
  name: string;
  /** The position (pareigos) as the person holds it, e.g. 'Direktorius'. */
  position: string;
  /** The grammatical gender of the person's title; inferred from the name when absent. */
  gender?: Gender;
}

/** The institution that issues the document: the one that runs the halfway house (V-77 p. 8). */
export interface InstitutionFacts {
  name: string;
  /** The town written under the date. */
  place: string;
  /** Who signs the director's documents: the director, or the deputy chosen when issuing (`acting`). */
  director: PersonFacts & { acting?: boolean };
}

/** Who a case is about, as the agenda and the list name them. */
export interface ConvictIdentity {
  firstName: string;
  lastName: string;
  personalFileNo: string;
}

export interface ConvictFacts extends ConvictIdentity {
  birthDate: IsoDate;
}

/** The request (V-77 p. 5) and where the convict serves. */
export interface CaseFacts {
  convict: ConvictFacts;
  requestDate: IsoDate;
  possibleTransferDate: IsoDate;
  possibleParoleDate: IsoDate;
  sentenceEnd: IsoDate;
  /** The name of the institution where the convict serves the sentence. */
  servingInstitution: string;
  /** The name of the halfway house the request names. */
  halfwayHouse: string;
}

/** A document another one cites: its date and registration number (null while not yet registered). */
export interface DocumentRef {
  date: IsoDate;
  number: string | null;
}

export interface VoteCount {
  for: number;
  against: number;
  abstain: number;
  /** The votes split evenly and the chair's vote decided. */
  decidedByChair: boolean;
}

/** What the commission decided on a case (V-77 p. 10–11), as the meeting recorded it. */
export interface CommissionDecisionFacts<D extends DecisionId = DecisionId> {
  decision: D;
  /** The minutes of the meeting that decided: its date is the meeting's date. */
  minutes: DocumentRef;
  rationale: string;
  evaluation: Evaluation;
}

// ---- The minutes (V-77 p. 9–11) ----

export interface MeetingMemberFacts extends PersonFacts {
  id: string;
  role: CommissionRole;
  votes: boolean;
}

export interface RecusalFacts {
  memberId: string;
  reason: string;
}

/** A proposal put to the vote and not adopted before the one that was. */
export interface RejectedVoteFacts {
  decision: DecisionId;
  tally: VoteCount;
}

interface AgendaItemBase {
  convict: ConvictIdentity;
  requestDate: IsoDate;
}

export interface DecidedItemFacts extends AgendaItemBase {
  outcome: 'decided';
  decision: DecisionId;
  rationale: string;
  evaluation: Evaluation;
  recusals: readonly RecusalFacts[];
  /** The members present when the case's vote was complete. */
  present: readonly string[];
  ballots: Readonly<Record<string, Ballot>>;
  tally: VoteCount;
  rejected: readonly RejectedVoteFacts[];
}

export interface PostponedItemFacts extends AgendaItemBase {
  outcome: 'postponed';
  reason: string;
  recusals: readonly RecusalFacts[];
}

/** A case that left the agenda without being considered (e.g. the request was withdrawn). */
export interface LeftItemFacts extends AgendaItemBase {
  outcome: 'left';
  reason: string;
}

export type AgendaItemFacts = DecidedItemFacts | PostponedItemFacts | LeftItemFacts;

export interface MeetingFacts {
  date: IsoDate;
  /** 'HH:MM'. */
  time: string;
  place: string;
  /** The commission as it sat at the meeting. */
  members: readonly MeetingMemberFacts[];
  /** The ids of the members present. */
  present: readonly string[];
  quorumRule: QuorumRule;
  agenda: readonly AgendaItemFacts[];
}

// ---- Sources per document kind ----

export interface MinutesSources {
  institution: InstitutionFacts;
  meeting: MeetingFacts;
}

/** V-77 p. 10: the commission's proposal to the director, signed by the chair. */
export interface ProposalSources {
  institution: InstitutionFacts;
  case: CaseFacts;
  commission: CommissionDecisionFacts;
  tally: VoteCount;
  chairName: string;
  /** The chair as the commission records them (gender, identity); `chairName` is kept for old callers. */
  chair?: PersonFacts;
}

/** V-77 p. 13: the director's order implementing 10.1. */
export interface OrderSources {
  institution: InstitutionFacts;
  case: CaseFacts;
  proposal: DocumentRef;
  minutes: DocumentRef;
}

/** V-77 p. 15: the director's motivated decision not to implement 10.1. */
export interface DeclineDecisionSources extends OrderSources {
  reasons: string;
}

/** V-77 p. 14: the submission to the Prison Department director implementing 10.3. */
export interface SubmissionSources {
  institution: InstitutionFacts;
  case: CaseFacts;
  proposal: DocumentRef;
  minutes: DocumentRef;
  rationale: string;
}

/** A refusal the convict is told of by a motivated letter: 10.4 (p. 16), and 10.2 by the same form. */
export type RefusalDecisionId = Extract<DecisionId, '10.2' | '10.4'>;

/** V-77 p. 16, 19, 51: the motivated letter to the convict and the convict's institution. */
export interface LetterSources {
  institution: InstitutionFacts;
  case: CaseFacts;
  commission: CommissionDecisionFacts<RefusalDecisionId>;
  /** The day the decision not to satisfy the request was taken: the p. 19 term runs from it. */
  refusedOn: IsoDate;
}

/** One line of the p. 12 list: a convict on whom the commission decided 10.1 or 10.3. */
export interface ListEntryFacts {
  convict: ConvictIdentity;
  requestDate: IsoDate;
  decision: Extract<DecisionId, '10.1' | '10.3'>;
  decidedOn: IsoDate;
  servingInstitution: string;
}

/** Issue 17: the report to the Prison Department: a period's statistics, as counted when it is issued. */
export interface StatisticsReportSources {
  institution: InstitutionFacts;
  statistics: StatisticsView;
}

/** V-77 p. 12, 20: the list, kept by the halfway-house employee the director appoints. */
export interface ListSources {
  institution: InstitutionFacts;
  entries: readonly ListEntryFacts[];
  keeper: PersonFacts;
}

/** V-77 p. 44–45: the halfway-house employee's motivated submission to return the convict. */
export interface ReturnSubmissionSources {
  institution: InstitutionFacts;
  convict: ConvictFacts;
  halfwayHouse: string;
  employee: PersonFacts;
  reasons: string;
  /** The documents that support the reasons (p. 45), one title each. */
  annexes: readonly string[];
  /** V-77 p. 44: the grounds chosen from the settings' catalogue (BVK art. 69 part 3), each with its provision. */
  grounds?: readonly { text: string; citation: string }[];
}

/** V-77 p. 46, 51: the director's decision to return the convict. */
export interface ReturnDecisionSources {
  institution: InstitutionFacts;
  convict: ConvictFacts;
  halfwayHouse: string;
  submission: DocumentRef;
  reasons: string;
  /** The halfway-house employee who submitted it, for the gender of the text's "darbuotojo / darbuotojos". */
  employee?: PersonFacts;
}

/**
 * V-77 p. 47: for a convict who serves here and asked for another institution's halfway house
 * (route 'sends'), the director tells that institution's director of the circumstances that make the
 * convict ineligible under p. 3.
 */
export interface P47NoticeSources {
  institution: InstitutionFacts;
  case: CaseFacts;
  /** The institution whose halfway house the convict asked for: its director is told. */
  recipient: string;
  /** The day the dossier was sent to it (V-77 p. 7), when it was. */
  dossierSentOn?: IsoDate;
  /** The circumstances, as the director writes them. */
  circumstances: string;
}

/** The institution's social worker whom the municipality's social worker or NGO contacts (seed 001). */
export interface SocialWorkerFacts {
  name: string;
  /** Empty when not given. */
  phone: string;
  /** Empty when not given. */
  email: string;
}

/**
 * Seed 001 (the social integration model): at least 6 months before the possible parole date the
 * institution sends the municipality administration a notice of the release; the municipality
 * assigns a social worker or an NGO, and is given the institution's social worker as the contact.
 */
export interface MunicipalityNoticeSources {
  institution: InstitutionFacts;
  case: CaseFacts;
  /** The municipality administration told, as its name is written (e.g. "Kauno miesto savivaldybės administracija"). */
  municipality: string;
  socialWorker: SocialWorkerFacts;
}

/**
 * V-77 p. 22–23, route 'sends': our convict travels on his own to the other institution's halfway
 * house that granted the request; its director is told of the arrival with the convict's personal
 * data, photo and personal marks (the annexes), and the personal file is sent the same day.
 */
export interface TransferNoticeSources {
  institution: InstitutionFacts;
  case: CaseFacts;
  /** The institution whose halfway house receives the convict: its director is told. */
  recipient: string;
  /** The day the convict leaves (and the personal file is sent, p. 23). */
  departureOn: IsoDate;
  /** "PRIDEDAMA": the photo and the description of personal marks (p. 22), as the user lists them. */
  annexes: readonly string[];
}
