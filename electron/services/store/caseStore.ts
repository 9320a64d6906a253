import { closeSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { LowSync } from 'lowdb';
import { caseRecord, type CaseRecord } from '../../../shared/contract/schemas';
import { isIsoDate } from '../../../shared/domain/calendar';
import { CASE_STATES } from '../../../shared/domain/caseStates';
import { DomainError } from '../../../shared/domain/errors';
import { caseDamageText, type CaseDamage, type StorageSubject } from '../../../shared/domain/errorTexts';
import { personalFileKey } from '../../../shared/domain/personalFile';
import { progressOf, type CaseProgress } from '../../../shared/domain/caseProgress';
import type { DataDirectory } from './dataDirectory';
import { finishBatchedWrites, readFileIfExists, removeFile, removeLeftoverTemps, syncBeforeClose, syncFd, TEMP_FILE, writeFileDurable } from './durableFile';
import { sealProblemOf } from './encryption';
import { copyOf, DurableFile, type Codec } from './jsonFile';
import { storageError } from './storageErrors';

/**
 * What the index keeps of a case: what the list shows and what the rules that look across a
 * convict's cases need (state, facts, request date). The case file holds the rest.
 */
export interface CaseSummary {
  id: string;
  revision: number;
  updatedAt: string;
  convict: Pick<CaseRecord['convict'], 'firstName' | 'lastName' | 'personalFileNo'>;
  request: Pick<CaseRecord['request'], 'requestDate' | 'possibleTransferDate'> & {
    servingInstitution: { name: string };
    /** Issue 14: the release milestones count back from it (absent in an index written before). */
    possibleParoleDate?: CaseRecord['request']['possibleParoleDate'];
  };
  state: CaseRecord['state'];
  facts: CaseRecord['facts'];
  /**
   * Issue 17: the steps in force and what the dossier lacks, for the start pages and the statistics.
   * An index written before has none: it fails the check below and is rebuilt from the case files once.
   */
  progress: CaseProgress;
}

/** A text in Lithuanian and English. */
export interface Bilingual {
  lt: string;
  en: string;
}

export interface StoredCase {
  id: string;
  summary?: CaseSummary;
  /** Why the case file could not be read (CASE_DAMAGED's reason, as the list shows it); such a case is never written over. */
  damaged?: Bilingual;
}

type JournalEntry = { op: 'intent'; id: string } | { op: 'put'; summary: CaseSummary };

function asJournalEntry(x: unknown): JournalEntry | undefined {
  const e = x as Partial<{ op: unknown; id: unknown; summary: unknown }> | null;
  if (e?.op === 'intent' && typeof e.id === 'string' && ID_PATTERN.test(e.id)) return { op: 'intent', id: e.id };
  if (e?.op === 'put' && isSummary(e.summary)) return { op: 'put', summary: e.summary };
  return undefined;
}

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Above this many journal lines the index is rewritten as one snapshot when the store opens. */
const COMPACT_AFTER = 1000;
/** Case records kept as read (or written), so that reading one again costs a comparison, not a decryption. */
const CACHED_RECORDS = 256;

const DECISIONS: readonly unknown[] = ['10.1', '10.2', '10.3', '10.4'];
const STATES: readonly unknown[] = CASE_STATES;

function isText(v: unknown): v is string {
  return typeof v === 'string';
}

function isDate(v: unknown): boolean {
  return typeof v === 'string' && isIsoDate(v);
}

function isOptionalDate(v: unknown): boolean {
  return v === undefined || isDate(v);
}

/** Absent, or an object dated by a real `on` (the arrival, the departure: the places count by them). */
function isOptionalDated(v: unknown): boolean {
  return v === undefined || (typeof v === 'object' && v !== null && isDate((v as { on?: unknown }).on));
}

/**
 * Whether an index entry has the shape of a summary, with real dates and a known state. Checked by
 * hand rather than with zod: opening the store checks every entry, and this is the cold path that
 * lists 10,000 cases (no closures or arrays made per entry).
 */
function isSummary(x: unknown): x is CaseSummary {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Partial<Record<keyof CaseSummary, unknown>>;
  const convict = s.convict as Partial<CaseSummary['convict']> | null | undefined;
  const request = s.request as Partial<CaseSummary['request']> | null | undefined;
  const facts = s.facts as Record<string, unknown> | null | undefined;
  if (!(isText(s.id) && ID_PATTERN.test(s.id) && typeof s.revision === 'number' && isText(s.updatedAt) && STATES.includes(s.state))) return false;
  if (typeof convict !== 'object' || convict === null || !isText(convict.firstName) || !isText(convict.lastName) || !isText(convict.personalFileNo)) return false;
  if (typeof request !== 'object' || request === null || !isDate(request.requestDate) || !isDate(request.possibleTransferDate) || !isOptionalDate(request.possibleParoleDate)) return false;
  if (typeof request.servingInstitution !== 'object' || request.servingInstitution === null || !isText(request.servingInstitution.name)) return false;
  if (typeof facts !== 'object' || facts === null) return false;
  if (!isOptionalDate(facts.dossierReceivedOn) || !isOptionalDate(facts.refusedOn) || !isOptionalDate(facts.placeFreedOn)) return false;
  // Issue 14: the places and the list are counted from these (V-77 p. 4, 12, 20).
  if (!isOptionalDate(facts.listedOn) || !isOptionalDate(facts.placeReportedOn) || !isOptionalDated(facts.arrival) || !isOptionalDated(facts.departure)) return false;
  if (!isProgress(s.progress)) return false;
  const extension = facts.dossierExtensionDays;
  if (extension !== undefined && !(Number.isInteger(extension) && (extension as number) >= 0 && (extension as number) <= 10)) return false;
  return facts.decision === undefined || DECISIONS.includes(facts.decision);
}

function isCount(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) >= 0;
}

