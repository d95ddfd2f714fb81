// A for-loop condition variable whose scope contains a suspension cannot be
// lowered (yet).  (Condition variables of if and while across a suspension
// are lowered: run/condition_decls.cpp; one whose scope does not suspend is
// fine: run/boundary_accepted.cpp.)
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

int f();

coflat::generator<int> in_for() {
  for (int i = 0; int z = f() - i; ++i)
    co_yield z;
}

// CHECK: {{.*}}condition_variable.cpp:13:23: error: cannot lower: condition variable 'z' lives across a suspension point (not supported yet); declare it before the statement
// CHECK-NEXT: {{^ *}}13 |   for (int i = 0; int z = f() - i; ++i)
// CHECK-NEXT: {{^ *\| *\^$}}
// CHECK-NEXT: note:
// CHECK: 1 error generated.
