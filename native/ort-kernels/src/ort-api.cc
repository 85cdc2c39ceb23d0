// Calls into ONNX Runtime's API table by slot (see ort-api.h). Slot numbers are those of the
// OrtApi struct in onnxruntime_c_api.h, stable since the API's first version.
#include "ort-api.h"

#include <cstdio>
#include <cstring>

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#endif

namespace ortapi {
namespace {

struct OrtApiBase {
  const void* (*GetApi)(uint32_t version);
  const char* (*GetVersionString)();
};

// Every slot used here exists from API version 8 (ONNX Runtime 1.8) on; newer libraries serve it too.
constexpr uint32_t kApiVersion = 8;

enum Slot : int {
  kGetErrorMessage = 2,
  kCreateEnv = 3,
  kCreateSessionFromArray = 8,
  kRun = 9,
  kCreateSessionOptions = 10,
  kSetSessionGraphOptimizationLevel = 23,
  kSetIntraOpNumThreads = 24,
  kSetInterOpNumThreads = 25,
  kCreateCustomOpDomain = 26,
  kCustomOpDomain_Add = 27,
  kAddCustomOpDomain = 28,
  kCreateTensorWithDataAsOrtValue = 49,
  kGetTensorMutableData = 51,
  kGetTensorElementType = 60,
  kGetDimensionsCount = 61,
  kGetDimensions = 62,
  kGetTensorTypeAndShape = 65,
  kCreateCpuMemoryInfo = 69,
  kKernelInfoGetAttribute_int64 = 86,
  kKernelContext_GetInput = 90,
  kKernelContext_GetOutput = 91,
  kReleaseStatus = 93,
  kReleaseSession = 95,
  kReleaseValue = 96,
  kReleaseTensorTypeAndShapeInfo = 99,
  kReleaseSessionOptions = 100,
  kAddSessionConfigEntry = 130,
};

void* const* table = nullptr;
const char* version_string = "";

template <typename F>
F slot(Slot s) {
  return reinterpret_cast<F>(table[s]);
}

}  // namespace

const char* load(const char* library_path) {
  if (table) return nullptr;
  static char error[512];
#ifdef _WIN32
  int wide = MultiByteToWideChar(CP_UTF8, 0, library_path, -1, nullptr, 0);
  wchar_t* path = new wchar_t[wide];
  MultiByteToWideChar(CP_UTF8, 0, library_path, -1, path, wide);
  HMODULE handle = LoadLibraryW(path);
  delete[] path;
  if (!handle) {
    std::snprintf(error, sizeof error, "cannot load %s (error %lu)", library_path, GetLastError());
    return error;
  }
  auto get_base = reinterpret_cast<const OrtApiBase* (*)()>(GetProcAddress(handle, "OrtGetApiBase"));
#else
  void* handle = dlopen(library_path, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    std::snprintf(error, sizeof error, "cannot load %s: %s", library_path, dlerror());
    return error;
  }
  auto get_base = reinterpret_cast<const OrtApiBase* (*)()>(dlsym(handle, "OrtGetApiBase"));
#endif
  if (!get_base) return "the ONNX Runtime library has no OrtGetApiBase";
  const OrtApiBase* base = get_base();
  const void* api = base->GetApi(kApiVersion);
  if (!api) return "the ONNX Runtime library does not offer the API version this addon needs";
  version_string = base->GetVersionString();
  table = static_cast<void* const*>(api);
  return nullptr;
}

bool loaded() { return table != nullptr; }
const char* version() { return version_string; }

bool failed(OrtStatus* status, char* message, size_t size) {
  if (!status) return false;
  const char* text = slot<const char* (*)(const OrtStatus*)>(kGetErrorMessage)(status);
  std::snprintf(message, size, "%s", text ? text : "unknown ONNX Runtime error");
  slot<void (*)(OrtStatus*)>(kReleaseStatus)(status);
  return true;
}

bool ok(OrtStatus* status) {
  if (!status) return true;
  slot<void (*)(OrtStatus*)>(kReleaseStatus)(status);
  return false;
}

OrtStatus* CreateEnv(int log_level, const char* log_id, OrtEnv** out) {
  return slot<OrtStatus* (*)(int, const char*, OrtEnv**)>(kCreateEnv)(log_level, log_id, out);
}
OrtStatus* CreateSessionFromArray(const OrtEnv* env, const void* data, size_t length, const OrtSessionOptions* options, OrtSession** out) {
  return slot<OrtStatus* (*)(const OrtEnv*, const void*, size_t, const OrtSessionOptions*, OrtSession**)>(kCreateSessionFromArray)(env, data, length, options, out);
}
OrtStatus* Run(OrtSession* session, const OrtRunOptions* run_options, const char* const* input_names, const OrtValue* const* inputs, size_t input_count, const char* const* output_names, size_t output_count, OrtValue** outputs) {
  return slot<OrtStatus* (*)(OrtSession*, const OrtRunOptions*, const char* const*, const OrtValue* const*, size_t, const char* const*, size_t, OrtValue**)>(kRun)(
      session, run_options, input_names, inputs, input_count, output_names, output_count, outputs);
}
OrtStatus* CreateSessionOptions(OrtSessionOptions** out) { return slot<OrtStatus* (*)(OrtSessionOptions**)>(kCreateSessionOptions)(out); }
OrtStatus* SetSessionGraphOptimizationLevel(OrtSessionOptions* options, int level) {
  return slot<OrtStatus* (*)(OrtSessionOptions*, int)>(kSetSessionGraphOptimizationLevel)(options, level);
}
OrtStatus* SetIntraOpNumThreads(OrtSessionOptions* options, int threads) { return slot<OrtStatus* (*)(OrtSessionOptions*, int)>(kSetIntraOpNumThreads)(options, threads); }
OrtStatus* SetInterOpNumThreads(OrtSessionOptions* options, int threads) { return slot<OrtStatus* (*)(OrtSessionOptions*, int)>(kSetInterOpNumThreads)(options, threads); }
OrtStatus* CreateCustomOpDomain(const char* domain, OrtCustomOpDomain** out) { return slot<OrtStatus* (*)(const char*, OrtCustomOpDomain**)>(kCreateCustomOpDomain)(domain, out); }
OrtStatus* CustomOpDomain_Add(OrtCustomOpDomain* domain, const OrtCustomOp* op) {
  return slot<OrtStatus* (*)(OrtCustomOpDomain*, const OrtCustomOp*)>(kCustomOpDomain_Add)(domain, op);
}
OrtStatus* AddCustomOpDomain(OrtSessionOptions* options, OrtCustomOpDomain* domain) {
  return slot<OrtStatus* (*)(OrtSessionOptions*, OrtCustomOpDomain*)>(kAddCustomOpDomain)(options, domain);
}
OrtStatus* AddSessionConfigEntry(OrtSessionOptions* options, const char* key, const char* value) {
  return slot<OrtStatus* (*)(OrtSessionOptions*, const char*, const char*)>(kAddSessionConfigEntry)(options, key, value);
}
OrtStatus* CreateTensorWithDataAsOrtValue(const OrtMemoryInfo* info, void* data, size_t bytes, const int64_t* shape, size_t rank, int type, OrtValue** out) {
  return slot<OrtStatus* (*)(const OrtMemoryInfo*, void*, size_t, const int64_t*, size_t, int, OrtValue**)>(kCreateTensorWithDataAsOrtValue)(info, data, bytes, shape, rank, type, out);
}
OrtStatus* GetTensorMutableData(OrtValue* value, void** out) { return slot<OrtStatus* (*)(OrtValue*, void**)>(kGetTensorMutableData)(value, out); }
OrtStatus* GetTensorTypeAndShape(const OrtValue* value, OrtTensorTypeAndShapeInfo** out) {
  return slot<OrtStatus* (*)(const OrtValue*, OrtTensorTypeAndShapeInfo**)>(kGetTensorTypeAndShape)(value, out);
}
OrtStatus* GetTensorElementType(const OrtTensorTypeAndShapeInfo* info, int* out) {
  return slot<OrtStatus* (*)(const OrtTensorTypeAndShapeInfo*, int*)>(kGetTensorElementType)(info, out);
}
OrtStatus* GetDimensionsCount(const OrtTensorTypeAndShapeInfo* info, size_t* out) {
  return slot<OrtStatus* (*)(const OrtTensorTypeAndShapeInfo*, size_t*)>(kGetDimensionsCount)(info, out);
}
OrtStatus* GetDimensions(const OrtTensorTypeAndShapeInfo* info, int64_t* dims, size_t rank) {
  return slot<OrtStatus* (*)(const OrtTensorTypeAndShapeInfo*, int64_t*, size_t)>(kGetDimensions)(info, dims, rank);
}
OrtStatus* CreateCpuMemoryInfo(int allocator_type, int mem_type, OrtMemoryInfo** out) {
  return slot<OrtStatus* (*)(int, int, OrtMemoryInfo**)>(kCreateCpuMemoryInfo)(allocator_type, mem_type, out);
}
OrtStatus* KernelInfoGetAttribute_int64(const OrtKernelInfo* info, const char* name, int64_t* out) {
  return slot<OrtStatus* (*)(const OrtKernelInfo*, const char*, int64_t*)>(kKernelInfoGetAttribute_int64)(info, name, out);
}
OrtStatus* KernelContext_GetInput(const OrtKernelContext* context, size_t index, const OrtValue** out) {
  return slot<OrtStatus* (*)(const OrtKernelContext*, size_t, const OrtValue**)>(kKernelContext_GetInput)(context, index, out);
}
OrtStatus* KernelContext_GetOutput(OrtKernelContext* context, size_t index, const int64_t* dims, size_t rank, OrtValue** out) {
  return slot<OrtStatus* (*)(OrtKernelContext*, size_t, const int64_t*, size_t, OrtValue**)>(kKernelContext_GetOutput)(context, index, dims, rank, out);
}
void ReleaseSession(OrtSession* session) { slot<void (*)(OrtSession*)>(kReleaseSession)(session); }
void ReleaseSessionOptions(OrtSessionOptions* options) { slot<void (*)(OrtSessionOptions*)>(kReleaseSessionOptions)(options); }
void ReleaseValue(OrtValue* value) { slot<void (*)(OrtValue*)>(kReleaseValue)(value); }
void ReleaseTensorTypeAndShapeInfo(OrtTensorTypeAndShapeInfo* info) { slot<void (*)(OrtTensorTypeAndShapeInfo*)>(kReleaseTensorTypeAndShapeInfo)(info); }

}  // namespace ortapi
