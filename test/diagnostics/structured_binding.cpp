// A structured binding that lives across a suspension cannot be lowered
// (yet).  (One whose scope does not suspend is fine:
// run/boundary_accepted.cpp.)
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>
#include <utility>

std::pair<int, int> f();

coflat::generator<int> g() {
  auto [a, b] = f();
  co_yield a;
  co_yield b;
}

// CHECK: {{.*}}structured_binding.cpp:13:8: error: cannot lower: structured binding across a suspension point (not supported yet)
// CHECK-NEXT: {{^ *}}13 |   auto [a, b] = f();
// CHECK-NEXT: {{^ *\| *\^$}}
