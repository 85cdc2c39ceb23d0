// Where the run cache lives: PLRP_CACHE_DB when set (tests, CI, a user's choice), else the
// platform's per-user data folder, matching where Electron's app.getPath('userData') points.
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_DIR = 'plrp-studio';
const FILE = 'run-cache.sqlite';

export function defaultCachePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PLRP_CACHE_DB) return env.PLRP_CACHE_DB;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR, FILE);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR, FILE);
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), APP_DIR, FILE);
}
