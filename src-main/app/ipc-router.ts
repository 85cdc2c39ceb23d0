// Electron's side of the shared channel map: one ipcMain.handle per channel, each message checked by
// the guard (sender frame, channel, schema) before the shared dispatcher runs it, and run events
// forwarded to the window. Takes ipcMain-like objects, so it is tested by capturing the handlers.
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventChannel, type InvokeResult } from '../shared/ipc';
import type { RunService } from '../shared/run-api';
import { dispatch, type Handlers } from '../server/api/dispatch';
import { guardIpcMessage, type IpcSender } from './security/ipc-guard';

export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: { mainFrame: unknown };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>): void;
}

export function senderOf(event: IpcEventLike): IpcSender {
  return { frameUrl: event.senderFrame?.url ?? null, isMainFrame: !!event.senderFrame && event.senderFrame === event.sender.mainFrame };
}

export function registerIpcRouter(ipcMain: IpcMainLike, handlers: Handlers, log: (m: string) => void, devServer?: string): void {
  for (const channel of Object.keys(INVOKE_CHANNELS)) {
    ipcMain.handle(channel, async (event, payload): Promise<InvokeResult<unknown>> => {
      const guarded = guardIpcMessage(channel, senderOf(event), payload, log, devServer);
      if (!guarded.ok) return guarded;
      return dispatch(handlers, channel, guarded.request, { log, parsed: true });
    });
  }
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: EventChannel, payload: unknown): void;
}

/** Forwards the run service's events to a window; returns the unsubscribe function. */
export function forwardRunEvents(runs: RunService, target: EventTarget): () => void {
  const offs = EVENT_CHANNELS.map((channel) => {
    const event = channel.slice('runs:'.length) as 'progress' | 'notice' | 'settled';
    return runs.on(event, (payload: unknown) => {
      if (!target.isDestroyed()) target.send(channel, payload);
    });
  });
  return () => offs.forEach((off) => off());
}
