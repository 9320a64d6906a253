// Issue 16, "Lock takeover is atomic: taking over a stale lock cannot leave two owners (prove it with
// the same race, hundreds of trials)". Eight real processes contend, at the same moment, for a data
// directory whose lock is stale (the pid of a process that has exited, on this computer), 300 times.
// In every trial exactly one of them may believe it owns the directory, and the lock on disk must
// name that one.
//
// What this catches: the code before the fix (read the lock, judge it stale, remove it, link ours)
// let a second process remove the FRESH lock the first had just linked. Run against it
// (PUSIAUKELE_LOCK_MODULE=<the old dataDirectory.ts>, 2 cores), the same race saw two owners in 7
// and in 4 of 300 trials in two runs (about 2 %: the chance that 300 trials all miss it is under
// 1 %); with the claims of dataDirectory.ts, in none of 1,200.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDirectory, processAlive } from '../../../electron/services/store/dataDirectory';
import type { ContenderCommand, ContenderReport } from '../../fixtures/lockContender';

const CONTENDER = fileURLToPath(new URL('../../fixtures/lockContender.ts', import.meta.url));
const CONTENDERS = 8;
const TRIALS = 300;

let work = '';
let template = '';
let contenders: ChildProcess[] = [];
let deadPid = 0;

/** The next report of a contender, of the given type. */
function next<T extends ContenderReport['type']>(child: ChildProcess, type: T): Promise<Extract<ContenderReport, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: ContenderReport) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as Extract<ContenderReport, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`a contender exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function tell(child: ChildProcess, command: ContenderCommand): void {
  child.send(command);
}

/** The pid of a process that has run on this computer and exited: what a crashed app's lock names. */
function exitedPid(): number {
  for (;;) {
    const pid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
    if (!processAlive(pid)) return pid;
  }
}

const nonce = () => randomBytes(12).toString('hex');
const lockOf = (pid: number, n: string | undefined) =>
  JSON.stringify({ pid, host: hostname(), user: 'ona', since: '2026-11-23T08:00:00.000Z', heartbeatAt: '2026-11-23T08:01:00.000Z', ...(n !== undefined ? { nonce: n } : {}) });

/**
 * A data directory left by a crash, four ways in turn: a stale lock; a stale lock of the version
 * before issue 16 (no nonce); a stale lock with the claim of a contender that died mid-takeover
 * (taken over in turn: a claim of the claim); a stale lock beside garbage claims of older locks.
 */
function crashedDirectory(trial: number): string {
  const dir = join(work, `t${trial}`);
  cpSync(template, dir, { recursive: true });
  const lock = join(dir, 'pusiaukele.lock');
  const n = nonce();
  switch (trial % 4) {
    case 0:
      writeFileSync(lock, lockOf(deadPid, n));
      break;
    case 1:
      writeFileSync(lock, JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-11-01T08:00:00.000Z' }));
      break;
    case 2:
      writeFileSync(lock, lockOf(deadPid, n));
      writeFileSync(`${lock}.claim-${n}`, lockOf(deadPid, nonce()));
      break;
    default:
      writeFileSync(lock, lockOf(deadPid, n));
      writeFileSync(`${lock}.claim-${nonce()}`, lockOf(deadPid, nonce()));
      writeFileSync(`${lock}.claim-${nonce()}.claim-${nonce()}`, lockOf(deadPid, nonce()));
  }
  return dir;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pusiaukele-lockrace-'));
  // A real data directory to copy for each trial: its descriptor and folders, no lock.
  template = join(work, 'template');
  openDataDirectory(template).release();
  mkdirSync(join(template, 'meetings'));
  deadPid = exitedPid();
  contenders = Array.from({ length: CONTENDERS }, () => fork(CONTENDER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  await Promise.all(contenders.map((c) => next(c, 'ready')));
}, 60_000);

afterAll(() => {
  for (const c of contenders) if (c.connected) tell(c, { type: 'exit' });
  rmSync(work, { recursive: true, force: true });
});

describe('issue 16: the lock takeover is atomic', () => {
  it(`leaves exactly one owner, named by the lock, when ${CONTENDERS} processes take over a stale lock at once (${TRIALS} trials)`, async () => {
    const owners: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      if (processAlive(deadPid)) deadPid = exitedPid(); // its pid was given to another process meanwhile
      const dir = crashedDirectory(trial);
      const at = Date.now() + 15;
      const reports = contenders.map((c) => next(c, 'opened'));
      for (const c of contenders) tell(c, { type: 'open', dir, at });
      const opened = await Promise.all(reports);
      const winners = opened.filter((r) => r.owns);
      owners.push(winners.length);
      expect(winners, `trial ${trial}: processes that believe they own the directory`).toHaveLength(1);
      const winner = winners[0]!;
      // The lock on disk names the one owner: its process, its computer, its nonce.
      const lock = JSON.parse(readFileSync(join(dir, 'pusiaukele.lock'), 'utf8')) as { pid: number; host: string; nonce: string };
      expect(lock).toMatchObject({ pid: winner.pid, host: hostname(), nonce: winner.owns ? winner.nonce : '' });
      // Everyone else was told it is locked, by whom; no claim or draft is left beside the lock.
      for (const r of opened) if (!r.owns) expect(r.code).toBe('DATA_DIR_LOCKED');
      expect(readdirSync(dir).filter((name) => name.startsWith('pusiaukele.lock')), `trial ${trial}`).toEqual(['pusiaukele.lock']);
      const owner = contenders.find((c) => c.pid === winner.pid)!;
      const released = next(owner, 'released');
      tell(owner, { type: 'release' });
      await released;
      expect(existsSync(join(dir, 'pusiaukele.lock'))).toBe(false);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(owners.filter((n) => n !== 1)).toEqual([]);
  }, 120_000);
});
