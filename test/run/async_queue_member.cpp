// A class holding an async_queue can be value-initialised with `{}`: the
// queue's default constructor is not explicit (issue #9, bug 5).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/coflat.h>
#include <cstdio>

struct mailbox {
  coflat::async_queue<int> queue;
  int received;
};

coflat::task<void> consume(mailbox& box) {
  for (int i = 0; i < 3; ++i)
    box.received += co_await box.queue.get();
}

coflat::task<void> produce(mailbox& box) {
  for (int i = 1; i <= 3; ++i)
    co_await box.queue.put(i * 10);
}

coflat::task<void> main_task() {
  mailbox box{};
  std::printf("empty %d\n", (int)box.queue.empty());
  co_await coflat::gather(consume(box), produce(box));
  std::printf("received %d\n", box.received);
}

int main() { coflat::run(main_task()); }
// CHECK:      empty 1
// CHECK-NEXT: received 60
