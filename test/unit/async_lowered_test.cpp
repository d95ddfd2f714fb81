// Unit tests of the async runtime driving hand-lowered frames, compiled as
// C++17 (no coroutines).  Each frame below is written the way the coflat tool
// lowers the C++20 async function quoted above it: a struct that derives
// from coflat::task<T>::state_type (or coflat::async_generator<T>::state_type),
// holds the parameters, the locals that span a suspension and the awaiters,
// and implements coflat_resume() as a switch over its suspension points and
// coflat_destroy() that destroys exactly the objects live at the suspension.
// Every co_await is
//     ::new (addr(aw_k)) A_k(this->coflat_await(expr));   // A_k: decltype of that call
//     if (!aw_k.await_ready()) {
//       coflat_state = k;
//       if (aw_k.await_suspend(frame_handle(this))) return;
//     }
//   resume_k:
//     ... aw_k.await_resume() ...   (then aw_k is destroyed)
// and every co_yield in an async generator is the same with
// this->coflat_yield_value(v).  The scenarios and their expected logs are
// the ones of async_native_test.cpp: the runtime must drive lowered frames
// exactly as it drives native coroutines.
#include <coflat/coflat.h>

#include "lowered_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#if defined(__cpp_impl_coroutine)
#error "async_lowered_test.cpp must be compiled as C++17, without coroutines"
#endif

namespace {

using namespace std::chrono_literals;
namespace cd = coflat::detail;
using coflat::async_generator;
using coflat::event_loop;
using coflat::future;
using coflat::task;
using coflat_test::event_log;
using coflat_test::tracer;

using coflat_test::destroy_when_done;
using coflat_test::slot;

/// The type of `this->coflat_await(expr)` for an expression of type A (what
/// the tool writes as decltype of the call).
template <class A>
using await_t = decltype(std::declval<cd::async_frame&>().coflat_await(std::declval<A>()));

using sleep_await = await_t<cd::sleep_awaiter>;

/// The current machine stack position (not affected by ASan's fake stack).
[[gnu::noinline]] std::uintptr_t stack_position() {
  return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
}

// ---------------------------------------------------------------------------
// task<int> twice(event_log& log, int v) {
//   log.push_back("child " + std::to_string(v));
//   if (v < 0)
//     throw std::invalid_argument("negative");
//   co_return v * 2;
// }
struct twice_frame final : task<int>::state_type {
  event_log& log;
  int v;

  twice_frame(event_log& log_, int v_) : log(log_), v(v_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    default:
      return;
    }
    log.push_back("child " + std::to_string(v));
    if (v < 0)
      throw std::invalid_argument("negative");
    this->coflat_return_value(v * 2);
    this->coflat_state = cd::state_done;
  }
  void coflat_destroy() noexcept override { delete this; }
};

task<int> twice(event_log& log, int v) { return task<int>(new twice_frame(log, v)); }

// task<int> parent(event_log& log) {
//   log.push_back("parent before");
//   int a = co_await twice(log, 5);
//   log.push_back("parent after " + std::to_string(a));
//   int b;
//   try {
//     b = co_await twice(log, -1);
//   } catch (const std::invalid_argument& e) {
//     log.push_back(std::string("caught ") + e.what());
//     b = 1;
//   }
//   co_return a + b;
// }
struct parent_frame final : task<int>::state_type {
  using aw_t = await_t<task<int>>;
  event_log& log;
  int a;
  int b;
  slot<aw_t> aw1;
  slot<aw_t> aw2;

  explicit parent_frame(event_log& log_) : log(log_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    case 2:
      goto try_2;
    default:
      return;
    }
    log.push_back("parent before");
    ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(twice(log, 5)));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      if (aw1.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<aw_t> d{aw1.value};
      a = aw1.value.await_resume();
    }
    log.push_back("parent after " + std::to_string(a));
  try_2:
    try {
      switch (this->coflat_state) {
      case 2:
        goto resume_2;
      default:
        break;
      }
      ::new (cd::addr(aw2.value)) aw_t(this->coflat_await(twice(log, -1)));
      if (!aw2.value.await_ready()) {
        this->coflat_state = 2;
        if (aw2.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_2:
      this->coflat_state = cd::state_running;
      destroy_when_done<aw_t> d{aw2.value};
      b = aw2.value.await_resume();
    } catch (const std::invalid_argument& e) {
      log.push_back(std::string("caught ") + e.what());
      b = 1;
    }
    this->coflat_return_value(a + b);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    switch (this->coflat_state) {
    case 1:
      cd::destroy_at(aw1.value);
      break;
    case 2:
      cd::destroy_at(aw2.value);
      break;
    default:
      break;
    }
    delete this;
  }
};

task<int> parent(event_log& log) { return task<int>(new parent_frame(log)); }

