import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXED, renderPdf } from '../../../electron/services/pdf/pdfWriter';
import {
  decodeStream,
  dictionaryAt,
  entryOf,
  LIMITS,
  objectHeaderAt,
  parseObject,
  ParsedName,
  ParsedRef,
  ParsedString,
  readObject,
  readRevision,
  readStream,
  reserialize,
  serialize,
  trailerAfterTable,
  type Parsed,
  type ParsedDict,
  type Revision,
} from '../../../electron/services/pdf/pdfSyntax';
import { buildDocument } from '../../../shared/domain/documents/templates';
import { appendUpdate } from '../../helpers/popplerSigner';
import { fileOf } from '../../helpers/pdfTools';
import { institution, meeting } from '../domain/documents/fixtures';

/**
 * The PDF reader (ISO 32000-1 §7.5) on files as the app, qpdf and other writers make them: classic
 * tables, cross-reference streams with PNG predictors, object streams, hybrid files; and on hostile
 * input, which must fail with a clear error at once, never hang or allocate without bound.
 */

const FONTS = join(process.cwd(), 'build', 'fonts');
let app: Buffer;

beforeAll(async () => {
  const model = buildDocument({ kind: 'minutes', sources: { institution, meeting } }, 'DK-1', '2026-11-20');
  app = Buffer.from((await renderPdf(model, { createdAt: new Date('2026-11-23T08:00:00Z'), id: 'syntax', producer: 'Pusiaukelė' }, FONTS)).bytes);
});

function qpdf(pdf: Uint8Array, args: string[]): Buffer {
  const input = fileOf(pdf, 'in.pdf');
  const output = input.replace(/\.pdf$/, '-out.pdf');
  execFileSync('qpdf', [...args, input, output]);
  return readFileSync(output);
}

/** What `qpdf --show-xref` says of each object: "uncompressed; offset = N" or "compressed; stream = S, index = I". */
function qpdfXref(pdf: Uint8Array): Map<number, string> {
  const out = execFileSync('qpdf', ['--show-xref', fileOf(pdf)], { encoding: 'utf8' });
  return new Map(out.trim().split('\n').map((l) => [Number(l.split('/')[0]), l.slice(l.indexOf(':') + 2)] as [number, string]));
}

function ourXref(rev: Revision): Map<number, string> {
  const out = new Map<number, string>();
  for (const num of [...rev.offsets.keys(), ...rev.compressed.keys()]) {
    const e = entryOf(rev, num);
    if (e !== null) out.set(num, 'offset' in e ? `uncompressed; offset = ${e.offset}` : `compressed; stream = ${e.stream}, index = ${e.index}`);
  }
  return out;
}

const name = (d: Parsed, key: string) => ((d as ParsedDict).get(key) as ParsedName | undefined)?.value;

/** Every object the file lists, read; and the catalog's pages, fonts and text reached through them. */
function readAll(pdf: Buffer): { rev: Revision; types: string[] } {
  const rev = readRevision(pdf);
  const types: string[] = [];
  for (const num of ourXref(rev).keys()) {
    const v = readObject(pdf, rev, num);
    if (v instanceof Map && name(v, 'Type')) types.push(name(v, 'Type') as string);
  }
  return { rev, types: types.sort() };
}

/** Fails unless `f` throws an error matching `message` within a second (a safety net, not a benchmark). */
function refusesQuickly(f: () => unknown, message: RegExp): void {
  const started = performance.now();
  expect(f).toThrow(message);
  expect(performance.now() - started).toBeLessThan(1000);
}

describe('reading classic cross-reference tables (the app’s own files)', () => {
  it('gives offsets, trailer and startxref as qpdf sees them', () => {
    const rev = readRevision(app);
    expect(rev.xrefStream).toBe(false);
    expect(rev.compressed.size).toBe(0);
    expect(ourXref(rev)).toEqual(qpdfXref(app));
    expect(app.subarray(rev.startxref, rev.startxref + 4).toString()).toBe('xref');
    expect((rev.trailer.get('Root') as ParsedRef).num).toBe(FIXED.catalog);
    expect(name(readObject(app, rev, FIXED.catalog), 'Type')).toBe('Catalog');
  });

  it('decodes a FlateDecode page content stream', () => {
    const rev = readRevision(app);
    const { data } = readStream(app, rev, FIXED.firstPage + 1);
    expect(data.toString('latin1')).toMatch(/BT \/F\d [\d.]+ Tf [\d.]+ [\d.]+ Td/);
  });
});

