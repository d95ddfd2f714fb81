// co_yield as a function argument: the arguments before it are evaluated
// (and their side effects happen) before the suspension, never again after
// it; the arguments after it are evaluated after the resume.  (The order of
// function arguments is unspecified in C++; clang evaluates them left to
// right, and the lowered code must agree with the native build.)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

int before() {
  std::printf("before()\n");
  return 1;
}
int after() {
  std::printf("after()\n");
  return 3;
}
int sum3(int a, int b, int c) {
  std::printf("sum3(%d, %d, %d)\n", a, b, c);
  return a + b + c;
}

int shared = 10;

struct adder {
  int total = 0;
  adder& add(int v) {
    total += v;
    std::printf("add(%d) -> %d\n", v, total);
    return *this;
  }
};
adder the_adder;
adder& pick() {
  std::printf("pick()\n");
  return the_adder;
}

coflat::generator<int, int> args() {
  std::printf("%d %d\n", before(), co_yield 1);
  std::printf("%d %d %d\n", before(), co_yield 2, after());
  int s = sum3(before(), co_yield 3, after());
  std::printf("s=%d\n", s);
  // A plain variable read before the suspension keeps the value it had then.
  sum3(shared, co_yield 4, shared);
  // Two suspensions in one call.
  sum3(co_yield 5, before(), co_yield 6);
  // C++17: the object expression of a member call is sequenced before the
  // arguments.
  pick().add(co_yield 7).add(co_yield 8);
}

int main() {
  auto g = args();
  std::printf("-> %d\n", *g.next());
  // CHECK: before()
  // CHECK-NEXT: -> 1
  std::printf("-> %d\n", *g.send(2));
  // CHECK-NEXT: 1 2
  // CHECK-NEXT: before()
  // CHECK-NEXT: -> 2
  std::printf("-> %d\n", *g.send(20));
  // CHECK-NEXT: after()
  // CHECK-NEXT: 1 20 3
  // CHECK-NEXT: before()
  // CHECK-NEXT: -> 3
  std::printf("-> %d\n", *g.send(30));
  // CHECK-NEXT: after()
  // CHECK-NEXT: sum3(1, 30, 3)
  // CHECK-NEXT: s=34
  // CHECK-NEXT: -> 4
  shared = 11;
  std::printf("-> %d\n", *g.send(40));
  // CHECK-NEXT: sum3(10, 40, 11)
  // CHECK-NEXT: -> 5
  std::printf("-> %d\n", *g.send(50));
  // CHECK-NEXT: before()
  // CHECK-NEXT: -> 6
  std::printf("-> %d\n", *g.send(60));
  // CHECK-NEXT: sum3(50, 1, 60)
  // CHECK-NEXT: pick()
  // CHECK-NEXT: -> 7
  std::printf("-> %d\n", *g.send(70));
  // CHECK-NEXT: add(70) -> 70
  // CHECK-NEXT: -> 8
  std::printf("more %d\n", g.send(80).has_value());
  // CHECK-NEXT: add(80) -> 150
  // CHECK-NEXT: more 0
}
