import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { todayIso } from '../../../shared/domain/calendar';
import type { DataDirectory } from '../store/dataDirectory';
import { fsyncDir, readFileIfExists, syncBeforeClose, syncFd } from '../store/durableFile';
import type { Codec } from '../store/jsonFile';
import { storageError } from '../store/storageErrors';
import { canonicalJson, isDigest } from './digest';

export { canonicalJson } from './digest';

/** Keys that JavaScript orders before all others, whatever order they were added in (array indices). */
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;

/**
 * canonicalJson(value), written by the engine's own JSON.stringify over a copy whose objects have
 * their keys added in sorted order: the same text in a third less time for a case, half for a
 * meeting (every change digests the record before and after it). What JSON.stringify would order
 * otherwise falls back to canonicalJson itself: an object with array-index keys ("0", "12", which
 * JavaScript keeps in numeric order), a sparse array, a value with a toJSON method.
 */
function canonicalText(value: unknown): string {
  const sorted = sortedCopy(value);
  return sorted === NOT_PLAIN ? canonicalJson(value) : (JSON.stringify(sorted) as string | undefined) ?? 'null';
}

const NOT_PLAIN = Symbol('not plain JSON data');

function sortedCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return NOT_PLAIN;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PLAIN;
      const item = sortedCopy(value[i]);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      copy[i] = item;
    }
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (INDEX_KEY.test(key) && Number(key) < 4294967295) return NOT_PLAIN;
    const item = sortedCopy((value as Record<string, unknown>)[key]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    copy[key] = item;
  }
  return copy;
}

/** sha256 (hex) of the canonical JSON of a value: what the audit trail records of a record before and after a change. */
export function digest(value: unknown): string {
  return createHash('sha256').update(canonicalText(value), 'utf8').digest('hex');
}

/**
 * The audit trail (the users-and-roles issue): who changed which case, user or setting, when, by
 * which method, and a digest of the record before and after. One file, audit/audit.log, only ever
 * appended to; each line is base64(codec.encode(entry)), so the log is encrypted whenever the data
 * directory is. Each entry carries the hash of the one before it (`prevHash`) and its own `hash`, so
 * that `verify()` can name the first entry that was altered, removed, reordered or made unreadable.
 *
 * What the chain cannot see on its own: entries cut off the end of the log, or a log rewritten
 * from some entry on with every later hash recomputed (possible only with the data key when the
 * log is encrypted). Anchoring the last hash elsewhere (an exported dossier, a printed report)
 * closes that gap.
 *
 * Torn writes. An append is one write of whole lines followed by fsync, and returns only then; a
 * crash (power cut) in between can leave the start of a line without its newline — an entry that
 * was never acknowledged. Such a fragment is left in place as evidence. The next append first ends
 * it with a newline and records an `audit.tornWrite` entry that continues the chain from the entry
 * before the fragment, then the entry it was asked for. `verify()` accepts unreadable lines as torn
 * writes, and lists them without failing, only where a crash can leave them: after the last
 * readable entry of a file that ends mid-line, or directly followed by an `audit.tornWrite` entry
 * that continues the chain across them. An unreadable line anywhere else — including a whole last
 * line that ends with its newline — is damage ('unreadable').
 */

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The method of the entry that records skipped torn writes (not a contract method). */
export const TORN_WRITE_METHOD = 'audit.tornWrite';

export const AUDIT_SUBJECT_KINDS = ['case', 'user', 'settings', 'commission', 'meeting', 'document', 'package', 'directory', 'keys'] as const;

export interface AuditActor {
  userId: string;
  username: string;
}

export interface AuditSubject {
  kind: (typeof AUDIT_SUBJECT_KINDS)[number];
  id?: string;
}

/** What the caller records; the log adds seq, time and the chain. */
export interface AuditInput {
  /** The signed-in user, or null when nobody is (first-run setup, the app itself). */
  actor: AuditActor | null;
  /** The contract method that made the change, e.g. 'cases.transition'. */
  method: string;
  subject?: AuditSubject;
  /** digest() of the record before the change; absent for a creation. */
  before?: string;
  /** digest() of the record after the change. */
  after?: string;
  /** A short Lithuanian description, with no personal data beyond ids. */
  summary?: string;
}

