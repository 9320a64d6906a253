import { describe, expect, it } from 'vitest';
import { applyCaseStep, correctableStep, correctLastStep, registeredCase, reopenCase, REOPENINGS, type CaseState } from '../../../shared/domain/caseStates';
import { caseDeadlines, meetingDueDate } from '../../../shared/domain/deadlines';
import { applyMeetingStep, assertMeetingAction, MEETING_ACTIONS, MEETING_PREDECESSORS, MEETING_STATES, meetingAllows, plannedMeeting } from '../../../shared/domain/meetingStates';
import { DomainError } from '../../../shared/domain/errors';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'OTHER';
  }
  return undefined;
};

describe('the case door: applyCaseStep (V-77 ch. II–V)', () => {
  const registered = registeredCase({ id: 'c1', updatedAt: '2026-01-01T00:00:00Z', facts: {} as { decision?: '10.1' | '10.2' | '10.3' | '10.4' } }, '2026-01-02', { at: '2026-01-02T08:00:00Z', by: 'u1' });

  it('a registered request starts in request_received, dated by the request and stamped with who (p. 5)', () => {
    expect(registered.state).toBe('request_received');
    expect(registered.timeline).toEqual([{ at: '2026-01-02T08:00:00Z', by: 'u1', kind: 'registered', on: '2026-01-02', to: 'request_received' }]);
  });

  it('a step appends its timeline entry with who and when, and moves the state', () => {
    const next = applyCaseStep(registered, { to: 'dossier_collecting', on: '2026-01-03', note: 'n' }, { at: '2026-01-03T09:00:00Z', by: 'u2' });
    expect(next.state).toBe('dossier_collecting');
    expect(next.updatedAt).toBe('2026-01-03T09:00:00Z');
    expect(next.timeline.at(-1)).toEqual({ at: '2026-01-03T09:00:00Z', by: 'u2', kind: 'state', on: '2026-01-03', from: 'request_received', to: 'dossier_collecting', note: 'n' });
    expect(registered.state).toBe('request_received'); // the input is not changed
  });

  it('a step the procedure does not have is refused (p. 8: no skipping to the commission)', () => {
    expect(code(() => applyCaseStep(registered, { to: 'decided', on: '2026-01-03' }, { at: 'x' }))).toBe('ILLEGAL_TRANSITION');
  });

  it('the decision a step carries is kept and gates the next steps (p. 12–16)', () => {
    const scheduled = { ...registered, state: 'scheduled' as const };
    const decided = applyCaseStep(scheduled, { to: 'decided', on: '2026-02-01', decision: '10.2' }, { at: 'y' });
    expect(decided.facts.decision).toBe('10.2');
    expect(decided.timeline.at(-1)).toMatchObject({ decision: '10.2', to: 'decided' });
    expect(code(() => applyCaseStep(decided, { to: 'listed', on: '2026-02-02' }, { at: 'z' }))).toBe('ILLEGAL_TRANSITION'); // 10.2 is a refusal
    expect(applyCaseStep(decided, { to: 'refused', on: '2026-02-02', note: 'r' }, { at: 'z' }).state).toBe('refused');
  });

  it('V-77 p. 9, 12, 19: the step sets the day its state’s term runs from (dossierReceivedOn, listedOn, refusedOn); a date the caller set for the act is kept', () => {
    const collecting = applyCaseStep(registered, { to: 'dossier_collecting', on: '2026-01-03' }, { at: 'a' });
    expect(applyCaseStep(collecting, { to: 'dossier_received', on: '2026-01-10' }, { at: 'b' }).facts).toEqual({ dossierReceivedOn: '2026-01-10' });
    const decided = { ...registered, state: 'decided' as const, facts: { decision: '10.1' as const } };
    expect(applyCaseStep(decided, { to: 'listed', on: '2026-02-01' }, { at: 'c' }).facts).toEqual({ decision: '10.1', listedOn: '2026-02-01' });
    const listed = { ...decided, state: 'listed' as const };
    expect(applyCaseStep(listed, { to: 'refused', on: '2026-02-05', note: 'r' }, { at: 'd' }).facts).toMatchObject({ refusedOn: '2026-02-05' });
    // A signed refusal dated before the step could be recorded: p. 19 runs from the act's own date.
    const dated = { ...listed, facts: { ...listed.facts, refusedOn: '2026-02-03' } };
    expect(applyCaseStep(dated, { to: 'refused', on: '2026-02-05', note: 'r' }, { at: 'd' }).facts).toMatchObject({ refusedOn: '2026-02-03' });
    // Other steps set nothing.
    expect(collecting.facts).toEqual({});
  });
});

