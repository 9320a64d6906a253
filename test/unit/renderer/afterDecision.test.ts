import { earlierOf } from '../../../renderer/documents/passOver';
import { describe, expect, it } from 'vitest';
import type { Appeal, CaseView, ReceivedAct } from '../../../shared/contract/schemas';
import { P47_STATES, type CaseState } from '../../../shared/domain/caseStates';
import { translate } from '../../../renderer/i18n/translate';
import {
  actsNewestFirst,
  afterActions,
  arrivalAdvice,
  appealOutcomeNotice,
  appealReopening,
  checkAppeal,
  checkAppealOutcome,
  checkArrival,
  checkCorrection,
  checkDeparture,
  checkTransferOut,
  emptyTransferOut,
  transferOutRemarks,
  checkLife,
  emptyLife,
  checkPlaceReport,
  checkReceivedAct,
  emptyAppealOutcome,
  emptyArrival,
  emptyDeparture,
  emptyReceivedAct,
  lateFilingDueBy,
  missingOf,
  otherOpenCaseOf,
  otherOutcomeOf,
  pendingAppeals,
  reopeningFor,
  showsAfterDecision,
  V,
  viewerKindOf,
  type ArrivalValues,
  type ReceivedActValues,
} from '../../../renderer/afterDecision/afterDecisionModel';
import { fieldMessage } from '../../../renderer/auth/authForms';

const TODAY = '2026-11-23'; // a Monday

type ViewLike = Parameters<typeof afterActions>[0];
function viewOf(state: CaseState, route: CaseView['route'], facts: ViewLike['record']['facts'] = {}, extra: Partial<ViewLike['record']> = {}): ViewLike {
  return { route, appealable: [], record: { state, facts, ...extra } };
}

