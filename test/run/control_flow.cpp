// co_yield inside if/else, for, while, do-while and nested blocks.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include "tracer.h"

template <class G> void drain(const char* name, G g) {
  std::printf("== %s\n", name);
  while (auto v = g.next())
    std::printf("got %d\n", *v);
  std::printf("done\n");
}

coflat::generator<int> if_else(int n) {
  for (int i = 0; i < n; ++i) {
    if (i % 3 == 0)
      co_yield i;
    else if (i % 3 == 1) {
      co_yield 100 + i;
      co_yield 200 + i;
    } else {
      std::printf("skip %d\n", i);
    }
    if (i == 4)
      co_yield -1;
    else
      std::printf("not four\n");
  }
}
// CHECK: == if_else
// CHECK-NEXT: got 0
// CHECK-NEXT: not four
// CHECK-NEXT: got 101
// CHECK-NEXT: got 201
// CHECK-NEXT: not four
// CHECK-NEXT: skip 2
// CHECK-NEXT: not four
// CHECK-NEXT: got 3
// CHECK-NEXT: not four
// CHECK-NEXT: got 104
// CHECK-NEXT: got 204
// CHECK-NEXT: got -1
// CHECK-NEXT: done

coflat::generator<int> nested_for() {
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < i; ++j)
      co_yield i * 10 + j;
  for (int k = 5; k > 3; k--) {
    co_yield k;
  }
}
// CHECK-NEXT: == nested_for
// CHECK-NEXT: got 10
// CHECK-NEXT: got 20
// CHECK-NEXT: got 21
// CHECK-NEXT: got 5
// CHECK-NEXT: got 4
// CHECK-NEXT: done

coflat::generator<int> while_loops() {
  int i = 0;
  while (i < 3) {
    co_yield i;
    ++i;
  }
  while (true) {
    if (i > 5)
      break;
    co_yield i++;
  }
  int j = 0;
  while (j++ < 2)
    co_yield 50 + j;
}
// CHECK-NEXT: == while_loops
// CHECK-NEXT: got 0
// CHECK-NEXT: got 1
// CHECK-NEXT: got 2
// CHECK-NEXT: got 3
// CHECK-NEXT: got 4
// CHECK-NEXT: got 5
// CHECK-NEXT: got 51
// CHECK-NEXT: got 52
// CHECK-NEXT: done

coflat::generator<int> do_while() {
  int i = 0;
  do {
    co_yield i;
    i += 2;
  } while (i < 5);
  do
    co_yield 99;
  while (false);
  int k = 3;
  do {
    if (k == 2) {
      co_yield -k;
      continue;
    }
    co_yield k;
  } while (--k > 0);
}
// CHECK-NEXT: == do_while
// CHECK-NEXT: got 0
// CHECK-NEXT: got 2
// CHECK-NEXT: got 4
// CHECK-NEXT: got 99
// CHECK-NEXT: got 3
// CHECK-NEXT: got -2
// CHECK-NEXT: got 1
// CHECK-NEXT: done

// Tracers in loop bodies: one per iteration, destroyed at the end of each.
coflat::generator<int> loop_bodies() {
  for (int i = 0; i < 2; ++i) {
    tracer t("for" + std::to_string(i));
    co_yield i;
  }
  int n = 0;
  while (n < 2) {
    tracer t("while" + std::to_string(n));
    co_yield n++;
  }
  do {
    tracer t("do" + std::to_string(n));
    co_yield n--;
  } while (n > 1);
}
// CHECK-NEXT: == loop_bodies
// CHECK-NEXT: +for0
// CHECK-NEXT: got 0
// CHECK-NEXT: -for0
// CHECK-NEXT: +for1
// CHECK-NEXT: got 1
// CHECK-NEXT: -for1
// CHECK-NEXT: +while0
// CHECK-NEXT: got 0
// CHECK-NEXT: -while0
// CHECK-NEXT: +while1
// CHECK-NEXT: got 1
// CHECK-NEXT: -while1
// CHECK-NEXT: +do2
// CHECK-NEXT: got 2
// CHECK-NEXT: -do2
// CHECK-NEXT: done

coflat::generator<int> nested_blocks() {
  tracer a("a");
  {
    tracer b("b");
    {
      {
        tracer c("c");
        co_yield 1;
      }
      co_yield 2;
      {
        tracer d("d");
        {
          co_yield 3;
        }
      }
    }
    co_yield 4;
  }
  {
    co_yield 5;
  }
}
// CHECK-NEXT: == nested_blocks
// CHECK-NEXT: +a
// CHECK-NEXT: +b
// CHECK-NEXT: +c
// CHECK-NEXT: got 1
// CHECK-NEXT: -c
// CHECK-NEXT: got 2
// CHECK-NEXT: +d
// CHECK-NEXT: got 3
// CHECK-NEXT: -d
// CHECK-NEXT: got 4
// CHECK-NEXT: -b
// CHECK-NEXT: got 5
// CHECK-NEXT: -a
// CHECK-NEXT: done

int main() {
  drain("if_else", if_else(5));
  drain("nested_for", nested_for());
  drain("while_loops", while_loops());
  drain("do_while", do_while());
  drain("loop_bodies", loop_bodies());
  drain("nested_blocks", nested_blocks());
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