/** The progress kept in the index (issue 17): steps with known states and real dates, counts of what is missing. */
function isProgress(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as { steps?: unknown; dossier?: { documents?: unknown; facts?: unknown; asOf?: unknown } | null };
  if (!Array.isArray(p.steps) || typeof p.dossier !== 'object' || p.dossier === null) return false;
  if (!isCount(p.dossier.documents) || !isCount(p.dossier.facts) || !isDate(p.dossier.asOf)) return false;
  for (const step of p.steps as { from?: unknown; to?: unknown; on?: unknown; decision?: unknown }[]) {
    if (typeof step !== 'object' || step === null || !STATES.includes(step.from) || !STATES.includes(step.to) || !isDate(step.on)) return false;
    if (step.decision !== undefined && !DECISIONS.includes(step.decision)) return false;
  }
  return true;
}

function summarize(record: CaseRecord): CaseSummary {
  const { id, revision, updatedAt, convict, request, state, facts } = record;
  return {
    id,
    revision,
    updatedAt,
    convict: { firstName: convict.firstName, lastName: convict.lastName, personalFileNo: convict.personalFileNo },
    request: {
      requestDate: request.requestDate,
      possibleTransferDate: request.possibleTransferDate,
      possibleParoleDate: request.possibleParoleDate,
      servingInstitution: { name: request.servingInstitution.name },
    },
    state,
    facts,
    progress: progressOf(record),
  };
}

function notFound(id: string): DomainError {
  return new DomainError('CASE_NOT_FOUND', { id });
}

/**
 * One file per case (cases/<id>.json), so that writing a case costs what one case costs, plus an
 * index so that listing thousands of cases does not read thousands of files: a snapshot of every
 * case's summary and an append-only journal of changes since it.
 *
 * Every write is: journal "intent" (fsync) → case file (atomic, durable) → journal "put" (not
 * fsynced: the next intent's fsync carries it, and until then the intent stands for it). The case
 * file is the truth; after a crash, any case with an intent but no put is re-read from its file when
 * the store opens, so the index can never claim what the file does not hold.
 */
export class CaseStore {
  private readonly summaries = new Map<string, CaseSummary>();
  private readonly damaged = new Map<string, CaseDamage>();
  /**
   * Case ids by convict (personal file key): a convict's other requests without a full scan. Built
   * at the first question, not when the store opens (listing the cases does not need it).
   */
  private byConvictIndex: Map<string, Set<string>> | undefined;
  /**
   * The latest records read or written, each with the bytes of its file: a record is given out
   * again only while its file holds the very same bytes (comparing them costs a fraction of a
   * decryption and a check); a file changed, replaced or restored meanwhile is read again. Oldest
   * first (a Map keeps insertion order).
   */
  private readonly records = new Map<string, { bytes: Buffer; record: CaseRecord }>();
  private journalFd: number;
  private journalLines = 0;
  /** The journal ends in a torn line (a crash mid-append): rewrite the index before appending to it. */
  private journalTorn = false;

