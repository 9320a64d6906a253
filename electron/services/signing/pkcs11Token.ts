// A smart card or other PKCS#11 token (issue 6: the director may sign with a card), through the card
// vendor's PKCS#11 module loaded with pkcs11js. Issue 16: this file runs only in the card's own
// process (pkcs11Worker.ts), never in the one holding the data key; the app reaches it through
// pkcs11.ts. The key never leaves the card: it signs a SHA-256 digest, RSA with CKM_RSA_PKCS over
// the DigestInfo, ECDSA with CKM_ECDSA.
import type * as Pkcs11 from 'pkcs11js';
import { parseCertificate } from './certificates';
import { MAX_SIGNATURE_BYTES } from './pkcs11Protocol';
import type { SignerKeyType } from './signer';
import { SigningError, signingErrors } from './signingErrors';

type Module = Pkcs11.PKCS11;
type Handle = Buffer;

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1): CKM_RSA_PKCS signs it with the digest. */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The native binding, loaded at the first use of a card: a card then fails with its own message
 * where the binding cannot load.
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

function codeOf(error: unknown): number | null {
  return error instanceof pkcs11js.Pkcs11Error ? error.code : null;
}

/** The module this process loaded: one per process, which ends with it. */
interface LoadedModule {
  module: Module;
  /** False when the module had been initialised already (it is then not finalised here). */
  finalize: boolean;
}

let loaded: { path: string; entry: LoadedModule } | null = null;

