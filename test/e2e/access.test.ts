import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../electron/browser-host/server';
import { ensureRendererBuilt, removeTempDirs, startHost, tempDir } from './harness';

let host: BrowserHost | undefined;

beforeAll(ensureRendererBuilt);
afterEach(async () => {
  await host?.close();
  host = undefined;
  removeTempDirs();
});

describe('access to the browser host', () => {
  it('DESIGN §2 (the V-77 case data stays behind the run token): the API answers 401 without the token or with a wrong one', async () => {
    host = await startHost(tempDir('access'));
    const { origin } = new URL(host.url);
    const body = JSON.stringify({ method: 'cases.list', input: {} });
    const post = (headers: Record<string, string>) =>
      fetch(`${origin}/api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await post({ Authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect((await fetch(`${origin}/api/events`)).status).toBe(401);

    // The page itself is served without the token: it carries it in from the address's fragment.
    expect((await fetch(`${origin}/`)).status).toBe(200);
    const allowed = await post({ Authorization: `Bearer ${host.token}` });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ ok: true, value: { cases: [] } });
  });
});
