// Rollback and truncation detection (issue 16). Every whole-file record is sealed for its path and
// a generation (encryption.ts, "PUS\x04"); this manifest says which generation of each file is the
// current one, and how far the audit trail reached (its count and last hash). An older copy of a
// file put back is then an older generation than the manifest's (reported, the record read as
// damaged and never written over); a cut or deleted audit trail is behind the manifest's head; a
// manifest put back from an older copy is behind the audit trail. Files a crash wrote without their
// manifest line are newer than the manifest, never older, and are taken as they are.
//
// On disk: integrity/manifest.json (the snapshot: sealed, bound to its path) and integrity/journal.log
// (a sealed line per change since the snapshot, each with a generation higher than the one before).
// The snapshot is rewritten from memory when the journal grows long, and at every clean close.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { join, sep } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../../shared/domain/errors';
import type { IntegrityProblem } from '../../../shared/domain/errorTexts/integrity';
import type { DataDirectory } from './dataDirectory';
import { batching, readFileIfExists, syncBeforeClose, syncFd, watchWrites, writeFileDurable, TEMP_FILE } from './durableFile';
import { generationOf, type RecordVersions, type SealingCodec } from './encryption';

export const MANIFEST_FOLDER = 'integrity';
const SNAPSHOT = 'manifest.json';
const JOURNAL = 'journal.log';
/** Journal lines after which the snapshot is rewritten (at open, or when it grows during a run). */
const COMPACT_AFTER = 5_000;
/**
 * How far the trail may be ahead of the manifest after a crash: an append is fsynced before the
 * manifest line that records it, so one entry — or two when the append also wrote the note of a
 * torn line before it, both in the same write.
 */
function withinCrashWindow(audit: AuditView, recorded: number, head: number): boolean {
  if (head - recorded <= 1) return true;
  return head - recorded === 2 && audit.entryAt(recorded + 1)?.tornNote === true;
}

/** The audit trail's head: how many entries, and the hash of the last. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** What the manifest needs from the audit trail to check its head. */
export interface AuditView {
  head(): AuditHead;
  /** Entry `seq`'s hash, and whether it is the trail's note of a torn line; undefined when no readable entry has that number. */
  entryAt(seq: number): { hash: string; tornNote: boolean } | undefined;
  /** Whether the trail's file exists at all. */
  exists(): boolean;
}

const snapshotHead = z.object({
  format: z.literal('pusiaukele-manifest'),
  version: z.literal(1),
  generation: z.number().int().min(0),
  files: z.record(z.string(), z.unknown()),
  audit: z.object({ seq: z.number().int().min(0), hash: z.string() }),
});
type Snapshot = Omit<z.infer<typeof snapshotHead>, 'files'> & { files: Record<string, number> };

/** The snapshot, checked: the files' generations by a loop (zod's record check costs tens of ms over 10,000 cases at every start). */
function parseSnapshot(value: unknown): Snapshot {
  const head = snapshotHead.parse(value);
  for (const generation of Object.values(head.files)) {
    if (typeof generation !== 'number' || !Number.isSafeInteger(generation) || generation < 0) throw new Error('A generation that is not a whole number');
  }
  return head as Snapshot;
}

const lineShape = z.object({
  /** The line's own generation: higher than every one before it. */
  g: z.number().int().min(1),
  /** A file written, with its generation `f`, or removed (`r`). */
  p: z.string().optional(),
  f: z.number().int().min(0).optional(),
  r: z.literal(true).optional(),
  /** The audit trail's head after an append. */
  a: z.object({ seq: z.number().int().min(0), hash: z.string() }).optional(),
});
type Line = z.infer<typeof lineShape>;

/** Files the manifest does not keep: the descriptor, the wrapped keys, the lock, its own files, the appended logs, the documents (named by their content). */
function tracked(rel: string): boolean {
  if (!rel.endsWith('.json')) return false;
  if (rel === 'pusiaukele.json' || rel === 'keys.json') return false;
  return !rel.startsWith(`${MANIFEST_FOLDER}/`) && !rel.startsWith('documents/');
}

