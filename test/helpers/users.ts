import { openServices, type Services, type ServicesOptions } from '../../electron/services/index';
import type { Role } from '../../shared/contract/roles';
import { ok } from './calls';

export const ADMIN = { username: 'admin', displayName: 'Ona Administratorė', password: 'Admin-slaptazodis-1' };

/** Create the first administrator (the first-run step) and return their session. */
export async function firstAdministrator(services: Services): Promise<string> {
  return (await ok(services.dispatch, 'auth.createAdministrator', ADMIN)).session;
}

/**
 * A user holding exactly `roles`, created by the administrator, signed in and past the required
 * password change: their session, as the UI would hold it.
 */
export async function signedIn(services: Services, adminSession: string, username: string, roles: Role[]): Promise<string> {
  const initial = `Pradinis-${username}-1`;
  const password = `Naujas-${username}-2`;
  await ok((m, i) => services.dispatch(m, i, adminSession), 'users.create', { username, displayName: username, roles, password: initial });
  const { session } = await ok(services.dispatch, 'auth.login', { username, password: initial });
  await ok((m, i) => services.dispatch(m, i, session), 'auth.changePassword', { currentPassword: initial, newPassword: password });
  return session;
}

/** A dispatch bound to a session, as the UI's transport calls it. */
export function as(services: Services, session: string | undefined) {
  return (method: string, input: unknown) => services.dispatch(method, input, session);
}

/**
 * A session of the institution's staff member who sets up and runs the cases: the first
 * administrator, who also holds the secretary's role. On services that already have users, signs
 * in again.
 */
export async function staffSession(services: Services): Promise<string> {
  const status = await ok(services.dispatch, 'auth.status', {});
  if (status.setUp) return (await ok(services.dispatch, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).session;
  const session = await firstAdministrator(services);
  const id = (await ok(as(services, session), 'auth.status', {})).user!.id;
  const me = (await ok(as(services, session), 'users.list', {})).find((u) => u.id === id)!;
  await ok(as(services, session), 'users.update', { id, revision: me.revision, displayName: me.displayName, roles: ['administrator', 'secretary'], active: true });
  return session;
}

/** Open the services with `dispatch` bound to the staff session, as the UI's transport calls it. */
export async function openAsStaff(options: ServicesOptions): Promise<Services & { session: string }> {
  const services = await openServices(options);
  const session = await staffSession(services);
  return { ...services, session, dispatch: (method, input, s = session) => services.dispatch(method, input, s) };
}
