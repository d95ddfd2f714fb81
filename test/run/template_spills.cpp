// Values of dependent type computed before a suspension in the same
// expression, in a coroutine template: a prvalue is held in the frame, a
// glvalue by its address (an element, a member reached through a call), a
// conditional operator's value after the branch that suspends; a dependent
// member call's object is kept, not its bound function.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <vector>

template <class T> T twice(T v) { return v * 2; }

template <class T> struct cell {
  T value;
  T& ref() { return value; }
  T add(T a, T b) const { return value + a + b; }
};

template <class T> coflat::generator<T, T> spilled(T x, std::vector<T> v, cell<T> c) {
  co_yield twice(x) + (co_yield 1);
  co_yield v[0] + (co_yield 2);
  T r = (x > 1 ? co_yield 3 : twice(x)) + v.back();
  co_yield r;
  co_yield c.add(c.ref(), co_yield 4);
  co_yield c.ref() + (co_yield 5);
}

int main() {
  auto g = spilled(5L, std::vector<long>{7, 8}, cell<long>{100});
  std::printf("%ld", *g.next());
  for (long i = 0;; ++i) {
    auto v = g.send(10 + i);
    if (!v)
      break;
    std::printf(" %ld", *v);
  }
  std::printf("\n");
  // CHECK: 1 20 2 19 3 22 4 216 5 118
}
