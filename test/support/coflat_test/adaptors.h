// A coroutine template in a header found through the include path
// (test/run/headers.cpp): lowered into the include tree.
#ifndef COFLAT_TEST_ADAPTORS_H
#define COFLAT_TEST_ADAPTORS_H

#include <coflat/generator.h>

namespace demo {

template <class G> coflat::generator<int> take(G g, int n) {
  if (n <= 0)
    co_return;
  for (auto v : g) {
    co_yield v;
    if (--n == 0)
      break;
  }
}

} // namespace demo

#endif
