// The production backend: one explanation config compiles into generated ONNX segments (forward +
// relevance pass, cut only where a step runs on the host) that ONNX Runtime runs: in the native
// kernels' sessions when their nodes are in the graph (../runtime/native-kernels.ts), else in
// onnxruntime-node's.
import type { ExplainConfig } from '../../shared/explain-config';
import { AppError, errorMessage } from '../../shared/errors';
import type { AnalyzedModel } from '../model/analyze';
import type { HostArray } from '../lrp/algebra';
import { relevancePass } from '../lrp/relevance-pass';
import { buildPassPlan } from '../lrp/pass-plan';
import { SegmentBuilder, type BuiltPass, type Sym } from '../lrp/onnx/segment-builder';
import { createOnnxAlgebra } from '../lrp/onnx/onnx-algebra';
import { createSession, ort } from '../runtime/ort';
import { createNativeSession, disableNativeKernels, nativeKernelsAvailable, type PassSession } from '../runtime/native-kernels';
import { rewriteConv1dAs2d } from '../runtime/conv2d-rewrite';
import type { IModelProto } from '../onnx/proto';

const rewritten = new WeakMap<IModelProto, IModelProto>();

/** The model with its 1-D convolutions run as 2-D ones (computed once per model). */
export function fastConvModel(model: IModelProto): IModelProto {
  let m = rewritten.get(model);
  if (!m) rewritten.set(model, (m = rewriteConv1dAs2d(model)));
  return m;
}

export const TARGET_FEED = 'plrp_target';
/** The generated graph takes sequences as [N, L, 4] A,C,G,T whatever the model's layout. */
export const INPUT_FEED = 'plrp_input_nlc';

export interface CompiledPass {
  built: BuiltPass;
  sessions: PassSession[];
}

/** Static per-tensor dims (batch axis first, −1) for one input length, probed with ORT. */
export type TensorDims = Map<string, number[]>;

export interface PassOptions {
  observeLayers?: boolean;
  /** Prune and route with the native kernels (their sessions then run the pass), splitting samples between this many threads. */
  nativeThreads?: number | null;
}

export function buildPass(model: AnalyzedModel, config: ExplainConfig, dims: TensorDims, options: PassOptions = {}): BuiltPass {
  const observeLayers = options.observeLayers ?? false;
  const b = new SegmentBuilder(fastConvModel(model.graph.model));
  const alg = createOnnxAlgebra(b, options.nativeThreads ?? null);
  const syms = new Map<string, Sym>();
  const act = (name: string): Sym => {
    let s = syms.get(name);
    if (!s) {
      const d = dims.get(name);
      if (!d) throw new AppError('INTERNAL', `no shape known for tensor '${name}'`);
      if (name === model.input.name) {
        // Channels-first models get their [N, 4, L] from a Transpose in the graph.
        const feed = b.feed(INPUT_FEED, model.layout === 'NCL' ? [-1, d[2], d[1]] : d, 'float32');
        s = model.layout === 'NCL' ? b.feedThrough(name, feed, 'Transpose', { perm: [0, 2, 1] }, d) : b.feedThrough(name, feed, 'Identity', {}, d);
      } else {
        s = b.original(name, d);
      }
      syms.set(name, s);
    }
    return s;
  };
  const logit = act(model.logit);
  if (logit.dims.length !== 2) {
    throw new AppError('BAD_MODEL', `${model.graph.file}: the logit '${model.logit}' has shape [${logit.dims.join(', ')}]; explanations need a [N, outputs] output`);
  }
  const k = logit.dims[1];
  const target = b.feed(TARGET_FEED, [-1], 'int64');
  const argmax = b.node('ArgMax', [logit], [-1], { axis: 1, keepdims: 0 }, 'int64');
  const isAuto = b.node('Less', [target, b.constInt64([0])], [-1], {}, 'int64');
  const chosen = b.node('Where', [isAuto, argmax, target], [-1], {}, 'int64');
  const column = b.node('Reshape', [chosen, b.constInt64([-1, 1])], [-1, 1], {}, 'int64');
  const hit = b.node('Equal', [column, b.constInt64([...Array(k).keys()])], [-1, k], {}, 'int64');
  const start = b.node('Mul', [b.node('Cast', [hit], [-1, k], { to: 1 }), logit], [-1, k]);
  b.observe('targets', chosen);
  b.observe('logits', logit);
  b.observe('output', act(model.outputName));
  act(model.input.name); // the input feed exists even when no relevance reaches the input
  const r = relevancePass(alg, model, buildPassPlan(model, config, observeLayers), act, start);
  // Relevance leaves the graph as [N, L, 4] A,C,G,T, like every array at the engine's boundary.
  b.observe('relevance', model.layout === 'NCL' ? b.node('Transpose', [r], [r.dims[0], r.dims[2], r.dims[1]], { perm: [0, 2, 1] }) : r);
  return b.finish();
}

