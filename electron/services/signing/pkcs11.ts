// A signer on a smart card or other PKCS#11 token (issue 6: the director may sign with a card).
// Issue 16: the card vendor's module is native code named by an administrator setting, so it never
// runs in this process, which holds the data key. Each signer starts a process of its own
// (pkcs11Worker.ts) that gets a bare environment (no passphrase, no secret of the app), loads the
// module there and may only list the token's certificates and sign a SHA-256 digest once the PIN
// opened the key; it is ended when the signer closes, when it stays unused, or when it does not
// answer in time. Its answers are checked against pkcs11Protocol.ts before anything is believed.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { DomainError } from '../../../shared/domain/errors';
import { isErrorCode } from '../../../shared/domain/errorTexts';
import { issuerPath } from './certificatePaths';
import { sequence, unsignedInteger } from './der';
import { checkModulePath } from './pkcs11ModulePath';
import { MAX_MESSAGE_CHARS, MAX_SIGNATURE_BYTES, workerAnswer, workerResults, type WorkerRequest, type WorkerResult } from './pkcs11Protocol';
import type { Signer } from './signer';
import { SIGNING_ERROR_CODES, SigningError, signingErrors, type SigningErrorCode } from './signingErrors';

export interface Pkcs11Options {
  /** The vendor's PKCS#11 library (.so, .dll, .dylib), in a system folder (pkcs11ModulePath.ts). */
  modulePath: string;
  pin: string;
  /** Which token, when several are present. */
  tokenLabel?: string;
  /** Which private key (CKA_LABEL); without it, the one whose certificate is for non-repudiation. */
  keyLabel?: string;
  /** How long the card may take over one step (the PIN typed on a reader's pad included); default CARD_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** One step (open with the PIN, one signature) may take this long: a PIN pad waits for the person. */
export const CARD_TIMEOUT_MS = 120_000;
/** A signer left open this long without signing is closed (and its process ended). */
export const IDLE_TIMEOUT_MS = 5 * 60_000;
/** After `close`, the worker has this long to log out before it is killed. */
const CLOSE_GRACE_MS = 5_000;

/**
 * The only variables the card's process gets: what a driver needs to find its libraries, the user's
 * folders and the language, and the configuration variables of common drivers (SoftHSM2, OpenSC,
 * pcsc-lite). Nothing else of this process's environment, so no PUSIAUKELE_PASSPHRASE.
 */
export const WORKER_ENVIRONMENT: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TMPDIR',
  'XDG_RUNTIME_DIR',
  'SystemRoot',
  'windir',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'USERNAME',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'ProgramW6432',
  'CommonProgramFiles',
  'CommonProgramFiles(x86)',
  'SOFTHSM2_CONF',
  'OPENSC_CONF',
  'OPENSC_DRIVER',
  'PCSCLITE_CSOCK_NAME',
];

/** The card process's environment, built from WORKER_ENVIRONMENT alone. */
export function workerEnvironment(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of WORKER_ENVIRONMENT) {
    const value = from[name];
    if (value !== undefined && !name.startsWith('PUSIAUKELE_')) env[name] = value;
  }
  return env;
}

/** The running card process, whichever way it was started. */
export interface Worker {
  send(request: WorkerRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}

/**
 * This file's own place: the source (run by tsx or vitest) or the bundle dist/electron/main.cjs,
 * beside which build/bundle-electron.mjs puts pkcs11Worker.cjs.
 */
function workerEntry(): { entry: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    // From the sources, the worker is TypeScript too: Node runs it with tsx's loader.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return { entry: join(dirname(here), 'pkcs11Worker.ts'), execArgv: ['--import', tsx] };
  }
  return { entry: join(dirname(here), 'pkcs11Worker.cjs'), execArgv: [] };
}

/**
 * How the card process is started where Node's own fork is not the way: the desktop app, where
 * Electron cannot be run as Node (the runAsNode fuse is off), gives Electron's utility process
 * (electron/main/cardWorker.ts). Only the shell may import electron, so it hands the starter in.
 */
export type Pkcs11Spawner = (entry: string, env: Record<string, string>) => Worker;
let spawner: Pkcs11Spawner | undefined;

