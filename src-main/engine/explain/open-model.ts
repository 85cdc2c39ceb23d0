// openModel: read and validate an ONNX genome model, then explain batches of one-hot sequences
// with any set of explanation configs. Validation (ops, layout, shapes) happens here, before any
// computation, so a bad model fails with a message naming the node and the file.
import { createHash } from 'node:crypto';
import type { ExplainConfig } from '../../shared/explain-config';
import { canonicalConfig } from '../../shared/explain-config';
import { AppError, errorMessage } from '../../shared/errors';
import { readModelFile } from '../onnx/read-model';
import { buildGraph } from '../onnx/graph';
import { analyzeGraph, type AnalyzedModel } from '../model/analyze';
import { withExtraOutputs } from '../runtime/activation-model';
import { createSession, floatTensor, ort } from '../runtime/ort';
import { describeModel } from './model-info';
import { toModelLayout } from './layout';
import { compilePass, fastConvModel, INPUT_FEED, releasePass, runPass, TARGET_FEED, type CompiledPass, type TensorDims } from './ort-backend';
import { ReferenceBackend } from './reference-backend';
import { collectConfigResult } from './collect-result';
import { batchLimit, checkActivationBudget, checkInputDependence, PROBE_LENGTH_BP, probeInputs } from './model-probe';
import { receptiveField } from '../model/receptive-field';
import { averageStrands, relevanceFromReverseStrand, reverseComplementOneHot } from '../genomics/strand-averaging';
import type { ExplainableModel, ExplainBatchResult, ExplainOptions, ModelInfo, OpenModelOptions, PredictResult } from './types';

export async function openModel(path: string, options: OpenModelOptions = {}): Promise<ExplainableModel> {
  const { bytes, model: proto } = await readModelFile(path);
  const analyzed = analyzeGraph(buildGraph(proto, path), { layout: options.layout });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const threads = options.intraOpThreads ?? 1;
  const lengthBp = analyzed.lengthBp > 0 ? analyzed.lengthBp : PROBE_LENGTH_BP;
  checkActivationBudget(analyzed, lengthBp, path);
  const predictSession = await createSession(withExtraOutputs(fastConvModel(proto), [analyzed.logit]), path, { intraOpThreads: threads });
  const probe = await ReferenceBackend.create(analyzed, threads);
  let acts: Awaited<ReturnType<ReferenceBackend['forward']>>;
  try {
    acts = await probe.forward(probeInputs(lengthBp), 3, lengthBp).catch((e: unknown) => {
      throw new AppError('BAD_INPUT_SHAPE', `${path}: the model does not run on a one-hot input of length ${lengthBp}: ${errorMessage(e)}`);
    });
    checkInputDependence(acts.get(analyzed.logit)!.data, path);
  } catch (e) {
    await predictSession.release();
    await probe.close();
    throw e;
  }
  const outputSize = acts.get(analyzed.logit)!.data.length / 3;
  let bytesPerSequence = 0;
  for (const a of acts.values()) bytesPerSequence += (a.data.length * 4) / 3;
  const described = describeModel(analyzed, path, sha256, outputSize);
  const field = receptiveField(analyzed);
  // describeModel lists the units in order (then the head), so unit i is layer i.
  const layers = described.layers.map((l, i) => (i < field.units.length ? { ...l, receptiveFieldBp: field.units[i].bp } : l));
  const info: ModelInfo = {
    ...described, layers, batchLimit: batchLimit(bytesPerSequence),
    receptiveFieldBp: field.bp, receptiveFieldWholeInput: field.wholeInput,
  };
  return new OnnxExplainableModel(analyzed, info, predictSession, probe, threads, options.backend ?? 'ort', options.nativeKernels ?? true);
}

class OnnxExplainableModel implements ExplainableModel {
  private readonly passes = new Map<string, Promise<CompiledPass>>();
  private readonly dimsByLength = new Map<number, Promise<TensorDims>>();
  /** Calls still running: close() waits for them, since releasing a busy ORT session crashes. */
  private readonly inFlight = new Set<Promise<unknown>>();

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  constructor(
    private readonly model: AnalyzedModel,
    readonly info: ModelInfo,
    private readonly predictSession: ort.InferenceSession,
    private readonly reference: ReferenceBackend,
    private readonly threads: number,
    private readonly backend: 'ort' | 'reference',
    private readonly nativeKernels: boolean,
  ) {}

  private lengthOf(onehot: Float32Array, n: number): number {
    const lengthBp = onehot.length / (n * 4);
    if (!Number.isInteger(lengthBp) || (this.info.lengthBp > 0 && lengthBp !== this.info.lengthBp)) {
      throw new AppError('BAD_INPUT_SHAPE', `${this.info.path}: the model takes sequences of ${this.info.lengthBp} bp; got ${lengthBp} bp`);
    }
    return lengthBp;
  }

  private inputTensor(onehot: Float32Array, n: number, lengthBp: number): ort.Tensor {
    const x = toModelLayout(onehot, n, lengthBp, this.info.layout);
    return floatTensor(x, this.info.layout === 'NLC' ? [n, lengthBp, 4] : [n, 4, lengthBp]);
  }

  predict(onehot: Float32Array, n: number): Promise<PredictResult> {
    return this.track(this.predictNow(onehot, n));
  }

