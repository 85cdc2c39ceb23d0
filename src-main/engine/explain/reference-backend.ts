// The reference backend: activations from ONNX Runtime (the real forward pass, exposed as extra
// outputs), relevance from the eager TypeScript algebra. Slow and simple — the tests' oracle.
import type { ExplainConfig } from '../../shared/explain-config';
import type { AnalyzedModel } from '../model/analyze';
import { createEagerAlgebra, type Eager } from '../lrp/eager/eager-algebra';
import { relevancePass } from '../lrp/relevance-pass';
import { buildPassPlan } from '../lrp/pass-plan';
import { withExtraOutputs } from '../runtime/activation-model';
import { createSession, floatTensor, type ort } from '../runtime/ort';
import { fromModelLayout, toModelLayout } from './layout';
import { resolveTargets, startRelevance } from './targets';

export interface ConfigPassResult {
  relevance: Float32Array;
  observed: Map<string, Eager>;
}

export class ReferenceBackend {
  private constructor(private readonly model: AnalyzedModel, private readonly session: ort.InferenceSession, private readonly names: string[]) {}

  static async create(model: AnalyzedModel, intraOpThreads = 1): Promise<ReferenceBackend> {
    const names = new Set<string>([model.logit, model.outputName]);
    for (const u of model.units) {
      if (u.kind === 'linear') { names.add(u.input); names.add(u.output); }
      else { u.dataInputs.forEach((i) => names.add(i)); u.node.outputs.forEach((o) => names.add(o)); }
    }
    names.delete(model.input.name);
    const bytes = withExtraOutputs(model.graph.model, [...names]);
    return new ReferenceBackend(model, await createSession(bytes, model.graph.file, { intraOpThreads }), [...names]);
  }

  async forward(onehot: Float32Array, n: number, lengthBp: number): Promise<Map<string, Eager>> {
    const x = toModelLayout(onehot, n, lengthBp, this.model.layout);
    const dims = this.model.layout === 'NLC' ? [n, lengthBp, 4] : [n, 4, lengthBp];
    const res = await this.session.run({ [this.model.input.name]: floatTensor(x, dims) }, this.names);
    const acts = new Map<string, Eager>([[this.model.input.name, { dims, data: x }]]);
    for (const name of this.names) {
      const t = res[name];
      acts.set(name, { dims: t.dims.map(Number), data: t.type === 'float32' ? (t.data as Float32Array) : Float32Array.from(t.data as ArrayLike<number>) });
    }
    return acts;
  }

  explainConfig(acts: Map<string, Eager>, n: number, lengthBp: number, config: ExplainConfig, targets: Int32Array, observeLayers = false): ConfigPassResult {
    const logits = acts.get(this.model.logit)!;
    const k = logits.data.length / n;
    const start = startRelevance(logits.data, n, k, targets);
    const alg = createEagerAlgebra();
    const r = relevancePass(alg, this.model, buildPassPlan(this.model, config, observeLayers), (name) => acts.get(name)!, { dims: logits.dims, data: start });
    return { relevance: fromModelLayout(r.data, n, lengthBp, this.model.layout), observed: alg.observed };
  }

  resolveTargets(acts: Map<string, Eager>, n: number, requested: Int32Array): Int32Array {
    const logits = acts.get(this.model.logit)!;
    return resolveTargets(logits.data, n, logits.data.length / n, requested);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
