// break, continue, goto (forward and backward) and co_return, before and
// after suspensions, inside loops that hold tracer locals: every object is
// destroyed exactly once, in reverse order, when its scope is left.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include "tracer.h"

static std::string nm(const char* p, int i) { return p + std::to_string(i); }

coflat::generator<int> break_continue() {
  tracer outer("outer");
  for (int i = 0; i < 5; ++i) {
    tracer a(nm("a", i));
    if (i == 1) {
      tracer b(nm("b", i));
      continue;  // no suspension in this iteration
    }
    co_yield i;
    tracer c(nm("c", i));
    if (i == 2)
      continue;  // after a suspension
    if (i == 3) {
      tracer d(nm("d", i));
      co_yield 30 + i;
      break;  // after two suspensions, from a nested scope
    }
    co_yield 10 + i;
  }
  std::printf("after for\n");
  int n = 0;
  while (true) {
    tracer w(nm("w", n));
    if (n++ == 2)
      break;  // no suspension in this iteration
    co_yield 50 + n;
  }
}

coflat::generator<int> gotos() {
  int n = 0;
again:
  {
    tracer a(nm("a", n));
    co_yield n;
    if (++n < 3)
      goto again;  // backward, out of a scope with a live object
    tracer b(nm("b", n));
    co_yield 10 + n;
    goto out;  // forward, out of the scope
  }
out:
  std::printf("at out\n");
  for (int i = 0; i < 3; ++i) {
    tracer l(nm("l", i));
    for (int j = 0; j < 3; ++j) {
      tracer m(nm("m", j));
      co_yield i * 10 + j;
      if (j == 1)
        goto next_i;  // out of two nested scopes after a suspension
    }
  next_i:
    std::printf("next_i %d\n", i);
    if (i == 1)
      goto done;  // forward, out of the loop
  }
done:
  std::printf("done\n");
}

coflat::generator<int> returns(int when) {
  tracer a("a");
  for (int i = 0; i < 3; ++i) {
    tracer b(nm("b", i));
    if (when == 0)
      co_return;  // before any suspension
    co_yield i;
    {
      tracer c(nm("c", i));
      if (when == i + 1)
        co_return;  // after suspensions, from a nested scope in a loop
      co_yield 10 + i;
    }
  }
  std::printf("not reached for when < 4\n");
}

// co_return with a value from inside nested scopes and a loop.
coflat::generator<int, void, std::string> return_value(int stop) {
  tracer a("ra");
  for (int i = 0;; ++i) {
    tracer b(nm("rb", i));
    co_yield i;
    if (i == stop) {
      tracer c("rc");
      co_return nm("result", i) + "/" + c.name;
    }
  }
}

// goto backward past a declaration in the same scope: the object is
// destroyed by the jump and constructed again.
coflat::generator<int> back_past_decl() {
  int n = 0;
top:
  tracer t(nm("g", n));
  co_yield n;
  if (++n < 3)
    goto top;
  std::printf("leaving\n");
}

template <class G> void drain(const char* name, G g) {
  std::printf("== %s\n", name);
  while (auto v = g.next())
    std::printf("got %d\n", *v);
  std::printf("finished done=%d\n", (int)g.done());
}

