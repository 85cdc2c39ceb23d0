// Where explain time goes, per generated segment: runs a model with PLRP_PROFILE=1 and sums the
// engine's per-segment lines ("segment i: run X ms, host Y ms") over batches, next to the forward.
// ORT "run" = native kernels of that segment; "host" = the TypeScript step after it (PLRP pruning).
//   npx tsx scripts/bench/profile.ts MODEL.onnx [--n 64] [--batch 32] [--method plrp-m] [--composite epsilon-plus] [--p 0.3]
import { parseArgs } from 'node:util';
import { openModel } from '../../src-main/engine/explain/open-model';
import { parseExplainConfig, type Composite, type Method } from '../../src-main/shared/explain-config';
import { randomOneHot } from './sequences';
import { round, timed } from './timing';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    n: { type: 'string', default: '64' }, batch: { type: 'string', default: '32' }, threads: { type: 'string', default: '2' },
    method: { type: 'string', default: 'lrp' }, composite: { type: 'string', default: 'epsilon-plus' }, p: { type: 'string', default: '0.3' },
  },
});
const n = Number(values.n);
const batch = Number(values.batch);
const config = parseExplainConfig({ id: 'profiled', composite: values.composite as Composite, method: values.method as Method, p: values.method === 'lrp' ? 0 : Number(values.p) });

process.env.PLRP_PROFILE = '1';
const segments = new Map<number, { run: number; host: number; io: string }>();
let collecting = false;
const originalError = console.error;
console.error = (...args: unknown[]) => {
  const m = /^segment (\d+): run ([\d.]+) ms, host ([\d.]+) ms, (.*)$/.exec(String(args[0]));
  if (!m) return originalError(...args);
  if (!collecting) return;
  const s = segments.get(Number(m[1])) ?? { run: 0, host: 0, io: m[4] };
  s.run += Number(m[2]);
  s.host += Number(m[3]);
  segments.set(Number(m[1]), s);
};

const model = await openModel(positionals[0], { intraOpThreads: Number(values.threads) });
const L = model.info.lengthBp;
const x = randomOneHot(n, L, 1);
const targets = new Int32Array(batch).fill(-1);
await model.predict(x.subarray(0, batch * L * 4), batch);
await model.explain(x.subarray(0, batch * L * 4), batch, [config], targets); // compile
let predictMs = 0;
let explainMs = 0;
for (let i = 0; i < n; i += batch) {
  const k = Math.min(batch, n - i);
  const xs = x.subarray(i * L * 4, (i + k) * L * 4);
  predictMs += (await timed(() => model.predict(xs, k))).wallMs;
  collecting = true;
  explainMs += (await timed(() => model.explain(xs, k, [config], targets.subarray(0, k)))).wallMs;
  collecting = false;
}
await model.close();
console.log(`${positionals[0]} ${values.method} ${values.composite}${values.method === 'lrp' ? '' : ` p=${values.p}`}: ${n} seqs, batch ${batch}`);
console.log(`predict ${round(predictMs, 1)} ms, explain ${round(explainMs, 1)} ms, ratio ${round(explainMs / predictMs)}`);
let run = 0;
let host = 0;
for (const [i, s] of [...segments].sort((a, b) => a[0] - b[0])) {
  run += s.run;
  host += s.host;
  console.log(`  segment ${i}: ORT ${round(s.run, 1)} ms (${round(s.run / predictMs)}× forward), host ${round(s.host, 1)} ms, ${s.io}`);
}
console.log(`  total: ORT ${round(run, 1)} ms, host ${round(host, 1)} ms, other (layout, collect, diagnostics) ${round(explainMs - run - host, 1)} ms`);
