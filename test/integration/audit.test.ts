import { randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, GENESIS_HASH, TORN_WRITE_METHOD, canonicalJson, digest, type AuditEntry, type AuditInput } from '../../electron/services/audit/auditLog';
import { openDataDirectory, type DataDirectory } from '../../electron/services/store/dataDirectory';
import { encryptingCodec } from '../../electron/services/store/encryption';
import { jsonCodec, type Codec } from '../../electron/services/store/jsonFile';
import { tempDataDir } from '../helpers/dataDir';

// The users-and-roles issue, "Audit trail": every change recorded, append-only, chained by hashes,
// and verify() names the first entry that was altered, removed or reordered.

const SECRETARY = { userId: 'u-sekretore', username: 'sekretore' };
const ADMIN = { userId: 'u-admin', username: 'admin' };
const CASE_1 = '0b8f2c1e-6a4d-4f3a-9e57-1c2d3e4f5a6b';
const CASE_2 = '7d1e9a22-3b4c-4d5e-8f60-718293a4b5c6';

/** Five changes over four days, at noon UTC so that the local day is the same in any time zone nearby. */
const HISTORY: { at: string; input: AuditInput }[] = [
  { at: '2026-11-20T12:00:00.000Z', input: { actor: null, method: 'auth.createAdministrator', subject: { kind: 'user', id: ADMIN.userId }, after: digest({ id: ADMIN.userId }) } },
  { at: '2026-11-20T12:30:00.000Z', input: { actor: ADMIN, method: 'settings.save', subject: { kind: 'settings' }, after: digest({ places: 24 }), summary: 'Įstaigos nustatymai' } },
  { at: '2026-11-21T12:00:00.000Z', input: { actor: SECRETARY, method: 'cases.register', subject: { kind: 'case', id: CASE_1 }, after: digest({ id: CASE_1, revision: 1 }) } },
  {
    at: '2026-11-22T12:00:00.000Z',
    input: {
      actor: SECRETARY,
      method: 'cases.transition',
      subject: { kind: 'case', id: CASE_1 },
      before: digest({ id: CASE_1, revision: 1 }),
      after: digest({ id: CASE_1, revision: 2 }),
      summary: 'Būsena: dossier_collecting',
    },
  },
  { at: '2026-11-23T12:00:00.000Z', input: { actor: SECRETARY, method: 'cases.register', subject: { kind: 'case', id: CASE_2 }, after: digest({ id: CASE_2, revision: 1 }) } },
];

const opened: { dir: DataDirectory; log?: AuditLog }[] = [];

afterEach(() => {
  for (const o of opened.splice(0)) {
    o.log?.close();
    o.dir.release();
  }
});

function clock(times: string[]): () => Date {
  let i = 0;
  return () => new Date(times[Math.min(i++, times.length - 1)]!);
}

function openLog(dir: DataDirectory, codec: Codec, times: string[] = HISTORY.map((h) => h.at)): AuditLog {
  const log = AuditLog.open(dir, codec, { now: clock(times) });
  opened.push({ dir, log });
  return log;
}

function withHistory(codec: Codec): { dir: DataDirectory; log: AuditLog; entries: AuditEntry[]; path: string } {
  const dir = openDataDirectory(tempDataDir());
  const log = openLog(dir, codec);
  const entries = HISTORY.map((h) => log.append(h.input));
  return { dir, log, entries, path: dir.path('audit', 'audit.log') };
}

function lines(path: string): string[] {
  return readFileSync(path, 'latin1').split('\n').slice(0, -1);
}

function writeLines(path: string, text: string[]): void {
  writeFileSync(path, text.map((l) => `${l}\n`).join(''), 'latin1');
}

function decodeLine(codec: Codec, line: string): Record<string, unknown> {
  return codec.decode(Buffer.from(line, 'base64')) as Record<string, unknown>;
}

function encodeLine(codec: Codec, entry: unknown): string {
  return codec.encode(entry).toString('base64');
}

