// Temporaries of a full-expression that suspends live until the end of that
// full-expression, i.e. across the suspension (they are in the frame): they
// are destroyed after the generator resumes, or when it is destroyed while
// suspended.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include "tracer.h"

const std::string& name_of(const tracer& t) { return t.name; }
tracer copy_of(const tracer& t) { return t; }

coflat::generator<std::string> temps() {
  co_yield name_of(tracer("t1"));
  std::printf("after first\n");
  co_yield name_of(copy_of(tracer("t2"))) + "!";
  std::printf("after second\n");
}

int main() {
  std::printf("== resume\n");
  {
    auto g = temps();
    while (auto v = g.next())
      std::printf("got %s\n", v->c_str());
  }
  // CHECK: == resume
  // CHECK-NEXT: +t1
  // CHECK-NEXT: got t1
  // CHECK-NEXT: -t1
  // CHECK-NEXT: after first
  // CHECK-NEXT: +t2
  // CHECK-NEXT: +t2' (copy)
  // CHECK-NEXT: got t2'!
  // CHECK-NEXT: -t2'
  // CHECK-NEXT: -t2
  // CHECK-NEXT: after second
  std::printf("== destroy\n");
  {
    auto g = temps();
    g.next();
    g.next();
    std::printf("destroy\n");
  }
  // CHECK-NEXT: == destroy
  // CHECK-NEXT: +t1
  // CHECK-NEXT: -t1
  // CHECK-NEXT: after first
  // CHECK-NEXT: +t2
  // CHECK-NEXT: +t2' (copy)
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -t2'
  // CHECK-NEXT: -t2
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
