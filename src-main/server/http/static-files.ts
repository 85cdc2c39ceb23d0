// Serving the built renderer: only files inside the served folder, whatever the URL says. Paths are
// decoded once, NUL and backslashes refused, and the resolved path must stay under the root, so
// `/../`, `%2e%2e/` and absolute-path tricks all end at 404 rather than somewhere on disk.
import { realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function contentTypeFor(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file for a URL path, or null when it is outside `root` or does not exist. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const rootReal = realpathSync(root);
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
  const candidate = resolve(rootReal, rel);
  if (candidate !== rootReal && !candidate.startsWith(rootReal + sep)) return null;
  try {
    // Symlinks inside the folder must not lead out of it either.
    const real = realpathSync(candidate);
    if (!real.startsWith(rootReal + sep)) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
