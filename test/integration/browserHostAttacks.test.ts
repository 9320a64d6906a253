// Issue 16, "Uploads" and "Host": the browser host under attack. The session and the role are
// checked from the headers before any byte of a body is read; bodies stream to the staging area
// (sealed) within a running limit and a deadline; an over-limit body gets a 413 the client can read;
// client errors are 4xx without a stack trace in the log; sign-ins are limited per address.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../../electron/browser-host/server';
import { ENVELOPE_TYPE } from '../../shared/contract/binaryEnvelope';
import { tempDataDir } from '../helpers/dataDir';
import { ADMIN, signedIn, staffSession } from '../helpers/users';
import type { HostReady } from './browserHostProcess';

const MB = 1024 * 1024;

interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  json(): { ok: boolean; error?: { code: string; message: string; params?: Record<string, unknown> }; value?: unknown };
}

function replyOf(res: IncomingMessage): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('error', reject);
    res.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) as ReturnType<Reply['json']> });
    });
  });
}

interface Upload {
  req: ClientRequest;
  /** The answer, as soon as the host gives it (whatever the body's state). */
  reply: Promise<Reply>;
  /** When the connection has closed: how many body bytes the client had handed to it. */
  closed: Promise<number>;
  /** Body bytes handed to the connection so far. */
  sent(): number;
}

/**
 * A request whose headers go at once and whose body is sent only by `send` (a stream generated piece
 * by piece, never allocated whole), so a test decides when the body comes and how fast.
 */
function openRequest(
  port: number,
  headers: Record<string, string>,
  options: { path?: string; method?: string; localAddress?: string } = {},
): Upload {
  let sent = 0;
  const req = request({
    host: '127.0.0.1',
    port,
    path: options.path ?? '/api/invoke',
    method: options.method ?? 'POST',
    headers: { Host: `127.0.0.1:${port}`, ...headers },
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  const reply = new Promise<Reply>((resolve, reject) => {
    req.on('response', (res) => void replyOf(res).then(resolve, reject));
    req.on('error', reject);
  });
  reply.catch(() => undefined);
  const closed = new Promise<number>((resolve) => req.on('close', () => resolve(sent)));
  req.on('error', () => undefined);
  const write = req.write.bind(req) as (chunk: Uint8Array) => boolean;
  req.write = ((chunk: Uint8Array) => {
    sent += chunk.length;
    return write(chunk);
  }) as typeof req.write;
  req.flushHeaders();
  return { req, reply, closed, sent: () => sent };
}

/** Write `total` bytes of `fill` to the request as fast as it takes them; stops when it closes. */
async function pour(req: ClientRequest, total: number, fill = 0x41, piece = 256 * 1024): Promise<void> {
  const chunk = Buffer.alloc(piece, fill);
  let left = total;
  while (left > 0 && !req.destroyed && !req.writableEnded) {
    const part = left >= piece ? chunk : chunk.subarray(0, left);
    left -= part.length;
    if (!req.write(part)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          req.off('drain', done);
          req.off('close', done);
          resolve();
        };
        req.on('drain', done);
        req.on('close', done);
      });
    }
  }
}

