/**
 * What the case page offers after the commission's decision (issue 14; V-77 p. 4, 8, 12–25, 44–51),
 * as pure functions: which records the case's state and route call for, the forms' checks against
 * the contract (with the date rules the contract cannot know), and the texts made from the
 * back end's refusals (the missing dossier items, the convicts a step would pass over).
 */
import type { z } from 'zod';
import { appealInput, appealOutcomeInput, arrivalInput, correctionInput, departureInput, lifeInput, placeReportInput, receivedActInput, transferOutInput } from '../../shared/contract/afterDecisionSchemas';
import type { Appeal, CaseRecord, CaseView, LifeEntry, ReceivedAct } from '../../shared/contract/schemas';
import { compareIso, isIsoDate, isWorkingDay, type IsoDate } from '../../shared/domain/calendar';
import { P47_STATES, REOPENINGS, type CaseState } from '../../shared/domain/caseStates';
import { appealFiledLate } from '../../shared/domain/deadlines';
import { stepDateProblem } from '../../shared/domain/stepRules';
import { fieldErrorsFromIssues, type FieldErrors } from '../forms/issues';

/** A form's values checked: what to send when every field is valid, and each field's problem. */
export interface Checked<T> {
  input: T | null;
  errors: FieldErrors;
}

/** Checks `value` against the contract's `schema`; `extra` are the problems the schema cannot see. */
function checkWith<S extends z.ZodType>(schema: S, value: unknown, extra: FieldErrors): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  const errors = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues)), ...extra };
  return { input: parsed.success && Object.keys(extra).length === 0 ? parsed.data : null, errors };
}

/** Renderer-only validation keys: labels of the dictionary (see fieldMessage). */
export const V = {
  receivedBeforeDate: 'after.v.receivedBeforeDate',
  checksAll: 'after.v.checksAll',
  filedBeforeAct: 'after.v.filedBeforeAct',
  decidedBeforeFiled: 'after.v.decidedBeforeFiled',
  reopenedBeforeStep: 'after.v.reopenedBeforeStep',
  reportBeforeDeparture: 'after.v.reportBeforeDeparture',
  departureBeforeArrival: 'after.v.departureBeforeArrival',
  fileRequired: 'after.v.fileRequired',
} as const;

// ---- What the state and the route call for ----

/** The records a secretary may make on the case now, by its state and route. */
export type AfterAction = 'otherOutcome' | 'departmentAct' | 'p47Notice' | 'transferOut' | 'arrival' | 'life' | 'departure' | 'placeReport';

type ViewLike = Pick<CaseView, 'route' | 'appealable'> & { record: Pick<CaseRecord, 'state' | 'facts' | 'acts' | 'appeals'> };

export function afterActions(view: ViewLike): AfterAction[] {
  const { state, facts } = view.record;
  const out: AfterAction[] = [];
  // V-77 p. 8, 49: the other institution decides once; its outcome is recorded once, for the personal file.
  if (view.route === 'sends' && state === 'dossier_sent' && otherOutcomeOf(view.record.acts) === undefined) out.push('otherOutcome');
  // V-77 p. 21–23: after the other institution granted the request, our convict's departure there and the personal file sent, once.
  if (view.route === 'sends' && state === 'dossier_sent' && otherOutcomeOf(view.record.acts)?.granted === true && facts.transferOut === undefined) out.push('transferOut');
  // V-77 p. 17–18: the Prison Department director's resolution or refusal moves the case.
  if (state === 'submitted_to_department') out.push('departmentAct');
  // V-77 p. 47: the institution where the convict serves tells us of circumstances under p. 3 (the back end's states).
  if (view.route === 'other' && P47_STATES.includes(state)) out.push('p47Notice');
  // V-77 p. 22–25: the arrival with its checks.
  if (state === 'transfer_ordered') out.push('arrival');
  // V-77 p. 28–35 (and the release preparation, seed 001): the plans, reviews and notes while there.
  if (state === 'transferred' && facts.arrival !== undefined) out.push('life');
  // V-77 p. 4: the departure frees the place.
  if (state === 'transferred') out.push('departure');
  // V-77 p. 20: the freed place is reported to the director.
  if ((state === 'left' || state === 'returned') && facts.departure !== undefined && facts.placeReportedOn === undefined) out.push('placeReport');
  return out;
}

