// coflat/future.h - asyncio.Future: a result that arrives later.
//
// future<T> is a copyable handle to shared state (detail/future_state.h),
// which belongs to the loop that was running when it was created (or, if
// none was, the loop running when it completes).  Completing it never runs
// anyone inline: the done callbacks, and so the wake-up of every task
// awaiting it, are scheduled with call_soon in the order they were added.
#ifndef COFLAT_FUTURE_H
#define COFLAT_FUTURE_H

#include <coflat/detail/dependent_frame.h>
#include <coflat/detail/future_state.h>
#include <coflat/errors.h>
#include <coflat/event_loop.h>

#include <exception>
#include <memory>
#include <utility>

namespace coflat {

template <class T = void> class future {
public:
  using value_type = T;
  using state_type = detail::future_state<T>;

  /// A new pending future.
  future() : state_(std::make_shared<state_type>()) {}
  explicit future(std::shared_ptr<state_type> state) noexcept : state_(std::move(state)) {}

  template <class... U> void set_result(U&&... value) {
    state_->set_result(std::forward<U>(value)...);
  }
  void set_exception(std::exception_ptr e) { state_->set_exception(std::move(e)); }
  bool cancel() { return state_->cancel(); }
  bool done() const noexcept { return state_->done(); }
  bool cancelled() const noexcept { return state_->cancelled(); }
  /// The result; invalid_state_error if pending, cancelled_error if
  /// cancelled, the set exception rethrown.
  decltype(auto) result() const { return state_->result(); }
  std::exception_ptr exception() const { return state_->exception(); }

  /// fn(future&) runs from the loop (call_soon) once this is done.
  template <class Fn> void add_done_callback(Fn fn) {
    state_->add_callback([state = state_, fn = std::move(fn)]() mutable {
      future self(state);
      fn(self);
    });
  }

  /// What `co_await fut` suspends on: the awaiting task wakes (via
  /// call_soon) once the future is done, then gets result().
  class awaiter {
  public:
    explicit awaiter(std::shared_ptr<state_type> s) noexcept : state_(std::move(s)) {}
    bool await_ready() const noexcept { return state_->done(); }
    template <class Handle> void await_suspend(Handle h) { h.coflat_wait_on(*state_); }
    decltype(auto) await_resume() const { return state_->result(); }

  private:
    std::shared_ptr<state_type> state_;
  };
  awaiter coflat_awaiter() const noexcept { return awaiter(state_); }

  const std::shared_ptr<state_type>& coflat_state() const noexcept { return state_; }
  friend bool operator==(const future& a, const future& b) noexcept { return a.state_ == b.state_; }
  friend bool operator!=(const future& a, const future& b) noexcept { return a.state_ != b.state_; }

private:
  std::shared_ptr<state_type> state_;
};

/// Consumed when awaited or delegated to: a moved-from handle's end is
/// unobservable (see detail::unobserved_destructor).
template <class T> struct detail::unobserved_destructor<future<T>> : std::true_type {};

} // namespace coflat

#endif // COFLAT_FUTURE_H