describe('the meeting door: the table of meeting states (V-77 p. 9–11)', () => {
  const planned = plannedMeeting({ id: 'm', updatedAt: 'a' });

  it('every state is in the table and only planned has no predecessor', () => {
    expect(Object.keys(MEETING_PREDECESSORS).sort()).toEqual([...MEETING_STATES].sort());
    expect(MEETING_STATES.filter((s) => MEETING_PREDECESSORS[s].length === 0)).toEqual(['planned']);
  });

  it('planned → open → closed, stamping when it opened and closed', () => {
    const open = applyMeetingStep(planned, 'open', 't1');
    expect(open).toMatchObject({ state: 'open', openedAt: 't1', updatedAt: 't1' });
    expect(applyMeetingStep(open, 'closed', 't2')).toMatchObject({ state: 'closed', closedAt: 't2', openedAt: 't1' });
  });

  it('refuses steps that are not in the table: an open meeting is not cancelled, a closed one not reopened', () => {
    const open = applyMeetingStep(planned, 'open', 't1');
    expect(code(() => applyMeetingStep(open, 'cancelled', 't'))).toBe('MEETING_STATE');
    expect(code(() => applyMeetingStep(applyMeetingStep(open, 'closed', 't'), 'open', 't'))).toBe('MEETING_STATE');
    expect(code(() => applyMeetingStep(planned, 'closed', 't'))).toBe('MEETING_STATE');
  });

  it('what may be done in which state: the plan before, the records during, amendments after', () => {
    expect(meetingAllows('planned', 'changePlan')).toBe(true);
    expect(meetingAllows('open', 'changePlan')).toBe(false);
    expect(meetingAllows('open', 'changeRecords')).toBe(true);
    expect(meetingAllows('closed', 'changeRecords')).toBe(false);
    expect(meetingAllows('closed', 'amend')).toBe(true);
    expect(code(() => assertMeetingAction('cancelled', 'open'))).toBe('MEETING_STATE');
    // Every action names states that exist.
    for (const a of Object.values(MEETING_ACTIONS)) for (const s of a.in) expect(MEETING_STATES).toContain(s);
  });
});

/** A case as the door reads it, with the facts a real case carries (shared/contract/schemas caseFacts). */
interface DoorFacts {
  decision?: '10.1' | '10.2' | '10.3' | '10.4';
  dossierReceivedOn?: string;
  meetingId?: string;
  listedOn?: string;
  refusedOn?: string;
  arrival?: { on: string; time: string; room: string; bed: string };
  departure?: { on: string; how: string };
  placeReportedOn?: string;
}
interface DoorCase {
  id: string;
  state: CaseState;
  facts: DoorFacts;
  timeline: object[];
  updatedAt: string;
}

const stamp = (at: string) => ({ at, by: 'secretary' });
const stateEntry = (from: CaseState, to: CaseState, on: string) => ({ at: `${on}T09:00:00Z`, kind: 'state', on, from, to });

/** A case at `state`, its timeline ending with the step into it. */
function caseAt(state: CaseState, from: CaseState, facts: DoorFacts): DoorCase {
  return {
    id: 'c1',
    state,
    facts,
    timeline: [{ at: '2026-01-02T08:00:00Z', kind: 'registered', on: '2026-01-02', to: 'request_received' }, stateEntry(from, state, '2026-03-02')],
    updatedAt: '2026-03-02T09:00:00Z',
  };
}

