/**
 * Packages (issue 15, docs/adr/0006): a BagIt 1.0 bag (RFC 8493) in a zip, which `unzip` and
 * `sha256sum -c` (or the Library of Congress's `bagit.py --validate`) check without this app.
 *
 * `writeBag` streams each file once — hashed while it is stored into the zip — under a temporary
 * name, and renames the package into place only when whole. `openBag` refuses a hostile package
 * from its central directory alone (packageZip.ts); `verify` then reads every entry once, in file
 * order, and reports every problem it finds as data, as `bagit.py --validate` would.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { link, open, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { textOfError } from '../../../shared/domain/errorTexts';
import type { Lang } from '../../../shared/domain/errorTexts/entry';
import { DomainError } from '../../../shared/domain/errors';
import type { BagFileSource, BagInfo, BagProblem, BagReport, OpenedBag, PackageLimits, VerifyOptions, WriteBagOptions, WrittenBag } from './bagTypes';
import { errnoOf, HashingFileSink, NameSpace, openZip, readEntry, unsafeName, type OpenedZip, type PackageFile } from './packageZip';

const GiB = 1024 * 1024 * 1024;

/** What a package read by this app may be: far above any case's, far below what would hurt the machine. */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxPackageBytes: 4 * GiB,
  maxEntries: 100_000,
  maxTotalBytes: 8 * GiB,
  maxRatio: 200,
};

/** bagit.txt as RFC 8493 §2.1.1 has it. */
const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
const BAGIT_VERSIONS = new Set(['1.0', '0.97']);
const MANIFEST = 'manifest-sha256.txt';
const TAG_MANIFEST = 'tagmanifest-sha256.txt';
/** Tag files the writer makes itself; a caller's tag file may not take these names, nor fetch.txt (RFC 8493 §2.2.3). */
const RESERVED_TAG = /^(bagit\.txt|bag-info\.txt|fetch\.txt|(tag)?manifest-[^/]*\.txt)$/i;
/** Labels the writer sets itself in bag-info.txt. */
const WRITER_LABELS = new Set(['bagging-date', 'payload-oxum']);
/** The checksum algorithms a manifest may use (RFC 8493 §2.4 names md5 to sha512). */
const ALGORITHMS = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);
const MANIFEST_NAME = /^(tag)?manifest-([A-Za-z0-9]+)\.txt$/;
/** Tag files the check reads whole to parse them (bagit.txt, bag-info.txt, manifests): larger ones are a problem, not a risk. */
const MAX_PARSED_TAG_BYTES = 64 * 1024 * 1024;

// ── Writing ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Write a bag to `outPath` as one zip: `<bagName>/bagit.txt`, the payload under `<bagName>/data/`,
 * the caller's tag files, `manifest-sha256.txt`, `bag-info.txt` (Bagging-Date, Payload-Oxum, then
 * `options.info`) and `tagmanifest-sha256.txt`, entries stored (the documents are compressed
 * already), AES-256 with `options.password`. Each file is read once, hashed as it is stored; the
 * package's own SHA-256 is taken from the bytes as written. The zip is written to a temporary file
 * beside `outPath`, fsynced, and moved into place only when whole; on any failure or cancel it is
 * removed and `outPath` is untouched. An existing `outPath` is refused (PACKAGE_EXISTS).
 */
export async function writeBag(outPath: string, options: WriteBagOptions): Promise<WrittenBag> {
  const { signal } = options;
  if (signal?.aborted) throw new DomainError('PACKAGE_CANCELLED');
  checkPlan(options);
  if (await exists(outPath)) throw new DomainError('PACKAGE_EXISTS', { path: outPath });

  const partPath = `${outPath}.${randomBytes(6).toString('hex')}.part`;
  let handle: FileHandle | undefined;
  const failures: Failures = { signal };
  try {
    try {
      // The package holds personal data in clear (unless a password is set): readable by its owner only.
      handle = await open(partPath, 'wx', 0o600);
    } catch (e) {
      throw writeFailed(e, outPath);
    }
    const sink = new HashingFileSink(handle);
    failures.sink = sink;
    const counts = await writeZip(sink, options, failures);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await publish(partPath, outPath);
    await syncFolder(dirname(outPath));
    return { sha256: sink.digest(), bytes: sink.bytes, ...counts };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(partPath, { force: true }).catch(() => undefined);
    throw writeError(e, failures, outPath);
  }
}

