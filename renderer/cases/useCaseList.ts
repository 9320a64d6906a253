import { useCallback, useEffect, useState } from 'react';
import type { CaseListItem } from '../../shared/contract/schemas';
import { ApiError, call, subscribe, toApiError } from '../api/client';

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
 * The case list, kept across pages. Every 'cases.changed' event from the back end makes it stale;
 * it is loaded again while the list is shown (`active`), not on every change elsewhere.
 */
export function useCaseList(active: boolean): CaseList {
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ version: -1, cases: [], error: null });

  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'cases.changed') setVersion((v) => v + 1);
      }),
    [],
  );

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

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { cases: loaded.cases, loading: loaded.version === -1, error: loaded.error, reload };
}
