// What the lowering of coroutine templates refuses, each at its place: a
// suspension in a pack expansion, a pack before another template
// parameter, a pack named inside a type, a placeholder that cannot be
// deduced in the frame, a lambda in a dependent operand or a placeholder's
// initialiser, a lambda capturing a pack, a closure kept across a
// suspension, a suspending switch condition, an if constexpr around a
// suspension whose condition names a local or that has an init-statement.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <array>
#include <coflat/generator.h>

template <class... Ts> coflat::generator<int> each(Ts... args) {
  ((co_yield args), ...);
  // CHECK: templates.cpp:[[@LINE-1]]:5: error: cannot lower: suspension inside a pack expansion or a fold expression: it would be one suspension point per element of the pack
}

template <class... Ts> coflat::generator<int> pack_in_type(Ts... xs) {
  std::array<int, sizeof...(xs)> a{xs...};
  // CHECK: templates.cpp:[[@LINE-1]]:{{[0-9]+}}: error: cannot lower: the parameter pack 'xs' is named inside a type (decltype, a template argument)
  co_yield int(a.size());
}

template <class... Ts, class U> coflat::generator<int> pack_first(U u, Ts... ts) {
  // CHECK: templates.cpp:[[@LINE-1]]:20: error: cannot lower: parameter pack 'Ts' comes before another template parameter or parameter pack
  co_yield int(u) + int(sizeof...(ts));
}

template <class T> coflat::generator<int> braced(T x) {
  auto l = {x, x};
  // CHECK: templates.cpp:[[@LINE-1]]:8: error: cannot lower: in a coroutine template, 'l' is declared with a placeholder form whose type cannot be deduced in the frame
  co_yield 1;
  co_yield int(l.size());
}

template <class T> coflat::generator<int> lambda_operand(T x) {
  co_yield [](T v) { return int(v); }(x);
  // CHECK: templates.cpp:[[@LINE-1]]:12: error: cannot lower: in a coroutine template, a lambda in the operand of co_yield / co_await
}

template <class T> coflat::generator<int> lambda_in_init(T x) {
  auto n = [](T v) { return int(v); }(x);
  // CHECK: templates.cpp:[[@LINE-1]]:8: error: cannot lower: in a coroutine template, the type of 'n' is deduced from an expression with a lambda
  co_yield n;
}

template <class T> coflat::generator<int, T> switch_on_send(T x) {
  switch (co_yield int(x)) {
  // CHECK: templates.cpp:[[@LINE-1]]:11: error: cannot lower: in a coroutine template, suspension in a switch condition (not supported yet)
  case 1:
    co_yield 2;
  }
}

template <class... Ts> coflat::generator<int> pack_capture(Ts... xs) {
  co_yield 0;
  auto n = [xs...] { return int(sizeof...(xs)); }();
  // CHECK: templates.cpp:[[@LINE-1]]:13: error: cannot lower: a lambda captures the parameter pack 'xs'
  co_yield n;
}

template <class T> coflat::generator<int> closure(T x) {
  auto f = [](T v) { return int(v); };
  // CHECK: templates.cpp:[[@LINE-1]]:8: error: cannot lower: an object of type 'lambda' lives across a suspension point, but its type is local to the function
  co_yield f(x);
  co_yield f(x);
}

template <class T> coflat::generator<int> constexpr_local(T x) {
  constexpr bool big = sizeof(T) > 1;
  if constexpr (big)
    // CHECK: templates.cpp:[[@LINE-1]]:17: error: cannot lower: in a coroutine template, the condition of an 'if constexpr' around a suspension point names the local 'big'
    co_yield int(x);
}

template <class T> coflat::generator<int> constexpr_init(T x) {
  if constexpr (constexpr int n = sizeof(T); n > 1)
    // CHECK: templates.cpp:[[@LINE-1]]:3: error: cannot lower: 'if constexpr' with an init-statement around a suspension point (not supported yet)
    co_yield int(x) + n;
}

int main() {
  each(1, 2);
  pack_first<int>(1L, 2);
  pack_in_type(1, 2);
  braced(1);
  lambda_operand(1);
  closure(1);
  pack_capture(1, 2);
  lambda_in_init(1);
  switch_on_send(1);
  constexpr_local(1);
  constexpr_init(1);
}