  private constructor(
    private readonly dir: DataDirectory,
    private readonly codec: Codec,
  ) {
    mkdirSync(dir.path('cases'), { recursive: true, mode: 0o700 });
    mkdirSync(dir.path('index'), { recursive: true, mode: 0o700 });
    // The cases folder holds a file per case: its leftovers are removed by verifyAll, in the background.
    for (const folder of [dir.root, dir.path('index')]) removeLeftoverTemps(folder);
    if (!this.loadIndex()) this.rebuildIndex();
    if (this.journalLines > COMPACT_AFTER || this.journalTorn) this.writeSnapshot();
    this.journalFd = openSync(this.journalPath, 'a', 0o600);
  }

  static open(dir: DataDirectory, codec: Codec): CaseStore {
    return new CaseStore(dir, codec);
  }

  private setSummary(summary: CaseSummary): void {
    const byConvict = this.byConvictIndex;
    if (byConvict) {
      const previous = this.summaries.get(summary.id);
      if (previous) byConvict.get(personalFileKey(previous.convict.personalFileNo))?.delete(summary.id);
      addTo(byConvict, summary);
    }
    this.summaries.set(summary.id, summary);
  }

  private dropSummary(id: string): void {
    const previous = this.summaries.get(id);
    if (previous) this.byConvictIndex?.get(personalFileKey(previous.convict.personalFileNo))?.delete(id);
    this.summaries.delete(id);
  }

  private clearSummaries(): void {
    this.summaries.clear();
    this.byConvictIndex = undefined;
  }

  private get byConvict(): Map<string, Set<string>> {
    if (!this.byConvictIndex) {
      const byConvict = new Map<string, Set<string>>();
      for (const summary of this.summaries.values()) addTo(byConvict, summary);
      this.byConvictIndex = byConvict;
    }
    return this.byConvictIndex;
  }

  private remember(id: string, bytes: Buffer, record: CaseRecord): void {
    this.records.delete(id);
    this.records.set(id, { bytes, record });
    if (this.records.size > CACHED_RECORDS) this.records.delete(this.records.keys().next().value!);
  }

  private get journalPath(): string {
    return this.dir.path('index', 'journal.log');
  }

  private get snapshotPath(): string {
    return this.dir.path('index', 'snapshot.json');
  }

  /** A case file's codec: bound to its path and version (issue 16); journal lines use the store's own. */
  private caseCodec(path: string): Codec {
    return this.codec.at?.(path) ?? this.codec;
  }

  private casePath(id: string): string {
    if (!ID_PATTERN.test(id)) throw notFound(id);
    return this.dir.path('cases', `${id}.json`);
  }

