// Async costs, side by side: coflat-lowered C++17 vs the same source as
// native C++20 coroutines (bench/async.cpp), and the event loop on its own.
// bench/cpython_async.py measures the same workloads in CPython's asyncio;
// bench/ratios_async.py puts them in one table.
//
// Benchmark names are <workload>_<impl>[/<arg>], impl one of lowered,
// native, or cxx (the event loop alone: no coroutine involved).
#include "async.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

#include <malloc.h>

// --- live heap bytes: every operator new/delete of the process, counted ---
//
// Counted as malloc_usable_size (what the allocator hands out, its rounding
// included, its per-chunk header not); requested_bytes counts what was asked.
namespace {
std::size_t live_bytes = 0;
std::size_t live_blocks = 0;
std::size_t requested_bytes = 0;

void* counted_alloc(std::size_t size, std::size_t align = 0) {
  if (size == 0)
    size = 1;
  void* p = align > alignof(std::max_align_t) ? std::aligned_alloc(align, (size + align - 1) / align * align)
                                              : std::malloc(size);
  if (!p)
    throw std::bad_alloc();
  live_bytes += malloc_usable_size(p);
  ++live_blocks;
  requested_bytes += size;
  return p;
}
void counted_free(void* p) noexcept {
  if (!p)
    return;
  live_bytes -= malloc_usable_size(p);
  --live_blocks;
  std::free(p);
}
} // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void* operator new(std::size_t n, std::align_val_t a) { return counted_alloc(n, std::size_t(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_alloc(n, std::size_t(a)); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }

