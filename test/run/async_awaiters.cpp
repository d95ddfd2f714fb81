// Awaiter objects live in the frame from the co_await until the end of its
// full-expression: a user-written awaiter (templated await_suspend) is
// constructed, suspended, resumed and destroyed in the same order natively
// and lowered; an lvalue awaiter is used in place, not copied; a bool
// await_suspend that returns false resumes at once; a resume_handle
// resumed later from a loop callback wakes the task; futures are awaited
// as lvalues and as temporaries; a frame destroyed while suspended destroys
// its pending awaiter.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include "tracer.h"

using namespace std::chrono_literals;

// Completes from the loop: await_suspend schedules the wake-up.
struct later {
  tracer t;
  int value;
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle h) {
    std::printf("later %d: suspend\n", value);
    coflat::get_running_loop().call_soon([h] { h.resume(); });
  }
  int await_resume() const {
    std::printf("later %d: resume\n", value);
    return value;
  }
};

// Decides in await_suspend not to suspend after all.
struct maybe {
  bool suspend;
  bool await_ready() const noexcept { return false; }
  template <class Handle> bool await_suspend(Handle h) {
    if (suspend)
      coflat::get_running_loop().call_soon([h] { h.resume(); });
    return suspend;
  }
  const char* await_resume() const noexcept { return suspend ? "suspended" : "did not suspend"; }
};

// Counts how often it is awaited: proves an lvalue awaiter is not copied.
struct counter {
  int awaited = 0;
  bool await_ready() noexcept { return ++awaited > 100; }
  template <class Handle> void await_suspend(Handle) {}
  int await_resume() const noexcept { return awaited; }
};

coflat::task<> ticks() {
  for (int i = 0; i < 3; ++i) {
    std::printf("  tick %d\n", i);
    co_await coflat::sleep(0s);
  }
}

coflat::task<std::string> produce(coflat::future<std::string> f) {
  co_await coflat::sleep(0s);
  f.set_result("from a future");
  co_return "from a task";
}

// Refuses to suspend the first time: the exception leaves await_suspend.
struct refuses_once {
  int& attempts;
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle h) {
    if (++attempts == 1)
      throw std::runtime_error("await_suspend failed");
    coflat::get_running_loop().call_soon([h] { h.resume(); });
  }
  int await_resume() const noexcept { return attempts; }
};

coflat::task<> retries() {
  int attempts = 0;
  for (int i = 0; i < 2; ++i) {
    try {
      std::printf("retry: resumed after %d attempts\n", co_await refuses_once{attempts});
    } catch (const std::runtime_error& e) {
      std::printf("retry: caught %s\n", e.what());
    }
  }
}

coflat::task<> body() {
  co_await retries();
  auto t = coflat::create_task(ticks());
  int v = co_await later{tracer("aw1"), 1} + co_await later{tracer("aw2"), 2};
  std::printf("sum %d\n", v);
  std::printf("%s\n", co_await maybe{false});
  std::printf("%s\n", co_await maybe{true});
  counter c;
  c.awaited = 100;
  std::printf("lvalue awaited %d\n", co_await c);
  std::printf("lvalue awaited %d\n", co_await c);
  coflat::future<std::string> f;
  auto p = coflat::create_task(produce(f));
  std::printf("%s\n", (co_await f).c_str());
  std::printf("%s\n", (co_await p).c_str());
  co_await t;
}

// Never resumed: destroying its frame destroys the pending awaiter.
struct never {
  tracer t;
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle) {}
  void await_resume() const noexcept {}
};

coflat::task<> stuck() {
  tracer local("stuck.local");
  co_await never{tracer("never.awaiter")};
}

int main() {
  coflat::run(body());
  std::puts("-- destroyed while suspended");
  {
    coflat::event_loop loop;
    loop.create_task(stuck());
    loop.call_soon([&loop] { loop.call_soon([&loop] { loop.stop(); }); });
    loop.run_forever();
  }
  std::puts("end");
}

// An rvalue awaiter is moved into the frame's awaiter (natively too: the
// task's await_transform takes it), and both die after the resume.
// CHECK: retry: caught await_suspend failed
// CHECK-NEXT: retry: resumed after 2 attempts
// CHECK-NEXT: +aw1
// CHECK-NEXT: +aw1~ (move)
// CHECK-NEXT: later 1: suspend
// CHECK-NEXT: tick 0
// CHECK-NEXT: later 1: resume
// CHECK-NEXT: +aw2
// CHECK-NEXT: +aw2~ (move)
// CHECK-NEXT: later 2: suspend
// CHECK-NEXT: tick 1
// CHECK-NEXT: later 2: resume
// CHECK-NEXT: -aw2~
// CHECK-NEXT: -aw2
// CHECK-NEXT: -aw1~
// CHECK-NEXT: -aw1
// CHECK-NEXT: sum 3
// CHECK-NEXT: did not suspend
// CHECK-NEXT: tick 2
// CHECK-NEXT: suspended
// CHECK-NEXT: lvalue awaited 101
// CHECK-NEXT: lvalue awaited 102
// CHECK-NEXT: from a future
// CHECK-NEXT: from a task
// CHECK-NEXT: -- destroyed while suspended
// CHECK-NEXT: +stuck.local
// CHECK-NEXT: +never.awaiter
// CHECK-NEXT: +never.awaiter~ (move)
// CHECK-NEXT: -never.awaiter~
// CHECK-NEXT: -never.awaiter
// CHECK-NEXT: -stuck.local
// CHECK-NEXT: end
