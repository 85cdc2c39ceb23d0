// `plrp serve` right after `npm install`, before any `npm run build`: it builds the UI itself (saying
// so on stderr, with stdout kept for the URL), then serves it. A real electron-vite build, into a
// temporary folder so the out/ of a concurrently running e2e suite is left alone.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServe } from '../../helpers/spawn-serve';

const dir = mkdtempSync(join(tmpdir(), 'plrp-serve-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plrp serve without a built UI', () => {
  it('builds the UI, says so while it builds, then serves it', async () => {
    const rendererDir = join(dir, 'out', 'renderer');
    const serve = await spawnServe(['--no-open', '--port', '0', '--renderer', rendererDir], { cwd: dir, cachePath: join(dir, 'cache.sqlite') });
    try {
      expect(serve.stderr()).toContain(`plrp serve: the UI is not built yet (${join(rendererDir, 'index.html')} is missing): building it once with electron-vite (npm run build)`);
      expect(serve.stderr()).toMatch(/plrp serve: built the UI in \d+ s\n/);
      expect(existsSync(join(rendererDir, 'index.html'))).toBe(true);
      const page = await fetch(serve.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script');
    } finally {
      await serve.stop();
    }
  }, 240_000);
});
