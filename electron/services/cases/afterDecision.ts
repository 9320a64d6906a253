/**
 * Issue 14: what follows the commission's decision (V-77 p. 4, 8, 17–25, 44–51), recorded on the
 * case: the acts received from elsewhere with their copies, the arrival in the halfway house with
 * the p. 25 checks, the departure, appeals and their outcomes, and the correction of a step
 * recorded by mistake. Every write goes through the case's door (caseChanges.save); the audit
 * summaries name the case, the act and the appeal by id only.
 */
import { TIMELINE_NOTES } from '../../../shared/domain/timelineNotes';
import { randomUUID } from 'node:crypto';
import type { GeneratedDocument } from '../../../shared/contract/documentSchemas';
import type { Caller } from '../../../shared/contract/methods';
import type { Appeal, CaseRecord, ReceivedAct } from '../../../shared/contract/schemas';
import { compareIso, isWorkingDay, type IsoDate } from '../../../shared/domain/calendar';
import {
  applyCaseStep,
  assertTransition,
  CASE_STATE_LABELS,
  canTransition,
  caseRouteOf,
  correctableStep,
  correctLastStep,
  P47_STATES,
  RECEIVED_STEPS,
  reopenCase,
  REOPENINGS,
  type CaseState,
  type ChangeStamp,
} from '../../../shared/domain/caseStates';
import { takesPlace } from '../../../shared/domain/places';
import { annulled } from '../../../shared/domain/documents/annulment';
import { DomainError, fieldError } from '../../../shared/domain/errors';
import { ACT_NAMES } from '../../../shared/domain/errorTexts/afterDecision';
import { stepDateProblem } from '../../../shared/domain/stepRules';
import type { Call, ServiceContext, ServiceHandlers, Stores } from '../context';
import { appealableOf, caseChanges, generatedDocumentOf, otherOpenCase, stampOf } from './caseChanges';
import { requireFreePlace } from './placeAccounting';
import { lastStepOn } from './views';

type AfterDecisionHandlers = Pick<
  ServiceHandlers,
  'cases.recordAct' | 'cases.readAct' | 'cases.recordArrival' | 'cases.recordDeparture' | 'cases.recordTransferOut' | 'cases.fileAppeal' | 'cases.decideAppeal' | 'cases.correctStep'
>;

/** V-77 p. 25: what the employee who receives the convict does, as the refusal names it. */
const ARRIVAL_CHECK_NAMES = {
  identity: 'asmens tapatybė patikrinta (25.1)',
  search: 'patikrinimas atliktas (25.2)',
  rules: 'supažindinta su taisyklėmis pasirašytinai (25.3)',
  room: 'paskirtas kambarys ir miegamoji vieta (25.4)',
} as const;

/** How the convict left the halfway house (V-77 p. 4, 44–46), as the timeline says it. */

/**
 * V-77 p. 47: another institution's notice of circumstances concerns its convict (route 'other') on
 * our list, and makes them ineligible (where the procedure has that step from the case's state).
 */
function p47Applies(record: CaseRecord): boolean {
  const route = caseRouteOf(record.request);
  return route === 'other' && P47_STATES.includes(record.state) && canTransition(record.state, 'ineligible', record.facts.decision, route);
}

/** Who issues the decision on an appeal (V-77 p. 51). */
const APPEAL_ISSUERS = {
  department: 'Kalėjimų departamento prie Lietuvos Respublikos teisingumo ministerijos direktorius',
  court: 'Regionų administracinis teismas',
} as const;

/** A checked file held for the user's confirmation (dossier.stage), as the staging gives it. */
type StagedDocument = ReturnType<ServiceContext['staging']['get']>[number];

const MEDIA_TYPES: Readonly<Record<string, string>> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' };

function sessionOf(caller: Caller): string {
  // The guard admits only signed-in callers to these methods, so a session is always there.
  return caller.session ?? '';
}

/** The later of two dates. */
function later(a: IsoDate, b: IsoDate): IsoDate {
  return compareIso(a, b) >= 0 ? a : b;
}

/**
 * The facts of a convict who left the halfway house on `on` (V-77 p. 4, 44–46): the place frees that
 * day and the p. 20 term runs from it. For the return (p. 46, the signed returnDecision) the documents
 * take the step to "returned" and set these facts with `how: 'return'`.
 */
