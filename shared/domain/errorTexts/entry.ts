/**
 * The shape of the error catalogue (issue 13): each error code has one entry, its Lithuanian and
 * English text made from the code's parameters. Parameters are JSON data (ids, dates, numbers,
 * codes, lists): they cross the contract boundary with the code, and the renderer, the command line
 * and DomainError's own message all make the text from them here.
 */

/** The two languages of the UI. */
export type Lang = 'lt' | 'en';

/** What parameters may hold: they travel as JSON. */
export type JsonValue = string | number | boolean | null | undefined | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The parameters of a code without any. */
export type NoParams = Readonly<Record<never, never>>;

/** One code's texts. */
export interface ErrorEntry<P> {
  readonly lt: (params: P) => string;
  readonly en: (params: P) => string;
}

/**
 * An entry whose texts take the parameters `P` (an object type of JSON values; none by default).
 * `P` is the contract of `new DomainError(code, params)`: tsc checks each call against it.
 */
export function entry<P extends { readonly [key: string]: JsonValue } = NoParams>(lt: (params: P) => string, en: (params: P) => string): ErrorEntry<P> {
  return { lt, en };
}
