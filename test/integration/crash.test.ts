import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import { CRASH_TODAY, CRASH_USER, type CrashSigners, type Operation, type Target } from '../fixtures/crashWriter';
import { tempDataDir } from '../helpers/dataDir';
import { namedSigner, P12_PASSWORD, testPki } from '../helpers/pki';

// The users-and-roles issue, "Proof", widened by issue 16 ("Crash test widened: scheduling and
// closing a meeting, signing a document and importing a package are in the SIGKILL mix; after each
// kill the directory opens, nothing acknowledged is lost, the audit chain verifies"). A child process
// writes cases, meetings, the minutes (issued, and signed with real PKCS#12 signatures) and imports
// case packages; it is killed with SIGKILL at random moments, some of them aimed at one kind of
// operation. After each kill the data directory opens, every write that was acknowledged is there,
// and nothing is half written: not a file, not a meeting and its cases (a meeting writes its cases
// first, then itself), not a signed version (its content is stored before its record names it), not
// an imported case (its documents are stored before the case); and the audit chain verifies.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRITER = fileURLToPath(new URL('../fixtures/crashWriter.ts', import.meta.url));
/**
 * Kills in all. A kill and its check cost about a second of processor time (four scrypt runs: the
 * data key and the password, in the writer and in the check; the documents read back, the signed
 * minutes verified, the audit chain verified): 100 took about 110 s of processor time and under two
 * minutes on two cores shared with other work, the set-up (the packages, a closed meeting) included.
 */
const KILLS = 100;
/** Data directories killed on side by side, each accumulating its own state: one per core. */
const LANES = 2;
/**
 * What each kill aims at, in turn: half fall anywhere in the mix; the others each on one kind of
 * operation (issue 16: scheduling, closing, issuing and signing the minutes, importing a package),
 * 10 of each over the 100 kills.
 */
const AIMS: readonly Target[] = ['any', 'schedule', 'any', 'close', 'any', 'issue', 'any', 'sign', 'any', 'import'];
/** Milliseconds between the child's first acknowledged write and the kill, when it aims at nothing. */
const KILL_AFTER = { min: 20, max: 200 };
/** Closed cases of another institution, exported as case packages, that the writers import. */
const PACKAGES = 8;
const PASSPHRASE = process.env.PUSIAUKELE_PASSPHRASE || 'avarijos-bandymo-slaptafraze';
/** What writeFileDurable leaves when a write is cut short before its rename. */
const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;
const UUID_JSON = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;
const MEETING_STATES = ['planned', 'open', 'closed'];

/** Acknowledged writes: revisions per case; revision and state per meeting; signatures per document; contents per imported case. */
interface Writes {
  cases: Map<string, number>;
  meetings: Map<string, { revision: number; state: string }>;
  documents: Map<string, number>;
  imports: Map<string, number>;
}

const noWrites = (): Writes => ({ cases: new Map(), meetings: new Map(), documents: new Map(), imports: new Map() });

/** Fold `from` into `into`, keeping the highest of each. */
function merge(into: Writes, from: Writes): void {
  for (const [id, r] of from.cases) into.cases.set(id, Math.max(into.cases.get(id) ?? 0, r));
  for (const [id, m] of from.meetings) {
    const had = into.meetings.get(id);
    if (!had || m.revision >= had.revision) into.meetings.set(id, m);
  }
  for (const [id, n] of from.documents) into.documents.set(id, Math.max(into.documents.get(id) ?? 0, n));
  for (const [id, n] of from.imports) into.imports.set(id, n);
}

interface Run {
  /** The writer's process id. */
  pid: number;
  /** What the kill aimed at. */
  aim: Target;
  /** Highest acknowledged writes in this run. */
  acked: Writes;
  /** What this run changed or began to change (a TRY without its ACK is the write the kill cut short). */
  touched: { cases: Set<string>; meetings: Set<string>; documents: Set<string>; imports: Set<string> };
  /** The operation the kill cut short (begun, not ended), if any. */
  cut?: Operation;
  /** Acknowledgements read. */
  acks: number;
}

