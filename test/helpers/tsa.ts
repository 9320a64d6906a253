// A real RFC 3161 timestamp authority on 127.0.0.1: each query is answered by `openssl ts -reply`
// with the test PKI's TSA certificate (issue 6: PAdES baseline T). Also addresses where nothing
// answers, for the failure paths.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testPki, workDir } from './pki';

const run = promisify(execFile);

export interface TestTsa {
  url: string;
  /** How many queries it answered. */
  answered(): number;
  close(): Promise<void>;
}

const TSA_CONFIG = (dir: string) => `[tsa]
default_tsa = test_tsa
[test_tsa]
dir = ${dir}
serial = ${join(dir, 'serial')}
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Starts the TSA; close it after the tests. `refuseAfter`: it answers that many queries, then every
 * later one with HTTP 503, as a service going down between the signature's timestamp and the
 * document timestamp of the extension that follows it (issue 18).
 */
export async function startTsa(options: { refuseAfter?: number } = {}): Promise<TestTsa> {
  const pki = testPki();
  const dir = workDir('tsa');
  const configPath = join(dir, 'tsa.cnf');
  await writeFile(configPath, TSA_CONFIG(dir));
  await writeFile(join(dir, 'serial'), '01\n');
  let answered = 0;
  // openssl ts keeps its serial number in a file: one reply at a time.
  let queue: Promise<unknown> = Promise.resolve();

  const reply = async (query: Buffer): Promise<Buffer> => {
    const n = ++answered;
    const queryPath = join(dir, `${n}.tsq`);
    const replyPath = join(dir, `${n}.tsr`);
    await writeFile(queryPath, query);
    await run('openssl', [
      'ts', '-reply', '-config', configPath, '-queryfile', queryPath,
      '-inkey', pki.tsa.keyPath, '-signer', pki.tsa.certPath, '-chain', pki.ca.certPath, '-out', replyPath,
    ]);
    return readFile(replyPath);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
        response.writeHead(400).end();
        return;
      }
      if (options.refuseAfter !== undefined && answered >= options.refuseAfter) {
        response.writeHead(503).end();
        return;
      }
      const result = queue.then(() => reply(Buffer.concat(chunks)));
      queue = result.catch(() => undefined);
      result.then(
        (body) => response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(body),
        () => response.writeHead(500).end(),
      );
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/tsa`, answered: () => answered, close: () => closeServer(server) };
}

/** An address where nothing listens: a port bound and closed again (connections are refused). */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  const port = await listen(server);
  await closeServer(server);
  return `http://127.0.0.1:${port}/tsa`;
}

/** A server that accepts the query and never answers, for timeouts. Close it after the test. */
export async function silentTsa(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(() => {
    // Holds the request open until the server closes.
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/tsa`, close: () => closeServer(server) };
}
