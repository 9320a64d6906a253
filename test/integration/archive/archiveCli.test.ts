// Issue 15: the command line for archivists and administrators, run as a person runs it (a child
// process of `tsx electron/cli/main.ts`, with the passphrase and the user's password in the
// environment): export, verify, import, audit-verify, backup and restore, each with a non-zero exit
// and a one-line Lithuanian reason on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../electron/cli/demo';
import { openServices } from '../../../electron/services/index';
import { ok } from '../../helpers/calls';
import { FINAL_STATES } from '../../../shared/domain/caseStates';

const PASSPHRASE = 'bandomoji-slaptafrazė-2026';
const TODAY = '2026-11-23';

function cli(args: readonly string[], user?: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const account = DEMO_USERS.find((u) => u.username === user);
  const result = spawnSync('npx', ['tsx', 'electron/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PUSIAUKELE_PASSPHRASE: PASSPHRASE,
      PUSIAUKELE_TODAY: TODAY,
      ...(account ? { PUSIAUKELE_USER: account.username, PUSIAUKELE_PASSWORD: account.password } : {}),
      ...extraEnv,
    },
    timeout: 120_000,
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('the command line of the archivist and the administrator (issue 15)', () => {
  let root: string;
  let data: string;
  let caseId: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pusiaukele-cli-'));
    data = join(root, 'data');
    expect(cli(['demo', '--data', data, '--count', '12']).status).toBe(0);
    const services = await openServices({ dataDir: data, today: TODAY, verifyOnOpen: false, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
    try {
      const { session } = await ok(services.dispatch, 'auth.login', { username: 'archyvare', password: DEMO_USERS.find((u) => u.username === 'archyvare')!.password });
      const list = await ok((m, i) => services.dispatch(m, i, session), 'cases.list', {});
      // A closed case: an open one may not be copied in as a new case (the convict would have two open cases).
      caseId = list.cases.find((c) => c.state !== null && FINAL_STATES.includes(c.state))!.id;
    } finally {
      await services.close();
    }
  }, 300_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('export, verify and import a case; a refused user and a forged package exit non-zero with a Lithuanian reason', () => {
    const out = join(root, 'byla.zip');
    const denied = cli(['export', '--case', caseId, '--out', out, '--data', data], 'sekretore');
    expect(denied.status).toBe(2);
    expect(denied.err.trim().split('\n').at(-1)).toMatch(/^Klaida FORBIDDEN: /);
    expect(existsSync(out)).toBe(false);

    const exported = cli(['export', '--case', caseId, '--out', out, '--data', data], 'archyvare');
    expect(exported.status, exported.err).toBe(0);
    expect(exported.err).toContain('asmens duomenys saugomi atvirai');
    expect(exported.out).toContain(out);
    // Not a terminal: no progress bar in the output that a script reads.
    expect(exported.err).not.toContain('\r[');

    const verified = cli(['verify', out]);
    expect(verified.status, verified.out + verified.err).toBe(0);
    expect(verified.out).toContain('Paketas vientisas');

    // One byte of a payload file changed inside the zip (stored, so the bytes are there as they are).
    const bytes = readFileSync(out);
    const at = bytes.indexOf(Buffer.from('%PDF-')) + 40;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const forged = join(root, 'pakeistas.zip');
    writeFileSync(forged, bytes);
    const broken = cli(['verify', forged]);
    expect(broken.status).toBe(1);
    expect(broken.out).toContain('NEVIENTISAS');

    const again = cli(['import', out, '--data', data], 'archyvare');
    expect(again.status).toBe(2);
    expect(again.err).toMatch(/^Klaida ARCHIVE_CASE_EXISTS: /m);
    const imported = cli(['import', out, '--as-new', '--data', data], 'archyvare');
    expect(imported.status, imported.err).toBe(0);
    expect(imported.out).toMatch(/Importuota byla [0-9a-f-]{36}/);

    const audit = cli(['audit-verify', '--data', data], 'admin');
    expect(audit.status, audit.err).toBe(0);
    expect(audit.out).toMatch(/Audito žurnalas vientisas: \d+ įrašų/);
  }, 300_000);

  it('back up the directory and restore it into an empty one, which opens with the same passphrase', () => {
    const backup = join(root, 'kopija.zip');
    const made = cli(['backup', '--out', backup, '--data', data], 'admin');
    expect(made.status, made.err).toBe(0);
    const target = join(root, 'atkurta');
    const restored = cli(['restore', backup, '--data', target]);
    expect(restored.status, restored.err).toBe(0);
    expect(readdirSync(target).length).toBeGreaterThan(0);
    const audit = cli(['audit-verify', '--data', target], 'admin');
    expect(audit.status, audit.err).toBe(0);
    // Restoring over a directory with anything in it is refused, and it stays as it was.
    const occupied = cli(['restore', backup, '--data', data]);
    expect(occupied.status).toBe(2);
    expect(occupied.err.trim().split('\n')).toHaveLength(1);
  }, 300_000);
});
