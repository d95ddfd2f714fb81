// Refusals of macros: a suspension written in a macro, a frame variable
// named in a macro's body, and a coroutine whose definition is a macro.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>

#define YIELD(x) co_yield (x)
coflat::generator<int> yield_in_macro() { YIELD(1); }
// CHECK: macros.cpp:[[@LINE-1]]:43: error: cannot lower: co_yield / co_await written inside a macro

#define TWICE_R (r * 2)
coflat::generator<int> frame_name_in_macro(int n) {
  int& r = n;
  co_yield 1;
  co_yield TWICE_R;
  // CHECK: macros.cpp:[[@LINE-1]]:12: error: cannot lower: a frame variable or suspension is used inside a macro's body; pass it to the macro as an argument, or expand the macro by hand
}

#define GEN_HEAD(name) coflat::generator<int> name()
GEN_HEAD(from_macro) { co_yield 1; }
// CHECK: macros.cpp:[[@LINE-1]]:10: error: cannot lower: coroutine defined by a macro
