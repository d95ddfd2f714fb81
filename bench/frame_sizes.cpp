// Prints the size of the frame the native C++20 compiler allocates for each
// generator of bench/generators.cpp (through the runtime's promise
// operator new); bench/frame_sizes.py puts it next to the lowered frame's
// sizeof from `coflat states`.
#include "generators.h"

#include <cstdio>

namespace {
template <class Gen> void report(const char* name, Gen (*make)()) {
  auto g = make();
  std::printf("%s %zu\n", name, coflat::detail::last_native_frame_size);
}
} // namespace

int main() {
  report("count", +[] { return native::count(1); });
  report("chain", +[] { return native::chain(1, 1); });
  report("accumulate", +[] { return native::accumulate(); });
  report("tagged", +[] { return native::tagged("t"); });
}