/** The directory's integrity manifest: see the top of this file. */
export class Manifest implements RecordVersions {
  private generation = 0;
  private readonly files = new Map<string, number>();
  private audit: AuditHead = { seq: 0, hash: '' };
  private journalFd: number | undefined;
  private journalLines = 0;
  private readonly found: IntegrityProblem[] = [];
  private stopWatching: (() => void) | undefined;
  /** A journal line could not be written (reported once). */
  private appendFailed = false;
  /** The journal ends in a torn line (a crash mid-append). */
  private journalTorn = false;
  /** The codec bound to this manifest: what the stores are given (records sealed for their path and a generation from here). */
  readonly bound: SealingCodec;

  /** The manifest's own files' codec: bound to their paths within the directory (so the directory opens at any path), no versions. */
  private readonly own: SealingCodec;

  private constructor(
    private readonly dir: DataDirectory,
    private readonly codec: SealingCodec,
  ) {
    this.bound = codec.bind(dir.root, this);
    this.own = codec.bind(dir.root, { nextGeneration: () => 0, checkRead: () => undefined });
  }

  private get folder(): string {
    return this.dir.path(MANIFEST_FOLDER);
  }

  private get snapshotPath(): string {
    return join(this.folder, SNAPSHOT);
  }

  private get journalPath(): string {
    return join(this.folder, JOURNAL);
  }

  /**
   * Open the manifest of a directory whose audit trail is `audit`, check the trail's head and the
   * records at the top of the directory against it, and start recording every write. A directory
   * from before issue 16 (no manifest, descriptor below schema 3) gets one: every record is sealed
   * again for its path and a generation, and the present state is taken as the current one.
   * `codec`: the data key's codec, not bound to this manifest.
   */
  static open(dir: DataDirectory, codec: SealingCodec, audit: AuditView, expected: boolean): Manifest {
    const manifest = new Manifest(dir, codec);
    // A directory opened read-only (a full disk, dataDirectory.ts) is checked, never written.
    const writable = dir.readOnly === undefined;
    if (writable) mkdirSync(manifest.folder, { recursive: true, mode: 0o700 });
    const loaded = manifest.load();
    if (loaded === 'missing') {
      if (expected && holdsRecords(dir.root)) manifest.found.push({ kind: 'manifestMissing', path: `${MANIFEST_FOLDER}/${SNAPSHOT}` });
      manifest.adopt(audit.head(), writable);
    } else if (loaded === 'damaged') {
      manifest.found.push({ kind: 'manifestDamaged', path: `${MANIFEST_FOLDER}/${JOURNAL}` });
      manifest.adopt(audit.head(), writable);
    } else {
      manifest.checkAudit(audit);
    }
    manifest.checkTop();
    // Written at open only when made anew (a directory from before issue 16), long or torn: a refused
    // open (an old users file) changes nothing, and a manifest in doubt stays as it was found, so that
    // what was found is found again at the next start until an administrator accepts it.
    if (writable && !manifest.readOnly() && (loaded !== 'ok' || manifest.journalLines > COMPACT_AFTER || manifest.journalTorn)) manifest.writeSnapshot();
    manifest.stopWatching = watchWrites(dir.root, {
      written: (path, head) => manifest.written(path, head),
      removed: (path) => manifest.removed(path),
    });
    return manifest;
  }

  /** What was found wrong since opening (at open, and at every read of a file older than its version). */
  problems(): readonly IntegrityProblem[] {
    return this.found;
  }

  /**
   * Whether what was found makes the whole directory untrustworthy for writing: the audit trail or the
   * manifest itself cut, replaced or lost. A single rolled-back record is damaged on its own (its
   * store refuses to write over it); these leave every record in doubt.
   */
  readOnly(): boolean {
    // A missing record is in doubt with the rest: its store would read it as empty (no revocation
    // lists, a correction gone and the document it replaced in force again) and write it anew.
    return this.found.some((p) => p.kind !== 'rolledBack');
  }

  nextGeneration(): number {
    return ++this.generation;
  }