/** States after the commission's decision (and the route's own end): the section is shown for them. */
const AFTER_STATES: readonly CaseState[] = ['dossier_sent', 'decided', 'listed', 'submitted_to_department', 'transfer_ordered', 'transferred', 'refused', 'returned', 'left'];

/** Whether the case page shows its "after the decision" section at all. */
export function showsAfterDecision(view: ViewLike): boolean {
  const { record } = view;
  return (
    view.route === 'sends' ||
    AFTER_STATES.includes(record.state) ||
    (record.acts?.length ?? 0) > 0 ||
    (record.appeals?.length ?? 0) > 0 ||
    view.appealable.length > 0 ||
    record.facts.arrival !== undefined
  );
}

/** The other institution's outcome of our convict's request (V-77 p. 8, 49), once recorded: the latest such act. */
export function otherOutcomeOf(acts: readonly ReceivedAct[] | undefined): ReceivedAct | undefined {
  return (acts ?? []).findLast((a) => a.kind === 'otherOutcome');
}

/** The appeals still waiting for their outcome (p. 51). */
export function pendingAppeals(appeals: readonly Appeal[] | undefined): Appeal[] {
  return (appeals ?? []).filter((a) => a.outcome === undefined);
}

/**
 * V-77 p. 50–51: the state an upheld appeal against `actKind` would reopen the case at, from its
 * present state; undefined when no reopening applies (the back end then says why).
 */
export function reopeningFor(state: CaseState, actKind: string): CaseState | undefined {
  return REOPENINGS.find((r) => r.from === state && r.act === actKind)?.to;
}

/**
 * V-77 p. 51: the state an upheld appeal against `against` reopens the case at now, as the back end
 * decides it: only while the contested act still stands (the latest step into the present state was
 * taken by it, not undone by a correction or a reopening) and a reopening knows the act from this
 * state. Undefined: an upheld appeal is recorded, the case is not reopened (the act no longer stands).
 */
export function appealReopening(record: Pick<CaseRecord, 'state' | 'timeline'>, against: Pick<Appeal['against'], 'ref' | 'kind'>): CaseState | undefined {
  const step = record.timeline.findLast((e) => (e.kind === 'state' || e.kind === 'reopened' || e.kind === 'corrected') && e.to !== undefined);
  const inForce = step !== undefined && step.kind === 'state' && step.to === record.state && (step.documentId === against.ref || step.actId === against.ref);
  return inForce ? reopeningFor(record.state, against.kind) : undefined;
}

/**
 * V-77 p. 51: the last day of the term an appeal filed on `filedOn` missed, or undefined (filed in
 * time, no term set, or no valid date yet). A warning only: the term runs from the day the act was
 * served, which the app does not know (it takes our director's act as served on its date, another's
 * act on the day it reached us): the secretary checks the day of service.
 */
export function lateFilingDueBy(filedOn: string, dueBy: IsoDate | undefined): IsoDate | undefined {
  const on = filedOn.trim();
  if (dueBy === undefined || !isIsoDate(on)) return undefined;
  return appealFiledLate({ filedOn: on, dueBy }) ? dueBy : undefined;
}

/** What the page says once an appeal's outcome is saved: whether the case was reopened, and at which state. */
export type AppealOutcomeNotice = { key: 'after.done.reopened'; state: CaseState } | { key: 'after.done.upheldNotReopened' } | { key: 'after.done.dismissed' };

/**
 * The notice after saving the outcome of `appealId`, from the case as saved: "reopened" only when
 * the case was (the outcome names the state it reopened to, or the state changed); an upheld appeal
 * against an act no longer in force is recorded without reopening (V-77 p. 51).
 */
export function appealOutcomeNotice(next: Pick<CaseRecord, 'state' | 'appeals'>, appealId: string, stateBefore: CaseState): AppealOutcomeNotice {
  const outcome = next.appeals?.find((a) => a.id === appealId)?.outcome;
  if (outcome?.reopenedTo !== undefined || next.state !== stateBefore) return { key: 'after.done.reopened', state: next.state };
  return outcome?.result === 'upheld' ? { key: 'after.done.upheldNotReopened' } : { key: 'after.done.dismissed' };
}

/** The received acts newest first (by the day received, then by date). */
export function actsNewestFirst(acts: readonly ReceivedAct[] | undefined): ReceivedAct[] {
  return [...(acts ?? [])].sort((a, b) => compareIso(b.receivedOn, a.receivedOn) || compareIso(b.date, a.date) || (a.at < b.at ? 1 : -1));
}

