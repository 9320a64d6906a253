import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { tempDataDir } from '../helpers/dataDir';
import { staffSession } from '../helpers/users';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host and Origin can be set as an attacker would. */
function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('the browser host', () => {
  let host: BrowserHost;
  let invoke: (headers: Record<string, string>, body?: string) => Promise<Reply>;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    const rendererDir = join(dataDir, '..', 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pusiaukelė</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dataDir, '..', 'secret.txt'), 'not to be served');
    host = await startBrowserHost({ dataDir, rendererDir, today: '2026-11-23' });
    invoke = (headers, body = JSON.stringify({ method: 'app.info', input: {} })) =>
      raw(host.port, '/api/invoke', {
        method: 'POST',
        headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', ...headers },
        body,
      });
  });

  afterEach(async () => {
    await host.close();
  });

  it('prints an address on 127.0.0.1 with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers the contract with the right bearer token', async () => {
    const reply = await invoke({ Authorization: `Bearer ${host.token}` });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { today: '2026-11-23' } });
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: host.token }];
    for (const headers of attempts) {
      const reply = await invoke(headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe('UNAUTHORIZED');
    }
    expect((await raw(host.port, '/api/events', { headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const reply = await invoke({ Authorization: `Bearer ${host.token}`, Host: `evil.example:${host.port}` });
    expect(reply.status).toBe(421);
    const page = await raw(host.port, '/', { headers: { Host: 'evil.example' } });
    expect(page.status).toBe(421);
  });

  it('refuses requests from another origin and sends no CORS permission', async () => {
    const reply = await invoke({ Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    const same = await invoke({ Authorization: `Bearer ${host.token}`, Origin: `http://127.0.0.1:${host.port}` });
    expect(same.status).toBe(200);
  });

  it('serves the renderer with the strict CSP, and nothing outside it', async () => {
    const page = await raw(host.port, '/', { headers: { Host: `localhost:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toContain('Pusiaukelė');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await raw(host.port, path, { headers: { Host: `127.0.0.1:${host.port}` } });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('not to be served');
    }
  });

  it('streams events to a client with the token', async () => {
    const session = await staffSession(host.services);
    const events = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
            if (text.includes('cases.changed')) {
              resolve(text);
              req.destroy();
            }
          });
          void host.services.dispatch(
            'settings.save',
            {
            institution: { name: 'Alytaus pataisos namai', runsHalfwayHouse: true, halfwayHouseName: 'Alytaus pusiaukelės namai', places: 5 },
            otherInstitutions: [],
            revision: 0,
            },
            session,
          ).then(() =>
            host.services.dispatch('cases.register', {
              firstName: 'Jonas', lastName: 'Jonaitis', personalFileNo: '1', birthDate: '1980-01-01',
              servingInstitutionId: 'own', halfwayHouseInstitutionId: 'own', requestDate: '2026-11-20',
              possibleTransferDate: '2026-12-20', possibleParoleDate: '2027-05-01', sentenceEnd: '2027-12-01',
            }, session),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(events).toContain('data: {"type":"cases.changed"');
  });
});
