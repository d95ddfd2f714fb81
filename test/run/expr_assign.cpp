// co_yield as the right operand of = and +=: C++17 sequences the right
// operand (the suspension) before the left one, so a side effect in the left
// operand happens after the resume, and the left operand is read then.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

int counter = 0;
int next_index() {
  std::printf("next_index -> %d\n", counter);
  return counter++;
}

coflat::generator<int, int> assign_indexed(int* a) {
  a[next_index()] = co_yield 1;
  std::printf("after first\n");
  a[next_index()] += co_yield 2;
  std::printf("after second\n");
}

// `x` is shared with the caller, which changes it while the generator is
// suspended: the compound assignment reads it after the resume.
coflat::generator<int, int> accumulate(int& x) {
  x += co_yield 10;
  std::printf("x=%d\n", x);
  x = co_yield 20;
  std::printf("x=%d\n", x);
  x -= (co_yield 30) * 2;
  std::printf("x=%d\n", x);
  int local = 5;
  local *= co_yield 40;
  std::printf("local=%d\n", local);
}

int main() {
  int a[3] = {0, 0, 0};
  auto g = assign_indexed(a);
  std::printf("yield %d\n", *g.next());
  // CHECK: yield 1
  std::printf("send 7\n");
  std::printf("yield %d\n", *g.send(7));
  // CHECK-NEXT: send 7
  // CHECK-NEXT: next_index -> 0
  // CHECK-NEXT: after first
  // CHECK-NEXT: yield 2
  a[1] = 100;
  std::printf("send 5\n");
  std::printf("more %d\n", g.send(5).has_value());
  // CHECK-NEXT: send 5
  // CHECK-NEXT: next_index -> 1
  // CHECK-NEXT: after second
  // CHECK-NEXT: more 0
  std::printf("a = %d %d %d\n", a[0], a[1], a[2]);
  // CHECK-NEXT: a = 7 105 0

  int x = 1;
  auto h = accumulate(x);
  std::printf("yield %d\n", *h.next());
  // CHECK-NEXT: yield 10
  x = 50;
  std::printf("yield %d\n", *h.send(3));
  // CHECK-NEXT: x=53
  // CHECK-NEXT: yield 20
  std::printf("yield %d\n", *h.send(4));
  // CHECK-NEXT: x=4
  // CHECK-NEXT: yield 30
  x = 1000;
  std::printf("yield %d\n", *h.send(100));
  // CHECK-NEXT: x=800
  // CHECK-NEXT: yield 40
  std::printf("more %d\n", h.next().has_value());
  // CHECK-NEXT: local=0
  // CHECK-NEXT: more 0
}
