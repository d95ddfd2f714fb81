// if constexpr around suspension points: resuming enters the statement at
// its start and the branch taken dispatches; in a template, a branch may use
// what only some arguments have (its frame objects' types are made only
// where it is taken); nested, else-if chains, a non-template, a task, and a
// guarded object in a branch destroyed while suspended there.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <cstdio>
#include <string>
#include <type_traits>
#include <vector>
#include "tracer.h"

// An integer yields itself, a range its elements.
template <class T> coflat::generator<int> flatten(T x) {
  co_yield -1;
  if constexpr (std::is_integral_v<T>)
    co_yield int(x);
  else {
    for (auto v : x) {
      std::string tag = "e";
      co_yield int(v) + int(tag.size());
    }
  }
  co_yield -2;
}

template <class T> coflat::generator<std::string> describe(T x) {
  if constexpr (std::is_same_v<T, std::string>) {
    co_yield "string " + x;
    co_yield std::to_string(x.size());
  } else if constexpr (std::is_arithmetic_v<T>) {
    co_yield "number " + std::to_string(x);
  } else {
    co_yield "other";
  }
}

template <int N> coflat::generator<int> nested() {
  for (int i = 0; i < 2; ++i) {
    if constexpr (N > 0) {
      if constexpr (N > 1)
        co_yield 100 + i;
      co_yield 10 + i;
    } else
      co_yield i;
  }
}

struct plain {
  int v;
};

template <class T> coflat::generator<int> guarded(T x) {
  if constexpr (sizeof(T) > 1) {
    tracer t("branch");
    co_yield int(x);
    co_yield 2;
  }
  co_yield 3;
}
coflat::generator<int> not_template() {
  if constexpr (sizeof(int) == 4)
    co_yield 4;
  else
    co_yield 0;
  co_yield 1;
}

template <class T> coflat::task<int> awaits(T x) {
  if constexpr (std::is_integral_v<T>) {
    co_await coflat::sleep(std::chrono::milliseconds(0));
    co_return int(x) * 2;
  } else {
    co_return int(x.size());
  }
}

coflat::task<> main_task() {
  std::printf("awaits %d %d\n", co_await awaits(21), co_await awaits(std::string("abc")));
}

int main() {
  for (int v : flatten(5))
    std::printf("%d ", v);
  std::printf("\n");
  for (int v : flatten(std::vector<int>{1, 2}))
    std::printf("%d ", v);
  std::printf("\n");
  for (const std::string& s : describe(std::string("hi")))
    std::printf("%s | ", s.c_str());
  for (const std::string& s : describe(2))
    std::printf("%s | ", s.c_str());
  for (const std::string& s : describe(plain{1}))
    std::printf("%s | ", s.c_str());
  std::printf("\n");
  for (int v : nested<0>())
    std::printf("%d ", v);
  for (int v : nested<1>())
    std::printf("%d ", v);
  for (int v : nested<2>())
    std::printf("%d ", v);
  std::printf("\n");
  for (int v : not_template())
    std::printf("%d ", v);
  std::printf("\n");
  {
    auto g = guarded(7L);
    std::printf("guarded %d\n", *g.next());
  }
  for (int v : guarded('c'))
    std::printf("%d ", v);
  std::printf("\n");
  coflat::run(main_task());
}
// CHECK: -1 5 -2
// CHECK-NEXT: -1 2 3 -2
// CHECK-NEXT: string hi | 2 | number 2 | other |
// CHECK-NEXT: 0 1 10 11 100 10 101 11
// CHECK-NEXT: 4 1
// CHECK-NEXT: +branch
// CHECK-NEXT: guarded 7
// CHECK-NEXT: -branch
// CHECK-NEXT: 3
// CHECK-NEXT: awaits 42 3