/** How a stored copy is shown: in the app's viewer (PDF, JPEG, PNG) or only saved. */
export function viewerKindOf(mediaType: string): 'pdf' | 'jpeg' | 'png' | null {
  const type = mediaType.toLowerCase().split(';')[0]?.trim();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'image/jpeg' || type === 'image/jpg') return 'jpeg';
  if (type === 'image/png') return 'png';
  return null;
}

// ---- The back end's refusals that ask the user for more ----

export interface MissingItem {
  item: string;
  lt: string;
  en: string;
}

/** DOSSIER_MISSING_CONFIRM's `missing`: the items the dossier still lacks, as the confirmation names them. */
export function missingOf(params: Readonly<Record<string, unknown>> | undefined): MissingItem[] {
  const missing = params?.missing;
  if (!Array.isArray(missing)) return [];
  return missing.filter(
    (m): m is MissingItem => typeof m === 'object' && m !== null && typeof (m as MissingItem).item === 'string' && typeof (m as MissingItem).lt === 'string' && typeof (m as MissingItem).en === 'string',
  );
}

/** REOPEN_OTHER_OPEN's `other.caseId`: the convict's other open case, which the refusal names (V-77 p. 19, 51). */
export function otherOpenCaseOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const other = params?.other;
  if (typeof other !== 'object' || other === null) return undefined;
  const id = (other as { caseId?: unknown }).caseId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

// ---- V-77 p. 22: arrival by 15:00 on a working day ----

export const ARRIVAL_LATEST = '15:00';

/** What to point out about an arrival's day and time (V-77 p. 22): nothing stops recording it as it happened. */
export function arrivalAdvice(on: string, time: string): { afterHours: boolean; notWorkingDay: boolean } {
  const timeOk = /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
  return {
    afterHours: timeOk && time > ARRIVAL_LATEST,
    notWorkingDay: isIsoDate(on) && !isWorkingDay(on),
  };
}

// ---- The forms ----

/** The case-side dates a form's dates are held to. */
export interface DateContext {
  today: IsoDate;
}

function dateNotFuture(on: string, today: IsoDate): string | undefined {
  if (on.trim() === '') return undefined; // the schema says 'required'
  if (!isIsoDate(on)) return undefined; // the schema says 'date'
  return compareIso(on, today) > 0 ? 'dateInFuture' : undefined;
}

function put(errors: Record<string, string>, field: string, problem: string | undefined): void {
  if (problem !== undefined && errors[field] === undefined) errors[field] = problem;
}

const trimmed = (s: string) => s.trim();
const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** A received act (p. 8, 17, 18, 47): its kind, number and dates as written on it, the issuer, the copy. */
export interface ReceivedActValues {
  kind: 'otherOutcome' | 'departmentResolution' | 'departmentRefusal' | 'p47Notice' | '';
  /** For 'otherOutcome': 'yes' / 'no'. */
  granted: '' | 'yes' | 'no';
  number: string;
  date: string;
  receivedOn: string;
  issuer: string;
  note: string;
  stagedId: string;
}

const receivedActFields = receivedActInput.omit({ id: true, revision: true });
export type ReceivedActFields = z.output<typeof receivedActFields>;

export function emptyReceivedAct(kind: ReceivedActValues['kind'], issuer: string, today: IsoDate): ReceivedActValues {
  return { kind, granted: '', number: '', date: '', receivedOn: today, issuer, note: '', stagedId: '' };
}

/**
 * The received act's form: the contract's fields, and: neither date later than today, the act not
 * dated before the case's latest step, the day received not before the act's date, the other institution's outcome says whether it granted the
 * request, a p. 47 notice says what circumstances it reports, and the copy is attached (p. 49).
 */