  checkRead(path: string, generation: number): void {
    const expected = this.files.get(path);
    if (expected !== undefined && generation < expected) {
      this.report({ kind: 'rolledBack', path, expected, found: generation });
      throw new DomainError('DATA_ROLLED_BACK', { path, expected, found: generation });
    }
    if (generation > this.generation) this.generation = generation;
    // A newer file than the manifest knows is a write a crash cut off before its manifest line.
    if (expected === undefined || generation > expected) this.files.set(path, generation);
  }

  /**
   * How far the directory has come, as far as it is durable (for the workstation's witness,
   * witness.ts): the trail's head (each entry fsynced before it counts) and the generation of the
   * users file as it is on disk.
   */
  state(): { audit: AuditHead; users?: number } {
    const users = generationOf(readHead(this.dir.path('users.json')) ?? Buffer.alloc(0));
    return { audit: { ...this.audit }, ...(users !== undefined ? { users } : {}) };
  }

  /**
   * Compare with this workstation's witness (witness.ts): a directory behind it — an audit trail
   * shorter than it, or holding another entry at its head's number — was put back whole from an
   * older copy while this workstation was away; a users file older than it was put back, whatever
   * else agrees with it.
   */
  checkWitness(witness: { audit: AuditHead; users?: number }, audit: AuditView): void {
    const head = audit.head();
    const behind = head.seq < witness.audit.seq || (witness.audit.seq > 0 && audit.entryAt(witness.audit.seq)?.hash !== witness.audit.hash);
    if (behind) this.report({ kind: 'behindWorkstation', path: 'audit/audit.log', expected: witness.audit.seq, found: head.seq });
    const users = generationOf(readHead(this.dir.path('users.json')) ?? Buffer.alloc(0));
    if (witness.users !== undefined && users !== undefined && users < witness.users) {
      this.report({ kind: 'rolledBack', path: 'users.json', expected: witness.users, found: users });
    }
  }

  /** Record the audit trail's new head (after each append). */
  noteAudit(head: AuditHead): void {
    this.audit = { ...head };
    this.append({ g: this.nextGeneration(), a: this.audit }, true);
  }

  /**
   * Check every record the manifest keeps in the folders (cases, meetings, generated documents):
   * missing or older than recorded. Reads each file's first 12 bytes; after open, in the background.
   */
  checkFolders(): IntegrityProblem[] {
    const found: IntegrityProblem[] = [];
    for (const [path, expected] of this.files) {
      if (!path.includes('/')) continue;
      const problem = this.check(path, expected);
      if (problem) found.push(problem);
    }
    for (const problem of found) this.report(problem);
    return found;
  }

  /**
   * Take the directory as it is now as the current state (the administrator's decision after the
   * problems were reported, or the restore command after putting a backup back on purpose): every
   * record's present generation, the trail's present head. Forgets what was found.
   */
  accept(audit: AuditHead): void {
    const found = [...this.found];
    this.found.length = 0; // so that the snapshot below is written (the manifest is frozen while in doubt)
    this.files.clear();
    this.scan(false);
    this.audit = { ...audit };
    try {
      this.writeSnapshot();
    } catch (e) {
      this.found.push(...found); // not accepted: still in doubt
      throw e;
    }
  }

  /** Stop recording without writing anything (an open that is refused after the manifest was read). */
  abandon(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.closeJournal();
  }

  close(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    try {
      if (this.dir.readOnly === undefined && !this.readOnly()) this.writeSnapshot();
    } finally {
      this.closeJournal();
    }
  }

  // ---- internals ------------------------------------------------------------------------------

  private report(problem: IntegrityProblem): void {
    if (!this.found.some((p) => p.kind === problem.kind && p.path === problem.path)) this.found.push(problem);
  }

  private relative(path: string): string | undefined {
    const root = this.dir.root.endsWith(sep) ? this.dir.root : `${this.dir.root}${sep}`;
    if (!path.startsWith(root)) return undefined;
    return path.slice(root.length).split(/[\\/]/).join('/');
  }

