// The value of a co_yield expression: what send() passed, or a
// value-initialised Send when the generator was resumed by next().
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

struct point {
  int x, y;
};

struct counted {
  int v;
  counted() : v(-1) { std::printf("counted() default\n"); }
  explicit counted(int x) : v(x) {}
};

coflat::generator<int, int> ints() {
  for (int i = 0; i < 4; ++i) {
    int got = co_yield i;
    std::printf("int got %d\n", got);
  }
}

coflat::generator<int, double> doubles() {
  double d = co_yield 1;
  std::printf("double got %.2f\n", d);
  d = co_yield 2;
  std::printf("double got %.2f\n", d);
}

coflat::generator<int, point> points() {
  point p = co_yield 1;
  std::printf("point got %d,%d\n", p.x, p.y);
  p = co_yield 2;
  std::printf("point got %d,%d\n", p.x, p.y);
}

coflat::generator<int, const char*> pointers() {
  const char* s = co_yield 1;
  std::printf("pointer null %d\n", s == nullptr);
  s = co_yield 2;
  std::printf("pointer got %s\n", s);
}

coflat::generator<int, counted> classes() {
  counted c = co_yield 1;
  std::printf("counted got %d\n", c.v);
  c = co_yield 2;
  std::printf("counted got %d\n", c.v);
}

int main() {
  auto a = ints();
  a.next();
  a.send(10);
  a.next();
  a.send(30);
  a.next();
  // CHECK:      int got 10
  // CHECK-NEXT: int got 0
  // CHECK-NEXT: int got 30
  // CHECK-NEXT: int got 0

  auto b = doubles();
  b.next();
  b.send(2.5);
  b.next();
  // CHECK-NEXT: double got 2.50
  // CHECK-NEXT: double got 0.00

  auto c = points();
  c.next();
  c.next();
  c.send(point{3, 4});
  // CHECK-NEXT: point got 0,0
  // CHECK-NEXT: point got 3,4

  auto d = pointers();
  d.next();
  d.next();
  d.send("hello");
  // CHECK-NEXT: pointer null 1
  // CHECK-NEXT: pointer got hello

  auto e = classes();
  e.next();
  e.send(counted(7));
  e.next();
  // CHECK-NEXT: counted got 7
  // CHECK-NEXT: counted() default
  // CHECK-NEXT: counted got -1

  // send() before the first next() is an error, and does not start it.
  auto f = ints();
  try {
    f.send(1);
  } catch (const coflat::invalid_state_error&) {
    std::printf("send before next: invalid_state_error\n");
  }
  std::printf("first %d\n", *f.next());
  // CHECK-NEXT: send before next: invalid_state_error
  // CHECK-NEXT: first 0
}
