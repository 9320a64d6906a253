import { describe, expect, it } from 'vitest';
import type { AgendaItemView } from '../../../shared/contract/meetingSchemas';
import { closePlan, closePlanOf, firstLineOf, redFlagOf, summaryOf } from '../../../renderer/meetings/meetingSummary';

describe('the summary of the nine criteria (V-77 p. 11)', () => {
  it('shows every criterion in order with its assessment and the first line of its findings', () => {
    const rows = summaryOf({
      '11.2': { findings: '\n  Pažeidimų nėra.\nGauta padėka.', assessment: 'favourable' },
      '11.5': { findings: 'Rizika žema', assessment: 'neutral' },
    });
    expect(rows.map((r) => r.criterion.id)).toEqual(['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.8', '11.9']);
    expect(rows[1]).toMatchObject({ assessment: 'favourable', firstLine: 'Pažeidimų nėra.', complete: true, redFlag: false });
    expect(rows[0]).toMatchObject({ firstLine: '', complete: false });
    expect(rows[0]!.assessment).toBeUndefined();
  });

  it('p. 11.8: raises the red flag when the convict is on the register, and counts 11.8 complete only with the register answered', () => {
    const onRegister = summaryOf({ '11.8': { findings: '', assessment: 'unfavourable', onRegister: true } })[7]!;
    expect(onRegister).toMatchObject({ redFlag: true, complete: true });
    expect(redFlagOf({ '11.8': { findings: '', onRegister: true } })).toBe(true);
    expect(redFlagOf({ '11.8': { findings: '', onRegister: false } })).toBe(false);
    const unanswered = summaryOf({ '11.8': { findings: '', assessment: 'neutral' } })[7]!;
    expect(unanswered).toMatchObject({ redFlag: false, complete: false });
  });

  it('cuts a long first line at a word and marks the cut', () => {
    const long = 'Nuteistasis dalyvavo programose '.repeat(8).trim();
    const line = firstLineOf(long, 60);
    expect(line.length).toBeLessThanOrEqual(61);
    expect(line.endsWith('…')).toBe(true);
    expect(long.startsWith(line.slice(0, -1))).toBe(true);
    expect(firstLineOf('   \n\t\n')).toBe('');
  });
});

function agendaItem(caseId: string, patch: { active?: boolean; decision?: '10.1' | '10.4'; postponed?: string; status?: 'adopted' | 'rejected' | 'incomplete' }) {
  return {
    item: { caseId, ...(patch.decision ? { decision: patch.decision } : {}), ...(patch.postponed ? { postponed: patch.postponed } : {}) } as AgendaItemView['item'],
    active: patch.active ?? true,
    tally: patch.status ? ({ status: patch.status } as AgendaItemView['tally']) : null,
  } as AgendaItemView;
}

describe('what closing the meeting does to each case', () => {
  it('V-77 p. 10: an adopted proposal becomes the decision, a postponed case goes back, a case that left is untouched', () => {
    expect(closePlanOf(agendaItem('a', { decision: '10.1', status: 'adopted' }))).toEqual({ caseId: 'a', kind: 'decide', decision: '10.1' });
    expect(closePlanOf(agendaItem('b', { postponed: 'Trūksta išvados' }))).toEqual({ caseId: 'b', kind: 'postpone', reason: 'Trūksta išvados' });
    expect(closePlanOf(agendaItem('c', { active: false }))).toEqual({ caseId: 'c', kind: 'left' });
  });

  it('keeps the meeting open while a case is undecided, its proposal was rejected, or the back end names it among the problems', () => {
    expect(closePlanOf(agendaItem('a', {}))).toEqual({ caseId: 'a', kind: 'blocked' });
    expect(closePlanOf(agendaItem('a', { decision: '10.4', status: 'rejected' }))).toEqual({ caseId: 'a', kind: 'blocked' });
    expect(closePlanOf(agendaItem('a', { decision: '10.4', status: 'incomplete' }))).toEqual({ caseId: 'a', kind: 'blocked' });
    const plan = closePlan({
      items: [agendaItem('a', { decision: '10.4', status: 'adopted' }), agendaItem('b', { decision: '10.1', status: 'adopted' })],
      closeProblems: [{ caseId: 'a', code: 'RATIONALE_REQUIRED', lt: '', en: '' }],
    });
    expect(plan.map((p) => p.kind)).toEqual(['blocked', 'decide']);
  });
});
