// co_yield as the right operand of && and ||: it suspends only when the left
// operand does not decide the result, and the left operand is evaluated once,
// before the suspension.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

bool check(const char* what, bool v) {
  std::printf("check %s -> %d\n", what, v);
  return v;
}

coflat::generator<int, bool> logic() {
  for (int i = 0; i < 2; ++i) {
    bool a = check("and-left", i == 1) && (co_yield 10 + i);
    std::printf("and: %d\n", a);
    bool o = check("or-left", i == 1) || (co_yield 20 + i);
    std::printf("or: %d\n", o);
  }
  // Chained, with a co_yield on the left of the chain too.
  bool all = (co_yield 30) && check("mid", true) && (co_yield 31);
  std::printf("all: %d\n", all);
  // Used directly as a condition, not stored.
  if (check("if-left", true) && (co_yield 40)) {
    std::printf("if taken\n");
  } else {
    std::printf("if not taken\n");
  }
}

int main() {
  auto g = logic();
  std::printf("-> %d\n", *g.next());
  // CHECK:      check and-left -> 0
  // CHECK-NEXT: and: 0
  // CHECK-NEXT: check or-left -> 0
  // CHECK-NEXT: -> 20
  std::printf("-> %d\n", *g.send(true));
  // CHECK-NEXT: or: 1
  // CHECK-NEXT: check and-left -> 1
  // CHECK-NEXT: -> 11
  std::printf("-> %d\n", *g.send(false));
  // CHECK-NEXT: and: 0
  // CHECK-NEXT: check or-left -> 1
  // CHECK-NEXT: or: 1
  // CHECK-NEXT: -> 30
  std::printf("-> %d\n", *g.send(true));
  // CHECK-NEXT: check mid -> 1
  // CHECK-NEXT: -> 31
  std::printf("-> %d\n", *g.send(true));
  // CHECK-NEXT: all: 1
  // CHECK-NEXT: check if-left -> 1
  // CHECK-NEXT: -> 40
  std::printf("more %d\n", g.send(false).has_value());
  // CHECK-NEXT: if not taken
  // CHECK-NEXT: more 0

  // The other way through: the first co_yield of the chain gets false.
  auto h = logic();
  h.next();
  h.send(false);
  h.send(false);
  std::printf("-> %d\n", *h.send(false));
  // CHECK:      all: 0
  // CHECK-NEXT: check if-left -> 1
  // CHECK-NEXT: -> 40
  std::printf("more %d\n", h.send(true).has_value());
  // CHECK-NEXT: if taken
  // CHECK-NEXT: more 0
}
