// Unnamed parameters, as in an overload selected by a tag or a callback
// signature that ignores an argument: the frame keeps a copy of each, as a
// native coroutine does, so a by-value argument is destroyed with the
// frame.  The lowered function names them where a name would be written,
// also before a default argument and inside a declarator (`void (*)(int)`).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <coflat/task.h>
#include <coflat/asyncio.h>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>

struct tracer {
  std::string name;
  explicit tracer(std::string n) : name(std::move(n)) {}
  tracer(const tracer& o) : name(o.name + "'") {}
  tracer(tracer&& o) noexcept : name(std::move(o.name)) { o.name = "moved-from"; }
  ~tracer() { std::printf("~%s\n", name.c_str()); }
};

struct ascending {};
struct descending {};

coflat::generator<int> walk(int n, ascending) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}
coflat::generator<int> walk(int n, descending) {
  for (int i = n; i-- > 0;)
    co_yield i;
}

coflat::generator<int> ignores(tracer, int step, tracer = tracer("default")) {
  std::printf("started\n");
  co_yield step;
  co_yield 2 * step;
}

coflat::generator<int> callback_shaped(void (*)(int), int x) { co_yield x; }

template <class T> coflat::generator<T> twice(T v, const T&) {
  co_yield v;
  co_yield v;
}

struct counter {
  int base = 100;
  coflat::generator<int> from(int, int n) const {
    for (int i = 0; i < n; ++i)
      co_yield base + i;
  }
};

coflat::task<int> answer(tracer, int) {
  co_await coflat::sleep(std::chrono::milliseconds(0));
  co_return 42;
}

void nothing(int) {}

int main() {
  for (int x : walk(3, ascending{}))
    std::printf("up %d\n", x);
  for (int x : walk(3, descending{}))
    std::printf("down %d\n", x);
  {
    auto g = ignores(tracer("a"), 5);
    std::printf("created\n");
    for (int x : g)
      std::printf("got %d\n", x);
    std::printf("finished\n");
  }
  for (int x : callback_shaped(&nothing, 7))
    std::printf("callback %d\n", x);
  for (int x : twice(8, 9))
    std::printf("twice %d\n", x);
  counter c;
  for (int x : c.from(0, 2))
    std::printf("member %d\n", x);
  std::printf("task %d\n", coflat::run(answer(tracer("t"), 1)));
}
// CHECK:      up 0
// CHECK-NEXT: up 1
// CHECK-NEXT: up 2
// CHECK-NEXT: down 2
// CHECK-NEXT: down 1
// CHECK-NEXT: down 0
// CHECK-NEXT: ~moved-from
// CHECK-NEXT: ~moved-from
// CHECK-NEXT: created
// CHECK-NEXT: started
// CHECK-NEXT: got 5
// CHECK-NEXT: got 10
// CHECK-NEXT: finished
// CHECK-NEXT: ~default
// CHECK-NEXT: ~a
// CHECK-NEXT: callback 7
// CHECK-NEXT: twice 8
// CHECK-NEXT: twice 8
// CHECK-NEXT: member 100
// CHECK-NEXT: member 101
// CHECK-NEXT: ~t
// CHECK-NEXT: task 42
// CHECK-NEXT: ~moved-from
