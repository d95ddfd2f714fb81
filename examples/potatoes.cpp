// The "potatos" async generator example, ported from potatoes.py (kept
// beside this file): a shop takes items off a shelf with an async
// generator, and when the shelf is empty it waits for the farmer to bring
// more.  Two buyers shop at once with gather.  Deterministic: items are
// numbered, and the farmers' delays and batch sizes are fixed.
#include <coflat/coflat.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace std::chrono_literals;

// A shelf of numbered items, and the farmer who restocks it.
struct shelf {
  shelf(std::string name, std::string plural, int count, std::chrono::milliseconds farmer_delay, int batch)
      : name(std::move(name)), plural(std::move(plural)), farmer_delay(farmer_delay), batch(batch) {
    grow(count);
  }

  void grow(int count) {
    for (int i = 0; i < count; ++i) {
      grown += 1;
      items.push_back(grown);
    }
  }

  std::string name;
  std::string plural;
  std::deque<int> items;
  int grown = 0;
  std::chrono::milliseconds farmer_delay;
  int batch;
};

// Both shelves run out at once; the farmers come back at 120 ms and 240 ms
// (tomatoes) and 180 ms and 360 ms (potatoes).  Deadlines that race are
// 60 ms apart or more, so the interleaving holds on a busy machine.
shelf potatos("potato", "potatoes", 2, 180ms, 3);
shelf tomatos("tomato", "tomatoes", 3, 120ms, 2);

coflat::task<void> ask_farmer_for_more(shelf& s) {
  std::printf("Out of %s: asking the farmer...\n", s.plural.c_str());
  co_await coflat::sleep(s.farmer_delay);
  s.grow(s.batch);
  std::printf("The farmer brought %d %s\n", s.batch, s.plural.c_str());
}

coflat::async_generator<int> take(shelf& s, int num) {
  int count = 0;
  while (count < num) {
    if (s.items.empty()) {
      co_await ask_farmer_for_more(s);
    } else {
      int item = s.items.front();
      s.items.pop_front();
      co_yield item;
      count += 1;
    }
  }
}

coflat::task<void> buy_potatos() {
  std::vector<int> bucket;
  auto gen = take(potatos, 7);
  while (auto p = co_await gen.next()) {
    bucket.push_back(*p);
    std::printf("Got potato %d...\n", *p);
  }
  std::printf("Bought %zu potatoes\n", bucket.size());
}

coflat::task<void> buy_tomatos() {
  std::vector<int> bucket;
  auto gen = take(tomatos, 6);
  while (auto t = co_await gen.next()) {
    bucket.push_back(*t);
    std::printf("Got tomato %d...\n", *t);
  }
  std::printf("Bought %zu tomatoes\n", bucket.size());
}

coflat::task<void> main_task() {
  co_await coflat::gather(buy_potatos(), buy_tomatos());
  std::printf("Left on the shelves: potatoes %zu, tomatoes %zu\n", potatos.items.size(), tomatos.items.size());
}

int main() { coflat::run(main_task()); }
