// coflat/async_generator.h - async generators (PEP 525).
//
// The body may both co_await and co_yield.  `co_await agen.next()` runs the
// body inline in the consumer's Task (the frame is pushed on the consumer's
// runner, like a child task) until it yields, returns or raises; a yield
// hands control straight back to the consumer.
#ifndef COFLAT_ASYNC_GENERATOR_H
#define COFLAT_ASYNC_GENERATOR_H

#include <coflat/detail/async_generator_state.h>
#include <coflat/detail/dependent_frame.h>
#include <coflat/detail/is_generator_exit.h>
#include <coflat/detail/native_promise.h>
#include <coflat/errors.h>
#include <coflat/frame.h>
#include <coflat/task.h>

#include <exception>
#include <optional>
#include <stdexcept>
#include <utility>

namespace coflat {

template <class T>
class
#if defined(__clang__)
    [[clang::annotate("coflat::async_generator")]]
#endif
    async_generator {
public:
  using state_type = detail::async_generator_state<T>;
  using value_type = T;

#if defined(__cpp_impl_coroutine)
  class promise_type final : public detail::native_promise<promise_type, state_type> {
  public:
    async_generator get_return_object() noexcept { return async_generator(this); }
    void return_void() noexcept {}
    template <class U> auto yield_value(U&& value) { return this->coflat_yield_value(std::forward<U>(value)); }
    template <class A> auto await_transform(A&& a) { return this->coflat_await(std::forward<A>(a)); }
  };
#endif

  explicit async_generator(state_type* frame) noexcept : frame_(frame) {}
  async_generator(async_generator&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
  async_generator& operator=(async_generator&& other) noexcept {
    if (this != &other) {
      reset();
      frame_ = std::exchange(other.frame_, nullptr);
    }
    return *this;
  }
  /// Destroying a suspended async generator destroys its live objects
  /// without running it (Python would schedule aclose()).
  ~async_generator() { reset(); }

  /// `co_await agen.next()`: the next value, or nullopt once the body
  /// returned (StopAsyncIteration); an exception escaping the body
  /// propagates (once).
  class next_awaiter {
  public:
    explicit next_awaiter(state_type* frame) noexcept : frame_(frame) {}
    bool await_ready() const noexcept { return !frame_ || frame_->coflat_done(); }
    void await_suspend(resume_handle h) {
      if (frame_->coflat_busy)
        throw invalid_state_error("asynchronous generator is already running");
      frame_->coflat_busy = true;
      h.coflat_push(frame_, nullptr, nullptr); // the async_generator owns it
    }
    std::optional<T> await_resume() {
      if (!frame_)
        throw invalid_state_error("next() of a moved-from async_generator");
      frame_->coflat_busy = false;
      frame_->coflat_rethrow_exception();
      return std::exchange(frame_->coflat_current, std::nullopt);
    }

  private:
    state_type* frame_;
  };
  next_awaiter next() noexcept { return next_awaiter(frame_); }

  /// `co_await agen.aclose()`: raises generator_exit at the suspended
  /// co_yield; runtime_error if the body yields again.
  class aclose_awaiter {
  public:
    explicit aclose_awaiter(state_type* frame) noexcept : frame_(frame) {}
    bool await_ready() const noexcept {
      if (!frame_ || frame_->coflat_done())
        return true;
      if (frame_->coflat_state == 0) { // never started: it just ends
        frame_->coflat_state = detail::state_done;
        return true;
      }
      return false;
    }
    void await_suspend(resume_handle h) {
      if (frame_->coflat_busy)
        throw invalid_state_error("asynchronous generator is already running");
      frame_->coflat_busy = true;
      frame_->coflat_pending = std::make_exception_ptr(generator_exit());
      h.coflat_push(frame_, nullptr, nullptr);
    }
    void await_resume() {
      if (!frame_ || !frame_->coflat_busy)
        return;
      frame_->coflat_busy = false;
      if (frame_->coflat_current) {
        frame_->coflat_current.reset();
        throw std::runtime_error("async generator ignored generator_exit");
      }
      if (std::exception_ptr e = std::exchange(frame_->coflat_exception, nullptr))
        if (!detail::is_generator_exit(e))
          std::rethrow_exception(e);
    }

  private:
    state_type* frame_;
  };
  aclose_awaiter aclose() noexcept { return aclose_awaiter(frame_); }

  bool done() const noexcept { return !frame_ || frame_->coflat_done(); }

private:
  void reset() noexcept {
    if (frame_)
      std::exchange(frame_, nullptr)->coflat_destroy();
  }
  state_type* frame_;
};

/// Consumed when awaited or delegated to: a moved-from handle's end is
/// unobservable (see detail::unobserved_destructor).
template <class T> struct detail::unobserved_destructor<async_generator<T>> : std::true_type {};

} // namespace coflat

#endif // COFLAT_ASYNC_GENERATOR_H
