import { describe, expect, it } from 'vitest';
import type { AgendaItemView } from '../../../shared/contract/meetingSchemas';
import { CRITERIA } from '../../../shared/domain/criteria';
import { decisionOptions, isCriterionStep, MEETING_STEPS, shortcutOf, stepAfter, stepMark, stepNumber } from '../../../renderer/meetings/meetingSteps';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

function item(patch: { evaluation?: AgendaItemView['item']['evaluation']; unevaluated?: AgendaItemView['unevaluated']; decision?: '10.1'; tally?: AgendaItemView['tally'] } = {}) {
  return {
    item: { evaluation: patch.evaluation ?? {}, ...(patch.decision ? { decision: patch.decision } : {}) } as AgendaItemView['item'],
    unevaluated: patch.unevaluated ?? CRITERIA.map((c) => c.id),
    tally: patch.tally ?? null,
  };
}

describe('the guided evaluation of one case', () => {
  it('V-77 p. 11: walks the nine criteria 11.1 → 11.9 in order, then the summary, the proposal (p. 10) and the vote', () => {
    expect(MEETING_STEPS).toEqual(['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.8', '11.9', 'summary', 'decision', 'vote']);
    expect(MEETING_STEPS.filter(isCriterionStep)).toEqual(CRITERIA.map((c) => c.id));
    expect(stepNumber('11.1')).toBe(1);
    expect(stepNumber('vote')).toBe(12);
  });

  it('moves one step forward or back and stays put at either end', () => {
    expect(stepAfter('11.1', 1)).toBe('11.2');
    expect(stepAfter('11.9', 1)).toBe('summary');
    expect(stepAfter('summary', -1)).toBe('11.9');
    expect(stepAfter('11.1', -1)).toBe('11.1');
    expect(stepAfter('vote', 1)).toBe('vote');
  });

  it('marks a criterion done once assessed, 11.8 as a red flag when the convict is on the register (p. 11.8)', () => {
    const partly = item({ evaluation: { '11.1': { findings: 'x', assessment: 'favourable' }, '11.8': { findings: '', assessment: 'unfavourable', onRegister: true } }, unevaluated: ['11.2', '11.3'] });
    expect(stepMark('11.1', partly)).toBe('done');
    expect(stepMark('11.2', partly)).toBe('open');
    expect(stepMark('11.8', partly)).toBe('flag');
    expect(stepMark('summary', partly)).toBe('open');
    expect(stepMark('summary', item({ unevaluated: [] }))).toBe('done');
    expect(stepMark('decision', partly)).toBe('open');
    expect(stepMark('decision', item({ decision: '10.1' }))).toBe('done');
  });

  it('reads Alt+→ / Alt+← as next / previous and Alt+P as the projector view; leaves plain and other chords alone', () => {
    expect(shortcutOf(key('ArrowRight', { altKey: true }))).toBe('next');
    expect(shortcutOf(key('ArrowLeft', { altKey: true }))).toBe('previous');
    expect(shortcutOf(key('π', { altKey: true, code: 'KeyP' }))).toBe('projector');
    expect(shortcutOf(key('p', { altKey: true }))).toBe('projector');
    expect(shortcutOf(key('ArrowRight'))).toBeNull(); // the caret in a text field
    expect(shortcutOf(key('ArrowRight', { altKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutOf(key('ArrowLeft', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('x', { altKey: true }))).toBeNull();
  });

  it('V-77 p. 10: only the two decisions open for this convict are offered, in the order of the order', () => {
    expect(decisionOptions(['10.1', '10.2']).map((d) => d.id)).toEqual(['10.1', '10.2']);
    expect(decisionOptions(['10.4', '10.3']).map((d) => d.id)).toEqual(['10.3', '10.4']);
    expect(decisionOptions([])).toEqual([]);
  });
});
