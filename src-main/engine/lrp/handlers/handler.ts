// Relevance handlers of non-parametric ops: given the relevance at a node's outputs, return the
// relevance for each of its data inputs (../shared/spec/lrp.md, "Non-parametric layers").
import type { Algebra } from '../algebra';
import type { NodeUnit } from '../../model/analyze';
import type { OnnxGraph } from '../../onnx/graph';

export interface HandlerContext<T> {
  alg: Algebra<T>;
  graph: OnnxGraph;
  /** Forward activation of a tensor (batch first). */
  act(name: string): T;
  /** Relevance arrived at one of the node's outputs, if any. */
  rOut(name: string): T | undefined;
}

export type Contribution<T> = [input: string, relevance: T];

export type NodeHandler = <T>(ctx: HandlerContext<T>, unit: NodeUnit) => Contribution<T>[];

/** Relevance at the node's first output, or zeros of that output's shape. */
export function firstOutputRelevance<T>(ctx: HandlerContext<T>, unit: NodeUnit): T | undefined {
  return ctx.rOut(unit.node.outputs[0]);
}

/** Norm-rule stabilizer for pooling and residual sums (zennit's Norm default). */
export const NORM_STABILIZER = 1e-6;
