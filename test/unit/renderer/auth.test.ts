import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/contract/roles';
import { alwaysShowsSigning, canReadCases, canWriteCases, isAdministrator, navigationFor, routeAllowed } from '../../../renderer/auth/access';
import {
  checkAdministrator,
  checkNewUser,
  checkPasswordChange,
  checkSignIn,
  checkUserEdit,
  fieldMessage,
  PASSWORD_MISMATCH,
  withRole,
} from '../../../renderer/auth/authForms';
import { idleRemainingMs, shouldTouch } from '../../../renderer/auth/idle';
import { authSignalOf, SessionGate } from '../../../renderer/auth/sessionGate';
import { parseRoute, routeHref } from '../../../renderer/router/routes';

describe('the users-and-roles issue: what the UI offers to each role', () => {
  it('shows the cases, meetings, places, documents, the signing queue and the commission to every case role, registering to the secretary, administration to the administrator', () => {
    expect(navigationFor(['secretary'])).toEqual(['home', 'cases', 'new', 'meetings', 'places', 'documents', 'signing', 'statistics', 'commission', 'archive']);
    expect(navigationFor(['member'])).toEqual(['home', 'cases', 'meetings', 'places', 'documents', 'signing', 'statistics', 'commission']);
    expect(navigationFor(['chair'])).toEqual(['home', 'cases', 'meetings', 'places', 'documents', 'signing', 'statistics', 'commission']);
    expect(navigationFor(['director'])).toEqual(['home', 'cases', 'meetings', 'places', 'documents', 'signing', 'statistics', 'commission']);
    expect(navigationFor(['archivist'])).toEqual(['home', 'cases', 'meetings', 'places', 'documents', 'signing', 'statistics', 'commission', 'archive']);
    // The administrator keeps the commission's membership (with the secretary) but sees no cases, meetings, places or documents.
    expect(navigationFor(['administrator'])).toEqual(['home', 'commission', 'archive', 'settings', 'users', 'audit']);
    expect(navigationFor(['administrator', 'secretary'])).toEqual(['home', 'cases', 'new', 'meetings', 'places', 'documents', 'signing', 'statistics', 'commission', 'archive', 'settings', 'users', 'audit']);
  });

  it('issue 14: opens the places and the list (V-77 p. 4, 12, 20) to the case readers, at #/places', () => {
    for (const role of ROLES) expect(routeAllowed('places', [role]), role).toBe(role !== 'administrator');
    expect(parseRoute('#/places')).toEqual({ name: 'places' });
    expect(routeHref({ name: 'places' })).toBe('#/places');
  });

  it('issue 6: opens the documents to case readers, the signing queue to the signers, the verification to everyone', () => {
    expect(routeAllowed('documents', ['archivist'])).toBe(true);
    expect(routeAllowed('documents', ['administrator'])).toBe(false);
    expect(routeAllowed('signing', ['director'])).toBe(true);
    // Issue 12, V-77 p. 20: any case reader may be the official of a line (the halfway-house employee
    // signs the list); the signing roles always see the queue, the others only while something awaits them.
    expect(routeAllowed('signing', ['member'])).toBe(true);
    expect(routeAllowed('signing', ['archivist'])).toBe(true);
    expect(routeAllowed('signing', ['administrator'])).toBe(false);
    expect([alwaysShowsSigning(['director']), alwaysShowsSigning(['chair']), alwaysShowsSigning(['archivist']), alwaysShowsSigning(['member'])]).toEqual([true, true, false, false]);
    for (const role of ROLES) expect(routeAllowed('verify', [role]), role).toBe(true);
    for (const name of ['documents', 'signing', 'verify'] as const) expect(parseRoute(routeHref({ name }))).toEqual({ name });
  });

  it('routes the meeting screens (issue 5)', () => {
    expect(parseRoute('#/meetings')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/commission')).toEqual({ name: 'commission' });
    expect(parseRoute('#/meetings/a%20b')).toEqual({ name: 'meeting', id: 'a b' });
    expect(routeHref({ name: 'meeting', id: 'a b' })).toBe('#/meetings/a%20b');
  });

  it('lets only the secretary write cases; the administrator alone reads none', () => {
    for (const role of ROLES) {
      expect(canWriteCases([role]), role).toBe(role === 'secretary');
      expect(canReadCases([role]), role).toBe(role !== 'administrator');
      expect(isAdministrator([role]), role).toBe(role === 'administrator');
    }
  });

  it('guards every screen; the password page is open to all', () => {
    const member: Role[] = ['member'];
    expect(routeAllowed('case', member)).toBe(true);
    expect(routeAllowed('new', member)).toBe(false);
    expect(routeAllowed('users', member)).toBe(false);
    expect(routeAllowed('settings', member)).toBe(false);
    expect(routeAllowed('audit', member)).toBe(false);
    expect(routeAllowed('password', member)).toBe(true);
    expect(routeAllowed('case', ['administrator'])).toBe(false);
    expect(routeAllowed('audit', ['administrator'])).toBe(true);
  });

  it('addresses the new screens', () => {
    for (const name of ['users', 'audit', 'password'] as const) {
      expect(parseRoute(`#/${name}`)).toEqual({ name });
      expect(routeHref({ name })).toBe(`#/${name}`);
    }
  });
});

describe('the users-and-roles issue: forms checked against the contract', () => {
  it('creates the administrator with a valid user name and a password typed twice', () => {
    const good = { username: 'ona.admin', displayName: 'Ona Administratorė', password: 'Slaptazodis-1', repeat: 'Slaptazodis-1' };
    expect(checkAdministrator(good)).toEqual({ input: { username: 'ona.admin', displayName: 'Ona Administratorė', password: 'Slaptazodis-1' }, errors: {} });
    expect(checkAdministrator({ ...good, repeat: 'Slaptazodis-2' })).toEqual({ input: null, errors: { repeat: PASSWORD_MISMATCH } });
    expect(checkAdministrator({ ...good, username: 'Ona Admin' }).errors).toEqual({ username: 'username' });
    expect(checkAdministrator({ username: '', displayName: '', password: 'short', repeat: '' }).errors).toEqual({
      username: 'required',
      displayName: 'required',
      password: 'passwordTooShort',
      repeat: PASSWORD_MISMATCH,
    });
  });

  it('signs in with anything typed; the password is never trimmed', () => {
    expect(checkSignIn({ username: 'ona', password: ' x ' }).input).toEqual({ username: 'ona', password: ' x ' });
    expect(checkSignIn({ username: '', password: '' }).errors).toEqual({ username: 'required', password: 'required' });
  });

  it('changes a password: the current one, a new one long enough, typed twice', () => {
    const ok = checkPasswordChange({ currentPassword: 'old', newPassword: 'Naujas-slaptazodis', repeat: 'Naujas-slaptazodis' });
    expect(ok.input).toEqual({ currentPassword: 'old', newPassword: 'Naujas-slaptazodis' });
    expect(checkPasswordChange({ currentPassword: '', newPassword: 'trumpas', repeat: 'trumpas' }).errors).toEqual({
      currentPassword: 'required',
      newPassword: 'passwordTooShort',
    });
    expect(checkPasswordChange({ currentPassword: 'old', newPassword: 'Naujas-slaptazodis', repeat: '' }).errors).toEqual({ repeat: PASSWORD_MISMATCH });
  });

  it('creates and edits users with at least one role', () => {
    const user = { username: 'sekretore', displayName: 'Rasa Sekretorė', roles: ['secretary'] as Role[], password: 'Pradinis-123' };
    expect(checkNewUser(user).input).toEqual(user);
    expect(checkNewUser({ ...user, roles: [] }).errors).toEqual({ roles: 'rolesRequired' });
    expect(checkUserEdit('u1', 3, { displayName: 'Rasa', roles: ['member'], active: false }).input).toEqual({
      id: 'u1',
      revision: 3,
      displayName: 'Rasa',
      roles: ['member'],
      active: false,
    });
    expect(checkUserEdit('u1', 3, { displayName: ' ', roles: [], active: true }).errors).toEqual({ displayName: 'required', roles: 'rolesRequired' });
  });

  it('keeps the roles in the order of the role list', () => {
    expect(withRole(['member'], 'administrator', true, ROLES)).toEqual(['administrator', 'member']);
    expect(withRole(['administrator', 'member'], 'administrator', false, ROLES)).toEqual(['member']);
    expect(withRole(['member'], 'member', true, ROLES)).toEqual(['member']);
  });

  it('says a mismatch in both languages and the contract keys as the contract does', () => {
    expect(fieldMessage(PASSWORD_MISMATCH, 'lt')).toBe('Slaptažodžiai nesutampa.');
    expect(fieldMessage(PASSWORD_MISMATCH, 'en')).toBe('The passwords differ.');
    expect(fieldMessage('passwordTooShort', 'lt')).toBe('Slaptažodis turi būti bent 10 simbolių.');
  });
});

describe('the users-and-roles issue: the idle lock', () => {
  it('locks idleMinutes after the last activity', () => {
    const start = Date.parse('2026-11-23T08:00:00Z');
    expect(idleRemainingMs(start, start, 10)).toBe(600_000);
    expect(idleRemainingMs(start, start + 599_999, 10)).toBe(1);
    expect(idleRemainingMs(start, start + 600_000, 10)).toBe(0);
    expect(idleRemainingMs(start, start + 3_600_000, 1)).toBe(0);
  });

  it('tells the back end about activity at most once a minute', () => {
    const start = Date.parse('2026-11-23T08:00:00Z');
    expect(shouldTouch(start, start + 59_999)).toBe(false);
    expect(shouldTouch(start, start + 60_000)).toBe(true);
  });

  it('reads the refusals about the session', () => {
    expect(authSignalOf('UNAUTHENTICATED')).toBe('unauthenticated');
    expect(authSignalOf('SESSION_LOCKED')).toBe('locked');
    expect(authSignalOf('PASSWORD_CHANGE_REQUIRED')).toBe('passwordChangeRequired');
    expect(authSignalOf('FORBIDDEN')).toBeNull();
    expect(authSignalOf('WRONG_CREDENTIALS')).toBeNull();
  });

  it('holds the calls refused by the lock until unlocked, and lets them fail when the user signs out', async () => {
    const gate = new SessionGate();
    const changes: boolean[] = [];
    gate.subscribeLock(() => changes.push(gate.isLocked()));
    await expect(gate.whenUnlocked()).resolves.toBe(true);

    gate.signal('locked');
    gate.lock(); // already locked: no second notice
    const first = gate.whenUnlocked();
    const second = gate.whenUnlocked();
    gate.unlock();
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);

    gate.lock();
    const third = gate.whenUnlocked();
    gate.reset();
    await expect(third).resolves.toBe(false);
    expect(changes).toEqual([true, false, true, false]);
  });

  it('passes the signals on to the app', () => {
    const gate = new SessionGate();
    const seen: string[] = [];
    const stop = gate.onSignal((signal, error) => seen.push(`${signal}:${error?.code ?? '-'}`));
    gate.signal('unauthenticated', { code: 'UNAUTHENTICATED', message: 'Prisijunkite' });
    gate.signal('locked');
    stop();
    gate.signal('passwordChangeRequired');
    expect(seen).toEqual(['unauthenticated:UNAUTHENTICATED', 'locked:-']);
    expect(gate.isLocked()).toBe(true);
  });
});
