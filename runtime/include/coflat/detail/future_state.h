// coflat/detail/future_state.h - the shared state behind future<T>.
//
// The state belongs to the loop that was running when it was created (or,
// if none was, the loop running when it completes).  Completing it never
// runs anyone inline: the done callbacks, and so the wake-up of every task
// awaiting it, are scheduled with call_soon in the order they were added
// (inline only when there is no open loop to defer to).  Invariant: once
// done, the status never changes again and the callback list is empty.
#ifndef COFLAT_DETAIL_FUTURE_STATE_H
#define COFLAT_DETAIL_FUTURE_STATE_H

#include <coflat/detail/running_loop.h>
#include <coflat/errors.h>
#include <coflat/event_loop.h>

#include <exception>
#include <functional>
#include <optional>
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

} // namespace coflat

#endif // COFLAT_DETAIL_FUTURE_STATE_H
