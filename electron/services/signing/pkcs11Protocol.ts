// Issue 16: the messages between the app and the process that runs the smart-card (PKCS#11)
// module (pkcs11Worker.ts). The worker may do two things only: list the certificates on the token,
// and sign a SHA-256 digest with the chosen key once the PIN opened it; it holds no data key and
// sees no document. Both sides check every message against these schemas: the worker runs a library
// of the administrator's choosing, so the app trusts nothing it says beyond them. Bytes travel as
// base64, the same through Node's IPC (JSON) and Electron's utility process (structured clone).
import { z } from 'zod';

/** Base64 of at most `bytes` bytes. */
const base64 = (bytes: number) =>
  z
    .string()
    .max(Math.ceil(bytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** A certificate (DER) as the token holds it: national ID cards' are under 4 KB. */
const certificate = base64(64 * 1024);
/** At most this many certificates on a token are taken. */
const MAX_CERTIFICATES = 64;
/** Enough for an RSA-8192 signature or a P-521 r||s. */
export const MAX_SIGNATURE_BYTES = 1024;

const tokenLabel = z.string().max(64).optional();

/** What the app asks of the worker. `id` pairs each answer with its request. */
export const workerRequest = z.discriminatedUnion('op', [
  /** The certificates on the token (public objects: no PIN). */
  z.strictObject({ id: z.number().int().nonnegative(), op: z.literal('list'), modulePath: z.string().min(1).max(500), tokenLabel }),
  /** Log in with the PIN and choose the signing key (labelled `keyLabel`, or the one for non-repudiation). */
  z.strictObject({
    id: z.number().int().nonnegative(),
    op: z.literal('open'),
    modulePath: z.string().min(1).max(500),
    pin: z.string().max(64),
    tokenLabel,
    keyLabel: z.string().max(64).optional(),
  }),
  /** Sign this SHA-256 digest with the key `open` chose. */
  z.strictObject({ id: z.number().int().nonnegative(), op: z.literal('sign'), digest: base64(32).length(44) }),
  /** Log out and end: the worker exits after its answer. */
  z.strictObject({ id: z.number().int().nonnegative(), op: z.literal('close') }),
]);
export type WorkerRequest = z.infer<typeof workerRequest>;

/** What each request's answer holds when it succeeded. */
export const workerResults = {
  list: z.strictObject({ certificates: z.array(certificate).max(MAX_CERTIFICATES) }),
  open: z.strictObject({
    keyType: z.enum(['RSA', 'ECDSA']),
    certificate,
    /** The token's other certificates, from which the app builds the chain. */
    others: z.array(certificate).max(MAX_CERTIFICATES),
  }),
  /** RSA: the PKCS#1 v1.5 signature; ECDSA: r || s, as PKCS#11 gives it. */
  sign: z.strictObject({ signature: base64(MAX_SIGNATURE_BYTES).min(1) }),
  close: z.strictObject({}),
} satisfies Record<WorkerRequest['op'], z.ZodType>;

export type WorkerResult<Op extends WorkerRequest['op']> = z.infer<(typeof workerResults)[Op]>;

/** A parameter of a refusal: JSON data of bounded size (its text is made on the app's side). */
const param: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(param).max(20), z.record(z.string().max(40), param)]),
);

/** The answer to one request: its result, or a refusal as an error code and its parameters. */
export const workerAnswer = z.union([
  z.strictObject({ id: z.number().int().nonnegative(), ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    id: z.number().int().nonnegative(),
    ok: z.literal(false),
    error: z.strictObject({ code: z.string().max(60), params: z.record(z.string().max(40), param) }),
  }),
]);
export type WorkerAnswer = z.infer<typeof workerAnswer>;

/** Serialized messages larger than this are refused (a token's certificates fit many times over). */
export const MAX_MESSAGE_CHARS = 2 * 1024 * 1024;
