#include <coflat/coflat.h>
#include <coroutine>

// co_await in a generator is refused, as await in a Python generator is.
coflat::generator<int> items() {
  co_await std::suspend_always{};
  co_yield 1;
}

int main() {
  for (int v : items())
    (void)v;
}
