// Issue 15 ("Bad input"): a package comes from outside — another institution's dossier (V-77 p. 7),
// a case back from the archive — so openBag refuses a hostile one from its central directory alone,
// before any content is read, each refusal with its own code: names that would unpack outside the
// folder (the "zip slip"), links, names that collide once unpacked (Unicode normalisation, case),
// zip bombs (ratio, total size, sizes that lie, overlapping entries), a cut or damaged archive, a
// file that is not a zip, one over the size limit. Each is a real zip file made here, by zip.js,
// by Info-ZIP `zip`, or by patching the bytes of one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGE_LIMITS, openBag, writeBag } from '../../../electron/services/archive/bagit';
import type { OpenedBag, PackageLimits } from '../../../electron/services/archive/bagTypes';
import { DomainError } from '../../../shared/domain/errors';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'package-safety-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const path = join(dir, `t${++n}`);
  mkdirSync(path);
  return path;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A zip written by zip.js with exactly these entry names (zip.js stores any name it is given). */
async function zipOf(entries: readonly (readonly [name: string, content: string])[], level = 0): Promise<string> {
  const writer = new Uint8ArrayWriter();
  const zip = new ZipWriter(writer, { level, useWebWorkers: false });
  for (const [name, content] of entries) await zip.add(name, new Uint8ArrayReader(utf8(content)));
  const path = join(folder(), 'paketas.zip');
  writeFileSync(path, await zip.close());
  return path;
}

