// The `app://studio/…` protocol that serves the built renderer in Electron instead of file://
// (Electron security checklist, item 18: file:// pages can read other local files). A plain
// Request → Response function with no electron import, so it is tested under Node; main registers
// it with protocol.handle. Same path-escape rules as the browser-mode server.
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from './security/csp';
import { APP_ORIGIN } from './security/navigation-policy';
import { contentTypeFor, resolveStaticPath } from '../server/http/static-files';

export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN || request.method !== 'GET') {
      return new Response('not found', { status: 404 });
    }
    // A single-page app: unknown extension-less paths fall back to index.html.
    const file = resolveStaticPath(rendererDir, url.pathname) ?? (url.pathname.includes('.') ? null : resolveStaticPath(rendererDir, '/'));
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(await readFile(file)), {
      status: 200,
      headers: { 'Content-Type': contentTypeFor(file), 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' },
    });
  };
}
