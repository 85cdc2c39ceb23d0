// The slice of ONNX Runtime's C API this addon calls. The library is the one onnxruntime-node
// ships (loaded at run time, never linked), and its OrtApi is a table of function pointers whose
// order never changes between releases (ORT only appends), so each function is called through
// its fixed slot number. Only the functions below are used; their signatures follow the C API.
#pragma once
#include <cstddef>
#include <cstdint>

struct OrtStatus;
struct OrtEnv;
struct OrtSession;
struct OrtSessionOptions;
struct OrtValue;
struct OrtMemoryInfo;
struct OrtRunOptions;
struct OrtTensorTypeAndShapeInfo;
struct OrtCustomOpDomain;
struct OrtKernelInfo;
struct OrtKernelContext;
struct OrtCustomOp;

/** ONNX element types used here (ONNXTensorElementDataType). */
enum OrtElementType : int { kFloat = 1, kInt32 = 6, kInt64 = 7, kBool = 9, kDouble = 11 };

namespace ortapi {

/** Loads ONNX Runtime from `library_path` and takes its API table; returns an error text or null. */
const char* load(const char* library_path);
bool loaded();
const char* version();

/** Message of a failed status (and releases it); null status = success. */
bool failed(OrtStatus* status, char* message, size_t size);

/** Whether a call succeeded; a failure's status is released unread (a kernel cannot report it). */
bool ok(OrtStatus* status);

OrtStatus* CreateEnv(int log_level, const char* log_id, OrtEnv** out);
OrtStatus* CreateSessionFromArray(const OrtEnv* env, const void* data, size_t length, const OrtSessionOptions* options, OrtSession** out);
OrtStatus* Run(OrtSession* session, const OrtRunOptions* run_options, const char* const* input_names, const OrtValue* const* inputs, size_t input_count, const char* const* output_names, size_t output_count, OrtValue** outputs);
OrtStatus* CreateSessionOptions(OrtSessionOptions** out);
OrtStatus* SetSessionGraphOptimizationLevel(OrtSessionOptions* options, int level);
OrtStatus* SetIntraOpNumThreads(OrtSessionOptions* options, int threads);
OrtStatus* SetInterOpNumThreads(OrtSessionOptions* options, int threads);
OrtStatus* CreateCustomOpDomain(const char* domain, OrtCustomOpDomain** out);
OrtStatus* CustomOpDomain_Add(OrtCustomOpDomain* domain, const OrtCustomOp* op);
OrtStatus* AddCustomOpDomain(OrtSessionOptions* options, OrtCustomOpDomain* domain);
OrtStatus* AddSessionConfigEntry(OrtSessionOptions* options, const char* key, const char* value);
OrtStatus* CreateTensorWithDataAsOrtValue(const OrtMemoryInfo* info, void* data, size_t bytes, const int64_t* shape, size_t rank, int type, OrtValue** out);
OrtStatus* GetTensorMutableData(OrtValue* value, void** out);
OrtStatus* GetTensorTypeAndShape(const OrtValue* value, OrtTensorTypeAndShapeInfo** out);
OrtStatus* GetTensorElementType(const OrtTensorTypeAndShapeInfo* info, int* out);
OrtStatus* GetDimensionsCount(const OrtTensorTypeAndShapeInfo* info, size_t* out);
OrtStatus* GetDimensions(const OrtTensorTypeAndShapeInfo* info, int64_t* dims, size_t rank);
OrtStatus* CreateCpuMemoryInfo(int allocator_type, int mem_type, OrtMemoryInfo** out);
OrtStatus* KernelInfoGetAttribute_int64(const OrtKernelInfo* info, const char* name, int64_t* out);
OrtStatus* KernelContext_GetInput(const OrtKernelContext* context, size_t index, const OrtValue** out);
OrtStatus* KernelContext_GetOutput(OrtKernelContext* context, size_t index, const int64_t* dims, size_t rank, OrtValue** out);
void ReleaseSession(OrtSession* session);
void ReleaseSessionOptions(OrtSessionOptions* options);
void ReleaseValue(OrtValue* value);
void ReleaseTensorTypeAndShapeInfo(OrtTensorTypeAndShapeInfo* info);

}  // namespace ortapi
