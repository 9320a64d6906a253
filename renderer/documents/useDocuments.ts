import { useCallback, useEffect, useState } from 'react';
import type { DocumentItem } from '../../shared/contract/documentSchemas';
import { ApiError, call, subscribe, toApiError } from '../api/client';

export interface DocumentList {
  /** null until the first answer. */
  documents: readonly DocumentItem[] | null;
  error: ApiError | null;
  reload(): void;
}

/** Which documents: those of a case, of a meeting, all (list with neither), or those awaiting my signature. */
type Source = { kind: 'list'; caseId: string | undefined; meetingId: string | undefined } | { kind: 'queue' };

function load(source: Source): Promise<{ documents: DocumentItem[] }> {
  if (source.kind === 'queue') return call('documents.queue', {});
  const { caseId, meetingId } = source;
  return call('documents.list', { ...(caseId !== undefined ? { caseId } : {}), ...(meetingId !== undefined ? { meetingId } : {}) });
}

/**
 * A list of documents, loaded when shown and again after every 'documents.changed' event (a
 * document issued or signed, here or by someone else). Changes to cases leave it alone.
 */
function useDocumentSource(source: Source | null): DocumentList {
  const [version, setVersion] = useState(0);
  const [documents, setDocuments] = useState<readonly DocumentItem[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const kind = source?.kind ?? null;
  const caseId = source?.kind === 'list' ? source.caseId : undefined;
  const meetingId = source?.kind === 'list' ? source.meetingId : undefined;

  useEffect(() => {
    if (kind === null) return;
    return subscribe((event) => {
      if (event.type === 'documents.changed') setVersion((v) => v + 1);
    });
  }, [kind]);

  useEffect(() => {
    if (kind === null) return;
    let current = true;
    load(kind === 'queue' ? { kind } : { kind, caseId, meetingId }).then(
      (value) => {
        if (!current) return;
        setDocuments(value.documents);
        setError(null);
      },
      (e: unknown) => current && setError(toApiError(e)),
    );
    return () => {
      current = false;
    };
  }, [kind, caseId, meetingId, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { documents, error, reload };
}

/** The documents of a case, of a meeting, or (with neither) all of them. */
export function useDocumentList(scope: { caseId?: string; meetingId?: string }): DocumentList {
  return useDocumentSource({ kind: 'list', caseId: scope.caseId, meetingId: scope.meetingId });
}

/** The documents awaiting a signature the user's roles give; nothing is loaded while `enabled` is false. */
export function useSigningQueue(enabled: boolean): DocumentList {
  return useDocumentSource(enabled ? { kind: 'queue' } : null);
}
