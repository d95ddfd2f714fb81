// Range-for with co_yield in the body: elements by value, by reference, by
// const reference, and a temporary range returned by a function (its
// lifetime extends to the end of the loop, across the suspensions).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include <vector>
#include "tracer.h"

coflat::generator<std::string> by_value(const std::vector<tracer>& v) {
  for (tracer t : v) {
    co_yield t.name;
    std::printf("body %s\n", t.name.c_str());
  }
}

coflat::generator<std::string> by_ref(std::vector<tracer>& v) {
  for (tracer& t : v) {
    t.name += "!";
    co_yield t.name;
  }
  for (auto& t : v)
    co_yield t.name;
}

coflat::generator<std::string> by_cref(const std::vector<tracer>& v) {
  for (const tracer& t : v)
    co_yield t.name;
  for (const auto& t : v) {
    co_yield t.name + "?";
  }
}

coflat::generator<int> ints(std::vector<int> v) {
  int sum = 0;
  for (int x : v) {
    sum += x;
    co_yield x;
  }
  for (auto&& x : v)
    x *= 2;
  for (int& x : v)
    co_yield x;
  co_yield sum;
}

struct traced_vec {
  tracer t;
  std::vector<int> v;
  std::vector<int>::const_iterator begin() const { return v.begin(); }
  std::vector<int>::const_iterator end() const { return v.end(); }
};

traced_vec make(const char* name, int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i)
    v.push_back(i * 7);
  return traced_vec{tracer(name), v};
}

std::vector<int> make_vec() { return {4, 5, 6}; }

coflat::generator<int> temporaries() {
  for (int x : make("tmp", 3))
    co_yield x;
  std::printf("after loop\n");
  for (int x : make_vec()) {
    tracer t("x" + std::to_string(x));
    co_yield x;
  }
  for (int x : std::vector<int>{8, 9})
    co_yield x;
}

int main() {
  std::vector<tracer> v;
  v.reserve(2);
  v.emplace_back("a");
  v.emplace_back("b");
  std::printf("== by_value\n");
  for (auto&& s : by_value(v))
    std::printf("got %s\n", s.c_str());
  // CHECK: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: == by_value
  // CHECK-NEXT: +a' (copy)
  // CHECK-NEXT: got a'
  // CHECK-NEXT: body a'
  // CHECK-NEXT: -a'
  // CHECK-NEXT: +b' (copy)
  // CHECK-NEXT: got b'
  // CHECK-NEXT: body b'
  // CHECK-NEXT: -b'
  std::printf("== by_ref\n");
  for (auto&& s : by_ref(v))
    std::printf("got %s\n", s.c_str());
  std::printf("v: %s %s\n", v[0].name.c_str(), v[1].name.c_str());
  // CHECK-NEXT: == by_ref
  // CHECK-NEXT: got a!
  // CHECK-NEXT: got b!
  // CHECK-NEXT: got a!
  // CHECK-NEXT: got b!
  // CHECK-NEXT: v: a! b!
  std::printf("== by_cref\n");
  {
    auto g = by_cref(v);
    std::printf("got %s\n", g.next()->c_str());
    v[1].name = "changed";
    while (auto s = g.next())
      std::printf("got %s\n", s->c_str());
  }
  // CHECK-NEXT: == by_cref
  // CHECK-NEXT: got a!
  // CHECK-NEXT: got changed
  // CHECK-NEXT: got a!?
  // CHECK-NEXT: got changed?
  std::printf("== ints\n");
  for (int x : ints({1, 2, 3}))
    std::printf("got %d\n", x);
  // CHECK-NEXT: == ints
  // CHECK-NEXT: got 1
  // CHECK-NEXT: got 2
  // CHECK-NEXT: got 3
  // CHECK-NEXT: got 2
  // CHECK-NEXT: got 4
  // CHECK-NEXT: got 6
  // CHECK-NEXT: got 6
  std::printf("== temporaries\n");
  {
    auto g = temporaries();
    while (auto x = g.next())
      std::printf("got %d\n", *x);
  }
  // CHECK-NEXT: == temporaries
  // CHECK-NEXT: +tmp
  // CHECK-NEXT: got 0
  // CHECK-NEXT: got 7
  // CHECK-NEXT: got 14
  // CHECK-NEXT: -tmp
  // CHECK-NEXT: after loop
  // CHECK-NEXT: +x4
  // CHECK-NEXT: got 4
  // CHECK-NEXT: -x4
  // CHECK-NEXT: +x5
  // CHECK-NEXT: got 5
  // CHECK-NEXT: -x5
  // CHECK-NEXT: +x6
  // CHECK-NEXT: got 6
  // CHECK-NEXT: -x6
  // CHECK-NEXT: got 8
  // CHECK-NEXT: got 9
  std::printf("== temporary destroyed while suspended\n");
  {
    auto g = temporaries();
    std::printf("got %d\n", *g.next());
  }
  // CHECK-NEXT: == temporary destroyed while suspended
  // CHECK-NEXT: +tmp
  // CHECK-NEXT: got 0
  // CHECK-NEXT: -tmp
  std::printf("== end\n");
  // CHECK-NEXT: == end
  // CHECK-NEXT: -a!
  // CHECK-NEXT: -changed
}
