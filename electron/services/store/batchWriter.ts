import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/**
 * The thread that writes a flushed batch of files (durableFile.ts, flushBatchedWrites with
 * `background`) while the main thread goes on: creating tens of thousands of files costs the file
 * system time the preparation of the next batch need not wait for. Each file is written as
 * writeFileDurable writes it, without the fsyncs a batch leaves out: a temporary file beside it,
 * renamed over it. Plain CommonJS evaluated as is, so that it needs no build of its own.
 */
const SOURCE = `
const { workerData } = require('node:worker_threads');
const { closeSync, openSync, renameSync, writeSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { basename, dirname, join } = require('node:path');
const { port, state } = workerData;
const busy = new Int32Array(state);
port.on('message', ({ files, bytes }) => {
  let error;
  try {
    const all = new Uint8Array(bytes);
    for (const [path, offset, length] of files) {
      const tmp = join(dirname(path), '.' + basename(path) + '.' + randomBytes(6).toString('hex') + '.tmp');
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        for (let off = 0; off < length; ) off += writeSync(fd, all, offset + off, length - off);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
    }
  } catch (e) {
    error = { code: e && e.code, message: String(e && e.message) };
  }
  port.postMessage({ error });
  Atomics.store(busy, 0, 0);
  Atomics.notify(busy, 0);
});
`;

interface Writer {
  worker: Worker;
  port: MessagePort;
  /** [0]: 1 while the thread writes, 0 once it is done (its outcome is then waiting on `port`). */
  busy: Int32Array;
}

let writer: Writer | undefined;
let inFlight = false;

function start(): Writer {
  const { port1, port2 } = new MessageChannel();
  const state = new SharedArrayBuffer(4);
  const worker = new Worker(SOURCE, { eval: true, workerData: { port: port2, state }, transferList: [port2] });
  // Neither keeps the process alive: whoever batches waits for the last write (finishBackgroundWrites).
  worker.unref();
  port1.unref();
  return { worker, port: port1, busy: new Int32Array(state) };
}

/** Hand files to the writer thread; the caller must have waited for the previous hand-over. */
export function writeInBackground(files: ReadonlyMap<string, readonly Uint8Array[]>): void {
  if (inFlight) throw new Error('The background writer is still writing');
  let total = 0;
  for (const chunks of files.values()) for (const c of chunks) total += c.length;
  // One buffer moved to the thread (not copied): every file's bytes one after another.
  const bytes = new ArrayBuffer(total);
  const all = new Uint8Array(bytes);
  const list: [string, number, number][] = [];
  let at = 0;
  for (const [path, chunks] of files) {
    const offset = at;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    list.push([path, offset, at - offset]);
  }
  writer ??= start();
  Atomics.store(writer.busy, 0, 1);
  inFlight = true;
  writer.port.postMessage({ files: list, bytes }, [bytes]);
}

/** Wait until the writer thread has written what it was given; throws what stopped it, if anything. */
export function finishBackgroundWrites(): void {
  if (!inFlight || !writer) return;
  while (Atomics.load(writer.busy, 0) === 1) Atomics.wait(writer.busy, 0, 1);
  inFlight = false;
  const outcome = receiveMessageOnPort(writer.port)?.message as { error?: { code?: string; message: string } } | undefined;
  if (outcome?.error) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
}
