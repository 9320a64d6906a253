import { describe, expect, it } from 'vitest';
import '../../../electron/preload/index';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../shared/contract/channel';
import type { AppEvent, DesktopBridge } from '../../../shared/contract/result';
import { contextBridge, ipcRenderer, stubEvent } from '../../stubs/electron';

// The preload ran once, at import, as it does in a renderer.
function exposedBridge(): DesktopBridge {
  return contextBridge.exposed.get('desktop') as DesktopBridge;
}

describe('preload', () => {
  it('exposes exactly window.desktop with invoke and onEvent, nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['desktop']);
    expect(Object.keys(exposedBridge()).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('invoke(method, input, session) is one ipcRenderer.invoke on the invoke channel, its result returned as is', async () => {
    ipcRenderer.reply = { ok: true, value: { version: '0.1.0' } };
    const result = await exposedBridge().invoke('app.info', { a: 1 }, 'session-1');
    expect(result).toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(ipcRenderer.invocations.at(-1)).toEqual({ channel: IPC_INVOKE_CHANNEL, args: ['app.info', { a: 1 }, 'session-1'] });
  });

  it('onEvent delivers the event only (not the IPC event with its sender) until unsubscribed', () => {
    const received: unknown[] = [];
    const unsubscribe = exposedBridge().onEvent((event: AppEvent) => received.push(event));
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, stubEvent({ sender: ipcRenderer }), { type: 'cases.changed' });
    expect(received).toEqual([{ type: 'cases.changed' }]);
    unsubscribe();
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, stubEvent(), { type: 'ignored' });
    expect(received).toHaveLength(1);
  });
});
