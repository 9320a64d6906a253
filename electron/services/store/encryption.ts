// Encryption at rest (issue 3, "Data protection"): every file the store writes holds
// AES-256-GCM ciphertext under one random data key; keys.json holds that key only wrapped, by a
// passphrase (browser host, command line) or by the operating system's secret store (desktop).
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../../shared/domain/errors';
import type { SealProblem } from '../../../shared/domain/errorTexts';
import type { DataDirectory } from './dataDirectory';
import { readFileIfExists, writeFileDurable } from './durableFile';
import { encryptDataFiles } from './encryptionMigration';
import { jsonCodec, type Codec } from './jsonFile';

/** What unlocks the data key: a passphrase, or the OS secret store (Electron safeStorage). */
export type KeyProvider =
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'os'; wrap(key: Buffer): Promise<Buffer>; unwrap(blob: Buffer): Promise<Buffer> };

export const KEYS_FILE = 'keys.json';
export const MIN_PASSPHRASE_LENGTH = 10;

/** "PUS" and the format version: JSON never starts with it, so plain and sealed files are told apart. */
const HEADER = Buffer.from([0x50, 0x55, 0x53, 0x01]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** scrypt cost for new wrappings: about 100 ms and 32 MiB once per start. Kept per wrapping in keys.json. */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
/** Stored costs above these are refused rather than run (a planted keys.json must not exhaust the machine). */
const SCRYPT_LIMITS = { N: 2 ** 20, r: 32, p: 4, memory: 1024 ** 3 } as const;

const notEncrypted = () => new DomainError('DATA_NOT_ENCRYPTED');

const notAuthentic = () => new DomainError('DATA_NOT_AUTHENTIC');

/** Why a sealed record cannot be read, when `e` is the refusal of a sealing codec: a reason the stores show (cf. CASE_DAMAGED's reason). */
export function sealProblemOf(e: unknown): SealProblem | undefined {
  if (!(e instanceof DomainError)) return undefined;
  return e.code === 'DATA_NOT_ENCRYPTED' ? 'notEncrypted' : e.code === 'DATA_NOT_AUTHENTIC' ? 'notAuthentic' : undefined;
}

export function isEncrypted(bytes: Buffer): boolean {
  return bytes.length >= HEADER.length && bytes.subarray(0, HEADER.length).equals(HEADER);
}

/**
 * JSON sealed with AES-256-GCM: header, 12-byte random IV, ciphertext, 16-byte tag; the header is
 * authenticated too. Decoding anything altered, or sealed under another key, throws
 * DATA_NOT_AUTHENTIC; a file without the header throws DATA_NOT_ENCRYPTED, unless `acceptPlain`
 * (only while a migration rewrites the files).
 */
export function encryptingCodec(key: Buffer, options: { acceptPlain?: boolean } = {}): SealingCodec {
  if (key.length !== KEY_BYTES) throw new Error(`The data key must be ${KEY_BYTES} bytes`);
  return {
    blobs: blobSealer(key),
    encode(value) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(HEADER);
      const body = Buffer.concat([cipher.update(jsonCodec.encode(value)), cipher.final()]);
      return Buffer.concat([HEADER, iv, body, cipher.getAuthTag()]);
    },
    decode(bytes) {
      if (!isEncrypted(bytes)) {
        if (options.acceptPlain) return jsonCodec.decode(bytes);
        throw notEncrypted();
      }
      if (bytes.length < HEADER.length + IV_BYTES + TAG_BYTES) throw notAuthentic();
      const iv = bytes.subarray(HEADER.length, HEADER.length + IV_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(HEADER).setAuthTag(tag);
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(bytes.subarray(HEADER.length + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
      } catch {
        throw notAuthentic();
      }
      return jsonCodec.decode(plain);
    },
  };
}

// ---- Documents (issue 4): large binary content, sealed the same way ------------------------------
//
// Two formats, told apart by the header's fourth byte; both AES-256-GCM under the data key with a
// random 12-byte IV per file, laid out as header, IV, ciphertext, 16-byte tag:
//  - "PUS\x02" (issue 4, read only since issue 15): the additional authenticated data (AAD) is the
//    header followed by the SHA-256 of the content (hex), so the tag itself bound the file to its
//    content. That hash must be known before the first byte is sealed, which forced two passes over a
//    document (hash it, then seal it): fine in memory, twice the reading for a 50 MB file on disk.
//  - "PUS\x03" (issue 15, every new write): the AAD is the header alone, so a document is hashed and
//    sealed in the same pass, as it streams in (DocumentStore.putStream), its name chosen at the end.
// Why v3 loses nothing: the tag still proves that the header and every ciphertext byte were made
// under the data key and are unaltered (nobody without the key can make or alter a file that opens).
// What v2's AAD added was the binding of the file to the content it is stored for: a genuine file put
// under another document's name. That binding is now checked after decryption instead of by the tag:
// the file name is the keyed hash of the content's SHA-256 (blobName), and every read, of either
// format, hashes the plain bytes and refuses them unless that is the SHA-256 it was asked for
// (DocumentStore.read and openStream). A swapped file decrypts, then fails that check; a file with its
// header changed from 3 to 2 (or back) fails the tag, since the header is in the AAD of both. Stored
// content is addressed by its hash, so there is no older version of the same name to roll back to.
// In both formats GCM's tag is known good only at the end: a reader that streams receives the plain
// bytes before they are proven (see DocumentStore.openStream for what a consumer must do about that).

/** How a document's bytes are kept at rest (the dossier's PDFs and scans, V-77 p. 6). */
export interface BlobSealer {
  /** The file name for a content hash: keyed, so that names do not tell which document is there. */
  blobName(sha256: string): string;
  /**
   * Sealed bytes in chunks (header, IV, ciphertext…, tag), to be written without joining them; in the
   * current format (v3). `sha256` is not needed any more (v2 authenticated it); accepted so that
   * callers of the earlier signature keep working.
   */
  seal(plain: Uint8Array, sha256?: string): Buffer[];
  /** A seal made chunk by chunk (v3): write `head`, then what each `update` returns, then `final()`. */
  sealing(): BlobSealing;
  /** The plain bytes of a whole sealed file (v2 or v3); throws DATA_NOT_AUTHENTIC if the seal does not hold. */
  open(sealed: Buffer, sha256: string): Buffer;
  /**
   * An opening chunk by chunk, from the file's first BLOB_HEAD_BYTES (header and IV) and its last
   * BLOB_TAG_BYTES (the tag); the ciphertext between them goes through `update`. Throws
   * DATA_NOT_AUTHENTIC for an unknown header; `final()` throws it when the tag does not match. The
   * caller still compares the plain bytes' SHA-256 with `sha256` (see above).
   */
  opening(head: Uint8Array, tag: Uint8Array, sha256: string): BlobOpening;
}

/** A document being sealed (v3), chunk by chunk. */
export interface BlobSealing {
  /** The file's first bytes: the header and the IV. */
  readonly head: Buffer;
  /** The ciphertext of the next plain chunk (as long as the chunk). */
  update(plain: Uint8Array): Buffer;
  /** The file's last bytes: the tag (GCM leaves no ciphertext for the end). */
  final(): Buffer;
}

/** A sealed document being opened, chunk by chunk. */
export interface BlobOpening {
  /** The plain bytes of the next ciphertext chunk: not yet proven authentic. */
  update(ciphertext: Uint8Array): Buffer;
  /** Throws DATA_NOT_AUTHENTIC unless the tag proves everything given to `update`. */
  final(): void;
}

export type SealingCodec = Codec & { readonly blobs: BlobSealer };

/** "PUS" and 2: a sealed document, authenticated together with the hash of its content (read only). */
const BLOB_HEADER_V2 = Buffer.from([0x50, 0x55, 0x53, 0x02]);
/** "PUS" and 3: a sealed document, authenticated with its header only (sealed in one pass). */
const BLOB_HEADER_V3 = Buffer.from([0x50, 0x55, 0x53, 0x03]);
/** Header and IV: where a sealed document's ciphertext starts. */
export const BLOB_HEAD_BYTES = BLOB_HEADER_V3.length + IV_BYTES;
/** The tag at the end of a sealed document. */
export const BLOB_TAG_BYTES = TAG_BYTES;
const CHUNK = 1024 * 1024;

function blobSealer(key: Buffer): BlobSealer {
  const naming = createHmac('sha256', key).update('pusiaukele document names').digest();
  const sealing = (): BlobSealing => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(BLOB_HEADER_V3);
    return {
      head: Buffer.concat([BLOB_HEADER_V3, iv]),
      update: (plain) => cipher.update(plain),
      final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
    };
  };
  const opening = (head: Uint8Array, tag: Uint8Array, sha256: string): BlobOpening => {
    if (head.length !== BLOB_HEAD_BYTES || tag.length !== TAG_BYTES) throw notAuthentic();
    const header = Buffer.from(head.subarray(0, BLOB_HEADER_V3.length));
    const aad = header.equals(BLOB_HEADER_V3) ? header : header.equals(BLOB_HEADER_V2) ? Buffer.concat([header, Buffer.from(sha256, 'ascii')]) : undefined;
    if (aad === undefined) throw notAuthentic();
    const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(BLOB_HEADER_V3.length)).setAAD(aad).setAuthTag(tag);
    return {
      update: (ciphertext) => decipher.update(ciphertext),
      final() {
        try {
          decipher.final();
        } catch {
          throw notAuthentic();
        }
      },
    };
  };
  return {
    blobName: (sha256) => createHmac('sha256', naming).update(sha256).digest('hex'),
    sealing,
    opening,
    seal(plain) {
      const s = sealing();
      // In chunks: one update over 50 MB is several times slower than the same bytes in pieces.
      const out = [s.head];
      for (let off = 0; off < plain.length; off += CHUNK) out.push(s.update(plain.subarray(off, off + CHUNK)));
      out.push(s.final());
      return out;
    },
    open(sealed, sha256) {
      if (sealed.length < BLOB_HEAD_BYTES + TAG_BYTES) throw notAuthentic();
      const o = opening(sealed.subarray(0, BLOB_HEAD_BYTES), sealed.subarray(sealed.length - TAG_BYTES), sha256);
      const parts: Buffer[] = [];
      for (let off = BLOB_HEAD_BYTES; off < sealed.length - TAG_BYTES; off += CHUNK) parts.push(o.update(sealed.subarray(off, Math.min(off + CHUNK, sealed.length - TAG_BYTES))));
      o.final();
      return Buffer.concat(parts);
    },
  };
}

