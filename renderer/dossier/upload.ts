import type { StagedFile } from '../../shared/contract/dossierSchemas';
import { ApiError, call, toApiError } from '../api/client';
import { translate, type Lang } from '../i18n/translate';

/** A file the user gave, after the back end checked it: staged (held for review) or refused. */
export type Prepared = { file: File; staged: StagedFile; error?: undefined } | { file: File; staged?: undefined; error: ApiError };

const KIB = 1024;
const MIB = 1024 * 1024;
const LOCALES: Readonly<Record<Lang, string>> = { lt: 'lt-LT', en: 'en-GB' };
const numberFormat = (lang: Lang, digits: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits });

/** A size in MB (MiB, as the limit in the settings counts) with the language's decimal mark: "52,4" (lt), "52.4" (en), "50". */
export function megabytes(bytes: number, lang: Lang): string {
  return numberFormat(lang, 1).format(bytes / MIB);
}

/** Issue 17: a file's size as a reader writes it: "1,5 MB" in Lithuanian, "1.5 MB" in English; under 1 MB in KB ("420 KB"). */
export function fileSize(bytes: number, lang: Lang): string {
  if (bytes < MIB) return `${numberFormat(lang, 0).format(Math.max(1, Math.round(bytes / KIB)))} KB`;
  return `${megabytes(bytes, lang)} MB`;
}

/** "PDF, 1,5 MB": what a stored or staged document is. */
export function kindAndSize(kind: string, bytes: number, lang: Lang): string {
  return `${kind.toUpperCase()}, ${fileSize(bytes, lang)}`;
}

/**
 * Check one file with the back end (V-77 p. 6 documents are checked by their content there). A file
 * over the limit is refused here without sending it; one the disk cannot give is refused too.
 */
export async function prepareFile(caseId: string, file: File, maxBytes: number): Promise<Prepared> {
  if (file.size > maxBytes) {
    const params = (lang: Lang) => ({ file: file.name, size: megabytes(file.size, lang), limit: megabytes(maxBytes, lang) });
    return {
      file,
      error: new ApiError({ code: 'FILE_TOO_LARGE', message: translate('lt', 'dossier.tooLarge', params('lt')), messageEn: translate('en', 'dossier.tooLarge', params('en')) }),
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