/** How long each kind of operation took when it ran to its end (milliseconds, both lanes): where an aimed kill falls. */
const durations = new Map<Operation, number[]>();
/**
 * An aimed kill falls inside an operation of its kind, uniformly within its usual (median) duration
 * once one has been seen (150 ms until then). A signature, an issue or an import falls in turn in the
 * first, second or third of its kind the writer begins, so that those before it are acknowledged (and
 * checked whole); a schedule or a close in the first (the next one is a whole meeting later). Every
 * other issue is killed not at a random moment but when the new document's record lands (atRecord).
 */
function aimedKill(lane: Lane, op: Operation): { nth: number; atRecord: boolean; delay: () => number } {
  const count = lane.aimed.get(op) ?? 0;
  lane.aimed.set(op, count + 1);
  return {
    nth: op === 'schedule' || op === 'close' ? 1 : 1 + (count % 3),
    atRecord: op === 'issue' && count % 2 === 1,
    delay: () => {
      const seen = [...(durations.get(op) ?? [])].sort((a, b) => a - b);
      const usual = seen.length === 0 ? 150 : seen[seen.length >> 1]!;
      return Math.floor(Math.random() * (usual + 1));
    },
  };
}

/** Reads the writer's lines (see test/fixtures/crashWriter.ts) into `run`; `onAck` and `onBegin` let the caller time the kill. */
function lineReader(run: Run, hooks: { onAck?: () => void; onBegin?: (op: Operation) => void }) {
  let begun: { op: Operation; at: number } | undefined;
  return (line: string) => {
    const [word, kind, id, value, state] = line.split(' ');
    if (word === 'BEGIN') {
      begun = { op: kind as Operation, at: Date.now() };
      run.cut = begun.op;
      hooks.onBegin?.(begun.op);
      return;
    }
    if (word === 'END') {
      if (begun) durations.set(begun.op, [...(durations.get(begun.op) ?? []), Date.now() - begun.at]);
      begun = undefined;
      delete run.cut;
      return;
    }
    if ((word !== 'TRY' && word !== 'ACK') || id === undefined) return;
    const kinds: Record<string, keyof Writes> = { case: 'cases', meeting: 'meetings', document: 'documents', import: 'imports' };
    const which = kinds[kind ?? ''];
    if (which === undefined) return;
    run.touched[which].add(id);
    if (word !== 'ACK') return;
    if (which !== 'imports') run.acks++;
    const n = Number(value);
    if (which === 'meetings') {
      const had = run.acked.meetings.get(id);
      if (!had || n >= had.revision) run.acked.meetings.set(id, { revision: n, state: state! });
    } else if (which === 'imports') run.acked.imports.set(id, n);
    else run.acked[which].set(id, Math.max(run.acked[which].get(id) ?? 0, n));
    hooks.onAck?.();
  };
}

const newRun = (pid: number, aim: Target): Run => ({ pid, aim, acked: noWrites(), touched: { cases: new Set(), meetings: new Set(), documents: new Set(), imports: new Set() }, acks: 0 });

/** Feed the writer's stdout to `read` line by line; what it writes to stderr collects in `text`. */
function readOutput(child: ReturnType<typeof writerSpawn>, read: (line: string) => void): { text: string } {
  let out = '';
  const err = { text: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      read(out.slice(0, nl));
      out = out.slice(nl + 1);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err.text += chunk));
  return err;
}

