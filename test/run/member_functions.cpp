// Generators that are member functions (the implicit object parameter is a
// reference: the object's later changes are visible), static members, and
// generators with default arguments.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include "tracer.h"

class counter {
public:
  explicit counter(int step) : step_(step) {}
  coflat::generator<int> count(int n) {
    for (int i = 0; i < n; ++i) {
      co_yield value_;
      value_ += step_;
    }
  }
  coflat::generator<int> count_const(int n) const {
    for (int i = 0; i < n; ++i)
      co_yield value_ + i;
  }
  static coflat::generator<int> twice(int v, int times = 2) {
    for (int i = 0; i < times; ++i)
      co_yield v;
  }
  int step_;
  int value_ = 0;
};

int main() {
  counter c(5);
  {
    auto g = c.count(3);
    std::printf("got %d\n", *g.next());
    c.step_ = 100;
    std::printf("got %d\n", *g.next());
    std::printf("got %d\n", *g.next());
    int more = g.next().has_value(); // before reading value_: g++ evaluates arguments right to left
    std::printf("end %d value %d\n", more, c.value_);
  }
  // CHECK: got 0
  // CHECK-NEXT: got 100
  // CHECK-NEXT: got 200
  // CHECK-NEXT: end 0 value 300
  for (int v : static_cast<const counter&>(c).count_const(2))
    std::printf("const %d\n", v);
  // CHECK-NEXT: const 300
  // CHECK-NEXT: const 301
  for (int v : counter::twice(7))
    std::printf("twice %d\n", v);
  // CHECK-NEXT: twice 7
  // CHECK-NEXT: twice 7
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
