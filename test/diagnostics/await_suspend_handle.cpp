// An awaiter whose await_suspend returns a coroutine handle (symmetric
// transfer) cannot be run by a coflat task, natively or lowered: the
// runtime refuses it with a static_assert naming the alternative, and the
// tool reports it and writes nothing.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

#include <coroutine>

struct transfer {
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) { return h; }
  void await_resume() const noexcept {}
  template <class H> std::coroutine_handle<> await_suspend(H) { return std::noop_coroutine(); }
};

coflat::task<> f() { co_await transfer{}; }
// CHECK: error: static assertion failed{{.*}}coflat tasks do not accept an await_suspend that returns a handle
