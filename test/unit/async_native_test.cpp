// Unit tests of the async runtime (event_loop, future, task, the asyncio
// functions, async_generator and the sync primitives) driven by native C++20
// coroutines, checked against the contract in DESIGN.md ("task/future/
// event_loop - asyncio semantics", "Scheduling follows asyncio").
//
// Where the expected order of events is not obvious, the same scenario was
// written in Python 3.11 asyncio; the snippet is quoted above the test and
// the test asserts the order Python printed.
#include <coflat/coflat.h>

#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

#if !defined(__cpp_impl_coroutine)
#error "async_native_test.cpp must be compiled as C++20 with coroutines"
#endif

namespace {

using namespace std::chrono_literals;
using coflat::async_generator;
using coflat::event_loop;
using coflat::future;
using coflat::task;
using coflat_test::event_log;
using coflat_test::tracer;

/// A connected pair of Unix stream sockets, closed at scope exit.
struct socket_pair {
  int fd[2] = {-1, -1};
  socket_pair() {
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fd) != 0)
      throw std::runtime_error("socketpair failed");
  }
  socket_pair(const socket_pair&) = delete;
  socket_pair& operator=(const socket_pair&) = delete;
  ~socket_pair() {
    ::close(fd[0]);
    ::close(fd[1]);
  }
};

void write_byte(int fd, char c) { ASSERT_EQ(::write(fd, &c, 1), 1); }
char read_byte(int fd) {
  char c = 0;
  EXPECT_EQ(::read(fd, &c, 1), 1);
  return c;
}

/// The current machine stack position (not affected by ASan's fake stack).
[[gnu::noinline]] std::uintptr_t stack_position() {
  return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
}

std::uintptr_t distance(std::uintptr_t a, std::uintptr_t b) { return a > b ? a - b : b - a; }

// ===========================================================================
// event_loop

TEST(NativeEventLoop, CallSoonRunsInFifoOrder) {
  event_loop loop;
  event_log log;
  for (int i = 0; i < 5; ++i)
    loop.call_soon([&log, i] { log.push_back(std::to_string(i)); });
  loop.call_soon([&loop] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"0", "1", "2", "3", "4"}));
}

// Python: stop() ends run_forever() after the current batch; a callback
// scheduled by a callback of that batch runs in a later iteration, i.e. in
// the next run_forever():
//   def a(): log.append("a"); loop.call_soon(c); loop.stop()
//   loop.call_soon(a); loop.call_soon(b); loop.run_forever()   # a b
//   loop.call_soon(lambda: loop.stop()); loop.run_forever()    # c
TEST(NativeEventLoop, CallbacksScheduledByCallbacksRunInTheNextIteration) {
  event_loop loop;
  event_log log;
  loop.call_soon([&] {
    log.push_back("a");
    loop.call_soon([&] { log.push_back("c"); });
    loop.stop();
  });
  loop.call_soon([&] { log.push_back("b"); });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"a", "b"}));
  loop.call_soon([&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"a", "b", "c"}));
}

TEST(NativeEventLoop, SelfReschedulingCallbackDoesNotStarveTimers) {
  event_loop loop;
  int spins = 0;
  std::function<void()> spin = [&] {
    ++spins;
    loop.call_soon(spin);
  };
  loop.call_soon(spin);
  loop.call_later(5ms, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_GT(spins, 1);
}

TEST(NativeEventLoop, TimersRunInDeadlineOrderTiesInSchedulingOrder) {
  event_loop loop;
  event_log log;
  // Deadlines from one base, so the order does not depend on how long
  // scheduling takes.
  auto base = loop.time();
  loop.call_at(base + 30ms, [&] { log.push_back("30ms"); });
  loop.call_at(base + 10ms, [&] { log.push_back("10ms"); });
  loop.call_at(base + 20ms, [&] { log.push_back("tie 1"); });
  loop.call_at(base + 20ms, [&] { log.push_back("tie 2"); });
  loop.call_at(base + 20ms, [&] { log.push_back("tie 3"); });
  loop.call_at(base, [&] { log.push_back("0ms"); });
  loop.call_at(base + 40ms, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"0ms", "10ms", "tie 1", "tie 2", "tie 3", "30ms"}));
}

TEST(NativeEventLoop, CallLaterOrdersByDelay) {
  event_loop loop;
  event_log log;
  loop.call_later(20ms, [&] { log.push_back("20ms"); });
  loop.call_later(0ms, [&] { log.push_back("0ms"); });
  loop.call_later(-5ms, [&] { log.push_back("past"); }); // the earliest deadline, though scheduled last
  loop.call_later(40ms, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"past", "0ms", "20ms"}));
}

TEST(NativeEventLoop, ManyTimersRunSortedByDeadlineThenSchedulingOrder) {
  event_loop loop;
  std::vector<std::pair<int, int>> fired; // (deadline in ms, scheduling index)
  auto base = loop.time();
  unsigned seed = 12345;
  for (int i = 0; i < 500; ++i) {
    seed = seed * 1103515245u + 12345u;
    int ms = int((seed >> 16) % 8); // many ties
    loop.call_at(base + std::chrono::milliseconds(ms), [&fired, ms, i] { fired.emplace_back(ms, i); });
  }
  loop.call_at(base + 10ms, [&] { loop.stop(); });
  loop.run_forever();
  ASSERT_EQ(fired.size(), 500u);
  EXPECT_TRUE(std::is_sorted(fired.begin(), fired.end()));
}

TEST(NativeEventLoop, TimerFiresNoEarlierThanItsDeadline) {
  event_loop loop;
  auto start = loop.time();
  event_loop::time_point fired{};
  loop.call_later(20ms, [&] {
    fired = loop.time();
    loop.stop();
  });
  loop.run_forever();
  EXPECT_GE(fired - start, 20ms);
  auto t1 = loop.time(); // the steady clock
  auto t2 = event_loop::clock::now();
  EXPECT_LE(t1, t2);
}

TEST(NativeEventLoop, CancelledTimerNeverRuns) {
  event_loop loop;
  event_log log;
  auto keep = std::make_shared<int>(0);
  coflat::timer_handle h = loop.call_later(5ms, [&log, keep] { log.push_back("cancelled one"); });
  loop.call_later(1ms, [&] { log.push_back("other"); });
  EXPECT_FALSE(h.cancelled());
  EXPECT_EQ(keep.use_count(), 2);
  h.cancel();
  EXPECT_TRUE(h.cancelled());
  EXPECT_EQ(keep.use_count(), 1); // what it captured is released at once
  h.cancel();                     // twice: a no-op
  loop.call_later(10ms, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"other"}));
}

TEST(NativeEventLoop, CancellingATimerThatRanIsANoOp) {
  event_loop loop;
  int runs = 0;
  coflat::timer_handle h = loop.call_later(0ms, [&] { ++runs; });
  loop.call_later(2ms, [&] { loop.stop(); });
  loop.run_forever();
  h.cancel();
  EXPECT_EQ(runs, 1);
}

TEST(NativeEventLoop, StopBeforeRunForeverRunsOneIteration) {
  // Python: loop.call_soon(a); loop.stop(); loop.run_forever() runs a once.
  event_loop loop;
  event_log log;
  loop.call_soon([&] {
    log.push_back("a");
    loop.call_soon([&] { log.push_back("next iteration"); });
  });
  loop.stop();
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"a"}));
  EXPECT_FALSE(loop.is_running());
}

TEST(NativeEventLoop, IsRunningOnlyInsideTheLoop) {
  event_loop loop;
  EXPECT_FALSE(loop.is_running());
  bool inside = false;
  event_loop* running = nullptr;
  loop.call_soon([&] {
    inside = loop.is_running();
    running = &coflat::get_running_loop();
    loop.stop();
  });
  loop.run_forever();
  EXPECT_TRUE(inside);
  EXPECT_EQ(running, &loop);
  EXPECT_FALSE(loop.is_running());
}

TEST(NativeEventLoop, GetRunningLoopOutsideALoopThrows) {
  EXPECT_THROW(coflat::get_running_loop(), coflat::invalid_state_error);
  event_loop loop;
  EXPECT_THROW(coflat::get_running_loop(), coflat::invalid_state_error); // not running
}

TEST(NativeEventLoop, RunningTheLoopFromInsideItselfThrows) {
  event_loop loop;
  bool threw = false;
  loop.call_soon([&] {
    try {
      loop.run_forever();
    } catch (const coflat::invalid_state_error&) {
      threw = true;
    }
    loop.stop();
  });
  loop.run_forever();
  EXPECT_TRUE(threw);
}

TEST(NativeEventLoop, CloseDropsCallbacksAndRefusesToRun) {
  auto keep = std::make_shared<int>(0);
  event_loop loop;
  loop.call_soon([keep] {});
  loop.call_later(1h, [keep] {});
  EXPECT_EQ(keep.use_count(), 3);
  EXPECT_FALSE(loop.is_closed());
  loop.close();
  EXPECT_TRUE(loop.is_closed());
  EXPECT_EQ(keep.use_count(), 1);
  EXPECT_THROW(loop.run_forever(), coflat::invalid_state_error);
  loop.close(); // twice: a no-op
}

TEST(NativeEventLoop, ReaderRunsWhenTheFdIsReadable) {
  event_loop loop;
  socket_pair sp;
  event_log log;
  loop.add_reader(sp.fd[0], [&] {
    log.push_back(std::string("read ") + read_byte(sp.fd[0]));
    EXPECT_TRUE(loop.remove_reader(sp.fd[0]));
    loop.stop();
  });
  loop.call_later(5ms, [&] {
    log.push_back("write");
    write_byte(sp.fd[1], 'x');
  });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"write", "read x"}));
  EXPECT_FALSE(loop.remove_reader(sp.fd[0])); // already removed
}

