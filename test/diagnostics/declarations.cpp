// Refusals of objects that would live in the frame: unnamed parameters
// written by a macro,
// references bound to temporaries.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>
#include <string>

// (An unnamed parameter is named by the lowering, unless a macro writes it.)
#define TWO_INTS int, int
coflat::generator<int> unnamed(TWO_INTS) { co_yield 1; }
// CHECK: declarations.cpp:[[@LINE-1]]:32: error: cannot lower: unnamed parameter written by a macro; give it a name (the frame keeps a copy of every parameter, and the function, which passes it, must name it)

std::string make();
coflat::generator<int> bound() {
  const std::string& r = make();
  // CHECK: declarations.cpp:[[@LINE-1]]:22: error: cannot lower: reference 'r' is bound to a temporary and lives across a suspension point; bind the value to a variable instead
  co_yield 1;
  co_yield static_cast<int>(r.size());
}