export function departedFacts(record: CaseRecord, on: IsoDate, how: 'parole' | 'sentence_end' | 'transfer_elsewhere' | 'return'): CaseRecord['facts'] {
  const { placeReportedOn: _reported, ...facts } = record.facts;
  return { ...facts, departure: { on, how } };
}

/**
 * Whether a document received from elsewhere may be recorded on the case now (issue 14): the other
 * institution's outcome of a dossier sent (p. 8), the Prison Department's act on a submission (p.
 * 17–18), another institution's p. 47 notice on a convict on our list, or the decision on an open
 * appeal (p. 51). The dossier's staging accepts a file for such a case although its dossier is closed.
 */
export function expectsReceivedAct(record: CaseRecord): boolean {
  const route = caseRouteOf(record.request);
  if (route === 'sends' && record.state === 'dossier_sent') return true;
  if (RECEIVED_STEPS.some((s) => s.from === record.state)) return true;
  if (p47Applies(record)) return true;
  return record.appeals?.some((a) => a.outcome === undefined) ?? false;
}

/**
 * Write the staged copy (once per content: the store writes it atomically, or not at all) and then
 * the case (`put`). Should writing the copy fail, the case stays as it was; should the case write
 * fail, the copy stays until the next background check finds nothing refers to it (DocumentStore.sweep).
 */
function storeCopy(stores: Stores, staged: StagedDocument, put: () => void): void {
  stores.documents.put(staged.sha256, staged.bytes);
  put();
}

