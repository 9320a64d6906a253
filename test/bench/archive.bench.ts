/**
 * `tsx test/bench/archive.bench.ts` (part of `npm run bench`): issue 15's figures for case packages,
 * measured in the same run on a real encrypted data directory holding one case with 200 MB of
 * dossier documents (16 PDFs of 12.5 MB, each a page with a heavy scan):
 *  - exporting the case (`ArchiveDesk.exportCase`: every document decrypted and streamed once,
 *    hashed into the manifest, the merged dossier PDF, the zip written and renamed into place):
 *    at most 1.5× `zip -r -0` plus `sha256sum` on the same files;
 *  - importing the package (`ArchiveDesk.importFile`: the whole bag verified, every signature and
 *    record checked, then every document streamed into the store, hashed and sealed again): at most
 *    2× `unzip` plus `sha256sum -c`;
 *  - the peak memory of each: under 200 MB. Counted as the maximum resident set of the process
 *    above what it held just before the call: the process itself (Node, tsx's compiler, the
 *    services with their schemas, fonts and libraries) holds 150–180 MB before any export starts,
 *    which is not the export's; the total is printed beside it.
 *
 * "The same files": the package holds each document once plus the merged dossier PDF, which copies
 * the documents' pages again, so it is about twice the documents. The baselines run on what the
 * package holds (its payload as extracted: `zip -r -0` over it, `sha256sum` of every file), and, for
 * reference, on the 200 MB of documents alone. Export and import run each in a fresh child process
 * (the maximum resident set is then theirs alone), timed around the call, medians of RUNS runs.
 * BENCH_ARCHIVE_RUNS changes RUNS.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices, type Services } from '../../electron/services/index';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { largePdf } from '../helpers/documents';
import { median, reporter } from './stats';

const PASSPHRASE = 'bench-passphrase-pusiaukele';
const PASSWORD = 'Bench-slaptazodis-2026';
const TODAY = '2026-11-23';
const DOCUMENTS = 16;
const DOCUMENT_BYTES = 12.5 * 1024 * 1024;
const RUNS = Number(process.env.BENCH_ARCHIVE_RUNS ?? 3);
const EXPORT_LIMIT = 1.5;
const IMPORT_LIMIT = 2;
const MEMORY_LIMIT_MB = 200;

type Dispatchish = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

async function call<T>(dispatch: Dispatchish, method: string, input: unknown): Promise<T> {
  const r = await dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error?.code}`);
  return r.value as T;
}

/** A data directory with an administrator, an archivist, a secretary, the demo settings. */
async function institution(dataDir: string): Promise<Services> {
  const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
  const { session } = await call<{ session: string }>(services.dispatch, 'auth.createAdministrator', { username: 'admin', displayName: 'Administratorė', password: PASSWORD });
  const admin: Dispatchish = (m, i) => services.dispatch(m, i, session);
  await call(admin, 'settings.save', { ...DEMO_SETTINGS, revision: 0, documents: { maxMegabytes: 50 } });
  for (const [username, roles] of [['archyvare', ['archivist']], ['sekretore', ['secretary']]] as const) {
    await call(admin, 'users.create', { username, displayName: username, roles, password: PASSWORD });
    const first = await call<{ session: string }>(services.dispatch, 'auth.login', { username, password: PASSWORD });
    await call((m, i) => services.dispatch(m, i, first.session), 'auth.changePassword', { currentPassword: PASSWORD, newPassword: `${PASSWORD}-2` });
  }
  return services;
}

