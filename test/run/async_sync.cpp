// asyncio's synchronisation primitives, lowered: a bounded async_queue
// between a producer and a consumer (with task_done/join), an async_lock
// serialising three workers, an async_event waking two waiters, an
// async_semaphore bounding concurrency.  Ported from async_sync.py, whose
// output it must match.
// RUN: %run-all %s %t --python %S/async_sync.py | FileCheck %s
#include <coflat/coflat.h>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace std::chrono_literals;

coflat::task<> producer(coflat::async_queue<int>& q, int n) {
  for (int i = 0; i < n; ++i) {
    co_await q.put(i);
    std::printf("put %d (size %zu)\n", i, q.qsize());
  }
  co_await q.put(-1);
}

coflat::task<> consumer(coflat::async_queue<int>& q, std::string name) {
  for (;;) {
    int item = co_await q.get();
    q.task_done();
    if (item < 0) {
      std::printf("%s: stop\n", name.c_str());
      co_return;
    }
    std::printf("%s: got %d\n", name.c_str(), item);
    co_await coflat::sleep(0s);
  }
}

coflat::task<> locked_worker(coflat::async_lock& lock, std::string name, std::vector<std::string>& log) {
  co_await lock.acquire();
  log.push_back(name + " in");
  co_await coflat::sleep(0s);
  log.push_back(name + " out");
  lock.release();
}

coflat::task<> waiter(coflat::async_event& event, std::string name) {
  std::printf("%s waits\n", name.c_str());
  co_await event.wait();
  std::printf("%s woke\n", name.c_str());
}

coflat::task<> limited(coflat::async_semaphore& sem, std::string name, int& active) {
  co_await sem.acquire();
  active += 1;
  std::printf("%s runs with %d active\n", name.c_str(), active);
  co_await coflat::sleep(0s);
  active -= 1;
  sem.release();
}

coflat::task<> main_task() {
  coflat::async_queue<int> q(2);
  co_await coflat::gather(producer(q, 5), consumer(q, "c"));
  co_await q.join();
  std::puts("queue joined");

  coflat::async_lock lock;
  std::vector<std::string> log;
  co_await coflat::gather(locked_worker(lock, "a", log), locked_worker(lock, "b", log),
                          locked_worker(lock, "c", log));
  std::string joined;
  for (const std::string& entry : log)
    joined += (joined.empty() ? "" : " / ") + entry;
  std::puts(joined.c_str());

  coflat::async_event event;
  auto t1 = coflat::create_task(waiter(event, "w1"));
  auto t2 = coflat::create_task(waiter(event, "w2"));
  co_await coflat::sleep(0s);
  std::puts("setting");
  event.set();
  co_await t1;
  co_await t2;

  coflat::async_semaphore sem(2);
  int active = 0;
  co_await coflat::gather(limited(sem, "s1", active), limited(sem, "s2", active), limited(sem, "s3", active),
                          limited(sem, "s4", active));
  std::puts("done");
}

int main() { coflat::run(main_task()); }

// CHECK: put 0 (size 1)
// CHECK: c: stop
// CHECK-NEXT: queue joined
// CHECK-NEXT: a in / a out / b in / b out / c in / c out
// CHECK-NEXT: w1 waits
// CHECK-NEXT: w2 waits
// CHECK-NEXT: setting
// CHECK-NEXT: w1 woke
// CHECK-NEXT: w2 woke
// CHECK-NEXT: s1 runs with 1 active
// CHECK-NEXT: s2 runs with 2 active
// CHECK: s4 runs with
// CHECK-NEXT: done
