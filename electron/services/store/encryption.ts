// Encryption at rest (issue 3, "Data protection"): every file the store writes holds
// AES-256-GCM ciphertext under one random data key; keys.json holds that key only wrapped, once per
// key slot (keySlots.ts, issue 16): the OS secret store of each enrolled workstation, passphrases, a
// recovery key.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative as relativePath, sep } from 'node:path';
import { DomainError } from '../../../shared/domain/errors';
import type { SealProblem } from '../../../shared/domain/errorTexts';
import type { DataDirectory } from './dataDirectory';
import { encryptDataFiles } from './encryptionMigration';
import { jsonCodec, type Codec } from './jsonFile';
import { KeyRing, createDataKey, hasDataKey, keepKeyRing, openDataKey, type KeyProvider, type OpenedKey } from './keySlots';

// The keys.json code moved to keySlots.ts (issue 16); re-exported so that existing imports keep working.
// The hosts (the shell, the browser host, the command line) reach the slots through this entry point.
export { KEYS_FILE, MIN_PASSPHRASE_LENGTH, SCRYPT_COST, environmentKey, hasDataKey, keyRingOf, looksLikeRecoveryKey, unlockDataKey } from './keySlots';
export type { KeyProvider, OsKeyProvider, Workstation } from './keySlots';

/** "PUS" and the format version: JSON never starts with it, so plain and sealed files are told apart. */
const HEADER = Buffer.from([0x50, 0x55, 0x53, 0x01]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

const notEncrypted = () => new DomainError('DATA_NOT_ENCRYPTED');

const notAuthentic = () => new DomainError('DATA_NOT_AUTHENTIC');

/** Why a sealed record cannot be read, when `e` is the refusal of a sealing codec: a reason the stores show (cf. CASE_DAMAGED's reason). */
export function sealProblemOf(e: unknown): SealProblem | undefined {
  if (!(e instanceof DomainError)) return undefined;
  if (e.code === 'DATA_ROLLED_BACK') return 'rolledBack';
  return e.code === 'DATA_NOT_ENCRYPTED' ? 'notEncrypted' : e.code === 'DATA_NOT_AUTHENTIC' ? 'notAuthentic' : undefined;
}

/** Whether `bytes` are a sealed record (either format): plain JSON never starts with "PUS". */
export function isEncrypted(bytes: Buffer): boolean {
  return bytes.length >= HEADER.length && (bytes.subarray(0, HEADER.length).equals(HEADER) || bytes.subarray(0, HEADER.length).equals(BOUND_HEADER));
}

// ---- Records bound to their path and version (issue 16) -------------------------------------------
//
// "PUS\x01" (issue 3) authenticates the header alone: any genuine file opened wherever it was put,
// and an older genuine copy put back over a newer one opened as if current. "PUS\x04", written for
// every whole-file record since issue 16, is header, the record's generation (8 bytes, big-endian,
// in clear so that the manifest check needs no decryption), IV, ciphertext, tag; the AAD is the
// header, the generation and the file's path within the data directory (with '/'), so that the tag
// proves which file this is and which version it claims to be. Which version is current is the
// manifest's to say (manifest.ts): a codec bound to a path asks it at every read.

const BOUND_HEADER = Buffer.from([0x50, 0x55, 0x53, 0x04]);
const GENERATION_BYTES = 8;

/** What a codec bound to one path needs from the directory's manifest (manifest.ts). */
export interface RecordVersions {
  /** The generation the next write of a record takes (not yet committed). */
  nextGeneration(): number;
  /** Throws DATA_ROLLED_BACK if `generation` is older than the one recorded for `path`. */
  checkRead(path: string, generation: number): void;
}

/** The generation a sealed record claims (0 for "PUS\x01" records, which claim none); undefined if not sealed. */
export function generationOf(bytes: Uint8Array): number | undefined {
  if (bytes.length < HEADER.length) return undefined;
  const header = Buffer.from(bytes.subarray(0, HEADER.length));
  if (header.equals(HEADER)) return 0;
  if (!header.equals(BOUND_HEADER) || bytes.length < HEADER.length + GENERATION_BYTES) return undefined;
  return Number(Buffer.from(bytes.subarray(HEADER.length, HEADER.length + GENERATION_BYTES)).readBigUInt64BE());
}

function boundAad(generation: Buffer, path: string): Buffer {
  return Buffer.concat([BOUND_HEADER, generation, Buffer.from(path, 'utf8')]);
}

function sealBound(key: Buffer, value: unknown, path: string, generation: number): Buffer {
  const gen = Buffer.alloc(GENERATION_BYTES);
  gen.writeBigUInt64BE(BigInt(generation));
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(boundAad(gen, path));
  const body = Buffer.concat([cipher.update(jsonCodec.encode(value)), cipher.final()]);
  return Buffer.concat([BOUND_HEADER, gen, iv, body, cipher.getAuthTag()]);
}

/** The value of a "PUS\x04" record sealed for `path`, and the generation it claims. */
function openBound(key: Buffer, bytes: Buffer, path: string): { value: unknown; generation: number } {
  const start = HEADER.length + GENERATION_BYTES;
  if (bytes.length < start + IV_BYTES + TAG_BYTES) throw notAuthentic();
  const gen = bytes.subarray(HEADER.length, start);
  const iv = bytes.subarray(start, start + IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const ciphertext = bytes.subarray(start + IV_BYTES, bytes.length - TAG_BYTES);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(boundAad(gen, path)).setAuthTag(tag);
    plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // Altered, sealed under another key, or a genuine record of another path put here: the tag
    // cannot tell which, so neither does the message.
    throw notAuthentic();
  }
  return { value: jsonCodec.decode(plain), generation: Number(gen.readBigUInt64BE()) };
}

/**
 * JSON sealed with AES-256-GCM. `encode`/`decode` (format "PUS\x01": header, 12-byte random IV,
 * ciphertext, 16-byte tag; the header authenticated too) serve records kept a line each in appended
 * files (the audit trail, the case index journal), whose order the audit chain and the journal's
 * own rules guard. `at(path)` gives the codec of one whole-file record: it writes "PUS\x04", bound
 * to the path and to a generation from `versions`, and reads both formats, refusing a file sealed
 * for another path (DATA_NOT_AUTHENTIC, as for any altered file) and one older than the manifest says
 * (DATA_ROLLED_BACK). Decoding anything altered, or sealed under another key, throws
 * DATA_NOT_AUTHENTIC; a file without a header throws DATA_NOT_ENCRYPTED, unless `acceptPlain`
 * (only while a migration rewrites the files). `root`: the data directory the paths are within.
 */
export function encryptingCodec(key: Buffer, options: { acceptPlain?: boolean; root?: string; versions?: RecordVersions } = {}): SealingCodec {
  if (key.length !== KEY_BYTES) throw new Error(`The data key must be ${KEY_BYTES} bytes`);
  const decodeV1 = (bytes: Buffer): unknown => {
    if (!isEncrypted(bytes)) {
      if (options.acceptPlain) return jsonCodec.decode(bytes);
      throw notEncrypted();
    }
    if (!bytes.subarray(0, HEADER.length).equals(HEADER)) throw notAuthentic(); // a bound record read as a line
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
  };
  const relative = (path: string): string => {
    if (options.root === undefined) return path.split(sep).join('/');
    const rel = relativePath(options.root, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`A record outside the data directory: ${path}`);
    return rel.split(sep).join('/');
  };
  const codec: SealingCodec = {
    blobs: blobSealer(key),
    encode(value) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(HEADER);
      const body = Buffer.concat([cipher.update(jsonCodec.encode(value)), cipher.final()]);
      return Buffer.concat([HEADER, iv, body, cipher.getAuthTag()]);
    },
    decode: decodeV1,
    bind: (root, versions) => encryptingCodec(key, { ...options, root, versions }),
    at(path) {
      const rel = relative(path);
      return {
        encode: (value) => sealBound(key, value, rel, options.versions?.nextGeneration() ?? 0),
        decode(bytes) {
          const generation = generationOf(bytes);
          if (generation === undefined || !bytes.subarray(0, HEADER.length).equals(BOUND_HEADER)) {
            // A record from before issue 16 ("PUS\x01", or plain while migrating): it claims no
            // path and no version; the manifest knows whether this file should be newer.
            const value = decodeV1(bytes);
            options.versions?.checkRead(rel, 0);
            return value;
          }
          const opened = openBound(key, bytes, rel);
          options.versions?.checkRead(rel, opened.generation);
          return opened.value;
        },
      };
    },
  };
  return codec;
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

export type SealingCodec = Codec & {
  readonly blobs: BlobSealer;
  /** The codec of the whole-file record at `path` (an absolute path within the data directory): see encryptingCodec. */
  at(path: string): Codec;
  /** The same key's codec, its records bound to paths within `root` and to generations from `versions` (the manifest). */
  bind(root: string, versions: RecordVersions): SealingCodec;
};

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

// ---- Opening -----------------------------------------------------------------------------------

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
 * The data key of `dir`: unlocked by one of keys.json's slots or, for a new directory, made (with
 * its recovery key, kept for the first administrator to see once: KeyRing).
 */
