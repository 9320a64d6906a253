import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { ADMIN, as, firstAdministrator, openAsStaff, signedIn } from '../helpers/users';

/** A clock the test moves by hand. */
function clock(start = '2026-11-23T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advanceMinutes: (m: number) => (t += m * 60_000) };
}

async function setUp(idleMinutes = 10) {
  const c = clock();
  const services = await openServices({ dataDir: tempDataDir(), today: '2026-11-23', verifyOnOpen: false, now: c.now });
  const admin = await firstAdministrator(services);
  await ok(as(services, admin), 'settings.save', { ...DEMO_SETTINGS, revision: 0, security: { idleMinutes } });
  return { services, admin, clock: c };
}

describe('signing in (users-and-roles issue)', () => {
  it('on first start asks for the administrator, once', async () => {
    const services = await openServices({ dataDir: tempDataDir(), verifyOnOpen: false });
    expect(await ok(services.dispatch, 'auth.status', {})).toMatchObject({ setUp: false, user: null, locked: false });
    expect((await refused(services.dispatch, 'cases.list', {})).code).toBe('UNAUTHENTICATED');
    const { session, user } = await ok(services.dispatch, 'auth.createAdministrator', ADMIN);
    expect(user).toMatchObject({ username: 'admin', roles: ['administrator'], mustChangePassword: false });
    expect(await ok(as(services, session), 'auth.status', {})).toMatchObject({ setUp: true, user: { username: 'admin' } });
    expect((await refused(services.dispatch, 'auth.createAdministrator', { ...ADMIN, username: 'kitas' })).code).toBe('ALREADY_SET_UP');
    await services.close();
  });

  it('locks the account after 5 wrong passwords, for a while, even against the right one', async () => {
    const { services, admin, clock: c } = await setUp();
    await signedIn(services, admin, 'sekretore', ['secretary']);
    for (let i = 1; i <= 4; i++) {
      const e = await refused(services.dispatch, 'auth.login', { username: 'sekretore', password: 'neteisingas' });
      expect(e.code).toBe('WRONG_CREDENTIALS');
    }
    expect((await refused(services.dispatch, 'auth.login', { username: 'sekretore', password: 'neteisingas' })).code).toBe('ACCOUNT_LOCKED');
    const locked = await refused(services.dispatch, 'auth.login', { username: 'sekretore', password: 'Naujas-sekretore-2' });
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    expect(locked.message).toMatch(/laikinai užrakinta/);
    const view = (await ok(as(services, admin), 'users.list', {})).find((u) => u.username === 'sekretore');
    expect(view?.lockedUntil).toBe('2026-11-23T08:15:00.000Z');
    c.advanceMinutes(16);
    await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: 'Naujas-sekretore-2' });
    await services.close();
  });

  it('does not say whether a user name exists', async () => {
    const { services } = await setUp();
    const unknown = await refused(services.dispatch, 'auth.login', { username: 'nera', password: 'bet-koks-slaptazodis' });
    const wrong = await refused(services.dispatch, 'auth.login', { username: 'admin', password: 'bet-koks-slaptazodis' });
    expect(unknown.code).toBe('WRONG_CREDENTIALS');
    expect(wrong.code).toBe('WRONG_CREDENTIALS');
    expect(unknown.message).toBe('Neteisingas naudotojo vardas arba slaptažodis.');
    expect(wrong).toEqual(unknown); // the same answer, whether the name exists or not
    await services.close();
  });

  it('locks an idle session; the password unlocks it and work goes on', async () => {
    const { services, admin, clock: c } = await setUp(1);
    const secretary = await signedIn(services, admin, 'sekretore', ['secretary']);
    await ok(as(services, secretary), 'cases.list', {});
    // Activity reported by the UI (auth.touch) keeps the session open; auth.status does not.
    c.advanceMinutes(0.9);
    await ok(as(services, secretary), 'auth.touch', {});
    c.advanceMinutes(0.9);
    await ok(as(services, secretary), 'auth.status', {});
    await ok(as(services, secretary), 'cases.list', {});
    c.advanceMinutes(2);
    expect((await refused(as(services, secretary), 'cases.list', {})).code).toBe('SESSION_LOCKED');
    expect(await ok(as(services, secretary), 'auth.status', {})).toMatchObject({ locked: true, user: { username: 'sekretore' } });
    expect((await refused(as(services, secretary), 'auth.unlock', { password: 'neteisingas' })).code).toBe('WRONG_CREDENTIALS');
    await ok(as(services, secretary), 'auth.unlock', { password: 'Naujas-sekretore-2' });
    await ok(as(services, secretary), 'cases.list', {});
    await services.close();
  });

  it('after a reset by the administrator the user must change the password before anything else', async () => {
    const { services, admin } = await setUp();
    const member = await signedIn(services, admin, 'narys', ['member']);
    const { id, revision } = (await ok(as(services, admin), 'users.list', {})).find((u) => u.username === 'narys')!;
    await ok(as(services, admin), 'users.resetPassword', { id, revision, password: 'Laikinas-slaptazodis' });
    expect((await refused(as(services, member), 'cases.list', {})).code).toBe('UNAUTHENTICATED'); // signed out everywhere
    const { session, user } = await ok(services.dispatch, 'auth.login', { username: 'narys', password: 'Laikinas-slaptazodis' });
    expect(user.mustChangePassword).toBe(true);
    expect((await refused(as(services, session), 'cases.list', {})).code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await refused(as(services, session), 'auth.changePassword', { currentPassword: 'Laikinas-slaptazodis', newPassword: 'Laikinas-slaptazodis' });
    expect(same.code).toBe('PASSWORD_UNCHANGED');
    await ok(as(services, session), 'auth.changePassword', { currentPassword: 'Laikinas-slaptazodis', newPassword: 'Mano-naujas-slaptazodis' });
    await ok(as(services, session), 'cases.list', {});
    await services.close();
  });

  it('keeps at least one active administrator, and a deactivated user cannot sign in', async () => {
    const { services, admin } = await setUp();
    const adminId = (await ok(as(services, admin), 'auth.status', {})).user!.id;
    const adminRevision = (await ok(as(services, admin), 'users.list', {})).find((u) => u.id === adminId)!.revision;
    const last = await refused(as(services, admin), 'users.update', { id: adminId, revision: adminRevision, displayName: 'Ona', roles: ['secretary'], active: true });
    expect(last.code).toBe('LAST_ADMINISTRATOR');
    await signedIn(services, admin, 'buves', ['member']);
    const { id, revision } = (await ok(as(services, admin), 'users.list', {})).find((u) => u.username === 'buves')!;
    await ok(as(services, admin), 'users.update', { id, revision, displayName: 'Buvęs narys', roles: ['member'], active: false });
    expect((await refused(services.dispatch, 'auth.login', { username: 'buves', password: 'Naujas-buves-2' })).code).toBe('WRONG_CREDENTIALS');
    expect((await refused(as(services, admin), 'users.create', { username: 'Buves', displayName: 'x', roles: ['member'], password: 'Slaptazodis-123' })).code).toBe('INVALID_INPUT');
    expect((await refused(as(services, admin), 'users.create', { username: 'buves', displayName: 'x', roles: ['member'], password: 'Slaptazodis-123' })).code).toBe('USERNAME_TAKEN');
    await services.close();
  });

  it('a restart signs everyone out, and the users stay', async () => {
    const dataDir = tempDataDir();
    const services = await openServices({ dataDir, verifyOnOpen: false });
    const admin = await firstAdministrator(services);
    await services.close();
    const again = await openServices({ dataDir, verifyOnOpen: false });
    expect((await refused(as(again, admin), 'users.list', {})).code).toBe('UNAUTHENTICATED');
    expect(await ok(again.dispatch, 'auth.status', {})).toMatchObject({ setUp: true, user: null });
    await ok(again.dispatch, 'auth.login', { username: 'admin', password: ADMIN.password });
    await again.close();
  });

  it('counts guesses sent all at once: the lockout cannot be outrun, and the right password among them fails too', async () => {
    const { services, admin } = await setUp();
    await signedIn(services, admin, 'direktorius', ['director']);
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 17 ? 'Naujas-direktorius-2' : `spejimas-${i}`));
    const results = await Promise.all(guesses.map((password) => services.dispatch('auth.login', { username: 'direktorius', password })));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results.filter((r) => !r.ok && r.error.code === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(25);
    expect((await refused(services.dispatch, 'auth.login', { username: 'direktorius', password: 'Naujas-direktorius-2' })).code).toBe('ACCOUNT_LOCKED');
    await services.close();
  });

  it('creates one first administrator even when asked twice at once, and none where data exists without users', async () => {
    const dataDir = tempDataDir();
    const services = await openServices({ dataDir, verifyOnOpen: false });
    const results = await Promise.all([
      services.dispatch('auth.createAdministrator', ADMIN),
      services.dispatch('auth.createAdministrator', { ...ADMIN, username: 'isibrovelis' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'ALREADY_SET_UP' } });
    await services.close();
    rmSync(join(dataDir, 'users.json'));
    // Issue 16: the integrity manifest knows the users file was there; the app does not open without it…
    await expect(openServices({ dataDir, verifyOnOpen: false })).rejects.toMatchObject({ code: 'USERS_ROLLED_BACK' });
    // …and when the holder of the data key takes the directory as it is, nobody can make themself administrator of the data there.
    const again = await openServices({ dataDir, verifyOnOpen: false, acceptIntegrity: true });
    expect(await ok(again.dispatch, 'auth.status', {})).toMatchObject({ setUp: true });
    expect((await refused(again.dispatch, 'auth.createAdministrator', { ...ADMIN, username: 'isibrovelis' })).code).toBe('USERS_MISSING');
    await again.close();
  });

  it('a user deactivated while their sign-in is being checked does not get a session', async () => {
    const { services, admin } = await setUp();
    await signedIn(services, admin, 'buves', ['member']);
    const { id, revision } = (await ok(as(services, admin), 'users.list', {})).find((u) => u.username === 'buves')!;
    const login = services.dispatch('auth.login', { username: 'buves', password: 'Naujas-buves-2' });
    await ok(as(services, admin), 'users.update', { id, revision, displayName: 'Buvęs', roles: ['member'], active: false });
    const result = await login;
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect((await ok(as(services, admin), 'users.list', {})).find((u) => u.id === id)?.active).toBe(false);
    await services.close();
  });

  it('a locked session and a changed password: the UI can lock the session; changing the password signs out the other sessions', async () => {
    const { services, admin } = await setUp();
    const first = await signedIn(services, admin, 'sekretore', ['secretary']);
    const { session: second } = await ok(services.dispatch, 'auth.login', { username: 'sekretore', password: 'Naujas-sekretore-2' });
    await ok(as(services, first), 'auth.lock', {});
    expect((await refused(as(services, first), 'cases.list', {})).code).toBe('SESSION_LOCKED');
    await ok(as(services, first), 'auth.changePassword', { currentPassword: 'Naujas-sekretore-2', newPassword: 'Dar-naujesnis-3' });
    await ok(as(services, first), 'cases.list', {}); // changing the password unlocked this session
    expect((await refused(as(services, second), 'cases.list', {})).code).toBe('UNAUTHENTICATED');
    await services.close();
  });
});

