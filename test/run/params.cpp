// Parameters: by value (moved into the frame, as C++20 does), lvalue
// reference (kept as a reference), const reference, rvalue reference.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include "tracer.h"

// By value: the argument is moved into the frame exactly once.
coflat::generator<int> by_value(tracer t, int n, std::string s) {
  std::printf("body: %s n=%d s=%s\n", t.name.c_str(), n, s.c_str());
  co_yield n;
  n += 1;
  s += "!";
  std::printf("body: %s n=%d s=%s\n", t.name.c_str(), n, s.c_str());
  co_yield n;
}

void test_by_value() {
  std::printf("== by_value temporary\n");
  {
    auto g = by_value(tracer("p"), 1, "str");
    std::printf("created\n");
    std::printf("got %d\n", *g.next());
    std::printf("got %d\n", *g.next());
    std::printf("end %d\n", (int)g.next().has_value());
  }
  std::printf("== by_value lvalue\n");
  {
    tracer a("a");
    std::string s = "x";
    int n = 5;
    auto g = by_value(a, n, s);
    std::printf("got %d\n", *g.next());
    std::printf("got %d\n", *g.next());
    std::printf("caller n=%d s=%s\n", n, s.c_str());
  }
  std::printf("== by_value never started\n");
  {
    auto g = by_value(tracer("q"), 0, "");
    std::printf("not started\n");
  }
}
// CHECK: == by_value temporary
// CHECK-NEXT: +p
// CHECK-NEXT: +p~ (move)
// CHECK-NEXT: -p
// CHECK-NEXT: created
// CHECK-NEXT: body: p~ n=1 s=str
// CHECK-NEXT: got 1
// CHECK-NEXT: body: p~ n=2 s=str!
// CHECK-NEXT: got 2
// CHECK-NEXT: end 0
// CHECK-NEXT: -p~
// CHECK-NEXT: == by_value lvalue
// CHECK-NEXT: +a
// CHECK-NEXT: +a' (copy)
// CHECK-NEXT: +a'~ (move)
// CHECK-NEXT: -a'
// CHECK-NEXT: body: a'~ n=5 s=x
// CHECK-NEXT: got 5
// CHECK-NEXT: body: a'~ n=6 s=x!
// CHECK-NEXT: got 6
// CHECK-NEXT: caller n=5 s=x
// CHECK-NEXT: -a'~
// CHECK-NEXT: -a
// CHECK-NEXT: == by_value never started
// CHECK-NEXT: +q
// CHECK-NEXT: +q~ (move)
// CHECK-NEXT: -q
// CHECK-NEXT: not started
// CHECK-NEXT: -q~

// A move-only parameter by value.
coflat::generator<int> move_only(std::unique_ptr<int> p) {
  co_yield *p;
  *p *= 10;
  co_yield *p;
}

void test_move_only() {
  std::printf("== move_only\n");
  auto up = std::make_unique<int>(7);
  auto g = move_only(std::move(up));
  std::printf("caller null=%d\n", (int)(up == nullptr));
  std::printf("got %d\n", *g.next());
  std::printf("got %d\n", *g.next());
  std::printf("end %d\n", (int)g.next().has_value());
}
// CHECK-NEXT: == move_only
// CHECK-NEXT: caller null=1
// CHECK-NEXT: got 7
// CHECK-NEXT: got 70
// CHECK-NEXT: end 0

// An lvalue reference stays a reference: changes on either side are seen by
// the other, between next() calls.
coflat::generator<int> by_ref(int& x) {
  co_yield x;
  co_yield x;
  x += 100;
  co_yield x;
}

void test_by_ref() {
  std::printf("== by_ref\n");
  int v = 1;
  auto g = by_ref(v);
  v = 2;
  std::printf("got %d\n", *g.next());
  v = 3;
  std::printf("got %d\n", *g.next());
  std::printf("got %d\n", *g.next());
  std::printf("caller v=%d\n", v);
}
// CHECK-NEXT: == by_ref
// CHECK-NEXT: got 2
// CHECK-NEXT: got 3
// CHECK-NEXT: got 103
// CHECK-NEXT: caller v=103

// A reference to a tracer: no copy, no move.
coflat::generator<std::string> by_tracer_ref(tracer& t) {
  co_yield t.name;
  t.name += "+";
  co_yield t.name;
}

void test_by_tracer_ref() {
  std::printf("== by_tracer_ref\n");
  tracer t("r");
  {
    auto g = by_tracer_ref(t);
    std::printf("got %s\n", g.next()->c_str());
    t.name = "s";
    std::printf("got %s\n", g.next()->c_str());
  }
  std::printf("caller %s\n", t.name.c_str());
}
// CHECK-NEXT: == by_tracer_ref
// CHECK-NEXT: +r
// CHECK-NEXT: got r
// CHECK-NEXT: got s+
// CHECK-NEXT: caller s+
// CHECK-NEXT: -s+

// A const reference: no copy, and the caller's later changes are visible.
coflat::generator<std::string> by_cref(const std::string& s, const tracer& t) {
  co_yield s + "/" + t.name;
  co_yield s + "/" + t.name;
}

void test_by_cref() {
  std::printf("== by_cref\n");
  std::string s = "one";
  tracer t("c");
  auto g = by_cref(s, t);
  std::printf("got %s\n", g.next()->c_str());
  s = "two";
  t.name = "d";
  std::printf("got %s\n", g.next()->c_str());
  std::printf("end %d\n", (int)g.next().has_value());
}
// CHECK-NEXT: == by_cref
// CHECK-NEXT: +c
// CHECK-NEXT: got one/c
// CHECK-NEXT: got two/d
// CHECK-NEXT: end 0
// CHECK-NEXT: -d

// An rvalue reference stays a reference: nothing is moved until the body
// moves from it.
coflat::generator<std::string> by_rref(tracer&& t) {
  co_yield t.name;
  tracer mine = std::move(t);
  co_yield mine.name;
}

void test_by_rref() {
  std::printf("== by_rref\n");
  tracer t("m");
  {
    auto g = by_rref(std::move(t));
    std::printf("created\n");
    std::printf("got %s\n", g.next()->c_str());
    t.name = "n";
    std::printf("got %s\n", g.next()->c_str());
    std::printf("end %d\n", (int)g.next().has_value());
  }
  std::printf("caller %s\n", t.name.c_str());
}
// CHECK-NEXT: == by_rref
// CHECK-NEXT: +m
// CHECK-NEXT: created
// CHECK-NEXT: got m
// CHECK-NEXT: +n~ (move)
// CHECK-NEXT: got n~
// CHECK-NEXT: -n~
// CHECK-NEXT: end 0
// CHECK-NEXT: caller n
// CHECK-NEXT: -n

int main() {
  test_by_value();
  test_move_only();
  test_by_ref();
  test_by_tracer_ref();
  test_by_cref();
  test_by_rref();
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
