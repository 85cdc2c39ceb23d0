// Where a generated relevance graph spends its time, per ONNX op type: builds the pass for one
// config, runs it under ONNX Runtime's profiler and sums kernel time by op (and the top nodes).
//   npx tsx scripts/bench/op-profile.ts MODEL.onnx [--n 256] [--batch 256] [--method plrp-lambda] [--p 0.3]
// Use it to find candidates, not to decide: the profiler's per-node timing inflates some kernels.
// It put MaxPool-with-indices + MaxUnpool at 15 of 43 ms on deep-multitask, yet replacing them saved
// nothing when both graphs were timed without the profiler; time an A/B of whole graphs before keeping a change.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readModelFile } from '../../src-main/engine/onnx/read-model';
import { buildGraph } from '../../src-main/engine/onnx/graph';
import { analyzeGraph } from '../../src-main/engine/model/analyze';
import { ReferenceBackend } from '../../src-main/engine/explain/reference-backend';
import { buildPass, fastConvModel, INPUT_FEED, TARGET_FEED, type TensorDims } from '../../src-main/engine/explain/ort-backend';
import { onnx } from '../../src-main/engine/onnx/proto';
import { toModelLayout } from '../../src-main/engine/explain/layout';
import { parseExplainConfig, type Composite, type Method } from '../../src-main/shared/explain-config';
import { ort, sessionThreading } from '../../src-main/engine/runtime/ort';
import { randomOneHot } from './sequences';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    n: { type: 'string', default: '256' }, batch: { type: 'string', default: '256' }, threads: { type: 'string', default: '2' },
    method: { type: 'string', default: 'lrp' }, composite: { type: 'string', default: 'epsilon-plus' }, p: { type: 'string', default: '0.3' },
    top: { type: 'string', default: '12' }, forward: { type: 'boolean', default: false },
  },
});
const path = positionals[0];
const config = parseExplainConfig({ id: 'profiled', composite: values.composite as Composite, method: values.method as Method, p: values.method === 'lrp' ? 0 : Number(values.p) });
const { model: proto } = await readModelFile(path);
const analyzed = analyzeGraph(buildGraph(proto, path), {});
const L = analyzed.lengthBp;
const ref = await ReferenceBackend.create(analyzed, 1);
const dims: TensorDims = new Map();
for (const [name, a] of await ref.forward(new Float32Array(L * 4), 1, L)) dims.set(name, [-1, ...a.dims.slice(1)]);
await ref.close();
const built = buildPass(analyzed, config, dims);
if (built.segments.length !== 1) throw new Error(`expected one segment, got ${built.segments.length}`);
// --forward profiles what `predict` runs (the model with 2-D convolutions), for comparison.
const seg = values.forward
  ? { bytes: onnx.ModelProto.encode(fastConvModel(proto)).finish(), outputs: [analyzed.outputName] }
  : built.segments[0];
const session = await ort.InferenceSession.create(seg.bytes, {
  ...sessionThreading(Number(values.threads)), graphOptimizationLevel: 'all', enableProfiling: true, profileFilePrefix: '/tmp/plrp-op-profile',
});
const batch = Number(values.batch);
const x = randomOneHot(batch, L, 1);
const feeds = values.forward
  ? { [analyzed.input.name]: new ort.Tensor('float32', toModelLayout(x, batch, L, analyzed.layout), analyzed.layout === 'NLC' ? [batch, L, 4] : [batch, 4, L]) }
  : { [INPUT_FEED]: new ort.Tensor('float32', x, [batch, L, 4]), [TARGET_FEED]: new ort.Tensor('int64', new BigInt64Array(batch).fill(-1n), [batch]) };
for (let i = 0; i < 2; i++) await session.run(feeds, seg.outputs);
const reps = Math.max(1, Math.round(Number(values.n) / batch));
const t0 = performance.now();
for (let i = 0; i < reps; i++) await session.run(feeds, seg.outputs);
const wall = performance.now() - t0;
session.endProfiling();
await session.release();
// onnxruntime-node writes <prefix>_<timestamp>.json without returning the name.
const file = readdirSync('/tmp').filter((f) => f.startsWith('plrp-op-profile')).map((f) => `/tmp/${f}`).sort().at(-1)!;
interface Event { cat: string; name: string; dur: number; args?: { op_name?: string } }
const events = (JSON.parse(readFileSync(file, 'utf8')) as Event[]).filter((e) => e.cat === 'Node' && e.name.endsWith('_kernel_time'));
rmSync(file);
const byOp = new Map<string, number>();
const byNode = new Map<string, number>();
let total = 0;
for (const e of events) {
  const op = e.args?.op_name ?? '?';
  byOp.set(op, (byOp.get(op) ?? 0) + e.dur);
  byNode.set(`${op} ${e.name.replace(/_kernel_time$/, '')}`, (byNode.get(`${op} ${e.name.replace(/_kernel_time$/, '')}`) ?? 0) + e.dur);
  total += e.dur;
}
const runs = reps + 2;
console.log(`${path} ${values.method} ${values.composite}: batch ${batch}, ${reps} timed runs, wall ${(wall / reps).toFixed(1)} ms/run, kernels ${(total / runs / 1000).toFixed(1)} ms/run`);
for (const [op, us] of [...byOp].sort((a, b) => b[1] - a[1])) console.log(`  ${op.padEnd(20)} ${(us / runs / 1000).toFixed(2).padStart(8)} ms  ${((100 * us) / total).toFixed(1)}%`);
console.log('top nodes:');
for (const [n, us] of [...byNode].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`  ${(us / runs / 1000).toFixed(2).padStart(8)} ms  ${n}`);
