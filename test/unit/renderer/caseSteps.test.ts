import { describe, expect, it } from 'vitest';
import { decisionOf, decisionsOf, stepInput, validateStep, type StepValues } from '../../../renderer/cases/caseSteps';
import { isRequestEditable, nextStates, REASON_REQUIRED_STATES, stepMeans, type CaseState } from '../../../shared/domain/caseStates';

const TODAY = '2026-11-23';
const LAST_STEP = '2026-11-16';
const context = { today: TODAY, notBefore: LAST_STEP };
const step = (patch: Partial<StepValues> = {}): StepValues => ({ on: TODAY, note: '', ...patch });

describe('the form of a procedure step', () => {
  it('takes a real date, not later than today and not before the previous step', () => {
    expect(validateStep(step(), 'dossier_collecting', context)).toEqual({});
    expect(validateStep(step({ on: LAST_STEP }), 'dossier_collecting', context)).toEqual({});
    expect(validateStep(step({ on: '' }), 'dossier_collecting', context)).toEqual({ on: 'required' });
    expect(validateStep(step({ on: '2026-11-31' }), 'dossier_collecting', context)).toEqual({ on: 'date' });
    expect(validateStep(step({ on: '2026-11-24' }), 'dossier_collecting', context)).toEqual({ on: 'dateInFuture' });
    expect(validateStep(step({ on: '2026-11-15' }), 'dossier_collecting', context)).toEqual({ on: 'dateOrder' });
  });

  it('V-77 p. 6, 15, 16, 18, 47: requires a written reason to refuse, end or withdraw a request', () => {
    for (const to of ['refused', 'ineligible', 'returned', 'withdrawn'] as const) {
      expect(validateStep(step({ note: '   ' }), to, context)).toEqual({ note: 'required' });
      expect(validateStep(step({ note: 'Galioja drausminė nuobauda.' }), to, context)).toEqual({});
    }
  });

  it('limits the note to 2,000 characters', () => {
    expect(validateStep(step({ note: 'x'.repeat(2000) }), 'listed', context)).toEqual({});
    expect(validateStep(step({ note: 'x'.repeat(2001) }), 'listed', context)).toEqual({ note: 'tooLong' });
  });

  it('sends the date, and the note only when given', () => {
    expect(stepInput(step({ note: '  ' }))).toEqual({ on: TODAY });
    expect(stepInput(step({ on: ' 2026-11-20 ', note: ' Medžiaga išsiųsta. ' }))).toEqual({ on: '2026-11-20', note: 'Medžiaga išsiųsta.' });
  });
});

describe('the steps the step form offers after the decision (issue 14)', () => {
  it('a withdrawal after the decision, and p. 47 for our convict asking elsewhere, are hand steps with a required reason', () => {
    const offered: [CaseState, CaseState, Parameters<typeof nextStates>[1], Parameters<typeof nextStates>[2]][] = [
      ['decided', 'withdrawn', '10.1', 'own'],
      ['submitted_to_department', 'withdrawn', '10.3', 'other'],
      ['transfer_ordered', 'withdrawn', '10.1', 'own'],
      ['dossier_sent', 'withdrawn', undefined, 'sends'],
      ['dossier_sent', 'ineligible', undefined, 'sends'],
    ];
    for (const [from, to, decision, route] of offered) {
      expect(nextStates(from, decision, route), `${from} → ${to}`).toContain(to);
      expect(stepMeans(from, to), `${from} → ${to}`).toBe('hand');
      expect(REASON_REQUIRED_STATES).toContain(to);
      expect(validateStep(step(), to, context), `${from} → ${to}`).toEqual({ note: 'required' });
      expect(validateStep(step({ note: 'Nuteistasis atsiėmė prašymą raštu.' }), to, context)).toEqual({});
    }
  });

  it('V-77 p. 10, 12: the request is corrected only before any decision, also after an appeal sent the case back to the commission', () => {
    const decided = { kind: 'state', from: 'scheduled', to: 'decided' };
    expect(isRequestEditable({ state: 'ready_for_commission', timeline: [] })).toBe(true);
    expect(isRequestEditable({ state: 'ready_for_commission', timeline: [decided, { kind: 'reopened', from: 'refused', to: 'ready_for_commission' }] })).toBe(false);
    expect(isRequestEditable({ state: 'decided', timeline: [decided] })).toBe(false);
  });
});

describe('the decisions of the commission (V-77 p. 10)', () => {
  it('are taken from the catalogue, in the order of the order', () => {
    expect(decisionsOf(['10.4', '10.3']).map((d) => d.id)).toEqual(['10.3', '10.4']);
    expect(decisionsOf([])).toEqual([]);
    expect(decisionOf('10.1')?.lt).toBe('Teikti siūlymą direktoriui perkelti nuteistąjį į pusiaukelės namus');
    expect(decisionOf('10.4')?.en).toMatch(/^Propose to the director not to submit/);
  });
});
