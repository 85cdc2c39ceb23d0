// The folder of shipped data (models, demo, JASPAR). PLRP_RESOURCES wins (the Electron main sets it
// for packaged builds, where resources/ sits outside the asar). Otherwise it is two levels above
// this module — src-main/engine/ from the sources, out/main/ in the electron-vite bundle — so one
// relative URL serves both.
import { fileURLToPath } from 'node:url';

export function resourcesDir(): string {
  return process.env.PLRP_RESOURCES ?? fileURLToPath(new URL('../../resources', import.meta.url));
}
