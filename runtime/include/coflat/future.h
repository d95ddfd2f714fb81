// coflat/future.h - asyncio.Future: a result that arrives later.
//
// future<T> is a copyable handle to shared state.  The state belongs to the
// loop that was running when it was created (or, if none was, the loop
// running when it completes).  Completing it never runs anyone inline: the
// done callbacks, and so the wake-up of every task awaiting it, are
// scheduled with call_soon in the order they were added.
#ifndef COFLAT_FUTURE_H
#define COFLAT_FUTURE_H

#include <coflat/errors.h>
#include <coflat/event_loop.h>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace coflat {

namespace detail {

/// The part of a future's state that does not depend on T.  Tasks, gather
/// and wait_for derive from it to give cancel() its asyncio meaning.
class future_base {
public:
  future_base() noexcept : loop_(running_loop) {}
  future_base(const future_base&) = delete;
  future_base& operator=(const future_base&) = delete;
  virtual ~future_base() = default;

  bool done() const noexcept { return status_ != status::pending; }
  bool cancelled() const noexcept { return status_ == status::cancelled; }

  /// Cancels a pending future: it is done, and result() raises cancelled_error.
  virtual bool cancel() {
    if (done())
      return false;
    status_ = status::cancelled;
    schedule_callbacks();
    return true;
  }

  void set_exception(std::exception_ptr e) {
    if (done())
      throw invalid_state_error("future is already done");
    if (!e)
      throw invalid_state_error("set_exception of a null exception_ptr");
    exception_ = std::move(e);
    status_ = status::finished;
    schedule_callbacks();
  }

  /// The set exception (nullptr if none); cancelled_error if cancelled,
  /// invalid_state_error if pending.
  std::exception_ptr exception() const {
    if (cancelled())
      throw cancelled_error();
    if (!done())
      throw invalid_state_error("exception is not set");
    return exception_;
  }

  /// Runs fn via call_soon once done (at once scheduled if done already).
  void add_callback(std::function<void()> fn) {
    if (done())
      schedule(std::move(fn));
    else
      callbacks_.push_back(std::move(fn));
  }

protected:
  enum class status { pending, finished, cancelled };

  /// Throws what result() throws when there is no value to return.
  void check_result() const {
    if (cancelled())
      throw cancelled_error();
    if (!done())
      throw invalid_state_error("result is not set");
    if (exception_)
      std::rethrow_exception(exception_);
  }

  void mark_finished() {
    status_ = status::finished;
    schedule_callbacks();
  }

private:
  void schedule_callbacks() {
    std::vector<std::function<void()>> callbacks;
    callbacks.swap(callbacks_);
    for (auto& fn : callbacks)
      schedule(std::move(fn));
  }
  void schedule(std::function<void()> fn) {
    event_loop* loop = loop_ ? loop_ : running_loop;
    if (loop && !loop->is_closed())
      loop->call_soon(std::move(fn));
    else
      fn(); // no loop to defer to: a future used outside any loop
  }

  event_loop* loop_;
  status status_ = status::pending;
  std::exception_ptr exception_;
  std::vector<std::function<void()>> callbacks_;
};

template <class T> class future_state : public future_base {
public:
  template <class... U> void set_result(U&&... value) {
    if (done())
      throw invalid_state_error("future is already done");
    value_.emplace(std::forward<U>(value)...);
    mark_finished();
  }
  T& result() {
    check_result();
    return *value_;
  }

private:
  std::optional<T> value_;
};

template <> class future_state<void> : public future_base {
public:
  void set_result() {
    if (done())
      throw invalid_state_error("future is already done");
    mark_finished();
  }
  void result() { check_result(); }
};

} // namespace detail

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

} // namespace coflat

#endif // COFLAT_FUTURE_H