export function checkReceivedAct(values: ReceivedActValues, context: DateContext & { notBefore: IsoDate }): Checked<ReceivedActFields> {
  const extra: Record<string, string> = {};
  put(extra, 'kind', values.kind === '' ? 'required' : undefined);
  put(extra, 'granted', values.kind === 'otherOutcome' && values.granted === '' ? 'required' : undefined);
  put(extra, 'note', values.kind === 'p47Notice' && values.note.trim() === '' ? 'required' : undefined);
  // The act follows the case's latest step (a resolution follows the submission, an outcome the dossier sent).
  put(extra, 'date', values.date.trim() === '' ? undefined : stepDateProblem(values.date.trim(), context.today, context.notBefore));
  put(extra, 'receivedOn', dateNotFuture(values.receivedOn, context.today));
  if (isIsoDate(values.date) && isIsoDate(values.receivedOn) && compareIso(values.receivedOn, values.date) < 0) put(extra, 'receivedOn', V.receivedBeforeDate);
  put(extra, 'stagedId', values.stagedId === '' ? V.fileRequired : undefined);
  const input = {
    kind: values.kind === '' ? undefined : values.kind,
    number: trimmed(values.number),
    date: trimmed(values.date),
    receivedOn: trimmed(values.receivedOn),
    issuer: trimmed(values.issuer),
    ...(values.kind === 'otherOutcome' && values.granted !== '' ? { granted: values.granted === 'yes' } : {}),
    ...(optional(values.note) !== undefined ? { note: optional(values.note) } : {}),
    stagedId: values.stagedId,
  };
  return checkWith(receivedActFields, input, extra);
}

/** V-77 p. 24–25: the arrival, with the four things the receiving employee must do. */
export interface ArrivalValues {
  on: string;
  time: string;
  /** V-77 p. 25.1–25.4, each confirmed. */
  checkIdentity: boolean;
  checkSearch: boolean;
  checkRules: boolean;
  checkRoom: boolean;
  room: string;
  bed: string;
}

const arrivalFields = arrivalInput.omit({ id: true, revision: true });
export type ArrivalFields = z.output<typeof arrivalFields>;

export function emptyArrival(today: IsoDate): ArrivalValues {
  return { on: today, time: '', checkIdentity: false, checkSearch: false, checkRules: false, checkRoom: false, room: '', bed: '' };
}

/** The arrival's form: a real date not in the future nor before the previous step, a time HH:MM, all four p. 25 checks done, the room and the bed. */
export function checkArrival(values: ArrivalValues, context: DateContext & { notBefore: IsoDate }): Checked<ArrivalFields> {
  const extra: Record<string, string> = {};
  put(extra, 'on', stepDateProblem(values.on, context.today, context.notBefore));
  if (!(values.checkIdentity && values.checkSearch && values.checkRules && values.checkRoom)) put(extra, 'checks', V.checksAll);
  return checkWith(
    arrivalFields,
    {
      on: trimmed(values.on),
      time: trimmed(values.time),
      checks: { identity: values.checkIdentity, search: values.checkSearch, rules: values.checkRules, room: values.checkRoom },
      room: trimmed(values.room),
      bed: trimmed(values.bed),
    },
    extra,
  );
}

/** V-77 p. 4: the departure from the halfway house, which frees the place. */
export interface DepartureValues {
  on: string;
  how: '' | 'parole' | 'sentence_end' | 'transfer_elsewhere';
  note: string;
}

const departureFields = departureInput.omit({ id: true, revision: true });
export type DepartureFields = z.output<typeof departureFields>;

export function emptyDeparture(today: IsoDate): DepartureValues {
  return { on: today, how: '', note: '' };
}

/** The departure's form: how, and a date not in the future nor before the previous step (the arrival). */
export function checkDeparture(values: DepartureValues, context: DateContext & { notBefore: IsoDate }): Checked<DepartureFields> {
  const extra: Record<string, string> = {};
  const problem = stepDateProblem(values.on, context.today, context.notBefore);
  put(extra, 'on', problem === 'dateOrder' ? V.departureBeforeArrival : problem);
  put(extra, 'how', values.how === '' ? 'required' : undefined);
  return checkWith(departureFields, { on: trimmed(values.on), how: values.how === '' ? undefined : values.how, ...(optional(values.note) !== undefined ? { note: optional(values.note) } : {}) }, extra);
}

/** V-77 p. 51: an appeal against an act on the case. */
export interface AppealValues {
  against: string;
  filedOn: string;
  note: string;
}

const appealFields = appealInput.omit({ id: true, revision: true });
export type AppealFields = z.output<typeof appealFields>;

