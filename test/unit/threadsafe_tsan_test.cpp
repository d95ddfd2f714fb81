// call_soon_threadsafe under ThreadSanitizer: several threads post callbacks
// to a loop that is blocked in epoll_wait with nothing else to do (a far
// timer keeps it waiting), so every callback must arrive through the
// mutex-protected queue and the eventfd wake-up.  Built with
// -fsanitize=thread as its own executable (test/unit/CMakeLists.txt).
#include <coflat/coflat.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using coflat::event_loop;

constexpr int thread_count = 4;
constexpr int posts_per_thread = 500;
constexpr int total = thread_count * posts_per_thread;

TEST(ThreadsafeTsan, CallSoonThreadsafeWakesABlockedLoop) {
  event_loop loop;
  int count = 0; // touched only by the loop's thread
  bool timer_fired = false;
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;

  // Keeps the loop waiting in epoll (with a 10 s timeout) once the callback
  // below has run and nothing else is scheduled; if a post failed to wake
  // it, this timer would end the test with the count short.
  loop.call_later(10s, [&] {
    timer_fired = true;
    loop.stop();
  });
  loop.call_soon([&] {
    for (int t = 0; t < thread_count; ++t)
      threads.emplace_back([&] {
        while (!go.load(std::memory_order_acquire))
          std::this_thread::yield();
        // Give the loop time to block in epoll_wait before the first post.
        std::this_thread::sleep_for(20ms);
        for (int i = 0; i < posts_per_thread; ++i) {
          loop.call_soon_threadsafe([&] {
            if (++count == total)
              loop.stop();
          });
          if (i % 50 == 0)
            std::this_thread::sleep_for(1ms); // let the loop block again now and then
        }
      });
    go.store(true, std::memory_order_release);
  });

  auto start = event_loop::clock::now();
  loop.run_forever();
  auto took = event_loop::clock::now() - start;
  for (auto& th : threads)
    th.join(); // before the loop (and its eventfd) goes away

  EXPECT_EQ(count, total);
  // The loop woke up for the posts, not because its timer ran out.
  EXPECT_FALSE(timer_fired);
  EXPECT_LT(took, 10s);
}

TEST(ThreadsafeTsan, PostsBeforeTheLoopRunsAreNotLost) {
  event_loop loop;
  int count = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i)
        loop.call_soon_threadsafe([&] { ++count; });
    });
  for (auto& th : threads)
    th.join();
  bool timer_fired = false;
  loop.call_later(10s, [&] {
    timer_fired = true;
    loop.stop();
  });
  loop.call_soon_threadsafe([&] {
    ++count;
    loop.stop();
  });
  auto start = event_loop::clock::now();
  loop.run_forever();
  EXPECT_EQ(count, thread_count * 100 + 1);
  EXPECT_FALSE(timer_fired);
  EXPECT_LT(event_loop::clock::now() - start, 10s);
}

} // namespace
