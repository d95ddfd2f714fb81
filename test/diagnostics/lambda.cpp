// A lambda coroutine cannot be lowered (yet): it must be diagnosed, not
// passed through unchanged (co_yield is not C++17).
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

int main() {
  auto make = [](int n) -> coflat::generator<int> {
    for (int i = 0; i < n; ++i)
      co_yield i;
  };
  for (int x : make(3))
    (void)x;
}

// CHECK: {{.*}}lambda.cpp:9:{{[0-9]+}}: error: cannot lower: lambda coroutines are not supported yet
