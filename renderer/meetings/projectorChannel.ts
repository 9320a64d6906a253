import { routeHref } from '../router/routes';
import { MEETING_STEPS, type MeetingStep } from './meetingSteps';

/**
 * Issue 17: the meeting on the projector is a window of its own that follows the secretary's
 * screen. The meeting page says what it shows on a BroadcastChannel of the app's origin (it works in
 * a browser and in Electron's windows alike); the projector asks for it when it opens, so it never
 * shows a case the secretary has left.
 */

export const PROJECTOR_CHANNEL = 'pusiaukele.meeting.projector';
/** The projector window's name: opening it again reuses it. */
export const PROJECTOR_WINDOW = 'pusiaukele-projector';

/** What the meeting page shows: the case taken up, its step, and the revision of the meeting it shows. */
export interface ProjectorPosition {
  meetingId: string;
  /** The meeting page that says it (one per window): the projector follows one page, not whichever moved last. */
  source: string;
  caseId: string | null;
  step: MeetingStep;
  revision: number;
}

export type ProjectorMessage =
  /** The meeting page's position, sent when it changes and whenever asked. */
  | { kind: 'position'; position: ProjectorPosition }
  /** The projector has opened and asks where the meeting is. */
  | { kind: 'ask'; meetingId: string }
  /** The meeting page was closed or left: nothing is being shown any more. */
  | { kind: 'left'; meetingId: string; source: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isStep = (x: unknown): x is MeetingStep => typeof x === 'string' && (MEETING_STEPS as readonly string[]).includes(x);

/** A message from the channel, if it is one of ours (anything else on it is ignored). */
export function parseProjectorMessage(data: unknown): ProjectorMessage | null {
  if (!isRecord(data)) return null;
  if (data.kind === 'ask' && typeof data.meetingId === 'string') return { kind: 'ask', meetingId: data.meetingId };
  if (data.kind === 'left' && typeof data.meetingId === 'string' && typeof data.source === 'string') return { kind: 'left', meetingId: data.meetingId, source: data.source };
  if (data.kind !== 'position' || !isRecord(data.position)) return null;
  const { meetingId, source, caseId, step, revision } = data.position;
  if (typeof meetingId !== 'string' || typeof source !== 'string' || !(caseId === null || typeof caseId === 'string') || !isStep(step) || typeof revision !== 'number') return null;
  return { kind: 'position', position: { meetingId, source, caseId, step, revision } };
}

/** The meeting a message concerns. */
export function meetingOf(message: ProjectorMessage): string {
  return message.kind === 'position' ? message.position.meetingId : message.meetingId;
}

/**
 * Whether a page's leaving ends what the projector shows: only when it is the page the projector
 * follows (another window of the meeting closing, say a second tab, changes nothing).
 */
export function endsShowing(message: Extract<ProjectorMessage, { kind: 'left' }>, following: string | null): boolean {
  return following !== null && message.source === following;
}

/** Whether the projector's copy of the meeting is older than what the secretary's screen shows: load it again. */
export function projectorBehind(position: Pick<ProjectorPosition, 'revision'>, shownRevision: number | null): boolean {
  return shownRevision === null || position.revision > shownRevision;
}

export interface ProjectorLink {
  post(message: ProjectorMessage): void;
  close(): void;
}

/** Listen to (and talk on) the channel; without BroadcastChannel the page simply has no projector link. */
export function openProjectorLink(onMessage: (message: ProjectorMessage) => void): ProjectorLink {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(PROJECTOR_CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    const message = parseProjectorMessage(e.data);
    if (message) onMessage(message);
  };
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}

/** The projector's address for a meeting, beside the page's own (same origin, so it shares the session). */
export function projectorUrl(meetingId: string, location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}${routeHref({ name: 'projector', id: meetingId })}`;
}

let projectorWindow: Window | null = null;

/**
 * Open the projector window for a meeting, or bring the open one forward (showing this meeting).
 * A same-origin window.open copies the page's sessionStorage, so the projector is signed in as the
 * user who opened it.
 */
export function openProjector(meetingId: string): void {
  const url = projectorUrl(meetingId, window.location);
  const open = projectorWindow !== null && !projectorWindow.closed ? projectorWindow : null;
  if (open) {
    const hash = routeHref({ name: 'projector', id: meetingId });
    if (open.location.hash !== hash) open.location.hash = hash;
    open.focus();
    return;
  }
  projectorWindow = window.open(url, PROJECTOR_WINDOW, 'popup');
}
