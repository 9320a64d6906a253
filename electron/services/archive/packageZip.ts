/**
 * The zip under a package (issue 15, docs/adr/0006): @zip.js/zip.js does the format (stored entries,
 * zip64, AES-256), this file does the rest — random-access reads on a file handle, a hashing output,
 * and the checks a zip library leaves to its caller when the zip comes from someone else: unsafe
 * names, links and other special entries, names that collide once unpacked, zip bombs (declared
 * sizes and ratios, then the bytes actually inflated), overlapping entries, passwords. Every check
 * on the central directory runs before a byte of content is read.
 */
import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { configure, Reader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import { DomainError } from '../../../shared/domain/errors';
import type { PackageLimits } from './bagTypes';

/** Reads, hashes and writes go in pieces of this size: per-piece costs vanish, and memory never depends on a file's size. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Entries up to this size are not held to the compression ratio: a small file of blanks compresses
 * a thousandfold and harms nothing. Their sum is still held to `maxTotalBytes`.
 */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** The most a central directory may take per entry allowed (names, extra fields): a larger one is a bomb of its own. */
const DIRECTORY_BYTES_PER_ENTRY = 1024;

/** In Node, zip.js runs on this thread (no web workers) and reads in large pieces. */
configure({ useWebWorkers: false, chunkSize: CHUNK_BYTES });

/** Unix file types in the upper half of a zip entry's external attributes. */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** The system's error code of a failed file operation (ENOSPC, EACCES, …), if it has one. */
export function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** Thrown by the reader when zip.js asks for more in one piece than a central directory may take. */
class ReadTooLarge extends Error {}

/**
 * A zip.js Reader over a file handle: every read is a positioned read of the range asked for, so
 * opening a package reads its end and its central directory only. While `startHashing` is on, the
 * bytes read are also fed, in file order, into a SHA-256 of the whole file: the check reads the
 * entries in file order, so the package's own digest costs no second read (a range skipped is read
 * for the hash alone; one read again is not hashed twice).
 */
export class FileHandleReader extends Reader<FileHandle> {
  private hashing: { hash: Hash; at: number } | undefined;
  /** Reads are served one at a time, in the order asked (the hash needs an order; the disk gains nothing from more). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly handle: FileHandle,
    size: number,
    /** The largest single read allowed: zip.js reads the central directory in one piece, entry data in chunks. */
    private readonly maxRead: number,
  ) {
    super(handle);
    this.size = size;
  }

  override readUint8Array(offset: number, length: number): Promise<Uint8Array> {
    if (length > this.maxRead) return Promise.reject(new ReadTooLarge());
    const read = this.queue.then(() => this.readAt(offset, length));
    this.queue = read.catch(() => undefined);
    return read;
  }

  /** Start hashing the whole file from its first byte. */
  startHashing(): void {
    this.hashing = { hash: createHash('sha256'), at: 0 };
  }

  /** The SHA-256 of the whole file: the part not yet read is read for it now. */
  async finishHashing(): Promise<string> {
    const done = this.queue.then(async () => {
      const hashing = this.hashing;
      if (!hashing) throw new Error('finishHashing without startHashing');
      await this.hashGap(hashing, this.size);
      this.hashing = undefined;
      return hashing.hash.digest('hex');
    });
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async readAt(offset: number, length: number): Promise<Uint8Array> {
    const bytes = await this.readRange(offset, Math.max(0, Math.min(length, this.size - offset)));
    const hashing = this.hashing;
    if (hashing) {
      await this.hashGap(hashing, offset);
      const end = offset + bytes.length;
      if (end > hashing.at) {
        hashing.hash.update(bytes.subarray(hashing.at - offset));
        hashing.at = end;
      }
    }
    return bytes;
  }

  /** Hash what lies between the bytes hashed so far and `to`. */
  private async hashGap(hashing: { hash: Hash; at: number }, to: number): Promise<void> {
    while (hashing.at < to) {
      const piece = await this.readRange(hashing.at, Math.min(CHUNK_BYTES, to - hashing.at));
      if (piece.length === 0) break;
      hashing.hash.update(piece);
      hashing.at += piece.length;
    }
  }

  private async readRange(offset: number, length: number): Promise<Uint8Array> {
    const buffer = Buffer.allocUnsafeSlow(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.handle.read(buffer, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    // A plain Uint8Array over its own memory: zip.js may slice it and expects a copy.
    return new Uint8Array(buffer.buffer, buffer.byteOffset, got);
  }
}

/**
 * Where zip.js writes a package: straight to the file handle, each piece hashed (the package's own
 * SHA-256, from the bytes as written) and counted. A failure to write is kept in `failure`.
 */
export class HashingFileSink {
  readonly writable: WritableStream<Uint8Array>;
  private readonly hash = createHash('sha256');
  bytes = 0;
  failure: unknown;

  constructor(handle: FileHandle) {
    this.writable = new WritableStream<Uint8Array>({
      write: async (chunk) => {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        try {
          let done = 0;
          while (done < chunk.length) done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
        } catch (e) {
          this.failure ??= e;
          throw e;
        }
      },
    });
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Whether a name is unsafe to unpack (PACKAGE_UNSAFE_PATH): empty, absolute, a drive letter,
 * a backslash, a control character (C0, DEL, C1), an empty, "." or ".." segment. A directory's
 * trailing slash is allowed when `directory`.
 */
export function unsafeName(name: string, directory = false): boolean {
  const path = directory && name.endsWith('/') ? name.slice(0, -1) : name;
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return true;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(path)) return true;
  return path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
}

/** Raw name bytes no name may hold, whatever encoding it is read in: control bytes and the backslash. */
function unsafeRawName(raw: Uint8Array): boolean {
  return raw.some((b) => b < 0x20 || b === 0x7f || b === 0x5c);
}

/**
 * The key under which two names are the same file once unpacked somewhere: Unicode NFC (macOS
 * writes NFD) and case folded (Windows and macOS ignore case; "ß" folds with "ss").
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * Names of a bag that must not collide once unpacked: two files, a file and a folder, named the same
 * up to `nameKey`. `add` returns the earlier name a new one collides with, or undefined.
 */
export class NameSpace {
  private readonly files = new Map<string, string>();
  private readonly folders = new Map<string, string>();

  addFile(name: string): string | undefined {
    const key = nameKey(name);
    const clash = this.files.get(key) ?? this.folders.get(key);
    if (clash !== undefined) return clash;
    const segments = name.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      const folderKey = nameKey(folder);
      const asFile = this.files.get(folderKey);
      if (asFile !== undefined) return asFile;
      if (!this.folders.has(folderKey)) this.folders.set(folderKey, folder);
    }
    this.files.set(key, name);
    return undefined;
  }

  addFolder(name: string): string | undefined {
    const folder = name.endsWith('/') ? name.slice(0, -1) : name;
    const segments = folder.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      const key = nameKey(prefix);
      const asFile = this.files.get(key);
      if (asFile !== undefined) return asFile;
      if (!this.folders.has(key)) this.folders.set(key, prefix);
    }
    return undefined;
  }
}

/** One file of an opened package: its zip entry and its path inside the bag ('data/x.pdf'). */
export interface PackageFile {
  readonly entry: FileEntry;
  readonly path: string;
}

/** A package's zip, opened and found safe to read. */
export interface OpenedZip {
  readonly reader: FileHandleReader;
  readonly bagName: string;
  /** Its files in the order they lie in the zip (reading them so reads the file front to back). */
  readonly files: readonly PackageFile[];
  /** Its folders (paths inside the bag, without the trailing slash), from folder entries and files' paths. */
  readonly folders: ReadonlySet<string>;
  /** Whether any entry is encrypted (then a password was given and found right). */
  readonly encrypted: boolean;
}

/**
 * Read a package's central directory and refuse it, each with its own code, before any content is
 * read: not a zip, cut short or contradictory, too many entries, a zip bomb by its declared sizes,
 * an unsafe name, a link or other special entry, names that collide once unpacked, not exactly one
 * top-level folder, entries that overlap, encrypted entries without the right password.
 */
export async function openZip(handle: FileHandle, size: number, limits: PackageLimits, password: string | undefined): Promise<OpenedZip> {
  const maxRead = Math.max(CHUNK_BYTES, limits.maxEntries * DIRECTORY_BYTES_PER_ENTRY);
  const reader = new FileHandleReader(handle, size, maxRead);
  const zip = new ZipReader(reader, { useWebWorkers: false, strictness: 'strict', filenameValidation: 'tolerant' });
  const entries: Entry[] = [];
  const names = new NameSpace();
  let bagName: string | undefined;
  let total = 0;
  try {
    for await (const entry of zip.getEntriesGenerator()) {
      if (entries.length >= limits.maxEntries) throw new DomainError('PACKAGE_TOO_MANY_ENTRIES', { max: limits.maxEntries });
      entries.push(entry);
      const name = entry.filename;
      checkEntryName(entry);
      checkEntryType(entry);
      const clash = entry.directory ? names.addFolder(name) : names.addFile(name);
      if (clash !== undefined) throw new DomainError('PACKAGE_DUPLICATE_NAME', { path: name, found: clash });
      const top = name.split('/')[0] ?? '';
      bagName ??= top;
      // One folder holds everything: every name starts with it (a folder entry's name ends with "/").
      if (top !== bagName || !name.includes('/')) {
        throw new DomainError('PACKAGE_NOT_A_BAG', { found: name });
      }
      if (entry.directory) continue;
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw new DomainError('PACKAGE_BOMB', { reason: 'total', max: limits.maxTotalBytes });
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > Math.max(entry.compressedSize, 1) * limits.maxRatio) {
        throw new DomainError('PACKAGE_BOMB', { reason: 'ratio', path: name, max: limits.maxRatio });
      }
    }
  } catch (e) {
    throw await directoryError(e, reader);
  }
  if (bagName === undefined) throw new DomainError('PACKAGE_NOT_A_BAG', {});
  checkNoOverlap(entries, zip.directoryOffset ?? size);

  const prefix = `${bagName}/`;
  const files: PackageFile[] = [];
  const folders = new Set<string>();
  for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
    const path = entry.filename.slice(prefix.length);
    if (entry.directory) {
      if (path !== '') folders.add(path.replace(/\/$/, ''));
      continue;
    }
    files.push({ entry, path });
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) folders.add(segments.slice(0, i).join('/'));
  }
  const encrypted = files.some((f) => f.entry.encrypted);
  if (encrypted) await checkPassword(files, password);
  return { reader, bagName, files, folders, encrypted };
}

