import { z } from 'zod';

/**
 * Every push event the back end sends, declared like the methods: a name and a zod schema of its
 * payload. The back end emits one after each recorded change (by construction: the change context
 * emits it for the subject it changed), the hosts pass it on unchanged, and the renderer reads it
 * through `parseEvent`, so that a page follows another user's change without polling.
 *
 * Payloads carry ids only, never a case's contents: every signed-in window receives every event,
 * whatever its role; the page asks the back end again (with its own session, so its role applies)
 * for what it shows.
 */
export const events = {
  /** A case was created or changed; `id` absent when many may have changed (the background check). */
  'cases.changed': z.object({ id: z.string().min(1).optional() }).strict(),
  /** A commission meeting was created or changed (agenda, attendance, evaluation, votes, state). */
  'meetings.changed': z.object({ id: z.string().min(1) }).strict(),
  /** A generated document was issued, replaced or signed; `caseId` when it belongs to a case. */
  'documents.changed': z.object({ id: z.string().min(1), caseId: z.string().min(1).optional() }).strict(),
  /** The commission's members and rules changed. */
  'commission.changed': z.object({}).strict(),
  /** The institution's settings or the revocation data changed. */
  'settings.changed': z.object({}).strict(),
  /** A user account was created or changed. */
  'users.changed': z.object({ id: z.string().min(1) }).strict(),
  /** Issue 15: how far a long export has come (packages done of total); ids and counts only. */
  'archive.progress': z.object({ jobId: z.string().min(1), done: z.number().int().min(0), total: z.number().int().min(0) }).strict(),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type AppEvent = { [E in EventName]: { type: E; payload: EventPayload<E> } }[EventName];
/** The event named `E` (or one of the names in a union). */
export type EventOf<E extends EventName> = Extract<AppEvent, { type: E }>;

export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/**
 * The event in `value` if it is one the contract declares with a valid payload; otherwise null.
 * Nothing else may ride along: a key besides `type` and `payload`, or in the payload besides the
 * declared ones, makes it not an event. A missing payload is an empty one.
 */
export function parseEvent(value: unknown): AppEvent | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if (Object.keys(value).some((key) => key !== 'type' && key !== 'payload')) return null;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  if (!isEventName(type)) return null;
  const parsed = events[type].safeParse(payload === undefined ? {} : payload);
  return parsed.success ? ({ type, payload: parsed.data } as AppEvent) : null;
}
