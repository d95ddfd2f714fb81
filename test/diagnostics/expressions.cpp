// Refusals inside suspending expressions: what must be evaluated before
// the suspension and cannot be kept faithfully in the frame.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>
#include <initializer_list>
#include <string>

int sum(const std::initializer_list<int>& l, int k);
coflat::generator<int, int> list_temporary() {
  co_yield sum({1, 2}, co_yield 0);
  // CHECK: expressions.cpp:[[@LINE-1]]:16: error: cannot lower: a std::initializer_list temporary lives across a suspension point, but the array it refers to would not; use a std::array or a container instead
}

// An initializer_list passed by value would be a class-type value spilled
// before the suspension: refused as such.
int sum_by_value(std::initializer_list<int> l, int k);
coflat::generator<int, int> list_value() {
  co_yield sum_by_value({1, 2}, co_yield 0);
  // CHECK: expressions.cpp:[[@LINE-1]]:25: error: cannot lower: a class-type value ('std::initializer_list<int>') is computed before a suspension point
}

struct bits {
  int low : 4;
};
coflat::generator<int, int> bit_field(bits b) {
  b.low = co_yield 0;
  co_yield (b.low, co_yield 2);
  // CHECK: expressions.cpp:[[@LINE-1]]:13: error: cannot lower: a bit-field is evaluated before a suspension point in the same expression
}

int use(std::string s, int k);
std::string name();
coflat::generator<int, int> class_value() {
  co_yield use(name(), co_yield 1);
  // CHECK: expressions.cpp:[[@LINE-1]]:16: error: cannot lower: a class-type value ('std::string') is computed before a suspension point in the same expression and would need an extra move; store it in a variable first
}

coflat::generator<int, int> elvis(int n) {
  co_yield (n ?: co_yield 1);
  // CHECK: expressions.cpp:[[@LINE-1]]:13: error: cannot lower: suspension inside this kind of expression is not supported yet
}
