import type { StagedFile } from '../../shared/contract/dossierSchemas';
import { ApiError, call, toApiError } from '../api/client';
import { translate } from '../i18n/translate';

/** A file the user gave, after the back end checked it: staged (held for review) or refused. */
export type Prepared = { file: File; staged: StagedFile; error?: undefined } | { file: File; staged?: undefined; error: ApiError };

/** A size in MB (MiB, as the limit in the settings counts), e.g. "52.4" or "50". */
export function megabytes(bytes: number, decimals = 1): string {
  return (bytes / 1024 / 1024).toFixed(decimals).replace(/\.0+$/, '');
}

/** "PDF, 0.42 MB": what a stored or staged document is. */
export function kindAndSize(kind: string, bytes: number): string {
  return `${kind.toUpperCase()}, ${megabytes(bytes, 2)} MB`;
}

/**
 * Check one file with the back end (V-77 p. 6 documents are checked by their content there). A file
 * over the limit is refused here without sending it; one the disk cannot give is refused too.
 */
export async function prepareFile(caseId: string, file: File, maxBytes: number): Promise<Prepared> {
  if (file.size > maxBytes) {
    const params = { file: file.name, size: megabytes(file.size), limit: megabytes(maxBytes) };
    return {
      file,
      error: new ApiError({ code: 'FILE_TOO_LARGE', message: translate('lt', 'dossier.tooLarge', params), messageEn: translate('en', 'dossier.tooLarge', params) }),
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    const params = { file: file.name, detail: e instanceof Error ? e.message : String(e) };
    return {
      file,
      error: new ApiError({ code: 'FILE_UNREADABLE', message: translate('lt', 'dossier.unreadableFile', params), messageEn: translate('en', 'dossier.unreadableFile', params) }),
    };
  }
  try {
    return { file, staged: await call('dossier.stage', { caseId, name: file.name, bytes }) };
  } catch (e) {
    return { file, error: toApiError(e) };
  }
}

/** Check files one after another (one 50 MB file in memory at a time), reporting progress. */
export async function prepareFiles(caseId: string, files: readonly File[], maxBytes: number, progress: (done: number) => void): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const file of files) {
    prepared.push(await prepareFile(caseId, file, maxBytes));
    progress(prepared.length);
  }
  return prepared;
}

/** Let go of what was staged but will not be stored (a cancelled review). */
export function discardPrepared(prepared: readonly Prepared[]): void {
  const stagedIds = prepared.flatMap((p) => (p.staged ? [p.staged.stagedId] : []));
  if (stagedIds.length > 0) void call('dossier.discard', { stagedIds }).catch(() => undefined);
}

/** A file's path inside a picked folder, or its name (for sorting and display). */
export function displayPath(file: File): string {
  return file.webkitRelativePath || file.name;
}
