/**
 * `tsx test/bench/places.bench.ts` (part of `npm run bench`): the limits of issue 14 for the halfway
 * house's places and the p. 12 list, measured on a real, encrypted data directory of 10,000 cases;
 * the process exits non-zero when one is over.
 * - Recomputing the list and the occupancy after a change (services warm): one case is written
 *   through the case store, then the places are derived again from the store's index as `places.get`
 *   derives them (placeState: capacity, occupancy, the list; and the freed places with their p. 20
 *   terms). The median of the recomputations: at most 5 ms. The write itself is reported apart
 *   (the store bench holds it to its own limit).
 * - Opening the list view from a cold start (a fresh process: lock, unlock the data key, load the
 *   index, sign in, `places.get`): at most 300 ms, the unlock (the passphrase's KDF, paid once per
 *   start) not counted, as in the store bench. While the services have no `places.get` handler yet,
 *   the fresh process opens the store itself and computes the same from it (reported as such).
 * The directory is prepared as the app would hold it after years of use: the settings saved through
 * the services, then the cases written through the case store (its index, journal and encrypted case
 * files), their states set through the state door with the facts each step records, and the writes
 * batched (durableFile.ts, beginBatchedWrites). The mix: some hundreds of convicts on the list or in
 * the halfway house or gone from it (arrivals, departures, returns, p. 20 reports), the rest in every
 * other state of the procedure. Set BENCH_CASES to change the size (the limits stay as they are).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placeState } from '../../electron/services/cases/placeAccounting';
import { CaseStore } from '../../electron/services/store/caseStore';
import { openDataDirectory } from '../../electron/services/store/dataDirectory';
import { beginBatchedWrites, finishBatchedWrites, flushBatchedWrites } from '../../electron/services/store/durableFile';
import { environmentKey, openEncryption, unlockDataKey } from '../../electron/services/store/encryption';
import { SettingsStore } from '../../electron/services/store/settingsStore';
import { Manifest } from '../../electron/services/store/manifest';
import { AuditLog } from '../../electron/services/audit/auditLog';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { CaseRecord } from '../../shared/contract/schemas';
import { addDays, compareIso, type IsoDate } from '../../shared/domain/calendar';
import { applyCaseStep, OWN_INSTITUTION_ID, registeredCase, type CaseState } from '../../shared/domain/caseStates';
import type { DecisionId } from '../../shared/domain/decisions';
import { freedPlaces, nextOnList } from '../../shared/domain/places';
import { median, reporter, unlockMedian as unlockMedianOf } from './stats';
// The same passphrase, staff and today as the other 10,000-case benchmarks.
import { openSignedIn, PASSPHRASE, STAFF, TODAY, unwrap } from './largeDirectory';

const SIZE = Number(process.env.BENCH_CASES ?? 10_000);
/** Issue 14. */
const LIMITS = { recomputeMs: 5, coldStartMs: 300 };
const CHANGES = 300;
/** Changes made first and not counted, so that the code is measured warm. */
const WARM_UP = 50;
const COLD_RUNS = 5;
/** Cases per batch of writes. */
const CHUNK = 1000;


// ---- The cases ----

/** A small deterministic generator, so that every run measures the same directory. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = ['Jonas', 'Tomas', 'Mantas', 'Darius', 'Rimantas', 'Andrius', 'Vytautas', 'Saulius', 'Marius', 'Paulius'];
const LAST = ['Kazlauskas', 'Jankauskas', 'Petrauskas', 'Stankevičius', 'Vasiliauskas', 'Žukauskas', 'Butkus', 'Paulauskas', 'Urbonas', 'Pocius'];

type Route = 'own' | 'other' | 'sends';
interface Plan {
  /** The state the case ends in, and how many cases end there. */
  state: CaseState;
  count: number;
}

/**
 * How many cases end in each state. The halfway house (24 places in the demo settings) holds 19
 * convicts, 4 more hold a place until they arrive; hundreds wait on the list and hundreds have left
 * over the years. The rest are spread over the other states in proportion to the size.
 */
