// Validation of every IPC message before it reaches a handler (VS Code's validated IPC; Electron
// security checklist, item 17): the sender frame must be our own top-level app page, the channel
// must be in the shared map, and the payload must match its schema. Anything else is rejected with
// a USAGE error and logged, since a well-behaved renderer never sends it.
import { ZodError } from 'zod';
import type { ErrorPayload } from '../../shared/errors';
import { isInvokeChannel, parseRequest, type InvokeChannel, type ParsedRequestOf } from '../../shared/ipc';
import { isNavigationAllowed } from './navigation-policy';

export interface IpcSender {
  /** URL of the frame that sent the message (event.senderFrame.url); null when the frame is gone. */
  frameUrl: string | null;
  /** Whether it is the window's top frame (event.senderFrame === webContents.mainFrame). */
  isMainFrame: boolean;
}

export type GuardResult<C extends InvokeChannel> =
  | { ok: true; channel: C; request: ParsedRequestOf<C> }
  | { ok: false; error: ErrorPayload };

export function guardIpcMessage(
  channel: unknown,
  sender: IpcSender,
  payload: unknown,
  log: (message: string) => void,
  devServer?: string,
): GuardResult<InvokeChannel> {
  const reject = (why: string): GuardResult<InvokeChannel> => {
    log(`ipc rejected: ${why} (channel ${String(channel).slice(0, 64)}, frame ${sender.frameUrl ?? 'none'})`);
    return { ok: false, error: { code: 'USAGE', message: `request refused: ${why}` } };
  };
  if (!sender.isMainFrame || !sender.frameUrl || !isNavigationAllowed(sender.frameUrl, devServer)) {
    return reject('unknown sender');
  }
  if (!isInvokeChannel(channel)) return reject('unknown channel');
  try {
    return { ok: true, channel, request: parseRequest(channel, payload) };
  } catch (e) {
    if (e instanceof ZodError) {
      const first = e.issues[0];
      return reject(`bad request${first ? ` at ${first.path.join('.') || '(root)'}: ${first.message}` : ''}`);
    }
    throw e;
  }
}
