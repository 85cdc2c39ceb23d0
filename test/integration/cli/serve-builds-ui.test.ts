// `plrp serve` right after `npm install`, before any `npm run build`: it builds the UI itself (saying
// so on stderr, with stdout kept for the URL), then serves it. A real electron-vite build, into a
// temporary folder so the out/ of a concurrently running e2e suite is left alone.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'plrp-serve-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plrp serve without a built UI', () => {
  it('builds the UI, says so while it builds, then serves it', async () => {
    const rendererDir = join(dir, 'out', 'renderer');
    const child = spawn(process.execPath, [join(ROOT, 'bin/plrp.mjs'), 'serve', '--no-open', '--port', '0', '--renderer', rendererDir], { cwd: dir, env: { ...process.env, PLRP_CACHE_DB: join(dir, 'cache.sqlite') } });
    try {
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
      const url = await new Promise<string>((res, rej) => {
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          if (stdout.includes('\n')) res(stdout.split('\n')[0]);
        });
        child.once('exit', (code) => rej(new Error(`plrp serve exited (${code}): ${stderr}`)));
      });
      expect(stderr).toContain(`plrp serve: the UI is not built yet (${join(rendererDir, 'index.html')} is missing): building it once with electron-vite (npm run build)`);
      expect(stderr).toMatch(/plrp serve: built the UI in \d+ s\n/);
      expect(existsSync(join(rendererDir, 'index.html'))).toBe(true);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script');
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
  }, 240_000);
});