namespace {

constexpr int N = 1000;

// --- (a) call_soon: `chains` callbacks, each rescheduling itself ---

constexpr long callbacks_per_iteration = 100000;

struct soon_chain {
  coflat::event_loop* loop;
  long left;
  int* running;
};
void soon_tick(soon_chain* c) {
  if (--c->left > 0)
    return c->loop->call_soon([c] { soon_tick(c); });
  if (--*c->running == 0)
    c->loop->stop();
}

void call_soon_cxx(benchmark::State& state) {
  int chains = int(state.range(0));
  coflat::event_loop loop;
  std::vector<soon_chain> all(chains);
  for (auto _ : state) {
    int running = chains;
    for (auto& c : all) {
      c = soon_chain{&loop, callbacks_per_iteration / chains, &running};
      loop.call_soon([p = &c] { soon_tick(p); });
    }
    loop.run_forever();
  }
  state.SetItemsProcessed(state.iterations() * callbacks_per_iteration);
}
BENCHMARK(call_soon_cxx)->Arg(1)->Arg(100);

// --- (b) timers: N call_later timers, all due when the loop runs ---

constexpr int timers_per_iteration = 10000;

struct timer_count {
  coflat::event_loop* loop;
  int fired;
};
void timer_fired(timer_count* c) {
  if (++c->fired == timers_per_iteration)
    c->loop->stop();
}

// Equal delays (0): they fire in scheduling order.
void timers_equal_cxx(benchmark::State& state) {
  coflat::event_loop loop;
  for (auto _ : state) {
    timer_count count{&loop, 0};
    for (int i = 0; i < timers_per_iteration; ++i)
      loop.call_later(std::chrono::nanoseconds(0), [c = &count] { timer_fired(c); });
    loop.run_forever();
  }
  state.SetItemsProcessed(state.iterations() * timers_per_iteration);
}
BENCHMARK(timers_equal_cxx);

// Distinct delays of a few microseconds, scheduled latest first: the heap
// has to reorder them all.  Scheduling them takes longer than the delays.
void timers_reverse_cxx(benchmark::State& state) {
  coflat::event_loop loop;
  for (auto _ : state) {
    timer_count count{&loop, 0};
    for (int i = 0; i < timers_per_iteration; ++i)
      loop.call_later(std::chrono::nanoseconds(timers_per_iteration - i), [c = &count] { timer_fired(c); });
    loop.run_forever();
  }
  state.SetItemsProcessed(state.iterations() * timers_per_iteration);
}
BENCHMARK(timers_reverse_cxx);

// --- (c) task switches and awaits ---

template <class T, class Make> void run_task(benchmark::State& state, long items, Make make) {
  coflat::event_loop loop;
  for (auto _ : state)
    benchmark::DoNotOptimize(loop.run_until_complete(make()));
  state.SetItemsProcessed(state.iterations() * items);
}
template <class Make> void run_void_task(benchmark::State& state, long items, Make make) {
  coflat::event_loop loop;
  for (auto _ : state)
    loop.run_until_complete(make());
  state.SetItemsProcessed(state.iterations() * items);
}

// state.range(0) Tasks alternating through sleep(0), N turns each: one item
// is one switch (a Task suspended, then resumed by the loop).  With 2 Tasks
// each loop iteration, and its epoll_wait, serves 2 switches; with 100, 100.
void switch_lowered(benchmark::State& s) {
  int tasks = int(s.range(0));
  run_void_task(s, long(tasks) * N, [tasks] { return lowered::ping_pong(tasks, N); });
}
void switch_native(benchmark::State& s) {
  int tasks = int(s.range(0));
  run_void_task(s, long(tasks) * N, [tasks] { return native::ping_pong(tasks, N); });
}
BENCHMARK(switch_lowered)->Arg(2)->Arg(100);
BENCHMARK(switch_native)->Arg(2)->Arg(100);

// Two Tasks waking each other through futures: 2N switches, one Task
// runnable at a time, so one loop iteration per switch.
void volley_lowered(benchmark::State& s) { run_task<int>(s, 2 * N, [] { return lowered::volley_pair(N); }); }
void volley_native(benchmark::State& s) { run_task<int>(s, 2 * N, [] { return native::volley_pair(N); }); }
BENCHMARK(volley_lowered);
BENCHMARK(volley_native);

// N awaits of a chain `depth` deep that completes synchronously: one item
// is one `co_await child()` (a frame created, run inline, destroyed).
void await_lowered(benchmark::State& s) {
  int depth = int(s.range(0));
  run_task<long>(s, long(N) * depth, [depth] { return lowered::await_loop(depth, N); });
}
void await_native(benchmark::State& s) {
  int depth = int(s.range(0));
  run_task<long>(s, long(N) * depth, [depth] { return native::await_loop(depth, N); });
}
BENCHMARK(await_lowered)->Arg(1)->Arg(20);
BENCHMARK(await_native)->Arg(1)->Arg(20);

// N Tasks created, each sleeping once (sleep(0)), awaited: one item is one
// Task's whole life.
void spawn_lowered(benchmark::State& s) { run_void_task(s, N, [] { return lowered::spawn(N); }); }
void spawn_native(benchmark::State& s) { run_void_task(s, N, [] { return native::spawn(N); }); }
BENCHMARK(spawn_lowered);
BENCHMARK(spawn_native);

// --- (d) memory per suspended Task ---

constexpr int sleeping_tasks = 100000;

// 100,000 Tasks sleeping for an hour after one loop iteration: the live
// heap bytes they hold, per Task (counter bytes_per_task: the frame, the
// Task, its wake-up callback, the sleep's future and timer, and the loop's
// share: timer heap and ready queue, with their spare capacity);
// blocks_per_task: the heap blocks behind them.
// frame_bytes: the bytes allocated by calling the async function alone
// (the coroutine frame).  The time is create + one step + close(), which
// destroys the suspended frames: not comparable with CPython's teardown.
template <class Make> void sleeping(benchmark::State& state, Make make) {
  double per_task = 0, blocks = 0, frame = 0;
  for (auto _ : state) {
    {
      std::size_t before = requested_bytes;
      auto t = make();
      frame = double(requested_bytes - before);
    }
    coflat::event_loop loop;
    std::vector<coflat::future<void>> tasks;
    tasks.reserve(sleeping_tasks);
    std::size_t before = live_bytes, blocks_before = live_blocks;
    for (int i = 0; i < sleeping_tasks; ++i)
      tasks.push_back(loop.create_task(make()));
    loop.call_soon([&loop] { loop.stop(); });
    loop.run_forever();
    std::size_t after = live_bytes;
    per_task = double(after - before) / sleeping_tasks;
    blocks = double(live_blocks - blocks_before) / sleeping_tasks;
    for (auto& t : tasks)
      if (t.done())
        state.SkipWithError("a sleeping task finished");
    tasks.clear();
    loop.close();
  }
  state.counters["bytes_per_task"] = per_task;
  state.counters["blocks_per_task"] = blocks;
  state.counters["frame_bytes"] = frame;
  state.SetItemsProcessed(state.iterations() * sleeping_tasks);
}
void sleeping_lowered(benchmark::State& s) { sleeping(s, [] { return lowered::sleeper(); }); }
void sleeping_native(benchmark::State& s) { sleeping(s, [] { return native::sleeper(); }); }
BENCHMARK(sleeping_lowered)->Iterations(1);
BENCHMARK(sleeping_native)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
