// Entry file of every pool worker thread. From the sources (CLI via tsx, tests), the task module is
// TypeScript and worker threads start with a fresh module loader that the tsx hook registered by
// bin/plrp.mjs does not reach, so register it here first. In the Electron bundle the task module is
// built JavaScript (out/main/explain-worker.js) and tsx is not shipped. Then re-export the task's
// handler for piscina.
import { workerData } from 'piscina';

if (workerData.handlerUrl.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const mod = await import(workerData.handlerUrl);

export default mod.default;