TEST(LoweredTask, CallingRunsNothingAwaitingAChildRunsItInline) {
  event_log log;
  {
    task<int> unstarted = parent(log);
    EXPECT_TRUE(log.empty());
  }
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(coflat::run(parent(log)), 11);
  EXPECT_EQ(log, (event_log{"parent before", "child 5", "parent after 10", "child -1", "caught negative"}));
}

TEST(LoweredTask, ExceptionEscapingALoweredTaskPropagates) {
  event_log log;
  EXPECT_THROW(coflat::run(twice(log, -3)), std::invalid_argument);
  event_loop loop;
  EXPECT_EQ(loop.run_until_complete(twice(log, 4)), 8);
}

// ---------------------------------------------------------------------------
// task<int> nested(int n, std::uintptr_t& deepest) {
//   if (n == 0) {
//     deepest = stack_position();
//     co_return 0;
//   }
//   int v = co_await nested(n - 1, deepest);
//   co_return v + 1;
// }
task<int> nested(int n, std::uintptr_t& deepest);

struct nested_frame final : task<int>::state_type {
  using aw_t = await_t<task<int>>;
  int n;
  std::uintptr_t& deepest;
  int v;
  slot<aw_t> aw1;

  nested_frame(int n_, std::uintptr_t& deepest_) : n(n_), deepest(deepest_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    if (n == 0) {
      deepest = stack_position();
      this->coflat_return_value(0);
      this->coflat_state = cd::state_done;
      return;
    }
    ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(nested(n - 1, deepest)));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      if (aw1.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<aw_t> d{aw1.value};
      v = aw1.value.await_resume();
    }
    this->coflat_return_value(v + 1);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

task<int> nested(int n, std::uintptr_t& deepest) { return task<int>(new nested_frame(n, deepest)); }

TEST(LoweredTask, HundredThousandNestedAwaitsDoNotGrowTheStack) {
  std::uintptr_t deepest = 0;
  std::uintptr_t shallow = 0;
  EXPECT_EQ(coflat::run(nested(100000, deepest)), 100000);
  EXPECT_EQ(coflat::run(nested(0, shallow)), 0);
  // The runner resumes every frame from the same place.
  EXPECT_EQ(deepest, shallow);
}

// ---------------------------------------------------------------------------
// task<int> returns_at_once(std::uintptr_t& lo, std::uintptr_t& hi) {
//   std::uintptr_t here = stack_position();
//   lo = std::min(lo, here);
//   hi = std::max(hi, here);
//   co_return 1;
// }
struct returns_at_once_frame final : task<int>::state_type {
  std::uintptr_t& lo;
  std::uintptr_t& hi;

  returns_at_once_frame(std::uintptr_t& lo_, std::uintptr_t& hi_) : lo(lo_), hi(hi_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    default:
      return;
    }
    std::uintptr_t here = stack_position();
    lo = std::min(lo, here);
    hi = std::max(hi, here);
    this->coflat_return_value(1);
    this->coflat_state = cd::state_done;
  }
  void coflat_destroy() noexcept override { delete this; }
};

// task<long> million_awaits(std::uintptr_t& lo, std::uintptr_t& hi) {
//   long sum = 0;
//   for (int i = 0; i < 1000000; ++i)
//     sum += co_await returns_at_once(lo, hi);
//   co_return sum;
// }
struct million_awaits_frame final : task<long>::state_type {
  using aw_t = await_t<task<int>>;
  std::uintptr_t& lo;
  std::uintptr_t& hi;
  long sum;
  int i;
  slot<aw_t> aw1;

