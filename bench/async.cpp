// Async functions measured by bench/: this one file is built twice, natively
// as C++20 coroutines (namespace native) and lowered by coflat as C++17
// (namespace lowered), so both run the same source.  bench/cpython_async.py
// has the same functions in asyncio.
#include "async.h"

#include <chrono>
#include <vector>

namespace COFLAT_BENCH_NS {

// Task switch: `tasks` Tasks take turns through the loop, sleep(0) each
// turn (each loop iteration resumes every one of them once).
coflat::task<void> ping(int n) {
  for (int i = 0; i < n; ++i)
    co_await coflat::sleep(std::chrono::seconds(0));
}

coflat::task<void> ping_pong(int tasks, int n) {
  std::vector<coflat::future<void>> pings;
  pings.reserve(tasks);
  for (int i = 0; i < tasks; ++i)
    pings.push_back(coflat::create_task(ping(n)));
  for (auto& f : pings)
    co_await f;
}

// Task switch through futures: each Task waits on its own future, and
// completes the other's (the wake-up goes through call_soon, as in asyncio).
coflat::task<void> volley(coflat::future<int>* in, coflat::future<int>* out, int n) {
  for (int i = 0; i < n; ++i) {
    int v = co_await *in;
    *in = coflat::future<int>();
    out->set_result(v + 1);
  }
}

coflat::task<int> volley_pair(int n) {
  coflat::future<int> fa;
  coflat::future<int> fb;
  coflat::future<void> a = coflat::create_task(volley(&fa, &fb, n));
  coflat::future<void> b = coflat::create_task(volley(&fb, &fa, n));
  fa.set_result(0);
  co_await a;
  co_await b;
  co_return fa.done() ? fa.result() : -1;
}

// Await cost: children that complete without suspending, `depth` deep.
coflat::task<int> leaf(int x) { co_return x + 1; }

coflat::task<int> chain(int depth, int x) {
  if (depth <= 1)
    co_return co_await leaf(x);
  co_return co_await chain(depth - 1, x);
}

coflat::task<long> await_loop(int depth, int n) {
  long sum = 0;
  for (int i = 0; i < n; ++i)
    sum += co_await chain(depth, i);
  co_return sum;
}

// Sleeping Tasks per second: n Tasks that each sleep(0) once.
coflat::task<void> nap() { co_await coflat::sleep(std::chrono::seconds(0)); }

coflat::task<void> spawn(int n) {
  std::vector<coflat::future<void>> naps;
  naps.reserve(n);
  for (int i = 0; i < n; ++i)
    naps.push_back(coflat::create_task(nap()));
  for (auto& f : naps)
    co_await f;
}

// Memory per suspended Task: one that sleeps for an hour.
coflat::task<void> sleeper() { co_await coflat::sleep(std::chrono::hours(1)); }

} // namespace COFLAT_BENCH_NS