  /** Load snapshot + journal. Returns false when the index is missing or unreadable. */
  private loadIndex(): boolean {
    let snapshot: unknown;
    try {
      snapshot = new DurableFile(this.snapshotPath, this.codec).read();
    } catch {
      return false;
    }
    if (snapshot === null) {
      // A new directory has no index and no cases; an old one without a snapshot must be rebuilt.
      return readdirSync(this.dir.path('cases')).length === 0;
    }
    if (!Array.isArray(snapshot) || !snapshot.every(isSummary)) return false;
    for (const summary of snapshot) this.setSummary(summary);

    const raw = readFileIfExists(this.journalPath)?.toString('utf8') ?? '';
    // A line without its newline is an append a crash cut short; what is appended next must not join it.
    this.journalTorn = raw.length > 0 && !raw.endsWith('\n');
    const lines = raw.split('\n').filter((l) => l.length > 0);
    const pending = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      let entry: JournalEntry | undefined;
      try {
        entry = asJournalEntry(this.codec.decode(Buffer.from(lines[i]!, 'base64')));
      } catch {
        entry = undefined;
      }
      if (entry === undefined) {
        // A torn last line is a write that was never acknowledged; anything else is damage.
        if (i === lines.length - 1) break;
        this.clearSummaries();
        return false;
      }
      if (entry.op === 'intent') pending.add(entry.id);
      else {
        const current = this.summaries.get(entry.summary.id);
        if (!current || current.revision <= entry.summary.revision) this.setSummary(entry.summary);
        pending.delete(entry.summary.id);
      }
    }
    this.journalLines = lines.length;
    for (const id of pending) this.refreshFromFile(id);
    return true;
  }

  /** Rebuild the index from the case files themselves (a lost or damaged index loses nothing). */
  private rebuildIndex(): void {
    this.clearSummaries();
    for (const name of readdirSync(this.dir.path('cases'))) {
      const m = /^(.+)\.json$/.exec(name);
      if (m && ID_PATTERN.test(m[1]!)) this.refreshFromFile(m[1]!);
    }
    this.writeSnapshot();
  }

  private refreshFromFile(id: string): CaseRecord | undefined {
    try {
      const record = this.readRecord(id);
      this.setSummary(summarize(record));
      this.damaged.delete(id);
      return record;
    } catch (e) {
      if (e instanceof DomainError && e.code === 'CASE_NOT_FOUND') this.dropSummary(id);
      else if (e instanceof DomainError && e.code === 'CASE_DAMAGED') this.damaged.set(id, e.params?.reason as CaseDamage);
      else this.damaged.set(id, { why: 'unreadable', detail: String(e) });
      return undefined;
    }
  }

  private readRecord(id: string): CaseRecord {
    return this.readFile(id).record;
  }

  /** The case file's bytes and the record they hold; `read`: the bytes, already read. */
  private readFile(id: string, read?: Buffer): { bytes: Buffer; record: CaseRecord } {
    const path = this.casePath(id);
    let bytes: Buffer | undefined;
    let raw: unknown;
    try {
      bytes = read ?? readFileIfExists(path);
      raw = bytes === undefined ? null : this.caseCodec(path).decode(bytes);
    } catch (e) {
      const problem = sealProblemOf(e);
      throw this.damagedError(
        id,
        problem !== undefined
          ? { why: 'sealed', problem }
          : e instanceof SyntaxError
            ? { why: 'json' }
            : { why: 'io', code: (e as NodeJS.ErrnoException).code ?? String(e) },
      );
    }
    if (raw === null) throw notFound(id);
    const parsed = caseRecord.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || '—';
      throw this.damagedError(id, { why: 'structure', where });
    }
    if (parsed.data.id !== id) {
      throw this.damagedError(id, { why: 'idMismatch' });
    }
    return { bytes: bytes!, record: parsed.data };
  }

  private damagedError(id: string, reason: CaseDamage): DomainError {
    this.damaged.set(id, reason);
    return new DomainError('CASE_DAMAGED', { id, reason });
  }

  /** Append a journal line; `durable`: fsynced before it returns. */
  private append(entry: JournalEntry, durable: boolean): void {
    const line = this.codec.encode(entry).toString('base64') + '\n';
    writeSync(this.journalFd, line);
    if (durable) syncFd(this.journalFd);
    this.journalLines++;
  }

  private writeSnapshot(): void {
    new LowSync<unknown>(new DurableFile(this.snapshotPath, this.codec), [...this.summaries.values()]).write();
    writeFileDurable(this.journalPath, '');
    this.journalLines = 0;
  }

  list(): StoredCase[] {
    const cases: StoredCase[] = [];
    const shown = (reason: CaseDamage | undefined): Bilingual | undefined => reason && { lt: caseDamageText(reason, 'lt'), en: caseDamageText(reason, 'en') };
    for (const [id, summary] of this.summaries) cases.push({ id, summary, damaged: shown(this.damaged.get(id)) });
    for (const [id, damaged] of this.damaged) if (!this.summaries.has(id)) cases.push({ id, summary: undefined, damaged: shown(damaged) });
    return cases;
  }

  /** The cases of one convict (same personal file number), from the index. */
  ofConvict(personalFileNo: string): CaseSummary[] {
    const ids = this.byConvict.get(personalFileKey(personalFileNo)) ?? new Set<string>();
    return [...ids].map((id) => this.summaries.get(id)!);
  }

  /** The case as its file holds it now (each call gets its own copy). */
  get(id: string): CaseRecord {
    const path = this.casePath(id);
    const known = this.damaged.get(id);
    // Always read: the file may have been restored (or damaged) meanwhile. Decoded again only if it changed.
    const cached = known === undefined ? this.records.get(id) : undefined;
    let read: Buffer | undefined;
    if (cached !== undefined) {
      try {
        read = readFileIfExists(path);
      } catch {
        read = undefined; // read again below, which says why it cannot be
      }
      if (read !== undefined && read.equals(cached.bytes)) {
        this.records.delete(id);
        this.records.set(id, cached);
        return copyOf(cached.record);
      }
    }
    const { bytes, record } = this.readFile(id, read);
    if (known !== undefined) this.damaged.delete(id);
    this.remember(id, bytes, record);
    return copyOf(record);
  }

  /** Write a case (new or changed). The caller has checked the revision; this makes it durable. `what`: what a failed write says was not saved. */
  put(record: CaseRecord, what: StorageSubject): void {
    const path = this.casePath(record.id);
    if (this.damaged.has(record.id)) throw this.damagedError(record.id, this.damaged.get(record.id)!);
    // Never write what would read back as damaged: the record must be a case as the schema has it.
    const stored = caseRecord.safeParse(record);
    if (!stored.success || stored.data.id !== record.id) {
      throw new Error(`Case ${record.id} does not match the structure of a case (${stored.error?.issues[0]?.path.join('.') ?? 'id'}); not written`);
    }
    let bytes: Buffer;
    try {
      bytes = this.caseCodec(path).encode(record);
      this.append({ op: 'intent', id: record.id }, true);
      writeFileDurable(path, bytes);
    } catch (e) {
      throw storageError(e, what); // the case file is as it was: the write is all or nothing
    }
    // From here the change is saved. Should the journal line fail, the intent above makes the next
    // start re-read this case from its file, so the index still cannot lose it.
    this.remember(record.id, bytes, stored.data);
    this.setSummary(summarize(record));
    try {
      // Not fsynced: until the next fsync of the journal carries it, the intent stands for it.
      this.append({ op: 'put', summary: summarize(record) }, false);
    } catch (e) {
      console.error(`Index journal not updated for case ${record.id}; it will be re-read from its file at the next start.`, e);
    }
  }

  /**
   * Read every case file (in the background after start) and bring the index in line with them:
   * damaged files are reported, repaired ones cleared. Returns whether anything changed. Stops
   * early when `stop.requested` is set (the app is closing).
   */
  /**
   * Read every case file in the background: refresh the index and mark damaged files. `visit` sees
   * every record read (also one read only at the second, synchronous attempt).
   */
  async verifyAll(stop: { requested: boolean } = { requested: false }, visit?: (record: CaseRecord) => void): Promise<boolean> {
    const folder = this.dir.path('cases');
    finishBatchedWrites(); // a batch's writer thread leaves no temporary files behind
    const all = readdirSync(folder);
    // Temporary files of writes a crash cut short (never read as data): removed here rather than
    // when the store opens, where listing thousands of case files would slow every start.
    for (const name of all) if (TEMP_FILE.test(name)) removeFile(join(folder, name));
    const names = all.filter((n) => /\.json$/.test(n));
    let changed = false;
    const check = async (id: string): Promise<void> => {
      let ok = false;
      try {
        const bytes = await readFile(this.casePath(id));
        const parsed = caseRecord.safeParse(this.caseCodec(this.casePath(id)).decode(bytes));
        ok = parsed.success && parsed.data.id === id;
        if (ok && parsed.success) {
          visit?.(parsed.data);
          const known = this.summaries.get(id);
          if (!known || known.revision < parsed.data.revision) {
            this.setSummary(summarize(parsed.data));
            changed = true;
          }
        }
      } catch {
        ok = false;
      }
      const wasDamaged = this.damaged.has(id);
      if (!ok) {
        const record = this.refreshFromFile(id); // synchronous re-check: decides and records the reason
        if (record) visit?.(record);
        if (this.damaged.has(id) !== wasDamaged) changed = true;
      } else if (wasDamaged) {
        this.damaged.delete(id);
        changed = true;
      }
    };
    const ids = names.map((n) => n.slice(0, -'.json'.length)).filter((id) => ID_PATTERN.test(id));
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < ids.length && !stop.requested) await check(ids[next++]!);
      }),
    );
    return changed;
  }

  /** `write`: fold the journal into the snapshot first (not when the directory is no longer ours: issue 16). */
  close(write = true): void {
    try {
      if (write && this.journalLines > 0) this.writeSnapshot();
    } finally {
      try {
        syncBeforeClose(this.journalFd);
      } finally {
        closeSync(this.journalFd);
      }
    }
  }
}

function addTo(byConvict: Map<string, Set<string>>, summary: CaseSummary): void {
  const key = personalFileKey(summary.convict.personalFileNo);
  let ids = byConvict.get(key);
  if (!ids) byConvict.set(key, (ids = new Set()));
  ids.add(summary.id);
}
