// A user class passed by value in a full-expression that suspends: the
// argument object would have to live until the end of the full-expression
// (after the resume), which the lowering cannot do without an extra move, so
// it is diagnosed, even when the argument is a moved variable (the parameter
// object is still a temporary of the full-expression).  Making the call in a
// statement of its own is the fix.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

#include "tracer.h"

coflat::generator<int, int, int> traced(tracer t) {
  co_yield 1;
  co_return 2;
}
int by_value(tracer t, int v);

coflat::generator<int, int> outer() {
  // In the delegated-to generator's arguments.
  int r = co_yield coflat::yield_from(traced(tracer("t")));
  // Before a suspension in the same call.
  by_value(tracer("u"), co_yield 2);
  // In a call that completes before the suspension.
  int s = by_value(tracer("w"), 3) + (co_yield 4);
  // A variable moved in: still a by-value parameter object.
  tracer t("t");
  int q = co_yield coflat::yield_from(traced(std::move(t)));
}

// The fix is accepted.
coflat::generator<int, int> fixed() {
  tracer t("t");
  auto sub = traced(std::move(t));
  int r = co_yield coflat::yield_from(std::move(sub));
  int w = by_value(tracer("w"), 3);
  int s = w + (co_yield 4);
}

// CHECK: {{.*}}by_value_class_argument.cpp:22:46: error: cannot lower: temporary of type 'tracer' is destroyed at the end of a full-expression that suspends, and it cannot be kept in the frame; compute it in a statement of its own
// CHECK-NEXT: {{^ *}}22 | {{.*}}traced(tracer("t"))
// CHECK-NEXT: {{^ *\| *\^$}}
// CHECK: {{.*}}by_value_class_argument.cpp:24:12: error: cannot lower:
// CHECK: {{.*}}by_value_class_argument.cpp:26:20: error: cannot lower: temporary of type 'tracer'
// CHECK: {{.*}}by_value_class_argument.cpp:29:46: error: cannot lower: temporary of type 'tracer'
// CHECK-NOT: by_value_class_argument.cpp:{{3[0-9]}}:
