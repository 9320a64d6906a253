// Issue 16: the process that runs the smart-card (PKCS#11) module, apart from the one holding the
// data key. pkcs11.ts starts it for one card operation (Node's child_process.fork, or Electron's
// utilityProcess in the desktop app) with a bare environment, and ends it after use. It answers
// the requests of pkcs11Protocol.ts and nothing else: list the token's certificates, open the key
// with the PIN, sign a digest, close. The module path is checked again here, just before the load.
import { DomainError } from '../../../shared/domain/errors';
import { checkModulePath } from './pkcs11ModulePath';
import { MAX_MESSAGE_CHARS, workerRequest, type WorkerAnswer, type WorkerRequest } from './pkcs11Protocol';
import { asSigningError, openTokenKey, tokenCertificates, unloadModule, type OpenTokenKey } from './pkcs11Token';

/** The channel to the app: Electron's parentPort in a utility process, Node's IPC otherwise. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

function send(answer: WorkerAnswer, then?: () => void): void {
  if (parentPort) {
    parentPort.postMessage(answer);
    if (then) setImmediate(then);
  } else if (process.send) {
    process.send(answer, undefined, {}, () => then?.());
  }
}

function onMessage(listener: (message: unknown) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data));
  else process.on('message', listener);
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let key: OpenTokenKey | null = null;

/** Ends the process after releasing the card. */
function finish(code: number): never {
  try {
    key?.close();
    unloadModule();
  } finally {
    process.exit(code);
  }
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'list': {
      const certificates = await tokenCertificates(checkModulePath(request.modulePath), request.tokenLabel);
      return { certificates: certificates.map(b64) };
    }
    case 'open': {
      // One key per process: the app starts a worker for each signer.
      if (key) throw asSigningError(new Error('a key is already open in this process'));
      const opened = await openTokenKey({
        modulePath: checkModulePath(request.modulePath),
        pin: request.pin,
        ...(request.tokenLabel !== undefined ? { tokenLabel: request.tokenLabel } : {}),
        ...(request.keyLabel !== undefined ? { keyLabel: request.keyLabel } : {}),
      });
      key = opened;
      return { keyType: opened.keyType, certificate: b64(opened.certificate), others: opened.others.map(b64) };
    }
    case 'sign': {
      if (!key) throw asSigningError(new Error('no key is open'));
      return { signature: b64(await key.signDigest(Buffer.from(request.digest, 'base64'))) };
    }
    case 'close':
      return {};
  }
}

/** A refusal as it travels: the code and parameters of a DomainError, or the card's failure. */
function refusalOf(error: unknown): { code: string; params: Record<string, unknown> } {
  const known = error instanceof DomainError && error.params !== undefined ? error : asSigningError(error);
  return { code: known.code, params: { ...known.params } };
}

// Requests are served one at a time, in order: a card does one operation per session.
let queue: Promise<void> = Promise.resolve();

onMessage((message) => {
  const parsed = workerRequest.safeParse(message);
  if (!parsed.success || JSON.stringify(message).length > MAX_MESSAGE_CHARS) {
    // Only the app talks to this process: anything else is not answered, and ends it.
    finish(2);
  }
  const request = parsed.data!;
  queue = queue.then(async () => {
    let answer: WorkerAnswer;
    try {
      answer = { id: request.id, ok: true, value: await handle(request) };
    } catch (e) {
      answer = { id: request.id, ok: false, error: refusalOf(e) };
    }
    send(answer, request.op === 'close' ? () => finish(0) : undefined);
  });
});

// The app went away (Node): nothing is left to serve.
process.on('disconnect', () => finish(0));