function checkEntryName(entry: Entry): void {
  const name = entry.filename;
  if (unsafeName(name, entry.directory) || unsafeRawName(entry.rawFilename)) throw new DomainError('PACKAGE_UNSAFE_PATH', { path: name });
  // A Unicode Path extra field renames the entry for some tools and not for others: one name only.
  const unicodePath = entry.extraFieldUnicodePath;
  if (unicodePath?.valid && unicodePath.filename !== undefined && unicodePath.filename !== new TextDecoder().decode(entry.rawFilename)) {
    throw new DomainError('PACKAGE_UNSAFE_PATH', { path: name });
  }
}

/** Plain files and folders only: no link, device, pipe or socket, whatever the platform that made the zip. */
function checkEntryType(entry: Entry): void {
  const type = ((entry.externalFileAttributes >>> 16) & 0xffff) & S_IFMT;
  const folderName = entry.filename.endsWith('/');
  const regular = entry.directory ? folderName && (type === 0 || type === S_IFDIR) : !folderName && (type === 0 || type === S_IFREG);
  if (entry.symlink || !regular) throw new DomainError('PACKAGE_SYMLINK', { path: entry.filename });
}

/**
 * Entries whose data overlap (the "better zip bomb" reuses one compressed kernel for many entries)
 * or run into the central directory: an entry's local header takes at least 30 bytes and its name.
 */
