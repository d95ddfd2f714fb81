// A coroutine template cannot be lowered (yet).
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

template <class T>
coflat::generator<T> repeat(T v, int n) {
  for (int i = 0; i < n; ++i)
    co_yield v;
}

int main() {
  for (int x : repeat(1, 2))
    (void)x;
}

// CHECK: {{.*}}coroutine_template.cpp:8:22: error: cannot lower: coroutine templates are not supported yet
// CHECK-NEXT: {{^ *}}8 | coflat::generator<T> repeat(T v, int n) {
// CHECK-NEXT: {{^ *\| *\^$}}
// Reported once, not once per instantiation.
// CHECK-NOT: error:
