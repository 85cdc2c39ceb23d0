#include "custom-ops.h"

#include <cstring>
#include <vector>

#include "prune-kernels.h"

// ONNX Runtime's OrtCustomOp struct up to its version-17 members (later ones are left null). The
// ops declare version 8: ORT then uses CreateKernel/KernelCompute and asks the characteristic
// functions (which it calls whatever the version), and never reads the newer members.
struct OrtCustomOp {
  uint32_t version;
  void* (*CreateKernel)(const OrtCustomOp* op, const void* api, const OrtKernelInfo* info);
  const char* (*GetName)(const OrtCustomOp* op);
  const char* (*GetExecutionProviderType)(const OrtCustomOp* op);
  int (*GetInputType)(const OrtCustomOp* op, size_t index);
  size_t (*GetInputTypeCount)(const OrtCustomOp* op);
  int (*GetOutputType)(const OrtCustomOp* op, size_t index);
  size_t (*GetOutputTypeCount)(const OrtCustomOp* op);
  void (*KernelCompute)(void* kernel, OrtKernelContext* context);
  void (*KernelDestroy)(void* kernel);
  int (*GetInputCharacteristic)(const OrtCustomOp* op, size_t index);
  int (*GetOutputCharacteristic)(const OrtCustomOp* op, size_t index);
  int (*GetInputMemoryType)(const OrtCustomOp* op, size_t index);
  int (*GetVariadicInputMinArity)(const OrtCustomOp* op);
  int (*GetVariadicInputHomogeneity)(const OrtCustomOp* op);
  int (*GetVariadicOutputMinArity)(const OrtCustomOp* op);
  int (*GetVariadicOutputHomogeneity)(const OrtCustomOp* op);
  void* CreateKernelV2;
  void* KernelComputeV2;
  void* InferOutputShapeFn;
  int (*GetStartVersion)(const OrtCustomOp* op);
  int (*GetEndVersion)(const OrtCustomOp* op);
  void* later_members[4];
};