describe('issue 14: what the case page offers after the decision, by state and route', () => {
  it('V-77 p. 8, 49: our convict asking for another institution: the outcome received is recorded once the dossier is sent', () => {
    expect(afterActions(viewOf('dossier_sent', 'sends'))).toEqual(['otherOutcome']);
    expect(afterActions(viewOf('dossier_collecting', 'sends'))).toEqual([]);
    // The section shows for such a case from the start (the notice that our commission does not decide).
    expect(showsAfterDecision(viewOf('request_received', 'sends'))).toBe(true);
    expect(showsAfterDecision(viewOf('request_received', 'own'))).toBe(false);
  });

  it('V-77 p. 8, 49: the other institution’s outcome is recorded once: its action goes once it is', () => {
    const outcome = act({ id: 'o1', kind: 'otherOutcome', granted: false });
    expect(afterActions(viewOf('dossier_sent', 'sends', {}, { acts: [outcome] }))).toEqual([]);
    expect(afterActions(viewOf('dossier_sent', 'sends', {}, { acts: [act({ kind: 'p47Notice' })] }))).toEqual(['otherOutcome']);
    expect(otherOutcomeOf([act({}), outcome])?.id).toBe('o1');
    expect(otherOutcomeOf(undefined)).toBeUndefined();
  });

  it('V-77 p. 21–23: after a granted outcome, the departure to the other institution’s halfway house is recorded once', () => {
    const granted = act({ id: 'o1', kind: 'otherOutcome', granted: true, date: '2026-11-20' });
    expect(afterActions(viewOf('dossier_sent', 'sends', {}, { acts: [granted] }))).toEqual(['transferOut']);
    expect(afterActions(viewOf('dossier_sent', 'sends', { transferOut: { departedOn: TODAY, personalFileSentOn: TODAY } }, { acts: [granted] }))).toEqual([]);
    expect(afterActions(viewOf('dossier_sent', 'sends', {}, { acts: [act({ kind: 'otherOutcome', granted: false })] }))).toEqual([]);
    // Both dates default to today (p. 23: the same day); none before the outcome nor in the future.
    expect(checkTransferOut(emptyTransferOut(TODAY), { today: TODAY, notBefore: '2026-11-20' }).input).toEqual({ departedOn: TODAY, personalFileSentOn: TODAY });
    expect(checkTransferOut({ departedOn: '2026-11-19', personalFileSentOn: '2026-11-24', note: '' }, { today: TODAY, notBefore: '2026-11-20' }).errors).toEqual({ departedOn: 'dateOrder', personalFileSentOn: 'dateInFuture' });
    // A day off (p. 22) and the file sent another day (p. 23) are recorded, and said so beforehand.
    expect(transferOutRemarks({ departedOn: '2026-11-21', personalFileSentOn: TODAY })).toEqual(['dayOff', 'fileOtherDay']);
    expect(transferOutRemarks({ departedOn: TODAY, personalFileSentOn: TODAY })).toEqual([]);
  });

  it('V-77 p. 17–18: the Prison Department director’s act is recorded on a submitted case', () => {
    expect(afterActions(viewOf('submitted_to_department', 'other'))).toEqual(['departmentAct', 'p47Notice']);
  });

  it('V-77 p. 47: another institution’s notice takes its convict off our list, in the states the back end takes it in', () => {
    expect(P47_STATES).toEqual(['decided', 'listed', 'submitted_to_department', 'transfer_ordered']);
    for (const state of P47_STATES) {
      expect(afterActions(viewOf(state, 'other')), state).toContain('p47Notice');
      expect(afterActions(viewOf(state, 'own')), state).not.toContain('p47Notice');
    }
    for (const state of ['request_received', 'dossier_received', 'ready_for_commission', 'scheduled', 'transferred', 'refused'] as const) {
      expect(afterActions(viewOf(state, 'other')), state).not.toContain('p47Notice');
    }
  });

  it('V-77 p. 22–25, 4: the arrival once the transfer is ordered, the departure once transferred', () => {
    expect(afterActions(viewOf('transfer_ordered', 'own'))).toEqual(['arrival']);
    expect(afterActions(viewOf('transferred', 'own', { arrival: { on: '2026-11-02', time: '10:00', room: '1', bed: 'A' } }))).toEqual(['life', 'departure']);
  });

  it('V-77 p. 20: the freed place is reported once, after a departure or a return', () => {
    const departure = { on: '2026-11-20', how: 'parole' as const };
    expect(afterActions(viewOf('left', 'own', { departure }))).toEqual(['placeReport']);
    expect(afterActions(viewOf('returned', 'own', { departure: { on: '2026-11-20', how: 'return' } }))).toEqual(['placeReport']);
    expect(afterActions(viewOf('left', 'own', { departure, placeReportedOn: '2026-11-23' }))).toEqual([]);
    expect(afterActions(viewOf('left', 'own'))).toEqual([]);
  });

  it('nothing is offered before the decision on a case our commission decides', () => {
    for (const state of ['request_received', 'dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled'] as const) {
      expect(afterActions(viewOf(state, 'own')), state).toEqual([]);
      expect(showsAfterDecision(viewOf(state, 'own')), state).toBe(false);
    }
    // A received act or an appeal on the case shows the section whatever the state (e.g. after a reopening).
    expect(showsAfterDecision(viewOf('ready_for_commission', 'own', {}, { appeals: [] , acts: [act({})] }))).toBe(true);
  });
});

function act(patch: Partial<ReceivedAct>): ReceivedAct {
  return {
    id: 'a1',
    kind: 'departmentRefusal',
    number: '1-2',
    date: '2026-11-10',
    receivedOn: '2026-11-12',
    issuer: 'Kalėjimų departamentas',
    file: { name: 'a.pdf', sha256: 'x', size: 10, mediaType: 'application/pdf' },
    at: '2026-11-12T10:00:00Z',
    ...patch,
  };
}

