import { describe, expect, it } from 'vitest';
import { rationaleRequired, riskOf, spanBetween, timeLeft, unevaluated } from '../../../shared/domain/evaluation';

describe('V-77 p. 11.1: time left until parole or the end of the sentence', () => {
  it('counts whole calendar months and the days after them', () => {
    expect(spanBetween('2026-11-23', '2027-06-01')).toEqual({ months: 6, days: 9 });
    // DESIGN §1: a month from the 31st ends on the last day of a shorter month.
    expect(spanBetween('2026-01-31', '2026-02-28')).toEqual({ months: 1, days: 0 });
    expect(spanBetween('2026-01-31', '2026-02-27')).toEqual({ months: 0, days: 27 });
    expect(spanBetween('2026-01-31', '2026-03-31')).toEqual({ months: 2, days: 0 });
    expect(spanBetween('2026-11-23', '2026-11-23')).toEqual({ months: 0, days: 0 });
    expect(spanBetween('2026-11-23', '2026-11-22')).toBeNull();
  });

  it('takes the dates of 6.6 when the dossier has them, else those of the request', () => {
    const request = { possibleParoleDate: '2027-06-01', sentenceEnd: '2028-03-01' };
    expect(timeLeft('2026-11-23', undefined, request)).toMatchObject({ source: 'request', untilParole: { months: 6, days: 9 }, untilEnd: { months: 15, days: 7 } });
    const term = { convictions: [], sentenceStart: '2024-01-01', sentenceEnd: '2027-01-15', possibleTransferDate: '2026-12-01', possibleParoleDate: '2026-11-01' };
    // Parole date already passed: only the end of the sentence is left.
    expect(timeLeft('2026-11-23', term, request)).toMatchObject({ source: '6.6', paroleDate: '2026-11-01', untilParole: null, untilEnd: { months: 1, days: 23 } });
  });
});

describe('V-77 p. 11.5: the risk of criminal behaviour and its change', () => {
  it('compares the level with the previous assessment', () => {
    const base = { instrument: 'OASys', assessedOn: '2026-10-01' };
    expect(riskOf({ ...base, level: 'low', previousLevel: 'medium' })?.change).toBe('lower');
    expect(riskOf({ ...base, level: 'high', previousLevel: 'medium' })?.change).toBe('higher');
    expect(riskOf({ ...base, level: 'medium', previousLevel: 'medium' })?.change).toBe('same');
    expect(riskOf({ ...base, level: 'medium' })?.change).toBe('unknown');
    expect(riskOf({ ...base, level: 'undetermined', previousLevel: 'low' })?.change).toBe('unknown');
    expect(riskOf(undefined)).toBeNull();
  });
});

describe('V-77 p. 11: every criterion is evaluated before the decision', () => {
  it('lists the criteria without an assessment, and 11.8 until the register has been checked', () => {
    expect(unevaluated({})).toHaveLength(9);
    const all = Object.fromEntries(['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.8', '11.9'].map((id) => [id, { findings: '', assessment: 'neutral' as const }]));
    expect(unevaluated(all)).toEqual(['11.8']);
    expect(unevaluated({ ...all, '11.8': { findings: '', assessment: 'favourable', onRegister: false } })).toEqual([]);
  });

  it('V-77 p. 10.2 and 10.4 refuse the request and must be reasoned; 10.1 and 10.3 need not be', () => {
    expect(['10.1', '10.2', '10.3', '10.4'].map((d) => rationaleRequired(d as '10.1'))).toEqual([false, true, false, true]);
  });
});
