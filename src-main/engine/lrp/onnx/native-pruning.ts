// PLRP pruning on the native kernels (native/ort-kernels): each pruning point becomes one or two
// nodes of domain ai.plrp instead of the few dozen element-wise nodes of ./onnx-pruning.ts. Same
// definitions (../shared/spec/plrp.md), same keep masks: the kernel finds the mass cut with the
// same histogram as ./mass-cut.ts. PLRP-λ is one node (cut, λ and statistics); PLRP-M takes the
// keep mask from one node, re-propagates in the graph, and counts its statistics in another.
import type { LambdaMode, ThresholdMode } from '../../../shared/explain-config';
import { AppError } from '../../../shared/errors';
import { PRUNE_STATS } from '../../plrp/prune-stats';
import type { SegmentBuilder, Sym } from './segment-builder';

/** Attribute codes of the kernels (plrp::Threshold, plrp::LambdaMode in prune-kernels.h). */
const THRESHOLD_CODE: Record<ThresholdMode, number> = { mass: 0, 'mass-per-sign': 1, count: 2 };
const LAMBDA_CODE: Record<LambdaMode, number> = { total: 0, 'per-sign': 1 };

export class NativePruning {
  /** Keep masks → what they were cut from, so PLRP-λ can redo the cut inside its fused node. */
  private readonly cuts = new Map<string, { r: Sym; p: number; mode: ThresholdMode }>();
  /** PLRP-λ results → the statistics their node computed. */
  private readonly statsByResult = new Map<string, Sym>();

  /** `threads`: the session's intra-op threads, which the kernels split samples between. */
  constructor(private readonly b: SegmentBuilder, private readonly threads: number) {}

  keepMask(r: Sym, p: number, mode: ThresholdMode): Sym {
    const [keep] = this.b.nativeNode('PlrpKeep', [r, this.b.scalarDouble(p)], [{ dims: r.dims, dtype: 'float32' }], { mode: THRESHOLD_CODE[mode], threads: this.threads });
    this.cuts.set(keep.name, { r, p, mode });
    return keep;
  }

  /**
   * One PlrpLambda node cuts, rescales and counts; the PlrpKeep node of `keep` is then used by
   * nothing and the builder drops it.
   */
  redistributeLambda(r: Sym, keep: Sym, mode: LambdaMode): { after: Sym; lambda: Sym } {
    const cut = this.cuts.get(keep.name);
    if (!cut || cut.r !== r) throw new AppError('INTERNAL', 'PLRP-λ on native kernels needs the keep mask of the same relevance');
    const [after, lambda, stats] = this.b.nativeNode(
      'PlrpLambda',
      [r, this.b.scalarDouble(cut.p)],
      [{ dims: r.dims, dtype: 'float32' }, { dims: [r.dims[0], 2], dtype: 'float32' }, { dims: [r.dims[0], PRUNE_STATS.length], dtype: 'float32' }],
      { mode: THRESHOLD_CODE[cut.mode], lambda: LAMBDA_CODE[mode], threads: this.threads },
    );
    this.statsByResult.set(after.name, stats);
    return { after, lambda };
  }

  pruneStats(before: Sym, after: Sym, keep: Sym): Sym {
    return this.statsByResult.get(after.name)
      ?? this.b.nativeNode('PlrpStats', [before, after, keep], [{ dims: [before.dims[0], PRUNE_STATS.length], dtype: 'float32' }], { threads: this.threads })[0];
  }
}