function checkNoOverlap(entries: readonly Entry[], directoryOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  sorted.forEach((entry, i) => {
    const end = entry.offset + 30 + entry.rawFilename.length + entry.compressedSize;
    const next = sorted[i + 1]?.offset ?? directoryOffset;
    if (end > next) throw new DomainError('PACKAGE_CORRUPT', { path: entry.filename });
  });
}

/** The password opens the first encrypted entry (its verifier only: no content is decrypted). */
async function checkPassword(files: readonly PackageFile[], password: string | undefined): Promise<void> {
  if (password === undefined || password === '') throw new DomainError('PACKAGE_PASSWORD', { given: false });
  const first = files.find((f) => f.entry.encrypted);
  if (!first) return;
  try {
    await first.entry.getData(new WritableStream(), { password, checkPasswordOnly: true, useWebWorkers: false });
  } catch (e) {
    if (zipErrorMessage(e) === 'Invalid password') throw new DomainError('PACKAGE_PASSWORD', { given: true });
    throw new DomainError('PACKAGE_CORRUPT', { path: first.entry.filename });
  }
}

function zipErrorMessage(e: unknown): string | undefined {
  return e instanceof Error ? e.message : undefined;
}

/** What a failure to read the central directory means for the archivist. */
async function directoryError(e: unknown, reader: FileHandleReader): Promise<unknown> {
  if (e instanceof DomainError) return e;
  if (e instanceof ReadTooLarge) return new DomainError('PACKAGE_BOMB', { reason: 'directory' });
  const code = errnoOf(e);
  if (code !== undefined) return new DomainError('PACKAGE_READ_FAILED', { code });
  // A zip, even cut short, starts with a local file header (or, empty, with its end record); anything else is not a zip at all.
  const head = await reader.readUint8Array(0, 4).catch(() => new Uint8Array());
  const zipStart = head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06));
  if (!zipStart) return new DomainError('PACKAGE_NOT_ZIP');
  switch (zipErrorMessage(e)) {
    case 'Ambiguous archive':
    case 'Split zip file':
    case 'Encrypted central directory is not supported':
    case '64-bit value exceeds Number.MAX_SAFE_INTEGER':
      return new DomainError('PACKAGE_CORRUPT', {});
    default:
      return new DomainError('PACKAGE_TRUNCATED');
  }
}

