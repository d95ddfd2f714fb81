// Coroutines in a header found beside its includer (test/run/headers.cpp).
#ifndef COFLAT_TEST_GENERATORS_H
#define COFLAT_TEST_GENERATORS_H

#include <coflat/generator.h>
#include "scale.h" // beside this header: copied with it

namespace demo {

inline coflat::generator<int> evens(int n) {
  for (int i = 0; i < n; ++i)
    co_yield scaled(i, 2);
}

struct counter {
  int base;
  coflat::generator<int> count(int n) const {
    for (int i = 0; i < n; ++i)
      co_yield base + i;
  }
};

template <class T> struct box {
  T value;
  coflat::generator<T> twice() const {
    co_yield value;
    co_yield value + value;
  }
};

} // namespace demo

#endif
