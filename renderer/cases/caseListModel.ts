import type { CaseListItem } from '../../shared/contract/schemas';
import { CASE_STATES, type CaseState } from '../../shared/domain/caseStates';

/**
 * Sorting, searching and filtering the case list: pure functions over the list the back end sent,
 * split so that the page can memoize each step (typing a search does not sort again).
 */
export type SortKey = 'name' | 'personalFileNo' | 'institution' | 'requestDate' | 'state' | 'nextDeadline' | 'flags';
export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  key: SortKey;
  direction: SortDirection;
}

export type StateFilter = CaseState | 'all' | 'damaged';

export interface ListQuery {
  search: string;
  state: StateFilter;
  overdueOnly: boolean;
  sort: SortSpec;
}

/** Most urgent first: what the secretary must act on next. */
export const DEFAULT_QUERY: ListQuery = {
  search: '',
  state: 'all',
  overdueOnly: false,
  sort: { key: 'nextDeadline', direction: 'asc' },
};

/** Clicking the sorted column's header reverses it; another column starts ascending. */
export function toggleSort(current: SortSpec, key: SortKey): SortSpec {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

/** Lower case without diacritics, so that 'zemaitis' finds 'Žemaitis' and 'ŽEMAITĖ' finds 'Žemaitė'. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('lt').replace(/\s+/g, ' ').trim();
}

export interface PreparedCase {
  item: CaseListItem;
  /** Names and file number, normalized; file numbers also without spaces or dashes. */
  haystack: string;
}

export function prepareCases(items: readonly CaseListItem[]): PreparedCase[] {
  return items.map((item) => {
    const fileNo = normalizeForSearch(item.personalFileNo);
    const haystack = `${normalizeForSearch(`${item.firstName} ${item.lastName}`)} ${fileNo} ${fileNo.replace(/[\s-]/g, '')}`;
    return { item, haystack };
  });
}

const collator = new Intl.Collator('lt', { sensitivity: 'base', numeric: true });
const STATE_ORDER = new Map<CaseState, number>(CASE_STATES.map((s, i) => [s, i]));

type Value = string | number | null;

/** The value a column sorts by; null (no value, e.g. a damaged case) always sorts last. */
function sortValue(item: CaseListItem, key: SortKey): Value {
  switch (key) {
    case 'name':
      return item.lastName === '' && item.firstName === '' ? null : `${item.lastName} ${item.firstName}`;
    case 'personalFileNo':
      return item.personalFileNo === '' ? null : item.personalFileNo;
    case 'institution':
      return item.servingInstitution === '' ? null : item.servingInstitution;
    case 'requestDate':
      return item.requestDate;
    case 'state':
      // In the order of the procedure, not alphabetically: the same in both languages.
      return item.state === null ? null : (STATE_ORDER.get(item.state) ?? null);
    case 'nextDeadline':
      return item.nextDeadline?.date ?? null;
    case 'flags':
      return item.flags.length > 0 ? 0 : 1;
  }
}

/** Ascending, or descending with sign -1; a missing value (null) is last either way. */
function compareValues(a: Value, b: Value, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * collator.compare(String(a), String(b));
}

interface Keyed {
  c: PreparedCase;
  value: Value;
  name: Value;
}

/** Equal values keep a stable order: by name, then by id. */
function tieBreak(x: Keyed, y: Keyed): number {
  const a = x.c.item.id;
  const b = y.c.item.id;
  return compareValues(x.name, y.name, 1) || (a < b ? -1 : a > b ? 1 : 0);
}

export function sortCases(cases: readonly PreparedCase[], sort: SortSpec): PreparedCase[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = cases.map((c): Keyed => ({ c, value: sortValue(c.item, sort.key), name: sortValue(c.item, 'name') }));
  keyed.sort((x, y) => compareValues(x.value, y.value, sign) || tieBreak(x, y));
  return keyed.map((k) => k.c);
}

/** Keep the order; every word of the search must occur in the name or file number. */
export function filterCases(cases: readonly PreparedCase[], query: Pick<ListQuery, 'search' | 'state' | 'overdueOnly'>): CaseListItem[] {
  const words = normalizeForSearch(query.search).split(' ').filter((w) => w !== '');
  const result: CaseListItem[] = [];
  for (const { item, haystack } of cases) {
    if (query.state === 'damaged' ? item.damaged === undefined : query.state !== 'all' && item.state !== query.state) continue;
    if (query.overdueOnly && item.nextDeadline?.overdue !== true) continue;
    if (!words.every((w) => haystack.includes(w))) continue;
    result.push(item);
  }
  return result;
}