describe('reopening by an upheld appeal: reopenCase (V-77 p. 50–51)', () => {
  const appeal = { on: '2026-05-04', appealId: 'ap1', note: 'Kalėjimų departamento direktorius skundą patenkino' };

  it('V-77 p. 51: reopens at each contested act’s step, exactly the REOPENINGS table', () => {
    expect(REOPENINGS.map((r) => [r.act, r.from, r.to])).toEqual([
      ['declineDecision', 'refused', 'listed'],
      ['letter', 'refused', 'ready_for_commission'],
      ['departmentRefusal', 'refused', 'submitted_to_department'],
      ['returnDecision', 'returned', 'transferred'],
      ['order', 'transfer_ordered', 'listed'],
      ['departmentResolution', 'transfer_ordered', 'submitted_to_department'],
    ]);
    for (const r of REOPENINGS) {
      const reopened = reopenCase(caseAt(r.from, 'listed', { decision: '10.1' }), { ...appeal, to: r.to }, stamp('2026-05-04T10:00:00Z'));
      expect(reopened.state, r.act).toBe(r.to);
      expect(r.point, r.act).toMatch(/51$/);
    }
  });

  it('V-77 p. 15, 19, 51: an annulled decision not to transfer puts the convict back on the list, and p. 19 no longer runs from it', () => {
    const refused = caseAt('refused', 'listed', { decision: '10.1', meetingId: 'm1', listedOn: '2026-02-10', refusedOn: '2026-03-02' });
    const deadlineFacts = (c: DoorCase) => ({ ...c.facts, state: c.state, requestDate: '2026-01-02', possibleTransferDate: '2026-03-01' });
    expect(caseDeadlines(deadlineFacts(refused), '2026-05-04').map((d) => d.rule)).toEqual(['p19']);
    const reopened = reopenCase(refused, { ...appeal, to: 'listed' }, stamp('2026-05-04T10:00:00Z'));
    expect(reopened.state).toBe('listed');
    expect(reopened.facts).toEqual({ decision: '10.1', meetingId: 'm1', listedOn: '2026-02-10' });
    expect(reopened.facts.refusedOn).toBeUndefined();
    expect(caseDeadlines(deadlineFacts(reopened), '2026-05-04')).toEqual([]);
    expect(reopened.updatedAt).toBe('2026-05-04T10:00:00Z');
    expect(refused.state).toBe('refused'); // the input is not changed
  });

  it('V-77 p. 9, 16, 51: back to the commission clears the decision, the meeting and the list, which a new meeting gives again; the p. 9 term runs from the reopening', () => {
    const refused = caseAt('refused', 'decided', { decision: '10.4', meetingId: 'm1', dossierReceivedOn: '2026-02-01', refusedOn: '2026-03-02' });
    const reopened = reopenCase(refused, { ...appeal, to: 'ready_for_commission' }, stamp('2026-05-04T10:00:00Z'));
    expect(reopened.state).toBe('ready_for_commission');
    expect(reopened.facts).toEqual({ dossierReceivedOn: appeal.on });
    const deadlineFacts = (c: DoorCase) => ({ ...c.facts, state: c.state, requestDate: '2026-01-02', possibleTransferDate: '2026-03-01' });
    expect(caseDeadlines(deadlineFacts(reopened), appeal.on).map((d) => [d.rule, d.date, d.overdue])).toEqual([['p9', meetingDueDate(appeal.on), false]]);
    // A new meeting may take it again, and decide anew.
    const scheduled = applyCaseStep(reopened, { to: 'scheduled', on: '2026-05-05' }, stamp('2026-05-05T10:00:00Z'));
    expect(applyCaseStep(scheduled, { to: 'decided', on: '2026-05-06', decision: '10.3' }, stamp('2026-05-06T10:00:00Z')).facts.decision).toBe('10.3');
  });

  it('V-77 p. 46, 51: an annulled return puts the convict back in the halfway house: the departure and its p. 20 report go, the arrival stays', () => {
    const arrival = { on: '2026-03-02', time: '11:00', room: '12', bed: 'A' };
    const returned = caseAt('returned', 'transferred', { decision: '10.1', arrival, departure: { on: '2026-04-10', how: 'return' }, placeReportedOn: '2026-04-13' });
    const reopened = reopenCase(returned, { ...appeal, to: 'transferred' }, stamp('2026-05-04T10:00:00Z'));
    expect(reopened.state).toBe('transferred');
    expect(reopened.facts).toEqual({ decision: '10.1', arrival });
  });

  it('V-77 p. 18, 51: the court annuls the Prison Department’s refusal: the submission stands again, the decision 10.3 stays', () => {
    const refused = caseAt('refused', 'submitted_to_department', { decision: '10.3', listedOn: '2026-02-10', refusedOn: '2026-03-02' });
    const reopened = reopenCase(refused, { ...appeal, to: 'submitted_to_department' }, stamp('2026-05-04T10:00:00Z'));
    expect(reopened.facts).toEqual({ decision: '10.3', listedOn: '2026-02-10' });
  });

  it('V-77 p. 51: the timeline keeps every earlier entry and adds the reopening with the appeal, who, when and why', () => {
    const refused = caseAt('refused', 'listed', { decision: '10.1', refusedOn: '2026-03-02' });
    const reopened = reopenCase(refused, { ...appeal, to: 'listed' }, stamp('2026-05-04T10:00:00Z'));
    expect(reopened.timeline.slice(0, -1)).toEqual(refused.timeline);
    expect(reopened.timeline.at(-1)).toEqual({
      at: '2026-05-04T10:00:00Z',
      by: 'secretary',
      kind: 'reopened',
      on: '2026-05-04',
      from: 'refused',
      to: 'listed',
      note: 'Kalėjimų departamento direktorius skundą patenkino',
      appealId: 'ap1',
    });
  });

  it.each<[CaseState, CaseState, string]>([
    ['refused', 'transferred', 'p. 51: a refusal is not reopened into the halfway house'],
    ['refused', 'decided', 'p. 10: a decision is only a meeting’s'],
    ['ineligible', 'listed', 'p. 47: no act of p. 51 took this step'],
    ['listed', 'ready_for_commission', 'p. 51: the list is no contested act'],
    ['left', 'transferred', 'p. 4: a departure is not appealed under p. 51'],
  ])('V-77 p. 51: refuses reopening %s → %s (%s) with ILLEGAL_TRANSITION', (from, to) => {
    expect(code(() => reopenCase(caseAt(from, 'listed', { decision: '10.1' }), { ...appeal, to }, stamp('t')))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('a recorded correction: correctableStep / correctLastStep (issue 14: never a silent edit)', () => {
  const note = 'Medžiaga pažymėta gauta per klaidą';

  it('V-77 p. 7: a step by hand is undone with who, when and why; the facts it set go (dossierReceivedOn) and the p. 9 term stops', () => {
    const received = caseAt('dossier_received', 'dossier_collecting', { dossierReceivedOn: '2026-03-02' });
    expect(correctableStep(received)).toEqual({ from: 'dossier_collecting', to: 'dossier_received' });
    const corrected = correctLastStep(received, { on: '2026-03-03', note }, stamp('2026-03-03T10:00:00Z'));
    expect(corrected.state).toBe('dossier_collecting');
    expect(corrected.facts).toEqual({});
    expect(corrected.updatedAt).toBe('2026-03-03T10:00:00Z');
    expect(corrected.timeline.slice(0, -1)).toEqual(received.timeline);
    expect(corrected.timeline.at(-1)).toEqual({ at: '2026-03-03T10:00:00Z', by: 'secretary', kind: 'corrected', on: '2026-03-03', from: 'dossier_received', to: 'dossier_collecting', note });
    const facts = (c: DoorCase) => ({ ...c.facts, state: c.state, requestDate: '2026-03-02', possibleTransferDate: '2026-05-04' });
    expect(caseDeadlines(facts(received), '2026-03-03').map((d) => d.rule)).toEqual(['p9']);
    expect(caseDeadlines(facts(corrected), '2026-03-03').map((d) => d.rule)).toEqual(['p7']);
  });

  it('after a correction there is nothing more to correct (NOTHING_TO_CORRECT)', () => {
    const received = caseAt('dossier_received', 'dossier_collecting', { dossierReceivedOn: '2026-03-02' });
    const corrected = correctLastStep(received, { on: '2026-03-03', note }, stamp('2026-03-03T10:00:00Z'));
    expect(correctableStep(corrected)).toBeUndefined();
    expect(code(() => correctLastStep(corrected, { on: '2026-03-03', note }, stamp('t')))).toBe('NOTHING_TO_CORRECT');
  });

  it('entries that are not steps (a dossier item loaded) do not hide the step to correct', () => {
    const collecting = caseAt('dossier_collecting', 'request_received', {});
    const withItem = { ...collecting, timeline: [...collecting.timeline, { at: 'x', kind: 'dossier', item: '6.2' }] };
    expect(correctableStep(withItem)).toEqual({ from: 'request_received', to: 'dossier_collecting' });
  });

  it.each<[CaseState, CaseState, string]>([
    ['scheduled', 'decided', 'p. 10: the meeting’s vote'],
    ['ready_for_commission', 'scheduled', 'p. 9: the meeting’s agenda'],
    ['decided', 'listed', 'p. 12: the system’s list entry'],
    ['listed', 'transfer_ordered', 'p. 13: the signed order'],
    ['listed', 'refused', 'p. 15: the signed decision'],
    ['submitted_to_department', 'refused', 'p. 18: the received refusal'],
    ['transferred', 'returned', 'p. 46: the signed return decision'],
  ])('V-77: the step %s → %s is not corrected by hand (%s): NOTHING_TO_CORRECT', (from, to) => {
    const c = caseAt(to, from, { decision: '10.1' });
    expect(correctableStep(c)).toBeUndefined();
    expect(code(() => correctLastStep(c, { on: '2026-03-03', note }, stamp('t')))).toBe('NOTHING_TO_CORRECT');
  });

  it('V-77 p. 24, 4: an arrival or departure recorded by mistake is corrected, its record removed', () => {
    const arrival = { on: '2026-03-02', time: '11:00', room: '12', bed: 'A' };
    const arrived = caseAt('transferred', 'transfer_ordered', { decision: '10.1', arrival });
    expect(correctLastStep(arrived, { on: '2026-03-03', note }, stamp('t')).facts).toEqual({ decision: '10.1' });
    const left = caseAt('left', 'transferred', { decision: '10.1', arrival, departure: { on: '2026-04-10', how: 'parole' } });
    const back = correctLastStep(left, { on: '2026-04-11', note }, stamp('t'));
    expect(back.state).toBe('transferred');
    expect(back.facts).toEqual({ decision: '10.1', arrival });
  });

  it('V-77 p. 13–18, 47: a step that names its act (a received act, a signed document) is corrected by that act’s own record, never by hand', () => {
    const byNotice = { ...caseAt('ineligible', 'listed', { decision: '10.3' }), timeline: [...caseAt('ineligible', 'listed', {}).timeline.slice(0, 1), { ...stateEntry('listed', 'ineligible', '2026-03-02'), actId: 'a1' }] };
    expect(correctableStep(byNotice)).toBeUndefined();
    expect(code(() => correctLastStep(byNotice, { on: '2026-03-03', note }, stamp('t')))).toBe('NOTHING_TO_CORRECT');
    const byDocument = { ...caseAt('withdrawn', 'listed', { decision: '10.1' }), timeline: [...caseAt('withdrawn', 'listed', {}).timeline.slice(0, 1), { ...stateEntry('listed', 'withdrawn', '2026-03-02'), documentId: 'd1' }] };
    expect(correctableStep(byDocument)).toBeUndefined();
  });

  it.each<[CaseState, CaseState, string, string]>([
    ['dossier_sent', 'dossier_collecting', 'act', 'V-77 p. 8, 49: the other institution’s outcome recorded on the dossier sent'],
    ['transferred', 'transfer_ordered', 'life', 'V-77 p. 28–35: a plan or a review recorded in the halfway house'],
    ['left', 'transferred', 'appeal', 'V-77 p. 51: an appeal recorded after the step'],
  ])('%s: a step followed by a record made on its state (%s) is not corrected: the record would be orphaned (%s)', (to, from, kind) => {
    const c = caseAt(to, from, { decision: '10.1' });
    const followed = { ...c, timeline: [...c.timeline, { at: '2026-03-04T09:00:00Z', kind, on: '2026-03-04' }] };
    expect(correctableStep(c)).toEqual({ from, to });
    expect(correctableStep(followed)).toBeUndefined();
    expect(code(() => correctLastStep(followed, { on: '2026-03-05', note }, stamp('t')))).toBe('NOTHING_TO_CORRECT');
  });

  it('V-77 p. 24, 28–32, seed 001: correcting an arrival drops what the stay recorded (the plan, the review, the release notices)', () => {
    const arrival = { on: '2026-03-02', time: '11:00', room: '12', bed: 'A' };
    const life = { intensivePlanOn: '2026-03-03', lastReviewOn: '2026-03-04', municipalityNoticeOn: '2026-03-05', probationListOn: '2026-03-06' };
    const arrived = caseAt('transferred', 'transfer_ordered', { decision: '10.1', arrival, ...life } as DoorFacts);
    expect(correctLastStep(arrived, { on: '2026-03-07', note }, stamp('t')).facts).toEqual({ decision: '10.1' });
  });

  it('nothing to correct on a freshly registered case, after a reopening, or when the last step is not the state the case is in', () => {
    const registered = { ...caseAt('request_received', 'request_received', {}), timeline: [{ at: 'a', kind: 'registered', on: '2026-01-02', to: 'request_received' }] };
    expect(correctableStep(registered)).toBeUndefined();
    const refused = caseAt('refused', 'listed', { decision: '10.1', refusedOn: '2026-03-02' });
    expect(correctableStep(reopenCase(refused, { to: 'listed', on: '2026-05-04', appealId: 'ap1', note: 'n' }, stamp('t')))).toBeUndefined();
    expect(correctableStep({ ...caseAt('dossier_received', 'dossier_collecting', {}), state: 'ready_for_commission' as CaseState })).toBeUndefined();
  });
});
