#include "prune-kernels.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>
// SSE2 is part of every x86-64 CPU; MSVC says so with _M_X64 rather than __SSE2__.
#if defined(__SSE2__) || defined(_M_X64)
#define PLRP_SSE2 1
#include <emmintrin.h>
#endif

#include "mass-cut.h"

namespace plrp {
namespace {

/** a where `kept`, else +0, without a branch (which entries are kept is random to a predictor). */
inline float masked(float a, bool kept) {
  uint32_t bits;
  std::memcpy(&bits, &a, sizeof bits);
  bits &= 0u - static_cast<uint32_t>(kept);
  std::memcpy(&a, &bits, sizeof a);
  return a;
}

struct LambdaSums {
  double total;      // Σ R
  double kept;       // Σ of the kept R
  double kept_count;
};

struct AfterSums {
  double sum;   // Σ R̃
  double mass;  // Σ |R̃|
};

#if defined(PLRP_SSE2)
inline __m128d sum_lanes(__m128d a, __m128d b) { return _mm_add_pd(a, b); }
inline double horizontal(__m128d a) { return _mm_cvtsd_f64(_mm_add_sd(a, _mm_unpackhi_pd(a, a))); }
#endif

/**
 * Σ R and Σ of the kept R (|R| > keep_above) in double. Four running sums in SIMD lanes,
 * added at the end: branch-free and 2–4× faster than one sum, at the price of a summation order
 * that differs from lambda.ts in the last bits of λ.
 */
LambdaSums lambda_sums(const float* r, size_t m, float keep_above) {
  size_t i = 0;
  double total = 0, kept = 0, count = 0;
#if defined(PLRP_SSE2)
  const __m128 above = _mm_set1_ps(keep_above);
  const __m128 one = _mm_set1_ps(1.0f);
  const __m128 sign = _mm_set1_ps(-0.0f);
  __m128d total_lo = _mm_setzero_pd(), total_hi = _mm_setzero_pd(), kept_lo = _mm_setzero_pd(), kept_hi = _mm_setzero_pd();
  __m128 counts = _mm_setzero_ps();  // exact: each lane counts at most m / 4 < 2²⁴
  for (; i + 4 <= m; i += 4) {
    const __m128 x = _mm_loadu_ps(r + i);
    const __m128 mask = _mm_cmpnle_ps(_mm_andnot_ps(sign, x), above);  // !(|x| ≤ above): NaN is kept
    const __m128 xk = _mm_and_ps(x, mask);
    total_lo = _mm_add_pd(total_lo, _mm_cvtps_pd(x));
    total_hi = _mm_add_pd(total_hi, _mm_cvtps_pd(_mm_movehl_ps(x, x)));
    kept_lo = _mm_add_pd(kept_lo, _mm_cvtps_pd(xk));
    kept_hi = _mm_add_pd(kept_hi, _mm_cvtps_pd(_mm_movehl_ps(xk, xk)));
    counts = _mm_add_ps(counts, _mm_and_ps(mask, one));
  }
  total = horizontal(sum_lanes(total_lo, total_hi));
  kept = horizontal(sum_lanes(kept_lo, kept_hi));
  float lanes[4];
  _mm_storeu_ps(lanes, counts);
  count = static_cast<double>(lanes[0]) + lanes[1] + lanes[2] + lanes[3];
#endif
  for (; i < m; i++) {
    const double k = !(std::fabs(r[i]) <= keep_above) ? 1.0 : 0.0;
    total += r[i];
    kept += r[i] * k;
    count += k;
  }
  return {total, kept, count};
}

/** R̃ = λ·R (rounded once to float) where |R| > keep_above, +0 elsewhere; with Σ R̃ and Σ |R̃|. */
AfterSums write_after(const float* r, size_t m, float keep_above, double lambda, float* after) {
  size_t i = 0;
  double sum = 0, mass = 0;
#if defined(PLRP_SSE2)
  const __m128 above = _mm_set1_ps(keep_above);
  const __m128d l = _mm_set1_pd(lambda);
  const __m128 sign = _mm_set1_ps(-0.0f);
  __m128d sum_lo = _mm_setzero_pd(), sum_hi = _mm_setzero_pd(), mass_lo = _mm_setzero_pd(), mass_hi = _mm_setzero_pd();
  for (; i + 4 <= m; i += 4) {
    const __m128 x = _mm_loadu_ps(r + i);
    const __m128 mask = _mm_cmpnle_ps(_mm_andnot_ps(sign, x), above);  // !(|x| ≤ above): NaN is kept
    const __m128 lo = _mm_cvtpd_ps(_mm_mul_pd(l, _mm_cvtps_pd(x)));
    const __m128 hi = _mm_cvtpd_ps(_mm_mul_pd(l, _mm_cvtps_pd(_mm_movehl_ps(x, x))));
    const __m128 a = _mm_and_ps(_mm_movelh_ps(lo, hi), mask);
    _mm_storeu_ps(after + i, a);
    const __m128 abs = _mm_andnot_ps(sign, a);
    sum_lo = _mm_add_pd(sum_lo, _mm_cvtps_pd(a));
    sum_hi = _mm_add_pd(sum_hi, _mm_cvtps_pd(_mm_movehl_ps(a, a)));
    mass_lo = _mm_add_pd(mass_lo, _mm_cvtps_pd(abs));
    mass_hi = _mm_add_pd(mass_hi, _mm_cvtps_pd(_mm_movehl_ps(abs, abs)));
  }
  sum = horizontal(sum_lanes(sum_lo, sum_hi));
  mass = horizontal(sum_lanes(mass_lo, mass_hi));
#endif
  for (; i < m; i++) {
    const float a = !(std::fabs(r[i]) <= keep_above) ? static_cast<float>(lambda * r[i]) : 0.0f;
    after[i] = a;
    sum += a;
    mass += std::fabs(a);
  }
  return {sum, mass};
}

}  // namespace

void keep_row(const float* r, size_t m, double p, Threshold mode, float* keep) {
  if (!(p > 0.0)) {
    // p = 0 prunes nothing (keep-mask.ts), zeros included; the cuts below prune every zero.
    std::fill(keep, keep + m, 1.0f);
    return;
  }
  if (mode == Threshold::kCount) {
    const size_t k = static_cast<size_t>(std::floor(p * static_cast<double>(m)));
    if (k == 0) {
      std::fill(keep, keep + m, 1.0f);
      return;
    }
    std::vector<float>& v = scratch().abs;
    std::vector<float>& smallest = scratch().smallest;
    v.resize(m);
    for (size_t i = 0; i < m; i++) v[i] = std::fabs(r[i]);
    // θ = the k-th smallest |R|, NaNs sorted last as the reference's sort puts them (a NaN θ
    // prunes nothing); the selection itself sees no NaN.
    smallest.assign(v.begin(), v.end());
    const auto numbers_end = std::partition(smallest.begin(), smallest.end(), [](float x) { return !std::isnan(x); });
    const size_t numbers = static_cast<size_t>(numbers_end - smallest.begin());
    float theta = std::numeric_limits<float>::quiet_NaN();
    if (k <= numbers) {
      std::nth_element(smallest.begin(), smallest.begin() + (k - 1), numbers_end);
      theta = smallest[k - 1];
    }
    for (size_t i = 0; i < m; i++) keep[i] = !(v[i] <= theta) ? 1.0f : 0.0f;
    return;
  }
  if (mode == Threshold::kMass) {
    if (m >= kHistogramMinEntries && p < 1.0) {
      const float above = mass_cut_histogram(r, m, p).keep_above;
      for (size_t i = 0; i < m; i++) keep[i] = !(std::fabs(r[i]) <= above) ? 1.0f : 0.0f;
      return;
    }
    std::vector<float>& v = scratch().abs;
    v.resize(m);
    for (size_t i = 0; i < m; i++) v[i] = std::fabs(r[i]);
    const double t = mass_threshold(v.data(), nullptr, m, p);
    for (size_t i = 0; i < m; i++) keep[i] = !(static_cast<double>(v[i]) <= t) ? 1.0f : 0.0f;
    return;
  }
  // mass-per-sign: non-negative entries by R, negative ones by −R, each group with its own budget.
  Scratch& buffers = scratch();
  std::vector<float>& positive = buffers.positive;
  std::vector<float>& negative = buffers.negative;
  std::vector<uint8_t>& is_negative = buffers.is_negative;
  std::vector<uint8_t>& is_positive = buffers.is_positive;
  positive.resize(m);
  negative.resize(m);
  is_negative.resize(m);
  is_positive.resize(m);
  for (size_t i = 0; i < m; i++) {
    const bool neg = r[i] < 0.0f;
    is_negative[i] = neg;
    is_positive[i] = !neg;
    positive[i] = neg ? 0.0f : r[i];
    negative[i] = neg ? -r[i] : 0.0f;
  }
  const double t_pos = mass_threshold(positive.data(), is_positive.data(), m, p);
  const double t_neg = mass_threshold(negative.data(), is_negative.data(), m, p);
  for (size_t i = 0; i < m; i++) {
    const bool pruned = is_negative[i] ? static_cast<double>(negative[i]) <= t_neg : static_cast<double>(positive[i]) <= t_pos;
    keep[i] = pruned ? 0.0f : 1.0f;
  }
}

void lambda_row(const float* r, const float* keep, size_t m, LambdaMode mode, float* after, float* lambda2) {
  // Branch-free sums (keep is 0 or 1): which entries are kept is as good as random to a branch
  // predictor. Summed in order in double, as lambda.ts does.
  if (mode == LambdaMode::kTotal) {
    double total = 0, kept = 0;
    for (size_t i = 0; i < m; i++) {
      const double v = r[i];
      total += v;
      kept += v * keep[i];
    }
    const double lambda = kept == 0 ? 1.0 : total / kept;
    for (size_t i = 0; i < m; i++) after[i] = masked(static_cast<float>(lambda * r[i]), keep[i] != 0.0f);
    lambda2[0] = static_cast<float>(lambda);
    lambda2[1] = std::numeric_limits<float>::quiet_NaN();
    return;
  }
  double pos = 0, kept_pos = 0, neg = 0, kept_neg = 0;
  for (size_t i = 0; i < m; i++) {
    const double v = r[i];
    const double up = std::max(v, 0.0);
    const double down = std::min(v, 0.0);
    pos += up;
    neg += down;
    kept_pos += up * keep[i];
    kept_neg += down * keep[i];
  }
  const double lambda_pos = kept_pos == 0 ? 1.0 : pos / kept_pos;
  const double lambda_neg = kept_neg == 0 ? 1.0 : neg / kept_neg;
  for (size_t i = 0; i < m; i++) after[i] = masked(static_cast<float>((r[i] > 0 ? lambda_pos : lambda_neg) * r[i]), keep[i] != 0.0f);
  lambda2[0] = static_cast<float>(lambda_pos);
  lambda2[1] = static_cast<float>(lambda_neg);
}

void prune_lambda_row(const float* r, size_t m, double p, Threshold threshold, LambdaMode mode, float* after, float* lambda2, float* stats8) {
  if (threshold != Threshold::kMass || mode != LambdaMode::kTotal || m < kHistogramMinEntries || !(p > 0.0) || p >= 1.0) {
    // The general case: the three steps one after the other.
    std::vector<float>& keep = scratch().keep;
    keep.resize(m);
    keep_row(r, m, p, threshold, keep.data());
    lambda_row(r, keep.data(), m, mode, after, lambda2);
    stats_row(r, after, keep.data(), m, stats8);
    return;
  }
  // The default (mass threshold, total λ) in three passes: |R|, the cut, then λ with every
  // statistic, reusing the cut's Σ|R| and pruned mass.
  const Cut cut = mass_cut_histogram(r, m, p);
  // Every kept entry has |R| > keep_above ≥ 0, so it is non-zero (a NaN row keeps all, but its λ
  // is NaN and counts no flips).
  const LambdaSums sums = lambda_sums(r, m, cut.keep_above);
  const double lambda = sums.kept == 0 ? 1.0 : sums.total / sums.kept;
  const AfterSums written = write_after(r, m, cut.keep_above, lambda, after);
  const double pruned = static_cast<double>(m) - sums.kept_count;
  lambda2[0] = static_cast<float>(lambda);
  lambda2[1] = std::numeric_limits<float>::quiet_NaN();
  // A negative λ flips every kept non-zero entry (prune-stats.ts counts v·R̃ < 0).
  const double flips = lambda < 0 ? sums.kept_count : 0.0;
  const double columns[8] = {pruned, sums.kept_count, cut.pruned_mass, cut.total_mass, flips, sums.total, written.sum, written.mass};
  for (int c = 0; c < 8; c++) stats8[c] = static_cast<float>(columns[c]);
}

void stats_row(const float* before, const float* after, const float* keep, size_t m, float* stats8) {
  // Branch-free, in double; SIMD lanes hold running sums, added at the end (prune-stats.ts sums
  // in order: the results agree to double-sum order).
  double pruned = 0, pruned_mass = 0, mass = 0, flips = 0, sum_before = 0, sum_after = 0, mass_after = 0;
  size_t i = 0;
#if defined(PLRP_SSE2)
  const __m128 sign = _mm_set1_ps(-0.0f);
  const __m128 zero = _mm_setzero_ps();
  const __m128 one = _mm_set1_ps(1.0f);
  __m128d lanes[10];
  for (auto& l : lanes) l = _mm_setzero_pd();
  __m128 pruned_lanes = _mm_setzero_ps(), flip_lanes = _mm_setzero_ps();  // exact counts below 2²⁴
  const auto add = [&](int k, __m128 x) {
    lanes[k] = _mm_add_pd(lanes[k], _mm_cvtps_pd(x));
    lanes[k + 1] = _mm_add_pd(lanes[k + 1], _mm_cvtps_pd(_mm_movehl_ps(x, x)));
  };
  for (; i + 4 <= m; i += 4) {
    const __m128 v = _mm_loadu_ps(before + i);
    const __m128 a = _mm_loadu_ps(after + i);
    const __m128 gone = _mm_cmpeq_ps(_mm_loadu_ps(keep + i), zero);
    const __m128 abs = _mm_andnot_ps(sign, v);
    add(0, abs);
    add(2, v);
    add(4, a);
    add(6, _mm_andnot_ps(sign, a));
    add(8, _mm_and_ps(abs, gone));
    pruned_lanes = _mm_add_ps(pruned_lanes, _mm_and_ps(gone, one));
    // v·a < 0 on a kept entry: strictly opposite signs (a float product could underflow to 0).
    const __m128 opposite = _mm_or_ps(_mm_and_ps(_mm_cmplt_ps(v, zero), _mm_cmpgt_ps(a, zero)), _mm_and_ps(_mm_cmpgt_ps(v, zero), _mm_cmplt_ps(a, zero)));
    flip_lanes = _mm_add_ps(flip_lanes, _mm_and_ps(_mm_andnot_ps(gone, opposite), one));
  }
  mass = horizontal(sum_lanes(lanes[0], lanes[1]));
  sum_before = horizontal(sum_lanes(lanes[2], lanes[3]));
  sum_after = horizontal(sum_lanes(lanes[4], lanes[5]));
  mass_after = horizontal(sum_lanes(lanes[6], lanes[7]));
  pruned_mass = horizontal(sum_lanes(lanes[8], lanes[9]));
  float counts[4];
  _mm_storeu_ps(counts, pruned_lanes);
  pruned = static_cast<double>(counts[0]) + counts[1] + counts[2] + counts[3];
  _mm_storeu_ps(counts, flip_lanes);
  flips = static_cast<double>(counts[0]) + counts[1] + counts[2] + counts[3];
#endif
  for (; i < m; i++) {
    const double v = before[i];
    const double a = after[i];
    const double abs = std::fabs(v);
    const double gone = static_cast<double>(keep[i] == 0.0f);
    mass += abs;
    sum_before += v;
    sum_after += a;
    mass_after += std::fabs(a);
    pruned += gone;
    pruned_mass += abs * gone;
    flips += static_cast<double>(v * a < 0) * (1.0 - gone);
  }
  const double columns[8] = {pruned, static_cast<double>(m) - pruned, pruned_mass, mass, flips, sum_before, sum_after, mass_after};
  for (int c = 0; c < 8; c++) stats8[c] = static_cast<float>(columns[c]);
}
}  // namespace plrp