/** The child's part: one export or one import, timed, with the process's peak memory. */
async function child(kind: 'export' | 'import', dataDir: string, file: string): Promise<void> {
  const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
  try {
    const { session } = await call<{ session: string }>(services.dispatch, 'auth.login', { username: 'archyvare', password: `${PASSWORD}-2` });
    const list = await call<{ cases: { id: string }[] }>((m, i) => services.dispatch(m, i, session), 'cases.list', {});
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    if (kind === 'export') await services.archive.desk.exportCase(services.archive.callFor('archive.exportCase', session), { caseId: list.cases[0]!.id, out: file });
    else await services.archive.desk.importFile(services.archive.callFor('archive.importPackage', session), file, { asNewCase: true });
    const ms = performance.now() - t0;
    process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, beforeMb: before / 1024 / 1024 })}\n`);
  } finally {
    await services.close();
  }
}

function runChild(kind: 'export' | 'import', dataDir: string, file: string): { ms: number; maxRssMb: number; beforeMb: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/archive.bench.ts', 'child', kind, dataDir, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${kind} child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as { ms: number; maxRssMb: number; beforeMb: number };
}

/** Wall milliseconds of a shell command. */
function timed(command: string, args: readonly string[], cwd: string): number {
  const t0 = performance.now();
  execFileSync(command, args, { cwd, stdio: 'ignore', maxBuffer: 1 << 26 });
  return performance.now() - t0;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}

/** `zip -r -0` of `folder`'s contents plus `sha256sum` of every file in it. */
function zipAndHash(folder: string, out: string): number {
  rmSync(out, { force: true });
  return timed('zip', ['-q', '-r', '-0', out, '.'], folder) + timed('sha256sum', filesUnder(folder), folder);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'pusiaukele-bench-archive-'));
  const { figure, row } = reporter('archive', 58);
  try {
    const source = join(root, 'source');
    const plain = join(root, 'documents');
    mkdirSync(plain);
    const services = await institution(source);
    try {
      const login = await call<{ session: string }>(services.dispatch, 'auth.login', { username: 'sekretore', password: `${PASSWORD}-2` });
      const secretary: Dispatchish = (m, i) => services.dispatch(m, i, login.session);
      let view = await call<{ record: { id: string; revision: number } }>(secretary, 'cases.register', DOSSIER_CASE_REQUEST);
      view = await call(secretary, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'dossier_collecting', on: '2026-11-03' });
      const items = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.8', '6.9'];
      for (let n = 0; n < DOCUMENTS; n++) {
        const bytes = await largePdf(DOCUMENT_BYTES);
        const name = `${String(n + 1).padStart(2, '0')} skenuotas dokumentas.pdf`;
        writeFileSync(join(plain, name), bytes);
        const staged = await call<{ stagedId: string }>(secretary, 'dossier.stage', { caseId: view.record.id, name, bytes });
        view = await call(secretary, 'dossier.attach', { caseId: view.record.id, revision: view.record.revision, files: [{ stagedId: staged.stagedId, item: items[n % items.length] }] });
      }
      // Closed, as the cases an archive gets are: each run imports it again as a new case, which an open case may not be.
      await call(secretary, 'cases.transition', { id: view.record.id, revision: view.record.revision, to: 'withdrawn', on: TODAY, note: 'Prašymas atsiimtas.' });
    } finally {
      await services.close();
    }
    const target = join(root, 'target');
    await (await institution(target)).close();

    const exports: { ms: number; maxRssMb: number; beforeMb: number }[] = [];
    const imports: typeof exports = [];
    const baseExport: number[] = [];
    const baseDocuments: number[] = [];
    const baseImport: number[] = [];
    const pkg = join(root, 'byla.zip');
    for (let n = 0; n < RUNS; n++) {
      rmSync(pkg, { force: true });
      exports.push(runChild('export', source, pkg));
      // The baselines on the same files: the package's payload as extracted, and the documents alone.
      const extracted = join(root, `extracted-${n}`);
      execFileSync('unzip', ['-q', pkg, '-d', extracted]);
      const [bag] = readdirSync(extracted);
      baseExport.push(zipAndHash(join(extracted, bag as string, 'data'), join(root, 'baseline.zip')));
      baseDocuments.push(zipAndHash(plain, join(root, 'baseline-documents.zip')));
      rmSync(extracted, { recursive: true, force: true });
      const unzipped = join(root, `unzipped-${n}`);
      baseImport.push(timed('unzip', ['-q', pkg, '-d', unzipped], root) + timed('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], join(unzipped, bag as string)));
      rmSync(unzipped, { recursive: true, force: true });
      imports.push(runChild('import', target, pkg));
      process.stdout.write(`  ${n + 1}. matavimas: eksportas ${exports[n]!.ms.toFixed(0)} ms (zip+sha256sum ${baseExport[n]!.toFixed(0)} ms), importas ${imports[n]!.ms.toFixed(0)} ms (unzip+sha256sum -c ${baseImport[n]!.toFixed(0)} ms)\n`);
    }
    const packageMb = Number(execFileSync('stat', ['-c', '%s', pkg]).toString()) / 1024 / 1024;
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const exportMs = median(exports.map((e) => e.ms));
    const importMs = median(imports.map((e) => e.ms));
    console.log(`\nRezultatai / results: ${DOCUMENTS} documents, ${((DOCUMENTS * DOCUMENT_BYTES) / 1024 / 1024).toFixed(0)} MB; package ${packageMb.toFixed(0)} MB; ${RUNS} runs (medians), ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
    row('export (exportCase, in a child process):', ms(exportMs));
    row('zip -r -0 + sha256sum, the package payload:', ms(median(baseExport)));
    row('zip -r -0 + sha256sum, the 200 MB of documents alone:', `${ms(median(baseDocuments))} (ratio ${(exportMs / median(baseDocuments)).toFixed(2)}, for reference)`);
    figure('export / (zip -r -0 + sha256sum) on the same files:', (exportMs / median(baseExport)).toFixed(2), exportMs / median(baseExport) > EXPORT_LIMIT, `${EXPORT_LIMIT}`);
    row('import (importFile: verify, then write):', ms(importMs));
    row('unzip + sha256sum -c:', ms(median(baseImport)));
    figure('import / (unzip + sha256sum -c):', (importMs / median(baseImport)).toFixed(2), importMs / median(baseImport) > IMPORT_LIMIT, `${IMPORT_LIMIT}`);
    const grown = (runs: typeof exports) => Math.max(...runs.map((e) => e.maxRssMb - e.beforeMb));
    const total = (runs: typeof exports) => Math.max(...runs.map((e) => e.maxRssMb));
    row('resident before the call (the process with services):', `${exports[0]!.beforeMb.toFixed(0)} MB`);
    row('maximum resident set, export / import (totals):', `${total(exports).toFixed(0)} MB / ${total(imports).toFixed(0)} MB`);
    figure('peak memory of export (above the process before it):', `${grown(exports).toFixed(0)} MB`, grown(exports) > MEMORY_LIMIT_MB, `${MEMORY_LIMIT_MB} MB`);
    figure('peak memory of import (above the process before it):', `${grown(imports).toFixed(0)} MB`, grown(imports) > MEMORY_LIMIT_MB, `${MEMORY_LIMIT_MB} MB`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') await child(process.argv[3] as 'export' | 'import', process.argv[4] as string, process.argv[5] as string);
else await main();