/** What went wrong first, to name it rather than the error zip.js passes on. */
interface Failures {
  signal: AbortSignal | undefined;
  sink?: HashingFileSink;
  source?: DomainError;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return false;
    throw new DomainError('PACKAGE_WRITE_FAILED', { path, ...codeOf(e) });
  }
}

const codeOf = (e: unknown): { code?: string } => {
  const code = errnoOf(e);
  return code === undefined ? {} : { code };
};

function writeFailed(e: unknown, path: string): DomainError {
  return e instanceof DomainError ? e : new DomainError('PACKAGE_WRITE_FAILED', { path, ...codeOf(e) });
}

function writeError(e: unknown, failures: Failures, outPath: string): unknown {
  if (failures.signal?.aborted) return new DomainError('PACKAGE_CANCELLED');
  if (failures.source) return failures.source;
  if (failures.sink?.failure !== undefined) return writeFailed(failures.sink.failure, outPath);
  if (e instanceof DomainError) return e;
  return errnoOf(e) !== undefined ? writeFailed(e, outPath) : e;
}

/**
 * The paths of the bag before anything is written: safe names (those openBag would refuse are
 * refused here), no two the same once unpacked, payload under data/, tag files beside it and not
 * named like the tag files the writer makes; bag-info.txt labels it can write.
 */
function checkPlan(options: WriteBagOptions): void {
  if (unsafeName(options.bagName) || options.bagName.includes('/')) throw new DomainError('PACKAGE_UNSAFE_PATH', { path: options.bagName });
  const names = new NameSpace();
  for (const name of ['bagit.txt', 'bag-info.txt', MANIFEST, TAG_MANIFEST]) names.addFile(name);
  const add = (path: string): void => {
    if (unsafeName(path)) throw new DomainError('PACKAGE_UNSAFE_PATH', { path });
    const clash = names.addFile(path);
    if (clash !== undefined) throw new DomainError('PACKAGE_DUPLICATE_NAME', { path, found: clash });
  };
  for (const file of options.payload) {
    if (!file.path.startsWith('data/')) throw new Error(`A payload file must be under data/: ${file.path}`);
    add(file.path);
  }
  for (const tag of options.tags ?? []) {
    if (tag.path.startsWith('data/') || RESERVED_TAG.test(tag.path)) throw new Error(`Not a name for a tag file of ours: ${tag.path}`);
    add(tag.path);
  }
  for (const [label] of options.info) {
    if (!/^[^\s:][^:\r\n]*$/.test(label) || /\s$/.test(label)) throw new Error(`Not a bag-info.txt label: ${label}`);
    if (WRITER_LABELS.has(label.toLowerCase())) throw new Error(`bag-info.txt label set by writeBag itself: ${label}`);
  }
}

