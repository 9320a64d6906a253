import { afterEach, describe, expect, it, vi } from 'vitest';
import { forwardEvents, handleInvocations } from '../../../electron/main/ipc';
import { openServices, type Services } from '../../../electron/services/index';
import { IPC_EVENT_CHANNEL } from '../../../shared/contract/channel';
import type { AppEvent } from '../../../shared/contract/result';
import { BrowserWindow, StubWebContents, ipcMain } from '../../stubs/electron';
import { cleanUp, invokeFrom, launch, mainWindow, quit } from './harness';

afterEach(async () => {
  vi.restoreAllMocks();
  await cleanUp();
});

const FORBIDDEN = {
  ok: false,
  error: {
    code: 'IPC_FORBIDDEN',
    message: 'Užklausa atmesta: ji atsiųsta ne iš programos lango.',
    messageEn: 'Request refused: it was not sent by the application window.',
  },
};

describe('IPC: renderer → services', () => {
  it('forwards an invoke from app://pusiaukele to the real services (app.info)', async () => {
    const { dataDir } = await launch();
    const result = await invokeFrom('app://pusiaukele/index.html', 'app.info', {});
    expect(result).toMatchObject({ ok: true, value: { version: '0.1.0', dataDir } });
  });

  it('carries the session of the signed-in user to the services, and nothing without it', async () => {
    await launch();
    const app = 'app://pusiaukele/index.html';
    const created = (await invokeFrom(app, 'auth.createAdministrator', { username: 'admin', displayName: 'Ona', password: 'Admin-slaptazodis-1' })) as {
      ok: true;
      value: { session: string };
    };
    expect(await invokeFrom(app, 'users.list', {}, created.value.session)).toMatchObject({ ok: true, value: [{ username: 'admin' }] });
    expect(await invokeFrom(app, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it("returns the services' refusal as data (unknown method)", async () => {
    await launch();
    const result = await invokeFrom('app://pusiaukele/index.html', 'no.such.method', {});
    expect(result).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///tmp/index.html',
    'app://evil/index.html',
    'app://pusiaukele.example.com/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
  ])('refuses a sender frame at %j with IPC_FORBIDDEN', async (url) => {
    await launch();
    expect(await invokeFrom(url, 'app.info')).toEqual(FORBIDDEN);
  });

  it('refuses when the sender frame is gone', async () => {
    await launch();
    expect(await invokeFrom(null, 'app.info')).toEqual(FORBIDDEN);
  });

  it.each([undefined, 42, '', { method: 'app.info' }])('refuses a missing or non-text method name (%j)', async (method) => {
    await launch();
    expect(await invokeFrom('app://pusiaukele/index.html', method)).toMatchObject({
      ok: false,
      error: { code: 'IPC_BAD_REQUEST', message: 'Netinkama užklausa: nenurodytas metodo pavadinimas.' },
    });
  });

  it('a dispatcher that throws still answers with data, never an exception', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    handleInvocations({ dispatch: () => Promise.reject(new Error('boom')) });
    const result = await invokeFrom('app://pusiaukele/index.html', 'app.info');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/klaida/) } });
    expect(ipcMain.handlers.size).toBe(1);
  });
});

describe('IPC: services → renderer events', () => {
  /** `emit` takes anything: a faulty back end could emit an event the contract does not declare. */
  function eventSource(): Pick<Services, 'onEvent'> & { emit(event: unknown): void; listeners: number } {
    const listeners = new Set<(event: AppEvent) => void>();
    return {
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      emit: (event) => listeners.forEach((listener) => listener(event as AppEvent)),
      get listeners() {
        return listeners.size;
      },
    };
  }

  it('pushes each event to the window on the event channel', () => {
    const source = eventSource();
    const contents = new StubWebContents();
    forwardEvents(source, () => [contents]);
    source.emit({ type: 'cases.changed', payload: { id: 'a' } });
    expect(contents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: [{ type: 'cases.changed', payload: { id: 'a' } }] }]);
  });

  it('sends only the events the contract declares, as they were emitted', () => {
    const source = eventSource();
    const contents = new StubWebContents();
    forwardEvents(source, () => [contents]);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const bad of [{ type: 'cases.deleted', payload: { id: 'a' } }, { type: 'cases.changed', payload: { id: 'a', name: 'Jonas' } }, { type: 'meetings.changed' }, 'cases.changed', null]) {
      source.emit(bad);
    }
    source.emit({ type: 'documents.changed', payload: { id: 'd', caseId: 'a' } });
    expect(contents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: [{ type: 'documents.changed', payload: { id: 'd', caseId: 'a' } }] }]);
    expect(error).toHaveBeenCalledTimes(5);
  });

  it('drops events while there is no window or after it was destroyed, and unsubscribes on request', () => {
    const source = eventSource();
    const contents = new StubWebContents();
    let target: StubWebContents | null = null;
    const stop = forwardEvents(source, () => (target ? [target] : []));
    source.emit({ type: 'cases.changed', payload: { id: 'before-window' } });
    target = contents;
    contents.destroyed = true;
    source.emit({ type: 'cases.changed', payload: { id: 'after-destroy' } });
    expect(contents.sent).toEqual([]);
    stop();
    expect(source.listeners).toBe(0);
  });

  it('the running shell pushes the services\' events to its window, until the window closes or the app quits', async () => {
    const source = eventSource();
    await launch({
      openServices: async (options) => ({ ...(await openServices(options)), onEvent: source.onEvent }),
    });
    const window = mainWindow();
    source.emit({ type: 'cases.changed' });
    expect(window.webContents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: [{ type: 'cases.changed' }] }]);
    window.close();
    source.emit({ type: 'meetings.changed', payload: { id: 'after-close' } }); // the stub throws if anything is sent to a destroyed window
    expect(window.webContents.sent).toHaveLength(1);
    await quit();
    expect(source.listeners).toBe(0);
  });

  it('issue 17: the meeting\'s projector window gets the events too, and closes with the main window', async () => {
    const source = eventSource();
    await launch({
      openServices: async (options) => ({ ...(await openServices(options)), onEvent: source.onEvent }),
    });
    const window = mainWindow();
    const projector = new BrowserWindow({ title: 'projector' });
    source.emit({ type: 'meetings.changed', payload: { id: 'm1' } });
    const sent = [{ channel: IPC_EVENT_CHANNEL, args: [{ type: 'meetings.changed', payload: { id: 'm1' } }] }];
    expect(window.webContents.sent).toEqual(sent);
    expect(projector.webContents.sent).toEqual(sent);
    window.close();
    expect(projector.isDestroyed()).toBe(true);
    await quit();
  });
});