/** Start the card process with `start` from now on (the desktop shell calls this once). */
export function usePkcs11Spawner(start: Pkcs11Spawner): void {
  spawner = start;
}

/** Starts the card process: the shell's starter if it gave one, else Node forks itself. */
async function startWorker(): Promise<Worker> {
  const { entry, execArgv } = workerEntry();
  const env = workerEnvironment();
  if (spawner !== undefined) return spawner(entry, env);
  const child = fork(entry, [], { env, execArgv, serialization: 'json', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    send: (request) => void child.send(request),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      child.once('exit', listener);
      child.once('error', listener);
    },
    kill: () => void child.kill('SIGKILL'),
  };
}

/** What the worker said when it refused: rebuilt here as a SigningError, or as one of issue 16's errors. */
function refusal(error: { code: string; params: Record<string, unknown> }): DomainError {
  const { code, params } = error;
  try {
    if ((SIGNING_ERROR_CODES as readonly string[]).includes(code)) return new SigningError(code as SigningErrorCode, params as never);
    if (code.startsWith('PKCS11_') && isErrorCode(code)) return new DomainError(code, params as never);
  } catch {
    // Parameters the code's texts cannot use: the worker said what it may not.
  }
  return new DomainError('PKCS11_WORKER_FAILED', { why: 'protocol' });
}

type RequestOf<Op extends WorkerRequest['op']> = Omit<Extract<WorkerRequest, { op: Op }>, 'id'>;

/** A started card process and its requests: each answered, refused, or failed by a timeout or the process's end. */
class CardProcess {
  private nextId = 0;
  private readonly pending = new Map<number, { op: WorkerRequest['op']; resolve(value: unknown): void; reject(error: unknown): void; timer: NodeJS.Timeout }>();
  private ended: DomainError | null = null;

  private constructor(private readonly worker: Worker) {
    worker.onMessage((message) => this.answer(message));
    worker.onExit(() => this.end(new DomainError('PKCS11_WORKER_FAILED', { why: 'exited' })));
  }

  static async start(): Promise<CardProcess> {
    try {
      return new CardProcess(await startWorker());
    } catch {
      throw new DomainError('PKCS11_WORKER_FAILED', { why: 'start' });
    }
  }

  request<Op extends WorkerRequest['op']>(op: Op, fields: Omit<RequestOf<Op>, 'op'>, timeoutMs: number): Promise<WorkerResult<Op>> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // A card that does not answer is not waited for: its process is ended.
      const timer = setTimeout(() => this.end(new DomainError('PKCS11_TIMEOUT', { seconds: Math.ceil(timeoutMs / 1000) })), timeoutMs);
      this.pending.set(id, { op, resolve: resolve as (value: unknown) => void, reject, timer });
      this.worker.send({ ...fields, id, op } as WorkerRequest);
    });
  }

  private answer(message: unknown): void {
    let size: number;
    try {
      size = JSON.stringify(message)?.length ?? 0;
    } catch {
      size = Infinity;
    }
    const parsed = size <= MAX_MESSAGE_CHARS ? workerAnswer.safeParse(message) : null;
    const waiting = parsed?.success ? this.pending.get(parsed.data.id) : undefined;
    if (!parsed?.success || !waiting) {
      this.end(new DomainError('PKCS11_WORKER_FAILED', { why: 'protocol' }));
      return;
    }
    const answer = parsed.data;
    this.pending.delete(answer.id);
    clearTimeout(waiting.timer);
    if (!answer.ok) {
      waiting.reject(refusal(answer.error));
      return;
    }
    const result = (workerResults[waiting.op] as z.ZodType).safeParse(answer.value);
    if (!result.success) {
      this.end(new DomainError('PKCS11_WORKER_FAILED', { why: 'protocol' }));
      waiting.reject(new DomainError('PKCS11_WORKER_FAILED', { why: 'protocol' }));
      return;
    }
    waiting.resolve(result.data);
  }

  /** Ends the process; whatever still waits fails with `error`. */
  end(error: DomainError): void {
    if (!this.ended) this.ended = error;
    this.worker.kill();
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(id);
      waiting.reject(error);
    }
  }

  /** Asks the worker to log out and end; kills it if it does not in time. */
  async close(): Promise<void> {
    if (this.ended) return;
    try {
      await this.request('close', {}, CLOSE_GRACE_MS);
    } catch {
      // Timed out or already gone: it is killed below either way.
    }
    this.end(signingErrors.signingFailed({ why: 'cardSessionClosed' }));
  }
}

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** PKCS#11 gives ECDSA as r || s; CMS wants Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }. */
function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

