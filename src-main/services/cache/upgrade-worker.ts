// Worker-thread task: opens the run cache once, which migrates it to this version's format (see
// ./upgrade-off-thread), and closes it. Returns what opening it reported.
import { runWorkerTask } from '../../engine/pool/task-outcome';
import { closeCacheDb, openCacheDb } from './open-cache-db';

export interface UpgradeTask {
  path: string;
  nativeBinding?: string;
}

export default async function upgradeTask(task: UpgradeTask): Promise<unknown> {
  return runWorkerTask(async () => {
    const messages: string[] = [];
    // The window the app shows meanwhile says that it is upgrading; only the outcome is reported.
    const db = openCacheDb(task.path, { nativeBinding: task.nativeBinding, onMessage: (m) => messages.push(m), onUpgradeStarting: () => undefined });
    closeCacheDb(db, task.path);
    return { value: messages, transfer: [] };
  });
}
