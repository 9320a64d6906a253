import { useCallback, useEffect, useState } from 'react';
import type { CaseListItem } from '../../shared/contract/schemas';
import type { IsoDate } from '../../shared/domain/calendar';
import { ApiError, call, toApiError } from '../api/client';
import { useEvent } from '../api/useEvents';

interface Loaded {
  /** The change count this list reflects; -1 before the first load. */
  version: number;
  cases: readonly CaseListItem[];
  error: ApiError | null;
}

export interface CaseList {
  cases: readonly CaseListItem[];
  /** True until the first answer. */
  loading: boolean;
  error: ApiError | null;
  reload(): void;
}

/**
 * The case list, kept across pages. It goes stale on 'cases.changed' events from the back end (once per burst),
 * each time the list is shown again (`active` turns true), and when `today` changes: the back end
 * computes the days left and the overdue terms from its today, so a list from yesterday is wrong.
 * A stale list is loaded again while it is shown, not on every change elsewhere nor on a timer.
 */
export function useCaseList(active: boolean, today: IsoDate | undefined): CaseList {
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ version: -1, cases: [], error: null });
  const [seen, setSeen] = useState({ active: false, today });

  // Adjusted while rendering (not in an effect), so that entering the list costs one request, not two.
  if (seen.active !== active || seen.today !== today) {
    setSeen({ active, today });
    if ((active && !seen.active) || seen.today !== today) setVersion((v) => v + 1);
  }

  // A burst of changes (the background check) makes it stale once; so does a reconnection.
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEvent('cases.changed', reload);

  useEffect(() => {
    if (!active || loaded.version === version) return;
    let current = true;
    call('cases.list', {}).then(
      (result) => current && setLoaded({ version, cases: result.cases, error: null }),
      (e: unknown) => current && setLoaded((l) => ({ ...l, version, error: toApiError(e) })),
    );
    return () => {
      current = false;
    };
  }, [active, version, loaded.version]);

  return { cases: loaded.cases, loading: loaded.version === -1, error: loaded.error, reload };
}
