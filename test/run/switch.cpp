// co_yield inside switch case labels: case bodies with and without braces,
// fallthrough, default, break out of the switch after a suspension, and a
// switch inside a loop.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include "tracer.h"

coflat::generator<int> no_braces(int k) {
  switch (k) {
  case 0:
    co_yield 0;
    co_yield 1;
    break;
  case 1:
    co_yield 10;
    [[fallthrough]];
  case 2:
    co_yield 20;
    break;
  default:
    co_yield 99;
  }
  co_yield -1;
}

coflat::generator<int> with_braces(int k) {
  switch (k) {
  case 0: {
    tracer t("case0");
    co_yield 0;
    co_yield 1;
    break;
  }
  case 1: {
    tracer t("case1");
    co_yield 10;
  }
    [[fallthrough]];
  case 2: {
    tracer t("case2");
    co_yield 20;
    if (k == 2)
      break;
    co_yield 21;
    break;
  }
  default: {
    co_yield 99;
  }
  }
  co_yield -1;
}

coflat::generator<int> in_loop() {
  for (int i = 0; i < 4; ++i) {
    switch (i % 3) {
    case 0:
      co_yield i;
      continue;
    case 1: {
      tracer t("c" + std::to_string(i));
      co_yield 100 + i;
      break;
    }
    default:
      break;
    }
    std::printf("after switch %d\n", i);
  }
}

template <class G> void drain(const char* name, int k, G g) {
  std::printf("== %s %d\n", name, k);
  while (auto v = g.next())
    std::printf("got %d\n", *v);
}

int main() {
  for (int k = 0; k < 4; ++k)
    drain("no_braces", k, no_braces(k));
  // CHECK: == no_braces 0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: got 1
  // CHECK-NEXT: got -1
  // CHECK-NEXT: == no_braces 1
  // CHECK-NEXT: got 10
  // CHECK-NEXT: got 20
  // CHECK-NEXT: got -1
  // CHECK-NEXT: == no_braces 2
  // CHECK-NEXT: got 20
  // CHECK-NEXT: got -1
  // CHECK-NEXT: == no_braces 3
  // CHECK-NEXT: got 99
  // CHECK-NEXT: got -1
  for (int k = 0; k < 4; ++k)
    drain("with_braces", k, with_braces(k));
  // CHECK-NEXT: == with_braces 0
  // CHECK-NEXT: +case0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -case0
  // CHECK-NEXT: got -1
  // CHECK-NEXT: == with_braces 1
  // CHECK-NEXT: +case1
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -case1
  // CHECK-NEXT: +case2
  // CHECK-NEXT: got 20
  // CHECK-NEXT: got 21
  // CHECK-NEXT: -case2
  // CHECK-NEXT: got -1
  // CHECK-NEXT: == with_braces 2
  // CHECK-NEXT: +case2
  // CHECK-NEXT: got 20
  // CHECK-NEXT: -case2
  // CHECK-NEXT: got -1
  // CHECK-NEXT: == with_braces 3
  // CHECK-NEXT: got 99
  // CHECK-NEXT: got -1
  drain("in_loop", 0, in_loop());
  // CHECK-NEXT: == in_loop 0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: +c1
  // CHECK-NEXT: got 101
  // CHECK-NEXT: -c1
  // CHECK-NEXT: after switch 1
  // CHECK-NEXT: after switch 2
  // CHECK-NEXT: got 3
  std::printf("== destroy inside case\n");
  {
    auto g = with_braces(1);
    std::printf("got %d\n", *g.next());
  }
  {
    auto g = with_braces(1);
    g.next();
    std::printf("got %d\n", *g.next());
  }
  // CHECK-NEXT: == destroy inside case
  // CHECK-NEXT: +case1
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -case1
  // CHECK-NEXT: +case1
  // CHECK-NEXT: -case1
  // CHECK-NEXT: +case2
  // CHECK-NEXT: got 20
  // CHECK-NEXT: -case2
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