/**
 * Builds and loads a pass: on the native kernels (pruning and MaxPool routing) when they are
 * available and `useNativeKernels` is not false, else as plain ONNX nodes on onnxruntime-node.
 * Should the kernels' runtime refuse a graph the plain path accepts, they are turned off for the
 * process (with a warning) rather than failing the explanation.
 */
export async function compilePass(model: AnalyzedModel, config: ExplainConfig, dims: TensorDims, intraOpThreads: number, observeLayers: boolean, useNativeKernels = true): Promise<CompiledPass> {
  if (!useNativeKernels || !nativeKernelsAvailable()) return loadPass(model, config, dims, intraOpThreads, observeLayers, false);
  try {
    return await loadPass(model, config, dims, intraOpThreads, observeLayers, true);
  } catch (nativeError) {
    // A model at fault fails the plain path too, with its own message.
    const plain = await loadPass(model, config, dims, intraOpThreads, observeLayers, false);
    disableNativeKernels(`their ONNX Runtime refused ${model.graph.file}: ${errorMessage(nativeError)}`);
    return plain;
  }
}

async function loadPass(model: AnalyzedModel, config: ExplainConfig, dims: TensorDims, intraOpThreads: number, observeLayers: boolean, native: boolean): Promise<CompiledPass> {
  const built = buildPass(model, config, dims, { observeLayers, nativeThreads: native ? intraOpThreads : null });
  const sessions: PassSession[] = [];
  try {
    for (const [i, seg] of built.segments.entries()) {
      const where = `${model.graph.file} (generated relevance graph ${i})`;
      sessions.push(built.usesNativeKernels ? await createNativeSession(seg.bytes, where, intraOpThreads) : await createSession(seg.bytes, where, { intraOpThreads }));
    }
  } catch (e) {
    for (const s of sessions) await s.release();
    throw e;
  }
  return { built, sessions };
}

function toHost(t: ort.Tensor): HostArray {
  const data = t.type === 'float32' ? (t.data as Float32Array) : Float32Array.from(t.data as ArrayLike<number | bigint>, Number);
  return { dims: t.dims.map(Number), data };
}

/** Runs the segments and host steps in order; returns every observed value on the host. */
export async function runPass(pass: CompiledPass, feeds: Record<string, ort.Tensor>, signal?: AbortSignal): Promise<Map<string, HostArray>> {
  const values = new Map<string, ort.Tensor>(Object.entries(feeds));
  const { built, sessions } = pass;
  for (let i = 0; i < sessions.length; i++) {
    if (signal?.aborted) throw new AppError('CANCELLED', 'cancelled');
    const seg = built.segments[i];
    const segFeeds: Record<string, ort.Tensor> = {};
    for (const name of seg.inputs) segFeeds[name] = values.get(name)!;
    const t0 = performance.now();
    const res = await sessions[i].run(segFeeds, seg.outputs);
    const t1 = performance.now();
    for (const name of seg.outputs) values.set(name, res[name]);
    for (const h of built.hostSteps.filter((s) => s.afterSegment === i)) {
      const outs = h.step(h.inputs.map((s) => toHost(values.get(s.name)!)));
      outs.forEach((o, j) => values.set(h.outputs[j].name, new ort.Tensor('float32', o.data, o.dims)));
    }
    if (process.env.PLRP_PROFILE) console.error(`segment ${i}: run ${(t1 - t0).toFixed(1)} ms, host ${(performance.now() - t1).toFixed(1)} ms, ${seg.inputs.length} in / ${seg.outputs.length} out`);
  }
  const observed = new Map<string, HostArray>();
  for (const [key, name] of built.observed) observed.set(key, toHost(values.get(name)!));
  return observed;
}

export async function releasePass(pass: CompiledPass): Promise<void> {
  for (const s of pass.sessions) await s.release();
}
