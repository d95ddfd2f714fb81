// Destroying a generator while it is suspended destroys exactly the objects
// live at that suspension point, in reverse order, without resuming it.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include "tracer.h"

coflat::generator<int> nested(tracer param) {
  tracer a("a");
  {
    tracer b("b");
    co_yield 1;
    {
      tracer c("c");
      pinned p(7);
      co_yield 2;
    }
    tracer d("d");
    {
      tracer e("e");
      co_yield 3;
    }
  }
  tracer f("f");
  std::printf("body end\n");
}

// Suspensions inside a loop and inside try blocks.
coflat::generator<int> loop_try() {
  tracer a("la");
  for (int i = 0; i < 2; ++i) {
    tracer it("it" + std::to_string(i));
    try {
      tracer t("try" + std::to_string(i));
      co_yield i;
    } catch (...) {
      std::printf("not reached\n");
    }
  }
}

int main() {
  for (int k = 0; k <= 4; ++k) {
    std::printf("== nested k=%d\n", k);
    {
      auto g = nested(tracer("p"));
      for (int i = 0; i < k; ++i) {
        auto v = g.next();
        std::printf("got %d\n", v ? *v : -1);
      }
      std::printf("destroy\n");
    }
    std::printf("destroyed\n");
  }
  // CHECK: == nested k=0
  // CHECK-NEXT: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -p~
  // CHECK-NEXT: destroyed
  // CHECK-NEXT: == nested k=1
  // CHECK-NEXT: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: got 1
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -b
  // CHECK-NEXT: -a
  // CHECK-NEXT: -p~
  // CHECK-NEXT: destroyed
  // CHECK-NEXT: == nested k=2
  // CHECK-NEXT: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +c
  // CHECK-NEXT: +pinned 7
  // CHECK-NEXT: got 2
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -pinned 7
  // CHECK-NEXT: -c
  // CHECK-NEXT: -b
  // CHECK-NEXT: -a
  // CHECK-NEXT: -p~
  // CHECK-NEXT: destroyed
  // CHECK-NEXT: == nested k=3
  // CHECK-NEXT: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +c
  // CHECK-NEXT: +pinned 7
  // CHECK-NEXT: got 2
  // CHECK-NEXT: -pinned 7
  // CHECK-NEXT: -c
  // CHECK-NEXT: +d
  // CHECK-NEXT: +e
  // CHECK-NEXT: got 3
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -e
  // CHECK-NEXT: -d
  // CHECK-NEXT: -b
  // CHECK-NEXT: -a
  // CHECK-NEXT: -p~
  // CHECK-NEXT: destroyed
  // CHECK-NEXT: == nested k=4
  // CHECK-NEXT: +p
  // CHECK-NEXT: +p~ (move)
  // CHECK-NEXT: -p
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +c
  // CHECK-NEXT: +pinned 7
  // CHECK-NEXT: got 2
  // CHECK-NEXT: -pinned 7
  // CHECK-NEXT: -c
  // CHECK-NEXT: +d
  // CHECK-NEXT: +e
  // CHECK-NEXT: got 3
  // CHECK-NEXT: -e
  // CHECK-NEXT: -d
  // CHECK-NEXT: -b
  // CHECK-NEXT: +f
  // CHECK-NEXT: body end
  // CHECK-NEXT: -f
  // CHECK-NEXT: -a
  // CHECK-NEXT: got -1
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -p~
  // CHECK-NEXT: destroyed
  for (int k = 0; k <= 2; ++k) {
    std::printf("== loop_try k=%d\n", k);
    {
      auto g = loop_try();
      for (int i = 0; i < k; ++i)
        std::printf("got %d\n", *g.next());
      std::printf("destroy\n");
    }
  }
  // CHECK-NEXT: == loop_try k=0
  // CHECK-NEXT: destroy
  // CHECK-NEXT: == loop_try k=1
  // CHECK-NEXT: +la
  // CHECK-NEXT: +it0
  // CHECK-NEXT: +try0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -try0
  // CHECK-NEXT: -it0
  // CHECK-NEXT: -la
  // CHECK-NEXT: == loop_try k=2
  // CHECK-NEXT: +la
  // CHECK-NEXT: +it0
  // CHECK-NEXT: +try0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: -try0
  // CHECK-NEXT: -it0
  // CHECK-NEXT: +it1
  // CHECK-NEXT: +try1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -try1
  // CHECK-NEXT: -it1
  // CHECK-NEXT: -la
  std::printf("== moved generator\n");
  {
    auto g = nested(tracer("m"));
    g.next();
    auto h = std::move(g);
    std::printf("moved\n");
    h.next();
    std::printf("destroy\n");
  }
  // CHECK-NEXT: == moved generator
  // CHECK-NEXT: +m
  // CHECK-NEXT: +m~ (move)
  // CHECK-NEXT: -m
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b
  // CHECK-NEXT: moved
  // CHECK-NEXT: +c
  // CHECK-NEXT: +pinned 7
  // CHECK-NEXT: destroy
  // CHECK-NEXT: -pinned 7
  // CHECK-NEXT: -c
  // CHECK-NEXT: -b
  // CHECK-NEXT: -a
  // CHECK-NEXT: -m~
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
