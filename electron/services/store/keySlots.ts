// The data key's slots (issue 16, "keys you cannot lose"). The data directory's files are sealed
// under one random data key (encryption.ts); keys.json holds that key only wrapped, once per slot,
// as LUKS does: the operating system's secret store of each enrolled workstation ('os'), a
// passphrase, and a recovery key shown once at first setup (to print and keep in a safe). Each slot
// alone opens the directory; adding or removing one needs the data key, that is, another slot's
// secret. Before issue 16 keys.json (version 1) held one wrapping, by a passphrase (browser host,
// command line) or by the OS store (desktop), and a new profile or a new computer lost every case.
//
// Version 2 adds an id, when it was added and, for an 'os' slot, which computer and OS user it
// belongs to. Version 1 is read as version 2 in memory (its wrappings kept as they are, with ids
// derived from them) and written as version 2 at the first slot change; every write replaces the
// file atomically (writeFileDurable), so that a crash leaves either the old or the new file.
//
// What removing a slot does not do: change the data key. Someone who copied keys.json while a slot
// was there and knows that slot's secret can still unwrap the key from the copy; only re-encrypting
// the directory under a new key would stop that (not done here).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../../shared/domain/errors';
import { readFileIfExists, writeFileDurable } from './durableFile';

/** The computer and the OS user an 'os' slot belongs to, as the slot list shows them. */
export interface Workstation {
  computer: string;
  user: string;
}

/** The OS secret store of this workstation (Electron safeStorage on the desktop). */
export interface OsKeyProvider {
  kind: 'os';
  wrap(key: Buffer): Promise<Buffer>;
  unwrap(blob: Buffer): Promise<Buffer>;
  /** Which computer and user this store is: written on the slot it wraps. */
  workstation?: Workstation;
}

/** What unlocks the data key: a passphrase, the recovery key (as typed), or the OS secret store. */
export type KeyProvider = { kind: 'passphrase'; passphrase: string } | { kind: 'recovery'; recoveryKey: string } | OsKeyProvider;

export const KEYS_FILE = 'keys.json';
export const MIN_PASSPHRASE_LENGTH = 10;
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** scrypt cost for new wrappings: about 100 ms and 32 MiB once per start. Kept per wrapping in keys.json. */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
/** Stored costs above these are refused rather than run (a planted keys.json must not exhaust the machine). */
const SCRYPT_LIMITS = { N: 2 ** 20, r: 32, p: 4, memory: 1024 ** 3 } as const;

// ---- The recovery key -------------------------------------------------------------------------------
//
// 128 random bits written as 8 groups of 6 digits, as BitLocker writes its recovery password: each
// group is 11 × a 16-bit number (0…65535), so each group is its own check. A number changes by
// ±d·10^k when one digit changes by d, and 10^k is ±1 modulo 11: any single wrong digit, and any two
// neighbouring digits swapped, leave a group that is not a multiple of 11, caught (with the group
// named) before the slow key derivation runs. Shown as 123456-234567-… ; typed with or without the
// dashes or spaces.

export const RECOVERY_GROUPS = 8;
const GROUP_DIGITS = 6;

/** A new recovery key, as the administrator writes it down. */
export function newRecoveryKey(): string {
  return Array.from({ length: RECOVERY_GROUPS }, () => String(randomInt(0, 65536) * 11).padStart(GROUP_DIGITS, '0')).join('-');
}

/** Whether `text` is written like a recovery key (48 digits, with dashes or spaces or none), right or mistyped. */
export function looksLikeRecoveryKey(text: string): boolean {
  return /^[\d\s-]+$/.test(text) && text.replace(/\D/g, '').length === RECOVERY_GROUPS * GROUP_DIGITS;
}

/**
 * The recovery key in its one written form (groups joined by '-'), from what was typed; throws
 * RECOVERY_KEY_MALFORMED (not 48 digits) or RECOVERY_KEY_MISTYPED with the first group whose
 * check fails.
 */