export interface AuditEntry extends AuditInput {
  /** 1, 2, 3, … in the order written. */
  seq: number;
  /** ISO time of writing (UTC). */
  at: string;
  /** The previous entry's hash; GENESIS_HASH for the first. */
  prevHash: string;
  /** sha256 of the canonical JSON of this entry without `hash`. */
  hash: string;
}

export interface AuditFilter {
  /** The case, user … the entry is about (subject.id). */
  subjectId?: string;
  /** Who made the change (actor.userId). */
  userId?: string;
  /** First day (YYYY-MM-DD, local time), inclusive. */
  from?: string;
  /** Last day (YYYY-MM-DD, local time), inclusive. */
  to?: string;
  limit?: number;
}

export type AuditProblem = 'altered' | 'removed' | 'reordered' | 'unreadable';

export type AuditVerification =
  /** count: entries verified; torn: line numbers (1-based) of torn writes, accepted as such. */
  | { ok: true; count: number; torn: number[] }
  /**
   * count: entries verified intact before the break; firstBadSeq: the sequence number where the
   * chain first breaks (the altered, removed, misplaced or unreadable entry); line: where (1-based).
   */
  | { ok: false; count: number; firstBadSeq: number; line: number; problem: AuditProblem };

const digestText = z.string().refine(isDigest);

/** The shape of an entry read back. Extra fields are not rejected here: they fail the hash. */
const entryShape = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actor: z.object({ userId: z.string(), username: z.string() }).nullable(),
  method: z.string().min(1),
  subject: z.object({ kind: z.enum(AUDIT_SUBJECT_KINDS), id: z.string().optional() }).optional(),
  before: digestText.optional(),
  after: digestText.optional(),
  summary: z.string().optional(),
  prevHash: digestText,
  hash: digestText,
});

interface ReadEntry {
  entry: AuditEntry;
  /** Whether `hash` is the hash of the entry as stored. */
  intact: boolean;
}

/** The hash an entry must carry: over everything but the hash itself. */
function hashOf(entry: object): string {
  const { hash: _hash, ...rest } = entry as Record<string, unknown>;
  return digest(rest);
}

const NEWLINE = 0x0a;
const TAIL_CHUNK = 64 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let off = 0;
  while (off < length) {
    const n = readSync(fd, buf, off, length - off, position + off);
    if (n === 0) break;
    off += n;
  }
  return buf.subarray(0, off);
}

/** The lines of bytes [0, end) from the last to the first, read in chunks from the end. */
function* linesFromEnd(fd: number, end: number): Generator<string> {
  let pos = end;
  let rest = Buffer.alloc(0);
  while (pos > 0) {
    const length = Math.min(TAIL_CHUNK, pos);
    pos -= length;
    let buf = Buffer.concat([readAt(fd, pos, length), rest]);
    for (let nl = buf.lastIndexOf(NEWLINE); nl >= 0; nl = buf.lastIndexOf(NEWLINE)) {
      yield buf.subarray(nl + 1).toString('latin1');
      buf = buf.subarray(0, nl);
    }
    rest = buf;
  }
  yield rest.toString('latin1');
}

