// Variadic coroutine templates: a function parameter pack is kept in the
// frame (values moved in, references bound) and expanded in the body as
// written: sizeof..., braced lists, folds, forwarding calls; members of
// class templates and member templates with packs; an empty pack; a pack
// of move-only values and of values destroyed with the frame, in reverse;
// a trailing return type naming the pack; a braced list of the pack as a
// range; tasks.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

template <class... Ts> coflat::generator<int> each(Ts... xs) {
  co_yield int(sizeof...(xs));
  for (int x : {0, int(xs)...})
    co_yield x;
  co_yield (xs + ... + 0);
}

// Python's f(*args): forwarding references stay references.
template <class F, class... Args> coflat::generator<int> repeat(int n, F f, Args&&... args) {
  for (int i = 0; i < n; ++i)
    co_yield f(std::forward<Args>(args)...);
}

int measure(int a, std::string& s, long c) {
  s += "!";
  return a + int(s.size()) + int(c);
}

template <class... Ts> struct bag {
  coflat::generator<int> sizes(Ts... xs) const {
    co_yield int(sizeof...(Ts));
    co_yield int((sizeof(xs) + ...));
  }
  template <class... Us> coflat::generator<std::string> tagged(const Us&... us) const {
    std::string tag = "bag" + std::to_string(sizeof...(Ts));
    co_yield tag;
    for (const std::string& u : {std::string(us)...})
      co_yield tag + ":" + u;
  }
};

// Prints its destruction unless moved from (g++ and clang construct and
// destroy arguments in different orders; the frame's own copies are what
// is checked).
struct named {
  std::string name;
  explicit named(const char* n) : name(n) {}
  named(named&& o) noexcept : name(std::move(o.name)) { o.name.clear(); }
  ~named() {
    if (!name.empty())
      std::printf("-%s\n", name.c_str());
  }
};

template <class... Ts> coflat::generator<std::string> names(Ts... ts) {
  co_yield "begin";
  std::string all;
  ((all += ts.name + " "), ...);
  co_yield all;
}

template <class... Ps> coflat::generator<int> owned(Ps... ps) {
  co_yield (*ps + ...);
  co_yield int(sizeof...(ps));
}

template <class... Ts> auto total(Ts... xs) -> coflat::generator<decltype((xs + ...))> {
  co_yield (xs + ...);
  co_yield (xs * ...);
}

// itertools.chain(*its) for generators of one type, as the refusal of a
// suspension in a pack expansion suggests.
coflat::generator<int> upto(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}
template <class... Gs> coflat::generator<int> chain(Gs... gs) {
  for (auto* g : {&gs...})
    co_yield coflat::yield_from(std::move(*g));
}

using namespace std::chrono_literals;

template <class F, class... Args> coflat::task<int> delayed(F f, Args... args) {
  co_await coflat::sleep(1ms);
  co_return f(args...);
}

int add3(int a, int b, int c) { return a + b + c; }

coflat::task<> main_task() {
  int r = co_await delayed(add3, 1, 2, 3);
  std::printf("delayed %d\n", r);
  std::printf("delayed %d\n", co_await delayed([] { return 7; }));
}

int main() {
  for (int v : each(1, 2L, short(3)))
    std::printf("%d ", v);
  std::printf("\n");
  // CHECK: 3 0 1 2 3 6
  for (int v : each())
    std::printf("%d ", v);
  std::printf("\n");
  // CHECK-NEXT: 0 0 0
  std::string s = "ab";
  int one = 1;
  long ten = 10;
  for (int v : repeat(2, measure, one, s, std::move(ten)))
    std::printf("%d ", v);
  std::printf("%s\n", s.c_str());
  // CHECK-NEXT: 14 15 ab!!
  bag<char, int, double> b;
  for (int v : b.sizes('a', 7, 1.0))
    std::printf("%d ", v);
  std::printf("\n");
  // CHECK-NEXT: 3 13
  std::string y = "y";
  for (const std::string& t : b.tagged("x", y))
    std::printf("%s ", t.c_str());
  std::printf("\n");
  // CHECK-NEXT: bag3 bag3:x bag3:y
  {
    auto g = names(named("a"), named("b"));
    for (const std::string& n : g)
      std::printf("%s\n", n.c_str());
    std::printf("done\n");
  }
  // CHECK-NEXT: begin
  // CHECK-NEXT: a b
  // CHECK-NEXT: done
  // CHECK-NEXT: -b
  // CHECK-NEXT: -a
  for (int v : owned(std::make_unique<int>(4), std::make_unique<int>(5)))
    std::printf("%d ", v);
  std::printf("\n");
  // CHECK-NEXT: 9 2
  for (double v : total(1.5, 2, 4))
    std::printf("%g ", v);
  std::printf("\n");
  // CHECK-NEXT: 7.5 12
  for (int v : chain(upto(2), upto(3)))
    std::printf("%d ", v);
  std::printf("\n");
  // CHECK-NEXT: 0 1 0 1 2
  coflat::run(main_task());
  // CHECK-NEXT: delayed 6
  // CHECK-NEXT: delayed 7
}
