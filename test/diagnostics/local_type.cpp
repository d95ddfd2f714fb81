// An object of a function-local type (or of a type built from one, such as
// std::vector<L> or L[2]) cannot live in the frame, which is declared
// outside the function.  Each declaration is reported once (issue #9, bug
// 6: a range-for used to be reported three times, for its range, begin
// and end).
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>
#include <vector>

coflat::generator<int> g() {
  struct L { int v; };
  std::vector<L> ls{{1}, {2}};
  for (int i = 0; i < 2; ++i)
    co_yield ls[i].v;
  L a[2] = {{3}, {4}};
  for (int x : {a[0].v, a[1].v})
    co_yield x;
  for (L l : ls)
    co_yield l.v;
}

// CHECK: local_type.cpp:14:18: error: cannot lower: an object of type 'std::vector<L>' lives across a suspension point, but its type is local to the function and cannot be named in the coroutine frame
// CHECK-NEXT: {{^ *}}14 |
// CHECK-NEXT: {{^ *\| *\^$}}
// CHECK-NEXT: local_type.cpp:14:18: note: move the class out of the function
// CHECK-NEXT: local_type.cpp:17:5: error: cannot lower: an object of type 'L[2]' lives
// CHECK-NOT: 18:
// CHECK: local_type.cpp:20:3: error: cannot lower: an object of type 'std::vector<L> *' lives
// CHECK-NOT: 20:3: error
// CHECK: local_type.cpp:20:10: error: cannot lower: an object of type 'L' lives
// CHECK-NOT: error:
