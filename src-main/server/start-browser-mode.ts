// Browser mode: the studio's services and built renderer on http://127.0.0.1:<port>, behind a random
// per-launch token. Files named on the command line are registered up front, so the page can use
// them without uploading.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppError } from '../shared/errors';
import { openStudioHost } from './open-host';
import { createStudioServer } from './http/create-server';

export interface BrowserModeOptions {
  port?: number;
  /** Bind address; anything but 127.0.0.1 exposes the studio to the network (warned about). */
  host?: string;
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

export async function startBrowserMode(o: BrowserModeOptions): Promise<BrowserMode> {
  if (!existsSync(join(o.rendererDir, 'index.html'))) {
    throw new AppError('FILE_NOT_FOUND', `the UI is not built (${o.rendererDir}/index.html is missing); run \`npm run build\` first`);
  }
  const host = openStudioHost({ resourcesDir: o.resourcesDir, cachePath: o.cachePath, threads: o.threads, log: o.log });
  for (const f of o.files ?? []) host.files.register(resolve(f), 'command-line');
  // 32 random bytes: the token is the only thing between other local users/pages and the service.
  const token = randomBytes(32).toString('base64url');
  const uploadsDir = mkdtempSync(join(tmpdir(), 'plrp-uploads-'));
  const bindHost = o.host ?? '127.0.0.1';
  const policy = { token, port: 0, extraHost: bindHost === '127.0.0.1' ? undefined : bindHost };
  const { server, close } = createStudioServer({ policy, handlers: host.handlers, runs: host.runs, files: host.files, rendererDir: o.rendererDir, uploadsDir, log: o.log });
  await new Promise<void>((res, rej) => {
    server.once('error', (e: NodeJS.ErrnoException) => rej(new AppError('IO_ERROR', `cannot listen on ${bindHost}:${o.port ?? 0}: ${e.code ?? e.message}`)));
    server.listen(o.port ?? 0, bindHost, () => res());
  });
  policy.port = (server.address() as AddressInfo).port;
  const shownHost = bindHost === '127.0.0.1' || bindHost === '0.0.0.0' ? '127.0.0.1' : bindHost;
  return {
    url: `http://${shownHost}:${policy.port}/?token=${token}`,
    port: policy.port,
    close: async () => {
      await close();
      await host.service.close();
      rmSync(uploadsDir, { recursive: true, force: true });
    },
  };
}
