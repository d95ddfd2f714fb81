// A lambda that captures nothing, called in place in an expression that
// suspends afterwards: its closure is a temporary of that full-expression,
// but with no state nothing can refer to it after the suspension, so it
// need not (and, being of a local type, could not) live in the frame.
// (Found by the fuzzer; it was refused as "an object of type 'class
// (lambda ...)' lives across a suspension point".)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

int twice(int a, int b) { return a * 2 + b; }

coflat::generator<int, int> g(int n) {
  int x = [](int q) { return q + 1; }(n) + (co_yield n);
  co_yield x;
  co_yield twice([](int q) { return q * 10; }(x), co_yield 0);
  int y = [] { return 5; }() && (co_yield 7) > 2 ? 1 : 0;
  co_yield y;
}

int main() {
  auto gen = g(3);
  std::printf("%d\n", *gen.next());
  std::printf("%d\n", *gen.send(20));
  std::printf("%d\n", *gen.next());
  std::printf("%d\n", *gen.send(6));
  std::printf("%d\n", *gen.send(4));
  std::printf("%d\n", *gen.send(5));
  std::printf("done %d\n", (int)!gen.next());
}
// CHECK:      3
// CHECK-NEXT: 24
// CHECK-NEXT: 0
// CHECK-NEXT: 486
// CHECK-NEXT: 7
// CHECK-NEXT: 1
// CHECK-NEXT: done 1
