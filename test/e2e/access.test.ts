import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../electron/browser-host/server';
import { ensureRendererBuilt, ensureStaff, removeTempDirs, SECRETARY, startHost, tempDir } from './harness';

let host: BrowserHost | undefined;

beforeAll(ensureRendererBuilt);
afterEach(async () => {
  await host?.close();
  host = undefined;
  removeTempDirs();
});

describe('access to the browser host', () => {
  it('DESIGN §2, users-and-roles issue (the V-77 case data stays behind the run token and a signed-in session): 401 without the token, UNAUTHENTICATED without a session', async () => {
    host = await startHost(tempDir('access'));
    const staff = await ensureStaff(host.services.dispatch, [SECRETARY]);
    const { origin } = new URL(host.url);
    const post = (headers: Record<string, string>, method = 'cases.list') =>
      fetch(`${origin}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ method, input: {} }),
      });

    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await post({ Authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect((await fetch(`${origin}/api/events`)).status).toBe(401);

    // The page itself is served without the token: it carries it in from the address's fragment.
    expect((await fetch(`${origin}/`)).status).toBe(200);
    const bearer = { Authorization: `Bearer ${host.token}` };

    // The token lets the page talk to the back end; the case data takes a signed-in user too.
    const noSession = await post(bearer);
    expect(noSession.status).toBe(200);
    expect(await noSession.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await (await post({ ...bearer, 'X-Pusiaukele-Session': 'made-up' })).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await (await post(bearer, 'auth.status')).json()).toMatchObject({ ok: true, value: { setUp: true, user: null } });

    const allowed = await post({ ...bearer, 'X-Pusiaukele-Session': staff.sessions.get(SECRETARY.username) ?? '' });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ ok: true, value: { cases: [] } });
  });
});
