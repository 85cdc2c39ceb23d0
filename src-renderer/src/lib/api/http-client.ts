// Browser-mode transport: POST /api/invoke/<channel> for requests, one EventSource for run events.
// The access token came in the page URL; the server turned it into an HttpOnly cookie, which
// fetch and EventSource send on their own (same origin), so the token is not kept in JS.
import type { EventChannel, EventMap, InvokeChannel, InvokeResult, RequestOf, ResponseOf, ExportFormat } from '../../../../src-main/shared/ipc';
import type { FileEntry } from '../../../../src-main/shared/studio-types';
import { ApiError, unwrap, type ApiClient } from './client';

async function post<T>(url: string, body: BodyInit, contentType: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': contentType }, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ code: 'IO_ERROR', message: 'the studio server is not reachable; is `plrp serve` still running?' });
  }
  if (res.status === 401 || res.status === 403) throw new ApiError({ code: 'USAGE', message: `${await res.text()}`.trim() });
  return unwrap((await res.json()) as InvokeResult<T>);
}

export function createHttpClient(): ApiClient {
  const listeners = new Map<EventChannel, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource('/api/events');
    for (const channel of ['runs:progress', 'runs:notice', 'runs:settled'] as const) {
      source.addEventListener(channel, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        listeners.get(channel)?.forEach((l) => l(payload));
      });
    }
  };
  return {
    mode: 'browser',
    invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      return post<ResponseOf<C>>(`/api/invoke/${channel}`, JSON.stringify(request), 'application/json');
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void) {
      ensureSource();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    upload(file: File): Promise<FileEntry> {
      return post<FileEntry>(`/api/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
    },
    async exportRun(runId: string, format: ExportFormat, explanationId?: string) {
      const a = document.createElement('a');
      a.href = `/api/export?runId=${encodeURIComponent(runId)}&format=${format}${explanationId ? `&explanation=${encodeURIComponent(explanationId)}` : ''}`;
      a.download = '';
      document.body.append(a);
      a.click();
      a.remove();
    },
  };
}
