#!/usr/bin/env node
// Builds the native PLRP kernels (native/ort-kernels) with node-gyp; `npm install` runs it. The
// addon is optional for users — without a C++ compiler PLRP runs as plain ONNX nodes, slower — so
// a failed build warns and exits 0, unless `--required` (CI and `npm run build:native`) asks for it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const addonDir = join(root, 'native', 'ort-kernels');
const required = process.argv.includes('--required');

/** npm tells lifecycle scripts where its node-gyp is; outside npm, use the one npm bundles. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
  const bundled = [
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return bundled.find((p) => existsSync(p)) ?? null;
}

const gyp = nodeGyp();
const result = gyp ? spawnSync(process.execPath, [gyp, 'rebuild'], { cwd: addonDir, stdio: 'inherit' }) : null;
if (result?.status === 0) {
  console.log('native PLRP kernels built: native/ort-kernels/build/Release/plrp_ort_kernels.node');
} else {
  const why = gyp ? `node-gyp exited with ${result?.status ?? result?.error?.message}` : 'node-gyp was not found';
  const message = `native PLRP kernels not built (${why}). Relevance passes will run as plain ONNX nodes (PLRP 1.4-1.9x slower); install a C++ compiler and run \`npm run build:native\` to build them.`;
  if (required) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`warning: ${message}`);
}
