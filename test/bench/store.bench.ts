/**
 * `tsx test/bench/store.bench.ts` (part of `npm run bench`): the limits of issue 13 for the case
 * store, measured on real, encrypted data directories; the process exits non-zero when one is over.
 * - Opening the services and listing every case with its computed deadlines from a cold start (a
 *   fresh process: lock, unlock the data key, load the index, sign in, `cases.list`) with 10,000
 *   cases: at most 300 ms, the unlock (the passphrase's KDF, paid once per start) not counted; it
 *   is measured apart and reported.
 * - Updating one case (median of `cases.updateRequest` calls, each on another case, services warm):
 *   at most 5 ms with 10,000 cases, and at most 1.5 times its time with 100 cases.
 * - Preparing the 10,000 cases: at most 2 minutes.
 * The directories are filled as the demo fills one (largeDirectory.ts).
 * Set BENCH_CASES to change the large size (the limits stay as they are).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCRYPT_COST, unlockDataKey } from '../../electron/services/store/encryption';
import { requestInputOf, type CaseView } from '../../shared/contract/schemas';
import { openSignedIn, PASSPHRASE, prepareLargeDirectory, STAFF, TODAY, unwrap } from './largeDirectory';
import { median, reporter, unlockMedian as unlockMedianOf } from './stats';

const LARGE = Number(process.env.BENCH_CASES ?? 10_000);
const UPDATES = 300;
/** Issue 13. */
const LIMITS = { coldStartMs: 300, updateMs: 5, updateRatio: 1.5, prepareSeconds: 120 };
/** Updates run first and not counted, so that both sizes are measured with the code warm. */
const WARM_UP = 60;

/** How many stored document contents (dossier documents and generated PDFs) the directory holds. */
function documentCount(dataDir: string): number {
  const root = join(dataDir, 'documents');
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .reduce((n, e) => n + readdirSync(join(root, e.name)).filter((f) => f.endsWith('.bin')).length, 0);
}

/** Median milliseconds of one `cases.updateRequest`, each on another case, services warm. */
async function updateMedian(dataDir: string): Promise<number> {
  const services = await openSignedIn(dataDir);
  const list = await unwrap<{ cases: { id: string }[] }>(services.dispatch('cases.list', {}));
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + UPDATES; i++) {
    const id = list.cases[(i * 7919) % list.cases.length]!.id;
    const { record } = await unwrap<CaseView>(services.dispatch('cases.get', { id }));
    const input = {
      id,
      revision: record.revision,
      request: { ...requestInputOf(record), lastName: `${record.convict.lastName.replace(/-\d+$/, '')}-${i}` },
    };
    const t0 = performance.now();
    const result = await services.dispatch('cases.updateRequest', input);
    times.push(performance.now() - t0);
    if (!result.ok && result.error.code !== 'REQUEST_LOCKED') throw new Error(result.error.message);
    if (!result.ok || i < WARM_UP) times.pop(); // decided cases are no longer edited: not updates
  }
  await services.close();
  return median(times);
}

interface ColdStart {
  /** Opening the services: lock, unlock the data key (KDF), load and decrypt the index. */
  open: number;
  /** `cases.list`: every case with its deadlines. */
  list: number;
  count: number;
}

/**
 * Cold start in a fresh process: open the services and list every case with its deadlines. Signing
 * in (one scrypt password check) happens between the two and is not counted.
 */
function coldList(dataDir: string): ColdStart {
  const script = `
    const { openServices } = await import(${JSON.stringify(join(process.cwd(), 'electron/services/index.ts'))});
    const t1 = performance.now();
    const s = await openServices({ dataDir: ${JSON.stringify(dataDir)}, today: '${TODAY}', verifyOnOpen: false });
    const t2 = performance.now();
    const { value: { session } } = await s.dispatch('auth.login', ${JSON.stringify({ username: STAFF.username, password: STAFF.password })});
    const t3 = performance.now();
    const r = await s.dispatch('cases.list', {}, session);
    const t4 = performance.now();
    await s.close();
    console.log(JSON.stringify({ open: t2 - t1, list: t4 - t3, count: r.value.cases.length }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ColdStart;
}

const { figure, row } = reporter('store', 46);

/** Median milliseconds of unwrapping the data key with the passphrase (scrypt, then AES-GCM). */
const unlockMedian = (dataDir: string) => unlockMedianOf(dataDir, PASSPHRASE, unlockDataKey);

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'pusiaukele-bench-'));
  try {
    const results: Record<number, { prepare: number; meetings: number; documents: number; update: number; cold: ColdStart[] }> = {};
    for (const size of [100, LARGE]) {
      const dataDir = join(root, `cases-${size}`);
      process.stdout.write(`Ruošiama ${size} bylų…\n`);
      const t0 = performance.now();
      const meetings = await prepareLargeDirectory(dataDir, size);
      const prepare = (performance.now() - t0) / 1000;
      const documents = documentCount(dataDir);
      process.stdout.write(`  paruošta per ${prepare.toFixed(1)} s (komisijos posėdžių: ${meetings}, dokumentų: ${documents})\n`);
      const cold = Array.from({ length: 5 }, () => coldList(dataDir));
      if (cold.some((c) => c.count !== size)) throw new Error(`listed ${cold[0]!.count} of ${size} cases`);
      results[size] = { prepare, meetings, documents, update: await updateMedian(dataDir), cold };
    }
    const small = results[100]!;
    const large = results[LARGE]!;
    const ratio = large.update / small.update;
    const unlock = await unlockMedian(join(root, `cases-${LARGE}`));
    const opens = large.cold.map((c) => c.open);
    const lists = large.cold.map((c) => c.list);
    const withoutUnlock = median(large.cold.map((c) => c.open + c.list)) - unlock;
    const all = (xs: number[]) => `[${xs.map((m) => m.toFixed(0)).join(', ')}]`;
    console.log('\nRezultatai / results');
    figure(`prepare ${LARGE} cases (${large.meetings} meetings, ${large.documents} documents):`, `${large.prepare.toFixed(1)} s`, large.prepare > LIMITS.prepareSeconds, `${LIMITS.prepareSeconds} s`);
    row('update one case, median, 100 cases:', `${small.update.toFixed(2)} ms`);
    figure(`update one case, median, ${LARGE} cases:`, `${large.update.toFixed(2)} ms`, large.update > LIMITS.updateMs, `${LIMITS.updateMs} ms`);
    figure(`ratio ${LARGE} / 100:`, ratio.toFixed(2), ratio > LIMITS.updateRatio, String(LIMITS.updateRatio));
    row(`unlock (scrypt N=2^${Math.log2(SCRYPT_COST.N)}, r=${SCRYPT_COST.r}, p=${SCRYPT_COST.p}):`, `median ${unlock.toFixed(0)} ms`);
    row(`cold start, open incl. unlock, ${LARGE}:`, `median ${median(opens).toFixed(0)} ms of ${all(opens)}`);
    row(`cold start, list ${LARGE} with deadlines:`, `median ${median(lists).toFixed(0)} ms of ${all(lists)}`);
    figure(`cold start + list ${LARGE}, without unlock:`, `${withoutUnlock.toFixed(0)} ms`, withoutUnlock > LIMITS.coldStartMs, `${LIMITS.coldStartMs} ms`);
    row('cold start + list 100, incl. unlock:', `median ${median(small.cold.map((c) => c.open + c.list)).toFixed(1)} ms`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
