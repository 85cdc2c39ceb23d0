// From an ONNX graph to what the relevance pass needs: which tensors carry data from the sequence
// input, the parametric layers (with BatchNorm/bias folded), the output head and logit, the input
// layout, and the PLRP pruning points. Fails before any computation on anything unsupported.
import { AppError } from '../../shared/errors';
import type { GraphNode, OnnxGraph, ValueInfo } from '../onnx/graph';
import { resolveAlias } from '../onnx/graph';
import { attrInts } from '../onnx/attributes';
import { ACTIVATION_OPS, HEAD_OPS, PARAMETRIC_OPS, POOLING_OPS, ROUTING_OPS } from './supported-ops';
import { convParams, foldBatchNorm, gemmParams, matMulParams, withAddedBias, type LinearParams } from './linear-params';
import type { Head, Layout } from '../explain/types';

export interface LinearUnit {
  kind: 'linear';
  /** Name of the layer's first node (Conv/Gemm/MatMul), used for rule overrides and reports. */
  name: string;
  opType: string;
  nodes: GraphNode[];
  input: string;
  /** The tensor after the folded BatchNorm/bias Add. */
  output: string;
  params: LinearParams;
}

export interface NodeUnit {
  kind: 'node';
  name: string;
  opType: string;
  node: GraphNode;
  /** Data inputs (carry relevance); other inputs are constants or shapes. */
  dataInputs: string[];
  output: string;
}

export type Unit = LinearUnit | NodeUnit;

export interface AnalyzedModel {
  graph: OnnxGraph;
  input: ValueInfo;
  layout: Layout;
  alphabetAxis: number;
  /** -1 when the model accepts any length. */
  lengthBp: number;
  outputName: string;
  logit: string;
  head: Head;
  /** Units on the data path up to the logit, in execution order. */
  units: Unit[];
  linearUnits: LinearUnit[];
  /** Tensors whose relevance PLRP prunes (inputs of all parametric layers but the first). */
  pruningPoints: string[];
  /** tensor → units that read it (data inputs only). */
  consumers: Map<string, Unit[]>;
  /** Tensors that can never be negative (one-hot input, after Relu, pooling of those). */
  nonNegative: Set<string>;
}

export function analyzeGraph(graph: OnnxGraph, options: { layout?: Layout } = {}): AnalyzedModel {
  const file = graph.file;
  if (graph.inputs.length !== 1) {
    throw new AppError('NOT_DNA_MODEL', `${file}: the model has ${graph.inputs.length} inputs (${graph.inputs.map((i) => i.name).join(', ')}); a genome model takes one one-hot sequence input`);
  }
  const input = graph.inputs[0];
  const { layout, alphabetAxis, lengthBp } = detectLayout(graph, input, options.layout);
  if (graph.outputs.length === 0) throw new AppError('BAD_MODEL', `${file}: the model declares no output`);
  const outputName = graph.outputs[0].name;
  const producers = new Map<string, GraphNode>();
  for (const n of graph.nodes) for (const o of n.outputs) producers.set(o, n);
  const resolvedOutput = resolveAlias(graph, outputName);
  const headNode = producers.get(resolvedOutput);
  const headKind = headNode ? HEAD_OPS.get(headNode.opType) : undefined;
  const logit = headKind && headNode ? headNode.inputs[0] : resolvedOutput;
  const head: Head = headKind ?? 'none';

  const data = new Set<string>([input.name]);
  const units: Unit[] = [];
  const folded = new Set<GraphNode>();
  const consumersOf = (t: string) => graph.nodes.filter((n) => n.inputs.includes(t));
  for (const node of graph.nodes) {
    if (folded.has(node) || node === (headKind ? headNode : undefined)) continue;
    const dataInputs = node.inputs.filter((i) => data.has(i));
    if (dataInputs.length === 0 || node.opType === 'Shape') continue;
    const where = `${file}: node '${node.name}' (${node.opType})`;
    if (PARAMETRIC_OPS.has(node.opType)) {
      if (node.inputs[0] !== dataInputs[0] || dataInputs.length !== 1) {
        throw new AppError('UNSUPPORTED_OP', `${where}: the sequence data must be the first input and the weights constant`);
      }
      let params = node.opType === 'Conv' ? convParams(graph, node) : node.opType === 'Gemm' ? gemmParams(graph, node) : matMulParams(graph, node);
      const nodes = [node];
      let output = node.outputs[0];
      // Fold a bias Add (MatMul+Add, Conv without bias + Add) and then a BatchNormalization.
      for (;;) {
        const next = consumersOf(output);
        if (next.length !== 1 || output === logit) break;
        const c = next[0];
        const other = c.inputs.find((i) => i !== output);
        if (c.opType === 'Add' && other && graph.constants.has(other) && !data.has(other)) {
          const updated = withAddedBias(params, graph.constants.get(other)!);
          if (updated === params) break;
          params = updated;
        } else if (c.opType === 'BatchNormalization' && c.inputs[0] === output) {
          const updated = foldBatchNorm(graph, params, c);
          if (updated === params) break;
          params = updated;
        } else break;
        nodes.push(c); folded.add(c); output = c.outputs[0];
      }
      units.push({ kind: 'linear', name: node.name, opType: node.opType, nodes, input: node.inputs[0], output, params });
      data.add(output);
      continue;
    }
    checkSupported(graph, node, dataInputs, where);
    units.push({ kind: 'node', name: node.name, opType: node.opType, node, dataInputs, output: node.outputs[0] });
    for (const o of node.outputs) data.add(o);
  }
  if (!data.has(logit)) {
    throw new AppError('BAD_MODEL', `${file}: the output '${outputName}' does not depend on the input '${input.name}'`);
  }
  const linearUnits = units.filter((u): u is LinearUnit => u.kind === 'linear');
  if (linearUnits.length === 0) throw new AppError('UNSUPPORTED_OP', `${file}: the model has no Conv, Gemm or MatMul layer to explain`);
  const consumers = new Map<string, Unit[]>();
  for (const u of units) {
    const ins = u.kind === 'linear' ? [u.input] : u.dataInputs;
    for (const i of new Set(ins)) consumers.set(i, [...(consumers.get(i) ?? []), u]);
  }
  const pruningPoints = [...new Set(linearUnits.slice(1).map((u) => u.input))].filter((t) => t !== input.name);
  return { graph, input, layout, alphabetAxis, lengthBp, outputName, logit, head, units, linearUnits, pruningPoints, consumers, nonNegative: nonNegativeTensors(input.name, units) };
}

