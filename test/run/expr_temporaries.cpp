// Temporaries created before a co_yield in the same full-expression live
// until the end of that full-expression, after the resume: they are kept in
// the frame across the suspension, destroyed after the resume in reverse
// order of construction, and destroyed with the frame when the generator is
// destroyed while suspended there.
// The last generator spells them as the common case does: bound to const
// references and written as T(args).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>

#include "tracer.h"

tracer make(const char* n) { return tracer(n); }
int use(tracer&& t, int v) {
  std::printf("use %s %d\n", t.name.c_str(), v);
  return v;
}
int use2(tracer&& a, tracer&& b, int v) {
  std::printf("use2 %s %s %d\n", a.name.c_str(), b.name.c_str(), v);
  return v;
}

coflat::generator<int, int> temps() {
  // A temporary bound to a reference parameter, then the suspension.
  use(make("a"), co_yield 1);
  std::printf("after a\n");
  // Two temporaries, from a function returning by value.
  int r = use2(make("b1"), make("b2"), co_yield 2);
  std::printf("after b r=%d\n", r);
  // In a && chain.
  bool ok = !make("c").name.empty() && (co_yield 3) > 0;
  std::printf("after c ok=%d\n", ok);
  // A member of a temporary is what is yielded.
  co_yield make("d").name.size();
  std::printf("after d\n");
  // A temporary created after the resume is not in the frame, but is
  // destroyed at the same point.
  use(make("e1"), (co_yield 5) + use(make("e2"), 0));
  std::printf("after e\n");
}

int use_cref(const tracer& t, int v) {
  std::printf("use_cref %s %d\n", t.name.c_str(), v);
  return v;
}

coflat::generator<int, int> temps_const_ref() {
  use_cref(tracer("k"), co_yield 9);
  std::printf("after k\n");
  bool ok = !tracer("m").name.empty() && (co_yield 10) > 0;
  std::printf("after m ok=%d\n", ok);
}

int main() {
  auto g = temps();
  std::printf("-> %d\n", *g.next());
  // CHECK:      +a
  // CHECK-NEXT: -> 1
  std::printf("-> %d\n", *g.send(10));
  // CHECK-NEXT: use a 10
  // CHECK-NEXT: -a
  // CHECK-NEXT: after a
  // CHECK-NEXT: +b1
  // CHECK-NEXT: +b2
  // CHECK-NEXT: -> 2
  std::printf("-> %d\n", *g.send(20));
  // CHECK-NEXT: use2 b1 b2 20
  // CHECK-NEXT: -b2
  // CHECK-NEXT: -b1
  // CHECK-NEXT: after b r=20
  // CHECK-NEXT: +c
  // CHECK-NEXT: -> 3
  std::printf("-> %d\n", *g.send(30));
  // CHECK-NEXT: -c
  // CHECK-NEXT: after c ok=1
  // CHECK-NEXT: +d
  // CHECK-NEXT: -> 1
  std::printf("-> %d\n", *g.next());
  // CHECK-NEXT: -d
  // CHECK-NEXT: after d
  // CHECK-NEXT: +e1
  // CHECK-NEXT: -> 5
  std::printf("more %d\n", g.send(50).has_value());
  // CHECK-NEXT: +e2
  // CHECK-NEXT: use e2 0
  // CHECK-NEXT: use e1 50
  // CHECK-NEXT: -e2
  // CHECK-NEXT: -e1
  // CHECK-NEXT: after e
  // CHECK-NEXT: more 0

  // Destroyed while suspended inside the full-expression: the temporaries
  // constructed so far are destroyed, in reverse order.
  {
    auto h = temps();
    h.next();
    h.send(1);
    std::printf("destroying at b\n");
  }
  std::printf("destroyed\n");
  // CHECK-NEXT: +a
  // CHECK-NEXT: use a 1
  // CHECK-NEXT: -a
  // CHECK-NEXT: after a
  // CHECK-NEXT: +b1
  // CHECK-NEXT: +b2
  // CHECK-NEXT: destroying at b
  // CHECK-NEXT: -b2
  // CHECK-NEXT: -b1
  // CHECK-NEXT: destroyed

  {
    auto k = temps_const_ref();
    k.next();
    k.send(5);
    k.send(6);
  }
  // CHECK-NEXT: +k
  // CHECK-NEXT: use_cref k 5
  // CHECK-NEXT: -k
  // CHECK-NEXT: after k
  // CHECK-NEXT: +m
  // CHECK-NEXT: -m
  // CHECK-NEXT: after m ok=1
}
