// Structured bindings across suspensions: of a struct (also through a
// base), an array (by reference: writes reach it), a std::pair / std::tuple
// (tuple-like: get<I>), a user tuple-like type with a member get and one
// with get found by argument-dependent lookup, as a range-for variable
// over a map (by reference and by copy), captured by a lambda, and bound
// to a co_yield's result.  The decomposed object is destroyed with its
// scope, also when the generator is destroyed while suspended.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <utility>

struct base { int x; };
struct derived : base {};
struct point { int x; std::string label; };

struct tracer {
  int id;
  ~tracer() { std::printf("~tracer %d\n", id); }
};
struct traced { tracer t; int v; };

// Tuple-like with member get.
struct range2 {
  int lo, hi;
  template <std::size_t I> int get() const { return I == 0 ? lo : hi; }
};
// Tuple-like with get found by argument-dependent lookup.
namespace geo {
struct span { double from, to; };
template <std::size_t I> const double& get(const span& s) { return I == 0 ? s.from : s.to; }
} // namespace geo

namespace std {
template <> struct tuple_size<range2> : integral_constant<size_t, 2> {};
template <size_t I> struct tuple_element<I, range2> { using type = int; };
template <> struct tuple_size<geo::span> : integral_constant<size_t, 2> {};
template <size_t I> struct tuple_element<I, geo::span> { using type = const double; };
} // namespace std

coflat::generator<std::string> bindings(std::map<std::string, int> m) {
  auto [x1] = derived{{4}};
  auto [px, label] = point{3, "p"};
  co_yield label + std::to_string(px + x1);
  int arr[2] = {7, 8};
  auto& [a0, a1] = arr;
  co_yield "arr";
  a1 = 80;
  co_yield std::to_string(a0) + " " + std::to_string(arr[1]);
  auto [i, s, d] = std::make_tuple(1, std::string("two"), 3.5);
  co_yield s;
  s += "!";
  auto show = [&] { return s + std::to_string(i) + "/" + std::to_string(int(d * 2)); };
  co_yield show();
  auto [lo, hi] = range2{5, 9};
  co_yield std::to_string(lo) + ".." + std::to_string(hi);
  auto [from, to] = geo::span{0.5, 2.5};
  co_yield std::to_string(int(to - from));
  for (auto& [k, v] : m) {
    co_yield k;
    v *= 10;
  }
  for (auto [k, v] : m) {
    co_yield k + "=" + std::to_string(v);
    v = 0;
  }
  co_yield std::to_string(m["a"]);
}

coflat::generator<int, int> sent() {
  auto [sum, count] = std::make_pair(0, 0);
  for (;;) {
    int v = co_yield sum;
    if (v < 0)
      break;
    sum += v;
    ++count;
  }
  co_yield count;
}

coflat::generator<int> destroyed() {
  auto [t, v] = traced{{1}, 5};
  co_yield v;
  co_yield t.id;
}

int main() {
  for (const std::string& s : bindings({{"a", 1}, {"b", 2}}))
    std::printf("%s\n", s.c_str());
  auto g = sent();
  std::printf("%d\n", *g.next());
  std::printf("%d\n", *g.send(3));
  std::printf("%d\n", *g.send(4));
  std::printf("%d\n", *g.send(-1));
  {
    auto d = destroyed();
    std::printf("%d\n", *d.next());
    std::printf("destroy while suspended\n");
  }
  std::printf("end\n");
}
// CHECK:      p7
// CHECK-NEXT: arr
// CHECK-NEXT: 7 80
// CHECK-NEXT: two
// CHECK-NEXT: two!1/7
// CHECK-NEXT: 5..9
// CHECK-NEXT: 2
// CHECK-NEXT: a
// CHECK-NEXT: b
// CHECK-NEXT: a=10
// CHECK-NEXT: b=20
// CHECK-NEXT: 10
// CHECK-NEXT: 0
// CHECK-NEXT: 3
// CHECK-NEXT: 7
// CHECK-NEXT: 2
// CHECK-NEXT: 5
// CHECK-NEXT: destroy while suspended
// CHECK-NEXT: ~tracer 1
// CHECK-NEXT: end
