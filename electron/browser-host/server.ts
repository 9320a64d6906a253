import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openServices, type Services } from '../services/index';
import type { KeyProvider } from '../services/store/encryption';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { errorData, internalError } from '../../shared/contract/dispatch';
import { parseEvent } from '../../shared/contract/events';
import { isMethodName } from '../../shared/contract/methods';
import type { AppErrorData, InvokeResult } from '../../shared/contract/result';
import { encodeEnvelope, ENVELOPE_TYPE, holdsBytes } from '../../shared/contract/binaryEnvelope';
import { DomainError } from '../../shared/domain/errors';
import { BodyRefused, MalformedBody, readBody, receiveEnvelope, removeStaleUploadDirs, type ReceivedEnvelope } from './body';
import { DEFAULT_SIGN_IN_LIMIT, SIGN_IN_METHODS, SignInLimiter, type SignInLimit } from './rateLimit';

export interface BrowserHostOptions {
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (default dist/renderer under the working directory). */
  rendererDir?: string;
  /** Fix today's date (YYYY-MM-DD) for demonstrations and tests. */
  today?: string;
  /** The services' clock (tests move it to reach the idle lock). */
  now?: () => Date;
  /** What unlocks the data key; defaults to the passphrase in PUSIAUKELE_PASSPHRASE. */
  key?: KeyProvider;
  /** Issue 15: where exported packages and backups are written (the services' default otherwise). */
  exportDir?: string;
  /** Issue 16: sign-ins per address and window (default 10 a minute). */
  signInLimit?: SignInLimit;
  /** Issue 16: the largest body of a call carrying a file (default MAX_ENVELOPE). */
  maxUploadBytes?: number;
  /** Issue 16: the time any body may take, besides a second per MB it declares (default 30 s). */
  bodyTimeoutMs?: number;
  /** Issue 16: how many calls carrying a file may arrive at once (default 4). */
  maxUploads?: number;
  /** Issue 16: how long the rest of a refused body is waited out before the connection is cut (default 2 s). */
  lingerMs?: number;
  /** Issue 16: where bodies carrying files are staged while they arrive (default a new folder in the OS temp folder). */
  uploadDir?: string;
}

export interface BrowserHost {
  /** The address to open, with the run's token in the fragment (never sent to the server in a URL). */
  url: string;
  token: string;
  port: number;
  services: Services;
  /** Issue 16: where bodies carrying files are staged while they arrive (sealed; removed after each call). */
  uploadDir: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** JSON bodies read at once before their session is known (calls without X-Pusiaukele-Method; the page always names its method). */
const MAX_JSON_READS = 32;
/** A call carrying a document: the largest the settings allow (500 MB) and its JSON. */
const MAX_ENVELOPE = 501 * 1024 * 1024;
/** The slowest a body may arrive on average (bytes a second) once its base time has passed. */
const MIN_BODY_RATE = 1024 * 1024;
/** How soon a browser opens the event stream again after it dropped (ms). */
const EVENT_RETRY_MS = 1000;
/** The header in which a call names its method, so that it is checked before its body is read. */
const METHOD_HEADER = 'x-pusiaukele-method';
/** The folders of the staged uploads of each run, in the OS temp folder. */
const UPLOAD_DIR_PREFIX = 'pusiaukele-uploads-';
/**
 * The only methods that take binary content: a dossier document being checked, the signer's PKCS#12
 * file, a PDF whose signatures are verified, a revocation list being imported, a case package
 * being checked before import (issue 15), and a trusted list with its operator's certificate (issue 18).
 */
const ENVELOPE_METHODS: readonly string[] = ['dossier.stage', 'documents.sign', 'documents.verify', 'trust.importCrl', 'archive.stagePackage', 'trust.importTrustedList'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.icc': 'application/vnd.iccprofile',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const JSON_TYPE = 'application/json; charset=utf-8';

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, code: string, message: string, messageEn: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message, messageEn } }), JSON_TYPE);
}

/** A refusal from the error catalogue, as the contract's failed result (the UI shows it by its code). */
function refuseWith(res: ServerResponse, status: number, error: AppErrorData, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify({ ok: false, error }), JSON_TYPE, extra);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Answer a request whose body is not (or not all) read, and end its connection so that the client
 * reads the answer. Node ends a `Connection: close` answer by closing the socket at once; with body
 * bytes still unread, that sends a reset, which can erase the answer in the client's buffers before
 * the browser reads it (RFC 9112 §9.6), and the page says "no connection". So: the answer, then the
 * end of our side, then the rest of the body is let through unread (never held) for `lingerMs` at
 * most, and the connection is cut.
 */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse, lingerMs: number): void {
  res.setHeader('Connection', 'close');
  const socket = req.socket;
  socket.destroySoon = function lingeringClose(this: typeof socket) {
    if (this.writable) this.end();
    const cut = setTimeout(() => this.destroy(), lingerMs);
    cut.unref();
    this.once('close', () => clearTimeout(cut));
  };
  req.removeAllListeners('data');
  req.resume();
}

