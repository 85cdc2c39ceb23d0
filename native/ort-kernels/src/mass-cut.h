// The PLRP mass cut of one row (../../../shared/spec/plrp.md, `mass`), shared by the kernels of
// prune-kernels.cc, and the per-thread scratch buffers they reuse from row to row.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace plrp {

/**
 * Rows shorter than this are sorted whole. The graph sorts rows under 64 entries (a TopK is cheaper
 * there than its histogram nodes); here the histogram wins from a few dozen entries on.
 */
constexpr size_t kHistogramMinEntries = 16;

/**
 * Buffers reused from row to row, one set per thread. Functions take references to them once:
 * in a shared library every access to a thread_local goes through __tls_get_addr, and inside a
 * loop that tripled the kernels' time.
 */
struct Scratch {
  std::vector<float> nonzero, crossing, sorted, abs, smallest, positive, negative, keep;
  std::vector<int32_t> bin_of;
  std::vector<double> histogram, prefix;
  std::vector<uint8_t> is_negative, is_positive;
};

Scratch& scratch();

struct Cut {
  double threshold;
  /** The same cut for float comparisons: kept ⇔ v > keep_above (the threshold is θ or just under a float). */
  float keep_above;
  double total_mass;   // Σv of the group (the histogram's sum)
  double pruned_mass;  // Σ of the group's v ≤ threshold
};

/** The mass cut of v = |x| by its histogram (rows of kHistogramMinEntries or more, p < 1). */
Cut mass_cut_histogram(const float* x, size_t m, double p);

/**
 * The mass rule on v ≥ 0 (members: in_group[i] ≠ 0, all when null; the others hold 0): members with
 * v ≤ the returned threshold are pruned.
 */
double mass_threshold(const float* v, const uint8_t* in_group, size_t m, double p);

}  // namespace plrp
