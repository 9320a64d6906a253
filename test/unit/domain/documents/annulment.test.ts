import { describe, expect, it } from 'vitest';
import { annulled, annulmentOf, inForce, standingPassOvers, type ActDocument, type AppealedCase } from '../../../../shared/domain/documents/annulment';

const doc = (id: string, kind: ActDocument['kind'], createdAt: string, extra: Partial<ActDocument> = {}): ActDocument => ({ id, kind, caseIds: ['c1'], createdAt, ...extra });

const reopened = (to: string, at: string, appealId: string) => ({ kind: 'reopened', at, to, appealId });

describe('V-77 p. 51: an act annulled by an upheld appeal is no longer in force', () => {
  it('V-77 p. 51: the mark the appeal’s decision writes, kept with the act as it was', () => {
    const order = doc('o1', 'order', '2026-11-20T10:00:00.000Z');
    const marked = annulled(order, 'a1');
    expect(marked).toEqual({ ...order, annulledBy: 'a1' });
    expect(annulmentOf(marked)).toBe('a1');
    expect(inForce(marked)).toBe(false);
    expect(inForce(order)).toBe(true);
  });

  it('V-77 p. 51: an upheld appeal against the act on its case annuls it; a dismissed one does not', () => {
    const decline = doc('d1', 'declineDecision', '2026-11-20T10:00:00.000Z');
    const record = (result: string): AppealedCase => ({ id: 'c1', appeals: [{ id: 'a1', against: { ref: 'd1' }, outcome: { result } }], timeline: [] });
    expect(annulmentOf(decline, record('upheld'))).toBe('a1');
    expect(annulmentOf(decline, record('dismissed'))).toBeUndefined();
    // Another case's appeal says nothing of this act.
    expect(annulmentOf(decline, { ...record('upheld'), id: 'c2' })).toBeUndefined();
  });

  it('V-77 p. 16, 51: back to the commission, the documents of the earlier decision are spent; those issued since stand', () => {
    const record: AppealedCase = { id: 'c1', timeline: [reopened('ready_for_commission', '2026-11-21T09:00:00.000Z', 'a1')] };
    expect(annulmentOf(doc('p1', 'proposal', '2026-11-20T10:00:00.000Z'), record)).toBe('a1');
    expect(annulmentOf(doc('p2', 'proposal', '2026-11-22T10:00:00.000Z'), record)).toBeUndefined();
    // The minutes are the meeting's: they stay.
    expect(annulmentOf(doc('m1', 'minutes', '2026-11-20T10:00:00.000Z'), record)).toBeUndefined();
  });

  it('V-77 p. 45, 46, 51: back in the halfway house, the return submission is spent; back on the list, the proposal stands', () => {
    const back: AppealedCase = { id: 'c1', timeline: [reopened('transferred', '2026-11-21T09:00:00.000Z', 'a1')] };
    expect(annulmentOf(doc('s1', 'returnSubmission', '2026-11-20T10:00:00.000Z'), back)).toBe('a1');
    const listed: AppealedCase = { id: 'c1', timeline: [reopened('listed', '2026-11-21T09:00:00.000Z', 'a2')] };
    expect(annulmentOf(doc('p1', 'proposal', '2026-11-20T10:00:00.000Z'), listed)).toBeUndefined();
  });

  it('a replaced act is not in force either', () => {
    expect(inForce(doc('o1', 'order', '2026-11-20T10:00:00.000Z', { replacedBy: 'o2' }))).toBe(false);
  });
});

describe('V-77 p. 12: a pass-over counts once', () => {
  it('V-77 p. 12: the entry of a correction stands for the acts it replaced, directly or through earlier corrections', () => {
    const replaces: Record<string, string> = { o2: 'o1', o3: 'o2' };
    const timeline = [
      { kind: 'passedOver', documentId: 'o1', note: 'pirma' },
      { kind: 'state', documentId: 'x' },
      { kind: 'passedOver', documentId: 'o3', note: 'trečia' },
      { kind: 'passedOver', documentId: 'z1', note: 'kitas aktas' },
    ];
    expect(standingPassOvers(timeline, (id) => replaces[id]).map((e) => e.note)).toEqual(['trečia', 'kitas aktas']);
    // Without a correction's own entry, the replaced act's entry still counts.
    expect(standingPassOvers(timeline.slice(0, 2), (id) => replaces[id]).map((e) => e.note)).toEqual(['pirma']);
  });
});
