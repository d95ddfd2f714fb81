// Refusals of objects that would live in the frame: unnamed parameters,
// references bound to temporaries, structured bindings as range-for
// variables, and lambdas capturing frame variables.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>
#include <map>
#include <string>

coflat::generator<int> unnamed(int) { co_yield 1; }
// CHECK: declarations.cpp:[[@LINE-1]]:35: error: cannot lower: unnamed parameter; give it a name (the frame keeps a copy of every parameter)

std::string make();
coflat::generator<int> bound() {
  const std::string& r = make();
  // CHECK: declarations.cpp:[[@LINE-1]]:22: error: cannot lower: reference 'r' is bound to a temporary and lives across a suspension point; bind the value to a variable instead
  co_yield 1;
  co_yield static_cast<int>(r.size());
}

coflat::generator<int> bindings(std::map<int, int> m) {
  for (auto [k, v] : m)
    // CHECK: declarations.cpp:[[@LINE-1]]:13: error: cannot lower: structured binding as a range-for variable across a suspension point (not supported yet)
    co_yield k + v;
}

coflat::generator<int> captures() {
  int x = 1;
  co_yield x;
  int y = 0;
  {
    auto f = [x] { return x; };
    // CHECK: declarations.cpp:[[@LINE-1]]:15: error: cannot lower: a lambda captures 'x', which lives in the coroutine frame; copy it into a local declared after the last suspension, or pass it as an argument
    y = f();
  }
  co_yield y;
}