TEST(NativeEventLoop, ReaderIsLevelTriggeredUntilRemoved) {
  event_loop loop;
  socket_pair sp;
  write_byte(sp.fd[1], 'x');
  int calls = 0;
  loop.add_reader(sp.fd[0], [&] {
    if (++calls == 3) {
      read_byte(sp.fd[0]);
      loop.remove_reader(sp.fd[0]);
      loop.call_later(5ms, [&] { loop.stop(); });
    }
  });
  loop.run_forever();
  EXPECT_EQ(calls, 3);
}

TEST(NativeEventLoop, ReaderAndWriterOnTheSameFd) {
  event_loop loop;
  socket_pair sp;
  event_log log;
  loop.add_reader(sp.fd[0], [&] {
    log.push_back(std::string("read ") + read_byte(sp.fd[0]));
    loop.remove_reader(sp.fd[0]);
    loop.stop();
  });
  loop.add_writer(sp.fd[0], [&] {
    log.push_back("writable");
    EXPECT_TRUE(loop.remove_writer(sp.fd[0])); // the reader stays
    write_byte(sp.fd[1], 'y');
  });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"writable", "read y"}));
  EXPECT_FALSE(loop.remove_writer(sp.fd[0]));
}

TEST(NativeEventLoop, ReplacingAReaderRunsOnlyTheNewOne) {
  event_loop loop;
  socket_pair sp;
  event_log log;
  write_byte(sp.fd[1], 'z');
  loop.add_reader(sp.fd[0], [&] { log.push_back("old"); });
  loop.add_reader(sp.fd[0], [&] {
    log.push_back("new");
    read_byte(sp.fd[0]);
    loop.remove_reader(sp.fd[0]);
    loop.stop();
  });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"new"}));
}

TEST(NativeEventLoop, ReaderRemovedByAnEarlierCallbackOfTheSameIterationDoesNotRun) {
  event_loop loop;
  socket_pair a, b;
  event_log log;
  write_byte(a.fd[1], '1');
  write_byte(b.fd[1], '2');
  // Both are ready in the same iteration; whichever runs first removes the
  // other, whose queued callback must then be skipped (asyncio cancels the
  // handle).
  loop.add_reader(a.fd[0], [&] {
    log.push_back("a");
    loop.remove_reader(a.fd[0]);
    loop.remove_reader(b.fd[0]);
  });
  loop.add_reader(b.fd[0], [&] {
    log.push_back("b");
    loop.remove_reader(a.fd[0]);
    loop.remove_reader(b.fd[0]);
  });
  loop.call_later(5ms, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(log.size(), 1u);
}

TEST(NativeEventLoop, TimerCancelledByAnEarlierTimerOfTheSameIterationDoesNotRun) {
  event_loop loop;
  event_log log;
  auto when = loop.time() + 2ms;
  coflat::timer_handle second;
  loop.call_at(when, [&] {
    log.push_back("first");
    second.cancel();
  });
  second = loop.call_at(when, [&] { log.push_back("second"); });
  loop.call_later(5ms, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"first"}));
}

// Python:
//   h = loop.call_later(0, lambda: log.append("ran"))
//   loop.call_later(0.002, loop.stop); loop.run_forever()
//   h.cancelled()   # False: it ran, it was not cancelled
//   h.cancel(); h.cancelled()   # True
TEST(NativeEventLoop, TimerHandleIsCancelledOnlyOnceCancelled) {
  event_loop loop;
  int runs = 0;
  coflat::timer_handle h = loop.call_later(0ms, [&] { ++runs; });
  loop.call_later(2ms, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(runs, 1);
  EXPECT_FALSE(h.cancelled());
  h.cancel();
  EXPECT_TRUE(h.cancelled());
  EXPECT_FALSE(coflat::timer_handle().cancelled());
}

// Python:
//   fut = loop.create_future(); loop.call_soon(loop.stop)
//   loop.run_until_complete(fut)   # RuntimeError: Event loop stopped before Future completed.
//   loop.call_soon(lambda: fut.set_result(1))
//   loop.call_later(0.005, lambda: log.append("timer at 5ms"))
//   loop.call_later(0.010, loop.stop); loop.run_forever()
// prints: timer at 5ms -- completing fut later does not stop that run.
TEST(NativeEventLoop, RunUntilCompleteStoppedEarlyLeavesNoStaleStop) {
  event_loop loop;
  event_log log;
  future<int> f;
  loop.call_soon([&] { loop.stop(); });
  EXPECT_THROW(loop.run_until_complete(f), coflat::invalid_state_error);
  loop.call_soon([f]() mutable { f.set_result(1); });
  loop.call_later(5ms, [&] { log.push_back("timer at 5ms"); });
  loop.call_later(10ms, [&] { loop.stop(); });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"timer at 5ms"}));
}

// ===========================================================================
// future

TEST(NativeFuture, SetResultThenResult) {
  future<int> f;
  EXPECT_FALSE(f.done());
  EXPECT_FALSE(f.cancelled());
  f.set_result(42);
  EXPECT_TRUE(f.done());
  EXPECT_FALSE(f.cancelled());
  EXPECT_EQ(f.result(), 42);
  EXPECT_EQ(f.exception(), nullptr);
  future<int> copy = f; // a handle to the same state
  EXPECT_EQ(copy.result(), 42);
  EXPECT_TRUE(copy == f);
  EXPECT_TRUE(future<int>() != f);
}

TEST(NativeFuture, SecondSetResultThrowsInvalidState) {
  future<int> f;
  f.set_result(1);
  EXPECT_THROW(f.set_result(2), coflat::invalid_state_error);
  EXPECT_THROW(f.set_exception(std::make_exception_ptr(std::runtime_error("x"))),
               coflat::invalid_state_error);
  EXPECT_EQ(f.result(), 1);
  future<void> v;
  v.set_result();
  EXPECT_THROW(v.set_result(), coflat::invalid_state_error);
}

TEST(NativeFuture, ResultWhilePendingThrowsInvalidState) {
  future<int> f;
  EXPECT_THROW(f.result(), coflat::invalid_state_error);
  EXPECT_THROW(f.exception(), coflat::invalid_state_error);
  future<void> v;
  EXPECT_THROW(v.result(), coflat::invalid_state_error);
}

TEST(NativeFuture, SetExceptionIsRethrownByResult) {
  future<int> f;
  f.set_exception(std::make_exception_ptr(std::runtime_error("boom")));
  EXPECT_TRUE(f.done());
  EXPECT_FALSE(f.cancelled());
  EXPECT_NE(f.exception(), nullptr);
  try {
    f.result();
    FAIL() << "result() did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "boom");
  }
}

TEST(NativeFuture, CancelMakesResultRaiseCancelledError) {
  future<int> f;
  EXPECT_TRUE(f.cancel());
  EXPECT_TRUE(f.done());
  EXPECT_TRUE(f.cancelled());
  EXPECT_THROW(f.result(), coflat::cancelled_error);
  EXPECT_THROW(f.exception(), coflat::cancelled_error);
  EXPECT_FALSE(f.cancel()); // already done
  EXPECT_THROW(f.set_result(1), coflat::invalid_state_error);
  future<int> g;
  g.set_result(1);
  EXPECT_FALSE(g.cancel()); // done futures cannot be cancelled
  EXPECT_FALSE(g.cancelled());
}

TEST(NativeFuture, CancelledErrorIsNotAStdException) {
  static_assert(!std::is_base_of_v<std::exception, coflat::cancelled_error>);
  static_assert(std::is_base_of_v<coflat::error, coflat::timeout_error>);
  static_assert(std::is_base_of_v<coflat::error, coflat::invalid_state_error>);
  static_assert(std::is_base_of_v<std::runtime_error, coflat::error>);
  future<int> f;
  f.cancel();
  bool by_std = false, by_cancelled = false;
  try {
    try {
      f.result();
    } catch (const std::exception&) {
      by_std = true;
    }
  } catch (const coflat::cancelled_error&) {
    by_cancelled = true;
  }
  EXPECT_FALSE(by_std);
  EXPECT_TRUE(by_cancelled);
}

// Done callbacks run from the loop via call_soon, never inline in
// set_result, in the order they were added; one added to a done future is
// scheduled too.
TEST(NativeFuture, DoneCallbacksRunFromTheLoopNeverInline) {
  event_loop loop;
  event_log log;
  future<int> f;
  f.add_done_callback([&](future<int>& g) { log.push_back("cb1 " + std::to_string(g.result())); });
  f.add_done_callback([&](future<int>&) { log.push_back("cb2"); });
  loop.call_soon([&] {
    f.set_result(5);
    log.push_back("after set_result");
    loop.call_soon([&] {
      log.push_back("soon");
      f.add_done_callback([&](future<int>&) { log.push_back("late cb"); });
      log.push_back("after late add");
      loop.call_soon([&] { loop.stop(); });
    });
  });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"after set_result", "cb1 5", "cb2", "soon", "after late add", "late cb"}));
}

TEST(NativeFuture, CancelSchedulesTheDoneCallbacks) {
  event_loop loop;
  event_log log;
  future<void> f;
  f.add_done_callback([&](future<void>& g) { log.push_back(g.cancelled() ? "cancelled" : "?"); });
  loop.call_soon([&] {
    f.cancel();
    log.push_back("after cancel");
    loop.call_soon([&] { loop.stop(); });
  });
  loop.run_forever();
  EXPECT_EQ(log, (event_log{"after cancel", "cancelled"}));
}

task<void> future_waiter(event_log& log, std::string name, future<int> f) {
  log.push_back(name + " waits");
  int v = co_await f;
  log.push_back(name + " woke " + std::to_string(v));
}

