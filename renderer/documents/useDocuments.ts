import { useCallback, useEffect, useState } from 'react';
import type { DocumentItem } from '../../shared/contract/documentSchemas';
import { ApiError, call, toApiError } from '../api/client';
import { useEvent } from '../api/useEvents';

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
 * A list of documents, loaded when shown and again after 'documents.changed' events (a document
 * issued or signed, here or by someone else; once per burst). A case's list also follows its case's
 * 'cases.changed': an upheld appeal annuls the act it contests inside the case's change (V-77 p. 51),
 * which emits only that event. Changes to other cases leave it alone.
 */
function useDocumentSource(source: Source | null): DocumentList {
  const [version, setVersion] = useState(0);
  const [documents, setDocuments] = useState<readonly DocumentItem[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const kind = source?.kind ?? null;
  const caseId = source?.kind === 'list' ? source.caseId : undefined;
  const meetingId = source?.kind === 'list' ? source.meetingId : undefined;

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // A case's list skips the documents of other cases; an event without a case (a meeting's minutes,
  // the p. 12 list, which name several cases) may concern it.
  // Whether an act is in force is read with its case (an appeal's outcome, a reopening): the case's
  // change may change its documents' status. A 'cases.changed' without an id (the background check)
  // may concern it. One burst of either reloads once.
  // The list of all documents and the signing queue follow every case's change for the same reason
  // (an annulled act leaves the queue and is marked in the list); a meeting's list does not need to.
  const followsCases = kind === 'queue' || (kind === 'list' && meetingId === undefined);
  const names: readonly ('documents.changed' | 'cases.changed')[] | null = kind === null ? null : followsCases ? ['documents.changed', 'cases.changed'] : ['documents.changed'];
  useEvent(names, reload, (event) =>
    event.type === 'cases.changed'
      ? caseId === undefined || event.payload.id === undefined || event.payload.id === caseId
      : caseId === undefined || event.payload.caseId === undefined || event.payload.caseId === caseId,
  );

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
