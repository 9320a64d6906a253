import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, isEventName, parseEvent } from '../../../shared/contract/events';

describe('push events: parseEvent lets through only what the contract declares', () => {
  it('returns each declared event with a valid payload, as it came', () => {
    const declared = [
      { type: 'cases.changed', payload: { id: 'case-1' } },
      { type: 'cases.changed', payload: {} },
      { type: 'meetings.changed', payload: { id: 'meeting-1' } },
      { type: 'documents.changed', payload: { id: 'doc-1', caseId: 'case-1' } },
      { type: 'documents.changed', payload: { id: 'doc-1' } },
      { type: 'commission.changed', payload: {} },
      { type: 'settings.changed', payload: {} },
      { type: 'users.changed', payload: { id: 'user-1' } },
      { type: 'archive.progress', payload: { jobId: 'job-2026', done: 3, total: 12 } },
    ];
    for (const event of declared) expect(parseEvent(event)).toEqual(event);
    // Every declared name is covered above.
    expect(new Set(declared.map((e) => e.type))).toEqual(new Set(EVENT_NAMES));
  });

  it('reads a missing payload as an empty one (the events whose payload may be empty)', () => {
    expect(parseEvent({ type: 'cases.changed' })).toEqual({ type: 'cases.changed', payload: {} });
    expect(parseEvent({ type: 'settings.changed' })).toEqual({ type: 'settings.changed', payload: {} });
    // …but not where the payload must name something.
    expect(parseEvent({ type: 'meetings.changed' })).toBeNull();
    expect(parseEvent({ type: 'users.changed' })).toBeNull();
  });

  it('drops an event of a name the contract does not declare', () => {
    for (const type of ['cases.deleted', 'progress', 'Cases.Changed', '', 'toString', '__proto__', 'constructor', 42, null, undefined]) {
      expect(parseEvent({ type, payload: {} })).toBeNull();
    }
    expect(isEventName('hasOwnProperty')).toBe(false);
    expect(isEventName('cases.changed')).toBe(true);
  });

  it('drops a declared event with a wrong payload', () => {
    const wrong = [
      { type: 'meetings.changed', payload: {} },
      { type: 'meetings.changed', payload: { id: '' } },
      { type: 'meetings.changed', payload: { id: 7 } },
      { type: 'cases.changed', payload: { id: null } },
      { type: 'documents.changed', payload: { caseId: 'case-1' } },
      { type: 'documents.changed', payload: { id: 'doc-1', caseId: 3 } },
      { type: 'users.changed', payload: 'user-1' },
      { type: 'cases.changed', payload: ['case-1'] },
      { type: 'cases.changed', payload: null },
    ];
    for (const event of wrong) expect(parseEvent(event)).toBeNull();
  });

  it('drops an event carrying anything undeclared: extra keys in the payload or beside it', () => {
    // The payload carries ids only, never a case's contents (every window receives every event).
    expect(parseEvent({ type: 'cases.changed', payload: { id: 'case-1', lastName: 'Vaitkus' } })).toBeNull();
    expect(parseEvent({ type: 'commission.changed', payload: { members: [] } })).toBeNull();
    expect(parseEvent({ type: 'documents.changed', payload: { id: 'doc-1', caseId: 'case-1', meetingId: 'm-1' } })).toBeNull();
    expect(parseEvent({ type: 'cases.changed', payload: { id: 'case-1' }, data: { lastName: 'Vaitkus' } })).toBeNull();
  });

  it('drops what is not an object', () => {
    for (const value of [null, undefined, 'cases.changed', '{"type":"cases.changed"}', 1, true, [], [{ type: 'cases.changed' }], () => ({ type: 'cases.changed' })]) {
      expect(parseEvent(value)).toBeNull();
    }
  });
});
