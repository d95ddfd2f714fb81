// An exception that escapes a delegated-to generator is raised at the
// yield_from point of the delegating one, which can catch it and go on.
// (yield_from_range.cpp: an exception thrown into a range delegation.)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "tracer.h"

coflat::generator<int, void, int> failing(int n) {
  tracer t("sub");
  for (int i = 0; i < n; ++i)
    co_yield i;
  throw std::runtime_error("sub failed after " + std::to_string(n));
  co_return 0;
}

coflat::generator<int> outer() {
  tracer t("outer");
  for (int round = 1; round <= 2; ++round) {
    try {
      int r = co_yield coflat::yield_from(failing(round));
      std::printf("not reached %d\n", r);
    } catch (const std::runtime_error& e) {
      std::printf("outer caught: %s\n", e.what());
    }
    co_yield 100 * round;
  }
  // Not caught here: propagates out of next().
  co_yield coflat::yield_from(failing(1));
  std::printf("not reached\n");
}

int main() {
  auto g = outer();
  try {
    for (auto v = g.next(); v; v = g.next())
      std::printf("-> %d\n", *v);
  } catch (const std::runtime_error& e) {
    std::printf("main caught: %s, done %d\n", e.what(), g.done());
  }
  // CHECK:      +outer
  // CHECK-NEXT: +sub
  // CHECK-NEXT: -> 0
  // CHECK-NEXT: -sub
  // CHECK-NEXT: outer caught: sub failed after 1
  // CHECK-NEXT: -> 100
  // CHECK-NEXT: +sub
  // CHECK-NEXT: -> 0
  // CHECK-NEXT: -> 1
  // CHECK-NEXT: -sub
  // CHECK-NEXT: outer caught: sub failed after 2
  // CHECK-NEXT: -> 200
  // CHECK-NEXT: +sub
  // CHECK-NEXT: -> 0
  // CHECK-NEXT: -sub
  // CHECK-NEXT: -outer
  // CHECK-NEXT: main caught: sub failed after 1, done 1
}
