// Refusals of objects that would live in the frame: unnamed parameters,
// references bound to temporaries.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>
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

