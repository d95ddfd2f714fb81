// co_yield in either branch of ?: : only the branch taken is evaluated, so
// only it suspends; the condition is evaluated once, before.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

bool cond(int i) {
  std::printf("cond(%d)\n", i);
  return i % 2 == 0;
}
int other(int v) {
  std::printf("other(%d)\n", v);
  return v;
}

coflat::generator<int, int> choose() {
  for (int i = 0; i < 4; ++i) {
    int v = cond(i) ? co_yield 100 + i : other(-i);
    std::printf("v=%d\n", v);
  }
  for (int i = 0; i < 2; ++i) {
    int w = cond(i) ? other(i) : co_yield 200 + i;
    std::printf("w=%d\n", w);
  }
  // Both branches suspend.
  for (int i = 0; i < 2; ++i)
    std::printf("both=%d\n", cond(i) ? co_yield 300 : co_yield 301);
  // A co_yield in the condition itself.
  int c = (co_yield 400) ? other(1) : other(2);
  std::printf("c=%d\n", c);
}

int main() {
  auto g = choose();
  std::printf("-> %d\n", *g.next());
  // CHECK:      cond(0)
  // CHECK-NEXT: -> 100
  std::printf("-> %d\n", *g.send(7));
  // CHECK-NEXT: v=7
  // CHECK-NEXT: cond(1)
  // CHECK-NEXT: other(-1)
  // CHECK-NEXT: v=-1
  // CHECK-NEXT: cond(2)
  // CHECK-NEXT: -> 102
  std::printf("-> %d\n", *g.send(8));
  // CHECK-NEXT: v=8
  // CHECK-NEXT: cond(3)
  // CHECK-NEXT: other(-3)
  // CHECK-NEXT: v=-3
  // CHECK-NEXT: cond(0)
  // CHECK-NEXT: other(0)
  // CHECK-NEXT: w=0
  // CHECK-NEXT: cond(1)
  // CHECK-NEXT: -> 201
  std::printf("-> %d\n", *g.send(9));
  // CHECK-NEXT: w=9
  // CHECK-NEXT: cond(0)
  // CHECK-NEXT: -> 300
  std::printf("-> %d\n", *g.send(1));
  // CHECK-NEXT: both=1
  // CHECK-NEXT: cond(1)
  // CHECK-NEXT: -> 301
  std::printf("-> %d\n", *g.send(2));
  // CHECK-NEXT: both=2
  // CHECK-NEXT: -> 400
  std::printf("more %d\n", g.send(0).has_value());
  // CHECK-NEXT: other(2)
  // CHECK-NEXT: c=2
  // CHECK-NEXT: more 0
}
