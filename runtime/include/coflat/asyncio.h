// coflat/asyncio.h - asyncio's module-level functions: run, create_task,
// sleep, gather, wait_for, and fd readiness (readable/writable).
//
// gather and wait_for return lazy tasks whose frames are written by hand
// (below), so they work unchanged in lowered C++17 code: awaited, the frame
// starts its children as Tasks and waits for one future that callbacks
// complete with asyncio's rules (first exception wins; cancelling cancels
// the children; a timeout cancels the work and waits for it to unwind).
#ifndef COFLAT_ASYNCIO_H
#define COFLAT_ASYNCIO_H

#include <coflat/errors.h>
#include <coflat/event_loop.h>
#include <coflat/future.h>
#include <coflat/task.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
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

namespace detail {

/// asyncio.sleep: a timer completes a future the task waits on; a zero
/// delay yields to the loop once.
class sleep_awaiter {
public:
  explicit sleep_awaiter(event_loop::clock::duration delay) noexcept : delay_(delay) {}
  sleep_awaiter(sleep_awaiter&&) = default;
  ~sleep_awaiter() { timer_.cancel(); }
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle h) {
    if (delay_ <= event_loop::clock::duration::zero())
      return h.coflat_yield_once();
    done_ = std::make_shared<future_state<void>>();
    timer_ = get_running_loop().call_later(delay_, [done = done_] {
      if (!done->done())
        done->set_result();
    });
    h.coflat_wait_on(*done_);
  }
  void await_resume() {
    timer_.cancel();
    if (done_)
      done_->result();
  }

private:
  event_loop::clock::duration delay_;
  std::shared_ptr<future_state<void>> done_;
  timer_handle timer_;
};

/// readable(fd) / writable(fd): waits until epoll reports the fd ready.
class fd_awaiter {
public:
  fd_awaiter(int fd, bool write) noexcept : fd_(fd), write_(write) {}
  fd_awaiter(fd_awaiter&& other) noexcept
      : fd_(other.fd_), write_(other.write_), loop_(std::exchange(other.loop_, nullptr)),
        ready_(std::move(other.ready_)) {}
  ~fd_awaiter() { unwatch(); }
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle h) {
    loop_ = &get_running_loop();
    ready_ = std::make_shared<future_state<void>>();
    auto on_ready = [ready = ready_] {
      if (!ready->done())
        ready->set_result();
    };
    if (write_)
      loop_->add_writer(fd_, on_ready);
    else
      loop_->add_reader(fd_, on_ready);
    h.coflat_wait_on(*ready_);
  }
  void await_resume() {
    unwatch();
    ready_->result();
  }

private:
  void unwatch() noexcept {
    if (event_loop* loop = std::exchange(loop_, nullptr); loop && !loop->is_closed()) {
      if (write_)
        loop->remove_writer(fd_);
      else
        loop->remove_reader(fd_);
    }
  }
  int fd_;
  bool write_;
  event_loop* loop_ = nullptr;
  std::shared_ptr<future_state<void>> ready_;
};

template <class A> struct awaitable_traits;
template <class T> struct awaitable_traits<task<T>> {
  using result = T;
  static future<T> ensure_future(task<T>&& t) { return create_task(std::move(t)); }
};
template <class T> struct awaitable_traits<future<T>> {
  using result = T;
  static future<T> ensure_future(future<T> f) { return f; }
};
template <class A> using awaitable_result_t = typename awaitable_traits<std::decay_t<A>>::result;
/// asyncio.ensure_future: a task becomes a Task on the running loop.
template <class A> auto ensure_future(A&& a) {
  return awaitable_traits<std::decay_t<A>>::ensure_future(std::forward<A>(a));
}

/// gather's result for one argument: void becomes std::monostate.
template <class T> using gathered_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;
template <class T> gathered_t<T> take_result(future<T>& f) {
  if constexpr (std::is_void_v<T>) {
    f.result();
    return {};
  } else {
    return std::move(f.result());
  }
}

/// A task frame that, started, calls `start()` for a future and finishes
/// with that future's outcome.  Cancelling the awaiting Task cancels the
/// future (whose cancel() gives the asyncio meaning).
template <class T, class Start> class future_task_frame final : public task_state<T> {
public:
  explicit future_task_frame(Start start) : start_(std::move(start)) {}
  void coflat_resume() override {
    if (this->coflat_state == 0) {
      this->coflat_state = state_running;
      outcome_ = start_();
      if (!outcome_->done()) {
        this->coflat_state = 1;
        resume_handle(this).coflat_wait_on(*outcome_);
        return;
      }
    }
    this->coflat_state = state_done;
    this->coflat_rethrow_pending();
    if constexpr (std::is_void_v<T>)
      outcome_->result();
    else
      this->coflat_return_value(std::move(outcome_->result()));
  }
  void coflat_destroy() noexcept override { delete this; }

private:
  Start start_;
  std::shared_ptr<future_state<T>> outcome_;
};
template <class T, class Start> task<T> future_task(Start start) {
  return task<T>(new future_task_frame<T, Start>(std::move(start)));
}

