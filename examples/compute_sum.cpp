// Chaining coroutines, ported from compute_sum.py (kept beside this file):
// the classic asyncio compute / print_sum example, with print_sum awaited
// on its own and several run at once with gather.
#include <coflat/coflat.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace std::chrono_literals;

coflat::task<int> compute(int x, int y) {
  std::printf("Compute %d + %d ...\n", x, y);
  co_await coflat::sleep(10ms);
  co_return x + y;
}

coflat::task<void> print_sum(int x, int y) {
  int result = co_await compute(x, y);
  std::printf("%d + %d = %d\n", x, y, result);
}

coflat::task<void> main_task() {
  // Awaiting a coroutine runs it inline: nothing else is going on.
  co_await print_sum(1, 2);
  std::puts("-- gather");
  // gather makes each one a Task: all three compute before any prints.
  co_await coflat::gather(print_sum(3, 4), print_sum(5, 6), print_sum(7, 8));
  std::puts("-- gather with results");
  // gather's result: the return values, in argument order.
  std::vector<coflat::task<int>> jobs;
  for (int i = 1; i < 4; ++i)
    jobs.push_back(compute(i, 10 * i));
  std::vector<int> sums = co_await coflat::gather(std::move(jobs));
  std::string line;
  for (int s : sums)
    line += (line.empty() ? "" : ", ") + std::to_string(s);
  std::printf("sums: %s\n", line.c_str());
  std::puts("done");
}

int main() { coflat::run(main_task()); }
