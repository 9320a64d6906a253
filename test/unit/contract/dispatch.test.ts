import { describe, expect, it } from 'vitest';
import { createDispatcher, type Guard } from '../../../shared/contract/dispatch';
import type { Handlers } from '../../../shared/contract/methods';
import { DomainError } from '../../../shared/domain/errors';

const TODAY = '2026-11-23';

/** Handlers for the methods a test exercises; any other method answers as not reached. */
function handlers(partial: Partial<Handlers>): Handlers {
  return new Proxy(partial, {
    get: (target, name: string) => target[name as keyof Handlers] ?? (async () => { throw new Error(`${name} not expected`); }),
  }) as Handlers;
}

/** Lets every call through: these tests are about the path after the guard. */
const open: Guard = () => ({ user: null });

const info = async () => ({ version: '1.0.0', dataDir: '/d', today: TODAY, schemaVersion: 1 });

describe('dispatch: the one path of every call', () => {
  it('returns the value of a valid call', async () => {
    const dispatch = createDispatcher(handlers({ 'app.info': info }), open);
    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: { version: '1.0.0', dataDir: '/d', today: TODAY, schemaVersion: 1 } });
  });

  it('refuses an unknown method as data', async () => {
    const result = await createDispatcher(handlers({}), open)('cases.delete', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Nežinomas veiksmas „cases.delete“.' } });
  });

  it('refuses invalid input before the service runs, naming each field in Lithuanian', async () => {
    let ran = false;
    const dispatch = createDispatcher(
      handlers({
        'cases.transition': async () => {
          ran = true;
          throw new Error('unreachable');
        },
      }),
      open,
    );
    const result = await dispatch('cases.transition', { id: 'x', revision: 1, to: 'nowhere', on: '2026-02-30' });
    expect(ran).toBe(false);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.details?.fields).toEqual([
      { path: 'to', key: expect.any(String) },
      { path: 'on', key: 'date' },
    ]);
    expect(result.error.message).toContain('Data: Įveskite tikrą datą (MMMM-MM-DD).');
  });

  it('passes a domain refusal through with its code and both messages', async () => {
    const dispatch = createDispatcher(
      handlers({
        'cases.get': async () => {
          throw new DomainError('CASE_NOT_FOUND', 'Byla nerasta.', 'Case not found.', { id: 'x' });
        },
      }),
      open,
    );
    expect(await dispatch('cases.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'CASE_NOT_FOUND', message: 'Byla nerasta.', messageEn: 'Case not found.', details: { id: 'x' } },
    });
  });

  it('hides an unexpected failure behind a calm Lithuanian message and logs it', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      handlers({
        'app.info': async () => {
          throw new TypeError('secret internals at /home/user/file.ts:12');
        },
      }),
      open,
      (e) => logged.push(e),
    );
    const result = await dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(logged).toHaveLength(1);
  });

  it('refuses to return output that breaks the contract', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      handlers({ 'app.info': async () => ({ version: '1', dataDir: '/d', today: 'tomorrow', schemaVersion: 1 }) }),
      open,
      (e) => logged.push(e),
    );
    expect(await dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(String(logged[0])).toMatch(/does not match the contract/);
  });

  it('asks the guard first: a refused caller gets the refusal as data, and neither validation nor the service runs', async () => {
    let ran = false;
    const guard: Guard = (method, session) => {
      throw new DomainError('FORBIDDEN', `Neleidžiama (${method}, ${session}).`, 'Not allowed.');
    };
    const dispatch = createDispatcher(
      handlers({
        'cases.transition': async () => {
          ran = true;
          throw new Error('unreachable');
        },
      }),
      guard,
    );
    const result = await dispatch('cases.transition', { nonsense: true }, 's-1');
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Neleidžiama (cases.transition, s-1).', messageEn: 'Not allowed.' } });
    expect(ran).toBe(false);
  });

  it('hands the caller the guard returned to the service', async () => {
    const user = { id: 'u1', username: 'ona', displayName: 'Ona', roles: ['secretary' as const], mustChangePassword: false };
    const dispatch = createDispatcher(
      handlers({ 'auth.status': async (_input, caller) => ({ setUp: true, user: caller.user, locked: false, idleMinutes: 10 }) }),
      () => ({ user, session: 's-2' }),
    );
    expect(await dispatch('auth.status', {}, 's-2')).toMatchObject({ ok: true, value: { user } });
  });
});
