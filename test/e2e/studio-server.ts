// Starts `plrp serve` as a user would (a child process), reads the URL from its first stdout line,
// and stops it again. Each test gets its own cache database unless it passes one to reuse.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface StudioServer {
  url: string;
  origin: string;
  cacheDb: string;
  stop(): Promise<void>;
}

export function freshCacheDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'plrp-e2e-')), 'cache.sqlite');
}

export async function startServer(options: { cacheDb?: string; files?: string[] } = {}): Promise<StudioServer> {
  const cacheDb = options.cacheDb ?? freshCacheDb();
  const child: ChildProcess = spawn(process.execPath, ['bin/plrp.mjs', 'serve', '--no-open', ...(options.files ?? [])], {
    env: { ...process.env, PLRP_CACHE_DB: cacheDb },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`plrp serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    cacheDb,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