/**
 * The certificates on the token, read by the card process without the PIN. Throws as openPkcs11
 * does, and the refusals of pkcs11ModulePath.ts.
 */
export async function listPkcs11Certificates(options: Pick<Pkcs11Options, 'modulePath' | 'tokenLabel' | 'timeoutMs'>): Promise<Uint8Array[]> {
  checkModulePath(options.modulePath);
  const card = await CardProcess.start();
  try {
    const { certificates } = await card.request(
      'list',
      { modulePath: options.modulePath, ...(options.tokenLabel !== undefined ? { tokenLabel: options.tokenLabel } : {}) },
      options.timeoutMs ?? CARD_TIMEOUT_MS,
    );
    return certificates.map(bytesOf);
  } finally {
    await card.close();
  }
}

/**
 * Opens the signing key on a PKCS#11 token, in a card process of its own. Throws SigningError:
 * PKCS11_MODULE_MISSING, TOKEN_MISSING, PIN_INCORRECT, PIN_LOCKED, PIN_EXPIRED, KEY_NOT_FOUND,
 * KEY_UNSUPPORTED, SIGNING_FAILED; the module path's refusals (pkcs11ModulePath.ts), checked here
 * before the process starts and there again before the load; PKCS11_TIMEOUT, PKCS11_WORKER_FAILED.
 * Whatever fails, the process is ended.
 */
export async function openPkcs11(options: Pkcs11Options): Promise<Signer> {
  checkModulePath(options.modulePath);
  const timeoutMs = options.timeoutMs ?? CARD_TIMEOUT_MS;
  const card = await CardProcess.start();
  let opened: WorkerResult<'open'>;
  try {
    opened = await card.request(
      'open',
      {
        modulePath: options.modulePath,
        pin: options.pin,
        ...(options.tokenLabel !== undefined ? { tokenLabel: options.tokenLabel } : {}),
        ...(options.keyLabel !== undefined ? { keyLabel: options.keyLabel } : {}),
      },
      timeoutMs,
    );
  } catch (e) {
    await card.close();
    throw e;
  }
  const certificate = bytesOf(opened.certificate);
  const keyType = opened.keyType;
  let chain: Uint8Array[];
  try {
    chain = issuerPath(certificate, opened.others.map(bytesOf));
  } catch (e) {
    await card.close();
    throw e;
  }

  let closed = false;
  let idle: NodeJS.Timeout | undefined;
  const close = async () => {
    if (closed) return;
    closed = true;
    clearTimeout(idle);
    await queue;
    await card.close();
  };
  // An open signer nobody uses does not keep a card process (and the card's login) alive.
  const restartIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => void close(), IDLE_TIMEOUT_MS);
    idle.unref();
  };
  restartIdle();

  const signOnce = async (data: Uint8Array): Promise<Uint8Array> => {
    if (closed) throw signingErrors.signingFailed({ why: 'cardSessionClosed' });
    restartIdle();
    const digest = createHash('sha256').update(data).digest('base64');
    const { signature } = await card.request('sign', { digest }, timeoutMs);
    const raw = bytesOf(signature);
    if (raw.length > MAX_SIGNATURE_BYTES || (keyType === 'ECDSA' && raw.length % 2 !== 0)) throw new DomainError('PKCS11_WORKER_FAILED', { why: 'protocol' });
    return keyType === 'ECDSA' ? ecdsaRawToDer(raw) : raw;
  };
  // One operation at a time per session (PKCS#11 §5.2).
  let queue: Promise<unknown> = Promise.resolve();
  return {
    certificate,
    chain,
    keyType,
    sign(data) {
      const result = queue.then(() => signOnce(data));
      queue = result.catch(() => undefined);
      return result;
    },
    close,
  };
}