/// asyncio's _GatheringFuture: completed by its children's done callbacks.
template <class Result>
class gathering_state : public future_state<Result>,
                        public std::enable_shared_from_this<gathering_state<Result>> {
public:
  /// Cancels every child; the gather then raises cancelled_error.
  bool cancel() override {
    if (this->done())
      return false;
    bool any = false;
    for (auto& child : children_)
      any = child->cancel() || any;
    if (any)
      cancel_requested_ = true;
    return any;
  }

protected:
  virtual Result collect() = 0;

  /// Watches the children, in argument order.
  void watch(std::vector<std::shared_ptr<future_base>> children) {
    children_ = std::move(children);
    if (children_.empty())
      return this->set_result(collect());
    for (auto& child : children_)
      child->add_callback([self = this->shared_from_this(), c = child.get()] { self->child_done(*c); });
  }

private:
  void child_done(future_base& child) {
    ++finished_;
    if (this->done())
      return;
    if (child.cancelled())
      return this->set_exception(std::make_exception_ptr(cancelled_error()));
    if (std::exception_ptr e = child.exception())
      return this->set_exception(e); // the first exception propagates
    if (finished_ == children_.size()) {
      if (cancel_requested_)
        this->set_exception(std::make_exception_ptr(cancelled_error()));
      else
        this->set_result(collect());
    }
  }

  std::vector<std::shared_ptr<future_base>> children_;
  std::size_t finished_ = 0;
  bool cancel_requested_ = false;
};

template <class... T>
class gather_tuple_state final : public gathering_state<std::tuple<gathered_t<T>...>> {
public:
  explicit gather_tuple_state(std::tuple<future<T>...> futures) : futures_(std::move(futures)) {}
  void start() {
    this->watch(std::apply([](auto&... f) { return std::vector<std::shared_ptr<future_base>>{f.coflat_state()...}; },
                           futures_));
  }

private:
  std::tuple<gathered_t<T>...> collect() override {
    return std::apply([](auto&... f) { return std::tuple<gathered_t<T>...>(take_result(f)...); }, futures_);
  }
  std::tuple<future<T>...> futures_;
};

template <class T> class gather_vector_state final : public gathering_state<std::vector<gathered_t<T>>> {
public:
  explicit gather_vector_state(std::vector<future<T>> futures) : futures_(std::move(futures)) {}
  void start() {
    std::vector<std::shared_ptr<future_base>> children;
    for (auto& f : futures_)
      children.push_back(f.coflat_state());
    this->watch(std::move(children));
  }

private:
  std::vector<gathered_t<T>> collect() override {
    std::vector<gathered_t<T>> results;
    results.reserve(futures_.size());
    for (auto& f : futures_)
      results.push_back(take_result(f));
    return results;
  }
  std::vector<future<T>> futures_;
};

/// asyncio.wait_for (3.11): on timeout the work is cancelled, and the
/// timeout_error raised once it has unwound; if it returns a value anyway,
/// that is the result.  Cancelling the wait cancels the work likewise.
template <class T>
class wait_for_state final : public future_state<T>, public std::enable_shared_from_this<wait_for_state<T>> {
public:
  explicit wait_for_state(future<T> inner) : inner_(std::move(inner)) {}
  ~wait_for_state() override { timer_.cancel(); }

  void start(event_loop::clock::duration timeout) {
    auto self = this->shared_from_this();
    inner_.coflat_state()->add_callback([self] { self->on_inner_done(); });
    // A timeout <= 0 cancels at once, as asyncio does: a Task not yet run
    // never starts (a 0s timer would let it run its first step).
    if (timeout <= event_loop::clock::duration::zero())
      on_timeout();
    else
      timer_ = get_running_loop().call_later(timeout, [self] { self->on_timeout(); });
  }
  bool cancel() override {
    if (this->done())
      return false;
    cancel_requested_ = true;
    inner_.cancel();
    return true;
  }

private:
  void on_timeout() {
    if (!inner_.done()) {
      timed_out_ = true;
      inner_.cancel();
    }
  }
  void on_inner_done() {
    timer_.cancel();
    if (this->done())
      return;
    if (cancel_requested_)
      return this->set_exception(std::make_exception_ptr(cancelled_error()));
    if (inner_.cancelled())
      return this->set_exception(timed_out_ ? std::make_exception_ptr(timeout_error())
                                            : std::make_exception_ptr(cancelled_error()));
    if (std::exception_ptr e = inner_.exception())
      return this->set_exception(e);
    if constexpr (std::is_void_v<T>)
      this->set_result();
    else
      this->set_result(std::move(inner_.result()));
  }

  future<T> inner_;
  timer_handle timer_;
  bool timed_out_ = false;
  bool cancel_requested_ = false;
};

} // namespace detail

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
