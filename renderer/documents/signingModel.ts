import type { MethodInput } from '../../shared/contract/methods';

/**
 * Signing several documents in one run (issue 6, "Signatures"): the credential the signer gives, and
 * the run itself — one documents.sign at a time, so that every signature is a finished revision
 * before the next starts, and a refusal of the credential stops the run at once.
 */

export type SigningCredential = MethodInput<'documents.sign'>['credential'];

/** What the signer has entered: a PKCS#12 file and its password, or the card's PIN (PKCS#11). */
export type CredentialDraft =
  | { kind: 'pkcs12'; file: { name: string; bytes: Uint8Array } | null; password: string }
  | { kind: 'pkcs11'; pin: string };

export const EMPTY_CREDENTIAL: CredentialDraft = { kind: 'pkcs12', file: null, password: '' };

/** The credential to sign with, or null while it is incomplete (no file chosen, no PIN). A file may have an empty password. */
export function credentialOf(draft: CredentialDraft): SigningCredential | null {
  if (draft.kind === 'pkcs11') return draft.pin === '' ? null : { kind: 'pkcs11', pin: draft.pin };
  return draft.file ? { kind: 'pkcs12', bytes: draft.file.bytes, password: draft.password } : null;
}

/** The draft without its secret (the password or PIN), kept for the next run with the same file. */
export function withoutSecret(draft: CredentialDraft): CredentialDraft {
  return draft.kind === 'pkcs11' ? { kind: 'pkcs11', pin: '' } : { ...draft, password: '' };
}

/**
 * Refusals about one document alone: the run goes on with the next. Anything else — the password,
 * the PIN, the certificate, the card, the timestamp service, the session — would refuse every
 * document alike, so it stops the run.
 */
const DOCUMENT_REFUSALS: readonly string[] = [
  'NOTHING_TO_SIGN',
  'DOCUMENT_REPLACED',
  'DOCUMENT_NOT_FOUND',
  // Issue 12: about this document's lines or the documents it cites; the next document may be fine.
  'CITED_NOT_SIGNED',
  'USER_NOT_SIGNER',
  'CERT_ALREADY_USED',
  'SIGNER_NOT_SET',
  // Issue 14: the order or the submission whose place went meanwhile (V-77 p. 4, 13, 14), or that
  // would now pass over a convict with an earlier request listed since it was issued (p. 12).
  'NO_FREE_PLACE',
  'PASS_OVER_REASON_REQUIRED',
];

/** Issue 12: the refusals about who signs, each with advice on what to do (documentMessages.ts). */
export const SIGNER_REFUSALS = ['CERT_NOT_SIGNER', 'CERT_ALREADY_USED', 'USER_NOT_SIGNER', 'CITED_NOT_SIGNED', 'SIGNER_NOT_SET'] as const;
export type SignerRefusal = (typeof SIGNER_REFUSALS)[number];

export function signerRefusal(code: string): SignerRefusal | null {
  return (SIGNER_REFUSALS as readonly string[]).includes(code) ? (code as SignerRefusal) : null;
}

/**
 * The refusals the signing screen advises on (documentMessages.ts 'signing.advice.*'): who signs
 * (issue 12), and an act that would pass over a convict listed since it was issued (issue 14, V-77
 * p. 12): it is not signed, but issued again as a correction with the reason.
 */
export const ADVISED_REFUSALS = [...SIGNER_REFUSALS, 'PASS_OVER_REASON_REQUIRED'] as const;
export type AdvisedRefusal = (typeof ADVISED_REFUSALS)[number];

export function advisedRefusal(code: string): AdvisedRefusal | null {
  return (ADVISED_REFUSALS as readonly string[]).includes(code) ? (code as AdvisedRefusal) : null;
}

export const stopsRun = (code: string): boolean => !DOCUMENT_REFUSALS.includes(code);

export type SigningResult<E> = { id: string; outcome: 'signed' } | { id: string; outcome: 'refused'; error: E };

export interface SigningRun<E> {
  /** The documents of the run, in the order they are signed. */
  ids: readonly string[];
  /** One per document handled so far, in order. */
  results: readonly SigningResult<E>[];
  /** The refusal that stopped the run, if one did. */
  stoppedBy: E | null;
  finished: boolean;
}

export function startRun<E>(ids: readonly string[]): SigningRun<E> {
  return { ids, results: [], stoppedBy: null, finished: ids.length === 0 };
}

export const signedCount = (run: SigningRun<unknown>): number => run.results.filter((r) => r.outcome === 'signed').length;

/** The documents the run did not reach because it stopped. */
export function notReached<E>(run: SigningRun<E>): string[] {
  return run.finished ? run.ids.slice(run.results.length) : [];
}

/** The run after one more document: signed, refused (the run goes on), or refused so that the run stops. */
export function recordResult<E extends { code: string }>(run: SigningRun<E>, result: SigningResult<E>): SigningRun<E> {
  const results = [...run.results, result];
  const stoppedBy = result.outcome === 'refused' && stopsRun(result.error.code) ? result.error : null;
  // A refusal that stops the run is the run's message, not the document's: the document is unchanged.
  const kept = stoppedBy ? run.results : results;
  return { ids: run.ids, results: kept, stoppedBy, finished: stoppedBy !== null || results.length === run.ids.length };
}

/**
 * Sign `ids` one after another with `sign`, reporting the run after each document. Stops at a
 * refusal of the credential, or before the next document when `wanted()` turns false (the page was
 * left). Resolves with the final run; never rejects.
 */
export async function runSigning<E extends { code: string }>(
  ids: readonly string[],
  sign: (id: string) => Promise<unknown>,
  toError: (e: unknown) => E,
  report: (run: SigningRun<E>) => void,
  wanted: () => boolean = () => true,
): Promise<SigningRun<E>> {
  let run = startRun<E>(ids);
  for (const id of ids) {
    if (!wanted()) break;
    let result: SigningResult<E>;
    try {
      await sign(id);
      result = { id, outcome: 'signed' };
    } catch (e) {
      result = { id, outcome: 'refused', error: toError(e) };
    }
    run = recordResult(run, result);
    report(run);
    if (run.finished) break;
  }
  if (!run.finished) {
    run = { ...run, finished: true };
    report(run);
  }
  return run;
}
