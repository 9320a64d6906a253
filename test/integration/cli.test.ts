import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { DEMO_USERS } from '../../electron/cli/demo';
import type { Dispatch } from '../../shared/contract/dispatch';
import { ok, tempDataDir } from '../helpers/dataDir';

const run = promisify(execFile);

function cli(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    env: { ...process.env, PUSIAUKELE_TODAY: '2026-11-23' },
  });
}

describe('npm run cli -- demo', () => {
  it('fills a new data directory with cases at every stage, including the p. 5 and p. 19 flags', async () => {
    const dataDir = tempDataDir();
    const { stdout } = await cli('demo', '--data', dataDir);
    expect(stdout).toContain(`Įrašyta 39 demonstracinių bylų į ${dataDir}`);
    expect(stdout).toMatch(/archyvare\s+Demo-archyvare-2026\s+Archyvaras/);
    const services = await openServices({ dataDir, today: '2026-11-23', verifyOnOpen: false });
    const secretary = DEMO_USERS.find((u) => u.username === 'sekretore')!;
    const { session } = await ok(services.dispatch, 'auth.login', secretary);
    const dispatch: Dispatch = (m, i) => services.dispatch(m, i, session);
    const { cases } = await ok(dispatch, 'cases.list', {});
    expect(cases).toHaveLength(39);
    const states = new Set(cases.map((c) => c.state));
    for (const state of ['request_received', 'dossier_collecting', 'dossier_received', 'scheduled', 'decided', 'listed', 'transferred', 'refused', 'withdrawn']) {
      expect(states).toContain(state);
    }
    expect(cases.some((c) => c.nextDeadline?.overdue)).toBe(true);
    expect(cases.flatMap((c) => c.flags).sort()).toEqual(['p19', 'p5']);
    expect(await ok(dispatch, 'settings.get', {})).toMatchObject({ institution: { runsHalfwayHouse: true } });
    await services.close();
  });

  it('refuses a data directory that is already in use, and says why in Lithuanian', async () => {
    const dataDir = tempDataDir();
    await cli('demo', '--data', dataDir, '--count', '2');
    const failed = await cli('demo', '--data', dataDir).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('DEMO_NOT_EMPTY');
  });
});
