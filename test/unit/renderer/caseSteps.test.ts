import { describe, expect, it } from 'vitest';
import { validateStep } from '../../../renderer/cases/caseSteps';

const TODAY = '2026-11-23';

describe('the form of a procedure step', () => {
  it('takes a real date, not later than today', () => {
    expect(validateStep({ on: TODAY, note: '' }, 'dossier_collecting', TODAY)).toEqual({});
    expect(validateStep({ on: '', note: '' }, 'dossier_collecting', TODAY)).toEqual({ on: 'required' });
    expect(validateStep({ on: '2026-11-31', note: '' }, 'dossier_collecting', TODAY)).toEqual({ on: 'date' });
    expect(validateStep({ on: '2026-11-24', note: '' }, 'dossier_collecting', TODAY)).toEqual({ on: 'dateInFuture' });
  });

  it('V-77 p. 15, 16, 18: requires a written reason to refuse, end or withdraw a request', () => {
    for (const to of ['refused', 'ineligible', 'returned', 'withdrawn'] as const) {
      expect(validateStep({ on: TODAY, note: '   ' }, to, TODAY)).toEqual({ note: 'required' });
      expect(validateStep({ on: TODAY, note: 'Galioja drausminė nuobauda.' }, to, TODAY)).toEqual({});
    }
  });

  it('limits the note to 2,000 characters', () => {
    expect(validateStep({ on: TODAY, note: 'x'.repeat(2001) }, 'scheduled', TODAY)).toEqual({ note: 'tooLong' });
  });
});
