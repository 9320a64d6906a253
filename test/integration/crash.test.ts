import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import type { MethodName, MethodOutput } from '../../shared/contract/methods';
import { CRASH_TODAY, CRASH_USER } from '../fixtures/crashWriter';
import { tempDataDir } from '../helpers/dataDir';

// The users-and-roles issue, "Proof": a child process writing cases and meetings is killed with
// SIGKILL at random moments (at least 100 times); after each kill the data directory opens, every
// write that was acknowledged is there, and nothing is half written: not a file, and not a meeting
// and its cases (a meeting writes its cases first, then itself).

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRITER = fileURLToPath(new URL('../fixtures/crashWriter.ts', import.meta.url));
const KILLS = 100;
/**
 * Data directories killed on side by side, each accumulating its own state: a kill and its check
 * take about a second of processor time (four scrypt runs: the data key and the password, in the
 * writer and in the check), so two run in parallel on two cores.
 */
const LANES = 2;
/** The whole audit trail is verified after every this many kills (and after the last). */
const AUDIT_EVERY = 5;
/** Milliseconds between the child's first acknowledged write and the kill. */
const KILL_AFTER = { min: 20, max: 200 };
const PASSPHRASE = process.env.PUSIAUKELE_PASSPHRASE || 'avarijos-bandymo-slaptafraze';
/** What writeFileDurable leaves when a write is cut short before its rename. */
const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;
const UUID_JSON = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

/** Highest acknowledged revision per case and per meeting, and the ones a run changed or began to change. */
interface Writes {
  cases: Map<string, number>;
  meetings: Map<string, number>;
}

interface Run {
  /** The killed writer's process id. */
  pid: number;
  /** Highest acknowledged revisions in this run. */
  acked: Writes;
  /** Cases and meetings this run changed or began to change (a TRY without its ACK is the write the kill cut short). */
  touched: { cases: Set<string>; meetings: Set<string> };
}

interface Writer {
  /** Let the writer open the directory; resolves once it has been killed and all it said is read. */
  run(): Promise<Run>;
  /** Kill it unstarted (the end of the test). */
  discard(): void;
}

/**
 * Start a writer that loads everything and then waits (--after-go), so that starting Node and
 * loading the code overlaps the check of the previous kill. Once let go, it is killed with SIGKILL
 * a random moment after its first acknowledged write.
 */
function prepareWriter(dataDir: string): Writer {
  const child = spawn(process.execPath, [bundledWriter, dataDir, '--after-go'], {
    cwd: ROOT,
    env: { ...process.env, PUSIAUKELE_PASSPHRASE: PASSPHRASE },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const run: Run = { pid: child.pid!, acked: { cases: new Map(), meetings: new Map() }, touched: { cases: new Set(), meetings: new Set() } };
  let out = '';
  let err = '';
  let timer: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  const done = new Promise<Run>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const [word, kind, id, revision] = out.slice(0, nl).split(' ');
        out = out.slice(nl + 1);
        if (id === undefined || (kind !== 'case' && kind !== 'meeting')) continue;
        const which = kind === 'case' ? 'cases' : 'meetings';
        run.touched[which].add(id);
        if (word === 'ACK') {
          run.acked[which].set(id, Math.max(run.acked[which].get(id) ?? 0, Number(revision)));
          const delay = KILL_AFTER.min + Math.floor(Math.random() * (KILL_AFTER.max - KILL_AFTER.min + 1));
          timer ??= setTimeout(() => child.kill('SIGKILL'), delay);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    // 'close' comes after the last of stdout has been read.
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(timer);
      if (signal === 'SIGKILL' && timer !== undefined) resolve(run);
      else reject(new Error(`the writer ended before it was killed (code ${code}, signal ${signal}):\n${err}`));
    });
  });
  done.catch(() => undefined); // reported by run(); a discarded writer's end is expected
  return {
    run: () => {
      watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
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

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'pusiaukele-crash-'));
  bundledWriter = join(bundleDir, 'crashWriter.mjs');
  await build({
    entryPoints: [WRITER],
    outfile: bundledWriter,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The native smart-card module cannot be bundled; the writer never signs, so it is never loaded.
    external: ['pkcs11js'],
    // Bundled CommonJS dependencies still call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
});

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodOutput<M>>;