describe('issue 14: appeals and reopenings (V-77 p. 50–51)', () => {
  it('names the state an upheld appeal reopens the case at, by the contested act', () => {
    expect(reopeningFor('refused', 'declineDecision')).toBe('listed');
    expect(reopeningFor('refused', 'letter')).toBe('ready_for_commission');
    expect(reopeningFor('refused', 'departmentRefusal')).toBe('submitted_to_department');
    expect(reopeningFor('returned', 'returnDecision')).toBe('transferred');
    expect(reopeningFor('transfer_ordered', 'order')).toBe('listed');
    expect(reopeningFor('listed', 'order')).toBeUndefined();
  });

  it('keeps the pending appeals', () => {
    const base = { against: { ref: 'd', kind: 'letter', number: '1', date: '2026-11-01' }, body: 'department' as const, filedOn: '2026-11-05', at: 'x' };
    expect(pendingAppeals([{ ...base, id: 'p1' }, { ...base, id: 'p2', outcome: { result: 'dismissed', on: '2026-11-20', actId: 'a' } }]).map((a) => a.id)).toEqual(['p1']);
    expect(pendingAppeals(undefined)).toEqual([]);
  });

  it('checks an appeal: filed not later than today nor before the contested act', () => {
    const context = { today: TODAY, actDate: '2026-11-10' };
    expect(checkAppeal({ against: 'd1', filedOn: '2026-11-12', note: ' ' }, context)).toEqual({ input: { against: 'd1', filedOn: '2026-11-12' }, errors: {} });
    expect(checkAppeal({ against: 'd1', filedOn: '2026-11-09', note: '' }, context).errors).toEqual({ filedOn: V.filedBeforeAct });
    expect(checkAppeal({ against: 'd1', filedOn: '2026-11-24', note: '' }, context).errors).toEqual({ filedOn: 'dateInFuture' });
    expect(checkAppeal({ against: 'd1', filedOn: '', note: '' }, context).errors).toEqual({ filedOn: 'required' });
  });

  it('checks an appeal’s outcome: the result, the decision not before the filing, received after it, the reasons and the copy', () => {
    const context = { today: TODAY, appealId: 'p1', filedOn: '2026-11-05', lastStepOn: '2026-11-19', reopens: true };
    const empty = checkAppealOutcome(emptyAppealOutcome(TODAY), context);
    expect(empty.input).toBeNull();
    expect(empty.errors).toMatchObject({ result: 'required', number: 'required', date: 'required', note: 'required', stagedId: V.fileRequired });
    const filled = { result: 'upheld' as const, number: ' 2-3 ', date: '2026-11-20', receivedOn: '2026-11-21', note: ' Skundas pagrįstas. ', stagedId: 's1' };
    expect(checkAppealOutcome(filled, context)).toEqual({
      input: { appealId: 'p1', result: 'upheld', number: '2-3', date: '2026-11-20', receivedOn: '2026-11-21', note: 'Skundas pagrįstas.', stagedId: 's1' },
      errors: {},
    });
    expect(checkAppealOutcome({ ...filled, date: '2026-11-04' }, context).errors).toEqual({ date: V.decidedBeforeFiled });
    expect(checkAppealOutcome({ ...filled, receivedOn: '2026-11-19' }, context).errors).toEqual({ receivedOn: V.receivedBeforeDate });
    // Upheld, it reopens the case on the day the decision was received (V-77 p. 51): a step not dated
    // before the latest one; the decision itself may be older. Dismissed, it changes no state.
    expect(checkAppealOutcome({ ...filled, date: '2026-11-18', receivedOn: '2026-11-18' }, context).errors).toEqual({ receivedOn: V.reopenedBeforeStep });
    expect(checkAppealOutcome({ ...filled, date: '2026-11-18', receivedOn: '2026-11-19' }, context).errors).toEqual({});
    expect(checkAppealOutcome({ ...filled, result: 'dismissed', date: '2026-11-18', receivedOn: '2026-11-18' }, context).errors).toEqual({});
    // Upheld against an act no longer in force: recorded without reopening, so no step to follow.
    expect(checkAppealOutcome({ ...filled, date: '2026-11-18', receivedOn: '2026-11-18' }, { ...context, reopens: false }).errors).toEqual({});
  });

  it('reopens only while the contested act stands: the latest step into the present state was taken by it', () => {
    const byDoc = { kind: 'state' as const, at: 'x', from: 'listed' as const, to: 'refused' as const, on: '2026-11-10', documentId: 'd1' };
    const record = { state: 'refused' as const, timeline: [byDoc] };
    expect(appealReopening(record, { ref: 'd1', kind: 'declineDecision' })).toBe('listed');
    // Another act, or a kind no reopening knows from this state.
    expect(appealReopening(record, { ref: 'd2', kind: 'declineDecision' })).toBeUndefined();
    expect(appealReopening(record, { ref: 'd1', kind: 'order' })).toBeUndefined();
    // The case moved on (the order was followed by the arrival): the order no longer stands.
    const ordered = { kind: 'state' as const, at: 'x', from: 'listed' as const, to: 'transfer_ordered' as const, on: '2026-11-10', documentId: 'o1' };
    const arrived = { kind: 'state' as const, at: 'y', from: 'transfer_ordered' as const, to: 'transferred' as const, on: '2026-11-12' };
    expect(appealReopening({ state: 'transfer_ordered', timeline: [ordered] }, { ref: 'o1', kind: 'order' })).toBe('listed');
    expect(appealReopening({ state: 'transferred', timeline: [ordered, arrived] }, { ref: 'o1', kind: 'order' })).toBeUndefined();
    // Undone by a correction or an earlier reopening.
    expect(appealReopening({ state: 'refused', timeline: [byDoc, { kind: 'reopened', at: 'z', from: 'refused', to: 'listed' }, { ...byDoc, documentId: 'd3' }] }, { ref: 'd1', kind: 'declineDecision' })).toBeUndefined();
    // A received act (the Prison Department's refusal, p. 18) stands by its id.
    expect(appealReopening({ state: 'refused', timeline: [{ kind: 'state', at: 'x', from: 'submitted_to_department', to: 'refused', actId: 'a1' }] }, { ref: 'a1', kind: 'departmentRefusal' })).toBe('submitted_to_department');
  });

  it('says after saving the outcome whether the case was reopened, from the case as saved', () => {
    const appeal = (outcome?: Appeal['outcome']): Appeal => ({ id: 'p1', against: { ref: 'd1', kind: 'declineDecision', number: '1', date: '2026-11-01' }, body: 'department', filedOn: '2026-11-05', at: 'x', ...(outcome ? { outcome } : {}) });
    expect(appealOutcomeNotice({ state: 'listed', appeals: [appeal({ result: 'upheld', on: '2026-11-20', actId: 'a', reopenedTo: 'listed' })] }, 'p1', 'refused')).toEqual({ key: 'after.done.reopened', state: 'listed' });
    // An upheld appeal against an act no longer in force: recorded, the case stays where it is.
    expect(appealOutcomeNotice({ state: 'transferred', appeals: [appeal({ result: 'upheld', on: '2026-11-20', actId: 'a' })] }, 'p1', 'transferred')).toEqual({ key: 'after.done.upheldNotReopened' });
    expect(appealOutcomeNotice({ state: 'refused', appeals: [appeal({ result: 'dismissed', on: '2026-11-20', actId: 'a' })] }, 'p1', 'refused')).toEqual({ key: 'after.done.dismissed' });
    // Both texts exist in both languages.
    for (const key of ['after.done.upheldNotReopened', 'after.done.dismissed'] as const) {
      expect(translate('lt', key)).not.toBe(key);
      expect(translate('en', key)).not.toBe(key);
    }
    expect(translate('lt', 'after.done.upheldNotReopened')).toBe('Skundas patenkintas; byla neatnaujinta, nes skųstas aktas nebegalioja.');
  });

  it('V-77 p. 51: warns of an appeal filed after its term, never before a date is valid nor without a term', () => {
    expect(lateFilingDueBy('2026-11-21', '2026-11-20')).toBe('2026-11-20');
    expect(lateFilingDueBy(' 2026-11-21 ', '2026-11-20')).toBe('2026-11-20');
    expect(lateFilingDueBy('2026-11-20', '2026-11-20')).toBeUndefined();
    expect(lateFilingDueBy('2026-11-21', undefined)).toBeUndefined();
    expect(lateFilingDueBy('2026-11-3', '2026-11-01')).toBeUndefined();
    // The warning says what the app cannot know: the day of service.
    expect(translate('lt', 'after.appeal.late', { date: '2026 m. lapkričio 20 d.' })).toBe(
      'Skundas paduotas pasibaigus terminui (iki 2026 m. lapkričio 20 d.). Terminas skaičiuojamas nuo akto įteikimo dienos, kurios programa nežino: patikrinkite įteikimo dieną.',
    );
  });

  it('REOPEN_OTHER_OPEN: names the convict’s other open case to link to', () => {
    expect(otherOpenCaseOf({ other: { caseId: 'c2', requestDate: '2026-11-20', state: 'request_received' }, to: 'listed' })).toBe('c2');
    expect(otherOpenCaseOf({ other: { caseId: '' } })).toBeUndefined();
    expect(otherOpenCaseOf({ other: 'c2' })).toBeUndefined();
    expect(otherOpenCaseOf(undefined)).toBeUndefined();
  });
});

