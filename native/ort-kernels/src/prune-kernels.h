// PLRP pruning per sample (../../../shared/spec/plrp.md), the native form of what the generated
// ONNX graph does with many element-wise nodes (src-main/engine/lrp/onnx/onnx-pruning.ts): one
// pass per step over each sample's row instead of a few dozen ONNX Runtime kernels. The cut
// follows the graph's histogram exactly (same bins, same double sums in the same order), so both
// backends keep the same entries; λ and the statistics follow the TypeScript reference
// (src-main/engine/plrp/lambda.ts, prune-stats.ts): sums in double, R̃ = λ·R rounded once.
#pragma once
#include <cstddef>
#include <cstdint>

namespace plrp {

enum class Threshold : int64_t { kMass = 0, kMassPerSign = 1, kCount = 2 };
enum class LambdaMode : int64_t { kTotal = 0, kPerSign = 1 };

/** keep[i] = 1 for the entries of one sample's relevance r[0..m) that survive, 0 for pruned ones. */
void keep_row(const float* r, size_t m, double p, Threshold mode, float* keep);

/**
 * R̃ = λ·R on kept entries, 0 elsewhere, for one sample; lambda2 gets (λ, NaN) for total λ and
 * (λ⁺, λ⁻) for per-sign λ.
 */
void lambda_row(const float* r, const float* keep, size_t m, LambdaMode mode, float* after, float* lambda2);

/**
 * PLRP-λ at one point in one call: keep_row, lambda_row and stats_row, fused for the default
 * (mass threshold, total λ), where the statistics reuse the cut's sums: Σ|R| and the pruned mass
 * come from its histogram (summed in bin order), and sign flips from λ (every kept non-zero
 * entry flips when λ < 0).
 */
void prune_lambda_row(const float* r, size_t m, double p, Threshold threshold, LambdaMode mode, float* after, float* lambda2, float* stats8);

/** The eight PRUNE_STATS columns of one sample (prune-stats.ts), summed in double. */
void stats_row(const float* before, const float* after, const float* keep, size_t m, float* stats8);

/** MaxPool geometry along the last axis (the ONNX attributes of a 1-D MaxPool). */
struct PoolGeometry {
  int64_t kernel, stride, pad_begin, dilation;
};

/**
 * LRP through a 1-D MaxPool for one channel row: each window's relevance r[o] goes to the window's
 * first maximum of the pool input a (strict >, as MaxPool's own indices and PyTorch's gradient),
 * added up where windows overlap; out[0..l_in) is overwritten.
 */
void max_route_row(const float* r, size_t l_out, const float* a, size_t l_in, const PoolGeometry& pool, float* out);

/** Runs fn(row) for rows [0, n) on up to `threads` threads. */
void for_each_row(int64_t n, int64_t threads, void (*fn)(int64_t row, void* state), void* state);

}  // namespace plrp
