// coflat/asyncio.h - asyncio's module-level functions: run, create_task,
// sleep, gather, wait_for, and fd readiness (readable/writable).
//
// gather and wait_for return lazy tasks whose frames are written by hand
// (detail/future_task.h), so they work unchanged in lowered C++17 code:
// awaited, the frame starts its children as Tasks and waits for one future
// that callbacks complete with asyncio's rules (first exception wins;
// cancelling cancels the children; a timeout cancels the work and waits for
// it to unwind).
#ifndef COFLAT_ASYNCIO_H
#define COFLAT_ASYNCIO_H

#include <coflat/detail/ensure_future.h>
#include <coflat/detail/fd_awaiter.h>
#include <coflat/detail/future_task.h>
#include <coflat/detail/gathering_state.h>
#include <coflat/detail/sleep_awaiter.h>
#include <coflat/detail/wait_for_state.h>
#include <coflat/errors.h>
#include <coflat/event_loop.h>
#include <coflat/future.h>
#include <coflat/task.h>

#include <chrono>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace coflat {

/// asyncio.run: a fresh loop runs the task; then the Tasks still pending
/// are cancelled and run until they unwind, and the loop is closed.
template <class T> T run(task<T> main) {
  event_loop loop;
  auto finish = [&loop] {
    if (loop.coflat_cancel_all() > 0)
      loop.coflat_run_until_no_tasks();
    loop.close();
  };
  try {
    if constexpr (std::is_void_v<T>) {
      loop.run_until_complete(std::move(main));
      finish();
    } else {
      T result = loop.run_until_complete(std::move(main));
      finish();
      return result;
    }
  } catch (...) {
    finish();
    throw;
  }
}

/// asyncio.create_task on the running loop.
template <class T> future<T> create_task(task<T> t) { return get_running_loop().create_task(std::move(t)); }

/// asyncio.sleep: `co_await sleep(d)`; sleep(0s) yields to the loop once.
template <class Rep, class Period>
detail::sleep_awaiter sleep(std::chrono::duration<Rep, Period> delay) {
  return detail::sleep_awaiter(std::chrono::duration_cast<event_loop::clock::duration>(delay));
}

/// Awaitables that complete when the fd is ready to read / to write.
inline detail::fd_awaiter readable(int fd) noexcept { return detail::fd_awaiter(fd, false); }
inline detail::fd_awaiter writable(int fd) noexcept { return detail::fd_awaiter(fd, true); }

/// asyncio.gather: runs each task (or waits for each future) as its own
/// Task, started in argument order when the gather is awaited; the results
/// in argument order (void as std::monostate); the first exception
/// propagates.
template <class... A>
task<std::tuple<detail::gathered_t<detail::awaitable_result_t<A>>...>> gather(A&&... awaitables) {
  using result = std::tuple<detail::gathered_t<detail::awaitable_result_t<A>>...>;
  return detail::future_task<result>(
      [args = std::make_tuple(std::decay_t<A>(std::forward<A>(awaitables))...)]() mutable {
        return std::apply(
            [](auto&... a) {
              // Braces: the Tasks are created in argument order.
              auto state = std::make_shared<detail::gather_tuple_state<detail::awaitable_result_t<A>...>>(
                  std::tuple<future<detail::awaitable_result_t<A>>...>{detail::ensure_future(std::move(a))...});
              state->start();
              return std::shared_ptr<detail::future_state<result>>(std::move(state));
            },
            args);
      });
}
template <class A>
task<std::vector<detail::gathered_t<detail::awaitable_result_t<A>>>> gather(std::vector<A> awaitables) {
  using value = detail::awaitable_result_t<A>;
  using result = std::vector<detail::gathered_t<value>>;
  return detail::future_task<result>([args = std::move(awaitables)]() mutable {
    std::vector<future<value>> futures;
    for (auto& a : args)
      futures.push_back(detail::ensure_future(std::move(a)));
    auto state = std::make_shared<detail::gather_vector_state<value>>(std::move(futures));
    state->start();
    return std::shared_ptr<detail::future_state<result>>(std::move(state));
  });
}

/// asyncio.wait_for: the result of the awaitable, or timeout_error once
/// `timeout` passed (the work is cancelled and has unwound by then).
template <class A, class Rep, class Period>
task<detail::awaitable_result_t<A>> wait_for(A&& awaitable, std::chrono::duration<Rep, Period> timeout) {
  using value = detail::awaitable_result_t<A>;
  auto delay = std::chrono::duration_cast<event_loop::clock::duration>(timeout);
  return detail::future_task<value>([a = std::decay_t<A>(std::forward<A>(awaitable)), delay]() mutable {
    auto state = std::make_shared<detail::wait_for_state<value>>(detail::ensure_future(std::move(a)));
    state->start(delay);
    return std::shared_ptr<detail::future_state<value>>(std::move(state));
  });
}

} // namespace coflat

#endif // COFLAT_ASYNCIO_H
