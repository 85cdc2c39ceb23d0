#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "prune-kernels.h"

namespace plrp {

namespace {

/**
 * Helper threads for for_each_row, kept between calls (starting a thread per call cost about as
 * much as a small pruning point's work). One pool per calling thread: ONNX Runtime sessions in
 * several workers call the kernels at the same time, and each gets its own helpers.
 */
class RowPool {
 public:
  ~RowPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : helpers_) t.join();
  }

  void run(int64_t n, int64_t workers, void (*fn)(int64_t, void*), void* state) {
    while (static_cast<int64_t>(helpers_.size()) < workers - 1) {
      const int64_t index = static_cast<int64_t>(helpers_.size()) + 1;
      helpers_.emplace_back([this, index] { serve(index); });
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = {n, workers, fn, state};
      pending_ = workers - 1;
      generation_++;
    }
    wake_.notify_all();
    rows(0);
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
  }

 private:
  struct Job {
    int64_t n = 0, workers = 1;
    void (*fn)(int64_t, void*) = nullptr;
    void* state = nullptr;
  };

  void rows(int64_t w) const {
    for (int64_t row = job_.n * w / job_.workers; row < job_.n * (w + 1) / job_.workers; row++) job_.fn(row, job_.state);
  }

  void serve(int64_t index) {
    uint64_t seen = 0;
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      if (index >= job_.workers) continue;  // this call uses fewer threads
      lock.unlock();
      rows(index);
      lock.lock();
      if (--pending_ == 0) done_.notify_one();
    }
  }

  std::vector<std::thread> helpers_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  Job job_;
  int64_t pending_ = 0;
  uint64_t generation_ = 0;
  bool stopping_ = false;
};

}  // namespace

void for_each_row(int64_t n, int64_t threads, void (*fn)(int64_t row, void* state), void* state) {
  const int64_t workers = std::max<int64_t>(1, std::min(threads, n));
  if (workers == 1) {
    for (int64_t row = 0; row < n; row++) fn(row, state);
    return;
  }
  thread_local RowPool pool;
  pool.run(n, workers, fn, state);
}

}  // namespace plrp
