/**
 * Issue 16: how the browser host takes a request's body. Never whole in memory while it arrives: a
 * call's JSON is read within a small running limit; a call carrying a file (binaryEnvelope.ts) keeps
 * its JSON head in memory and streams the file's bytes, sealed under a key that lives only in this
 * process, into a temporary file, which is read back into one buffer only once the whole body has
 * arrived within its limits, and removed after the call. Every body has a deadline: a body sent a
 * few bytes a second does not hold a connection, a file or memory for long.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { decodeEnvelope } from '../../shared/contract/binaryEnvelope';

/** Why a body was not taken: over the limit, not in time, or the client went away. */
export type BodyFailure = 'tooLarge' | 'tooSlow' | 'aborted';

export class BodyRefused extends Error {
  constructor(
    readonly reason: BodyFailure,
    /** The bytes that had arrived when it was refused. */
    readonly received: number,
  ) {
    super(`request body ${reason} after ${received} bytes`);
    this.name = 'BodyRefused';
  }
}

/** An envelope whose head is not one (a client error, answered 400). */
export class MalformedBody extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedBody';
  }
}

export interface BodyLimits {
  /** The most bytes taken, counted as they arrive. */
  maxBytes: number;
  /** How long the whole body may take to arrive (ms from now). */
  deadlineMs: number;
}

/**
 * Give each piece of `req`'s body to `take` (a returned promise pauses the request until it settles),
 * within `limits`. On a refusal the request is left paused, without listeners, for the caller to
 * answer and close the connection; resolves with the body's size.
 */
function consume(req: IncomingMessage, limits: BodyLimits, take: (chunk: Buffer) => void | Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      if (error === undefined) return resolve(received);
      req.pause();
      reject(error);
    };
    const timer = setTimeout(() => finish(new BodyRefused('tooSlow', received)), limits.deadlineMs);
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes) return finish(new BodyRefused('tooLarge', received));
      let pending: void | Promise<void>;
      try {
        pending = take(chunk);
      } catch (e) {
        return finish(e);
      }
      if (pending === undefined) return;
      req.pause();
      pending.then(
        () => {
          if (!settled) req.resume();
        },
        (e: unknown) => finish(e),
      );
    };
    const onEnd = () => finish();
    // A client that goes away mid-body: the request closes incomplete ('error' comes with it).
    const onClose = () => finish(new BodyRefused('aborted', received));
    // Kept after settling: an abort later (while the answer is written) must not be unhandled.
    req.on('error', () => undefined);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}

/** A call's body, read whole within `limits` (only for small bodies: JSON calls of at most 1 MB). */
export async function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await consume(req, limits, (chunk) => {
    chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}

/** A call with a file, arrived whole: its temporary file until `open` or `discard`. */
export interface ReceivedEnvelope {
  /** The body's size. */
  readonly size: number;
  /** The call inside, its bytes read back into one buffer (as decodeEnvelope gives them); MalformedBody if it is not one. */
  open(maxJson: number): Promise<unknown>;
  /** Remove the temporary file (always, whatever came of the call). */
  discard(): void;
}

const MAGIC = Buffer.from('PSK1', 'ascii');
/** How much sealed output is gathered before one write (bounds the memory of an upload). */
const WRITE_BATCH = 1024 * 1024;

/**
 * Receive a call carrying a file: its envelope's head (magic, length, JSON: at most `maxJson`
 * bytes) in memory, the bytes after it sealed (AES-256-GCM, key and IV of this upload only, never
 * written anywhere) into a file in `dir`. The file is removed if the body is refused.
 */
export async function receiveEnvelope(req: IncomingMessage, limits: BodyLimits & { maxJson: number; dir: string }): Promise<ReceivedEnvelope> {
  mkdirSync(limits.dir, { recursive: true, mode: 0o700 });
  const path = join(limits.dir, `${randomUUID()}.part`);
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const file = await open(path, 'wx', 0o600);
  let head = Buffer.alloc(0);
  let headLength = -1;
  let payload = 0;
  let batch: Buffer[] = [];
  let batched = 0;
  const flush = async () => {
    const data = Buffer.concat(batch);
    batch = [];
    batched = 0;
    await file.write(data);
  };
  const seal = (bytes: Buffer): void | Promise<void> => {
    payload += bytes.length;
    const sealed = cipher.update(bytes);
    batch.push(sealed);
    batched += sealed.length;
    if (batched >= WRITE_BATCH) return flush();
  };
  try {
    const size = await consume(req, limits, (chunk) => {
      if (headLength >= 0) return seal(chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < 8) return;
      if (!head.subarray(0, 4).equals(MAGIC)) throw new MalformedBody('not an envelope');
      const jsonLength = head.readUInt32BE(4);
      if (jsonLength > limits.maxJson) throw new MalformedBody('envelope header too long');
      if (head.length < 8 + jsonLength) return;
      headLength = 8 + jsonLength;
      const rest = head.subarray(headLength);
      head = head.subarray(0, headLength);
      if (rest.length > 0) return seal(rest);
    });
    if (headLength < 0) throw new MalformedBody('envelope cut short');
    cipher.final();
    await flush();
    await file.close();
    const tag = cipher.getAuthTag();
    return {
      size,
      open: async (maxJson) => {
        // One buffer for the whole envelope: the bytes are decrypted straight into their place.
        const whole = Buffer.allocUnsafe(headLength + payload);
        head.copy(whole, 0);
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        const sealed = await open(path, 'r');
        try {
          const piece = Buffer.allocUnsafe(WRITE_BATCH);
          let at = headLength;
          for (;;) {
            const { bytesRead } = await sealed.read(piece, 0, piece.length, null);
            if (bytesRead === 0) break;
            at += decipher.update(piece.subarray(0, bytesRead)).copy(whole, at);
          }
          decipher.final();
          if (at !== whole.length) throw new Error('the staged upload changed size on disk');
        } finally {
          await sealed.close();
        }
        try {
          return decodeEnvelope(whole, maxJson);
        } catch (e) {
          throw new MalformedBody(e instanceof Error ? e.message : String(e));
        }
      },
      discard: () => rmSync(path, { force: true }),
    };
  } catch (e) {
    await file.close().catch(() => undefined);
    rmSync(path, { force: true });
    throw e;
  }
}

/**
 * The folders of uploads that hosts which ended without closing (a kill, a power cut) left in
 * `parent` and that nobody touched for a day: their files are sealed under keys that died with the
 * process, so they can only be removed.
 */
export function removeStaleUploadDirs(parent: string, prefix: string, olderThanMs = 24 * 60 * 60 * 1000): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const before = Date.now() - olderThanMs;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const dir = join(parent, name);
    try {
      if (statSync(dir).mtimeMs < before) rmSync(dir, { recursive: true, force: true });
    } catch {
      // another host removed it meanwhile, or it is not ours to remove
    }
  }
}
