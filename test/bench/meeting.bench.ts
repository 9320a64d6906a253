/**
 * `tsx test/bench/meeting.bench.ts`: how long one keystroke batch of the meeting takes to be saved
 * (issue 5: "everything typed is saved as it is typed"). On a real encrypted data directory, a
 * meeting with AGENDA cases (each with a complete dossier), open, all five members present, the
 * secretary's autosave `meetings.saveCriterion` is timed RUNS times through the real dispatch: the
 * audit entry, the sealed, fsync'd meeting file, and the view the UI gets back (which reads every
 * case of the agenda). Also timed: one vote, and closing the meeting (which writes every case).
 *
 * There is no limit in the issue; the figure is reported so that a slower change shows. The UI
 * debounces typing by about 400 ms, so a save should take well under that.
 * BENCH_MEETING_CASES and BENCH_MEETING_RUNS change AGENDA and RUNS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import type { Dispatch } from '../../shared/contract/dispatch';
import { CRITERIA } from '../../shared/domain/criteria';
import { ok } from '../helpers/calls';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { COMMISSION, evaluateAll, readyCase } from '../helpers/meetings';
import { openAsStaff } from '../helpers/users';
import { median } from './stats';

process.env.PUSIAUKELE_PASSPHRASE ||= 'bench-passphrase-pusiaukele';

const TODAY = '2026-11-23';
const AGENDA = Number(process.env.BENCH_MEETING_CASES ?? 12);
const RUNS = Number(process.env.BENCH_MEETING_RUNS ?? 60);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'pusiaukele-bench-meeting-'));
  try {
    const services = await openAsStaff({ dataDir, today: TODAY, verifyOnOpen: false });
    const dispatch: Dispatch = services.dispatch;
    await ok(dispatch, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    await ok(dispatch, 'commission.save', { revision: 0, ...COMMISSION });
    const caseIds: string[] = [];
    for (let i = 0; i < AGENDA; i += 1) {
      const view = await readyCase(dispatch, { ...DOSSIER_CASE_REQUEST, personalFileNo: `BENCH-${i}`, servingInstitutionId: i % 2 ? 'own' : 'vilnius' }, '2026-11-20');
      caseIds.push(view.record.id);
    }
    const planned = await ok(dispatch, 'meetings.schedule', { date: TODAY, time: '10:00', place: '201 kab.', caseIds });
    const open = await ok(dispatch, 'meetings.open', { id: planned.record.id, revision: planned.record.revision });
    const id = open.record.id;
    for (const m of COMMISSION.members) await ok(dispatch, 'meetings.setAttendance', { id, memberId: m.id, present: true });

    const saves: number[] = [];
    /** The findings each field shows now: what the next autosave is based on. */
    const shown = new Map<string, string>();
    const text = 'Nuteistasis bausmės atlikimo metu pažeidimų nedarė, gavo du paskatinimus už sąžiningą darbą. ';
    for (let run = 0; run < RUNS; run += 1) {
      const caseId = caseIds[run % caseIds.length]!;
      const criterion = CRITERIA[run % CRITERIA.length]!.id;
      const basedOn = { findings: shown.get(`${caseId} ${criterion}`) ?? '', assessment: null, onRegister: null };
      const findings = text.repeat(1 + (run % 5));
      const t0 = performance.now();
      await ok(dispatch, 'meetings.saveCriterion', { id, caseId, criterion, findings, basedOn });
      shown.set(`${caseId} ${criterion}`, findings);
      saves.push(performance.now() - t0);
    }

    const votes: number[] = [];
    for (const caseId of caseIds) {
      await evaluateAll(dispatch, id, caseId);
      const current = await ok(dispatch, 'meetings.get', { id });
      const decision = current.items.find((i) => i.item.caseId === caseId)!.possibleDecisions[0]!;
      await ok(dispatch, 'meetings.saveDecision', { id, caseId, decision, rationale: 'Motyvai.', basedOn: { decision: null, rationale: '' } });
      for (const m of COMMISSION.members) {
        const t0 = performance.now();
        await ok(dispatch, 'meetings.vote', { id, caseId, memberId: m.id, ballot: 'for', basedOn: null });
        votes.push(performance.now() - t0);
      }
    }
    const before = await ok(dispatch, 'meetings.get', { id });
    const t0 = performance.now();
    await ok(dispatch, 'meetings.close', { id, revision: before.record.revision });
    const close = performance.now() - t0;
    await services.close();

    const f = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`Meeting with ${AGENDA} cases, five members present, encrypted data directory:`);
    console.log(`  autosave of one criterion (meetings.saveCriterion), median of ${RUNS}: ${f(median(saves))} (max ${f(Math.max(...saves))})`);
    console.log(`  one vote (meetings.vote), median of ${votes.length}: ${f(median(votes))}`);
    console.log(`  closing the meeting (freezes ${AGENDA} results, moves ${AGENDA} cases): ${f(close)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
