// A co_yield whose operand is itself a co_yield: the inner one suspends
// first, and its value (the sent value) feeds the outer one.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

coflat::generator<int, int> nested() {
  int r = co_yield (co_yield 1) + 1;
  std::printf("r=%d\n", r);
  // Three deep, in a statement of its own.
  co_yield (co_yield (co_yield 10) * 2) * 3;
  // Two in one expression, side by side.
  int s = (co_yield 100) - (co_yield 200);
  std::printf("s=%d\n", s);
}

int main() {
  auto g = nested();
  std::printf("-> %d\n", *g.next());
  std::printf("-> %d\n", *g.send(5));
  std::printf("-> %d\n", *g.send(7));
  // CHECK:      -> 1
  // CHECK-NEXT: -> 6
  // CHECK-NEXT: r=7
  // CHECK-NEXT: -> 10
  std::printf("-> %d\n", *g.send(4));
  std::printf("-> %d\n", *g.send(6));
  std::printf("-> %d\n", *g.send(0));
  // CHECK-NEXT: -> 8
  // CHECK-NEXT: -> 18
  // CHECK-NEXT: -> 100
  std::printf("-> %d\n", *g.send(50));
  std::printf("more %d\n", g.send(8).has_value());
  // CHECK-NEXT: -> 200
  // CHECK-NEXT: s=42
  // CHECK-NEXT: more 0

  // Resumed by next(), each co_yield evaluates to 0.
  auto h = nested();
  for (auto v = h.next(); v; v = h.next())
    std::printf("-> %d\n", *v);
  // CHECK-NEXT: -> 1
  // CHECK-NEXT: -> 1
  // CHECK-NEXT: r=0
  // CHECK-NEXT: -> 10
  // CHECK-NEXT: -> 0
  // CHECK-NEXT: -> 0
  // CHECK-NEXT: -> 100
  // CHECK-NEXT: -> 200
  // CHECK-NEXT: s=0
}
