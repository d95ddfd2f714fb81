// A member function coroutine defined outside its class cannot be lowered
// (yet): its frame is nested in the class, so the definition must be there.
// Diagnosed at the function's name, exit status 1, and no output at all,
// even though the file also has coroutines that could be lowered.
// (Static members: member_function_static.cpp; member coroutines defined in
// the class are lowered: run/member_functions.cpp.)
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
// RUN: sh -c '%coflat lower %s -o %t.out -- %flags 2>/dev/null; test $? -eq 1'
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

coflat::generator<int> fine(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}

struct counter {
  int limit;
  coflat::generator<int> inside() {
    co_yield limit;
  }
  coflat::generator<int> count();
};

coflat::generator<int> counter::count() {
  for (int i = 0; i < limit; ++i)
    co_yield i;
}

// CHECK: {{.*}}member_function.cpp:27:33: error: cannot lower: a member function coroutine must be defined inside its (non-local) class, where its frame can be nested
// CHECK-NEXT: {{^ *}}27 | coflat::generator<int> counter::count() {
// CHECK-NEXT: {{^ *\| *\^$}}
// CHECK-NEXT: note:
// CHECK: 1 error generated.
