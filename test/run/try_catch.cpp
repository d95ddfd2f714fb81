// co_yield inside try blocks (and nested try blocks): exceptions thrown by
// the body after resuming, and exceptions raised at the co_yield by
// throw_exception(), are caught by the body's own handlers; the locals of
// the try block are destroyed before the handler runs.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <stdexcept>
#include <string>
#include "tracer.h"

struct my_error {
  int code;
};

coflat::generator<int> body_throws() {
  tracer a("a");
  for (int i = 0; i < 3; ++i) {
    try {
      tracer t("t" + std::to_string(i));
      co_yield i;
      if (i == 1)
        throw std::runtime_error("boom" + std::to_string(i));
      co_yield 10 + i;
    } catch (const std::runtime_error& e) {
      std::printf("caught %s\n", e.what());
    }
    std::printf("after try %d\n", i);
  }
}

coflat::generator<int> nested() {
  try {
    tracer o("outer");
    co_yield 1;
    try {
      tracer i("inner");
      co_yield 2;
      throw my_error{7};
    } catch (const std::runtime_error& e) {
      std::printf("inner handler: not this one\n");
    }
    std::printf("not reached\n");
  } catch (const my_error& e) {
    std::printf("outer caught %d\n", e.code);
  }
  co_yield 3;
  try {
    tracer o2("o2");
    try {
      tracer x("x");
      co_yield 4;
      throw std::logic_error("le");
    } catch (const std::logic_error& e) {
      std::printf("inner caught %s, rethrow\n", e.what());
      throw;
    }
  } catch (const std::exception& e) {
    std::printf("outer caught %s\n", e.what());
  }
  try {
    tracer y("y");
    try {
      co_yield 5;
    } catch (...) {
      std::printf("not reached\n");
    }
    co_yield 6;
  } catch (...) {
    std::printf("not reached\n");
  }
  co_yield 7;
}

// throw_exception() raises at the suspended co_yield.
coflat::generator<int> catches_thrown_in() {
  int n = 0;
  while (n < 10) {
    tracer loop("loop" + std::to_string(n));
    try {
      tracer t("t" + std::to_string(n));
      bool caught = false;
      try {
        co_yield n;
      } catch (const std::runtime_error& e) {
        std::printf("inner caught %s at %d\n", e.what(), n);
        caught = true;
      }
      if (caught)
        co_yield 100 + n;  // suspends again inside the outer try
    } catch (const my_error& e) {
      std::printf("outer caught %d at %d\n", e.code, n);
      n += e.code;
      continue;
    }
    ++n;
  }
  std::printf("loop ended\n");
}

int main() {
  std::printf("== body_throws\n");
  for (int v : body_throws())
    std::printf("got %d\n", v);
  // CHECK: == body_throws
  // CHECK-NEXT: +a
  // CHECK-NEXT: +t0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: got 10
  // CHECK-NEXT: -t0
  // CHECK-NEXT: after try 0
  // CHECK-NEXT: +t1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -t1
  // CHECK-NEXT: caught boom1
  // CHECK-NEXT: after try 1
  // CHECK-NEXT: +t2
  // CHECK-NEXT: got 2
  // CHECK-NEXT: got 12
  // CHECK-NEXT: -t2
  // CHECK-NEXT: after try 2
  // CHECK-NEXT: -a
  std::printf("== nested\n");
  for (int v : nested())
    std::printf("got %d\n", v);
  // CHECK-NEXT: == nested
  // CHECK-NEXT: +outer
  // CHECK-NEXT: got 1
  // CHECK-NEXT: +inner
  // CHECK-NEXT: got 2
  // CHECK-NEXT: -inner
  // CHECK-NEXT: -outer
  // CHECK-NEXT: outer caught 7
  // CHECK-NEXT: got 3
  // CHECK-NEXT: +o2
  // CHECK-NEXT: +x
  // CHECK-NEXT: got 4
  // CHECK-NEXT: -x
  // CHECK-NEXT: inner caught le, rethrow
  // CHECK-NEXT: -o2
  // CHECK-NEXT: outer caught le
  // CHECK-NEXT: +y
  // CHECK-NEXT: got 5
  // CHECK-NEXT: got 6
  // CHECK-NEXT: -y
  // CHECK-NEXT: got 7
  std::printf("== catches_thrown_in\n");
  {
    auto g = catches_thrown_in();
    std::printf("got %d\n", *g.next());
    std::printf("got %d\n", *g.throw_exception(std::runtime_error("rt")));
    std::printf("got %d\n", *g.next());
    std::printf("got %d\n", *g.throw_exception(my_error{3}));
    std::printf("got %d\n", *g.throw_exception(std::runtime_error("rt2")));
    std::printf("got %d\n", *g.throw_exception(my_error{5}));
    std::printf("has value %d\n", (int)g.throw_exception(std::make_exception_ptr(my_error{10})).has_value());
    std::printf("done %d\n", (int)g.done());
  }
  // CHECK-NEXT: == catches_thrown_in
  // CHECK-NEXT: +loop0
  // CHECK-NEXT: +t0
  // CHECK-NEXT: got 0
  // CHECK-NEXT: inner caught rt at 0
  // CHECK-NEXT: got 100
  // CHECK-NEXT: -t0
  // CHECK-NEXT: -loop0
  // CHECK-NEXT: +loop1
  // CHECK-NEXT: +t1
  // CHECK-NEXT: got 1
  // CHECK-NEXT: -t1
  // CHECK-NEXT: outer caught 3 at 1
  // CHECK-NEXT: -loop1
  // CHECK-NEXT: +loop4
  // CHECK-NEXT: +t4
  // CHECK-NEXT: got 4
  // CHECK-NEXT: inner caught rt2 at 4
  // CHECK-NEXT: got 104
  // CHECK-NEXT: -t4
  // CHECK-NEXT: outer caught 5 at 4
  // CHECK-NEXT: -loop4
  // CHECK-NEXT: +loop9
  // CHECK-NEXT: +t9
  // CHECK-NEXT: got 9
  // CHECK-NEXT: -t9
  // CHECK-NEXT: outer caught 10 at 9
  // CHECK-NEXT: -loop9
  // CHECK-NEXT: loop ended
  // CHECK-NEXT: has value 0
  // CHECK-NEXT: done 1
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
