// Builds the generated ONNX graphs of one relevance pass. The pass is cut into segments at host
// steps (PLRP pruning runs in TypeScript); each segment is one ONNX model. Segment 0 contains the
// original model's nodes, so the forward pass and the relevance pass share one ORT run. A tensor
// used by a later segment becomes an output of the segment that makes it and an input of the user.
import { onnx, toNumber, type INodeProto, type ITensorProto, type IModelProto } from '../../onnx/proto';
import type { HostStep } from '../algebra';
import { doubleInitializer, floatInitializer, int64Initializer, makeNode, referencedInitializers, valueInfo, type AttrSpec } from './node-factory';

/** The lowest model opset `allowOpset` raises (see there). */
const RAISABLE_FROM_OPSET = 13;
/** ONNX IR version that opset 16 and later need. */
const IR_VERSION_FOR_RAISED_OPSET = 8;

/** Element types of generated tensors; double and bool appear only inside a segment. */
export type SymType = 'float32' | 'int32' | 'int64' | 'double' | 'bool';

export interface Sym {
  name: string;
  /** Batch axis first (-1 = dynamic). */
  dims: number[];
  dtype: SymType;
  /** Segment whose nodes produce it; -1 for values made outside any segment (host steps, feeds). */
  seg: number;
}

interface Segment {
  nodes: INodeProto[];
  initializers: ITensorProto[];
  inputs: Map<string, Sym>;
  outputs: Map<string, Sym>;
  constByArray: Map<object, Map<string, string>>;
}

export interface HostStepRecord {
  /** Runs after segment `afterSegment`. */
  afterSegment: number;
  step: HostStep;
  inputs: Sym[];
  outputs: Sym[];
}

/** Domain of the native kernels' operators (native/ort-kernels/src/custom-ops.h). */
export const NATIVE_DOMAIN = 'ai.plrp';

export interface BuiltPass {
  segments: { bytes: Uint8Array; inputs: string[]; outputs: string[] }[];
  /** Some node is a native kernel (domain ai.plrp): the sessions must come from the native addon. */
  usesNativeKernels: boolean;
  hostSteps: HostStepRecord[];
  /** observe key → value name (in the executor's value map). */
  observed: Map<string, string>;
}

export class SegmentBuilder {
  private readonly segments: Segment[] = [];
  private readonly hostSteps: HostStepRecord[] = [];
  private readonly observed = new Map<string, string>();
  private counter = 0;

  /** Base graph inputs replaced by a node of segment 0 (see `feedThrough`). */
  private readonly replacedInputs = new Set<string>();

  constructor(private readonly base: IModelProto, private readonly prefix = 'plrp') {
    this.segments.push(this.newSegment());
    const g = base.graph!;
    const seg0 = this.segments[0];
    seg0.nodes.push(...(g.node ?? []));
    seg0.initializers.push(...(g.initializer ?? []));
  }

  /**
   * Makes the base graph input `inputName` the output of `op(feed)`, with `feed` a new graph input:
   * e.g. a Transpose, so callers feed [N, L, 4] and ONNX Runtime does the layout change.
   */
  feedThrough(inputName: string, feed: Sym, op: string, attrs: AttrSpec, dims: number[]): Sym {
    this.replacedInputs.add(inputName);
    this.segments[0].inputs.set(feed.name, feed);
    this.segments[0].nodes.unshift(makeNode(op, [feed.name], [inputName], this.fresh(op), attrs));
    return { name: inputName, dims, dtype: 'float32', seg: 0 };
  }

  private newSegment(): Segment {
    return { nodes: [], initializers: [], inputs: new Map(), outputs: new Map(), constByArray: new Map() };
  }

  get current(): number {
    return this.segments.length - 1;
  }

  /** A tensor produced by the original graph (segment 0). */
  original(name: string, dims: number[], dtype: SymType = 'float32'): Sym {
    return { name, dims, dtype, seg: 0 };
  }

  /** A value fed from outside (graph input of segment 0, e.g. the model input or the target). */
  feed(name: string, dims: number[], dtype: SymType): Sym {
    const s: Sym = { name, dims, dtype, seg: -1 };
    return s;
  }

  fresh(hint: string): string {
    return `${this.prefix}/${hint}_${this.counter++}`;
  }

  /** Make `s` available to the current segment (wiring it across segments when needed). */
  use(s: Sym): string {
    const cur = this.current;
    if (s.seg !== cur) {
      if (s.seg >= 0) this.segments[s.seg].outputs.set(s.name, s);
      if (!(cur === 0 && this.isBaseInput(s.name))) this.segments[cur].inputs.set(s.name, s);
    }
    return s.name;
  }

