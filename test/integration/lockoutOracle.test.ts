/**
 * Issue 16, "Host: the lockout answers the same for unknown names, in the same time": signing in
 * with a name nobody has answers exactly as a known name with a wrong password, attempt after
 * attempt (the same code, parameters and texts, the lockout included), and takes as long. And a
 * known user is not locked out of their work by someone guessing at the sign-in screen: that
 * lockout holds the sign-in screen only; their open sessions go on and unlock with their password.
 */
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/services/index';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../../electron/services/users/app';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { ADMIN, as, firstAdministrator, signedIn } from '../helpers/users';

function clock(start = '2026-11-23T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advanceMinutes: (m: number) => (t += m * 60_000) };
}

const opened: Services[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function setUp(idleMinutes = 10) {
  const c = clock();
  const dataDir = tempDataDir();
  const services = await openServices({ dataDir, today: '2026-11-23', verifyOnOpen: false, now: c.now });
  opened.push(services);
  const admin = await firstAdministrator(services);
  await ok(as(services, admin), 'settings.save', { ...DEMO_SETTINGS, revision: 0, security: { idleMinutes } });
  const secretary = await signedIn(services, admin, 'sekretore', ['secretary']);
  return { services, admin, secretary, clock: c, dataDir };
}

const login = (services: Services, username: string, password: string) => refused(services.dispatch, 'auth.login', { username, password });

/** Let the lockout's write, made after the answer, happen. */
const settle = () => new Promise((r) => setImmediate(r));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('the lockout tells nothing about which names exist (issue 16)', () => {
  it('issue 16 "the lockout answers the same for unknown names": attempt after attempt, a name nobody has, a deactivated account and a known name with a wrong password get the same code, parameters and texts, the lockout included', async () => {
    const { services, admin } = await setUp();
    await signedIn(services, admin, 'buves', ['member']);
    const gone = (await ok(as(services, admin), 'users.list', {})).find((u) => u.username === 'buves')!;
    await ok(as(services, admin), 'users.update', { id: gone.id, revision: gone.revision, displayName: 'Buvęs', roles: ['member'], active: false });

    const answers: { known: unknown[]; unknown: unknown[]; deactivated: unknown[] } = { known: [], unknown: [], deactivated: [] };
    for (let i = 1; i <= MAX_FAILED_ATTEMPTS + 3; i++) {
      // Past the lockout, the known name's own password is tried too: still the same answer.
      answers.known.push(await login(services, 'sekretore', i > MAX_FAILED_ATTEMPTS ? 'Naujas-sekretore-2' : `spejimas-${i}`));
      answers.unknown.push(await login(services, 'niekas-toks', `spejimas-${i}`));
      answers.deactivated.push(await login(services, 'buves', i > MAX_FAILED_ATTEMPTS ? 'Naujas-buves-2' : `spejimas-${i}`));
      await settle();
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.deactivated).toEqual(answers.known);
    const codes = answers.known.map((a) => (a as { code: string }).code);
    expect(codes).toEqual([...Array(MAX_FAILED_ATTEMPTS - 1).fill('WRONG_CREDENTIALS'), ...Array(4).fill('ACCOUNT_LOCKED')]);
    expect(answers.known[MAX_FAILED_ATTEMPTS]).toMatchObject({
      params: { lockedUntil: '2026-11-23T08:15:00.000Z', after: MAX_FAILED_ATTEMPTS },
      message: expect.stringMatching(/^Paskyra laikinai užrakinta po 5 neteisingų slaptažodžių\. Bandykite vėl po \d\d:\d\d arba kreipkitės į administratorių\.$/),
    });
  });

  it('issue 16 "the lockout answers the same for unknown names": after the lockout both names are open again, and lock again alike', async () => {
    const { services, clock: c } = await setUp();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      await login(services, 'sekretore', 'neteisingas');
      await login(services, 'niekas-toks', 'neteisingas');
    }
    await settle();
    c.advanceMinutes(LOCKOUT_MINUTES + 1);
    const known = [];
    const unknown = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      known.push(await login(services, 'sekretore', 'neteisingas'));
      unknown.push(await login(services, 'niekas-toks', 'neteisingas'));
    }
    expect(unknown).toEqual(known);
    expect(known.map((k) => k.code)).toEqual(['WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'ACCOUNT_LOCKED']);
  });

  it('issue 16 "in the same time": a known name with a wrong password and a name nobody has take as long (medians of 20 tries within 25%)', async () => {
    const { services, clock: c } = await setUp();
    const timed = async (username: string) => {
      const start = performance.now();
      const answer = await login(services, username, 'neteisingas-slaptazodis');
      return { ms: performance.now() - start, code: answer.code };
    };
    // Warm up, then alternate, so that the machine's drift falls on both alike.
    for (let i = 0; i < 2; i++) await timed(`apsiltimas-${i}`);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 20; i++) {
      const k = await timed('sekretore');
      const u = await timed('niekas-toks');
      expect(u.code).toBe(k.code);
      known.push(k.ms);
      unknown.push(u.ms);
      if (k.code === 'ACCOUNT_LOCKED') {
        await settle();
        c.advanceMinutes(LOCKOUT_MINUTES + 1); // both open again: most tries go through the real check
      }
    }
    const [mk, mu] = [median(known), median(unknown)];
    expect(Math.abs(mk - mu) / Math.max(mk, mu), `medians ${mk.toFixed(1)} ms (known) and ${mu.toFixed(1)} ms (unknown)`).toBeLessThan(0.25);
  });
});