const NON_NEGATIVE_OUTPUT = new Set(['Relu', 'Sigmoid', 'Softplus', 'Exp']);
const KEEPS_SIGN = new Set(['MaxPool', 'GlobalMaxPool', 'AveragePool', 'GlobalAveragePool', 'Pad', 'Transpose', 'Reshape', 'Flatten', 'Squeeze', 'Unsqueeze', 'Identity', 'Dropout', 'Cast', 'Concat', 'Split', 'Slice', 'Add']);

function nonNegativeTensors(inputName: string, units: Unit[]): Set<string> {
  const set = new Set<string>([inputName]);
  for (const u of units) {
    if (u.kind !== 'node') continue;
    if (NON_NEGATIVE_OUTPUT.has(u.opType) || (KEEPS_SIGN.has(u.opType) && u.dataInputs.every((i) => set.has(i)))) {
      for (const o of u.node.outputs) set.add(o);
    }
  }
  return set;
}

function checkSupported(graph: OnnxGraph, node: GraphNode, dataInputs: string[], where: string): void {
  const op = node.opType;
  if (node.domain && node.domain !== 'ai.onnx') {
    throw new AppError('UNSUPPORTED_OP', `${where}: custom-domain op '${node.domain}.${op}' is not supported`);
  }
  if (ACTIVATION_OPS.has(op) || POOLING_OPS.has(op) || op === 'BatchNormalization') return;
  if (op === 'Add' && dataInputs.length === 2) return; // residual: norm rule over the summands
  if (ROUTING_OPS.has(op)) {
    if (op === 'Pad') {
      const mode = node.attrs.mode;
      if (typeof mode === 'string' && mode !== 'constant') throw new AppError('UNSUPPORTED_OP', `${where}: Pad mode '${mode}' is not supported (only constant zero padding)`);
      const value = node.inputs[2] ? graph.constants.get(node.inputs[2]) : undefined;
      if (value && value.data.some((v) => v !== 0)) throw new AppError('UNSUPPORTED_OP', `${where}: Pad with a non-zero constant is not supported`);
    }
    return;
  }
  if (op === 'Add') {
    throw new AppError('UNSUPPORTED_OP', `${where}: an Add of a constant that does not follow a Conv/Gemm/MatMul has no LRP rule`);
  }
  const reason = op === 'Softmax' || op === 'LogSoftmax' ? 'only supported as the output head' : 'no LRP rule is defined for it';
  throw new AppError('UNSUPPORTED_OP', `${where}: unsupported op '${op}': ${reason}`);
}

function detectLayout(graph: OnnxGraph, input: ValueInfo, override?: Layout): { layout: Layout; alphabetAxis: number; lengthBp: number } {
  const file = graph.file;
  const d = input.dims;
  const shape = `[${d.map((x) => (x < 0 ? '?' : x)).join(', ')}]`;
  if (d.length !== 3) {
    throw new AppError('NOT_DNA_MODEL', `${file}: input '${input.name}' has shape ${shape}; a genome model takes [N, 4, L] or [N, L, 4] one-hot sequences`);
  }
  const first = graph.nodes.find((n) => n.inputs.includes(input.name));
  const perm = first?.opType === 'Transpose' ? attrInts(first.attrs, 'perm', null) : null;
  const transposedFirst = perm !== null && perm.join(',') === '0,2,1';
  const c1 = d[1] === 4;
  const c2 = d[2] === 4;
  if (!c1 && !c2 && !override) {
    throw new AppError('NOT_DNA_MODEL', `${file}: input '${input.name}' has shape ${shape} with no axis of size 4, so it is not a one-hot DNA input`);
  }
  if (override) {
    const axis = override === 'NCL' ? 1 : 2;
    if (d[axis] !== 4 && d[axis] !== -1) {
      throw new AppError('NOT_DNA_MODEL', `${file}: layout ${override} puts the 4 nucleotides on axis ${axis}, but input '${input.name}' has shape ${shape}`);
    }
    return override === 'NCL' ? { layout: 'NCL', alphabetAxis: 1, lengthBp: d[2] } : { layout: 'NLC', alphabetAxis: 2, lengthBp: d[1] };
  }
  const nlc = c2 && (!c1 || transposedFirst);
  return nlc ? { layout: 'NLC', alphabetAxis: 2, lengthBp: d[1] } : { layout: 'NCL', alphabetAxis: 1, lengthBp: d[2] };
}
