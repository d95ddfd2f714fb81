// co_yield in the condition of if / while / for (condition and increment) /
// do-while: the condition suspends each time it is evaluated, and the
// statement goes on with the sent value.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <optional>

coflat::generator<int, int> conditions() {
  // (expr_conditions_unbraced.cpp has the same with unbraced bodies.)
  if (co_yield 1) {
    std::printf("if: then\n");
  } else {
    std::printf("if: else\n");
  }
  if ((co_yield 2) > 5) {
    std::printf("if: big\n");
  }
  // while: the condition suspends before every iteration.
  int n = 0;
  while ((co_yield 10 + n) != 0) {
    ++n;
  }
  std::printf("while ran %d times\n", n);
  // for: a suspending condition and a suspending increment.
  int i = 0;
  int init = std::printf("for init\n");
  for (int j = init; (co_yield 20 + i) != 0; i += co_yield 30) {
    std::printf("for body i=%d\n", i);
    if (i > 100)
      continue; // goes to the (suspending) increment
  }
  std::printf("for done i=%d\n", i);
  // do-while: the body runs first.
  int k = 0;
  do {
    std::printf("do body k=%d\n", k);
    ++k;
  } while (co_yield 40 + k);
  std::printf("do done k=%d\n", k);
}

int main() {
  auto g = conditions();
  int sends[] = {0, 9, 1, 1, 0, 1, 200, 1, 5, 0, 1, 0};
  std::optional<int> v = g.next();
  for (int s : sends) {
    if (!v)
      break;
    std::printf("-> %d, send %d\n", *v, s);
    v = g.send(s);
  }
  std::printf("done %d\n", g.done());
  // CHECK:      -> 1, send 0
  // CHECK-NEXT: if: else
  // CHECK-NEXT: -> 2, send 9
  // CHECK-NEXT: if: big
  // CHECK-NEXT: -> 10, send 1
  // CHECK-NEXT: -> 11, send 1
  // CHECK-NEXT: -> 12, send 0
  // CHECK-NEXT: while ran 2 times
  // CHECK-NEXT: for init
  // CHECK-NEXT: -> 20, send 1
  // CHECK-NEXT: for body i=0
  // CHECK-NEXT: -> 30, send 200
  // CHECK-NEXT: -> 220, send 1
  // CHECK-NEXT: for body i=200
  // CHECK-NEXT: -> 30, send 5
  // CHECK-NEXT: -> 225, send 0
  // CHECK-NEXT: for done i=205
  // CHECK-NEXT: do body k=0
  // CHECK-NEXT: -> 41, send 1
  // CHECK-NEXT: do body k=1
  // CHECK-NEXT: -> 42, send 0
  // CHECK-NEXT: do done k=2
  // CHECK-NEXT: done 1

  // next() makes every condition see 0 (a value-initialised int).
  auto h = conditions();
  int count = 0;
  while (h.next())
    ++count;
  std::printf("next only: %d yields\n", count);
  // CHECK-NEXT: if: else
  // CHECK-NEXT: while ran 0 times
  // CHECK-NEXT: for init
  // CHECK-NEXT: for done i=0
  // CHECK-NEXT: do body k=0
  // CHECK-NEXT: do done k=1
  // CHECK-NEXT: next only: 5 yields
}
