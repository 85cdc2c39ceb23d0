// Browser mode binds loopback only unless the caller chose otherwise: startBrowserMode itself (not
// just the CLI) refuses a non-loopback address without allowRemote, and with it logs a warning that
// names the address and says the token is then the only protection. Real servers; every request
// goes to 127.0.0.1 — nothing is sent off the machine.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress, startBrowserMode, type BrowserModeOptions } from '../../src-main/server/start-browser-mode';
import { isAppError } from '../../src-main/shared/errors';
import { spawnServe } from '../helpers/spawn-serve';

const dir = mkdtempSync(join(tmpdir(), 'plrp-bind-'));
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<html>studio</html>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function options(extra: Partial<BrowserModeOptions>, logs: string[]): BrowserModeOptions {
  return { rendererDir, resourcesDir: dir, cachePath: join(dir, `cache-${logs.length}-${Math.random()}.sqlite`), threads: 1, log: (m) => logs.push(m), ...extra };
}

/** GET over loopback only. */
function get(port: number, path: string): Promise<number> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode!));
    });
    req.on('error', rej);
    req.end();
  });
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return { code: e.code, message: e.message };
}

describe('browser-mode bind address', () => {
  it('binds 127.0.0.1 by default, logs no warning, and serves the token holder', async () => {
    const logs: string[] = [];
    const studio = await startBrowserMode(options({}, logs));
    try {
      const url = new URL(studio.url);
      expect(url.hostname).toBe('127.0.0.1');
      expect(await get(studio.port, `/?token=${url.searchParams.get('token')}`)).toBe(200);
      expect(await get(studio.port, '/')).toBe(401);
      expect(logs.filter((l) => l.includes('WARNING'))).toEqual([]);
    } finally {
      await studio.close();
    }
  });

  it('refuses 0.0.0.0 without allowRemote, before anything listens', async () => {
    const logs: string[] = [];
    const e = await refusal(startBrowserMode(options({ host: '0.0.0.0' }, logs)));
    expect(e.code).toBe('USAGE');
    expect(e.message).toContain('refusing to bind 0.0.0.0');
    expect(e.message).toContain('--host');
    expect(logs).toEqual([]);
  });

  it('refuses a host name that is not localhost without allowRemote (no lookup needed)', async () => {
    const e = await refusal(startBrowserMode(options({ host: 'studio.example.org' }, [])));
    expect(e.code).toBe('USAGE');
    expect(e.message).toContain('studio.example.org');
  });

  it('binds 0.0.0.0 with allowRemote and warns that the token is then the only protection', async () => {
    const logs: string[] = [];
    const studio = await startBrowserMode(options({ host: '0.0.0.0', allowRemote: true }, logs));
    try {
      const warnings = logs.filter((l) => l.includes('WARNING'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`0.0.0.0:${studio.port}`);
      expect(warnings[0]).toContain('token');
      expect(warnings[0]).toContain('only protection');
      const url = new URL(studio.url);
      expect(url.hostname).toBe('127.0.0.1');
      expect(await get(studio.port, `/?token=${url.searchParams.get('token')}`)).toBe(200);
      expect(await get(studio.port, '/')).toBe(401);
    } finally {
      await studio.close();
    }
  });

  it('treats 127.0.0.0/8, ::1 and localhost as loopback, everything else as remote', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST']) expect(isLoopbackAddress(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '::ffff:10.0.0.1', 'fe80::1', 'example.org', '128.0.0.1']) expect(isLoopbackAddress(h), h).toBe(false);
  });

  it('`plrp serve --host 0.0.0.0` counts as the explicit choice: it serves and warns on stderr', async () => {
    const serve = await spawnServe(['--host', '0.0.0.0', '--no-open', '--renderer', rendererDir], { cwd: dir, cachePath: join(dir, 'cli-cache.sqlite') });
    try {
      const u = new URL(serve.url);
      expect(u.hostname).toBe('127.0.0.1');
      expect(serve.stderr()).toMatch(/WARNING: listening on 0\.0\.0\.0:\d+.*only protection/);
      expect(await get(Number(u.port), `/?token=${u.searchParams.get('token')}`)).toBe(200);
    } finally {
      await serve.stop();
    }
  }, 60_000);
});
