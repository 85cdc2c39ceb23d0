// Resource limits checked on a decoded ModelProto before any tensor is materialised or any session
// is created: a hostile or broken file (absurd dimensions, tensors that claim more data than they
// hold, a graph deeper than any genome CNN, weights outside the file) fails with a message naming
// the file and the tensor or node, instead of exhausting memory or crashing onnxruntime.
import { AppError } from '../../shared/errors';
import { DataType, toNumber, type IGraphProto, type IModelProto, type ITensorProto } from './proto';

/** Longest chain of nodes from an input to an output. Deep genome CNNs (Enformer-class) stay in the hundreds. */
export const MAX_GRAPH_DEPTH = 4096;
/** One weight tensor: 2^28 elements is 1 GiB of float32, far above any genome CNN layer. */
export const MAX_TENSOR_ELEMENTS = 2 ** 28;
/** Any single dimension of an initializer or of the model input. */
export const MAX_DIMENSION = 2 ** 31 - 1;
/** Longest sequence window a model input may declare (bp); Enformer-class models take ~200 kb. */
export const MAX_INPUT_LENGTH_BP = 1 << 22;
/** Memory one batch of activations may take (forward pass plus the relevance pass). */
export const ACTIVATION_BUDGET_BYTES = 2 * 1024 ** 3;

const BYTES_PER_ELEMENT: Record<number, number> = {
  [DataType.FLOAT]: 4, [DataType.DOUBLE]: 8, [DataType.INT64]: 8, [DataType.INT32]: 4,
};

/** Throws RESOURCE_LIMIT / BAD_MODEL when the model cannot be loaded safely. */
export function checkModelLimits(model: IModelProto, path: string): void {
  const graph = model.graph;
  if (!graph) return;
  for (const t of graph.initializer ?? []) checkTensor(t, `${path}: initializer '${t.name ?? ''}'`);
  for (const n of graph.node ?? []) {
    for (const a of n.attribute ?? []) {
      if (a.t) checkTensor(a.t, `${path}: node '${n.name || n.opType}' attribute '${a.name ?? ''}'`);
      if (a.g || (a.graphs && a.graphs.length > 0)) {
        throw new AppError('BAD_MODEL', `${path}: node '${n.name || n.opType}' (${n.opType}) holds a subgraph (control flow); genome CNNs do not need one and it is not supported`);
      }
    }
  }
  checkInputShapes(graph, path);
  const depth = graphDepth(graph);
  if (depth > MAX_GRAPH_DEPTH) {
    throw new AppError('RESOURCE_LIMIT', `${path}: the graph is ${depth} nodes deep, over the limit of ${MAX_GRAPH_DEPTH}`);
  }
}

function checkTensor(t: ITensorProto, where: string): void {
  if (t.dataLocation === 1 || (t.externalData && t.externalData.length > 0)) {
    const location = (t.externalData ?? []).find((e) => e.key === 'location')?.value;
    throw new AppError('BAD_MODEL', `${where}: weights are stored in an external file${location ? ` ('${location}')` : ''}; only self-contained .onnx files are read — save the model with all weights inside it`);
  }
  const dims = (t.dims ?? []).map(toNumber);
  let n = 1;
  for (const d of dims) {
    if (!Number.isInteger(d) || d < 0 || d > MAX_DIMENSION) {
      throw new AppError('BAD_MODEL', `${where}: invalid dimension ${d} in dims [${dims.join(', ')}]`);
    }
    n *= d;
  }
  if (n > MAX_TENSOR_ELEMENTS) {
    throw new AppError('RESOURCE_LIMIT', `${where}: dims [${dims.join(', ')}] make ${n} elements, over the limit of ${MAX_TENSOR_ELEMENTS}`);
  }
  const size = BYTES_PER_ELEMENT[t.dataType ?? 0];
  const raw = t.rawData?.length ?? 0;
  if (size && raw > 0 && raw !== n * size) {
    throw new AppError('BAD_MODEL', `${where}: holds ${raw} bytes of data but its dims [${dims.join(', ')}] claim ${n * size}; the file is corrupt or truncated`);
  }
  if (t.dataType === DataType.FLOAT || t.dataType === DataType.DOUBLE) checkFinite(t, where, n);
}

/** NaN/Inf weights make every relevance NaN; refuse them at load with the tensor's name. */
function checkFinite(t: ITensorProto, where: string, n: number): void {
  const raw = t.rawData && t.rawData.length > 0 ? t.rawData : null;
  if (raw) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const double = t.dataType === DataType.DOUBLE;
    for (let i = 0; i < n; i++) {
      const v = double ? view.getFloat64(i * 8, true) : view.getFloat32(i * 4, true);
      if (!Number.isFinite(v)) throw nonFinite(where, i, v);
    }
    return;
  }
  const values = t.dataType === DataType.DOUBLE ? t.doubleData ?? [] : t.floatData ?? [];
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) throw nonFinite(where, i, values[i]);
}

function nonFinite(where: string, index: number, v: number): AppError {
  return new AppError('BAD_MODEL', `${where}: weight ${index} is ${v}; a model with non-finite weights gives non-finite predictions and relevance`);
}

function checkInputShapes(graph: IGraphProto, path: string): void {
  const initNames = new Set((graph.initializer ?? []).map((t) => t.name ?? ''));
  for (const v of graph.input ?? []) {
    if (initNames.has(v.name ?? '')) continue;
    const dims = (v.type?.tensorType?.shape?.dim ?? []).map((d) => (d.dimValue !== null && d.dimValue !== undefined ? toNumber(d.dimValue) : -1));
    // The batch axis is excluded; every other static axis is alphabet (4) or length.
    for (const d of dims.slice(1)) {
      if (d > MAX_INPUT_LENGTH_BP) {
        throw new AppError('RESOURCE_LIMIT', `${path}: input '${v.name ?? ''}' has a dimension of ${d}, over the limit of ${MAX_INPUT_LENGTH_BP} (the longest window the engine explains)`);
      }
    }
  }
}

/** Longest path (in nodes) through the graph, by Kahn's algorithm in O(nodes + edges). */
export function graphDepth(graph: IGraphProto): number {
  const nodes = graph.node ?? [];
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => (n.output ?? []).forEach((o) => producer.set(o, i)));
  const consumers: number[][] = nodes.map(() => []);
  const pending = new Int32Array(nodes.length);
  nodes.forEach((n, i) => {
    for (const inp of new Set(n.input ?? [])) {
      const p = producer.get(inp);
      if (p !== undefined && p !== i) { consumers[p].push(i); pending[i]++; }
    }
  });
  const depth = new Int32Array(nodes.length).fill(1);
  const queue: number[] = [];
  pending.forEach((c, i) => { if (c === 0) queue.push(i); });
  let max = nodes.length > 0 ? 1 : 0;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q];
    for (const c of consumers[i]) {
      depth[c] = Math.max(depth[c], depth[i] + 1);
      max = Math.max(max, depth[c]);
      if (--pending[c] === 0) queue.push(c);
    }
  }
  // Nodes left pending sit on a cycle; buildGraph reports it by name.
  return max;
}
