// better-sqlite3 is a native addon built for Node's ABI; Electron's Node has another ABI, and loading
// the wrong one aborts the process. So under Electron we look for a binding built for *its* ABI
// (`npm run rebuild:electron` places it in build/electron-abi-<modules>/) and pass it through
// better-sqlite3's `nativeBinding` option; when it is missing we say so instead of crashing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronSqliteBindingPath(betterSqliteDir: string, modulesAbi: string): string {
  return join(betterSqliteDir, 'build', `electron-abi-${modulesAbi}`, 'better_sqlite3.node');
}

export type BindingCheck = { ok: true; path: string } | { ok: false; message: string };

export function checkElectronSqliteBinding(betterSqliteDir: string, versions: { modules?: string; electron?: string }): BindingCheck {
  const abi = versions.modules ?? 'unknown';
  const path = electronSqliteBindingPath(betterSqliteDir, abi);
  if (existsSync(path)) return { ok: true, path };
  return {
    ok: false,
    message:
      `The run cache needs better-sqlite3 built for Electron ${versions.electron ?? ''} (ABI ${abi}), and ${path} is missing.\n` +
      'Run `npm run rebuild:electron` once (it needs a C++ toolchain or a prebuilt download), or use browser mode: `npx plrp serve`.',
  };
}
