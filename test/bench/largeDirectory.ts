/**
 * The large data directory the benchmarks measure (issue 13, issue 17): filled as the demo fills one
 * (`npm run cli -- demo`), through the services' own calls, as the secretary and the commission make
 * them, with every state of the procedure, the dossiers with their documents, the demo commission and
 * its meetings with evaluations and votes for the decided cases (see MEETING_EVERY), and an audit
 * entry for every change. Only the writes are batched while a chunk of cases is prepared
 * (durableFile.ts, beginBatchedWrites): a file changed many times is written once, with its last
 * content, encrypted like every other; nothing is left out.
 */
import { execFileSync } from 'node:child_process';
import { openServices } from '../../electron/services/index';
import { beginBatchedWrites, finishBatchedWrites, flushBatchedWrites } from '../../electron/services/store/durableFile';
import { DEMO_SETTINGS, demoCases } from '../../electron/cli/demoData';
import { addDemoCases, ensureDemoCommission } from '../../electron/cli/demo';
import type { Dispatch } from '../../shared/contract/dispatch';

// The data directories are encrypted (issue 3): a passphrase for them unless one is given.
process.env.PUSIAUKELE_PASSPHRASE ||= 'bench-passphrase-pusiaukele';
export const PASSPHRASE = process.env.PUSIAUKELE_PASSPHRASE;

export const TODAY = '2026-11-23';

/**
 * Of the cases whose path goes through the commission, every this many is decided (or waits) at a
 * meeting; the others turn out ineligible before it. A decided case costs some fifteen meeting
 * writes (criteria, proposal, votes), each rewriting the meeting. The large directory's meetings are
 * still a few years' worth, ten cases each.
 */
const MEETING_EVERY = 3;
/** Cases seeded per call of addDemoCases (its meetings are held per call), and per batch of writes. */
const CHUNK = 500;

export async function unwrap<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The staff member who sets up and runs the cases: administrator and secretary. */
export const STAFF = { username: 'bench', displayName: 'Bench', password: 'Bench-slaptazodis-1' };

/**
 * Open the services signed in as the staff member who sets up and runs the cases (administrator
 * and secretary); their calls go through the same role checks as the UI's.
 */
export async function openSignedIn(dataDir: string): Promise<{ dispatch: Dispatch; close(): Promise<void> }> {
  const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false });
  const status = await unwrap<{ setUp: boolean }>(services.dispatch('auth.status', {}));
  const signIn = status.setUp ? services.dispatch('auth.login', { username: STAFF.username, password: STAFF.password }) : services.dispatch('auth.createAdministrator', STAFF);
  const { session, user } = await unwrap<{ session: string; user: { id: string } }>(signIn);
  const dispatch: Dispatch = (method, input) => services.dispatch(method, input, session);
  if (!status.setUp) {
    const { revision } = (await unwrap<{ id: string; revision: number }[]>(dispatch('users.list', {}))).find((u) => u.id === user.id)!;
    await unwrap(dispatch('users.update', { id: user.id, revision, displayName: STAFF.displayName, roles: ['administrator', 'secretary'], active: true }));
  }
  return { dispatch, close: () => services.close() };
}

/**
 * Fill `dataDir` with `count` demo cases with the commission and its meetings, each chunk's writes
 * batched, then wait for the system to have written them to disk (sync), as a directory in use has
 * them; returns how many meetings were written.
 */
export async function prepareLargeDirectory(dataDir: string, count: number): Promise<number> {
  const services = await openSignedIn(dataDir);
  await unwrap(services.dispatch('settings.save', { ...DEMO_SETTINGS, revision: 0 }));
  const demos = demoCases(TODAY, count, { meetingEvery: MEETING_EVERY });
  await ensureDemoCommission(services.dispatch, demos);
  for (let n = 0; n < demos.length; n += CHUNK) {
    beginBatchedWrites();
    try {
      await addDemoCases(services.dispatch, demos.slice(n, n + CHUNK));
    } finally {
      // Written by a thread of its own while the next chunk is prepared.
      flushBatchedWrites({ background: true });
    }
    if ((n + CHUNK) % 2000 === 0) process.stdout.write(`  … ${n + CHUNK} bylų\n`);
  }
  finishBatchedWrites();
  const { meetings } = await unwrap<{ meetings: unknown[] }>(services.dispatch('meetings.list', {}));
  await services.close();
  if (process.platform !== 'win32') execFileSync('sync');
  return meetings.length;
}
