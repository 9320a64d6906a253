// Issue 15: the dossier's documents (V-77 p. 6) stored and read as streams, for the case packages and
// the dossier sent to another institution (V-77 p. 7): one pass to hash and seal (sealed format v3),
// memory bounded whatever the size, a file altered or swapped refused, the issue 4 format (v2) still
// read. On a real data directory on disk, through the real DocumentStore and key file.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import { openDataDirectory, type DataDirectory } from '../../electron/services/store/dataDirectory';
import { DocumentStore, sha256Hex } from '../../electron/services/store/documentStore';
import { encryptingCodec, openEncryption, type BlobSealer } from '../../electron/services/store/encryption';
import { tempDataDir } from '../helpers/dataDir';

const MiB = 1024 * 1024;
const opened: DataDirectory[] = [];

afterEach(() => {
  for (const dir of opened.splice(0)) if (dir.held) dir.release();
});

interface Opened {
  root: string;
  documents: DocumentStore;
  blobs: BlobSealer;
}

/** A new data directory with its key file, as the app opens it, and its document store. */
async function openStore(root = tempDataDir()): Promise<Opened> {
  const dir = openDataDirectory(root);
  opened.push(dir);
  const { blobs } = await openEncryption(dir, { kind: 'passphrase', passphrase: process.env.PUSIAUKELE_PASSPHRASE ?? 'test-passphrase-pusiaukele' });
  return { root, documents: new DocumentStore(dir, blobs), blobs };
}

/** A document's content, `size` bytes, delivered in pieces of uneven sizes (as a network or zip reader gives them). */
async function* pieces(size: number, seed = randomBytes(32)): AsyncGenerator<Buffer> {
  // An AES-CTR key stream: the same seed gives the same bytes, without holding them.
  const stream = createCipheriv('aes-256-ctr', seed, Buffer.alloc(16));
  let made = 0;
  for (let n = 0; made < size; n++) {
    const length = Math.min(size - made, 1000 + ((n * 7919) % (3 * 65536)));
    made += length;
    yield stream.update(Buffer.alloc(length));
  }
}

/** SHA-256 and size of what a stream of `pieces` gives, without keeping it. */
async function digestOf(source: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** The code a promise or call is refused with. */
async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('not refused');
}

/** Every file under documents/, relative paths (content folders' files and temporary files alike). */
function documentFiles(root: string): string[] {
  const base = join(root, 'documents');
  return readdirSync(base, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(base, p)).isFile());
}

function sealedPath(o: Opened, sha256: string): string {
  const name = o.blobs.blobName(sha256);
  return join(o.root, 'documents', name.slice(0, 2), `${name}.bin`);
}

