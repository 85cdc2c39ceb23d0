// The browser-mode HTTP endpoint: the built renderer plus the same request handlers Electron's IPC
// router uses, as  POST /api/invoke/<channel>  (JSON in, {ok, value | error} out),
// GET /api/events (server-sent run events), POST /api/upload?name=  and  GET /api/export?runId&format.
// Every request passes the access guard first (Host, Origin, token).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../../app/security/csp';
import { toErrorPayload, errorMessage } from '../../shared/errors';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/ipc';
import type { RunService } from '../../shared/run-api';
import { dispatch, type Handlers } from '../api/dispatch';
import { bedGraphExplanation, exportContentType, exportFileName, exportRunLines } from '../api/export-run';
import type { FileRegistry } from '../api/file-registry';
import { checkAccess, tokenCookieName, type AccessPolicy } from './access-guard';
import { EventHub } from './event-stream';
import { contentTypeFor, resolveStaticPath } from './static-files';
import { receiveUpload } from './upload';

export interface StudioServerOptions {
  policy: AccessPolicy;
  handlers: Handlers;
  runs: RunService;
  files: FileRegistry;
  rendererDir: string;
  uploadsDir: string;
  log(message: string): void;
}

/** JSON request bodies are small (run requests, slice queries); anything bigger is refused. */
const MAX_JSON_BYTES = 1 << 20;

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

export function createStudioServer(o: StudioServerOptions): { server: Server; close(): Promise<void> } {
  const hub = new EventHub(o.runs);
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      o.log(`bug serving ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorPayload(e) });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const access = checkAccess(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        cookie: req.headers.cookie,
        headerToken: typeof req.headers['x-plrp-token'] === 'string' ? req.headers['x-plrp-token'] : undefined,
        queryToken: url.searchParams.get('token'),
      },
      o.policy,
    );
    if (!access.ok) {
      o.log(`refused ${req.method} ${url.pathname}: ${access.reason}`);
      res.writeHead(access.status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${access.reason}\n`);
      return;
    }
    const cookie = access.viaQuery
      ? { 'Set-Cookie': `${tokenCookieName(o.policy.port)}=${o.policy.token}; HttpOnly; SameSite=Strict; Path=/` }
      : undefined;
    const path = url.pathname;
    if (path.startsWith('/api/invoke/') && req.method === 'POST') {
      // application/json cannot be sent cross-site without a CORS preflight, which we never answer.
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(res, 415, { ok: false, error: { code: 'USAGE', message: 'expected application/json' } });
        return;
      }
      let body: unknown;
      try {
        body = await readJson(req);
      } catch (e) {
        sendJson(res, 400, { ok: false, error: { code: 'USAGE', message: `bad request body: ${errorMessage(e)}` } });
        return;
      }
      const result = await dispatch(o.handlers, decodeURIComponent(path.slice('/api/invoke/'.length)), body, { log: o.log });
      if (!result.ok) result.error.message = o.files.nameUploads(result.error.message);
      sendJson(res, 200, result);
      return;
    }
    if (path === '/api/events' && req.method === 'GET') return hub.attach(res);
    if (path === '/api/upload' && req.method === 'POST') {
      try {
        sendJson(res, 200, { ok: true, value: await receiveUpload(req, url.searchParams.get('name') ?? 'upload', o.uploadsDir, o.files) });
      } catch (e) {
        sendJson(res, 200, { ok: false, error: toErrorPayload(e) });
      }
      return;
    }
    if (path === '/api/export' && req.method === 'GET') return sendExport(url, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS);
      res.end();
      return;
    }
    const file = resolveStaticPath(o.rendererDir, path) ?? (path.includes('.') ? null : resolveStaticPath(o.rendererDir, '/'));
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, ...cookie, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  async function sendExport(url: URL, res: ServerResponse): Promise<void> {
    const runId = url.searchParams.get('runId') ?? '';
    const format = url.searchParams.get('format') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) return sendJson(res, 400, { ok: false, error: { code: 'USAGE', message: 'unknown export format' } });
    const explanationId = url.searchParams.get('explanation') ?? undefined;
    let run;
    try {
      run = await o.runs.get(runId);
    } catch (e) {
      return sendJson(res, 404, { ok: false, error: toErrorPayload(e) });
    }
    try {
      if (format === 'bedgraph') bedGraphExplanation(run, explanationId);
    } catch (e) {
      return sendJson(res, 400, { ok: false, error: toErrorPayload(e) });
    }
    const chunks = exportRunLines(o.runs, runId, format, explanationId);
    // The first chunk before the headers: a report that cannot be built (no Chromium for PDF) is
    // answered with its error instead of a half-sent download.
    let first: IteratorResult<string | Uint8Array>;
    try {
      first = await chunks.next();
    } catch (e) {
      return sendJson(res, 500, { ok: false, error: toErrorPayload(e) });
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': exportContentType(format),
      'Content-Disposition': `attachment; filename="${exportFileName(run, format, explanationId)}"`,
      'Cache-Control': 'no-store',
    });
    if (!first.done) res.write(first.value);
    for await (const chunk of chunks) {
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  }

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