export class AuditLog {
  private fd: number;
  /** Bytes in the file. */
  private size = 0;
  /** Whether the file ends in the middle of a line (a torn write) that the next append must end. */
  private unterminated = false;
  /** Line numbers of unreadable lines after the last readable entry: torn writes to record. */
  private tornLines: number[] = [];
  private last: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };

  /** Issue 16: told of the trail's new head after every append (the integrity manifest records it). */
  afterAppend: ((head: { seq: number; hash: string }) => void) | undefined;

  private constructor(
    private readonly path: string,
    private readonly codec: Codec,
    private readonly now: () => Date,
    /** Whether the file was there when the trail was opened (issue 16: a deleted trail is reported). */
    private readonly existed: boolean,
  ) {
    this.fd = openSync(path, 'a+', 0o600);
    try {
      this.loadTail();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  /** Open (creating if needed) the audit log of a data directory. Reads only the end of the file. */
  static open(dir: DataDirectory, codec: Codec, options: { now?: () => Date } = {}): AuditLog {
    const folder = dir.path('audit');
    const path = dir.path('audit', 'audit.log');
    const isNew = !existsSync(path);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const log = new AuditLog(path, codec, options.now ?? (() => new Date()), !isNew);
    if (isNew) {
      fsyncDir(folder);
      fsyncDir(dir.root);
    }
    return log;
  }

  /** Find where the chain goes on: the last readable entry, and any torn lines after it. */
  private loadTail(): void {
    this.size = fstatSync(this.fd).size;
    this.unterminated = this.size > 0 && readAt(this.fd, this.size - 1, 1)[0] !== NEWLINE;
    this.tornLines = [];
    this.last = { seq: 0, hash: GENESIS_HASH };
    if (this.size === 0) return;
    const end = this.unterminated ? this.size : this.size - 1;
    let fromEnd = 0;
    for (const line of linesFromEnd(this.fd, end)) {
      const read = this.parse(line);
      if (read) {
        this.last = { seq: read.entry.seq, hash: read.entry.hash };
        break;
      }
      fromEnd++;
    }
    // Unreadable lines at the end are torn writes only when the file ends mid-line; a whole line
    // that cannot be read is damage, and stays visible to verify().
    if (fromEnd > 0 && this.unterminated) {
      const lines = this.countLines(end);
      this.tornLines = Array.from({ length: fromEnd }, (_, i) => lines - fromEnd + 1 + i);
    }
  }

  /** How many lines bytes [0, end) hold (only after a crash: reads the whole file). */
  private countLines(end: number): number {
    let lines = 1;
    for (let pos = 0; pos < end; pos += TAIL_CHUNK) {
      const buf = readAt(this.fd, pos, Math.min(TAIL_CHUNK, end - pos));
      for (let i = buf.indexOf(NEWLINE); i >= 0; i = buf.indexOf(NEWLINE, i + 1)) lines++;
    }
    return lines;
  }

  private parse(line: string): ReadEntry | undefined {
    if (line.length === 0) return undefined;
    let raw: unknown;
    try {
      raw = this.codec.decode(Buffer.from(line, 'base64'));
    } catch {
      return undefined;
    }
    const parsed = entryShape.safeParse(raw);
    if (!parsed.success) return undefined;
    return { entry: parsed.data, intact: hashOf(raw as object) === parsed.data.hash };
  }

  /** Number and chain an entry; only the fields of AuditInput are taken from the caller. */
  private seal(input: AuditInput, at: string): AuditEntry {
    const { actor, method, subject, before, after, summary } = input;
    const entry: Omit<AuditEntry, 'hash'> = {
      seq: this.last.seq + 1,
      at,
      actor: actor && { userId: actor.userId, username: actor.username },
      method,
      ...(subject && { subject: { kind: subject.kind, ...(subject.id !== undefined && { id: subject.id }) } }),
      ...(before !== undefined && { before }),
      ...(after !== undefined && { after }),
      ...(summary !== undefined && { summary }),
      prevHash: this.last.hash,
    };
    const sealed: AuditEntry = { ...entry, hash: hashOf(entry) };
    this.last = { seq: sealed.seq, hash: sealed.hash };
    return sealed;
  }

  private line(entry: AuditEntry): string {
    return `${this.codec.encode(entry).toString('base64')}\n`;
  }

  /**
   * Record a change: numbered, chained and durable (written and fsynced) before it returns. A
   * failure leaves the log as it was and throws a DomainError.
   */
  append(input: AuditInput): AuditEntry {
    for (const key of ['before', 'after'] as const) {
      const value = input[key];
      if (value !== undefined && !isDigest(value)) throw new TypeError(`AuditLog.append: ${key} must be a digest() (64 hex digits)`);
    }
    const previous = this.last;
    const at = this.now().toISOString();
    let text = this.unterminated ? '\n' : '';
    if (this.tornLines.length > 0) {
      const lines = this.tornLines;
      text += this.line(
        this.seal(
          {
            actor: null,
            method: TORN_WRITE_METHOD,
            summary: `Praleista nebaigta įrašyti eilutė (-ės) ${lines.join(', ')}: įrašymą nutraukė programos ar kompiuterio gedimas; eilutės paliktos faile.`,
          },
          at,
        ),
      );
    }
    const entry = this.seal(input, at);
    text += this.line(entry);
    const bytes = Buffer.from(text, 'utf8');
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
      syncFd(this.fd);
    } catch (e) {
      this.last = previous;
      this.undo();
      throw storageError(e, 'auditEntry');
    }
    this.size += bytes.length;
    this.unterminated = false;
    this.tornLines = [];
    this.afterAppend?.(this.head());
    return entry;
  }

  /** The trail's head: how many entries (the last one's number) and the last one's hash. */
  head(): { seq: number; hash: string } {
    return { ...this.last };
  }

  /** Whether the trail's file was there when it was opened. */
  exists(): boolean {
    return this.existed;
  }

  /** Entry `seq`'s hash, and whether it is a note of torn lines, read from the end of the trail; undefined when no readable entry has that number. */
  entryAt(seq: number): { hash: string; tornNote: boolean } | undefined {
    if (seq > this.last.seq || seq < 1) return undefined;
    for (const line of linesFromEnd(this.fd, fstatSync(this.fd).size)) {
      const entry = this.parse(line)?.entry;
      if (entry === undefined) continue;
      if (entry.seq === seq) return { hash: entry.hash, tornNote: entry.method === TORN_WRITE_METHOD };
      if (entry.seq < seq) return undefined;
    }
    return undefined;
  }

  /** After a failed append: cut off what it may have written, then read the end of the file again. */
  private undo(): void {
    try {
      ftruncateSync(this.fd, this.size);
      fsyncSync(this.fd);
    } catch {
      // what is left is a torn write; loadTail below finds it
    }
    try {
      this.loadTail();
    } catch {
      // the state from before this append still describes the file as far as it is known
    }
  }

  /** Entries matching the filter, newest first (by seq). Unreadable lines are skipped: verify() reports them. */
  list(filter: AuditFilter = {}): AuditEntry[] {
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    const found: AuditEntry[] = [];
    if (limit <= 0) return found;
    const size = fstatSync(this.fd).size;
    for (const line of linesFromEnd(this.fd, size)) {
      const entry = this.parse(line)?.entry;
      if (!entry || !matches(entry, filter)) continue;
      found.push(entry);
      if (found.length >= limit) break;
    }
    return found.sort((a, b) => b.seq - a.seq);
  }

  /** Check the whole chain and report the first break. Reads the whole file. */
  verify(): AuditVerification {
    const text = (readFileIfExists(this.path) ?? Buffer.alloc(0)).toString('latin1');
    const unterminated = text.length > 0 && !text.endsWith('\n');
    const lines = text.split('\n');
    if (!unterminated) lines.pop(); // the empty rest after the newline that ends the last line
    const read = lines.map((line) => this.parse(line));
    const torn: number[] = [];
    let prev = { seq: 0, hash: GENESIS_HASH, line: 0 };
    let count = 0;
    const bad = (problem: AuditProblem, line: number, firstBadSeq = prev.seq + 1, intact = count): AuditVerification => ({
      ok: false,
      count: intact,
      firstBadSeq,
      line,
      problem,
    });
    for (let i = 0; i < read.length; i++) {
      const current = read[i];
      if (current === undefined) {
        let next = i + 1;
        while (next < read.length && read[next] === undefined) next++;
        const after = read[next];
        const tornRun =
          after === undefined
            ? unterminated
            : after.intact && after.entry.method === TORN_WRITE_METHOD && after.entry.seq === prev.seq + 1 && after.entry.prevHash === prev.hash;
        if (!tornRun) return bad('unreadable', i + 1);
        for (let j = i; j < next; j++) torn.push(j + 1);
        i = next - 1;
        continue;
      }
      const { entry, intact } = current;
      if (!intact) return bad('altered', i + 1);
      if (entry.seq === prev.seq + 1) {
        if (entry.prevHash !== prev.hash) {
          // Each whole, but not linked: the entry before was rewritten with a new hash (or this one's link was).
          return prev.seq === 0 ? bad('altered', i + 1) : bad('altered', prev.line, prev.seq, count - 1);
        }
        prev = { seq: entry.seq, hash: entry.hash, line: i + 1 };
        count++;
        continue;
      }
      const expected = prev.seq + 1;
      const elsewhere = read.some((r, j) => j > i && r !== undefined && r.intact && r.entry.seq === expected);
      return bad(elsewhere || entry.seq < expected ? 'reordered' : 'removed', i + 1);
    }
    return { ok: true, count, torn };
  }

  close(): void {
    try {
      syncBeforeClose(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }
}

function matches(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.subjectId !== undefined && entry.subject?.id !== filter.subjectId) return false;
  if (filter.userId !== undefined && entry.actor?.userId !== filter.userId) return false;
  if (filter.from !== undefined || filter.to !== undefined) {
    const day = todayIso(new Date(entry.at)); // the local calendar day of the entry
    if (filter.from !== undefined && day < filter.from) return false;
    if (filter.to !== undefined && day > filter.to) return false;
  }
  return true;
}