/** The writer's own arguments and environment. */
function writerSpawn(args: readonly string[], tempDir: string) {
  return spawn(process.execPath, [bundledWriter, ...args], {
    cwd: ROOT,
    // Packages it stages wait in the OS temp folder: one of the test's own, removed at the end.
    env: { ...process.env, PUSIAUKELE_PASSPHRASE: PASSPHRASE, TMPDIR: tempDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Run the writer in a mode that ends by itself (--prepare, --source) and resolve with what it acknowledged. */
function runToEnd(args: readonly string[], tempDir: string): Promise<Run> {
  const child = writerSpawn(args, tempDir);
  const run = newRun(child.pid!, 'any');
  const read = lineReader(run, {});
  child.stdin.end();
  return new Promise((resolve, reject) => {
    const err = readOutput(child, read);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(run) : reject(new Error(`the writer ${args.join(' ')} failed (code ${code}):\n${err.text}`))));
  });
}

interface Writer {
  /** Let the writer open the directory; resolves once it has been killed and all it said is read. */
  run(): Promise<Run>;
  /** Kill it unstarted (the end of the test). */
  discard(): void;
}

/**
 * Start a writer that loads everything and then waits (--after-go), so that starting Node and
 * loading the code overlaps the check of the previous kill. Once let go, it is killed with SIGKILL:
 * aimed at nothing, a random moment after its first acknowledged write; aimed at an operation,
 * inside one of the first few of that kind (aimedKill), or as the new record of an issue lands.
 */
function prepareWriter(lane: Lane, aim: Target): Writer {
  const child = writerSpawn([lane.dataDir, '--after-go', '--target', aim, '--signers', signersFile, '--packages', packagesDir], lane.tempDir);
  const run = newRun(child.pid!, aim);
  let killed = false;
  let timer: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const kill = () => {
    killed = true;
    child.kill('SIGKILL');
  };
  const killIn = (ms: number) => (timer ??= setTimeout(kill, ms));
  const aimed = aim === 'any' ? undefined : aimedKill(lane, aim);
  let begun = 0;
  const read = lineReader(run, {
    onAck: () => {
      if (aim === 'any') killIn(KILL_AFTER.min + Math.floor(Math.random() * (KILL_AFTER.max - KILL_AFTER.min + 1)));
    },
    onBegin: (op) => {
      if (!aimed || op !== aim || ++begun !== aimed.nth) return;
      if (!aimed.atRecord) {
        killIn(aimed.delay());
        return;
      }
      // At the moment the new document's record lands: a correction then still has to mark the
      // document it replaces (a second change), and the kill falls between the two.
      const folder = join(lane.dataDir, 'generated');
      const known = new Set(readdirSync(folder));
      watcher = watch(folder, (_event, name) => {
        if (name && UUID_JSON.test(name) && !known.has(name)) kill();
      });
    },
  });
  const done = new Promise<Run>((resolve, reject) => {
    const err = readOutput(child, read);
    child.on('error', reject);
    // 'close' comes after the last of stdout has been read.
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(timer);
      watcher?.close();
      if (signal === 'SIGKILL' && killed) resolve(run);
      else reject(new Error(`the writer (aimed at ${aim}) ended before it was killed (code ${code}, signal ${signal}):\n${err.text}`));
    });
  });
  done.catch(() => undefined); // reported by run(); a discarded writer's end is expected
  return {
    run: () => {
      watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000); // not `kill`: a writer that never got there fails the test
      child.stdin.end('GO\n');
      return done;
    },
    discard: () => {
      child.kill('SIGKILL');
    },
  };
}

/** Temporary files of interrupted atomic writes (".<name>.<random>.tmp"), anywhere in the directory. */
function tempFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && TEMP_FILE.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The writer as one JavaScript file. `node --import tsx test/fixtures/crashWriter.ts` runs the same
 * code, but compiling it in each of a hundred processes costs about 0.3 s of processor time each;
 * esbuild (what tsx compiles with) does it once here.
 */
let bundledWriter = '';
let bundleDir = '';
/** The certificates the writers sign the minutes with (CrashSigners), from the test CA. */
let signersFile = '';
/** Case packages of another institution's closed cases (made in the test, imported by the writers). */
let packagesDir = '';

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'pusiaukele-crash-'));
  bundledWriter = join(bundleDir, 'crashWriter.mjs');
  packagesDir = join(bundleDir, 'packages');
  mkdirSync(packagesDir);
  await build({
    entryPoints: [WRITER],
    outfile: bundledWriter,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The native smart-card module cannot be bundled; the writer signs with PKCS#12 files, so it is never loaded.
    external: ['pkcs11js'],
    // Bundled CommonJS dependencies still call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // The demo commission's chair and secretary (demoCommission), each with a certificate in their name.
  const signers: CrashSigners = {
    caPem: readFileSync(testPki().ca.certPath, 'utf8'),
    password: P12_PASSWORD,
    chair: Buffer.from(namedSigner({ name: 'Vytautas Grigas' }).p12).toString('base64'),
    secretary: Buffer.from(namedSigner({ name: 'Aušra Vilkienė' }).p12).toString('base64'),
  };
  signersFile = join(bundleDir, 'signers.json');
  writeFileSync(signersFile, JSON.stringify(signers), { mode: 0o600 });
}, 60_000);

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodOutput<M>>;

