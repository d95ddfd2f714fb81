// Async generators lowered: co_await and co_yield in one body, inside
// loops and try blocks; two consumers interleave; an exception escaping
// the body reaches the consumer; aclose() raises generator_exit at the
// suspended co_yield and the body's cleanup runs; destroying a suspended
// async generator destroys its live objects.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include "tracer.h"

using namespace std::chrono_literals;

coflat::async_generator<int> numbers(std::string name, int n) {
  tracer t(name);
  for (int i = 0; i < n; ++i) {
    co_await coflat::sleep(0s);
    co_yield i * 10;
  }
  std::printf("%s: exhausted\n", name.c_str());
}

coflat::async_generator<std::string> guarded() {
  try {
    tracer t("guarded.body");
    co_yield "first";
    co_yield "second";
    std::puts("guarded: not reached");
  } catch (const coflat::generator_exit&) {
    std::puts("guarded: generator_exit");
    throw;
  }
}

coflat::async_generator<int> failing() {
  co_yield 1;
  co_await coflat::sleep(0s);
  throw std::runtime_error("generator failed");
}

coflat::task<> consume(std::string who, coflat::async_generator<int> g) {
  while (auto v = co_await g.next())
    std::printf("%s got %d\n", who.c_str(), *v);
  std::printf("%s: done\n", who.c_str());
}

coflat::task<> main_task() {
  co_await coflat::gather(consume("A", numbers("gen.a", 3)), consume("B", numbers("gen.b", 2)));

  auto g = guarded();
  std::printf("%s\n", (*co_await g.next()).c_str());
  co_await g.aclose();
  std::printf("after aclose: done=%d\n", g.done());
  auto again = co_await g.next();
  std::printf("next after close: %s\n", again ? "value" : "nullopt");

  auto f = failing();
  try {
    while (auto v = co_await f.next())
      std::printf("failing yielded %d\n", *v);
  } catch (const std::runtime_error& e) {
    std::printf("consumer caught: %s\n", e.what());
  }

  {
    auto partial = numbers("partial", 5);
    std::printf("partial first %d\n", *co_await partial.next());
  }
  std::puts("end");
}

int main() { coflat::run(main_task()); }

// CHECK: +gen.a
// CHECK-NEXT: +gen.b
// CHECK-NEXT: A got 0
// CHECK-NEXT: B got 0
// CHECK-NEXT: A got 10
// CHECK-NEXT: B got 10
// CHECK-NEXT: gen.b: exhausted
// CHECK-NEXT: -gen.b
// CHECK-NEXT: B: done
// CHECK-NEXT: A got 20
// CHECK-NEXT: gen.a: exhausted
// CHECK-NEXT: -gen.a
// CHECK-NEXT: A: done
// CHECK-NEXT: +guarded.body
// CHECK-NEXT: first
// CHECK-NEXT: -guarded.body
// CHECK-NEXT: guarded: generator_exit
// CHECK-NEXT: after aclose: done=1
// CHECK-NEXT: next after close: nullopt
// CHECK-NEXT: failing yielded 1
// CHECK-NEXT: consumer caught: generator failed
// CHECK-NEXT: +partial
// CHECK-NEXT: partial first 0
// CHECK-NEXT: -partial
// CHECK-NEXT: end
