// send(), throw_exception() and close() on the outermost generator of a
// 3-deep yield_from chain reach the innermost one (PEP 380), and what the
// innermost one returns or raises travels back up level by level.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "tracer.h"

struct oops {
  int code;
};

coflat::generator<int, int, int> leaf() {
  tracer t("leaf");
  int sum = 0;
  for (;;) {
    try {
      int v = co_yield sum;
      std::printf("leaf got %d\n", v);
      if (v < 0)
        co_return sum;
      sum += v;
    } catch (const oops& e) {
      std::printf("leaf caught oops %d\n", e.code);
      sum = -e.code;
    } catch (const coflat::generator_exit&) {
      std::printf("leaf: generator_exit\n");
      throw;
    }
  }
}

coflat::generator<int, int, int> middle() {
  tracer t("middle");
  try {
    int r = co_yield coflat::yield_from(leaf());
    std::printf("middle: leaf returned %d\n", r);
    co_return r * 10;
  } catch (const std::runtime_error& e) {
    std::printf("middle caught runtime_error %s\n", e.what());
  }
  co_yield -1;
  co_return -2;
}

coflat::generator<int, int, int> top() {
  tracer t("top");
  int r = co_yield coflat::yield_from(middle());
  std::printf("top: middle returned %d\n", r);
  co_yield 1000 + r;
  co_return r + 1;
}

int main() {
  {
    auto g = top();
    std::printf("-> %d\n", *g.next());
    // CHECK:      +top
    // CHECK-NEXT: +middle
    // CHECK-NEXT: +leaf
    // CHECK-NEXT: -> 0
    std::printf("-> %d\n", *g.send(5));
    std::printf("-> %d\n", *g.send(7));
    // CHECK-NEXT: leaf got 5
    // CHECK-NEXT: -> 5
    // CHECK-NEXT: leaf got 7
    // CHECK-NEXT: -> 12
    std::printf("-> %d\n", *g.next());
    // CHECK-NEXT: leaf got 0
    // CHECK-NEXT: -> 12
    std::printf("-> %d\n", *g.throw_exception(oops{3}));
    // CHECK-NEXT: leaf caught oops 3
    // CHECK-NEXT: -> -3
    std::printf("-> %d\n", *g.send(-1));
    // CHECK-NEXT: leaf got -1
    // CHECK-NEXT: -leaf
    // CHECK-NEXT: middle: leaf returned -3
    // CHECK-NEXT: -middle
    // CHECK-NEXT: top: middle returned -30
    // CHECK-NEXT: -> 970
    bool more = g.send(1).has_value();
    std::printf("more %d result %d\n", more, g.result());
    // CHECK-NEXT: -top
    // CHECK-NEXT: more 0 result -29
  }

  // An exception the leaf does not handle unwinds it and is raised in the
  // middle, which handles it and yields again.
  {
    auto g = top();
    g.next();
    std::printf("-> %d\n", *g.throw_exception(std::runtime_error("boom")));
    // CHECK-NEXT: +top
    // CHECK-NEXT: +middle
    // CHECK-NEXT: +leaf
    // CHECK-NEXT: -leaf
    // CHECK-NEXT: middle caught runtime_error boom
    // CHECK-NEXT: -> -1
    std::printf("-> %d\n", *g.send(99));
    // CHECK-NEXT: -middle
    // CHECK-NEXT: top: middle returned -2
    // CHECK-NEXT: -> 998
  }
  // CHECK-NEXT: -top

  // An exception nobody handles propagates out of throw_exception(); every
  // level is unwound and the generator is done.
  {
    auto g = top();
    g.next();
    try {
      g.throw_exception(std::logic_error("fatal"));
    } catch (const std::logic_error& e) {
      std::printf("caught in main: %s, done %d\n", e.what(), g.done());
    }
    // CHECK-NEXT: +top
    // CHECK-NEXT: +middle
    // CHECK-NEXT: +leaf
    // CHECK-NEXT: -leaf
    // CHECK-NEXT: -middle
    // CHECK-NEXT: -top
    // CHECK-NEXT: caught in main: fatal, done 1
  }

  // close() raises generator_exit in the leaf; it travels up the chain and
  // close() returns normally.
  {
    auto g = top();
    g.next();
    g.send(4);
    g.close();
    std::printf("closed, done %d\n", g.done());
    // CHECK-NEXT: +top
    // CHECK-NEXT: +middle
    // CHECK-NEXT: +leaf
    // CHECK-NEXT: leaf got 4
    // CHECK-NEXT: leaf: generator_exit
    // CHECK-NEXT: -leaf
    // CHECK-NEXT: -middle
    // CHECK-NEXT: -top
    // CHECK-NEXT: closed, done 1
  }

  // Destroying the outermost generator while the chain is suspended
  // destroys every level, innermost first.
  {
    auto g = top();
    g.next();
    std::printf("destroying\n");
  }
  // CHECK-NEXT: +top
  // CHECK-NEXT: +middle
  // CHECK-NEXT: +leaf
  // CHECK-NEXT: destroying
  // CHECK-NEXT: -leaf
  // CHECK-NEXT: -middle
  // CHECK-NEXT: -top
}
