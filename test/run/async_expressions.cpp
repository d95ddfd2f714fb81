// co_await inside expressions keeps C++17 sequencing: what is evaluated
// before a suspension is spilled, not evaluated again; && || ?: only await
// on the branch taken; temporaries of a suspending full-expression live
// until its end (after the resume).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include "tracer.h"

using namespace std::chrono_literals;

coflat::task<int> value(const char* what, int v) {
  std::printf("value %s\n", what);
  co_await coflat::sleep(0s);
  co_return v;
}

int counted(const char* what, int v) {
  std::printf("eval %s\n", what);
  return v;
}

int add3(int a, int b, int c) { return a + b + c; }
std::string label(const tracer& t, int n) { return t.name + "#" + std::to_string(n); }

coflat::task<std::string> body() {
  int x = 0;
  x = counted("lhs", 1) + co_await value("rhs", 2); // left operand first
  std::printf("x=%d\n", x);
  std::printf("call %d\n", add3(counted("arg1", 10), co_await value("arg2", 20), counted("arg3", 30)));
  bool f = false;
  if (f && co_await value("never", 1))
    std::puts("unreachable");
  if (!f || co_await value("never either", 1))
    std::puts("or short-circuits");
  int c = x > 2 ? co_await value("then", 100) : co_await value("else", 200);
  std::printf("c=%d\n", c);
  std::cout << "chain " << counted("first", 1) << " " << co_await value("second", 2) << " "
            << counted("third", 3) << "\n";
  std::printf("temp %s\n", label(tracer("tmp"), co_await value("with temp", 5)).c_str());
  std::puts("after temp");
  x += co_await value("compound", 4);
  std::printf("x=%d\n", x);
  co_return std::to_string(co_await value("ret", 6)) + "!";
}

coflat::task<> main_task() { std::printf("result %s\n", (co_await body()).c_str()); }

int main() { coflat::run(main_task()); }

// CHECK: eval lhs
// CHECK-NEXT: value rhs
// CHECK-NEXT: x=3
// CHECK-NEXT: eval arg1
// CHECK-NEXT: value arg2
// CHECK-NEXT: eval arg3
// CHECK-NEXT: call 60
// CHECK-NEXT: or short-circuits
// CHECK-NEXT: value then
// CHECK-NEXT: c=100
// C++17: each << is done before the next operand is evaluated.
// CHECK-NEXT: chain eval first
// CHECK-NEXT: 1 value second
// CHECK-NEXT: 2 eval third
// CHECK-NEXT: 3
// CHECK-NEXT: +tmp
// CHECK-NEXT: value with temp
// CHECK-NEXT: temp tmp#5
// CHECK-NEXT: -tmp
// CHECK-NEXT: after temp
// CHECK-NEXT: value compound
// CHECK-NEXT: x=7
// CHECK-NEXT: value ret
// CHECK-NEXT: result 6!
