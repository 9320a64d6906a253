// The sandboxed preload: it may require only 'electron', so the channel names come from a module
// without dependencies and are inlined by the bundler.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/channel';
import type { AppEvent, DesktopBridge, InvokeResult } from '../../shared/contract/result';

const bridge: DesktopBridge = {
  invoke(method: string, input: unknown, session?: string): Promise<InvokeResult> {
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input, session) as Promise<InvokeResult>;
  },
  onEvent(listener: (event: AppEvent) => void): () => void {
    // The renderer gets the event only, never the IpcRendererEvent (it carries `sender`). The main
    // process sends only declared events and the renderer checks each again (parseEvent in
    // renderer/api): the preload, which may bundle nothing but 'electron' glue, stays a relay.
    const relay = (_ipcEvent: IpcRendererEvent, event: AppEvent): void => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('desktop', bridge);
