// Issue 13: the audit trail names its subjects by id only. An administrator reads the trail but,
// by role, sees no case contents; so no summary may carry a convict's name, personal file number
// or a member's vote (V-77 p. 10–11: the members' votes belong to the minutes, not to the trail).
import { describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../electron/cli/demo';
import { openServices } from '../../electron/services/index';
import type { Dispatch } from '../../shared/contract/dispatch';
import { BALLOTS } from '../../shared/domain/voting';
import { ok, tempDataDir } from '../helpers/dataDir';

const TODAY = '2026-11-23';

async function signIn(dispatch: Dispatch, username: string): Promise<Dispatch> {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  const { session } = await ok(dispatch, 'auth.login', { username, password: user.password });
  return (m, i) => dispatch(m, i, session);
}

describe('the audit trail over a demo directory (issue 13)', () => {
  it("an administrator's audit.list holds no convict's name, personal file number or vote", async () => {
    const dataDir = tempDataDir();
    const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false });
    try {
      const summary = await seedDemo(services.dispatch, TODAY, 12, () => {});
      expect(summary.meetings.held).toBeGreaterThan(0);
      const admin = await signIn(services.dispatch, 'admin');
      const secretary = await signIn(services.dispatch, 'sekretore');
      const cases = await ok(secretary, 'cases.list', {});
      expect(cases.cases.length).toBeGreaterThan(10);

      const trail = await ok(admin, 'audit.list', {});
      const methods = new Set(trail.map((e) => e.method));
      // The trail covers what the test is about: registrations, the dossier, votes and the documents.
      for (const m of ['cases.register', 'dossier.attach', 'meetings.vote', 'meetings.saveDecision', 'meetings.close', 'documents.issue', 'documents.sign']) expect(methods).toContain(m);

      const text = trail.map((e) => JSON.stringify(e)).join('\n');
      const personal = cases.cases.flatMap((c) => [c.firstName, c.lastName, c.personalFileNo]);
      expect(personal.filter((p) => text.includes(p))).toEqual([]);
      // A vote: the ballot's value, in either language, is nowhere in the trail.
      const voteWords = [...BALLOTS, 'už', 'prieš', 'susilaik'];
      const votes = trail.filter((e) => e.method === 'meetings.vote');
      expect(votes.length).toBeGreaterThan(0);
      for (const v of votes) for (const w of voteWords) expect((v.summary ?? '').toLowerCase()).not.toMatch(new RegExp(`(^|[^\\p{L}])${w}`, 'u'));
      // Nor the decision proposed or adopted (10.1–10.4), which is the case's outcome.
      expect(trail.filter((e) => /\b10\.[1-4]\b/.test(e.summary ?? '')).map((e) => `${e.method}: ${e.summary}`)).toEqual([]);
    } finally {
      await services.close();
    }
  }, 120_000);
});
