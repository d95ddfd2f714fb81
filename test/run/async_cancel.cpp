// Exceptions and cancellation across lowered frames: an exception escaping
// a child task is raised at the parent's co_await; try blocks around awaits
// catch it; cancelling a Task raises cancelled_error at its innermost
// await and unwinds every frame's objects in reverse order; a task that
// catches the cancellation goes on; the Tasks left when the main task
// returns are cancelled by run(); a frame destroyed while suspended (its
// Task abandoned by close()) destroys exactly its live objects.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include "tracer.h"

using namespace std::chrono_literals;

coflat::task<int> fails(int n) {
  tracer t("fails" + std::to_string(n));
  co_await coflat::sleep(0s);
  throw std::runtime_error("boom " + std::to_string(n));
}

coflat::task<int> catches() {
  tracer outer("outer");
  try {
    tracer in_try("in_try");
    int v = co_await fails(1);
    std::printf("not reached %d\n", v);
  } catch (const std::runtime_error& e) {
    std::printf("caught: %s\n", e.what());
  }
  co_await coflat::sleep(0s);
  std::puts("after the handler");
  co_return 5;
}

coflat::task<> leaf_sleeper() {
  tracer t("leaf");
  co_await coflat::sleep(10s);
  std::puts("leaf: not reached");
}

coflat::task<> middle() {
  tracer a("middle.a");
  {
    tracer b("middle.b");
    co_await leaf_sleeper();
  }
  std::puts("middle: not reached");
}

coflat::task<int> stubborn() {
  tracer t("stubborn");
  try {
    co_await coflat::sleep(10s);
  } catch (const coflat::cancelled_error&) {
    std::puts("stubborn: cancelled, going on");
  }
  co_await coflat::sleep(0s);
  co_return 42;
}

coflat::task<> leftover() {
  tracer t("leftover");
  try {
    co_await coflat::sleep(10s);
  } catch (const coflat::cancelled_error&) {
    std::puts("leftover: cancelled by run()");
    throw;
  }
}

// Cancelled while it runs: the sleep it then starts is cancelled at once
// (asyncio's __step cancels the future the Task goes on to wait for).
coflat::task<> cancels_itself(coflat::future<void>& self) {
  self.cancel();
  auto start = coflat::get_running_loop().time();
  try {
    co_await coflat::sleep(10s);
  } catch (const coflat::cancelled_error&) {
    bool at_once = coflat::get_running_loop().time() - start < 5s;
    std::printf("self-cancelled at once: %d\n", at_once);
    throw;
  }
}

coflat::task<> main_task() {
  coflat::future<void> self_task;
  self_task = coflat::create_task(cancels_itself(self_task));
  try {
    co_await self_task;
  } catch (const coflat::cancelled_error&) {
    std::puts("self-cancelled task is cancelled");
  }

  std::printf("catches -> %d\n", co_await catches());
  try {
    co_await fails(2);
  } catch (const std::exception& e) {
    std::printf("main caught: %s\n", e.what());
  }

  auto m = coflat::create_task(middle());
  co_await coflat::sleep(0s); // middle starts and sleeps in leaf_sleeper
  std::printf("cancel: %d\n", m.cancel());
  try {
    co_await m;
  } catch (const coflat::cancelled_error&) {
    std::printf("middle cancelled: %d\n", m.cancelled());
  }

  auto s = coflat::create_task(stubborn());
  co_await coflat::sleep(0s);
  s.cancel();
  std::printf("stubborn returned %d, cancelled %d\n", co_await s, s.cancelled());

  coflat::create_task(leftover());
  co_await coflat::sleep(0s);
  std::puts("main: done");
}

coflat::task<> never_finishes() {
  tracer t("abandoned");
  co_await coflat::sleep(10s);
}

int main() {
  coflat::run(main_task());
  std::puts("-- abandoned by close()");
  {
    coflat::event_loop loop;
    loop.create_task(never_finishes());
    loop.call_later(1ms, [&loop] { loop.stop(); });
    loop.run_forever();
    std::puts("closing");
  }
  std::puts("end");
}

// CHECK: self-cancelled at once: 1
// CHECK-NEXT: self-cancelled task is cancelled
// CHECK-NEXT: +outer
// CHECK-NEXT: +in_try
// CHECK-NEXT: +fails1
// CHECK-NEXT: -fails1
// CHECK-NEXT: -in_try
// CHECK-NEXT: caught: boom 1
// CHECK-NEXT: after the handler
// CHECK-NEXT: -outer
// CHECK-NEXT: catches -> 5
// CHECK-NEXT: +fails2
// CHECK-NEXT: -fails2
// CHECK-NEXT: main caught: boom 2
// CHECK-NEXT: +middle.a
// CHECK-NEXT: +middle.b
// CHECK-NEXT: +leaf
// CHECK-NEXT: cancel: 1
// CHECK-NEXT: -leaf
// CHECK-NEXT: -middle.b
// CHECK-NEXT: -middle.a
// CHECK-NEXT: middle cancelled: 1
// CHECK-NEXT: +stubborn
// CHECK-NEXT: stubborn: cancelled, going on
// CHECK-NEXT: -stubborn
// CHECK-NEXT: stubborn returned 42, cancelled 0
// CHECK-NEXT: +leftover
// CHECK-NEXT: main: done
// CHECK-NEXT: leftover: cancelled by run()
// CHECK-NEXT: -leftover
// CHECK-NEXT: -- abandoned by close()
// CHECK-NEXT: +abandoned
// CHECK-NEXT: closing
// CHECK-NEXT: -abandoned
// CHECK-NEXT: end