export function parseRecoveryKey(text: string): string {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d*$/.test(digits) || digits.length !== RECOVERY_GROUPS * GROUP_DIGITS) {
    throw new DomainError('RECOVERY_KEY_MALFORMED', { groups: RECOVERY_GROUPS, digits: GROUP_DIGITS });
  }
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_GROUPS; g++) {
    const group = digits.slice(g * GROUP_DIGITS, (g + 1) * GROUP_DIGITS);
    const n = Number(group);
    if (n % 11 !== 0 || n / 11 > 65535) throw new DomainError('RECOVERY_KEY_MISTYPED', { group: g + 1 });
    groups.push(group);
  }
  return groups.join('-');
}

// ---- keys.json ----------------------------------------------------------------------------------------

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const slotId = z.string().regex(/^[0-9a-f]{8,32}$/);
const scryptFields = {
  kdf: z.literal('scrypt'),
  salt: base64,
  N: z.number().int().min(2).max(SCRYPT_LIMITS.N).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(SCRYPT_LIMITS.r),
  p: z.number().int().min(1).max(SCRYPT_LIMITS.p),
  iv: base64,
  tag: base64,
  wrappedKey: base64,
};
const affordable = (w: ScryptCost) => scryptMemory(w) <= SCRYPT_LIMITS.memory;
const label = z.string().max(255);
const when = z.string().max(40);

const passphraseWrapping = z.object({ kind: z.literal('passphrase'), ...scryptFields }).refine(affordable, 'scrypt cost too high');
const osWrapping = z.object({ kind: z.literal('os'), blob: base64 });
const keyFileV1 = z.object({
  format: z.literal('pusiaukele-keys'),
  version: z.literal(1),
  /** HMAC of a fixed text under the data key: tells the right key from any other 32 bytes. */
  check: base64,
  wrappings: z.array(z.discriminatedUnion('kind', [passphraseWrapping, osWrapping])).min(1),
});
type WrappingV1 = z.infer<typeof keyFileV1>['wrappings'][number];

const slotCommon = { id: slotId, addedAt: when.optional() };
const keySlot = z.discriminatedUnion('kind', [
  z.object({ ...slotCommon, kind: z.literal('passphrase'), ...scryptFields }).refine(affordable, 'scrypt cost too high'),
  z.object({ ...slotCommon, kind: z.literal('recovery'), ...scryptFields }).refine(affordable, 'scrypt cost too high'),
  z.object({ ...slotCommon, kind: z.literal('os'), blob: base64, computer: label.optional(), user: label.optional() }),
]);
const keyFileV2 = z.object({
  format: z.literal('pusiaukele-keys'),
  version: z.literal(2),
  check: base64,
  slots: z
    .array(keySlot)
    .min(1)
    .refine((slots) => new Set(slots.map((s) => s.id)).size === slots.length, 'slot ids repeat'),
});
type KeyFile = z.infer<typeof keyFileV2>;
type Slot = KeyFile['slots'][number];
export type SlotKind = Slot['kind'];

/** A slot as the slot list shows it: never its wrapped key. */
export interface KeySlotView {
  id: string;
  kind: SlotKind;
  /** When it was added (absent for the wrapping a version-1 keys.json held). */
  addedAt?: string;
  /** For an 'os' slot: the computer and OS user it was enrolled from (absent from version 1). */
  computer?: string;
  user?: string;
}

const b64 = (buf: Buffer) => buf.toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64');

function keyCheck(key: Buffer): string {
  return b64(createHmac('sha256', key).update('pusiaukele data key check').digest().subarray(0, 16));
}

/** Whether `key` is the data key `keys` was made for. */
function isDataKey(key: Buffer | undefined, keys: Pick<KeyFile, 'check'>): key is Buffer {
  const check = unb64(keys.check);
  return key?.length === KEY_BYTES && check.length === 16 && timingSafeEqual(unb64(keyCheck(key)), check);
}

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** The memory scrypt needs for a cost (what OpenSSL checks against maxmem). */
function scryptMemory({ N, r, p }: ScryptCost): number {
  return 128 * r * (N + 2 + p);
}