// Python (the tasks wake via call_soon, in the order they began waiting,
// after the callbacks added before them):
//   fut = loop.create_future()
//   fut.add_done_callback(lambda f: log.append("cb1"))
//   ts = [asyncio.create_task(waiter(n, fut)) for n in ("t1", "t2", "t3")]
//   fut.add_done_callback(lambda f: log.append("cb2"))
//   await asyncio.sleep(0)
//   fut.set_result(7); log.append("after set_result")
//   loop.call_soon(lambda: log.append("soon"))
//   await asyncio.gather(*ts)
// prints: t1 waits, t2 waits, t3 waits, after set_result, cb1, cb2,
//         t1 woke 7, t2 woke 7, t3 woke 7, soon
task<void> future_wakeup_main(event_log& log) {
  event_loop& loop = coflat::get_running_loop();
  future<int> f;
  f.add_done_callback([&](future<int>&) { log.push_back("cb1"); });
  auto t1 = coflat::create_task(future_waiter(log, "t1", f));
  auto t2 = coflat::create_task(future_waiter(log, "t2", f));
  auto t3 = coflat::create_task(future_waiter(log, "t3", f));
  f.add_done_callback([&](future<int>&) { log.push_back("cb2"); });
  co_await coflat::sleep(0s);
  f.set_result(7);
  log.push_back("after set_result");
  loop.call_soon([&] { log.push_back("soon"); });
  co_await coflat::gather(t1, t2, t3);
}

TEST(NativeFuture, TasksAwaitingAFutureWakeViaCallSoonInOrder) {
  event_log log;
  coflat::run(future_wakeup_main(log));
  EXPECT_EQ(log, (event_log{"t1 waits", "t2 waits", "t3 waits", "after set_result", "cb1", "cb2",
                            "t1 woke 7", "t2 woke 7", "t3 woke 7", "soon"}));
}

task<void> await_future_set_later(event_log& log) {
  event_loop& loop = coflat::get_running_loop();
  future<std::string> f;
  loop.call_later(2ms, [f]() mutable { f.set_result("hello"); });
  std::string s = co_await f;
  log.push_back(s);
  future<int> failed;
  loop.call_soon([failed]() mutable { failed.set_exception(std::make_exception_ptr(std::logic_error("bad"))); });
  try {
    co_await failed;
  } catch (const std::logic_error& e) {
    log.push_back(std::string("caught ") + e.what());
  }
  future<int> done_already;
  done_already.set_result(3);
  int ready = co_await done_already; // no suspension
  log.push_back("ready " + std::to_string(ready));
}

TEST(NativeFuture, AwaitingAFutureGivesItsResultOrException) {
  event_log log;
  coflat::run(await_future_set_later(log));
  EXPECT_EQ(log, (event_log{"hello", "caught bad", "ready 3"}));
}

// ===========================================================================
// task

task<int> logged_value(event_log& log, int v) {
  log.push_back("body " + std::to_string(v));
  co_return v;
}

TEST(NativeTask, CallingAnAsyncFunctionRunsNothing) {
  event_log log;
  {
    task<int> t = logged_value(log, 1);
    EXPECT_TRUE(static_cast<bool>(t));
    EXPECT_TRUE(log.empty());
  } // destroyed unstarted
  EXPECT_TRUE(log.empty());
  task<int> t = logged_value(log, 2);
  EXPECT_EQ(coflat::run(std::move(t)), 2);
  EXPECT_EQ(log, (event_log{"body 2"}));
}

task<int> child_logged(event_log& log) {
  log.push_back("child");
  co_return 5;
}

// Python: `await child()` runs the child inline in the same Task; the
// callback scheduled before it runs only after the parent's next suspension.
task<int> parent_logged(event_log& log) {
  coflat::get_running_loop().call_soon([&] { log.push_back("callback"); });
  log.push_back("parent before");
  int v = co_await child_logged(log);
  log.push_back("parent after " + std::to_string(v));
  co_await coflat::sleep(0s);
  log.push_back("parent end");
  co_return v * 2;
}

TEST(NativeTask, AwaitingAChildRunsItInline) {
  event_log log;
  EXPECT_EQ(coflat::run(parent_logged(log)), 10);
  EXPECT_EQ(log, (event_log{"parent before", "child", "parent after 5", "callback", "parent end"}));
}

task<int> thrower(int v) {
  if (v > 0)
    throw std::runtime_error("boom " + std::to_string(v));
  co_return v;
}

task<std::string> catches_child(event_log& log) {
  try {
    co_await thrower(1);
  } catch (const std::runtime_error& e) {
    log.push_back(std::string("caught ") + e.what());
  }
  int zero = co_await thrower(0);
  co_return "ok " + std::to_string(zero);
}

task<void> rethrows_child() { co_await thrower(2); }

TEST(NativeTask, ResultsAndExceptionsPropagate) {
  event_log log;
  EXPECT_EQ(coflat::run(catches_child(log)), "ok 0");
  EXPECT_EQ(log, (event_log{"caught boom 1"}));
  try {
    coflat::run(rethrows_child());
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "boom 2");
  }
}

task<std::unique_ptr<int>> move_only_result(int v) { co_return std::make_unique<int>(v); }
task<int> awaits_move_only() {
  std::unique_ptr<int> p = co_await move_only_result(9);
  co_return *p;
}

TEST(NativeTask, MoveOnlyResults) { EXPECT_EQ(coflat::run(awaits_move_only()), 9); }

task<int> nested(int n, std::uintptr_t& deepest) {
  if (n == 0) {
    deepest = stack_position();
    co_return 0;
  }
  int v = co_await nested(n - 1, deepest);
  co_return v + 1;
}

task<int> nested_main(std::uintptr_t& top, std::uintptr_t& deepest) {
  top = stack_position();
  co_return co_await nested(100000, deepest);
}

TEST(NativeTask, HundredThousandNestedAwaitsDoNotGrowTheStack) {
  std::uintptr_t top = 0, deepest = 0;
  EXPECT_EQ(coflat::run(nested_main(top, deepest)), 100000);
  // Each frame is resumed by the Task's runner, so the deepest one runs at
  // the same stack depth as the outermost.
  EXPECT_LT(distance(top, deepest), 16u * 1024);
}

task<int> returns_at_once(std::uintptr_t& lo, std::uintptr_t& hi) {
  std::uintptr_t here = stack_position();
  lo = std::min(lo, here);
  hi = std::max(hi, here);
  co_return 1;
}

task<long> million_awaits(std::uintptr_t& lo, std::uintptr_t& hi) {
  long sum = 0;
  for (int i = 0; i < 1000000; ++i)
    sum += co_await returns_at_once(lo, hi);
  co_return sum;
}

TEST(NativeTask, SynchronouslyCompletingAwaitsDoNotGrowTheStack) {
  std::uintptr_t lo = UINTPTR_MAX, hi = 0;
  EXPECT_EQ(coflat::run(million_awaits(lo, hi)), 1000000);
  EXPECT_EQ(lo, hi); // every child ran at the same depth
}

task<void> cancel_victim(event_log& log) {
  tracer a(log, "a");
  {
    tracer b(log, "b");
    try {
      log.push_back("victim waits");
      co_await coflat::sleep(1h);
      log.push_back("not reached");
    } catch (const coflat::cancelled_error&) {
      log.push_back("victim sees cancelled_error");
      throw;
    }
  }
  log.push_back("not reached either");
}

// Python:
//   async def victim():
//       a = Tracer("a")
//       try:
//           b = Tracer("b")
//           try:
//               log.append("victim waits"); await asyncio.sleep(3600)
//           except asyncio.CancelledError:
//               log.append("victim sees cancelled_error"); raise
//           finally: b.close()
//       finally: a.close()
//   t = asyncio.create_task(victim()); await asyncio.sleep(0)
//   log.append("cancel"); log.append(f"cancel()={t.cancel()}")
//   try: await t
//   except asyncio.CancelledError: log.append("main caught")
//   log.append(f"cancelled={t.cancelled()}")
// prints: +a +b, victim waits, cancel, cancel()=True,
//         victim sees cancelled_error, ~b, ~a, main caught, cancelled=True
task<void> cancel_main(event_log& log) {
  future<void> t = coflat::create_task(cancel_victim(log));
  co_await coflat::sleep(0s);
  log.push_back("cancel");
  log.push_back(t.cancel() ? "cancel()=true" : "cancel()=false");
  try {
    co_await t;
  } catch (const coflat::cancelled_error&) {
    log.push_back("main caught");
  }
  log.push_back(t.cancelled() ? "cancelled=true" : "cancelled=false");
  EXPECT_FALSE(t.cancel()); // done
}

TEST(NativeTask, CancelRaisesCancelledErrorAtTheCurrentAwait) {
  event_log log;
  coflat::run(cancel_main(log));
  EXPECT_EQ(log, (event_log{"+a", "+b", "victim waits", "cancel", "cancel()=true",
                            "victim sees cancelled_error", "~b", "~a", "main caught",
                            "cancelled=true"}));
}

task<void> cancel_leaf(event_log& log) {
  tracer leaf(log, "leaf");
  co_await coflat::sleep(1h);
}
task<void> cancel_middle(event_log& log) {
  tracer middle(log, "middle");
  co_await cancel_leaf(log);
  log.push_back("not reached");
}
task<void> cancel_chain_main(event_log& log) {
  future<void> t = coflat::create_task(cancel_middle(log));
  co_await coflat::sleep(0s);
  t.cancel();
  try {
    co_await t;
  } catch (const coflat::cancelled_error&) {
    log.push_back("main caught");
  }
}