/** Open the directory as the app does after a crash, sign in, and hand `use` the signed-in dispatch. */
async function openSignedIn<T>(lane: Lane, use: (call: Call) => Promise<T>): Promise<T> {
  const exportDir = join(lane.dataDir, '..', 'exports');
  const services = await openServices({ dataDir: lane.dataDir, today: CRASH_TODAY, verifyOnOpen: false, exportDir, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
  try {
    const callAs =
      (session?: string): Call =>
      async (method, input) => {
        const result = await services.dispatch(method, input, session);
        if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
        return result.value as MethodOutput<typeof method>;
      };
    const { session } = await callAs()('auth.login', { username: CRASH_USER.username, password: CRASH_USER.password });
    return await use(callAs(session));
  } finally {
    await services.close();
  }
}

interface Lane {
  dataDir: string;
  /** The writers' OS temp folder. */
  tempDir: string;
  /** Highest acknowledged writes over all runs, and how many acknowledgements there were. */
  acked: Writes;
  acks: number;
  kills: number;
  /** Kills aimed at each operation so far. */
  aimed: Map<Operation, number>;
  /** Kills that cut an operation short, by operation. */
  cut: Map<Operation, number>;
  tempFiles: number;
  /** Documents read back after the kills (each check reads those of the cases the run touched). */
  documents: number;
  /** Signed versions of the minutes read back and verified after the kills, and the signatures in them. */
  signedVersions: number;
  signatures: number;
  /** Meetings closed so far. */
  meetings: number;
}

/** After a kill: the directory opens (taking over the dead writer's lock) and holds every acknowledged write, whole. */
async function checkAfterKill(lane: Lane, run: Run): Promise<void> {
  const lock = JSON.parse(readFileSync(join(lane.dataDir, 'pusiaukele.lock'), 'utf8')) as { pid: number };
  expect(lock.pid, 'the killed writer leaves its lock behind').toBe(run.pid);
  await openSignedIn(lane, async (call) => {
    const { cases } = await call('cases.list', {});
    expect(cases.filter((c) => c.damaged)).toEqual([]);
    const listed = new Set(cases.map((c) => c.id));
    expect([...lane.acked.cases.keys()].filter((id) => !listed.has(id)), 'acknowledged cases missing from the list').toEqual([]);
    const { meetings } = await call('meetings.list', {});
    const held = new Set(meetings.map((m) => m.id));
    expect([...lane.acked.meetings.keys()].filter((id) => !held.has(id)), 'acknowledged meetings missing from the list').toEqual([]);

    // The case and meeting files hold at least every acknowledged revision. Read for those this run
    // touched (the only files it wrote), including the one whose write the kill cut short.
    // No change is on disk without its audit entry: the entry is written before the change. An
    // imported case came with the revision it had in its archive; here it has its import's entry.
    const audited = new Map<string, number>();
    for (const e of await call('audit.list', {})) if (e.subject?.id) audited.set(e.subject.id, (audited.get(e.subject.id) ?? 0) + 1);
    // Every document such a case refers to is there, whole: it is stored before the case names it.
    const readCase = async (id: string) => {
      const { record, dossier } = await call('cases.get', { id });
      const imported = record.timeline.some((e) => e.kind === 'imported');
      expect(record.revision, `case ${id}`).toBeGreaterThanOrEqual(lane.acked.cases.get(id) ?? 1);
      expect(audited.get(id) ?? 0, `audit entries of case ${id}`).toBeGreaterThanOrEqual(imported ? 1 : record.revision);
      const contents = new Set<string>();
      for (const document of dossier.items.flatMap((i) => i.documents)) {
        const read = await call('dossier.readDocument', { caseId: id, documentId: document.id });
        expect(read.sha256, `document ${document.id} of case ${id}`).toBe(document.versions.at(-1)!.sha256);
        for (const v of document.versions) contents.add(v.sha256);
        lane.documents++;
      }
      return { record, contents };
    };
    for (const id of run.touched.cases) await readCase(id);
    // An imported case is there whole once acknowledged: the case as its archive had it, marked
    // imported, with every content the package brought. An import the kill cut short left either
    // the whole case or none of it (its contents, stored first, are swept later).
    for (const id of run.touched.imports) {
      const acknowledged = lane.acked.imports.get(id);
      if (acknowledged === undefined && !listed.has(id)) continue;
      const { record, contents } = await readCase(id);
      expect(record.state, `imported case ${id}`).toBe('dossier_sent');
      expect(record.timeline.at(-1)?.kind, `imported case ${id}`).toBe('imported');
      if (acknowledged !== undefined) expect(contents.size, `contents of imported case ${id}`).toBe(acknowledged);
    }
    for (const id of run.touched.meetings) {
      const { record } = await call('meetings.get', { id });
      const acked = lane.acked.meetings.get(id);
      expect(record.revision, `meeting ${id}`).toBeGreaterThanOrEqual(acked?.revision ?? 1);
      // A meeting acknowledged closed stays closed; one acknowledged open is not planned again (V-77 p. 9–11).
      expect(MEETING_STATES.indexOf(record.state), `state of meeting ${id} (acknowledged ${acked?.state})`).toBeGreaterThanOrEqual(MEETING_STATES.indexOf(acked?.state ?? 'planned'));
      expect(audited.get(id) ?? 0, `audit entries of meeting ${id}`).toBeGreaterThanOrEqual(record.revision);
    }

    // The minutes this run issued or signed: each acknowledged signature is in the record, and the
    // latest version is there, whole, and carries exactly the signatures the record lists, each valid
    // and chaining to the trusted test CA (issue 6, 12). A signature cut short is either all there
    // (content and record) or not at all.
    const { documents } = await call('documents.list', {});
    const byId = new Map(documents.map((d) => [d.id, d]));
    // A correction cut short is not half there (V-77 p. 51; issue 12: one document of a kind in force
    // per meeting): the document a correction replaces is marked replaced by it, so that one set of
    // minutes per meeting stays in force and can be corrected again.
    for (const d of documents.filter((x) => x.replaces !== undefined)) {
      const replaced = byId.get(d.replaces!);
      expect(replaced?.replacedBy, `${replaced?.registrationNumber ?? d.replaces}, which ${d.registrationNumber} replaces, marked replaced by it`).toBe(d.id);
    }
    for (const d of documents.filter((x) => x.replacedBy !== undefined)) {
      expect(byId.get(d.replacedBy!)?.replaces, `the correction of ${d.registrationNumber} there, naming it`).toBe(d.id);
    }
    const minutesInForce = new Map<string, string[]>();
    for (const d of documents.filter((x) => x.kind === 'minutes' && x.replacedBy === undefined)) minutesInForce.set(d.meetingId!, [...(minutesInForce.get(d.meetingId!) ?? []), d.registrationNumber]);
    expect([...minutesInForce].filter(([, numbers]) => numbers.length > 1), 'meetings with more than one set of minutes in force').toEqual([]);
    for (const id of run.touched.documents) {
      const doc = byId.get(id);
      const acknowledged = lane.acked.documents.get(id);
      if (doc === undefined && acknowledged === undefined) continue; // an issue cut short before its record
      expect(doc, `document ${id}`).toBeDefined();
      expect(doc!.signatures.length, `signatures of document ${id}`).toBeGreaterThanOrEqual(acknowledged ?? 0);
      const read = await call('documents.read', { id });
      expect(read.sha256, `latest version of document ${id}`).toBe(doc!.sha256);
      expect(read.version, `versions of document ${id}`).toBe(doc!.signatures.length + 1);
      const report = await call('documents.verify', { name: read.name, bytes: read.bytes });
      expect(report.known, `document ${id} as this directory knows it`).toMatchObject({ id, version: read.version });
      expect(report.signatures.map((s) => s.signer?.commonName), `signers of document ${id}`).toEqual(doc!.signatures.map((s) => s.signerName));
      expect(report.signatures.filter((s) => !(s.valid && s.intact && s.trusted)), `signatures of document ${id}`).toEqual([]);
      if (report.signatures.length > 0) lane.signedVersions++;
      lane.signatures += report.signatures.length;
    }

    // A meeting and its cases agree, whatever moment the kill hit (V-77 p. 9–10). A case on the
    // agenda of a meeting not yet held is "scheduled" for it; one its close moved on is "decided"
    // by it: a close cut short has the meeting still open, and closing again finishes it. A case
    // "scheduled" for a meeting that never got written (the kill fell between the two) is offered
    // to the next meeting.
    const candidates = new Set((await call('meetings.candidates', { date: CRASH_TODAY })).map((c) => c.caseId));
    const records = new Map<string, { state: string; meetingId?: string }>();
    const caseOf = async (id: string) => {
      if (!records.has(id)) {
        const { record } = await call('cases.get', { id });
        records.set(id, { state: record.state, ...(record.facts.meetingId !== undefined ? { meetingId: record.facts.meetingId } : {}) });
      }
      return records.get(id)!;
    };
    for (const m of meetings) {
      const { record, items } = await call('meetings.get', { id: m.id });
      for (const { item } of items) {
        const c = await caseOf(item.caseId);
        const what = `case ${item.caseId} (${c.state}) of ${record.state} meeting ${record.id}`;
        const ofThis = c.meetingId === record.id;
        if (record.state === 'planned') expect(ofThis && c.state === 'scheduled', what).toBe(true);
        else if (record.state === 'open') expect(ofThis && ['scheduled', 'decided', 'listed'].includes(c.state), what).toBe(true);
        else if (item.frozen?.outcome === 'decided') expect(ofThis && ['decided', 'listed'].includes(c.state), what).toBe(true);
      }
    }
    for (const { id } of cases.filter((x) => x.state === 'scheduled')) {
      const { meetingId } = await caseOf(id);
      const m = meetings.find((x) => x.id === meetingId);
      expect(m === undefined ? candidates.has(id) : m.state === 'planned' || m.state === 'open', `scheduled case ${id}`).toBe(true);
    }
    // A decided case was decided by a meeting that is closed with that result, or still open (a close cut short).
    for (const { id, state } of cases.filter((x) => x.state === 'decided' || x.state === 'listed')) {
      const { meetingId } = await caseOf(id);
      const m = meetingId === undefined ? undefined : await call('meetings.get', { id: meetingId });
      const frozen = m?.record.agenda.find((i) => i.caseId === id)?.frozen;
      expect(m?.record.state === 'open' || frozen?.outcome === 'decided', `${state} case ${id} of meeting ${meetingId}`).toBe(true);
    }

    // Temporary files of a write cut short may remain until the next start (which removes them);
    // they are never taken for cases, meetings or documents.
    for (const [folder, ids] of [['cases', listed], ['meetings', held], ['generated', new Set(byId.keys())]] as const) {
      const files = readdirSync(join(lane.dataDir, folder));
      expect(files.filter((f) => !UUID_JSON.test(f) && !TEMP_FILE.test(f))).toEqual([]);
      expect([...ids].sort()).toEqual(files.filter((f) => UUID_JSON.test(f)).map((f) => f.slice(0, -'.json'.length)).sort());
    }
    lane.tempFiles = tempFiles(lane.dataDir).length;
    // A package staged for checking holds personal data in clear, outside the data directory (issue
    // 15): what a killed writer left is removed when the next one starts, so only the last one's remains.
    const staged = readdirSync(lane.tempDir).filter((f) => f.startsWith('pusiaukele-staged-'));
    expect(staged.filter((f) => f.split('-')[2] !== String(run.pid)), 'staged packages of writers killed earlier').toEqual([]);
    lane.meetings = meetings.filter((m) => m.state === 'closed').length;

    // The audit chain verifies after every kill (issue 16): an entry cut short is not taken for one.
    expect(await call('audit.verify', {}), 'the audit trail').toMatchObject({ ok: true });
  });
}

/** Kill writers on one data directory, one after another, checking after each kill. */
async function killRepeatedly(lane: Lane, kills: number, first: number, stop: { failed: boolean }): Promise<void> {
  const aimOf = (kill: number) => AIMS[(first + kill) % AIMS.length]!;
  let next = prepareWriter(lane, aimOf(0));
  try {
    for (let kill = 0; kill < kills && !stop.failed; kill++) {
      const running = next.run();
      if (kill + 1 < kills) next = prepareWriter(lane, aimOf(kill + 1)); // loads while this one writes and the check runs; opens only when let go
      const run = await running;
      lane.kills++;
      lane.acks += run.acks;
      if (run.cut) lane.cut.set(run.cut, (lane.cut.get(run.cut) ?? 0) + 1);
      merge(lane.acked, run.acked);
      await checkAfterKill(lane, run);
    }
  } catch (e) {
    stop.failed = true;
    throw e;
  } finally {
    next.discard();
  }
  // At the end, every acknowledged write, read from the files.
  await openSignedIn(lane, async (call) => {
    for (const [id, revision] of lane.acked.cases) expect((await call('cases.get', { id })).record.revision, `case ${id}`).toBeGreaterThanOrEqual(revision);
    for (const [id, { revision, state }] of lane.acked.meetings) {
      const { record } = await call('meetings.get', { id });
      expect(record.revision, `meeting ${id}`).toBeGreaterThanOrEqual(revision);
      expect(MEETING_STATES.indexOf(record.state), `state of meeting ${id}`).toBeGreaterThanOrEqual(MEETING_STATES.indexOf(state));
    }
    const signed = new Map((await call('documents.list', {})).documents.map((d) => [d.id, d.signatures.length]));
    for (const [id, signatures] of lane.acked.documents) expect(signed.get(id), `signatures of document ${id}`).toBeGreaterThanOrEqual(signatures);
  });
}

describe('the users-and-roles issue, widened by issue 16: crash test', () => {
  it(`loses no acknowledged write and leaves nothing half written when writers of cases, meetings, signatures and imports are killed with SIGKILL ${KILLS} times`, async () => {
    const started = Date.now();
    const lanes: Lane[] = Array.from({ length: LANES }, () => {
      const dataDir = tempDataDir();
      const tempDir = join(dataDir, '..', 'tmp');
      mkdirSync(tempDir);
      return { dataDir, tempDir, acked: noWrites(), acks: 0, kills: 0, aimed: new Map(), cut: new Map(), tempFiles: 0, documents: 0, signedVersions: 0, signatures: 0, meetings: 0 };
    });
    // Another institution's archive exports the packages while each data directory is set up with a
    // closed meeting, so that every kind of operation can be aimed at from the first kill on.
    const source = tempDataDir();
    await Promise.all([
      runToEnd([source, '--source', String(PACKAGES), '--packages', packagesDir], lanes[0]!.tempDir),
      ...lanes.map(async (lane) => merge(lane.acked, (await runToEnd([lane.dataDir, '--prepare', '--signers', signersFile, '--packages', packagesDir], lane.tempDir)).acked)),
    ]);
    expect(readdirSync(packagesDir).filter((f) => f.endsWith('.zip'))).toHaveLength(PACKAGES);
    const setUp = ((Date.now() - started) / 1000).toFixed(1);

    const stop = { failed: false };
    // A lane that fails stops the other after its current kill; its writers are gone before the directories are removed.
    const ended = await Promise.allSettled(lanes.map((lane, i) => killRepeatedly(lane, KILLS / LANES, i, stop)));
    for (const e of ended) if (e.status === 'rejected') throw e.reason;
    expect(lanes.reduce((n, lane) => n + lane.kills, 0)).toBe(KILLS);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const sum = (f: (l: Lane) => number) => lanes.map(f).join(' + ');
    const cut = new Map<Operation, number>();
    for (const lane of lanes) for (const [op, n] of lane.cut) cut.set(op, (cut.get(op) ?? 0) + n);
    console.log(
      `crash test: ${KILLS} kills on ${LANES} data directories in ${seconds} s (set-up ${setUp} s); kills that cut short ${[...cut].map(([op, n]) => `${op} ${n}`).join(', ')}; ` +
        `acknowledged writes ${sum((l) => l.acks)}, cases ${sum((l) => l.acked.cases.size)}; meetings ${sum((l) => l.acked.meetings.size)} (${sum((l) => l.meetings)} closed); ` +
        `minutes ${sum((l) => l.acked.documents.size)}, signed versions verified ${sum((l) => l.signedVersions)} (${sum((l) => l.signatures)} signatures); ` +
        `packages imported ${sum((l) => l.acked.imports.size)}; documents read back ${sum((l) => l.documents)}; temporary files left ${sum((l) => l.tempFiles)}`,
    );
    expect(lanes.every((l) => l.documents > 0), 'the writers loaded documents').toBe(true);
    expect(lanes.every((l) => l.acked.meetings.size > 0), 'the writers held meetings').toBe(true);
    expect(lanes.every((l) => l.signatures > 0 && l.acked.imports.size > 0), 'the writers signed and imported').toBe(true);
    // Issue 16: each of these was cut short by a kill, not only written between kills.
    for (const op of ['schedule', 'close', 'issue', 'sign', 'import'] as const) expect(cut.get(op) ?? 0, `kills that cut a ${op} short`).toBeGreaterThan(0);
  }, 240_000);
});
