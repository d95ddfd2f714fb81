// An `auto` local across a suspension whose deduced type Clang prints only
// with the standard library's internal names (std::find's result is
// `__gnu_cxx::__normal_iterator<...>` with libstdc++): the frame spells it
// as the initialiser's sugared subexpression does (std::vector<int>::iterator),
// so the libc++ build compiles too.  (Found while porting a find_if
// predicate; the libc++ build failed.)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <algorithm>
#include <cstdio>
#include <vector>

coflat::generator<int> after(std::vector<int> v, int x) {
  auto it = std::find(v.begin(), v.end(), x);
  co_yield int(it - v.begin());
  for (++it; it != v.end(); ++it)
    co_yield *it;
}

int main() {
  for (int x : after({4, 7, 1, 9}, 7))
    std::printf("%d\n", x);
}
// CHECK:      1
// CHECK-NEXT: 1
// CHECK-NEXT: 9
