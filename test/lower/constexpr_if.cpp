// An if constexpr whose branch suspends: its entry label stands before the
// statement (no jump may enter a branch), and each suspending branch
// dispatches to its own points, in braces when it is not a block.  In a
// template, the branch's objects have their types only where it is taken:
// a member class template gives them, else char.
// RUN: %coflat lower %s -- %flags | FileCheck %s
// RUN: %coflat lower %s -o %t.cpp -- %flags
// RUN: %clang17 -fsyntax-only %t.cpp
#include <coflat/generator.h>
#include <type_traits>

template <class T> coflat::generator<int> sizes(T x) {
  if constexpr (std::is_integral_v<T>)
    co_yield int(x);
  else
    co_yield int(x.size());
}

int main() {
  for (int v : sizes(3))
    (void)v;
}

// CHECK:      {{^  }}template <bool coflat_taken, class = void> struct coflat_type_coflat_op1 { using type = char; };
// CHECK-NEXT: {{^  }}template <class coflat_d> struct coflat_type_coflat_op1<true, coflat_d> { using type = coflat::detail::held_operand<decltype((int(x)))>; };
// CHECK-NEXT: {{^  }}union { typename coflat_type_coflat_op1<bool(std::is_integral_v<T>)>::type coflat_op1; };
// CHECK:      {{^  }}union { typename coflat_type_coflat_op2<!bool(std::is_integral_v<T>)>::type coflat_op2; };
// CHECK:      {{^  }}case 1: goto coflat_enter_[[IF:[0-9]+]];
// CHECK-NEXT: {{^  }}case 2: goto coflat_enter_[[IF]];
// CHECK:      coflat_enter_[[IF]]: { if constexpr (std::is_integral_v<T>) { switch (coflat_state) { case 1: goto coflat_enter_{{[0-9]+}}; default: break; }
// CHECK-SAME: else { switch (coflat_state) { case 2: goto coflat_enter_{{[0-9]+}}; default: break; }