function plans(size: number): Plan[] {
  const fixed: Plan[] = [
    { state: 'listed', count: 300 },
    { state: 'submitted_to_department', count: 2 },
    { state: 'transfer_ordered', count: 2 },
    { state: 'transferred', count: 19 },
    { state: 'left', count: 450 },
    { state: 'returned', count: 40 },
  ];
  const k = Math.min(1, size / 10_000);
  const scale = Math.max(0, size - fixed.reduce((n, p) => n + Math.max(1, Math.round(p.count * k)), 0));
  const shares: [CaseState, number][] = [
    ['request_received', 0.07],
    ['dossier_collecting', 0.08],
    ['dossier_received', 0.03],
    ['ready_for_commission', 0.02],
    ['scheduled', 0.01],
    ['decided', 0.01],
    ['dossier_sent', 0.05],
    ['ineligible', 0.15],
    ['withdrawn', 0.08],
    ['refused', 0.5],
  ];
  const rest = shares.map(([state, share]) => ({ state, count: Math.floor(scale * share) }));
  rest.at(-1)!.count += scale - rest.reduce((n, p) => n + p.count, 0);
  // A smaller directory (BENCH_CASES) keeps the same proportions.
  return [...fixed.map((p) => ({ ...p, count: Math.max(1, Math.round(p.count * k)) })), ...rest].filter((p) => p.count > 0);
}

/** The steps after registration that end in `state`, with the decision where the road forks (V-77 p. 10–19). */
function pathTo(state: CaseState, rnd: () => number): { route: Route; steps: CaseState[]; decision?: DecisionId } {
  const toCommission: CaseState[] = ['dossier_collecting', 'dossier_received', 'ready_for_commission', 'scheduled', 'decided'];
  const own = rnd() < 0.6;
  const listDecision: DecisionId = own ? '10.1' : '10.3';
  switch (state) {
    case 'request_received':
      return { route: own ? 'own' : 'other', steps: [] };
    case 'dossier_collecting':
    case 'dossier_received':
    case 'ready_for_commission':
    case 'scheduled':
      return { route: own ? 'own' : 'other', steps: toCommission.slice(0, toCommission.indexOf(state) + 1) };
    case 'decided':
      return { route: own ? 'own' : 'other', steps: toCommission, decision: own ? '10.2' : '10.4' };
    case 'dossier_sent':
      return { route: 'sends', steps: ['dossier_collecting', 'dossier_sent'] };
    case 'ineligible':
      return { route: own ? 'own' : 'other', steps: ['dossier_collecting', 'dossier_received', 'ineligible'] };
    case 'withdrawn':
      return { route: own ? 'own' : 'other', steps: ['dossier_collecting', 'withdrawn'] };
    case 'refused':
      // By the letter after 10.2/10.4 (p. 16), the director's decision (p. 15) or the Prison Department (p. 18).
      if (rnd() < 0.6) return { route: own ? 'own' : 'other', steps: [...toCommission, 'refused'], decision: own ? '10.2' : '10.4' };
      return own
        ? { route: 'own', steps: [...toCommission, 'listed', 'refused'], decision: '10.1' }
        : { route: 'other', steps: [...toCommission, 'listed', 'submitted_to_department', 'refused'], decision: '10.3' };
    case 'listed':
      return { route: own ? 'own' : 'other', steps: [...toCommission, 'listed'], decision: listDecision };
    case 'submitted_to_department':
      return { route: 'other', steps: [...toCommission, 'listed', 'submitted_to_department'], decision: '10.3' };
    case 'transfer_ordered':
    case 'transferred':
    case 'left':
    case 'returned': {
      const toOrder: CaseState[] = own ? [...toCommission, 'listed', 'transfer_ordered'] : [...toCommission, 'listed', 'submitted_to_department', 'transfer_ordered'];
      const after: CaseState[] = state === 'transfer_ordered' ? [] : state === 'transferred' ? ['transferred'] : ['transferred', state];
      return { route: own ? 'own' : 'other', steps: [...toOrder, ...after], decision: listDecision };
    }
    default:
      throw new Error(`no path to ${state}`);
  }
}