TEST(NativeTask, CancelReachesTheInnermostAwaitOfAChain) {
  event_log log;
  coflat::run(cancel_chain_main(log));
  EXPECT_EQ(log, (event_log{"+middle", "+leaf", "~leaf", "~middle", "main caught"}));
}

task<int> swallows_cancel(event_log& log) {
  try {
    co_await coflat::sleep(1h);
  } catch (const coflat::cancelled_error&) {
    log.push_back("swallowed");
  }
  co_await coflat::sleep(0s); // can await again afterwards
  co_return 42;
}

task<void> swallow_main(event_log& log) {
  future<int> t = coflat::create_task(swallows_cancel(log));
  co_await coflat::sleep(0s);
  EXPECT_TRUE(t.cancel());
  int v = co_await t;
  log.push_back("result " + std::to_string(v));
  log.push_back(t.cancelled() ? "cancelled" : "not cancelled");
}

TEST(NativeTask, TaskThatCatchesCancellationAndReturnsIsNotCancelled) {
  event_log log;
  coflat::run(swallow_main(log));
  EXPECT_EQ(log, (event_log{"swallowed", "result 42", "not cancelled"}));
}

task<void> never_runs(event_log& log, std::shared_ptr<int> param) {
  tracer t(log, "body");
  (void)param;
  co_return;
}

task<void> cancel_unstarted_main(event_log& log, std::weak_ptr<int>& param) {
  auto p = std::make_shared<int>(1);
  param = p;
  future<void> t = coflat::create_task(never_runs(log, std::move(p)));
  EXPECT_TRUE(t.cancel());
  try {
    co_await t;
  } catch (const coflat::cancelled_error&) {
    log.push_back("cancelled");
  }
  log.push_back(param.expired() ? "frame destroyed" : "frame alive");
}

TEST(NativeTask, CancellingATaskBeforeItStartsNeverRunsItsBody) {
  event_log log;
  std::weak_ptr<int> param;
  coflat::run(cancel_unstarted_main(log, param));
  EXPECT_EQ(log, (event_log{"cancelled", "frame destroyed"}));
}

task<void> background(event_log& log) {
  tracer t(log, "bg");
  try {
    co_await coflat::sleep(1h);
  } catch (const coflat::cancelled_error&) {
    log.push_back("bg cancelled");
    throw;
  }
}
task<void> never_started(event_log& log) {
  log.push_back("never started");
  co_return;
}

// Python:
//   async def main():
//       asyncio.create_task(background()); await asyncio.sleep(0)
//       asyncio.create_task(never_started())
//       log.append("main returns"); return 7
//   asyncio.run(main())
// prints: bg start, main returns, never started (its first step was
// scheduled before the loop stops), bg cancelled.
task<int> leftover_main(event_log& log, std::shared_ptr<int> keep) {
  coflat::create_task(background(log));
  co_await coflat::sleep(0s);
  coflat::create_task(never_started(log));
  coflat::get_running_loop().call_later(1h, [keep] {}); // dropped by close()
  log.push_back("main returns");
  co_return 7;
}

TEST(NativeTask, RunCancelsLeftoverTasksAndClosesTheLoop) {
  event_log log;
  auto keep = std::make_shared<int>(0);
  EXPECT_EQ(coflat::run(leftover_main(log, keep)), 7);
  EXPECT_EQ(log, (event_log{"+bg", "main returns", "never started", "bg cancelled", "~bg"}));
  EXPECT_EQ(keep.use_count(), 1); // the loop was closed: its timers are gone
  EXPECT_THROW(coflat::get_running_loop(), coflat::invalid_state_error);
}

task<int> add_later(int a, int b) {
  co_await coflat::sleep(1ms);
  co_return a + b;
}

TEST(NativeTask, RunUntilCompleteWithATask) {
  event_loop loop;
  EXPECT_EQ(loop.run_until_complete(add_later(2, 3)), 5);
  EXPECT_FALSE(loop.is_running());
  EXPECT_THROW(loop.run_until_complete(thrower(4)), std::runtime_error);
  EXPECT_EQ(loop.run_until_complete(add_later(1, 1)), 2); // reusable
}

TEST(NativeTask, RunUntilCompleteWithAFuture) {
  event_loop loop;
  future<int> f;
  loop.call_later(2ms, [f]() mutable { f.set_result(11); });
  EXPECT_EQ(loop.run_until_complete(f), 11);
  future<void> g;
  loop.call_soon([g]() mutable { g.set_exception(std::make_exception_ptr(std::logic_error("no"))); });
  EXPECT_THROW(loop.run_until_complete(g), std::logic_error);
}

TEST(NativeTask, CloseDestroysTheFramesOfUnfinishedTasks) {
  event_log log;
  event_loop loop;
  future<void> bg = loop.create_task(background(log));
  loop.run_until_complete(add_later(0, 0)); // bg starts and waits
  EXPECT_EQ(log, (event_log{"+bg"}));
  loop.close();
  EXPECT_EQ(log, (event_log{"+bg", "~bg"})); // destroyed, not resumed
  EXPECT_FALSE(bg.done());
  EXPECT_THROW(loop.create_task(add_later(0, 0)), coflat::invalid_state_error);
}

task<void> lock_waiter(event_log& log, std::string name, coflat::async_lock& lock, bool late) {
  tracer t(log, name);
  if (late)
    co_await coflat::sleep(0s);
  co_await lock.acquire();
  log.push_back(name + " has lock");
  co_await coflat::sleep(1h);
  lock.release();
}

task<void> lock_waiters_setup(event_log& log, coflat::async_lock& lock) {
  co_await lock.acquire();
  coflat::create_task(lock_waiter(log, "w2", lock, true));  // created first, queued second
  coflat::create_task(lock_waiter(log, "w1", lock, false)); // created second, queued first
  co_await coflat::sleep(1ms);
}

// close() destroys w1's frame first (the most recent Task); its lock waiter,
// woken by release() but never run, passes the lock on to w2, whose wake-up
// must not run w2 while the loop is closing (asyncio's close() runs nothing).
TEST(NativeTask, CloseRunsNoTaskCodeEvenWhenADestructorWakesATask) {
  event_log log;
  coflat::async_lock lock;
  event_loop loop;
  loop.run_until_complete(lock_waiters_setup(log, lock));
  lock.release(); // wakes w1 (scheduled, not run)
  log.push_back("close");
  loop.close();
  EXPECT_EQ(log, (event_log{"+w2", "+w1", "close", "~w1", "~w2"}));
}

task<event_loop*> which_loop() { co_return &coflat::get_running_loop(); }

TEST(NativeTask, GetRunningLoopInsideATask) {
  event_loop loop;
  EXPECT_EQ(loop.run_until_complete(which_loop()), &loop);
}

task<void> sleep_zero_forever(event_log& log) {
  for (int i = 0;; ++i) {
    log.push_back("spin " + std::to_string(i));
    co_await coflat::sleep(0s);
  }
}

task<void> cancel_sleep_zero_main(event_log& log) {
  auto t = coflat::create_task(sleep_zero_forever(log));
  co_await coflat::sleep(0s);
  co_await coflat::sleep(0s);
  t.cancel(); // it waits on no future: cancelled_error at its next step
  log.push_back("cancel");
  try {
    co_await t;
  } catch (const coflat::cancelled_error&) {
    log.push_back("cancelled");
  }
}

TEST(NativeTask, CancelWhileInSleepZero) {
  event_log log;
  coflat::run(cancel_sleep_zero_main(log));
  EXPECT_EQ(log, (event_log{"spin 0", "spin 1", "cancel", "cancelled"}));
}

task<int> awaits_external(future<int> f) { co_return co_await f; }

task<void> third_party_cancel_main(event_log& log) {
  future<int> f;
  auto t = coflat::create_task(awaits_external(f));
  co_await coflat::sleep(0s);
  f.cancel(); // not the task: the future it awaits
  try {
    co_await t;
  } catch (const coflat::cancelled_error&) {
    log.push_back("cancelled_error");
  }
  log.push_back(t.cancelled() ? "task cancelled" : "task not cancelled");
}

// Python: a Task whose awaited future is cancelled by someone else gets
// CancelledError at that await and, letting it escape, ends cancelled.
TEST(NativeTask, AwaitedFutureCancelledByAThirdParty) {
  event_log log;
  coflat::run(third_party_cancel_main(log));
  EXPECT_EQ(log, (event_log{"cancelled_error", "task cancelled"}));
}

task<int> await_twice_main() {
  task<int> t = thrower(0);
  int v = co_await t;
  try {
    co_await t;
  } catch (const coflat::invalid_state_error&) {
    co_return v + 100;
  }
  co_return v;
}

TEST(NativeTask, AwaitingATaskTwiceThrowsInvalidState) { EXPECT_EQ(coflat::run(await_twice_main()), 100); }

task<int> main_throws(event_log& log) {
  coflat::create_task(background(log));
  co_await coflat::sleep(0s);
  throw std::logic_error("main failed");
}

TEST(NativeTask, RunCancelsLeftoversThenPropagatesMainsException) {
  event_log log;
  EXPECT_THROW(coflat::run(main_throws(log)), std::logic_error);
  EXPECT_EQ(log, (event_log{"+bg", "bg cancelled", "~bg"}));
}

task<int> deep_wait(event_log& log, int n) {
  if (n == 0) {
    tracer t(log, "leaf");
    co_await coflat::sleep(1h);
    co_return 0;
  }
  int v = co_await deep_wait(log, n - 1);
  co_return v + 1;
}

task<void> deep_leftover_main(event_log& log) {
  coflat::create_task(deep_wait(log, 100000));
  co_await coflat::sleep(0s);
}

TEST(NativeTask, DeepChainCancelledByRunUnwindsWithoutRecursion) {
  event_log log;
  coflat::run(deep_leftover_main(log));
  EXPECT_EQ(log, (event_log{"+leaf", "~leaf"}));
}

