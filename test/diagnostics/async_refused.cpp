// What the async lowering refuses, each with a reason at the right place:
// co_await in a generator (Python: await in a plain generator), a lambda
// task.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

#include <chrono>
#include <coroutine>

using namespace std::chrono_literals;

coflat::task<int> one() { co_return 1; }

coflat::generator<int> gen() {
  co_await std::suspend_always{};
  // CHECK: async_refused.cpp:[[@LINE-1]]:3: error: cannot lower: co_await in a generator
}

coflat::task<> main_task() {
  auto l = []() -> coflat::task<int> { co_return co_await one(); };
  // CHECK: async_refused.cpp:[[@LINE-1]]:12: error: cannot lower: lambda coroutines are not supported yet
  co_await l();
}
