// Counting, sending, returning: the first things a generator does.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>

coflat::generator<int> count(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}

coflat::generator<std::string, int, int> running_total(std::string tag) {
  int total = 0;
  for (;;) {
    int v = co_yield tag + "=" + std::to_string(total);
    if (v < 0)
      co_return total;
    total += v;
  }
}

int main() {
  for (int x : count(3))
    std::printf("count %d\n", x);
  // CHECK: count 0
  // CHECK-NEXT: count 1
  // CHECK-NEXT: count 2
  auto g = running_total("t");
  std::printf("%s\n", g.next()->c_str());
  std::printf("%s\n", g.send(5)->c_str());
  std::printf("%s\n", g.send(7)->c_str());
  // CHECK-NEXT: t=0
  // CHECK-NEXT: t=5
  // CHECK-NEXT: t=12
  bool more = g.send(-1).has_value();
  std::printf("more=%d done=%d result=%d\n", more, g.done(), g.result());
  // CHECK-NEXT: more=0 done=1 result=12
}
