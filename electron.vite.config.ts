// Build of the three Electron bundles (electron-vite): main and preload from src-main/, the Svelte 5
// renderer from src-renderer/. The renderer build (out/renderer) is also what `plrp serve` serves.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/app/index.ts'),
          // The engine's worker threads load these by URL next to index.js
          // (src-main/engine/pool/explain-worker-url.ts, engine-pool.ts).
          'explain-worker': resolve(__dirname, 'src-main/engine/pool/explain-worker.ts'),
          'worker-bootstrap': resolve(__dirname, 'src-main/engine/pool/worker-bootstrap.js'),
          // The first launch after an update migrates an earlier cache here (services/cache/upgrade-off-thread.ts).
          'upgrade-worker': resolve(__dirname, 'src-main/services/cache/upgrade-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or node_modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [svelte()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
