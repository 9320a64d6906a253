import { describe, expect, it } from 'vitest';
import { capacityHistory, checkCapacity, emptyCapacity, namesByCase, reportOverdue, staleCapacityFields, waitingDays } from '../../../renderer/places/placesModel';
import { undoneSteps, appealEntryKind } from '../../../renderer/cases/timelineModel';
import { appealTermsToSave, appealTermsValues, APPEAL_DAYS_INVALID, APPEAL_MONTHS_INVALID } from '../../../renderer/settings/appealTermsForm';
import { withKeptSections } from '../../../renderer/settings/settingsForm';
import { EMPTY_DRAFT, requestOf, takesPlace } from '../../../renderer/documents/documentsModel';
import type { Settings } from '../../../shared/contract/schemas';

const TODAY = '2026-11-23';

describe('issue 14: the places page (V-77 p. 4, 12, 20)', () => {
  it('p. 4: shows the capacity changes newest first, the one in force today marked, a later one as coming', () => {
    const rows = capacityHistory(
      [
        { from: '2026-01-01', places: 10, note: '' },
        { from: '2027-01-01', places: 14, note: 'Nauji kambariai' },
        { from: '2026-06-01', places: 12, note: '' },
      ],
      TODAY,
    );
    expect(rows.map((r) => [r.from, r.current, r.future])).toEqual([
      ['2027-01-01', false, true],
      ['2026-06-01', true, false],
      ['2026-01-01', false, false],
    ]);
    expect(capacityHistory([], TODAY)).toEqual([]);
  });

  it('p. 12: counts the days on the list from the day entered, else from the request', () => {
    expect(waitingDays({ listedOn: '2026-11-13', requestDate: '2026-09-01' }, TODAY)).toBe(10);
    expect(waitingDays({ requestDate: '2026-11-20' }, TODAY)).toBe(3);
    expect(waitingDays({ requestDate: '2026-11-30' }, TODAY)).toBe(0);
  });

  it('p. 20: a freed place not reported by its term is overdue; a reported one never', () => {
    expect(reportOverdue({ reportDue: '2026-11-20', overdue: false }, TODAY)).toBe(true);
    expect(reportOverdue({ reportDue: '2026-11-23', overdue: false }, TODAY)).toBe(false);
    expect(reportOverdue({ reportDue: '2026-11-20', reportedOn: '2026-11-21', overdue: true }, TODAY)).toBe(false);
    expect(reportOverdue({ reportDue: '2026-11-25', overdue: true }, TODAY)).toBe(true);
  });

  it('names the cases the pass-overs refer to, from whatever part of the view holds them', () => {
    const person = (caseId: string, lastName: string) => ({ caseId, firstName: 'A', lastName });
    const names = namesByCase({
      list: [{ ...person('l1', 'Listas'), position: 1, requestDate: '2026-09-01', decision: '10.1', state: 'listed', waiting: true }],
      occupied: [{ ...person('o1', 'Gyventojas'), arrivedOn: '2026-10-01' }],
      held: [{ ...person('h1', 'Laukiantis'), state: 'transfer_ordered' }],
      freed: [{ ...person('f1', 'Išvykęs'), on: '2026-11-01', how: 'parole', reportDue: '2026-11-04', overdue: false }],
    });
    expect(names.get('l1')).toBe('Listas A');
    expect(names.get('f1')).toBe('Išvykęs A');
    expect(names.get('nope')).toBeUndefined();
  });

  it('checks a capacity change: a real date (it may lie ahead), a whole number of places, a short note', () => {
    expect(checkCapacity({ ...emptyCapacity(TODAY), places: '12' })).toEqual({ input: { from: TODAY, places: 12, note: '' }, errors: {} });
    expect(checkCapacity({ from: '2027-01-01', places: '0', note: ' Remontas ' }).input).toEqual({ from: '2027-01-01', places: 0, note: 'Remontas' });
    expect(checkCapacity(emptyCapacity(TODAY)).errors).toEqual({ places: 'required' });
    expect(checkCapacity({ from: TODAY, places: '2.5', note: '' }).errors).toEqual({ places: 'placesCount' });
    expect(checkCapacity({ from: TODAY, places: '1001', note: '' }).errors).toEqual({ places: 'placesCount' });
    expect(checkCapacity({ from: '2026-02-30', places: '3', note: '' }).errors).toEqual({ from: 'date' });
  });

  it('names what another window changed of the settings when a capacity change is refused as stale', () => {
    expect(staleCapacityFields({ changed: ['institution.capacityChanges', 'institution.places', 'security.idleMinutes', 'institution.capacityChanges'] })).toEqual(['history', 'places', 'other']);
    expect(staleCapacityFields(undefined)).toEqual([]);
  });
});

