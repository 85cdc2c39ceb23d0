// Browser mode: the studio's services and built renderer on http://127.0.0.1:<port>, behind a random
// per-launch token. Files named on the command line are registered up front, so the page can use
// them without uploading. It binds loopback only unless the caller explicitly allows a wider
// address; then it logs a warning, since the token is all that stands between the network and it.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppError } from '../shared/errors';
import { openStudioHost } from './open-host';
import { createStudioServer } from './http/create-server';

export interface BrowserModeOptions {
  port?: number;
  /** Bind address (default 127.0.0.1); a non-loopback one exposes the studio to the network. */
  host?: string;
  /** Required to bind beyond loopback (127.0.0.0/8, ::1): the explicit choice (`plrp serve --host`). */
  allowRemote?: boolean;
  files?: string[];
  rendererDir: string;
  resourcesDir: string;
  cachePath?: string;
  threads?: number;
  log(message: string): void;
}

export interface BrowserMode {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 (also IPv4-mapped), localhost. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h) || /^::ffff:127\./.test(h);
  return false;
}

export async function startBrowserMode(o: BrowserModeOptions): Promise<BrowserMode> {
  const bindHost = !o.host || o.host === 'localhost' ? '127.0.0.1' : o.host;
  const loopback = isLoopbackAddress(bindHost);
  // Checked before anything is opened: a refused address leaves nothing running.
  if (!loopback && !o.allowRemote) {
    throw new AppError('USAGE', `refusing to bind ${bindHost}: it is not a loopback address (127.0.0.1/::1), so other machines could reach the studio; pass --host ${bindHost} (allowRemote) to choose that explicitly`);
  }
  if (!existsSync(join(o.rendererDir, 'index.html'))) {
    throw new AppError('FILE_NOT_FOUND', `the UI is not built (${o.rendererDir}/index.html is missing); run \`npm run build\` first`);
  }
  const host = openStudioHost({ resourcesDir: o.resourcesDir, cachePath: o.cachePath, threads: o.threads, log: o.log });
  for (const f of o.files ?? []) host.files.register(resolve(f), 'command-line');
  // 32 random bytes: the token is the only thing between other local users/pages and the service.
  const token = randomBytes(32).toString('base64url');
  const uploadsDir = mkdtempSync(join(tmpdir(), 'plrp-uploads-'));
  const policy = { token, port: 0, extraHost: bindHost === '127.0.0.1' ? undefined : bindHost };
  const { server, close } = createStudioServer({ policy, handlers: host.handlers, runs: host.runs, files: host.files, rendererDir: o.rendererDir, uploadsDir, log: o.log });
  try {
    await new Promise<void>((res, rej) => {
      server.once('error', (e: NodeJS.ErrnoException) => rej(new AppError('IO_ERROR', `cannot listen on ${bindHost}:${o.port ?? 0}: ${e.code ?? e.message}`)));
      server.listen(o.port ?? 0, bindHost, () => res());
    });
  } catch (e) {
    // Nothing listens, so nothing may keep running (the run service's workers, the uploads folder).
    await host.service.close();
    rmSync(uploadsDir, { recursive: true, force: true });
    throw e;
  }
  policy.port = (server.address() as AddressInfo).port;
  if (!loopback) {
    o.log(`WARNING: listening on ${bindHost}:${policy.port}, beyond loopback (127.0.0.1/::1): other machines can connect, and the access token in the URL is then the only protection; anyone who sees it can read the files you open in the studio`);
  }
  return {
    url: `http://${shownHost(bindHost)}:${policy.port}/?token=${token}`,
    port: policy.port,
    close: async () => {
      await close();
      await host.service.close();
      rmSync(uploadsDir, { recursive: true, force: true });
    },
  };
}

/** The host to print in the URL: the machine itself for wildcard binds, IPv6 in brackets. */
function shownHost(bindHost: string): string {
  if (bindHost === '0.0.0.0') return '127.0.0.1';
  if (bindHost === '::') return '[::1]';
  return isIP(bindHost) === 6 ? `[${bindHost}]` : bindHost;
}
