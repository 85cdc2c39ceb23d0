// `npm run rebuild:electron`: builds better-sqlite3 for Electron's ABI with @electron/rebuild and
// puts it where the app looks (node_modules/better-sqlite3/build/electron-abi-<modules>/), keeping
// Node's own build in build/Release so the CLI, tests and browser mode still load theirs.
// @electron/rebuild is fetched by npx (its node-gyp fork is a git dependency, so it is not a
// devDependency); it needs the Electron headers download or a prebuilt binary, or a C++ toolchain.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const release = join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
const electron = require('electron'); // path of the Electron binary
const run = (cmd, args, env = process.env) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  return r.stdout.trim();
};
// Electron's NODE_MODULE_VERSION, as the app reads it from process.versions.modules at startup.
const abi = run(electron, ['-p', 'process.versions.modules'], { ...process.env, ELECTRON_RUN_AS_NODE: '1' });
const backup = `${release}.node-build`;
if (existsSync(release)) copyFileSync(release, backup);
try {
  const r = spawnSync('npx', ['--yes', '@electron/rebuild', '--force', '--only', 'better-sqlite3'], { stdio: 'inherit' });
  // Never copy Node's build under the Electron name: a failed rebuild leaves build/Release as it was.
  if (r.status !== 0) throw new Error(`@electron/rebuild failed (exit ${r.status ?? r.signal}); see its output above`);
  const target = join(sqliteDir, 'build', `electron-abi-${abi}`);
  mkdirSync(target, { recursive: true });
  copyFileSync(release, join(target, 'better_sqlite3.node'));
  console.log(`better-sqlite3 for Electron (ABI ${abi}): ${join(target, 'better_sqlite3.node')}`);
} finally {
  if (existsSync(backup)) renameSync(backup, release);
}