/** An envelope's head (binaryEnvelope.ts) for a call whose only bytes are `size` long and come after it. */
function envelopeHead(method: string, input: Record<string, unknown>, size: number): Buffer {
  const json = Buffer.from(JSON.stringify({ method, input: { ...input, bytes: { $bytes: [0, size] } } }), 'utf8');
  const head = Buffer.alloc(8);
  head.write('PSK1', 0, 'ascii');
  head.writeUInt32BE(json.length, 4);
  return Buffer.concat([head, json]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// A host in its own process: what an attack costs it in memory.

interface HostProcess extends HostReady {
  child: ChildProcess;
  stderr(): string;
  reset(): Promise<number>;
  /** How much the host's resident memory grew since the last reset (bytes, the peak). */
  growth(): Promise<number>;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./browserHostProcess.ts', import.meta.url));

async function hostProcess(options: Partial<BrowserHostOptions> = {}): Promise<HostProcess> {
  const dataDir = tempDataDir();
  mkdirSync(dataDir, { recursive: true });
  const child = fork(CHILD, [dataDir, JSON.stringify(options)], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  child.stdout!.resume();
  const ask = <T>(type: string, answer: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== answer) return;
        child.off('message', on);
        resolve(m as T);
      };
      child.on('message', on);
      if (type !== '') child.send({ type });
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await Promise.race([
    ask<HostReady>('', 'ready'),
    exited.then(() => {
      throw new Error(`the host process ended: ${stderr}`);
    }),
  ]);
  return {
    ...ready,
    child,
    stderr: () => stderr,
    reset: async () => (await ask<{ rss: number }>('reset', 'reset')).rss,
    growth: async () => (await ask<{ growth: number }>('peak', 'peak')).growth,
    close: async () => {
      child.send({ type: 'close' });
      await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}

describe('issue 16 "Uploads": large bodies cost the host nothing until the caller is known', () => {
  let host: HostProcess | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  it('three ~450 MB uploads without a session are refused (401) before their bodies are sent; the host grows by less than 100 MB', async () => {
    host = await hostProcess({ lingerMs: 500 });
    await host.reset();
    const size = 450 * MB;
    const head = envelopeHead('dossier.stage', { caseId: 'c1', name: 'byla.pdf' }, size);
    const headers = {
      Authorization: `Bearer ${host.token}`,
      'Content-Type': ENVELOPE_TYPE,
      'X-Pusiaukele-Method': 'dossier.stage',
      'Content-Length': String(head.length + size),
    };
    // The three wait for the answer before sending anything: it comes without a body byte.
    const uploads = [0, 1, 2].map(() => openRequest(host!.port, headers));
    const replies = await Promise.all(uploads.map((u) => u.reply));
    for (const [i, reply] of replies.entries()) {
      expect(reply.status).toBe(401);
      expect(reply.json().error?.code).toBe('UNAUTHENTICATED');
      expect(reply.headers.connection).toBe('close');
      expect(uploads[i]!.sent()).toBe(0);
    }
    // Sent anyway, as an attacker would: the host ends the connections, and keeps nothing of them.
    await Promise.all(uploads.map((u) => pour(u.req, size)));
    await Promise.all(uploads.map((u) => u.closed));
    expect(await host.growth()).toBeLessThan(100 * MB);
  });

  it('the same three uploads sent at once, without waiting for an answer, are cut and leave the host’s memory as it was', async () => {
    host = await hostProcess({ lingerMs: 300 });
    await host.reset();
    const size = 450 * MB;
    const head = envelopeHead('dossier.stage', { caseId: 'c1', name: 'byla.pdf' }, size);
    const uploads = [0, 1, 2].map(() =>
      openRequest(host!.port, {
        Authorization: `Bearer ${host!.token}`,
        'Content-Type': ENVELOPE_TYPE,
        'X-Pusiaukele-Method': 'dossier.stage',
        'X-Pusiaukele-Session': 'not-a-session',
        'Content-Length': String(head.length + size),
      }),
    );
    await Promise.all(uploads.map(async (u) => {
      u.req.write(head);
      await pour(u.req, size);
    }));
    for (const u of uploads) expect((await u.reply).status).toBe(401);
    await Promise.all(uploads.map((u) => u.closed));
    expect(await host.growth()).toBeLessThan(100 * MB);
    // Nothing was staged for a caller that was refused.
    expect(readdirSync(host.uploadDir)).toEqual([]);
  });

  it('a signed-in upload in progress streams to a sealed temporary file, not to memory; broken off, the file goes and the log has one line', async () => {
    host = await hostProcess({ lingerMs: 300 });
    const size = 450 * MB;
    const head = envelopeHead('dossier.stage', { caseId: 'c1', name: 'byla.pdf' }, size);
    await host.reset();
    const upload = openRequest(host.port, {
      Authorization: `Bearer ${host.token}`,
      'Content-Type': ENVELOPE_TYPE,
      'X-Pusiaukele-Method': 'dossier.stage',
      'X-Pusiaukele-Session': host.session,
      'Content-Length': String(head.length + size),
    });
    upload.req.write(head);
    // A recognisable text, to look for in the staged file.
    await pour(upload.req, 300 * MB, 0x50);
    await sleep(300);
    const files = readdirSync(host.uploadDir);
    expect(files).toHaveLength(1);
    const staged = join(host.uploadDir, files[0]!);
    expect(statSync(staged).size).toBeGreaterThan(250 * MB);
    // Sealed: the plain bytes are not on disk.
    const sample = readFileSync(staged).subarray(0, 4 * MB);
    expect(sample.includes(Buffer.alloc(64, 0x50))).toBe(false);
    expect(await host.growth()).toBeLessThan(100 * MB);

    upload.req.destroy();
    await upload.closed;
    await vi.waitFor(() => expect(readdirSync(host!.uploadDir)).toEqual([]), { timeout: 5000 });
    await vi.waitFor(() => expect(host!.stderr()).toContain('broke off'), { timeout: 5000 });
    const lines = host.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/dossier\.stage.* of \d+ bytes/);
  });
});

// ---------------------------------------------------------------------------------------------
// A host in this process: what the client sees, and what the log says.

describe('issue 16 "Host": client errors are 4xx with a clear code, never a stack trace', () => {
  let host: BrowserHost;
  let errors: MockInstance<typeof console.error>;
  let session: string;

  const start = async (options: Partial<BrowserHostOptions> = {}) => {
    const dataDir = tempDataDir();
    const rendererDir = join(dataDir, '..', 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    host = await startBrowserHost({ dataDir, rendererDir, today: '2026-11-23', lingerMs: 300, ...options });
    session = await staffSession(host.services);
  };
  const auth = () => ({ Authorization: `Bearer ${host.token}` });
  const post = async (headers: Record<string, string>, body: string | Buffer, localAddress?: string) => {
    const u = openRequest(host.port, { 'Content-Type': 'application/json', ...auth(), ...headers }, localAddress ? { localAddress } : {});
    u.req.end(body);
    return u.reply;
  };
  /** Every line the host logged, stack frames included. */
  const logged = () => errors.mock.calls.map((args) => args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ')).join('\n');

  beforeEach(() => {
    errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await host.close();
    errors.mockRestore();
  });

  it('a null body, a list, a string or a call without a method name: 400 REQUEST_CALL_INVALID, nothing logged', async () => {
    await start();
    for (const body of ['null', '[]', '"auth.status"', '{"method":5}', '{}']) {
      const reply = await post({}, body);
      expect(reply.status, body).toBe(400);
      expect(reply.json().error?.code).toBe('REQUEST_CALL_INVALID');
      expect(reply.json().error?.message).toMatch(/veiksmo pavadinimas/);
    }
    expect((await post({}, '{"method":')).json().error?.code).toBe('BAD_JSON');
    expect(logged()).toBe('');
  });

  it('a malformed percent-encoded path, with no token at all: 400 REQUEST_PATH_INVALID, nothing logged', async () => {
    await start();
    for (const path of ['/%E0%A4%A', '/assets/%', '/%ZZ.js', '/%C0%AF']) {
      const u = openRequest(host.port, {}, { path, method: 'GET' });
      u.req.end();
      const reply = await u.reply;
      expect(reply.status, path).toBe(400);
      expect(reply.json().error?.code).toBe('REQUEST_PATH_INVALID');
    }
    expect(logged()).toBe('');
  });

  it('a call naming its method in the header: an unknown one, one the body contradicts, a file without one: 400', async () => {
    await start();
    const unknown = await post({ 'X-Pusiaukele-Method': 'cases.dropAll' }, JSON.stringify({ method: 'cases.dropAll', input: {} }));
    expect([unknown.status, unknown.json().error?.code]).toEqual([400, 'UNKNOWN_METHOD']);
    const mismatch = await post({ 'X-Pusiaukele-Method': 'auth.status' }, JSON.stringify({ method: 'users.list', input: {} }));
    expect([mismatch.status, mismatch.json().error?.code]).toEqual([400, 'REQUEST_METHOD_MISMATCH']);
    const head = envelopeHead('dossier.stage', { caseId: 'c1', name: 'a.pdf' }, 4);
    const fileWithout = await post({ 'Content-Type': ENVELOPE_TYPE, 'X-Pusiaukele-Session': session }, Buffer.concat([head, Buffer.from('%PDF')]));
    expect([fileWithout.status, fileWithout.json().error?.code]).toEqual([400, 'REQUEST_METHOD_HEADER_MISSING']);
    const notAnEnvelope = await post({ 'Content-Type': ENVELOPE_TYPE, 'X-Pusiaukele-Method': 'dossier.stage', 'X-Pusiaukele-Session': session }, 'PSK2xxxxxxxx');
    expect([notAnEnvelope.status, notAnEnvelope.json().error?.code]).toEqual([400, 'BAD_JSON']);
    const cutShort = await post({ 'Content-Type': ENVELOPE_TYPE, 'X-Pusiaukele-Method': 'dossier.stage', 'X-Pusiaukele-Session': session }, head.subarray(0, 20));
    expect([cutShort.status, cutShort.json().error?.code]).toEqual([400, 'BAD_JSON']);
    const outOfRange = await post({ 'Content-Type': ENVELOPE_TYPE, 'X-Pusiaukele-Method': 'dossier.stage', 'X-Pusiaukele-Session': session }, head);
    expect([outOfRange.status, outOfRange.json().error?.code]).toEqual([400, 'BAD_JSON']);
    expect(logged()).toBe('');
    expect(readdirSync(host.uploadDir)).toEqual([]);
  });

  it('the role is checked from the headers: a member without the secretary’s role is refused 403 before the file is read', async () => {
    await start();
    const member = await signedIn(host.services, session, 'narys', ['member']);
    const u = openRequest(host.port, {
      ...auth(),
      'Content-Type': ENVELOPE_TYPE,
      'X-Pusiaukele-Method': 'dossier.stage',
      'X-Pusiaukele-Session': member,
      'Content-Length': String(100 * MB),
    });
    const reply = await u.reply;
    expect(reply.status).toBe(403);
    expect(reply.json().error?.code).toBe('FORBIDDEN');
    expect(u.sent()).toBe(0);
    u.req.destroy();
    // A JSON call refused the same way gets the contract's answer, as dispatch gives it (no failed request in the page's console).
    const json = await post({ 'X-Pusiaukele-Method': 'users.list', 'X-Pusiaukele-Session': member }, JSON.stringify({ method: 'users.list', input: {} }));
    expect([json.status, json.json().error?.code]).toEqual([200, 'FORBIDDEN']);
  });

  it('files arriving at once are bounded: one more than the host takes gets 503 UPLOADS_BUSY with Retry-After, before its body', async () => {
    await start({ maxUploads: 1 });
    const headers = { ...auth(), 'Content-Type': ENVELOPE_TYPE, 'X-Pusiaukele-Method': 'dossier.stage', 'X-Pusiaukele-Session': session, 'Content-Length': String(10 * MB) };
    const first = openRequest(host.port, headers);
    first.req.write(envelopeHead('dossier.stage', { caseId: 'c1', name: 'a.pdf' }, 10 * MB - 200));
    await vi.waitFor(() => expect(readdirSync(host.uploadDir)).toHaveLength(1));
    const second = openRequest(host.port, headers);
    const reply = await second.reply;
    expect([reply.status, reply.json().error?.code, reply.headers['retry-after']]).toEqual([503, 'UPLOADS_BUSY', '5']);
    expect(second.sent()).toBe(0);
    second.req.destroy();
    first.req.destroy();
    await vi.waitFor(() => expect(readdirSync(host.uploadDir)).toEqual([]));
  });

  it('an aborted upload logs one line, without a stack trace', async () => {
    await start();
    const u = openRequest(host.port, { ...auth(), 'Content-Type': 'application/json', 'Content-Length': '1000' });
    u.req.write('{"method":"auth.status","input":{"pad":"');
    await sleep(100);
    u.req.destroy();
    await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(1));
    expect(logged()).not.toContain('\n');
    expect(logged()).toMatch(/broke off a request .* after \d+ of 1000 bytes/);
  });

  it('a body sent a few bytes a second is cut at its deadline with 408 REQUEST_TOO_SLOW, and its staged file removed', async () => {
    await start({ bodyTimeoutMs: 800 });
    const slowJson = openRequest(host.port, { ...auth(), 'Content-Type': 'application/json', 'Content-Length': '200' });
    const slowFile = openRequest(host.port, {
      ...auth(),
      'Content-Type': ENVELOPE_TYPE,
      'X-Pusiaukele-Method': 'dossier.stage',
      'X-Pusiaukele-Session': session,
      'Content-Length': String(10_000),
    });
    slowFile.req.write(envelopeHead('dossier.stage', { caseId: 'c1', name: 'a.pdf' }, 10_000 - 200));
    const startedAt = Date.now();
    const drip = setInterval(() => {
      for (const u of [slowJson, slowFile]) if (!u.req.destroyed) u.req.write('xxx');
    }, 200);
    try {
      await vi.waitFor(() => expect(readdirSync(host.uploadDir)).toHaveLength(1));
      for (const u of [slowJson, slowFile]) {
        const reply = await u.reply;
        expect(reply.status).toBe(408);
        expect(reply.json().error?.code).toBe('REQUEST_TOO_SLOW');
        expect(reply.json().error?.message).toMatch(/per lėtai/);
      }
      expect(Date.now() - startedAt).toBeLessThan(3000);
      await Promise.all([slowJson.closed, slowFile.closed]);
    } finally {
      clearInterval(drip);
    }
    expect(readdirSync(host.uploadDir)).toEqual([]);
    expect(logged()).toBe('');
  });
});

describe('issue 16 "Uploads": an over-limit body gets a 413 the client can read, not a reset', () => {
  let host: BrowserHost;
  let session: string;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    host = await startBrowserHost({ dataDir, rendererDir: dataDir, today: '2026-11-23', maxUploadBytes: 2 * MB, lingerMs: 1000 });
    session = await staffSession(host.services);
  });
  afterEach(async () => {
    await host.close();
  });

  const fileHeaders = () => ({
    Authorization: `Bearer ${host.token}`,
    'Content-Type': ENVELOPE_TYPE,
    'X-Pusiaukele-Method': 'dossier.stage',
    'X-Pusiaukele-Session': session,
  });

  it('a declared size over the limit: 413 REQUEST_TOO_LARGE with Connection: close, before the body', async () => {
    const u = openRequest(host.port, { ...fileHeaders(), 'Content-Length': String(3 * MB) });
    const reply = await u.reply;
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(reply.json().error).toMatchObject({ code: 'REQUEST_TOO_LARGE', params: { maxBytes: 2 * MB } });
    expect(reply.json().error?.message).toMatch(/per didelis.*2 MB/);
    expect(u.sent()).toBe(0);
    u.req.destroy();
  });

  it('a body in chunks that outgrows the limit while it streams: the 413 is read whole while the client is still sending', async () => {
    const u = openRequest(host.port, { ...fileHeaders(), 'Transfer-Encoding': 'chunked' });
    u.req.write(envelopeHead('dossier.stage', { caseId: 'c1', name: 'a.pdf' }, 64 * MB));
    const pouring = pour(u.req, 64 * MB);
    const reply = await u.reply;
    expect(reply.status).toBe(413);
    expect(reply.json().error?.code).toBe('REQUEST_TOO_LARGE');
    await pouring;
    await u.closed;
    expect(readdirSync(host.uploadDir)).toEqual([]);
  });

  it('a JSON call over 1 MB: 413 as well', async () => {
    const u = openRequest(host.port, { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    u.req.write(`{"method":"auth.status","input":{"pad":"`);
    const pouring = pour(u.req, 3 * MB);
    const reply = await u.reply;
    expect([reply.status, reply.json().error?.code]).toEqual([413, 'REQUEST_TOO_LARGE']);
    await pouring;
  });
});

describe('issue 16 "Host": a rate limit on sign-in per address', () => {
  let host: BrowserHost;
  beforeEach(async () => {
    const dataDir = tempDataDir();
    host = await startBrowserHost({ dataDir, rendererDir: dataDir, today: '2026-11-23', lingerMs: 300 });
    await staffSession(host.services);
  });
  afterEach(async () => {
    await host.close();
  });

  const login = async (username: string, password: string, localAddress: string, named = true) => {
    const u = openRequest(
      host.port,
      { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...(named ? { 'X-Pusiaukele-Method': 'auth.login' } : {}) },
      { localAddress },
    );
    u.req.end(JSON.stringify({ method: 'auth.login', input: { username, password } }));
    return u.reply;
  };

  it('ten sign-ins a minute from one address go through; the eleventh gets 429 with Retry-After and a Lithuanian message; another address still signs in', async () => {
    for (let i = 0; i < 10; i++) {
      // Different unknown names, so that no account's own lockout is what stops them.
      const reply = await login(`svetimas${i}`, 'Neteisingas-1', '127.0.0.1', i % 2 === 0);
      expect(reply.status).toBe(200);
      expect(reply.json().ok).toBe(false);
    }
    for (const named of [true, false]) {
      const limited = await login(ADMIN.username, ADMIN.password, '127.0.0.1', named);
      expect(limited.status).toBe(429);
      expect(limited.json().error?.code).toBe('SIGN_IN_RATE_LIMITED');
      expect(limited.json().error?.message).toMatch(/per daug kartų/);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.json().error?.params).toEqual({ retryAfterSeconds: retryAfter });
    }
    // Someone else's failures do not block a sign-in from another address.
    const other = await login(ADMIN.username, ADMIN.password, '127.0.0.2');
    expect(other.status).toBe(200);
    expect(other.json().ok).toBe(true);
  });

  it('the window passes: the address may sign in again', async () => {
    await host.close();
    const dataDir = tempDataDir();
    host = await startBrowserHost({ dataDir, rendererDir: dataDir, today: '2026-11-23', signInLimit: { attempts: 2, windowMs: 700 } });
    await staffSession(host.services);
    expect((await login('x1', 'Neteisingas-1', '127.0.0.1')).status).toBe(200);
    expect((await login('x2', 'Neteisingas-1', '127.0.0.1')).status).toBe(200);
    expect((await login(ADMIN.username, ADMIN.password, '127.0.0.1')).status).toBe(429);
    await sleep(800);
    const again = await login(ADMIN.username, ADMIN.password, '127.0.0.1');
    expect([again.status, again.json().ok]).toEqual([200, true]);
  });
});
