// Attributes written before a coroutine stay on the function, not on the
// frame struct that the lowering puts before it (found by the fuzzer:
// `[[maybe_unused]] coflat::task<int> f()` did not compile lowered).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <cstdio>

namespace {
[[maybe_unused]] coflat::generator<int> unused_gen() { co_yield 1; }

[[nodiscard, maybe_unused]] coflat::generator<int> two(int n) {
  co_yield n;
  co_yield n + 1;
}

__attribute__((unused)) coflat::task<int> answer() {
  co_await coflat::sleep(std::chrono::milliseconds(0));
  co_return 42;
}
} // namespace

struct holder {
  [[nodiscard]] coflat::generator<int> member() const { co_yield value; }
  int value = 7;
};

int main() {
  for (int v : two(3))
    std::printf("two %d\n", v);
  std::printf("answer %d\n", coflat::run(answer()));
  holder h;
  for (int v : h.member())
    std::printf("member %d\n", v);
}
// CHECK:      two 3
// CHECK-NEXT: two 4
// CHECK-NEXT: answer 42
// CHECK-NEXT: member 7
