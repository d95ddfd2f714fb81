// Closures in async functions: loop callbacks and done callbacks that see
// the coroutine's locals (by reference, as Python's closures do), a sort
// comparator, and a closure kept across awaits.  Ported from
// async_lambdas.py, whose output it must match.
// RUN: %run-all %s %t --python %S/async_lambdas.py | FileCheck %s
#include <coflat/coflat.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

using namespace std::chrono_literals;

coflat::task<int> worker(std::string name, std::chrono::milliseconds delay) {
  co_await coflat::sleep(delay);
  co_return int(name.size());
}

coflat::task<> amain() {
  coflat::event_loop& loop = coflat::get_running_loop();
  std::vector<std::string> log;
  int count = 0;
  auto bump = [&](int step) {
    count += step;
    log.push_back("bump " + std::to_string(step) + " -> " + std::to_string(count));
  };
  loop.call_soon([&] { bump(1); });
  loop.call_soon([&] { bump(10); });
  co_await coflat::sleep(0s);
  std::printf("count %d\n", count);

  std::vector<std::string> names{"pear", "fig", "banana"};
  coflat::future<int> done;
  std::vector<std::string> results;
  std::vector<coflat::future<int>> tasks;
  for (const std::string& n : names)
    tasks.push_back(coflat::create_task(worker(n, 0ms)));
  for (std::size_t i = 0; i < names.size(); ++i)
    tasks[i].add_done_callback([&results, n = names[i]](coflat::future<int>& f) {
      results.push_back(n + "=" + std::to_string(f.result()));
    });
  co_await coflat::gather(tasks);
  co_await coflat::sleep(0s);
  std::string line;
  for (const std::string& r : results)
    line += (line.empty() ? "" : " ") + r;
  std::printf("%s\n", line.c_str());

  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return std::make_tuple(a.size(), a) < std::make_tuple(b.size(), b);
  });
  std::printf("%s %s %s\n", names[0].c_str(), names[1].c_str(), names[2].c_str());

  int seen = 0;
  auto counter = [&seen] { return ++seen; };
  for (int i = 0; i < 3; ++i) {
    co_await coflat::sleep(0s);
    int c = counter();
    std::printf("counter %d count %d\n", c, count);
  }
  for (const std::string& l : log)
    std::printf("%s\n", l.c_str());
  done.set_result(seen);
  std::printf("done %d\n", co_await done);
}

int main() { coflat::run(amain()); }
// CHECK:      count 11
// CHECK-NEXT: pear=4 fig=3 banana=6
// CHECK-NEXT: fig pear banana
// CHECK-NEXT: counter 1 count 11
// CHECK-NEXT: counter 2 count 11
// CHECK-NEXT: counter 3 count 11
// CHECK-NEXT: bump 1 -> 1
// CHECK-NEXT: bump 10 -> 11
// CHECK-NEXT: done 3
