// Declarations in conditions and init-statements (if, switch, while, for)
// whose variables live across a co_yield.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include "tracer.h"

struct flag {
  tracer t;
  bool on;
  flag(const char* n, bool b) : t(n), on(b) {}
  explicit operator bool() const { return on; }
};

coflat::generator<int> conds() {
  if (flag f{"if1", true}) {
    co_yield 1;
    std::printf("in if %s\n", f.t.name.c_str());
  }
  if (flag f{"if2", false}) {
    co_yield -1;
  } else {
    co_yield 2;
    std::printf("in else %s\n", f.t.name.c_str());
  }
  if (tracer t("init"); t.name.size() == 4) {
    co_yield 3;
  }
  for (tracer t("forinit"); t.name.size() < 9; t.name += "x") {
    co_yield (int)t.name.size();
  }
  int n = 0;
  while (flag f{"w", n < 2}) {
    co_yield 10 + n;
    ++n;
  }
}

void test_conds() {
  std::printf("== conds\n");
  auto g = conds();
  while (auto v = g.next())
    std::printf("got %d\n", *v);
  std::printf("done\n");
}
// CHECK: == conds
// CHECK-NEXT: +if1
// CHECK-NEXT: got 1
// CHECK-NEXT: in if if1
// CHECK-NEXT: -if1
// CHECK-NEXT: +if2
// CHECK-NEXT: got 2
// CHECK-NEXT: in else if2
// CHECK-NEXT: -if2
// CHECK-NEXT: +init
// CHECK-NEXT: got 3
// CHECK-NEXT: -init
// CHECK-NEXT: +forinit
// CHECK-NEXT: got 7
// CHECK-NEXT: got 8
// CHECK-NEXT: -forinitxx
// CHECK-NEXT: +w
// CHECK-NEXT: got 10
// CHECK-NEXT: -w
// CHECK-NEXT: +w
// CHECK-NEXT: got 11
// CHECK-NEXT: -w
// CHECK-NEXT: +w
// CHECK-NEXT: -w
// CHECK-NEXT: done

int main() {
  test_conds();
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