/** The appeal's form: filed not later than today, nor before the contested act's date. */
export function checkAppeal(values: AppealValues, context: DateContext & { actDate: IsoDate }): Checked<AppealFields> {
  const extra: Record<string, string> = {};
  put(extra, 'filedOn', dateNotFuture(values.filedOn, context.today));
  if (isIsoDate(values.filedOn) && compareIso(values.filedOn, context.actDate) < 0) put(extra, 'filedOn', V.filedBeforeAct);
  return checkWith(appealFields, { against: values.against, filedOn: trimmed(values.filedOn), ...(optional(values.note) !== undefined ? { note: optional(values.note) } : {}) }, extra);
}

/** V-77 p. 51: the decision on an appeal, as received. */
export interface AppealOutcomeValues {
  result: '' | 'upheld' | 'dismissed';
  number: string;
  date: string;
  receivedOn: string;
  note: string;
  stagedId: string;
}

const appealOutcomeFields = appealOutcomeInput.omit({ id: true, revision: true });
export type AppealOutcomeFields = z.output<typeof appealOutcomeFields>;

export function emptyAppealOutcome(today: IsoDate): AppealOutcomeValues {
  return { result: '', number: '', date: '', receivedOn: today, note: '', stagedId: '' };
}

/**
 * The outcome's form: the result, the decision's number and date (not before the appeal was filed),
 * the day received (not before the decision), the reason and the copy. `reopens`: an upheld appeal
 * would reopen the case (appealReopening): the reopening is a step dated the day the decision was
 * received (V-77 p. 51), so that day is not before the case's latest step.
 */
export function checkAppealOutcome(values: AppealOutcomeValues, context: DateContext & { appealId: string; filedOn: IsoDate; lastStepOn: IsoDate; reopens: boolean }): Checked<AppealOutcomeFields> {
  const extra: Record<string, string> = {};
  put(extra, 'result', values.result === '' ? 'required' : undefined);
  put(extra, 'date', dateNotFuture(values.date, context.today));
  if (isIsoDate(values.date) && compareIso(values.date, context.filedOn) < 0) put(extra, 'date', V.decidedBeforeFiled);
  put(extra, 'receivedOn', dateNotFuture(values.receivedOn, context.today));
  if (isIsoDate(values.date) && isIsoDate(values.receivedOn) && compareIso(values.receivedOn, values.date) < 0) put(extra, 'receivedOn', V.receivedBeforeDate);
  if (values.result === 'upheld' && context.reopens && isIsoDate(values.receivedOn) && compareIso(values.receivedOn, context.lastStepOn) < 0) put(extra, 'receivedOn', V.reopenedBeforeStep);
  put(extra, 'stagedId', values.stagedId === '' ? V.fileRequired : undefined);
  return checkWith(
    appealOutcomeFields,
    {
      appealId: context.appealId,
      result: values.result === '' ? undefined : values.result,
      number: trimmed(values.number),
      date: trimmed(values.date),
      receivedOn: trimmed(values.receivedOn),
      note: values.note,
      stagedId: values.stagedId,
    },
    extra,
  );
}

/** A correction of the latest step recorded by hand: the reason, required. */
export interface CorrectionValues {
  reason: string;
}

const correctionFields = correctionInput.omit({ id: true, revision: true });
export type CorrectionFields = z.output<typeof correctionFields>;

export function checkCorrection(values: CorrectionValues): Checked<CorrectionFields> {
  return checkWith(correctionFields, { reason: values.reason }, {});
}

/** V-77 p. 20: the day the director was told of the freed place. */
export interface PlaceReportValues {
  on: string;
}

const placeReportFields = placeReportInput.omit({ id: true, revision: true });
export type PlaceReportFields = z.output<typeof placeReportFields>;

/** The report's date: not later than today, nor before the place freed. */
export function checkPlaceReport(values: PlaceReportValues, context: DateContext & { freedOn: IsoDate }): Checked<PlaceReportFields> {
  const extra: Record<string, string> = {};
  put(extra, 'on', dateNotFuture(values.on, context.today));
  if (isIsoDate(values.on) && compareIso(values.on, context.freedOn) < 0) put(extra, 'on', V.reportBeforeDeparture);
  return checkWith(placeReportFields, { on: trimmed(values.on) }, extra);
}

/** V-77 p. 28–35 and seed 001: a record of the convict's life in the halfway house. */
export interface LifeValues {
  kind: '' | LifeEntry['kind'];
  on: string;
  /** For the intensive preparation plan: the day the director approved it (p. 31). */
  approvedOn: string;
  note: string;
}

