// Electron transport: the preload's allow-listed window.plrp (invoke/on), nothing else.
import type { EventChannel, EventMap, InvokeChannel, InvokeResult, RequestOf, ResponseOf, ExportFormat } from '../../../../src-main/shared/ipc';
import type { FileEntry } from '../../../../src-main/shared/studio-types';
import { ApiError, unwrap, type ApiClient } from './client';

export interface PreloadBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

export function createIpcClient(bridge: PreloadBridge): ApiClient {
  const invoke = async <C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> =>
    unwrap((await bridge.invoke(channel, request)) as InvokeResult<ResponseOf<C>>);
  return {
    mode: 'electron',
    invoke,
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void) {
      return bridge.on(event, listener as (p: unknown) => void);
    },
    async upload(file: File): Promise<FileEntry> {
      // A dropped file's bytes go to main, which stores it and returns a token: the renderer never
      // learns or sends a path (webUtils.getPathForFile would hand it one).
      const bytes = new Uint8Array(await file.arrayBuffer());
      return invoke('files:upload', { name: file.name, bytes });
    },
    async exportRun(runId: string, format: ExportFormat, explanationId?: string) {
      const r = await invoke('runs:export', { runId, format, ...(explanationId ? { explanationId } : {}) });
      if (!r.saved) throw new ApiError({ code: 'CANCELLED', message: 'export cancelled' });
    },
  };
}