const institutionOf = (id: string) =>
  id === OWN_INSTITUTION_ID ? { id, name: DEMO_SETTINGS.institution.name } : { id, name: DEMO_SETTINGS.otherInstitutions.find((o) => o.id === id)!.name };

/**
 * One case walked through the door to `state`, each step with the facts it records. The dates run
 * forward from the request; the convicts in or gone from the halfway house are dated so that those
 * in it arrived this year and those gone left before today.
 */
function caseRecord(i: number, state: CaseState, rnd: () => number): CaseRecord {
  const { route, steps, decision } = pathTo(state, rnd);
  const inHouse = state === 'transferred' || state === 'left' || state === 'returned';
  const span = steps.length * 12 + 90;
  // The request: recent for an open case, older for one that went on; a convict gone left before today.
  const back = state === 'left' || state === 'returned' ? 550 + Math.floor(rnd() * 1200) : inHouse ? 250 + Math.floor(rnd() * 150) : steps.length === 0 ? Math.floor(rnd() * 40) : span + Math.floor(rnd() * 1400);
  const requestDate = addDays(TODAY, -back);
  const serving = route === 'other' ? ['marijampole', 'alytus', 'vilnius'][i % 3]! : OWN_INSTITUTION_ID;
  const halfwayHouse = route === 'sends' ? { id: 'panevezys', name: 'Panevėžio pataisos namai' } : { id: OWN_INSTITUTION_ID, name: DEMO_SETTINGS.institution.name };
  const stamp = (on: IsoDate) => ({ at: `${on}T09:${String(i % 60).padStart(2, '0')}:00.000Z`, by: 'bench' });
  let record = registeredCase(
    {
      id: randomUUID(),
      revision: 1,
      createdAt: stamp(requestDate).at,
      updatedAt: stamp(requestDate).at,
      convict: { firstName: FIRST[i % FIRST.length]!, lastName: LAST[Math.floor(i / FIRST.length) % LAST.length]!, personalFileNo: `B-${10_000 + i}`, birthDate: addDays('1985-01-01', Math.floor(rnd() * 5000)) },
      request: {
        requestDate,
        servingInstitution: institutionOf(serving),
        halfwayHouse,
        possibleTransferDate: addDays(requestDate, 60),
        possibleParoleDate: addDays(requestDate, 400),
        sentenceEnd: addDays(requestDate, 900),
      },
      facts: {} as CaseRecord['facts'],
      timeline: [] as CaseRecord['timeline'],
    },
    requestDate,
    stamp(requestDate),
  ) as unknown as CaseRecord;
  let on = requestDate;
  for (const to of steps) {
    on = addDays(on, 5 + Math.floor(rnd() * 10));
    // A stay in the halfway house lasts months (until parole, the end of the sentence, or a return).
    if (to === 'left' || to === 'returned') on = addDays(on, 85 + Math.floor(rnd() * 300));
    if (compareIso(on, TODAY) >= 0) on = addDays(TODAY, -1);
    record = applyCaseStep(record, { to, on, ...(to === 'decided' && decision ? { decision } : {}), ...(to === 'refused' || to === 'ineligible' || to === 'withdrawn' || to === 'returned' ? { note: 'Priežastis nurodyta dokumente.' } : {}) }, stamp(on));
    const facts = record.facts;
    if (to === 'dossier_received') facts.dossierReceivedOn = on;
    if (to === 'dossier_sent') facts.dossierSent = { on, to: halfwayHouse.name, items: ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.8', '6.9', '6.10'] };
    if (to === 'scheduled') facts.meetingId = `meeting-${Math.floor(i / 10)}`;
    if (to === 'listed') facts.listedOn = on;
    if (to === 'transfer_ordered' && i % 5 === 0) {
      // Now and then an order passed over someone earlier on the list, with the reason (V-77 p. 12).
      const entry = { ...stamp(on), kind: 'passedOver' as const, on, passed: [randomUUID()], note: 'Ankstesnis sąraše laukia teismo sprendimo dėl nuobaudos.' };
      record = { ...record, timeline: [...record.timeline, entry] };
    }
    if (to === 'refused') facts.refusedOn = on;
    if (to === 'transferred') facts.arrival = { on, time: '11:30', room: String(100 + (i % 12)), bed: String.fromCharCode(65 + (i % 2)) };
    if (to === 'left' || to === 'returned') {
      facts.departure = { on, how: to === 'returned' ? 'return' : (['parole', 'parole', 'sentence_end', 'transfer_elsewhere'] as const)[i % 4]! };
      // The p. 20 report is made for all but the latest few departures.
      if (compareIso(addDays(on, 10), TODAY) < 0) facts.placeReportedOn = addDays(on, 1);
    }
  }
  return { ...record, revision: 1 };
}

/** Every case of the directory, in a shuffled order of states (as years of requests interleave them). */
function allCases(size: number): CaseRecord[] {
  const rnd = random(14);
  const states = plans(size).flatMap((p) => Array.from({ length: p.count }, () => p.state));
  for (let k = states.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [states[k], states[j]] = [states[j]!, states[k]!];
  }
  return states.map((state, i) => caseRecord(i, state, rnd));
}

/** Open the store as the services open it: the directory's lock, the data key, the index. */
async function openStore(dataDir: string): Promise<{ cases: CaseStore; settings: SettingsStore; close(): void }> {
  const dir = openDataDirectory(dataDir);
  // As the services open it (issue 16): the audit trail, then the manifest whose codec binds each record to its path and version.
  const keyCodec = await openEncryption(dir, environmentKey());
  const audit = AuditLog.open(dir, keyCodec);
  const manifest = Manifest.open(dir, keyCodec, audit, true);
  audit.afterAppend = (head) => manifest.noteAudit(head);
  const cases = CaseStore.open(dir, manifest.bound);
  const settings = new SettingsStore(dir, manifest.bound, () => new Date());
  return {
    cases,
    settings,
    close: () => {
      cases.close();
      manifest.close();
      audit.close();
      dir.release();
    },
  };
}

/** Prepare the directory: the settings through the services, then the cases through the store, batched. */
async function seed(dataDir: string, size: number): Promise<{ cases: number; byState: Map<CaseState, number> }> {
  const services = await openSignedIn(dataDir);
  await unwrap(services.dispatch('settings.save', { ...DEMO_SETTINGS, revision: 0 }));
  await services.close();
  const records = allCases(size);
  const store = await openStore(dataDir);
  try {
    for (let n = 0; n < records.length; n += CHUNK) {
      beginBatchedWrites();
      try {
        for (const r of records.slice(n, n + CHUNK)) store.cases.put(r, 'caseStep');
      } finally {
        flushBatchedWrites({ background: true });
      }
    }
    finishBatchedWrites();
  } finally {
    store.close();
  }
  // Opened once more, as the app is after the seeding: the index journal is folded into its snapshot.
  (await openStore(dataDir)).close();
  if (process.platform !== 'win32') execFileSync('sync');
  const byState = new Map<CaseState, number>();
  for (const r of records) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
  return { cases: records.length, byState };
}

// ---- The measurements ----

interface Recompute {
  recompute: number;
  write: number;
  listed: number;
  occupied: number;
  held: number;
  free: number;
  freed: number;
}

/**
 * Median milliseconds of recomputing the places after one case write, the store open and warm.
 * Each change records (or undoes) the p. 20 report of a place that a departure freed, or moves a
 * convict on the list to another list date: the list and the freed places change every time.
 */
async function recomputeMedian(dataDir: string): Promise<Recompute> {
  const store = await openStore(dataDir);
  try {
    const ctx = { cases: store.cases, settings: store.settings };
    const first = placeState(ctx, TODAY);
    const gone = first.cases.filter((c) => c.facts.departure !== undefined).map((c) => c.id);
    const waiting = first.list.filter((e) => e.waiting).map((e) => e.caseId);
    if (gone.length === 0 || waiting.length === 0) throw new Error('the directory has no departures or no one waiting on the list');
    const recomputes: number[] = [];
    const writes: number[] = [];
    let last = first;
    let freed = freedPlaces(first.cases);
    for (let i = 0; i < WARM_UP + CHANGES; i++) {
      const id = i % 2 === 0 ? gone[(i * 7919) % gone.length]! : waiting[(i * 104_729) % waiting.length]!;
      const record = store.cases.get(id);
      const facts = { ...record.facts };
      if (facts.departure !== undefined) {
        if (facts.placeReportedOn === undefined) facts.placeReportedOn = addDays(facts.departure.on, 1);
        else delete facts.placeReportedOn;
      } else {
        facts.listedOn = addDays(facts.listedOn ?? TODAY, i % 3 === 0 ? 1 : -1);
      }
      const changed: CaseRecord = { ...record, revision: record.revision + 1, updatedAt: new Date().toISOString(), facts };
      const t0 = performance.now();
      store.cases.put(changed, 'caseStep');
      const t1 = performance.now();
      last = placeState(ctx, TODAY);
      freed = freedPlaces(last.cases);
      nextOnList(last.list);
      const t2 = performance.now();
      if (i >= WARM_UP) {
        writes.push(t1 - t0);
        recomputes.push(t2 - t1);
      }
    }
    return {
      recompute: median(recomputes),
      write: median(writes),
      listed: last.list.length,
      occupied: last.occupancy.occupied.length,
      held: last.occupancy.held.length,
      free: last.occupancy.free,
      freed: freed.length,
    };
  } finally {
    store.close();
  }
}

interface ColdStart {
  /** How the view was made: the services' `places.get`, or computed from the store while it is missing. */
  via: 'places.get' | 'store';
  /** Opening: lock, unlock the data key (KDF), load the index (and, through the services, the rest). */
  open: number;
  /** Making the view. */
  view: number;
  listed: number;
  why?: string;
}

/** Median milliseconds of `places.get` through the services, warm (reported, not held to a limit). */
async function warmViewMedian(dataDir: string): Promise<number | undefined> {
  const services = await openSignedIn(dataDir);
  try {
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const r = await services.dispatch('places.get', {});
      if (!r.ok) return undefined;
      if (i >= 10) times.push(performance.now() - t0);
    }
    return median(times);
  } finally {
    await services.close();
  }
}