  private isBaseInput(name: string): boolean {
    return (this.base.graph!.input ?? []).some((i) => i.name === name);
  }

  node(op: string, inputs: (Sym | string)[], dims: number[], attrs: AttrSpec = {}, dtype: SymType = 'float32', extraOutputs = 0): Sym {
    const name = this.fresh(op);
    const outs = [name, ...Array.from({ length: extraOutputs }, () => this.fresh(`${op}_aux`))];
    const ins = inputs.map((i) => (typeof i === 'string' ? i : this.use(i)));
    this.segments[this.current].nodes.push(makeNode(op, ins, outs, name, attrs));
    return { name, dims, dtype, seg: this.current };
  }

  /** A node of the native kernels' domain (../../runtime/native-kernels.ts) with one or more outputs. */
  nativeNode(op: string, inputs: (Sym | string)[], outputs: { dims: number[]; dtype: SymType }[], attrs: AttrSpec): Sym[] {
    const names = outputs.map(() => this.fresh(op));
    const ins = inputs.map((i) => (typeof i === 'string' ? i : this.use(i)));
    this.segments[this.current].nodes.push({ ...makeNode(op, ins, names, names[0], attrs), domain: NATIVE_DOMAIN });
    return outputs.map((o, i) => ({ name: names[i], dims: o.dims, dtype: o.dtype, seg: this.current }));
  }

  /** Two-output node (MaxPool with indices): returns both. */
  node2(op: string, inputs: (Sym | string)[], dims: [number[], number[]], dtypes: [SymType, SymType], attrs: AttrSpec = {}): [Sym, Sym] {
    const a = this.fresh(op);
    const b = this.fresh(`${op}_2`);
    const ins = inputs.map((i) => (typeof i === 'string' ? i : this.use(i)));
    this.segments[this.current].nodes.push(makeNode(op, ins, [a, b], a, attrs));
    return [{ name: a, dims: dims[0], dtype: dtypes[0], seg: this.current }, { name: b, dims: dims[1], dtype: dtypes[1], seg: this.current }];
  }

  private readonly poolIndices = new Map<string, Sym>();

  /**
   * The argmax of the original MaxPool that produced `poolOutput`, exposed by giving that node its
   * optional second output (Indices). Null when no such single-output MaxPool is in the graph.
   */
  originalMaxPoolIndices(poolOutput: string, dims: number[]): Sym | null {
    const known = this.poolIndices.get(poolOutput);
    if (known) return known;
    const seg0 = this.segments[0];
    const i = seg0.nodes.findIndex((n) => n.opType === 'MaxPool' && n.output?.length === 1 && n.output[0] === poolOutput);
    if (i < 0) return null;
    const name = this.fresh('MaxPool_indices');
    seg0.nodes[i] = { ...seg0.nodes[i], output: [poolOutput, name] };
    const sym: Sym = { name, dims, dtype: 'int64', seg: 0 };
    this.poolIndices.set(poolOutput, sym);
    return sym;
  }

  /** A float constant in the current segment; the same array is stored once per segment. */
  constFloat(data: Float32Array, dims: number[]): string {
    const seg = this.segments[this.current];
    // The same array may be needed with two shapes (e.g. a 1-D weight and its 2-D form).
    let byDims = seg.constByArray.get(data);
    if (!byDims) seg.constByArray.set(data, (byDims = new Map()));
    const key = dims.join('x');
    const known = byDims.get(key);
    if (known) return known;
    const name = this.fresh('const');
    seg.initializers.push(floatInitializer(name, dims, data));
    byDims.set(key, name);
    return name;
  }

  constDouble(values: number[], dims: number[]): string {
    const name = this.fresh('doubles');
    this.segments[this.current].initializers.push(doubleInitializer(name, dims, Float64Array.from(values)));
    return name;
  }

  constInt64(values: number[]): string {
    const name = this.fresh('ints');
    this.segments[this.current].initializers.push(int64Initializer(name, [values.length], values));
    return name;
  }

  private raisedOpset = 0;

  private get modelOpset(): number {
    return Math.max(0, ...(this.base.opsetImport ?? []).filter((o) => !o.domain || o.domain === 'ai.onnx').map((o) => toNumber(o.version)));
  }

  /** The default-domain opset of the generated graphs (the model's own, unless raised by `allowOpset`). */
  get opset(): number {
    return Math.max(this.modelOpset, this.raisedOpset);
  }

