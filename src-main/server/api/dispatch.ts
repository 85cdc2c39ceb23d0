// One entry point for every request, whichever the transport (Electron IPC or the browser-mode HTTP
// endpoint): validate the payload against the shared schema, run the handler, and return a value or
// an expected error as {code, message}. Unexpected exceptions are bugs: logged with context, and the
// renderer gets only their message (never a stack).
import { ZodError } from 'zod';
import { isAppError, toErrorPayload } from '../../shared/errors';
import { isInvokeChannel, parseRequest, type InvokeChannel, type InvokeResult, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc';

export type Handlers = { [C in InvokeChannel]?: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

export interface DispatchOptions {
  log(message: string): void;
  /** Set when the caller already parsed the payload (the Electron guard does). */
  parsed?: boolean;
}

export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown, options: DispatchOptions): Promise<InvokeResult<unknown>> {
  if (!isInvokeChannel(channel)) {
    options.log(`request refused: unknown channel ${String(channel).slice(0, 64)}`);
    return { ok: false, error: { code: 'USAGE', message: 'request refused: unknown channel' } };
  }
  const handler = handlers[channel] as ((r: unknown) => Promise<unknown>) | undefined;
  if (!handler) return { ok: false, error: { code: 'USAGE', message: `${channel} is not available here` } };
  let request: unknown;
  try {
    request = options.parsed ? payload : parseRequest(channel as InvokeChannel, payload);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    const first = e.issues[0];
    const where = first ? ` at ${first.path.join('.') || '(root)'}: ${first.message}` : '';
    options.log(`request refused: bad ${channel} payload${where}`);
    return { ok: false, error: { code: 'USAGE', message: `request refused: bad request${where}` } };
  }
  try {
    const value = await handler(request);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    if (!isAppError(e)) options.log(`bug in ${channel}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return { ok: false, error: toErrorPayload(e) };
  }
}

export type { ParsedRequestOf };