async function writeZip(sink: HashingFileSink, options: WriteBagOptions, failures: Failures): Promise<Omit<WrittenBag, 'sha256' | 'bytes'>> {
  const date = options.date ?? new Date();
  const zip = new ZipWriter(sink.writable, {
    level: 0,
    useWebWorkers: false,
    keepOrder: true,
    lastModDate: date,
    ...(options.password !== undefined ? { password: options.password, encryptionStrength: 3 as const } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const root = `${options.bagName}/`;
  const sizes = options.payload.map((f) => f.size);
  const total = sizes.every((s) => s !== undefined) ? sizes.reduce<number>((a, s) => a + (s ?? 0), 0) : undefined;
  let done = 0;
  const progress = (bytes: number): void => {
    done += bytes;
    options.onProgress?.(done, total);
  };
  const text = (path: string, content: string): Promise<string> => addFile(zip, root, { path, open: () => Buffer.from(content, 'utf8') }, failures);

  const tagSums: [string, string][] = [['bagit.txt', await text('bagit.txt', BAGIT_TXT)]];
  const manifest: string[] = [];
  let payloadBytes = 0;
  for (const file of options.payload) {
    const before = done;
    manifest.push(`${await addFile(zip, root, file, failures, progress)}  ${encodeManifestPath(file.path)}\n`);
    payloadBytes += done - before;
  }
  if (options.payload.length === 0) await zip.add(`${root}data/`, null, { directory: true });
  const extraTags: [string, string][] = [];
  for (const tag of options.tags ?? []) extraTags.push([tag.path, await addFile(zip, root, tag, failures)]);
  const manifestSum = await text(MANIFEST, manifest.join(''));
  const info: BagInfo = [['Bagging-Date', isoDay(date)], ['Payload-Oxum', `${payloadBytes}.${options.payload.length}`], ...options.info];
  tagSums.push(['bag-info.txt', await text('bag-info.txt', bagInfoText(info))], [MANIFEST, manifestSum], ...extraTags);
  await text(TAG_MANIFEST, tagSums.map(([path, sum]) => `${sum}  ${encodeManifestPath(path)}\n`).join(''));
  await zip.close();
  return { payloadBytes, payloadFiles: options.payload.length };
}

/** Store one file into the zip, hashing it on the way (its bytes are read once); returns its SHA-256. */
async function addFile(zip: ZipWriter<unknown>, root: string, file: BagFileSource, failures: Failures, progress?: (bytes: number) => void): Promise<string> {
  const hash = createHash('sha256');
  let opened: Readable | Buffer;
  try {
    opened = file.open();
  } catch (e) {
    throw (failures.source = sourceFailed(e, file.path));
  }
  if (Buffer.isBuffer(opened)) {
    hash.update(opened);
    await zip.add(`${root}${file.path}`, new Uint8ArrayReader(opened), {});
    progress?.(opened.length);
    return hash.digest('hex');
  }
  const source = opened;
  const readable = webStreamOf(source, (chunk) => {
    hash.update(chunk);
    progress?.(chunk.length);
  }, (e) => (failures.source ??= sourceFailed(e, file.path)));
  try {
    await zip.add(`${root}${file.path}`, readable, file.size !== undefined ? { uncompressedSize: file.size } : {});
  } finally {
    if (!source.destroyed) source.destroy();
  }
  return hash.digest('hex');
}

function sourceFailed(e: unknown, path: string): DomainError {
  return e instanceof DomainError ? e : new DomainError('PACKAGE_SOURCE_FAILED', { path, ...codeOf(e) });
}

/**
 * A Node stream as the web stream zip.js reads, one piece when asked (no read-ahead: memory stays a
 * few pieces whatever the file's size), each piece seen by `onChunk` before it is stored.
 */
function webStreamOf(source: Readable, onChunk: (chunk: Uint8Array) => void, onError: (e: unknown) => void): ReadableStream<Uint8Array> {
  const pieces = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<Buffer | string>;
        try {
          next = await pieces.next();
        } catch (e) {
          onError(e);
          throw e;
        }
        if (next.done) {
          controller.close();
          return;
        }
        const piece = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
        const chunk = new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength);
        onChunk(chunk);
        controller.enqueue(chunk);
      },
      cancel() {
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/** A path as a manifest line holds it: only CR, LF and "%" percent-encoded (RFC 8493 §2.1.3). */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** bag-info.txt (RFC 8493 §2.2.2): "Label: value" a line each; a value's line breaks and control characters become spaces, a long one stays on its line. */
export function bagInfoText(info: BagInfo): string {
  // eslint-disable-next-line no-control-regex
  return info.map(([label, value]) => `${label}: ${value.replace(/\r\n|[\r\n]|[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')}\n`).join('');
}

const isoDay = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Put the finished file in place without ever replacing a file there (a hard link fails if one is); a rename where links are not supported. */
async function publish(partPath: string, outPath: string): Promise<void> {
  try {
    await link(partPath, outPath);
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'EEXIST') throw new DomainError('PACKAGE_EXISTS', { path: outPath });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
    // FAT and exFAT (a USB stick) have no hard links: look, then rename.
    if (await exists(outPath)) throw new DomainError('PACKAGE_EXISTS', { path: outPath });
    await rename(partPath, outPath);
    return;
  }
  await unlink(partPath).catch(() => undefined);
}

/** Make the new name durable; Windows cannot open a folder for fsync, and NTFS journals the rename itself. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (e) {
    if (process.platform !== 'win32') throw e;
  } finally {
    await handle?.close();
  }
}

// ── Reading ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Open a package for reading: its size against `limits.maxPackageBytes`, then its central
 * directory (packageZip.ts: every refusal before any content is read, each with its own code).
 * The file handle stays open until `close()`.
 */
export async function openBag(path: string, limits: PackageLimits, options: { password?: string } = {}): Promise<OpenedBag> {
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new DomainError('PACKAGE_READ_FAILED', codeOf(e));
  }
  try {
    size = (await handle.stat()).size;
    if (size > limits.maxPackageBytes) throw new DomainError('PACKAGE_TOO_LARGE', { bytes: size, max: limits.maxPackageBytes });
    const zip = await openZip(handle, size, limits, options.password);
    return new Bag(handle, size, zip, options.password);
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e instanceof DomainError || errnoOf(e) === undefined ? e : new DomainError('PACKAGE_READ_FAILED', codeOf(e));
  }
}

/** One file's checksums as read, by algorithm. */
type Sums = ReadonlyMap<string, string>;

class Bag implements OpenedBag {
  readonly bagName: string;
  readonly paths: readonly string[];
  private digest: string | undefined;
  private closed = false;
  private readonly byPath = new Map<string, PackageFile>();
  private readonly byKey = new Map<string, PackageFile>();

  constructor(
    private readonly handle: FileHandle,
    readonly bytes: number,
    private readonly zip: OpenedZip,
    private readonly password: string | undefined,
  ) {
    this.bagName = zip.bagName;
    this.paths = zip.files.map((f) => f.path);
    for (const file of zip.files) {
      this.byPath.set(file.path, file);
      this.byKey.set(file.path.normalize('NFC'), file);
    }
  }

  /** The package's SHA-256, hashed from the reads `verify` makes (the package is read once): known once it has run. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error('OpenedBag.sha256 is known once verify() has read the package');
    return this.digest;
  }

  async verify(options: VerifyOptions = {}): Promise<BagReport> {
    const { signal } = options;
    const problems: BagProblem[] = [];
    const files = this.zip.files;
    const payloadAlgorithms = new Set(['sha256']);
    const tagAlgorithms = new Set<string>();
    for (const { path } of files) {
      const m = MANIFEST_NAME.exec(path);
      if (!m) continue;
      const algorithm = (m[2] ?? '').toLowerCase();
      if (!ALGORITHMS.has(algorithm)) problems.push({ code: 'PACKAGE_UNSUPPORTED_MANIFEST', path });
      else (m[1] ? tagAlgorithms : payloadAlgorithms).add(algorithm);
    }

    // Every entry once, in file order: its checksums, its size, and the tag files to parse.
    const sums = new Map<string, Sums>();
    const sizes = new Map<string, number>();
    const texts = new Map<string, Buffer>();
    const total = files.reduce((a, f) => a + f.entry.uncompressedSize, 0);
    let done = 0;
    this.zip.reader.startHashing();
    for (const file of files) {
      if (signal?.aborted) throw new DomainError('PACKAGE_CANCELLED');
      const payload = file.path.startsWith('data/');
      const parsed = !payload && (file.path === 'bagit.txt' || file.path === 'bag-info.txt' || MANIFEST_NAME.test(file.path));
      // A file the caller inspects whole as it passes (a signed PDF's signatures), so that it is not read twice.
      const inspected = options.inspect !== undefined && file.entry.uncompressedSize <= options.inspect.maxBytes && options.inspect.wants(file.path);
      const whole: Buffer[] = [];
      const hashes = new Map<string, Hash>([...(payload ? payloadAlgorithms : tagAlgorithms)].map((a) => [a, createHash(a)]));
      const pieces: Buffer[] = [];
      let kept = 0;
      try {
        const read = await readEntry(
          file,
          (chunk) => {
            for (const hash of hashes.values()) hash.update(chunk);
            if (parsed) {
              kept += chunk.length;
              if (kept > MAX_PARSED_TAG_BYTES) throw new DomainError('PACKAGE_FILE_TOO_LARGE', { path: file.path });
              pieces.push(Buffer.from(chunk));
            }
            if (inspected) whole.push(Buffer.from(chunk));
            done += chunk.length;
            options.onProgress?.(done, total);
          },
          { password: this.password, signal },
        );
        sizes.set(file.path, read);
        if (inspected) options.inspect?.seen(file.path, Buffer.concat(whole));
        sums.set(file.path, new Map([...hashes].map(([a, h]) => [a, h.digest('hex')])));
        if (parsed) texts.set(file.path, Buffer.concat(pieces));
      } catch (e) {
        if (!(e instanceof DomainError) || e.code === 'PACKAGE_CANCELLED' || e.code === 'PACKAGE_READ_FAILED') throw e;
        problems.push({ code: e.code, path: file.path, ...(e.code === 'PACKAGE_SIZE_MISMATCH' ? sizeParams(e) : {}) });
      }
    }
    this.digest = await this.zip.reader.finishHashing();

    const unreadable = new Set(files.map((f) => f.path).filter((p) => !sizes.has(p)));
    const info = checkStructure(this.zip, texts, unreadable, problems);
    checkManifests(this.zip, texts, sums, unreadable, problems);
    const payloadFiles = files.filter((f) => f.path.startsWith('data/'));
    const payloadBytes = payloadFiles.reduce((a, f) => a + (sizes.get(f.path) ?? f.entry.uncompressedSize), 0);
    checkOxum(info, payloadBytes, payloadFiles.length, problems);
    const payload = new Map<string, string>();
    for (const f of payloadFiles) {
      const sum = sums.get(f.path)?.get('sha256');
      if (sum !== undefined) payload.set(f.path, sum);
    }
    return { valid: problems.length === 0, problems, info, payloadFiles: payloadFiles.length, payloadBytes, payload };
  }

  stream(path: string): Readable {
    const file = this.fileOf(path);
    const out = new PassThrough({ highWaterMark: 1024 * 1024 });
    const stopped = new AbortController();
    out.once('close', () => stopped.abort());
    readEntry(
      file,
      (chunk) => {
        if (out.destroyed) throw new DomainError('PACKAGE_CANCELLED');
        if (out.write(chunk)) return;
        return new Promise<void>((resolve) => {
          const go = (): void => {
            out.off('drain', go);
            out.off('close', go);
            resolve();
          };
          out.on('drain', go);
          out.on('close', go);
        });
      },
      { password: this.password, signal: stopped.signal },
    ).then(
      () => out.end(),
      (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))),
    );
    return out;
  }

  async read(path: string, maxBytes: number): Promise<Buffer> {
    const file = this.fileOf(path);
    if (file.entry.uncompressedSize > maxBytes) throw new DomainError('PACKAGE_FILE_TOO_LARGE', { path, max: maxBytes });
    const pieces: Buffer[] = [];
    await readEntry(file, (chunk) => void pieces.push(Buffer.from(chunk)), { password: this.password });
    return Buffer.concat(pieces);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  private fileOf(path: string): PackageFile {
    const file = this.byPath.get(path) ?? this.byKey.get(path.normalize('NFC'));
    if (!file) throw new DomainError('PACKAGE_MISSING_FILE', { path });
    return file;
  }
}

function sizeParams(e: DomainError): { expected?: string; found?: string } {
  const p = e.params ?? {};
  return {
    ...(typeof p.expected === 'string' ? { expected: p.expected } : {}),
    ...(typeof p.found === 'string' ? { found: p.found } : {}),
  };
}

/** A tag file's text, if it is there, was read, and is UTF-8 (RFC 8493 §2.1.1: tag files are UTF-8, without a byte-order mark). */
function textOf(texts: ReadonlyMap<string, Buffer>, path: string): string | undefined {
  const bytes = texts.get(path);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/).filter((line, i, all) => line !== '' || i < all.length - 1);

/**
 * The tag files' structure (RFC 8493 §2.1.1, §2.2.2): bagit.txt with a version we read and UTF-8,
 * bag-info.txt parsed (continuation lines joined), the payload folder. Returns bag-info.txt as read.
 */
function checkStructure(zip: OpenedZip, texts: ReadonlyMap<string, Buffer>, unreadable: ReadonlySet<string>, problems: BagProblem[]): BagInfo {
  const has = (path: string): boolean => zip.files.some((f) => f.path === path);
  if (!has('bagit.txt')) problems.push({ code: 'PACKAGE_NO_BAGIT_TXT' });
  else if (!unreadable.has('bagit.txt')) {
    const text = textOf(texts, 'bagit.txt');
    const tags = text === undefined || text.startsWith('\ufeff') ? undefined : parseTags(text);
    const version = tags?.find(([l]) => l === 'BagIt-Version')?.[1];
    const encoding = tags?.find(([l]) => l === 'Tag-File-Character-Encoding')?.[1];
    if (!tags || tags.bad.length > 0 || version === undefined || encoding === undefined) {
      problems.push({ code: 'PACKAGE_BAD_BAGIT_TXT', path: 'bagit.txt', ...(tags?.bad[0] !== undefined ? { found: tags.bad[0] } : {}) });
    } else if (!BAGIT_VERSIONS.has(version)) problems.push({ code: 'PACKAGE_BAD_BAGIT_TXT', path: 'bagit.txt', found: `BagIt-Version: ${version}` });
    else if (encoding.toUpperCase() !== 'UTF-8') problems.push({ code: 'PACKAGE_BAD_BAGIT_TXT', path: 'bagit.txt', found: `Tag-File-Character-Encoding: ${encoding}` });
  }
  let info: BagInfo = [];
  if (has('bag-info.txt') && !unreadable.has('bag-info.txt')) {
    const text = textOf(texts, 'bag-info.txt');
    if (text === undefined) problems.push({ code: 'PACKAGE_BAD_BAG_INFO', path: 'bag-info.txt' });
    else {
      const tags = parseTags(text);
      for (const line of tags.bad) problems.push({ code: 'PACKAGE_BAD_BAG_INFO', path: 'bag-info.txt', found: line });
      info = tags.map(([label, value]) => [label, value] as const);
    }
  }
  if (!zip.folders.has('data')) problems.push({ code: 'PACKAGE_NO_PAYLOAD' });
  return info;
}

/** "Label: value" lines; a line starting with blanks continues the value before (RFC 8493 §2.2.2). Lines of neither kind are `bad`. */
function parseTags(text: string): [string, string][] & { bad: string[] } {
  const tags: [string, string][] = [];
  const bad: string[] = [];
  for (const line of linesOf(text)) {
    const last = tags[tags.length - 1];
    if (/^[ \t]/.test(line) && last) last[1] = `${last[1]} ${line.trim()}`;
    else if (line.trim() === '') continue;
    else {
      const colon = line.indexOf(':');
      const label = colon > 0 ? line.slice(0, colon) : '';
      if (label === '' || label.trim() !== label) bad.push(line);
      else tags.push([label, line.slice(colon + 1).trim()]);
    }
  }
  return Object.assign(tags, { bad });
}

/** One manifest's lines: path (decoded) → checksum, with its lines that are not "checksum path". */
function parseManifest(text: string, name: string, problems: BagProblem[]): Map<string, { path: string; sum: string }> {
  const entries = new Map<string, { path: string; sum: string }>();
  for (const line of linesOf(text)) {
    const m = /^([0-9A-Fa-f]+)[ \t]+(.+)$/.exec(line);
    const path = m ? decodeManifestPath(m[2] ?? '') : undefined;
    const key = path?.normalize('NFC');
    if (!m || path === undefined || key === undefined || entries.has(key)) {
      problems.push({ code: 'PACKAGE_BAD_MANIFEST', path: name, found: line });
      continue;
    }
    entries.set(key, { path, sum: (m[1] ?? '').toLowerCase() });
  }
  return entries;
}

/**
 * Completeness and every checksum (RFC 8493 §3): each payload manifest lists every payload file
 * and only files that are there; each tag manifest's files are there; every checksum matches.
 * Stricter than RFC 8493 as bagit.py reads it: manifest-sha256.txt and tagmanifest-sha256.txt are
 * required, and a tag file tagmanifest-sha256.txt does not list is extra (it would be read unchecked).
 */
function checkManifests(zip: OpenedZip, texts: ReadonlyMap<string, Buffer>, sums: ReadonlyMap<string, Sums>, unreadable: ReadonlySet<string>, problems: BagProblem[]): void {
  const byKey = new Map(zip.files.map((f) => [f.path.normalize('NFC'), f.path]));
  const present = (name: string): boolean => byKey.has(name);
  if (!present(MANIFEST)) problems.push({ code: 'PACKAGE_NO_MANIFEST' });
  if (!present(TAG_MANIFEST)) problems.push({ code: 'PACKAGE_NO_TAG_MANIFEST' });
  const missing = new Set<string>();
  const extra = new Set<string>();

  for (const { path: name } of zip.files) {
    const m = MANIFEST_NAME.exec(name);
    const algorithm = (m?.[2] ?? '').toLowerCase();
    if (!m || !ALGORITHMS.has(algorithm) || unreadable.has(name)) continue;
    const tag = m[1] !== undefined;
    const text = textOf(texts, name);
    if (text === undefined) {
      problems.push({ code: 'PACKAGE_BAD_MANIFEST', path: name });
      continue;
    }
    const listed = parseManifest(text, name, problems);
    for (const [key, { path, sum }] of listed) {
      if (path.startsWith('data/') === tag) {
        problems.push({ code: 'PACKAGE_BAD_MANIFEST', path: name, found: `${sum}  ${path}` });
        continue;
      }
      const actual = byKey.get(key);
      if (actual === undefined) {
        if (!missing.has(key)) problems.push({ code: 'PACKAGE_MISSING_FILE', path });
        missing.add(key);
        continue;
      }
      const found = sums.get(actual)?.get(algorithm);
      if (found !== undefined && found !== sum) problems.push({ code: 'PACKAGE_HASH_MISMATCH', path: actual, expected: sum, found });
    }
    // Every payload file is in every payload manifest; every tag file in the SHA-256 tag manifest.
    if (tag && algorithm !== 'sha256') continue;
    for (const { path } of zip.files) {
      const key = path.normalize('NFC');
      const belongs = tag ? !path.startsWith('data/') && !/^tagmanifest-/.test(path) : path.startsWith('data/');
      if (belongs && !listed.has(key) && !extra.has(key)) {
        problems.push({ code: 'PACKAGE_EXTRA_FILE', path });
        extra.add(key);
      }
    }
  }
}

/** Payload-Oxum (RFC 8493 §2.2.2): "octets.files" of the payload, as found. */
function checkOxum(info: BagInfo, bytes: number, files: number, problems: BagProblem[]): void {
  const oxum = info.find(([label]) => label === 'Payload-Oxum')?.[1];
  if (oxum === undefined) return;
  if (!/^\d+\.\d+$/.test(oxum)) {
    problems.push({ code: 'PACKAGE_BAD_BAG_INFO', path: 'bag-info.txt', found: `Payload-Oxum: ${oxum}` });
    return;
  }
  const found = `${bytes}.${files}`;
  if (oxum !== found) problems.push({ code: 'PACKAGE_OXUM_MISMATCH', path: 'bag-info.txt', expected: oxum, found });
}

/** A problem of a report as one line for a person (the catalogue's text; its code if the catalogue has none). */
export function bagProblemText(problem: BagProblem, lang: Lang = 'lt'): string {
  const { code, ...params } = problem;
  return textOfError(code, params, lang) ?? code;
}
