// close() at every suspension point raises coflat::generator_exit there: the
// body's handlers see it, the live locals are destroyed, close() returns
// normally when the body returns or lets generator_exit escape, throws
// std::runtime_error when the body yields again, and propagates any other
// exception.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <stdexcept>
#include <string>
#include "tracer.h"

coflat::generator<int> nested() {
  tracer a("a");
  try {
    tracer b("b");
    co_yield 1;
    {
      tracer c("c");
      try {
        tracer d("d");
        co_yield 2;
      } catch (const std::exception& e) {
        std::printf("not reached: generator_exit is not a std::exception\n");
      }
    }
    tracer e("e");
    co_yield 3;
  } catch (const coflat::generator_exit&) {
    std::printf("caught generator_exit\n");
    throw;
  }
  std::printf("not reached\n");
}

// generator_exit is not caught at all.
coflat::generator<int> uncaught() {
  tracer a("u");
  for (int i = 0;; ++i) {
    tracer t("u" + std::to_string(i));
    co_yield i;
  }
}

// The handler returns normally.
coflat::generator<int> returns() {
  tracer a("r");
  try {
    co_yield 1;
  } catch (...) {
    std::printf("catch-all, return\n");
    co_return;
  }
}

// The handler swallows it and the body yields again.
coflat::generator<int> ignores() {
  tracer a("i");
  for (;;) {
    try {
      co_yield 1;
    } catch (const coflat::generator_exit&) {
      std::printf("ignoring generator_exit\n");
    }
    tracer t("after");
    co_yield 2;
  }
}

// The handler throws something else.
coflat::generator<int> throws_other() {
  tracer a("o");
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    throw std::logic_error("other");
  }
}

int main() {
  for (int k = 0; k <= 4; ++k) {
    std::printf("== nested k=%d\n", k);
    auto g = nested();
    for (int i = 0; i < k; ++i) {
      try {
        auto v = g.next();
        std::printf("got %d\n", v ? *v : -1);
      } catch (const std::exception& e) {
        std::printf("exception %s\n", e.what());
      }
    }
    std::printf("close\n");
    g.close();
    std::printf("closed done=%d\n", (int)g.done());
    std::printf("next: %d\n", (int)g.next().has_value());
  }
  // CHECK: == nested k=0
  // CHECK-NEXT: close
  // CHECK-NEXT: closed done=1
  // CHECK-NEXT: next: 0
  // CHECK-NEXT: == nested k=1
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: got 1
  // CHECK-NEXT: close
  // CHECK-NEXT: -b
  // CHECK-NEXT: caught generator_exit
  // CHECK-NEXT: -a
  // CHECK-NEXT: closed done=1
  // CHECK-NEXT: next: 0
  // CHECK-NEXT: == nested k=2
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +c
  // CHECK-NEXT: +d
  // CHECK-NEXT: got 2
  // CHECK-NEXT: close
  // CHECK-NEXT: -d
  // CHECK-NEXT: -c
  // CHECK-NEXT: -b
  // CHECK-NEXT: caught generator_exit
  // CHECK-NEXT: -a
  // CHECK-NEXT: closed done=1
  // CHECK-NEXT: next: 0
  // CHECK-NEXT: == nested k=3
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +c
  // CHECK-NEXT: +d
  // CHECK-NEXT: got 2
  // CHECK-NEXT: -d
  // CHECK-NEXT: -c
  // CHECK-NEXT: +e
  // CHECK-NEXT: got 3
  // CHECK-NEXT: close
  // CHECK-NEXT: -e
  // CHECK-NEXT: -b
  // CHECK-NEXT: caught generator_exit
  // CHECK-NEXT: -a
  // CHECK-NEXT: closed done=1
  // CHECK-NEXT: next: 0
  // CHECK-NEXT: == nested k=4
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +c
  // CHECK-NEXT: +d
  // CHECK-NEXT: got 2
  // CHECK-NEXT: -d
  // CHECK-NEXT: -c
  // CHECK-NEXT: +e
  // CHECK-NEXT: got 3
  // CHECK-NEXT: -e
  // CHECK-NEXT: -b
  // CHECK-NEXT: not reached
  // CHECK-NEXT: -a
  // CHECK-NEXT: got -1
  // CHECK-NEXT: close
  // CHECK-NEXT: closed done=1
  // CHECK-NEXT: next: 0
  for (int k = 1; k <= 2; ++k) {
    std::printf("== uncaught k=%d\n", k);
    auto g = uncaught();
    for (int i = 0; i < k; ++i)
      std::printf("got %d\n", *g.next());
    g.close();
    std::printf("closed done=%d\n", (int)g.done());
  }
  // CHECK-NEXT: == uncaught k=1
  // CHECK-NEXT: +u
  // CHECK-NEXT: +u0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: -u0
  // CHECK-NEXT: -u
  // CHECK-NEXT: closed done=1
  // CHECK-NEXT: == uncaught k=2
  // CHECK-NEXT: +u
  // CHECK-NEXT: +u0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: -u0
  // CHECK-NEXT: +u1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -u1
  // CHECK-NEXT: -u
  // CHECK-NEXT: closed done=1
  std::printf("== returns\n");
  {
    auto g = returns();
    g.next();
    g.close();
    std::printf("closed done=%d\n", (int)g.done());
  }
  // CHECK-NEXT: == returns
  // CHECK-NEXT: +r
  // CHECK-NEXT: catch-all, return
  // CHECK-NEXT: -r
  // CHECK-NEXT: closed done=1
  std::printf("== ignores\n");
  {
    auto g = ignores();
    g.next();
    try {
      g.close();
      std::printf("not reached\n");
    } catch (const std::runtime_error& e) {
      std::printf("close threw: %s\n", e.what());
    }
    std::printf("done=%d\n", (int)g.done());
    std::printf("destroy\n");
  }
  // CHECK-NEXT: == ignores
  // CHECK-NEXT: +i
  // CHECK-NEXT: ignoring generator_exit
  // CHECK-NEXT: +after
  // CHECK-NEXT: close threw: generator ignored generator_exit
  // CHECK-NEXT: done=0
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -after
  // CHECK-NEXT: -i
  std::printf("== throws_other\n");
  {
    auto g = throws_other();
    g.next();
    try {
      g.close();
      std::printf("not reached\n");
    } catch (const std::logic_error& e) {
      std::printf("close threw: %s\n", e.what());
    }
    std::printf("done=%d\n", (int)g.done());
  }
  // CHECK-NEXT: == throws_other
  // CHECK-NEXT: +o
  // CHECK-NEXT: -o
  // CHECK-NEXT: close threw: other
  // CHECK-NEXT: done=1
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
