// An `auto` local across a suspension whose deduced type Clang prints only
// with the standard library's internal names (std::find's result is
// `__gnu_cxx::__normal_iterator<...>` with libstdc++): the frame spells it
// as the initialiser's sugared subexpression does (std::vector<int>::iterator),
// so the libc++ build compiles too.  (Found while porting a find_if
// predicate; the libc++ build failed.)
// Likewise a temporary whose type is a library-internal alias (libstdc++'s
// std::make_unique returns `std::__detail::__unique_ptr_t<T>`) held across
// the co_yield that consumes it is spelled as what the alias stands for.
// (Found while porting an iterator-pair test of unique_ptr generators.)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

coflat::generator<int> after(std::vector<int> v, int x) {
  auto it = std::find(v.begin(), v.end(), x);
  co_yield int(it - v.begin());
  for (++it; it != v.end(); ++it)
    co_yield *it;
}

coflat::generator<std::unique_ptr<int>> boxes(int n) {
  for (int i = 0; i < n; ++i)
    co_yield std::make_unique<int>(i * 10);
}

int main() {
  for (int x : after({4, 7, 1, 9}, 7))
    std::printf("%d\n", x);
  for (const auto& box : boxes(2))
    std::printf("box %d\n", *box);
}
// CHECK:      1
// CHECK-NEXT: 1
// CHECK-NEXT: 9
// CHECK-NEXT: box 0
// CHECK-NEXT: box 10