function deriveKey(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: scryptMemory(cost) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEY_BYTES, options, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

/** The secret a passphrase or recovery slot derives its key from; undefined for the OS store. */
function secretOf(provider: KeyProvider): string | undefined {
  if (provider.kind === 'passphrase') return provider.passphrase;
  if (provider.kind === 'recovery') return parseRecoveryKey(provider.recoveryKey);
  return undefined;
}

const newSlotId = () => randomBytes(6).toString('hex');

async function wrapKey(key: Buffer, provider: KeyProvider, addedAt: string): Promise<Slot> {
  const id = newSlotId();
  if (provider.kind === 'os') {
    const blob = b64(await provider.wrap(key));
    return { id, addedAt, kind: 'os', blob, ...(provider.workstation ? { computer: provider.workstation.computer, user: provider.workstation.user } : {}) };
  }
  const secret = secretOf(provider) as string;
  const salt = randomBytes(16);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(secret, salt, SCRYPT_COST), iv);
  const wrappedKey = Buffer.concat([cipher.update(key), cipher.final()]);
  return { id, addedAt, kind: provider.kind, kdf: 'scrypt', salt: b64(salt), ...SCRYPT_COST, iv: b64(iv), tag: b64(cipher.getAuthTag()), wrappedKey: b64(wrappedKey) };
}

/** The data key from one slot, or undefined when this provider's secret does not open it. */
async function unwrapSlot(slot: Slot, provider: KeyProvider, secret: string | undefined): Promise<Buffer | undefined> {
  try {
    if (slot.kind === 'os' && provider.kind === 'os') return await provider.unwrap(unb64(slot.blob));
    if (slot.kind !== 'os' && slot.kind === provider.kind && secret !== undefined) {
      const kek = await deriveKey(secret, unb64(slot.salt), slot);
      const decipher = createDecipheriv('aes-256-gcm', kek, unb64(slot.iv)).setAuthTag(unb64(slot.tag));
      return Buffer.concat([decipher.update(unb64(slot.wrappedKey)), decipher.final()]);
    }
  } catch {
    // a wrong passphrase fails GCM's check; the OS store refuses a blob it did not make
  }
  return undefined;
}

/** A version-1 wrapping as a slot: its id derived from its wrapped bytes, so that it stays the same until the upgrade writes it. */
function slotOfV1(w: WrappingV1): Slot {
  const id = createHash('sha256')
    .update(w.kind === 'os' ? w.blob : `${w.salt}:${w.wrappedKey}`)
    .digest('hex')
    .slice(0, 12);
  return { id, ...w };
}

function readKeyFile(root: string): KeyFile | undefined {
  const path = join(root, KEYS_FILE);
  const raw = readFileIfExists(path);
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    value = undefined;
  }
  const v2 = keyFileV2.safeParse(value);
  if (v2.success) return v2.data;
  const v1 = keyFileV1.safeParse(value);
  if (v1.success) {
    const slots = v1.data.wrappings.map(slotOfV1);
    // Two identical wrappings (never written by the app) would share an id: refused as any damage.
    if (new Set(slots.map((s) => s.id)).size === slots.length) return { format: 'pusiaukele-keys', version: 2, check: v1.data.check, slots };
  }
  throw new DomainError('KEY_FILE_DAMAGED', { path });
}

function writeKeyFile(root: string, keys: KeyFile): void {
  writeFileDurable(join(root, KEYS_FILE), JSON.stringify(keyFileV2.parse(keys), null, 2));
}

function keyFileMissing(root: string): DomainError {
  return new DomainError('KEY_FILE_MISSING', { path: join(root, KEYS_FILE) });
}

function viewOf(slot: Slot): KeySlotView {
  return {
    id: slot.id,
    kind: slot.kind,
    ...(slot.addedAt !== undefined ? { addedAt: slot.addedAt } : {}),
    ...(slot.kind === 'os' && slot.computer !== undefined ? { computer: slot.computer } : {}),
    ...(slot.kind === 'os' && slot.user !== undefined ? { user: slot.user } : {}),
  };
}

/** Whether the data directory already has a data key (when not, opening it creates one). */
export function hasDataKey(root: string): boolean {
  return existsSync(join(root, KEYS_FILE));
}

/** The slots of the directory's keys.json, without their secrets: readable without any (the labels are not secret). */
export function listSlots(root: string): KeySlotView[] {
  const keys = readKeyFile(root);
  if (keys === undefined) throw keyFileMissing(root);
  return keys.slots.map(viewOf);
}

