// co_yield coflat::yield_from(sub): every value sub yields goes to our
// caller, and the expression's value is sub's return value (PEP 380).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include <utility>

coflat::generator<int, void, int> sub(int from, int n) {
  std::printf("sub(%d, %d) starts\n", from, n);
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    co_yield from + i;
    sum += from + i;
  }
  std::printf("sub(%d, %d) returns %d\n", from, n, sum);
  co_return sum;
}

coflat::generator<int, void, std::string> named(std::string name) {
  co_yield static_cast<int>(name.size());
  co_return name + "!";
}

coflat::generator<int, void, int> outer() {
  int r = co_yield coflat::yield_from(sub(10, 3));
  std::printf("outer: r=%d\n", r);
  // A sub that yields nothing: its value comes back without a suspension.
  int e = co_yield coflat::yield_from(sub(0, 0));
  std::printf("outer: e=%d\n", e);
  // A named generator, moved in.
  auto s = sub(100, 2);
  int total = 1000;
  total += co_yield coflat::yield_from(std::move(s));
  std::printf("outer: total=%d\n", total);
  // A Return of class type.  (yield_from_class_param.cpp calls a sub that
  // takes a class by value inside the delegating expression.)
  auto sn = named("abc");
  std::string n = co_yield coflat::yield_from(std::move(sn));
  std::printf("outer: n=%s\n", n.c_str());
  co_return r + e + total;
}

int main() {
  auto g = outer();
  for (auto v = g.next(); v; v = g.next())
    std::printf("-> %d\n", *v);
  std::printf("result %d\n", g.result());
  // CHECK:      sub(10, 3) starts
  // CHECK-NEXT: -> 10
  // CHECK-NEXT: -> 11
  // CHECK-NEXT: -> 12
  // CHECK-NEXT: sub(10, 3) returns 33
  // CHECK-NEXT: outer: r=33
  // CHECK-NEXT: sub(0, 0) starts
  // CHECK-NEXT: sub(0, 0) returns 0
  // CHECK-NEXT: outer: e=0
  // CHECK-NEXT: sub(100, 2) starts
  // CHECK-NEXT: -> 100
  // CHECK-NEXT: -> 101
  // CHECK-NEXT: sub(100, 2) returns 201
  // CHECK-NEXT: outer: total=1201
  // CHECK-NEXT: -> 3
  // CHECK-NEXT: outer: n=abc!
  // CHECK-NEXT: result 1234
}