describe('issue 14: the timeline keeps a corrected step and marks it', () => {
  it('a correction undoes the latest standing step it reverses', () => {
    const entries = [
      { kind: 'registered', to: 'request_received' },
      { kind: 'state', from: 'request_received', to: 'dossier_collecting' },
      { kind: 'state', from: 'dossier_collecting', to: 'withdrawn' },
      { kind: 'corrected', from: 'withdrawn', to: 'dossier_collecting' },
      { kind: 'state', from: 'dossier_collecting', to: 'withdrawn' },
    ];
    expect([...undoneSteps(entries)]).toEqual([2]);
    // Undone twice: each correction its own step.
    expect([...undoneSteps([...entries, { kind: 'corrected', from: 'withdrawn', to: 'dossier_collecting' }])].sort()).toEqual([2, 4]);
    expect(undoneSteps([{ kind: 'corrected', from: 'listed', to: 'decided' }]).size).toBe(0);
  });

  it('an appeal entry with the received decision is its outcome, else its filing', () => {
    expect(appealEntryKind({ kind: 'appeal' })).toBe('filed');
    expect(appealEntryKind({ kind: 'appeal', actId: 'a1' })).toBe('decided');
  });
});

describe('issue 14: the settings keep the capacity changes and edit the appeal terms (V-77 p. 4, 51)', () => {
  const settings: Settings = {
    institution: { name: 'Pataisos namai', runsHalfwayHouse: true, halfwayHouseName: 'PN', places: 10 },
    otherInstitutions: [],
  };

  it('keeps the dated capacity changes a save of the form does not edit', () => {
    const changes = [{ from: '2026-06-01', places: 12, note: '' }];
    const base = { ...settings, institution: { ...settings.institution, capacityChanges: changes } };
    expect(withKeptSections(settings, base, undefined).institution.capacityChanges).toEqual(changes);
    expect(withKeptSections(settings, null, undefined).institution).not.toHaveProperty('capacityChanges');
    const noHouse = { ...settings, institution: { ...settings.institution, runsHalfwayHouse: false, places: 0 } };
    expect(withKeptSections(noHouse, base, undefined).institution).not.toHaveProperty('capacityChanges');
  });

  it('saves the appeal terms the form gives, and none when none is set', () => {
    const terms = { department: { days: 20, citation: 'BVK 183 str.' }, court: { months: 1, citation: 'ABTĮ 29 str.' } };
    expect(withKeptSections({ ...settings, appealTerms: terms }, null, undefined)).not.toHaveProperty('appealTerms');
    expect(withKeptSections(settings, null, terms).appealTerms).toEqual(terms);
  });

  it('edits each term as a number of days or months and its provision; empty is "not set"', () => {
    const values = appealTermsValues({ appealTerms: { department: { days: 20, citation: 'BVK 183 str.' }, court: { months: 1, citation: '' } } });
    expect(values).toEqual({ department: { amount: '20', unit: 'days', citation: 'BVK 183 str.' }, court: { amount: '1', unit: 'months', citation: '' } });
    expect(appealTermsToSave(values)).toEqual({ appealTerms: { department: { days: 20, citation: 'BVK 183 str.' }, court: { months: 1, citation: '' } }, errors: {} });
    // None set: the court's one month (ABTĮ 29 str. 1 d.) is shown, and nothing needs saving; set, the court's default goes with it.
    expect(appealTermsValues(null).court).toEqual({ amount: '1', unit: 'months', citation: 'ABTĮ 29 str. 1 d.' });
    expect(appealTermsToSave(appealTermsValues(null))).toEqual({ appealTerms: undefined, errors: {} });
    const department = { ...appealTermsValues(null), department: { amount: '14', unit: 'days' as const, citation: 'BVK 183 str.' } };
    expect(appealTermsToSave(department).appealTerms).toEqual({ department: { days: 14, citation: 'BVK 183 str.' }, court: { months: 1, citation: 'ABTĮ 29 str. 1 d.' } });
    expect(appealTermsToSave({ ...values, department: { amount: '400', unit: 'days', citation: '' } }).errors).toEqual({ 'appealTerms.department.amount': APPEAL_DAYS_INVALID });
    expect(appealTermsToSave({ ...values, court: { amount: '1.5', unit: 'months', citation: '' } })).toEqual({ appealTerms: null, errors: { 'appealTerms.court.amount': APPEAL_MONTHS_INVALID } });
  });
});

describe('issue 14: an order or a submission that passes over the list (V-77 p. 12–14)', () => {
  it('sends the pass-over reason with the order and the submission only, when given', () => {
    const target = { kind: 'case' as const, caseId: 'c1' };
    expect(requestOf(target, 'order', { ...EMPTY_DRAFT, passOverReason: '  ' })).toEqual({ kind: 'order', caseId: 'c1' });
    expect(requestOf(target, 'submission', { ...EMPTY_DRAFT, passOverReason: ' Pirmasis sąraše atsisakė. ' })).toEqual({ kind: 'submission', caseId: 'c1', passOverReason: 'Pirmasis sąraše atsisakė.' });
    expect(requestOf(target, 'letter', { ...EMPTY_DRAFT, passOverReason: 'x' })).toEqual({ kind: 'letter', caseId: 'c1' });
    expect([takesPlace('order'), takesPlace('submission'), takesPlace('declineDecision')]).toEqual([true, true, false]);
  });
});
