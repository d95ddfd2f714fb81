// A range-for over a braced list whose body suspends (issue #9, bug 1):
// the list's array lives in the frame for the whole loop.  It used to be
// built in the frame's std::initializer_list and die at the end of that
// statement, so the loop read garbage.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include "tracer.h"

coflat::generator<int> literals() {
  for (int i : {1, 3, 2})
    co_yield i;
}
// CHECK: == literals
// CHECK-NEXT: 1
// CHECK-NEXT: 3
// CHECK-NEXT: 2

coflat::generator<int> computed(int base) {
  int k = 10;
  for (const int& i : {base, base * 2, k})
    co_yield i;
  for (auto x : {base + 1})
    co_yield x;
}
// CHECK: == computed
// CHECK-NEXT: 5
// CHECK-NEXT: 10
// CHECK-NEXT: 10
// CHECK-NEXT: 6

// Elements with destructors: built in order, destroyed in reverse after
// the loop, as the list's array is.
coflat::generator<int> traced() {
  for (const tracer& t : {tracer("a"), tracer("b")}) {
    std::printf("at %s\n", t.name.c_str());
    co_yield static_cast<int>(t.name.size());
  }
  std::printf("after the loop\n");
}
// CHECK: == traced
// CHECK-NEXT: +a
// CHECK-NEXT: +b
// CHECK-NEXT: at a
// CHECK-NEXT: 1
// CHECK-NEXT: at b
// CHECK-NEXT: 1
// CHECK-NEXT: -b
// CHECK-NEXT: -a
// CHECK-NEXT: after the loop

// Destroyed while suspended inside the loop: the array's elements go too.
coflat::generator<std::string> abandoned() {
  for (const tracer& t : {tracer("x"), tracer("y")})
    co_yield t.name;
}
// CHECK: == abandoned
// CHECK-NEXT: +x
// CHECK-NEXT: +y
// CHECK-NEXT: got x
// CHECK-NEXT: -y
// CHECK-NEXT: -x
// CHECK-NEXT: gone

int main() {
  std::printf("== literals\n");
  for (int v : literals())
    std::printf("%d\n", v);
  std::printf("== computed\n");
  for (int v : computed(5))
    std::printf("%d\n", v);
  std::printf("== traced\n");
  for (int v : traced())
    std::printf("%d\n", v);
  std::printf("== abandoned\n");
  {
    auto g = abandoned();
    std::printf("got %s\n", g.next()->c_str());
  }
  std::printf("gone\n");
}