/** The services' answer to a call: JSON, or an envelope when it carries bytes (a document read back). */
function sendResult(res: ServerResponse, result: InvokeResult): void {
  if (result.ok && holdsBytes(result.value)) {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': ENVELOPE_TYPE, 'Cache-Control': 'no-store' });
    for (const part of encodeEnvelope(result)) res.write(part);
    res.end();
    return;
  }
  send(res, 200, JSON.stringify(result), JSON_TYPE);
}

/** The HTTP status of a refusal the session guard gives before a call. */
function guardStatus(code: string): number {
  if (code === 'UNAUTHENTICATED') return 401;
  if (code === 'UNKNOWN_METHOD') return 400;
  return 403;
}

/** The declared length of a body, or undefined when it comes in chunks (or the header is not a number). */
function declaredLength(req: IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** One task at a time: the bytes of one upload at most are read back into memory together. */
function serialQueue() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * Serve the built renderer and the contract on 127.0.0.1 only. Every API request must carry the
 * run's random token as a bearer token, name this host in its Host header (no DNS rebinding) and,
 * if it says where it comes from, come from this origin (no CORS).
 *
 * Issue 16: a call is checked from its headers before any byte of its body is read: the token, the
 * method it names (X-Pusiaukele-Method, required with a file), the session and the method's role,
 * the sign-in rate limit, and the declared size. A body then streams within a running limit and a
 * deadline; a file's bytes go sealed to a temporary file, not into memory. Every refusal of the
 * client's request is a 4xx with its code, without a stack trace in the log; only a fault of the
 * host itself is a 500, with a log line.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = resolve(options.rendererDir ?? join(process.cwd(), 'dist', 'renderer'));
  const maxUpload = options.maxUploadBytes ?? MAX_ENVELOPE;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 30_000;
  const maxUploads = options.maxUploads ?? 4;
  const lingerMs = options.lingerMs ?? 2000;
  const services = await openServices({
    dataDir: options.dataDir,
    ...(options.today ? { today: options.today } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.key ? { key: options.key } : {}),
    ...(options.exportDir ? { exportDir: options.exportDir } : {}),
  });
  let uploadDir: string;
  const ownUploadDir = options.uploadDir === undefined;
  try {
    if (ownUploadDir) removeStaleUploadDirs(tmpdir(), UPLOAD_DIR_PREFIX);
    uploadDir = options.uploadDir ?? mkdtempSync(join(tmpdir(), UPLOAD_DIR_PREFIX));
  } catch (e) {
    await services.close();
    throw e;
  }
  const token = randomBytes(32).toString('base64url');
  const signIns = new SignInLimiter(options.signInLimit ?? DEFAULT_SIGN_IN_LIMIT);
  const oneUploadAtATime = serialQueue();
  let uploads = 0;
  let unnamedReads = 0;
  let port = 0;
  const hosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const serveStatic = async (res: ServerResponse, pathname: string) => {
    let relative: string;
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return refuseWith(res, 400, errorData(new DomainError('REQUEST_PATH_INVALID')));
    }
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'Nerasta', 'text/plain; charset=utf-8');
    try {
      const body = await readFile(file);
      send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, 'Nerasta', 'text/plain; charset=utf-8');
    }
  };

  /** A sign-in from this request's address: whether it may go ahead (otherwise answered 429). */
  const signInAllowed = (req: IncomingMessage, res: ServerResponse, method: string): boolean => {
    if (!SIGN_IN_METHODS.includes(method)) return true;
    const retryAfterSeconds = signIns.take(req.socket.remoteAddress ?? '');
    if (retryAfterSeconds === null) return true;
    closeAfterAnswer(req, res, lingerMs);
    refuseWith(res, 429, errorData(new DomainError('SIGN_IN_RATE_LIMITED', { retryAfterSeconds })), { 'Retry-After': String(retryAfterSeconds) });
    return false;
  };

  /** The contract's call: every check its headers allow first, then its body, then the services. */
  const invoke = async (req: IncomingMessage, res: ServerResponse, bearer: string | undefined) => {
    // Until the body has been read, every refusal ends the connection (the rest is not read).
    const early = (status: number, error: AppErrorData, extra?: Record<string, string>) => {
      closeAfterAnswer(req, res, lingerMs);
      refuseWith(res, status, error, extra);
    };
    if (req.method !== 'POST') {
      closeAfterAnswer(req, res, lingerMs);
      return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Leidžiamas tik POST.', 'Only POST is allowed.');
    }
    if (!sameToken(bearer, token)) {
      closeAfterAnswer(req, res, lingerMs);
      return refuse(res, 401, 'UNAUTHORIZED', 'Trūksta prieigos rakto arba jis neteisingas.', 'Missing or wrong access token.');
    }
    const type = req.headers['content-type'] ?? '';
    const enveloped = type.startsWith(ENVELOPE_TYPE);
    if (!enveloped && !type.startsWith('application/json')) {
      closeAfterAnswer(req, res, lingerMs);
      return refuse(res, 415, 'UNSUPPORTED_MEDIA', 'Laukiama JSON užklausos.', 'A JSON request is expected.');
    }
    const named = req.headers[METHOD_HEADER];
    const headerMethod = typeof named === 'string' && named !== '' ? named : undefined;
    // A file is taken only for a method named up front, so that who may send it is known before it comes.
    if (enveloped && headerMethod === undefined) return early(400, errorData(new DomainError('REQUEST_METHOD_HEADER_MISSING')));
    if (enveloped && !ENVELOPE_METHODS.includes(headerMethod ?? '')) {
      closeAfterAnswer(req, res, lingerMs);
      return refuse(res, 415, 'UNSUPPORTED_MEDIA', 'Šis veiksmas failų nepriima.', 'This method does not take files.');
    }
    const sessionHeader = req.headers['x-pusiaukele-session'];
    const session = typeof sessionHeader === 'string' && sessionHeader !== '' ? sessionHeader : undefined;
    if (headerMethod !== undefined) {
      if (!isMethodName(headerMethod)) return early(400, errorData(new DomainError('UNKNOWN_METHOD', { method: headerMethod })));
      if (!signInAllowed(req, res, headerMethod)) return;
      try {
        services.guard(headerMethod, session);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        // A file: 401/403 at once. A JSON call: the contract's answer, as dispatch would give it, so
        // that a page's ordinary "sign in again" or "unlock" is not a failed request in the browser.
        if (!enveloped) {
          closeAfterAnswer(req, res, lingerMs);
          return sendResult(res, { ok: false, error: errorData(e) });
        }
        return early(guardStatus(e.code), errorData(e));
      }
    }
    const limit = enveloped ? maxUpload : MAX_BODY;
    const length = declaredLength(req);
    if (length !== undefined && length > limit) return early(413, errorData(new DomainError('REQUEST_TOO_LARGE', { maxBytes: limit })));
    if (enveloped && uploads >= maxUploads) return early(503, errorData(new DomainError('UPLOADS_BUSY', { retryAfterSeconds: 5 })), { 'Retry-After': '5' });
    // A JSON call that did not name its method is read before its session can be checked: at most
    // MAX_JSON_READS such bodies (1 MB each) are held at once, so tokens alone cannot fill the memory.
    if (!enveloped && headerMethod === undefined && unnamedReads >= MAX_JSON_READS) {
      return early(503, errorData(new DomainError('UPLOADS_BUSY', { retryAfterSeconds: 5 })), { 'Retry-After': '5' });
    }
    const limits = { maxBytes: limit, deadlineMs: bodyTimeoutMs + Math.ceil(((length ?? limit) / MIN_BODY_RATE) * 1000) };

    let received: ReceivedEnvelope | undefined;
    let body: Buffer | undefined;
    if (enveloped) uploads += 1;
    const unnamed = !enveloped && headerMethod === undefined;
    if (unnamed) unnamedReads += 1;
    try {
      try {
        if (enveloped) received = await receiveEnvelope(req, { ...limits, maxJson: MAX_BODY, dir: uploadDir });
        else body = await readBody(req, limits);
      } catch (e) {
        if (e instanceof BodyRefused) {
          if (e.reason === 'tooLarge') return early(413, errorData(new DomainError('REQUEST_TOO_LARGE', { maxBytes: limit })));
          if (e.reason === 'tooSlow') return early(408, errorData(new DomainError('REQUEST_TOO_SLOW')));
          // Nobody is left to answer: one line, no trace (nothing of the body is named).
          console.error(`Browser host: the client broke off a request (${headerMethod ?? 'a call'}) after ${e.received} of ${length ?? '?'} bytes.`);
          return;
        }
        if (e instanceof MalformedBody) {
          closeAfterAnswer(req, res, lingerMs);
          return refuse(res, 400, 'BAD_JSON', 'Užklausa nėra tinkamas JSON.', 'The request is not valid JSON.');
        }
        // The staging folder's disk is full: said as such (not a 500 the page would take for a lost connection).
        const code = (e as NodeJS.ErrnoException | undefined)?.code;
        if (code === 'ENOSPC' || code === 'EDQUOT') return early(507, errorData(new DomainError('DISK_FULL', { subject: 'document' })));
        throw e;
      }
      const answer = async () => {
        let call: unknown;
        try {
          call = received ? await received.open(MAX_BODY) : JSON.parse(body!.toString('utf8'));
        } catch (e) {
          // A body that is not JSON (or not an envelope) is the client's error; a fault reading back our own staged file is ours.
          if (!(e instanceof SyntaxError) && !(e instanceof MalformedBody)) throw e;
          return refuse(res, 400, 'BAD_JSON', 'Užklausa nėra tinkamas JSON.', 'The request is not valid JSON.');
        } finally {
          received?.discard();
        }
        if (typeof call !== 'object' || call === null || Array.isArray(call) || typeof (call as { method?: unknown }).method !== 'string') {
          return refuseWith(res, 400, errorData(new DomainError('REQUEST_CALL_INVALID')));
        }
        const { method, input } = call as { method: string; input?: unknown };
        if (headerMethod !== undefined && method !== headerMethod) {
          return refuseWith(res, 400, errorData(new DomainError('REQUEST_METHOD_MISMATCH', { header: headerMethod, body: method })));
        }
        // A call that did not name its method up front is counted when its body names it.
        if (headerMethod === undefined && !signInAllowed(req, res, method)) return;
        return sendResult(res, await services.dispatch(method, input, session));
      };
      // Files arrive side by side, but are read back into memory and handed over one at a time.
      return await (received ? oneUploadAtATime(answer) : answer());
    } finally {
      received?.discard();
      if (enveloped) uploads -= 1;
      if (unnamed) unnamedReads -= 1;
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (!hosts().includes(req.headers.host ?? '')) {
        closeAfterAnswer(req, res, lingerMs);
        return refuse(res, 421, 'HOST_REFUSED', 'Neteisingas adresas (Host).', 'Wrong Host header.');
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts().some((h) => origin === `http://${h}`)) {
        closeAfterAnswer(req, res, lingerMs);
        return refuse(res, 403, 'ORIGIN_REFUSED', 'Užklausa iš kitos svetainės atmesta.', 'Request from another origin refused.');
      }
      let url: URL;
      try {
        // A fixed base: the Host header was checked above, and the path alone is read.
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
      } catch {
        closeAfterAnswer(req, res, lingerMs);
        return refuseWith(res, 400, errorData(new DomainError('REQUEST_PATH_INVALID')));
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

      if (url.pathname === '/api/invoke') return invoke(req, res, bearer);

      if (url.pathname === '/api/events') {
        // EventSource cannot send headers: this one stream also takes the token as a query parameter.
        if (!sameToken(bearer ?? url.searchParams.get('token') ?? undefined, token)) {
          return refuse(res, 401, 'UNAUTHORIZED', 'Trūksta prieigos rakto arba jis neteisingas.', 'Missing or wrong access token.');
        }
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        // A dropped stream is opened again after a second (the page then reloads what it shows).
        res.write(`retry: ${EVENT_RETRY_MS}\n: connected\n\n`);
        // Only the events the contract declares, as the services emitted them.
        const off = services.onEvent((event: unknown) => {
          if (parseEvent(event) !== null) res.write(`data: ${JSON.stringify(event)}\n\n`);
          else console.error('An event the contract does not declare was not streamed:', event);
        });
        req.on('close', off);
        return;
      }

      if (url.pathname.startsWith('/api/')) {
        closeAfterAnswer(req, res, lingerMs);
        return refuse(res, 404, 'NOT_FOUND', 'Nerasta.', 'Not found.');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        closeAfterAnswer(req, res, lingerMs);
        return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Neleidžiama.', 'Not allowed.');
      }
      return serveStatic(res, url.pathname);
    })().catch((e: unknown) => {
      // Only a fault of the host itself comes here: one 500, and the log says what failed.
      console.error('Browser host: a request failed inside the app:', e);
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: internalError() }), JSON_TYPE);
      else res.end();
    });
  });
  // Headers must come within 20 s (a client sending them a byte at a time holds nothing long); a
  // body's own deadline depends on its size (see `limits`), so Node's whole-request timeout is off.
  server.headersTimeout = 20_000;
  server.requestTimeout = 0;

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, '127.0.0.1', () => ok());
    });
  } catch (e) {
    if (ownUploadDir) rmSync(uploadDir, { recursive: true, force: true });
    await services.close();
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    services,
    uploadDir,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      try {
        if (ownUploadDir) rmSync(uploadDir, { recursive: true, force: true });
      } catch (e) {
        // An upload's file still open (Windows): removed at the next start; the data directory is closed all the same.
        console.error(`Browser host: the upload folder was not removed (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
      } finally {
        await services.close();
      }
    },
  };
}
