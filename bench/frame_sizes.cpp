// Prints the size of the frame the native C++20 compiler allocates for each
// generator of bench/generators.cpp; bench/frame_sizes.py puts it next to
// the lowered frame's sizeof from `coflat states`.
//
// The runtime has no hook for this: the program replaces the global
// operator new and records the size asked for while a generator is created.
// Creating one allocates its frame and nothing else (the body does not run
// before the first next(), and the arguments here allocate nothing).
#include "generators.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace {
bool measuring = false;
std::size_t last_size = 0;

template <class Gen> void report(const char* name, Gen (*make)()) {
  last_size = 0;
  measuring = true;
  auto g = make();
  measuring = false;
  std::printf("%s %zu\n", name, last_size);
}
} // namespace

void* operator new(std::size_t size) {
  if (measuring)
    last_size = size;
  if (void* p = std::malloc(size ? size : 1))
    return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

int main() {
  report("count", +[] { return native::count(1); });
  report("chain", +[] { return native::chain(1, 1); });
  report("accumulate", +[] { return native::accumulate(); });
  report("tagged", +[] { return native::tagged("t"); });
}
