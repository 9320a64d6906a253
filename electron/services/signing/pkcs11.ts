// A signer on a smart card or other PKCS#11 token (issue 6: the director may sign with a card),
// through the card vendor's PKCS#11 module loaded with pkcs11js. The key never leaves the card:
// RSA signs with CKM_SHA256_RSA_PKCS (or CKM_RSA_PKCS over a DigestInfo), ECDSA with CKM_ECDSA
// over a SHA-256 hash made here.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type * as Pkcs11 from 'pkcs11js';
import { issuerPath } from './certificatePaths';
import { parseCertificate } from './certificates';
import { sequence, unsignedInteger } from './der';
import type { Signer, SignerKeyType } from './signer';
import { SigningError, signingErrors } from './signingErrors';

export interface Pkcs11Options {
  /** The vendor's PKCS#11 library (.so, .dll, .dylib). */
  modulePath: string;
  pin: string;
  /** Which token, when several are present. */
  tokenLabel?: string;
  /** Which private key (CKA_LABEL); without it, the one whose certificate is for non-repudiation. */
  keyLabel?: string;
}

type Module = Pkcs11.PKCS11;

/**
 * The native binding, loaded at the first use of a card: the app starts (and signs with PKCS#12
 * files) even where the native module cannot load, and a card then fails with its own message.
 */
let pkcs11js: typeof Pkcs11;

async function loadBinding(modulePath: string): Promise<void> {
  if (pkcs11js !== undefined) return;
  try {
    const binding = (await import('pkcs11js')) as typeof Pkcs11 & { default?: typeof Pkcs11 };
    pkcs11js = binding.default ?? binding;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    throw signingErrors.pkcs11ModuleMissing(modulePath, { why: 'subsystem', detail: text });
  }
}
type Handle = Buffer;

/** Enough for an RSA-8192 signature or a P-521 r||s. */
const MAX_SIGNATURE_BYTES = 1024;

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1), for tokens that only offer raw CKM_RSA_PKCS. */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** A token this process is logged in to: the PIN that did it (hashed) and the sessions sharing it. */
interface Login {
  pinHash: Buffer;
  sessions: number;
}

interface LoadedModule {
  module: Module;
  users: number;
  /** False when something else in the process had initialised the module already. */
  finalize: boolean;
  /**
   * PKCS#11 logs an application in per token, not per session: signers on one token share a
   * login, which ends (C_Logout) when the last of them closes. Keyed by slot.
   */
  logins: Map<string, Login>;
}

/**
 * Modules loaded in this process and how many signers use each: a module is initialised once
 * and finalised when its last signer closes (a second C_Initialize would fail, and finalising
 * under another signer would end its session).
 */
const loadedModules = new Map<string, LoadedModule>();

function codeOf(error: unknown): number | null {
  return error instanceof pkcs11js.Pkcs11Error ? error.code : null;
}

function acquireModule(modulePath: string): LoadedModule {
  const existing = loadedModules.get(modulePath);
  if (existing) {
    existing.users++;
    return existing;
  }
  if (!existsSync(modulePath)) {
    throw signingErrors.pkcs11ModuleMissing(modulePath, { why: 'fileMissing' });
  }
  const module = new pkcs11js.PKCS11();
  try {
    module.load(modulePath);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    throw signingErrors.pkcs11ModuleMissing(modulePath, { why: 'notPkcs11', detail: text });
  }
  let finalize = true;
  try {
    // Signing runs on a worker thread (C_SignAsync): the module must lock for itself.
    module.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
  } catch (e) {
    if (codeOf(e) === pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      finalize = false;
    } else {
      module.close();
      const text = e instanceof Error ? e.message : String(e);
      throw signingErrors.pkcs11ModuleMissing(modulePath, { why: 'initFailed', detail: text });
    }
  }
  const entry: LoadedModule = { module, users: 1, finalize, logins: new Map() };
  loadedModules.set(modulePath, entry);
  return entry;
}

function releaseModule(modulePath: string): void {
  const entry = loadedModules.get(modulePath);
  if (!entry || --entry.users > 0) return;
  loadedModules.delete(modulePath);
  try {
    if (entry.finalize) entry.module.C_Finalize();
  } finally {
    entry.module.close();
  }
}

