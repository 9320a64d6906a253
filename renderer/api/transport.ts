import { parseEvent, type AppEvent } from '../../shared/contract/events';
import type { AppErrorData, DesktopBridge, InvokeResult } from '../../shared/contract/result';
import type { MessageKey } from '../i18n/messages';
import { translate, type MessageParams } from '../i18n/translate';
import { tokenFromHash } from './token';
import { decodeEnvelope, encodeEnvelope, ENVELOPE_TYPE, holdsBytes } from '../../shared/contract/binaryEnvelope';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the renderer runs in a browser. */
    desktop?: DesktopBridge;
  }
}

/** One way to reach the back end: Electron IPC or the browser host's loopback HTTP. */
export interface Transport {
  /** `session`: the signed-in user's session (absent before signing in). */
  invoke(method: string, input: unknown, session?: string): Promise<InvokeResult>;
  /**
   * Listen to the back end's push events, only those the contract declares (`parseEvent`);
   * `onReconnect` runs when the stream of events came back after a break, during which events may
   * have been missed. Returns the function that stops listening.
   */
  subscribe(listener: (event: AppEvent) => void, onReconnect?: () => void): () => void;
}

const TOKEN_KEY = 'pusiaukele.token';

/** The request header in which the browser host expects the user's session. */
export const SESSION_HEADER = 'X-Pusiaukele-Session';
/**
 * Issue 16: the request header naming the call's method, so that the browser host checks the
 * session and the role before it reads the body (required with a file).
 */
export const METHOD_HEADER = 'X-Pusiaukele-Method';

function transportError(code: string, key: MessageKey, params?: MessageParams): InvokeResult {
  return { ok: false, error: { code, message: translate('lt', key, params), messageEn: translate('en', key, params) } };
}

function isInvokeResult(body: unknown): body is InvokeResult {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (!('error' in body)) return false;
  const error = body.error as Partial<AppErrorData> | null;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

/** The token from the address bar (then removed from it) or from this tab's earlier load. */
function takeToken(): string | null {
  const fromHash = tokenFromHash(location.hash);
  if (fromHash !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function desktopTransport(desktop: DesktopBridge): Transport {
  return {
    invoke: (method, input, session) => (session === undefined ? desktop.invoke(method, input) : desktop.invoke(method, input, session)),
    // IPC does not drop events while the window lives: there is no reconnection to report.
    subscribe: (listener) =>
      desktop.onEvent((received: unknown) => {
        const event = parseEvent(received);
        if (event) listener(event);
      }),
  };
}

interface Listener {
  event(event: AppEvent): void;
  reconnect?: () => void;
}

/** How long after the host refused the event stream a new one is opened (ms). */
const EVENTS_RETRY_MS = 2000;

/**
 * The browser host over HTTP. `base`: the host's address, for a caller outside its page (a test);
 * the page itself calls its own origin.
 */
export function httpTransport(token: string | null, base = ''): Transport {
  const listeners = new Set<Listener>();
  let source: EventSource | null = null;

  const openEvents = (): EventSource => {
    const events = new EventSource(`${base}/api/events?token=${encodeURIComponent(token ?? '')}`);
    let opened = false;
    events.onopen = () => {
      // After a reconnection, changes made meanwhile were missed: have every view refresh.
      if (opened) [...listeners].forEach((l) => l.reconnect?.());
      opened = true;
    };
    events.onmessage = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return; // not an event
      }
      const event = parseEvent(data);
      if (event) [...listeners].forEach((l) => l.event(event));
    };
    // The browser retries a dropped stream by itself, but gives up for good when the host answers
    // with an error (restarted, briefly unavailable): open a new stream a little later, so the
    // pages do not stop following silently; its opening reloads them.
    events.onerror = () => {
      if (events.readyState !== EventSource.CLOSED) return;
      setTimeout(() => {
        if (source !== events || listeners.size === 0) return;
        source = openEvents();
        source.addEventListener('open', () => [...listeners].forEach((l) => l.reconnect?.()), { once: true });
      }, EVENTS_RETRY_MS);
    };
    return events;
  };

  return {
    async invoke(method, input, session) {
      let response: Response;
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}`, [METHOD_HEADER]: method };
      if (session !== undefined) headers[SESSION_HEADER] = session;
      // A call carrying a document travels as an envelope of JSON and raw bytes (binaryEnvelope.ts).
      const call = { method, input };
      const enveloped = holdsBytes(input);
      if (enveloped) headers['Content-Type'] = ENVELOPE_TYPE;
      try {
        response = await fetch(`${base}/api/invoke`, {
          method: 'POST',
          headers,
          body: enveloped ? new Blob(encodeEnvelope(call) as BlobPart[]) : JSON.stringify(call),
        });
      } catch {
        return transportError('NO_CONNECTION', 'error.network');
      }
      let body: unknown;
      try {
        body = (response.headers.get('Content-Type') ?? '').startsWith(ENVELOPE_TYPE)
          ? decodeEnvelope(new Uint8Array(await response.arrayBuffer()))
          : await response.json();
      } catch {
        body = undefined;
      }
      // A wrong or missing run token: the page must be opened again from the printed address.
      if (response.status === 401 && (!isInvokeResult(body) || body.ok || body.error.code === 'UNAUTHORIZED')) {
        return transportError('UNAUTHORIZED', 'error.unauthorized');
      }
      // Issue 16: the host's refusals before the call (too large, too slow, signed out, too many
      // sign-ins) come as the contract's failed result, with their code: shown like any refusal.
      if (isInvokeResult(body)) return body;
      if (response.status === 413) return transportError('REQUEST_TOO_LARGE', 'error.tooLarge');
      return transportError(`HTTP_${response.status}`, 'error.http', { status: response.status });
    },
    subscribe(listener, onReconnect) {
      const entry: Listener = { event: listener, ...(onReconnect ? { reconnect: onReconnect } : {}) };
      listeners.add(entry);
      source ??= openEvents();
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

/** Electron's bridge when the preload provided one, otherwise the browser host over HTTP. */
export function createTransport(): Transport {
  return window.desktop ? desktopTransport(window.desktop) : httpTransport(takeToken());
}
