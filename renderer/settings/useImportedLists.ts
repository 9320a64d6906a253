import { useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../api/client';

/**
 * The state of a settings panel whose lists the back end checks and keeps at once (issue 12's
 * revocation lists, issue 18's trusted lists): the view loaded on mount, and `run` for a change that
 * answers with the new view — busy while it runs, its error kept for the notice beside the control.
 */
export function useImportedLists<V>(load: () => Promise<V>) {
  const [view, setView] = useState<V | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState(false);

  useEffect(() => {
    load().then(setView, (e: unknown) => setError(toApiError(e)));
    // Loaded once, when the panel opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const run = (work: () => Promise<V>, after?: () => void) => {
    setBusy(true);
    setError(null);
    setImported(false);
    work().then(
      (next) => {
        setView(next);
        setBusy(false);
        after?.();
      },
      (e: unknown) => {
        setError(toApiError(e));
        setBusy(false);
      },
    );
  };

  return { view, error, busy, imported, setImported, run };
}