TEST(NativeTask, DeepChainDestroyedByCloseWithoutRecursion) {
  event_log log;
  event_loop loop;
  loop.create_task(deep_wait(log, 100000));
  loop.run_until_complete(add_later(0, 0));
  EXPECT_EQ(log, (event_log{"+leaf"}));
  loop.close();
  EXPECT_EQ(log, (event_log{"+leaf", "~leaf"}));
}

/// Awaiters written against the resume_handle contract.
struct resume_from_loop {
  int value;
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle h) {
    coflat::get_running_loop().call_soon([h] { h.resume(); });
  }
  int await_resume() const noexcept { return value; }
};
struct resume_inline {
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle h) { h.resume(); }
  int await_resume() const noexcept { return 2; }
};
struct declines_to_suspend {
  bool await_ready() const noexcept { return false; }
  template <class Handle> bool await_suspend(Handle) { return false; }
  int await_resume() const noexcept { return 3; }
};

task<int> custom_awaiters_main(event_log& log) {
  coflat::get_running_loop().call_soon([&] { log.push_back("queued before"); });
  int a = co_await resume_from_loop{1};
  log.push_back("after resume_from_loop");
  int b = co_await resume_inline{};
  int c = co_await declines_to_suspend{};
  resume_from_loop lvalue{4};
  int d = co_await lvalue;
  co_return a + b + c + d;
}

TEST(NativeTask, CustomAwaitersGetAResumeHandle) {
  event_log log;
  EXPECT_EQ(coflat::run(custom_awaiters_main(log)), 10);
  EXPECT_EQ(log, (event_log{"queued before", "after resume_from_loop"}));
}

// ===========================================================================
// sleep

task<void> sleep_worker(event_log& log, std::string name, int n) {
  for (int i = 0; i < n; ++i) {
    log.push_back(name + std::to_string(i));
    co_await coflat::sleep(0s);
  }
  log.push_back(name + " done");
}

// Python:
//   async def worker(name, n):
//       for i in range(n): log.append(f"{name}{i}"); await asyncio.sleep(0)
//       log.append(f"{name} done")
//   await asyncio.gather(worker("a", 3), worker("b", 2))
// prints: a0 b0 a1 b1 a2 b done a done
task<void> sleep_zero_main(event_log& log) {
  co_await coflat::gather(sleep_worker(log, "a", 3), sleep_worker(log, "b", 2));
}

TEST(NativeSleep, SleepZeroYieldsExactlyOnce) {
  event_log log;
  coflat::run(sleep_zero_main(log));
  EXPECT_EQ(log, (event_log{"a0", "b0", "a1", "b1", "a2", "b done", "a done"}));
}

task<void> sleeper(event_log& log, int ms) {
  co_await coflat::sleep(std::chrono::milliseconds(ms));
  log.push_back(std::to_string(ms));
}

task<void> sleepers_main(event_log& log, event_loop::clock::duration& took) {
  auto start = coflat::get_running_loop().time();
  co_await coflat::gather(sleeper(log, 60), sleeper(log, 20), sleeper(log, 40));
  took = coflat::get_running_loop().time() - start;
}

TEST(NativeSleep, SleepersWakeInDeadlineOrder) {
  event_log log;
  event_loop::clock::duration took{};
  coflat::run(sleepers_main(log, took));
  EXPECT_EQ(log, (event_log{"20", "40", "60"}));
  EXPECT_GE(took, 60ms);
}

// ===========================================================================
// gather

task<std::string> word(event_log& log, std::string w, int ms) {
  log.push_back("start " + w);
  co_await coflat::sleep(std::chrono::milliseconds(ms));
  co_return w;
}
task<void> nothing(event_log& log) {
  log.push_back("start void");
  co_await coflat::sleep(0s);
}

task<void> gather_tuple_main(event_log& log) {
  future<int> f;
  coflat::get_running_loop().call_later(5ms, [f]() mutable { f.set_result(3); });
  auto [a, v, b, n] = co_await coflat::gather(word(log, "slow", 20), nothing(log), word(log, "fast", 1), f);
  static_assert(std::is_same_v<decltype(v), std::monostate>);
  static_assert(std::is_same_v<decltype(n), int>);
  log.push_back(a + " " + b + " " + std::to_string(n));
}

TEST(NativeGather, TupleFormResultsInArgumentOrder) {
  event_log log;
  coflat::run(gather_tuple_main(log));
  // Started in argument order; results in argument order, not completion order.
  EXPECT_EQ(log, (event_log{"start slow", "start void", "start fast", "slow fast 3"}));
}

task<int> square_after(int i, int ms) {
  co_await coflat::sleep(std::chrono::milliseconds(ms));
  co_return i * i;
}

task<std::vector<int>> gather_vector_main() {
  std::vector<task<int>> work;
  for (int i = 0; i < 5; ++i)
    work.push_back(square_after(i, (5 - i) * 2));
  co_return co_await coflat::gather(std::move(work));
}

TEST(NativeGather, VectorFormResultsInArgumentOrder) {
  EXPECT_EQ(coflat::run(gather_vector_main()), (std::vector<int>{0, 1, 4, 9, 16}));
}

task<std::size_t> gather_void_vector(event_log& log) {
  std::vector<task<void>> work;
  work.push_back(nothing(log));
  work.push_back(nothing(log));
  std::vector<std::monostate> r = co_await coflat::gather(std::move(work));
  std::vector<task<void>> none;
  std::vector<std::monostate> empty = co_await coflat::gather(std::move(none));
  co_return r.size() + empty.size();
}

TEST(NativeGather, VoidVectorAndEmptyVector) {
  event_log log;
  EXPECT_EQ(coflat::run(gather_void_vector(log)), 2u);
  EXPECT_EQ(log.size(), 2u);
}

task<int> fail_after(event_log& log, int n, int ms) {
  co_await coflat::sleep(std::chrono::milliseconds(ms));
  log.push_back("fail " + std::to_string(n));
  throw std::invalid_argument("e" + std::to_string(n));
}
task<int> ok_after(event_log& log, int ms) {
  co_await coflat::sleep(std::chrono::milliseconds(ms));
  log.push_back("slow ok done");
  co_return 1;
}

// Python:
//   try: await asyncio.gather(fail_after(1, 0.02), fail_after(2, 0.01), ok_after(0.03))
//   except ValueError as e: log.append(f"caught {e}")
//   await asyncio.sleep(0.05)
// prints: fail 2, caught e2, fail 1, slow ok done  (the others are not cancelled)
task<void> gather_exception_main(event_log& log) {
  try {
    co_await coflat::gather(fail_after(log, 1, 20), fail_after(log, 2, 10), ok_after(log, 30));
  } catch (const std::invalid_argument& e) {
    log.push_back(std::string("caught ") + e.what());
  }
  co_await coflat::sleep(50ms);
}

TEST(NativeGather, FirstExceptionPropagatesOthersKeepRunning) {
  event_log log;
  coflat::run(gather_exception_main(log));
  EXPECT_EQ(log, (event_log{"fail 2", "caught e2", "fail 1", "slow ok done"}));
}

task<int> gather_child(event_log& log, int n) {
  log.push_back("child" + std::to_string(n) + " start");
  try {
    co_await coflat::sleep(1h);
  } catch (const coflat::cancelled_error&) {
    log.push_back("child" + std::to_string(n) + " cancelled");
    throw;
  }
  co_return n;
}

// Python:
//   async def gather_it(): return await asyncio.gather(child(1), child(2))
//   t = asyncio.create_task(gather_it())
//   await asyncio.sleep(0); await asyncio.sleep(0)
//   log.append("cancel"); t.cancel()
//   try: await t
//   except asyncio.CancelledError: log.append("gather cancelled")
// prints: child1 start, child2 start, cancel, child1 cancelled,
//         child2 cancelled, gather cancelled, t.cancelled=True
task<void> gather_cancel_main(event_log& log) {
  auto t = coflat::create_task(coflat::gather(gather_child(log, 1), gather_child(log, 2)));
  co_await coflat::sleep(0s);
  co_await coflat::sleep(0s);
  log.push_back("cancel");
  t.cancel();
  try {
    co_await t;
  } catch (const coflat::cancelled_error&) {
    log.push_back("gather cancelled");
  }
  log.push_back(t.cancelled() ? "t.cancelled=true" : "t.cancelled=false");
}

TEST(NativeGather, CancellingTheGatherCancelsTheChildren) {
  event_log log;
  coflat::run(gather_cancel_main(log));
  EXPECT_EQ(log, (event_log{"child1 start", "child2 start", "cancel", "child1 cancelled",
                            "child2 cancelled", "gather cancelled", "t.cancelled=true"}));
}

task<void> spinner(event_log& log, int n) {
  for (int i = 0; i < n; ++i) {
    log.push_back("spin " + std::to_string(i));
    co_await coflat::sleep(0s);
  }
}
task<int> quick_logged(event_log& log) {
  log.push_back("quick");
  co_return 1;
}

// How many loop iterations gather, wait_for and awaiting a Task take: a
// spinner that logs once per iteration shows it.  Python:
//   s = asyncio.create_task(spinner()); await asyncio.sleep(0)
//   log.append("gather start"); await asyncio.gather(quick(), quick())
//   log.append("gather done"); await asyncio.wait_for(quick(), 1)
//   log.append("wait_for done"); t = asyncio.create_task(quick()); await t
//   log.append("task done"); await s
// prints: spin 0, gather start, spin 1, quick, quick, spin 2, spin 3,
//   gather done, spin 4, quick, spin 5, spin 6, wait_for done, spin 7,
//   quick, spin 8, task done, spin 9, spin 10, spin 11
task<void> iteration_count_main(event_log& log) {
  auto s = coflat::create_task(spinner(log, 12));
  co_await coflat::sleep(0s);
  log.push_back("gather start");
  co_await coflat::gather(quick_logged(log), quick_logged(log));
  log.push_back("gather done");
  co_await coflat::wait_for(quick_logged(log), 1s);
  log.push_back("wait_for done");
  auto t = coflat::create_task(quick_logged(log));
  co_await t;
  log.push_back("task done");
  co_await s;
}