int main() {
  drain("break_continue", break_continue());
  // CHECK: == break_continue
  // CHECK-NEXT: +outer
  // CHECK-NEXT: +a0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: +c0
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -c0
  // CHECK-NEXT: -a0
  // CHECK-NEXT: +a1
  // CHECK-NEXT: +b1
  // CHECK-NEXT: -b1
  // CHECK-NEXT: -a1
  // CHECK-NEXT: +a2
  // CHECK-NEXT: got 2
  // CHECK-NEXT: +c2
  // CHECK-NEXT: -c2
  // CHECK-NEXT: -a2
  // CHECK-NEXT: +a3
  // CHECK-NEXT: got 3
  // CHECK-NEXT: +c3
  // CHECK-NEXT: +d3
  // CHECK-NEXT: got 33
  // CHECK-NEXT: -d3
  // CHECK-NEXT: -c3
  // CHECK-NEXT: -a3
  // CHECK-NEXT: after for
  // CHECK-NEXT: +w0
  // CHECK-NEXT: got 51
  // CHECK-NEXT: -w0
  // CHECK-NEXT: +w1
  // CHECK-NEXT: got 52
  // CHECK-NEXT: -w1
  // CHECK-NEXT: +w2
  // CHECK-NEXT: -w2
  // CHECK-NEXT: -outer
  // CHECK-NEXT: finished done=1
  drain("gotos", gotos());
  // CHECK-NEXT: == gotos
  // CHECK-NEXT: +a0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: -a0
  // CHECK-NEXT: +a1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -a1
  // CHECK-NEXT: +a2
  // CHECK-NEXT: got 2
  // CHECK-NEXT: +b3
  // CHECK-NEXT: got 13
  // CHECK-NEXT: -b3
  // CHECK-NEXT: -a2
  // CHECK-NEXT: at out
  // CHECK-NEXT: +l0
  // CHECK-NEXT: +m0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: -m0
  // CHECK-NEXT: +m1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -m1
  // CHECK-NEXT: next_i 0
  // CHECK-NEXT: -l0
  // CHECK-NEXT: +l1
  // CHECK-NEXT: +m0
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -m0
  // CHECK-NEXT: +m1
  // CHECK-NEXT: got 11
  // CHECK-NEXT: -m1
  // CHECK-NEXT: next_i 1
  // CHECK-NEXT: -l1
  // CHECK-NEXT: done
  // CHECK-NEXT: finished done=1
  drain("returns 0", returns(0));
  // CHECK-NEXT: == returns 0
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b0
  // CHECK-NEXT: -b0
  // CHECK-NEXT: -a
  // CHECK-NEXT: finished done=1
  drain("returns 2", returns(2));
  // CHECK-NEXT: == returns 2
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: +c0
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -c0
  // CHECK-NEXT: -b0
  // CHECK-NEXT: +b1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +c1
  // CHECK-NEXT: -c1
  // CHECK-NEXT: -b1
  // CHECK-NEXT: -a
  // CHECK-NEXT: finished done=1
  drain("returns 4", returns(4));
  // CHECK-NEXT: == returns 4
  // CHECK-NEXT: +a
  // CHECK-NEXT: +b0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: +c0
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -c0
  // CHECK-NEXT: -b0
  // CHECK-NEXT: +b1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +c1
  // CHECK-NEXT: got 11
  // CHECK-NEXT: -c1
  // CHECK-NEXT: -b1
  // CHECK-NEXT: +b2
  // CHECK-NEXT: got 2
  // CHECK-NEXT: +c2
  // CHECK-NEXT: got 12
  // CHECK-NEXT: -c2
  // CHECK-NEXT: -b2
  // CHECK-NEXT: not reached for when < 4
  // CHECK-NEXT: -a
  // CHECK-NEXT: finished done=1
  std::printf("== return_value\n");
  {
    auto g = return_value(1);
    while (auto v = g.next())
      std::printf("got %d\n", *v);
    std::printf("result %s\n", g.result().c_str());
  }
  // CHECK-NEXT: == return_value
  // CHECK-NEXT: +ra
  // CHECK-NEXT: +rb0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: -rb0
  // CHECK-NEXT: +rb1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +rc
  // CHECK-NEXT: -rc
  // CHECK-NEXT: -rb1
  // CHECK-NEXT: -ra
  // CHECK-NEXT: result result1/rc
  drain("back_past_decl", back_past_decl());
  // CHECK-NEXT: == back_past_decl
  // CHECK-NEXT: +g0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: -g0
  // CHECK-NEXT: +g1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -g1
  // CHECK-NEXT: +g2
  // CHECK-NEXT: got 2
  // CHECK-NEXT: leaving
  // CHECK-NEXT: -g2
  // CHECK-NEXT: finished done=1
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
