// co_await in every statement position a task body can have it: expression
// statements, declarations, if/while/do/for conditions, for increments,
// switch cases, range-for bodies, nested blocks, and break/continue/goto
// across awaits.  Every await really suspends (sleep(0) yields to the loop)
// so a second task interleaves and shows where the suspensions are.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace std::chrono_literals;

coflat::task<int> value(int v) {
  co_await coflat::sleep(0s);
  co_return v;
}

coflat::task<bool> below(int i, int n) { co_return co_await value(i) < n; }

coflat::task<> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("  tick %d\n", i);
    co_await coflat::sleep(0s);
  }
}

coflat::task<int> body() {
  co_await coflat::sleep(0s); // expression statement
  int a = co_await value(1);   // declaration
  std::printf("a=%d\n", a);
  if (co_await value(a) == 1) // if condition
    std::puts("if: taken");
  if (bool b = co_await value(0) != 0; !b) // if init-statement
    std::puts("if-init: not b");
  int i = 0;
  while (co_await below(i, 2)) { // while condition
    std::printf("while %d\n", i);
    ++i;
  }
  do {
    std::printf("do %d\n", i);
  } while (co_await value(--i) > 0); // do-while condition
  for (int j = co_await value(0); co_await below(j, 2); j += co_await value(1)) // init, cond, increment
    std::printf("for %d\n", j);
  int selector = co_await value(2);
  switch (selector) {
  case 1:
    std::puts("case 1");
    break;
  case 2:
    std::printf("case 2 got %d\n", co_await value(20));
    [[fallthrough]];
  default:
    std::puts("default");
  }
  std::vector<int> items{3, 4, 5};
  int sum = 0;
  for (int v : items) { // range-for body
    if (v == 4)
      continue;
    sum += co_await value(v);
  }
  std::printf("sum %d\n", sum);
  {
    int k = 0;
  again:
    k += co_await value(1);
    if (k < 3)
      goto again;
    std::printf("goto k=%d\n", k);
  }
  for (;;) {
    if (co_await value(7) == 7)
      break;
  }
  co_return a + sum;
}

coflat::task<> main_task() {
  auto t = coflat::create_task(ticker(6));
  int r = co_await body();
  std::printf("body returned %d\n", r);
  co_await t;
}

int main() { coflat::run(main_task()); }

// CHECK: a=1
// CHECK: if: taken
// CHECK: if-init: not b
// CHECK: while 0
// CHECK: while 1
// CHECK: do 2
// CHECK: do 1
// CHECK: for 0
// CHECK: for 1
// CHECK: case 2 got 20
// CHECK-NEXT: default
// CHECK: sum 8
// CHECK: goto k=3
// CHECK: body returned 9
