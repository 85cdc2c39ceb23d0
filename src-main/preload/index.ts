// The preload's whole surface: window.plrp.invoke and window.plrp.on, limited to the channels of the
// shared map (architecture.md: "an allow-listed invoke/on, nothing else"; never the raw ipcRenderer,
// never sendSync). Payloads are validated again in main, which does not trust this file either.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, isInvokeChannel, type EventChannel } from '../shared/ipc';

const api = {
  invoke(channel: string, payload: unknown): Promise<unknown> {
    if (!isInvokeChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'USAGE', message: 'unknown channel' } });
    return ipcRenderer.invoke(channel, payload);
  },
  on(channel: string, listener: (payload: unknown) => void): () => void {
    if (!(EVENT_CHANNELS as readonly string[]).includes(channel)) return () => undefined;
    // The IpcRendererEvent is not passed on: it would hand the page a reference to ipcRenderer.
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel as EventChannel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('plrp', api);