TEST(NativeGather, IterationsTakenMatchAsyncio) {
  event_log log;
  coflat::run(iteration_count_main(log));
  EXPECT_EQ(log, (event_log{"spin 0", "gather start", "spin 1", "quick", "quick", "spin 2", "spin 3", "gather done",
                            "spin 4", "quick", "spin 5", "spin 6", "wait_for done", "spin 7", "quick", "spin 8",
                            "task done", "spin 9", "spin 10", "spin 11"}));
}

// ===========================================================================
// wait_for

task<int> quick(int v) {
  co_await coflat::sleep(0s);
  co_return v;
}

task<int> wait_for_fast_main() { co_return co_await coflat::wait_for(quick(5), 1s); }

TEST(NativeWaitFor, ResultBeforeTheTimeout) { EXPECT_EQ(coflat::run(wait_for_fast_main()), 5); }

task<void> slow_with_cleanup(event_log& log) {
  tracer t(log, "inner");
  bool cancelled = false;
  try {
    log.push_back("inner waits");
    co_await coflat::sleep(1h);
  } catch (const coflat::cancelled_error&) {
    log.push_back("inner cleanup");
    cancelled = true;
  }
  if (cancelled) {
    co_await coflat::sleep(0s); // unwinding may itself await
    log.push_back("inner unwound");
    throw coflat::cancelled_error();
  }
}

// Python:
//   async def slow():
//       try: log.append("inner waits"); await asyncio.sleep(3600)
//       except asyncio.CancelledError:
//           log.append("inner cleanup"); await asyncio.sleep(0)
//           log.append("inner unwound"); raise
//   try: await asyncio.wait_for(slow(), 0.01)
//   except asyncio.TimeoutError: log.append("timeout")
// prints: inner waits, inner cleanup, inner unwound, timeout
task<void> wait_for_timeout_main(event_log& log) {
  try {
    co_await coflat::wait_for(slow_with_cleanup(log), 10ms);
  } catch (const coflat::timeout_error&) {
    log.push_back("timeout");
  }
}

TEST(NativeWaitFor, TimeoutRaisedAfterTheInnerWorkHasUnwound) {
  event_log log;
  coflat::run(wait_for_timeout_main(log));
  EXPECT_EQ(log, (event_log{"+inner", "inner waits", "inner cleanup", "inner unwound", "~inner", "timeout"}));
}

task<int> stubborn(event_log& log) {
  try {
    co_await coflat::sleep(1h);
  } catch (const coflat::cancelled_error&) {
    log.push_back("stubborn swallows");
  }
  co_return 42;
}

// Python: `await asyncio.wait_for(stubborn(), 0.01)` returns 42 when the
// inner coroutine swallows the cancellation and returns a value.
task<int> wait_for_stubborn_main(event_log& log) { co_return co_await coflat::wait_for(stubborn(log), 10ms); }

TEST(NativeWaitFor, InnerThatSwallowsCancellationGivesItsValue) {
  event_log log;
  EXPECT_EQ(coflat::run(wait_for_stubborn_main(log)), 42);
  EXPECT_EQ(log, (event_log{"stubborn swallows"}));
}

task<int> wait_for_exception_main() { co_return co_await coflat::wait_for(thrower(3), 1s); }

TEST(NativeWaitFor, InnerExceptionPropagates) {
  EXPECT_THROW(coflat::run(wait_for_exception_main()), std::runtime_error);
}

task<int> wait_for_future_main() {
  future<int> never;
  future<int> soon;
  coflat::get_running_loop().call_later(1ms, [soon]() mutable { soon.set_result(8); });
  int v = co_await coflat::wait_for(soon, 1s);
  bool timed_out = false;
  try {
    co_await coflat::wait_for(never, 5ms);
  } catch (const coflat::timeout_error&) {
    timed_out = true;
  }
  EXPECT_TRUE(timed_out);
  EXPECT_TRUE(never.cancelled()); // the awaited future was cancelled
  co_return v;
}

TEST(NativeWaitFor, FuturesToo) { EXPECT_EQ(coflat::run(wait_for_future_main()), 8); }

task<int> logs_when_started(event_log& log) {
  log.push_back("work started");
  co_await coflat::sleep(0s);
  co_return 1;
}

// Python:
//   try: await asyncio.wait_for(work(), 0)
//   except asyncio.TimeoutError: log.append("timeout")
//   f = loop.create_future(); f.set_result(5)
//   log.append(f"done future -> {await asyncio.wait_for(f, 0)}")
//   try: await asyncio.wait_for(work(), -1)
//   except asyncio.TimeoutError: log.append("timeout negative")
// prints: timeout, done future -> 5, timeout negative  (work never starts)
task<void> wait_for_zero_main(event_log& log) {
  try {
    co_await coflat::wait_for(logs_when_started(log), 0s);
  } catch (const coflat::timeout_error&) {
    log.push_back("timeout");
  }
  future<int> f;
  f.set_result(5);
  int v = co_await coflat::wait_for(f, 0s);
  log.push_back("done future -> " + std::to_string(v));
  try {
    co_await coflat::wait_for(logs_when_started(log), -1s);
  } catch (const coflat::timeout_error&) {
    log.push_back("timeout negative");
  }
}

TEST(NativeWaitFor, ZeroTimeoutNeverStartsTheWork) {
  event_log log;
  coflat::run(wait_for_zero_main(log));
  EXPECT_EQ(log, (event_log{"timeout", "done future -> 5", "timeout negative"}));
}

// ===========================================================================
// readable / writable

task<std::string> socket_reader(int fd) {
  co_await coflat::readable(fd);
  std::string s(1, read_byte(fd));
  co_return s;
}

task<void> socket_main(event_log& log, int rd, int wr) {
  auto reader = coflat::create_task(socket_reader(rd));
  co_await coflat::sleep(2ms);
  log.push_back(reader.done() ? "reader done early" : "reader waits");
  co_await coflat::writable(wr);
  log.push_back("writable");
  write_byte(wr, 'q');
  std::string got = co_await reader;
  log.push_back("read " + got);
}

TEST(NativeFd, ReadableAndWritableOnASocketPair) {
  socket_pair sp;
  event_log log;
  coflat::run(socket_main(log, sp.fd[0], sp.fd[1]));
  EXPECT_EQ(log, (event_log{"reader waits", "writable", "read q"}));
}

// ===========================================================================
// async_generator

async_generator<int> ticker(event_log& log, int n) {
  tracer t(log, "gen");
  for (int i = 0; i < n; ++i) {
    co_await coflat::sleep(0s);
    log.push_back("yield " + std::to_string(i));
    co_yield i;
  }
  log.push_back("gen end");
}

task<std::vector<int>> consume(event_log& log, async_generator<int> g) {
  std::vector<int> out;
  while (auto v = co_await g.next()) {
    log.push_back("got " + std::to_string(*v));
    out.push_back(*v);
  }
  log.push_back("end");
  EXPECT_TRUE(g.done());
  auto again = co_await g.next(); // exhausted: nullopt again
  EXPECT_FALSE(again.has_value());
  co_return out;
}

