// Where the explain task module is. Run from the sources (tsx, vitest), this file is a .ts module
// next to explain-worker.ts. In the Electron bundle it is inlined into out/main/index.js, next to
// which electron.vite.config.ts emits explain-worker.js; one expression serves both.
const here = import.meta.url;

export const EXPLAIN_WORKER_URL = new URL(here.endsWith('.ts') ? './explain-worker.ts' : './explain-worker.js', here);
