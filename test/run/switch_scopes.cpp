// A switch around suspensions with an init-statement, a condition
// variable, or a suspension in its condition: the statement's scope holds
// them, as `{ init; T v = cond; switch (v) ... }` would; a task switches on
// a co_await.  A range-for's init-statement likewise.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <cstdio>
#include <string>

struct tracer {
  int v;
  ~tracer() { std::printf("~tracer %d\n", v); }
};

coflat::generator<int, int> g(int n) {
  switch (tracer t{n}; t.v % 3) {
  case 0:
    co_yield 100 + t.v;
    [[fallthrough]];
  case 1:
    co_yield 200 + t.v;
    break;
  default:
    co_yield 300;
  }
  switch (int k = n * 2) {
  case 4:
    co_yield k;
    co_yield k + 1;
    break;
  default:
    co_yield -k;
  }
  switch (co_yield 7) {
  case 1:
    co_yield 11;
    break;
  case 2:
    co_yield 22;
    break;
  default:
    co_yield 99;
  }
  for (tracer t{n * 10}; int i : {1, 2})
    co_yield t.v + i;
  std::printf("end of g\n");
}

coflat::task<int> one(int v) {
  co_await coflat::sleep(std::chrono::milliseconds(0));
  co_return v;
}

coflat::task<> selects() {
  for (int i = 0; i < 3; ++i)
    switch (co_await one(i)) {
    case 0:
      std::printf("zero\n");
      co_await coflat::sleep(std::chrono::milliseconds(0));
      break;
    case 1:
      std::printf("one\n");
      break;
    default:
      std::printf("many\n");
    }
}

int main() {
  for (int n : {3, 2}) {
    auto gen = g(n);
    std::optional<int> v = gen.next();
    while (v) {
      std::printf("%d\n", *v);
      v = *v == 7 ? gen.send(n - 1) : gen.next();
    }
  }
  coflat::run(selects());
}
// CHECK:      103
// CHECK-NEXT: 203
// CHECK-NEXT: ~tracer 3
// CHECK-NEXT: -6
// CHECK-NEXT: 7
// CHECK-NEXT: 22
// CHECK-NEXT: 31
// CHECK-NEXT: 32
// CHECK-NEXT: ~tracer 30
// CHECK-NEXT: end of g
// CHECK-NEXT: 300
// CHECK-NEXT: ~tracer 2
// CHECK-NEXT: 4
// CHECK-NEXT: 5
// CHECK-NEXT: 7
// CHECK-NEXT: 11
// CHECK-NEXT: 21
// CHECK-NEXT: 22
// CHECK-NEXT: ~tracer 20
// CHECK-NEXT: end of g
// CHECK-NEXT: zero
// CHECK-NEXT: one
// CHECK-NEXT: many