describe('canonical JSON and digest()', () => {
  it('sort keys at every depth, so the same record gives the same digest whatever order it was built in', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: 'ą', c: undefined, d: new Date('2026-11-23T00:00:00.000Z') })).toBe(
      '{"a":"ą","b":[3,{"a":null,"z":1}],"d":"2026-11-23T00:00:00.000Z"}',
    );
    expect(digest({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(digest({ b: { d: [1, 2], c: 2 }, a: 1 }));
    expect(digest({ a: 1 })).not.toBe(digest({ a: 2 }));
    expect(digest({ a: [1, 2] })).not.toBe(digest({ a: [2, 1] }));
    expect(digest('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.each([
  ['JSON', jsonCodec],
  ['AES-256-GCM', encryptingCodec(randomBytes(32))],
] as const)('the audit log (%s codec)', (_name, codec) => {
  it('appends numbered entries chained by hashes, durable across a reopen', () => {
    const { dir, log, entries, path } = withHistory(codec);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    for (const e of entries) {
      const { hash, ...rest } = e;
      expect(hash).toBe(digest(rest));
    }
    expect(entries[3]).toMatchObject({ at: HISTORY[3]!.at, actor: SECRETARY, method: 'cases.transition', subject: { kind: 'case', id: CASE_1 } });
    expect(entries[0]).not.toHaveProperty('before'); // a creation has no "before"
    expect(lines(path)).toHaveLength(5);
    if (codec !== jsonCodec) expect(readFileSync(path, 'latin1')).not.toMatch(/cases|sekretore/); // nothing readable at rest

    log.close();
    opened.splice(opened.findIndex((o) => o.log === log), 1);
    const reopened = openLog(dir, codec, ['2026-11-24T12:00:00.000Z']);
    const sixth = reopened.append({ actor: ADMIN, method: 'users.update', subject: { kind: 'user', id: SECRETARY.userId } });
    expect(sixth).toMatchObject({ seq: 6, prevHash: entries[4]!.hash });
    expect(reopened.verify()).toEqual({ ok: true, count: 6, torn: [] });
  });

  it('takes only the fields of an entry from the caller, and refuses a "before" that is not a digest', () => {
    const dir = openDataDirectory(tempDataDir());
    const log = openLog(dir, codec);
    const actor = { ...ADMIN, displayName: 'Ona Administratorė', roles: ['administrator'] };
    const entry = log.append({ actor, method: 'settings.save', extra: 'x' } as AuditInput);
    expect(entry.actor).toEqual(ADMIN);
    expect(Object.keys(entry).sort()).toEqual(['actor', 'at', 'hash', 'method', 'prevHash', 'seq']);
    expect(() => log.append({ actor: ADMIN, method: 'settings.save', before: 'Jonas Jonaitis' })).toThrow(TypeError);
    expect(log.verify()).toEqual({ ok: true, count: 1, torn: [] });
  });

  it('lists newest first, filtered by case, user, dates and limit', () => {
    const { log } = withHistory(codec);
    const seqs = (filter: Parameters<AuditLog['list']>[0]) => log.list(filter).map((e) => e.seq);
    expect(seqs({})).toEqual([5, 4, 3, 2, 1]);
    expect(seqs({ subjectId: CASE_1 })).toEqual([4, 3]);
    expect(seqs({ subjectId: ADMIN.userId })).toEqual([1]);
    expect(seqs({ userId: SECRETARY.userId })).toEqual([5, 4, 3]);
    expect(seqs({ userId: ADMIN.userId })).toEqual([2]);
    expect(seqs({ from: '2026-11-21', to: '2026-11-22' })).toEqual([4, 3]);
    expect(seqs({ from: '2026-11-22' })).toEqual([5, 4]);
    expect(seqs({ to: '2026-11-20' })).toEqual([2, 1]);
    expect(seqs({ limit: 2 })).toEqual([5, 4]);
    expect(seqs({ userId: SECRETARY.userId, from: '2026-11-22', limit: 1 })).toEqual([5]);
    expect(seqs({ subjectId: 'nėra' })).toEqual([]);
    expect(log.list({ subjectId: CASE_1 })[0]).toMatchObject({ method: 'cases.transition', summary: 'Būsena: dossier_collecting' });
  });

  it('verifies an untouched log', () => {
    const { log } = withHistory(codec);
    expect(log.verify()).toEqual({ ok: true, count: 5, torn: [] });
    const empty = openLog(openDataDirectory(tempDataDir()), codec);
    expect(empty.verify()).toEqual({ ok: true, count: 0, torn: [] });
  });

  it('names the first altered entry: a field changed and re-encoded so that it still decodes', () => {
    const { log, path } = withHistory(codec);
    const text = lines(path);
    const third = decodeLine(codec, text[2]!);
    text[2] = encodeLine(codec, { ...third, method: 'cases.get' });
    writeLines(path, text);
    expect(log.verify()).toEqual({ ok: false, count: 2, firstBadSeq: 3, line: 3, problem: 'altered' });
    expect(log.list({}).map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]); // still readable: verify() is what judges
  });

  it('names an entry altered together with its own hash: the next entry no longer links to it', () => {
    const { log, path } = withHistory(codec);
    const text = lines(path);
    const { hash: _old, ...third } = decodeLine(codec, text[2]!);
    const changed = { ...third, actor: ADMIN };
    text[2] = encodeLine(codec, { ...changed, hash: digest(changed) });
    writeLines(path, text);
    expect(log.verify()).toEqual({ ok: false, count: 2, firstBadSeq: 3, line: 3, problem: 'altered' });
  });

  it('names an added field as an alteration', () => {
    const { log, path } = withHistory(codec);
    const text = lines(path);
    text[1] = encodeLine(codec, { ...decodeLine(codec, text[1]!), note: 'pridėta' });
    writeLines(path, text);
    expect(log.verify()).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'altered' });
  });

  it('names a removed middle entry, and a removed first entry', () => {
    const { log, path } = withHistory(codec);
    const text = lines(path);
    writeLines(path, [...text.slice(0, 2), ...text.slice(3)]);
    expect(log.verify()).toEqual({ ok: false, count: 2, firstBadSeq: 3, line: 3, problem: 'removed' });
    writeLines(path, text.slice(1));
    expect(log.verify()).toEqual({ ok: false, count: 0, firstBadSeq: 1, line: 1, problem: 'removed' });
  });

  it('names reordered entries: two swapped, one moved to the end', () => {
    const { log, path } = withHistory(codec);
    const [l1, l2, l3, l4, l5] = lines(path) as [string, string, string, string, string];
    writeLines(path, [l1, l2, l4, l3, l5]);
    expect(log.verify()).toEqual({ ok: false, count: 2, firstBadSeq: 3, line: 3, problem: 'reordered' });
    writeLines(path, [l2, l3, l4, l5, l1]);
    expect(log.verify()).toEqual({ ok: false, count: 0, firstBadSeq: 1, line: 1, problem: 'reordered' });
    writeLines(path, [l1, l2, l3, l4, l5, l2]); // an old entry replayed at the end
    expect(log.verify()).toMatchObject({ ok: false, count: 5, line: 6, problem: 'reordered' });
  });

  it('names an unreadable middle line, and an unreadable whole last line', () => {
    const { log, path } = withHistory(codec);
    const text = lines(path);
    writeLines(path, [...text.slice(0, 3), text[3]!.slice(0, 40), text[4]!]);
    expect(log.verify()).toEqual({ ok: false, count: 3, firstBadSeq: 4, line: 4, problem: 'unreadable' });
    writeLines(path, [...text.slice(0, 4), 'bm90IGFuIGVudHJ5']); // ends with its newline: not a torn write
    expect(log.verify()).toEqual({ ok: false, count: 4, firstBadSeq: 5, line: 5, problem: 'unreadable' });
  });

  it('accepts a last line torn by a crash as such, and records it at the next append', () => {
    const { dir, log, path } = withHistory(codec);
    const size = readFileSync(path).length;
    truncateSync(path, size - 30); // the last append was cut off mid-line: it was never acknowledged
    expect(log.verify()).toEqual({ ok: true, count: 4, torn: [5] });
    expect(log.list({}).map((e) => e.seq)).toEqual([4, 3, 2, 1]);

    log.close();
    opened.splice(opened.findIndex((o) => o.log === log), 1);
    const reopened = openLog(dir, codec, ['2026-11-24T12:00:00.000Z']);
    const next = reopened.append({ actor: SECRETARY, method: 'cases.register', subject: { kind: 'case', id: CASE_2 } });
    expect(next.seq).toBe(6);
    const [repair] = reopened.list({ limit: 2 }).slice(1);
    expect(repair).toMatchObject({ seq: 5, method: TORN_WRITE_METHOD, actor: null });
    expect(repair!.summary).toContain('5');
    expect(lines(path)).toHaveLength(7); // the fragment stays in the file, ended by a newline
    expect(reopened.verify()).toEqual({ ok: true, count: 6, torn: [5] });
  });

  it('does not let a repair record hide an unreadable line that the chain depends on', () => {
    const { dir, log, path } = withHistory(codec);
    const text = lines(path);
    writeLines(path, [...text.slice(0, 4), 'xyz']); // a whole, unreadable last line
    log.close();
    opened.splice(opened.findIndex((o) => o.log === log), 1);
    const reopened = openLog(dir, codec, ['2026-11-24T12:00:00.000Z']);
    expect(reopened.append({ actor: ADMIN, method: 'settings.save' }).seq).toBe(5);
    expect(reopened.verify()).toEqual({ ok: false, count: 4, firstBadSeq: 5, line: 5, problem: 'unreadable' });
  });

  it('reads only the end of a long log when it opens, and goes on from it', () => {
    const dir = openDataDirectory(tempDataDir());
    const log = openLog(dir, codec, ['2026-11-23T12:00:00.000Z']);
    let last: AuditEntry | undefined;
    for (let i = 0; i < 600; i++) {
      last = log.append({ actor: SECRETARY, method: 'cases.transition', subject: { kind: 'case', id: i % 2 ? CASE_1 : CASE_2 }, after: digest(i), summary: 'x'.repeat(200) });
    }
    expect(readFileSync(dir.path('audit', 'audit.log')).length).toBeGreaterThan(2 * 64 * 1024);
    log.close();
    opened.splice(opened.findIndex((o) => o.log === log), 1);
    const reopened = openLog(dir, codec, ['2026-11-23T12:00:00.000Z']);
    expect(reopened.append({ actor: ADMIN, method: 'settings.save' })).toMatchObject({ seq: 601, prevHash: last!.hash });
    expect(reopened.list({ subjectId: CASE_1, limit: 3 }).map((e) => e.seq)).toEqual([600, 598, 596]);
    expect(reopened.verify()).toEqual({ ok: true, count: 601, torn: [] });
  });
});
