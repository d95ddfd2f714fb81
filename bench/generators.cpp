// Generators measured by bench/: this one file is built twice, natively as
// C++20 coroutines (namespace native) and lowered by coflat as C++17
// (namespace lowered), so both run the same source.
#include "generators.h"

namespace COFLAT_BENCH_NS {

coflat::generator<int> count(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}

coflat::generator<int> chain(int depth, int n) {
  if (depth == 0) {
    for (int i = 0; i < n; ++i)
      co_yield i;
    co_return;
  }
  co_yield coflat::yield_from(chain(depth - 1, n));
}

coflat::generator<int, int, int> accumulate() {
  int total = 0;
  for (;;) {
    int v = co_yield total;
    if (v < 0)
      co_return total;
    total += v;
  }
}

// A generator with the shapes of real code: a string, a loop, a try block,
// and a sent value (for the frame size comparison).
coflat::generator<std::string, int, int> tagged(std::string tag) {
  int total = 0;
  for (int round = 0; round < 3; ++round) {
    std::string label = tag + std::to_string(round);
    try {
      total += co_yield label;
    } catch (const std::exception&) {
      co_return -1;
    }
  }
  co_return total;
}

} // namespace COFLAT_BENCH_NS
