#include "mass-cut.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace plrp {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
/** A double just under a float32 x > 0 and above every smaller float32 (mass-cut.ts BELOW_FRACTION). */
constexpr double kBelowFraction = 1.0 / (1 << 30);

/** About eight entries per bin, 16 … 2048 (mass-cut.ts histogramBins). */
size_t histogram_bins(size_t m) {
  const double wanted = std::pow(2.0, std::ceil(std::log2(static_cast<double>(m) / 8.0)));
  return static_cast<size_t>(std::min(2048.0, std::max(16.0, wanted)));
}

}  // namespace

/**
 * The mass rule on v = |x| (entries outside a sign group hold 0): members with v ≤ threshold are
 * pruned. As mass-cut.ts builds it in ONNX: a histogram of the mass over bins of √(v / max) finds
 * the bin where the prefix crosses p·Σ; only that bin is sorted, and its prefix sums, started at
 * the mass below it, give θ as the full sort would (in double throughout). Zeros are left out:
 * they add no mass and every cut with p > 0 prunes them (the threshold is never below 0), and
 * relevance below a max-pooling is mostly zeros (70 % of deep-multitask's entries).
 */
Cut mass_cut_histogram(const float* x, size_t m, double p) {
  Scratch& buffers = scratch();
  std::vector<float>& nonzero = buffers.nonzero;
  std::vector<int32_t>& bin_of = buffers.bin_of;
  std::vector<double>& histogram = buffers.histogram;
  // The non-zero |x|, packed without a branch (which entries are zero is random to a predictor).
  nonzero.resize(m + 1);
  float* packed = nonzero.data();
  size_t n = 0;
  for (size_t j = 0; j < m; j++) {
    // |x| by clearing the sign bit; non-zero ⇔ any other bit set (NaN counts as non-zero).
    uint32_t bits;
    std::memcpy(&bits, x + j, sizeof bits);
    bits &= 0x7fffffffu;
    std::memcpy(packed + n, &bits, sizeof bits);
    n += bits != 0;
  }
  // Eight running maxima: a single one is a dependency chain the compiler cannot vectorise.
  float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    for (int l = 0; l < 8; l++) lanes[l] = std::max(lanes[l], packed[i + l]);
  }
  float max = 0.0f;
  for (; i < n; i++) max = std::max(max, packed[i]);
  for (float l : lanes) max = std::max(max, l);
  const size_t bins = histogram_bins(m);
  const float positive_max = max > 0.0f ? max : 1.0f;
  const float scale = static_cast<float>((bins - 0.5) * (bins - 0.5)) / positive_max;
  const int32_t last_bin = static_cast<int32_t>(bins - 1);
  bin_of.resize(n);
  int32_t* bins_of = bin_of.data();
  for (size_t j = 0; j < n; j++) {
    // (int32)√(v·scale), clamped before the cast: NaN goes to bin 0 (max(0, NaN) is 0) and ∞ to
    // the last bin, so no index ever leaves the histogram.
    const float root = std::min(std::sqrt(std::max(0.0f, packed[j] * scale)), static_cast<float>(last_bin));
    bins_of[j] = static_cast<int32_t>(root);
  }
  // Two histograms for alternate entries, added at the end: neighbouring entries often share a
  // bin, and with one histogram each addition would wait for the previous one's store.
  histogram.assign(2 * bins, 0.0);
  double* even = histogram.data();
  double* odd = even + bins;
  size_t j = 0;
  for (; j + 2 <= n; j += 2) {
    even[bins_of[j]] += static_cast<double>(packed[j]);
    odd[bins_of[j + 1]] += static_cast<double>(packed[j + 1]);
  }
  if (j < n) even[bins_of[j]] += static_cast<double>(packed[j]);
  double running = 0.0;
  for (size_t k = 0; k < bins; k++) histogram[k] = (running += even[k] + odd[k]);  // cumulative mass
  const double total = histogram[bins - 1];
  if (std::isnan(total)) {
    // A NaN in the row makes Σ NaN, and no prefix is ≤ a NaN budget: the reference prunes
    // nothing, NaN entries included (kept ⇔ !(v ≤ threshold)).
    return {-kInfinity, -std::numeric_limits<float>::infinity(), total, 0.0};
  }
  const double budget = total * p;
  size_t whole_bins = 0;
  while (whole_bins < bins && histogram[whole_bins] <= budget) whole_bins++;
  const double mass_below = whole_bins > 0 ? histogram[whole_bins - 1] : 0.0;
  std::vector<float>& crossing = buffers.crossing;
  crossing.clear();
  const int32_t wanted = static_cast<int32_t>(whole_bins);
  for (size_t k = 0; k < n; k++) {
    if (bins_of[k] == wanted) crossing.push_back(packed[k]);
  }
  std::sort(crossing.begin(), crossing.end());
  double prefix = 0.0;
  size_t fits = 0;
  for (; fits < crossing.size(); fits++) {
    const double next = prefix + static_cast<double>(crossing[fits]);
    if (!(mass_below + next <= budget)) break;
    prefix = next;
  }
  double threshold;
  float keep_above;
  if (fits > 0) {
    threshold = static_cast<double>(crossing[fits - 1]);
    keep_above = crossing[fits - 1];
  } else {
    // No crossing bin (every bin fits: Σ = 0, or Σ = ∞ with ∞ entries) prunes the whole group;
    // taken apart from the step under `first`, which ∞ − ∞·2⁻³⁰ would make a NaN.
    const double first = crossing.empty() ? kInfinity : static_cast<double>(crossing[0]);
    threshold = crossing.empty() ? kInfinity : first - std::min(first, static_cast<double>(max)) * kBelowFraction;
    // v > a double just under `first` ⇔ v ≥ first ⇔ v > the float before it.
    keep_above = crossing.empty() ? std::numeric_limits<float>::infinity() : std::nextafter(crossing[0], 0.0f);
  }
  // Pruned: the lower bins and the crossing bin's entries up to the threshold (ties included).
  double pruned_in_bin = 0.0;
  for (float x : crossing) pruned_in_bin += static_cast<double>(x) <= threshold ? static_cast<double>(x) : 0.0;
  return {threshold, keep_above, total, mass_below + pruned_in_bin};
}