async function refusal(path: string, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): Promise<DomainError> {
  let bag: OpenedBag | undefined;
  try {
    bag = await openBag(path, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  await bag.close();
  throw new Error(`${path} was opened`);
}

/** Replace every occurrence of `from` by `to` (the same length) in a file's bytes: local headers and central directory alike. */
function replaceBytes(path: string, from: string, to: string): void {
  const bytes = readFileSync(path);
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  expect(a.length).toBe(b.length);
  let count = 0;
  for (let at = bytes.indexOf(a); at >= 0; at = bytes.indexOf(a, at + 1)) {
    b.copy(bytes, at);
    count++;
  }
  expect(count).toBeGreaterThan(0);
  writeFileSync(path, bytes);
}

/** The offsets of the local headers (PK\3\4) and central directory records (PK\1\2) naming `name`. */
function headersOf(bytes: Buffer, name: string): { local: number[]; central: number[] } {
  const wanted = Buffer.from(name);
  const local: number[] = [];
  const central: number[] = [];
  for (let i = 0; i + 46 <= bytes.length; i++) {
    const signature = bytes.readUInt32LE(i);
    if (signature === 0x04034b50 && bytes.subarray(i + 30, i + 30 + bytes.readUInt16LE(i + 26)).equals(wanted)) local.push(i);
    if (signature === 0x02014b50 && bytes.subarray(i + 46, i + 46 + bytes.readUInt16LE(i + 28)).equals(wanted)) central.push(i);
  }
  return { local, central };
}

/** A bag folder on disk for Info-ZIP `zip` to pack: bag/bagit.txt and what `files` add. */
function bagFolder(files: Record<string, string | Buffer> = {}): string {
  const where = folder();
  mkdirSync(join(where, 'bag', 'data'), { recursive: true });
  writeFileSync(join(where, 'bag', 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  for (const [path, content] of Object.entries(files)) writeFileSync(join(where, 'bag', path), content);
  return where;
}

async function writtenBag(): Promise<string> {
  const path = join(folder(), 'byla.zip');
  await writeBag(path, {
    bagName: 'byla-2026-0042',
    payload: [
      { path: 'data/case.json', open: () => Buffer.from('{"id":"2026-0042"}\n') },
      { path: 'data/dossier.pdf', open: () => Buffer.alloc(200_000, 7) },
    ],
    info: [['Source-Organization', 'Pravieniškių pataisos namai']],
  });
  return path;
}

describe('openBag refuses names that would unpack outside the bag (PACKAGE_UNSAFE_PATH)', () => {
  it.each([
    ['a "../" segment', 'bag/../evil.txt'],
    ['"../" deep in the path', 'bag/data/../../../etc/cron.d/evil'],
    ['an absolute path', '/etc/cron.d/evil'],
    ['a drive letter', 'C:/Windows/System32/evil.dll'],
    ['backslashes (a Windows "..")', 'bag\\..\\..\\evil.txt'],
    ['a NUL character', 'bag/data/sprendimas.pdf\u0000.exe'],
    ['a control character (C1)', 'bag/data/a\u0085b.pdf'],
    ['an empty segment', 'bag//data/a.pdf'],
  ])('%s: %j', async (_, name) => {
    const path = await zipOf([
      ['bag/bagit.txt', 'BagIt-Version: 1.0\n'],
      [name, 'x'],
    ]);
    const refused = await refusal(path);
    expect(refused.code).toBe('PACKAGE_UNSAFE_PATH');
    expect(refused.params).toEqual({ path: name });
    expect(refused.message).toContain('pavojingu vardu');
  });

  it('a control byte in the raw name that a legacy (non-UTF-8) name would hide', async () => {
    const path = await zipOf([
      ['bag/bagit.txt', 'x'],
      ['bag/data/aXb.pdf', 'x'],
    ]);
    // The raw bytes of the name get a line feed, in the local header and the central directory.
    const bytes = readFileSync(path);
    for (let at = bytes.indexOf('aXb'); at >= 0; at = bytes.indexOf('aXb', at + 1)) bytes[at + 1] = 0x0a;
    writeFileSync(path, bytes);
    expect((await refusal(path)).code).toBe('PACKAGE_UNSAFE_PATH');
  });
});

describe('openBag refuses links and special entries (PACKAGE_SYMLINK)', () => {
  it('a symbolic link stored by `zip --symlinks` pointing out of the bag', async () => {
    const where = bagFolder({ 'data/case.json': '{}' });
    symlinkSync('/etc/passwd', join(where, 'bag', 'data', 'slaptazodziai'));
    const path = join(where, 'paketas.zip');
    execFileSync('zip', ['-q', '-r', '--symlinks', path, 'bag'], { cwd: where });
    const refused = await refusal(path);
    expect(refused.code).toBe('PACKAGE_SYMLINK');
    expect(refused.params).toEqual({ path: 'bag/data/slaptazodziai' });
  });
});

describe('openBag refuses names that collide once unpacked (PACKAGE_DUPLICATE_NAME)', () => {
  it('the same name twice', async () => {
    const path = await zipOf([
      ['bag/bagit.txt', 'x'],
      ['bag/data/a1.pdf', 'pirmas'],
      ['bag/data/a2.pdf', 'antras'],
    ]);
    replaceBytes(path, 'bag/data/a2.pdf', 'bag/data/a1.pdf');
    const refused = await refusal(path);
    expect(refused.code).toBe('PACKAGE_DUPLICATE_NAME');
    expect(refused.params).toEqual({ path: 'bag/data/a1.pdf', found: 'bag/data/a1.pdf' });
  });

  it('names equal after Unicode normalisation: "Žemaitis.pdf" in NFC and in NFD (as macOS writes it)', async () => {
    const nfc = 'bag/data/Žemaitis.pdf'.normalize('NFC');
    const nfd = 'bag/data/Žemaitis.pdf'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    const refused = await refusal(
      await zipOf([
        ['bag/bagit.txt', 'x'],
        [nfc, 'pirmas'],
        [nfd, 'antras'],
      ]),
    );
    expect(refused.code).toBe('PACKAGE_DUPLICATE_NAME');
    expect(refused.params).toEqual({ path: nfd, found: nfc });
  });

  it('names that differ only in case (one file on Windows and macOS)', async () => {
    const refused = await refusal(
      await zipOf([
        ['bag/bagit.txt', 'x'],
        ['bag/data/Sprendimas.pdf', 'pirmas'],
        ['bag/data/SPRENDIMAS.pdf', 'antras'],
      ]),
    );
    expect(refused.code).toBe('PACKAGE_DUPLICATE_NAME');
  });

  it('a file and a folder of the same name', async () => {
    const refused = await refusal(
      await zipOf([
        ['bag/bagit.txt', 'x'],
        ['bag/data/priedai', 'failas'],
        ['bag/data/Priedai/a.pdf', 'aplanke'],
      ]),
    );
    expect(refused.code).toBe('PACKAGE_DUPLICATE_NAME');
  });
});

describe('openBag refuses zip bombs (PACKAGE_BOMB, PACKAGE_TOO_MANY_ENTRIES) and counts what is inflated', () => {
  it('an entry compressed far beyond the ratio allowed (20 MB of zeros in a few KB)', async () => {
    const where = bagFolder({ 'data/nuliai.pdf': Buffer.alloc(20 * 1024 * 1024) });
    const path = join(where, 'bomba.zip');
    execFileSync('zip', ['-q', '-r', '-9', path, 'bag'], { cwd: where });
    const refused = await refusal(path);
    expect(refused.code).toBe('PACKAGE_BOMB');
    expect(refused.params).toEqual({ reason: 'ratio', path: 'bag/data/nuliai.pdf', max: DEFAULT_PACKAGE_LIMITS.maxRatio });
    expect(refused.message).toContain('ZIP bomba');
  });

  it('files that would unpack to more than the total allowed', async () => {
    const refused = await refusal(await writtenBag(), { ...DEFAULT_PACKAGE_LIMITS, maxTotalBytes: 100_000 });
    expect(refused.code).toBe('PACKAGE_BOMB');
    expect(refused.params).toEqual({ reason: 'total', max: 100_000 });
  });

  it('more entries than allowed', async () => {
    const refused = await refusal(await writtenBag(), { ...DEFAULT_PACKAGE_LIMITS, maxEntries: 3 });
    expect(refused.code).toBe('PACKAGE_TOO_MANY_ENTRIES');
    expect(refused.params).toEqual({ max: 3 });
  });

  it('header sizes that lie: an entry that says 1000 bytes and inflates to 5 MB is stopped at 1000 and reported', async () => {
    const where = bagFolder({ 'data/melas.pdf': Buffer.alloc(5 * 1024 * 1024) });
    const path = join(where, 'melas.zip');
    execFileSync('zip', ['-q', '-r', '-9', path, 'bag'], { cwd: where });
    const bytes = readFileSync(path);
    const { local, central } = headersOf(bytes, 'bag/data/melas.pdf');
    expect(local.length).toBe(1);
    expect(central.length).toBe(1);
    bytes.writeUInt32LE(1000, local[0]! + 22);
    bytes.writeUInt32LE(1000, central[0]! + 24);
    writeFileSync(path, bytes);

    const bag = await openBag(path, DEFAULT_PACKAGE_LIMITS);
    try {
      const report = await bag.verify();
      expect(report.problems).toContainEqual({ code: 'PACKAGE_SIZE_MISMATCH', path: 'data/melas.pdf', expected: '1000', found: '>1000' });
      const refused = await bag.read('data/melas.pdf', 10_000).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('PACKAGE_SIZE_MISMATCH');
      let streamed = 0;
      const failed = await (async () => {
        for await (const piece of bag.stream('data/melas.pdf')) streamed += (piece as Buffer).length;
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((failed as DomainError).code).toBe('PACKAGE_SIZE_MISMATCH');
      expect(streamed).toBeLessThanOrEqual(1000);
    } finally {
      await bag.close();
    }
  });

  it('entries that overlap (many entries made of one compressed kernel, the "better zip bomb")', async () => {
    const path = await zipOf([
      ['bag/bagit.txt', 'x'],
      ['bag/data/a.pdf', 'a'.repeat(1000)],
      ['bag/data/b.pdf', 'b'.repeat(1000)],
    ]);
    const bytes = readFileSync(path);
    const a = headersOf(bytes, 'bag/data/a.pdf');
    const b = headersOf(bytes, 'bag/data/b.pdf');
    // b's central record points at a's data.
    bytes.writeUInt32LE(a.local[0]!, b.central[0]! + 42);
    writeFileSync(path, bytes);
    const refused = await refusal(path);
    expect(refused.code).toBe('PACKAGE_CORRUPT');
  });

  it('a central directory larger than any allowed number of entries needs, refused before it is read into memory', async () => {
    const path = await writtenBag();
    const bytes = readFileSync(path);
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt32LE(512 * 1024 * 1024, eocd + 12);
    writeFileSync(path, bytes);
    const refused = await refusal(path, { ...DEFAULT_PACKAGE_LIMITS, maxEntries: 100 });
    expect(refused.code).toBe('PACKAGE_BOMB');
    expect(refused.params).toEqual({ reason: 'directory' });
  });
});

describe('openBag refuses what is not a whole zip of one bag', () => {
  it('a truncated archive (cut in the middle, or its last bytes lost) is PACKAGE_TRUNCATED', async () => {
    const half = await writtenBag();
    truncateSync(half, Math.floor(readFileSync(half).length / 2));
    expect((await refusal(half)).code).toBe('PACKAGE_TRUNCATED');
    const tail = await writtenBag();
    truncateSync(tail, readFileSync(tail).length - 10);
    const refused = await refusal(tail);
    expect(refused.code).toBe('PACKAGE_TRUNCATED');
    expect(refused.message).toContain('nepilnas arba sugadintas');
  });

  it('a damaged central directory is PACKAGE_TRUNCATED', async () => {
    const path = await writtenBag();
    const bytes = readFileSync(path);
    const first = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.fill(0x20, first, first + 60);
    writeFileSync(path, bytes);
    expect((await refusal(path)).code).toBe('PACKAGE_TRUNCATED');
  });

  it('a file that is not a zip (a PDF, an empty file) is PACKAGE_NOT_ZIP', async () => {
    const pdf = join(folder(), 'paketas.zip');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    expect((await refusal(pdf)).code).toBe('PACKAGE_NOT_ZIP');
    const empty = join(folder(), 'tuscias.zip');
    writeFileSync(empty, '');
    const refused = await refusal(empty);
    expect(refused.code).toBe('PACKAGE_NOT_ZIP');
    expect(refused.message).toContain('nėra ZIP paketas');
  });

  it('a package over the size limit is PACKAGE_TOO_LARGE, whatever it holds (refused before it is read)', async () => {
    const path = await writtenBag();
    const size = readFileSync(path).length;
    const refused = await refusal(path, { ...DEFAULT_PACKAGE_LIMITS, maxPackageBytes: 100_000 });
    expect(refused.code).toBe('PACKAGE_TOO_LARGE');
    expect(refused.params).toEqual({ bytes: size, max: 100_000 });
    const notZip = join(folder(), 'didelis.zip');
    writeFileSync(notZip, Buffer.alloc(200_000, 0x41));
    expect((await refusal(notZip, { ...DEFAULT_PACKAGE_LIMITS, maxPackageBytes: 100_000 })).code).toBe('PACKAGE_TOO_LARGE');
  });

  it('a missing file is PACKAGE_READ_FAILED (ENOENT)', async () => {
    const refused = await refusal(join(folder(), 'nera.zip'));
    expect(refused.code).toBe('PACKAGE_READ_FAILED');
    expect(refused.params).toEqual({ code: 'ENOENT' });
  });

  it('files beside the bag folder, or two top folders, are PACKAGE_NOT_A_BAG', async () => {
    const beside = await zipOf([
      ['bag/bagit.txt', 'x'],
      ['skaityk.txt', 'x'],
    ]);
    expect((await refusal(beside)).params).toEqual({ found: 'skaityk.txt' });
    const two = await zipOf([
      ['bag/bagit.txt', 'x'],
      ['kitas/bagit.txt', 'x'],
    ]);
    const refused = await refusal(two);
    expect(refused.code).toBe('PACKAGE_NOT_A_BAG');
    expect(refused.params).toEqual({ found: 'kitas/bagit.txt' });
  });
});
