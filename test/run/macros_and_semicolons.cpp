// Macros around frame variables and suspensions, unbraced loops as if/else
// branches, and co_return of a local (moved, as C++20 does).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <climits>
#include <cstdio>
#define SHOW(x) std::printf("%d\n", x)
coflat::generator<int> g(int& v, bool c) {
  int& r = v;
  co_yield INT_MAX;
  SHOW(r);
  if (c)
    for (int i = 0; i < 2; ++i) co_yield i;
  else
    for (int i = 0; i < 2; ++i) SHOW(i);
  if (c)
    for (int i = 0; i < 2; ++i) std::printf("x%d\n", i);
  else
    co_yield 7;
  std::printf("end %d\n", r);
}
struct Tr { int k; ~Tr() { std::printf("~Tr %d\n", k); } };
coflat::generator<Tr, void, Tr> h() { Tr t{5}; co_yield Tr{1}; co_return t; }
int main() { int v = 3; for (int x : g(v, true)) std::printf("-> %d\n", x); for (int x : g(v, false)) std::printf("-> %d\n", x);
  auto hh = h(); hh.next(); hh.next(); std::printf("res %d\n", hh.result().k); }

// CHECK: -> 2147483647
// CHECK-NEXT: 3
// CHECK-NEXT: -> 0
// CHECK-NEXT: -> 1
// CHECK-NEXT: x0
// CHECK-NEXT: x1
// CHECK-NEXT: end 3
// CHECK-NEXT: -> 2147483647
// CHECK-NEXT: 3
// CHECK-NEXT: 0
// CHECK-NEXT: 1
// CHECK-NEXT: -> 7
// CHECK-NEXT: end 3
// CHECK-NEXT: ~Tr 1
// CHECK-NEXT: ~Tr 1
// CHECK-NEXT: ~Tr 1
// CHECK-NEXT: ~Tr 5
// CHECK-NEXT: res 5
// CHECK-NEXT: ~Tr 5