export function afterDecisionHandlers(ctx: ServiceContext): AfterDecisionHandlers {
  const { view, forChange, save } = caseChanges(ctx);

  /** A date of a step: real, not in the future, not before `notBefore`. */
  const checkDate = (field: string, on: IsoDate, notBefore: IsoDate) => {
    const problem = stepDateProblem(on, ctx.today(), notBefore);
    if (problem) throw fieldError(field, problem, { why: 'stepDate', notBefore });
  };

  /** The received document's copy, staged for this case by this session (dossier.stage). */
  const stagedCopy = (caller: Caller, caseId: string, stagedId: string): StagedDocument => ctx.staging.get(sessionOf(caller), caseId, [stagedId])[0]!;

  const actOf = (
    input: { kind: ReceivedAct['kind']; number: string; date: IsoDate; receivedOn: IsoDate; issuer: string; granted?: boolean; note?: string },
    staged: StagedDocument,
    stamp: ChangeStamp,
  ): ReceivedAct => ({
    id: randomUUID(),
    kind: input.kind,
    number: input.number,
    date: input.date,
    receivedOn: input.receivedOn,
    issuer: input.issuer,
    ...(input.granted !== undefined ? { granted: input.granted } : {}),
    ...(input.note ? { note: input.note } : {}),
    file: { name: staged.name, sha256: staged.sha256, size: staged.bytes.length, mediaType: MEDIA_TYPES[staged.kind] ?? 'application/octet-stream' },
    at: stamp.at,
    ...(stamp.by !== undefined ? { by: stamp.by } : {}),
  });

  /** The act's timeline entry: what came, its number and date (p. 49: for the personal file). */
  const actEntry = (act: ReceivedAct, stamp: ChangeStamp, extra?: string) => ({
    at: stamp.at,
    ...(stamp.by !== undefined ? { by: stamp.by } : {}),
    kind: 'act' as const,
    on: act.receivedOn,
    actId: act.id,
    note: [`${ACT_NAMES[act.kind]?.lt ?? act.kind}: Nr. ${act.number}, ${act.date}, ${act.issuer}`, extra, act.note].filter(Boolean).join('. '),
  });

  /**
   * Save the case with the received copy stored first, then forget the staged file. `annul`: the
   * contested document an upheld appeal annulled (p. 51), written in the same change just before the
   * case, and put back as it was should the case's write fail.
   */
  const saveWithCopy = (next: CaseRecord, before: CaseRecord, caller: Call, staged: StagedDocument, summary: string, annul?: { doc: GeneratedDocument; was: GeneratedDocument }) => {
    save(next, 'caseStep', caller, { before, summary }, (put, stores) =>
      storeCopy(stores, staged, () => {
        if (!annul) return put();
        stores.generated.put(annul.doc);
        try {
          put();
        } catch (e) {
          try {
            stores.generated.put(annul.was);
          } catch {
            // the case's failure is the one reported; the next start finds the document as written
          }
          throw e;
        }
      }),
    );
    ctx.staging.discard(sessionOf(caller), [staged.id]);
    return view(next);
  };

  return {
    'cases.recordAct': async (input, caller) => {
      const record = forChange(input.id, input.revision);
      const route = caseRouteOf(record.request);
      const { kind } = input;
      const notExpected = () => new DomainError('ACT_NOT_EXPECTED', { kind, state: record.state });
      // What the act does to the case: the step it takes (p. 17, 18, 47), or none (p. 8, 49).
      let step: { to: CaseState } | undefined;
      if (kind === 'departmentResolution' || kind === 'departmentRefusal') {
        const s = RECEIVED_STEPS.find((r) => r.kind === kind && r.from === record.state);
        if (!s || !canTransition(record.state, s.to, record.facts.decision, route)) throw notExpected();
        step = { to: s.to };
      } else if (kind === 'otherOutcome') {
        if (route !== 'sends' || record.state !== 'dossier_sent') throw notExpected();
        // V-77 p. 8, 49: the other institution decides once; its outcome is recorded once.
        if (record.acts?.some((a) => a.kind === 'otherOutcome')) throw new DomainError('ACT_NOT_EXPECTED', { kind, state: record.state, why: 'recorded' });
        if (input.granted === undefined) throw fieldError('granted', 'required', { why: 'asField' });
      } else if (kind === 'p47Notice') {
        if (!p47Applies(record)) throw notExpected();
        if (!input.note) throw fieldError('note', 'required', { why: 'stepReason', to: 'ineligible' });
        step = { to: 'ineligible' };
      } else {
        throw notExpected();
      }
      // The act is dated on or after the latest step (a resolution follows the submission) and received on or after its date.
      const notBefore = lastStepOn(record);
      checkDate('date', input.date, notBefore);
      checkDate('receivedOn', input.receivedOn, input.date);
      const staged = stagedCopy(caller, record.id, input.stagedId);
      const at = ctx.now().toISOString();
      const stamp = stampOf(caller, at);
      const act = actOf(input, staged, stamp);
      const granted = kind === 'otherOutcome' ? (input.granted ? 'Prašymas patenkintas' : 'Prašymas nepatenkintas') : undefined;
      // V-77 p. 8, 19: the other institution's refusal is a refusal of the request: a new request runs from its date.
      const refusedThere = kind === 'otherOutcome' && input.granted === false;
      let next: CaseRecord = {
        ...record,
        revision: record.revision + 1,
        updatedAt: at,
        ...(refusedThere ? { facts: { ...record.facts, refusedOn: input.date } } : {}),
        acts: [...(record.acts ?? []), act],
        timeline: [...record.timeline, actEntry(act, stamp, granted)],
      };
      if (step) {
        // The door sets refusedOn (p. 19) from the step, dated by the act.
        const note = [`${ACT_NAMES[kind]?.lt ?? kind} Nr. ${input.number}`, kind === 'p47Notice' ? input.note : undefined].filter(Boolean).join(': ');
        next = applyCaseStep(next, { to: step.to, on: input.date, note, actId: act.id }, stamp);
      }
      const moved = step ? `; būsena „${CASE_STATE_LABELS[record.state].lt}“ → „${CASE_STATE_LABELS[step.to].lt}“` : '';
      return saveWithCopy(next, record, caller, staged, `Užregistruotas gautas dokumentas (${kind}) ${act.id}${moved}`);
    },

    'cases.readAct': async ({ caseId, actId }) => {
      const record = ctx.cases.get(caseId);
      const act = record.acts?.find((a) => a.id === actId);
      if (!act) throw new DomainError('ACT_NOT_FOUND', { caseId, actId });
      return { name: act.file.name, bytes: ctx.documents.read(act.file.sha256), sha256: act.file.sha256, mediaType: act.file.mediaType };
    },

    'cases.recordArrival': async ({ id, revision, on, time, checks, room, bed }, caller) => {
      const record = forChange(id, revision);
      assertTransition(record.state, 'transferred', record.facts.decision, caseRouteOf(record.request));
      // V-77 p. 25: each of the receiving employee's checks is confirmed.
      const missing = (Object.keys(ARRIVAL_CHECK_NAMES) as (keyof typeof ARRIVAL_CHECK_NAMES)[]).filter((k) => !checks[k]).map((k) => ARRIVAL_CHECK_NAMES[k]);
      if (missing.length > 0) throw new DomainError('ARRIVAL_CHECKS_MISSING', { missing });
      checkDate('on', on, lastStepOn(record));
      // V-77 p. 4: a place must be free that day; this convict's own held place is theirs (counted as free for them).
      requireFreePlace(ctx, on, record.id, 'arrival');
      // V-77 p. 22: the journey is on a working day with arrival by 15:00; a later arrival is recorded all the same, and said so.
      const remarks = [
        ...(isWorkingDay(on) ? [] : ['Atvyko ne darbo dieną (V-77 22 p.)']),
        ...(time > '15:00' ? ['Atvyko po 15 val. (V-77 22 p.)'] : []),
      ];
      const note = [TIMELINE_NOTES.arrived(time, room, bed), ...remarks].join('. ');
      const at = ctx.now().toISOString();
      const next = applyCaseStep({ ...record, revision: record.revision + 1, facts: { ...record.facts, arrival: { on, time, room, bed } } }, { to: 'transferred', on, note }, stampOf(caller, at));
      const late = remarks.length > 0 ? ' (V-77 22 p. pastaba)' : '';
      return view(save(next, 'caseStep', caller, { before: record, summary: `Atvykimas į pusiaukelės namus: būsena „${CASE_STATE_LABELS[record.state].lt}“ → „${CASE_STATE_LABELS.transferred.lt}“${late}` }));
    },

    'cases.recordDeparture': async ({ id, revision, on, how, note }, caller) => {
      const record = forChange(id, revision);
      assertTransition(record.state, 'left', record.facts.decision, caseRouteOf(record.request));
      const arrived = record.facts.arrival?.on;
      checkDate('on', on, arrived === undefined ? lastStepOn(record) : later(lastStepOn(record), arrived));
      const at = ctx.now().toISOString();
      const stepNote = [TIMELINE_NOTES.departed(how), note].filter(Boolean).join('. ');
      const next = applyCaseStep({ ...record, revision: record.revision + 1, facts: departedFacts(record, on, how) }, { to: 'left', on, note: stepNote }, stampOf(caller, at));
      return view(save(next, 'caseStep', caller, { before: record, summary: `Išvykimas iš pusiaukelės namų (${how}): būsena „${CASE_STATE_LABELS[record.state].lt}“ → „${CASE_STATE_LABELS.left.lt}“` }));
    },

    'cases.recordTransferOut': async ({ id, revision, departedOn, personalFileSentOn, note }, caller) => {
      const record = forChange(id, revision);
      // V-77 p. 7–8, 21: our convict (route 'sends') whose dossier was sent, and whose request the other institution granted.
      if (caseRouteOf(record.request) !== 'sends' || record.state !== 'dossier_sent') {
        throw new DomainError('TRANSFER_OUT_NOT_EXPECTED', { why: 'route', state: record.state });
      }
      const granted = record.acts?.find((a) => a.kind === 'otherOutcome' && a.granted === true);
      if (!granted) throw new DomainError('TRANSFER_OUT_NOT_EXPECTED', { why: 'notGranted', state: record.state });
      if (record.facts.transferOut) throw new DomainError('TRANSFER_OUT_NOT_EXPECTED', { why: 'recorded', state: record.state });
      // The journey follows the other institution's decision; the personal file is sent no earlier either.
      const notBefore = later(lastStepOn(record), granted.date);
      checkDate('departedOn', departedOn, notBefore);
      checkDate('personalFileSentOn', personalFileSentOn, notBefore);
      // V-77 p. 22–23: a working day, the file sent that same day; otherwise recorded all the same, and said so.
      const remarks = [
        ...(isWorkingDay(departedOn) ? [] : ['Išvyko ne darbo dieną (V-77 22 p.)']),
        ...(personalFileSentOn === departedOn ? [] : [`Asmens byla išsiųsta ${personalFileSentOn}, ne nuteistojo išvykimo dieną (V-77 23 p.)`]),
      ];
      const at = ctx.now().toISOString();
      const stamp = stampOf(caller, at);
      const entryNote = [TIMELINE_NOTES.transferredOut(personalFileSentOn), ...remarks, note].filter(Boolean).join('. ');
      const next: CaseRecord = {
        ...record,
        revision: record.revision + 1,
        updatedAt: at,
        facts: { ...record.facts, transferOut: { departedOn, personalFileSentOn } },
        timeline: [...record.timeline, { at, ...(stamp.by !== undefined ? { by: stamp.by } : {}), kind: 'transferOut', on: departedOn, note: entryNote }],
      };
      const remarked = remarks.length > 0 ? ' (V-77 22–23 p. pastaba)' : '';
      return view(save(next, 'caseStep', caller, { before: record, summary: `Byla ${record.id}: išvykimas į kitos įstaigos pusiaukelės namus užregistruotas${remarked}` }));
    },

    'cases.fileAppeal': async ({ id, revision, against, filedOn, note }, caller) => {
      const record = forChange(id, revision);
      const act = appealableOf(ctx, record).find((a) => a.ref === against);
      if (!act) throw notAppealable(record, against);
      checkDate('filedOn', filedOn, act.date);
      const at = ctx.now().toISOString();
      const stamp = stampOf(caller, at);
      const appeal: Appeal = {
        id: randomUUID(),
        against: { ref: act.ref, kind: act.kind, number: act.number, date: act.date },
        body: act.body,
        filedOn,
        ...(act.dueBy !== undefined ? { dueBy: act.dueBy } : {}),
        ...(note ? { note } : {}),
        at,
        ...(stamp.by !== undefined ? { by: stamp.by } : {}),
      };
      // A filing after `dueBy` is not written down as late: the term runs from the service, which the
      // app only assumes (appeals.termCountedFrom); the view warns instead (deadlines.appealFiledLate).
      const entryNote = [`${TIMELINE_NOTES.appealFiled(act.body, ACT_NAMES[act.kind]?.lt ?? act.kind)} Nr. ${act.number}, ${act.date}`, note].filter(Boolean).join('. ');
      const next: CaseRecord = {
        ...record,
        revision: record.revision + 1,
        updatedAt: at,
        appeals: [...(record.appeals ?? []), appeal],
        timeline: [...record.timeline, { at, ...(stamp.by !== undefined ? { by: stamp.by } : {}), kind: 'appeal', on: filedOn, appealId: appeal.id, note: entryNote }],
      };
      return view(save(next, 'caseStep', caller, { before: record, summary: `Užregistruotas skundas ${appeal.id} dėl akto ${act.ref} (${act.kind})` }));
    },

    'cases.decideAppeal': async ({ id, revision, appealId, result, number, date, receivedOn, note, stagedId }, caller) => {
      const record = forChange(id, revision);
      const appeal = record.appeals?.find((a) => a.id === appealId);
      if (!appeal) throw new DomainError('APPEAL_NOT_FOUND', { appealId });
      if (appeal.outcome) throw new DomainError('APPEAL_DECIDED', { appealId, outcome: appeal.outcome.result });
      const upheld = result === 'upheld';
      // An upheld appeal reopens the case at the step the contested act took, if that act still
      // stands (p. 51). If the case has moved on since (the order was followed by the arrival), the
      // outcome is recorded all the same, and the timeline says the case was not reopened and why.
      const reopening = upheld && inForce(record, appeal.against.ref) ? REOPENINGS.find((r) => r.from === record.state && r.act === appeal.against.kind) : undefined;
      checkDate('date', date, appeal.filedOn);
      // The reopening is dated the day the decision was received (the case's terms run from it), not before the latest step.
      checkDate('receivedOn', receivedOn, reopening ? later(date, lastStepOn(record)) : date);
      if (reopening) {
        // Two requests of one convict are not open at once (p. 19): the secretary ends one first.
        const other = otherOpenCase(ctx, record.convict.personalFileNo, record.id);
        if (other) throw new DomainError('REOPEN_OTHER_OPEN', { other: { caseId: other.id, requestDate: other.request.requestDate, state: other.state }, to: reopening.to });
        // V-77 p. 4: a reopening that gives the convict a place back (an annulled return, an annulled
        // refusal of the Prison Department) needs one free; else nothing is recorded until there is.
        if (takesPlace(record.state, reopening.to)) requireFreePlace(ctx, ctx.today(), record.id, 'reopening');
      }
      // V-77 p. 51: the contested act, when it is our generated document, is annulled by the upheld appeal.
      const contested = upheld ? generatedDocumentOf(ctx, appeal.against.ref) : undefined;
      const annul = contested && contested.annulledBy === undefined && contested.caseIds.includes(record.id) ? { doc: annulled(contested, appealId), was: contested } : undefined;
      const staged = stagedCopy(caller, record.id, stagedId);
      const at = ctx.now().toISOString();
      const stamp = stampOf(caller, at);
      const act = actOf({ kind: 'appealOutcome', number, date, receivedOn, issuer: APPEAL_ISSUERS[appeal.body] }, staged, stamp);
      const outcome = { result, on: date, actId: act.id, ...(reopening ? { reopenedTo: reopening.to } : {}) };
      const said = TIMELINE_NOTES.appealDecided(upheld);
      const notReopened = upheld && !reopening ? `Byla neatnaujinta: skųstas aktas nebegalioja, byla jau pasikeitusi (būsena „${CASE_STATE_LABELS[record.state].lt}“)` : undefined;
      let next: CaseRecord = {
        ...record,
        revision: record.revision + 1,
        updatedAt: at,
        acts: [...(record.acts ?? []), act],
        appeals: record.appeals!.map((a) => (a.id === appealId ? { ...a, outcome } : a)),
        timeline: [
          ...record.timeline,
          {
            at,
            ...(stamp.by !== undefined ? { by: stamp.by } : {}),
            kind: 'appeal',
            on: date,
            appealId,
            actId: act.id,
            note: [`${said} (V-77 51 p.), Nr. ${number}, ${date}: ${note}`, notReopened].filter(Boolean).join('. '),
          },
        ],
      };
      if (reopening) next = reopenCase(next, { to: reopening.to, on: receivedOn, appealId, note: `${said}: ${note}` }, stamp);
      const reopened = reopening
        ? `; byla atnaujinta: „${CASE_STATE_LABELS[record.state].lt}“ → „${CASE_STATE_LABELS[reopening.to].lt}“`
        : upheld
          ? '; byla neatnaujinta (pasikeitusi)'
          : '';
      const annulledText = annul ? `; panaikintas dokumentas ${annul.doc.id}` : '';
      return saveWithCopy(next, record, caller, staged, `Skundo ${appealId} baigtis: ${result}, aktas ${act.id}${reopened}${annulledText}`, annul);
    },

    'cases.correctStep': async ({ id, revision, reason }, caller) => {
      const record = forChange(id, revision);
      // V-77 p. 4: undoing a departure, a withdrawal or a p. 47 step gives the convict a place back: one must be free.
      const step = correctableStep(record);
      if (step && takesPlace(step.to, step.from)) requireFreePlace(ctx, ctx.today(), record.id, 'correction');
      const at = ctx.now().toISOString();
      const corrected = correctLastStep({ ...record, revision: record.revision + 1 }, { on: ctx.today(), note: reason }, stampOf(caller, at));
      return view(
        save(corrected, 'caseStep', caller, {
          before: record,
          summary: `Pataisytas klaidingai įrašytas žingsnis: „${CASE_STATE_LABELS[record.state].lt}“ → grąžinta į „${CASE_STATE_LABELS[corrected.state].lt}“`,
        }),
      );
    },
  };

  /** Why an act cannot be appealed now (V-77 p. 51): an appeal against it is open, it no longer stands, or it is not one p. 51 names. */
  function notAppealable(record: CaseRecord, ref: string): DomainError {
    const kind = record.acts?.find((a) => a.id === ref)?.kind ?? generatedDocumentOf(ctx, ref)?.kind ?? ref;
    if (record.appeals?.some((a) => a.against.ref === ref && a.outcome === undefined)) return new DomainError('APPEAL_NOT_ALLOWED', { act: kind, why: 'pending' });
    const stepped = record.timeline.some((e) => e.kind === 'state' && (e.documentId === ref || e.actId === ref));
    const known = REOPENINGS.some((r) => r.act === kind);
    return new DomainError('APPEAL_NOT_ALLOWED', { act: kind, why: stepped && known ? 'notInForce' : 'notAppealable' });
  }
}

/** Whether the act `ref` took the step into the case's present state (nothing undid or followed it). */
function inForce(record: CaseRecord, ref: string): boolean {
  const step = record.timeline.findLast((e) => (e.kind === 'state' || e.kind === 'reopened' || e.kind === 'corrected') && e.to !== undefined);
  return step !== undefined && step.kind === 'state' && step.to === record.state && (step.documentId === ref || step.actId === ref);
}