namespace plrp {
namespace {

struct Attributes {
  int64_t mode = 0;    // the threshold (plrp::Threshold)
  int64_t lambda = 0;  // PLRP-λ's λ (plrp::LambdaMode)
  int64_t threads = 1;
  PoolGeometry pool{1, 1, 0, 1};  // PlrpMaxRoute
};

/** A tensor input or output of a kernel call: its data, N (first axis) and entries per sample. */
struct RowTensor {
  float* data = nullptr;
  int64_t n = 0;
  size_t m = 0;
  std::vector<int64_t> dims;
};

RowTensor input(OrtKernelContext* context, size_t index) {
  RowTensor t;
  const OrtValue* value = nullptr;
  if (!ortapi::ok(ortapi::KernelContext_GetInput(context, index, &value))) return t;
  OrtTensorTypeAndShapeInfo* info = nullptr;
  if (!ortapi::ok(ortapi::GetTensorTypeAndShape(value, &info))) return t;
  size_t rank = 0;
  !ortapi::ok(ortapi::GetDimensionsCount(info, &rank));
  t.dims.resize(rank);
  !ortapi::ok(ortapi::GetDimensions(info, t.dims.data(), rank));
  ortapi::ReleaseTensorTypeAndShapeInfo(info);
  void* data = nullptr;
  !ortapi::ok(ortapi::GetTensorMutableData(const_cast<OrtValue*>(value), &data));
  t.data = static_cast<float*>(data);
  t.n = rank > 0 ? t.dims[0] : 1;
  t.m = 1;
  for (size_t d = 1; d < rank; d++) t.m *= static_cast<size_t>(t.dims[d]);
  return t;
}

double scalar_double(OrtKernelContext* context, size_t index) {
  const OrtValue* value = nullptr;
  void* data = nullptr;
  if (!ortapi::ok(ortapi::KernelContext_GetInput(context, index, &value))) return 0.0;
  if (!ortapi::ok(ortapi::GetTensorMutableData(const_cast<OrtValue*>(value), &data))) return 0.0;
  return *static_cast<double*>(data);
}

float* output(OrtKernelContext* context, size_t index, const std::vector<int64_t>& dims) {
  OrtValue* value = nullptr;
  void* data = nullptr;
  if (!ortapi::ok(ortapi::KernelContext_GetOutput(context, index, dims.data(), dims.size(), &value))) return nullptr;
  if (!ortapi::ok(ortapi::GetTensorMutableData(value, &data))) return nullptr;
  return static_cast<float*>(data);
}

/** Threads for a call: one for small tensors (starting threads costs more than the work). */
int64_t threads_for(const Attributes& a, const RowTensor& t) {
  return t.n * static_cast<int64_t>(t.m) >= (1 << 15) ? a.threads : 1;
}

void* create_kernel(const OrtCustomOp*, const void*, const OrtKernelInfo* info) {
  auto* a = new Attributes();
  int64_t value = 0;
  if (ortapi::ok(ortapi::KernelInfoGetAttribute_int64(info, "mode", &value))) a->mode = value;
  if (ortapi::ok(ortapi::KernelInfoGetAttribute_int64(info, "lambda", &value))) a->lambda = value;
  if (ortapi::ok(ortapi::KernelInfoGetAttribute_int64(info, "threads", &value))) a->threads = value;
  if (ortapi::ok(ortapi::KernelInfoGetAttribute_int64(info, "kernel", &value))) a->pool.kernel = value;
  if (ortapi::ok(ortapi::KernelInfoGetAttribute_int64(info, "stride", &value))) a->pool.stride = value;
  if (ortapi::ok(ortapi::KernelInfoGetAttribute_int64(info, "pad", &value))) a->pool.pad_begin = value;
  if (ortapi::ok(ortapi::KernelInfoGetAttribute_int64(info, "dilation", &value))) a->pool.dilation = value;
  return a;
}

void destroy_kernel(void* kernel) { delete static_cast<Attributes*>(kernel); }
const char* cpu_provider(const OrtCustomOp*) { return nullptr; }  // null: the CPU execution provider

// PlrpKeep
struct KeepCall {
  RowTensor r;
  double p;
  Threshold mode;
  float* keep;
};
void keep_compute(void* kernel, OrtKernelContext* context) {
  const auto& a = *static_cast<Attributes*>(kernel);
  KeepCall call{input(context, 0), scalar_double(context, 1), static_cast<Threshold>(a.mode), nullptr};
  call.keep = output(context, 0, call.r.dims);
  if (!call.r.data || !call.keep) return;
  for_each_row(call.r.n, threads_for(a, call.r), [](int64_t row, void* state) {
    auto& c = *static_cast<KeepCall*>(state);
    keep_row(c.r.data + row * c.r.m, c.r.m, c.p, c.mode, c.keep + row * c.r.m);
  }, &call);
}
const char* keep_name(const OrtCustomOp*) { return "PlrpKeep"; }
int float_then_double(const OrtCustomOp*, size_t index) { return index == 0 ? kFloat : kDouble; }
size_t two(const OrtCustomOp*) { return 2; }
size_t one(const OrtCustomOp*) { return 1; }
size_t three(const OrtCustomOp*) { return 3; }
int float_type(const OrtCustomOp*, size_t) { return kFloat; }

// PlrpLambda: the cut, λ and the statistics of PLRP-λ in one call.
struct LambdaCall {
  RowTensor r;
  double p;
  Threshold threshold;
  LambdaMode mode;
  float* after;
  float* lambda;
  float* stats;
};
void lambda_compute(void* kernel, OrtKernelContext* context) {
  const auto& a = *static_cast<Attributes*>(kernel);
  LambdaCall call{input(context, 0), scalar_double(context, 1), static_cast<Threshold>(a.mode), static_cast<LambdaMode>(a.lambda), nullptr, nullptr, nullptr};
  call.after = output(context, 0, call.r.dims);
  call.lambda = output(context, 1, {call.r.n, 2});
  call.stats = output(context, 2, {call.r.n, 8});
  if (!call.r.data || !call.after || !call.lambda || !call.stats) return;
  for_each_row(call.r.n, threads_for(a, call.r), [](int64_t row, void* state) {
    auto& c = *static_cast<LambdaCall*>(state);
    prune_lambda_row(c.r.data + row * c.r.m, c.r.m, c.p, c.threshold, c.mode, c.after + row * c.r.m, c.lambda + row * 2, c.stats + row * 8);
  }, &call);
}
const char* lambda_name(const OrtCustomOp*) { return "PlrpLambda"; }

// PlrpStats
struct StatsCall {
  RowTensor before, after, keep;
  float* stats;
};
void stats_compute(void* kernel, OrtKernelContext* context) {
  const auto& a = *static_cast<Attributes*>(kernel);
  StatsCall call{input(context, 0), input(context, 1), input(context, 2), nullptr};
  call.stats = output(context, 0, {call.before.n, 8});
  if (!call.before.data || !call.after.data || !call.keep.data || !call.stats) return;
  for_each_row(call.before.n, threads_for(a, call.before), [](int64_t row, void* state) {
    auto& c = *static_cast<StatsCall*>(state);
    const size_t m = c.before.m;
    stats_row(c.before.data + row * m, c.after.data + row * m, c.keep.data + row * m, m, c.stats + row * 8);
  }, &call);
}
const char* stats_name(const OrtCustomOp*) { return "PlrpStats"; }

// PlrpMaxRoute: LRP through a 1-D MaxPool without the pool's indices (whose MaxPool variant has
// no fast kernel): the winners are found again from the pool's input.
struct RouteCall {
  RowTensor r, a;
  size_t rows, l_out, l_in;
  PoolGeometry pool;
  float* out;
};
void route_compute(void* kernel, OrtKernelContext* context) {
  const auto& at = *static_cast<Attributes*>(kernel);
  RouteCall call{input(context, 0), input(context, 1), 0, 0, 0, at.pool, nullptr};
  if (!call.r.data || !call.a.data || call.r.dims.empty() || call.a.dims.empty()) return;
  call.l_out = static_cast<size_t>(call.r.dims.back());
  call.l_in = static_cast<size_t>(call.a.dims.back());
  call.rows = call.l_in == 0 ? 0 : call.a.n * call.a.m / call.l_in;
  call.out = output(context, 0, call.a.dims);
  if (!call.out) return;
  for_each_row(static_cast<int64_t>(call.rows), threads_for(at, call.a), [](int64_t row, void* state) {
    auto& c = *static_cast<RouteCall*>(state);
    max_route_row(c.r.data + row * c.l_out, c.l_out, c.a.data + row * c.l_in, c.l_in, c.pool, c.out + row * c.l_in);
  }, &call);
}
const char* route_name(const OrtCustomOp*) { return "PlrpMaxRoute"; }

int required(const OrtCustomOp*, size_t) { return 0; }       // INPUT_OUTPUT_REQUIRED
int cpu_memory(const OrtCustomOp*, size_t) { return 0; }     // OrtMemTypeDefault
int not_variadic(const OrtCustomOp*) { return 1; }
int first_version(const OrtCustomOp*) { return 1; }
int any_version(const OrtCustomOp*) { return 1 << 30; }

constexpr uint32_t kOpVersion = 8;
#define PLRP_OP_TAIL required, required, cpu_memory, not_variadic, not_variadic, not_variadic, not_variadic, nullptr, nullptr, nullptr, first_version, any_version, {}
const OrtCustomOp kKeepOp = {kOpVersion, create_kernel, keep_name, cpu_provider, float_then_double, two, float_type, one, keep_compute, destroy_kernel, PLRP_OP_TAIL};
const OrtCustomOp kLambdaOp = {kOpVersion, create_kernel, lambda_name, cpu_provider, float_then_double, two, float_type, three, lambda_compute, destroy_kernel, PLRP_OP_TAIL};
const OrtCustomOp kStatsOp = {kOpVersion, create_kernel, stats_name, cpu_provider, float_type, three, float_type, one, stats_compute, destroy_kernel, PLRP_OP_TAIL};
const OrtCustomOp kRouteOp = {kOpVersion, create_kernel, route_name, cpu_provider, float_type, two, float_type, one, route_compute, destroy_kernel, PLRP_OP_TAIL};
#undef PLRP_OP_TAIL

}  // namespace

OrtCustomOpDomain* custom_op_domain(char* error, size_t size) {
  static OrtCustomOpDomain* domain = nullptr;
  if (domain) return domain;
  OrtCustomOpDomain* made = nullptr;
  if (ortapi::failed(ortapi::CreateCustomOpDomain(kDomain, &made), error, size)) return nullptr;
  for (const OrtCustomOp* op : {&kKeepOp, &kLambdaOp, &kStatsOp, &kRouteOp}) {
    if (ortapi::failed(ortapi::CustomOpDomain_Add(made, op), error, size)) return nullptr;
  }
  return domain = made;
}

}  // namespace plrp