// ---- keys.json -------------------------------------------------------------------------------

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const passphraseWrapping = z
  .object({
    kind: z.literal('passphrase'),
    kdf: z.literal('scrypt'),
    salt: base64,
    N: z.number().int().min(2).max(SCRYPT_LIMITS.N).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(SCRYPT_LIMITS.r),
    p: z.number().int().min(1).max(SCRYPT_LIMITS.p),
    iv: base64,
    tag: base64,
    wrappedKey: base64,
  })
  .refine((w) => scryptMemory(w) <= SCRYPT_LIMITS.memory, 'scrypt cost too high');
const osWrapping = z.object({ kind: z.literal('os'), blob: base64 });
const keyFile = z.object({
  format: z.literal('pusiaukele-keys'),
  version: z.literal(1),
  /** HMAC of a fixed text under the data key: tells the right key from any other 32 bytes. */
  check: base64,
  wrappings: z.array(z.discriminatedUnion('kind', [passphraseWrapping, osWrapping])).min(1),
});
type KeyFile = z.infer<typeof keyFile>;
type Wrapping = KeyFile['wrappings'][number];

const b64 = (buf: Buffer) => buf.toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64');

function keyCheck(key: Buffer): string {
  return b64(createHmac('sha256', key).update('pusiaukele data key check').digest().subarray(0, 16));
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

function deriveKey(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: scryptMemory(cost) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

async function wrapKey(key: Buffer, provider: KeyProvider): Promise<Wrapping> {
  if (provider.kind === 'os') return { kind: 'os', blob: b64(await provider.wrap(key)) };
  const salt = randomBytes(16);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(provider.passphrase, salt, SCRYPT_COST), iv);
  const wrappedKey = Buffer.concat([cipher.update(key), cipher.final()]);
  return { kind: 'passphrase', kdf: 'scrypt', salt: b64(salt), ...SCRYPT_COST, iv: b64(iv), tag: b64(cipher.getAuthTag()), wrappedKey: b64(wrappedKey) };
}

/** The data key from one wrapping, or undefined when this provider's secret does not open it. */
async function unwrapKey(wrapping: Wrapping, provider: KeyProvider): Promise<Buffer | undefined> {
  try {
    if (wrapping.kind === 'os' && provider.kind === 'os') return await provider.unwrap(unb64(wrapping.blob));
    if (wrapping.kind === 'passphrase' && provider.kind === 'passphrase') {
      const kek = await deriveKey(provider.passphrase, unb64(wrapping.salt), wrapping);
      const decipher = createDecipheriv('aes-256-gcm', kek, unb64(wrapping.iv)).setAuthTag(unb64(wrapping.tag));
      return Buffer.concat([decipher.update(unb64(wrapping.wrappedKey)), decipher.final()]);
    }
  } catch {
    // a wrong passphrase fails GCM's check; the OS store refuses a blob it did not make
  }
  return undefined;
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
  const parsed = keyFile.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError('KEY_FILE_DAMAGED', { path });
}

/** Whether the data directory already has a data key (when not, opening it creates one). */
export function hasDataKey(root: string): boolean {
  return existsSync(join(root, KEYS_FILE));
}

function keyNotAvailable(provider: KeyProvider, keys: KeyFile): DomainError {
  const kinds = new Set(keys.wrappings.map((w) => w.kind));
  if (provider.kind === 'passphrase' && !kinds.has('passphrase')) return new DomainError('KEY_NOT_AVAILABLE', { why: 'keptBySecretStore' });
  if (provider.kind === 'os' && !kinds.has('os')) return new DomainError('KEY_NOT_AVAILABLE', { why: 'keptByPassphrase' });
  return provider.kind === 'passphrase' ? new DomainError('WRONG_PASSPHRASE') : new DomainError('KEY_NOT_AVAILABLE', { why: 'otherSecretStore' });
}

/** The data key from keys.json, unwrapped by the provider; reads only, never writes. */
export function unlockDataKey(root: string, provider: KeyProvider): Promise<Buffer> {
  return unlock(root, provider, readKeyFile(root));
}

async function unlock(root: string, provider: KeyProvider, keys: KeyFile | undefined): Promise<Buffer> {
  if (keys === undefined) throw keyFileMissing(root);
  const check = unb64(keys.check);
  for (const wrapping of keys.wrappings) {
    const key = await unwrapKey(wrapping, provider);
    const keyMatches = key?.length === KEY_BYTES && check.length === 16 && timingSafeEqual(unb64(keyCheck(key)), check);
    if (keyMatches) return key;
  }
  throw keyNotAvailable(provider, keys);
}

function keyFileMissing(root: string): DomainError {
  return new DomainError('KEY_FILE_MISSING', { path: join(root, KEYS_FILE) });
}

/** A new random data key, wrapped for the provider and written to keys.json (atomically). */
async function createDataKey(root: string, provider: KeyProvider): Promise<Buffer> {
  if (provider.kind === 'passphrase' && [...provider.passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new DomainError('PASSPHRASE_TOO_SHORT', { min: MIN_PASSPHRASE_LENGTH });
  }
  const key = randomBytes(KEY_BYTES);
  const keys: KeyFile = { format: 'pusiaukele-keys', version: 1, check: keyCheck(key), wrappings: [await wrapKey(key, provider)] };
  writeFileDurable(join(root, KEYS_FILE), JSON.stringify(keys, null, 2));
  return key;
}

/** Whether any file other than the descriptor and the lock holds something (an empty journal does not). */
function holdsData(dir: string, top = true): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return holdsData(path, false);
    if (top && (entry.name === 'pusiaukele.json' || entry.name.startsWith('pusiaukele.lock'))) return false;
    return statSync(path).size > 0;
  });
}

