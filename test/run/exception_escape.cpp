// Exceptions escaping the body propagate out of next() / throw_exception();
// the live locals are destroyed in reverse order while it unwinds; the
// generator is done afterwards.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <stdexcept>
#include <string>
#include "tracer.h"

tracer make(const char* name, bool fail) {
  if (fail)
    throw std::runtime_error(std::string("making ") + name);
  return tracer(name);
}

coflat::generator<int> escapes(int where, tracer param) {
  tracer a("a");
  if (where == 0)
    throw std::runtime_error("before first yield");
  co_yield 1;
  {
    tracer b("b");
    for (int i = 0; i < 2; ++i) {
      tracer c("c" + std::to_string(i));
      co_yield 10 + i;
      if (where == 1 && i == 1)
        throw std::runtime_error("in loop");
    }
    tracer d = make("d", where == 2);
    co_yield 2;
  }
  std::printf("end of body\n");
}

// An exception thrown while computing the yielded value, in a body whose end
// is unreachable.  (A native promise whose unhandled_exception() rethrows
// makes clang -O1 destroy 't' a second time when the frame is destroyed:
// llvm-project#61900; the expectation here is C++20's: once.)
int compute(int v) {
  if (v > 1)
    throw std::logic_error("compute " + std::to_string(v));
  return v;
}

coflat::generator<int> in_operand() {
  tracer t("t");
  for (int i = 0;; ++i)
    co_yield compute(i);
}

// throw_exception() with no handler in the body.
coflat::generator<int> no_handler() {
  tracer t("nh");
  try {
    tracer u("nh-try");
    co_yield 1;
  } catch (const std::logic_error& e) {
    std::printf("not reached\n");
  }
  co_yield 2;
}

template <class G> void drain(const char* name, G& g) {
  std::printf("== %s\n", name);
  try {
    while (auto v = g.next())
      std::printf("got %d\n", *v);
    std::printf("no exception\n");
  } catch (const std::exception& e) {
    std::printf("caught %s\n", e.what());
  }
  std::printf("done %d\n", (int)g.done());
  std::printf("next again: %d\n", (int)g.next().has_value());
}

int main() {
  for (int where = 0; where < 4; ++where) {
    auto g = escapes(where, tracer("p"));
    std::printf("where %d\n", where);
    drain("escapes", g);
  }
  // CHECK: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: where 0
  // CHECK-NEXT: == escapes
  // CHECK-NEXT: +a
  // CHECK-NEXT: -a
  // CHECK-NEXT: caught before first yield
  // CHECK-NEXT: done 1
  // CHECK-NEXT: next again: 0
  // CHECK-NEXT: -p~
  // CHECK-NEXT: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: where 1
  // CHECK-NEXT: == escapes
  // CHECK-NEXT: +a
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +b
  // CHECK-NEXT: +c0
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -c0
  // CHECK-NEXT: +c1
  // CHECK-NEXT: got 11
  // CHECK-NEXT: -c1
  // CHECK-NEXT: -b
  // CHECK-NEXT: -a
  // CHECK-NEXT: caught in loop
  // CHECK-NEXT: done 1
  // CHECK-NEXT: next again: 0
  // CHECK-NEXT: -p~
  // CHECK-NEXT: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: where 2
  // CHECK-NEXT: == escapes
  // CHECK-NEXT: +a
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +b
  // CHECK-NEXT: +c0
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -c0
  // CHECK-NEXT: +c1
  // CHECK-NEXT: got 11
  // CHECK-NEXT: -c1
  // CHECK-NEXT: -b
  // CHECK-NEXT: -a
  // CHECK-NEXT: caught making d
  // CHECK-NEXT: done 1
  // CHECK-NEXT: next again: 0
  // CHECK-NEXT: -p~
  // CHECK-NEXT: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: where 3
  // CHECK-NEXT: == escapes
  // CHECK-NEXT: +a
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +b
  // CHECK-NEXT: +c0
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -c0
  // CHECK-NEXT: +c1
  // CHECK-NEXT: got 11
  // CHECK-NEXT: -c1
  // CHECK-NEXT: +d
  // CHECK-NEXT: got 2
  // CHECK-NEXT: -d
  // CHECK-NEXT: -b
  // CHECK-NEXT: end of body
  // CHECK-NEXT: -a
  // CHECK-NEXT: no exception
  // CHECK-NEXT: done 1
  // CHECK-NEXT: next again: 0
  // CHECK-NEXT: -p~
  {
    auto g = in_operand();
    drain("in_operand", g);
  }
  // CHECK-NEXT: == in_operand
  // CHECK-NEXT: +t
  // CHECK-NEXT: got 0
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -t
  // CHECK-NEXT: caught compute 2
  // CHECK-NEXT: done 1
  // CHECK-NEXT: next again: 0
  std::printf("== no_handler\n");
  {
    auto g = no_handler();
    std::printf("got %d\n", *g.next());
    try {
      g.throw_exception(std::runtime_error("from outside"));
      std::printf("not reached\n");
    } catch (const std::runtime_error& e) {
      std::printf("caught %s\n", e.what());
    }
    std::printf("done %d\n", (int)g.done());
    std::printf("next again: %d\n", (int)g.next().has_value());
  }
  // CHECK-NEXT: == no_handler
  // CHECK-NEXT: +nh
  // CHECK-NEXT: +nh-try
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -nh-try
  // CHECK-NEXT: -nh
  // CHECK-NEXT: caught from outside
  // CHECK-NEXT: done 1
  // CHECK-NEXT: next again: 0
  std::printf("== throw into unstarted\n");
  {
    auto g = escapes(3, tracer("q"));
    try {
      g.throw_exception(std::runtime_error("unstarted"));
      std::printf("not reached\n");
    } catch (const std::runtime_error& e) {
      std::printf("caught %s\n", e.what());
    }
    std::printf("done %d\n", (int)g.done());
    std::printf("next again: %d\n", (int)g.next().has_value());
  }
  // CHECK-NEXT: == throw into unstarted
  // CHECK-NEXT: +q
  // CHECK-NEXT: +q~ (move)
  // CHECK-NEXT: -q
  // CHECK-NEXT: caught unstarted
  // CHECK-NEXT: done 1
  // CHECK-NEXT: next again: 0
  // CHECK-NEXT: -q~
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
