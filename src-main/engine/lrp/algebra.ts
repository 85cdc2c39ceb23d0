// The tensor algebra the LRP rules are written against. Two implementations: an eager one in
// pure TypeScript (the readable test oracle) and a symbolic one that emits ONNX nodes, so the same
// rule code runs on onnxruntime's native kernels. Tensors always carry the batch axis first.
import type { LinearParams } from '../model/linear-params';
import type { LambdaMode, ThresholdMode } from '../../shared/explain-config';

export interface PoolGeometry {
  kernel: number;
  strides: number;
  pads: [number, number];
  dilations: number;
}

/** A pause in the relevance pass where TypeScript code runs on whole host arrays (PLRP pruning). */
export type HostStep = (inputs: HostArray[]) => HostArray[];

export interface HostArray {
  /** Batch axis first. */
  dims: number[];
  data: Float32Array;
}

export interface Algebra<T> {
  /** Dims of a tensor, batch axis first. */
  dims(x: T): number[];
  linear(x: T, p: LinearParams): T;
  /** The transposed linear map applied to `s`; the result has the shape of `inputLike`. */
  linearT(s: T, p: LinearParams, inputLike: T): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  scale(x: T, c: number): T;
  /** max(x, 0) */
  pos(x: T): T;
  /** min(x, 0) */
  neg(x: T): T;
  /** x + ε·sign(x) with sign(0) = +1 (zennit's Stabilizer): zero denominators become +ε. */
  stab(x: T, eps: number): T;
  /** stab for an x that is ≥ 0 by construction (z⁺, counts, squares): just x + ε, no sign test. */
  stabNonNegative(x: T, eps: number): T;
  /** 1 where x > 0 (or x < 0), else 0. */
  gtZero(x: T): T;
  ltZero(x: T): T;
  fillLike(x: T, value: number): T;
  reshape(x: T, dimsNoBatch: number[]): T;
  transpose(x: T, perm: number[]): T;
  /** Keep [start, end) along `axis`. */
  slice(x: T, axis: number, start: number, end: number): T;
  /** Zero-pad along `axis`. */
  pad(x: T, axis: number, before: number, after: number): T;
  concat(xs: T[], axis: number): T;
  /**
   * Winner-takes-all routing of `r` (pool output shaped) to the max of each window of `a`.
   * `poolOutput` names the forward MaxPool's output, so a backend can reuse its argmax.
   */
  maxPoolRoute(r: T, a: T, pool: PoolGeometry, poolOutput?: string): T;
  /** PLRP (../plrp/keep-mask): per sample, 1 for the entries of `r` that survive pruning at p, else 0. */
  keepMask(r: T, p: number, mode: ThresholdMode): T;
  /** PLRP-λ (../plrp/lambda): the rescaled kept relevance, and λ per sample as [N, 2] (λ or λ⁺, λ⁻ or NaN). */
  redistributeLambda(r: T, keep: T, mode: LambdaMode): { after: T; lambda: T };
  /** Per-sample pruning statistics [N, PRUNE_STATS.length] (../plrp/prune-stats). */
  pruneStats(before: T, after: T, keep: T): T;
  /** Run TypeScript on host copies of `inputs`; returns tensors for its outputs. */
  host(step: HostStep, inputs: T[], outputDims: number[][]): T[];
  /** Make a tensor's value available to the caller after the pass under `key`. */
  observe(key: string, x: T): void;
}