  private written(path: string, head: Uint8Array): void {
    const rel = this.relative(path);
    if (rel === undefined || !tracked(rel)) return;
    const generation = generationOf(head);
    if (generation === undefined) return;
    this.files.set(rel, generation);
    if (generation > this.generation) this.generation = generation;
    this.append({ g: this.nextGeneration(), p: rel, f: generation });
  }

  private removed(path: string): void {
    const rel = this.relative(path);
    if (rel === undefined || !this.files.has(rel)) return;
    this.files.delete(rel);
    this.append({ g: this.nextGeneration(), p: rel, r: true });
  }

  /**
   * Append a journal line. Called after the write it records has succeeded, so it never throws: a
   * line lost (a full disk) leaves that file newer than the manifest, which the next start takes as
   * the crash window it is; the snapshot written at close records it again. For the same reason a
   * file's line is not fsynced on its own (the next fsynced line, or the close, carries it); the
   * audit head's is (`durable`), since a trail found ahead of the manifest by more than the crash
   * window is a finding.
   */
  private append(line: Line, durable = false): void {
    if (this.readOnly()) return; // in doubt: frozen as found, until accept()
    try {
      if (this.journalFd === undefined) this.journalFd = openSync(this.journalPath, 'a', 0o600);
      writeSync(this.journalFd, `${this.own.at(this.journalPath).encode(line).toString('base64')}\n`);
      if (durable) syncFd(this.journalFd);
      this.journalLines++;
      // Not while writes are batched: the emptied journal would be written at the flush, over the
      // lines appended after it (a bulk load is compacted at its close).
      if (this.journalLines > COMPACT_AFTER && !batching()) this.writeSnapshot();
    } catch (e) {
      if (!this.appendFailed) console.error(`The integrity manifest's journal could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}); it is written whole at close.`);
      this.appendFailed = true;
    }
  }