namespace {

/** The mass rule by the definition for short rows (mass-cut.ts massPrunedBySort); −1 prunes nothing. */
double mass_threshold_sorted(const float* v, const uint8_t* in_group, size_t m, double p) {
  if (m == 0) return -1.0;
  // A NaN member makes Σ NaN: nothing is pruned, as in the reference (and sort needs no NaN).
  for (size_t i = 0; i < m; i++) {
    if ((!in_group || in_group[i]) && std::isnan(v[i])) return -kInfinity;
  }
  std::vector<float>& sorted = scratch().sorted;
  std::vector<double>& prefix = scratch().prefix;
  sorted.resize(m);
  prefix.resize(m);
  size_t members = 0;
  for (size_t i = 0; i < m; i++) {
    const bool member = !in_group || in_group[i];
    sorted[i] = member ? v[i] : std::numeric_limits<float>::infinity();
    members += member ? 1 : 0;
  }
  std::sort(sorted.begin(), sorted.end());
  double running = 0.0;
  for (size_t i = 0; i < m; i++) prefix[i] = (running += static_cast<double>(sorted[i]));
  const double total = in_group ? (members > 0 ? prefix[members - 1] : 0.0) : prefix[m - 1];
  const double budget = total * p;
  size_t fits = 0;
  for (size_t i = 0; i < m; i++) fits += prefix[i] <= budget ? 1 : 0;
  return fits > 0 ? static_cast<double>(sorted[fits - 1]) : -1.0;
}

}  // namespace

double mass_threshold(const float* v, const uint8_t* in_group, size_t m, double p) {
  if (p >= 1.0) return kInfinity;  // every prefix is ≤ Σ: the whole group goes
  return m >= kHistogramMinEntries ? mass_cut_histogram(v, m, p).threshold : mass_threshold_sorted(v, in_group, m, p);
}

/** a where `kept`, else +0, without a branch (which entries are kept is random to a predictor). */
Scratch& scratch() {
  thread_local Scratch buffers;
  return buffers;
}

}  // namespace plrp
