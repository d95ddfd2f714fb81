// A consumer coroutine driven by send(), ported from producer_consumer.py.
// Send is std::optional<int>: next() sends a value-initialised optional,
// which plays the part of Python's None.
#include <coflat/coflat.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using sink_t = coflat::generator<int, std::optional<int>, int>;

sink_t consumer(std::string name) {
  std::printf("%s: ready\n", name.c_str());
  int total = 0;
  int count = 0;
  while (true) {
    std::optional<int> item = co_yield total;
    if (!item)
      break;
    count += 1;
    total += *item;
    std::printf("%s: got %d, total %d\n", name.c_str(), *item, total);
  }
  std::printf("%s: closing after %d items\n", name.c_str(), count);
  co_return total;
}

void producer(sink_t sink, const std::vector<int>& items) {
  std::printf("producer: priming %d\n", *sink.next());
  for (int item : items) {
    std::printf("producer: sending %d\n", item);
    int running = *sink.send(item);
    std::printf("producer: running total is %d\n", running);
  }
  if (!sink.send(std::nullopt))
    std::printf("producer: consumer returned %d\n", sink.result());
}

// close() raises generator_exit inside the consumer.
coflat::generator<int, int> careful() {
  try {
    while (true) {
      int item = co_yield 0;
      std::printf("careful: %d\n", item);
    }
  } catch (const coflat::generator_exit&) {
    std::puts("careful: closed");
    throw;
  }
}

int main() {
  producer(consumer("sink"), {3, 1, 4, 1, 5});
  auto c = careful();
  c.next();
  c.send(7);
  c.close();
  std::puts("done");
}
