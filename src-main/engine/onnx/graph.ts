// The internal graph built from an ONNX ModelProto: nodes in topological order, initializers and
// Constant outputs as host tensors, Identity (and single-input Dropout/Cast-to-float) aliases
// resolved so every later stage sees one name per value.
import { AppError } from '../../shared/errors';
import { decodeAttributes, type Attrs } from './attributes';
import { tensorFromProto, type HostTensor } from './host-tensor';
import { toNumber, type IModelProto, type IValueInfoProto } from './proto';

export interface GraphNode {
  /** Node name, or `OpType#index` when the file gives none. */
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attrs: Attrs;
  /** The node as it appears in the file (kept to rebuild the forward graph unchanged). */
  index: number;
}

export interface ValueInfo {
  name: string;
  elemType: number;
  /** Dimensions; symbolic ones (batch, length) are -1. */
  dims: number[];
}

export interface OnnxGraph {
  file: string;
  opset: number;
  producer: string;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** Topological order. */
  nodes: GraphNode[];
  /** Initializers and Constant outputs. */
  constants: Map<string, HostTensor>;
  /** Identity aliases: alias name → the value it stands for. */
  aliases: Map<string, string>;
  /** The original model, for generating derived graphs. */
  model: IModelProto;
}

const ALIAS_OPS = new Set(['Identity']);

export function buildGraph(model: IModelProto, file: string): OnnxGraph {
  const g = model.graph;
  if (!g) throw new AppError('BAD_MODEL', `${file}: the file holds no graph`);
  const opset = Math.max(0, ...(model.opsetImport ?? []).filter((o) => !o.domain || o.domain === 'ai.onnx').map((o) => toNumber(o.version)));
  const constants = new Map<string, HostTensor>();
  for (const t of g.initializer ?? []) constants.set(t.name ?? '', tensorFromProto(t, `${file}: initializer`));
  const initNames = new Set(constants.keys());
  const inputs = (g.input ?? []).filter((v) => !initNames.has(v.name ?? '')).map(valueInfo);
  const outputs = (g.output ?? []).map(valueInfo);

  const aliases = new Map<string, string>();
  const resolve = (name: string): string => {
    let n = name;
    for (let guard = 0; aliases.has(n) && guard < 10_000; guard++) n = aliases.get(n)!;
    return n;
  };
  const raw = (g.node ?? []).map((n, index): GraphNode => {
    const opType = n.opType ?? '';
    const name = n.name || `${opType}#${index}`;
    return {
      name, opType, domain: n.domain ?? '', index,
      inputs: [...(n.input ?? [])], outputs: [...(n.output ?? [])],
      attrs: decodeAttributes(n.attribute, `${file}: node '${name}' (${opType})`),
    };
  });
  const nodes: GraphNode[] = [];
  for (const node of topologicalOrder(raw, new Set([...inputs.map((i) => i.name), ...initNames]), file)) {
    node.inputs = node.inputs.map((i) => (i === '' ? '' : resolve(i)));
    if (ALIAS_OPS.has(node.opType) && node.inputs.length === 1 && node.outputs.length === 1) {
      aliases.set(node.outputs[0], node.inputs[0]);
      if (constants.has(node.inputs[0])) constants.set(node.outputs[0], constants.get(node.inputs[0])!);
      continue;
    }
    if (node.opType === 'Constant' && node.outputs.length === 1) {
      const value = node.attrs.value;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        constants.set(node.outputs[0], value);
      } else if (typeof node.attrs.value_float === 'number') {
        constants.set(node.outputs[0], { dims: [], data: new Float32Array([node.attrs.value_float]), dtype: 'float32' });
      } else if (typeof node.attrs.value_int === 'number') {
        constants.set(node.outputs[0], { dims: [], data: new Float64Array([node.attrs.value_int]), dtype: 'int64' });
      } else if (Array.isArray(node.attrs.value_ints)) {
        const v = node.attrs.value_ints as number[];
        constants.set(node.outputs[0], { dims: [v.length], data: new Float64Array(v), dtype: 'int64' });
      }
    }
    nodes.push(node);
  }
  // Graph outputs that are aliases keep their own name for the caller but resolve for analysis.
  return {
    file, opset, producer: `${model.producerName ?? ''} ${model.producerVersion ?? ''}`.trim(),
    inputs, outputs, nodes, constants, aliases, model,
  };
}

export function resolveAlias(graph: OnnxGraph, name: string): string {
  let n = name;
  for (let guard = 0; graph.aliases.has(n) && guard < 10_000; guard++) n = graph.aliases.get(n)!;
  return n;
}

function valueInfo(v: IValueInfoProto): ValueInfo {
  const tt = v.type?.tensorType;
  const dims = (tt?.shape?.dim ?? []).map((d) => (d.dimValue !== null && d.dimValue !== undefined && toNumber(d.dimValue) > 0 ? toNumber(d.dimValue) : -1));
  return { name: v.name ?? '', elemType: tt?.elemType ?? 0, dims };
}

/** Kahn's algorithm; ONNX requires topological order, but a file that breaks it is still read. */
function topologicalOrder(nodes: GraphNode[], available: Set<string>, file: string): GraphNode[] {
  const producer = new Map<string, GraphNode>();
  for (const n of nodes) for (const o of n.outputs) producer.set(o, n);
  const done = new Set<GraphNode>();
  const order: GraphNode[] = [];
  const ready = new Set(available);
  let progressed = true;
  while (order.length < nodes.length && progressed) {
    progressed = false;
    for (const n of nodes) {
      if (done.has(n)) continue;
      if (n.inputs.every((i) => i === '' || ready.has(i) || !producer.has(i))) {
        const missing = n.inputs.find((i) => i !== '' && !ready.has(i) && !producer.has(i));
        if (missing) throw new AppError('BAD_MODEL', `${file}: node '${n.name}' (${n.opType}) reads '${missing}', which no node, input or initializer provides`);
        done.add(n); order.push(n); progressed = true;
        for (const o of n.outputs) ready.add(o);
      }
    }
  }
  if (order.length < nodes.length) {
    const stuck = nodes.find((n) => !done.has(n))!;
    throw new AppError('BAD_MODEL', `${file}: the graph has a cycle at node '${stuck.name}' (${stuck.opType})`);
  }
  return order;
}
