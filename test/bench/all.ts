/**
 * `npm run bench`: every benchmark in turn, each in its own process (a warm process would flatter the
 * next one), all of them even when one misses its limit, so one failure does not hide the others'
 * figures. Exits with 1 when any did.
 */
import { spawnSync } from 'node:child_process';

const BENCHES = ['store', 'dossier', 'documentStore', 'checklist', 'meeting', 'documents', 'places', 'archive', 'workday'] as const;

const failed: string[] = [];
for (const name of BENCHES) {
  process.stdout.write(`\n=== ${name} (test/bench/${name}.bench.ts) ===\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `test/bench/${name}.bench.ts`], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(`${name} (exit ${run.status ?? run.signal})`);
}
process.stdout.write(failed.length === 0 ? '\nAll benchmarks within their limits.\n' : `\nOver a limit or failed: ${failed.join(', ')}\n`);
process.exit(failed.length === 0 ? 0 : 1);