describe('a password changed while an administrator resets it (issue 13, no silent overwrites)', () => {
  it("the administrator's reset stands; the user's change, checked against the old password, is refused", async () => {
    const services = await openAsStaff({ dataDir: tempDataDir(), verifyOnOpen: false });
    try {
      const session = await signedIn(services, services.session, 'vartotojas', ['member']);
      const users = await ok(services.dispatch, 'users.list', {});
      const user = users.find((u) => u.username === 'vartotojas')!;
      // The user's change checks the old password and hashes the new one; meanwhile the reset is written.
      const change = services.dispatch('auth.changePassword', { currentPassword: 'Naujas-vartotojas-2', newPassword: 'Mano-naujas-slaptazodis-3' }, session);
      await ok(services.dispatch, 'users.resetPassword', { id: user.id, revision: user.revision, password: 'Administratoriaus-4' });
      const result = await change;
      expect(result.ok ? 'saved' : result.error.code).toBe('WRONG_CREDENTIALS');
      expect((await services.dispatch('auth.login', { username: 'vartotojas', password: 'Mano-naujas-slaptazodis-3' })).ok).toBe(false);
      expect((await services.dispatch('auth.login', { username: 'vartotojas', password: 'Administratoriaus-4' })).ok).toBe(true);
    } finally {
      await services.close();
    }
  });
});
