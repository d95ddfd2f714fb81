// Coroutines in a header included by the three sources of the target: a
// coroutine template, an inline generator, and a member of a class template.
#pragma once
#include <coflat/coflat.h>

namespace app {

template <class T> coflat::generator<T> upto(T n) {
  for (T i = 1; i <= n; ++i)
    co_yield i;
}

inline coflat::generator<int> evens(int n) {
  for (int i : upto(n))
    if (i % 2 == 0)
      co_yield i;
}

template <class T> struct pair_of {
  T a, b;
  coflat::generator<T> both() const {
    co_yield a;
    co_yield b;
  }
};

template <class G> auto sum(G g) {
  decltype(*g.begin() + 0) s = 0;
  for (auto v : g)
    s += v;
  return s;
}

} // namespace app