/**
 * Read one file's content, handing each piece to `onChunk`: never more than the central directory
 * declared (which the limits were checked against), whatever the compressed data inflates to, and
 * exactly that much. Failures come as DomainErrors: PACKAGE_SIZE_MISMATCH, PACKAGE_CORRUPT,
 * PACKAGE_CANCELLED, PACKAGE_READ_FAILED. Returns the number of bytes read.
 */
export async function readEntry(
  file: PackageFile,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
  options: { password?: string | undefined; signal?: AbortSignal | undefined },
): Promise<number> {
  const declared = file.entry.uncompressedSize;
  let read = 0;
  let failure: unknown;
  const sink = new WritableStream<Uint8Array>({
    write: async (chunk) => {
      read += chunk.length;
      if (read > declared) {
        failure = new DomainError('PACKAGE_SIZE_MISMATCH', { path: file.path, expected: String(declared), found: `>${declared}` });
        throw failure;
      }
      try {
        await onChunk(chunk);
      } catch (e) {
        failure = e;
        throw e;
      }
    },
  });
  try {
    await file.entry.getData(sink, {
      useWebWorkers: false,
      ...(options.password !== undefined && file.entry.encrypted ? { password: options.password } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (options.signal?.aborted) throw new DomainError('PACKAGE_CANCELLED');
    if (failure !== undefined) throw failure;
    const code = errnoOf(e);
    if (code !== undefined) throw new DomainError('PACKAGE_READ_FAILED', { code });
    if (zipErrorMessage(e) === 'Invalid uncompressed size') {
      // zip.js counts what it inflates too, and stops as soon as it passes the declared size.
      throw new DomainError('PACKAGE_SIZE_MISMATCH', { path: file.path, expected: String(declared), found: `>${declared}` });
    }
    throw new DomainError('PACKAGE_CORRUPT', { path: file.path });
  }
  if (read !== declared) throw new DomainError('PACKAGE_SIZE_MISMATCH', { path: file.path, expected: String(declared), found: String(read) });
  return read;
}