function findObjects(module: Module, session: Handle, template: Pkcs11.Template): Handle[] {
  module.C_FindObjectsInit(session, template);
  try {
    const found: Handle[] = [];
    for (let batch = module.C_FindObjects(session, 32); batch.length > 0; batch = module.C_FindObjects(session, 32)) {
      found.push(...batch);
    }
    return found;
  } finally {
    module.C_FindObjectsFinal(session);
  }
}

function attributeOf(module: Module, session: Handle, object: Handle, type: number): Buffer {
  const [result] = module.C_GetAttributeValue(session, object, [{ type }]);
  return result?.value ?? Buffer.alloc(0);
}

/** A CK_ULONG attribute, in the machine's byte order (little-endian on every platform we ship). */
function ulongAttributeOf(module: Module, session: Handle, object: Handle, type: number): number {
  const value = attributeOf(module, session, object, type);
  return value.length === 0 ? -1 : value.readUIntLE(0, Math.min(value.length, 6));
}

function certificatesOnToken(module: Module, session: Handle, id?: Buffer): Buffer[] {
  const template: Pkcs11.Template = [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }];
  if (id) template.push({ type: pkcs11js.CKA_ID, value: id });
  return findObjects(module, session, template).map((object) => attributeOf(module, session, object, pkcs11js.CKA_VALUE));
}

function withSession<T>(module: Module, slot: Handle, use: (session: Handle) => T): T {
  const session = module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
  try {
    return use(session);
  } finally {
    module.C_CloseSession(session);
  }
}

/** The slot of an initialised token (named `tokenLabel`); among several, the first holding a certificate. */
function chooseSlot(module: Module, tokenLabel?: string): Handle {
  const tokens = module
    .C_GetSlotList(true)
    .map((slot) => ({ slot, info: module.C_GetTokenInfo(slot) }))
    .filter(({ info }) => (info.flags & pkcs11js.CKF_TOKEN_INITIALIZED) !== 0)
    .filter(({ info }) => tokenLabel === undefined || info.label.trim() === tokenLabel.trim());
  const [first] = tokens;
  if (!first) throw signingErrors.tokenMissing(tokenLabel);
  if (tokens.length === 1) return first.slot;
  const holdingCertificate = tokens.find(({ slot }) => withSession(module, slot, (session) => certificatesOnToken(module, session).length > 0));
  return (holdingCertificate ?? first).slot;
}

/** Read at use: the binding is loaded with the first card. */
const PIN_REFUSALS = (): ReadonlySet<number> => new Set([pkcs11js.CKR_PIN_INCORRECT, pkcs11js.CKR_PIN_INVALID, pkcs11js.CKR_PIN_LEN_RANGE]);

interface OpenSession {
  modulePath: string;
  entry: LoadedModule;
  slot: Handle;
  session: Handle;
  /** This session counts in the token's login (see LoadedModule.logins). */
  loggedIn: boolean;
}

const hashPin = (pin: string) => createHash('sha256').update(pin, 'utf8').digest();

/**
 * Logs in to the token in `slot`, or joins this process's login to it. A token has one user PIN
 * and the login proved it, so a different PIN is wrong without asking the card (and without
 * spending one of its tries).
 */
