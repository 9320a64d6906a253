/**
 * The one catalogue of the errors' texts (issue 13): code → its Lithuanian and English text, made
 * from the code's parameters. The back end throws `new DomainError(code, params)` (tsc checks the
 * parameters against the entry), the error crosses the contract boundary as its code and
 * parameters, and whoever shows it — DomainError's own message, the renderer, the command line —
 * makes the text here. Split by feature; each code is in exactly one part.
 */
import { AFTER_DECISION_ERROR_TEXTS } from './afterDecision';
import { CASE_ERROR_TEXTS } from './cases';
import { DOCUMENT_ERROR_TEXTS } from './documents';
import { DOSSIER_ERROR_TEXTS } from './dossier';
import type { ErrorEntry, Lang, NoParams } from './entry';
import { FIELD_ERROR_TEXTS } from './fields';
import { MEETING_ERROR_TEXTS } from './meetings';
import { SIGNING_ERROR_TEXTS } from './signing';
import { STORAGE_ERROR_TEXTS } from './storage';
import { SYSTEM_ERROR_TEXTS } from './system';
import { USER_ERROR_TEXTS } from './users';
import { PACKAGE_ERROR_TEXTS } from './packages';
import { ARCHIVE_ERROR_TEXTS } from './archive';
import { BACKUP_ERROR_TEXTS } from './backup';
import { DIRECTORY_ERROR_TEXTS } from './directory';
import { HOST_ERROR_TEXTS } from './host';
import { CARD_ERROR_TEXTS } from './card';
import { KEY_ERROR_TEXTS } from './keys';
import { STATISTICS_ERROR_TEXTS } from './statistics';
import { DISK_ERROR_TEXTS } from './disk';
import { INTEGRITY_ERROR_TEXTS } from './integrity';
import { TRUSTED_LIST_ERROR_TEXTS } from './trustedLists';
import { LONG_TERM_ERROR_TEXTS } from './longTerm';

/** The catalogue's parts, by feature (a test checks that no code is in two). */
export const ERROR_TEXT_PARTS = {
  fields: FIELD_ERROR_TEXTS,
  cases: CASE_ERROR_TEXTS,
  afterDecision: AFTER_DECISION_ERROR_TEXTS,
  dossier: DOSSIER_ERROR_TEXTS,
  meetings: MEETING_ERROR_TEXTS,
  documents: DOCUMENT_ERROR_TEXTS,
  signing: SIGNING_ERROR_TEXTS,
  storage: STORAGE_ERROR_TEXTS,
  users: USER_ERROR_TEXTS,
  system: SYSTEM_ERROR_TEXTS,
  packages: PACKAGE_ERROR_TEXTS,
  archive: ARCHIVE_ERROR_TEXTS,
  backup: BACKUP_ERROR_TEXTS,
  directory: DIRECTORY_ERROR_TEXTS,
  host: HOST_ERROR_TEXTS,
  card: CARD_ERROR_TEXTS,
  keys: KEY_ERROR_TEXTS,
  statistics: STATISTICS_ERROR_TEXTS,
  disk: DISK_ERROR_TEXTS,
  integrity: INTEGRITY_ERROR_TEXTS,
  trustedLists: TRUSTED_LIST_ERROR_TEXTS,
  longTerm: LONG_TERM_ERROR_TEXTS,
};

export const ERROR_TEXTS = {
  ...FIELD_ERROR_TEXTS,
  ...CASE_ERROR_TEXTS,
  ...AFTER_DECISION_ERROR_TEXTS,
  ...DOSSIER_ERROR_TEXTS,
  ...MEETING_ERROR_TEXTS,
  ...DOCUMENT_ERROR_TEXTS,
  ...SIGNING_ERROR_TEXTS,
  ...STORAGE_ERROR_TEXTS,
  ...USER_ERROR_TEXTS,
  ...SYSTEM_ERROR_TEXTS,
  ...PACKAGE_ERROR_TEXTS,
  ...ARCHIVE_ERROR_TEXTS,
  ...BACKUP_ERROR_TEXTS,
  ...DIRECTORY_ERROR_TEXTS,
  ...HOST_ERROR_TEXTS,
  ...CARD_ERROR_TEXTS,
  ...KEY_ERROR_TEXTS,
  ...DISK_ERROR_TEXTS,
  ...INTEGRITY_ERROR_TEXTS,
  ...STATISTICS_ERROR_TEXTS,
  ...TRUSTED_LIST_ERROR_TEXTS,
  ...LONG_TERM_ERROR_TEXTS,
};

export type ErrorCode = keyof typeof ERROR_TEXTS;

/** The parameters of `code`'s texts. */
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERROR_TEXTS)[C]['lt']>[0];

/** The rest of `new DomainError(code, …)`: the parameters, optional when the code needs none. */
export type ErrorParamsArg<C extends ErrorCode> = NoParams extends ErrorParams<C> ? [params?: ErrorParams<C>] : [params: ErrorParams<C>];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_TEXTS, code);
}

/** `code`'s text in `lang`, made from `params`. */
export function errorText<C extends ErrorCode>(code: C, params: ErrorParams<C>, lang: Lang): string {
  const texts = ERROR_TEXTS[code] as unknown as ErrorEntry<ErrorParams<C>>;
  return texts[lang](params);
}

/**
 * The text of an error that came as data (a code and parameters, from the back end): null when the
 * code is not in the catalogue or its parameters do not make a text; the caller then shows the
 * message the error came with.
 */
export function textOfError(code: string, params: unknown, lang: Lang): string | null {
  if (!isErrorCode(code) || typeof params !== 'object' || params === null) return null;
  try {
    const text = (ERROR_TEXTS[code] as unknown as ErrorEntry<unknown>)[lang](params);
    return typeof text === 'string' && text !== '' ? text : null;
  } catch {
    return null;
  }
}

export type { ErrorEntry, JsonValue, Lang, NoParams } from './entry';
export type { FieldIssue, FieldRefusal } from './fields';
export { caseDamageText } from './storage';
export type { CaseDamage, DirectoryLock, KeyUnavailable, SealProblem, StorageSubject } from './storage';
export type { KeyRequired, SecretStoreProblem } from './system';
export type { StaleRevision } from './users';
