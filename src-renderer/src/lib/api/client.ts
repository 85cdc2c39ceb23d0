// The renderer's only door to its host: a typed client over the shared channel map. Two transports
// implement it: Electron IPC (through the preload's window.plrp) and browser mode (fetch + SSE).
// Errors arrive as {code, message} and are thrown as ApiError, so views show them as text.
import type { ErrorPayload } from '../../../../src-main/shared/errors';
import type { EventChannel, EventMap, ExportFormat, InvokeChannel, InvokeResult, RequestOf, ResponseOf } from '../../../../src-main/shared/ipc';
import type { FileEntry } from '../../../../src-main/shared/studio-types';

export class ApiError extends Error {
  readonly code: ErrorPayload['code'];
  constructor(p: ErrorPayload) {
    super(p.message);
    this.code = p.code;
  }
}

export interface ApiClient {
  readonly mode: 'electron' | 'browser';
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** Hands a picked or dropped file to the host; resolves to its token. */
  upload(file: File): Promise<FileEntry>;
  /** Saves an export: a download in browser mode, a save dialog in Electron. A bedGraph holds the one explanation named. */
  exportRun(runId: string, format: ExportFormat, explanationId?: string): Promise<void>;
}

export function unwrap<T>(r: InvokeResult<T>): T {
  if (r.ok) return r.value;
  throw new ApiError(r.error);
}