describe('documents stored and read as streams (issue 15; V-77 p. 6, 7)', () => {
  it('a 30 MB document streams in, is sealed on disk (v3), and streams out byte for byte', async () => {
    const o = await openStore();
    const seed = randomBytes(32);
    const expected = await digestOf(pieces(30 * MiB, seed));
    const stored = await o.documents.putStream(pieces(30 * MiB, seed));
    expect(stored).toEqual({ sha256: expected.sha256, size: 30 * MiB, stored: true });
    const onDisk = readFileSync(sealedPath(o, stored.sha256));
    expect(onDisk.subarray(0, 4)).toEqual(Buffer.from('PUS\x03', 'latin1'));
    expect(onDisk.length).toBe(30 * MiB + 32); // header, IV, ciphertext, tag
    // Encrypted at rest: the first kilobyte of the content is nowhere in the file.
    const first = (await pieces(1024, seed).next()).value as Buffer;
    expect(onDisk.includes(first.subarray(0, 1024))).toBe(false);
    expect(await digestOf(o.documents.openStream(stored.sha256))).toEqual(expected);
    expect(sha256Hex(o.documents.read(stored.sha256))).toBe(expected.sha256);
    expect(documentFiles(o.root)).toHaveLength(1); // no temporary file left
  });

  it('putFile stores a file from disk the same way, and the same content twice is stored once', async () => {
    const o = await openStore();
    const file = join(o.root, '..', '6.1 rizikos vertinimas.pdf');
    writeFileSync(file, randomBytes(3 * MiB));
    const first = await o.documents.putFile(file);
    expect(first).toEqual({ sha256: sha256Hex(readFileSync(file)), size: 3 * MiB, stored: true });
    const before = readFileSync(sealedPath(o, first.sha256));
    expect(await o.documents.putStream(Readable.from([readFileSync(file)]))).toEqual({ ...first, stored: false });
    expect(await o.documents.putFile(file)).toEqual({ ...first, stored: false });
    expect(documentFiles(o.root)).toHaveLength(1);
    expect(readFileSync(sealedPath(o, first.sha256)).equals(before)).toBe(true); // not rewritten
    expect(o.documents.read(first.sha256).equals(readFileSync(file))).toBe(true);
  });

  it('put (bytes in memory) writes v3 too, and openStream reads it', async () => {
    const o = await openStore();
    const bytes = randomBytes(2 * MiB + 17);
    expect(o.documents.put(sha256Hex(bytes), bytes)).toBe(true);
    expect(readFileSync(sealedPath(o, sha256Hex(bytes))).subarray(0, 4).toString('latin1')).toBe('PUS\x03');
    expect(await digestOf(o.documents.openStream(sha256Hex(bytes)))).toEqual({ sha256: sha256Hex(bytes), size: bytes.length });
  });

  it('a document that is not there: DOCUMENT_MISSING at once', async () => {
    const o = await openStore();
    expect(await refusal(() => o.documents.openStream('0'.repeat(64)))).toBe('DOCUMENT_MISSING');
    expect(await refusal(() => o.documents.read('0'.repeat(64)))).toBe('DOCUMENT_MISSING');
  });
});

describe('an altered or swapped document file is refused, streamed or read (issue 15; AES-GCM tag, NIST SP 800-38D §7.2)', () => {
  const alterations: [string, (size: number) => number][] = [
    ['the header', () => 3], // "PUS\x03" → "PUS\x02": the other format's AAD, the tag fails
    ['the first byte of the header', () => 0],
    ['the IV', () => 6],
    ['the ciphertext, in its first piece', () => 100],
    ['the ciphertext, in its last piece', (size) => size - 40],
    ['the tag', (size) => size - 1],
  ];
  for (const [where, at] of alterations) {
    it(`one bit flipped in ${where}: DOCUMENT_NOT_AUTHENTIC`, async () => {
      const o = await openStore();
      const { sha256 } = await o.documents.putStream(pieces(3 * MiB + 5));
      const path = sealedPath(o, sha256);
      const sealed = readFileSync(path);
      sealed[at(sealed.length)]! ^= 0x01;
      writeFileSync(path, sealed);
      expect(await refusal(() => digestOf(o.documents.openStream(sha256)))).toBe('DOCUMENT_NOT_AUTHENTIC');
      expect(await refusal(() => o.documents.read(sha256))).toBe('DOCUMENT_NOT_AUTHENTIC');
    });
  }

  it('a file cut short: DOCUMENT_NOT_AUTHENTIC', async () => {
    const o = await openStore();
    const { sha256 } = await o.documents.putStream(pieces(MiB));
    const path = sealedPath(o, sha256);
    writeFileSync(path, readFileSync(path).subarray(0, 20));
    expect(await refusal(() => digestOf(o.documents.openStream(sha256)))).toBe('DOCUMENT_NOT_AUTHENTIC');
    expect(await refusal(() => o.documents.read(sha256))).toBe('DOCUMENT_NOT_AUTHENTIC');
  });

  it("another document's genuine file put in its place is refused: the SHA-256 of the plain bytes must be the name's", async () => {
    const o = await openStore();
    const a = await o.documents.putStream(pieces(2 * MiB));
    const b = await o.documents.putStream(pieces(2 * MiB));
    writeFileSync(sealedPath(o, a.sha256), readFileSync(sealedPath(o, b.sha256)));
    expect(await refusal(() => digestOf(o.documents.openStream(a.sha256)))).toBe('DOCUMENT_NOT_AUTHENTIC');
    expect(await refusal(() => o.documents.read(a.sha256))).toBe('DOCUMENT_NOT_AUTHENTIC');
    expect((await digestOf(o.documents.openStream(b.sha256))).sha256).toBe(b.sha256); // the original still reads
  });

  it('a streaming consumer gets the pieces first and the refusal at the end (why it must commit only after a clean end)', async () => {
    const o = await openStore();
    const { sha256 } = await o.documents.putStream(pieces(4 * MiB));
    const path = sealedPath(o, sha256);
    const sealed = readFileSync(path);
    sealed[sealed.length - 1]! ^= 0x80;
    writeFileSync(path, sealed);
    let received = 0;
    const code = await refusal(async () => {
      for await (const chunk of o.documents.openStream(sha256) as AsyncIterable<Buffer>) received += chunk.length;
    });
    expect(code).toBe('DOCUMENT_NOT_AUTHENTIC');
    expect(received).toBe(4 * MiB);
  });
});

