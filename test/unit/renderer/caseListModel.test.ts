import { describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../../shared/contract/schemas';
import {
  DEFAULT_QUERY,
  filterCases,
  normalizeForSearch,
  prepareCases,
  sortCases,
  toggleSort,
  type ListQuery,
  type SortKey,
} from '../../../renderer/cases/caseListModel';

function item(id: string, patch: Partial<CaseListItem> = {}): CaseListItem {
  return {
    id,
    firstName: 'Jonas',
    lastName: 'Jonaitis',
    personalFileNo: `F-${id}`,
    servingInstitution: 'Marijampolės pataisos namai',
    requestDate: '2026-11-02',
    possibleTransferDate: '2027-01-01',
    state: 'request_received',
    flags: [],
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...patch,
  };
}

const deadline = (date: string, overdue: boolean) => ({
  rule: 'p7' as const,
  point: '7',
  kind: 'due' as const,
  date,
  lt: 'Medžiaga turi būti gauta',
  en: 'Dossier due',
  daysLeft: overdue ? -1 : 1,
  overdue,
});

const damaged = item('d', {
  damaged: { lt: 'failas neperskaitomas (sugadintas JSON)', en: 'the file cannot be read (corrupt JSON)' },
  firstName: '',
  lastName: '',
  personalFileNo: '',
  servingInstitution: '',
  requestDate: null,
  possibleTransferDate: null,
  state: null,
});

const cases = [
  item('a', { firstName: 'Šarūnas', lastName: 'Žemaitis', personalFileNo: 'A-17', nextDeadline: deadline('2026-11-30', false) }),
  item('b', { firstName: 'Ona', lastName: 'Ąžuolienė', requestDate: '2026-10-01', state: 'dossier_received', nextDeadline: deadline('2026-11-10', true), flags: ['p19'] }),
  damaged,
  item('c', { firstName: 'Ieva', lastName: 'Yla', servingInstitution: 'Alytaus pataisos namai', requestDate: '2026-11-20', state: 'refused' }),
];

const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);
const sortedIds = (key: SortKey, direction: 'asc' | 'desc' = 'asc') => ids(sortCases(prepareCases(cases), { key, direction }).map((p) => p.item));
const query = (patch: Partial<ListQuery>) => ({ ...DEFAULT_QUERY, ...patch });
const found = (patch: Partial<ListQuery>) => ids(filterCases(prepareCases(cases), query(patch)));

describe('search normalization', () => {
  it('drops Lithuanian diacritics and case, and collapses spaces', () => {
    expect(normalizeForSearch('  ŽEMAITĖ  Ąžuolė ')).toBe('zemaite azuole');
    expect(normalizeForSearch('Šarūnas Čiurlionis')).toBe('sarunas ciurlionis');
  });
});

describe('searching and filtering the case list', () => {
  it('finds by surname with or without diacritics, by first name, and by every word given', () => {
    expect(found({ search: 'Žemaitis' })).toEqual(['a']);
    expect(found({ search: 'zemaitis' })).toEqual(['a']);
    expect(found({ search: 'azuol' })).toEqual(['b']);
    expect(found({ search: 'sarunas zem' })).toEqual(['a']);
    expect(found({ search: 'sarunas ona' })).toEqual([]);
  });

  it('finds by personal file number, also typed without its dash', () => {
    expect(found({ search: 'a-17' })).toEqual(['a']);
    expect(found({ search: 'A17' })).toEqual(['a']);
  });

  it('filters by state, by damage, and to overdue terms only', () => {
    expect(found({ state: 'refused' })).toEqual(['c']);
    expect(found({ state: 'damaged' })).toEqual(['d']);
    expect(found({ overdueOnly: true })).toEqual(['b']);
    expect(found({})).toEqual(['a', 'b', 'd', 'c']);
  });
});

describe('sorting the case list', () => {
  it('sorts names by surname the Lithuanian way (y with i, Ą after A), damaged cases without a name last', () => {
    expect(sortedIds('name')).toEqual(['b', 'c', 'a', 'd']);
    expect(sortedIds('name', 'desc')).toEqual(['a', 'c', 'b', 'd']);
  });

  it('V-77 p. 7: sorts by the next deadline, cases without one last in either direction', () => {
    expect(sortedIds('nextDeadline')).toEqual(['b', 'a', 'c', 'd']);
    expect(sortedIds('nextDeadline', 'desc')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts states in the order of the procedure, not alphabetically', () => {
    expect(sortedIds('state')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts by request date, institution, file number and flag', () => {
    expect(sortedIds('requestDate')).toEqual(['b', 'a', 'c', 'd']);
    expect(sortedIds('institution')).toEqual(['c', 'b', 'a', 'd']);
    expect(sortedIds('personalFileNo')).toEqual(['a', 'b', 'c', 'd']);
    expect(sortedIds('flags')[0]).toBe('b');
  });

  it('reverses the sorted column on a second click, and starts another column ascending', () => {
    expect(toggleSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(toggleSort({ key: 'name', direction: 'desc' }, 'name')).toEqual({ key: 'name', direction: 'asc' });
    expect(toggleSort({ key: 'name', direction: 'desc' }, 'state')).toEqual({ key: 'state', direction: 'asc' });
  });

  it('does not change the list it was given', () => {
    const prepared = prepareCases(cases);
    const before = ids(prepared.map((p) => p.item));
    sortCases(prepared, { key: 'name', direction: 'desc' });
    expect(ids(prepared.map((p) => p.item))).toEqual(before);
  });
});