function login(entry: LoadedModule, slot: Handle, session: Handle, pin: string): void {
  const { module } = entry;
  const key = slot.toString('hex');
  const existing = entry.logins.get(key);
  if (existing) {
    if (!existing.pinHash.equals(hashPin(pin))) throw signingErrors.pinIncorrect(false);
    existing.sessions++;
    return;
  }
  const flags = module.C_GetTokenInfo(slot).flags;
  if (flags & pkcs11js.CKF_USER_PIN_LOCKED) throw signingErrors.pinLocked();
  // A reader with its own PIN pad takes the PIN there.
  const pinPad = pin === '' && (flags & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0;
  try {
    module.C_Login(session, pkcs11js.CKU_USER, pinPad ? undefined : pin);
  } catch (e) {
    throw pinRefusal(module, slot, e);
  }
  entry.logins.set(key, { pinHash: hashPin(pin), sessions: 1 });
}

/** A failed C_Login as the user should see it: a wrong, locked or expired PIN, or the card's error. */
function pinRefusal(module: Module, slot: Handle, error: unknown): unknown {
  const code = codeOf(error);
  if (code !== null && PIN_REFUSALS().has(code)) {
    const flags = module.C_GetTokenInfo(slot).flags;
    if (flags & pkcs11js.CKF_USER_PIN_LOCKED) return signingErrors.pinLocked();
    return signingErrors.pinIncorrect((flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) !== 0);
  }
  if (code === pkcs11js.CKR_PIN_LOCKED) return signingErrors.pinLocked();
  if (code === pkcs11js.CKR_PIN_EXPIRED) return signingErrors.pinExpired();
  return error;
}

/** Ends this signer's part: the session, and the login when it was the last on the token. */
function endSession({ entry, slot, session, loggedIn }: OpenSession): void {
  const key = slot.toString('hex');
  const login = entry.logins.get(key);
  const steps: (() => void)[] = [];
  if (loggedIn && login && --login.sessions === 0) {
    entry.logins.delete(key);
    steps.push(() => entry.module.C_Logout(session));
  }
  steps.push(() => entry.module.C_CloseSession(session));
  for (const step of steps) {
    try {
      step();
    } catch {
      // Logged out or closed already (the card was pulled): nothing is left to release.
    }
  }
}

interface TokenKey {
  handle: Handle;
  keyType: SignerKeyType;
  certificate: Uint8Array;
  /** CKA_ALWAYS_AUTHENTICATE: the card asks for the PIN again for every signature (qualified keys). */
  alwaysAuthenticate: boolean;
}

function keyTypeOf(ckk: number): SignerKeyType {
  if (ckk === pkcs11js.CKK_RSA) return 'RSA';
  if (ckk === pkcs11js.CKK_EC) return 'ECDSA';
  throw signingErrors.keyUnsupported(`CKK ${ckk}`);
}

function isForNonRepudiation(certificate: Uint8Array): boolean {
  try {
    return parseCertificate(certificate).keyUsage?.includes('nonRepudiation') ?? false;
  } catch {
    return false;
  }
}

/** A private key (labelled `keyLabel`) with the certificate of the same CKA_ID. */
function findSigningKey(module: Module, session: Handle, keyLabel?: string): TokenKey {
  const template: Pkcs11.Template = [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }];
  if (keyLabel !== undefined) template.push({ type: pkcs11js.CKA_LABEL, value: keyLabel });
  const candidates = findObjects(module, session, template).flatMap((handle) => {
    const [certificate] = certificatesOnToken(module, session, attributeOf(module, session, handle, pkcs11js.CKA_ID));
    return certificate ? [{ handle, certificate: new Uint8Array(certificate), ckk: ulongAttributeOf(module, session, handle, pkcs11js.CKA_KEY_TYPE) }] : [];
  });
  // A national ID card holds an authentication key and a signing key: prefer the signing one.
  const chosen = candidates.find((candidate) => isForNonRepudiation(candidate.certificate)) ?? candidates[0];
  if (!chosen) throw signingErrors.keyNotFound(keyLabel);
  const alwaysAuthenticate = attributeOf(module, session, chosen.handle, pkcs11js.CKA_ALWAYS_AUTHENTICATE);
  return {
    handle: chosen.handle,
    certificate: chosen.certificate,
    keyType: keyTypeOf(chosen.ckk),
    alwaysAuthenticate: (alwaysAuthenticate[0] ?? 0) !== 0,
  };
}

