// co_yield coflat::yield_from(range): each element of a range is yielded in
// turn; an lvalue range is walked in place (by reference), a temporary range
// is kept alive until the delegation ends.  (The number of moves of a
// temporary range is the runtime's; the lowered code must add none.)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

struct traced_vector {
  std::vector<int> v;
  explicit traced_vector(std::vector<int> x) : v(std::move(x)) { std::printf("+traced_vector\n"); }
  traced_vector(traced_vector&& o) noexcept : v(std::move(o.v)) { std::printf("+traced_vector (move)\n"); }
  ~traced_vector() { std::printf("-traced_vector\n"); }
  std::vector<int>::const_iterator begin() const { return v.begin(); }
  std::vector<int>::const_iterator end() const { return v.end(); }
};

traced_vector make_traced() { return traced_vector({1, 2}); }

coflat::generator<int> from_lvalue(std::vector<int>& v) {
  co_yield 0;
  co_yield coflat::yield_from(v);
  std::printf("lvalue done\n");
}

coflat::generator<int> from_temporary() {
  co_yield coflat::yield_from(std::vector<int>{7, 8, 9});
  std::printf("between\n");
  co_yield coflat::yield_from(make_traced());
  std::printf("temporary done\n");
  std::vector<int> empty;
  co_yield coflat::yield_from(empty);
  std::printf("empty done\n");
}

coflat::generator<std::string, int> strings() {
  std::vector<std::string> words = {"alpha", "beta"};
  co_yield coflat::yield_from(words);
  co_yield "end";
}

// A range delegation has no throw(): an exception thrown in is raised at the
// delegating co_yield.
coflat::generator<int> over_range() {
  std::vector<int> v = {1, 2, 3};
  try {
    co_yield coflat::yield_from(v);
  } catch (const std::logic_error& e) {
    std::printf("over_range caught: %s\n", e.what());
  }
  co_yield 9;
}

int main() {
  std::vector<int> v = {1, 2, 3};
  auto g = from_lvalue(v);
  std::printf("-> %d\n", *g.next());
  std::printf("-> %d\n", *g.next());
  // The range is walked by reference: a change made while the generator is
  // suspended is seen.
  v[1] = 20;
  std::printf("-> %d\n", *g.next());
  std::printf("-> %d\n", *g.next());
  std::printf("more %d\n", g.next().has_value());
  // CHECK:      -> 0
  // CHECK-NEXT: -> 1
  // CHECK-NEXT: -> 20
  // CHECK-NEXT: -> 3
  // CHECK-NEXT: lvalue done
  // CHECK-NEXT: more 0

  for (int x : from_temporary())
    std::printf("-> %d\n", x);
  // CHECK-NEXT: -> 7
  // CHECK-NEXT: -> 8
  // CHECK-NEXT: -> 9
  // CHECK-NEXT: between
  // CHECK-NEXT: +traced_vector
  // CHECK-NEXT: +traced_vector (move)
  // CHECK-NEXT: +traced_vector (move)
  // CHECK-NEXT: -> 1
  // CHECK-NEXT: -> 2
  // CHECK-NEXT: -traced_vector
  // CHECK-NEXT: -traced_vector
  // CHECK-NEXT: -traced_vector
  // CHECK-NEXT: temporary done
  // CHECK-NEXT: empty done

  // Values sent during a range delegation are ignored.
  auto s = strings();
  std::printf("-> %s\n", s.next()->c_str());
  std::printf("-> %s\n", s.send(5)->c_str());
  std::printf("-> %s\n", s.send(6)->c_str());
  std::printf("more %d\n", s.next().has_value());
  // CHECK-NEXT: -> alpha
  // CHECK-NEXT: -> beta
  // CHECK-NEXT: -> end
  // CHECK-NEXT: more 0

  // A generator destroyed while delegating to a temporary range destroys it.
  {
    auto t = from_temporary();
    for (int i = 0; i < 4; ++i)
      t.next();
    std::printf("destroying\n");
  }
  std::printf("destroyed\n");
  // CHECK-NEXT: between
  // CHECK-NEXT: +traced_vector
  // CHECK-NEXT: +traced_vector (move)
  // CHECK-NEXT: +traced_vector (move)
  // CHECK-NEXT: destroying
  // CHECK-NEXT: -traced_vector
  // CHECK-NEXT: -traced_vector
  // CHECK-NEXT: -traced_vector
  // CHECK-NEXT: destroyed

  auto r = over_range();
  std::printf("-> %d\n", *r.next());
  std::printf("-> %d\n", *r.throw_exception(std::logic_error("thrown in")));
  std::printf("more %d\n", r.next().has_value());
  // CHECK-NEXT: -> 1
  // CHECK-NEXT: over_range caught: thrown in
  // CHECK-NEXT: -> 9
  // CHECK-NEXT: more 0
}
