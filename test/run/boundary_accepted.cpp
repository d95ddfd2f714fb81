// Constructs just inside the boundaries that test/diagnostics/ checks: a
// condition variable or structured binding whose scope does not suspend, a
// value declared before the statement instead, and a suspension in a
// switch's body (not its condition).  These are lowered, and behave as native.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <utility>

int vals[] = {3, 2, 1, 0};
int pos = 0;
int f() { return vals[pos++]; }
std::pair<int, int> p() { return {4, 5}; }

coflat::generator<int, int> g() {
  // A condition variable whose scope has no suspension.
  while (int x = f()) {
    std::printf("x=%d\n", x);
  }
  co_yield 1;
  // The value declared before the statement.
  pos = 0;
  int y;
  while ((y = f()) != 0) {
    co_yield 10 + y;
  }
  // A structured binding whose scope has no suspension.
  {
    auto [a, b] = p();
    std::printf("a=%d b=%d\n", a, b);
  }
  // A structured binding used after the suspension through a plain copy.
  int first = p().first;
  co_yield 2;
  std::printf("first=%d\n", first);
  // The switch value stored first; suspensions in the body.
  int v = co_yield 3;
  switch (v) {
  case 0:
    co_yield 30;
    break;
  case 1:
    co_yield 31;
    [[fallthrough]];
  default:
    co_yield 32;
    break;
  }
}

int main() {
  for (int s : {0, 1, 7}) {
    std::printf("send %d at the switch\n", s);
    pos = 0;
    auto gen = g();
    for (auto v = gen.next(); v; v = (*v == 3 ? gen.send(s) : gen.next()))
      std::printf("-> %d\n", *v);
  }
  // CHECK:      send 0 at the switch
  // CHECK-NEXT: x=3
  // CHECK-NEXT: x=2
  // CHECK-NEXT: x=1
  // CHECK-NEXT: -> 1
  // CHECK-NEXT: -> 13
  // CHECK-NEXT: -> 12
  // CHECK-NEXT: -> 11
  // CHECK-NEXT: a=4 b=5
  // CHECK-NEXT: -> 2
  // CHECK-NEXT: first=4
  // CHECK-NEXT: -> 3
  // CHECK-NEXT: -> 30
  // CHECK:      send 1 at the switch
  // CHECK:      -> 3
  // CHECK-NEXT: -> 31
  // CHECK-NEXT: -> 32
  // CHECK-NEXT: send 7 at the switch
  // CHECK:      -> 3
  // CHECK-NEXT: -> 32
  // CHECK-NOT:  ->
}
