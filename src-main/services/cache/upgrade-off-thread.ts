// Upgrading a large run cache of an earlier version rewrites its hits and seqlets: about 25 s per GB
// here. better-sqlite3 is synchronous, so done where the cache is opened it would freeze that
// thread; the Electron main process would not even show a window meanwhile. This runs the upgrade
// in a worker thread instead, while the caller's thread stays free to show that it is upgrading.
// It is the one worker that touches the database, and only before the process has opened it: the
// caller waits for it, so there is still one writer at a time.
import { EnginePool } from '../../engine/pool/engine-pool';
import type { UpgradeTask } from './upgrade-worker';

// From the sources (tsx, vitest) this is a .ts module next to upgrade-worker.ts; in the Electron
// bundle it is inlined into out/main/index.js, beside which electron.vite.config.ts emits
// upgrade-worker.js (as for the explain worker, engine/pool/explain-worker-url.ts).
const here = import.meta.url;
const UPGRADE_WORKER_URL = new URL(here.endsWith('.ts') ? './upgrade-worker.ts' : './upgrade-worker.js', here);

/** Migrates the cache at `path` in a worker thread; resolves with what opening it reported. */
export async function upgradeCacheOffThread(path: string, nativeBinding?: string): Promise<string[]> {
  const pool = new EnginePool({ handlerUrl: UPGRADE_WORKER_URL, threads: 1, intraOpThreads: 1 });
  try {
    return await pool.run<UpgradeTask, string[]>({ path, nativeBinding });
  } finally {
    await pool.destroy();
  }
}
