// `plrp serve` right after `npm install`: the UI (out/renderer) is a build product, and the CLI
// itself needs no build step (bin/plrp.mjs runs the sources). So serve builds the UI when it is
// missing and the build tool came with the install, as `npm start` does, saying so while it builds
// (about 20 s on 2 cores). Without the tool (an install without dev dependencies), or for a
// --renderer folder the build cannot produce, startBrowserMode says what is missing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

/** Builds the UI into `rendererDir` (a folder named renderer: the build writes main/, preload/ and renderer/ beside each other) when its index.html is missing. */
export async function ensureUiBuilt(rendererDir: string, log: (message: string) => void): Promise<void> {
  if (existsSync(join(rendererDir, 'index.html')) || basename(rendererDir) !== 'renderer' || !existsSync(ELECTRON_VITE)) return;
  log(`the UI is not built yet (${join(rendererDir, 'index.html')} is missing): building it once with electron-vite (npm run build), about 20 s…`);
  const startMs = Date.now();
  let output = '';
  const code = await new Promise<number | null>((resolve) => {
    // stdout is the URL's: the build's own lines are kept, and shown only when it fails.
    const child = spawn(process.execPath, [ELECTRON_VITE, 'build', '--outDir', dirname(rendererDir)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => { output += String(e); resolve(null); });
    child.on('close', resolve);
  });
  if (code !== 0 || !existsSync(join(rendererDir, 'index.html'))) {
    const tail = output.trim().split('\n').slice(-8).join('\n');
    throw new AppError('IO_ERROR', `building the UI failed (electron-vite build exited ${code ?? 'on an error'}); run \`npm run build\` to see why${tail ? `. Its last lines:\n${tail}` : ''}`);
  }
  log(`built the UI in ${((Date.now() - startMs) / 1000).toFixed(0)} s`);
}