  million_awaits_frame(std::uintptr_t& lo_, std::uintptr_t& hi_) : lo(lo_), hi(hi_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    sum = 0;
    for (i = 0; i < 1000000; ++i) {
      ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(task<int>(new returns_at_once_frame(lo, hi))));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        if (aw1.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      destroy_when_done<aw_t> d{aw1.value};
      sum += aw1.value.await_resume();
    }
    this->coflat_return_value(sum);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

TEST(LoweredTask, SynchronouslyCompletingAwaitsDoNotGrowTheStack) {
  std::uintptr_t lo = UINTPTR_MAX, hi = 0;
  EXPECT_EQ(coflat::run(task<long>(new million_awaits_frame(lo, hi))), 1000000);
  EXPECT_EQ(lo, hi); // every child ran at the same depth
}

// ---------------------------------------------------------------------------
// task<void> worker(event_log& log, std::string name, int n) {
//   for (int i = 0; i < n; ++i) {
//     log.push_back(name + std::to_string(i));
//     co_await coflat::sleep(0s);
//   }
//   log.push_back(name + " done");
// }
struct worker_frame final : task<void>::state_type {
  event_log& log;
  std::string name;
  int n;
  int i;
  slot<sleep_await> aw1;

  worker_frame(event_log& log_, std::string name_, int n_) : log(log_), name(std::move(name_)), n(n_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    for (i = 0; i < n; ++i) {
      log.push_back(name + std::to_string(i));
      ::new (cd::addr(aw1.value)) sleep_await(this->coflat_await(coflat::sleep(0s)));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        if (aw1.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      destroy_when_done<sleep_await> d{aw1.value};
      aw1.value.await_resume();
    }
    log.push_back(name + " done");
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

task<void> worker(event_log& log, std::string name, int n) {
  return task<void>(new worker_frame(log, std::move(name), n));
}

// task<void> interleave(event_log& log) {
//   auto [a, b] = co_await coflat::gather(worker(log, "a", 3), worker(log, "b", 2));
//   log.push_back(std::is_same_v<decltype(a), std::monostate> ? "monostate" : "?");
// }
struct interleave_frame final : task<void>::state_type {
  using gather_t = decltype(coflat::gather(std::declval<task<void>>(), std::declval<task<void>>()));
  using aw_t = await_t<gather_t>;
  event_log& log;
  slot<aw_t> aw1;

  explicit interleave_frame(event_log& log_) : log(log_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(coflat::gather(worker(log, "a", 3), worker(log, "b", 2))));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      if (aw1.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<aw_t> d{aw1.value};
      auto [a, b] = aw1.value.await_resume();
      (void)b;
      log.push_back(std::is_same_v<decltype(a), std::monostate> ? "monostate" : "?");
    }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

// Python (see async_native_test.cpp, NativeSleep.SleepZeroYieldsExactlyOnce):
//   await asyncio.gather(worker("a", 3), worker("b", 2))
// prints: a0 b0 a1 b1 a2 b done a done
TEST(LoweredSleep, SleepZeroYieldsExactlyOnceUnderGather) {
  event_log log;
  coflat::run(task<void>(new interleave_frame(log)));
  EXPECT_EQ(log, (event_log{"a0", "b0", "a1", "b1", "a2", "b done", "a done", "monostate"}));
}

// task<std::vector<int>> gather_vector(std::vector<int> delays) {
//   std::vector<task<int>> work;
//   for (int d : delays) work.push_back(square_after(d));
//   co_return co_await coflat::gather(std::move(work));
// }
// task<int> square_after(int ms) {
//   co_await coflat::sleep(std::chrono::milliseconds(ms));
//   co_return ms * ms;
// }
struct square_after_frame final : task<int>::state_type {
  int ms;
  slot<sleep_await> aw1;

  explicit square_after_frame(int ms_) : ms(ms_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    ::new (cd::addr(aw1.value)) sleep_await(this->coflat_await(coflat::sleep(std::chrono::milliseconds(ms))));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      if (aw1.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<sleep_await> d{aw1.value};
      aw1.value.await_resume();
    }
    this->coflat_return_value(ms * ms);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

struct gather_vector_frame final : task<std::vector<int>>::state_type {
  using aw_t = await_t<task<std::vector<int>>>;
  std::vector<int> delays;
  slot<aw_t> aw1;

  explicit gather_vector_frame(std::vector<int> delays_) : delays(std::move(delays_)) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    {
      std::vector<task<int>> work;
      for (int d : delays)
        work.push_back(task<int>(new square_after_frame(d)));
      ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(coflat::gather(std::move(work))));
    }
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      if (aw1.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<aw_t> d{aw1.value};
      this->coflat_return_value(aw1.value.await_resume());
    }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

TEST(LoweredGather, VectorOfLoweredTasksResultsInArgumentOrder) {
  auto t = task<std::vector<int>>(new gather_vector_frame({10, 1, 5, 3}));
  EXPECT_EQ(coflat::run(std::move(t)), (std::vector<int>{100, 1, 25, 9}));
}

// ---------------------------------------------------------------------------
// task<void> future_waiter(event_log& log, std::string name, future<int> f) {
//   log.push_back(name + " waits");
//   int v = co_await f;
//   log.push_back(name + " woke " + std::to_string(v));
// }
struct future_waiter_frame final : task<void>::state_type {
  using aw_t = await_t<future<int>&>;
  event_log& log;
  std::string name;
  future<int> f;
  int v;
  slot<aw_t> aw1;

  future_waiter_frame(event_log& log_, std::string name_, future<int> f_)
      : log(log_), name(std::move(name_)), f(std::move(f_)) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    log.push_back(name + " waits");
    ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(f));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      if (aw1.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<aw_t> d{aw1.value};
      v = aw1.value.await_resume();
    }
    log.push_back(name + " woke " + std::to_string(v));
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

task<void> future_waiter(event_log& log, std::string name, future<int> f) {
  return task<void>(new future_waiter_frame(log, std::move(name), std::move(f)));
}

// task<void> future_wakeup_main(event_log& log) {
//   event_loop& loop = coflat::get_running_loop();
//   future<int> f;
//   f.add_done_callback([&](future<int>&) { log.push_back("cb1"); });
//   auto t1 = coflat::create_task(future_waiter(log, "t1", f));
//   auto t2 = coflat::create_task(future_waiter(log, "t2", f));
//   auto t3 = coflat::create_task(future_waiter(log, "t3", f));
//   f.add_done_callback([&](future<int>&) { log.push_back("cb2"); });
//   co_await coflat::sleep(0s);
//   f.set_result(7);
//   log.push_back("after set_result");
//   loop.call_soon([&] { log.push_back("soon"); });
//   co_await coflat::gather(t1, t2, t3);
// }
//
// Scope 1 is the body; f, t1, t2 and t3 span suspensions.
struct future_wakeup_main_frame final : task<void>::state_type {
  using gather_t = decltype(coflat::gather(std::declval<future<void>&>(), std::declval<future<void>&>(),
                                           std::declval<future<void>&>()));
  using aw2_t = await_t<gather_t>;
  event_log& log;
  event_loop* loop;
  slot<future<int>> f;
  slot<future<void>> t1, t2, t3;
  int live = 0; // how many of f, t1, t2, t3 (in that order) are constructed
  slot<sleep_await> aw1;
  slot<aw2_t> aw2;

  explicit future_wakeup_main_frame(event_log& log_) : log(log_) {}

  void coflat_unwind(int, int) noexcept {
    // Reverse order of construction.
    if (live > 3)
      cd::destroy_at(t3.value);
    if (live > 2)
      cd::destroy_at(t2.value);
    if (live > 1)
      cd::destroy_at(t1.value);
    if (live > 0)
      cd::destroy_at(f.value);
    live = 0;
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
    case 2:
      goto scope_1;
    default:
      return;
    }
  scope_1: {
    cd::scope_guard<future_wakeup_main_frame> guard1(this, 1);
    switch (this->coflat_state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    loop = &coflat::get_running_loop();
    ::new (cd::addr(f.value)) future<int>();
    live = 1;
    f.value.add_done_callback([this](future<int>&) { log.push_back("cb1"); });
    ::new (cd::addr(t1.value)) future<void>(coflat::create_task(future_waiter(log, "t1", f.value)));
    live = 2;
    ::new (cd::addr(t2.value)) future<void>(coflat::create_task(future_waiter(log, "t2", f.value)));
    live = 3;
    ::new (cd::addr(t3.value)) future<void>(coflat::create_task(future_waiter(log, "t3", f.value)));
    live = 4;
    f.value.add_done_callback([this](future<int>&) { log.push_back("cb2"); });
    ::new (cd::addr(aw1.value)) sleep_await(this->coflat_await(coflat::sleep(0s)));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      if (aw1.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<sleep_await> d{aw1.value};
      aw1.value.await_resume();
    }
    f.value.set_result(7);
    log.push_back("after set_result");
    loop->call_soon([this] { log.push_back("soon"); });
    ::new (cd::addr(aw2.value)) aw2_t(this->coflat_await(coflat::gather(t1.value, t2.value, t3.value)));
    if (!aw2.value.await_ready()) {
      this->coflat_state = 2;
      if (aw2.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_2:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<aw2_t> d{aw2.value};
      aw2.value.await_resume();
    }
  }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    switch (this->coflat_state) {
    case 1:
      cd::destroy_at(aw1.value);
      break;
    case 2:
      cd::destroy_at(aw2.value);
      break;
    default:
      break;
    }
    coflat_unwind(1, 0);
    delete this;
  }
};

// The order Python 3.11 prints (async_native_test.cpp,
// NativeFuture.TasksAwaitingAFutureWakeViaCallSoonInOrder).
TEST(LoweredFuture, TasksAwaitingAFutureWakeViaCallSoonInOrder) {
  event_log log;
  coflat::run(task<void>(new future_wakeup_main_frame(log)));
  EXPECT_EQ(log, (event_log{"t1 waits", "t2 waits", "t3 waits", "after set_result", "cb1", "cb2", "t1 woke 7",
                            "t2 woke 7", "t3 woke 7", "soon"}));
}

// task<int> await_future_set_later() {
//   future<int> f;
//   coflat::get_running_loop().call_later(2ms, [f]() mutable { f.set_result(21); });
//   int v = co_await std::move(f);
//   co_return v * 2;
// }
struct await_later_frame final : task<int>::state_type {
  using aw_t = await_t<future<int>>;
  slot<future<int>> f;
  bool f_live = false;
  int v;
  slot<aw_t> aw1;

  void coflat_unwind(int, int) noexcept {
    if (f_live) {
      f_live = false;
      cd::destroy_at(f.value);
    }
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto scope_1;
    default:
      return;
    }
  scope_1: {
    cd::scope_guard<await_later_frame> guard1(this, 1);
    switch (this->coflat_state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    ::new (cd::addr(f.value)) future<int>();
    f_live = true;
    coflat::get_running_loop().call_later(2ms, [f = f.value]() mutable { f.set_result(21); });
    ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(std::move(f.value)));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      if (aw1.value.await_suspend(cd::frame_handle(this)))
        return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<aw_t> d{aw1.value};
      v = aw1.value.await_resume();
    }
    this->coflat_return_value(v * 2);
  }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    coflat_unwind(1, 0);
    delete this;
  }
};

TEST(LoweredFuture, AwaitingAFutureSetByATimer) {
  EXPECT_EQ(coflat::run(task<int>(new await_later_frame)), 42);
}

// ---------------------------------------------------------------------------
// task<void> cancel_victim(event_log& log) {
//   tracer a(log, "a");
//   {
//     tracer b(log, "b");
//     try {
//       log.push_back("victim waits");
//       co_await coflat::sleep(1h);
//       log.push_back("not reached");
//     } catch (const coflat::cancelled_error&) {
//       log.push_back("victim sees cancelled_error");
//       throw;
//     }
//   }
//   log.push_back("not reached either");
// }
//
// Scope 1 is the body (a), scope 2 the block (b); both contain the
// suspension, so they are re-entered through nested dispatch, and their
// objects are destroyed by scope guards on every exit but a suspension.
struct cancel_victim_frame final : task<void>::state_type {
  event_log& log;
  slot<tracer> a;
  bool a_live = false;
  slot<tracer> b;
  bool b_live = false;
  slot<sleep_await> aw1;

  explicit cancel_victim_frame(event_log& log_) : log(log_) {}

  void coflat_unwind(int scope, int) noexcept {
    switch (scope) {
    case 2:
      if (b_live) {
        b_live = false;
        cd::destroy_at(b.value);
      }
      break;
    case 1:
      if (a_live) {
        a_live = false;
        cd::destroy_at(a.value);
      }
      break;
    }
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto scope_1;
    default:
      return;
    }
  scope_1: {
    cd::scope_guard<cancel_victim_frame> guard1(this, 1);
    switch (this->coflat_state) {
    case 1:
      goto scope_2;
    default:
      break;
    }
    ::new (cd::addr(a.value)) tracer(log, "a");
    a_live = true;
  scope_2: {
    cd::scope_guard<cancel_victim_frame> guard2(this, 2);
    switch (this->coflat_state) {
    case 1:
      goto try_1;
    default:
      break;
    }
    ::new (cd::addr(b.value)) tracer(log, "b");
    b_live = true;
  try_1:
    try {
      switch (this->coflat_state) {
      case 1:
        goto resume_1;
      default:
        break;
      }
      log.push_back("victim waits");
      ::new (cd::addr(aw1.value)) sleep_await(this->coflat_await(coflat::sleep(1h)));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        if (aw1.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      {
        destroy_when_done<sleep_await> d{aw1.value};
        aw1.value.await_resume();
      }
      log.push_back("not reached");
    } catch (const coflat::cancelled_error&) {
      log.push_back("victim sees cancelled_error");
      throw;
    }
  }
    log.push_back("not reached either");
  }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    coflat_unwind(2, 0);
    coflat_unwind(1, 0);
    delete this;
  }
};

task<void> cancel_victim(event_log& log) { return task<void>(new cancel_victim_frame(log)); }

// task<void> cancel_main(event_log& log, bool before_start) {
//   future<void> t = coflat::create_task(cancel_victim(log));
//   if (!before_start)
//     co_await coflat::sleep(0s);
//   log.push_back("cancel");
//   log.push_back(t.cancel() ? "cancel()=true" : "cancel()=false");
//   try {
//     co_await t;
//   } catch (const coflat::cancelled_error&) {
//     log.push_back("main caught");
//   }
//   log.push_back(t.cancelled() ? "cancelled=true" : "cancelled=false");
// }
struct cancel_main_frame final : task<void>::state_type {
  using aw2_t = await_t<future<void>&>;
  event_log& log;
  bool before_start;
  slot<future<void>> t;
  bool t_live = false;
  slot<sleep_await> aw1;
  slot<aw2_t> aw2;

  cancel_main_frame(event_log& log_, bool before_start_) : log(log_), before_start(before_start_) {}

  void coflat_unwind(int, int) noexcept {
    if (t_live) {
      t_live = false;
      cd::destroy_at(t.value);
    }
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
    case 2:
      goto scope_1;
    default:
      return;
    }
  scope_1: {
    cd::scope_guard<cancel_main_frame> guard1(this, 1);
    switch (this->coflat_state) {
    case 1:
      goto resume_1;
    case 2:
      goto try_2;
    default:
      break;
    }
    ::new (cd::addr(t.value)) future<void>(coflat::create_task(cancel_victim(log)));
    t_live = true;
    if (!before_start) {
      ::new (cd::addr(aw1.value)) sleep_await(this->coflat_await(coflat::sleep(0s)));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        if (aw1.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      destroy_when_done<sleep_await> d{aw1.value};
      aw1.value.await_resume();
    }
    log.push_back("cancel");
    log.push_back(t.value.cancel() ? "cancel()=true" : "cancel()=false");
  try_2:
    try {
      switch (this->coflat_state) {
      case 2:
        goto resume_2;
      default:
        break;
      }
      ::new (cd::addr(aw2.value)) aw2_t(this->coflat_await(t.value));
      if (!aw2.value.await_ready()) {
        this->coflat_state = 2;
        if (aw2.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_2:
      this->coflat_state = cd::state_running;
      destroy_when_done<aw2_t> d{aw2.value};
      aw2.value.await_resume();
    } catch (const coflat::cancelled_error&) {
      log.push_back("main caught");
    }
    log.push_back(t.value.cancelled() ? "cancelled=true" : "cancelled=false");
  }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    switch (this->coflat_state) {
    case 1:
      cd::destroy_at(aw1.value);
      break;
    case 2:
      cd::destroy_at(aw2.value);
      break;
    default:
      break;
    }
    coflat_unwind(1, 0);
    delete this;
  }
};

// The order Python 3.11 prints (async_native_test.cpp,
// NativeTask.CancelRaisesCancelledErrorAtTheCurrentAwait).
TEST(LoweredCancel, CancelRaisesCancelledErrorAtTheCurrentAwait) {
  event_log log;
  coflat::run(task<void>(new cancel_main_frame(log, false)));
  EXPECT_EQ(log, (event_log{"+a", "+b", "victim waits", "cancel", "cancel()=true", "victim sees cancelled_error",
                            "~b", "~a", "main caught", "cancelled=true"}));
}

TEST(LoweredCancel, CancellingBeforeTheFirstStepNeverRunsTheBody) {
  event_log log;
  coflat::run(task<void>(new cancel_main_frame(log, true)));
  EXPECT_EQ(log, (event_log{"cancel", "cancel()=true", "main caught", "cancelled=true"}));
}

TEST(LoweredCancel, LoopCloseDestroysASuspendedLoweredFrame) {
  event_log log;
  event_loop loop;
  future<void> t = loop.create_task(cancel_victim(log));
  loop.run_until_complete(twice(log, 0)); // the victim starts and waits
  loop.close();
  EXPECT_EQ(log, (event_log{"+a", "+b", "victim waits", "child 0", "~b", "~a"}));
  EXPECT_FALSE(t.done());
}

// task<void> wait_for_main(event_log& log) {
//   try {
//     co_await coflat::wait_for(cancel_victim(log), 10ms);
//   } catch (const coflat::timeout_error&) {
//     log.push_back("timeout");
//   }
// }
struct wait_for_main_frame final : task<void>::state_type {
  using aw_t = await_t<task<void>>;
  event_log& log;
  slot<aw_t> aw1;

  explicit wait_for_main_frame(event_log& log_) : log(log_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto try_1;
    default:
      return;
    }
  try_1:
    try {
      switch (this->coflat_state) {
      case 1:
        goto resume_1;
      default:
        break;
      }
      ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(coflat::wait_for(cancel_victim(log), 10ms)));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        if (aw1.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      destroy_when_done<aw_t> d{aw1.value};
      aw1.value.await_resume();
    } catch (const coflat::timeout_error&) {
      log.push_back("timeout");
    }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

TEST(LoweredWaitFor, TimeoutRaisedAfterTheLoweredWorkHasUnwound) {
  event_log log;
  coflat::run(task<void>(new wait_for_main_frame(log)));
  EXPECT_EQ(log, (event_log{"+a", "+b", "victim waits", "victim sees cancelled_error", "~b", "~a", "timeout"}));
}

// ---------------------------------------------------------------------------
// async_generator<int> ticker(event_log& log, int n) {
//   tracer t(log, "gen");
//   for (int i = 0; i < n; ++i) {
//     co_await coflat::sleep(0s);
//     log.push_back("yield " + std::to_string(i));
//     co_yield i;
//   }
//   log.push_back("gen end");
// }
using int_agen_state = async_generator<int>::state_type;
using int_yield = int_agen_state::yield_awaiter;

struct ticker_frame final : int_agen_state {
  event_log& log;
  int n;
  slot<tracer> t;
  bool t_live = false;
  int i;
  slot<sleep_await> aw1;
  slot<int_yield> aw2;

  ticker_frame(event_log& log_, int n_) : log(log_), n(n_) {}

  void coflat_unwind(int, int) noexcept {
    if (t_live) {
      t_live = false;
      cd::destroy_at(t.value);
    }
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
    case 2:
      goto scope_1;
    default:
      return;
    }
  scope_1: {
    cd::scope_guard<ticker_frame> guard1(this, 1);
    switch (this->coflat_state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    ::new (cd::addr(t.value)) tracer(log, "gen");
    t_live = true;
    for (i = 0; i < n; ++i) {
      ::new (cd::addr(aw1.value)) sleep_await(this->coflat_await(coflat::sleep(0s)));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        if (aw1.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      {
        destroy_when_done<sleep_await> d{aw1.value};
        aw1.value.await_resume();
      }
      log.push_back("yield " + std::to_string(i));
      ::new (cd::addr(aw2.value)) int_yield(this->coflat_yield_value(i));
      if (!aw2.value.await_ready()) {
        this->coflat_state = 2;
        aw2.value.await_suspend(cd::frame_handle(this));
        return;
      }
    resume_2:
      this->coflat_state = cd::state_running;
      destroy_when_done<int_yield> d{aw2.value};
      aw2.value.await_resume();
    }
    log.push_back("gen end");
  }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    switch (this->coflat_state) {
    case 1:
      cd::destroy_at(aw1.value);
      break;
    case 2:
      cd::destroy_at(aw2.value);
      break;
    default:
      break;
    }
    coflat_unwind(1, 0);
    delete this;
  }
};

async_generator<int> ticker(event_log& log, int n) { return async_generator<int>(new ticker_frame(log, n)); }

// task<std::vector<int>> consume(event_log& log, async_generator<int> g) {
//   std::vector<int> out;
//   while (auto v = co_await g.next()) {
//     log.push_back("got " + std::to_string(*v));
//     out.push_back(*v);
//   }
//   log.push_back("end");
//   co_return out;
// }
struct consume_frame final : task<std::vector<int>>::state_type {
  using aw_t = await_t<async_generator<int>::next_awaiter>;
  event_log& log;
  async_generator<int> g;
  slot<std::vector<int>> out;
  bool out_live = false;
  slot<aw_t> aw1;

  consume_frame(event_log& log_, async_generator<int> g_) : log(log_), g(std::move(g_)) {}

  void coflat_unwind(int, int) noexcept {
    if (out_live) {
      out_live = false;
      cd::destroy_at(out.value);
    }
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto scope_1;
    default:
      return;
    }
  scope_1: {
    cd::scope_guard<consume_frame> guard1(this, 1);
    switch (this->coflat_state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    ::new (cd::addr(out.value)) std::vector<int>();
    out_live = true;
    for (;;) {
      ::new (cd::addr(aw1.value)) aw_t(this->coflat_await(g.next()));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        if (aw1.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      {
        std::optional<int> v = [&] {
          destroy_when_done<aw_t> d{aw1.value};
          return aw1.value.await_resume();
        }();
        if (!v)
          break;
        log.push_back("got " + std::to_string(*v));
        out.value.push_back(*v);
      }
    }
    log.push_back("end");
    this->coflat_return_value(std::move(out.value));
  }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    coflat_unwind(1, 0);
    delete this;
  }
};

TEST(LoweredAsyncGenerator, ConsumedByALoweredTask) {
  event_log log;
  auto g = ticker(log, 3);
  EXPECT_TRUE(log.empty()); // lazy
  auto t = task<std::vector<int>>(new consume_frame(log, std::move(g)));
  EXPECT_EQ(coflat::run(std::move(t)), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(log, (event_log{"+gen", "yield 0", "got 0", "yield 1", "got 1", "yield 2", "got 2", "gen end", "~gen",
                            "end"}));
}

// async_generator<int> closable(event_log& log) {
//   tracer t(log, "gen");
//   try {
//     co_yield 1;
//     co_yield 2;
//   } catch (const coflat::generator_exit&) {
//     log.push_back("generator_exit at yield");
//     throw;
//   }
// }
struct closable_frame final : int_agen_state {
  event_log& log;
  slot<tracer> t;
  bool t_live = false;
  slot<int_yield> aw1;
  slot<int_yield> aw2;

  explicit closable_frame(event_log& log_) : log(log_) {}

  void coflat_unwind(int, int) noexcept {
    if (t_live) {
      t_live = false;
      cd::destroy_at(t.value);
    }
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
    case 2:
      goto scope_1;
    default:
      return;
    }
  scope_1: {
    cd::scope_guard<closable_frame> guard1(this, 1);
    switch (this->coflat_state) {
    case 1:
    case 2:
      goto try_1;
    default:
      break;
    }
    ::new (cd::addr(t.value)) tracer(log, "gen");
    t_live = true;
  try_1:
    try {
      switch (this->coflat_state) {
      case 1:
        goto resume_1;
      case 2:
        goto resume_2;
      default:
        break;
      }
      ::new (cd::addr(aw1.value)) int_yield(this->coflat_yield_value(1));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        aw1.value.await_suspend(cd::frame_handle(this));
        return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      {
        destroy_when_done<int_yield> d{aw1.value};
        aw1.value.await_resume();
      }
      ::new (cd::addr(aw2.value)) int_yield(this->coflat_yield_value(2));
      if (!aw2.value.await_ready()) {
        this->coflat_state = 2;
        aw2.value.await_suspend(cd::frame_handle(this));
        return;
      }
    resume_2:
      this->coflat_state = cd::state_running;
      {
        destroy_when_done<int_yield> d{aw2.value};
        aw2.value.await_resume();
      }
    } catch (const coflat::generator_exit&) {
      log.push_back("generator_exit at yield");
      throw;
    }
  }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    switch (this->coflat_state) {
    case 1:
      cd::destroy_at(aw1.value);
      break;
    case 2:
      cd::destroy_at(aw2.value);
      break;
    default:
      break;
    }
    coflat_unwind(1, 0);
    delete this;
  }
};

// task<void> aclose_main(event_log& log, int mode) {
//   {
//     auto g = closable(log);
//     if (mode != 1) {
//       auto v = co_await g.next();
//       log.push_back("got " + std::to_string(*v));
//     }
//     if (mode == 2) {
//       log.push_back("drop");
//     } else {
//       co_await g.aclose();
//       log.push_back(g.done() ? "closed" : "not closed");
//     }
//   }
//   log.push_back("end");
// }
//
// Scope 2 is the block that holds g.
struct aclose_main_frame final : task<void>::state_type {
  using next_t = await_t<async_generator<int>::next_awaiter>;
  using aclose_t = await_t<async_generator<int>::aclose_awaiter>;
  event_log& log;
  int mode;
  slot<async_generator<int>> g;
  bool g_live = false;
  slot<next_t> aw1;
  slot<aclose_t> aw2;

  aclose_main_frame(event_log& log_, int mode_) : log(log_), mode(mode_) {}

  void coflat_unwind(int scope, int) noexcept {
    if (scope == 2 && g_live) {
      g_live = false;
      cd::destroy_at(g.value);
    }
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
    case 2:
      goto scope_2;
    default:
      return;
    }
  scope_2: {
    cd::scope_guard<aclose_main_frame> guard2(this, 2);
    switch (this->coflat_state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      break;
    }
    ::new (cd::addr(g.value)) async_generator<int>(new closable_frame(log));
    g_live = true;
    if (mode != 1) {
      ::new (cd::addr(aw1.value)) next_t(this->coflat_await(g.value.next()));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        if (aw1.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      std::optional<int> v = [&] {
        destroy_when_done<next_t> d{aw1.value};
        return aw1.value.await_resume();
      }();
      log.push_back("got " + std::to_string(*v));
    }
    if (mode == 2) {
      log.push_back("drop");
    } else {
      ::new (cd::addr(aw2.value)) aclose_t(this->coflat_await(g.value.aclose()));
      if (!aw2.value.await_ready()) {
        this->coflat_state = 2;
        if (aw2.value.await_suspend(cd::frame_handle(this)))
          return;
      }
    resume_2:
      this->coflat_state = cd::state_running;
      {
        destroy_when_done<aclose_t> d{aw2.value};
        aw2.value.await_resume();
      }
      log.push_back(g.value.done() ? "closed" : "not closed");
    }
  }
    log.push_back("end");
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    switch (this->coflat_state) {
    case 1:
      cd::destroy_at(aw1.value);
      break;
    case 2:
      cd::destroy_at(aw2.value);
      break;
    default:
      break;
    }
    coflat_unwind(2, 0);
    delete this;
  }
};

TEST(LoweredAsyncGenerator, AcloseRaisesGeneratorExitAtTheYield) {
  event_log log;
  coflat::run(task<void>(new aclose_main_frame(log, 0)));
  EXPECT_EQ(log, (event_log{"+gen", "got 1", "generator_exit at yield", "~gen", "closed", "end"}));
}

TEST(LoweredAsyncGenerator, AcloseOnAnUnstartedGeneratorNeverRunsIt) {
  event_log log;
  coflat::run(task<void>(new aclose_main_frame(log, 1)));
  EXPECT_EQ(log, (event_log{"closed", "end"}));
}

TEST(LoweredAsyncGenerator, DestroyingASuspendedGeneratorDestroysItsLocals) {
  event_log log;
  coflat::run(task<void>(new aclose_main_frame(log, 2)));
  EXPECT_EQ(log, (event_log{"+gen", "got 1", "drop", "~gen", "end"}));
}

} // namespace
