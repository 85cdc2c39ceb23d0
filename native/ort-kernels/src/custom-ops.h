// The custom operators of domain "ai.plrp" that generated relevance graphs use when this addon is
// loaded (src-main/engine/lrp/onnx/native-pruning.ts and onnx-algebra.ts write the nodes):
//   PlrpKeep(r: float [N, …], p: double scalar) → keep: float [N, …]     attrs: mode, threads
//   PlrpLambda(r, p) → after: float [N, …], lambda: float [N, 2], stats: float [N, 8]
//                                                             attrs: mode, lambda, threads
//   PlrpStats(before, after, keep: float [N, …]) → stats: float [N, 8]    attrs: threads
//   PlrpMaxRoute(r: float [N, C, Lout], a: float [N, C, Lin]) → float [N, C, Lin]
//                                             attrs: kernel, stride, pad, dilation, threads
// mode is the threshold (0 mass, 1 mass-per-sign, 2 count), lambda PLRP-λ's λ (0 total,
// 1 per-sign); threads splits the samples of a call between threads.
#pragma once
#include "ort-api.h"

namespace plrp {

constexpr const char* kDomain = "ai.plrp";

/** The domain holding the three operators, made once; null (and `error` set) on failure. */
OrtCustomOpDomain* custom_op_domain(char* error, size_t size);

}  // namespace plrp
