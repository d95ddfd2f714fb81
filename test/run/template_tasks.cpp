// Async coroutine templates: tasks and async generators whose awaited
// operands, awaiters and results depend on the template arguments, a
// member of a class template, and a generic awaitable.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>
#include "tracer.h"

using namespace std::chrono_literals;

template <class T> coflat::task<T> later(T v, int ms) {
  co_await coflat::sleep(ms * 1ms);
  co_return v;
}

template <class T> coflat::task<T> sum_all(std::vector<T> vs) {
  T sum{};
  for (const T& v : vs)
    sum += co_await later(v, 1);
  co_return sum;
}

// Whatever can be awaited: a task, a future.
template <class A> coflat::task<int> plus_one(A a) {
  int r = co_await a;
  co_return r + 1;
}

template <class T> coflat::async_generator<T> ticks(T start, int n) {
  for (int i = 0; i < n; ++i) {
    co_await coflat::sleep(0ms);
    co_yield start + T(i);
  }
}

template <class T> struct account {
  T total;
  coflat::task<T> deposit(T v) {
    total = total + co_await later(v, 0);
    co_return total;
  }
};

template <class T> coflat::task<T> copy_of(const T& v) { co_return v; }

// A dependent prvalue awaited: held in the frame until the await ends.
// (A temporary inside the operand, `later(T(name), 0)`, or a by-value
// parameter of a class with an observable destructor would end before the
// suspension: the instantiation refuses them, see
// test/diagnostics/template_temporary.test.)
template <class T> coflat::task<std::string> traced(const char* name) {
  T arg(name);
  T t = co_await copy_of(arg);
  co_return t.name;
}

coflat::task<> main_task() {
  std::printf("sum %d\n", co_await sum_all(std::vector<int>{1, 2, 3}));
  std::printf("sum %s\n", (co_await sum_all(std::vector<std::string>{"a", "b"})).c_str());
  // CHECK: sum 6
  // CHECK-NEXT: sum ab
  std::printf("plus_one %d\n", co_await plus_one(later(41, 1)));
  // CHECK-NEXT: plus_one 42
  auto g = ticks(1.5, 3);
  while (auto v = co_await g.next())
    std::printf("tick %g\n", *v);
  // CHECK-NEXT: tick 1.5
  // CHECK-NEXT: tick 2.5
  // CHECK-NEXT: tick 3.5
  account<long> acct{100};
  co_await acct.deposit(5);
  std::printf("total %ld\n", co_await acct.deposit(7));
  // CHECK-NEXT: total 112
  std::string n = co_await traced<tracer>("t");
  std::printf("traced %s\n", n.c_str());
  // CHECK: traced t
}

int main() { coflat::run(main_task()); }