TEST(NativeAsyncGenerator, NextYieldsEachValueThenNullopt) {
  event_log log;
  auto g = ticker(log, 3);
  EXPECT_TRUE(log.empty()); // lazy
  EXPECT_EQ(coflat::run(consume(log, std::move(g))), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(log, (event_log{"+gen", "yield 0", "got 0", "yield 1", "got 1", "yield 2", "got 2", "gen end",
                            "~gen", "end"}));
}

async_generator<std::string> awaits_children(event_log& log) {
  for (int i = 1; i <= 2; ++i) {
    int v = co_await child_logged(log); // a child task inside the generator
    co_yield std::to_string(v * i);
  }
}

task<std::string> joins(event_log& log) {
  auto g = awaits_children(log);
  std::string all;
  while (auto v = co_await g.next())
    all += *v + ";";
  co_return all;
}

task<std::string> nested_consumer(event_log& log) { co_return co_await joins(log); }

TEST(NativeAsyncGenerator, GeneratorAwaitsChildTasksInsideAChildTask) {
  event_log log;
  EXPECT_EQ(coflat::run(nested_consumer(log)), "5;10;");
  EXPECT_EQ(log, (event_log{"child", "child"}));
}

async_generator<int> yields_then_throws(event_log& log) {
  tracer t(log, "gen");
  co_yield 1;
  co_await coflat::sleep(0s);
  throw std::runtime_error("gen boom");
}

task<void> consume_throwing(event_log& log) {
  auto g = yields_then_throws(log);
  auto first = co_await g.next();
  log.push_back("got " + std::to_string(*first));
  try {
    co_await g.next();
  } catch (const std::runtime_error& e) {
    log.push_back(std::string("caught ") + e.what());
  }
  log.push_back(g.done() ? "done" : "not done");
  auto after = co_await g.next();
  log.push_back(after ? "value" : "nullopt");
}

TEST(NativeAsyncGenerator, ExceptionEscapingTheBodyPropagates) {
  event_log log;
  coflat::run(consume_throwing(log));
  EXPECT_EQ(log, (event_log{"+gen", "got 1", "~gen", "caught gen boom", "done", "nullopt"}));
}

async_generator<int> closable(event_log& log) {
  tracer t(log, "gen");
  try {
    co_yield 1;
    co_yield 2;
  } catch (const coflat::generator_exit&) {
    log.push_back("generator_exit at yield");
    throw;
  }
}

task<void> aclose_main(event_log& log) {
  auto g = closable(log);
  auto v = co_await g.next();
  log.push_back("got " + std::to_string(*v));
  co_await g.aclose();
  log.push_back("closed");
  log.push_back(g.done() ? "done" : "not done");
  co_await g.aclose(); // closing a closed generator is a no-op
  auto after = co_await g.next();
  log.push_back(after ? "value" : "nullopt");
}

TEST(NativeAsyncGenerator, AcloseRaisesGeneratorExitAtTheYield) {
  event_log log;
  coflat::run(aclose_main(log));
  EXPECT_EQ(log, (event_log{"+gen", "got 1", "generator_exit at yield", "~gen", "closed", "done", "nullopt"}));
}

task<void> aclose_unstarted_main(event_log& log) {
  auto g = closable(log);
  co_await g.aclose();
  log.push_back(g.done() ? "done" : "not done");
  auto v = co_await g.next();
  log.push_back(v ? "value" : "nullopt");
}

TEST(NativeAsyncGenerator, AcloseOnAnUnstartedGeneratorNeverRunsIt) {
  event_log log;
  coflat::run(aclose_unstarted_main(log));
  EXPECT_EQ(log, (event_log{"done", "nullopt"}));
}

async_generator<int> ignores_exit(event_log& log) {
  for (int i = 0;; ++i) {
    try {
      co_yield i;
    } catch (const coflat::generator_exit&) {
      log.push_back("ignoring generator_exit");
    }
  }
}

task<void> ignored_exit_main(event_log& log) {
  auto g = ignores_exit(log);
  co_await g.next();
  try {
    co_await g.aclose();
    log.push_back("no error");
  } catch (const std::runtime_error& e) {
    log.push_back(std::string("runtime_error: ") + e.what());
  }
}

TEST(NativeAsyncGenerator, IgnoringGeneratorExitIsARuntimeError) {
  event_log log;
  coflat::run(ignored_exit_main(log));
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "ignoring generator_exit");
  EXPECT_EQ(log[1].rfind("runtime_error: ", 0), 0u);
  EXPECT_NE(log[1].find("ignored generator_exit"), std::string::npos);
}

async_generator<int> returns_on_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("returns on generator_exit");
  }
}

task<void> aclose_return_main(event_log& log) {
  auto g = returns_on_exit(log);
  co_await g.next();
  co_await g.aclose(); // returning is a normal close
  log.push_back("closed");
}

TEST(NativeAsyncGenerator, ReturningOnGeneratorExitIsANormalClose) {
  event_log log;
  coflat::run(aclose_return_main(log));
  EXPECT_EQ(log, (event_log{"returns on generator_exit", "closed"}));
}

async_generator<int> suspended_with_locals(event_log& log) {
  tracer a(log, "a");
  {
    tracer b(log, "b");
    co_yield 1;
    log.push_back("not reached");
  }
}

task<void> destroy_suspended_main(event_log& log) {
  {
    auto g = suspended_with_locals(log);
    co_await g.next();
    log.push_back("drop");
  }
  log.push_back("dropped");
}

TEST(NativeAsyncGenerator, DestroyingASuspendedGeneratorDestroysItsLocals) {
  event_log log;
  coflat::run(destroy_suspended_main(log));
  EXPECT_EQ(log, (event_log{"+a", "+b", "drop", "~b", "~a", "dropped"}));
}

async_generator<int> slow_gen(event_log& log) {
  tracer t(log, "gen");
  co_yield 1;
  co_await coflat::sleep(1h);
  co_yield 2;
}

task<void> consumer_cancelled(event_log& log) {
  auto g = slow_gen(log);
  co_await g.next();
  log.push_back("waiting for 2");
  co_await g.next();
}

task<void> cancel_inside_generator_main(event_log& log) {
  auto t = coflat::create_task(consumer_cancelled(log));
  co_await coflat::sleep(0s);
  t.cancel();
  try {
    co_await t;
  } catch (const coflat::cancelled_error&) {
    log.push_back("consumer cancelled");
  }
}

TEST(NativeAsyncGenerator, CancellationReachesAnAwaitInsideTheGenerator) {
  event_log log;
  coflat::run(cancel_inside_generator_main(log));
  EXPECT_EQ(log, (event_log{"+gen", "waiting for 2", "~gen", "consumer cancelled"}));
}

async_generator<int> two_slow_values(event_log& log) {
  tracer t(log, "gen");
  co_yield 1;
  co_await coflat::sleep(10ms);
  co_yield 2;
}

task<void> agen_consumer(event_log& log, async_generator<int>& g) {
  auto a = co_await g.next();
  log.push_back("a got " + std::to_string(*a));
  auto b = co_await g.next();
  log.push_back("a got " + std::to_string(*b));
}

// Python:
//   t = asyncio.create_task(a_consumer(g)); await asyncio.sleep(0.001)
//   await g.__anext__()   # RuntimeError: anext(): asynchronous generator is already running
//   await t; await g.aclose()
// prints: a got 1, RuntimeError, a got 2, agen finally
task<void> concurrent_next_main(event_log& log) {
  auto g = two_slow_values(log);
  auto t = coflat::create_task(agen_consumer(log, g));
  co_await coflat::sleep(1ms);
  try {
    co_await g.next();
  } catch (const coflat::invalid_state_error&) {
    log.push_back("already running");
  }
  co_await t;
  co_await g.aclose();
}

TEST(NativeAsyncGenerator, NextWhileAnotherTaskRunsItIsAnError) {
  event_log log;
  coflat::run(concurrent_next_main(log));
  EXPECT_EQ(log, (event_log{"+gen", "a got 1", "already running", "a got 2", "~gen"}));
}

// ===========================================================================
// async_queue

task<std::vector<int>> queue_fifo_main() {
  coflat::async_queue<int> q;
  EXPECT_TRUE(q.empty());
  EXPECT_FALSE(q.full()); // unbounded
  for (int i = 1; i <= 3; ++i)
    co_await q.put(i);
  EXPECT_EQ(q.qsize(), 3u);
  std::vector<int> out;
  for (int i = 0; i < 3; ++i)
    out.push_back(co_await q.get());
  EXPECT_TRUE(q.empty());
  co_return out;
}

TEST(NativeQueue, Fifo) { EXPECT_EQ(coflat::run(queue_fifo_main()), (std::vector<int>{1, 2, 3})); }

TEST(NativeQueue, NowaitVariantsAndSizes) {
  coflat::async_queue<std::string> q(2);
  EXPECT_EQ(q.maxsize(), 2u);
  q.put_nowait("a");
  EXPECT_FALSE(q.full());
  q.put_nowait("b");
  EXPECT_TRUE(q.full());
  EXPECT_EQ(q.qsize(), 2u);
  EXPECT_THROW(q.put_nowait("c"), coflat::queue_full);
  EXPECT_EQ(q.get_nowait(), "a");
  EXPECT_EQ(q.get_nowait(), "b");
  EXPECT_TRUE(q.empty());
  EXPECT_THROW(q.get_nowait(), coflat::queue_empty);
}

task<void> producer(event_log& log, coflat::async_queue<int>& q) {
  for (int i = 0; i < 5; ++i) {
    co_await q.put(i);
    log.push_back("put " + std::to_string(i) + " size=" + std::to_string(q.qsize()));
  }
}
task<void> consumer(event_log& log, coflat::async_queue<int>& q) {
  for (int i = 0; i < 5; ++i) {
    int v = co_await q.get();
    log.push_back("got " + std::to_string(v));
  }
}

// Python:
//   q = asyncio.Queue(2)
//   await asyncio.gather(producer(q), consumer(q))
// prints: put 0 size=1, put 1 size=2, got 0, got 1, put 2 size=1,
//         put 3 size=2, got 2, got 3, put 4 size=1, got 4
task<void> bounded_queue_main(event_log& log) {
  coflat::async_queue<int> q(2);
  co_await coflat::gather(producer(log, q), consumer(log, q));
}

TEST(NativeQueue, BoundedPutWaitsAndGetWaits) {
  event_log log;
  coflat::run(bounded_queue_main(log));
  EXPECT_EQ(log, (event_log{"put 0 size=1", "put 1 size=2", "got 0", "got 1", "put 2 size=1", "put 3 size=2",
                            "got 2", "got 3", "put 4 size=1", "got 4"}));
}

task<void> queue_worker(event_log& log, std::string name, coflat::async_queue<int>& q) {
  for (;;) {
    int v = co_await q.get();
    log.push_back(name + " got " + std::to_string(v));
    co_await coflat::sleep(0s);
    log.push_back(name + " done " + std::to_string(v));
    q.task_done();
  }
}

// Python:
//   q = asyncio.Queue(); [q.put_nowait(i) for i in range(3)]
//   ws = [asyncio.create_task(worker(n, q)) for n in ("w1", "w2")]
//   await q.join(); log.append("joined")
//   for w in ws: w.cancel()
// prints: w1 got 0, w2 got 1, w1 done 0, w1 got 2, w2 done 1, w1 done 2, joined
task<void> join_main(event_log& log) {
  coflat::async_queue<int> q;
  for (int i = 0; i < 3; ++i)
    q.put_nowait(i);
  auto w1 = coflat::create_task(queue_worker(log, "w1", q));
  auto w2 = coflat::create_task(queue_worker(log, "w2", q));
  co_await q.join();
  log.push_back("joined");
  w1.cancel();
  w2.cancel();
  co_await coflat::sleep(0s); // let them unwind while q is alive
  EXPECT_TRUE(w1.cancelled());
  EXPECT_TRUE(w2.cancelled());
  EXPECT_THROW(q.task_done(), coflat::invalid_state_error); // too many
}

