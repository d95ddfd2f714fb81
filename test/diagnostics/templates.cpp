// What the lowering of coroutine templates refuses, each at its place: a
// function parameter pack, a placeholder that cannot be deduced in the
// frame, a dependent value computed before a suspension, a lambda in a
// dependent operand, a closure kept across a suspension, and a suspension
// inside an if constexpr branch.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>

template <class... Ts> coflat::generator<int> each(Ts... args) {
  // CHECK: templates.cpp:[[@LINE-1]]:58: error: cannot lower: function parameter pack 'args' in a coroutine (not supported yet)
  co_yield sizeof...(args);
}

template <class T> coflat::generator<int> braced(T x) {
  auto l = {x, x};
  // CHECK: templates.cpp:[[@LINE-1]]:8: error: cannot lower: in a coroutine template, 'l' is declared with a placeholder form whose type cannot be deduced in the frame
  co_yield 1;
  co_yield int(l.size());
}

template <class T> T make(T);
template <class T> coflat::generator<int, int> spilled(T x) {
  co_yield make(x) + (co_yield 1);
  // CHECK: templates.cpp:[[@LINE-1]]:12: error: cannot lower: in a coroutine template, a value of dependent type is computed before a suspension point in the same expression (not supported yet); store it in a variable first
}

template <class T> coflat::generator<int> lambda_operand(T x) {
  co_yield [](T v) { return int(v); }(x);
  // CHECK: templates.cpp:[[@LINE-1]]:12: error: cannot lower: in a coroutine template, a lambda in the operand of co_yield / co_await
}

template <class T> coflat::generator<int> closure(T x) {
  auto f = [](T v) { return int(v); };
  // CHECK: templates.cpp:[[@LINE-1]]:8: error: cannot lower: an object of type 'lambda' lives across a suspension point, but its type is local to the function
  co_yield f(x);
  co_yield f(x);
}

template <class T> coflat::generator<int> constexpr_branch(T x) {
  if constexpr (sizeof(T) > 1)
    // CHECK: templates.cpp:[[@LINE-1]]:3: error: cannot lower: suspension inside a branch of 'if constexpr' (not supported yet)
    co_yield int(x);
}

int main() {
  each(1, 2);
  braced(1);
  spilled(1);
  lambda_operand(1);
  closure(1);
  constexpr_branch(1);
}
