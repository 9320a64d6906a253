// Issue 15: a case package is a BagIt 1.0 bag (RFC 8493) in a zip, which an archive or another
// institution (V-77 p. 7: the dossier sent to the halfway house's institution) checks with `unzip`
// and `sha256sum -c`, no software of ours. These tests write real packages into a temporary folder
// and check them with the real tools, then with openBag's full check (what `bagit.py --validate`
// checks: completeness, every checksum, the tag manifest, Payload-Oxum), on packages altered after
// they were written.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bagProblemText, DEFAULT_PACKAGE_LIMITS, openBag, writeBag } from '../../../electron/services/archive/bagit';
import type { BagFileSource, BagReport, WriteBagOptions } from '../../../electron/services/archive/bagTypes';
import { DomainError } from '../../../shared/domain/errors';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bagit-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder of its own for one test. */
function folder(): string {
  const path = join(dir, `t${++n}`);
  mkdirSync(path);
  return path;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const text = (path: string, content: string): BagFileSource => ({ path, open: () => Buffer.from(content, 'utf8') });

/** A file of `size` pseudo-random bytes as a stream of 1 MiB pieces, each a new buffer (as a file read gives them). */
function generated(path: string, size: number, seed = 1): BagFileSource & { sha256: string } {
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((Math.imul(i + seed, 2654435761) ^ seed) >>> 0, i);
  const pieces = function* (): Generator<Buffer> {
    for (let done = 0, k = 0; done < size; k++) {
      const piece = Buffer.from(block.subarray(0, Math.min(block.length, size - done)));
      if (piece.length >= 4) piece.writeUInt32LE(k, 0);
      done += piece.length;
      yield piece;
    }
  };
  const hash = createHash('sha256');
  for (const piece of pieces()) hash.update(piece);
  return { path, size, open: () => Readable.from(pieces(), { objectMode: false }), sha256: hash.digest('hex') };
}

const PDF_BYTES = Buffer.from('%PDF-1.7\n% tikras turinys: MARKER-PRASYMAS-0001\n%%EOF\n', 'utf8');

function sampleOptions(extra: Partial<WriteBagOptions> = {}): WriteBagOptions {
  return {
    bagName: 'byla-2026-0042',
    payload: [
      text('data/case.json', '{"id":"2026-0042","schemaVersion":1}\n'),
      { path: 'data/dossier/6.1/01-v1-Prašymas – Žemaitis.pdf', size: PDF_BYTES.length, open: () => Readable.from([PDF_BYTES]) },
      // A stream of unknown size (the merged dossier PDF is made as it is written).
      { path: 'data/audit/entries.json', open: () => Readable.from([Buffer.from('[\n'), Buffer.from(']\n')]) },
    ],
    tags: [text('case-schema.json', '{"$id":"urn:pusiaukele:case-package:1"}\n')],
    info: [
      ['Source-Organization', 'Pravieniškių pataisos namai-atviroji kolonija'],
      ['External-Identifier', '2026-0042'],
      ['External-Description', `Pusiaukelės namų byla\nsu eilutės lūžiu ir labai ilga reikšme: ${'ilga '.repeat(40)}`.trim()],
    ],
    date: new Date(2026, 11, 5, 10, 30),
    ...extra,
  };
}

function run(command: string, args: readonly string[], cwd?: string): { status: number | null; out: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Unzip `zip` with Info-ZIP unzip into a new folder; returns the folder. */
function unzip(zip: string): string {
  const into = `${zip}.x`;
  mkdirSync(into);
  execFileSync('unzip', ['-q', zip, '-d', into]);
  return into;
}

async function written(extra: Partial<WriteBagOptions> = {}): Promise<{ path: string; folder: string }> {
  const where = folder();
  const path = join(where, 'byla.zip');
  await writeBag(path, sampleOptions(extra));
  return { path, folder: where };
}

async function check(path: string, password?: string): Promise<BagReport & { sha256: string }> {
  const bag = await openBag(path, DEFAULT_PACKAGE_LIMITS, password === undefined ? {} : { password });
  try {
    const report = await bag.verify();
    return { ...report, sha256: bag.sha256 };
  } finally {
    await bag.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('not refused');
}

const codes = (report: BagReport): string[] => report.problems.map((p) => p.code).sort();

describe('writeBag: a BagIt 1.0 bag in a zip that standard tools check (RFC 8493)', () => {
  it('RFC 8493 §2.1.1, §2.1.3, §2.2.1, §3: unzip extracts one bag folder and `sha256sum -c` accepts manifest-sha256.txt and tagmanifest-sha256.txt', async () => {
    const where = folder();
    const out = join(where, 'byla.zip');
    const result = await writeBag(out, sampleOptions());
    const bag = join(unzip(out), 'byla-2026-0042');

    expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const manifest = run('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], bag);
    expect(manifest.status, manifest.out).toBe(0);
    expect(manifest.out).toContain('data/dossier/6.1/01-v1-Prašymas – Žemaitis.pdf: OK');
    const tags = run('sha256sum', ['-c', '--strict', 'tagmanifest-sha256.txt'], bag);
    expect(tags.status, tags.out).toBe(0);
    // The tag manifest covers every tag file: bagit.txt, bag-info.txt, the manifest and the caller's.
    expect(readFileSync(join(bag, 'tagmanifest-sha256.txt'), 'utf8').split('\n').filter(Boolean).map((l) => l.split('  ')[1])).toEqual([
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha256.txt',
      'case-schema.json',
    ]);
    // Every manifest line is "<hex>  <path>" with two spaces, as sha256sum writes it.
    for (const line of readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8').split('\n').filter(Boolean)) expect(line).toMatch(/^[0-9a-f]{64} {2}data\//);

    // The package's own SHA-256 is of the bytes on disk; the zip is in place and nothing else is left.
    expect(result.sha256).toBe(sha256(readFileSync(out)));
    expect(result.bytes).toBe(statSync(out).size);
    expect(readdirSync(where).sort()).toEqual(['byla.zip', 'byla.zip.x']);
    // Every entry is stored (the documents are compressed already), under the bag's one folder.
    const listing = execFileSync('unzip', ['-v', out], { encoding: 'utf8' });
    const entries = listing.split('\n').filter((l) => /\d{2}:\d{2} +[0-9a-f]{8} +\S/.test(l));
    expect(entries.length).toBe(8);
    for (const line of entries) expect(line).toMatch(/^\s*\d+\s+Stored\s+\d+\s+0%.*\sbyla-2026-0042\//);
  });

  it('RFC 8493 §2.2.2: bag-info.txt has Bagging-Date, a Payload-Oxum that counts the payload, then the labels given, each on one line', async () => {
    const { path } = await written();
    const bag = join(unzip(path), 'byla-2026-0042');
    const lines = readFileSync(join(bag, 'bag-info.txt'), 'utf8').split('\n');
    expect(lines[0]).toBe('Bagging-Date: 2026-12-05');
    const payloadFiles = execFileSync('find', ['data', '-type', 'f'], { cwd: bag, encoding: 'utf8' }).split('\n').filter(Boolean);
    const octets = payloadFiles.reduce((a, f) => a + statSync(join(bag, f)).size, 0);
    expect(lines[1]).toBe(`Payload-Oxum: ${octets}.${payloadFiles.length}`);
    expect(lines[2]).toBe('Source-Organization: Pravieniškių pataisos namai-atviroji kolonija');
    expect(lines[3]).toBe('External-Identifier: 2026-0042');
    // A value's line break would start a new (broken) label: it becomes a space; a long value stays whole.
    expect(lines[4]).toMatch(/^External-Description: Pusiaukelės namų byla su eilutės lūžiu ir labai ilga reikšme: (ilga ){39}ilga$/);
    expect(lines[5]).toBe('');
    expect(lines.length).toBe(6);
  });

  it('keeps Lithuanian file names as they are: "Prašymas – Žemaitis.pdf" unzips under its own name and passes sha256sum -c', async () => {
    const where = folder();
    const out = join(where, 'dokumentai.zip');
    const names = ['data/Prašymas – Žemaitis.pdf', 'data/6.3/Charakteristika – Ąžuolaitė Ūla.pdf', 'data/ėčęįšųūž ĖČĘĮŠŲŪŽ.txt'];
    await writeBag(out, { bagName: 'medziaga-2026-0007', payload: names.map((p, i) => text(p, `turinys ${i}: ${p}\n`)), info: [] });
    const bag = join(unzip(out), 'medziaga-2026-0007');
    for (const name of names) expect(readFileSync(join(bag, name), 'utf8')).toContain(name);
    const r = run('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], bag);
    expect(r.status, r.out).toBe(0);
    const report = await check(out);
    expect(report.problems).toEqual([]);
    expect([...report.payload.keys()]).toEqual(names);
  });

  it('a written bag passes the full check: valid, the payload hashes as written, Payload-Oxum, the package digest', async () => {
    const big = generated('data/documents/01-sprendimas-v1.pdf', 3 * 1024 * 1024 + 17);
    const where = folder();
    const out = join(where, 'byla.zip');
    const result = await writeBag(out, sampleOptions({ payload: [...sampleOptions().payload, big] }));
    const report = await check(out);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.payload.get('data/documents/01-sprendimas-v1.pdf')).toBe(big.sha256);
    expect(report.payload.get('data/dossier/6.1/01-v1-Prašymas – Žemaitis.pdf')).toBe(sha256(PDF_BYTES));
    expect(report.payloadFiles).toBe(4);
    expect(report.payloadBytes).toBe(result.payloadBytes);
    expect(report.info.slice(0, 3)).toEqual([
      ['Bagging-Date', '2026-12-05'],
      ['Payload-Oxum', `${result.payloadBytes}.4`],
      ['Source-Organization', 'Pravieniškių pataisos namai-atviroji kolonija'],
    ]);
    expect(report.sha256).toBe(result.sha256);
  });

  it('a bag with no payload files still has its data/ folder (RFC 8493 §2.1.2)', async () => {
    const where = folder();
    const out = join(where, 'tuscias.zip');
    await writeBag(out, { bagName: 'tuscias', payload: [], info: [] });
    const bag = join(unzip(out), 'tuscias');
    expect(statSync(join(bag, 'data')).isDirectory()).toBe(true);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toContain('Payload-Oxum: 0.0\n');
    expect((await check(out)).problems).toEqual([]);
  });

  it('with a password every entry is AES-256: 7-Zip tests it with the password and refuses a wrong one; openBag asks for it', async () => {
    const where = folder();
    const out = join(where, 'apsaugotas.zip');
    await writeBag(out, sampleOptions({ password: 'Slaptas-žodis-42' }));
    const good = run('7zz', ['t', '-pSlaptas-žodis-42', out]);
    expect(good.status, good.out).toBe(0);
    expect(good.out).toContain('Everything is Ok');
    const technical = run('7zz', ['l', '-slt', out]);
    expect(technical.out).toMatch(/Method = AES-256/);
    expect(technical.out).not.toMatch(/Encrypted = -/);
    const wrong = run('7zz', ['t', '-pnetas', out]);
    expect(wrong.status).not.toBe(0);
    // The content is not in clear in the file.
    expect(readFileSync(out).includes(Buffer.from('MARKER-PRASYMAS-0001'))).toBe(false);

    expect((await refusal(openBag(out, DEFAULT_PACKAGE_LIMITS))).params).toEqual({ given: false });
    const refused = await refusal(openBag(out, DEFAULT_PACKAGE_LIMITS, { password: 'netas' }));
    expect(refused.code).toBe('PACKAGE_PASSWORD');
    expect(refused.params).toEqual({ given: true });
    expect(refused.message).toContain('Neteisingas paketo slaptažodis');
    const report = await check(out, 'Slaptas-žodis-42');
    expect(report.problems).toEqual([]);
    expect(report.payload.get('data/dossier/6.1/01-v1-Prašymas – Žemaitis.pdf')).toBe(sha256(PDF_BYTES));
  });

  it('a cancel while writing rejects with PACKAGE_CANCELLED and leaves neither the package nor its temporary file', async () => {
    const where = folder();
    const out = join(where, 'byla.zip');
    const controller = new AbortController();
    const seen: number[] = [];
    const refused = await refusal(
      writeBag(out, {
        ...sampleOptions(),
        payload: [generated('data/a.pdf', 32 * 1024 * 1024)],
        signal: controller.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done >= 4 * 1024 * 1024) controller.abort();
        },
      }),
    );
    expect(refused.code).toBe('PACKAGE_CANCELLED');
    expect(Math.max(...seen)).toBeLessThan(32 * 1024 * 1024);
    expect(readdirSync(where)).toEqual([]);
  });

  it('a source that fails half way leaves no file: the error names the file that could not be read', async () => {
    const where = folder();
    const out = join(where, 'byla.zip');
    const failing: BagFileSource = {
      path: 'data/sugadintas.pdf',
      open: () =>
        Readable.from(
          (async function* () {
            yield Buffer.alloc(2 * 1024 * 1024, 1);
            throw Object.assign(new Error('disk read error'), { code: 'EIO' });
          })(),
        ),
    };
    const refused = await refusal(writeBag(out, { ...sampleOptions(), payload: [text('data/a.json', '{}'), failing] }));
    expect(refused.code).toBe('PACKAGE_SOURCE_FAILED');
    expect(refused.params).toEqual({ path: 'data/sugadintas.pdf', code: 'EIO' });
    expect(readdirSync(where)).toEqual([]);
  });

  it('never overwrites a file: an existing package is refused with PACKAGE_EXISTS and stays as it was', async () => {
    const where = folder();
    const out = join(where, 'byla.zip');
    writeFileSync(out, 'ankstesnis paketas');
    const refused = await refusal(writeBag(out, sampleOptions()));
    expect(refused.code).toBe('PACKAGE_EXISTS');
    expect(readFileSync(out, 'utf8')).toBe('ankstesnis paketas');
    expect(readdirSync(where)).toEqual(['byla.zip']);
  });

  it('refuses to write names openBag would refuse: "..", absolute paths, control characters, and names equal up to case or Unicode form', async () => {
    const where = folder();
    const out = join(where, 'byla.zip');
    for (const path of ['data/../../etc/passwd', 'data/a\u0000.pdf', 'data/a\\b.pdf', 'data//a.pdf']) {
      expect((await refusal(writeBag(out, { bagName: 'b', payload: [text(path, 'x')], info: [] }))).code).toBe('PACKAGE_UNSAFE_PATH');
    }
    for (const [a, b] of [
      ['data/Byla.pdf', 'data/byla.pdf'],
      ['data/Žemaitis.pdf'.normalize('NFC'), 'data/Žemaitis.pdf'.normalize('NFD')],
      ['data/x', 'data/x/y.pdf'],
    ] as const) {
      const refused = await refusal(writeBag(out, { bagName: 'b', payload: [text(a, '1'), text(b, '2')], info: [] }));
      expect(refused.code).toBe('PACKAGE_DUPLICATE_NAME');
    }
    expect(readdirSync(where)).toEqual([]);
  });

  it('peak memory does not follow the payload: 200 MB are written and checked with well under 200 MB more resident memory', async () => {
    const where = folder();
    const out = join(where, 'didelis.zip');
    const big = generated('data/didelis.pdf', 200 * 1024 * 1024, 7);
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      const result = await writeBag(out, { bagName: 'didelis', payload: [big], info: [] });
      const report = await check(out);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(report.valid).toBe(true);
      expect(report.payload.get('data/didelis.pdf')).toBe(big.sha256);
      expect(report.sha256).toBe(result.sha256);
    } finally {
      clearInterval(timer);
      rmSync(out, { force: true });
    }
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('openBag: stream and read single files', () => {
  it('streams a file and reads a small one whole; refuses to read whole a file above the size asked, and a path not in the bag', async () => {
    const big = generated('data/documents/didelis.pdf', 5 * 1024 * 1024 + 3, 3);
    const where = folder();
    const out = join(where, 'byla.zip');
    await writeBag(out, sampleOptions({ payload: [...sampleOptions().payload, big] }));
    const bag = await openBag(out, DEFAULT_PACKAGE_LIMITS);
    try {
      expect(bag.bagName).toBe('byla-2026-0042');
      expect(bag.paths).toContain('case-schema.json');
      expect((await bag.read('data/case.json', 1024)).toString('utf8')).toBe('{"id":"2026-0042","schemaVersion":1}\n');
      const hash = createHash('sha256');
      for await (const piece of bag.stream('data/documents/didelis.pdf')) hash.update(piece as Buffer);
      expect(hash.digest('hex')).toBe(big.sha256);
      const tooLarge = await refusal(bag.read('data/documents/didelis.pdf', 1024 * 1024));
      expect(tooLarge.code).toBe('PACKAGE_FILE_TOO_LARGE');
      expect(tooLarge.params).toEqual({ path: 'data/documents/didelis.pdf', max: 1024 * 1024 });
      expect((await refusal(bag.read('data/nera.pdf', 10))).code).toBe('PACKAGE_MISSING_FILE');
      expect(() => bag.sha256).toThrow();
    } finally {
      await bag.close();
    }
  });
});

describe('verify: every problem a full check (bagit.py --validate) finds, as data', () => {
  /** Flip one byte of a stored payload file inside the zip, where its content lies in clear. */
  function tamper(zip: string, marker: string): void {
    const bytes = readFileSync(zip);
    const at = bytes.indexOf(Buffer.from(marker));
    expect(at).toBeGreaterThan(0);
    bytes[at] = bytes[at]! ^ 0x20;
    writeFileSync(zip, bytes);
  }

  it('RFC 8493 §3: a payload byte changed after writing is PACKAGE_HASH_MISMATCH with the manifest\'s and the found checksum; sha256sum -c fails on it too', async () => {
    const { path } = await written();
    tamper(path, 'MARKER-PRASYMAS-0001');
    const tampered = Buffer.from(PDF_BYTES.toString('utf8').replace('MARKER', 'mARKER'));
    const report = await check(path);
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([
      { code: 'PACKAGE_HASH_MISMATCH', path: 'data/dossier/6.1/01-v1-Prašymas – Žemaitis.pdf', expected: sha256(PDF_BYTES), found: sha256(tampered) },
    ]);
    expect(bagProblemText(report.problems[0]!)).toContain('Paketas pažeistas: failo data/dossier/6.1/01-v1-Prašymas – Žemaitis.pdf kontrolinė suma nesutampa');
    // The standard tools agree: unzip warns of a bad CRC, and sha256sum -c fails the file.
    const into = `${path}.x`;
    expect(run('unzip', ['-q', path, '-d', into]).out).toContain('bad CRC');
    const sums = run('sha256sum', ['-c', 'manifest-sha256.txt'], join(into, 'byla-2026-0042'));
    expect(sums.status).not.toBe(0);
    expect(sums.out).toContain('01-v1-Prašymas – Žemaitis.pdf: FAILED');
  });

  it('RFC 8493 §2.1.3: a bag without manifest-sha256.txt is PACKAGE_NO_MANIFEST (and the tag manifest misses it)', async () => {
    const { path } = await written();
    execFileSync('zip', ['-q', '-d', path, 'byla-2026-0042/manifest-sha256.txt']);
    const report = await check(path);
    expect(codes(report)).toEqual(['PACKAGE_MISSING_FILE', 'PACKAGE_NO_MANIFEST']);
    expect(report.problems).toContainEqual({ code: 'PACKAGE_MISSING_FILE', path: 'manifest-sha256.txt' });
  });

  it('RFC 8493 §2.2.1: a bag without tagmanifest-sha256.txt is PACKAGE_NO_TAG_MANIFEST (we require it: bag-info.txt would go unchecked)', async () => {
    const { path } = await written();
    execFileSync('zip', ['-q', '-d', path, 'byla-2026-0042/tagmanifest-sha256.txt']);
    const report = await check(path);
    expect(report.problems).toEqual([{ code: 'PACKAGE_NO_TAG_MANIFEST' }]);
    expect(report.valid).toBe(false);
  });

  it('RFC 8493 §3 (complete): a file added under data/ that no manifest lists is PACKAGE_EXTRA_FILE, and Payload-Oxum no longer matches', async () => {
    const { path, folder: where } = await written();
    mkdirSync(join(where, 'byla-2026-0042', 'data'), { recursive: true });
    writeFileSync(join(where, 'byla-2026-0042', 'data', 'pridetas.pdf'), 'ne iš eksporto');
    execFileSync('zip', ['-q', path, 'byla-2026-0042/data/pridetas.pdf'], { cwd: where });
    const report = await check(path);
    expect(report.problems).toContainEqual({ code: 'PACKAGE_EXTRA_FILE', path: 'data/pridetas.pdf' });
    expect(codes(report)).toEqual(['PACKAGE_EXTRA_FILE', 'PACKAGE_OXUM_MISMATCH']);
  });

  it('RFC 8493 §3 (complete): a listed payload file removed is PACKAGE_MISSING_FILE, and Payload-Oxum no longer matches', async () => {
    const { path } = await written();
    execFileSync('zip', ['-q', '-d', path, 'byla-2026-0042/data/audit/entries.json']);
    const report = await check(path);
    expect(report.problems).toContainEqual({ code: 'PACKAGE_MISSING_FILE', path: 'data/audit/entries.json' });
    const oxum = report.problems.find((p) => p.code === 'PACKAGE_OXUM_MISMATCH');
    expect(oxum?.found).toMatch(/\.2$/);
    expect(oxum?.expected).toMatch(/\.3$/);
  });

  it('lists every problem, not the first: two files changed, a tag file changed, a file added', async () => {
    const where = folder();
    const out = join(where, 'byla.zip');
    await writeBag(out, {
      ...sampleOptions(),
      payload: [text('data/a.txt', 'MARKER-A pirmas'), text('data/b.txt', 'MARKER-B antras'), text('data/c.txt', 'trečias')],
      tags: [text('case-schema.json', '{"MARKER-SCHEMA":1}')],
    });
    tamper(out, 'MARKER-A');
    tamper(out, 'MARKER-B');
    tamper(out, 'MARKER-SCHEMA');
    mkdirSync(join(where, 'byla-2026-0042', 'data'), { recursive: true });
    writeFileSync(join(where, 'byla-2026-0042', 'data', 'd.txt'), 'pridėtas');
    execFileSync('zip', ['-q', out, 'byla-2026-0042/data/d.txt'], { cwd: where });
    const report = await check(out);
    expect(report.problems.map((p) => `${p.code} ${p.path ?? ''}`).sort()).toEqual([
      'PACKAGE_EXTRA_FILE data/d.txt',
      'PACKAGE_HASH_MISMATCH case-schema.json',
      'PACKAGE_HASH_MISMATCH data/a.txt',
      'PACKAGE_HASH_MISMATCH data/b.txt',
      'PACKAGE_OXUM_MISMATCH bag-info.txt',
    ]);
  });

  it('RFC 8493 §2.1.1: a bagit.txt of an unknown version is PACKAGE_BAD_BAGIT_TXT', async () => {
    const { path, folder: where } = await written();
    mkdirSync(join(where, 'byla-2026-0042'));
    writeFileSync(join(where, 'byla-2026-0042', 'bagit.txt'), 'BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n');
    execFileSync('zip', ['-q', path, 'byla-2026-0042/bagit.txt'], { cwd: where });
    const report = await check(path);
    expect(report.problems).toContainEqual({ code: 'PACKAGE_BAD_BAGIT_TXT', path: 'bagit.txt', found: 'BagIt-Version: 2.0' });
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'PACKAGE_HASH_MISMATCH', path: 'bagit.txt' }));
  });

  it('a bag zipped again by Info-ZIP `zip -r` (folder entries, deflate) is read and found valid', async () => {
    const { path, folder: where } = await written();
    const extracted = unzip(path);
    const again = join(where, 'vel.zip');
    execFileSync('zip', ['-q', '-r', '-9', again, 'byla-2026-0042'], { cwd: extracted });
    const report = await check(again);
    expect(report.problems).toEqual([]);
  });
});