function keyNotAvailable(provider: KeyProvider, keys: KeyFile): DomainError {
  const kinds = new Set(keys.slots.map((s) => s.kind));
  if (provider.kind === 'passphrase') return kinds.has('passphrase') ? new DomainError('WRONG_PASSPHRASE') : new DomainError('KEY_NOT_AVAILABLE', { why: 'keptBySecretStore' });
  if (provider.kind === 'recovery') return new DomainError('WRONG_RECOVERY_KEY');
  return new DomainError('KEY_NOT_AVAILABLE', { why: kinds.has('os') ? 'otherSecretStore' : 'keptByPassphrase' });
}

/** What opened the data key: the key, and the slot whose secret unwrapped it. */
export interface OpenedKey {
  key: Buffer;
  slot: KeySlotView;
}

/** The data key from keys.json and the slot that opened it; reads only, never writes. */
export async function openDataKey(root: string, provider: KeyProvider): Promise<OpenedKey> {
  return openWith(root, provider, readKeyFile(root));
}

async function openWith(root: string, provider: KeyProvider, keys: KeyFile | undefined): Promise<OpenedKey> {
  if (keys === undefined) throw keyFileMissing(root);
  // A mistyped recovery key is refused here, by its groups' checks, before any slow derivation.
  const secret = secretOf(provider);
  for (const slot of keys.slots) {
    const key = await unwrapSlot(slot, provider, secret);
    if (isDataKey(key, keys)) return { key, slot: viewOf(slot) };
  }
  throw keyNotAvailable(provider, keys);
}

/** The data key from keys.json, unwrapped by the provider; reads only, never writes. */
export async function unlockDataKey(root: string, provider: KeyProvider): Promise<Buffer> {
  return (await openDataKey(root, provider)).key;
}

/** A data key just made: `recoveryKey` is the recovery slot's secret, to be shown once and then forgotten. */
export interface CreatedKey extends OpenedKey {
  recoveryKey: string;
}

/**
 * A new random data key, wrapped for the provider and for a new recovery key, written to keys.json
 * (atomically). The two wrappings derive their keys at the same time (scrypt runs off the main
 * thread), so a new directory opens about as fast as before.
 */