async function openOrCreateKey(dir: DataDirectory, provider: KeyProvider, mayCreate: boolean): Promise<KeyRing> {
  if (!hasDataKey(dir.root) && mayCreate) {
    const created = await createDataKey(dir.root, provider);
    return new KeyRing(dir.root, created.key, created.slot, created.recoveryKey);
  }
  const opened: OpenedKey = await openDataKey(dir.root, provider);
  return new KeyRing(dir.root, opened.key, opened.slot);
}

/**
 * Unlock (or, for a new directory, create) the data key and return the codec every store writes
 * through; the key and the slot that opened it stay with the directory for the slot changes
 * (keyRingOf). An unencrypted directory (schema 1) is encrypted in one step: keys.json first, the
 * descriptor marked as migrating, every file rewritten, then the descriptor set to schema 2. A run
 * interrupted at any moment is finished by the next one. A wrong key changes nothing.
 */
export async function openEncryption(dir: DataDirectory, provider: KeyProvider): Promise<SealingCodec> {
  const { layout } = dir;
  if (layout.encryption && !layout.migrating) {
    const ring = await openOrCreateKey(dir, provider, !holdsData(dir.root));
    keepKeyRing(dir, ring);
    return encryptingCodec(ring.key);
  }
  // Issue 3: migration of an unencrypted directory, or the rest of one that was interrupted (whose
  // files may already be sealed under the key in keys.json: never replaced by a new one).
  const ring = await openOrCreateKey(dir, provider, !layout.migrating);
  const { key } = ring;
  // Marked at schema 2 already, so that a build that knows only plain files refuses the directory.
  if (!layout.migrating) dir.setLayout({ schemaVersion: 2, encryption: 'aes-256-gcm', migrating: 'encryption' });
  encryptDataFiles(dir, encryptingCodec(key, { acceptPlain: true }), isEncrypted);
  dir.setLayout({ schemaVersion: 2, encryption: 'aes-256-gcm' });
  keepKeyRing(dir, ring);
  return encryptingCodec(key);
}