export type LifeFields = Omit<z.output<typeof lifeInput>, 'id' | 'revision'>;

export function emptyLife(today: IsoDate): LifeValues {
  return { kind: '', on: today, approvedOn: '', note: '' };
}

/** The kinds whose record says what was found (p. 32 review, p. 35 non-compliance): the note is required. */
export const LIFE_NOTE_REQUIRED: readonly LifeEntry['kind'][] = ['review', 'nonCompliance'];

/**
 * The record's form: its kind, a date between the arrival and today, the director's approval of the
 * intensive plan (p. 31) not before the plan, and what was found for a review or a non-compliance.
 */
export function checkLife(values: LifeValues, context: DateContext & { arrivedOn: IsoDate }): Checked<LifeFields> {
  const extra: Record<string, string> = {};
  put(extra, 'kind', values.kind === '' ? 'required' : undefined);
  put(extra, 'on', stepDateProblem(values.on.trim(), context.today, context.arrivedOn));
  const approvedOn = values.kind === 'intensivePlan' ? values.approvedOn.trim() : '';
  if (values.kind === 'intensivePlan') put(extra, 'approvedOn', stepDateProblem(approvedOn, context.today, isIsoDate(values.on.trim()) ? values.on.trim() : context.arrivedOn));
  // The contract's schema carries the case's reference; the form's part is checked with a stand-in.
  const checked = checkWith(lifeInput, { id: '-', revision: 0, kind: values.kind === '' ? undefined : values.kind, on: values.on.trim(), ...(approvedOn !== '' ? { approvedOn } : {}), note: values.note }, extra);
  if (checked.input === null) return { input: null, errors: checked.errors };
  const { id: _id, revision: _revision, ...input } = checked.input;
  return { input, errors: checked.errors };
}

/** V-77 p. 21–23: our convict set off to the other institution's halfway house, and the personal file was sent. */
export interface TransferOutValues {
  departedOn: string;
  personalFileSentOn: string;
  note: string;
}

const transferOutFields = transferOutInput.omit({ id: true, revision: true });
export type TransferOutFields = z.output<typeof transferOutFields>;

/** Both dates today by default: p. 23 wants the file sent the day the convict leaves. */
export function emptyTransferOut(today: IsoDate): TransferOutValues {
  return { departedOn: today, personalFileSentOn: today, note: '' };
}

/**
 * The form's checks: the dates real, not in the future, not before the other institution's decision
 * (`notBefore`). A day off or the file sent another day is not refused (the back end records it with
 * a note, V-77 p. 22–23): `transferOutRemarks` says so beforehand.
 */
export function checkTransferOut(values: TransferOutValues, context: DateContext & { notBefore: IsoDate }): Checked<TransferOutFields> {
  const extra: Record<string, string> = {};
  put(extra, 'departedOn', stepDateProblem(values.departedOn, context.today, context.notBefore));
  put(extra, 'personalFileSentOn', stepDateProblem(values.personalFileSentOn, context.today, context.notBefore));
  return checkWith(
    transferOutFields,
    { departedOn: trimmed(values.departedOn), personalFileSentOn: trimmed(values.personalFileSentOn), ...(optional(values.note) !== undefined ? { note: optional(values.note) } : {}) },
    extra,
  );
}

/** What the back end will note with the record (V-77 p. 22: a working day; p. 23: the file sent the same day). */
export function transferOutRemarks(values: Pick<TransferOutValues, 'departedOn' | 'personalFileSentOn'>): ('dayOff' | 'fileOtherDay')[] {
  const out: ('dayOff' | 'fileOtherDay')[] = [];
  if (isIsoDate(values.departedOn.trim()) && !isWorkingDay(values.departedOn.trim())) out.push('dayOff');
  if (isIsoDate(values.departedOn.trim()) && isIsoDate(values.personalFileSentOn.trim()) && values.departedOn.trim() !== values.personalFileSentOn.trim()) out.push('fileOtherDay');
  return out;
}

/** Issue 17: where the outcome of the section's forms is said: under the buttons that open them; an appeal's, in the appeals part. */
export const AFTER_SPOT = 'after';
export const APPEAL_FILED_SPOT = 'after-appeal-filed';
export const APPEAL_OUTCOME_SPOT = 'after-appeal-outcome';
