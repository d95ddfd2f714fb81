// Locals of disjoint scopes share frame storage (one anonymous union per
// slot) and still live and die exactly as in C++: each is constructed at its
// declaration and destroyed at its scope's end, or when the generator is
// destroyed while suspended in that scope.
// RUN: %run-all %s %t | FileCheck %s
// RUN: %coflat lower %s --no-line-directives -- %flags | FileCheck %s --check-prefix=SHAPE
#include <coflat/generator.h>

#include <cstdio>
#include <string>

#include "tracer.h"

coflat::generator<int> branches(bool first) {
  if (first) {
    tracer a("a");
    co_yield 1;
  } else {
    tracer b("b");
    std::string s = "bee";
    co_yield 2;
    std::printf("%s\n", s.c_str());
  }
  {
    tracer c("c");
    co_yield 3;
  }
}

// a, b and c are never alive together; each awaiter lives with its own
// scope's local, but not with the other branch's.
// SHAPE: {{^}}struct branches_frame final
// SHAPE-NEXT: {{^}}  bool first;
// SHAPE-NEXT: {{^}}  union { tracer a; tracer b; tracer c; };
// SHAPE-NEXT: {{^}}  union { {{.*}}yield_awaiter coflat_aw1; std::string s; {{.*}}yield_awaiter coflat_aw3; };
// SHAPE-NEXT: {{^}}  union { {{.*}}yield_awaiter coflat_aw2; };

int main() {
  for (int v : branches(true))
    std::printf("-> %d\n", v);
  for (int v : branches(false))
    std::printf("-> %d\n", v);
  {
    auto g = branches(false);
    g.next();
    std::printf("destroying in the else branch\n");
  }
  {
    auto g = branches(true);
    g.next();
    g.next();
    std::printf("destroying in the last block\n");
  }
}

// CHECK: +a
// CHECK-NEXT: -> 1
// CHECK-NEXT: -a
// CHECK-NEXT: +c
// CHECK-NEXT: -> 3
// CHECK-NEXT: -c
// CHECK-NEXT: +b
// CHECK-NEXT: -> 2
// CHECK-NEXT: bee
// CHECK-NEXT: -b
// CHECK-NEXT: +c
// CHECK-NEXT: -> 3
// CHECK-NEXT: -c
// CHECK-NEXT: +b
// CHECK-NEXT: destroying in the else branch
// CHECK-NEXT: -b
// CHECK-NEXT: +a
// CHECK-NEXT: -a
// CHECK-NEXT: +c
// CHECK-NEXT: destroying in the last block
// CHECK-NEXT: -c