describe('reading cross-reference streams and object streams (§7.5.7, §7.5.8)', () => {
  it('reads a file qpdf rewrote with object streams exactly as qpdf lists it, predictor and all', () => {
    const packed = qpdf(app, ['--object-streams=generate']);
    const rev = readRevision(packed);
    expect(rev.xrefStream).toBe(true);
    expect(rev.compressed.size).toBeGreaterThan(5);
    expect(ourXref(rev)).toEqual(qpdfXref(packed));
    const xrefDict = rev.trailer;
    expect((xrefDict.get('DecodeParms') as ParsedDict).get('Predictor')).toBe(12);
    // The same objects as the app wrote (qpdf renumbers them), pages and fonts in object streams.
    const { types } = readAll(packed);
    expect(types).toEqual(readAll(app).types.concat(['ObjStm', 'XRef']).sort());
    const catalog = readObject(packed, rev, (rev.trailer.get('Root') as ParsedRef).num) as ParsedDict;
    expect(rev.compressed.has((catalog.get('Pages') as ParsedRef).num)).toBe(true);
  });

  it('reads qpdf’s QDF form (uncompressed, every object on its own)', () => {
    const qdf = qpdf(app, ['--qdf']);
    const rev = readRevision(qdf);
    expect(ourXref(rev)).toEqual(qpdfXref(qdf));
    expect(readAll(qdf).types).toEqual(readAll(app).types);
  });

  it('reads an update with a cross-reference stream and an object stream after classic sections', () => {
    const updated = appendUpdate(app, { [FIXED.info]: '<</Title (Updated) /Producer (Other software)>>', 999: '<</Length 3>>\nstream\nabc\nendstream' }, { xrefStream: true });
    const rev = readRevision(updated);
    expect(rev.xrefStream).toBe(true);
    expect(rev.compressed.get(FIXED.info)).toEqual({ stream: 1000, index: 0 });
    expect(Buffer.from(((readObject(updated, rev, FIXED.info) as ParsedDict).get('Title') as ParsedString).bytes).toString()).toBe('Updated');
    expect(readStream(updated, rev, 999).data.toString()).toBe('abc');
    // Objects of the earlier classic sections are still where they were.
    expect(rev.offsets.get(FIXED.catalog)).toBe(readRevision(app).offsets.get(FIXED.catalog));
    expect(execFileSync('qpdf', ['--check', fileOf(updated)], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });

  it('reads a hybrid file: a classic table whose /XRefStm lists objects in an object stream (§7.5.8.4)', () => {
    const rev0 = readRevision(app);
    const at = app.length;
    const header = `${FIXED.info} 0 `;
    const data = deflateSync(Buffer.from(`${header}<</Title (Hidden from old readers)>>`));
    const objstm = Buffer.from(`100 0 obj\n<</Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${data.length}>>\nstream\n`, 'latin1');
    const objstmBytes = Buffer.concat([objstm, data, Buffer.from('\nendstream\nendobj\n')]);
    const xrefAt = at + objstmBytes.length;
    const rows = Buffer.from([1, ...u32(at), 0, 0, 2, ...u32(100), 0, 0, 1, ...u32(xrefAt), 0, 0]);
    const xrefStream = Buffer.concat([
      Buffer.from(`101 0 obj\n<</Type /XRef /Size 102 /Index [100 1 ${FIXED.info} 1 101 1] /W [1 4 2] /Length ${rows.length}>>\nstream\n`, 'latin1'),
      rows,
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    const tableAt = xrefAt + xrefStream.length;
    // The table marks the object free, for readers that do not know cross-reference streams.
    const table = `xref\n${FIXED.info} 1\n0000000000 00001 f\r\ntrailer\n<</Size 102 /Root ${FIXED.catalog} 0 R /Prev ${rev0.startxref} /XRefStm ${xrefAt}>>\nstartxref\n${tableAt}\n%%EOF\n`;
    const hybrid = Buffer.concat([app, objstmBytes, xrefStream, Buffer.from(table, 'latin1')]);
    const rev = readRevision(hybrid);
    expect(rev.xrefStream).toBe(false);
    expect(rev.compressed.get(FIXED.info)).toEqual({ stream: 100, index: 0 });
    expect(Buffer.from(((readObject(hybrid, rev, FIXED.info) as ParsedDict).get('Title') as ParsedString).bytes).toString()).toBe('Hidden from old readers');
    expect(rev.offsets.get(FIXED.catalog)).toBe(rev0.offsets.get(FIXED.catalog));
  });
});

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

describe('the tokenizer’s cheap entry points (the dossier file check reads only a trailer with them)', () => {
  const bytes = (text: string) => Buffer.from(text, 'latin1');

  it('finds an object header, and refuses what only looks like one', () => {
    expect(objectHeaderAt(bytes('\n12 0 obj\n<</Type/XRef>>'), 0)).toEqual({ num: 12, start: 9 });
    expect(objectHeaderAt(bytes('12 0 obj<<>>'), 0)).toEqual({ num: 12, start: 8 });
    expect(objectHeaderAt(bytes('12 0 object'), 0)).toBeNull();
    expect(objectHeaderAt(bytes('12 obj'), 0)).toBeNull();
    expect(objectHeaderAt(bytes('12 0 obj'), 0, 6)).toBeNull();
    expect(objectHeaderAt(bytes('12 0 obj'), -1)).toBeNull();
  });

  it('jumps over a classic table to its trailer without reading the entries', () => {
    const table = 'xref\n0 2\n0000000000 65535 f\r\n0000000017 00000 n\r\n5 1\n0000000099 00000 n\r\ntrailer\n<</Size 6/Root 1 0 R>>';
    const at = trailerAfterTable(bytes(table), 0);
    expect(at).toBe(table.indexOf('<<'));
    expect(dictionaryAt(bytes(table), at as number, 1024)?.get('Root')).toEqual(new ParsedRef(1));
    // 19-byte entries (a broken writer): the jump lands off an entry and the table is not trusted.
    expect(trailerAfterTable(bytes(table.replace(/\r\n/g, '\n')), 0)).toBeNull();
    expect(trailerAfterTable(bytes('xref\n0 1\n0000000000 65535 f\r\n'), 0)).toBeNull();
    expect(trailerAfterTable(bytes('startxref'), 0)).toBeNull();
  });

  it('parses a dictionary only within its window, and says null rather than throwing', () => {
    const text = bytes('<</Encrypt 5 0 R/ID[<00ff><00ff>]/Info (a (nested) string)>>');
    expect([...(dictionaryAt(text, 0, 1024)?.keys() ?? [])]).toEqual(['Encrypt', 'ID', 'Info']);
    expect(dictionaryAt(text, 0, 20)).toBeNull();
    expect(dictionaryAt(bytes('<</Size 3 @>>'), 0, 1024)).toBeNull();
    expect(dictionaryAt(bytes('[1 2]'), 0, 1024)).toBeNull();
    expect(dictionaryAt(bytes('<</A<</B 1'), 0, 1024)).toBeNull();
  });
});

describe('names (§7.3.5)', () => {
  it('reads #xx escapes and writes them back, so that a name copied into an update stays the same name', () => {
    const parsed = parseObject(Buffer.from('/Noto#20Sans'), 0).value as ParsedName;
    expect(parsed.value).toBe('Noto Sans');
    expect(serialize(reserialize(parsed))).toBe('/Noto#20Sans');
    expect(serialize(reserialize(new ParsedName('a/b(c)#')))).toBe('/a#2fb#28c#29#23');
    expect(serialize(reserialize(new ParsedName('PSKAAA+LiberationSerif')))).toBe('/PSKAAA+LiberationSerif');
  });
});

describe('stream data (§7.4)', () => {
  const dict = (entries: [string, Parsed][]): ParsedDict => new Map(entries);

  it('decodes FlateDecode with a PNG predictor', () => {
    // Two rows of 3 columns: "Sub" (type 1) and "Up" (type 2).
    const encoded = deflateSync(Buffer.from([1, 10, 1, 1, 2, 5, 5, 5]));
    const parms = dict([
      ['Predictor', 12],
      ['Columns', 3],
    ]);
    expect([...decodeStream(dict([['Filter', new ParsedName('FlateDecode')], ['DecodeParms', parms]]), encoded)]).toEqual([10, 11, 12, 15, 16, 17]);
  });

  it('reads a stream whose /Length is wrong up to its endstream', () => {
    const wrong = appendUpdate(app, { 999: '<</Length 1>>\nstream\nabcdef\nendstream' });
    expect(readStream(wrong, readRevision(wrong), 999).data.toString()).toBe('abcdef');
  });

  it('refuses a filter it does not support, by name', () => {
    expect(() => decodeStream(dict([['Filter', new ParsedName('LZWDecode')]]), Buffer.from('x'))).toThrow('the LZWDecode filter is not supported');
  });

  it('stops a stream that inflates past the limit (a zip bomb) instead of allocating it', () => {
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024));
    refusesQuickly(() => decodeStream(dict([['Filter', new ParsedName('FlateDecode')]]), bomb, 1024 * 1024), /decodes to more than 1048576 bytes/);
  });

  it('a cross-reference stream that inflates past the reader’s limit is refused', () => {
    const bomb = deflateSync(Buffer.alloc(LIMITS.decodedBytes + 1024));
    const head = Buffer.from(`%PDF-1.7\n1 0 obj\n<</Type /XRef /Size 2 /W [1 4 2] /Filter /FlateDecode /Length ${bomb.length}>>\nstream\n`);
    const pdf = Buffer.concat([head, bomb, Buffer.from('\nendstream\nendobj\nstartxref\n9\n%%EOF\n')]);
    refusesQuickly(() => readRevision(pdf), /decodes to more than/);
  });
});

describe('hostile and broken input fails with a clear error, at once', () => {
  const tail = (body: string, startxref: number) => Buffer.from(`%PDF-1.4\n${body}startxref\n${startxref}\n%%EOF\n`, 'latin1');

  it('not a PDF', () => {
    refusesQuickly(() => readRevision(Buffer.from('GIF89a this is not a PDF at all')), /no startxref/);
  });

  it('a truncated file', () => {
    refusesQuickly(() => readRevision(app.subarray(0, Math.floor(app.length / 2))), /no startxref/);
  });

  it('a startxref past the end, or pointing at something else', () => {
    refusesQuickly(() => readRevision(tail('', 999_999)), /past the end/);
    refusesQuickly(() => readRevision(tail('garbage here\n', 9)), /no object at offset 9/);
  });

  it('a malformed cross-reference table', () => {
    refusesQuickly(() => readRevision(tail('xref\nfoo\n', 9)), /bad cross-reference section header/);
    refusesQuickly(() => readRevision(tail('xref\n0 2\n0000000000 65535 f\r\nnot an entry\r\ntrailer\n<<>>\n', 9)), /bad cross-reference entry/);
  });

  it('a huge object count in a table or a stream', () => {
    refusesQuickly(() => readRevision(tail('xref\n0 99999999\n', 9)), /bad cross-reference section header/);
    const claims = `1 0 obj\n<</Type /XRef /Size 1000000000 /W [1 4 2] /Length 7>>\nstream\n\x01\x00\x00\x00\x09\x00\x00\nendstream\nendobj\n`;
    refusesQuickly(() => readRevision(tail(claims, 9)), /shorter than its \/Index/);
    // Entries that are really there, but more than the reader takes (1 byte each: "free").
    const many = deflateSync(Buffer.alloc(LIMITS.entries + 10));
    const head = Buffer.from(`%PDF-1.7\n1 0 obj\n<</Type /XRef /Size ${LIMITS.entries + 10} /W [1 0 0] /Filter /FlateDecode /Length ${many.length}>>\nstream\n`);
    refusesQuickly(() => readRevision(Buffer.concat([head, many, Buffer.from('\nendstream\nendobj\nstartxref\n9\n%%EOF\n')])), /more than 1000000 cross-reference entries/);
  });

  it('a /Prev chain that loops', () => {
    const section = (prev: number) => `xref\n0 1\n0000000000 65535 f\r\ntrailer\n<</Size 1 /Prev ${prev}>>\n`;
    const first = section(0);
    const at1 = 9;
    const at2 = at1 + first.length;
    const looping = tail(section(at2) + section(at1), at2);
    refusesQuickly(() => readRevision(looping), /loop/);
  });

  it('objects nested without end', () => {
    refusesQuickly(() => parseObject(Buffer.from('['.repeat(100_000)), 0), /nested deeper than 256/);
    expect(parseObject(Buffer.from(`${'['.repeat(200)}1${']'.repeat(200)}`), 0).end).toBe(401);
  });

  it('an object stream with a bad header, and objects that are not where the table says', () => {
    const bad = appendUpdate(app, { [FIXED.info]: '<</Title (x)>>' }, { xrefStream: true });
    const broken = Buffer.from(bad);
    const rev = readRevision(broken);
    const stm = rev.compressed.get(FIXED.info)?.stream as number;
    const at = rev.offsets.get(stm) as number;
    // Claim nine objects in a stream that holds one.
    broken.write('/N 9', broken.indexOf('/N 1', at), 'latin1');
    refusesQuickly(() => readObject(broken, readRevision(broken), FIXED.info), /bad header/);
    const shifted = readRevision(app);
    shifted.offsets.set(FIXED.catalog, (shifted.offsets.get(FIXED.catalog) as number) + 3);
    refusesQuickly(() => readObject(app, shifted, FIXED.catalog), /no object at offset/);
  });
});
