// Issue 16, "Uploads": the renderer's transport against the real browser host. An over-limit body
// is a 413 the page turns into "too large" with its code (never "no connection"); a file that is
// taken reaches the services whole through the sealed staging file; the host's refusals before a
// call (signed out, too many sign-ins) come to the page with their codes and Lithuanian texts.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../../electron/browser-host/server';
import { DEMO_SETTINGS } from '../../electron/cli/demoData';
import { ApiError } from '../../renderer/api/client';
import { httpTransport } from '../../renderer/api/transport';
import type { CaseView } from '../../shared/contract/schemas';
import { ok, tempDataDir } from '../helpers/dataDir';
import { DOSSIER_CASE_REQUEST } from '../helpers/dossier';
import { pdfDocument } from '../helpers/documents';
import { ADMIN, as, staffSession } from '../helpers/users';

const MB = 1024 * 1024;

let host: BrowserHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(options: Partial<BrowserHostOptions> = {}) {
  const dataDir = tempDataDir();
  const started = await startBrowserHost({ dataDir, rendererDir: dataDir, today: '2026-11-23', ...options });
  host = started;
  const session = await staffSession(started.services);
  await ok(as(started.services, session), 'settings.save', { ...DEMO_SETTINGS, revision: 0 });
  const view = (await ok(as(started.services, session), 'cases.register', DOSSIER_CASE_REQUEST)) as CaseView;
  return { host: started, session, caseId: view.record.id, transport: httpTransport(started.token, `http://127.0.0.1:${started.port}`) };
}

describe('the transport and the browser host (issue 16 "Uploads")', () => {
  it('a file over the host’s limit: the page gets REQUEST_TOO_LARGE with the Lithuanian "too large" text, not "no connection"', async () => {
    const { session, caseId, transport } = await start({ maxUploadBytes: 1 * MB });
    const result = await transport.invoke('dossier.stage', { caseId, name: 'byla.pdf', bytes: new Uint8Array(2 * MB) }, session);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('REQUEST_TOO_LARGE');
    expect(result.error.code).not.toBe('NO_CONNECTION');
    const error = new ApiError(result.error);
    expect(error.text('lt')).toBe('Siunčiamas failas per didelis: programa priima iki 1 MB. Niekas neišsaugota; pasirinkite mažesnį failą.');
    expect(error.text('en')).toMatch(/too large/);
  });

  it('a connection the other end resets is what "no connection" is for (the contrast with the 413)', async () => {
    const resetting: Server = createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve));
    try {
      const transport = httpTransport('t', `http://127.0.0.1:${(resetting.address() as AddressInfo).port}`);
      const result = await transport.invoke('auth.status', {});
      expect(result.ok ? '' : result.error.code).toBe('NO_CONNECTION');
    } finally {
      resetting.closeAllConnections();
      await new Promise((resolve) => resetting.close(resolve));
    }
  });

  it('a document the host takes arrives whole through the sealed staging file, which is gone after the call', async () => {
    const { host, session, caseId, transport } = await start();
    const bytes = await pdfDocument({ pages: 3, text: 'Charakteristika' });
    const result = await transport.invoke('dossier.stage', { caseId, name: '6.1 charakteristika.pdf', bytes }, session);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ name: '6.1 charakteristika.pdf', kind: 'pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(readdirSync(host.uploadDir)).toEqual([]);
  });

  it('a signed-out call is refused before its body with UNAUTHENTICATED (the page shows the sign-in), a wrong token with UNAUTHORIZED', async () => {
    const { caseId, transport, host } = await start();
    const signedOut = await transport.invoke('dossier.stage', { caseId, name: 'a.pdf', bytes: new Uint8Array(10) }, 'gone');
    expect(signedOut.ok ? '' : signedOut.error.code).toBe('UNAUTHENTICATED');
    const wrongToken = await httpTransport('wrong', `http://127.0.0.1:${host.port}`).invoke('auth.status', {});
    expect(wrongToken.ok ? '' : wrongToken.error.code).toBe('UNAUTHORIZED');
    expect(wrongToken.ok ? '' : wrongToken.error.message).toMatch(/prieiga|nuorod/i);
  });

  it('too many sign-ins from this address: SIGN_IN_RATE_LIMITED with its Lithuanian text', async () => {
    const { transport } = await start({ signInLimit: { attempts: 2, windowMs: 60_000 } });
    for (let i = 0; i < 2; i++) await transport.invoke('auth.login', { username: `svetimas${i}`, password: 'Neteisingas-1' });
    const result = await transport.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('SIGN_IN_RATE_LIMITED');
    expect(new ApiError(result.error).text('lt')).toMatch(/^Per trumpą laiką iš šio adreso bandyta prisijungti per daug kartų\. Palaukite \d+ s/);
  });
});