  private async predictNow(onehot: Float32Array, n: number): Promise<PredictResult> {
    const lengthBp = this.lengthOf(onehot, n);
    const res = await this.predictSession.run({ [this.info.inputName]: this.inputTensor(onehot, n, lengthBp) });
    return { output: res[this.model.outputName].data as Float32Array, logits: res[this.model.logit].data as Float32Array };
  }

  private tensorDims(lengthBp: number): Promise<TensorDims> {
    let d = this.dimsByLength.get(lengthBp);
    if (!d) {
      d = this.reference.forward(new Float32Array(lengthBp * 4), 1, lengthBp).then((acts) => {
        const m: TensorDims = new Map();
        for (const [name, a] of acts) m.set(name, [-1, ...a.dims.slice(1)]);
        return m;
      });
      this.dimsByLength.set(lengthBp, d);
    }
    return d;
  }

  private pass(config: ExplainConfig, lengthBp: number, observeLayers: boolean): Promise<CompiledPass> {
    const key = `${lengthBp}|${observeLayers}|${canonicalConfig(config)}`;
    let p = this.passes.get(key);
    if (!p) {
      p = this.tensorDims(lengthBp).then((dims) => compilePass(this.model, config, dims, this.threads, observeLayers, this.nativeKernels));
      this.passes.set(key, p);
      p.catch(() => this.passes.delete(key));
    }
    return p;
  }

  explain(onehot: Float32Array, n: number, configs: ExplainConfig[], targets: Int32Array, options: ExplainOptions = {}): Promise<ExplainBatchResult> {
    return this.track(this.explainNow(onehot, n, configs, targets, options));
  }

  private async explainNow(onehot: Float32Array, n: number, configs: ExplainConfig[], targets: Int32Array, options: ExplainOptions): Promise<ExplainBatchResult> {
    const forward = await this.explainStrand(onehot, n, configs, targets, options);
    if (!options.reverseComplement) return forward;
    // The reverse strand explains the forward window's target, so both halves answer one question.
    const reverse = await this.explainStrand(reverseComplementBatch(onehot, n), n, configs, forward.targets, { ...options, layerRelevance: false });
    const windowSize = onehot.length / n;
    for (const c of configs) {
      const f = forward.relevance[c.id];
      const r = reverse.relevance[c.id];
      for (let b = 0; b < n; b++) {
        const mapped = relevanceFromReverseStrand(r.subarray(b * windowSize, (b + 1) * windowSize), 4);
        f.set(averageStrands(f.subarray(b * windowSize, (b + 1) * windowSize), mapped), b * windowSize);
      }
    }
    return forward;
  }

  private async explainStrand(onehot: Float32Array, n: number, configs: ExplainConfig[], targets: Int32Array, options: ExplainOptions): Promise<ExplainBatchResult> {
    const lengthBp = this.lengthOf(onehot, n);
    for (const t of targets) {
      if (t >= this.info.outputSize) throw new AppError('BAD_TARGET', `target index ${t} is out of range: the model has ${this.info.outputSize} outputs (0..${this.info.outputSize - 1})`);
    }
    const result: ExplainBatchResult = { output: new Float32Array(0), logits: new Float32Array(0), targets: new Int32Array(n), relevance: {}, diagnostics: {} };
    if (options.layerRelevance) result.layerRelevance = {};
    if (this.backend === 'reference') {
      const acts = await this.reference.forward(onehot, n, lengthBp);
      result.targets = this.reference.resolveTargets(acts, n, targets);
      result.logits = acts.get(this.model.logit)!.data;
      result.output = acts.get(this.model.outputName)!.data;
      for (const c of configs) {
        if (options.signal?.aborted) throw new AppError('CANCELLED', 'cancelled');
        const r = this.reference.explainConfig(acts, n, lengthBp, c, result.targets, Boolean(options.layerRelevance));
        collectConfigResult(result, this.model, c, r.relevance, r.observed, options);
      }
      return result;
    }
    const feeds = { [INPUT_FEED]: floatTensor(onehot, [n, lengthBp, 4]), [TARGET_FEED]: new ort.Tensor('int64', BigInt64Array.from(targets, BigInt), [n]) };
    for (const c of configs) {
      const observed = await runPass(await this.pass(c, lengthBp, Boolean(options.layerRelevance)), feeds, options.signal);
      result.targets = Int32Array.from(observed.get('targets')!.data);
      result.logits = observed.get('logits')!.data;
      result.output = observed.get('output')!.data;
      const relevance = observed.get('relevance')!.data;
      collectConfigResult(result, this.model, c, relevance, observed, options);
    }
    if (configs.length === 0) Object.assign(result, await this.predictNow(onehot, n));
    return result;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    for (const p of this.passes.values()) await releasePass(await p).catch(() => undefined);
    await this.predictSession.release();
    await this.reference.close();
  }
}

function reverseComplementBatch(onehot: Float32Array, n: number): Float32Array {
  const size = onehot.length / n;
  const out = new Float32Array(onehot.length);
  for (let b = 0; b < n; b++) out.set(reverseComplementOneHot(onehot.subarray(b * size, (b + 1) * size)), b * size);
  return out;
}