describe('issue 14: a document received from elsewhere (V-77 p. 8, 17, 18, 47, 49)', () => {
  const filled = (patch: Partial<ReceivedActValues>): ReceivedActValues => ({
    ...emptyReceivedAct('departmentResolution', 'Kalėjimų departamentas', TODAY),
    number: '1R-15',
    date: '2026-11-18',
    stagedId: 's1',
    ...patch,
  });

  it('sends the act with its copy; dates not in the future, received not before its date', () => {
    expect(checkReceivedAct(filled({}), { today: TODAY, notBefore: '2026-11-16' })).toEqual({
      input: { kind: 'departmentResolution', number: '1R-15', date: '2026-11-18', receivedOn: TODAY, issuer: 'Kalėjimų departamentas', stagedId: 's1' },
      errors: {},
    });
    expect(checkReceivedAct(filled({ date: '2026-11-24' }), { today: TODAY, notBefore: '2026-11-16' }).errors).toEqual({ date: 'dateInFuture', receivedOn: V.receivedBeforeDate });
    expect(checkReceivedAct(filled({ receivedOn: '2026-11-17' }), { today: TODAY, notBefore: '2026-11-16' }).errors).toEqual({ receivedOn: V.receivedBeforeDate });
    expect(checkReceivedAct(filled({ stagedId: '' }), { today: TODAY, notBefore: '2026-11-16' }).errors).toEqual({ stagedId: V.fileRequired });
    // Not dated before the case's latest step (the submission it answers).
    expect(checkReceivedAct(filled({ date: '2026-11-15' }), { today: TODAY, notBefore: '2026-11-16' }).errors).toEqual({ date: 'dateOrder' });
  });

  it('asks which of the Prison Department’s acts it is (p. 17 or 18)', () => {
    expect(checkReceivedAct(filled({ kind: '' }), { today: TODAY, notBefore: '2026-11-16' }).errors).toEqual({ kind: 'required' });
  });

  it('p. 8: the other institution’s outcome says whether it granted the request', () => {
    const outcome = filled({ kind: 'otherOutcome' });
    expect(checkReceivedAct(outcome, { today: TODAY, notBefore: '2026-11-16' }).errors).toEqual({ granted: 'required' });
    expect(checkReceivedAct({ ...outcome, granted: 'no' }, { today: TODAY, notBefore: '2026-11-16' }).input).toMatchObject({ kind: 'otherOutcome', granted: false });
    // Only the outcome carries it.
    expect(checkReceivedAct(filled({ granted: 'yes' }), { today: TODAY, notBefore: '2026-11-16' }).input).not.toHaveProperty('granted');
  });

  it('p. 47: the notice says what circumstances it reports', () => {
    const notice = filled({ kind: 'p47Notice' });
    expect(checkReceivedAct(notice, { today: TODAY, notBefore: '2026-11-16' }).errors).toEqual({ note: 'required' });
    expect(checkReceivedAct({ ...notice, note: ' Paskirta drausminė nuobauda. ' }, { today: TODAY, notBefore: '2026-11-16' }).input).toMatchObject({ note: 'Paskirta drausminė nuobauda.' });
  });

  it('opens a PDF, JPEG or PNG copy in the viewer; saves anything else', () => {
    expect(viewerKindOf('application/pdf')).toBe('pdf');
    expect(viewerKindOf('image/jpeg')).toBe('jpeg');
    expect(viewerKindOf('IMAGE/PNG; charset=binary')).toBe('png');
    expect(viewerKindOf('application/octet-stream')).toBeNull();
  });

  it('lists the acts newest first, by the day received', () => {
    const acts = [act({ id: 'old', receivedOn: '2026-10-01' }), act({ id: 'new', receivedOn: '2026-11-20' }), act({ id: 'mid', receivedOn: '2026-11-01' })];
    expect(actsNewestFirst(acts).map((a) => a.id)).toEqual(['new', 'mid', 'old']);
    expect(actsNewestFirst(undefined)).toEqual([]);
  });
});