describe('documents sealed by the issue 4 code (format v2, "PUS\\x02") still read (issue 15)', () => {
  /** Sealed by blobSealer of commit 6c67a88 (issue 4) under a key of 32 bytes 0x5a: the bytes as it wrote them. */
  const V2 = {
    key: Buffer.alloc(32, 0x5a),
    plain: 'V-77 6 p.: nuteistojo asmens byla, perduota pagal 7 p. (issue 4 format)\n',
    sha256: '0d8f3c504d3e337e8ca05f9be4b19d23401bfb4ef7b2582f5dfc5a9a066d334d',
    name: '1408991fe806133a745cc52408adb5e95106ebd6a8cb38e55c136fefb7dc05ee',
    sealed:
      '5055530254cada686cc9e8b469431a4b9666a8809ca4d94da98405030eb2a9ac4d9a0cb19ec8aa46e5a84cfe2e8d8ea84e600b0fb9857f7e29c9e34c565bec79f1c644af8fe1d073475d61fdb0bb9a5748a3cfedfc451ee9ca9878515513e69c44da2f51fe280ba7',
  };

  async function withV2File(): Promise<{ documents: DocumentStore; path: string }> {
    const root = tempDataDir();
    const dir = openDataDirectory(root);
    opened.push(dir);
    const blobs = encryptingCodec(V2.key).blobs;
    expect(blobs.blobName(V2.sha256)).toBe(V2.name); // the names of existing directories stay the same
    const path = join(root, 'documents', V2.name.slice(0, 2), `${V2.name}.bin`);
    const documents = new DocumentStore(dir, blobs);
    await mkdir(join(path, '..'), { recursive: true });
    writeFileSync(path, Buffer.from(V2.sealed, 'hex'));
    return { documents, path };
  }

  it('read and openStream give the plain bytes of a v2 file', async () => {
    const { documents } = await withV2File();
    expect(documents.has(V2.sha256)).toBe(true);
    expect(documents.read(V2.sha256).toString('utf8')).toBe(V2.plain);
    const chunks: Buffer[] = [];
    for await (const chunk of documents.openStream(V2.sha256) as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(V2.plain);
    // Stored again, the same content is found stored: the v2 file stays as it is.
    expect(await documents.putStream(Readable.from([Buffer.from(V2.plain, 'utf8')]))).toEqual({ sha256: V2.sha256, size: Buffer.byteLength(V2.plain), stored: false });
  });

  it('an altered v2 file is refused, streamed or read', async () => {
    const { documents, path } = await withV2File();
    const sealed = readFileSync(path);
    sealed[20]! ^= 0x04;
    writeFileSync(path, sealed);
    expect(await refusal(() => digestOf(documents.openStream(V2.sha256)))).toBe('DOCUMENT_NOT_AUTHENTIC');
    expect(await refusal(() => documents.read(V2.sha256))).toBe('DOCUMENT_NOT_AUTHENTIC');
  });
});

describe('limits and leftovers: a refused or unfinished store leaves nothing behind (issue 15)', () => {
  it('content over maxBytes is refused (FILE_TOO_LARGE) with no file, not even a temporary one', async () => {
    const o = await openStore();
    const error = await o.documents.putStream(pieces(5 * MiB), { maxBytes: 2 * MiB, name: '6.3 charakteristika.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('FILE_TOO_LARGE');
    expect((error as DomainError).message).toContain('6.3 charakteristika.pdf');
    expect(documentFiles(o.root)).toEqual([]);
    // A file on disk over the limit is refused before it is read.
    const file = join(o.root, '..', 'didelis.pdf');
    writeFileSync(file, randomBytes(3 * MiB));
    expect(await refusal(() => o.documents.putFile(file, { maxBytes: 2 * MiB }))).toBe('FILE_TOO_LARGE');
    expect(documentFiles(o.root)).toEqual([]);
    // Exactly at the limit is accepted.
    expect((await o.documents.putFile(file, { maxBytes: 3 * MiB })).stored).toBe(true);
  });

  it('a source that fails half-way passes its error on and leaves no file', async () => {
    const o = await openStore();
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(MiB);
      throw new Error('connection lost');
    }
    await expect(o.documents.putStream(failing())).rejects.toThrow('connection lost');
    expect(documentFiles(o.root)).toEqual([]);
  });

  it("the removal of a crash's leftovers spares a store under way and removes the rest", async () => {
    const o = await openStore();
    const crashed = join(o.root, 'documents', '.incoming.0123456789ab.tmp');
    writeFileSync(crashed, 'half-written');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    async function* slow(): AsyncGenerator<Buffer> {
      yield randomBytes(MiB);
      await gate;
      yield randomBytes(MiB);
    }
    const storing = o.documents.putStream(slow());
    await new Promise((r) => setTimeout(r, 50));
    expect(documentFiles(o.root)).toHaveLength(2); // the leftover and the store under way
    expect(await o.documents.removeLeftovers()).toBe(1);
    expect(existsSync(crashed)).toBe(false);
    release();
    const stored = await storing;
    expect(stored.stored).toBe(true);
    expect((await digestOf(o.documents.openStream(stored.sha256))).size).toBe(2 * MiB);
  });

  it('the check keeps what putStream stored until the next start, even while no case names it yet', async () => {
    const root = tempDataDir();
    const o = await openStore(root);
    const { sha256 } = await o.documents.putStream(pieces(MiB));
    o.documents.beginCheck();
    expect(o.documents.sweep(new Set(), Date.now() + 60_000)).toBe(0); // an import may name it after the check
    opened.pop()!.release();
    const next = await openStore(root);
    next.documents.beginCheck();
    expect(next.documents.sweep(new Set(), Date.now() + 60_000)).toBe(1); // still unnamed at the next start: removed
    expect(next.documents.has(sha256)).toBe(false);
  });
});

describe('memory stays bounded whatever the document size (issue 15: export and import of a 200 MB case under 200 MB)', () => {
  it('streaming a 100 MB document in and out grows the resident memory by far less than 100 MB', async () => {
    const o = await openStore();
    const SIZE = 100 * MiB;
    const seed = randomBytes(32);
    // Warm up (code, buffers, the thread pool) so that what is measured is the streaming itself.
    await digestOf(o.documents.openStream((await o.documents.putStream(pieces(4 * MiB))).sha256));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const timer = setInterval(sample, 5);
    async function* sampled(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
      for await (const chunk of source) {
        sample();
        yield chunk;
      }
    }
    try {
      const stored = await o.documents.putStream(sampled(pieces(SIZE, seed)));
      expect(stored.size).toBe(SIZE);
      const out = await digestOf(sampled(o.documents.openStream(stored.sha256) as Readable));
      expect(out).toEqual({ sha256: stored.sha256, size: SIZE });
    } finally {
      clearInterval(timer);
    }
    const grew = (peak - before) / MiB;
    // Measured here at about 10–20 MB (pieces of 1 MiB in flight, buffers awaiting collection);
    // holding the document whole would take 100 MB or more.
    expect(grew).toBeLessThan(50);
  });
});
