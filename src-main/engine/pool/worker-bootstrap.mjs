// Entry file of every pool worker thread. Worker threads start with a fresh module loader, so the
// tsx hook registered by bin/plrp.mjs does not reach them: register it here, then import the
// TypeScript task module named in workerData and re-export its handler for piscina.
import { register } from 'tsx/esm/api';
import { workerData } from 'piscina';

register();
const mod = await import(workerData.handlerUrl);

export default mod.default;