describe('issue 14: the arrival (V-77 p. 22–25) and the departure (p. 4)', () => {
  const arrival = (patch: Partial<ArrivalValues>): ArrivalValues => ({
    ...emptyArrival(TODAY),
    time: '11:30',
    checkIdentity: true,
    checkSearch: true,
    checkRules: true,
    checkRoom: true,
    room: '12',
    bed: 'B',
    ...patch,
  });
  const context = { today: TODAY, notBefore: '2026-11-16' };

  it('p. 25: requires all four checks, the room and the bed; the time as HH:MM', () => {
    expect(checkArrival(arrival({}), context)).toEqual({
      input: { on: TODAY, time: '11:30', checks: { identity: true, search: true, rules: true, room: true }, room: '12', bed: 'B' },
      errors: {},
    });
    expect(checkArrival(arrival({ checkSearch: false }), context).errors).toEqual({ checks: V.checksAll });
    expect(checkArrival(arrival({ time: '9:00' }), context).errors).toEqual({ time: 'time' });
    expect(checkArrival(arrival({ room: ' ', bed: '' }), context).errors).toEqual({ room: 'required', bed: 'required' });
    expect(checkArrival(arrival({ on: '2026-11-15' }), context).errors).toEqual({ on: 'dateOrder' });
    expect(checkArrival(arrival({ on: '2026-11-24' }), context).errors).toEqual({ on: 'dateInFuture' });
  });

  it('p. 22: points out an arrival after 15:00 or on a day that is not a working day, without refusing it', () => {
    expect(arrivalAdvice('2026-11-23', '14:59')).toEqual({ afterHours: false, notWorkingDay: false });
    expect(arrivalAdvice('2026-11-23', '15:00')).toEqual({ afterHours: false, notWorkingDay: false });
    expect(arrivalAdvice('2026-11-23', '15:01')).toEqual({ afterHours: true, notWorkingDay: false });
    expect(arrivalAdvice('2026-11-21', '10:00')).toEqual({ afterHours: false, notWorkingDay: true }); // a Saturday
    expect(arrivalAdvice('2026-12-24', '10:00')).toEqual({ afterHours: false, notWorkingDay: true }); // Christmas Eve, Labour Code art. 123
    expect(arrivalAdvice('2026-13-01', '25:00')).toEqual({ afterHours: false, notWorkingDay: false }); // not yet a date or a time
    expect(checkArrival(arrival({ on: '2026-11-21', time: '18:00' }), { today: TODAY, notBefore: '2026-11-16' }).errors).toEqual({});
  });

  it('p. 4: a departure says how, and is not dated before the arrival', () => {
    const ctx = { today: TODAY, notBefore: '2026-11-02' };
    expect(checkDeparture(emptyDeparture(TODAY), ctx).errors).toEqual({ how: 'required' });
    expect(checkDeparture({ on: '2026-11-20', how: 'parole', note: '' }, ctx)).toEqual({ input: { on: '2026-11-20', how: 'parole' }, errors: {} });
    expect(checkDeparture({ on: '2026-11-01', how: 'sentence_end', note: '' }, ctx).errors).toEqual({ on: V.departureBeforeArrival });
  });

  it('p. 20: the report to the director is dated between the departure and today', () => {
    const ctx = { today: TODAY, freedOn: '2026-11-20' };
    expect(checkPlaceReport({ on: '2026-11-20' }, ctx)).toEqual({ input: { on: '2026-11-20' }, errors: {} });
    expect(checkPlaceReport({ on: '2026-11-19' }, ctx).errors).toEqual({ on: V.reportBeforeDeparture });
    expect(checkPlaceReport({ on: '2026-11-24' }, ctx).errors).toEqual({ on: 'dateInFuture' });
  });

  it('V-77 p. 28–35: a record of life there is dated between the arrival and today; the intensive plan carries its approval (p. 31), a review and a non-compliance what was found', () => {
    const ctx = { today: TODAY, arrivedOn: '2026-11-02' };
    expect(checkLife(emptyLife(TODAY), ctx).errors).toEqual({ kind: 'required' });
    expect(checkLife({ kind: 'rehabilitationPlan', on: '2026-11-03', approvedOn: '2026-11-04', note: '' }, ctx)).toEqual({ input: { kind: 'rehabilitationPlan', on: '2026-11-03', note: '' }, errors: {} });
    expect(checkLife({ kind: 'intensivePlan', on: '2026-11-03', approvedOn: '', note: '' }, ctx).errors).toEqual({ approvedOn: 'required' });
    expect(checkLife({ kind: 'intensivePlan', on: '2026-11-03', approvedOn: '2026-11-02', note: '' }, ctx).errors).toEqual({ approvedOn: 'dateOrder' });
    expect(checkLife({ kind: 'intensivePlan', on: '2026-11-03', approvedOn: '2026-11-05', note: '' }, ctx).input).toEqual({ kind: 'intensivePlan', on: '2026-11-03', approvedOn: '2026-11-05', note: '' });
    expect(checkLife({ kind: 'review', on: '2026-11-20', approvedOn: '', note: ' ' }, ctx).errors).toEqual({ note: 'required' });
    expect(checkLife({ kind: 'nonCompliance', on: '2026-11-01', approvedOn: '', note: 'Vėlavo grįžti.' }, ctx).errors).toEqual({ on: 'dateOrder' });
  });

  it('a correction needs its reason', () => {
    expect(checkCorrection({ reason: '  ' }).errors).toEqual({ reason: 'required' });
    expect(checkCorrection({ reason: ' Pažymėta ne toje byloje. ' }).input).toEqual({ reason: 'Pažymėta ne toje byloje.' });
  });

  it('says every check of the UI in both languages', () => {
    for (const key of Object.values(V)) {
      expect(fieldMessage(key, 'lt'), key).not.toBe(key);
      expect(fieldMessage(key, 'lt')).not.toBe(fieldMessage(key, 'en'));
    }
    expect(fieldMessage('required', 'lt')).toBe('Privalomas laukas.');
  });
});

describe('issue 14: the back end asks the user for more', () => {
  it('DOSSIER_MISSING_CONFIRM: names the missing items for the confirmation', () => {
    expect(missingOf({ missing: [{ item: '6.1', lt: 'Rizikos vertinimas', en: 'Risk assessment' }, { item: 3 }, null] })).toEqual([{ item: '6.1', lt: 'Rizikos vertinimas', en: 'Risk assessment' }]);
    expect(missingOf(undefined)).toEqual([]);
    expect(missingOf({ missing: 'x' })).toEqual([]);
  });

  it('PASS_OVER_REASON_REQUIRED: names the convicts earlier on the list (V-77 p. 12)', () => {
    const earlier = { caseId: 'c1', firstName: 'Jonas', lastName: 'Jonaitis', requestDate: '2026-09-01' };
    expect(earlierOf({ earlier: [earlier, { caseId: 'c2' }] })).toEqual([earlier]);
    expect(earlierOf({})).toEqual([]);
  });
});