export async function createDataKey(root: string, provider: KeyProvider, now: Date = new Date()): Promise<CreatedKey> {
  if (provider.kind === 'passphrase' && [...provider.passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new DomainError('PASSPHRASE_TOO_SHORT', { min: MIN_PASSPHRASE_LENGTH });
  }
  if (provider.kind === 'recovery') throw new DomainError('RECOVERY_KEY_NOT_FOR_NEW_DIRECTORY');
  const key = randomBytes(KEY_BYTES);
  const recoveryKey = newRecoveryKey();
  const at = now.toISOString();
  const [opening, recovery] = await Promise.all([wrapKey(key, provider, at), wrapKey(key, { kind: 'recovery', recoveryKey }, at)]);
  writeKeyFile(root, { format: 'pusiaukele-keys', version: 2, check: keyCheck(key), slots: [opening, recovery] });
  return { key, slot: viewOf(opening), recoveryKey };
}

// ---- Changing the slots -------------------------------------------------------------------------------
//
// Each change reads keys.json again, checks that `key` is its data key (the caller proved a slot's
// secret to get it), and writes the whole file at once. The directory's lock (one process at a time)
// keeps two changes from racing.

function keysFor(root: string, key: Buffer): KeyFile {
  const keys = readKeyFile(root);
  if (keys === undefined) throw keyFileMissing(root);
  if (!isDataKey(key, keys)) throw new DomainError('KEY_FILE_REPLACED');
  return keys;
}

/** A slot wrapped and not yet written (the slow part of a change, done before its audit entry). */
export type WrappedSlot = Slot;

/** The data key wrapped for `provider` (a passphrase, the recovery key, this workstation's OS store), not yet written. */
export async function wrapSlot(key: Buffer, provider: KeyProvider, now: Date = new Date()): Promise<WrappedSlot> {
  if (provider.kind === 'passphrase' && [...provider.passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new DomainError('PASSPHRASE_TOO_SHORT', { min: MIN_PASSPHRASE_LENGTH });
  }
  return wrapKey(key, provider, now.toISOString());
}

/** Writes a wrapped slot beside the others; a recovery slot takes the place of the old one (their ids returned as `removed`). */
export function commitSlot(root: string, key: Buffer, slot: WrappedSlot): { slot: KeySlotView; removed: string[] } {
  const keys = keysFor(root, key);
  const replaced: Slot[] = slot.kind === 'recovery' ? keys.slots.filter((s) => s.kind === 'recovery') : [];
  writeKeyFile(root, { ...keys, version: 2, slots: [...keys.slots.filter((s) => !replaced.includes(s)), slot] });
  return { slot: viewOf(slot), removed: replaced.map((s) => s.id) };
}

/** A new slot for `provider`, written at once (a new recovery key replaces the old one). */
export async function addSlot(root: string, key: Buffer, provider: KeyProvider, now: Date = new Date()): Promise<KeySlotView> {
  keysFor(root, key);
  return commitSlot(root, key, await wrapSlot(key, provider, now)).slot;
}

/** Removes slot `id`; never the last one (the directory would be lost for good). */
export function removeSlot(root: string, key: Buffer, id: string): KeySlotView {
  const keys = keysFor(root, key);
  const slot = keys.slots.find((s) => s.id === id);
  if (slot === undefined) throw new DomainError('KEY_SLOT_UNKNOWN', { id });
  if (keys.slots.length === 1) throw new DomainError('KEY_SLOT_LAST');
  writeKeyFile(root, { ...keys, version: 2, slots: keys.slots.filter((s) => s !== slot) });
  return viewOf(slot);
}

/** The OS slot this workstation's store opens, if any (undefined: this workstation is not enrolled). */
export async function slotOfWorkstation(root: string, key: Buffer, workstation: OsKeyProvider): Promise<KeySlotView | undefined> {
  const keys = keysFor(root, key);
  for (const slot of keys.slots) {
    if (slot.kind === 'os' && isDataKey(await unwrapSlot(slot, workstation, undefined), keys)) return viewOf(slot);
  }
  return undefined;
}

/** The provider when no host gave one: the passphrase in PUSIAUKELE_PASSPHRASE (or the recovery key in PUSIAUKELE_RECOVERY_KEY). */
export function environmentKey(env: NodeJS.ProcessEnv = process.env): KeyProvider {
  const passphrase = env.PUSIAUKELE_PASSPHRASE;
  if (passphrase) return { kind: 'passphrase', passphrase };
  const recoveryKey = env.PUSIAUKELE_RECOVERY_KEY;
  if (recoveryKey) return { kind: 'recovery', recoveryKey };
  throw new DomainError('KEY_REQUIRED', { why: 'notGiven' });
}

// ---- The key of an open directory ---------------------------------------------------------------

/**
 * What the services keep of the key that opened their directory: the slot changes need the data key
 * (to wrap it again) and which slot opened this run (not removed without confirmation). The
 * recovery key of a directory created by this run is kept in memory only until it is taken to be
 * shown, once, to the first administrator; it is never written in clear.
 */
export class KeyRing {
  private pendingRecoveryKey: string | undefined;

  constructor(
    readonly root: string,
    readonly key: Buffer,
    readonly openedBy: KeySlotView,
    recoveryKey?: string,
  ) {
    this.pendingRecoveryKey = recoveryKey;
  }

  /** The recovery key made with this directory's data key, the first time only; afterwards undefined. */
  takeRecoveryKey(): string | undefined {
    const taken = this.pendingRecoveryKey;
    this.pendingRecoveryKey = undefined;
    return taken;
  }

  /** Whether a recovery key made with the data key still waits to be shown. */
  hasPendingRecoveryKey(): boolean {
    return this.pendingRecoveryKey !== undefined;
  }
}

const rings = new WeakMap<object, KeyRing>();

/** Kept by openEncryption for the directory it opened (a DataDirectory). */
export function keepKeyRing(dir: object, ring: KeyRing): void {
  rings.set(dir, ring);
}

/** The key ring of a directory openEncryption opened; throws if it did not. */
export function keyRingOf(dir: object): KeyRing {
  const ring = rings.get(dir);
  if (ring === undefined) throw new Error('The data directory was not opened by openEncryption');
  return ring;
}