/** Open the directory as the app does after a crash, sign in, and hand `use` the signed-in dispatch. */
async function openSignedIn<T>(dataDir: string, use: (call: Call) => Promise<T>): Promise<T> {
  const services = await openServices({ dataDir, today: CRASH_TODAY, verifyOnOpen: false, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
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
  /** Highest acknowledged revisions over all runs. */
  acked: Writes;
  kills: number;
  tempFiles: number;
  /** Documents read back after the kills (each check reads those of the cases the run touched). */
  documents: number;
  /** Meetings closed so far. */
  meetings: number;
}

/** After a kill: the directory opens (taking over the dead writer's lock) and holds every acknowledged write, whole. */
async function checkAfterKill(lane: Lane, run: Run, verifyAudit: boolean): Promise<void> {
  const lock = JSON.parse(readFileSync(join(lane.dataDir, 'pusiaukele.lock'), 'utf8')) as { pid: number };
  expect(lock.pid, 'the killed writer leaves its lock behind').toBe(run.pid);
  await openSignedIn(lane.dataDir, async (call) => {
    const { cases } = await call('cases.list', {});
    expect(cases.filter((c) => c.damaged)).toEqual([]);
    const listed = new Set(cases.map((c) => c.id));
    expect([...lane.acked.cases.keys()].filter((id) => !listed.has(id)), 'acknowledged cases missing from the list').toEqual([]);
    const { meetings } = await call('meetings.list', {});
    const held = new Set(meetings.map((m) => m.id));
    expect([...lane.acked.meetings.keys()].filter((id) => !held.has(id)), 'acknowledged meetings missing from the list').toEqual([]);

    // The case and meeting files hold at least every acknowledged revision. Read for those this run
    // touched (the only files it wrote), including the one whose write the kill cut short.
    // No change is on disk without its audit entry: the entry is written before the change.
    const audited = new Map<string, number>();
    for (const e of await call('audit.list', {})) if (e.subject?.id) audited.set(e.subject.id, (audited.get(e.subject.id) ?? 0) + 1);
    // Every document such a case refers to is there, whole: it is stored before the case names it.
    for (const id of run.touched.cases) {
      const { record, dossier } = await call('cases.get', { id });
      expect(record.revision, `case ${id}`).toBeGreaterThanOrEqual(lane.acked.cases.get(id) ?? 1);
      expect(audited.get(id) ?? 0, `audit entries of case ${id}`).toBeGreaterThanOrEqual(record.revision);
      for (const document of dossier.items.flatMap((i) => i.documents)) {
        const read = await call('dossier.readDocument', { caseId: id, documentId: document.id });
        expect(read.sha256, `document ${document.id} of case ${id}`).toBe(document.versions.at(-1)!.sha256);
        lane.documents++;
      }
    }
    for (const id of run.touched.meetings) {
      const { record } = await call('meetings.get', { id });
      expect(record.revision, `meeting ${id}`).toBeGreaterThanOrEqual(lane.acked.meetings.get(id) ?? 1);
      expect(audited.get(id) ?? 0, `audit entries of meeting ${id}`).toBeGreaterThanOrEqual(record.revision);
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
    // they are never taken for cases or meetings.
    for (const [folder, ids] of [['cases', listed], ['meetings', held]] as const) {
      const files = readdirSync(join(lane.dataDir, folder));
      expect(files.filter((f) => !UUID_JSON.test(f) && !TEMP_FILE.test(f))).toEqual([]);
      expect([...ids].sort()).toEqual(files.filter((f) => UUID_JSON.test(f)).map((f) => f.slice(0, -'.json'.length)).sort());
    }
    lane.tempFiles = tempFiles(lane.dataDir).length;
    lane.meetings = meetings.filter((m) => m.state === 'closed').length;

    if (verifyAudit) expect(await call('audit.verify', {}), 'the audit trail').toMatchObject({ ok: true });
  });
}

/** Kill writers on one data directory, one after another, checking after each kill. */
async function killRepeatedly(lane: Lane, kills: number, stop: { failed: boolean }): Promise<void> {
  let next = prepareWriter(lane.dataDir);
  try {
    for (let kill = 0; kill < kills && !stop.failed; kill++) {
      const running = next.run();
      next = prepareWriter(lane.dataDir); // loads while this one writes and the check runs; opens only when let go
      const run = await running;
      lane.kills++;
      for (const which of ['cases', 'meetings'] as const) {
        for (const [id, revision] of run.acked[which]) lane.acked[which].set(id, Math.max(lane.acked[which].get(id) ?? 0, revision));
      }
      await checkAfterKill(lane, run, kill % AUDIT_EVERY === 0 || kill === kills - 1);
    }
  } catch (e) {
    stop.failed = true;
    throw e;
  } finally {
    next.discard();
  }
  // At the end, every acknowledged revision of every case and meeting, read from their files.
  await openSignedIn(lane.dataDir, async (call) => {
    for (const [id, revision] of lane.acked.cases) expect((await call('cases.get', { id })).record.revision, `case ${id}`).toBeGreaterThanOrEqual(revision);
    for (const [id, revision] of lane.acked.meetings) expect((await call('meetings.get', { id })).record.revision, `meeting ${id}`).toBeGreaterThanOrEqual(revision);
  });
}

describe('the users-and-roles issue: crash test', () => {
  it(`loses no acknowledged write and leaves nothing half written when writers are killed with SIGKILL ${KILLS} times`, async () => {
    const started = Date.now();
    const lanes: Lane[] = Array.from({ length: LANES }, () => ({ dataDir: tempDataDir(), acked: { cases: new Map(), meetings: new Map() }, kills: 0, tempFiles: 0, documents: 0, meetings: 0 }));
    const stop = { failed: false };
    await Promise.all(lanes.map((lane) => killRepeatedly(lane, KILLS / LANES, stop)));
    expect(lanes.reduce((n, lane) => n + lane.kills, 0)).toBe(KILLS);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const acked = lanes.map((l) => l.acked.cases.size).join(' + ');
    const meetings = lanes.map((l) => `${l.acked.meetings.size} (${l.meetings} closed)`).join(' + ');
    const temps = lanes.map((l) => l.tempFiles).join(' + ');
    const documents = lanes.map((l) => l.documents).join(' + ');
    expect(lanes.every((l) => l.documents > 0), 'the writers loaded documents').toBe(true);
    expect(lanes.every((l) => l.acked.meetings.size > 0), 'the writers held meetings').toBe(true);
    console.log(`crash test: ${KILLS} kills on ${LANES} data directories in ${seconds} s; acknowledged cases ${acked}; meetings ${meetings}; documents read back ${documents}; temporary files left ${temps}`);
  }, 180_000);
});