  private closeJournal(): void {
    if (this.journalFd === undefined) return;
    const fd = this.journalFd;
    this.journalFd = undefined;
    try {
      syncBeforeClose(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Replace the snapshot with what is in memory and start an empty journal. */
  private writeSnapshot(): void {
    const snapshot: Snapshot = {
      format: 'pusiaukele-manifest',
      version: 1,
      generation: this.generation,
      files: Object.fromEntries(this.files),
      audit: this.audit,
    };
    this.closeJournal();
    writeFileDurable(this.snapshotPath, this.own.at(this.snapshotPath).encode(snapshot));
    writeFileDurable(this.journalPath, '');
    this.journalLines = 0;
  }

  /** Read the snapshot and the journal: 'missing' when there is no snapshot, 'damaged' when either cannot be read. */
  private load(): 'ok' | 'missing' | 'damaged' {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileIfExists(this.snapshotPath);
    } catch {
      return 'damaged';
    }
    if (bytes === undefined) return existsSync(this.journalPath) ? 'damaged' : 'missing';
    let snapshot: Snapshot;
    try {
      snapshot = parseSnapshot(this.own.at(this.snapshotPath).decode(bytes));
    } catch {
      return 'damaged';
    }
    this.generation = snapshot.generation;
    for (const [path, generation] of Object.entries(snapshot.files)) this.files.set(path, generation);
    this.audit = snapshot.audit;
    const text = readFileIfExists(this.journalPath)?.toString('utf8') ?? '';
    const lines = text.split('\n');
    const torn = lines.pop() !== ''; // text ends with '\n' unless a crash cut the last line
    const inSnapshot = snapshot.generation;
    let previous = 0;
    for (let i = 0; i < lines.length; i++) {
      let line: Line;
      try {
        line = lineShape.parse(this.own.at(this.journalPath).decode(Buffer.from(lines[i]!, 'base64')));
      } catch {
        return 'damaged';
      }
      // Generations only grow from line to line: a line out of order was put there.
      if (line.g <= previous) return 'damaged';
      previous = line.g;
      // A line the snapshot already holds: a crash came between writing the snapshot and emptying the journal.
      if (line.g <= inSnapshot) continue;
      this.generation = line.g;
      if (line.p !== undefined) {
        if (line.r) this.files.delete(line.p);
        else this.files.set(line.p, line.f ?? 0);
      }
      if (line.a !== undefined) this.audit = line.a;
    }
    // A torn last line is a write never acknowledged: ignored, and the journal written anew at open
    // (the next line must not join it).
    this.journalTorn = torn;
    this.journalLines = lines.length;
    return 'ok';
  }

  /** Compare the trail's head with the manifest's. */
  private checkAudit(audit: AuditView): void {
    const head = audit.head();
    const mine = this.audit;
    const path = 'audit/audit.log';
    if (mine.seq > 0 && !audit.exists()) {
      this.found.push({ kind: 'auditMissing', path, expected: mine.seq, found: 0 });
    } else if (head.seq < mine.seq) {
      this.found.push({ kind: 'auditCut', path, expected: mine.seq, found: head.seq });
    } else if (mine.seq > 0 && audit.entryAt(mine.seq)?.hash !== mine.hash) {
      this.found.push({ kind: 'auditReplaced', path, expected: mine.seq, found: head.seq });
    } else if (!withinCrashWindow(audit, mine.seq, head.seq)) {
      this.found.push({ kind: 'manifestBehind', path: `${MANIFEST_FOLDER}/${SNAPSHOT}`, expected: head.seq, found: mine.seq });
    } else {
      this.audit = head; // within the crash window: the entries the manifest had not yet recorded
    }
  }

  /** Check the records at the top of the directory (users, settings, commission, register, revocation list). */
  private checkTop(): void {
    for (const [path, expected] of this.files) {
      if (path.includes('/')) continue;
      const problem = this.check(path, expected);
      if (problem) this.report(problem);
    }
  }

  private check(path: string, expected: number): IntegrityProblem | undefined {
    const head = readHead(this.dir.path(...path.split('/')));
    if (head === undefined) return { kind: 'missing', path, expected, found: 0 };
    const generation = generationOf(head);
    if (generation === undefined) return undefined; // not a sealed record: its store says what it is
    if (generation < expected) return { kind: 'rolledBack', path, expected, found: generation };
    if (generation > expected) this.files.set(path, generation);
    return undefined;
  }

  /**
   * Take the present files as the current state: for a directory from before issue 16, each record
   * sealed the old way ("PUS\x01", bound to nothing) is sealed again for its path and a generation.
   */
  private adopt(audit: AuditHead, reseal: boolean): void {
    this.scan(reseal);
    this.audit = { ...audit };
  }

  private scan(reseal: boolean): void {
    const visit = (folder: string, prefix: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const rel = `${prefix}${entry.name}`;
        if (entry.isDirectory()) {
          if (rel !== MANIFEST_FOLDER && rel !== 'documents') visit(join(folder, entry.name), `${rel}/`);
          continue;
        }
        if (!entry.isFile() || TEMP_FILE.test(entry.name) || !tracked(rel)) continue;
        const path = join(folder, entry.name);
        const bytes = readFileIfExists(path);
        if (bytes === undefined) continue;
        let generation = generationOf(bytes);
        if (generation === undefined) continue; // plain or foreign: its store reports it
        if (generation === 0 && reseal) {
          let sealed: Buffer;
          try {
            sealed = this.bound.at(path).encode(this.codec.at(path).decode(bytes));
          } catch {
            continue; // unreadable: left exactly as it was, for its store to report
          }
          writeFileDurable(path, sealed);
          generation = generationOf(sealed)!;
        }
        this.files.set(rel, generation);
        if (generation > this.generation) this.generation = generation;
      }
    };
    visit(this.dir.root, '');
  }
}

/** The first bytes of a file (enough for its header and generation), or undefined when it is not there. */
function readHead(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(12);
    const n = readSync(fd, buf, 0, 12, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Whether the directory holds any record (an empty new directory needs no manifest check). */
function holdsRecords(root: string): boolean {
  return ['users.json', 'settings.json'].some((name) => existsSync(join(root, name))) || nonEmpty(join(root, 'cases'));
}

function nonEmpty(folder: string): boolean {
  try {
    return readdirSync(folder).length > 0;
  } catch {
    return false;
  }
}
