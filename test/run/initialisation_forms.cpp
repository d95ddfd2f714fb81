// Each hoisted declaration keeps its own form of initialisation (issue #9,
// bugs 2, 3 and 8):
//  - `T x(e);` with a scalar, an iterator or a same-type prvalue (the `)`
//    used to be lost);
//  - `T x;` is default-initialisation, not value-initialisation `T{}` (an
//    aggregate whose member has an explicit default constructor, and a
//    scalar whose indeterminate value is then assigned);
//  - `T x = e;` is copy-initialisation: an explicit constructor that
//    direct-initialisation would prefer is not chosen, conversion functions
//    are, and a prvalue of another class converts without an extra move.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <vector>
#include "tracer.h"

coflat::generator<int> paren_forms() {
  int a(3);
  co_yield a;
  int b((4));
  co_yield b;
  std::vector<int> v{1, 2};
  std::vector<int>::iterator it(v.begin());
  co_yield *it;
  std::vector<int> w(std::vector<int>{7, 8});
  co_yield w[1];
  std::vector<int> n(3, 9);
  co_yield n[2] + static_cast<int>(n.size());
}
// CHECK: == paren_forms
// CHECK-NEXT: 3
// CHECK-NEXT: 4
// CHECK-NEXT: 1
// CHECK-NEXT: 8
// CHECK-NEXT: 12

struct explicit_default {
  explicit explicit_default() { std::printf("explicit_default()\n"); }
  int v = 5;
};
struct aggregate {
  explicit_default e;
  int x;
};

coflat::generator<int> default_forms() {
  aggregate a;
  a.x = 1;
  co_yield a.e.v + a.x;
  int z;
  z = 4;
  co_yield z;
  explicit_default d{};
  co_yield d.v;
}
// CHECK: == default_forms
// CHECK-NEXT: explicit_default()
// CHECK-NEXT: 6
// CHECK-NEXT: 4
// CHECK-NEXT: explicit_default()
// CHECK-NEXT: 5

struct picky {
  int how;
  picky(long) : how(1) { std::printf("picky(long)\n"); }
  explicit picky(int) : how(2) { std::printf("explicit picky(int)\n"); }
};
struct source {
  explicit operator int() const { return 100; }
  operator long() const { return 200; }
};
struct wrapper {
  tracer t;
  wrapper(tracer x) : t(std::move(x)) {}
};

coflat::generator<int> copy_forms() {
  picky p = 1; // copy-initialisation: picky(long)
  co_yield p.how;
  picky q(1); // direct: the explicit picky(int)
  co_yield q.how;
  source s;
  long l = s; // the non-explicit conversion
  co_yield static_cast<int>(l);
  wrapper w = tracer("t"); // converts from the prvalue: one move, into t
  co_yield w.t.name.size();
  const picky r = 2L;
  co_yield r.how;
}
// CHECK: == copy_forms
// CHECK-NEXT: picky(long)
// CHECK-NEXT: 1
// CHECK-NEXT: explicit picky(int)
// CHECK-NEXT: 2
// CHECK-NEXT: 200
// CHECK-NEXT: +t
// CHECK-NEXT: +t~ (move)
// CHECK-NEXT: -t
// CHECK-NEXT: 2
// CHECK-NEXT: picky(long)
// CHECK-NEXT: 1
// CHECK-NEXT: -t~

// The loop variable of a range-for is copy-initialised from *__begin.
coflat::generator<int> loop_variable() {
  long values[] = {1, 2};
  for (picky p : values)
    co_yield p.how;
}
// CHECK: == loop_variable
// CHECK-NEXT: picky(long)
// CHECK-NEXT: 1
// CHECK-NEXT: picky(long)
// CHECK-NEXT: 1

template <class G> void drain(const char* name, G g) {
  std::printf("== %s\n", name);
  for (int v : g)
    std::printf("%d\n", v);
}

int main() {
  drain("paren_forms", paren_forms());
  drain("default_forms", default_forms());
  drain("copy_forms", copy_forms());
  drain("loop_variable", loop_variable());
}