/** Loads and initialises the module at `modulePath` (the real path pkcs11ModulePath.ts checked). */
async function loadModule(modulePath: string): Promise<Module> {
  await loadBinding(modulePath);
  if (loaded) {
    if (loaded.path === modulePath) return loaded.entry.module;
    throw signingErrors.signingFailed({ why: 'card', detail: 'another module is loaded in this process' });
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
  loaded = { path: modulePath, entry: { module, finalize } };
  return module;
}

/** Finalises and unloads the module, if one is loaded. */
export function unloadModule(): void {
  if (!loaded) return;
  const { entry } = loaded;
  loaded = null;
  try {
    if (entry.finalize) entry.module.C_Finalize();
  } catch {
    // The card was pulled or the module is already broken: the process ends anyway.
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

/** Logs in to the token; a reader with its own PIN pad takes the PIN there. */
function login(module: Module, slot: Handle, session: Handle, pin: string): void {
  const flags = module.C_GetTokenInfo(slot).flags;
  if (flags & pkcs11js.CKF_USER_PIN_LOCKED) throw signingErrors.pinLocked();
  const pinPad = pin === '' && (flags & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0;
  try {
    module.C_Login(session, pkcs11js.CKU_USER, pinPad ? undefined : pin);
  } catch (e) {
    throw pinRefusal(module, slot, e);
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

const TOKEN_GONE = (): ReadonlySet<number> =>
  new Set([
    pkcs11js.CKR_TOKEN_NOT_PRESENT,
    pkcs11js.CKR_DEVICE_REMOVED,
    pkcs11js.CKR_TOKEN_NOT_RECOGNIZED,
    pkcs11js.CKR_SESSION_CLOSED,
    pkcs11js.CKR_SESSION_HANDLE_INVALID,
  ]);

/** A card error as the user should see it. */
export function asSigningError(error: unknown): SigningError {
  if (error instanceof SigningError) return error;
  const code = pkcs11js === undefined ? null : codeOf(error);
  if (code !== null && TOKEN_GONE().has(code)) return signingErrors.tokenMissing();
  const text = error instanceof Error ? error.message : String(error);
  return signingErrors.signingFailed({ why: 'card', detail: text });
}

/** The certificates on the token (public objects, read without the PIN). */
export async function tokenCertificates(modulePath: string, tokenLabel?: string): Promise<Uint8Array[]> {
  const module = await loadModule(modulePath);
  try {
    const slot = chooseSlot(module, tokenLabel);
    return withSession(module, slot, (session) => certificatesOnToken(module, session).map((der) => new Uint8Array(der)));
  } catch (e) {
    throw asSigningError(e);
  }
}

/** The key the PIN opened: its certificate, the token's other certificates, and how it signs a digest. */
export interface OpenTokenKey {
  keyType: SignerKeyType;
  certificate: Uint8Array;
  others: Uint8Array[];
  /** RSA: the PKCS#1 v1.5 signature of the digest; ECDSA: r || s. */
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
  /** Logs out and closes the session. */
  close(): void;
}

/**
 * Opens the signing key on the token: chooses the slot, logs in with the PIN, finds the key. Throws
 * SigningError: PKCS11_MODULE_MISSING, TOKEN_MISSING, PIN_INCORRECT, PIN_LOCKED, PIN_EXPIRED,
 * KEY_NOT_FOUND, KEY_UNSUPPORTED, SIGNING_FAILED. Whatever fails, the session is closed.
 */
export async function openTokenKey(options: { modulePath: string; pin: string; tokenLabel?: string; keyLabel?: string }): Promise<OpenTokenKey> {
  const module = await loadModule(options.modulePath);
  let session: Handle | null = null;
  let loggedIn = false;
  const end = () => {
    const steps = [...(loggedIn ? [() => module.C_Logout(session!)] : []), () => module.C_CloseSession(session!)];
    for (const step of steps) {
      try {
        step();
      } catch {
        // Logged out or closed already (the card was pulled): nothing is left to release.
      }
    }
  };
  try {
    const slot = chooseSlot(module, options.tokenLabel);
    session = module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    login(module, slot, session, options.pin);
    loggedIn = true;
    const key = findSigningKey(module, session, options.keyLabel);
    if (key.keyType === 'RSA' && !module.C_GetMechanismList(slot).includes(pkcs11js.CKM_RSA_PKCS)) {
      throw signingErrors.keyUnsupported('RSA without CKM_RSA_PKCS');
    }
    const others = certificatesOnToken(module, session).map((der) => new Uint8Array(der));
    const open = session;
    let closed = false;
    return {
      keyType: key.keyType,
      certificate: key.certificate,
      others,
      async signDigest(digest) {
        if (closed) throw signingErrors.signingFailed({ why: 'cardSessionClosed' });
        const mechanism = key.keyType === 'ECDSA' ? pkcs11js.CKM_ECDSA : pkcs11js.CKM_RSA_PKCS;
        const input = key.keyType === 'ECDSA' ? Buffer.from(digest) : Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]);
        try {
          module.C_SignInit(open, { mechanism }, key.handle);
          if (key.alwaysAuthenticate) authenticateOperation(module, slot, open, options.pin);
          return new Uint8Array(await module.C_SignAsync(open, input, Buffer.alloc(MAX_SIGNATURE_BYTES)));
        } catch (e) {
          throw asSigningError(e);
        }
      },
      close() {
        if (closed) return;
        closed = true;
        end();
      },
    };
  } catch (e) {
    if (session) end();
    throw asSigningError(e);
  }
}

/**
 * For a key with CKA_ALWAYS_AUTHENTICATE, the PIN again for the signing operation just started
 * (CKU_CONTEXT_SPECIFIC). If the card refuses it, a C_Sign that fails ends the operation, so that
 * the next signature can start.
 */
function authenticateOperation(module: Module, slot: Handle, session: Handle, pin: string): void {
  try {
    module.C_Login(session, pkcs11js.CKU_CONTEXT_SPECIFIC, pin);
  } catch (e) {
    try {
      module.C_Sign(session, Buffer.alloc(0), Buffer.alloc(MAX_SIGNATURE_BYTES));
    } catch {
      // Expected: the operation ends with CKR_USER_NOT_LOGGED_IN.
    }
    throw pinRefusal(module, slot, e);
  }
}
