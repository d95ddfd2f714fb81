// A generator's iterator is its own end, so iterator-pair algorithms take
// begin() and end() of a generator in C++17: container constructors,
// <numeric>, <algorithm>, std::copy into an inserter.  The iterator points
// at the value in the yielding frame: range-for by reference copies
// nothing, a move-only value can be moved out, and the value lives until
// the next step, in a delegation chain too.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

coflat::generator<int> count(int from, int to) {
  for (int i = from; i < to; ++i)
    co_yield i;
}

coflat::generator<const std::string> words() {
  co_yield "alpha";
  co_yield "beta";
  co_yield "gamma";
}

coflat::generator<std::unique_ptr<int>> boxes(int n) {
  for (int i = 0; i < n; ++i)
    co_yield std::make_unique<int>(i * 10);
}

struct tracer {
  int id;
  explicit tracer(int i) : id(i) { std::printf("  make %d\n", id); }
  tracer(const tracer& o) : id(o.id + 100) { std::printf("  copy %d\n", id); }
  tracer(tracer&& o) noexcept : id(o.id) { std::printf("  move %d\n", id); }
  ~tracer() { std::printf("  ~%d\n", id); }
};

coflat::generator<tracer> tracers(int n) {
  for (int i = 1; i <= n; ++i) {
    co_yield tracer(i);
    std::printf("  resumed after %d\n", i);
  }
}

coflat::generator<int> chain() {
  co_yield 1;
  co_yield coflat::yield_from(count(2, 5));
  co_yield coflat::yield_from(std::vector<int>{5, 6});
  co_yield 7;
}

int main() {
  auto g = count(0, 6);
  std::vector<int> v(g.begin(), g.end());
  std::printf("vector:");
  for (int x : v)
    std::printf(" %d", x);
  std::printf("\n");

  auto h = count(1, 11);
  std::printf("accumulate: %d\n", std::accumulate(h.begin(), h.end(), 0));

  auto f = count(0, 100);
  auto it = std::find_if(f.begin(), f.end(), [](int x) { return x * x > 50; });
  std::printf("find_if: %d\n", *it);
  ++it;
  std::printf("after it: %d, done %d\n", *it, f.done());

  auto c = chain();
  std::printf("distance of the chain: %d\n", static_cast<int>(std::distance(c.begin(), c.end())));

  std::set<std::string> s;
  auto w = words();
  std::copy(w.begin(), w.end(), std::inserter(s, s.end()));
  std::printf("set:");
  for (const std::string& x : s)
    std::printf(" %s", x.c_str());
  std::printf("\n");

  std::vector<std::unique_ptr<int>> owned;
  auto b = boxes(3);
  for (auto bit = b.begin(); bit != b.end(); ++bit)
    owned.push_back(std::move(*bit));
  std::printf("moved out:");
  for (const auto& p : owned)
    std::printf(" %d", *p);
  std::printf("\n");

  std::printf("by reference:\n");
  for (const tracer& t : tracers(2))
    std::printf("  body %d\n", t.id);
  std::printf("by value:\n");
  for (tracer t : tracers(1))
    std::printf("  body %d\n", t.id);

  auto m = count(0, 4);
  auto mit = m.begin();
  std::printf("mixed: %d", *mit);
  std::printf(" next %d", *m.next());
  ++mit;
  std::printf(" then %d", *mit);
  ++mit;
  std::printf(" end %d\n", mit == m.end());
}
// CHECK:      vector: 0 1 2 3 4 5
// CHECK-NEXT: accumulate: 55
// CHECK-NEXT: find_if: 8
// CHECK-NEXT: after it: 9, done 0
// CHECK-NEXT: distance of the chain: 7
// CHECK-NEXT: set: alpha beta gamma
// CHECK-NEXT: moved out: 0 10 20
// CHECK-NEXT: by reference:
// CHECK-NEXT:   make 1
// CHECK-NEXT:   move 1
// CHECK-NEXT:   body 1
// CHECK-NEXT:   ~1
// CHECK-NEXT:   ~1
// CHECK-NEXT:   resumed after 1
// CHECK-NEXT:   make 2
// CHECK-NEXT:   move 2
// CHECK-NEXT:   body 2
// CHECK-NEXT:   ~2
// CHECK-NEXT:   ~2
// CHECK-NEXT:   resumed after 2
// CHECK-NEXT: by value:
// CHECK-NEXT:   make 1
// CHECK-NEXT:   move 1
// CHECK-NEXT:   copy 101
// CHECK-NEXT:   body 101
// CHECK-NEXT:   ~101
// CHECK-NEXT:   ~1
// CHECK-NEXT:   ~1
// CHECK-NEXT:   resumed after 1
// CHECK-NEXT: mixed: 0 next 1 then 2 end 0