describe('someone else cannot lock a known user out of their work (issue 16)', () => {
  it('issue 16 "a way to lock a known user out": guesses at the sign-in screen lock the sign-in only; the user\'s open session goes on, and unlocks with their password after the idle lock', async () => {
    const { services, secretary, clock: c } = await setUp(1);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await login(services, 'sekretore', 'kazkieno-spejimas');
    await settle();
    expect((await login(services, 'sekretore', 'Naujas-sekretore-2')).code).toBe('ACCOUNT_LOCKED');
    await ok(as(services, secretary), 'cases.list', {});
    c.advanceMinutes(2);
    expect((await refused(as(services, secretary), 'cases.list', {})).code).toBe('SESSION_LOCKED');
    // Her own session is a place of its own: attempts left are counted there.
    expect((await refused(as(services, secretary), 'auth.unlock', { password: 'neteisingas' })).params).toEqual({ attemptsLeft: MAX_FAILED_ATTEMPTS - 1 });
    await ok(as(services, secretary), 'auth.unlock', { password: 'Naujas-sekretore-2' });
    await ok(as(services, secretary), 'cases.list', {});
  });

  it('issue 16: wrong passwords typed into a session count there; the limit reached there locks the account and signs the user out everywhere', async () => {
    const { services, admin, secretary } = await setUp();
    const other = (await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: 'Naujas-sekretore-2' })).session;
    await ok(as(services, secretary), 'auth.lock', {});
    const left = [];
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) left.push((await refused(as(services, secretary), 'auth.unlock', { password: `spejimas-${i}` })).params);
    expect(left).toEqual([{ attemptsLeft: 4 }, { attemptsLeft: 3 }, { attemptsLeft: 2 }, { attemptsLeft: 1 }]);
    expect((await refused(as(services, secretary), 'auth.unlock', { password: 'spejimas-5' })).code).toBe('ACCOUNT_LOCKED');
    await settle();
    expect((await refused(as(services, other), 'cases.list', {})).code).toBe('UNAUTHENTICATED');
    expect((await login(services, 'sekretore', 'Naujas-sekretore-2')).code).toBe('ACCOUNT_LOCKED');
    const view = (await ok(as(services, admin), 'users.list', {})).find((u) => u.username === 'sekretore');
    expect(view?.lockedUntil).toBe('2026-11-23T08:15:00.000Z');
  });

  it('issue 16: the administrator\'s new password lifts the lockout at once; a known account\'s lockout is written and audited, so a restart keeps it', async () => {
    const { services, admin, dataDir } = await setUp();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await login(services, 'sekretore', 'neteisingas');
    await settle();
    const trail = await ok(as(services, admin), 'audit.list', {});
    expect(trail.some((e) => e.method === 'auth.login' && /Paskyra užrakinta iki 2026-11-23T08:15:00.000Z/.test(e.summary ?? ''))).toBe(true);
    await services.close();
    opened.splice(opened.indexOf(services), 1);

    const c = clock('2026-11-23T08:05:00.000Z');
    const again = await openServices({ dataDir, today: '2026-11-23', verifyOnOpen: false, now: c.now });
    opened.push(again);
    expect((await login(again, 'sekretore', 'Naujas-sekretore-2')).code).toBe('ACCOUNT_LOCKED');
    const adminAgain = (await ok(again.dispatch, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).session;
    const user = (await ok(as(again, adminAgain), 'users.list', {})).find((u) => u.username === 'sekretore')!;
    await ok(as(again, adminAgain), 'users.resetPassword', { id: user.id, revision: user.revision, password: 'Laikinas-slaptazodis-1' });
    await ok(again.dispatch, 'auth.login', { username: 'sekretore', password: 'Laikinas-slaptazodis-1' });
  });
});

describe('the lockout tells nothing through the events either (issue 16)', () => {
  it('an event stream sees no event when a known name is locked out at the sign-in screen, as none when an unknown one is', async () => {
    const { services } = await setUp();
    const events: string[] = [];
    const stop = services.onEvent((e) => events.push(`${e.type} ${JSON.stringify(e.payload)}`));
    for (let i = 1; i <= MAX_FAILED_ATTEMPTS; i++) {
      await login(services, 'sekretore', `spejimas-${i}`);
      await login(services, 'niekas-toks', `spejimas-${i}`);
      await settle();
    }
    await settle();
    stop();
    // The lockout holds all the same.
    expect((await login(services, 'sekretore', 'Naujas-sekretore-2')).code).toBe('ACCOUNT_LOCKED');
    expect(events).toEqual([]);
  });
});
