import { describe, expect, it } from 'vitest';
import { applyCaseStep, registeredCase } from '../../../shared/domain/caseStates';
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
