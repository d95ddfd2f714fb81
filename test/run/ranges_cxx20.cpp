// In C++20 a generator is a std::ranges::input_range and a (move-only)
// view, as std::generator: std::ranges algorithms take it, and a prvalue
// or a moved generator composes with views.  The lowered output is built
// as C++20 (without coroutines) here, since std::ranges is C++20.
// RUN: %run-all --std=c++20 %s %t | FileCheck %s
#include <coflat/generator.h>
#include <algorithm>
#include <cstdio>
#include <ranges>
#include <string>
#include <utility>
#include <vector>

static_assert(std::ranges::input_range<coflat::generator<int>>);
static_assert(std::ranges::view<coflat::generator<int>>);
static_assert(std::ranges::view<coflat::generator<const std::string, int, bool>>);
static_assert(std::ranges::common_range<coflat::generator<int>>);

coflat::generator<int> naturals() {
  for (int i = 0;; ++i)
    co_yield i;
}

coflat::generator<std::string> lines() {
  co_yield "one";
  co_yield "two";
  co_yield "three";
  co_yield "four";
}

struct is_even {
  bool operator()(int x) const { return x % 2 == 0; }
};
struct below {
  int n;
  bool operator()(int x) const { return x < n; }
};

// The view is named before the co_yield: the adaptor closures of a
// pipeline written in the co_yield would be temporaries across the
// suspension, of types only the library's internal names spell.
coflat::generator<int> evens_below(int n) {
  auto evens = naturals() | std::views::filter(is_even{}) | std::views::take_while(below{n});
  co_yield coflat::yield_from(evens);
  co_yield -1;
}

int main() {
  std::printf("squares:");
  for (int x : naturals() | std::views::transform([](int x) { return x * x; }) | std::views::take(5))
    std::printf(" %d", x);
  std::printf("\n");

  auto g = lines();
  auto it = std::ranges::find_if(g, [](const std::string& s) { return s.size() > 3; });
  std::printf("first long line: %s\n", it->c_str());

  auto h = lines();
  std::printf("count of lines with o: %d\n",
              static_cast<int>(std::ranges::count_if(h, [](const std::string& s) {
                return s.find('o') != std::string::npos;
              })));

  std::vector<int> v;
  std::ranges::copy(evens_below(9), std::back_inserter(v));
  std::printf("evens below 9:");
  for (int x : v)
    std::printf(" %d", x);
  std::printf("\n");

  auto moved = lines();
  for (const std::string& s : std::move(moved) | std::views::drop(2))
    std::printf("dropped to %s\n", s.c_str());
}
// CHECK:      squares: 0 1 4 9 16
// CHECK-NEXT: first long line: three
// CHECK-NEXT: count of lines with o: 3
// CHECK-NEXT: evens below 9: 0 2 4 6 8 -1
// CHECK-NEXT: dropped to three
// CHECK-NEXT: dropped to four
