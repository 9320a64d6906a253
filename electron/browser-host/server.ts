import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openServices, type Services } from '../services/index';
import type { KeyProvider } from '../services/store/encryption';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { internalError } from '../../shared/contract/dispatch';
import { parseEvent } from '../../shared/contract/events';
import { decodeEnvelope, encodeEnvelope, ENVELOPE_TYPE, holdsBytes } from '../../shared/contract/binaryEnvelope';

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
}

export interface BrowserHost {
  /** The address to open, with the run's token in the fragment (never sent to the server in a URL). */
  url: string;
  token: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** A call carrying a document: the largest the settings allow (500 MB) and its JSON. */
const MAX_ENVELOPE = 501 * 1024 * 1024;
/** How soon a browser opens the event stream again after it dropped (ms). */
const EVENT_RETRY_MS = 1000;
/**
 * The only methods that take binary content: a dossier document being checked, the signer's PKCS#12
 * file, a PDF whose signatures are verified, a revocation list being imported, and a case package
 * being checked before import (issue 15).
 */
const ENVELOPE_METHODS: readonly string[] = ['dossier.stage', 'documents.sign', 'documents.verify', 'trust.importCrl', 'archive.stagePackage'];

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

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, code: string, message: string, messageEn: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message, messageEn } }), 'application/json; charset=utf-8');
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolveBody(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Serve the built renderer and the contract on 127.0.0.1 only. Every API request must carry the
 * run's random token as a bearer token, name this host in its Host header (no DNS rebinding) and,
 * if it says where it comes from, come from this origin (no CORS).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = resolve(options.rendererDir ?? join(process.cwd(), 'dist', 'renderer'));
  const services = await openServices({
    dataDir: options.dataDir,
    ...(options.today ? { today: options.today } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.key ? { key: options.key } : {}),
    ...(options.exportDir ? { exportDir: options.exportDir } : {}),
  });
  const token = randomBytes(32).toString('base64url');
  let port = 0;
  const hosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const serveStatic = async (res: ServerResponse, pathname: string) => {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'Nerasta', 'text/plain; charset=utf-8');
    try {
      const body = await readFile(file);
      send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, 'Nerasta', 'text/plain; charset=utf-8');
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      if (!hosts().includes(req.headers.host ?? '')) {
        return refuse(res, 421, 'HOST_REFUSED', 'Neteisingas adresas (Host).', 'Wrong Host header.');
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts().some((h) => origin === `http://${h}`)) {
        return refuse(res, 403, 'ORIGIN_REFUSED', 'Užklausa iš kitos svetainės atmesta.', 'Request from another origin refused.');
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Leidžiamas tik POST.', 'Only POST is allowed.');
        if (!sameToken(bearer, token)) return refuse(res, 401, 'UNAUTHORIZED', 'Trūksta prieigos rakto arba jis neteisingas.', 'Missing or wrong access token.');
        const type = req.headers['content-type'] ?? '';
        const enveloped = type.startsWith(ENVELOPE_TYPE);
        if (!enveloped && !type.startsWith('application/json')) {
          return refuse(res, 415, 'UNSUPPORTED_MEDIA', 'Laukiama JSON užklausos.', 'A JSON request is expected.');
        }
        const body = await readBody(req, enveloped ? MAX_ENVELOPE : MAX_BODY);
        if (body === undefined) return refuse(res, 413, 'TOO_LARGE', 'Užklausa per didelė.', 'Request too large.');
        let call: { method?: unknown; input?: unknown };
        try {
          call = (enveloped ? decodeEnvelope(body, MAX_BODY) : JSON.parse(body.toString('utf8'))) as { method?: unknown; input?: unknown };
        } catch {
          return refuse(res, 400, 'BAD_JSON', 'Užklausa nėra tinkamas JSON.', 'The request is not valid JSON.');
        }
        if (enveloped && !ENVELOPE_METHODS.includes(String(call.method))) {
          return refuse(res, 415, 'UNSUPPORTED_MEDIA', 'Šis veiksmas failų nepriima.', 'This method does not take files.');
        }
        const session = req.headers['x-pusiaukele-session'];
        const result = await services.dispatch(
          typeof call.method === 'string' ? call.method : '',
          call.input,
          typeof session === 'string' && session !== '' ? session : undefined,
        );
        if (result.ok && holdsBytes(result.value)) {
          res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': ENVELOPE_TYPE, 'Cache-Control': 'no-store' });
          for (const part of encodeEnvelope(result)) res.write(part);
          return res.end();
        }
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }

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

      if (url.pathname.startsWith('/api/')) return refuse(res, 404, 'NOT_FOUND', 'Nerasta.', 'Not found.');
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Neleidžiama.', 'Not allowed.');
      return serveStatic(res, url.pathname);
    })().catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: internalError() }), 'application/json; charset=utf-8');
      else res.end();
    });
  });

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, '127.0.0.1', () => ok());
    });
  } catch (e) {
    await services.close();
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    services,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await services.close();
    },
  };
}