  /**
   * Whether generated nodes may use ops of opset `version`, raising the graphs' opset when that
   * keeps the model's own nodes meaning what they meant: from 13 on, later versions of the ops a
   * supported genome model contains only add types or attributes whose default is the old
   * behaviour; below 13 (axes moving from attributes to inputs) the model's opset stays.
   */
  allowOpset(version: number): boolean {
    if (this.opset >= version) return true;
    if (this.modelOpset < RAISABLE_FROM_OPSET) return false;
    this.raisedOpset = version;
    return true;
  }

  scalarDouble(value: number): string {
    const name = this.fresh('scalar');
    this.segments[this.current].initializers.push(doubleInitializer(name, [], new Float64Array([value])));
    return name;
  }

  scalarFloat(value: number): string {
    const name = this.fresh('scalar');
    this.segments[this.current].initializers.push(floatInitializer(name, [], new Float32Array([value])));
    return name;
  }

  /** Close the current segment, run `step` on the host, and continue in a new segment. */
  host(step: HostStep, inputs: Sym[], outputDims: number[][]): Sym[] {
    for (const s of inputs) if (s.seg >= 0) this.segments[s.seg].outputs.set(s.name, s);
    const outputs = outputDims.map((dims) => ({ name: this.fresh('host'), dims, dtype: 'float32' as const, seg: -1 }));
    this.hostSteps.push({ afterSegment: this.current, step, inputs, outputs });
    this.segments.push(this.newSegment());
    return outputs;
  }

  observe(key: string, s: Sym): void {
    if (s.seg >= 0) this.segments[s.seg].outputs.set(s.name, s);
    this.observed.set(key, s.name);
  }

  /** The opsets of a segment's model; `nativeKernels`: its live nodes include the native domain's. */
  private modelVersions(nativeKernels: boolean): Pick<IModelProto, 'irVersion' | 'opsetImport'> {
    const native = nativeKernels ? [onnx.OperatorSetIdProto.create({ domain: NATIVE_DOMAIN, version: 1 })] : [];
    if (this.raisedOpset <= this.modelOpset) return { irVersion: this.base.irVersion, opsetImport: [...(this.base.opsetImport ?? []), ...native] };
    const others = (this.base.opsetImport ?? []).filter((o) => o.domain && o.domain !== 'ai.onnx');
    return {
      irVersion: Math.max(toNumber(this.base.irVersion), IR_VERSION_FOR_RAISED_OPSET),
      opsetImport: [...others, onnx.OperatorSetIdProto.create({ domain: '', version: this.raisedOpset }), ...native],
    };
  }

  finish(): BuiltPass {
    const g = this.base.graph!;
    // From the nodes that stay: a native node nothing uses (PLRP-λ's keep mask) needs no addon.
    let usesNativeKernels = false;
    const segments = this.segments.map((seg, i) => {
      const outputs = [...seg.outputs.values()];
      const nodes = liveNodes(seg.nodes, outputs.map((o) => o.name));
      const native = nodes.some((n) => n.domain === NATIVE_DOMAIN);
      usesNativeKernels ||= native;
      const inputs = [...seg.inputs.values()];
      const baseInputs = i === 0 ? (g.input ?? []).filter((x) => !this.replacedInputs.has(x.name ?? '')) : [];
      const graphInputs = [...baseInputs].concat(inputs.map((s) => valueInfo(s.name, s.dtype, s.dims)));
      const graph = onnx.GraphProto.create({
        name: `${this.prefix}-segment-${i}`,
        node: nodes,
        // Constants of dropped nodes go too (ORT would warn about each).
        initializer: referencedInitializers(seg.initializers, nodes, outputs.map((o) => o.name)),
        input: graphInputs,
        output: outputs.map((s) => valueInfo(s.name, s.dtype, null)),
      });
      const model = onnx.ModelProto.create({ ...this.modelVersions(native), producerName: 'plrp-studio', graph });
      return {
        bytes: onnx.ModelProto.encode(model).finish(),
        inputs: [...baseInputs.map((x) => x.name ?? ''), ...inputs.map((s) => s.name)],
        outputs: outputs.map((s) => s.name),
      };
    });
    return { segments, usesNativeKernels, hostSteps: this.hostSteps, observed: this.observed };
  }
}

/**
 * The nodes that contribute to `outputs`, in their order. Rules may build a value and then replace
 * it (a convolution rebuilt with its stabiliser in the bias), and the model's own head may go
 * unobserved: neither should cost a kernel.
 */
function liveNodes(nodes: INodeProto[], outputs: string[]): INodeProto[] {
  const needed = new Set(outputs);
  const keep = new Array<boolean>(nodes.length).fill(false);
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (!(nodes[i].output ?? []).some((o) => needed.has(o))) continue;
    keep[i] = true;
    for (const input of nodes[i].input ?? []) if (input) needed.add(input);
  }
  return nodes.filter((_, i) => keep[i]);
}
