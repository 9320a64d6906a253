import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services/index';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { contract, type MethodName } from '../../shared/contract/methods';
import { ROLES, type Access, type Role } from '../../shared/contract/roles';
import { ok, tempDataDir } from '../helpers/dataDir';
import { as, firstAdministrator, signedIn } from '../helpers/users';

const METHODS = Object.keys(contract) as MethodName[];

function allows(access: Access, role: Role | 'nobody'): boolean {
  if (access === 'anyone') return true;
  if (role === 'nobody') return false;
  return access === 'signedIn' || access.includes(role);
}

describe('the role table, enforced by the back end for every contract method (users-and-roles issue)', () => {
  it('gives every method an access rule', () => {
    for (const method of METHODS) {
      const access: unknown = contract[method].access;
      expect(access === 'anyone' || access === 'signedIn' || (Array.isArray(access) && access.length > 0 && access.every((r) => (ROLES as readonly unknown[]).includes(r))), method).toBe(true);
    }
  });

  it('allows or refuses every method for every role and for nobody, as the table says', async () => {
    const services = await openServices({ dataDir: tempDataDir(), today: '2026-11-23', verifyOnOpen: false });
    const admin = await firstAdministrator(services);
    await ok(as(services, admin), 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    const sessions = new Map<Role | 'nobody', string | undefined>([['nobody', undefined]]);
    for (const role of ROLES) sessions.set(role, await signedIn(services, admin, `only-${role}`, [role]));

    const outcomes: string[] = [];
    for (const method of METHODS) {
      // These two would lock or end the session the rest of the table needs: checked below.
      if (method === 'auth.logout' || method === 'auth.lock') continue;
      for (const [role, session] of sessions) {
        // An empty input: an allowed call may still be refused for its input, but never for the role.
        const result = await services.dispatch(method, {}, session);
        const refusedForAccess = !result.ok && ['FORBIDDEN', 'UNAUTHENTICATED'].includes(result.error.code);
        outcomes.push(`${method} ${role}: ${refusedForAccess ? 'refused' : 'allowed'}`);
        expect(refusedForAccess, `${method} as ${role}`).toBe(!allows(contract[method].access, role));
        if (refusedForAccess) expect(result.ok ? '' : result.error.code).toBe(role === 'nobody' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    }
    expect(outcomes.length).toBe((METHODS.length - 2) * (ROLES.length + 1));
    for (const method of ['auth.lock', 'auth.logout'] as const) {
      for (const [role, session] of sessions) {
        const result = await services.dispatch(method, {}, session);
        expect(result.ok, `${method} as ${role}`).toBe(role !== 'nobody');
      }
    }
    await services.close();
  });

  it('spot checks written out by hand: who may not do what', async () => {
    const services = await openServices({ dataDir: tempDataDir(), today: '2026-11-23', verifyOnOpen: false });
    const admin = await firstAdministrator(services);
    await ok(as(services, admin), 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
    const archivist = await signedIn(services, admin, 'archyvare', ['archivist']);
    const member = await signedIn(services, admin, 'narys', ['member']);
    const code = async (session: string, method: MethodName, input: unknown = {}) => {
      const r = await services.dispatch(method, input, session);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code(admin, 'cases.list')).toBe('FORBIDDEN'); // the administrator sees no case contents
    expect(await code(archivist, 'cases.list')).toBe('ok'); // the archivist reads…
    expect(await code(archivist, 'cases.register')).toBe('FORBIDDEN'); // …and changes nothing
    expect(await code(archivist, 'settings.save', { ...DEMO_SETTINGS, revision: 1 })).toBe('FORBIDDEN');
    expect(await code(member, 'users.create')).toBe('FORBIDDEN'); // a member cannot manage users
    expect(await code(member, 'cases.transition')).toBe('FORBIDDEN');
    expect(await code(member, 'audit.list')).toBe('FORBIDDEN');
    await services.close();
  });
});
