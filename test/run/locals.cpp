// Locals of any type living across co_yield: non-copyable, non-movable,
// non-default-constructible (pinned), std::string, std::vector, unique_ptr,
// tracer; constructed at their declaration, destroyed in reverse order.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>
#include "tracer.h"

coflat::generator<int> pinned_local() {
  std::printf("start\n");
  pinned p(1);
  co_yield p.value;
  p.value = 2;
  co_yield p.value;
  pinned q(p.value + 10);
  co_yield q.value;
  std::printf("leaving\n");
}

void test_pinned() {
  std::printf("== pinned\n");
  auto g = pinned_local();
  while (auto v = g.next())
    std::printf("got %d\n", *v);
  std::printf("done %d\n", (int)g.done());
}
// CHECK: == pinned
// CHECK-NEXT: start
// CHECK-NEXT: +pinned 1
// CHECK-NEXT: got 1
// CHECK-NEXT: got 2
// CHECK-NEXT: +pinned 12
// CHECK-NEXT: got 12
// CHECK-NEXT: leaving
// CHECK-NEXT: -pinned 12
// CHECK-NEXT: -pinned 2
// CHECK-NEXT: done 1

coflat::generator<std::string> library_types() {
  std::string s = "abc";
  std::vector<int> v{1, 2, 3};
  std::unique_ptr<tracer> up = std::make_unique<tracer>("heap");
  co_yield s + ":" + std::to_string(v.size()) + ":" + up->name;
  s += "def";
  v.push_back(4);
  up.reset(new tracer("heap2"));
  co_yield s + ":" + std::to_string(v.size()) + ":" + up->name;
  std::string big(100, 'x');
  co_yield std::to_string(big.size()) + s;
  v.clear();
  co_yield std::to_string(v.size());
}

void test_library_types() {
  std::printf("== library_types\n");
  auto g = library_types();
  while (auto v = g.next())
    std::printf("got %s\n", v->c_str());
}
// CHECK-NEXT: == library_types
// CHECK-NEXT: +heap
// CHECK-NEXT: got abc:3:heap
// CHECK-NEXT: +heap2
// CHECK-NEXT: -heap
// CHECK-NEXT: got abcdef:4:heap2
// CHECK-NEXT: got 100abcdef
// CHECK-NEXT: got 0
// CHECK-NEXT: -heap2

// Tracers in nested scopes: each destroyed at its scope's exit, in reverse
// order of construction.
coflat::generator<int> tracers() {
  tracer a("a");
  co_yield 1;
  {
    tracer b("b");
    tracer c("c");
    co_yield 2;
    std::printf("inner end\n");
  }
  tracer d("d");
  co_yield 3;
  {
    tracer e("e");
    std::printf("no yield here\n");
  }
  co_yield 4;
}

void test_tracers() {
  std::printf("== tracers\n");
  auto g = tracers();
  while (auto v = g.next())
    std::printf("got %d\n", *v);
  std::printf("after loop\n");
}
// CHECK-NEXT: == tracers
// CHECK-NEXT: +a
// CHECK-NEXT: got 1
// CHECK-NEXT: +b
// CHECK-NEXT: +c
// CHECK-NEXT: got 2
// CHECK-NEXT: inner end
// CHECK-NEXT: -c
// CHECK-NEXT: -b
// CHECK-NEXT: +d
// CHECK-NEXT: got 3
// CHECK-NEXT: +e
// CHECK-NEXT: no yield here
// CHECK-NEXT: -e
// CHECK-NEXT: got 4
// CHECK-NEXT: -d
// CHECK-NEXT: -a
// CHECK-NEXT: after loop

// A local initialised from a copy and a move of another local.
coflat::generator<int> copies() {
  tracer a("x");
  tracer b = a;
  co_yield 1;
  tracer c = std::move(a);
  co_yield 2;
}

void test_copies() {
  std::printf("== copies\n");
  auto g = copies();
  while (auto v = g.next())
    std::printf("got %d\n", *v);
}
// CHECK-NEXT: == copies
// CHECK-NEXT: +x
// CHECK-NEXT: +x' (copy)
// CHECK-NEXT: got 1
// CHECK-NEXT: +x~ (move)
// CHECK-NEXT: got 2
// CHECK-NEXT: -x~
// CHECK-NEXT: -x'
// CHECK-NEXT: -x

int main() {
  test_pinned();
  test_library_types();
  test_tracers();
  test_copies();
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
