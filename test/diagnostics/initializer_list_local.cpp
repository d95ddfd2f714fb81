// A std::initializer_list variable that lives across a suspension cannot be
// lowered faithfully: C++ extends its array's lifetime only to a variable's,
// and the frame's copy is no variable (issue #9, bug 1).  Copying a list
// that someone else owns is fine, and so is a braced list as the range of
// a range-for (run/initializer_list.cpp).
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
// `states` refuses the same.
// RUN: %not %coflat states %s -- %flags 2>&1 | FileCheck %s
#include <coflat/generator.h>
#include <initializer_list>

coflat::generator<int> g() {
  std::initializer_list<int> l = {4, 5, 6};
  co_yield 0;
  for (int i : l)
    co_yield i;
}

// CHECK: {{.*}}initializer_list_local.cpp:15:30: error: cannot lower: std::initializer_list 'l' lives across a suspension point, but the array it refers to would not; use a std::array or a container instead
// CHECK-NOT: error:
