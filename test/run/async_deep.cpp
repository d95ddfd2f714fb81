// The loop resumes lowered frames without recursion: 100,000 nested awaits
// (each frame awaits the next, which completes synchronously at the
// bottom), and a million synchronously completing awaits in one loop, run
// on the default stack in every build.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <cstdio>

coflat::task<long> depth(int n) {
  if (n == 0)
    co_return 0;
  long below = co_await depth(n - 1);
  co_return below + 1;
}

coflat::task<int> at_once(int v) { co_return v; }

coflat::task<long> many(int n) {
  long sum = 0;
  for (int i = 0; i < n; ++i)
    sum += co_await at_once(i % 3);
  co_return sum;
}

coflat::task<> main_task() {
  std::printf("depth %ld\n", co_await depth(100000));
  std::printf("sum %ld\n", co_await many(1000000));
}

int main() { coflat::run(main_task()); }

// CHECK: depth 100000
// CHECK-NEXT: sum 999999
