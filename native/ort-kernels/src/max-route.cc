#include <algorithm>
#include <limits>

#include "prune-kernels.h"

namespace plrp {

void max_route_row(const float* r, size_t l_out, const float* a, size_t l_in, const PoolGeometry& pool, float* out) {
  std::fill(out, out + l_in, 0.0f);
  const int64_t length = static_cast<int64_t>(l_in);
  for (size_t o = 0; o < l_out; o++) {
    int64_t best = -1;
    float best_value = -std::numeric_limits<float>::infinity();
    for (int64_t t = 0; t < pool.kernel; t++) {
      const int64_t i = static_cast<int64_t>(o) * pool.stride - pool.pad_begin + t * pool.dilation;
      if (i < 0 || i >= length) continue;
      if (a[i] > best_value) {
        best_value = a[i];
        best = i;
      }
    }
    if (best >= 0) out[best] += r[o];
  }
}
}  // namespace plrp
