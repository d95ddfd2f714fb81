// A structured binding that lives across a suspension in a coroutine
// template cannot be lowered (yet): its bindings are known only per
// instantiation.  (Outside templates it is lowered: run/structured_bindings.cpp;
// but not as a reference bound to a temporary, like any reference.)
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>
#include <map>
#include <utility>

template <class T> coflat::generator<T> g(std::pair<T, T> p) {
  auto [a, b] = p;
  co_yield a;
  co_yield b;
}

template <class K> coflat::generator<K> keys(std::map<K, int> m) {
  for (auto& [k, v] : m)
    co_yield k + K(v);
}

std::pair<int, int> make();
coflat::generator<int> extended() {
  const auto& [a, b] = make();
  co_yield a;
  co_yield b;
}

int main() {
  g(std::pair<int, int>(1, 2));
  keys(std::map<int, int>{});
}

// CHECK: {{.*}}structured_binding.cpp:13:8: error: cannot lower: in a coroutine template, or as a condition, a structured binding across a suspension point (not supported yet)
// CHECK-NEXT: {{^ *}}13 |   auto [a, b] = p;
// CHECK-NEXT: {{^ *\| *\^$}}
// CHECK: {{.*}}structured_binding.cpp:19:14: error: cannot lower: in a coroutine template, or as a condition, a structured binding across a suspension point (not supported yet)
// CHECK: {{.*}}structured_binding.cpp:25:15: error: cannot lower: reference '[a, b]' is bound to a temporary and lives across a suspension point
