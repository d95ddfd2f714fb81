// A co_yield in a switch condition cannot be lowered (yet); a co_yield in
// the switch's body can (run/boundary_accepted.cpp).
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

coflat::generator<int, int> g() {
  switch (co_yield 1) {
  case 0:
    co_yield 10;
    break;
  default:
    break;
  }
}

// CHECK: {{.*}}switch_condition.cpp:9:11: error: cannot lower: suspension in a switch condition (not supported yet); store the value in a variable first
// CHECK-NEXT: {{^ *}}9 |   switch (co_yield 1) {
// CHECK-NEXT: {{^ *\| *\^$}}