TEST(NativeQueue, TaskDoneAndJoin) {
  event_log log;
  coflat::run(join_main(log));
  EXPECT_EQ(log, (event_log{"w1 got 0", "w2 got 1", "w1 done 0", "w1 got 2", "w2 done 1", "w1 done 2", "joined"}));
}

task<void> queue_getter(event_log& log, std::string name, coflat::async_queue<int>& q) {
  try {
    int v = co_await q.get();
    log.push_back(name + " got " + std::to_string(v));
  } catch (const coflat::cancelled_error&) {
    log.push_back(name + " cancelled");
    throw;
  }
}

// Python:
//   g1 = asyncio.create_task(getter("g1", q)); g2 = asyncio.create_task(getter("g2", q))
//   await asyncio.sleep(0)
//   q.put_nowait(1)    # wakes g1
//   g1.cancel()        # g1 was woken but has not run: the item goes to g2
//   await asyncio.gather(g1, g2, return_exceptions=True)
// prints: g1 cancelled, g2 got 1, qsize=0
task<void> queue_cancel_main(event_log& log) {
  coflat::async_queue<int> q;
  co_await q.join(); // nothing unfinished: at once
  auto g1 = coflat::create_task(queue_getter(log, "g1", q));
  auto g2 = coflat::create_task(queue_getter(log, "g2", q));
  co_await coflat::sleep(0s);
  q.put_nowait(1);
  g1.cancel();
  future<void>* all[] = {&g1, &g2};
  for (future<void>* f : all) {
    try {
      co_await *f;
    } catch (const coflat::cancelled_error&) {
    }
  }
  log.push_back("qsize=" + std::to_string(q.qsize()));
}

TEST(NativeQueue, CancelledGetterPassesTheItemOn) {
  event_log log;
  coflat::run(queue_cancel_main(log));
  EXPECT_EQ(log, (event_log{"g1 cancelled", "g2 got 1", "qsize=0"}));
}

// ===========================================================================
// async_lock

task<void> lock_user(event_log& log, std::string name, coflat::async_lock& lock) {
  log.push_back(name + " wants");
  co_await lock.acquire();
  log.push_back(name + " enter");
  co_await coflat::sleep(0s);
  log.push_back(name + " exit");
  lock.release();
}

// Python:
//   lock = asyncio.Lock()
//   await asyncio.gather(user("a", lock), user("b", lock), user("c", lock))
// prints: a wants, a enter, b wants, c wants, a exit, b enter, b exit,
//         c enter, c exit
task<void> lock_main(event_log& log) {
  coflat::async_lock lock;
  co_await coflat::gather(lock_user(log, "a", lock), lock_user(log, "b", lock), lock_user(log, "c", lock));
  EXPECT_FALSE(lock.locked());
  EXPECT_THROW(lock.release(), coflat::invalid_state_error);
}

TEST(NativeLock, MutualExclusionWaitersInFifoOrder) {
  event_log log;
  coflat::run(lock_main(log));
  EXPECT_EQ(log, (event_log{"a wants", "a enter", "b wants", "c wants", "a exit", "b enter", "b exit", "c enter",
                            "c exit"}));
}

task<void> lock_user2(event_log& log, std::string name, coflat::async_lock& lock) {
  try {
    co_await lock.acquire();
  } catch (const coflat::cancelled_error&) {
    log.push_back(name + " cancelled");
    throw;
  }
  log.push_back(name + " has lock");
  lock.release();
}

// Python:
//   await lock.acquire()
//   b, c, d = (asyncio.create_task(user2(n, lock)) for n in "bcd")
//   await asyncio.sleep(0)
//   d.cancel()          # a queued waiter is cancelled
//   lock.release()      # wakes b
//   b.cancel()          # b was woken but has not run yet: passes the lock on
//   await asyncio.gather(b, c, d, return_exceptions=True)
// prints: d cancelled, b cancelled, c has lock, locked=False
task<void> lock_cancel_main(event_log& log) {
  coflat::async_lock lock;
  co_await lock.acquire();
  auto b = coflat::create_task(lock_user2(log, "b", lock));
  auto c = coflat::create_task(lock_user2(log, "c", lock));
  auto d = coflat::create_task(lock_user2(log, "d", lock));
  co_await coflat::sleep(0s);
  d.cancel();
  lock.release();
  b.cancel();
  future<void>* all[] = {&b, &c, &d};
  for (future<void>* f : all) {
    try {
      co_await *f;
    } catch (const coflat::cancelled_error&) {
    }
  }
  log.push_back(lock.locked() ? "locked=true" : "locked=false");
  EXPECT_TRUE(b.cancelled());
  EXPECT_FALSE(c.cancelled());
  EXPECT_TRUE(d.cancelled());
}

TEST(NativeLock, CancelledWaiterPassesTheLockOn) {
  event_log log;
  coflat::run(lock_cancel_main(log));
  EXPECT_EQ(log, (event_log{"d cancelled", "b cancelled", "c has lock", "locked=false"}));
}

// ===========================================================================
// async_event

task<void> event_waiter(event_log& log, std::string name, coflat::async_event& ev) {
  log.push_back(name + " waits");
  co_await ev.wait();
  log.push_back(name + " woke");
}

// Python:
//   ev = asyncio.Event()
//   ts = [asyncio.create_task(waiter(n, ev)) for n in "abc"]
//   await asyncio.sleep(0); ev.set(); log.append("set")
//   await asyncio.gather(*ts); await ev.wait(); log.append("already set")
// prints: a waits, b waits, c waits, set, a woke, b woke, c woke, already set
task<void> event_main(event_log& log) {
  coflat::async_event ev;
  auto a = coflat::create_task(event_waiter(log, "a", ev));
  auto b = coflat::create_task(event_waiter(log, "b", ev));
  auto c = coflat::create_task(event_waiter(log, "c", ev));
  co_await coflat::sleep(0s);
  EXPECT_FALSE(ev.is_set());
  ev.set();
  log.push_back("set");
  co_await coflat::gather(a, b, c);
  co_await ev.wait();
  log.push_back("already set");
  ev.clear();
  EXPECT_FALSE(ev.is_set());
}

TEST(NativeEvent, SetWakesAllWaiters) {
  event_log log;
  coflat::run(event_main(log));
  EXPECT_EQ(log, (event_log{"a waits", "b waits", "c waits", "set", "a woke", "b woke", "c woke", "already set"}));
}

// ===========================================================================
// async_semaphore

task<void> sem_worker(event_log& log, int i, coflat::async_semaphore& sem, int& active, int& peak) {
  co_await sem.acquire();
  ++active;
  peak = std::max(peak, active);
  log.push_back("enter " + std::to_string(i));
  co_await coflat::sleep(0s);
  co_await coflat::sleep(0s);
  log.push_back("exit " + std::to_string(i));
  --active;
  sem.release();
}

// Python:
//   sem = asyncio.Semaphore(2)
//   await asyncio.gather(*(worker(i, sem) for i in range(5)))
// prints: enter 0, enter 1, exit 0, exit 1, enter 2, enter 3, exit 2,
//         exit 3, enter 4, exit 4 (at most 2 inside)
task<void> semaphore_main(event_log& log, int& peak) {
  coflat::async_semaphore sem(2);
  int active = 0;
  std::vector<task<void>> workers;
  for (int i = 0; i < 5; ++i)
    workers.push_back(sem_worker(log, i, sem, active, peak));
  co_await coflat::gather(std::move(workers));
  EXPECT_FALSE(sem.locked());
}

TEST(NativeSemaphore, BoundsConcurrency) {
  event_log log;
  int peak = 0;
  coflat::run(semaphore_main(log, peak));
  EXPECT_EQ(peak, 2);
  EXPECT_EQ(log, (event_log{"enter 0", "enter 1", "exit 0", "exit 1", "enter 2", "enter 3", "exit 2", "exit 3",
                            "enter 4", "exit 4"}));
}

task<void> sem_user(event_log& log, std::string name, coflat::async_semaphore& sem) {
  try {
    co_await sem.acquire();
  } catch (const coflat::cancelled_error&) {
    log.push_back(name + " cancelled");
    throw;
  }
  log.push_back(name + " acquired");
  co_await coflat::sleep(0s);
  sem.release();
}

// Python:
//   sem = asyncio.Semaphore(1); await sem.acquire()
//   b = asyncio.create_task(user("b", sem)); c = asyncio.create_task(user("c", sem))
//   await asyncio.sleep(0)
//   sem.release()      # wakes b
//   b.cancel()         # b woken but not run: passes the slot to c
//   await asyncio.gather(b, c, return_exceptions=True)
// prints: b cancelled, c acquired, locked=False
task<void> semaphore_cancel_main(event_log& log) {
  coflat::async_semaphore sem(1);
  co_await sem.acquire();
  auto b = coflat::create_task(sem_user(log, "b", sem));
  auto c = coflat::create_task(sem_user(log, "c", sem));
  co_await coflat::sleep(0s);
  sem.release();
  b.cancel();
  future<void>* all[] = {&b, &c};
  for (future<void>* f : all) {
    try {
      co_await *f;
    } catch (const coflat::cancelled_error&) {
    }
  }
  log.push_back(sem.locked() ? "locked=true" : "locked=false");
}

TEST(NativeSemaphore, CancelledWaiterPassesTheSlotOn) {
  event_log log;
  coflat::run(semaphore_cancel_main(log));
  EXPECT_EQ(log, (event_log{"b cancelled", "c acquired", "locked=false"}));
}

} // namespace