/** Cold start in a fresh process: open the services, sign in (not counted) and call `places.get`. */
function coldView(dataDir: string): ColdStart {
  const script = `
    const { openServices } = await import(${JSON.stringify(join(process.cwd(), 'electron/services/index.ts'))});
    const t1 = performance.now();
    const s = await openServices({ dataDir: ${JSON.stringify(dataDir)}, today: '${TODAY}', verifyOnOpen: false });
    const t2 = performance.now();
    const { value: { session } } = await s.dispatch('auth.login', ${JSON.stringify({ username: STAFF.username, password: STAFF.password })});
    const t3 = performance.now();
    const r = await s.dispatch('places.get', {}, session);
    const t4 = performance.now();
    await s.close();
    console.log(JSON.stringify(r.ok ? { via: 'places.get', open: t2 - t1, view: t4 - t3, listed: r.value.list.length } : { via: 'places.get', open: 0, view: 0, listed: -1, why: r.error.code }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ColdStart;
}

/** Cold start in a fresh process without `places.get`: open the store and compute what the view shows. */
function coldStore(dataDir: string): ColdStart {
  const mod = (p: string) => JSON.stringify(join(process.cwd(), p));
  const script = `
    const { openDataDirectory } = await import(${mod('electron/services/store/dataDirectory.ts')});
    const { openEncryption, environmentKey } = await import(${mod('electron/services/store/encryption.ts')});
    const { CaseStore } = await import(${mod('electron/services/store/caseStore.ts')});
    const { SettingsStore } = await import(${mod('electron/services/store/settingsStore.ts')});
    const { Manifest } = await import(${mod('electron/services/store/manifest.ts')});
    const { AuditLog } = await import(${mod('electron/services/audit/auditLog.ts')});
    const { placeState } = await import(${mod('electron/services/cases/placeAccounting.ts')});
    const { freedPlaces, nextOnList } = await import(${mod('shared/domain/places.ts')});
    const t1 = performance.now();
    const dir = openDataDirectory(${JSON.stringify(dataDir)});
    const keyCodec = await openEncryption(dir, environmentKey());
    const audit = AuditLog.open(dir, keyCodec);
    const manifest = Manifest.open(dir, keyCodec, audit, true);
    const cases = CaseStore.open(dir, manifest.bound);
    const settings = new SettingsStore(dir, manifest.bound, () => new Date());
    const t2 = performance.now();
    const state = placeState({ cases, settings }, '${TODAY}');
    freedPlaces(state.cases);
    nextOnList(state.list);
    const t3 = performance.now();
    cases.close();
    manifest.close();
    audit.close();
    dir.release();
    console.log(JSON.stringify({ via: 'store', open: t2 - t1, view: t3 - t2, listed: state.list.length }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ColdStart;
}

const { figure, row } = reporter('places', 50);

/** Median milliseconds of unwrapping the data key with the passphrase (scrypt, then AES-GCM). */
const unlockMedian = (dataDir: string) => unlockMedianOf(dataDir, PASSPHRASE, unlockDataKey);

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'pusiaukele-bench-places-'));
  try {
    const dataDir = join(root, `cases-${SIZE}`);
    process.stdout.write(`Ruošiama ${SIZE} bylų…\n`);
    const t0 = performance.now();
    const { cases, byState } = await seed(dataDir, SIZE);
    const prepare = (performance.now() - t0) / 1000;
    const mix = ['listed', 'submitted_to_department', 'transfer_ordered', 'transferred', 'left', 'returned'] as const;
    process.stdout.write(`  paruošta per ${prepare.toFixed(1)} s: ${cases} bylų, iš jų ${mix.map((s) => `${s} ${byState.get(s) ?? 0}`).join(', ')}\n`);

    let cold = Array.from({ length: COLD_RUNS }, () => coldView(dataDir));
    const missing = cold.find((c) => c.why !== undefined);
    if (missing) {
      process.stdout.write(`  places.get is not available (${missing.why}): the cold start opens the store and computes the view itself\n`);
      cold = Array.from({ length: COLD_RUNS }, () => coldStore(dataDir));
    }
    const recompute = await recomputeMedian(dataDir);
    if (cold.some((c) => c.listed !== recompute.listed)) throw new Error(`the cold view lists ${cold[0]!.listed}, the warm one ${recompute.listed}`);
    const warm = await warmViewMedian(dataDir);
    const unlock = await unlockMedian(dataDir);
    const opens = cold.map((c) => c.open);
    const views = cold.map((c) => c.view);
    const withoutUnlock = median(cold.map((c) => c.open + c.view)) - unlock;
    const all = (xs: number[]) => `[${xs.map((m) => m.toFixed(0)).join(', ')}]`;

    console.log('\nRezultatai / results');
    row(`prepare ${SIZE} cases:`, `${prepare.toFixed(1)} s`);
    row('places on the day:', `${recompute.listed} on the list, ${recompute.occupied} occupied, ${recompute.held} held, ${recompute.free} free, ${recompute.freed} freed`);
    row(`write one case, median, ${SIZE} cases:`, `${recompute.write.toFixed(2)} ms`);
    figure(`recompute list + occupancy after a change, median:`, `${recompute.recompute.toFixed(2)} ms`, recompute.recompute > LIMITS.recomputeMs, `${LIMITS.recomputeMs} ms`);
    if (warm !== undefined) row('places.get through the services, warm, median:', `${warm.toFixed(2)} ms`);
    row('unlock (scrypt):', `median ${unlock.toFixed(0)} ms`);
    row(`cold start, open incl. unlock (${cold[0]!.via === 'places.get' ? 'services' : 'store'}):`, `median ${median(opens).toFixed(0)} ms of ${all(opens)}`);
    row(`cold start, ${cold[0]!.via === 'places.get' ? 'places.get' : 'the view computed'}:`, `median ${median(views).toFixed(0)} ms of ${all(views)}`);
    figure(`cold start + list view ${SIZE}, without unlock:`, `${withoutUnlock.toFixed(0)} ms`, withoutUnlock > LIMITS.coldStartMs, `${LIMITS.coldStartMs} ms`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