/** How the token signs: the mechanism, what it is given, and how its output becomes our signature. */
interface SigningPlan {
  mechanism: number;
  input(data: Uint8Array): Buffer;
  output(raw: Buffer): Uint8Array;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

function signingPlan(module: Module, slot: Handle, keyType: SignerKeyType): SigningPlan {
  const mechanisms = module.C_GetMechanismList(slot);
  if (keyType === 'ECDSA') {
    return { mechanism: pkcs11js.CKM_ECDSA, input: sha256, output: ecdsaRawToDer };
  }
  if (mechanisms.includes(pkcs11js.CKM_SHA256_RSA_PKCS)) {
    return { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS, input: (data) => Buffer.from(data), output: (raw) => new Uint8Array(raw) };
  }
  return {
    mechanism: pkcs11js.CKM_RSA_PKCS,
    input: (data) => Buffer.concat([SHA256_DIGEST_INFO_PREFIX, sha256(data)]),
    output: (raw) => new Uint8Array(raw),
  };
}

/** PKCS#11 gives ECDSA as r || s; CMS wants Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }. */
function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

const TOKEN_GONE = (): ReadonlySet<number> =>
  new Set([
  pkcs11js.CKR_TOKEN_NOT_PRESENT,
  pkcs11js.CKR_DEVICE_REMOVED,
  pkcs11js.CKR_TOKEN_NOT_RECOGNIZED,
  pkcs11js.CKR_SESSION_CLOSED,
  pkcs11js.CKR_SESSION_HANDLE_INVALID,
]);

/** A card error as the user should see it. */
function asSigningError(error: unknown): SigningError {
  if (error instanceof SigningError) return error;
  const code = codeOf(error);
  if (code !== null && TOKEN_GONE().has(code)) return signingErrors.tokenMissing();
  const text = error instanceof Error ? error.message : String(error);
  return signingErrors.signingFailed({ why: 'card', detail: text });
}

/**
 * For a key with CKA_ALWAYS_AUTHENTICATE, the PIN again for the signing operation just started
 * (CKU_CONTEXT_SPECIFIC). If the card refuses it, a C_Sign that fails ends the operation, so that
 * the next signature can start.
 */
function authenticateOperation(open: OpenSession, pin: string): void {
  const { module } = open.entry;
  try {
    module.C_Login(open.session, pkcs11js.CKU_CONTEXT_SPECIFIC, pin);
  } catch (e) {
    try {
      module.C_Sign(open.session, Buffer.alloc(0), Buffer.alloc(MAX_SIGNATURE_BYTES));
    } catch {
      // Expected: the operation ends with CKR_USER_NOT_LOGGED_IN.
    }
    throw pinRefusal(module, open.slot, e);
  }
}

function tokenSigner(open: OpenSession, key: TokenKey, plan: SigningPlan, chain: Uint8Array[], pin: string): Signer {
  const { module } = open.entry;
  let closed = false;
  // One operation at a time per session (PKCS#11 §5.2).
  let queue: Promise<unknown> = Promise.resolve();
  const signOnce = async (data: Uint8Array): Promise<Uint8Array> => {
    if (closed) throw signingErrors.signingFailed({ why: 'cardSessionClosed' });
    try {
      module.C_SignInit(open.session, { mechanism: plan.mechanism }, key.handle);
      if (key.alwaysAuthenticate) authenticateOperation(open, pin);
      return plan.output(await module.C_SignAsync(open.session, plan.input(data), Buffer.alloc(MAX_SIGNATURE_BYTES)));
    } catch (e) {
      throw asSigningError(e);
    }
  };
  return {
    certificate: key.certificate,
    chain,
    keyType: key.keyType,
    sign(data) {
      const result = queue.then(() => signOnce(data));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      endSession(open);
      releaseModule(open.modulePath);
    },
  };
}

/**
 * Opens the signing key on a PKCS#11 token. Throws SigningError: PKCS11_MODULE_MISSING,
 * TOKEN_MISSING, PIN_INCORRECT, PIN_LOCKED, PIN_EXPIRED, KEY_NOT_FOUND, KEY_UNSUPPORTED,
 * SIGNING_FAILED. Whatever fails, nothing stays open.
 */
export async function openPkcs11(options: Pkcs11Options): Promise<Signer> {
  await loadBinding(options.modulePath);
  const entry = acquireModule(options.modulePath);
  const { module } = entry;
  let opened: OpenSession | null = null;
  try {
    const slot = chooseSlot(module, options.tokenLabel);
    opened = { modulePath: options.modulePath, entry, slot, session: module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION), loggedIn: false };
    login(entry, slot, opened.session, options.pin);
    opened.loggedIn = true;
    const key = findSigningKey(module, opened.session, options.keyLabel);
    const others = certificatesOnToken(module, opened.session).map((der) => new Uint8Array(der));
    return tokenSigner(opened, key, signingPlan(module, slot, key.keyType), issuerPath(key.certificate, others), options.pin);
  } catch (e) {
    if (opened) endSession(opened);
    releaseModule(options.modulePath);
    throw asSigningError(e);
  }
}
