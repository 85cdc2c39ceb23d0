#!/usr/bin/env node
// `npm start`: the desktop app. Builds the bundles when they are missing, then launches Electron.
// When the Electron runtime cannot be had (Electron ≥ 42 downloads its binary on first use, which
// fails offline or behind a proxy), it says why and starts browser mode instead, which opens the
// system browser when there is one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

function electronBinary() {
  if (!existsSync(join(electronDir, 'package.json'))) return { ok: false, why: 'the electron package is not installed (npm install)' };
  const pathFile = join(electronDir, 'path.txt');
  const have = () => existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!have()) {
    console.error('Fetching the Electron runtime (first launch)…');
    // install.js downloads the binary; two minutes is plenty on a working connection.
    const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    if (!have()) {
      const detail = (r.stderr?.toString() ?? '').split('\n').find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONN|status/i.test(l)) ?? (r.error ? String(r.error) : 'download failed');
      return { ok: false, why: `the Electron runtime could not be downloaded (${detail.trim().slice(0, 200)})` };
    }
  }
  return { ok: true, path: join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) };
}

if (!existsSync(join(root, 'out', 'renderer', 'index.html')) || !existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('Building the app (first launch)…');
  if (!run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])) process.exit(1);
}

const electron = electronBinary();
if (electron.ok) {
  const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(`PLRP Studio: cannot start the desktop window: ${electron.why}.`);
  console.error('Starting browser mode instead: the same app, served on 127.0.0.1 with an access token.');
  const child = spawn(process.execPath, [join(root, 'bin', 'plrp.mjs'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
