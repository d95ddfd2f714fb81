// A suspending condition whose statement's parts are unbraced expression
// statements (the then/else branches, the loop body, a for-init expression):
// the lowered statement must keep their semicolons.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

coflat::generator<int, int> unbraced() {
  if (co_yield 1)
    std::printf("then\n");
  else
    std::printf("else\n");
  int n = 0;
  while (co_yield 2)
    ++n;
  std::printf("n=%d\n", n);
  int i = 0;
  for (std::printf("init\n"); co_yield 3; ++i)
    std::printf("body %d\n", i);
  do
    std::printf("do\n");
  while (co_yield 4);
}

int main() {
  auto g = unbraced();
  std::printf("-> %d\n", *g.next());
  for (int s : {1, 1, 0, 1, 1, 0, 1})
    std::printf("send %d -> %d\n", s, *g.send(s));
  std::printf("more %d\n", g.send(0).has_value());
  // CHECK:      -> 1
  // CHECK-NEXT: then
  // CHECK-NEXT: send 1 -> 2
  // CHECK-NEXT: send 1 -> 2
  // CHECK-NEXT: n=1
  // CHECK-NEXT: init
  // CHECK-NEXT: send 0 -> 3
  // CHECK-NEXT: body 0
  // CHECK-NEXT: send 1 -> 3
  // CHECK-NEXT: body 1
  // CHECK-NEXT: send 1 -> 3
  // CHECK-NEXT: do
  // CHECK-NEXT: send 0 -> 4
  // CHECK-NEXT: do
  // CHECK-NEXT: send 1 -> 4
  // CHECK-NEXT: more 0
}
