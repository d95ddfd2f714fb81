// co_return whose operand contains a co_yield: the generator suspends in the
// operand, and the returned value is computed from the sent value.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

// The returned value is computed from the value of a co_yield.
coflat::generator<int, int, int> ret_from_yield() {
  int base = 100;
  co_return base + (co_yield 1);
}

// co_return directly of a co_yield expression.
coflat::generator<int, int, int> ret_yield() {
  co_return co_yield 2;
}

int main() {
  auto r = ret_from_yield();
  std::printf("-> %d\n", *r.next());
  bool more_r = r.send(23).has_value();
  std::printf("more %d result %d\n", more_r, r.result());
  // CHECK:      -> 1
  // CHECK-NEXT: more 0 result 123

  auto y = ret_yield();
  y.next();
  bool more_y = y.send(9).has_value();
  std::printf("more %d result %d\n", more_y, y.result());
  // CHECK-NEXT: more 0 result 9
  auto z = ret_yield();
  z.next();
  bool more_z = z.next().has_value();
  std::printf("more %d result %d\n", more_z, z.result());
  // CHECK-NEXT: more 0 result 0
}
