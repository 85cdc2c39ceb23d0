// Node-API binding: ONNX Runtime sessions that know the "ai.plrp" custom operators. It loads the
// ONNX Runtime library onnxruntime-node ships (same file, so one runtime per process) and offers
//   load(libraryPath) → version,  createSession(bytes, intraOpThreads) → Promise<session>,
//   run(session, inputNames, inputs, inputDims, outputNames) → Promise<[{ data, dims }]>,
//   release(session).
// Sessions are created and run on libuv's thread pool, as onnxruntime-node does, so the calling
// thread's event loop keeps turning.
#include <node_api.h>

#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "custom-ops.h"
#include "ort-api.h"

namespace {

OrtEnv* env = nullptr;
OrtMemoryInfo* cpu_memory = nullptr;

constexpr int kLogWarning = 2;
constexpr int kOptimizeAll = 99;
constexpr int kArenaAllocator = 1;
constexpr int kMemTypeDefault = 0;

/**
 * A session and the runs in flight on it (counted on the JS thread): release() during a run only
 * marks it, and the last run to finish frees it, so ORT never runs on a freed session.
 */
struct Session {
  OrtSession* session = nullptr;
  int running = 0;
  bool released = false;
};

void free_if_idle(Session* s) {
  if (s->released && s->running == 0 && s->session) {
    ortapi::ReleaseSession(s->session);
    s->session = nullptr;
  }
}

napi_value throw_error(napi_env e, const std::string& message) {
  napi_throw_error(e, "ORT_NATIVE", message.c_str());
  return nullptr;
}

std::string string_arg(napi_env e, napi_value v) {
  size_t length = 0;
  napi_get_value_string_utf8(e, v, nullptr, 0, &length);
  std::string s(length, '\0');
  napi_get_value_string_utf8(e, v, &s[0], length + 1, &length);
  return s;
}

// Worker threads load the addon each in their own environment, and the globals above are shared.
std::mutex load_mutex;

/** Runs execute on libuv's thread pool, then complete on the JS thread; returns the promise. */
napi_value queue_work(napi_env e, const char* name, napi_async_execute_callback execute, napi_async_complete_callback complete, void* data, napi_deferred* deferred, napi_async_work* work) {
  napi_value promise, resource_name;
  napi_create_promise(e, deferred, &promise);
  napi_create_string_utf8(e, name, NAPI_AUTO_LENGTH, &resource_name);
  napi_create_async_work(e, nullptr, resource_name, execute, complete, data, work);
  napi_queue_async_work(e, *work);
  return promise;
}

/** Rejects with `error` when it is set, else resolves with `value`; then frees the async work. */
void settle(napi_env e, napi_deferred deferred, napi_async_work work, const std::string& error, napi_value value) {
  if (!error.empty()) {
    napi_value message, rejection;
    napi_create_string_utf8(e, error.c_str(), NAPI_AUTO_LENGTH, &message);
    napi_create_error(e, nullptr, message, &rejection);
    napi_reject_deferred(e, deferred, rejection);
  } else {
    napi_resolve_deferred(e, deferred, value);
  }
  napi_delete_async_work(e, work);
}

napi_value load(napi_env e, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(e, info, &argc, argv, nullptr, nullptr);
  if (argc < 1) return throw_error(e, "load(libraryPath) needs the ONNX Runtime library's path");
  std::lock_guard<std::mutex> lock(load_mutex);
  if (const char* error = ortapi::load(string_arg(e, argv[0]).c_str())) return throw_error(e, error);
  char message[512];
  if (!env && ortapi::failed(ortapi::CreateEnv(kLogWarning, "plrp-studio", &env), message, sizeof message)) return throw_error(e, message);
  if (!cpu_memory && ortapi::failed(ortapi::CreateCpuMemoryInfo(kArenaAllocator, kMemTypeDefault, &cpu_memory), message, sizeof message)) return throw_error(e, message);
  if (!plrp::custom_op_domain(message, sizeof message)) return throw_error(e, message);
  napi_value version;
  napi_create_string_utf8(e, ortapi::version(), NAPI_AUTO_LENGTH, &version);
  return version;
}

// ---- createSession -------------------------------------------------------------------------

struct CreateWork {
  napi_async_work work = nullptr;
  napi_deferred deferred = nullptr;
  napi_ref bytes_ref = nullptr;
  const void* bytes = nullptr;
  size_t length = 0;
  int threads = 1;
  OrtSession* session = nullptr;
  std::string error;
};

void create_execute(napi_env, void* data) {
  auto* w = static_cast<CreateWork*>(data);
  char message[1024];
  OrtSessionOptions* options = nullptr;
  if (ortapi::failed(ortapi::CreateSessionOptions(&options), message, sizeof message)) {
    w->error = message;
    return;
  }
  // The same threading as onnxruntime-node sessions get (src-main/engine/runtime/ort.ts).
  OrtStatus* status = ortapi::SetIntraOpNumThreads(options, w->threads);
  if (!status) status = ortapi::SetInterOpNumThreads(options, 1);
  if (!status) status = ortapi::SetSessionGraphOptimizationLevel(options, kOptimizeAll);
  if (!status) status = ortapi::AddSessionConfigEntry(options, "session.intra_op.allow_spinning", "0");
  if (!status) status = ortapi::AddCustomOpDomain(options, plrp::custom_op_domain(message, sizeof message));
  if (!status) {
    // ORT registers a custom-op domain in a process-wide ONNX map the first time a session uses
    // it, unlocked: two workers creating their first sessions at once could both try, and the
    // second failed ("domain is already exist"). Session creation is rare; serialise it.
    static std::mutex create_mutex;
    std::lock_guard<std::mutex> lock(create_mutex);
    status = ortapi::CreateSessionFromArray(env, w->bytes, w->length, options, &w->session);
  }
  if (ortapi::failed(status, message, sizeof message)) w->error = message;
  ortapi::ReleaseSessionOptions(options);
}

void finalize_session(napi_env, void* data, void*) {
  auto* s = static_cast<Session*>(data);
  // A run holds a reference to its session's JS object, so none is in flight here.
  s->released = true;
  s->running = 0;
  free_if_idle(s);
  delete s;
}

void create_complete(napi_env e, napi_status, void* data) {
  auto* w = static_cast<CreateWork*>(data);
  napi_delete_reference(e, w->bytes_ref);
  napi_value external = nullptr;
  if (w->error.empty()) napi_create_external(e, new Session{w->session}, finalize_session, nullptr, &external);
  settle(e, w->deferred, w->work, w->error, external);
  delete w;
}

napi_value create_session(napi_env e, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(e, info, &argc, argv, nullptr, nullptr);
  if (!ortapi::loaded()) return throw_error(e, "load() the ONNX Runtime library first");
  auto* w = new CreateWork();
  napi_typedarray_type type;
  size_t length;
  void* data;
  napi_value buffer;
  size_t offset;
  if (argc < 2 || napi_get_typedarray_info(e, argv[0], &type, &length, &data, &buffer, &offset) != napi_ok || type != napi_uint8_array) {
    delete w;
    return throw_error(e, "createSession(bytes: Uint8Array, intraOpThreads: number)");
  }
  w->bytes = data;
  w->length = length;
  int32_t threads = 1;
  napi_get_value_int32(e, argv[1], &threads);
  w->threads = threads < 1 ? 1 : threads;
  napi_create_reference(e, argv[0], 1, &w->bytes_ref);
  return queue_work(e, "plrpCreateSession", create_execute, create_complete, w, &w->deferred, &w->work);
}

// ---- run -------------------------------------------------------------------------------------

struct InputTensor {
  std::string name;
  void* data;
  size_t bytes;
  int type;
  std::vector<int64_t> dims;
};

struct RunWork {
  napi_async_work work = nullptr;
  napi_deferred deferred = nullptr;
  std::vector<napi_ref> refs;  // inputs and the session stay alive while ORT reads them
  Session* owner = nullptr;
  OrtSession* session = nullptr;
  std::vector<InputTensor> inputs;
  std::vector<std::string> output_names;
  std::vector<OrtValue*> outputs;
  std::string error;
};

void run_execute(napi_env, void* data) {
  auto* w = static_cast<RunWork*>(data);
  char message[1024];
  std::vector<OrtValue*> values;
  std::vector<const char*> input_names, output_names;
  for (auto& in : w->inputs) {
    OrtValue* v = nullptr;
    if (ortapi::failed(ortapi::CreateTensorWithDataAsOrtValue(cpu_memory, in.data, in.bytes, in.dims.data(), in.dims.size(), in.type, &v), message, sizeof message)) {
      w->error = "input '" + in.name + "': " + message;
      break;
    }
    values.push_back(v);
    input_names.push_back(in.name.c_str());
  }
  if (w->error.empty()) {
    for (auto& n : w->output_names) output_names.push_back(n.c_str());
    w->outputs.assign(output_names.size(), nullptr);
    OrtStatus* status = ortapi::Run(w->session, nullptr, input_names.data(), values.data(), values.size(), output_names.data(), output_names.size(), w->outputs.data());
    if (ortapi::failed(status, message, sizeof message)) w->error = message;
  }
  for (OrtValue* v : values) ortapi::ReleaseValue(v);
}

size_t element_bytes(int type) {
  switch (type) {
    case kDouble:
    case kInt64: return 8;
    case kBool: return 1;
    default: return 4;
  }
}

napi_typedarray_type array_type(int type) {
  switch (type) {
    case kDouble: return napi_float64_array;
    case kInt64: return napi_bigint64_array;
    case kInt32: return napi_int32_array;
    case kBool: return napi_uint8_array;
    default: return napi_float32_array;
  }
}

napi_value output_object(napi_env e, OrtValue* value, std::string& error) {
  char message[512];
  OrtTensorTypeAndShapeInfo* info = nullptr;
  if (ortapi::failed(ortapi::GetTensorTypeAndShape(value, &info), message, sizeof message)) {
    error = message;
    return nullptr;
  }
  int type = 0;
  size_t rank = 0;
  ortapi::failed(ortapi::GetTensorElementType(info, &type), message, sizeof message);
  ortapi::failed(ortapi::GetDimensionsCount(info, &rank), message, sizeof message);
  std::vector<int64_t> dims(rank);
  ortapi::failed(ortapi::GetDimensions(info, dims.data(), rank), message, sizeof message);
  ortapi::ReleaseTensorTypeAndShapeInfo(info);
  if (type != kFloat && type != kDouble && type != kInt64 && type != kInt32 && type != kBool) {
    error = "an output of element type " + std::to_string(type) + ", which this binding does not read";
    return nullptr;
  }
  size_t count = 1;
  for (int64_t d : dims) count *= static_cast<size_t>(d);
  void* src = nullptr;
  if (ortapi::failed(ortapi::GetTensorMutableData(value, &src), message, sizeof message)) {
    error = message;
    return nullptr;
  }
  // A copy: Electron forbids array buffers over memory V8 did not allocate.
  void* dst = nullptr;
  napi_value buffer, array, dims_array, result;
  napi_create_arraybuffer(e, count * element_bytes(type), &dst, &buffer);
  if (count > 0) std::memcpy(dst, src, count * element_bytes(type));
  napi_create_typedarray(e, array_type(type), count, buffer, 0, &array);
  napi_create_array_with_length(e, rank, &dims_array);
  for (size_t d = 0; d < rank; d++) {
    napi_value dim;
    napi_create_int64(e, dims[d], &dim);
    napi_set_element(e, dims_array, static_cast<uint32_t>(d), dim);
  }
  napi_create_object(e, &result);
  napi_set_named_property(e, result, "data", array);
  napi_set_named_property(e, result, "dims", dims_array);
  return result;
}

void run_complete(napi_env e, napi_status, void* data) {
  auto* w = static_cast<RunWork*>(data);
  // Before the references go: once the session's is deleted, a GC may finalize it.
  w->owner->running--;
  free_if_idle(w->owner);
  for (napi_ref r : w->refs) napi_delete_reference(e, r);
  napi_value results = nullptr;
  if (w->error.empty()) {
    napi_create_array_with_length(e, w->outputs.size(), &results);
    for (size_t i = 0; i < w->outputs.size() && w->error.empty(); i++) {
      napi_value o = output_object(e, w->outputs[i], w->error);
      if (o) napi_set_element(e, results, static_cast<uint32_t>(i), o);
    }
  }
  for (OrtValue* v : w->outputs) if (v) ortapi::ReleaseValue(v);
  settle(e, w->deferred, w->work, w->error, results);
  delete w;
}

int element_type(napi_typedarray_type t) {
  switch (t) {
    case napi_float32_array: return kFloat;
    case napi_float64_array: return kDouble;
    case napi_bigint64_array: return kInt64;
    case napi_int32_array: return kInt32;
    case napi_uint8_array: return kBool;
    default: return 0;
  }
}

napi_value run(napi_env e, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  napi_get_cb_info(e, info, &argc, argv, nullptr, nullptr);
  if (argc < 5) return throw_error(e, "run(session, inputNames, inputs, inputDims, outputNames)");
  Session* s = nullptr;
  if (napi_get_value_external(e, argv[0], reinterpret_cast<void**>(&s)) != napi_ok || !s || !s->session || s->released) return throw_error(e, "run: not a session, or a released one");
  auto* w = new RunWork();
  w->owner = s;
  w->session = s->session;
  napi_ref session_ref;
  napi_create_reference(e, argv[0], 1, &session_ref);
  w->refs.push_back(session_ref);
  uint32_t n_inputs = 0, n_outputs = 0;
  napi_get_array_length(e, argv[1], &n_inputs);
  napi_get_array_length(e, argv[4], &n_outputs);
  for (uint32_t i = 0; i < n_inputs; i++) {
    napi_value name, array, dims;
    napi_get_element(e, argv[1], i, &name);
    napi_get_element(e, argv[2], i, &array);
    napi_get_element(e, argv[3], i, &dims);
    InputTensor t;
    t.name = string_arg(e, name);
    napi_typedarray_type type;
    size_t length, offset;
    napi_value buffer;
    if (napi_get_typedarray_info(e, array, &type, &length, &t.data, &buffer, &offset) != napi_ok || !(t.type = element_type(type))) {
      for (napi_ref r : w->refs) napi_delete_reference(e, r);
      delete w;
      return throw_error(e, "run: input '" + t.name + "' is not a Float32Array, Float64Array, Int32Array, BigInt64Array or Uint8Array");
    }
    t.bytes = length * element_bytes(t.type);
    uint32_t rank = 0;
    napi_get_array_length(e, dims, &rank);
    for (uint32_t d = 0; d < rank; d++) {
      napi_value dim;
      int64_t value = 0;
      napi_get_element(e, dims, d, &dim);
      napi_get_value_int64(e, dim, &value);
      t.dims.push_back(value);
    }
    napi_ref ref;
    napi_create_reference(e, array, 1, &ref);
    w->refs.push_back(ref);
    w->inputs.push_back(std::move(t));
  }
  for (uint32_t i = 0; i < n_outputs; i++) {
    napi_value name;
    napi_get_element(e, argv[4], i, &name);
    w->output_names.push_back(string_arg(e, name));
  }
  s->running++;
  return queue_work(e, "plrpRun", run_execute, run_complete, w, &w->deferred, &w->work);
}

napi_value release(napi_env e, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(e, info, &argc, argv, nullptr, nullptr);
  Session* s = nullptr;
  if (argc == 1 && napi_get_value_external(e, argv[0], reinterpret_cast<void**>(&s)) == napi_ok && s) {
    s->released = true;
    free_if_idle(s);
  }
  return nullptr;
}

napi_value init(napi_env e, napi_value exports) {
  const napi_property_descriptor methods[] = {
      {"load", nullptr, load, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"createSession", nullptr, create_session, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"run", nullptr, run, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"release", nullptr, release, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(e, exports, sizeof methods / sizeof methods[0], methods);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GMODULE_NAME, init)
