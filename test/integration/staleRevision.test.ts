// Issue 13: no silent overwrites. Every change of the settings or of a user says which revision it
// was based on; a change based on a stale revision is refused with STALE_REVISION, naming the fields
// the other user changed, and nothing the other user saved is lost.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { openServices, type Services } from '../../electron/services/index';
import { ok, refused, tempDataDir } from '../helpers/dataDir';
import { storeFiles } from '../helpers/storeFiles';
import { as, firstAdministrator, signedIn } from '../helpers/users';

const TODAY = '2026-11-23';

/** Two administrators (two people, or two windows: each its own session), the settings entered once. */
async function twoAdministrators(dataDir = tempDataDir()) {
  const services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false });
  const first = await firstAdministrator(services);
  const second = await signedIn(services, first, 'administratore', ['administrator']);
  await ok(as(services, first), 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  return { services, a: as(services, first), b: as(services, second) };
}

const userNamed = async (dispatch: ReturnType<typeof as>, username: string) => (await ok(dispatch, 'users.list', {})).find((u) => u.username === username)!;

describe('the settings: a save based on a stale revision is refused (issue 13)', () => {
  it('two administrators load the settings and both save: the second is told what the first changed, and loses nothing by reloading', async () => {
    const { services, a, b } = await twoAdministrators();
    const loadedByA = (await ok(a, 'settings.get', {}))!;
    const loadedByB = (await ok(b, 'settings.get', {}))!;
    expect(loadedByA.revision).toBe(1);
    expect(loadedByB).toEqual(loadedByA);

    const savedByA = await ok(a, 'settings.save', {
      ...loadedByA,
      institution: { ...loadedByA.institution, name: 'Pravieniškių pataisos namai-atvira kolonija' },
      security: { idleMinutes: 25 },
    });
    expect(savedByA.revision).toBe(2);

    // B typed another change on the version A has since replaced.
    const typedByB = { ...loadedByB, institution: { ...loadedByB.institution, places: 77 } };
    const error = await refused(b, 'settings.save', typedByB);
    expect(error.code).toBe('STALE_REVISION');
    expect(error.message).toBe('Nustatymus ką tik pakeitė kitas naudotojas arba kitas langas. Peržiūrėkite pakeitimus ir išsaugokite dar kartą.');
    expect(error.messageEn).toContain('another user');
    expect(error.params).toEqual({ kind: 'settings', revision: 2, changed: ['institution.name', 'security.idleMinutes'] });

    // Nothing of A's save is lost, and nothing of B's refused one was written.
    const after = (await ok(b, 'settings.get', {}))!;
    expect(after).toEqual(savedByA);
    expect(after.institution.places).toBe(loadedByB.institution.places);

    // B reloads, applies the change again and saves: both changes are kept.
    const reloaded = (await ok(b, 'settings.get', {}))!;
    const savedByB = await ok(b, 'settings.save', { ...reloaded, institution: { ...reloaded.institution, places: 77 } });
    expect(savedByB.revision).toBe(3);
    expect((await ok(a, 'settings.get', {}))!).toMatchObject({
      revision: 3,
      institution: { name: 'Pravieniškių pataisos namai-atvira kolonija', places: 77 },
      security: { idleMinutes: 25 },
    });

    // A's window, still on revision 2, is refused in turn; the list names B's change only.
    expect((await refused(a, 'settings.save', savedByA)).params).toEqual({ kind: 'settings', revision: 3, changed: ['institution.places'] });
    // A revision from nowhere is refused too; and so is a first entry when the settings already exist.
    expect((await refused(a, 'settings.save', { ...savedByB, revision: 9 })).code).toBe('STALE_REVISION');
    const first = await refused(a, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    expect(first.code).toBe('STALE_REVISION');
    expect((first.params as { changed: string[] }).changed).toEqual(expect.arrayContaining(['institution.name', 'institution.places', 'security.idleMinutes']));
    // The revision is part of the input: a save that does not say it is refused.
    expect((await refused(a, 'settings.save', DEMO_SETTINGS)).code).toBe('INVALID_INPUT');
    await services.close();
  });

  it('two windows of one administrator are two sessions: the same refusal; lists (other institutions) count as one field', async () => {
    const dataDir = tempDataDir();
    const { services, a } = await twoAdministrators(dataDir);
    const { session } = await ok(services.dispatch, 'auth.login', { username: 'admin', password: 'Admin-slaptazodis-1' });
    const otherWindow = as(services, session);
    const loaded = (await ok(a, 'settings.get', {}))!;
    await ok(otherWindow, 'settings.save', { ...loaded, otherInstitutions: loaded.otherInstitutions.slice(1) });
    const error = await refused(a, 'settings.save', { ...loaded, security: { idleMinutes: 12 } });
    expect(error.params).toEqual({ kind: 'settings', revision: 2, changed: ['otherInstitutions'] });
    expect((await ok(a, 'settings.get', {}))!.otherInstitutions).toEqual(loaded.otherInstitutions.slice(1));
    await services.close();
  });

  it('settings written before revisions are at revision 0; a damaged file is entered again whatever the form was based on', async () => {
    const dataDir = tempDataDir();
    const { services } = await twoAdministrators(dataDir);
    await services.close();
    const files = await storeFiles(dataDir);
    const { revision: _dropped, ...old } = files.read('settings.json') as Record<string, unknown>;
    files.write(['settings.json'], old);

    const reopened = await openServices({ dataDir, today: TODAY, verifyOnOpen: false });
    const admin = as(reopened, (await ok(reopened.dispatch, 'auth.login', { username: 'admin', password: 'Admin-slaptazodis-1' })).session);
    const loaded = (await ok(admin, 'settings.get', {}))!;
    expect(loaded.revision).toBe(0);
    expect((await ok(admin, 'settings.save', loaded)).revision).toBe(1);
    expect((await refused(admin, 'settings.save', loaded)).code).toBe('STALE_REVISION');

    writeFileSync(join(dataDir, 'settings.json'), 'not json');
    expect((await refused(admin, 'settings.get', {})).code).toBe('SETTINGS_DAMAGED');
    // Nobody could load the damaged file: entering the settings again is allowed, on a revision never used.
    const repaired = await ok(admin, 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    expect(repaired.revision).toBe(2);
    expect((await ok(admin, 'settings.get', {}))!.revision).toBe(2);
    await reopened.close();
  });
});

describe('the users: a change based on a stale revision is refused (issue 13)', () => {
  async function withUser() {
    const { services, a, b } = await twoAdministrators();
    const first = (await ok(a, 'auth.status', {})).user!;
    await signedIn(services, (await ok(services.dispatch, 'auth.login', { username: 'admin', password: 'Admin-slaptazodis-1' })).session, 'narys', ['member']);
    return { services, a, b, adminId: first.id };
  }

  it('users.update: the second administrator is told what the first changed; after reloading, both changes are kept', async () => {
    const { services, a, b } = await withUser();
    const seenByA = await userNamed(a, 'narys');
    const seenByB = await userNamed(b, 'narys');
    expect(seenByA.revision).toBe(2); // created, then the user's own password change

    const changedByA = await ok(a, 'users.update', { id: seenByA.id, revision: seenByA.revision, displayName: 'Narys Narauskas', roles: ['member'], active: true });
    expect(changedByA.revision).toBe(3);

    const error = await refused(b, 'users.update', { id: seenByB.id, revision: seenByB.revision, displayName: seenByB.displayName, roles: ['member', 'chair'], active: true });
    expect(error.code).toBe('STALE_REVISION');
    expect(error.message).toBe('Šią naudotojo paskyrą ką tik pakeitė kitas naudotojas arba kitas langas. Peržiūrėkite pakeitimus ir išsaugokite dar kartą.');
    expect(error.params).toEqual({ kind: 'user', id: seenByA.id, revision: 3, changed: ['displayName'] });
    expect(await userNamed(b, 'narys')).toEqual(changedByA); // nothing of A's change is lost, nothing of B's written

    const reloaded = await userNamed(b, 'narys');
    const changedByB = await ok(b, 'users.update', { id: reloaded.id, revision: reloaded.revision, displayName: reloaded.displayName, roles: ['member', 'chair'], active: true });
    expect(changedByB).toMatchObject({ revision: 4, displayName: 'Narys Narauskas', roles: ['member', 'chair'] });
    // The revision is part of the input.
    expect((await refused(a, 'users.update', { id: reloaded.id, displayName: 'X', roles: ['member'], active: true })).code).toBe('INVALID_INPUT');
    await services.close();
  });

  it('users.resetPassword: a reset on a stale revision is refused, and the password set first stays', async () => {
    const { services, a, b } = await withUser();
    const seenByA = await userNamed(a, 'narys');
    const seenByB = await userNamed(b, 'narys');
    const reset = await ok(a, 'users.resetPassword', { id: seenByA.id, revision: seenByA.revision, password: 'Pirmasis-laikinas-1' });
    expect(reset).toMatchObject({ revision: seenByA.revision + 1, mustChangePassword: true });

    const error = await refused(b, 'users.resetPassword', { id: seenByB.id, revision: seenByB.revision, password: 'Antrasis-laikinas-2' });
    expect(error.code).toBe('STALE_REVISION');
    expect(error.params).toEqual({ kind: 'user', id: seenByA.id, revision: reset.revision, changed: ['password', 'mustChangePassword'] });
    expect((await ok(services.dispatch, 'auth.login', { username: 'narys', password: 'Pirmasis-laikinas-1' })).user.mustChangePassword).toBe(true);
    expect((await refused(services.dispatch, 'auth.login', { username: 'narys', password: 'Antrasis-laikinas-2' })).code).toBe('WRONG_CREDENTIALS');

    // A name changed meanwhile makes a reset stale too: the administrator sees the user as they are now.
    const now = await userNamed(b, 'narys');
    await ok(a, 'users.update', { id: now.id, revision: now.revision, displayName: 'Narys Pervardytas', roles: ['member'], active: true });
    expect((await refused(b, 'users.resetPassword', { id: now.id, revision: now.revision, password: 'Antrasis-laikinas-2' })).params).toMatchObject({ changed: ['displayName'] });
    const latest = await userNamed(b, 'narys');
    expect(await ok(b, 'users.resetPassword', { id: latest.id, revision: latest.revision, password: 'Antrasis-laikinas-2' })).toMatchObject({ revision: latest.revision + 1 });

    // Two resets sent at once on the same revision: the password is hashed meanwhile, and only one is kept.
    const both = await userNamed(a, 'narys');
    const results = await Promise.all(
      (['Treciasis-laikinas-3', 'Ketvirtasis-laikinas-4'] as const).map((password, i) => (i === 0 ? a : b)('users.resetPassword', { id: both.id, revision: both.revision, password })),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['STALE_REVISION', 'ok']);
    expect((await userNamed(a, 'narys')).revision).toBe(both.revision + 1);
    await services.close();
  });

  it('sign-in bookkeeping (wrong passwords, a good one, even the lockout) does not make an administrator\'s change stale; the user\'s own password change does', async () => {
    const { services, a } = await withUser();
    const seen = await userNamed(a, 'narys');
    for (let i = 0; i < 2; i++) expect((await refused(services.dispatch, 'auth.login', { username: 'narys', password: 'neteisingas' })).code).toBe('WRONG_CREDENTIALS');
    await ok(services.dispatch, 'auth.login', { username: 'narys', password: 'Naujas-narys-2' });
    for (let i = 0; i < 5; i++) await refused(services.dispatch, 'auth.login', { username: 'narys', password: 'neteisingas' });
    const locked = await userNamed(a, 'narys');
    expect(locked.lockedUntil).toBeDefined();
    expect(locked.revision).toBe(seen.revision);
    const changed = await ok(a, 'users.update', { id: seen.id, revision: seen.revision, displayName: 'Narys po klaidų', roles: ['member'], active: true });
    expect(changed.revision).toBe(seen.revision + 1);

    // The user changes their own password (no revision asked): the administrator's form is then stale.
    const other = await userNamed(a, 'administratore');
    const { session } = await ok(services.dispatch, 'auth.login', { username: 'administratore', password: 'Naujas-administratore-2' });
    await ok(as(services, session), 'auth.changePassword', { currentPassword: 'Naujas-administratore-2', newPassword: 'Trecias-administratore-3' });
    const error = await refused(a, 'users.update', { id: other.id, revision: other.revision, displayName: 'Kita administratorė', roles: ['administrator'], active: true });
    expect(error.params).toEqual({ kind: 'user', id: other.id, revision: other.revision + 1, changed: ['password'] });
    await services.close();
  });

  it('users written before revisions are at revision 1', async () => {
    const dataDir = tempDataDir();
    const { services } = await twoAdministrators(dataDir);
    await services.close();
    const files = await storeFiles(dataDir);
    const stored = files.read('users.json') as { users: Record<string, unknown>[] };
    files.write(['users.json'], { users: stored.users.map(({ revision: _dropped, ...u }) => u) });

    const reopened: Services = await openServices({ dataDir, today: TODAY, verifyOnOpen: false });
    const admin = as(reopened, (await ok(reopened.dispatch, 'auth.login', { username: 'admin', password: 'Admin-slaptazodis-1' })).session);
    const users = await ok(admin, 'users.list', {});
    expect(users.map((u) => u.revision)).toEqual(users.map(() => 1));
    const other = users.find((u) => u.username === 'administratore')!;
    expect((await ok(admin, 'users.update', { id: other.id, revision: 1, displayName: 'Kita', roles: ['administrator'], active: true })).revision).toBe(2);
    await reopened.close();
  });
});