/**
 * Unlock (or, for a new directory, create) the data key and return the codec every store writes
 * through. An unencrypted directory (schema 1) is encrypted in one step: keys.json first, the
 * descriptor marked as migrating, every file rewritten, then the descriptor set to schema 2. A run
 * interrupted at any moment is finished by the next one. A wrong key changes nothing.
 */
export async function openEncryption(dir: DataDirectory, provider: KeyProvider): Promise<SealingCodec> {
  const keys = readKeyFile(dir.root);
  const { layout } = dir;
  if (layout.encryption && !layout.migrating) {
    const key = keys === undefined && !holdsData(dir.root) ? await createDataKey(dir.root, provider) : await unlock(dir.root, provider, keys);
    return encryptingCodec(key);
  }
  // Issue 3: migration of an unencrypted directory, or the rest of one that was interrupted (whose
  // files may already be sealed under the key in keys.json: never replaced by a new one).
  const key = keys === undefined && !layout.migrating ? await createDataKey(dir.root, provider) : await unlock(dir.root, provider, keys);
  // Marked at schema 2 already, so that a build that knows only plain files refuses the directory.
  if (!layout.migrating) dir.setLayout({ schemaVersion: 2, encryption: 'aes-256-gcm', migrating: 'encryption' });
  encryptDataFiles(dir, encryptingCodec(key, { acceptPlain: true }), isEncrypted);
  dir.setLayout({ schemaVersion: 2, encryption: 'aes-256-gcm' });
  return encryptingCodec(key);
}

/** The provider when no host gave one: the passphrase in PUSIAUKELE_PASSPHRASE. */
export function environmentKey(env: NodeJS.ProcessEnv = process.env): KeyProvider {
  const passphrase = env.PUSIAUKELE_PASSPHRASE;
  if (!passphrase) {
    throw new DomainError('KEY_REQUIRED', { why: 'notGiven' });
  }
  return { kind: 'passphrase', passphrase };
}
